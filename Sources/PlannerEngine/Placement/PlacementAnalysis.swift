import Dispatch
import Foundation
import LinearProgramming
import PlannerModel

/// Cooling-unit placement per hall (DESIGN.md §5.4): floor model → ``PlacementFormulation`` →
/// GLPK → decoded ``CoolingLayout`` with an independent failover re-routing; an infeasible hall
/// is solved again in its elastic form to say which racks are short and why.
public enum PlacementAnalysis {
    /// Places CDUs for the liquid heat and air units for the air heat of one copy of `hall`, on
    /// one floor (a site holds at most one unit of either medium).
    ///
    /// A solver time-out is a status (``PlacementStatus/feasible`` with its gap, or
    /// ``PlacementStatus/noSolution``), an infeasible hall is ``PlacementStatus/infeasible`` with
    /// shortfalls; only bad input and GLPK failures throw.
    public static func place(hall: Hall, options: PlacementOptions = PlacementOptions()) throws(PlacementError)
        -> HallPlacement
    {
        try place([(hall, options)], parallel: false)[0].get()
    }

    /// Places every hall with the same options; halls solve on several threads when
    /// ``PlacementOptions/parallel`` is on. One result per hall, in order.
    public static func place(halls: [Hall], options: PlacementOptions = PlacementOptions())
        -> [Result<HallPlacement, PlacementError>]
    {
        place(halls.map { ($0, options) }, parallel: options.parallel)
    }

    /// Places every hall with its own options (a site's halls differ in listed unit sites); the
    /// halls are independent and solve on several threads when `parallel`. Halls with the same
    /// floor (racks, heat, sites) and options are solved once. One result per hall, in order.
    public static func place(_ problems: [(hall: Hall, options: PlacementOptions)], parallel: Bool)
        -> [Result<HallPlacement, PlacementError>]
    {
        struct Job: Sendable {
            var floor: HallFloor
            var options: PlacementOptions
        }
        var perHall: [Result<Int, PlacementError>] = []
        var jobs: [Job] = []
        for (hall, options) in problems {
            do throws(PlacementError) {
                let floor = try FloorModel.floor(of: hall, options: options)
                for medium in CoolingMedium.allCases {
                    try validate(options, floor: floor, layout: hall.layout!, medium: medium)
                }
                var anonymous = floor
                anonymous.hallID = ""
                if let same = jobs.firstIndex(where: {
                    var other = $0.floor
                    other.hallID = ""
                    return other == anonymous && $0.options == options
                }) {
                    perHall.append(.success(same))
                } else {
                    perHall.append(.success(jobs.count))
                    jobs.append(Job(floor: floor, options: options))
                }
            } catch {
                perHall.append(.failure(error))
            }
        }
        let solved = map(jobs, parallel: parallel) { job throws(PlacementError) in
            try placeFloor(job.floor, options: job.options)
        }
        return zip(problems, perHall).map { problem, index in
            index.flatMap { index in
                solved[index].map { placement in
                    relabel(placement, hallID: problem.hall.id)
                }
            }
        }
    }

    /// `placement` with the hall ID `hallID` (a hall solved once for several identical ones).
    static func relabel(_ placement: HallPlacement, hallID: String) -> HallPlacement {
        var placement = placement
        placement.floor.hallID = hallID
        placement.liquid?.hallID = hallID
        placement.air?.hallID = hallID
        return placement
    }

    /// The media of `floor` with heat, each with its types, path cost, redundancy and the
    /// cooling table's unit count.
    static func media(_ floor: HallFloor, options: PlacementOptions, excluded: Set<Int> = [])
        -> [MediumFloor]
    {
        CoolingMedium.allCases.filter { floor.heat($0).kilowatts > PlacementFormulation.negligibleKilowatts }.map {
            MediumFloor(
                floor: floor, medium: $0, types: options.units($0), pathCost: options.pathCost($0),
                redundancy: options.redundancy($0), minimumUnits: options.minimumUnits[$0] ?? 0, excluded: excluded)
        }
    }

