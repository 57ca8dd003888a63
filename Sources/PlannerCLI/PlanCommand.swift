import ArgumentParser
import PlannerModel
import PlannerRun

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan sites and write their capacity reports.",
        discussion: """
            For each spec Sites/x.yaml writes <out>/x.md and <out>/x/ (plan.json, racks.csv, halls.csv).
            All specs are checked first: if any has an error, nothing is written (exit 1).
            With --rollup NAME, also writes <out>/NAME.md: one row per site and the total.
            With --dump-lp DIR, writes the optimisation models of each site as free MPS and CPLEX LP
            files into DIR/<site>/ (heat-recovery.mps and .lp when the site plans heat recovery), for
            checking with another solver (glpsol --lp DIR/<site>/heat-recovery.lp).
            With --samples N (or the spec's uncertainty.samples), draws N Latin hypercube samples of the
            uncertain inputs and reports P10/P50/P90 of the headline figures with their drivers.
            Examples:
              dcplan plan Sites/example-small.yaml
              dcplan plan --dump-lp /tmp/lp Sites/korea-naver-cloud.yaml
              dcplan plan --samples 1000 Sites/korea-samsung-ai-megafactory.yaml
              dcplan plan --out /tmp/reports --rollup korea-260k Sites/korea-*.yaml
            """)

    @Argument(help: "Site spec files (YAML).")
    var specs: [String]

    @Option(name: .shortAndLong, help: "Folder for the reports.")
    var out = "Reports"

    @Option(help: "Also write a programme roll-up report named NAME.md over all specs.")
    var rollup: String?

    @Option(help: "Title of the roll-up report (default: the roll-up name).")
    var rollupTitle: String?

    @Option(help: "Use this distribution in every hall, overriding the spec (ac-415v, ac-480v, dc-800v).")
    var distribution: Distribution?

    @Option(
        name: .customLong("dump-lp"),
        help: ArgumentHelp("Write each site's LP/MILP models (MPS and CPLEX LP) into DIR/<site>/.", valueName: "DIR"))
    var dumpLP: String?

    @Option(
        help: ArgumentHelp(
            "Latin hypercube samples of the uncertain inputs per site (1–100000), over the spec's "
                + "uncertainty.samples: P10/P50/P90 bands on the headline figures.", valueName: "N"))
    var samples: Int?

    @Option(help: "Worker threads of the uncertainty samples (default: all cores); the output is the same for any.")
    var threads: Int?

    @Flag(name: .shortAndLong, help: "Print only warnings and errors (no progress).")
    var quiet = false

    @Flag(help: "Treat every warning as an error: a spec that warns is rejected (exit 1), a plan that warns exits 2.")
    var strict = false

    func validate() throws {
        if specs.isEmpty { throw ValidationError("name at least one spec file") }
        if let rollup, !PlanRun.isUsableName(rollup) {
            throw ValidationError("--rollup takes a file name without '/', got '\(rollup)'")
        }
    }

    func run() throws {
        let console = Console.current
        let log = console.log(quiet: quiet)
        let specs = try LoadedSpec.loadAll(self.specs, strict: strict, log: log)
        var run = PlanRun(
            out: out, distribution: distribution, rollup: rollup, rollupTitle: rollupTitle, dumpLP: dumpLP)
        run.strict = strict
        if let samples, !(1...UncertaintyChoices.maximumSamples).contains(samples) {
            throw RunFailure(
                "--samples must be within 1–\(UncertaintyChoices.maximumSamples) (the documented limit), "
                    + "got \(samples); "
                    + "nothing was written")
        }
        if let threads, !(1...256).contains(threads) {
            throw RunFailure("--threads must be within 1–256, got \(threads); nothing was written")
        }
        run.samples = samples
        run.threads = threads
        let bar = ProgressBar(total: specs.count, unit: "sites", console: console, quiet: quiet)
        defer { bar.finish() }
        run.progress = { finished, site in bar.update(finished, note: "planning \(site)") }
        let result = try run.run(specs, log: log)
        bar.update(specs.count, note: "")
        bar.finish()
        try result.files.writeAll()
        if !quiet { result.summary.forEach(console.out) }
        if result.failedChecks { throw CheckFailed() }
    }
}

extension Distribution: ExpressibleByArgument {}
