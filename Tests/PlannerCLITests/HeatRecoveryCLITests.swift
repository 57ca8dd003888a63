import Foundation
import Testing
import _PlannerTestSupport

@Suite("dcplan plan with heat recovery")
struct HeatRecoveryCLITests {
    @Test("an ERF target the network cannot take writes the report, says infeasible and by how much, and exits 2")
    func infeasibleERF() throws {
        let out = try makeTemporaryDirectory()
        let spec = RepositoryPaths.path("Tests/PlannerCLITests/Fixtures/erf-infeasible.yaml")
        let result = runDcplan(["plan", "--quiet", "--out", out.path, spec])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "error: heat_recovery.minimum_erf_percent: infeasible: the ERF target of 20 % cannot be met"))
        #expect(result.stderr.contains("percentage points short"))
        let report = try String(contentsOf: out.appendingPathComponent("erf-infeasible.md"), encoding: .utf8)
        #expect(report.contains("**Infeasible.**"))
        #expect(report.contains("percentage points short"))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("erf-infeasible/plan.json"))) as? [String: Any])
        let hr = try #require(json["heat_recovery"] as? [String: Any])
        #expect(hr["status"] as? String == "infeasible")
        let maximum = try #require(hr["maximum_erf_fraction"] as? Double)
        #expect(maximum > 0 && maximum < 0.2)
    }

    @Test("plan writes heat_recovery and compliance into plan.json and the year chart beside the report")
    func planJSON() throws {
        let out = try makeTemporaryDirectory()
        let spec = RepositoryPaths.path("Tests/PlannerCLITests/Fixtures/heat-recovery-small.yaml")
        let result = runDcplan(["plan", "--out", out.path, spec])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("heat-recovery LP"))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("heat-recovery-small/plan.json"))) as? [String: Any])
        let hr = try #require(json["heat_recovery"] as? [String: Any])
        for key in ["status", "heat_pump_mw", "heat_delivered_mwh", "heat_pump_electricity_mwh", "erf_fraction", "ere"]
        {
            #expect(hr[key] != nil, "missing heat_recovery.\(key)")
        }
        #expect(hr["status"] as? String == "optimal")
        #expect((hr["heat_pump_mw"] as? Double ?? 0) > 0)
        let svg = try String(
            contentsOf: out.appendingPathComponent("heat-recovery-small/heat-recovery.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        let report = try String(contentsOf: out.appendingPathComponent("heat-recovery-small.md"), encoding: .utf8)
        #expect(report.contains("## Heat recovery"))
        #expect(report.contains("(heat-recovery-small/heat-recovery.svg)"))
        #expect(!report.contains(" s)"), "no solve time in the report")
    }

    @Test("--dump-lp writes DIR/<site>/heat-recovery.mps and .lp")
    func dumpLP() throws {
        let out = try makeTemporaryDirectory()
        let lpDir = out.appendingPathComponent("lp")
        let spec = RepositoryPaths.path("Tests/PlannerCLITests/Fixtures/heat-recovery-small.yaml")
        let result = runDcplan(["plan", "--quiet", "--dump-lp", lpDir.path, "--out", out.path, spec])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            FileManager.default.fileExists(
                atPath: lpDir.appendingPathComponent("heat-recovery-small/heat-recovery.mps").path))
        #expect(
            FileManager.default.fileExists(
                atPath: lpDir.appendingPathComponent("heat-recovery-small/heat-recovery.lp").path))
    }

    @Test(
        "glpsol solves the --dump-lp CPLEX LP to the plan's net benefit",
        .enabled(if: Glpsol.isInstalled, "glpsol is not installed"))
    func dumpLPSolvedByGlpsol() throws {
        let out = try makeTemporaryDirectory()
        let lpDir = out.appendingPathComponent("lp")
        let spec = RepositoryPaths.path("Tests/PlannerCLITests/Fixtures/heat-recovery-small.yaml")
        let result = runDcplan(["plan", "--quiet", "--dump-lp", lpDir.path, "--out", out.path, spec])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("heat-recovery-small/plan.json"))) as? [String: Any])
        let objective = try #require((json["heat_recovery"] as? [String: Any])?["net_benefit_per_year"] as? Double)
        // "Objective:  obj = 1.234567e+05 (MAXimum)": the LP file keeps the maximisation.
        let solution = try Glpsol.solve(
            lpDir.appendingPathComponent("heat-recovery-small/heat-recovery.lp").path, format: .cplexLP)
        #expect(solution.status == "OPTIMAL")
        #expect(solution.sense == "MAXimum")
        let value = solution.objective
        // Within 1 USD (plan.json writes whole dollars) or GLPK's 1e-6 relative, whichever is larger.
        #expect(abs(value - objective) <= max(1, abs(objective) * 1e-6), "glpsol \(value) vs plan \(objective)")
    }
}
