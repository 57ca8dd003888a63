import Foundation
import PlannerCLI
import Testing
import _PlannerTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Output that cannot be written, and sweep arguments at the edge of Int, end with an exit status
/// and a message, never a trap (issue 21, items 2 and 3).
@Suite("Failed writes and extreme sweep arguments")
struct OutputFailureTests {
    /// Runs dcplan in-process with standard output on `/dev/full` and standard error in a file.
    static func runWithFullStdout(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0, "/dev/full cannot be opened")
        defer { close(full) }
        let errorPath = try makeTemporaryDirectory().appendingPathComponent("stderr.txt").path
        let errorFile = open(errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(errorFile >= 0)
        defer { close(errorFile) }
        let console = Console(output: full, error: errorFile)
        let status = Console.$current.withValue(console) { DcplanCommand.run(arguments) }
        return (status, try String(contentsOfFile: errorPath, encoding: .utf8))
    }

    @Test("validate --json with standard output on a full disk exits 1 and says so on standard error")
    func fullStandardOutput() throws {
        let spec = RepositoryPaths.path("Sites/example-small.yaml")
        for arguments in [["validate", "--json", spec], ["validate", spec], ["catalog", "list"]] {
            let run = try Self.runWithFullStdout(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.hasSuffix("error: cannot write to standard output: No space left on device\n"))
        }
    }

    @Test("--threads beyond 256 (even 10¹⁷) is a usage error, not an overflow")
    func threadsBound() throws {
        let dir = try makeTemporaryDirectory()
        let spec = try SweepTests.writeSweep(in: dir)
        for threads in ["100000000000000000", "257", "0"] {
            let result = runDcplan(["sweep", "run", spec, "--threads", threads, "--out", dir.path + "/o"])
            #expect(result.status == 64, "\(threads)")
            #expect(result.stderr.contains("--threads must be within 1–256, got \(threads)"))
        }
    }

    @Test("merging a shard of 2⁶³ − 1 shards names the first missing ones; a tampered shard count is refused")
    func extremeShards() throws {
        let dir = try makeTemporaryDirectory()
        let spec = try SweepTests.writeSweep(in: dir)
        let shard = dir.path + "/shard"
        let n = Int.max
        #expect(runDcplan(["sweep", "run", spec, "--shard", "0/\(n)", "--out", shard, "--quiet"]).status == 0)
        let merged = runDcplan(["sweep", "merge", shard, "--out", dir.path + "/m"])
        #expect(merged.status == 1)
        #expect(
            merged.stderr
                == "error: shards 1/\(n), 2/\(n), 3/\(n), 4/\(n), 5/\(n) and \(n - 6) more are missing\n")
        // A shard.json edited to an impossible shard count, or to 10¹⁰ scenarios.
        let manifest = shard + "/shard.json"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "\"shards\" : \(n)", with: "\"shards\" : -1")
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        let tampered = runDcplan(["sweep", "merge", shard, "--out", dir.path + "/m"])
        #expect(tampered.status == 1)
        #expect(tampered.stderr == "error: \(manifest): shard 0/-1 is not one of 0 ≤ i < n\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/m/results.csv"))
    }

    /// A copy of the example spec at `path`, its weather path made absolute.
    static func copyExample(to path: String) throws {
        let text = try String(contentsOfFile: RepositoryPaths.path("Sites/example-small.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "weather: weather/", with: "weather: \(RepositoryPaths.path("Sites/weather"))/")
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("report names that leave --out or clash are refused before planning, and nothing is written")
    func reportNames() throws {
        let dir = try makeTemporaryDirectory().path
        for name in ["...yaml", ".yaml", "a/x.yaml", "b/x.yaml"] { try Self.copyExample(to: dir + "/" + name) }
        let out = dir + "/X/out"
        let cases: [([String], String)] = [
            (
                [dir + "/...yaml"],
                "error: \(dir)/...yaml: the report would be named '..', which is not a file name inside --out; "
                    + "rename the spec\n"
            ),
            (
                [dir + "/.yaml"],
                "error: \(dir)/.yaml: the report would be named '', which is not a file name inside --out; rename "
                    + "the spec\n"
            ),
            (
                [dir + "/a/x.yaml", dir + "/b/x.yaml"],
                "error: \(dir)/a/x.yaml and \(dir)/b/x.yaml would both write \(out)/x.md; rename one or plan them "
                    + "into different --out folders\n"
            ),
            (
                [dir + "/a/x.yaml", "--rollup", "x"],
                "error: the roll-up 'x' would overwrite the report of \(dir)/a/x.yaml; choose another --rollup name\n"
            ),
        ]
        for (arguments, message) in cases {
            let result = runDcplan(["plan", "--quiet", "--out", out] + arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasSuffix(message), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/X"))
        // A file where the output folder should be.
        try "x".write(toFile: dir + "/X", atomically: true, encoding: .utf8)
        let blocked = runDcplan(["plan", "--quiet", "--out", out, dir + "/a/x.yaml"])
        #expect(blocked.status == 1)
        #expect(
            blocked.stderr.hasSuffix("error: \(dir)/X is a file, but \(out) must be a folder; nothing was written\n"))
    }
}
