import Foundation
import PlannerEngine
import PlannerModel
import PlannerReport
import SiteSpec
import Weather

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Performance figures, measured in a release build (`swift run -c release dcplan benchmark`):
/// time to load and analyse sites and a synthetic campus, a sweep's throughput and speed-up, and
/// cooling-unit placement. Each result is a line of text for `out`.
public struct Benchmark: Sendable {
    /// Repetitions per case.
    public var runs: Int
    /// Rounds of the sweep timing (1 thread, then all cores, in each).
    public var sweepRounds: Int
    /// Solve the placement problems one at a time instead of in parallel.
    public var sequential: Bool

    /// With ``placement(_:log:out:)``: CDUs first, air units on the sites left.
    public var liquidFirst: Bool

    public init(runs: Int = 20, sweepRounds: Int = 5, sequential: Bool = false, liquidFirst: Bool = false) {
        self.liquidFirst = liquidFirst
        self.runs = runs
        self.sweepRounds = sweepRounds
        self.sequential = sequential
    }

    /// Times loading and planning each spec (without and then with its weather year), an optional
    /// sweep, and a synthetic campus of `campusGPUs` GPUs.
    public func sites(_ specs: [String], sweep: String?, campusGPUs: Int, log: RunLog, out: (String) -> Void) throws {
        let loader = SiteLoader()
        let planner = Planner()
        out("case | GPUs | racks | load min/median [ms] | analyse min/median [ms] | total median [ms]")
        for path in specs {
            try measure(path, log: log, out: out) {
                loader.load(path: path)
            } analyse: {
                planner.plan($0)
            }
        }
        // The same sites with their weather year: power chain plus 8,760 hourly plant states.
        for spec in try LoadedSpec.loadAll(specs, loader: loader, log: log) where spec.weather != nil {
            try measure("\(spec.path) + weather year", log: log, out: out) {
                loader.load(path: spec.path)
            } analyse: {
                planner.plan($0, weather: spec.weather)
            }
        }
        if let sweep { try measureSweep(sweep, log: log, out: out) }
        let yaml = Self.campusYAML(gpus: campusGPUs)
        try measure(
            "synthetic campus (\(Format.integer(campusGPUs)) GPUs, \(yaml.utf8.count / 1024) KiB YAML)", log: log,
            out: out
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
    public func measureSweep(_ path: String, log: RunLog, out: (String) -> Void) throws {
        let runner = try SweepRun.load(path, log: log).runner
        let definition = runner.definition
        let indices = 0..<definition.scenarioCount
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
        out(
            "sweep \(path): \(Format.integer(indices.count)) scenarios (\(definition.analyses.rawValue)), "
                + "median of \(sweepRounds) round\(sweepRounds == 1 ? "" : "s")")
        for threads in counts {
            let all = rates[threads]!
            out(
                "  \(threads) thread\(threads == 1 ? "" : "s"): \(Format.integer(Int(Self.median(all)))) scenarios/s "
                    + "(\(Format.integer(Int(all.min()!)))–\(Format.integer(Int(all.max()!)))), "
                    + "CPU \(String(format: "%.1f", Self.median(cpu[threads]!) * 1e6)) µs per scenario")
        }
        if let one = rates[1], let many = rates[cores], cores > 1 {
            let speedups = zip(one, many).map { $1 / $0 }
            out(
                "  speed-up 1 → \(cores) threads: \(String(format: "%.2f", Self.median(speedups)))× median of rounds "
                    + "(rounds: \(speedups.map { String(format: "%.2f", $0) }.joined(separator: ", "))), "
                    + "\(String(format: "%.2f", Self.median(many) / Self.median(one)))× between the median rates")
        }
        out("  peak resident memory: \(Format.integer(Int(usage.ru_maxrss) / 1024)) MiB")
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
        _ name: String, log: RunLog, out: (String) -> Void, load: () -> LoadResult, analyse: (Site) -> Plan
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
                log(.findings(result.findings))
                throw RunFailure("\(name): the spec does not load")
            }
            last = analyse(site)
            let t2 = clock.now
            loadTimes.append(t1 - t0)
            planTimes.append(t2 - t1)
            totals.append(t2 - t0)
        }
        let total = last?.total ?? .zero
        out(
            "\(name) | \(Format.integer(total.gpuCount)) | \(Format.integer(total.rackCount)) | "
                + "\(Self.minMedian(loadTimes)) | \(Self.minMedian(planTimes)) | \(Self.ms(Self.median(totals)))"
        )
    }

