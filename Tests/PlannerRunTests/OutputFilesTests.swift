import Foundation
import PlannerModel
import Testing
import _PlannerTestSupport

@testable import PlannerRun

/// Output is written all or nothing, stays inside its folder and leaves nothing stale (issue 21,
/// items 6 and 7).
@Suite("Writing output files")
struct OutputFilesTests {
    @Test("a write that fails part-way leaves every target as it was and no temporary behind")
    func allOrNothing() throws {
        let dir = try makeTemporaryDirectory().path
        let first = dir + "/a.md"
        try "old".write(toFile: first, atomically: true, encoding: .utf8)
        var files = OutputFiles()
        files.add(first, "new")
        // /proc takes no new folders, even as root: the second file's write fails.
        files.add("/proc/dcplan-test-\(UUID().uuidString)/b.md", "b")
        #expect(throws: RunFailure.self) { try files.writeAll() }
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.md"])
    }

    @Test("a file where a folder is needed, a folder where a file goes and two outputs on one path are refused first")
    func targetsCheckedFirst() throws {
        let dir = try makeTemporaryDirectory().path
        try "x".write(toFile: dir + "/blocked", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/folder.md", withIntermediateDirectories: true)
        var files = OutputFiles()
        files.add(dir + "/ok.md", "ok")
        files.add(dir + "/blocked/out/x.md", "x")
        files.add(dir + "/folder.md", "y")
        files.add(dir + "/sub/../ok.md", "again")
        do {
            try files.writeAll()
            Issue.record("the bundle was written")
        } catch {
            #expect(
                error.description
                    == "\(dir)/blocked is a file, but the output needs a folder there; "
                    + "\(dir)/folder.md is a folder, so the file cannot be written there; "
                    + "two outputs of this run would both write \(dir)/sub/../ok.md; nothing was written")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/ok.md"))
    }

    @Test("files an earlier run generated in an owned folder and this run does not write are removed; others stay")
    func staleFilesRemoved() throws {
        let dir = try makeTemporaryDirectory().path
        var before = OutputFiles()
        before.add(dir + "/x/floor-hall-a.svg", "a")
        before.add(dir + "/x/floor-hall-b.svg", "b")
        before.own(dir + "/x", generated: PlanFiles.isGenerated)
        try before.writeAll()
        try "mine".write(toFile: dir + "/x/notes.txt", atomically: true, encoding: .utf8)
        var after = OutputFiles()
        after.add(dir + "/x/floor-hall-a.svg", "a2")
        after.own(dir + "/x", generated: PlanFiles.isGenerated)
        try after.writeAll()
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir + "/x").sorted() == [
                "floor-hall-a.svg", "notes.txt",
            ])
    }

    @Test("two sweeps streaming into one folder use temporaries of their own")
    func uniqueTemporaries() throws {
        let dir = try makeTemporaryDirectory().path
        let definition = SweepDefinition(
            name: "t", base: "b.yaml", axes: [SweepAxis(path: "workload.utilisation_percent", values: [.number(50)])],
            combination: .cartesian, analyses: .design, metrics: [], pareto: nil, digest: "d")
        let a = try SweepSink(out: dir, definition: definition, summarise: false)
        let b = try SweepSink(out: dir, definition: definition, summarise: false)
        #expect(a.temporary.csv != b.temporary.csv && a.temporary.jsonl != b.temporary.jsonl)
        a.discard()
        b.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }
}