    /// Places both media of `floor`: jointly (one program) or liquid first and air on the
    /// sites left (``PlacementOptions/floorSharing``).
    static func placeFloor(_ floor: HallFloor, options: PlacementOptions) throws(PlacementError) -> HallPlacement {
        var placement = HallPlacement(floor: floor, liquid: nil, air: nil)
        switch options.floorSharing {
        case .joint:
            let solved = try solveFloor(floor, media: media(floor, options: options), options: options)
            for layout in solved.layouts { placement.set(layout) }
        case .sequential:
            var taken: Set<Int> = []
            for medium in CoolingMedium.allCases {
                let media = media(floor, options: options, excluded: taken).filter { $0.medium == medium }
                guard !media.isEmpty else { continue }
                let solved = try solveFloor(floor, media: media, options: options)
                for layout in solved.layouts {
                    placement.set(layout)
                    let ids = Set(layout.units.map(\.id))
                    taken.formUnion(floor.sites.indices.filter { ids.contains(floor.sites[$0].id) })
                }
            }
        }
        return placement
    }

    /// The layouts of one program over `media` on `floor`, and the program whose solution they
    /// are (the routing program with every cut the search added, as exported).
    struct FloorSolution {
        var layouts: [CoolingLayout]
        var program: LinearProgram?
    }

    /// VUB rows per rack in the routing program: for its 3 nearest sites. Measured on the Korean
    /// halls (Samsung, NAVER): all VUBs 1.9-2.6 s per hall, 6 per rack 1.1-1.7 s, 3 per rack
    /// 1.1-1.4 s, 1 per rack 0.9-1.1 s but a weaker bound (Samsung's gap 0.479 % against 0.454 %,
    /// too near the 0.5 % target); the same layouts throughout.
    static let vubSites = 3

    /// Serve columns per rack the routing program's relaxation starts with: those to its nearest
    /// sites (the rest join by column generation when their reduced cost says so; exact, see
    /// ``GLPKSolver/Options/deferredColumns``).
    /// Measured on the nine Korean halls (CPU time of the routing program's solve, release build):
    /// all columns from the start 0.42 s for Hyundai's 179-rack hall and 0.82 s for SK's 242-rack
    /// one; 3 sites 2-4× slower on two halls (many pricing rounds); 4, 5, 6 and 8 sites 0.28-0.33 s
    /// and 0.56-0.63 s; 5 the fastest overall.
    static let initialServeSites = 5

    /// The serve columns of `model` beyond each rack's ``initialServeSites`` nearest sites.
    static func deferred(_ model: PlacementModel) -> [Int] {
        var result: [Int] = []
        for bySystem in model.serve {
            for byRack in bySystem {
                for entries in byRack where entries.count > initialServeSites {
                    result += PlacementModel.Serve.nearestFirst(entries).dropFirst(initialServeSites).map(
                        \.variable.index)
                }
            }
        }
        return result.sorted()
    }

    /// Most rounds of cuts per phase before the search gives up on adding more (a safety net: the
    /// Korean halls need 1-6).
    static let maximumRounds = 200

