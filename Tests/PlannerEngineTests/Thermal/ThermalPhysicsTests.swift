import Catalogue
import PlannerEngine
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Thermal physics")
struct ThermalPhysicsTests {
    let water30 = BuiltInThermal.water.properties(at: .celsius(30))

    @Test("1 kW at 1.5 L/min/kW of water rises ≈9.6 K (REFERENCE.md §3.3)")
    func flowRule() {
        // Water at 30 °C: ρ = 995.7 kg/m³, c_p = 75.30/0.018015 = 4 179.85 J/(kg·K).
        // V̇ = 1.5 L/min = 2.5e-5 m³/s → ρ·c_p·V̇ = 104.05 W/K → ΔT = 1 000/104.05 = 9.611 K.
        let rise = Thermal.coolantRise(removing: .kilowatts(1), flow: .litresPerMinute(1.5), fluid: water30)
        #expect(isClose(rise.kelvins, 9.611, relative: 1e-3))
        #expect(abs(rise.kelvins - 9.6) < 0.05)
    }

    @Test("coolantFlow and coolantRise are inverses")
    func flowInverse() {
        // 600 kW at 10 K: V̇ = 6e5/(995.7 × 4 179.85 × 10) = 0.014416 m³/s = 864.9 L/min.
        let flow = Thermal.coolantFlow(removing: .kilowatts(600), rise: .kelvins(10), fluid: water30)
        #expect(isClose(flow.litresPerMinute, 864.97, relative: 1e-4))
        let back = Thermal.coolantRise(removing: .kilowatts(600), flow: flow, fluid: water30)
        #expect(isClose(back.kelvins, 10, relative: 1e-12))
    }

    @Test("PG25 needs ≈3.9 % more flow than water for the same heat and rise")
    func glycolFlow() {
        // PG25 at 30 °C, halfway between the table points: ρ = (1021+1013)/2 = 1017,
        // c_p = (3920+3960)/2 = 3940 → ρ·c_p = 4.00698e6 vs water 4.16188e6 → ratio 1.03866.
        let pg = BuiltInThermal.pg25.properties(at: .celsius(30))
        #expect(pg.densityKgPerCubicMetre == 1017 && pg.specificHeatJPerKgK == 3940)
        let ratio =
            Thermal.coolantFlow(removing: .megawatts(1), rise: .kelvins(10), fluid: pg)
            / Thermal.coolantFlow(removing: .megawatts(1), rise: .kelvins(10), fluid: water30)
        #expect(isClose(ratio, 1.03866, relative: 1e-4))
    }

    @Test("coolant properties hold the end values outside the table")
    func clamping() {
        // Below 20 °C the water table holds its 20 °C point: ρ = 998.2.
        #expect(BuiltInThermal.water.properties(at: .celsius(5)).densityKgPerCubicMetre == 998.2)
        #expect(BuiltInThermal.water.properties(at: .celsius(70)).densityKgPerCubicMetre == 988.0)
    }

    @Test("air removes 1 kW at 10 K with ≈0.083 m³/s (REFERENCE.md §3.5)")
    func airRule() {
        // V̇ = 1 000/(1.2 × 1 005 × 10) = 0.0829187 m³/s (≈176 CFM).
        let flow = Thermal.airflow(removing: .kilowatts(1), rise: .kelvins(10))
        #expect(isClose(flow.cubicMetresPerSecond, 0.0829187, relative: 1e-6))
        #expect(isClose(Thermal.airHeat(flow: flow, rise: .kelvins(10)).watts, 1000, relative: 1e-12))
    }

    @Test("fan power is V̇·Δp/η at design and falls with the cube of flow")
    func fansAndAffinity() {
        // 10 m³/s × 500 Pa / 0.5 = 10 kW; at half flow 10 × 0.5³ = 1.25 kW.
        let design = Thermal.fanPower(
            flow: .cubicMetresPerSecond(10), pressureRisePa: 500, efficiency: .fraction(0.5))
        #expect(isClose(design.kilowatts, 10, relative: 1e-12))
        #expect(isClose(Thermal.affinityPower(design: design, flowRatio: 0.5).kilowatts, 1.25, relative: 1e-12))
    }

