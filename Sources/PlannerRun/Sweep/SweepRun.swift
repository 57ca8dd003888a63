import Foundation
import PlannerModel
import PlannerReport
import SiteSpec

/// `dcplan sweep run` as data: loads a sweep spec, evaluates every scenario of one shard (all by
/// default) on `threads` workers and writes `results.csv`, `results.jsonl` and the report (or,
/// for a shard, its `shard.json`) into `out`.
///
/// ```swift
/// let sweep = try SweepRun.load("Sites/sweeps/samsung-distribution-water.yaml") { print($0) }
/// let done = try sweep.run(out: "/tmp/sweep", threads: 2)
/// ```
public struct SweepRun: Sendable {
    public var runner: SweepRunner

    public init(runner: SweepRunner) { self.runner = runner }

    public var definition: SweepDefinition { runner.definition }

    /// Loads the sweep spec and its base site spec, sending the findings to `log`; throws
    /// ``InputRejected`` when either has an error. The sweep's digest covers both files' text.
    public static func load(_ path: String, strict: Bool = false, log: RunLog) throws(InputRejected) -> SweepRun {
        let loaded = SweepLoader().load(path: path)
        let findings = loaded.findings.strict(strict)
        log(.findings(findings))
        guard var definition = loaded.definition, let template = loaded.template, !findings.hasErrors else {
            throw InputRejected()
        }
        // Strict and lenient runs of one sweep record different statuses: their shards do not merge.
        definition.digest = LoadedSpec.sha256(
            Data((loaded.text + "\n---\n" + template.text + (strict ? "\n--- strict" : "")).utf8))
        var runner = SweepRunner(definition: definition, template: template, paths: loaded.paths)
        runner.strict = strict
        return SweepRun(runner: runner)
    }

    /// What a sweep run did.
    public struct Summary: Sendable {
        public var out: String
        public var shard: Shard?
        public var scenarios: Int
        public var threads: Int
        public var duration: Duration

        /// `out: N scenarios (shard i/n) in s s (rate per second, t threads)`.
        public var sentence: String {
            let seconds = duration.seconds
            return "\(out): \(Format.integer(scenarios)) scenarios"
                + "\(shard.map { " (shard \($0.index)/\($0.count))" } ?? "") in \(String(format: "%.2f", seconds)) s "
                + "(\(Format.integer(Int(Double(scenarios) / max(seconds, 1e-9)))) per second, \(threads) threads)"
        }
    }

    /// Evaluates the shard's scenarios and writes the results, calling `progress` (from the worker
    /// threads) with the number done after each block of scenarios.
    public func run(
        out: String, threads: Int, shard: Shard? = nil, progress: @Sendable (Int) -> Void = { _ in }
    ) throws
        -> Summary
    {
        let part = shard ?? .all
        guard part.isValid else { throw RunFailure("shard \(part) is not one of 0 ≤ i < n") }
        let indices = part.indices(of: definition.scenarioCount)
        let sink = try SweepSink(out: out, definition: definition, summarise: shard == nil)
        let clock = ContinuousClock()
        let started = clock.now
        do {
            try runner.run(indices, threads: threads, sink: { try sink.add($0) }, progress: progress)
            try sink.finish(version: DcplanVersion.current, shard: shard)
        } catch {
            sink.discard()
            throw error
        }
        return Summary(
            out: out, shard: shard, scenarios: indices.count, threads: threads, duration: clock.now - started)
    }
}
