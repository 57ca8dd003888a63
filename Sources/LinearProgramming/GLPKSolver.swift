internal import CGLPK

/// Solves a ``LinearProgram`` with GLPK: the simplex method for LPs, branch-and-cut
/// (`glp_intopt`) for MILPs.
///
/// How the search ended is data (``LPSolution/status``); `solve` throws only when the program
/// or options are invalid or GLPK could not run. Concurrent solves on separate programs are safe;
/// they run in parallel when GLPK keeps its environment per thread (Debian's GLPK 5), and one at
/// a time otherwise (see `GLPKSession`).
public struct GLPKSolver: Sendable {
    /// GLPK's simplex variants (`glp_smcp.meth`).
    public enum SimplexMethod: Sendable, Equatable {
        /// Two-phase primal simplex (`GLP_PRIMAL`), GLPK's default.
        case primal
        /// Dual simplex, switching to the primal if the dual fails (`GLP_DUALP`). Much faster on
        /// LPs with many rows tied to one column, e.g. hourly dispatch under a capacity variable
        /// (heat recovery over 8 760 h: 0.6 s vs 4.9 s with glpsol, measured).
        case dualThenPrimal
    }

    /// Limits and switches for one solve.
    public struct Options: Sendable, Equatable {
        /// Wall-clock limit for the whole solve; `nil` for none. When it is hit, the status is
        /// ``SolutionStatus/feasible`` with the best solution so far, or
        /// ``SolutionStatus/undefined`` when there is none.
        public var timeLimit: Duration?
        /// Relative MIP gap at which branch-and-cut stops, e.g. 0.01 for 1 %; `nil` for GLPK's
        /// default 0 (prove optimality). Ignored for LPs.
        public var mipGap: Double?
        /// Whether to run GLPK's LP/MIP presolver (on by default; it is usually faster and
        /// reports infeasibility early).
        public var presolve: Bool
        /// Which simplex method solves LPs (and MILP relaxations without presolve).
        public var method: SimplexMethod
        /// How branch-and-cut picks the variable to branch on. Ignored for LPs.
        public var branching: Branching
        /// Branch-and-bound nodes after which the search stops with its incumbent (nil: no limit).
        /// Unlike the time limit, it ends the search at the same point on any machine.
        public var nodeLimit: Int?
        /// Continuous columns (``VariableID/index``, lower bound 0) that a MILP's relaxation
        /// starts without, for a program with many columns most of which stay at 0 (a
        /// transportation part routing each demand to its nearest sources). Column generation,
        /// exact: the root relaxation is solved with them fixed at 0, those whose reduced cost
        /// `c_j − Σ_i a_ij·π_i` would improve the objective are released and the relaxation is
        /// solved again from its basis, until none would; then all are released (each at 0 with a
        /// reduced cost of the right sign, so the basis stays optimal) and branch-and-cut runs on
        /// the whole program. Only without presolve. Empty: none.
        public var deferredColumns: [Int]

        public init(
            timeLimit: Duration? = nil, mipGap: Double? = nil, presolve: Bool = true, method: SimplexMethod = .primal,
            branching: Branching = .driebeckTomlin, nodeLimit: Int? = nil, deferredColumns: [Int] = []
        ) {
            self.deferredColumns = deferredColumns
            self.nodeLimit = nodeLimit
            self.timeLimit = timeLimit
            self.mipGap = mipGap
            self.presolve = presolve
            self.method = method
            self.branching = branching
        }

        /// Throws ``LinearProgramError/invalidOptions(_:)`` for values GLPK would reject by
        /// aborting (a negative gap) or that make no sense (a time limit ≤ 0).
        public func validate() throws(LinearProgramError) {
            if let timeLimit, timeLimit <= .zero {
                throw .invalidOptions("the time limit is \(timeLimit); it must be positive")
            }
            if let nodeLimit, nodeLimit < 1 {
                throw .invalidOptions("the node limit is \(nodeLimit); it must be at least 1")
            }
            if let mipGap, !(mipGap.isFinite && mipGap >= 0) {
                throw .invalidOptions("the MIP gap is \(mipGap); it must be finite and ≥ 0")
            }
        }
    }

    public var options: Options

