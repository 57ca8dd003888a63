/// A linear or mixed-integer linear program as a plain value: variables with bounds and kinds,
/// sparse constraint rows, a linear objective with a constant, and a sense.
///
/// Formulation code builds one with the `add…` methods, which return typed 0-based IDs; tests can
/// then assert rows and coefficients without running a solver. Nothing is checked while building:
/// ``validate()`` checks the whole program (and ``GLPKSolver`` and the exporters call it first).
///
/// ```swift
/// var program = LinearProgram(name: "textbook")
/// let x = program.addVariable("x")
/// let y = program.addVariable("y")
/// program.addConstraint("plant_3", [3 * x, 2 * y], .lessOrEqual(18))
/// program.setObjective(.maximise, [3 * x, 5 * y])
/// ```
public struct LinearProgram: Sendable, Equatable {
    /// The problem name, written to the `NAME` record of MPS and the header of CPLEX LP files.
    public var name: String
    /// Whether the objective is minimised or maximised.
    public var sense: OptimisationSense
    /// The variables (columns), addressed by ``VariableID/index``.
    public var variables: [Variable]
    /// The constraints (rows), addressed by ``ConstraintID/index``.
    public var constraints: [Constraint]
    /// The linear objective function.
    public var objective: Objective

    /// An empty program: no variables, no constraints, objective 0.
    public init(name: String = "model", sense: OptimisationSense = .minimise) {
        self.name = name
        self.sense = sense
        self.variables = []
        self.constraints = []
        self.objective = Objective()
    }

    /// Appends a variable and returns its ID.
    ///
    /// - Parameters:
    ///   - name: Unique among the variables; see ``validate()`` for the allowed characters.
    ///   - bounds: Default `x ≥ 0`, the usual convention of LP solvers and file formats.
    ///   - kind: Continuous, integer or binary; a binary variable must have bounds 0…1.
    @discardableResult
    public mutating func addVariable(
        _ name: String, bounds: Bounds = .nonNegative, kind: VariableKind = .continuous
    ) -> VariableID {
        variables.append(Variable(name: name, bounds: bounds, kind: kind))
        return VariableID(variables.count - 1)
    }

    /// Appends a binary (0/1) variable and returns its ID.
    @discardableResult
    public mutating func addBinaryVariable(_ name: String) -> VariableID {
        addVariable(name, bounds: .range(0, 1), kind: .binary)
    }

    /// Appends the constraint `lower ≤ Σ coefficient·variable ≤ upper` and returns its ID.
    ///
    /// - Parameters:
    ///   - name: Unique among the constraints.
    ///   - terms: Sparse row; each variable at most once. Zero coefficients are allowed and dropped
    ///     by the solver.
    ///   - bounds: At least one side must be given (a free row constrains nothing).
    @discardableResult
    public mutating func addConstraint(_ name: String, _ terms: [LinearTerm], _ bounds: Bounds) -> ConstraintID {
        constraints.append(Constraint(name: name, terms: terms, bounds: bounds))
        return ConstraintID(constraints.count - 1)
    }

    /// Sets the sense and the objective `constant + Σ coefficient·variable`, replacing any
    /// previous objective.
    public mutating func setObjective(_ sense: OptimisationSense, _ terms: [LinearTerm], constant: Double = 0) {
        self.sense = sense
        self.objective = Objective(terms: terms, constant: constant)
    }

    /// The variable with the given ID. Traps when the ID is out of range, like an array subscript.
    public subscript(variable: VariableID) -> Variable {
        get { variables[variable.index] }
        set { variables[variable.index] = newValue }
    }

    /// The constraint with the given ID. Traps when the ID is out of range, like an array subscript.
    public subscript(constraint: ConstraintID) -> Constraint {
        get { constraints[constraint.index] }
        set { constraints[constraint.index] = newValue }
    }

    /// True when any variable is integer or binary, so the program is a MILP.
    public var hasIntegerVariables: Bool {
        variables.contains { $0.kind != .continuous }
    }
}

/// Whether the objective is minimised or maximised.
public enum OptimisationSense: Sendable, Equatable, Hashable {
    case minimise
    case maximise
}

