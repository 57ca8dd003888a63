import Catalogue
import PlannerEngine
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Plant pumps and house loads")
struct PlantPumpTests {
    /// Water at 32 °C, Samsung's facility-water supply.
    static let water = BuiltInThermal.water.properties(at: .celsius(32))

    @Test("Samsung's facility-water pumps move 2.20 m³/s for 91.7 MW at 10 K and draw 768 kW at 25 m and 70 %")
    func samsungFacilityWaterByHand() {
        // Water at 32 °C (linear between the 30 and 40 °C table points): ρ = 995.7 − 0.2 × 3.5 = 995.0 kg/m³,
        // c_p = (75.30 − 0.2 × 0.01) / 0.018015 = 4,179.74 J/(kg·K).
        #expect(abs(Self.water.densityKgPerCubicMetre - 995.0) < 1e-9)
        #expect(abs(Self.water.specificHeatJPerKgK - 4_179.74) < 0.01)
        // V̇ = Q/(ρ·c_p·ΔT) = 91.7e6 / (995.0 × 4,179.74 × 10) = 91.7e6 / 41,588,404 = 2.20494 m³/s
        // P = ρ·g·H·V̇/η = 995.0 × 9.80665 × 25 × 2.20494 / 0.70 = 768,392 W
        // (ρ cancels: P = g·H·Q/(c_p·ΔT·η) = 9.80665 × 25 × 91.7e6 / (4,179.74 × 10 × 0.70)).
        let pumps = Thermal.loopPumps(
            .liquid, heat: .megawatts(91.7), rise: .kelvins(10), condenserHeat: .zero, condenserRise: .kelvins(5.6),
            pumps: .standard, fluid: Self.water)
        #expect(abs(pumps.flow.cubicMetresPerSecond - 2.20494) < 1e-5)
        #expect(abs(pumps.power.watts - 768_392) < 1)
        #expect(pumps.head == .metres(25))
        #expect(pumps.condenserPower == .zero && pumps.total == pumps.power)
        // Invariant: P ∝ H and ∝ 1/η.
        let doubled = Thermal.pumpPower(
            flow: pumps.flow, head: .metres(50), efficiency: .fraction(0.70), fluid: Self.water)
        #expect(isClose(doubled, pumps.power * 2, relative: 1e-12))
    }

    @Test("condenser-water pumps move the condenser heat Q_c + W at the chiller's 5.6 K rise through 21 m")
    func condenserWater() {
        // 84.11 MW at COP 9.4: W = 84.11/9.4 = 8.948 MW, Q_c + W = 93.058 MW;
        // V̇ = 93.058e6 / (995.0 × 4,179.74 × 5.6) = 93.058e6 / 23,289,506 = 3.99570 m³/s;
        // P = 995.0 × 9.80665 × 21 × 3.99570 / 0.70 = 1,169,655 W.
        let heat = Power.megawatts(84.11 + 84.11 / 9.4)
        let pumps = Thermal.loopPumps(
            .liquid, heat: .zero, rise: .kelvins(10), condenserHeat: heat, condenserRise: .kelvins(5.6),
            pumps: .standard, fluid: Self.water)
        #expect(abs(pumps.condenserFlow.cubicMetresPerSecond - 3.99570) < 1e-5)
        #expect(abs(pumps.condenserPower.watts - 1_169_655) < 5)
        #expect(pumps.power == .zero && pumps.flow == .zero)
    }

    @Test("variable-speed pumps follow the cube of the flow ratio down to their 30 % minimum and stop at no load")
    func variableSpeed() {
        let design = Power.kilowatts(800)
        func at(_ r: Double) -> Power {
            Thermal.variableSpeedPumpPower(design: design, flowRatio: r, minimumSpeed: .fraction(0.30))
        }
        // 800 kW × 0.5³ = 100 kW; 800 × 1³ = 800; below 30 %: 800 × 0.3³ = 21.6 kW; at 0: off.
        #expect(isClose(at(0.5), .kilowatts(100), relative: 1e-12))
        #expect(at(1) == design)
        #expect(isClose(at(0.1), .kilowatts(21.6), relative: 1e-12))
        #expect(isClose(at(0.3), at(0.2), relative: 1e-12))
        #expect(at(0) == .zero)
        // Monotone in the flow ratio.
        #expect(at(0.4) < at(0.6) && at(0.6) < at(0.9))
    }

    @Test("house loads are 1 % of IT design by default, or a power density over the support area")
    func houseLoads() {
        // 103 MW × 1 % = 1.03 MW; 25 W/m² × 40,000 m² = 1.0 MW.
        #expect(isClose(HouseLoads.standard.power(itDesign: .megawatts(103)), .megawatts(1.03), relative: 1e-12))
        let perArea = HouseLoads.perArea(wattsPerSquareMetre: 25, area: .squareMetres(40_000))
        #expect(perArea.power(itDesign: .megawatts(103)) == .megawatts(1))
    }

    @Test("Samsung's year counts the plant pumps and house loads and its hourly energy balance still closes")
    func samsungYear() throws {
        let plan = try CoolingAnalysisTests.plan("Sites/korea-samsung-ai-megafactory.yaml")
        let cooling = try #require(plan.cooling)
        let a = try #require(cooling.annual)
        let liquid = try #require(cooling.loop(.liquid))
        let pumps = try #require(liquid.pumps)
        // The loop's design heat = halls and movers + its own pumps; the pumps carry the rest at 25 m.
        let base = liquid.designHeatLoad - pumps.power
        let flow = Thermal.coolantFlow(removing: base, rise: .kelvins(10), fluid: Self.water)
        #expect(isClose(pumps.flow, flow, relative: 1e-12))
        #expect(
            isClose(
                pumps.power,
                Thermal.pumpPower(flow: flow, head: .metres(25), efficiency: .fraction(0.7), fluid: Self.water),
                relative: 1e-12))
        // ≈ 91.7 MW → ≈ 0.77 MW (the hand calculation above).
        #expect(abs(pumps.power.megawatts - 0.768) < 0.01)
        // The facility-water chillers run at design (partial mode), so their condenser pumps do too.
        #expect(pumps.condenserPower > .zero)
        // House loads: 1 % of the IT design power at the racks, all year.
        #expect(isClose(cooling.designHouseLoad, plan.total.itPower.design * 0.01, relative: 1e-12))
        #expect(isClose(a.houseEnergy, cooling.designHouseLoad * .hour * Double(a.hours), relative: 1e-12))
        // Pumps run every hour (at ≥ 30 % speed) but never above their design draw at sustained load.
        #expect(a.pumpEnergy > .zero)
        #expect(a.pumpEnergy <= cooling.designPlantPumps * .hour * Double(a.hours))
        // facility = IT + chain + movers + plant + plant pumps + house, and = heat rejected + recovered, hourly.
        let parts = a.itEnergy + a.chainLossEnergy + a.coolingEnergy + a.houseEnergy
        #expect(isClose(parts, a.facilityEnergy, relative: 1e-9))
        #expect(a.worstBalanceResidual <= 1e-9)
        #expect(isClose(a.heatRejected + a.heatRecovered, a.facilityEnergy, relative: 1e-9))
        // At the design condition the grid, main transformers and generators carry them too.
        let e = try #require(plan.electrical)
        #expect(e.mechanicalLoad == cooling.designCoolingPower + cooling.designHouseLoad)
        #expect(plan.findings.filter { $0.severity == .error }.isEmpty)
    }
}
