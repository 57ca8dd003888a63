import Catalogue
import PlannerModel
import Testing
import Weather

@testable import PlannerEngine

/// The extreme check (DESIGN.md §5.15): one 10 MW facility-water loop at 32 °C with the default
/// 1 MW dry coolers (8 K approach, N+1) and 3.5 MW chillers (N+1), 10 K rise.
@Suite("Plant at the extreme condition with one chiller and one economiser out")
struct ExtremeCheckTests {
    static let design = DesignConditions(
        coolingDryBulb: .celsius(33), coolingMeanCoincidentWetBulb: .celsius(25), evaporationWetBulb: .celsius(27),
        evaporationMeanCoincidentDryBulb: .celsius(31), source: .stated("test"))

    static func loop(_ choices: CoolingChoices) -> CoolingLoop {
        CoolingAnalysis.loop(
            .liquid, supply: .celsius(32), designHeat: .megawatts(10), design: design, choices: choices)
    }

    /// A year of `dryBulbs` hours, wet bulb from a 10 °C dew point.
    static func year(_ dryBulbs: [Double]) -> WeatherYear {
        let n = dryBulbs.count
        return WeatherYear(
            location: WeatherLocation(
                city: "T", region: "", country: "", source: "", wmo: "0", latitudeDegrees: 0, longitudeDegrees: 0,
                timeZoneHours: 0, elevation: .metres(0)),
            fileName: "t.epw", years: Array(repeating: 2020, count: n), months: Array(repeating: 7, count: n),
            days: Array(repeating: 1, count: n), hours: (0..<n).map { UInt8($0 % 24 + 1) },
            dryBulb: HourlySeries(celsius: dryBulbs), dewPoint: HourlySeries(celsius: Array(repeating: 10, count: n)),
            relativeHumidity: HourlySeries(si: Array(repeating: 0.3, count: n)),
            stationPressure: HourlySeries(si: Array(repeating: 101_325, count: n)))
    }

    static func check(_ choices: CoolingChoices, hours: [Double]) -> ExtremeCheck {
        var level = CoolingAnalysis.Level()
        level.loads.liquid = .megawatts(10)
        return CoolingAnalysis.extremeCheck(
            weather: year(hours), design: design, loops: [loop(choices)], levels: [level], levelOfHour: { _ in 0 },
            choices: choices)
    }

    @Test("a sized N+1 plant holds a 40 °C extreme with one of each out: 3 × 3.5 MW = 10.5 against 10 MW")
    func sizedPlantHolds() throws {
        // Economisers (DESIGN.md §5.12) at the design 33 °C with 10 units: the water-cooled chillers'
        // condenser water runs through the bank, so T_econ = 33 + 8·(10 + W)/10 with W = Q_c/9.4
        // (COP at its cap: T_evap 30 °C, T_cond ≈ 49 °C, 0.7 × 303.15/19 ≈ 11 > 9.4) and Q_c = T_econ − 32
        // [MW]: T_econ = 41.84 °C, Q_c = 9.84, W = 1.05 → 11.05 MW > 10: one more. With 11:
        // T_econ = (40.27 − 0.0774 × 32)/(1 − 0.0774) = 40.97 °C, Q_c = 8.97, W = 0.95 → 10.95 ≤ 11.
        // Required 11, installed 12; chillers ⌈8.97/3.5⌉ = 3 + 1 = 4.
        // Extreme 40 °C: 11 economisers left, T_econ ≥ 40 + 8 × 10/11 = 47.3 °C ≥ return 42 °C: the
        // chillers take all 10 MW. 3 chillers left × 3.5 = 10.5 MW; margin = 10.5 − 10 = +0.5 MW.
        var choices = BuiltInThermal.defaultChoices
        choices.extremeDryBulb = .celsius(40)
        let e = Self.check(choices, hours: [20, 30])
        let l = try #require(e.loops.first)
        #expect(l.economisersInService == 11 && l.chillersInService == 3)
        #expect(abs(l.duty.megawatts - 10) < 1e-9)
        #expect(abs(l.margin.megawatts - 0.5) < 1e-9)
        #expect(l.supply == .celsius(32))
        #expect(l.hoursShort == 0)
        // The wet bulb defaults to the 0.4 % evaporation WB.
        #expect(e.wetBulb == .celsius(27))
    }

