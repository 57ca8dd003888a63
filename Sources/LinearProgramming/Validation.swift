extension LinearProgram {
    /// Checks everything GLPK would otherwise abort the process on, or silently change in an
    /// exported file, and throws ``LinearProgramError/invalidProgram(_:)`` naming the first
    /// offending element.
    ///
    /// Rules:
    /// - Names (of the program, every variable and every constraint) are valid: see
    ///   ``isValidName(_:)``. Variable names are unique among variables, constraint names among
    ///   constraints; `R0000000` is reserved for the objective row of MPS files.
    /// - Bounds are finite when given and `lower ≤ upper`; a binary variable has bounds 0…1, an
    ///   integer variable whole-number bounds (`glp_intopt` refuses others); a constraint has at
    ///   least one bound (GLPK's MPS writer and reader take a free row for the objective).
    /// - Every term refers to an existing variable, at most once per row (GLPK aborts on
    ///   duplicate matrix entries) and at most once in the objective; coefficients and the
    ///   objective constant are finite.
    /// - No number is nonzero with a magnitude below 1e-99 (GLPK's MPS writer aborts on them).
    /// - Counts fit GLPK's `int` indices.
    public func validate() throws(LinearProgramError) {
        try Self.checkName(name, of: "program")
        guard variables.count < Int(Int32.max), constraints.count < Int(Int32.max) else {
            throw .invalidProgram(
                "the program has \(variables.count) variables and \(constraints.count) constraints; "
                    + "GLPK allows at most \(Int32.max - 1) of each")
        }
        var nonzeros = 0
        var variableNames: Set<String> = []
        for variable in variables {
            let label = "variable '\(variable.name)'"
            try Self.checkName(variable.name, of: "variable")
            guard variableNames.insert(variable.name).inserted else {
                throw .invalidProgram("two variables are named '\(variable.name)'")
            }
            try Self.checkBounds(variable.bounds, of: label)
            if variable.kind == .binary, variable.bounds != .range(0, 1) {
                throw .invalidProgram(
                    "\(label) is binary but has bounds \(Self.describe(variable.bounds)); binary bounds must be 0...1")
            }
            if variable.kind == .integer {
                for (side, value) in [("lower", variable.bounds.lower), ("upper", variable.bounds.upper)] {
                    if let value, value != value.rounded() {
                        throw .invalidProgram(
                            "\(label) is integer but has \(side) bound \(Self.text(value)); "
                                + "bounds of integer variables must be whole numbers")
                    }
                }
            }
        }
        var constraintNames: Set<String> = []
        for constraint in constraints {
            let label = "constraint '\(constraint.name)'"
            try Self.checkName(constraint.name, of: "constraint")
            guard constraint.name != Self.mpsObjectiveRowName else {
                throw .invalidProgram(
                    "\(label) uses the name GLPK gives the objective row in MPS files; choose another name")
            }
            guard constraintNames.insert(constraint.name).inserted else {
                throw .invalidProgram("two constraints are named '\(constraint.name)'")
            }
            try Self.checkBounds(constraint.bounds, of: label)
            guard constraint.bounds.lower != nil || constraint.bounds.upper != nil else {
                throw .invalidProgram(
                    "\(label) has neither a lower nor an upper bound; a free row constrains nothing")
            }
            try checkTerms(constraint.terms, in: label, row: "row '\(constraint.name)'")
            nonzeros += constraint.terms.count
        }
        guard nonzeros < Int(Int32.max) else {
            throw .invalidProgram("the program has \(nonzeros) coefficients; GLPK allows at most \(Int32.max - 1)")
        }
        try checkTerms(objective.terms, in: "the objective", row: "the objective")
        guard objective.constant.isFinite else {
            throw .invalidProgram("the objective constant is \(Self.text(objective.constant)); it must be finite")
        }
        try Self.checkMagnitude(objective.constant, "the objective constant")
    }

    /// Whether `name` can name a program, variable or constraint: 1 to 255 characters, each an
    /// ASCII letter, digit or one of `_ - . , [ ] { } / # $ % & ! ? @ |`, not starting with a
    /// digit or `.`.
    ///
    /// These names survive both export formats unchanged in meaning: free MPS forbids spaces,
    /// GLPK stores at most 255 bytes and aborts on control characters, and CPLEX LP forbids a
    /// leading digit or `.`. GLPK's LP writer rewrites `-` as `~` and `[ ]` as `( )`, so `~`, `(`
    /// and `)` are excluded to keep that rewriting free of collisions.
    public static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...255).contains(bytes.count), let first = bytes.first else { return false }
        if first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            return false
        }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || allowedNamePunctuation.contains(byte)
        }
    }

    /// The name GLPK's MPS writer gives the objective row.
    static let mpsObjectiveRowName = "R0000000"

    private static let allowedNamePunctuation = Set("_-.,[]{}/#$%&!?@|".utf8)

    private static func checkName(_ name: String, of element: String) throws(LinearProgramError) {
        guard isValidName(name) else {
            let problem =
                if name.isEmpty {
                    "is empty"
                } else if name.utf8.count > 255 {
                    "is \(name.utf8.count) bytes long; the limit is 255"
                } else {
                    "must use only ASCII letters, digits and _-.,[]{}/#$%&!?@| and not start with a digit or '.'"
                }
            throw .invalidProgram("\(element) name '\(name)' \(problem)")
        }
    }

    private static func checkBounds(_ bounds: Bounds, of label: String) throws(LinearProgramError) {
        for (side, value) in [("lower", bounds.lower), ("upper", bounds.upper)] {
            if let value, !value.isFinite {
                throw .invalidProgram("\(label) has \(side) bound \(text(value)); give nil for no bound")
            }
            if let value {
                try checkMagnitude(value, "the \(side) bound of \(label)")
            }
        }
        if let lower = bounds.lower, let upper = bounds.upper, lower > upper {
            throw .invalidProgram("\(label) has lower bound \(text(lower)) > upper bound \(text(upper))")
        }
    }

    private func checkTerms(_ terms: [LinearTerm], in label: String, row: String) throws(LinearProgramError) {
        var seen: Set<Int> = []
        for term in terms {
            let index = term.variable.index
            guard variables.indices.contains(index) else {
                throw .invalidProgram(
                    "\(label) refers to variable index \(index), but the program has \(variables.count) variables")
            }
            guard term.coefficient.isFinite else {
                throw .invalidProgram(
                    "coefficient \(Self.text(term.coefficient)) of variable '\(variables[index].name)' in \(row)")
            }
            try Self.checkMagnitude(
                term.coefficient, "the coefficient of variable '\(variables[index].name)' in \(row)")
            guard seen.insert(index).inserted else {
                throw .invalidProgram(
                    "\(label) lists variable '\(variables[index].name)' more than once; add the coefficients")
            }
        }
    }

    private static func describe(_ bounds: Bounds) -> String {
        "\(bounds.lower.map(text) ?? "-inf")...\(bounds.upper.map(text) ?? "+inf")"
    }

    /// `5` rather than `5.0` for whole numbers; `nan`, `inf` and fractions as Swift prints them.
    /// GLPK's MPS writer calls `abort()` on negative numbers of magnitude below 1e-99 (their
    /// text exceeds its 12-character field), so such numbers are rejected everywhere; they are
    /// far below any solver tolerance and mean 0.
    private static func checkMagnitude(_ value: Double, _ what: String) throws(LinearProgramError) {
        if value != 0, abs(value) < 1e-99 {
            throw .invalidProgram(
                "\(what) is \(text(value)); nonzero magnitudes below 1e-99 break GLPK's MPS writer, use 0")
        }
    }

    private static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
