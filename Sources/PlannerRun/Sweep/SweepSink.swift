import Foundation
import PlannerModel
import PlannerReport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
            throw RunFailure("\(out): cannot create the folder: \(RunFailure.reason(error))")
        }
        // A name of this run's own: two sweeps into one folder never append to each other's rows.
        let run = UUID().uuidString
        temporary = ("\(out)/.results.csv.\(run).partial", "\(out)/.results.jsonl.\(run).partial")
        for path in [temporary.csv, temporary.jsonl] {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw RunFailure("\(path): cannot write")
            }
        }
        csv = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary.csv))
        jsonl = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary.jsonl))
        try Self.append(SweepRowFormat.csvHeader(definition), to: csv, named: temporary.csv)
    }

    /// Appends text to a results file; a failed write (a full disk) is a ``RunFailure`` naming the
    /// file, not a trap.
    static func append(_ text: String, to handle: FileHandle, named path: String) throws(RunFailure) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw RunFailure("\(path): cannot write: \(RunFailure.reason(error))")
        }
    }

    func add(_ rows: [FormattedRow]) throws {
        var csvText = ""
        var jsonText = ""
        for row in rows {
            csvText += row.csv
            jsonText += row.json
            summary?.add(row.row)
        }
        try Self.append(csvText, to: csv, named: temporary.csv)
        try Self.append(jsonText, to: jsonl, named: temporary.jsonl)
    }

    func add(row: SweepRow, csvLine: String, jsonLine: String) throws {
        try Self.append(csvLine, to: csv, named: temporary.csv)
        try Self.append(jsonLine, to: jsonl, named: temporary.jsonl)
        summary?.add(row)
    }

    /// Renames the results into place and writes the report (or, for a shard, its manifest).
    func finish(version: String, shard: Shard?) throws {
        try csv.close()
        try jsonl.close()
        var writer = OutputFiles()
        if let summary {
            let (markdown, figures) = SweepMarkdown.render(summary, version: version)
            writer.add("\(out)/sweep.md", markdown)
            for figure in figures { writer.add("\(out)/\(figure.name)", figure.svg) }
        }
        if let shard {
            writer.add("\(out)/shard.json", try SweepManifest(definition: definition, shard: shard).encoded())
        }
        writer.keep("\(out)/results.csv")
        writer.keep("\(out)/results.jsonl")
        writer.own(out, generated: Self.isGenerated)
        try writer.writeAll()
        for (from, to) in [(temporary.csv, "\(out)/results.csv"), (temporary.jsonl, "\(out)/results.jsonl")] {
            guard rename(from, to) == 0 else {
                throw RunFailure("\(to): cannot replace it: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The names a sweep writes into its folder: one of these that this run does not write (the
    /// figures of an axis since removed, a shard's manifest after an unsharded run) is stale.
    static func isGenerated(_ name: String) -> Bool {
        ["sweep.md", "results.csv", "results.jsonl", "shard.json", "pareto.svg"].contains(name)
            || (name.hasPrefix("axis") && name.hasSuffix(".svg"))
    }

    /// Removes the temporary results of a run that stopped before ``finish(version:shard:)``.
    func discard() {
        try? csv.close()
        try? jsonl.close()
        unlink(temporary.csv)
        unlink(temporary.jsonl)
    }

    /// The lines of a results file with the scenario index each starts with.
    static func lines(of path: String, skippingHeader: Bool) throws -> [(Int, String)] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw RunFailure("\(path): cannot read file")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if skippingHeader { lines.removeFirst(min(1, lines.count)) }
        return try lines.map { line in
            let digits = line.drop { !$0.isNumber }.prefix { $0.isNumber }
            guard let index = Int(digits) else {
                throw RunFailure("\(path): a line has no scenario index: \(line.prefix(60))")
            }
            return (index, line)
        }
    }
}
