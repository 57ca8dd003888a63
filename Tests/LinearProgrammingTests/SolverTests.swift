import LinearProgramming
import Testing

@Suite("Solving with GLPK")
struct SolverTests {
    private static let tolerance = 1e-9

    private func solver(presolve: Bool) -> GLPKSolver {
        GLPKSolver(options: .init(presolve: presolve))
    }

    // MARK: LPs

    @Test("The Wyndor LP reaches x = 2, y = 6, objective 43 with duals 0, 1.5, 1", arguments: [true, false])
    func wyndorOptimum(presolve: Bool) throws {
        let (program, x, y, rows) = Fixtures.wyndor()
        let solution = try solver(presolve: presolve).solve(program)

        #expect(solution.status == .optimal)
        let objective = try #require(solution.objective)
        #expect(abs(objective - 43) < Self.tolerance)
        #expect(abs(try #require(solution.value(x)) - 2) < Self.tolerance)
        #expect(abs(try #require(solution.value(y)) - 6) < Self.tolerance)
        let duals = try #require(solution.duals)
        #expect(duals.count == 3)
        for (row, expected) in zip(rows, [0, 1.5, 1]) {
            #expect(abs(try #require(solution.dual(row)) - expected) < Self.tolerance)
        }
        #expect(solution.report.gap == nil)
        #expect(solution.report.message == "The solver finished normally.")
    }

    /// min 2a + 3b + 10  s.t.  total: a + b = 10,  spread: 2 ≤ a − b ≤ 4,  a, b ≥ 0.
    /// a is cheaper, so a − b goes to its upper limit 4: a = 7, b = 3, objective 14 + 9 + 10 = 33.
    /// Duals by perturbation: total = 11 gives a = 7.5, b = 3.5, objective 35.5 → +2.5;
    /// spread ≤ 5 gives a = 7.5, b = 2.5, objective 32.5 → −0.5.
    @Test("Equality and range rows and the objective constant are honoured", arguments: [true, false])
    func equalityAndRange(presolve: Bool) throws {
        var program = LinearProgram(name: "mix")
        let a = program.addVariable("a")
        let b = program.addVariable("b")
        let total = program.addConstraint("total", [1 * a, 1 * b], .equal(10))
        let spread = program.addConstraint("spread", [1 * a, -1 * b], .range(2, 4))
        program.setObjective(.minimise, [2 * a, 3 * b], constant: 10)

        let solution = try solver(presolve: presolve).solve(program)
        #expect(solution.status == .optimal)
        #expect(abs(try #require(solution.objective) - 33) < Self.tolerance)
        #expect(abs(try #require(solution.value(a)) - 7) < Self.tolerance)
        #expect(abs(try #require(solution.value(b)) - 3) < Self.tolerance)
        #expect(abs(try #require(solution.dual(total)) - 2.5) < Self.tolerance)
        #expect(abs(try #require(solution.dual(spread)) + 0.5) < Self.tolerance)
    }

    /// min x  s.t.  floor: x ≥ −5 with x free. Optimum −5 at the row bound, not at x ≥ 0.
    @Test("A free variable can go negative")
    func freeVariable() throws {
        var program = LinearProgram()
        let x = program.addVariable("x", bounds: .free)
        program.addConstraint("floor", [1 * x], .greaterOrEqual(-5))
        program.setObjective(.minimise, [1 * x])
        let solution = try GLPKSolver().solve(program)
        #expect(solution.status == .optimal)
        #expect(abs(try #require(solution.value(x)) + 5) < Self.tolerance)
    }

    @Test("An empty program is optimal with its objective constant as the value", arguments: [false, true])
    func emptyProgram(integer: Bool) throws {
        var program = LinearProgram()
        if integer {
            program.addBinaryVariable("unused")
        }
        program.objective.constant = 4.5
        let solution = try GLPKSolver().solve(program)
        #expect(solution.status == .optimal)
        #expect(solution.objective == 4.5)
        #expect(solution.values == (integer ? [0] : []))
    }

    /// x + y ≤ 1 and x + y ≥ 2 cannot both hold.
    @Test("An infeasible LP has status infeasible and no values", arguments: [true, false])
    func infeasibleLP(presolve: Bool) throws {
        var program = LinearProgram()
        let x = program.addVariable("x")
        let y = program.addVariable("y")
        program.addConstraint("low", [1 * x, 1 * y], .lessOrEqual(1))
        program.addConstraint("high", [1 * x, 1 * y], .greaterOrEqual(2))
        program.setObjective(.maximise, [1 * x])

        let solution = try solver(presolve: presolve).solve(program)
        #expect(solution.status == .infeasible)
        #expect(solution.objective == nil)
        #expect(solution.values.isEmpty)
        #expect(solution.duals == nil)
    }

