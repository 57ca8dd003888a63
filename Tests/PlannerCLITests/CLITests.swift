import Foundation
import Testing
import _PlannerTestSupport

@Suite("dcplan command line")
struct CLITests {
    @Test("catalog list --json prints every entry with the documented keys")
    func catalogListJSON() throws {
        let result = runDcplan(["catalog", "list", "--json"])
        #expect(result.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count >= 9)
        for key in ["id", "gpus", "nameplate_kw", "design_kw", "idle_kw", "liquid_fraction", "weight_kg", "source", "confidence"] {
            #expect(entries.allSatisfy { $0.keys.contains(key) }, "missing \(key)")
        }
    }

    @Test("catalog show prints one entry; an unknown ID suggests the closest")
    func catalogShow() throws {
        let ok = runDcplan(["catalog", "show", "gb300-nvl72", "--json"])
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any])
        #expect(entry["design_kw"] as? Double == 140)
        #expect(entry["liquid_fraction"] as? Double == 0.92)
        #expect(entry["confidence"] as? String == "M")
        let text = runDcplan(["catalog", "show", "gb300-nvl72"])
        #expect(text.stdout.contains("design: 140.0 kW"))
        let bad = runDcplan(["catalog", "show", "gb300-nvl7"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "error: unknown catalogue entry 'gb300-nvl7'; did you mean 'gb300-nvl72', 'gb200-nvl72'?\n")
    }

    @Test("plan writes the report, plan.json and CSV tables, byte-identical on a second run")
    func planWritesReports() throws {
        let out = try RepositoryPaths.temporaryDirectory()
        let spec = RepositoryPaths.path("Sites/example-small.yaml")
        let first = runDcplan(["plan", "--out", out.path, spec])
        #expect(first.status == 0, "\(first.stderr)")
        let files = ["example-small.md", "example-small/plan.json", "example-small/racks.csv", "example-small/halls.csv"]
        let before = try files.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        #expect(runDcplan(["plan", "--quiet", "--out", out.path, spec]).status == 0)
        let after = try files.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        #expect(before == after)
        let json = try #require(try JSONSerialization.jsonObject(with: before[1]) as? [String: Any])
        #expect(json["schema"] as? String == "dcplan.plan/1")
    }

    @Test("a spec with an error stops the run with exit 1 and writes nothing")
    func badSpecWritesNothing() throws {
        let dir = try RepositoryPaths.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.yaml")
        try """
            version: 1
            site: { name: Bad }
            halls:
              - id: hall-a
                racks:
                  - { type: gb300-nvl72, count: -3 }
            """.write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let result = runDcplan(["plan", "--out", out.path, RepositoryPaths.path("Sites/example-small.yaml"), bad.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad.path):6:37: error: halls[0].racks[0].count: must be a positive integer, got -3"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(runDcplan(["validate", bad.path]).status == 1)
    }

    @Test("a missing spec file is an error with exit 1")
    func missingFile() {
        let result = runDcplan(["validate", "/nonexistent/x.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("/nonexistent/x.yaml: error: cannot read file"))
    }

    @Test("validate reports every shipped site as ok")
    func validateSites() {
        let result = runDcplan(["validate"] + RepositoryPaths.siteSpecs)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == RepositoryPaths.siteSpecs.count)
    }

    @Test("usage errors exit with 64")
    func usage() {
        #expect(runDcplan(["plan"]).status == 64)
        #expect(runDcplan(["frobnicate"]).status == 64)
        #expect(runDcplan(["plan", "--rollup", "a/b", "x.yaml"]).status == 64)
    }

    @Test("the roll-up writes one report over several sites")
    func rollup() throws {
        let out = try RepositoryPaths.temporaryDirectory()
        let spec = RepositoryPaths.path("Sites/example-small.yaml")
        let result = runDcplan(["plan", "--quiet", "--out", out.path, "--rollup", "both", spec, spec])
        #expect(result.status == 0)
        let text = try String(contentsOf: out.appendingPathComponent("both.md"), encoding: .utf8)
        #expect(text.contains("| **Total** |"))
    }
}