    /// GLPK's branching rules (`glp_iocp.br_tech`).
    public enum Branching: Sendable, Equatable {
        /// Driebeck and Tomlin's heuristic (`GLP_BR_DTH`), GLPK's default.
        case driebeckTomlin
        /// Pseudocost branching (`GLP_BR_PCH`): the objective change per unit of each variable's
        /// past branchings estimates the next. Slower per node, often fewer nodes when many
        /// branchings leave the bound where it was.
        case pseudocost
    }

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Validates `program` and the options, then solves.
    ///
    /// - LP: `glp_simplex`. If the presolver reports no dual feasible solution, the LP is
    ///   solved again without presolve to tell ``SolutionStatus/unbounded`` from
    ///   ``SolutionStatus/infeasible``. Duals are returned when the status is optimal.
    /// - MILP: `glp_intopt` (with presolve on, its presolver solves the relaxation; with presolve
    ///   off, `glp_simplex` solves it first). When the relaxation is unbounded or has no dual
    ///   feasible solution, integer feasibility is checked with a zero objective: a feasible MILP
    ///   whose relaxation is unbounded is unbounded (Meyer 1974; doubles are rationals).
    public func solve(_ program: LinearProgram) throws(LinearProgramError) -> LPSolution {
        try solve(program, start: nil)
    }

    /// Solves a MILP starting from a known integer-feasible point (a MIP start), which GLPK's
    /// branch-and-cut takes as its first incumbent (`glp_ios_heur_sol` in the `GLP_IHEUR`
    /// callback), so that nodes worse than it are pruned from the start.
    ///
    /// - Parameter start: one value per variable, by ``VariableID/index``; `nil` solves as
    ///   ``solve(_:)``. GLPK checks integrality and keeps the point only if it improves on the
    ///   incumbent; it does not check the rows, so pass a feasible point.
    /// - Throws: ``LinearProgramError/invalidOptions(_:)`` when the start has the wrong length, a
    ///   non-finite value, a value outside its variable's bounds or a fractional integer value,
    ///   when the program has no integer variables, or when presolve is on (the callback sees
    ///   the presolved problem, whose columns differ from the program's).
    public func solve(_ program: LinearProgram, start: [Double]?) throws(LinearProgramError) -> LPSolution {
        try program.validate()
        try options.validate()
        if let start {
            try Self.validate(start: start, for: program, presolve: options.presolve)
        }
        try Self.validate(deferred: options.deferredColumns, for: program, presolve: options.presolve)
        let mipStart = start
        return try GLPKSession.withProblem { problem throws(LinearProgramError) in
            let clock = ContinuousClock()
            let start = clock.now
            problem.load(program)
            let run = SolveRun(
                problem: problem, options: options, deadline: options.timeLimit.map { start + $0 }, mipStart: mipStart,
                program: program)
            let outcome = try program.hasIntegerVariables ? run.solveMILP() : run.solveLP()
            let report = SolveReport(
                rows: problem.rowCount,
                columns: problem.columnCount,
                binaries: problem.binaryCount,
                integers: problem.integerCount - problem.binaryCount,
                nonzeros: problem.nonzeroCount,
                time: clock.now - start,
                gap: outcome.gap,
                message: ReturnCode.sentence(outcome.returnCode),
                stoppedAtTimeLimit: outcome.returnCode == GLP_ETMLIM,
                stoppedAtNodeLimit: outcome.stoppedAtNodeLimit)
            return LPSolution(
                status: outcome.status,
                objective: outcome.objective,
                values: outcome.values,
                duals: outcome.duals,
                report: report)
        }
    }
}

extension GLPKSolver {
    /// The rules of ``Options/deferredColumns``: distinct in-range indices of continuous columns
    /// with lower bound 0, in a MILP solved without presolve.
    static func validate(deferred: [Int], for program: LinearProgram, presolve: Bool) throws(LinearProgramError) {
        guard !deferred.isEmpty else { return }
        guard program.hasIntegerVariables, !presolve else {
            throw .invalidOptions("deferred columns need a MILP solved without presolve")
        }
        var seen = Set<Int>()
        for index in deferred {
            guard program.variables.indices.contains(index) else {
                throw .invalidOptions(
                    "deferred column \(index) is out of range 0..<\(program.variables.count)")
            }
            guard seen.insert(index).inserted else { throw .invalidOptions("deferred column \(index) is listed twice") }
            let variable = program.variables[index]
            guard variable.kind == .continuous, variable.bounds.lower == 0 else {
                throw .invalidOptions(
                    "deferred column '\(variable.name)' must be continuous with lower bound 0")
            }
        }
    }

