import Foundation
import Testing
import _PlannerTestSupport

@Suite("dcplan sweep")
struct SweepTests {
    /// A design-point sweep of example-small: 3 distributions × 3 utilisations = 9 scenarios.
    static func writeSweep(in dir: URL, name: String = "s.yaml", extra: String = "") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try """
        version: 1
        name: test sweep\(extra)
        base: \(RepositoryPaths.path("Sites/example-small.yaml"))
        axes:
          - { path: "halls[*].power.distribution", values: [ac-415v, ac-480v, dc-800v] }
          - { path: workload.utilisation_percent, values: [60, 80, 100] }
        metrics: [facility_design_mw, copper_t, it_sustained_mw]
        pareto: [facility_design_mw, copper_t]
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func files(in dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            files[name] = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path)
        }
        return files
    }

    @Test("a sweep writes one row per scenario in order, and the same bytes whatever the thread count")
    func runsInOrder() throws {
        let dir = try makeTemporaryDirectory()
        let spec = try Self.writeSweep(in: dir)
        let one = dir.appendingPathComponent("one")
        let two = dir.appendingPathComponent("two")
        let three = dir.appendingPathComponent("three")
        #expect(runDcplan(["sweep", "run", spec, "--out", one.path, "--threads", "1", "--quiet"]).status == 0)
        #expect(runDcplan(["sweep", spec, "--out", two.path, "--threads", "2", "--quiet"]).status == 0)
        // 9 scenarios are two blocks of 8 and 1: more threads than blocks.
        #expect(runDcplan(["sweep", spec, "--out", three.path, "--threads", "3", "--quiet"]).status == 0)
        let files = try Self.files(in: one)
        #expect(Set(files.keys).isSuperset(of: ["results.csv", "results.jsonl", "sweep.md", "pareto.svg"]))
        #expect(files == (try Self.files(in: two)))
        #expect(files == (try Self.files(in: three)))
        let csv = String(decoding: try #require(files["results.csv"]), as: UTF8.self).split(separator: "\n")
        let header = [
            "index", "halls[*].power.distribution", "workload.utilisation_percent", "status", "facility_design_mw",
            "copper_t", "it_sustained_mw", "message",
        ]
        #expect(csv.first.map(String.init) == header.joined(separator: ","))
        #expect(csv.count == 10)
        // Number hygiene (DESIGN.md §8.3): each metric rounded to its stated digits (facility 1 W =
        // 6 decimals of MW, copper 3 of t), shortest text: no `15.0`, no `26.733772800000004`.
        for line in csv.dropFirst() {
            for field in line.split(separator: ",").dropFirst(4).dropLast() {
                #expect(
                    !field.hasSuffix(".0") && (field.split(separator: ".").dropFirst().first?.count ?? 0) <= 6,
                    "\(line)")
            }
        }
        // scenario 5 = (5 / 3, 5 % 3) = (ac-480v, 100 %)
        #expect(csv[6].hasPrefix("5,ac-480v,100,ok,"))
        // 800 VDC uses the least copper, so it is the best copper scenario
        let report = String(decoding: try #require(files["sweep.md"]), as: UTF8.self)
        #expect(report.contains("| ok | 9 |"))
        #expect(report.contains("| dc-800v |"))
    }

    @Test("three shards merged are byte for byte what one unsharded run writes")
    func shardAndMerge() throws {
        let dir = try makeTemporaryDirectory()
        let spec = try Self.writeSweep(in: dir)
        let whole = dir.appendingPathComponent("whole")
        #expect(runDcplan(["sweep", "run", spec, "--out", whole.path, "--quiet"]).status == 0)
        var shards: [String] = []
        for i in 0..<3 {
            let out = dir.appendingPathComponent("shard-\(i)").path
            #expect(runDcplan(["sweep", "run", spec, "--shard", "\(i)/3", "--out", out, "--quiet"]).status == 0)
            shards.append(out)
        }
        // each shard has every third scenario: shard 1 holds 1, 4, 7
        let shard1 = try String(contentsOfFile: shards[1] + "/results.csv", encoding: .utf8).split(separator: "\n")
        #expect(shard1.dropFirst().map { $0.prefix(2) } == ["1,", "4,", "7,"])
        let merged = dir.appendingPathComponent("merged")
        let result = runDcplan(["sweep", "merge"] + shards.reversed() + ["--out", merged.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.files(in: merged) == (try Self.files(in: whole)))
    }

    @Test(
        "merging shards of different sweeps, or with one missing, is refused; a shard index out of range is a usage error"
    )
    func mergeErrors() throws {
        let dir = try makeTemporaryDirectory()
        let a = try Self.writeSweep(in: dir, name: "a.yaml")
        let b = try Self.writeSweep(in: dir, name: "b.yaml", extra: " (another)")
        let a0 = dir.appendingPathComponent("a0").path
        let b1 = dir.appendingPathComponent("b1").path
        #expect(runDcplan(["sweep", "run", a, "--shard", "0/2", "--out", a0, "-q"]).status == 0)
        #expect(runDcplan(["sweep", "run", b, "--shard", "1/2", "--out", b1, "-q"]).status == 0)
        let mixed = runDcplan(["sweep", "merge", a0, b1, "--out", dir.appendingPathComponent("m").path])
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("is a shard of a different sweep"))
        let missing = runDcplan(["sweep", "merge", a0, "--out", dir.appendingPathComponent("m").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("shards 1/2 are missing"))
        let range = runDcplan(["sweep", "run", a, "--shard", "2/2", "--out", a0])
        #expect(range.status == 64)
        #expect(range.stderr.contains("--shard i/n needs 0 ≤ i < n, got 2/2"))
        let invalid = runDcplan(["sweep", "run", dir.appendingPathComponent("none.yaml").path, "--out", a0])
        #expect(invalid.status == 1)
    }

    @Test("a scenario whose plant cannot hold its set point is recorded as check-failed and the sweep goes on")
    func failedScenario() throws {
        let dir = try makeTemporaryDirectory()
        let spec = dir.appendingPathComponent("chillers.yaml").path
        try """
        version: 1
        base: \(RepositoryPaths.path("Sites/example-small.yaml"))
        analyses: annual
        axes: [{ path: cooling.plant.facility_water.chiller_units, values: [0, 4] }]
        metrics: [pue, chillers]
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        #expect(runDcplan(["sweep", "run", spec, "--out", out.path, "-q"]).status == 0)
        let rows = try String(contentsOfFile: out.path + "/results.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows[1].hasPrefix("0,0,check-failed,"))
        #expect(rows[1].contains("cooling.plant.facility_water.chiller_units: the plant cannot hold"))
        #expect(rows[2].hasPrefix("1,4,ok,"))
        // The chiller count is written as an integer, never `4.0`.
        let chillers = rows[2].split(separator: ",", omittingEmptySubsequences: false)[4]
        #expect(Int(chillers) != nil, "\(rows[2])")
    }
}
