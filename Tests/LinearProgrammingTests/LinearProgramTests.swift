import LinearProgramming
import Testing

@Suite("Building programs")
struct LinearProgramTests {
    @Test("The builder returns consecutive 0-based IDs and stores rows exactly as given")
    func builderStoresRows() {
        var program = LinearProgram(name: "p")
        let x = program.addVariable("x", bounds: .range(-1, 3))
        let n = program.addVariable("n", kind: .integer)
        let b = program.addBinaryVariable("b")
        let cap = program.addConstraint("cap", [2 * x, -1.5 * b], .greaterOrEqual(1))
        let fix = program.addConstraint("fix", [1 * n], .equal(4))
        program.setObjective(.maximise, [1 * x, 3 * n], constant: 2)

        #expect([x.index, n.index, b.index] == [0, 1, 2])
        #expect([cap.index, fix.index] == [0, 1])
        #expect(program[x] == Variable(name: "x", bounds: Bounds(lower: -1, upper: 3), kind: .continuous))
        #expect(program[n].bounds == Bounds(lower: 0, upper: nil))
        #expect(program[b] == Variable(name: "b", bounds: Bounds(lower: 0, upper: 1), kind: .binary))
        #expect(program[cap].terms == [LinearTerm(2, x), LinearTerm(-1.5, b)])
        #expect(program[cap].bounds == Bounds(lower: 1, upper: nil))
        #expect(program[fix].bounds == Bounds(lower: 4, upper: 4))
        #expect(program.sense == .maximise)
        #expect(program.objective == Objective(terms: [LinearTerm(1, x), LinearTerm(3, n)], constant: 2))
        #expect(program.hasIntegerVariables)
    }

    @Test("Bound conveniences set the intended sides")
    func boundConveniences() {
        #expect(Bounds.lessOrEqual(5) == Bounds(lower: nil, upper: 5))
        #expect(Bounds.greaterOrEqual(-2) == Bounds(lower: -2, upper: nil))
        #expect(Bounds.equal(3) == Bounds(lower: 3, upper: 3))
        #expect(Bounds.range(1, 9) == Bounds(lower: 1, upper: 9))
        #expect(Bounds.free == Bounds(lower: nil, upper: nil))
        #expect(Bounds.nonNegative == Bounds(lower: 0, upper: nil))
    }

    @Test("A program with only continuous variables is not a MILP")
    func continuousProgramIsLP() {
        #expect(!Fixtures.wyndor().program.hasIntegerVariables)
        #expect(Fixtures.knapsack().program.hasIntegerVariables)
    }

    @Test(
        "Names valid in both MPS and CPLEX LP are accepted, others rejected",
        arguments: [
            ("x", true), ("serve[r12,j3]", true), ("hall-a_unit.2", true), ("_y", true),
            (String(repeating: "a", count: 255), true),
            ("", false), ("has space", false), ("3x", false), (".x", false), ("a:b", false),
            ("x~1", false), ("tab\tx", false), ("Ünit", false), (String(repeating: "a", count: 256), false),
        ])
    func nameRules(name: String, valid: Bool) {
        #expect(LinearProgram.isValidName(name) == valid)
    }
}