    @Test("dry cooler follows the dry bulb and tower the wet bulb, plus approach")
    func leavingWater() {
        // 24 °C + 8 K = 32 °C; 23 °C + 4 K = 27 °C.
        #expect(
            isClose(
                Thermal.dryCoolerLeavingWater(dryBulb: .celsius(24), approach: .kelvins(8)).celsius, 32, relative: 1e-12
            ))
        #expect(
            isClose(
                Thermal.towerLeavingWater(wetBulb: .celsius(23), approach: .kelvins(4)).celsius, 27, relative: 1e-12))
    }

    @Test("a tower evaporates Q/h_fg and blows down evaporation/(cycles − 1)")
    func towerWater() {
        // h_fg = 44 020/18.015 = 2 443.52 kJ/kg. 1 MW → 1e6/2.44352e6 = 0.409246 kg/s (1 473 kg/h);
        // 5 cycles → blow-down 0.409246/4 = 0.102312; make-up 0.511558 kg/s.
        let water = Thermal.towerWater(heat: .megawatts(1), cyclesOfConcentration: 5)
        #expect(isClose(Thermal.waterLatentHeatJPerKg, 2_443_520, relative: 1e-5))
        #expect(isClose(water.evaporation.kilogramsPerSecond, 0.409246, relative: 1e-5))
        #expect(isClose(water.blowdown.kilogramsPerSecond, 0.102312, relative: 1e-5))
        #expect(isClose(water.makeup.kilogramsPerSecond, 0.511558, relative: 1e-5))
    }

    @Test("chiller COP reproduces the AHRI calibration point (REFERENCE.md §3.6)")
    func ahriCalibration() {
        // Centrifugal entry: LWT 6.7 °C − 2 K = 4.7 °C = 277.85 K; condenser 29.4 + 5.6 + 2 = 37 °C = 310.15 K.
        // Carnot = 277.85/32.3 = 8.6022; η 0.7 → COP 6.0215.
        let chiller = BuiltInThermal.waterCooledCentrifugal
        let evaporating = Thermal.evaporatingTemperature(leavingWater: .celsius(6.7), offset: chiller.evaporatorOffset)
        let condensing = Thermal.condensingTemperature(
            chiller.condenser, dryBulb: .celsius(35), condenserWaterEntering: .celsius(29.4))
        #expect(isClose(evaporating.kelvins, 277.85, relative: 1e-12))
        #expect(isClose(condensing.kelvins, 310.15, relative: 1e-12))
        #expect(isClose(Thermal.carnotCOP(evaporating: evaporating, condensing: condensing), 8.6022, relative: 1e-4))
        let cop = Thermal.chillerCOP(
            evaporating: evaporating, condensing: condensing, carnotEfficiency: chiller.carnotEfficiency)
        #expect(isClose(cop, 6.0215, relative: 1e-4))
    }

    @Test("an air-cooled chiller at 35 °C has COP ≈3 (η 0.5) and the cap bounds small lifts")
    func airCooledAndCap() {
        // T_cond = 35 + 15 = 50 °C = 323.15 K; T_evap 277.85 K: Carnot 277.85/45.3 = 6.1336 → ×0.5 = 3.0668.
        let chiller = BuiltInThermal.airCooledScrew
        let condensing = Thermal.condensingTemperature(
            chiller.condenser, dryBulb: .celsius(35), condenserWaterEntering: .celsius(0))
        let cop = Thermal.chillerCOP(
            evaporating: .kelvins(277.85), condensing: condensing, carnotEfficiency: chiller.carnotEfficiency,
            maximum: chiller.maximumCOP)
        #expect(isClose(cop, 3.0668, relative: 1e-4))
        // Lift 5 K at 300 K: 0.5 × 60 = 30 → capped at 9.4; no lift → the cap.
        #expect(
            Thermal.chillerCOP(
                evaporating: .kelvins(300), condensing: .kelvins(305), carnotEfficiency: .fraction(0.5), maximum: 9.4)
                == 9.4)
        #expect(
            Thermal.chillerCOP(
                evaporating: .kelvins(300), condensing: .kelvins(299), carnotEfficiency: .fraction(0.5), maximum: 9.4)
                == 9.4)
    }
}