    /// Solves in two phases, each a loop that adds the redundancy conditions the layout breaks
    /// (``RedundancySeparation``) until it breaks none:
    ///
    /// 1. the fewest (cheapest) units: the unit program, minimising `Σ c_t·y`; only binaries,
    ///    so it solves in milliseconds;
    /// 2. the routing program with the unit cost held between the phase-1 optimum `U*` and
    ///    `U* + P₁` (`P₁` the piping cost of the phase-1 units with their best routing, an LP):
    ///    no layout costing more in units can cost less in total, so phase 2 finds the optimum
    ///    of the full objective, and its gap is a true gap. It starts from the phase-1 layout,
    ///    which meets every cut, so GLPK stops as soon as its bound is within the gap.
    ///
    /// Every GLPK call stops at ``PlacementOptions/nodeLimit`` nodes, so the layout is the same on
    /// any machine; the time limit is a safety net reported as a status.
    static func solveFloor(_ floor: HallFloor, media: [MediumFloor], options: PlacementOptions)
        throws(PlacementError) -> FloorSolution
    {
        let clock = ContinuousClock()
        let begin = clock.now
        var limits = Limits()
        func glpk(_ presolve: Bool) -> GLPKSolver.Options {
            let remaining = options.timeLimit - (clock.now - begin)
            return GLPKSolver.Options(
                timeLimit: max(remaining, .milliseconds(1)), mipGap: options.mipGap.fraction, presolve: presolve,
                method: .dualThenPrimal, branching: presolve ? .pseudocost : .driebeckTomlin,
                nodeLimit: options.nodeLimit)
        }
        // Phase 1. A group no site reaches cannot be served at all: straight to the elastic form.
        var cuts = PlacementFormulation.initialCuts(media)
        var elastic = media.contains { $0.groupReach.contains { $0.isEmpty } }
        var phase1: (model: PlacementModel, solution: LPSolution)
        var rounds = 0
        func failed(_ status: PlacementStatus, _ report: SolveReport) -> FloorSolution {
            let none = Self.summary(report, objective: nil, limits: limits, time: clock.now - begin)
            return FloorSolution(layouts: media.map { empty(floor, $0, status: status, summary: none) }, program: nil)
        }
        while true {
            let model = PlacementFormulation.build(
                floor: floor, media: media, cuts: cuts, phase: .units, elastic: elastic)
            let solution = try solve(model.program, options: glpk(true), start: nil)
            limits.note(solution.report)
            if clock.now - begin >= options.timeLimit { limits.timeLimited = true }
            if solution.status == .infeasible && !elastic {
                elastic = true
                continue
            }
            guard solution.status.hasSolution else {
                return failed(solution.status == .infeasible ? .infeasible : .noSolution, solution.report)
            }
            phase1 = (model, solution)
            let new = RedundancySeparation.violated(
                model, values: solution.values, served: served(model, solution.values))
            if new.isEmpty { break }
            rounds += 1
            // A layout that still breaks a redundancy condition is no layout: stopped by the clock
            // (a status) or, past the round limit, reported as found nothing.
            if rounds >= maximumRounds || limits.timeLimited {
                limits.timeLimited = limits.timeLimited || rounds < maximumRounds
                return failed(.noSolution, solution.report)
            }
            cuts += new
        }
        let served = served(phase1.model, phase1.solution.values) ?? media.map(\.groupHeat)
        let unitCost = phase1.model.unitCostTerms.reduce(0.0) {
            $0 + $1.coefficient * phase1.solution.values[$1.variable.index]
        }

        // Phase 2: the phase-1 units routed (an LP) bound the unit cost and start the search.
        let wide = PlacementFormulation.build(
            floor: floor, media: media, cuts: cuts,
            phase: .routing(
                unitCost: unitCost - 1e-6 * max(1, unitCost)...Double.greatestFiniteMagnitude, served: served),
            minimum: !elastic, vubSites: 0) // with the units fixed the VUBs say nothing; same columns
        guard let start = try route(wide, fixing: phase1.model, values: phase1.solution.values) else {
            throw .solverFailed("the phase-1 units of hall '\(floor.hallID)' admit no routing (a bug)")
        }
        let objective1 = wide.program.objective.terms.reduce(wide.program.objective.constant) {
            $0 + $1.coefficient * start[$1.variable.index]
        }
        let lower = phase1.solution.status == .optimal && !elastic ? unitCost - 1e-6 * max(1, unitCost) : 0
        let upper = objective1 + 1e-6 * max(1, objective1)
        var best: (model: PlacementModel, values: [Double], report: SolveReport?) = (wide, start, nil)
        if wide.binaries.isEmpty {
            // Nothing to place (no site reaches a rack): the routing LP is the whole answer.
            var report = phase1.solution.report
            report.gap = 0
            best.report = report
        }
        rounds = 0
        while !limits.timeLimited && !wide.binaries.isEmpty {
            let model = PlacementFormulation.build(
                floor: floor, media: media, cuts: cuts, phase: .routing(unitCost: lower...upper, served: served),
                minimum: !elastic, vubSites: vubSites)
            var settings = glpk(false)
            settings.deferredColumns = deferred(model)
            let solution = try solve(model.program, options: settings, start: start)
            limits.note(solution.report)
            if clock.now - begin >= options.timeLimit { limits.timeLimited = true }
            guard solution.status.hasSolution else { break }
            let new = RedundancySeparation.violated(model, values: solution.values, served: served)
            rounds += 1
            if new.isEmpty {
                best = (model, solution.values, solution.report)
                break
            }
            if rounds >= maximumRounds { break }
            cuts += new
        }
        let provenOptimal =
            best.report.map { $0.gap == 0 && !$0.stoppedAtNodeLimit && !$0.stoppedAtTimeLimit } ?? false
            && phase1.solution.status == .optimal && !limits.nodeLimited && !limits.timeLimited
        var report = best.report ?? phase1.solution.report
        report.rows = best.model.program.constraints.count
        report.columns = best.model.program.variables.count
        report.nonzeros = best.model.program.constraints.reduce(0) { $0 + $1.terms.count }
        report.binaries = best.model.binaries.count
        let total = best.model.program.objective.terms.reduce(0.0) {
            $0 + $1.coefficient * best.values[$1.variable.index]
        }
        if best.report == nil {
            // Phase 2 found nothing better in time: the phase-1 layout, its gap unknown.
            report.gap = nil
        }
        let summary = Self.summary(report, objective: total, limits: limits, time: clock.now - begin)
        var layouts: [CoolingLayout] = []
        for m in media.indices {
            var layout = try decode(
                best.model, m, values: best.values, served: served,
                status: provenOptimal ? .optimal : .feasible, summary: summary)
            if elastic {
                let short = zip(media[m].groupHeat, served[m]).reduce(0.0) { $0 + $1.0 - $1.1 }
                if short > noiseKilowatts { layout.status = .infeasible }
                layout.elasticSolve = summary
            }
            layouts.append(layout)
        }
        return FloorSolution(layouts: layouts, program: best.model.program)
    }

