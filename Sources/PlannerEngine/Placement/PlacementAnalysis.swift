import Dispatch
import Foundation
import LinearProgramming
import PlannerModel

/// Cooling-unit placement per hall (DESIGN.md §5.4): floor model → ``PlacementFormulation`` →
/// GLPK → decoded ``CoolingLayout`` with an independent failover re-routing; an infeasible hall
/// is solved again in its elastic form to say which racks are short and why.
public enum PlacementAnalysis {
    /// Places CDUs for the liquid heat and air units for the air heat of one copy of `hall`.
    ///
    /// A solver time-out is a status (``PlacementStatus/feasible`` with its gap, or
    /// ``PlacementStatus/noSolution``), an infeasible hall is ``PlacementStatus/infeasible`` with
    /// shortfalls; only bad input and GLPK failures throw.
    public static func place(hall: Hall, options: PlacementOptions = PlacementOptions()) throws(PlacementError)
        -> HallPlacement
    {
        let floor = try FloorModel.floor(of: hall, options: options)
        let media = CoolingMedium.allCases
        for medium in media { try validate(options, floor: floor, layout: hall.layout!, medium: medium) }
        let results = map(media, parallel: options.parallel) { medium throws(PlacementError) in
            try layout(floor: floor, medium: medium, options: options)
        }
        var layouts: [CoolingLayout?] = []
        for result in results { layouts.append(try result.get()) }
        return HallPlacement(floor: floor, liquid: layouts[0], air: layouts[1])
    }

    /// Places every hall with the same options; the (hall, medium) problems are independent and
    /// solve on several threads when ``PlacementOptions/parallel`` is on. One result per hall, in order.
    public static func place(halls: [Hall], options: PlacementOptions = PlacementOptions())
        -> [Result<HallPlacement, PlacementError>]
    {
        place(halls.map { ($0, options) }, parallel: options.parallel)
    }

    /// Places every hall with its own options (a site's halls differ in listed unit sites); the
    /// (hall, medium) problems are independent and solve on several threads when `parallel`.
    /// One result per hall, in order.
    public static func place(_ problems: [(hall: Hall, options: PlacementOptions)], parallel: Bool)
        -> [Result<HallPlacement, PlacementError>]
    {
        struct Job: Sendable {
            var hall: Int
            var medium: CoolingMedium
            var floor: HallFloor
            var options: PlacementOptions
        }
        var floors: [Result<HallFloor, PlacementError>] = []
        var jobs: [Job] = []
        for (h, (hall, options)) in problems.enumerated() {
            do throws(PlacementError) {
                let floor = try FloorModel.floor(of: hall, options: options)
                for medium in CoolingMedium.allCases {
                    try validate(options, floor: floor, layout: hall.layout!, medium: medium)
                }
                floors.append(.success(floor))
                jobs += CoolingMedium.allCases.map { Job(hall: h, medium: $0, floor: floor, options: options) }
            } catch {
                floors.append(.failure(error))
            }
        }
        let solved = map(jobs, parallel: parallel) { job throws(PlacementError) in
            try layout(floor: job.floor, medium: job.medium, options: job.options)
        }
        return floors.enumerated().map { h, floor in
            floor.flatMap { floor in
                var placement = HallPlacement(floor: floor, liquid: nil, air: nil)
                for (job, result) in zip(jobs, solved) where job.hall == h {
                    switch result {
                    case .success(let layout):
                        if job.medium == .liquid { placement.liquid = layout } else { placement.air = layout }
                    case .failure(let error):
                        return .failure(error)
                    }
                }
                return .success(placement)
            }
        }
    }