    /// The rules of ``solve(_:start:)`` for a MIP start.
    static func validate(start: [Double], for program: LinearProgram, presolve: Bool) throws(LinearProgramError) {
        guard program.hasIntegerVariables else {
            throw .invalidOptions("a MIP start was given, but the program has no integer variables")
        }
        guard !presolve else {
            throw .invalidOptions(
                "a MIP start needs presolve off: GLPK's heuristic callback sees the presolved problem, whose columns "
                    + "differ"
            )
        }
        guard start.count == program.variables.count else {
            throw .invalidOptions(
                "the MIP start has \(start.count) values, but the program has \(program.variables.count) variables")
        }
        for (value, variable) in zip(start, program.variables) {
            guard value.isFinite else {
                throw .invalidOptions(
                    "the MIP start gives variable '\(variable.name)' the value \(value); it must be finite")
            }
            let tolerance = 1e-9 * max(1, abs(value))
            if let lower = variable.bounds.lower, value < lower - tolerance {
                throw .invalidOptions(
                    "the MIP start gives variable '\(variable.name)' \(value), below its lower bound \(lower)")
            }
            if let upper = variable.bounds.upper, value > upper + tolerance {
                throw .invalidOptions(
                    "the MIP start gives variable '\(variable.name)' \(value), above its upper bound \(upper)")
            }
            if variable.kind != .continuous, value != value.rounded() {
                throw .invalidOptions(
                    "the MIP start gives integer variable '\(variable.name)' the fractional value \(value)")
            }
        }
    }
}

/// One solve in progress on a loaded problem object.
private struct SolveRun {
    let problem: GLPKProblem
    let options: GLPKSolver.Options
    let deadline: ContinuousClock.Instant?
    /// A MIP start for the first heuristic callback, by 0-based column.
    var mipStart: [Double]? = nil
    /// The program loaded (for the deferred columns' costs and coefficients).
    let program: LinearProgram

    /// Everything a solve establishes, before it is packed into an ``LPSolution``.
    struct Outcome {
        var status: SolutionStatus
        var objective: Double? = nil
        var values: [Double] = []
        var duals: [Double]? = nil
        var gap: Double? = nil
        /// The return code of the decisive solver call.
        var returnCode: Int32
        var stoppedAtNodeLimit = false
    }

    // MARK: LP

    func solveLP() throws(LinearProgramError) -> Outcome {
        let code = problem.simplex(
            presolve: options.presolve, method: options.method, timeLimitMilliseconds: remainingMilliseconds())
        let status: SolutionStatus
        switch code {
        case GLP_ENOPFS:
            status = .infeasible
        case GLP_ENODFS:
            // Dual infeasible means unbounded or infeasible; the simplex method without presolve
            // tells which.
            let retry = problem.simplex(
                presolve: false, method: options.method, timeLimitMilliseconds: remainingMilliseconds())
            status = try basicStatus(after: retry)
        default:
            status = try basicStatus(after: code)
        }
        var outcome = Outcome(status: status, returnCode: code)
        if status.hasSolution {
            outcome.objective = problem.basicObjective
            outcome.values = problem.basicValues()
        }
        if status == .optimal {
            outcome.duals = problem.rowDuals()
        }
        return outcome
    }

    /// The status of the basic solution after `glp_simplex` returned `code`; throws when the code
    /// means GLPK could not run.
    private func basicStatus(after code: Int32) throws(LinearProgramError) -> SolutionStatus {
        guard ReturnCode.finishedOrLimited.contains(code) else {
            throw .solverFailed(ReturnCode.sentence(code))
        }
        return switch problem.basicStatus {
        case GLP_OPT: .optimal
        case GLP_FEAS: .feasible
        case GLP_NOFEAS: .infeasible
        case GLP_UNBND: .unbounded
        default: .undefined // GLP_INFEAS (intermediate) or GLP_UNDEF
        }
    }

    // MARK: MILP

    func solveMILP() throws(LinearProgramError) -> Outcome {
        if !options.presolve {
            // Without the MIP presolver, glp_intopt needs the relaxation's optimal basis.
            if !options.deferredColumns.isEmpty { generateColumns() }
            let code = problem.simplex(
                presolve: false, method: options.method, timeLimitMilliseconds: remainingMilliseconds())
            let relaxation = try basicStatus(after: code)
            switch relaxation {
            case .optimal:
                break
            case .infeasible:
                return Outcome(status: .infeasible, returnCode: code)
            case .unbounded:
                return Outcome(status: try integerFeasibilityStatus(), returnCode: code)
            case .feasible, .undefined:
                return Outcome(status: .undefined, returnCode: code) // stopped at a limit
            }
        }
        let monitor = GLPKProblem.SearchMonitor(start: mipStart, nodeLimit: options.nodeLimit)
        let code = problem.branchAndCut(
            presolve: options.presolve, timeLimitMilliseconds: remainingMilliseconds(), mipGap: options.mipGap,
            pseudocost: options.branching == .pseudocost, monitor: monitor)
        let status: SolutionStatus
        switch code {
        case GLP_ENOPFS:
            status = .infeasible
        case GLP_ENODFS:
            status = try integerFeasibilityStatus()
        default:
            status = try mipStatus(after: code)
        }
        var outcome = Outcome(status: status, returnCode: code, stoppedAtNodeLimit: monitor.stoppedAtNodeLimit)
        if status.hasSolution {
            outcome.objective = problem.mipObjective
            outcome.values = problem.mipValues()
            outcome.gap = status == .optimal ? 0 : monitor.gap
        }
        return outcome
    }