    /// Which limits ended any GLPK call of one solve.
    struct Limits {
        var timeLimited = false
        var nodeLimited = false

        mutating func note(_ report: SolveReport) {
            timeLimited = timeLimited || report.stoppedAtTimeLimit
            nodeLimited = nodeLimited || report.stoppedAtNodeLimit
        }
    }

    /// Per medium and group, the heat served (`q_G − short_G`) of an elastic point; nil otherwise.
    static func served(_ model: PlacementModel, _ values: [Double]) -> [[Double]]? {
        guard model.short.contains(where: { !$0.isEmpty }) else { return nil }
        return model.media.indices.map { m in
            model.media[m].groupHeat.indices.map { g in
                max(0, model.media[m].groupHeat[g] - max(0, values[model.short[m][g].index]))
            }
        }
    }

    /// `model` (a routing program) with every binary fixed at its value in the unit program
    /// `units`' point `values`, solved as an LP; a point of `model` (binaries rounded) when optimal.
    static func route(_ model: PlacementModel, fixing units: PlacementModel, values: [Double]) throws(PlacementError)
        -> [Double]?
    {
        var program = model.program
        for m in model.media.indices {
            for s in 0..<model.media[m].scheme.systems {
                for (j, t, variable) in model.units(m, s) {
                    let value = units.open[m][s][j][t].map { values[$0.index].rounded() } ?? 0
                    program[variable].kind = .continuous
                    program[variable].bounds = .equal(value)
                }
            }
        }
        // The unit-cost row may not hold the routed point's piping yet: free it.
        if let row = program.constraints.firstIndex(where: { $0.name == "unitcost" }) {
            program.constraints[row].bounds = .greaterOrEqual(-Double.greatestFiniteMagnitude)
        }
        let solution = try solve(program, options: GLPKSolver.Options(), start: nil)
        guard solution.status == .optimal else { return nil }
        var result = solution.values.map { max(0, $0) }
        for variable in model.binaries { result[variable.index] = result[variable.index].rounded() }
        return result
    }

    /// A layout without units (no solution, or none found).
    static func empty(
        _ floor: HallFloor, _ medium: MediumFloor, status: PlacementStatus, summary: PlacementSolveSummary
    )
        -> CoolingLayout
    {
        CoolingLayout(
            hallID: floor.hallID, medium: medium.medium, status: status, heat: floor.heat(medium.medium), units: [],
            piping: .zero, unitCost: .zero, failures: [], shortfalls: [], solve: summary,
            redundancy: medium.redundancy)
    }

