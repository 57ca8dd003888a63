import Foundation
import LinearProgramming
import Testing
import _PlannerTestSupport

@Suite("MPS and CPLEX LP files")
struct ExportTests {
    @Test("A maximisation round-trips through free MPS as the negated minimisation with the same optimum")
    func mpsRoundTripLP() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("wyndor.mps").path
        let (program, x, y, _) = Fixtures.wyndor()

        try program.exportMPS(to: path)
        let imported = try LinearProgram.importMPS(from: path)

        var expected = program
        expected.setObjective(.minimise, [-3 * x, -5 * y], constant: -7)
        #expect(imported == expected)

        let solution = try GLPKSolver().solve(imported)
        #expect(solution.status == .optimal)
        #expect(abs(try #require(solution.objective) + 43) < 1e-9)
        #expect(abs(try #require(solution.value(x)) - 2) < 1e-9)
        #expect(abs(try #require(solution.value(y)) - 6) < 1e-9)
    }

    @Test("A MILP keeps its kinds, bounds and optimum through free MPS")
    func mpsRoundTripMILP() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("mixed.mps").path
        var program = Fixtures.knapsack().program
        let n = program.addVariable("n", bounds: .range(-2, 5), kind: .integer)
        let f = program.addVariable("f", bounds: .free)
        program.addConstraint("link", [1 * n, -1 * f], .range(-2, 1.5))
        program.addConstraint("fixed", [1 * f], .equal(0.25))
        program.setObjective(.minimise, [-5 * VariableID(0), -4 * VariableID(1), -3 * VariableID(2), 1 * n])

        try program.exportMPS(to: path)
        let imported = try LinearProgram.importMPS(from: path)
        #expect(imported == program)
        // Knapsack as before (−8), and n = −1 is the least integer with n − 0.25 ≥ −2.
        let solution = try GLPKSolver().solve(imported)
        #expect(solution.objective == -9)
        #expect(solution.value(n) == -1)
    }

    @Test("The CPLEX LP file states the sense, objective, rows and binaries")
    func cplexLPContents() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("knapsack.lp").path

        try Fixtures.knapsack().program.exportCPLEXLP(to: path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "\\* Problem: knapsack *\\")
        #expect(lines.contains("Maximize"))
        #expect(lines.contains(" obj: + 5 a + 4 b + 3 c"))
        #expect(lines.contains(" capacity: + 4 a + 3 b + 2 c <= 6"))
        #expect(lines.contains(" 0 <= b <= 1"))
        #expect(lines.contains("Generals"))
        #expect(lines.last == "End")
    }

    @Test(
        "glpsol solves the exported MPS to the same optimum",
        .enabled(if: Glpsol.isInstalled, "glpsol is not installed"))
    func glpsolCrossCheck() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("knapsack.mps").path
        try Fixtures.knapsack().program.exportMPS(to: model)

        // glpsol's report line, e.g. "Objective:  R0000000 = -8 (MINimum)"; the maximum 8 is
        // written as the minimum of the negated objective.
        let solution = try Glpsol.solve(model)
        #expect(solution.status == "INTEGER OPTIMAL")
        #expect(solution.objectiveLine == "Objective: R0000000 = -8 (MINimum)")
    }

    @Test("Reading a missing file throws with the path and GLPK's reason")
    func importMissingFile() throws {
        let path = "/nonexistent-directory/model.mps"
        #expect(
            throws: LinearProgramError.readFailed(
                path: path, reason: "Unable to open '\(path)' - No such file or directory")
        ) {
            try LinearProgram.importMPS(from: path)
        }
    }

    @Test("Reading a malformed file throws with GLPK's line number")
    func importMalformedFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("broken.mps").path
        try "NAME broken\nCOLUMNS\n x obj 1\nENDATA\n".write(toFile: path, atomically: true, encoding: .utf8)

        #expect(throws: LinearProgramError.readFailed(path: path, reason: "\(path):2: missing ROWS indicator record")) {
            try LinearProgram.importMPS(from: path)
        }
    }

    @Test("Writing into a missing directory throws with the path and GLPK's reason")
    func exportToMissingDirectory() throws {
        let program = Fixtures.wyndor().program
        let mps = "/nonexistent-directory/model.mps"
        #expect(
            throws: LinearProgramError.writeFailed(
                path: mps, reason: "Unable to create '\(mps)' - No such file or directory")
        ) {
            try program.exportMPS(to: mps)
        }
        let lp = "/nonexistent-directory/model.lp"
        #expect(
            throws: LinearProgramError.writeFailed(
                path: lp, reason: "Unable to create '\(lp)' - No such file or directory")
        ) {
            try program.exportCPLEXLP(to: lp)
        }
    }

    @Test("An invalid program is not written")
    func invalidProgramNotWritten() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("invalid.lp").path
        var program = Fixtures.wyndor().program
        program.addVariable("x")

        #expect(throws: LinearProgramError.invalidProgram("two variables are named 'x'")) {
            try program.exportCPLEXLP(to: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
