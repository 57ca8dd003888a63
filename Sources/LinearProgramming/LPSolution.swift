/// What the solver established about a program. This is data, not an error: an infeasible
/// placement is a result to report.
public enum SolutionStatus: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A proven optimum (within GLPK's tolerances).
    case optimal
    /// A solution satisfying every constraint, found before a limit (time, MIP gap, iterations)
    /// stopped the search; it may not be optimal.
    case feasible
    /// No point satisfies the constraints (and integrality).
    case infeasible
    /// Feasible points exist and the objective improves without limit.
    case unbounded
    /// The search stopped before anything could be established, for example at a time limit
    /// before the first feasible point.
    case undefined

    /// True for ``optimal`` and ``feasible``: the solution carries values.
    public var hasSolution: Bool {
        self == .optimal || self == .feasible
    }

    public var description: String {
        switch self {
        case .optimal: "optimal"
        case .feasible: "feasible"
        case .infeasible: "infeasible"
        case .unbounded: "unbounded"
        case .undefined: "undefined"
        }
    }
}

/// The result of ``GLPKSolver/solve(_:)``.
public struct LPSolution: Sendable, Equatable {
    public var status: SolutionStatus
    /// The objective value including ``Objective/constant``; `nil` unless
    /// ``SolutionStatus/hasSolution``.
    public var objective: Double?
    /// The value of each variable, by ``VariableID/index``; empty unless
    /// ``SolutionStatus/hasSolution``.
    public var values: [Double]
    /// Row duals (shadow prices) by ``ConstraintID/index``, for pure LPs solved to optimality;
    /// `nil` otherwise. GLPK's convention: the change of the objective per unit increase of the
    /// row's active bound, so a binding `≤` row of a maximisation has a dual ≥ 0.
    public var duals: [Double]?
    /// Problem size, time and how GLPK finished.
    public var report: SolveReport

    public init(status: SolutionStatus, objective: Double?, values: [Double], duals: [Double]?, report: SolveReport) {
        self.status = status
        self.objective = objective
        self.values = values
        self.duals = duals
        self.report = report
    }

    /// The value of `variable`, or `nil` when there is no solution or the ID is out of range.
    public func value(_ variable: VariableID) -> Double? {
        values.indices.contains(variable.index) ? values[variable.index] : nil
    }

    /// The dual of `constraint`, or `nil` when there are no duals or the ID is out of range.
    public func dual(_ constraint: ConstraintID) -> Double? {
        guard let duals, duals.indices.contains(constraint.index) else { return nil }
        return duals[constraint.index]
    }
}

/// How big the problem GLPK solved was, how long it took and how GLPK finished.
public struct SolveReport: Sendable, Equatable {
    /// Constraint rows.
    public var rows: Int
    /// Variable columns.
    public var columns: Int
    /// Integer columns with bounds 0…1 (GLPK's count of binaries).
    public var binaries: Int
    /// Integer columns that are not binaries.
    public var integers: Int
    /// Stored constraint coefficients (zeros are not stored).
    public var nonzeros: Int
    /// Wall-clock time spent in GLPK for this solve, building the problem object included.
    public var time: Duration
    /// For MILPs with a solution, the relative gap |incumbent − best bound| / |incumbent| when the
    /// search ended: 0 when proven optimal, `nil` for LPs or when unknown.
    public var gap: Double?
    /// The return code of GLPK's decisive solver call, as a sentence.
    public var message: String
    /// Whether that call stopped at the wall-clock limit: the result then depends on the machine's
    /// speed (a faster one may search further), so it is not reproducible.
    public var stoppedAtTimeLimit: Bool
    /// Whether the node limit (``GLPKSolver/Options/nodeLimit``) ended the search: reproducible,
    /// but the result may be short of optimal by ``gap``.
    public var stoppedAtNodeLimit: Bool

    public init(
        rows: Int, columns: Int, binaries: Int, integers: Int, nonzeros: Int, time: Duration, gap: Double?,
        message: String, stoppedAtTimeLimit: Bool = false, stoppedAtNodeLimit: Bool = false
    ) {
        self.stoppedAtTimeLimit = stoppedAtTimeLimit
        self.stoppedAtNodeLimit = stoppedAtNodeLimit
        self.rows = rows
        self.columns = columns
        self.binaries = binaries
        self.integers = integers
        self.nonzeros = nonzeros
        self.time = time
        self.gap = gap
        self.message = message
    }
}
