import Catalogue
import PlannerEngine
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Thermal sizing and catalogue")
struct ThermalSizingTests {
    @Test("CDUs: N+1 count, facility water = TCS supply − approach, pumps by the affinity law")
    func cduSizing() {
        // 2 MW on 600 kW CDUs, N+1: n = ⌈3.33⌉ = 4, installed 5, all 5 share.
        // Each pump at r = 2 000/(5 × 600) = 2/3 of design: 5 × 7.5 kW × (2/3)³ = 11.111 kW.
        // Facility water 30 − 4 = 26 °C. Flow 2e6/(995.7 × 4 179.85 × 10) = 0.048055 m³/s.
        let water = BuiltInThermal.water.properties(at: .celsius(30))
        let cdus = Thermal.sizeCDUs(
            load: .megawatts(2), entry: BuiltInThermal.cduVertiv600, redundancy: .nPlus(1), tcsSupply: .celsius(30),
            tcsRise: .kelvins(10), fluid: water)
        #expect(cdus.units.unitsRequired == 4 && cdus.units.unitsInstalled == 5)
        #expect(isClose(cdus.facilityWaterSupply.celsius, 26, relative: 1e-12))
        #expect(isClose(cdus.pumpPower.kilowatts, 11.1111, relative: 1e-5))
        #expect(isClose(cdus.coolantFlow.cubicMetresPerSecond, 0.048055, relative: 1e-4))
    }

    @Test("air units: N+1 fan walls, airflow at the design rise, fans by the affinity law")
    func airSizing() {
        // 1 MW on 400 kW fan walls, N+1: n = 3, installed 4. Airflow 1e6/(1.2 × 1 005 × 14) = 59.227 m³/s.
        // One unit at design: 4e5/(1 206 × 14) = 23.691 m³/s × 500 Pa / 0.65 = 18.224 kW.
        // Each of 4 at r = 1 000/1 600 = 0.625: 4 × 18.224 × 0.244141 = 17.797 kW.
        let air = Thermal.sizeAirUnits(load: .megawatts(1), entry: BuiltInThermal.fanWall400, redundancy: .nPlus(1))
        #expect(air.units.unitsInstalled == 4)
        #expect(isClose(air.airflow.cubicMetresPerSecond, 59.227, relative: 1e-4))
        #expect(isClose(Thermal.designFanPower(BuiltInThermal.fanWall400).kilowatts, 18.224, relative: 1e-4))
        #expect(isClose(air.fanPower.kilowatts, 17.797, relative: 1e-4))
    }

    @Test("2N CDUs each carry half the load, so the pumps draw a quarter per unit")
    func twoNPumps() {
        // 1.2 MW on 600 kW, 2N: 4 units share, r = 1 200/2 400 = 0.5: 4 × 7.5 × 0.125 = 3.75 kW.
        let cdus = Thermal.sizeCDUs(
            load: .kilowatts(1_200), entry: BuiltInThermal.cduVertiv600, redundancy: .twoN, tcsSupply: .celsius(25),
            tcsRise: .kelvins(10), fluid: BuiltInThermal.water.properties(at: .celsius(30)))
        #expect(cdus.units.unitsInstalled == 4)
        #expect(isClose(cdus.pumpPower.kilowatts, 3.75, relative: 1e-12))
    }

    @Test("built-in thermal entries cite a source, and estimates explain themselves")
    func provenance() {
        let all: [Provenance] =
            [BuiltInThermal.water.provenance, BuiltInThermal.pg25.provenance]
            + BuiltInThermal.cdus.map(\.provenance) + BuiltInThermal.airUnits.map(\.provenance)
            + BuiltInThermal.heatRejection.map(\.provenance) + BuiltInThermal.chillers.map(\.provenance)
        for provenance in all {
            #expect(!provenance.source.isEmpty)
            #expect(provenance.confidence != .low || provenance.derivation != nil, "\(provenance.source)")
        }
        // CDU approaches stay inside REFERENCE.md §3.4's 3–5 K.
        #expect(BuiltInThermal.cdus.allSatisfy { (3...5).contains($0.approach.kelvins) })
    }
}
