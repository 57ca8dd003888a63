import Foundation
import Testing
import _PlannerTestSupport

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Atomic output")
struct AtomicOutputTests {
    /// The dcplan executable built beside the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dcplan")
    }

    @Test("a plan killed at any moment leaves each report file either the previous one or the new one, never a part")
    func killedMidWrite() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else {
            Issue.record("dcplan is not built at \(Self.executable.path)")
            return
        }
        let dir = try makeTemporaryDirectory()
        let spec = dir.appendingPathComponent("site.yaml").path
        let original = try String(contentsOfFile: RepositoryPaths.path("Sites/example-small.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "weather: weather/", with: "weather: \(RepositoryPaths.path("Sites/weather"))/")
        let out = dir.appendingPathComponent("out").path
        func plan() throws -> Process {
            let p = Process()
            p.executableURL = Self.executable
            p.arguments = ["plan", "--quiet", "--out", out, spec]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        let files = ["site.md", "site/plan.json", "site/racks.csv", "site/facility-power.svg"]
        func snapshot() -> [String: Data?] {
            Dictionary(uniqueKeysWithValues: files.map { ($0, FileManager.default.contents(atPath: out + "/" + $0)) })
        }
        // The previous report (80 % utilisation), then the new one (60 %) written to completion once.
        try original.write(toFile: spec, atomically: true, encoding: .utf8)
        var p = try plan()
        p.waitUntilExit()
        let old = snapshot()
        try original.replacingOccurrences(of: "utilisation_percent: 80", with: "utilisation_percent: 60")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let scratch = dir.appendingPathComponent("new").path
        let q = Process()
        q.executableURL = Self.executable
        q.arguments = ["plan", "--quiet", "--out", scratch, spec]
        try q.run()
        q.waitUntilExit()
        let new = Dictionary(
            uniqueKeysWithValues: files.map { ($0, FileManager.default.contents(atPath: scratch + "/" + $0)) })
        #expect(old["site.md"] != new["site.md"])
        // Kill runs at spread-out moments: each file must be wholly old or wholly new.
        var killedEarly = 0
        for attempt in 0..<24 {
            p = try plan()
            usleep(useconds_t(attempt * 9_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal { killedEarly += 1 }
            for (name, data) in snapshot() {
                #expect(
                    data == old[name] || data == new[name],
                    "attempt \(attempt): \(name) is neither the old nor the new file")
            }
            // No temporary file is left where a reader would take it for a report.
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: out + "/site")) ?? []
            #expect(leftovers.allSatisfy { !$0.hasSuffix(".md") || $0 == "site.md" })
        }
        #expect(killedEarly > 0, "no run was interrupted; the test did not exercise a kill")
    }
}
