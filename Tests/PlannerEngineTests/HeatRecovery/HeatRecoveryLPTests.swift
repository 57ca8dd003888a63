import Catalogue
import Foundation
import LinearProgramming
import PlannerEngine
import PlannerModel
import Testing
import Weather
import _PlannerTestSupport

/// Small instances: waste heat at 45 °C into a fixed 70 °C supply.
/// COP = 0.42 × 348.15/35 = 4.17780, source share 1 − 1/COP = 0.760643; with heat 70 and
/// electricity 120 per MWh the margin is 70 − 120/4.17780 = 41.27675 per MWh.
enum HeatRecoveryFixture {
    static let cop = 0.42 * 348.15 / 35
    static let margin = 70 - 120 / cop
    static let hp = BuiltInHeatPumps.highTemperature10MW
    /// Annuity 1 (0 % over 1 year) and 0.1 per kW: capacity costs 100 per MW.
    static let cheap = HeatRecoveryEconomics(
        heatPricePerMegawattHour: 70, electricityPricePerMegawattHour: 120, discountRate: .fraction(0),
        lifetimeYears: 1,
        heatPumpCostPerKilowatt: 0.1, storageCostPerMegawattHour: 1)

    static func instance(
        demandMW: [Double], wasteMW: [Double], sourceCelsius: [Double]? = nil, supplyCelsius: [Double]? = nil
    ) -> (WasteHeat, HeatDemand) {
        let n = demandMW.count
        let source = WasteHeat(
            kind: .facilityWaterReturn, hourlyHeat: HourlySeries(si: wasteMW.map { $0 * 1e6 }),
            hourlyTemperature: HourlySeries(celsius: sourceCelsius ?? Array(repeating: 45, count: n)))
        let demand = HeatDemand(
            hourlyDemand: HourlySeries(si: demandMW.map { $0 * 1e6 }),
            hourlySupply: HourlySeries(celsius: supplyCelsius ?? Array(repeating: 70, count: n)),
            months: (0..<n).map { UInt8(1 + ($0 / 24) % 12) }, designDryBulb: .celsius(-12.5), designSource: .input,
            network: .fourthGeneration(peakDemand: .megawatts(demandMW.max() ?? 1)))
        return (source, demand)
    }

    /// Every-hour invariants: delivered ≤ demand, output ≤ capacity, source heat ≤ waste heat,
    /// output = source heat + electricity, and the annual balance with storage losses.
    static func problems(_ r: HeatRecoveryResult, _ source: WasteHeat, _ demand: HeatDemand) -> [String] {
        var out: [String] = []
        let eps = 1e-3 // W
        for h in r.hourlyDelivered.indices {
            if r.hourlyDelivered[h].watts > demand.hourlyDemand[h].watts + eps {
                out.append("h\(h): delivered > demand")
            }
            if r.hourlyHeatPump[h].watts > r.capacity.watts + eps { out.append("h\(h): output > capacity") }
            if r.hourlySource[h].watts > source.hourlyHeat[h].watts + eps { out.append("h\(h): source > waste heat") }
            let balance = (r.hourlySource[h] + r.hourlyElectricity[h] - r.hourlyHeatPump[h]).watts
            if abs(balance) > 1e-9 * max(1, r.hourlyHeatPump[h].watts) {
                out.append("h\(h): output ≠ source + electricity")
            }
        }
        let annual = (r.sourceHeat + r.electricity) - (r.delivered + r.storageLosses)
        if abs(annual.si) > 1e-9 * max(1, r.delivered.si) { out.append("annual energy balance off by \(annual)") }
        if abs(r.months.sum(\.delivered).si - r.delivered.si) > 1e-6 * max(1, r.delivered.si) {
            out.append("months do not add up")
        }
        return out
    }
}

@Suite("Heat recovery LP")
struct HeatRecoveryLPTests {
    typealias F = HeatRecoveryFixture