    /// Places every hall of every spec (liquid and air) with the spec's own placement options
    /// (time limit, MIP gap, site pitch or listed sites, the chosen CDU and air unit), whether or not
    /// the spec turns placement on, and prints each problem's status, size, gap and solve time,
    /// then the site's wall time (problems solve in parallel unless ``sequential``).
    public func placement(_ specs: [String], log: RunLog, out: (String) -> Void) throws {
        out(
            "site | hall | medium | status | units | rows | columns | binaries | gap [%] | solve [ms] | cpu [ms] | "
                + "objective [USD]"
        )
        for path in specs {
            let loaded = SiteLoader().load(path: path)
            guard let site = loaded.site else {
                log(.findings(loaded.findings))
                throw RunFailure("\(path): the spec does not load")
            }
            var problems: [(hall: Hall, options: PlacementOptions)] = []
            var rows: [Int: String] = [:]
            let table = Planner().coolingUnits(site)
            for (index, hall) in site.halls.enumerated() {
                do throws(PlacementError) {
                    var options = try SitePlacement.options(for: hall, site: site, cooling: table)
                    options.floorSharing = liquidFirst ? .sequential : .joint
                    problems.append((hall, options))
                } catch {
                    rows[index] = "\(site.name) | \(hall.id) | - | error: \(error) | | | | | | | |"
                }
            }
            let clock = ContinuousClock()
            let start = clock.now
            // One at a time, each hall's solve is all this process runs: its CPU time is the hall's
            // alone, whatever else the machine runs (wall times grow with the load; CPU times hardly do).
            var cpu: [Duration?] = []
            var solved: [Result<HallPlacement, PlacementError>] = []
            if sequential {
                for problem in problems {
                    let before = Self.cpuSeconds()
                    solved += PlacementAnalysis.place([problem], parallel: false)
                    cpu.append(.seconds(Self.cpuSeconds() - before))
                }
            } else {
                solved = PlacementAnalysis.place(problems, parallel: true)
                cpu = solved.map { _ in nil }
            }
            let wall = clock.now - start
            var results = solved.makeIterator()
            var cpuTimes = cpu.makeIterator()
            for (index, hall) in site.halls.enumerated() {
                if let row = rows[index] {
                    out(row)
                    continue
                }
                let hallCPU = cpuTimes.next()!.map(Self.ms) ?? "-"
                switch results.next()! {
                case .failure(let error):
                    out("\(site.name) | \(hall.id) | - | error: \(error) | | | | | | | |")
                case .success(let placement):
                    // Joint: one program per hall (the media's rows share its size, time and gap).
                    let parts: [[CoolingLayout]] =
                        liquidFirst ? placement.layouts.map { [$0] } : [placement.layouts]
                    for part in parts where !part.isEmpty {
                        let s = part[0].solve
                        let gap = s.gap.map { Format.fixed($0.percent, 3) } ?? "-"
                        let objective =
                            part.allSatisfy({ $0.solve.objective != nil })
                            ? Format.fixed(part.reduce(0.0) { $0 + $1.solve.objective!.dollars }, 2) : "-"
                        let status = part.map(\.status.rawValue).joined(separator: "+")
                        let units = part.map { "\($0.units.count)" }.joined(separator: "+")
                        let medium = liquidFirst ? part[0].medium.rawValue : "floor"
                        out(
                            "\(site.name) | \(hall.id) | \(medium) | \(status) | \(units) | \(s.rows) | \(s.columns) | "
                                + "\(s.binaries) | \(gap) | \(Self.ms(s.time)) | \(hallCPU) | \(objective)"
                        )
                    }
                }
            }
            out("\(site.name) | all halls | | wall \(Self.ms(wall)) ms | | | | | | | |")
        }
    }

    static func median(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }

    static func ms(_ d: Duration) -> String { Format.fixed(d.seconds * 1000, 3) }
    static func minMedian(_ values: [Duration]) -> String { "\(ms(values.min() ?? .zero)) / \(ms(median(values)))" }

    /// A campus spec of distinct halls (not copies, so every hall is loaded and analysed):
    /// halls of 64 GB300 NVL72 + 8 network + 2 storage racks until the GPU count is reached.
    public static func campusYAML(gpus: Int) -> String {
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