    /// The layout of one medium on `floor`, or nil when no rack gives heat to it.
    public static func layout(floor: HallFloor, medium: CoolingMedium, options: PlacementOptions) throws(PlacementError)
        -> CoolingLayout?
    {
        guard floor.heat(medium).kilowatts > PlacementFormulation.negligibleKilowatts else { return nil }
        let types = options.units(medium)
        let model = PlacementFormulation.build(
            floor: floor, medium: medium, types: types, pathCost: options.pathCost(medium),
            backupRadius: options.backupRadius, strengthening: options.strengthening)
        var start: [Double]? = nil
        if options.greedyStart {
            start = try GreedyPlacement.start(for: model)
        }
        let solution =
            options.lexicographic
            ? try solveLexicographic(model, options: options, start: start)
            : try solve(
                model.program,
                options: GLPKSolver.Options(
                    timeLimit: options.timeLimit, mipGap: options.mipGap.fraction,
                    presolve: start == nil && options.presolve),
                start: start)
        let summary = Self.summary(solution.report, objective: solution.objective)
        let status: PlacementStatus
        switch solution.status {
        case .optimal: status = .optimal
        case .feasible: status = .feasible
        case .infeasible: status = .infeasible
        case .undefined: status = .noSolution
        case .unbounded: throw .solverFailed("the placement MILP of hall '\(floor.hallID)' is unbounded (a bug)")
        }
        switch status {
        case .optimal, .feasible:
            return try decode(model, values: solution.values, status: status, summary: summary)
        case .noSolution:
            return CoolingLayout(
                hallID: floor.hallID, medium: medium, status: .noSolution, heat: floor.heat(medium), units: [],
                piping: .zero, unitCost: .zero, failures: [], shortfalls: [], solve: summary)
        case .infeasible:
            let elastic = PlacementFormulation.build(
                floor: floor, medium: medium, types: types, pathCost: options.pathCost(medium),
                backupRadius: options.backupRadius, elastic: true, strengthening: options.strengthening)
            // The penalty dominates the objective, so a relative gap would hide units: solve tightly.
            let elasticSolution = try solve(
                elastic.program, options: GLPKSolver.Options(timeLimit: options.timeLimit, mipGap: 1e-6), start: nil)
            guard elasticSolution.status.hasSolution else {
                var layout = CoolingLayout(
                    hallID: floor.hallID, medium: medium, status: .infeasible, heat: floor.heat(medium), units: [],
                    piping: .zero, unitCost: .zero, failures: [], shortfalls: [], solve: summary)
                layout.elasticSolve = Self.summary(elasticSolution.report, objective: nil)
                return layout
            }
            var layout = try decode(elastic, values: elasticSolution.values, status: .infeasible, summary: summary)
            layout.elasticSolve = Self.summary(elasticSolution.report, objective: elasticSolution.objective)
            return layout
        }
    }

    /// Checks the options and unit types against the floor for one medium with heat.
    static func validate(_ options: PlacementOptions, floor: HallFloor, layout: HallLayout, medium: CoolingMedium)
        throws(PlacementError)
    {
        guard options.timeLimit > .zero else { throw .invalidTimeLimit(options.timeLimit) }
        guard options.mipGap.isFinite, options.mipGap.fraction >= 0, options.mipGap.fraction < 1 else {
            throw .invalidMIPGap(options.mipGap)
        }
        guard options.backupRadius.isFinite, options.backupRadius >= .zero else {
            throw .invalidBackupRadius(options.backupRadius)
        }
        let cost = options.pathCost(medium)
        guard cost.isFinite, cost >= .zero else { throw .invalidCost("the \(medium.rawValue) path cost per kW·m") }
        guard floor.heat(medium).kilowatts > PlacementFormulation.negligibleKilowatts else { return }
        let types = options.units(medium)
        guard !types.isEmpty else { throw .noUnitTypes(hall: floor.hallID, medium: medium) }
        var ids: Set<String> = []
        for type in types {
            guard LinearProgram.isValidName("open[J1,\(type.id)]") else {
                throw .invalidUnitType(
                    id: type.id,
                    reason: "the ID must use only ASCII letters, digits and _-.,{}/#$%&!?@| to name LP columns")
            }
            guard ids.insert(type.id).inserted else {
                throw .invalidUnitType(id: type.id, reason: "the ID is listed twice")
            }
            guard type.capacity.isFinite, type.capacity > .zero else {
                throw .invalidUnitType(id: type.id, reason: "the capacity must be positive and finite")
            }
            guard type.cost.isFinite, type.cost >= .zero else { throw .invalidCost("the unit cost of '\(type.id)'") }
            guard type.reach.isFinite, type.reach >= layout.rackPitch else {
                throw .reachShorterThanRackPitch(unit: type.id, reach: type.reach, rackPitch: layout.rackPitch)
            }
        }
    }

