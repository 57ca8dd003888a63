import Foundation
import Testing
import _PlannerTestSupport

@Suite("Planning the starter spec")
struct StarterPlanTests {
    @Test(
        "the starter spec plans with cooling at the stand-in design condition, and the report says what needs a weather file"
    )
    func starterPlan() throws {
        let dir = try makeTemporaryDirectory().path
        let spec = dir + "/site.yaml"
        #expect(runDcplan(["init", spec]).status == 0)
        let result = runDcplan(["plan", "--quiet", "--out", dir + "/out", spec])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: site.weather: no weather year: the cooling is sized at 33.8 °C"))
        let report = try String(contentsOfFile: dir + "/out/site.md", encoding: .utf8)
        #expect(report.contains("## Cooling"))
        #expect(report.contains("| Facility power at the design condition, with cooling and house loads [MW] |"))
        #expect(report.contains("**No weather year**: the cooling above is sized at the design condition 33.8 °C"))
        #expect(!report.contains("Annual PUE"))
        // --strict makes the stand-in an error: a planner must choose a weather file or a condition.
        #expect(runDcplan(["plan", "--quiet", "--strict", "--out", dir + "/strict", spec]).status == 2)
    }

    @Test(
        "a design-point sweep of a site with a weather file sizes the cooling at that file's design condition, as the annual one does"
    )
    func designSweepCooling() throws {
        let dir = try makeTemporaryDirectory()
        let design = try SweepTests.writeSweep(in: dir)
        let annual = try SweepTests.writeSweep(in: dir, name: "a.yaml", extra: "\nanalyses: annual")
        #expect(runDcplan(["sweep", "run", design, "--quiet", "--out", dir.path + "/d"]).status == 0)
        #expect(runDcplan(["sweep", "run", annual, "--quiet", "--out", dir.path + "/a"]).status == 0)
        func facility(_ folder: String) throws -> [Double] {
            try String(contentsOfFile: dir.path + folder + "/results.csv", encoding: .utf8).split(separator: "\n")
                .dropFirst().map { try #require(Double($0.split(separator: ",")[4])) }
        }
        // The same design power with cooling either way (the example with cooling: 5.6 MW; 4.9 without).
        let atDesign = try facility("/d")
        #expect(atDesign.count == 9)
        #expect(atDesign == (try facility("/a")))
        #expect(atDesign.allSatisfy { $0 > 5.4 })
    }
}
