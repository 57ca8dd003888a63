import Foundation
import Testing
import _PlannerTestSupport

@testable import PlannerCLI

@Suite("dcplan plan --samples")
struct UncertaintyCLITests {
    @Test("--samples 0 or above 100,000 is an error with exit 1 and nothing written")
    func badSampleCounts() throws {
        let dir = try makeTemporaryDirectory()
        let out = dir.appendingPathComponent("out")
        for count in ["0", "100001"] {
            let result = runDcplan([
                "plan", "--samples", count, "--out", out.path, RepositoryPaths.path("Sites/example-small.yaml"),
            ])
            #expect(result.status == 1)
            #expect(
                result.stderr.contains("error: --samples must be within 1–100000 (the documented limit), got \(count)"))
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    @Test("a distribution with low above high or sd below zero fails the spec with exit 1 at its line and column")
    func badDistribution() throws {
        let dir = try makeTemporaryDirectory()
        let bad = dir.appendingPathComponent("bad.yaml")
        try """
        version: 1
        site: { name: Bad }
        workload: { utilisation_percent: { low: 90, typical: 80, high: 70 } }
        cooling: { tcs_supply_c: { mean: 36, sd: -1 } }
        halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 4 }] }]
        """.write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let result = runDcplan(["plan", "--out", out.path, bad.path])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "\(bad.path):3:34: error: workload.utilisation_percent: a triangular distribution needs low ≤ typical "
                    + "≤ high, got low 90, typical 80, high 70"), "\(result.stderr)")
        #expect(
            result.stderr.contains("\(bad.path):4:26: error: cooling.tcs_supply_c: a normal distribution needs sd ≥ 0"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("with --samples the report and plan.json carry the bands and uncertainty.svg is written")
    func samplesWritten() throws {
        let dir = try makeTemporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let result = runDcplan([
            "plan", "--quiet", "--samples", "8", "--threads", "2", "--out", out.path,
            RepositoryPaths.path("Sites/example-small.yaml"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try String(contentsOf: out.appendingPathComponent("example-small.md"), encoding: .utf8)
        #expect(report.contains("## Uncertainty"))
        #expect(report.contains("| Facility power at design [MW], 8 samples | P10 "))
        #expect(report.contains("dcplan plan --samples 8 "))
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("example-small/plan.json"))) as? [String: Any]
        let u = try #require(json?["uncertainty"] as? [String: Any])
        #expect(u["samples"] as? Int == 8)
        let p10 = try #require(u["p10"] as? [String: Double])
        let p90 = try #require(u["p90"] as? [String: Double])
        #expect(Set(p10.keys).isSuperset(of: ["facility_design_mw", "pue", "capex_musd", "npv_musd", "copper_t"]))
        for (key, low) in p10 { #expect(low <= p90[key]!, "\(key)") }
        #expect(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("example-small/uncertainty.svg").path))
    }
}
