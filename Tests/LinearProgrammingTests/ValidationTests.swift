import LinearProgramming
import Testing

/// Every case here would make GLPK call `abort()` (bad index, duplicate entry, name too long) or
/// silently change the model. Each test also calls `solve`: if validation let the program through,
/// GLPK would kill the test process instead of the test failing politely.
@Suite("Validation before GLPK is touched")
struct ValidationTests {
    /// Asserts that `validate()`, `solve` and `exportMPS` all throw `.invalidProgram(message)`.
    private func expectInvalid(
        _ program: LinearProgram, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let expected = LinearProgramError.invalidProgram(message)
        #expect(throws: expected, sourceLocation: sourceLocation) { try program.validate() }
        #expect(throws: expected, sourceLocation: sourceLocation) { try GLPKSolver().solve(program) }
        #expect(throws: expected, sourceLocation: sourceLocation) {
            try program.exportMPS(to: "/nonexistent-directory/never-written.mps")
        }
    }

    @Test("The textbook fixtures are valid")
    func fixturesAreValid() throws {
        try Fixtures.wyndor().program.validate()
        try Fixtures.knapsack().program.validate()
    }

    @Test("A row referring to a variable index out of range is rejected with both numbers")
    func variableIndexOutOfRange() {
        var program = LinearProgram()
        let xs = (0..<12).map { program.addVariable("x\($0)") }
        program.addConstraint("cap_3", [1 * xs[0], 2 * VariableID(17)], .lessOrEqual(1))
        expectInvalid(program, "constraint 'cap_3' refers to variable index 17, but the program has 12 variables")
    }

    @Test("An objective term referring to a negative variable index is rejected")
    func negativeObjectiveIndex() {
        var program = Fixtures.wyndor().program
        program.objective.terms.append(LinearTerm(1, VariableID(-1)))
        expectInvalid(program, "the objective refers to variable index -1, but the program has 2 variables")
    }

    @Test("Duplicate variable and constraint names are rejected")
    func duplicateNames() {
        var twoX = Fixtures.wyndor().program
        twoX.addVariable("x")
        expectInvalid(twoX, "two variables are named 'x'")

        var twoRows = Fixtures.wyndor().program
        twoRows.addConstraint("plant_1", [], .lessOrEqual(1))
        expectInvalid(twoRows, "two constraints are named 'plant_1'")
    }

    @Test("A variable and a constraint may share a name, as MPS and LP keep them apart")
    func sharedNameAcrossKinds() throws {
        var program = Fixtures.wyndor().program
        program.addConstraint("x", [1 * VariableID(0)], .lessOrEqual(10))
        try program.validate()
    }

    @Test("Invalid names are rejected with the reason")
    func invalidNames() {
        var spaced = LinearProgram()
        spaced.addVariable("unit count")
        expectInvalid(
            spaced,
            "variable name 'unit count' must use only ASCII letters, digits and _-.,[]{}/#$%&!?@| "
                + "and not start with a digit or '.'")

        var empty = LinearProgram()
        empty.addConstraint("", [], .lessOrEqual(1))
        expectInvalid(empty, "constraint name '' is empty")

        let long = String(repeating: "r", count: 256)
        var tooLong = LinearProgram()
        tooLong.addConstraint(long, [], .lessOrEqual(1))
        expectInvalid(tooLong, "constraint name '\(long)' is 256 bytes long; the limit is 255")

        expectInvalid(
            LinearProgram(name: "my model"),
            "program name 'my model' must use only ASCII letters, "
                + "digits and _-.,[]{}/#$%&!?@| and not start with a digit or '.'")
    }

    @Test("The MPS objective row name is reserved for constraints")
    func reservedRowName() {
        var program = Fixtures.wyndor().program
        program.constraints[0].name = "R0000000"
        expectInvalid(
            program,
            "constraint 'R0000000' uses the name GLPK gives the objective row in MPS files; choose another name")
    }

    @Test("Lower bound above upper bound is rejected for variables and rows")
    func crossedBounds() {
        var variable = LinearProgram()
        variable.addVariable("x", bounds: .range(5, 2))
        expectInvalid(variable, "variable 'x' has lower bound 5 > upper bound 2")

        var row = Fixtures.wyndor().program
        row.constraints[2].bounds = .range(18.5, 3)
        expectInvalid(row, "constraint 'plant_3' has lower bound 18.5 > upper bound 3")
    }

    @Test("Non-finite bounds, coefficients and constants are rejected")
    func nonFiniteNumbers() {
        var nanRow = Fixtures.wyndor().program
        nanRow.constraints[2].terms[1].coefficient = .nan
        expectInvalid(nanRow, "coefficient nan of variable 'y' in row 'plant_3'")

        var infiniteObjective = Fixtures.wyndor().program
        infiniteObjective.objective.terms[0].coefficient = -.infinity
        expectInvalid(infiniteObjective, "coefficient -inf of variable 'x' in the objective")

        var infiniteBound = LinearProgram()
        infiniteBound.addVariable("x", bounds: .lessOrEqual(.infinity))
        expectInvalid(infiniteBound, "variable 'x' has upper bound inf; give nil for no bound")

        var nanConstant = Fixtures.wyndor().program
        nanConstant.objective.constant = .nan
        expectInvalid(nanConstant, "the objective constant is nan; it must be finite")
    }

    /// GLPK's MPS writer aborts the process on such numbers (measured: -1e-100 as a coefficient).
    @Test("Nonzero numbers below 1e-99 in magnitude are rejected")
    func tinyNumbers() {
        var coefficient = Fixtures.wyndor().program
        coefficient.constraints[0].terms[0].coefficient = -1e-100
        expectInvalid(
            coefficient,
            "the coefficient of variable 'x' in row 'plant_1' is -1e-100; "
                + "nonzero magnitudes below 1e-99 break GLPK's MPS writer, use 0")

        var bound = Fixtures.wyndor().program
        bound.variables[1].bounds = .range(-2e-300, 1)
        expectInvalid(
            bound,
            "the lower bound of variable 'y' is -2e-300; nonzero magnitudes below 1e-99 break GLPK's MPS writer, use 0")

        var constant = Fixtures.wyndor().program
        constant.objective.constant = -.leastNonzeroMagnitude
        expectInvalid(
            constant,
            "the objective constant is -5e-324; nonzero magnitudes below 1e-99 break GLPK's MPS writer, use 0")
    }

    @Test("A binary variable must have bounds exactly 0...1")
    func binaryBounds() {
        var program = LinearProgram()
        program.addVariable("b", bounds: .range(0, 2), kind: .binary)
        expectInvalid(program, "variable 'b' is binary but has bounds 0...2; binary bounds must be 0...1")

        var unbounded = LinearProgram()
        unbounded.addVariable("b", kind: .binary)
        expectInvalid(unbounded, "variable 'b' is binary but has bounds 0...+inf; binary bounds must be 0...1")
    }

    @Test("An integer variable must have whole-number bounds")
    func integerBounds() {
        var program = LinearProgram()
        program.addVariable("n", bounds: .range(0, 3.5), kind: .integer)
        expectInvalid(
            program,
            "variable 'n' is integer but has upper bound 3.5; bounds of integer variables must be whole numbers")
    }

    @Test("A constraint without bounds is rejected")
    func freeRow() {
        var program = Fixtures.wyndor().program
        program.addConstraint("note", [1 * VariableID(0)], .free)
        expectInvalid(
            program, "constraint 'note' has neither a lower nor an upper bound; a free row constrains nothing")
    }

    @Test("A variable listed twice in a row or in the objective is rejected")
    func duplicateEntries() {
        var row = Fixtures.wyndor().program
        row.constraints[2].terms.append(LinearTerm(1, VariableID(0)))
        expectInvalid(row, "constraint 'plant_3' lists variable 'x' more than once; add the coefficients")

        var objective = Fixtures.wyndor().program
        objective.objective.terms.append(LinearTerm(1, VariableID(1)))
        expectInvalid(objective, "the objective lists variable 'y' more than once; add the coefficients")
    }

    @Test("Invalid options are rejected before solving")
    func invalidOptions() {
        let program = Fixtures.knapsack().program
        #expect(throws: LinearProgramError.invalidOptions("the MIP gap is -0.1; it must be finite and ≥ 0")) {
            try GLPKSolver(options: .init(mipGap: -0.1)).solve(program)
        }
        #expect(throws: LinearProgramError.invalidOptions("the time limit is 0.0 seconds; it must be positive")) {
            try GLPKSolver(options: .init(timeLimit: .zero)).solve(program)
        }
    }
}
