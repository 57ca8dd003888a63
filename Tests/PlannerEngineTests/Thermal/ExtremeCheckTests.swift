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
        // Design 33 °C: T_econ = 33 + 8 = 41 °C, chiller share (41 − 32)/10 = 0.9 → 9 MW → 3 + 1 = 4 chillers.
        // Economisers: 10 MW / 1 MW = 10 + 1 = 11. Extreme 40 °C: 10 economisers left carry 10 MW at their
        // rated duty (approach stays 8 K) → T_econ = 48 °C ≥ return 42 °C: chillers take all 10 MW.
        // 3 chillers left × 3.5 = 10.5 MW; margin = 10.5 − 10 = +0.5 MW.
        var choices = BuiltInThermal.defaultChoices
        choices.extremeDryBulb = .celsius(40)
        let e = Self.check(choices, hours: [20, 30])
        let l = try #require(e.loops.first)
        #expect(l.economisersInService == 10 && l.chillersInService == 3)
        #expect(abs(l.duty.megawatts - 10) < 1e-9)
        #expect(abs(l.margin.megawatts - 0.5) < 1e-9)
        #expect(l.supply == .celsius(32))
        #expect(l.hoursShort == 0)
        // The wet bulb defaults to the 0.4 % evaporation WB.
        #expect(e.wetBulb == .celsius(27))
    }

    @Test("three chillers fixed by the spec leave 7 MW at the extreme: 3 MW short, water at 41 °C")
    func fixedChillersShort() throws {
        // 3 installed, one out → 2 × 3.5 = 7 MW against the 10 MW duty: margin −3 MW. Steady state
        // T_s = T_econ − ΔT·C/Q = 48 − 10 × 7/10 = 41 °C.
        // Hours of the year: at 30 °C, T_econ = 38 °C, need (38 − 32)/10 × 10 = 6 MW ≤ 7: holds; at
        // 36 °C, T_econ = 44 ≥ 42: need 10 MW > 7: short by 3 MW; at 20 °C free. So 1 h short, 3 MW.
        var choices = BuiltInThermal.defaultChoices
        choices.chillerUnits = [.liquid: 3, .air: 3]
        choices.extremeDryBulb = .celsius(40)
        let l = try #require(Self.check(choices, hours: [20, 30, 36]).loops.first)
        #expect(abs(l.margin.megawatts + 3) < 1e-9)
        #expect(abs(l.supply.celsius - 41) < 1e-9)
        #expect(l.hoursShort == 1)
        #expect(abs(l.worstShort.megawatts - 3) < 1e-9)
        // Invariant: a short loop settles above its set point, never below.
        #expect(l.supply > .celsius(32))
    }

    @Test("with one economiser out of a bank sized without a spare, the approach grows with the duty per unit")
    func economiserStretch() {
        // 10 MW on 10 units with none spare: 9 left carry 10/9 MW each, so the 8 K approach becomes
        // 8 × 10/9 = 8.89 K.
        var choices = BuiltInThermal.defaultChoices
        choices.economiserRedundancy = .n
        let degraded = CoolingAnalysis.degradedPlant(Self.loop(choices), heat: .megawatts(10), choices: choices)
        #expect(degraded.economisers == 9)
        #expect(abs(degraded.plant.economiserApproach.kelvins - 80.0 / 9) < 1e-9)
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
