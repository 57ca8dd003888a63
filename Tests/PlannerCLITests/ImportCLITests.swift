import Foundation
import Testing
import _PlannerTestSupport

/// `dcplan import` end to end through the command line (DESIGN.md §9.1).
@Suite("dcplan import")
struct ImportCLITests {
    static let fixtures = RepositoryPaths.path("Tests/PlannerRunTests/Fixtures")
    static let types = [
        "Nvidia/DGC-A100.yaml", "Supermicro/AS-8125GS-TNMR2.yml", "Nvidia/Q3400-RA.yaml", "APC/AP8886.yaml",
    ]
    .map { "\(fixtures)/netbox/device-types/\($0)" }

    @Test("import netbox writes a spec that validates and plans, and the report to --report")
    func netBox() throws {
        let dir = try makeTemporaryDirectory().path
        let spec = dir + "/lab.yaml"
        let result = runDcplan(
            [
                "import", "netbox", "-o", spec, "--report", dir + "/import.md", "--map",
                "NVIDIA DGX A100 640GB=dgx-h100",
                "--map", "AS-8125GS-TNMR2=dgx-b200",
            ] + Self.types + ["\(Self.fixtures)/netbox/devices.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try String(contentsOfFile: dir + "/import.md", encoding: .utf8)
        #expect(report.contains("| q3400-ra-x2 | 1 | 14 | 14 | 0 | network-rack | 2 × Q3400-RA |"))
        #expect(runDcplan(["validate", "--strict", spec]).status == 0)
        let plan = runDcplan(["plan", "--quiet", "--out", dir + "/out", spec])
        #expect(plan.status == 0, "\(plan.stderr)")
        // 2 × 32 DGX A100 GPUs + 16 in the MI300X rack = 80.
        #expect(FileManager.default.fileExists(atPath: dir + "/out/lab.md"))
        #expect(try String(contentsOfFile: dir + "/out/lab.md", encoding: .utf8).contains("| GPUs | 80 |"))
    }

    @Test("import csv prints the report on standard output")
    func table() throws {
        let dir = try makeTemporaryDirectory().path
        let result = runDcplan(["import", "csv", "-o", dir + "/site.yaml", "\(Self.fixtures)/inventory.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\(dir)/site.yaml: 16 racks in 2 halls, 5 rack types, 1811.2 kW IT at design"))
    }

    @Test("bad input exits 1 at file:line and writes neither the spec nor the report")
    func badInput() throws {
        let dir = try makeTemporaryDirectory().path
        let sn5600 = "\(Self.fixtures)/netbox/device-types/Nvidia/SN5600.yaml"
        let result = runDcplan(
            [
                "import", "netbox", "-o", dir + "/x.yaml", "--report", dir + "/r.md", sn5600,
                "\(Self.fixtures)/netbox/devices.csv",
            ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(sn5600):3:1: error: device type 'SN5600' has no power-ports"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        let badMap = runDcplan(
            ["import", "netbox", "-o", dir + "/x.yaml", "--map", "Q3400-RA=gb300-nvl7"] + Self.types)
        #expect(badMap.status == 1)
        #expect(
            badMap.stderr.contains(
                "error: --map 'Q3400-RA=gb300-nvl7': 'gb300-nvl7' is no catalogue entry; did you mean"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}