    /// Checks the options and unit types against the floor for one medium with heat.
    static func validate(_ options: PlacementOptions, floor: HallFloor, layout: HallLayout, medium: CoolingMedium)
        throws(PlacementError)
    {
        guard options.timeLimit > .zero else { throw .invalidTimeLimit(options.timeLimit) }
        guard options.mipGap.isFinite, options.mipGap.fraction >= 0, options.mipGap.fraction < 1 else {
            throw .invalidMIPGap(options.mipGap)
        }
        guard options.nodeLimit >= 1 else { throw .invalidNodeLimit(options.nodeLimit) }
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

    static func solve(_ program: LinearProgram, options: GLPKSolver.Options, start: [Double]?) throws(PlacementError)
        -> LPSolution
    {
        do {
            return try GLPKSolver(options: options).solve(program, start: start)
        } catch {
            throw .solverFailed("\(error)")
        }
    }

    static func summary(_ report: SolveReport, objective: Double?, limits: Limits, time: Duration)
        -> PlacementSolveSummary
    {
        PlacementSolveSummary(
            rows: report.rows, columns: report.columns, binaries: report.binaries, nonzeros: report.nonzeros,
            objective: objective.map { .dollars($0) }, gap: report.gap.map { .fraction($0) }, time: time,
            message: report.message, timeLimited: limits.timeLimited, nodeLimited: limits.nodeLimited)
    }

    /// Assignments below this [kW] are solver noise and dropped (1 mW).
    static let noiseKilowatts = 1e-6

    /// Medium `m`'s layout: units from the `open` binaries (> ½), assignments from the `serve`
    /// values, loads as the sums of the assignments, shortfalls from `served`, and the
    /// re-routing after each failure scenario of the medium's redundancy.
    static func decode(
        _ model: PlacementModel, _ m: Int, values: [Double], served: [[Double]], status: PlacementStatus,
        summary: PlacementSolveSummary
    ) throws(PlacementError) -> CoolingLayout {
        let floor = model.floor
        let medium = model.media[m]
        var units: [PlacedUnit] = []
        for (j, site) in floor.sites.enumerated() {
            for s in 0..<medium.scheme.systems {
                guard
                    let t = medium.types.indices.first(where: {
                        model.open[m][s][j][$0].map { values[$0.index] > 0.5 } ?? false
                    })
                else { continue }
                var assignments: [RackAssignment] = []
                for (i, r) in medium.racks.enumerated() {
                    for entry in model.serve[m][s][i] where entry.site == j {
                        let heat = values[entry.variable.index]
                        if heat > noiseKilowatts {
                            assignments.append(
                                RackAssignment(
                                    rackID: floor.racks[r].id, heat: .kilowatts(heat), distance: entry.distance))
                        }
                    }
                }
                let type = medium.types[t]
                units.append(
                    PlacedUnit(
                        id: site.id, typeID: type.id, position: site.position, capacity: type.capacity,
                        load: assignments.sum(\.heat), assignments: assignments, maxLoadAfterFailure: .zero, system: s))
            }
        }
        let reach = Dictionary(medium.types.map { ($0.id, $0.reach) }, uniquingKeysWith: { first, _ in first })
        let failover = try FailoverAnalysis.reroute(units: units, floor: floor, reach: reach, scheme: medium.scheme)
        for j in units.indices { units[j].maxLoadAfterFailure = failover.maxLoadAfterFailure[j] }
        var shortfalls: [RackShortfall] = []
        for (g, members) in medium.groups.enumerated() where medium.groupHeat[g] - served[m][g] > noiseKilowatts {
            let fraction = (medium.groupHeat[g] - served[m][g]) / medium.groupHeat[g]
            for i in members {
                let reachable = medium.reach[i].map { floor.sites[$0.site].id }
                let reason: ShortfallReason =
                    if reachable.isEmpty {
                        .noSiteWithinReach
                    } else if reachable.count == 1 && medium.scheme.spares > 0 {
                        .singleSiteWithinReach(siteID: reachable[0])
                    } else {
                        .capacity
                    }
                shortfalls.append(
                    RackShortfall(
                        rackID: floor.racks[medium.racks[i]].id, unserved: .kilowatts(medium.heat[i] * fraction),
                        reason: reason))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: floor.racks.enumerated().map { ($1.id, $0) })
        shortfalls.sort { order[$0.rackID, default: 0] < order[$1.rackID, default: 0] }
        let piping = units.flatMap(\.assignments).sum { HeatDistance.carrying($0.heat, over: $0.distance) }
        let unitCost = units.sum { unit in medium.types.first { $0.id == unit.typeID }!.cost }
        var own = summary
        // This medium's share of the objective: its units, its piping and its unserved heat.
        own.objective =
            summary.objective.map { _ in
                unitCost + medium.pathCost * piping.kilowattMetres
                    + .dollars(model.penalty * zip(medium.groupHeat, served[m]).reduce(0.0) { $0 + $1.0 - $1.1 })
            }
        return CoolingLayout(
            hallID: floor.hallID, medium: medium.medium, status: status, heat: floor.heat(medium.medium), units: units,
            piping: piping, unitCost: unitCost, failures: failover.checks, shortfalls: shortfalls, solve: own,
            redundancy: medium.redundancy)
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
