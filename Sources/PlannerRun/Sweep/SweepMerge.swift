import PlannerModel
import PlannerReport

/// `dcplan sweep merge` as data: joins the outputs of `sweep run --shard` into exactly what one
/// unsharded run writes, after checking that the shards are of one sweep and all present.
public enum SweepMerge {
    /// What a merge did.
    public struct Summary: Sendable {
        public var out: String
        public var scenarios: Int
        public var shards: Int

        /// `out: N scenarios merged from S shards`.
        public var sentence: String { "\(out): \(Format.integer(scenarios)) scenarios merged from \(shards) shards" }
    }

    /// Merges the shard folders into `out`.
    public static func merge(_ shards: [String], into out: String) throws -> Summary {
        guard !shards.isEmpty else { throw RunFailure("name the shard folders to merge") }
        let manifests = try shards.map { dir in (dir, try SweepManifest.read(from: dir)) }
        let first = manifests[0].1
        for (dir, m) in manifests where m.digest != first.digest {
            throw RunFailure(
                "\(dir) is a shard of a different sweep (digest \(m.digest.prefix(12))…, not "
                    + "\(first.digest.prefix(12))…)")
        }
        for (dir, m) in manifests where m.shards != first.shards {
            throw RunFailure("\(dir) is one of \(m.shards) shards, \(manifests[0].0) one of \(first.shards)")
        }
        for (dir, m) in manifests where !Shard(index: m.shard, count: m.shards).isValid {
            throw RunFailure("\(dir)/shard.json: shard \(m.shard)/\(m.shards) is not one of 0 ≤ i < n")
        }
        let given = manifests.map(\.1.shard).sorted()
        if let repeated = zip(given, given.dropFirst()).first(where: { $0 == $1 })?.0 {
            throw RunFailure("shard \(repeated)/\(first.shards) is given twice")
        }
        if given.count != first.shards {
            // The first few absent indices, found by walking the sorted given ones (never 0..<n, which
            // may be huge for a shard count of 2⁶³ − 1).
            var missing: [Int] = []
            var next = 0
            for index in given + [first.shards] {
                while next < index && missing.count < 5 {
                    missing.append(next)
                    next += 1
                }
                if missing.count == 5 || index == first.shards { break }
                next = index + 1
            }
            let more =
                first.shards - given.count > missing.count
                ? " and \(first.shards - given.count - missing.count) more" : ""
            throw RunFailure(
                "shards \(missing.map { "\($0)/\(first.shards)" }.joined(separator: ", "))\(more) are missing")
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
        guard jsonl.count == definition.scenarioCount, jsonl.enumerated().allSatisfy({ $0.offset == $0.element.0 }),
            csv.map(\.0) == jsonl.map(\.0)
        else {
            throw RunFailure(
                "the shards hold \(jsonl.count) rows for \(definition.scenarioCount) scenarios; rerun the incomplete "
                    + "shards")
        }
        let sink = try SweepSink(out: out, definition: definition, summarise: true)
        do {
            for ((_, csvLine), (_, jsonLine)) in zip(csv, jsonl) {
                guard let row = SweepRowFormat.row(fromJSONLine: jsonLine, definition) else {
                    throw RunFailure("a results.jsonl line is not a row of this sweep: \(jsonLine.prefix(80))")
                }
                try sink.add(row: row, csvLine: csvLine + "\n", jsonLine: jsonLine + "\n")
            }
            try sink.finish(version: DcplanVersion.current, shard: nil)
        } catch {
            sink.discard()
            throw error
        }
        return Summary(out: out, scenarios: jsonl.count, shards: manifests.count)
    }
}
