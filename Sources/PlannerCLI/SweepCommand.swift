import ArgumentParser
import Foundation
import PlannerRun

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

extension Shard: ExpressibleByArgument {
    /// `--shard i/n`.
    public init?(argument: String) { self.init(argument) }

    public static var defaultCompletionKind: CompletionKind { .default }
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

    @Option(help: "Scenarios evaluated at once, 1–256 (default: all cores).")
    var threads: Int?

    @Option(help: "Evaluate only shard i of n (0 ≤ i < n), e.g. 3/16 or $SLURM_ARRAY_TASK_ID/16.")
    var shard: Shard?

    @Flag(
        name: .shortAndLong,
        help:
            "No progress (a bar at least every second on a terminal, else a line at most every 10 s) or summary line."
    )
    var quiet = false

    @Flag(help: "Treat every warning as an error: in the sweep specs (exit 1) and in each scenario (its row's status).")
    var strict = false

    func validate() throws {
        if let threads, !(1...SweepRunner.maximumThreads).contains(threads) {
            throw ValidationError("--threads must be within 1–\(SweepRunner.maximumThreads), got \(threads)")
        }
        if let shard, !shard.isValid {
            throw ValidationError("--shard i/n needs 0 ≤ i < n, got \(shard.index)/\(shard.count)")
        }
    }

    func run() throws {
        let console = Console.current
        let sweep = try SweepRun.load(spec, strict: strict, log: console.log(quiet: quiet))
        let threads = self.threads ?? min(ProcessInfo.processInfo.activeProcessorCount, SweepRunner.maximumThreads)
        let count = (shard ?? .all).indices(of: sweep.definition.scenarioCount).count
        let bar = ProgressBar(total: count, unit: "scenarios", console: console, quiet: quiet)
        defer { bar.finish() }
        let done = try sweep.run(out: out, threads: threads, shard: shard, progress: { bar.update($0) })
        bar.finish()
        if !quiet { console.out(done.sentence) }
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
        Console.current.out(try SweepMerge.merge(shards, into: out).sentence)
    }
}
