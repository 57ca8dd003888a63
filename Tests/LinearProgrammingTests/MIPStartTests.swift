import Foundation
import LinearProgramming
import Testing

@Suite("MIP start and concurrent solves")
struct MIPStartTests {
    @Test("A feasible MIP start ({b, c} = 7) still leads to the knapsack optimum {a, c} = 8")
    func startImproves() throws {
        let (program, items) = Fixtures.knapsack()
        // {b, c}: weight 3 + 2 = 5 ≤ 6, value 7 — feasible but not optimal.
        var start = [Double](repeating: 0, count: program.variables.count)
        start[items[1].index] = 1
        start[items[2].index] = 1
        let solution = try GLPKSolver(options: .init(presolve: false)).solve(program, start: start)
        #expect(solution.status == .optimal)
        #expect(solution.objective == 8)
    }

    @Test("A MIP start is refused with presolve on, with the wrong length, or with a fractional binary")
    func startValidation() {
        let (program, _) = Fixtures.knapsack()
        let n = program.variables.count
        #expect(throws: LinearProgramError.self) {
            try GLPKSolver(options: .init(presolve: true)).solve(program, start: [Double](repeating: 0, count: n))
        }
        #expect(throws: LinearProgramError.self) {
            try GLPKSolver(options: .init(presolve: false)).solve(program, start: [0])
        }
        #expect(throws: LinearProgramError.self) {
            try GLPKSolver(options: .init(presolve: false)).solve(program, start: [Double](repeating: 0.5, count: n))
        }
        let (lp, _, _, _) = Fixtures.wyndor()
        #expect(throws: LinearProgramError.self) {
            try GLPKSolver(options: .init(presolve: false)).solve(lp, start: [0, 0])
        }
    }

    @Test("32 knapsacks solved on 8 threads at once all reach 8 (GLPK's environment is per thread)")
    func concurrentSolves() {
        let (program, _) = Fixtures.knapsack()
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var objectives: [Double?] = []
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 32) { _ in
            let value = try? GLPKSolver().solve(program).objective
            results.lock.lock()
            results.objectives.append(value)
            results.lock.unlock()
        }
        #expect(results.objectives.count == 32 && results.objectives.allSatisfy { $0 == 8 })
    }
}