/// The 0-based position of a variable in ``LinearProgram/variables``.
public struct VariableID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 0-based index into ``LinearProgram/variables``.
    public let index: Int

    /// An ID for the variable at `index`. The builder returns IDs; this initialiser is for
    /// formulation code that computes positions (for example `base + j * types + t`).
    public init(_ index: Int) {
        self.index = index
    }

    public static func < (lhs: VariableID, rhs: VariableID) -> Bool {
        lhs.index < rhs.index
    }

    public var description: String { "variable #\(index)" }

    /// `3 * x` reads as the term 3·x.
    public static func * (coefficient: Double, variable: VariableID) -> LinearTerm {
        LinearTerm(coefficient, variable)
    }
}

/// The 0-based position of a constraint in ``LinearProgram/constraints``.
public struct ConstraintID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 0-based index into ``LinearProgram/constraints``.
    public let index: Int

    /// An ID for the constraint at `index`.
    public init(_ index: Int) {
        self.index = index
    }

    public static func < (lhs: ConstraintID, rhs: ConstraintID) -> Bool {
        lhs.index < rhs.index
    }

    public var description: String { "constraint #\(index)" }
}

/// The domain of a variable.
public enum VariableKind: Sendable, Equatable, Hashable {
    /// Any real value within the bounds.
    case continuous
    /// Any integer value within the bounds.
    case integer
    /// 0 or 1; the bounds must be exactly 0…1.
    case binary
}

/// Lower and upper limits of a variable or of a constraint's linear form; `nil` means no limit
/// on that side. Bounds must be finite when given.
public struct Bounds: Sendable, Equatable, Hashable {
    /// The lower limit, or `nil` for −∞.
    public var lower: Double?
    /// The upper limit, or `nil` for +∞.
    public var upper: Double?

    public init(lower: Double?, upper: Double?) {
        self.lower = lower
        self.upper = upper
    }

    /// No limit on either side.
    public static let free = Bounds(lower: nil, upper: nil)
    /// `≥ 0`, the default for variables.
    public static let nonNegative = Bounds(lower: 0, upper: nil)

    /// `≤ upper`.
    public static func lessOrEqual(_ upper: Double) -> Bounds {
        Bounds(lower: nil, upper: upper)
    }

    /// `≥ lower`.
    public static func greaterOrEqual(_ lower: Double) -> Bounds {
        Bounds(lower: lower, upper: nil)
    }

    /// `= value` (a fixed variable or an equality row).
    public static func equal(_ value: Double) -> Bounds {
        Bounds(lower: value, upper: value)
    }

    /// `lower ≤ · ≤ upper`. Not a `ClosedRange`, so that `lower > upper` is reported by
    /// ``LinearProgram/validate()`` rather than trapping while the program is built.
    public static func range(_ lower: Double, _ upper: Double) -> Bounds {
        Bounds(lower: lower, upper: upper)
    }
}

/// A variable (column) of a ``LinearProgram``.
public struct Variable: Sendable, Equatable, Hashable {
    /// Unique among the program's variables.
    public var name: String
    public var bounds: Bounds
    public var kind: VariableKind

    public init(name: String, bounds: Bounds = .nonNegative, kind: VariableKind = .continuous) {
        self.name = name
        self.bounds = bounds
        self.kind = kind
    }
}

/// One entry `coefficient · variable` of a sparse row or of the objective.
public struct LinearTerm: Sendable, Equatable, Hashable {
    public var variable: VariableID
    public var coefficient: Double

    public init(_ coefficient: Double, _ variable: VariableID) {
        self.variable = variable
        self.coefficient = coefficient
    }
}

/// A constraint (row) `bounds.lower ≤ Σ terms ≤ bounds.upper` of a ``LinearProgram``.
public struct Constraint: Sendable, Equatable, Hashable {
    /// Unique among the program's constraints.
    public var name: String
    /// Sparse row: each variable at most once.
    public var terms: [LinearTerm]
    /// At least one side must be given.
    public var bounds: Bounds

    public init(name: String, terms: [LinearTerm], bounds: Bounds) {
        self.name = name
        self.terms = terms
        self.bounds = bounds
    }
}

/// The objective `constant + Σ terms`; the sense is ``LinearProgram/sense``.
public struct Objective: Sendable, Equatable, Hashable {
    /// Sparse coefficients: each variable at most once.
    public var terms: [LinearTerm]
    /// Added to the objective value; it does not change the optimal point.
    public var constant: Double

    public init(terms: [LinearTerm] = [], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }
}
