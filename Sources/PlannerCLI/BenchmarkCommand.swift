import ArgumentParser
import PlannerRun

/// Performance figures, measured in a release build (`swift run -c release dcplan benchmark`):
/// time to load and analyse each site, and a synthetic 1,000,000-GPU campus.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Time loading and analysing sites (run a release build).",
        discussion: """
            Prints min and median wall time over --runs repetitions of: read + load + validate the spec, \
            then plan it. With --sweep, also the sweep's throughput (scenarios per second, results \
            discarded) with 1 thread and with all cores, the speed-up, and the peak resident memory. With \
            --placement, places the cooling units of every hall once and prints each MILP's size, gap, time and \
            objective.
            Examples:
              swift run -c release dcplan benchmark Sites/*.yaml
              swift run -c release dcplan benchmark --sweep Sites/sweeps/samsung-distribution-water.yaml
              swift run -c release dcplan benchmark --placement Sites/korea-*.yaml
              swift run -c release dcplan benchmark --uncertainty 1000 --sweep-rounds 1 \\
                Sites/korea-samsung-ai-megafactory.yaml
            """)

    @Argument(help: "Site spec files to time (default: none, only the synthetic campus).")
    var specs: [String] = []

    @Option(help: "Repetitions per case.")
    var runs = 20

    @Option(name: .customLong("campus-gpus"), help: "GPUs in the synthetic campus.")
    var campusGPUs = 1_000_000

    @Option(help: "A sweep spec whose scenarios to time at 1 thread and at all cores.")
    var sweep: String?

    @Option(
        name: .customLong("sweep-rounds"),
        help: "Rounds of the sweep timing, 1 thread then all cores in each (medians are printed).")
    var sweepRounds = 5

    @Option(
        help: ArgumentHelp(
            "Instead, time N uncertainty samples of each spec at 1 thread and all cores (rounds: --sweep-rounds).",
            valueName: "N"))
    var uncertainty: Int?

    @Flag(help: "Instead, time cooling-unit placement (GLPK MILP) of every hall of each spec.")
    var placement = false

    @Flag(help: "With --placement: solve the halls one at a time instead of in parallel.")
    var sequential = false

    @Flag(help: "With --placement: CDUs first, air units on the sites left (default: both in one program).")
    var liquidFirst = false

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if sweepRounds < 1 { throw ValidationError("--sweep-rounds must be at least 1") }
        if campusGPUs < 72 { throw ValidationError("--campus-gpus must be at least 72") }
    }

    func run() throws {
        let console = Console.current
        let benchmark = Benchmark(
            runs: runs, sweepRounds: sweepRounds, sequential: sequential, liquidFirst: liquidFirst)
        let log = console.log(quiet: false)
        if let uncertainty {
            guard (1...100_000).contains(uncertainty) else {
                throw RunFailure("--uncertainty must be within 1–100000 samples, got \(uncertainty)")
            }
            try benchmark.uncertainty(specs, samples: uncertainty, log: log, out: console.out)
        } else if placement {
            try benchmark.placement(specs, log: log, out: console.out)
        } else {
            try benchmark.sites(specs, sweep: sweep, campusGPUs: campusGPUs, log: log, out: console.out)
        }
    }
}