    /// max x + y  s.t.  x − y ≤ 1: the ray x = y + 1, y → ∞ is feasible and improves without limit.
    @Test("An unbounded LP has status unbounded", arguments: [true, false])
    func unboundedLP(presolve: Bool) throws {
        var program = LinearProgram()
        let x = program.addVariable("x")
        let y = program.addVariable("y")
        program.addConstraint("lead", [1 * x, -1 * y], .lessOrEqual(1))
        program.setObjective(.maximise, [1 * x, 1 * y])

        let solution = try solver(presolve: presolve).solve(program)
        #expect(solution.status == .unbounded)
        #expect(solution.objective == nil)
    }

    // MARK: MILPs

    @Test("The knapsack MILP picks {a, c} = 8 where its LP relaxation gives 8.25", arguments: [true, false])
    func knapsackOptimum(presolve: Bool) throws {
        let (program, items) = Fixtures.knapsack()
        let solution = try solver(presolve: presolve).solve(program)
        #expect(solution.status == .optimal)
        #expect(abs(try #require(solution.objective) - 8) < Self.tolerance)
        #expect(solution.values == [1, 0, 1])
        #expect(solution.duals == nil)
        #expect(solution.report.gap == 0)

        var relaxation = program
        for item in items {
            relaxation[item].kind = .continuous
        }
        let relaxed = try solver(presolve: presolve).solve(relaxation)
        #expect(relaxed.status == .optimal)
        #expect(abs(try #require(relaxed.objective) - 8.25) < Self.tolerance)
        #expect(abs(try #require(relaxed.value(items[0])) - 0.25) < Self.tolerance)
    }

