import Foundation
import PlannerEngine
import PlannerModel
import PlannerRun
import SiteSpec
import Testing
import Weather
import _PlannerTestSupport

/// A Swift program drives plans, sweeps and benchmarks through `PlannerRun` exactly as `dcplan`
/// does, without the command line.
@Suite("Runs driven from code")
struct PlannerRunTests {
    /// Collects a run's messages.
    final class Messages: @unchecked Sendable {
        var list: [RunMessage] = []
        var log: RunLog { { self.list.append($0) } }
    }

    @Test("a plan driven from code renders exactly the committed report files of the example site")
    func planFromCode() throws {
        // The report shows the spec's path as given: .ci/regenerate-reports gives it relative to the
        // repository root, so it is loaded under that name from wherever the tests run.
        let absolute = RepositoryPaths.path("Sites/example-small.yaml")
        let yaml = try String(contentsOfFile: absolute, encoding: .utf8)
        let loaded = SiteLoader().load(
            yaml: yaml, path: "Sites/example-small.yaml", baseDirectory: RepositoryPaths.path("Sites"))
        let site = try #require(loaded.site)
        let weather = try LoadedSpec.readWeather(try #require(site.weatherPath))
        let spec = LoadedSpec(
            path: "Sites/example-small.yaml", site: site, digest: try LoadedSpec.sha256(ofFileAt: absolute),
            weather: weather)
        let messages = Messages()
        let result = try PlanRun(out: "Reports").run([spec], log: messages.log)
        #expect(!result.failedChecks)
        let committed = try FileManager.default.subpathsOfDirectory(
            atPath: RepositoryPaths.path("Reports/example-small")
        )
        .filter { !$0.hasPrefix(".") }.map { "Reports/example-small/" + $0 }
        #expect(Set(result.files.files.map(\.path)) == Set(committed + ["Reports/example-small.md"]))
        for file in result.files.files {
            #expect(goldenMismatch(file.contents, file: file.path) == nil)
        }
        #expect(result.summary == ["Reports/example-small.md: 2,304 GPUs, 42 racks, 4.59 MW IT at design"])
    }

    @Test("a spec with an error rejects the whole set before anything is planned, with its findings in the log")
    func rejectedSet() throws {
        let dir = try makeTemporaryDirectory()
        let bad = dir.appendingPathComponent("bad.yaml").path
        try "version: 1\nsite: { name: x }\nhalls: [{ id: h, racks: [{ type: gb300-nvl72, count: -1 }] }]\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let messages = Messages()
        #expect(throws: InputRejected.self) {
            try LoadedSpec.loadAll([RepositoryPaths.path("Sites/example-small.yaml"), bad], log: messages.log)
        }
        let errors = messages.list.flatMap { message -> [Finding] in
            if case .findings(let findings) = message { return findings.filter { $0.severity == .error } }
            return []
        }
        #expect(errors.map(\.subject) == ["halls[0].racks[0].count"])
    }

    @Test("a sweep driven from code writes the committed sweep's results and report byte for byte")
    func sweepFromCode() throws {
        let out = try makeTemporaryDirectory().path
        let sweep = try SweepRun.load(RepositoryPaths.path("Sites/sweeps/naicc-seoul-vs-dulles.yaml")) { _ in }
        let done = try sweep.run(out: out, threads: 2)
        #expect(done.scenarios == 6) // 2 climates × 3 economisers
        let committed = RepositoryPaths.path("Reports/sweeps/naicc-seoul-vs-dulles")
        let names = try FileManager.default.contentsOfDirectory(atPath: committed).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == names)
        for name in names {
            #expect(
                FileManager.default.contents(atPath: out + "/" + name)
                    == FileManager.default.contents(atPath: committed + "/" + name), "\(name) differs")
        }
    }

    @Test("benchmark --placement solves each hall with its spec's placement options (here a 6 m site pitch)")
    func placementBenchmarkUsesSpecOptions() throws {
        let yaml = """
            version: 1
            site: { name: Pitch test }
            placement: { site_pitch_m: 6 }
            halls:
              - id: h
                layout: { rows: 2, racks_per_row: 20, aisle_m: 1.8 }
                racks: [{ type: gb300-nvl72, count: 30 }]
            """
        let site = try #require(SiteLoader().load(yaml: yaml, path: "pitch.yaml", baseDirectory: ".").site)
        let planned = try #require(Planner().plan(site).placements.first)
        let dir = try makeTemporaryDirectory()
        let path = dir.appendingPathComponent("pitch.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        var rows: [String] = []
        try Benchmark(sequential: true).placement([path], log: { _ in }, out: { rows.append($0) })
        // site | hall | medium | status | units | rows | columns | …: one row per hall (both media
        // share one program, so both layouts carry its size).
        let columns = rows.dropFirst().dropLast().map { $0.components(separatedBy: " | ")[6] }
        #expect(columns == [String(planned.layouts[0].solve.columns)])
        #expect(Set(planned.layouts.map(\.solve.columns)).count == 1)
        // At the default 3 m pitch the wall has more candidate sites, so more columns.
        var defaults = site
        defaults.placement.sitePitch = PlacementChoices.defaults.sitePitch
        let atDefault = try #require(Planner().plan(defaults).placements.first)
        #expect(atDefault.layouts[0].solve.columns > planned.layouts[0].solve.columns)
    }
}

@Suite("Extreme condition keys")
struct ExtremeConditionKeyTests {
    static func load(_ cooling: String) -> LoadResult {
        let yaml = """
            version: 1
            site: { name: Extreme test }
            cooling: { \(cooling) }
            halls:
              - id: h
                racks: [{ type: gb300-nvl72, count: 4 }]
            """
        return SiteLoader().load(yaml: yaml, path: "extreme.yaml", baseDirectory: ".")
    }

    @Test("an extreme dry bulb below the design one is an error at its line and column")
    func belowDesign() throws {
        // extreme 30 °C < the 0.4 % design 33 °C: rejected at line 3, the value's column.
        let site = try #require(Self.load("extreme_dry_bulb_c: 30").site)
        let design = DesignConditions(
            coolingDryBulb: .celsius(33), coolingMeanCoincidentWetBulb: .celsius(25),
            evaporationWetBulb: .celsius(27), evaporationMeanCoincidentDryBulb: .celsius(31), source: .stated("t"))
        let message = try #require(LoadedSpec.extremeBelowDesign(site.cooling, design))
        #expect(message.hasPrefix("extreme.yaml:3:"))
        #expect(message.contains("error: cooling.extreme_dry_bulb_c"))
        // 38 °C is above the design: no error.
        let warm = try #require(Self.load("extreme_dry_bulb_c: 38").site)
        #expect(LoadedSpec.extremeBelowDesign(warm.cooling, design) == nil)
    }

    @Test("an extreme wet bulb above the extreme dry bulb is an error")
    func wetAboveDry() {
        let result = Self.load("extreme_dry_bulb_c: 38, extreme_wet_bulb_c: 40")
        #expect(result.findings.contains { $0.severity == .error && $0.subject.contains("extreme_wet_bulb_c") })
    }
}
