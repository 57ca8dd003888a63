import Foundation
import LinearProgramming
import PlannerModel

/// Heat pumps sized and dispatched against a district-heating demand (DESIGN.md §5.5): an LP
/// solved with GLPK over every hour of the year (or representative days, as an option).
///
/// Variables (MW, MWh): heat-pump capacity `capacity` = H, optional storage `storage` = S, and per
/// hour h the heat delivered `deliver[h…]` = q(h) (with storage also the heat-pump output
/// `output[h…]` = p(h) and the stored heat `level[h…]`). Rows, per hour:
///
/// - `cap[h…]`:    p(h) − H ≤ 0
/// - `source[h…]`: p(h)·(1 − 1/COP(h)) ≤ W(h)            (heat taken ≤ waste heat)
/// - bound:        q(h) ≤ D(h)                            (delivered ≤ network demand)
/// - storage:      `balance[h…]` L(h) − (1 − λ)·L(h−1) − p(h) + q(h) = 0 (cyclic), `stock[h…]` L(h) − S ≤ 0
/// - optional `erf`: Σ p(h)·(1 − 1/COP(h))·1 h ≥ ERF_target · E_DC
///
/// Objective (maximise, currency per year): Σ [π_heat·q(h) − π_el·p(h)/COP(h)]·1 h
/// − a·c_HP·H − a·c_S·S, with `a` the annuity factor. Without storage p = q (one column per hour).
public enum HeatRecoveryAnalysis {
    /// Plans heat recovery; validates every input first (typed errors), then solves with GLPK.
    public static func plan(
        source: WasteHeat, demand: HeatDemand, heatPump: HeatPumpEntry,
        economics: HeatRecoveryEconomics = HeatRecoveryEconomics(), options: HeatRecoveryOptions = HeatRecoveryOptions()
    ) throws(HeatRecoveryError) -> HeatRecoveryResult {
        let hours = try Prepared(
            source: source, demand: demand, heatPump: heatPump, economics: economics, options: options)
        // Dual simplex: 8 760 rows tied to one capacity column (0.6 s vs 4.9 s primal, glpsol, Seoul 4G).
        let solver = GLPKSolver(options: .init(timeLimit: options.timeLimit, method: .dualThenPrimal))
        let year = Array(0..<hours.count)
        switch options.resolution {
        case .fullYear:
            let built = Formulation(hours: hours, blocks: [year], dayWeights: nil, options: options)
            let solution = try solve(built.program, solver)
            return hours.result(solution: solution, layout: built, reducedError: nil)
        case .representativeDays(let days):
            let picked = representativeDays(hours: hours, count: days)
            let reduced = Formulation(
                hours: hours, blocks: picked.map { Array($0.day * 24..<$0.day * 24 + 24) },
                dayWeights: picked.map { Double($0.weight) }, options: options)
            let reducedSolution = try solve(reduced.program, solver)
            let full = Formulation(hours: hours, blocks: [year], dayWeights: nil, options: options)
            let fullSolution = try solve(full.program, solver)
            guard reducedSolution.status.hasSolution, let h = reducedSolution.value(reduced.capacity) else {
                return hours.result(
                    solution: reducedSolution, layout: reduced, reducedError: nil, fullYearValues: false)
            }
            let s = reduced.storage.flatMap { reducedSolution.value($0) }
            let fixed = Formulation(
                hours: hours, blocks: [year], dayWeights: nil, options: options, fixed: (h, s ?? 0))
            let fixedSolution = try solve(fixed.program, solver)
            let error = RepresentativeDaysError(
                days: days, capacityFullYear: .megawatts(fullSolution.value(full.capacity) ?? 0),
                capacityReduced: .megawatts(h), netBenefitFullYear: fullSolution.objective ?? 0,
                netBenefitReducedCapacity: fixedSolution.objective ?? 0)
            var result = hours.result(solution: fixedSolution, layout: fixed, reducedError: error)
            result.lp = HeatRecoveryLPSummary(
                rows: reducedSolution.report.rows, columns: reducedSolution.report.columns,
                nonzeros: reducedSolution.report.nonzeros, solveTime: reducedSolution.report.time,
                message: reducedSolution.report.message, modelledHours: 24 * days)
            return result
        }
    }

    /// The full-year LP as a `LinearProgram` (for inspection and export), after validation.
    public static func program(
        source: WasteHeat, demand: HeatDemand, heatPump: HeatPumpEntry,
        economics: HeatRecoveryEconomics = HeatRecoveryEconomics(), options: HeatRecoveryOptions = HeatRecoveryOptions()
    ) throws(HeatRecoveryError) -> LinearProgram {
        let hours = try Prepared(
            source: source, demand: demand, heatPump: heatPump, economics: economics, options: options)
        return Formulation(
            hours: hours, blocks: [Array(0..<hours.count)], dayWeights: nil, options: options
        ).program
    }