    @Test("a four-hour instance sizes the heat pump where one more MW no longer pays (hand calculation)")
    func handInstance() throws {
        // Demand 10/8/6/2 MW plus a fifth hour of 10 MW with only 3 MW of waste heat, so
        // U = 3/0.760643 = 3.94403 MW. Slope of the net benefit in H: 5m − 100 > 0 up to 2 MW,
        // 4m − 100 > 0 up to 3.944, 3m − 100 = 23.8 > 0 up to 6, 2m − 100 = −17.4 < 0 beyond → H = 6.
        // Benefit = m·(2 + 3.94403 + 6 + 6 + 6) − 100·6 = 41.27675 × 23.94403 − 600 = 388.33.
        let (source, demand) = F.instance(demandMW: [10, 8, 6, 2, 10], wasteMW: [100, 100, 100, 100, 3])
        let r = try HeatRecoveryAnalysis.plan(source: source, demand: demand, heatPump: F.hp, economics: F.cheap)
        #expect(r.status == .optimal)
        #expect(isClose(r.capacity.megawatts, 6, relative: 1e-9))
        let u = 3 / (1 - 1 / F.cop)
        #expect(isClose(r.netBenefit, F.margin * (2 + u + 18) - 600, relative: 1e-9))
        #expect(isClose(r.hourlySource[4].watts, 3e6, relative: 1e-9)) // the waste-heat row binds
        #expect(r.units == 1)
        #expect(F.problems(r, source, demand).isEmpty)
        // The 1-D search and the closed-form dispatch agree without GLPK.
        let best = try HeatRecoveryAnalysis.bestCapacityWithoutStorage(
            source: source, demand: demand, heatPump: F.hp, economics: F.cheap)
        #expect(isClose(best.megawatts, 6, relative: 1e-12))
        let d = try HeatRecoveryAnalysis.dispatch(
            source: source, demand: demand, heatPump: F.hp, economics: F.cheap, capacity: .megawatts(6))
        #expect(isClose(d.netBenefit, r.netBenefit, relative: 1e-9))
    }

