import Foundation
import LinearProgramming

/// Textbook programs with optima worked out by hand, shared by the solver and export tests.
enum Fixtures {
    /// Hillier & Lieberman's Wyndor Glass LP, with an objective constant of 7 added:
    ///
    ///     max 3x + 5y + 7   s.t.  plant_1: x ≤ 4,  plant_2: 2y ≤ 12,  plant_3: 3x + 2y ≤ 18,  x, y ≥ 0
    ///
    /// Vertices of the feasible region and 3x + 5y there: (0,0) 0, (4,0) 12, (4,3) 27, (2,6) 36,
    /// (0,6) 30. Optimum x = 2, y = 6, objective 36 + 7 = 43; plant_2 and plant_3 are binding.
    /// Duals solve Aᵀu = c on the binding rows: x: 3·u₃ = 3 → u₃ = 1; y: 2·u₂ + 2·u₃ = 5 →
    /// u₂ = 1.5; u₁ = 0 (slack 2). Check: 12·1.5 + 18·1 = 36.
    static func wyndor() -> (program: LinearProgram, x: VariableID, y: VariableID, rows: [ConstraintID]) {
        var program = LinearProgram(name: "wyndor")
        let x = program.addVariable("x")
        let y = program.addVariable("y")
        let rows = [
            program.addConstraint("plant_1", [1 * x], .lessOrEqual(4)),
            program.addConstraint("plant_2", [2 * y], .lessOrEqual(12)),
            program.addConstraint("plant_3", [3 * x, 2 * y], .lessOrEqual(18)),
        ]
        program.setObjective(.maximise, [3 * x, 5 * y], constant: 7)
        return (program, x, y, rows)
    }

    /// A 0/1 knapsack, capacity 6:
    ///
    ///     item  value  weight  value/weight
    ///     a     5      4       1.25
    ///     b     4      3       1.33
    ///     c     3      2       1.5
    ///
    /// Enumeration of the subsets that fit: {} 0, {a} 5, {b} 4, {c} 3, {a,c} 8 (weight 6),
    /// {b,c} 7 (weight 5); {a,b} weighs 7 and {a,b,c} 9. Integer optimum {a, c} = 8.
    /// LP relaxation (greedy by ratio): c, b, then 1/4 of a → 3 + 4 + 1.25 = 8.25, whose
    /// rounding {b, c} = 7 is not optimal.
    static func knapsack() -> (program: LinearProgram, items: [VariableID]) {
        var program = LinearProgram(name: "knapsack")
        let items = ["a", "b", "c"].map { program.addBinaryVariable($0) }
        program.addConstraint("capacity", zip([4.0, 3, 2], items).map { $0 * $1 }, .lessOrEqual(6))
        program.setObjective(.maximise, zip([5.0, 4, 3], items).map { $0 * $1 })
        return (program, items)
    }

    /// Jeroslow's problem: `min z  s.t.  2·(x₁ + … + xₙ) + z = n`, all binary, n odd.
    ///
    /// The left side without z is even and n is odd, so z = 1 in every feasible point (objective
    /// 1), but every LP relaxation with fewer than about n/2 fixed variables reaches z = 0, so
    /// branch-and-bound without cuts needs exponentially many nodes: with n = 41 GLPK finds
    /// z = 1 quickly and then cannot close the gap for a long time (measured: > 3 s with glpsol).
    static func jeroslow(n: Int = 41, constant: Double = 0) -> LinearProgram {
        var program = LinearProgram(name: "jeroslow")
        let xs = (1...n).map { program.addBinaryVariable("x\($0)") }
        let z = program.addBinaryVariable("z")
        program.addConstraint("parity", xs.map { 2 * $0 } + [1 * z], .equal(Double(n)))
        program.setObjective(.minimise, [1 * z], constant: constant)
        return program
    }
}