    /// max x + y  s.t.  2x + 2y ≤ 7, x, y integer ≥ 0: the relaxation reaches 3.5, the integers 3.
    @Test("General integers are rounded by branching and counted in the report")
    func generalIntegers() throws {
        var program = LinearProgram()
        let x = program.addVariable("x", kind: .integer)
        let y = program.addVariable("y", kind: .integer)
        let b = program.addBinaryVariable("b")
        program.addConstraint("sum", [2 * x, 2 * y, 1 * b], .lessOrEqual(7))
        program.setObjective(.maximise, [1 * x, 1 * y])

        let solution = try GLPKSolver().solve(program)
        #expect(solution.status == .optimal)
        #expect(abs(try #require(solution.objective) - 3) < Self.tolerance)
        let report = solution.report
        #expect(
            [report.rows, report.columns, report.binaries, report.integers, report.nonzeros] == [1, 3, 1, 2, 3])
    }

    /// 2n = 1 has a fractional solution (n = 0.5) but no integer one, so only the MILP is infeasible.
    @Test("A MILP with a feasible relaxation but no integer point is infeasible", arguments: [true, false])
    func integerInfeasible(presolve: Bool) throws {
        var program = LinearProgram()
        let n = program.addVariable("n", kind: .integer)
        program.addConstraint("odd", [2 * n], .equal(1))
        program.setObjective(.minimise, [1 * n])
        let solution = try solver(presolve: presolve).solve(program)
        #expect(solution.status == .infeasible)
        #expect(solution.values.isEmpty)
    }

    /// The binaries can add up to at most 2, not 3: the relaxation is infeasible already.
    @Test("A MILP with an infeasible relaxation is infeasible", arguments: [true, false])
    func relaxationInfeasible(presolve: Bool) throws {
        var program = LinearProgram()
        let a = program.addBinaryVariable("a")
        let b = program.addBinaryVariable("b")
        program.addConstraint("three", [1 * a, 1 * b], .greaterOrEqual(3))
        program.setObjective(.maximise, [1 * a])
        #expect(try solver(presolve: presolve).solve(program).status == .infeasible)
    }

    /// max n + y  s.t.  n − y ≤ 1, n integer: n = y + 1 with y → ∞ stays feasible.
    @Test("An unbounded MILP has status unbounded", arguments: [true, false])
    func unboundedMILP(presolve: Bool) throws {
        var program = LinearProgram()
        let n = program.addVariable("n", kind: .integer)
        let y = program.addVariable("y")
        program.addConstraint("lead", [1 * n, -1 * y], .lessOrEqual(1))
        program.setObjective(.maximise, [1 * n, 1 * y])
        let solution = try solver(presolve: presolve).solve(program)
        #expect(solution.status == .unbounded)
        #expect(solution.objective == nil)
    }

    /// max y with y unbounded above, but 2n = 1 has no integer solution: the relaxation is
    /// unbounded, the MILP infeasible. Reporting "unbounded" here would be wrong.
    @Test("A MILP whose relaxation is unbounded but has no integer point is infeasible", arguments: [true, false])
    func unboundedRelaxationButInfeasible(presolve: Bool) throws {
        var program = LinearProgram()
        let n = program.addVariable("n", kind: .integer)
        let y = program.addVariable("y")
        program.addConstraint("odd", [2 * n], .equal(1))
        program.setObjective(.maximise, [1 * y])
        #expect(try solver(presolve: presolve).solve(program).status == .infeasible)
    }

    // MARK: Options

    @Test("A time limit stops a hard MILP with its incumbent and status feasible")
    func timeLimit() throws {
        let solver = GLPKSolver(options: .init(timeLimit: .milliseconds(300)))
        let solution = try solver.solve(Fixtures.jeroslow())
        #expect(solution.status == .feasible)
        #expect(solution.objective == 1)
        #expect(solution.report.message == "The search stopped at the time limit.")
        #expect(solution.report.time < .seconds(2))
        // Incumbent 1, best bound still 0: GLPK's relative gap |1 − 0| / |1| = 100 %.
        #expect(abs(try #require(solution.report.gap) - 1) < 1e-6)
    }

    /// With constant 10 the incumbent is 11 and the bound 10: gap 1/11 ≈ 9 % ≤ 50 %, so GLPK may
    /// stop at once instead of running into the 20 s safety limit.
    @Test("A MIP gap tolerance stops the search once the gap is small enough")
    func mipGapStopsSearch() throws {
        let solver = GLPKSolver(options: .init(timeLimit: .seconds(20), mipGap: 0.5))
        let solution = try solver.solve(Fixtures.jeroslow(constant: 10))
        #expect(solution.status == .feasible)
        #expect(solution.objective == 11)
        #expect(solution.report.message == "The search stopped because the relative MIP gap tolerance was reached.")
        #expect(try #require(solution.report.gap) <= 0.5)
        #expect(solution.report.time < .seconds(10))
    }

    /// 12 items; the best subset is found by enumerating all 4096 in the test.
    @Test("A knapsack with MIP gap 0.5 returns a feasible solution within 50 % of the optimum")
    func knapsackWithMipGap() throws {
        let values: [Double] = [23, 31, 29, 44, 53, 38, 63, 85, 89, 82, 17, 45]
        let weights: [Double] = [92, 57, 49, 68, 60, 43, 67, 84, 87, 72, 30, 51]
        let capacity = 300.0
        var program = LinearProgram(name: "knapsack12")
        let items = values.indices.map { program.addBinaryVariable("item\($0)") }
        program.addConstraint("capacity", zip(weights, items).map { $0 * $1 }, .lessOrEqual(capacity))
        program.setObjective(.maximise, zip(values, items).map { $0 * $1 })

        let best = (0..<(1 << items.count)).map { subset in
            let chosen = items.indices.filter { subset & (1 << $0) != 0 }
            let weight = chosen.reduce(0) { $0 + weights[$1] }
            return weight <= capacity ? chosen.reduce(0) { $0 + values[$1] } : 0
        }.max()!

        let solution = try GLPKSolver(options: .init(mipGap: 0.5)).solve(program)
        #expect([.optimal, .feasible].contains(solution.status))
        #expect(solution.values.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(zip(weights, solution.values).reduce(0) { $0 + $1.0 * $1.1 } <= capacity)
        let objective = try #require(solution.objective)
        #expect(objective >= 0.5 * best && objective <= best)
        #expect(try #require(solution.report.gap) <= 0.5)
    }

    // MARK: Concurrency

    @Test("Concurrent solves from many tasks all succeed")
    func concurrentSolves() async throws {
        let (program, x, y, _) = Fixtures.wyndor()
        let knapsack = Fixtures.knapsack().program
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    if task.isMultiple(of: 2) {
                        let solution = try GLPKSolver().solve(program)
                        let values = [solution.value(x) ?? .nan, solution.value(y) ?? .nan]
                        #expect(abs(values[0] - 2) < Self.tolerance && abs(values[1] - 6) < Self.tolerance)
                    } else {
                        #expect(try GLPKSolver().solve(knapsack).values == [1, 0, 1])
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