    /// Column generation on the relaxation (``GLPKSolver/Options/deferredColumns``): solves it
    /// with the deferred columns fixed at 0, releases those with an improving reduced cost and
    /// solves again from the basis it has, until none improves; then releases the rest. The
    /// caller's next `glp_simplex` confirms optimality over every column (no pivots when the
    /// pricing was right, and GLPK's own test if round-off says otherwise), and any limit or
    /// infeasibility of the restricted program just leaves that call more to do.
    func generateColumns() {
        let deferred = options.deferredColumns
        var position = [Int: Int](minimumCapacity: deferred.count)
        for (k, j) in deferred.enumerated() { position[j] = k }
        var cost = [Double](repeating: 0, count: deferred.count)
        for term in program.objective.terms {
            if let k = position[term.variable.index] { cost[k] += term.coefficient }
        }
        var column = [[(row: Int, value: Double)]](repeating: [], count: deferred.count)
        for (i, constraint) in program.constraints.enumerated() {
            for term in constraint.terms {
                if let k = position[term.variable.index] { column[k].append((i, term.coefficient)) }
            }
        }
        for j in deferred { problem.setColumnBounds(j, .equal(0)) }
        var fixed = Array(deferred.indices)
        let minimise = program.sense == .minimise
        var method = options.method
        while true {
            let code = problem.simplex(presolve: false, method: method, timeLimitMilliseconds: remainingMilliseconds())
            guard code == 0, problem.basicStatus == GLP_OPT else { break }
            let duals = problem.rowDuals()
            var entering: [Int] = []
            var staying: [Int] = []
            for k in fixed {
                let reduced = column[k].reduce(cost[k]) { $0 - $1.value * duals[$1.row] }
                let tolerance = 1e-9 * max(1, abs(cost[k]))
                if minimise ? reduced < -tolerance : reduced > tolerance {
                    entering.append(k)
                } else {
                    staying.append(k)
                }
            }
            guard !entering.isEmpty else { break }
            for k in entering { problem.setColumnBounds(deferred[k], program.variables[deferred[k]].bounds) }
            fixed = staying
            // The basis stays primal feasible as columns enter at 0: the primal simplex goes on from it.
            method = .primal
        }
        for k in fixed { problem.setColumnBounds(deferred[k], program.variables[deferred[k]].bounds) }
    }

    /// The status of the MIP solution after `glp_intopt` returned `code`; throws when the code
    /// means GLPK could not run.
    private func mipStatus(after code: Int32) throws(LinearProgramError) -> SolutionStatus {
        guard ReturnCode.finishedOrLimited.contains(code) else {
            throw .solverFailed(ReturnCode.sentence(code))
        }
        return switch problem.mipStatus {
        case GLP_OPT: .optimal
        case GLP_FEAS: .feasible
        case GLP_NOFEAS: .infeasible
        default: .undefined
        }
    }

    /// For a MILP whose relaxation is unbounded or dual infeasible: ``SolutionStatus/unbounded``
    /// if an integer feasible point exists, ``SolutionStatus/infeasible`` if none does,
    /// ``SolutionStatus/undefined`` if the check stopped at the time limit. Replaces the objective.
    private func integerFeasibilityStatus() throws(LinearProgramError) -> SolutionStatus {
        problem.clearObjective()
        let code = problem.branchAndCut(
            presolve: true, timeLimitMilliseconds: remainingMilliseconds(), mipGap: nil,
            monitor: GLPKProblem.SearchMonitor())
        if code == GLP_ENOPFS {
            return .infeasible
        }
        return switch try mipStatus(after: code) {
        case .optimal, .feasible: .unbounded
        case .infeasible: .infeasible
        case .unbounded, .undefined: .undefined
        }
    }

    // MARK: Time

    /// Milliseconds left until the deadline for GLPK's `tm_lim` (at least 1, so that a spent
    /// budget stops GLPK at once rather than meaning "no limit"); `nil` without a time limit.
    private func remainingMilliseconds() -> Int32? {
        guard let deadline else { return nil }
        let (seconds, attoseconds) = (deadline - ContinuousClock.now).components
        let milliseconds = (Double(seconds) * 1e3 + Double(attoseconds) / 1e15).rounded(.up)
        return Int32(min(max(milliseconds, 1), Double(Int32.max)))
    }
}