    @Test("on random instances the LP optimum equals the closed-form 1-D search over the capacity")
    func randomAgainstSearch() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for _ in 0..<5 {
            let n = 72
            let demandMW = (0..<n).map { _ in 50 * next() }
            let wasteMW = (0..<n).map { _ in 10 + 40 * next() }
            let src = (0..<n).map { _ in 30 + 15 * next() }
            let sup = (0..<n).map { _ in 55 + 60 * next() }
            let (source, demand) = F.instance(
                demandMW: demandMW, wasteMW: wasteMW, sourceCelsius: src, supplyCelsius: sup)
            let economics = HeatRecoveryEconomics(
                heatPricePerMegawattHour: 60, electricityPricePerMegawattHour: 110, discountRate: .fraction(0),
                lifetimeYears: 1, heatPumpCostPerKilowatt: 0.5)
            let r = try HeatRecoveryAnalysis.plan(source: source, demand: demand, heatPump: F.hp, economics: economics)
            #expect(r.status == .optimal)
            let best = try HeatRecoveryAnalysis.bestCapacityWithoutStorage(
                source: source, demand: demand, heatPump: F.hp, economics: economics)
            let atBest = try HeatRecoveryAnalysis.dispatch(
                source: source, demand: demand, heatPump: F.hp, economics: economics, capacity: best)
            #expect(isClose(r.netBenefit, atBest.netBenefit, relative: 1e-7, absolute: 1e-6))
            let atLP = try HeatRecoveryAnalysis.dispatch(
                source: source, demand: demand, heatPump: F.hp, economics: economics, capacity: r.capacity)
            #expect(isClose(r.netBenefit, atLP.netBenefit, relative: 1e-7, absolute: 1e-6))
            #expect(F.problems(r, source, demand).isEmpty)
        }
    }

    @Test("an ERF target forces heat pumps that do not pay, at the smallest capacity reaching it")
    func erfTarget() throws {
        // Heat 20 < electricity 120/4.1778 = 28.72 per MWh: nothing pays, H = 0.
        // ERF ≥ 10 % of 100 MWh: source heat 10 MWh → output 10/0.760643 = 13.1468 MWh; output
        // costs the same per MWh in every hour, so the LP minimises H: 3H + 2 = 13.1468 → H = 3.7156.
        let (source, demand) = F.instance(demandMW: [10, 8, 6, 2], wasteMW: [100, 100, 100, 100])
        var economics = F.cheap
        economics.heatPricePerMegawattHour = 20
        let none = try HeatRecoveryAnalysis.plan(source: source, demand: demand, heatPump: F.hp, economics: economics)
        #expect(none.capacity == .zero)
        #expect(none.findings.contains { $0.message.contains("does not pay") })
        let r = try HeatRecoveryAnalysis.plan(
            source: source, demand: demand, heatPump: F.hp, economics: economics,
            options: HeatRecoveryOptions(minimumERF: .percent(10), dataCentreEnergy: .megawattHours(100)))
        #expect(r.status == .optimal)
        #expect(isClose(r.sourceHeat.megawattHours, 10, relative: 1e-9))
        #expect(isClose(r.capacity.megawatts, (10 / (1 - 1 / F.cop) - 2) / 3, relative: 1e-9))
        // An unreachable target is an infeasible result, not an error.
        let impossible = try HeatRecoveryAnalysis.plan(
            source: source, demand: demand, heatPump: F.hp, economics: economics,
            options: HeatRecoveryOptions(minimumERF: .percent(90), dataCentreEnergy: .megawattHours(100)))
        #expect(impossible.status == .infeasible)
        #expect(impossible.findings.contains { $0.severity == .error })
    }

    @Test("storage shifts heat to the hours of demand and lets a smaller heat pump pay")
    func storage() throws {
        // Demand 10/0/10/0 MW: without storage each MW of H earns 2m − 100 = −17.4 → H = 0.
        // With lossless storage the heat pump runs at 5 MW every hour and stores half:
        // H = 5, S = 5 MWh, net = 20m − 100·5 − 1·5 = 825.535 − 505 = 320.535.
        let (source, demand) = F.instance(demandMW: [10, 0, 10, 0], wasteMW: [100, 100, 100, 100])
        let without = try HeatRecoveryAnalysis.plan(source: source, demand: demand, heatPump: F.hp, economics: F.cheap)
        #expect(without.capacity == .zero)
        let r = try HeatRecoveryAnalysis.plan(
            source: source, demand: demand, heatPump: F.hp, economics: F.cheap,
            options: HeatRecoveryOptions(storage: HeatStorageOptions(hourlyLoss: .fraction(0))))
        #expect(r.status == .optimal)
        #expect(isClose(r.capacity.megawatts, 5, relative: 1e-9))
        #expect(isClose(r.storageCapacity.megawattHours, 5, relative: 1e-9))
        #expect(isClose(r.netBenefit, 20 * F.margin - 505, relative: 1e-9))
        #expect(F.problems(r, source, demand).isEmpty)
        // With losses the stored heat shrinks and the balance still closes.
        let lossy = try HeatRecoveryAnalysis.plan(
            source: source, demand: demand, heatPump: F.hp, economics: F.cheap,
            options: HeatRecoveryOptions(storage: HeatStorageOptions(hourlyLoss: .percent(5))))
        #expect(lossy.storageLosses > .zero)
        #expect(F.problems(lossy, source, demand).isEmpty)
    }

    @Test("the LP has readable row and column names and the expected size")
    func names() throws {
        let (source, demand) = F.instance(demandMW: [10, 8], wasteMW: [100, 100])
        let p = try HeatRecoveryAnalysis.program(source: source, demand: demand, heatPump: F.hp, economics: F.cheap)
        #expect(p.variables.map(\.name) == ["capacity", "deliver[h0]", "deliver[h1]"])
        #expect(p.constraints.map(\.name) == ["cap[h0]", "source[h0]", "cap[h1]", "source[h1]"])
        #expect(p.variables[1].bounds == .range(0, 10))
        #expect(p.constraints[1].terms == [LinearTerm(1 - 1 / F.cop, VariableID(1))])
        #expect(p.constraints[1].bounds == .lessOrEqual(100))
        #expect(p.sense == .maximise)
    }

    @Test(
        "glpsol solves the exported MPS to the same optimum",
        .enabled(if: Glpsol.isInstalled, "glpsol is not installed"))
    func glpsolCrossCheck() throws {
        let (source, demand) = F.instance(demandMW: [10, 8, 6, 2, 10], wasteMW: [100, 100, 100, 100, 3])
        let dir = try makeTemporaryDirectory().path
        let files = try HeatRecoveryAnalysis.exportLP(
            source: source, demand: demand, heatPump: F.hp, economics: F.cheap, to: dir)
        #expect(FileManager.default.fileExists(atPath: files.lp))
        // "Objective:  obj = -3.883281617e+02 (MINimum)": the maximisation is exported negated.
        let solution = try Glpsol.solve(files.mps)
        #expect(solution.status == "OPTIMAL")
        let value = solution.objective
        let r = try HeatRecoveryAnalysis.plan(source: source, demand: demand, heatPump: F.hp, economics: F.cheap)
        #expect(isClose(-value, r.netBenefit, relative: 1e-6))
    }

    @Test("representative days report their error against the full year")
    func representativeDays() throws {
        // Ten days, demand rising day by day; two representative days.
        let demandMW: [Double] = (0..<240).map { (h: Int) -> Double in
            let day = Double(h / 24 + 1)
            let phase = Double(h % 24) / 24 * 2 * Double.pi
            return day * (1 + 0.5 * sin(phase))
        }
        let (source, demand) = F.instance(demandMW: demandMW, wasteMW: Array(repeating: 100, count: 240))
        let r = try HeatRecoveryAnalysis.plan(
            source: source, demand: demand, heatPump: F.hp, economics: F.cheap,
            options: HeatRecoveryOptions(resolution: .representativeDays(2)))
        let e = try #require(r.representativeDaysError)
        #expect(e.days == 2)
        #expect(r.lp.modelledHours == 48)
        #expect(e.netBenefitRelativeLoss >= -1e-9) // the full-year optimum is at least as good
        #expect(r.capacity == e.capacityReduced)
        #expect(F.problems(r, source, demand).isEmpty)
        let full = try HeatRecoveryAnalysis.plan(source: source, demand: demand, heatPump: F.hp, economics: F.cheap)
        #expect(isClose(full.netBenefit, e.netBenefitFullYear, relative: 1e-9))
    }

    @Test("bad input is a typed error with a sentence, found before GLPK runs")
    func errors() throws {
        let (source, demand) = F.instance(demandMW: [10, 8, 6, 2], wasteMW: [100, 100, 100, 100])
        #expect(throws: HeatRecoveryError.emptySeries(name: "waste-heat")) {
            try HeatRecoveryAnalysis.plan(
                source: WasteHeat(kind: .tcsReturn, hourlyHeat: [], temperature: .celsius(45)), demand: demand,
                heatPump: F.hp)
        }
        var short = demand
        short.hourlyDemand = HourlySeries(short.hourlyDemand.dropLast())
        #expect(throws: HeatRecoveryError.lengthMismatch(name: "heat-demand", count: 3, expected: 4)) {
            try HeatRecoveryAnalysis.plan(source: source, demand: short, heatPump: F.hp)
        }
        var negative = F.cheap
        negative.electricityPricePerMegawattHour = -5
        #expect(throws: HeatRecoveryError.negativePrice(name: "electricity price per MWh", value: -5)) {
            try HeatRecoveryAnalysis.plan(source: source, demand: demand, heatPump: F.hp, economics: negative)
        }
        var poor = F.hp
        poor.carnotEfficiency = .fraction(0.05) // 0.05 × 348.15/35 = 0.497 ≤ 1
        do {
            _ = try HeatRecoveryAnalysis.plan(source: source, demand: demand, heatPump: poor)
            Issue.record("expected an error")
        } catch {
            guard case .copNotAboveOne(let hour, _, _, let cop) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(hour == 0 && cop < 1)
            #expect(error.description.contains("worse than an electric boiler"))
        }
        #expect(throws: HeatRecoveryError.self) {
            try HeatRecoveryAnalysis.plan(
                source: source, demand: demand, heatPump: F.hp,
                options: HeatRecoveryOptions(minimumERF: .percent(10)))
        }
        #expect(throws: HeatRecoveryError.self) {
            try HeatRecoveryAnalysis.plan(
                source: source, demand: demand, heatPump: F.hp,
                options: HeatRecoveryOptions(resolution: .representativeDays(3)))
        }
    }
}
