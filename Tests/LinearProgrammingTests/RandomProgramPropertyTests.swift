import LinearProgramming
import PropertyBased
import Testing

/// Random valid programs: boxed variables 0 ≤ x ≤ u and rows `Σ a·x ≤ b` with b ≥ 0, so x = 0 is
/// feasible and the box keeps them bounded; GLPK must return an optimal solution that satisfies
/// every row and bound of the program itself (checked here, not trusted from GLPK).
@Suite("GLPK on random programs")
struct RandomProgramPropertyTests {
    static let shape = zip(
        Gen.int(in: 1...8), Gen.int(in: 1...8), Gen.int(in: 0...1_000_000), Gen.bool, Gen.bool)

    /// A program from a seed: deterministic pseudo-random coefficients (SplitMix64).
    static func program(variables n: Int, rows m: Int, seed: Int, maximise: Bool, integers: Bool) -> LinearProgram {
        var state = UInt64(truncatingIfNeeded: seed) &+ 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        var lp = LinearProgram(name: "random")
        let xs = (0..<n).map { j in
            lp.addVariable(
                "x\(j)", bounds: .range(0, 1 + (next() * 20).rounded()),
                kind: integers && j % 2 == 0 ? .integer : .continuous)
        }
        for i in 0..<m {
            let terms = xs.compactMap { x -> LinearTerm? in
                let a = ((next() * 12).rounded() - 6) / 2
                return a == 0 ? nil : a * x
            }
            if terms.isEmpty { continue }
            lp.addConstraint("r\(i)", terms, .lessOrEqual((next() * 30).rounded()))
        }
        lp.setObjective(maximise ? .maximise : .minimise, xs.map { ((next() * 10).rounded() - 5) * $0 })
        return lp
    }

    @Test("GLPK's optimum satisfies every row and bound of the program, integers are whole, and the objective adds up")
    func feasibleOptimum() async {
        await propertyCheck(count: 200, input: Self.shape) { n, m, seed, maximise, integers in
            let lp = Self.program(variables: n, rows: m, seed: seed, maximise: maximise, integers: integers)
            let solution = try GLPKSolver().solve(lp)
            #expect(solution.status == .optimal)
            let x = solution.values
            #expect(x.count == lp.variables.count)
            for (j, v) in lp.variables.enumerated() {
                #expect(x[j] >= (v.bounds.lower ?? -.infinity) - 1e-7 && x[j] <= (v.bounds.upper ?? .infinity) + 1e-7)
                if v.kind == .integer { #expect(abs(x[j] - x[j].rounded()) <= 1e-7) }
            }
            for row in lp.constraints {
                let activity = row.terms.reduce(0) { $0 + $1.coefficient * x[$1.variable.index] }
                #expect(activity <= (row.bounds.upper ?? .infinity) + 1e-6, "\(row.name)")
                #expect(activity >= (row.bounds.lower ?? -.infinity) - 1e-6, "\(row.name)")
            }
            let objective = lp.objective.terms.reduce(lp.objective.constant) {
                $0 + $1.coefficient * x[$1.variable.index]
            }
            #expect(abs(objective - (solution.objective ?? .nan)) <= 1e-6 * max(1, abs(objective)))
        }
    }
}
