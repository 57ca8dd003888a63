import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Hourly series")
struct HourlySeriesTests {
    @Test("a year of 8,760 h at 1 MW holds 8,760 MWh = 3.1536e13 J")
    func yearAtOneMegawatt() {
        let year = HourlySeries(repeating: Power.megawatts(1), count: 8_760)
        // Σ 1e6 W over 8 760 h = 8.76e9 W, × 3 600 s = 3.1536e13 J (all exact in doubles).
        #expect(year.count == 8_760)
        #expect(year.energy.joules == 3.1536e13)
        #expect(isClose(year.energy.megawattHours, 8_760))
        #expect(year.energy == Power.megawatts(1) * .year)
    }

    @Test("three hours at 1, 2 and 3 kW hold 6 kWh; sum 6 kW, mean 2 kW")
    func threeHours() {
        let series: HourlySeries<Power> = [.kilowatts(1), .kilowatts(2), .kilowatts(3)]
        // (1 + 2 + 3) kW × 1 h = 6 kWh = 2.16e7 J.
        #expect(series.energy.joules == 2.16e7)
        #expect(series.energy.kilowattHours == 6)
        #expect(series.sum == .kilowatts(6))
        #expect(series.mean == .kilowatts(2))
        #expect(series.si == [1_000, 2_000, 3_000])
    }

    @Test("energy is the hourly powers summed in watts, then times 3,600 s (the order the plant sums in)")
    func energyOrder() {
        let watts = [0.1, 0.2, 0.3, 1e6 / 3, 7.7e5, 12.345]
        let series = HourlySeries<Power>(si: watts)
        #expect(series.energy.joules == watts.reduce(0, +) * 3600)
        #expect(series.sum.watts == watts.reduce(0, +))
    }

    @Test("max and the peak hour: the largest value and the first hour holding it")
    func maxAndPeakHour() {
        let series: HourlySeries<Power> = [.kilowatts(3), .kilowatts(7), .kilowatts(7), .kilowatts(1)]
        #expect(series.max() == .kilowatts(7))
        #expect(series.peakHour == 1)
        #expect(series[series.peakHour!] == .kilowatts(7))
        #expect(series.min() == .kilowatts(1))
        let empty: HourlySeries<Power> = []
        #expect(empty.isEmpty && empty.max() == nil && empty.peakHour == nil && empty.mean == nil)
        #expect(empty.energy == .zero)
    }

    @Test("temperatures are stored and read back in °C unchanged")
    func temperaturesInCelsius() {
        let celsius = [20.3, -12.35, 35.0, 0.1]
        let series = HourlySeries<Temperature>(celsius: celsius)
        // The °C numbers come back bit for bit (a kelvin round trip would not: 20.3 + 273.15 − 273.15).
        #expect(series.celsius == celsius)
        #expect(series[0] == .celsius(20.3))
        #expect(isClose(series[1].celsius, -12.35, absolute: 1e-12))
        #expect(isClose(series[2].kelvins, 308.15, absolute: 1e-12))
        // Mean (20.3 − 12.35 + 35 + 0.1)/4 = 10.7625 °C; max 35 °C at hour 2.
        #expect(isClose(series.mean!.celsius, 10.7625, absolute: 1e-12))
        #expect(series.max() == .celsius(35))
        #expect(series.peakHour == 2)
        // Built from typed values, a temperature is stored as its `.celsius`.
        let typed = HourlySeries([Temperature.celsius(30), .kelvins(300)])
        #expect(typed.celsius == [Temperature.celsius(30).celsius, Temperature.kelvins(300).celsius])
        #expect(isClose(typed.celsius[1], 26.85, absolute: 1e-12))
    }

    @Test("repeating, element writes and map to another hourly type")
    func buildAndMap() {
        var series = HourlySeries(repeating: Power.kilowatts(2), count: 3)
        series[1] = .kilowatts(5)
        #expect(series.si == [2_000, 5_000, 2_000])
        // Hourly energy: P(h)·1 h.
        let energies: HourlySeries<Energy> = series.map { $0 * HourlySeries<Power>.step }
        #expect(energies.map(\.kilowattHours) == [2, 5, 2])
        let supply = HourlySeries<Temperature>(celsius: [32, 34])
        let rise: HourlySeries<TemperatureDifference> = supply.map { $0 - .celsius(32) }
        #expect(isClose(rise[1].kelvins, 2, absolute: 1e-12))
        #expect(HourlySeries<Power>.step == .seconds(3_600))
    }
}
