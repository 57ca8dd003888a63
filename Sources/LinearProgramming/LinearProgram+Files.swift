extension LinearProgram {
    /// Writes the program as free MPS (`glp_write_mps`, `GLP_MPS_FILE`), so any other solver can
    /// check a solve.
    ///
    /// Free MPS as GLPK reads and writes it has no objective sense (GLPK's reader rejects the
    /// `OBJSENSE` section), and readers assume minimisation. A maximisation is therefore written
    /// as the equivalent minimisation of the negated objective: every reader finds the same
    /// optimal point, with the objective value negated. The objective row is named `R0000000`
    /// and the constant is stored as its right-hand side.
    ///
    /// - Throws: ``LinearProgramError/invalidProgram(_:)`` from ``validate()``, or
    ///   ``LinearProgramError/writeFailed(path:reason:)`` with GLPK's reason.
    public func exportMPS(to path: String) throws(LinearProgramError) {
        try validate()
        var minimisation = self
        if sense == .maximise {
            minimisation.setObjective(
                .minimise, objective.terms.map { LinearTerm(-$0.coefficient, $0.variable) },
                constant: -objective.constant)
        }
        try GLPKSession.withProblem { problem throws(LinearProgramError) in
            problem.load(minimisation)
            if let reason = problem.writeMPS(to: path) {
                throw .writeFailed(path: path, reason: reason)
            }
        }
    }

    /// Writes the program in CPLEX LP format (`glp_write_lp`), which keeps the objective sense.
    /// GLPK writes the objective constant only as a comment, and ranged rows `l ≤ a·x ≤ u` as
    /// `a·x − ~r_i = l` with a bounded helper column `0 ≤ ~r_i ≤ u − l`.
    ///
    /// - Throws: ``LinearProgramError/invalidProgram(_:)`` from ``validate()``, or
    ///   ``LinearProgramError/writeFailed(path:reason:)`` with GLPK's reason.
    public func exportCPLEXLP(to path: String) throws(LinearProgramError) {
        try validate()
        try GLPKSession.withProblem { problem throws(LinearProgramError) in
            problem.load(self)
            if let reason = problem.writeCPLEXLP(to: path) {
                throw .writeFailed(path: path, reason: reason)
            }
        }
    }

    /// Reads a free MPS file (`glp_read_mps`, `GLP_MPS_FILE`) into a program.
    ///
    /// The result is a minimisation (see ``exportMPS(to:)``); its objective constant is the
    /// negated right-hand side of the objective row. Terms are in column order, integer columns
    /// with bounds 0…1 come back as ``VariableKind/binary``, and a file without a `NAME` gives
    /// the name `model`. Names are taken as they are in the file, so a program read from another
    /// tool's file may need renaming before it passes ``validate()``.
    ///
    /// - Throws: ``LinearProgramError/readFailed(path:reason:)`` with GLPK's reason (including
    ///   the line number for syntax errors).
    public static func importMPS(from path: String) throws(LinearProgramError) -> LinearProgram {
        try GLPKSession.withProblem { problem throws(LinearProgramError) in
            if let reason = problem.readMPS(at: path) {
                throw .readFailed(path: path, reason: reason)
            }
            return problem.program()
        }
    }
}
