import PlannerModel
import SiteSpec
import Testing

@testable import PlannerEngine

/// The interconnection study and backup power (DESIGN.md §5.10), with Samsung's figures.
@Suite("Grid study and backup power")
struct GridStudyTests {
    @Test("Samsung's 25.685 MW job step at 10 MW/min needs 35.96 MW and 1.114 MWh of storage, 32 C")
    func samsungRampStorage() {
        // P = 25.685 MW (176 × 140 + 44 × 20 + 11 × 15 kW, one hall), r = 10 MW/min = 0.16667 MW/s,
        // ΔP = (1.4 − 1) × 25.685 = 10.274 MW at 0.2 Hz (half-cycle 2.5 s).
        // E_ramp = P²/(2r) = 25.685² / (2 × 0.16667) = 659.72 / 0.33333 = 1,979.2 MJ = 0.54977 MWh
        // E_band = 10.274 MW × 2.5 s = 25.685 MJ = 0.0071347 MWh → per event 0.55691 MWh, usable 1.11381 MWh
        // power = 25.685 + 10.274 = 35.959 MW; C = 35.959 / 1.11381 = 32.28 per hour
        let step = Power.megawatts(25.685)
        let storage = GridStudy.rampStorage(
            step: step, limit: .megawattsPerMinute(10), band: step * 0.4, oscillationHz: 0.2)
        #expect(abs(storage.power.megawatts - 35.959) < 1e-3)
        #expect(abs(storage.energyPerEvent.megawattHours - 0.55691) < 1e-5)
        #expect(abs(storage.energy.megawattHours - 1.11381) < 1e-5)
        #expect(abs(storage.cRate - 32.28) < 0.01)
        // Invariants: a slower permitted ramp needs more energy, never less; the power does not depend on it.
        let slower = GridStudy.rampStorage(
            step: step, limit: .megawattsPerMinute(5), band: step * 0.4, oscillationHz: 0.2)
        #expect(slower.energy > storage.energy)
        #expect(slower.power == storage.power)
    }

    @Test("a ramp energy of P²/(2r): a 10 MW step at 1 MW/s stores 50 MJ")
    func triangle() {
        // ½ × 10 MW × (10 MW / 1 MW/s = 10 s) = 50 MJ; no band.
        let storage = GridStudy.rampStorage(
            step: .megawatts(10), limit: .megawattsPerSecond(1), band: .zero, oscillationHz: 0.2)
        #expect(abs(storage.energyPerEvent.joules - 50e6) < 1)
        #expect(abs(storage.energy.joules - 100e6) < 1)
        #expect(storage.power == .megawatts(10))
    }

    @Test("Samsung's 127.37 MW critical load needs 51 + 1 generators of 2.5 MW and 413 m³ of fuel for 12 h")
    func samsungGenerators() throws {
        // P_crit = 110.26 MW (IT + hall chain losses at MV) + 17.11 MW (cooling at design) = 127.37 MW
        // n = ⌈127.37 / 2.5⌉ = ⌈50.95⌉ = 51; N+1 → 52 installed
        // fuel = 0.27 L/kWh × 127,370 kW × 12 h = 412,679 L = 412.7 m³
        // UPS: 102.74 MW × 5 min = 102.74 × 5/60 = 8.562 MWh
        let backup = GridStudy.backup(
            BackupPowerChoices(), it: .megawatts(102.74), criticalLoad: .megawatts(127.37))
        let g = try #require(backup.generators)
        #expect(g.sizing.unitsRequired == 51)
        #expect(g.sizing.unitsInstalled == 52)
        #expect(abs(g.fuel.cubicMetres - 412.68) < 0.01)
        #expect(abs(backup.upsEnergy.megawattHours - 8.5617) < 1e-4)
        // Invariant: the units left after one failure still carry the critical load.
        #expect(g.sizing.unitRating * Double(g.sizing.unitsAfterFailure) >= backup.criticalLoad)
    }

    @Test("a site without generators has none, and still has its UPS energy")
    func noGenerators() {
        // 10 MW × 10 min = 10 × 10/60 = 1.6667 MWh
        let backup = GridStudy.backup(
            BackupPowerChoices(upsAutonomy: .seconds(600), generators: false), it: .megawatts(10),
            criticalLoad: .megawatts(12))
        #expect(backup.generators == nil)
        #expect(abs(backup.upsEnergy.megawattHours - 1.66667) < 1e-5)
    }
}

/// The study and the interconnect check on planned sites.
@Suite("Grid study on a planned site")
struct GridStudyPlanTests {
    /// `racks` GB300 racks (140 kW design) in one hall, sized at the Seongnam design condition.
    static func plan(racks: Int, grid: String) throws -> Plan {
        let result = SiteLoader().load(
            yaml:
                "version: 1\nsite: { name: T, grid: \(grid), design_conditions: { cooling_dry_bulb_c: 33.8, "
                + "cooling_wet_bulb_c: 25.8, evaporation_wet_bulb_c: 26.7, evaporation_dry_bulb_c: 31.1 } }\n"
                + "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: \(racks) }] }]\n",
            path: "x.yaml", baseDirectory: "")
        let site = try #require(result.site, "\(result.findings.map(\.formatted))")
        return Planner().plan(site)
    }

    @Test("the default job is the largest hall, and a ramp within the limit needs no storage")
    func withinLimit() throws {
        // 10 × 140 kW = 1.4 MW over 1 h = 0.000389 MW/s, below 100 MW/min = 1.667 MW/s: no storage.
        let slow = try Self.plan(racks: 10, grid: "{ study: { rise_time_ms: 3600000, ramp_limit_mw_per_min: 100 } }")
        let study = try #require(slow.electrical?.study)
        #expect(abs(study.loadStep.megawatts - 1.4) < 1e-9)
        #expect(study.withinLimit)
        #expect(study.storage == nil)
        // The default 250 ms: 1.4 / 0.25 = 5.6 MW/s, above the 10 MW/min stand-in → storage of at least the step.
        let fast = try #require(try Self.plan(racks: 10, grid: "{}").electrical?.study)
        #expect(abs(fast.ramp.megawattsPerSecond - 5.6) < 1e-9)
        #expect((fast.storage?.power ?? .zero) >= fast.loadStep)
    }

    @Test("22.9 kV passes the load check on the IT alone, but the whole demand above 40 MW is a warning")
    func wholeDemandAboveTheRow() throws {
        // 279 × 140 kW = 39.06 MW of IT ≤ 40 MW (loads); + chain losses + cooling > 40 MW → warning after planning.
        let plan = try Self.plan(racks: 279, grid: "{ interconnect_kv: 22.9 }")
        let demand = try #require(plan.electrical?.grid.peakDemand)
        #expect(demand > .megawatts(40))
        #expect(plan.findings.contains { $0.severity == .warning && $0.subject == "site.grid.interconnect_kv" })
        #expect(plan.electrical?.backup?.criticalLoad == demand)
    }
}
