import ArgumentParser
import Foundation
import PlannerEngine
import PlannerModel
import PlannerReport
import SiteSpec
import Weather

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

    @Flag(help: "Instead, time cooling-unit placement (GLPK MILP) of every hall of each spec.")
    var placement = false

    @Flag(help: "With --placement: solve the halls one at a time instead of in parallel.")
    var sequential = false

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if sweepRounds < 1 { throw ValidationError("--sweep-rounds must be at least 1") }
        if campusGPUs < 72 { throw ValidationError("--campus-gpus must be at least 72") }
    }

    func run() throws {
        let console = Console.current
        if placement {
            try runPlacement(console: console)
            return
        }
        let loader = SiteLoader()
        let planner = Planner()
        console.out("case | GPUs | racks | load min/median [ms] | analyse min/median [ms] | total median [ms]")
        for path in specs {
            try measure(path, console: console) {
                loader.load(path: path)
            } analyse: {
                planner.plan($0)
            }
        }
        // The same sites with their weather year: power chain plus 8,760 hourly plant states.
        for spec in try LoadedSpec.loadAll(specs, console: console) where spec.weather != nil {
            try measure("\(spec.path) + weather year", console: console) {
                loader.load(path: spec.path)
            } analyse: {
                planner.plan($0, weather: spec.weather)
            }
        }
        if let sweep { try measureSweep(sweep, console: console) }
        let yaml = Self.campusYAML(gpus: campusGPUs)
        try measure(
            "synthetic campus (\(Format.integer(campusGPUs)) GPUs, \(yaml.utf8.count / 1024) KiB YAML)",
            console: console
        ) {
            loader.load(yaml: yaml, path: "campus.yaml", baseDirectory: ".")
        } analyse: {
            planner.plan($0)
        }
    }

    /// Scenarios per second of a sweep at 1 thread and at all cores (rows discarded), and the
    /// process's peak resident memory afterwards. A virtual machine's speed drifts by ±10 % from
    /// run to run, so the two thread counts alternate for --sweep-rounds rounds and the medians
    /// are printed: the rates' and the per-round speed-ups'.
    func measureSweep(_ path: String, console: Console) throws {
        let loaded = SweepLoader().load(path: path)
        console.print(loaded.findings)
        guard let definition = loaded.definition, let template = loaded.template else { throw InputRejected() }
        let runner = SweepRunner(definition: definition, template: template, paths: loaded.paths)
        let indices = Array(0..<definition.scenarioCount)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let counts = Array(Set([1, cores])).sorted()
        var rates: [Int: [Double]] = [:]
        var cpu: [Int: [Double]] = [:]
        for _ in 0..<sweepRounds {
            for threads in counts {
                let clock = ContinuousClock()
                let start = clock.now
                let cpuStart = Self.cpuSeconds()
                try runner.run(indices, threads: threads, sink: { _ in }, progress: { _ in })
                rates[threads, default: []].append(Double(indices.count) / max((clock.now - start).seconds, 1e-9))
                cpu[threads, default: []].append((Self.cpuSeconds() - cpuStart) / Double(indices.count))
            }
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        console.out(
            "sweep \(path): \(Format.integer(indices.count)) scenarios (\(definition.analyses.rawValue)), "
                + "median of \(sweepRounds) round\(sweepRounds == 1 ? "" : "s")")
        for threads in counts {
            let all = rates[threads]!
            console.out(
                "  \(threads) thread\(threads == 1 ? "" : "s"): \(Format.integer(Int(Self.median(all)))) scenarios/s "
                    + "(\(Format.integer(Int(all.min()!)))–\(Format.integer(Int(all.max()!)))), "
                    + "CPU \(String(format: "%.1f", Self.median(cpu[threads]!) * 1e6)) µs per scenario")
        }
        if let one = rates[1], let many = rates[cores], cores > 1 {
            let speedups = zip(one, many).map { $1 / $0 }
            console.out(
                "  speed-up 1 → \(cores) threads: \(String(format: "%.2f", Self.median(speedups)))× median of rounds "
                    + "(rounds: \(speedups.map { String(format: "%.2f", $0) }.joined(separator: ", "))), "
                    + "\(String(format: "%.2f", Self.median(many) / Self.median(one)))× between the median rates")
        }
        console.out("  peak resident memory: \(Format.integer(Int(usage.ru_maxrss) / 1024)) MiB")
    }

    /// User + system CPU time of the process so far [s].
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    func measure(
        _ name: String, console: Console, load: () -> LoadResult, analyse: (Site) -> Plan
    ) throws {
        var loadTimes: [Duration] = []
        var planTimes: [Duration] = []
        var totals: [Duration] = []
        var last: Plan?
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let t0 = clock.now
            let result = load()
            let t1 = clock.now
            guard let site = result.site else {
                console.print(result.findings)
                throw CommandFailure("\(name): the spec does not load")
            }
            last = analyse(site)
            let t2 = clock.now
            loadTimes.append(t1 - t0)
            planTimes.append(t2 - t1)
            totals.append(t2 - t0)
        }
        let total = last?.total ?? .zero
        console.out(
            "\(name) | \(Format.integer(total.gpuCount)) | \(Format.integer(total.rackCount)) | "
                + "\(Self.minMedian(loadTimes)) | \(Self.minMedian(planTimes)) | \(Self.ms(Self.median(totals)))"
        )
    }

    /// Places every hall of every spec (liquid and air) and prints each problem's status, size,
    /// gap and solve time, then the wall time of the site (problems solve in parallel unless
    /// --sequential).
    func runPlacement(console: Console) throws {
        console.out(
            "site | hall | medium | status | units | rows | columns | binaries | gap [%] | solve [ms] | objective [USD]"
        )
        for path in specs {
            guard let site = SiteLoader().load(path: path).site else {
                throw CommandFailure("\(path): the spec does not load")
            }
            var options = try PlacementOptions.from(site.cooling)
            options.parallel = !sequential
            let clock = ContinuousClock()
            let start = clock.now
            let results = PlacementAnalysis.place(halls: site.halls, options: options)
            let wall = clock.now - start
            for (hall, result) in zip(site.halls, results) {
                switch result {
                case .failure(let error):
                    console.out("\(site.name) | \(hall.id) | - | error: \(error) | | | | | | |")
                case .success(let placement):
                    for layout in placement.layouts {
                        let s = layout.solve
                        let gap = s.gap.map { Format.fixed($0.percent, 3) } ?? "-"
                        let objective = s.objective.map { Format.fixed($0.dollars, 2) } ?? "-"
                        console.out(
                            "\(site.name) | \(hall.id) | \(layout.medium.rawValue) | \(layout.status.rawValue) | "
                                + "\(layout.units.count) | \(s.rows) | \(s.columns) | \(s.binaries) | \(gap) | "
                                + "\(Self.ms(s.time)) | \(objective)"
                        )
                    }
                }
            }
            console.out("\(site.name) | all halls | | wall \(Self.ms(wall)) ms | | | | | | |")
        }
    }

    static func median(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }
    static func ms(_ d: Duration) -> String { Format.fixed(d.seconds * 1000, 3) }
    static func minMedian(_ values: [Duration]) -> String { "\(ms(values.min() ?? .zero)) / \(ms(median(values)))" }

    /// A campus spec of distinct halls (not copies, so every hall is loaded and analysed):
    /// halls of 64 GB300 NVL72 + 8 network + 2 storage racks until the GPU count is reached.
    static func campusYAML(gpus: Int) -> String {
        let racksPerHall = 64
        let halls = (gpus + racksPerHall * 72 - 1) / (racksPerHall * 72)
        var yaml = """
            version: 1
            site:
              name: Synthetic campus
              grid: { frequency_hz: 60 }
            workload: { utilisation_percent: 80 }
            halls:

            """
        for h in 0..<halls {
            yaml += """
                  - id: hall-\(h)
                    layout: { rows: 8, racks_per_row: 10, rack_pitch_m: 0.6, aisle_m: 1.8 }
                    racks:
                      - { type: gb300-nvl72, count: \(racksPerHall) }
                      - { type: network-rack, count: 8 }
                      - { type: storage-rack, count: 2 }

                """
        }
        return yaml
    }
}
