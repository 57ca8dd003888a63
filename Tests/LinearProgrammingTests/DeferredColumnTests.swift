import LinearProgramming
import Testing

@Suite("Deferred columns (column generation on the root relaxation)")
struct DeferredColumnTests {
    /// Capacitated facility location on a line: sites at 0, 10 and 20 m (capacity 30 kW, opening
    /// cost 100 USD), customers at 1, 4, 9, 12, 16, 19 m with 10 kW each, 1 USD per kW·m; at least
    /// two sites open. Returns the program and, per customer, its serve columns by distance.
    static func facilityLocation() -> (LinearProgram, [[(site: Int, variable: VariableID, distance: Double)]]) {
        var program = LinearProgram(name: "facility")
        let sites = [0.0, 10, 20]
        let customers = [1.0, 4, 9, 12, 16, 19]
        let open = sites.indices.map { program.addBinaryVariable("open[\($0)]") }
        var objective = open.map { 100.0 * $0 }
        var serve: [[(site: Int, variable: VariableID, distance: Double)]] = []
        for (c, x) in customers.enumerated() {
            var row: [(site: Int, variable: VariableID, distance: Double)] = []
            for (j, s) in sites.enumerated() {
                let v = program.addVariable("serve[\(c),\(j)]")
                row.append((j, v, abs(x - s)))
                objective.append(abs(x - s) * v)
            }
            serve.append(row)
        }
        program.setObjective(.minimise, objective)
        for (c, row) in serve.enumerated() {
            program.addConstraint("demand[\(c)]", row.map { 1.0 * $0.variable }, .equal(10))
        }
        for j in sites.indices {
            program.addConstraint(
                "capacity[\(j)]", serve.map { 1.0 * $0[j].variable } + [-30.0 * open[j]], .lessOrEqual(0))
        }
        program.addConstraint("two", open.map { 1.0 * $0 }, .greaterOrEqual(2))
        return (program, serve)
    }

    @Test("deferring every customer's farther sites reaches the same optimum as the whole program")
    func sameOptimum() throws {
        let (program, serve) = Self.facilityLocation()
        let whole = try GLPKSolver(options: .init(presolve: false, method: .dualThenPrimal)).solve(program)
        // Keep each customer's nearest site only: the relaxation must price the others back in
        // (the nearest sites' capacity 30 kW cannot take 20 kW near site 10 and 30 near 20 alone).
        let deferred = serve.flatMap { row in row.sorted { $0.distance < $1.distance }.dropFirst().map(\.variable.index)
        }
        let generated = try GLPKSolver(
            options: .init(presolve: false, method: .dualThenPrimal, deferredColumns: deferred.sorted())
        ).solve(program)
        #expect(whole.status == .optimal && generated.status == .optimal)
        // By hand, 10 kW per customer at 1 USD/kW·m. All three open (300 USD): each customer at its
        // nearest site, 1→0, 4→0, 9→10, 12→10, 16→20, 19→20, 20 kW per site: 300 + 10·(1 + 4 + 1 + 2 +
        // 4 + 1) = 430. Two open take 30 kW each, three customers apiece: {0, 20} best as {1, 4, 9} →
        // 0 and {12, 16, 19} → 20: 200 + 10·(14 + 13) = 470; {10, 20}: 200 + 10·(16 + 13) = 490;
        // {0, 10}: 200 + 10·(14 + 17) = 510. Optimum 430.
        #expect(abs((whole.objective ?? 0) - 430) < 1e-6)
        #expect(abs((generated.objective ?? 0) - (whole.objective ?? 0)) < 1e-6)
    }

    @Test("deferred columns must be continuous, start at 0, be in range, listed once, and need presolve off")
    func validation() {
        let (program, serve) = Self.facilityLocation()
        let column = serve[0][2].variable.index
        for options in [
            GLPKSolver.Options(presolve: true, deferredColumns: [column]),
            GLPKSolver.Options(presolve: false, deferredColumns: [0]), // open[0], a binary
            GLPKSolver.Options(presolve: false, deferredColumns: [program.variables.count]),
            GLPKSolver.Options(presolve: false, deferredColumns: [column, column]),
        ] {
            #expect(throws: LinearProgramError.self) { try GLPKSolver(options: options).solve(program) }
        }
    }
}
