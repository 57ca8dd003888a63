import ArgumentParser
import Crypto
import Foundation
import PlannerModel
import PlannerReport
import SiteSpec

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dcplan sweep`: what-if sweeps over a base site spec (DESIGN.md §7).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run what-if sweeps over a site spec, or merge the shards of one.",
        discussion: """
            Examples:
              dcplan sweep run Sites/sweeps/samsung-distribution-water.yaml --out \
            Reports/sweeps/samsung-distribution-water
              dcplan sweep run S.yaml --shard 3/16 --out out/shard-3      (one of 16 cluster jobs)
              dcplan sweep merge out/shard-* --out Reports/sweeps/S
            """,
        subcommands: [SweepRunCommand.self, SweepMergeCommand.self], defaultSubcommand: SweepRunCommand.self)
}

/// `--shard i/n`: the scenarios with index ≡ i (mod n), 0 ≤ i < n.
struct Shard: ExpressibleByArgument, Equatable {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        (index, count) = (i, n)
    }

    init(index: Int, count: Int) {
        (self.index, self.count) = (index, count)
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

struct SweepRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Evaluate every scenario of a sweep spec (or one shard of them) and write the results.",
        discussion: """
            Writes <out>/results.csv and <out>/results.jsonl (one row per scenario, in scenario order) and \
            <out>/sweep.md with its SVG figures. With --shard i/n (0 ≤ i < n) it evaluates the scenarios whose \
            index is i modulo n and writes their rows and <out>/shard.json; `dcplan sweep merge` joins the shards \
            into exactly what one run writes. A scenario whose spec is invalid or whose checks fail is a recorded \
            status; the sweep goes on. Exit status: 0 written; 1 the sweep spec is invalid; 64 usage.
            Examples:
              dcplan sweep run Sites/sweeps/samsung-distribution-water.yaml --out /tmp/sweep
              dcplan sweep run S.yaml --threads 1 --quiet --out /tmp/s
              dcplan sweep run S.yaml --shard 0/4 --out /tmp/s0
            """)

    @Argument(help: "The sweep spec (YAML; Sites/sweeps/README.md).")
    var spec: String

    @Option(name: .shortAndLong, help: "Folder for the results and the report.")
    var out: String

    @Option(help: "Scenarios evaluated at once (default: all cores).")
    var threads: Int?

    @Option(help: "Evaluate only shard i of n (0 ≤ i < n), e.g. 3/16 or $SLURM_ARRAY_TASK_ID/16.")
    var shard: Shard?

    @Flag(name: .shortAndLong, help: "No progress bar or summary line.")
    var quiet = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let shard, shard.count < 1 || shard.index < 0 || shard.index >= shard.count {
            throw ValidationError("--shard i/n needs 0 ≤ i < n, got \(shard.index)/\(shard.count)")
        }
    }

    func run() throws {
        let console = Console.current
        let loaded = SweepLoader().load(path: spec)
        console.print(loaded.findings)
        guard var definition = loaded.definition, let template = loaded.template else { throw InputRejected() }
        definition.digest = SHA256.hash(data: Data((loaded.text + "\n---\n" + template.text).utf8))
            .map { String(format: "%02x", $0) }.joined()
        let runner = SweepRunner(definition: definition, template: template, paths: loaded.paths)
        let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let part = shard ?? Shard(index: 0, count: 1)
        let indices = Array(stride(from: part.index, to: definition.scenarioCount, by: part.count))
        let sink = try SweepSink(out: out, definition: definition, summarise: shard == nil)
        let bar = ProgressBar(total: indices.count, enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let clock = ContinuousClock()
        let started = clock.now
        try runner.run(indices, threads: threads, sink: { try sink.add($0) }, progress: bar.update)
        bar.finish()
        try sink.finish(version: DcplanCommand.version, shard: shard)
        if !quiet {
            let seconds = (clock.now - started).seconds
            console.out(
                "\(out): \(Format.integer(indices.count)) "
                    + "scenarios\(shard.map { " (shard \($0.index)/\($0.count))" } ?? "") in "
                    + "\(String(format: "%.2f", seconds)) s "
                    + "(\(Format.integer(Int(Double(indices.count) / max(seconds, 1e-9)))) per second, "
                    + "\(threads) threads)"
            )
        }
    }
}

struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the outputs of `dcplan sweep run --shard` into what one unsharded run writes.",
        discussion: """
            Every shard of one sweep (the same digest and shard count, each index once) must be given.
            Example:
              dcplan sweep merge out/shard-0 out/shard-1 out/shard-2 out/shard-3 --out Reports/sweeps/S
            """)

    @Argument(help: "Shard output folders.")
    var shards: [String]

    @Option(name: .shortAndLong, help: "Folder for the merged results and report.")
    var out: String

    func validate() throws {
        if shards.isEmpty { throw ValidationError("name the shard folders to merge") }
    }

    func run() throws {
        let manifests = try shards.map { dir in (dir, try SweepManifest.read(from: dir)) }
        let first = manifests[0].1
        for (dir, m) in manifests where m.digest != first.digest {
            throw CommandFailure(
                "\(dir) is a shard of a different sweep (digest \(m.digest.prefix(12))…, not "
                    + "\(first.digest.prefix(12))…)"
            )
        }
        for (dir, m) in manifests where m.shards != first.shards {
            throw CommandFailure("\(dir) is one of \(m.shards) shards, \(manifests[0].0) one of \(first.shards)")
        }
        let given = manifests.map(\.1.shard)
        if let repeated = Dictionary(grouping: given, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw CommandFailure("shard \(repeated)/\(first.shards) is given twice")
        }
        let missing = Set(0..<first.shards).subtracting(given).sorted()
        if !missing.isEmpty {
            throw CommandFailure(
                "shards \(missing.map { "\($0)/\(first.shards)" }.joined(separator: ", ")) are missing")
        }
        let definition = try first.definition()
        var csv: [(Int, String)] = []
        var jsonl: [(Int, String)] = []
        for (dir, _) in manifests {
            csv += try SweepSink.lines(of: dir + "/results.csv", skippingHeader: true)
            jsonl += try SweepSink.lines(of: dir + "/results.jsonl", skippingHeader: false)
        }
        csv.sort { $0.0 < $1.0 }
        jsonl.sort { $0.0 < $1.0 }
        guard jsonl.map(\.0) == Array(0..<definition.scenarioCount), csv.map(\.0) == jsonl.map(\.0) else {
            throw CommandFailure(
                "the shards hold \(jsonl.count) rows for \(definition.scenarioCount) scenarios; rerun the incomplete "
                    + "shards"
            )
        }
        let sink = try SweepSink(out: out, definition: definition, summarise: true)
        for ((_, csvLine), (_, jsonLine)) in zip(csv, jsonl) {
            guard let row = SweepRowFormat.row(fromJSONLine: jsonLine, definition) else {
                throw CommandFailure("a results.jsonl line is not a row of this sweep: \(jsonLine.prefix(80))")
            }
            try sink.add(row: row, csvLine: csvLine + "\n", jsonLine: jsonLine + "\n")
        }
        try sink.finish(version: DcplanCommand.version, shard: nil)
        Console.current.out("\(out): \(Format.integer(jsonl.count)) scenarios merged from \(manifests.count) shards")
    }
}

/// Streams rows to `results.csv` and `results.jsonl` (temporary files renamed at the end) and
/// summarises them for the report.
final class SweepSink: @unchecked Sendable {
    let out: String
    let definition: SweepDefinition
    var summary: SweepSummary?
    let csv: FileHandle
    let jsonl: FileHandle
    let temporary: (csv: String, jsonl: String)

    init(out: String, definition: SweepDefinition, summarise: Bool) throws {
        self.out = out
        self.definition = definition
        summary = summarise ? SweepSummary(definition) : nil
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("\(out): cannot create the folder: \(error.localizedDescription)")
        }
        temporary = ("\(out)/.results.csv.partial", "\(out)/.results.jsonl.partial")
        for path in [temporary.csv, temporary.jsonl] {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CommandFailure("\(path): cannot write")
            }
        }
        csv = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary.csv))
        jsonl = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary.jsonl))
        csv.write(Data(SweepRowFormat.csvHeader(definition).utf8))
    }

    func add(_ rows: [FormattedRow]) throws {
        var csvText = ""
        var jsonText = ""
        for row in rows {
            csvText += row.csv
            jsonText += row.json
            summary?.add(row.row)
        }
        csv.write(Data(csvText.utf8))
        jsonl.write(Data(jsonText.utf8))
    }

    func add(row: SweepRow, csvLine: String, jsonLine: String) throws {
        csv.write(Data(csvLine.utf8))
        jsonl.write(Data(jsonLine.utf8))
        summary?.add(row)
    }

    /// Renames the results into place and writes the report (or, for a shard, its manifest).
    func finish(version: String, shard: Shard?) throws {
        try csv.close()
        try jsonl.close()
        var writer = OutputWriter()
        if let summary {
            let (markdown, figures) = SweepMarkdown.render(summary, version: version)
            writer.add("\(out)/sweep.md", markdown)
            for figure in figures { writer.add("\(out)/\(figure.name)", figure.svg) }
        }
        if let shard {
            writer.add("\(out)/shard.json", try SweepManifest(definition: definition, shard: shard).encoded())
        }
        try writer.writeAll()
        for (from, to) in [(temporary.csv, "\(out)/results.csv"), (temporary.jsonl, "\(out)/results.jsonl")] {
            guard rename(from, to) == 0 else { throw CommandFailure("\(to): cannot write") }
        }
    }

    /// The lines of a results file with the scenario index each starts with.
    static func lines(of path: String, skippingHeader: Bool) throws -> [(Int, String)] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure("\(path): cannot read file")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if skippingHeader { lines.removeFirst(min(1, lines.count)) }
        return try lines.map { line in
            let digits = line.drop { !$0.isNumber }.prefix { $0.isNumber }
            guard let index = Int(digits) else {
                throw CommandFailure("\(path): a line has no scenario index: \(line.prefix(60))")
            }
            return (index, line)
        }
    }
}

/// `shard.json`: what `merge` needs to rebuild the sweep's definition and check the shards.
struct SweepManifest: Codable {
    struct Axis: Codable {
        var path: String
        var values: [Value]
    }

    enum Value: Codable {
        case number(Double)
        case text(String)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Double.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .text(let t): try c.encode(t)
            }
        }
    }

    var digest: String
    var shard: Int
    var shards: Int
    var name: String
    var base: String
    var combination: String
    var analyses: String
    var axes: [Axis]
    var metrics: [String]
    var pareto: [String]?

    init(definition d: SweepDefinition, shard: Shard) {
        digest = d.digest
        (self.shard, shards) = (shard.index, shard.count)
        (name, base, combination, analyses) = (d.name, d.base, d.combination.rawValue, d.analyses.rawValue)
        axes = d.axes.map { axis in
            Axis(path: axis.path, values: axis.values.map { v in v.number.map(Value.number) ?? .text(v.description) })
        }
        metrics = d.metrics.map(\.id)
        pareto = d.pareto.map { [$0.0.id, $0.1.id] }
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    static func read(from dir: String) throws -> SweepManifest {
        guard let data = FileManager.default.contents(atPath: dir + "/shard.json") else {
            throw CommandFailure("\(dir): no shard.json; it is not the output of `dcplan sweep run --shard`")
        }
        do {
            return try JSONDecoder().decode(SweepManifest.self, from: data)
        } catch {
            throw CommandFailure("\(dir)/shard.json: not a shard manifest (\(error.localizedDescription))")
        }
    }

    func definition() throws -> SweepDefinition {
        let metrics = try self.metrics.map { id in
            guard let metric = SweepMetric.named(id) else {
                throw CommandFailure("shard.json names an unknown metric '\(id)'")
            }
            return metric
        }
        guard let combination = SweepCombination(rawValue: combination),
            let analyses = SweepAnalyses(rawValue: analyses)
        else {
            throw CommandFailure("shard.json: unknown combination or analyses")
        }
        let pair = pareto.flatMap { ids -> (SweepMetric, SweepMetric)? in
            guard ids.count == 2, let x = metrics.first(where: { $0.id == ids[0] }),
                let y = metrics.first(where: { $0.id == ids[1] })
            else { return nil }
            return (x, y)
        }
        return SweepDefinition(
            name: name, base: base,
            axes: axes.map { axis in
                SweepAxis(
                    path: axis.path,
                    values: axis.values.map { v in
                        switch v {
                        case .number(let n): .number(n)
                        case .text(let t): .text(t)
                        }
                    })
            },
            combination: combination, analyses: analyses, metrics: metrics, pareto: pair, digest: digest)
    }
}

/// A one-line progress bar with rate and ETA on standard error, only when it is a terminal.
final class ProgressBar: @unchecked Sendable {
    let total: Int
    let enabled: Bool
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
        started = clock.now
    }

    func update(_ done: Int) {
        guard enabled, total > 0 else { return }
        let elapsed = max((clock.now - started).seconds, 1e-9)
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = width * done / total
        let line =
            "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + "\(done)/\(total) \(Int(rate))/s ETA \(Int(eta.rounded())) s "
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled, total > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