    /// Solves in two phases:
    ///
    /// 1. the fewest (cheapest) units: minimise the unit cost `Σ c_t·y_jt` alone on the smaller
    ///    ``UnitCountModel`` (rack groups, cover cuts), whose optimum is the full model's. With
    ///    whole-dollar costs the objective is integral, which GLPK detects and uses to round its
    ///    bounds up. Branching is by pseudocost: most branchings on a unit leave the bound of a
    ///    count where it was, and pseudocosts learn which do not. Measured on the Samsung hall's
    ///    air problem (231 racks, 38 sites, 12 fan walls): 115 s in `glpsol` on the full rows,
    ///    16 s on the unit-count model, 7 s with pseudocosts; the SK physical-AI hall's (200
    ///    air-cooled racks, 19 fan walls) not proven in 30 s with GLPK's default branching, 11 s
    ///    with pseudocosts; the other Korean halls' air problems 0.1-1 s;
    /// 2. minimise the full objective on the full model with the row `unitcost`:
    ///    `U* ≤ Σ c_t·y_jt ≤ U* + P₁`, with `U*` the phase-1 optimum and `P₁` the piping cost of
    ///    the phase-1 layout. The row cuts off no layout better than the phase-1 one (a layout
    ///    costing more than `U* + P₁` in units costs more in total, since piping ≥ 0; the lower
    ///    side, only when phase 1 proved `U*` optimal, restates that proof for the relaxation),
    ///    so phase 2 finds the optimum of the weighted objective, and its gap is a true gap. Its
    ///    MIP start is the phase-1 units with their cheapest routing (an LP with the units
    ///    fixed), so GLPK stops as soon as its bound is within the gap of that layout (measured:
    ///    0.3-1.4 s on the Korean halls' air problems, against 1-9 s from no start).
    ///
    /// The time limit covers both phases. The report is phase 2's, with the time of both.
    static func solveLexicographic(_ model: PlacementModel, options: PlacementOptions, start: [Double]?)
        throws(PlacementError) -> LPSolution
    {
        let clock = ContinuousClock()
        let begin = clock.now
        let unitTerms = model.open.flatMap { row in
            row.indices.compactMap { t in row[t].map { model.types[t].cost.dollars * $0 } }
        }
        let units = UnitCountModel(model)
        let phase1Reduced = try solve(
            units.program,
            options: GLPKSolver.Options(
                timeLimit: options.timeLimit, mipGap: options.mipGap.fraction,
                presolve: start == nil && options.presolve,
                branching: .pseudocost),
            start: start.map { units.reducedValues($0, of: model) })
        var phase1 = phase1Reduced
        if phase1.status.hasSolution {
            phase1.values = units.fullValues(phase1Reduced.values, of: model)
        }
        // The report states the size of the program whose layout is reported (phase 2's, or the
        // full model's when phase 1's layout is all there is).
        phase1.report.rows = model.program.constraints.count
        phase1.report.columns = model.program.variables.count
        phase1.report.nonzeros = model.program.constraints.reduce(0) {
            $0 + $1.terms.filter { $0.coefficient != 0 }.count
        }
        guard phase1.status.hasSolution, let unitCost = phase1.objective else { return phase1 }
        let weighted = model.program.objective.terms.reduce(model.program.objective.constant) {
            $0 + $1.coefficient * phase1.values[$1.variable.index]
        }
        let remaining = options.timeLimit - (clock.now - begin)
        var asFirst = phase1
        asFirst.objective = weighted
        asFirst.status = .feasible
        asFirst.report.gap = nil
        guard remaining > .milliseconds(1) else {
            // Phase 2 never ran: the time limit decided the layout.
            asFirst.report.stoppedAtTimeLimit = true
            return asFirst
        }
        var second = model.program
        let cap = unitCost + max(0, weighted - unitCost) + 1e-6
        // A proven minimum is also a valid lower bound, which phase 2's relaxation lacks.
        second.addConstraint(
            "unitcost", unitTerms, phase1.status == .optimal ? .range(unitCost - 1e-6, cap) : .lessOrEqual(cap))
        // The phase-1 units with their best routing (an LP) start phase 2, so that its search
        // begins from a good incumbent; a start needs presolve off.
        let routed = try GreedyPlacement.route(second, open: model.open, values: phase1.values)
        let phase2 = try solve(
            second, options: GLPKSolver.Options(timeLimit: remaining, mipGap: options.mipGap.fraction, presolve: false),
            start: routed ?? phase1.values)
        guard phase2.status.hasSolution else {
            asFirst.report.time = clock.now - begin
            asFirst.report.stoppedAtTimeLimit = phase1.report.stoppedAtTimeLimit || phase2.report.stoppedAtTimeLimit
            return asFirst
        }
        var result = phase2
        result.report.time = clock.now - begin
        // A phase 1 cut short by the clock chose the units phase 2 started from.
        result.report.stoppedAtTimeLimit = phase1.report.stoppedAtTimeLimit || phase2.report.stoppedAtTimeLimit
        return result
    }