    /// Writes the full-year LP as free MPS and CPLEX LP files into `directory` (created if
    /// missing) and returns their paths: `<directory>/heat-recovery.mps` and `.lp`.
    @discardableResult
    public static func exportLP(
        source: WasteHeat, demand: HeatDemand, heatPump: HeatPumpEntry,
        economics: HeatRecoveryEconomics = HeatRecoveryEconomics(),
        options: HeatRecoveryOptions = HeatRecoveryOptions(),
        to directory: String
    ) throws(HeatRecoveryError) -> (mps: String, lp: String) {
        let program = try program(
            source: source, demand: demand, heatPump: heatPump, economics: economics, options: options)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .solverFailed("could not create \(directory): \(error)")
        }
        let mps = (directory as NSString).appendingPathComponent("heat-recovery.mps")
        let lp = (directory as NSString).appendingPathComponent("heat-recovery.lp")
        do {
            try program.exportMPS(to: mps)
            try program.exportCPLEXLP(to: lp)
        } catch {
            throw .solverFailed(error.description)
        }
        return (mps, lp)
    }

    // MARK: Closed form (no storage, no ERF target)

    /// Dispatch for a fixed capacity without storage, in closed form (no LP): each hour,
    /// `q(h) = min(H, D(h), W(h)/(1 − 1/COP(h)))` when the hour's margin `π_heat − π_el/COP(h)` is
    /// positive, else 0. Returns the hourly heat delivered and the net benefit (currency/yr).
    public static func dispatch(
        source: WasteHeat, demand: HeatDemand, heatPump: HeatPumpEntry, economics: HeatRecoveryEconomics,
        capacity: Power
    ) throws(HeatRecoveryError) -> (delivered: HourlySeries<Power>, netBenefit: Double) {
        let hours = try Prepared(
            source: source, demand: demand, heatPump: heatPump, economics: economics, options: HeatRecoveryOptions())
        let h = capacity.megawatts
        var benefit = -hours.capacityCostPerMW * h
        var q = [Double](repeating: 0, count: hours.count)
        for i in 0..<hours.count where hours.margin[i] > 0 {
            q[i] = min(h, hours.upperMW[i])
            benefit += hours.margin[i] * q[i]
        }
        return (HourlySeries(si: q.map { $0 * 1e6 }), benefit)
    }

    /// The best capacity without storage or ERF target, found by a 1-D search over H with no LP:
    /// the net benefit `B(H) = Σ_h m⁺(h)·min(H, U(h)) − c·H` (m = margin per MWh, U = most the hour
    /// can deliver, c = annualised cost per MW) is concave and piecewise linear, with slope
    /// `Σ_{U(h) > H} m⁺(h) − c`; the optimum is the first breakpoint `U` where the slope turns ≤ 0.
    /// Ties in B (flat pieces) resolve to the smallest optimal H.
    public static func bestCapacityWithoutStorage(
        source: WasteHeat, demand: HeatDemand, heatPump: HeatPumpEntry, economics: HeatRecoveryEconomics,
        maximumCapacity: Power? = nil
    ) throws(HeatRecoveryError) -> Power {
        let hours = try Prepared(
            source: source, demand: demand, heatPump: heatPump, economics: economics, options: HeatRecoveryOptions())
        var points: [(u: Double, m: Double)] = []
        for i in 0..<hours.count where hours.margin[i] > 0 && hours.upperMW[i] > 0 {
            points.append((hours.upperMW[i], hours.margin[i]))
        }
        points.sort { $0.u < $1.u }
        var slope = points.reduce(0) { $0 + $1.m } - hours.capacityCostPerMW
        var best = 0.0
        for p in points {
            if slope <= 0 { break }
            best = p.u
            slope -= p.m
        }
        if let cap = maximumCapacity { best = min(best, cap.megawatts) }
        return .megawatts(best)
    }

    // MARK: Representative days

    /// Days ranked by daily demand, split into `count` equal groups; the middle day of each group
    /// stands for the group, weighted by its size.
    static func representativeDays(hours: Prepared, count: Int) -> [(day: Int, weight: Int)] {
        let days = hours.count / 24
        let daily = (0..<days).map { d in (d, (0..<24).reduce(0.0) { $0 + hours.demandMW[d * 24 + $1] }) }
        let ranked = daily.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        return (0..<count).map { g in
            let lower = g * days / count
            let upper = (g + 1) * days / count
            return (ranked[(lower + upper - 1) / 2], upper - lower)
        }
    }

    private static func solve(_ program: LinearProgram, _ solver: GLPKSolver) throws(HeatRecoveryError) -> LPSolution {
        do {
            return try solver.solve(program)
        } catch {
            throw .solverFailed(error.description)
        }
    }
}
