import Catalogue
import PlannerModel
import Testing
import Weather
import _PlannerTestSupport

@testable import PlannerEngine

/// Economisers sized for all the heat they reject (DESIGN.md §5.12).
@Suite("Heat rejection for all the heat")
struct HeatRejectionTests {
    @Test("Samsung's dry coolers by hand: 92.43 MW of loop heat plus 8.9 MW of compressor heat need 102, not 93")
    func samsungDryCoolers() throws {
        let plan = try CountingRuleTests.plan(RepositoryPaths.path("Sites/korea-samsung-ai-megafactory.yaml"))
        let loop = try #require(plan.cooling?.loop(.liquid))
        // Design hour 33.1 °C dry bulb, 32 °C supply, 10 K rise, water-cooled chillers at the 9.4 COP cap
        // (T_evap 30 °C = 303.15 K, T_cond = T_econ + 7.6 ≈ 48.6 °C: 0.7 × 303.15/18.6 ≈ 11.4 > 9.4).
        // With n dry coolers of 1 MW at 8 K: T = T_db + (8/n)·(Q + W), W = Q·(T − 32)/10/9.4, so
        // T = (T_db + 8Q/n − 8Q·32/(94n))/(1 − 8Q/(94n)) and Q_rej(n) = Q + Q·(T − 32)/94.
        // Q = 92.43 MW: n = 101 → T = 41.13 °C, Q_rej = 101.41 MW > 101; n = 102 → T = 41.05 °C,
        // Q_rej = 101.33 MW ≤ 102. So 102 required, 103 installed under N+1 (93 + 1 sized on Q alone).
        let q = loop.designHeatLoad.megawatts
        let dryBulb = loop.designDryBulb.celsius
        func rejection(_ n: Double) -> (duty: Double, leaving: Double) {
            let a = 8 / n
            let t = (dryBulb + a * q - a * q * 32 / 94) / (1 - a * q / 94)
            return (q + q * (t - 32) / 94, t)
        }
        #expect(abs(q - 92.43) < 0.01 && abs(dryBulb - 33.1) < 0.05)
        #expect(rejection(101).duty > 101 && rejection(102).duty <= 102)
        #expect(loop.economisers.unitsRequired == 102)
        #expect(loop.economisers.unitsInstalled == 103)
        #expect(isClose(loop.designRejectionDuty.megawatts, rejection(102).duty, relative: 1e-6))
        // The chillers' duty is taken with the required bank (the spare out): Q·(T − 32)/10.
        #expect(isClose(loop.designChillerDuty.megawatts, q * (rejection(102).leaving - 32) / 10, relative: 1e-6))
        // Compressor heat = rejection − loop heat ≈ 8.9 MW; condenser duty = evaporator duty × (1 + 1/COP).
        #expect(isClose(loop.designRejectionDuty.megawatts - q, loop.designChillerDuty.megawatts / 9.4, relative: 1e-6))
    }

    @Test("with air-cooled chillers the economisers reject only what they take out of the loop")
    func airCooledChillers() {
        // 10 MW, 32 °C supply: the chillers reject their own heat, so Q_rej = Q − Q_c ≤ Q and ⌈10/1⌉ = 10
        // dry coolers suffice (+1 spare). With 10, a_Q = 8 × 10/10 = 8 K and n = (T_db − 32 + 8)/(10 + 8):
        // at 33 °C n = 0.5 → the chillers' duty 5 MW; at the 31 °C evaporation condition n = 7/18 → the
        // bank rejects its largest duty, 10 × 11/18 = 6.11 MW.
        var choices = BuiltInThermal.defaultChoices
        choices.chiller = BuiltInThermal.airCooledScrew
        let design = DesignConditions(
            coolingDryBulb: .celsius(33), coolingMeanCoincidentWetBulb: .celsius(25),
            evaporationWetBulb: .celsius(27), evaporationMeanCoincidentDryBulb: .celsius(31), source: .stated("test"))
        let loop = CoolingAnalysis.loop(
            .liquid, supply: .celsius(32), designHeat: .megawatts(10), design: design, choices: choices)
        #expect(loop.economisers.unitsRequired == 10 && loop.economisers.unitsInstalled == 11)
        #expect(isClose(loop.designChillerDuty.megawatts, 5, relative: 1e-9))
        #expect(isClose(loop.designRejectionDuty.megawatts, 10 * 11 / 18, relative: 1e-9))
    }

    @Test("a sized bank always rejects its own design duty, and one unit fewer would not", arguments: [5.0, 20, 60])
    func leastBank(heatMW: Double) {
        let design = DesignConditions(
            coolingDryBulb: .celsius(35), coolingMeanCoincidentWetBulb: .celsius(26),
            evaporationWetBulb: .celsius(27), evaporationMeanCoincidentDryBulb: .celsius(31), source: .stated("test"))
        let choices = BuiltInThermal.defaultChoices
        let loop = CoolingAnalysis.loop(
            .liquid, supply: .celsius(32), designHeat: .megawatts(heatMW), design: design, choices: choices)
        let n = loop.economisers.unitsRequired
        #expect(loop.designRejectionDuty <= .megawatts(Double(n)) * (1 + 1e-12))
        let smaller = PlantConfiguration(
            economiser: choices.economiser, units: n - 1, chiller: choices.chiller,
            facilityWaterRise: choices.facilityWaterRise)
        let hour = Thermal.plantHour(
            dryBulb: .celsius(35), wetBulb: .celsius(26), supply: .celsius(32), heatLoad: .megawatts(heatMW),
            plant: smaller)
        #expect(hour.rejectionDuty > .megawatts(Double(n - 1)))
    }
}