    static func solve(_ program: LinearProgram, options: GLPKSolver.Options, start: [Double]?) throws(PlacementError)
        -> LPSolution
    {
        do {
            return try GLPKSolver(options: options).solve(program, start: start)
        } catch {
            throw .solverFailed("\(error)")
        }
    }

    static func summary(_ report: SolveReport, objective: Double?) -> PlacementSolveSummary {
        PlacementSolveSummary(
            rows: report.rows, columns: report.columns, binaries: report.binaries, nonzeros: report.nonzeros,
            objective: objective.map { .dollars($0) }, gap: report.gap.map { .fraction($0) }, time: report.time,
            message: report.message, timeLimited: report.stoppedAtTimeLimit)
    }

    /// Assignments below this [kW] are solver noise and dropped (1 mW).
    static let noiseKilowatts = 1e-6

    /// Units from the `open` binaries (> ½), assignments from the `serve` values, loads as the
    /// sums of the assignments, shortfalls from the `short` slacks, and the failover re-routing.
    static func decode(
        _ model: PlacementModel, values: [Double], status: PlacementStatus, summary: PlacementSolveSummary
    ) throws(PlacementError) -> CoolingLayout {
        let floor = model.floor
        var assignments = [[RackAssignment]](repeating: [], count: floor.sites.count)
        for (i, r) in model.racks.enumerated() {
            for entry in model.serve[i] {
                let heat = values[entry.variable.index]
                if heat > noiseKilowatts {
                    assignments[entry.site].append(
                        RackAssignment(rackID: floor.racks[r].id, heat: .kilowatts(heat), distance: entry.distance))
                }
            }
        }
        var units: [PlacedUnit] = []
        for (j, site) in floor.sites.enumerated() {
            guard
                let t = model.types.indices.first(where: { model.open[j][$0].map { values[$0.index] > 0.5 } ?? false })
            else { continue }
            let type = model.types[t]
            units.append(
                PlacedUnit(
                    id: site.id, typeID: type.id, position: site.position, capacity: type.capacity,
                    load: assignments[j].sum(\.heat), assignments: assignments[j], maxLoadAfterFailure: .zero))
        }
        let reach = Dictionary(model.types.map { ($0.id, $0.reach) }, uniquingKeysWith: { first, _ in first })
        let failover = try FailoverAnalysis.reroute(units: units, floor: floor, reach: reach)
        for j in units.indices { units[j].maxLoadAfterFailure = failover.maxLoadAfterFailure[j] }
        var shortfalls: [RackShortfall] = []
        for (i, r) in model.racks.enumerated() where !model.short.isEmpty {
            let unserved = values[model.short[i].index]
            guard unserved > noiseKilowatts else { continue }
            let reachable = model.serve[i].map { floor.sites[$0.site].id }
            let reason: ShortfallReason =
                switch reachable.count {
                case 0: .noSiteWithinReach
                case 1: .singleSiteWithinReach(siteID: reachable[0])
                default: .capacity
                }
            shortfalls.append(RackShortfall(rackID: floor.racks[r].id, unserved: .kilowatts(unserved), reason: reason))
        }
        let piping = units.flatMap(\.assignments).sum { HeatDistance.carrying($0.heat, over: $0.distance) }
        return CoolingLayout(
            hallID: floor.hallID, medium: model.medium, status: status, heat: floor.heat(model.medium), units: units,
            piping: piping, unitCost: units.sum { unit in model.types.first { $0.id == unit.typeID }!.cost },
            failures: failover.checks, shortfalls: shortfalls, solve: summary)
    }

    /// `transform` applied to each element, on several threads when `parallel` (GLPK solves of
    /// separate problems are independent; see `GLPKSession` in LinearProgramming).
    static func map<Element: Sendable, Output: Sendable>(
        _ elements: [Element], parallel: Bool, _ transform: @Sendable (Element) throws(PlacementError) -> Output
    ) -> [Result<Output, PlacementError>] {
        guard parallel, elements.count > 1 else {
            return elements.map { element in Result { () throws(PlacementError) in try transform(element) } }
        }
        let results = ResultBox<Output>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            results.set(index, Result { () throws(PlacementError) in try transform(elements[index]) })
        }
        return results.values()
    }
}

/// Results written from `concurrentPerform` iterations, one slot each.
private final class ResultBox<Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Output, PlacementError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<Output, PlacementError>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Result<Output, PlacementError>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