    @Test("three chillers fixed by the spec leave 7 MW at the extreme: 3 MW short, water at 40.8 °C")
    func fixedChillersShort() throws {
        // 3 installed, one out → 2 × 3.5 = 7 MW against the 10 MW duty: margin −3 MW. Steady state
        // T_s = T_econ − ΔT·C/Q = T_econ − 7 with the 11 economisers left rejecting Q + W:
        // lift T_cond − T_evap = (T_econ + 7.6) − (T_econ − 9) = 16.6 K, so COP = 0.7 × 312/16.6 > 9.4:
        // capped, W = 7/9.4 = 0.745 MW; T_econ = 40 + 8 × 10.745/11 = 47.814 °C, T_s = 40.814 °C.
        // Hours of the year: at 30 °C, T_econ = (37.27 − 0.0774 × 32)/(1 − 0.0774) = 37.71 °C, need
        // 5.71 MW ≤ 7: holds; at 36 °C T_econ ≥ 43.3 ≥ 42: need 10 MW > 7: short by 3 MW; at 20 °C
        // free. So 1 h short, 3 MW.
        var choices = BuiltInThermal.defaultChoices
        choices.chillerUnits = [.liquid: 3, .air: 3]
        choices.extremeDryBulb = .celsius(40)
        let l = try #require(Self.check(choices, hours: [20, 30, 36]).loops.first)
        #expect(abs(l.margin.megawatts + 3) < 1e-9)
        #expect(abs(l.supply.celsius - (40 + 8 * (10 + 7 / 9.4) / 11 - 7)) < 1e-6)
        #expect(l.hoursShort == 1)
        #expect(abs(l.worstShort.megawatts - 3) < 1e-9)
        // Invariant: a short loop settles above its set point, never below.
        #expect(l.supply > .celsius(32))
    }

    @Test("with one economiser out the bank is smaller, so its approach and fan speed grow with the duty per unit")
    func economiserOut() {
        // Sized without a spare: 11 required and installed (see above), 10 left → 10 MW bank. At
        // 20 °C the 10 MW loop is free: the fans slow to s = 8 × (10/10)/(32 − 20) = 0.667, the water
        // leaves at 20 + 8/0.667 = 32 °C, and the bank's 10 × 25 kW draw 250 × 0.667³ = 74.07 kW.
        var choices = BuiltInThermal.defaultChoices
        choices.economiserRedundancy = .n
        let degraded = CoolingAnalysis.degradedPlant(Self.loop(choices), choices: choices)
        #expect(degraded.economisers == 10)
        #expect(degraded.plant.economiserCapacity == .megawatts(10))
        let hour = Thermal.plantHour(
            dryBulb: .celsius(20), wetBulb: .celsius(15), supply: .celsius(32), heatLoad: .megawatts(10),
            plant: degraded.plant)
        #expect(hour.mode == .free)
        #expect(abs(hour.fanSpeed.fraction - 2.0 / 3) < 1e-12)
        #expect(abs(hour.economiserLeaving.celsius - 32) < 1e-9)
        #expect(abs(hour.fanPower.kilowatts - 250 * 8.0 / 27) < 1e-9)
    }

    @Test("without a spec or an Extremes block the extreme is the year's hottest hour")
    func hottestHourFallback() {
        // Hours 20, 37.5, 30 °C: the hottest is 37.5 °C.
        let c = CoolingAnalysis.extremeCondition(
            choices: BuiltInThermal.defaultChoices, design: Self.design, weather: Self.year([20, 37.5, 30]))
        #expect(c.dryBulb == .celsius(37.5))
        #expect(c.wetBulb <= c.dryBulb)
    }
}
