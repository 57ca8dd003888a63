import Catalogue
import Foundation
import PlannerEngine
import PlannerModel
import PlannerReport
import SiteSpec
import Weather

/// P10 / P50 / P90 of a site's headline figures over a Latin hypercube of its uncertain inputs
/// (DESIGN.md §5.20): the spec's distributions and, unless `defaults_spread: none`, the numeric
/// defaults the loader applied, the rack entries' power and the unit costs, each spread by its
/// confidence or its catalogue range.
///
/// Each sample writes its values into the spec (parsed once, ``SpecTemplate``), loads it, scales
/// the rack entries' power, and plans it with the unit costs drawn, the weather year read once.
/// It skips what feeds none of the figures: cooling-unit placement, the AC / 800 VDC comparison,
/// the design options and report rendering. Sample `i` is a function of the seed and `i` alone,
/// and the samples are gathered in index order, so the bands are the same bytes at any thread
/// count.
public struct UncertaintyRun: Sendable {
    /// The figures given bands, in report order (the sweep metrics of the same names).
    public static let metricIDs = [
        "facility_design_mw", "facility_energy_gwh", "pue", "wue_l_per_kwh", "copper_t", "capex_musd", "npv_musd",
    ]
    public static var metrics: [SweepMetric] { metricIDs.compactMap(SweepMetric.named) }

    public var samples: Int
    public var seed: UInt64
    public var fromConfidence: Bool
    /// Worker threads (default: all cores).
    public var threads: Int

    public init(samples: Int, seed: UInt64 = 1, fromConfidence: Bool = true, threads: Int? = nil) {
        self.samples = samples
        self.seed = seed
        self.fromConfidence = fromConfidence
        self.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
    }

    /// The run a spec asks for, with `--samples` and `--threads` over its `uncertainty:` keys; nil
    /// when no samples are asked for.
    public static func asked(by site: Site, samples: Int?, threads: Int? = nil) -> UncertaintyRun? {
        let choices = site.uncertainty
        guard let n = samples ?? choices?.samples, n > 0 else { return nil }
        return UncertaintyRun(
            samples: n, seed: choices?.seed ?? 1, fromConfidence: choices?.fromConfidence ?? true, threads: threads)
    }

    /// The inputs varied, in the design's variable order: the spec's distributions, then (with
    /// `fromConfidence`) the numeric defaults applied, each rack entry's power and each unit cost
    /// the bill of quantities uses.
    public func inputs(_ site: Site, plan: Plan, costs: CostCatalogue) -> [UncertainInput] {
        var inputs = site.uncertainty?.inputs ?? []
        guard fromConfidence else { return inputs }
        let given = Set(inputs.map(\.name))
        // The regional tariffs are defaults in the tariff's currency: a sample writes them with
        // `cost.currency`, which only works when the spec writes no price of its own.
        let prices = ["electricity_per_mwh", "demand_charge_per_kw_month", "water_per_m3", "water_treatment_per_m3"]
        let defaulted = Set(site.defaultsApplied.map(\.key))
        let pricesFree = prices.allSatisfy { defaulted.contains("cost.\($0)") }
        for applied in site.defaultsApplied where !given.contains(applied.key) {
            let parts = applied.value.components(separatedBy: " with currency: ")
            guard Self.isSpreadable(applied.key), let value = Double(parts[0]), value.isFinite, value != 0,
                (try? SpecKeyPath(parsing: applied.key)) != nil, parts.count == 1 || pricesFree
            else { continue }
            let s = applied.provenance.confidence.spread.fraction
            let (a, b) = (Self.rounded(value * (1 - s)), Self.rounded(value * (1 + s)))
            inputs.append(
                UncertainInput(
                    name: applied.key, kind: parts.count == 2 ? .price(currency: parts[1]) : .specKey,
                    distribution: .triangular(low: min(a, b), mode: value, high: max(a, b)),
                    origin: "default, confidence \(applied.provenance.confidence.rawValue) → ±"
                        + "\(NumberText.compact(s * 100)) %" + (parts.count == 2 ? " (\(parts[1]))" : "")))
        }
        var racks: [SystemEntry] = []
        for hall in site.halls {
            for group in hall.rackGroups where !racks.contains(where: { $0.id == group.system.id }) {
                racks.append(group.system)
            }
        }
        for entry in racks where entry.designPower > .zero {
            let s = entry.provenance.confidence.spread.fraction
            inputs.append(
                UncertainInput(
                    name: "catalog.\(entry.id).power", kind: .rackPower(entryID: entry.id),
                    distribution: .triangular(low: 1 - s, mode: 1, high: 1 + s),
                    origin: "rack power factor, confidence \(entry.provenance.confidence.rawValue) → ±"
                        + "\(NumberText.compact(s * 100)) %"))
        }
        var used: [String] = []
        for item in plan.cost?.items ?? [] {
            if let id = item.costID, !used.contains(id) { used.append(id) }
        }
        for entry in costs.entries where used.contains(entry.id) && entry.high > entry.low {
            inputs.append(
                UncertainInput(
                    name: "cost.\(entry.id)", kind: .unitCost(entryID: entry.id),
                    distribution: .triangular(low: entry.low, mode: entry.typical, high: entry.high),
                    origin: "the cost catalogue's low / typical / high (\(entry.currency.rawValue) \(entry.year))"))
        }
        return inputs
    }

    /// `x` to 6 significant digits, so that a spread's ends print as written (`28.75`, not
    /// `28.749999999999996`).
    static func rounded(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let scale = pow(10, 5 - (log10(abs(x))).rounded(.down))
        return (x * scale).rounded() / scale
    }

    /// Defaults that are estimates of the world (prices, efficiencies, loads, losses, heads) rather
    /// than design decisions (set points, redundancy, counts, years, horizons, sizes of equipment
    /// chosen): only those are spread. A key ending in `_c` is a temperature on an interval scale,
    /// where a percentage spread means nothing.
    static func isSpreadable(_ key: String) -> Bool {
        let last = key.split(separator: ".").last.map(String.init) ?? key
        if last.hasSuffix("_c") || last.hasSuffix("_k") || last.hasSuffix("_years") || last == "year" { return false }
        let estimates = [
            "_per_mwh", "_per_kw_month", "_per_m3", "efficiency_percent", "percent_of_it", "w_per_m2", "_head_m",
            "utilisation_percent", "discount_rate_percent", "_percent",
        ]
        let decisions = ["mip_gap_percent", "voltage_drop_limit_percent", "minimum_speed_percent"]
        // An economiser's approach is a performance figure (a difference, on a ratio scale).
        if last == "approach_k" { return true }
        return estimates.contains { last.hasSuffix($0) } && !decisions.contains(last)
    }

    /// Whether `input` can move the figure `metricID` at all: the cost analysis runs last and
    /// changes nothing it prices (DESIGN.md §5.16), so prices, unit costs and the discount rate
    /// drive only capital and NPV, and the operating prices and the discount rate not capital.
    /// A correlation the model rules out is chance, and is not listed as a driver.
    static func canDrive(_ input: UncertainInput, _ metricID: String) -> Bool {
        let costInput = input.name.hasPrefix("cost.")
        switch metricID {
        case "npv_musd": return true
        case "capex_musd":
            if case .unitCost = input.kind { return true }
            return !costInput
        default: return !costInput
        }
    }

    /// One sample's figures, or why it has none.
    struct Outcome: Sendable {
        var values: [Double?]
        var failure: String?
        var checkFailed = false
    }

    /// Draws the samples of `spec` and summarises them against `deterministic` (the plan of the
    /// central values).
    public func run(_ spec: LoadedSpec, deterministic: Plan, planner: Planner = Planner()) throws(RunFailure)
        -> UncertaintySummary
    {
        guard (1...UncertaintyChoices.maximumSamples).contains(samples) else {
            throw RunFailure(
                "the sample count must be within 1–\(UncertaintyChoices.maximumSamples), got \(samples)")
        }
        guard (1...SweepRunner.maximumThreads).contains(threads) else {
            throw RunFailure("threads must be within 1–\(SweepRunner.maximumThreads), got \(threads)")
        }
        let (template, findings) = SpecTemplate.load(path: spec.path)
        guard let template else {
            throw RunFailure("\(spec.path): \(findings.first?.message ?? "the spec cannot be read again")")
        }
        let loader = SiteLoader()
        let inputs = inputs(spec.site, plan: deterministic, costs: planner.costs)
        let design = LatinHypercube(samples: samples, variables: inputs.count, seed: seed)
        var paths: [SpecKeyPath?] = []
        for input in inputs {
            switch input.kind {
            case .specKey, .price: paths.append(try? SpecKeyPath(parsing: input.name))
            default: paths.append(nil)
            }
        }
        var base = planner
        base.compareDistributions = false
        // The heat-recovery LP is a decision (heat pumps and their dispatch), held at the
        // deterministic plan's: each sample runs the plant once with that heat taken.
        base.heatRecoveryHeld = deterministic.heatRecovery
        base.checksExtremes = false
        let weather = WeatherCache()
        if let path = spec.site.weatherPath, let given = spec.weather { weather.store(path, given) }
        let worker = Worker(
            template: template, paths: paths, inputs: inputs, design: design, loader: loader, planner: base,
            weather: weather, annual: spec.weather != nil)
        let outcomes = Self.evaluate(samples, threads: threads, worker: worker)
        return summarise(outcomes, inputs: inputs, design: design, deterministic: deterministic)
    }

    /// Evaluates samples 0..<n on `threads` workers, each with its own copy of the template,
    /// catalogue and planner, taking blocks of 8 samples from a shared counter; the outcomes are
    /// stored by index.
    static func evaluate(_ n: Int, threads: Int, worker: Worker) -> [Outcome] {
        let workers = (0..<min(threads, n)).map { _ in worker.unshared() }
        let results = SampleResults(count: n)
        let block = 8
        DispatchQueue.concurrentPerform(iterations: workers.count) { w in
            let own = workers[w]
            while let start = results.nextBlock(block) {
                for i in start..<min(start + block, n) { results.set(i, own.evaluate(i)) }
            }
        }
        return results.outcomes
    }

    func summarise(_ outcomes: [Outcome], inputs: [UncertainInput], design: LatinHypercube, deterministic: Plan)
        -> UncertaintySummary
    {
        let failed = outcomes.filter { $0.failure != nil }
        var bands: [UncertaintySummary.Band] = []
        // Each input's sampled value as a number (an alternative by its position).
        let sampled: [[Double]] = inputs.indices.map { v in
            (0..<samples).map { i in
                let u = design.value(sample: i, variable: v)
                switch inputs[v].distribution {
                case .alternatives(let values): return Double(min(values.count - 1, Int(u * Double(values.count))))
                default:
                    if case .number(let x) = inputs[v].distribution.quantile(u) { return x }
                    return 0
                }
            }
        }
        for (m, metric) in Self.metrics.enumerated() {
            let kept = outcomes.indices.filter { outcomes[$0].failure == nil && outcomes[$0].values[m] != nil }
            guard !kept.isEmpty else { continue }
            let values = kept.map { outcomes[$0].values[m]! }
            let sorted = values.sorted()
            var drivers: [UncertaintySummary.Driver] = []
            let threshold = kept.count > 1 ? 1.96 / Double(kept.count - 1).squareRoot() : .infinity
            for v in inputs.indices where Self.canDrive(inputs[v], metric.id) {
                let x = kept.map { sampled[v][$0] }
                // Only correlations beyond what independent inputs show by chance (|ρ| ≥ 1.96/√(n − 1),
                // the two-sided 5 % level of the large-sample test; REFERENCE.md P506).
                if let rho = SampleStatistics.spearman(x, values), abs(rho) >= threshold {
                    drivers.append(.init(input: inputs[v].name, rho: rho))
                }
            }
            drivers = drivers.enumerated().sorted { a, b in
                abs(a.element.rho) != abs(b.element.rho) ? abs(a.element.rho) > abs(b.element.rho) : a.offset < b.offset
            }.map(\.element)
            bands.append(
                UncertaintySummary.Band(
                    id: metric.id, title: metric.title, deterministic: metric.value(deterministic),
                    p10: SampleStatistics.quantile(sorted: sorted, 0.1),
                    p50: SampleStatistics.quantile(sorted: sorted, 0.5),
                    p90: SampleStatistics.quantile(sorted: sorted, 0.9),
                    drivers: Array(drivers.prefix(UncertaintySummary.driversPerMetric))))
        }
        return UncertaintySummary(
            samples: samples, seed: seed, inputs: inputs, failed: failed.count, firstFailure: failed.first?.failure,
            checkFailed: outcomes.filter(\.checkFailed).count, bands: bands)
    }

    /// What one worker thread needs to evaluate a sample.
    struct Worker: @unchecked Sendable {
        var template: SpecTemplate
        var paths: [SpecKeyPath?]
        var inputs: [UncertainInput]
        var design: LatinHypercube
        var loader: SiteLoader
        var planner: Planner
        var weather: WeatherCache
        var annual: Bool

        static let currencyPath = try! SpecKeyPath(parsing: "cost.currency")

        func unshared() -> Worker {
            var copy = self
            copy.template = template.unshared()
            copy.paths = paths.map { $0?.unshared() }
            copy.loader = loader.unshared()
            copy.planner = planner.unshared()
            return copy
        }

        func evaluate(_ i: Int) -> Outcome {
            let none = [Double?](repeating: nil, count: UncertaintyRun.metricIDs.count)
            var spec = template
            var factors: [(id: String, factor: Double)] = []
            var costs = planner.costs
            for (v, input) in inputs.enumerated() {
                let value = input.distribution.quantile(design.value(sample: i, variable: v))
                switch input.kind {
                case .specKey, .price:
                    guard let path = paths[v] else { continue }
                    if case .price(let currency) = input.kind {
                        do throws(SpecKeyPath.Problem) {
                            spec = try spec.setting(.text(currency), at: Self.currencyPath)
                        } catch {
                            return Outcome(values: none, failure: "cost.currency: \(error.description)")
                        }
                    }
                    var written = value
                    if input.integer, case .number(let x) = value { written = .number(x.rounded()) }
                    do throws(SpecKeyPath.Problem) {
                        spec = try spec.setting(written, at: path)
                    } catch {
                        return Outcome(values: none, failure: "\(input.name): \(error.description)")
                    }
                case .rackPower(let id):
                    guard case .number(let factor) = value else { continue }
                    factors.append((id, factor))
                case .unitCost(let id):
                    guard case .number(let price) = value,
                        let at = costs.entries.firstIndex(where: { $0.id == id })
                    else { continue }
                    costs.entries[at].typical = price
                }
            }
            let result = loader.load(spec)
            guard var site = result.site else {
                let first = result.findings.first { $0.severity == .error }
                return Outcome(
                    values: none, failure: first.map { "\($0.subject): \($0.message)" } ?? "the spec did not load")
            }
            site.placement.enabled = false
            // Rack power scales the loaded site's entries (idle, design and nameplate together, so
            // their order holds), spec entries based on a built-in one included.
            for (id, factor) in factors {
                for h in site.halls.indices {
                    for g in site.halls[h].rackGroups.indices where site.halls[h].rackGroups[g].system.id == id {
                        var entry = site.halls[h].rackGroups[g].system
                        entry.idlePower = entry.idlePower * factor
                        entry.designPower = entry.designPower * factor
                        entry.nameplatePower = entry.nameplatePower * factor
                        site.halls[h].rackGroups[g].system = entry
                    }
                }
            }
            var year: SiteWeather?
            if annual, let path = site.weatherPath {
                switch weather.load(path) {
                case .success(let loaded): year = loaded
                case .failure(let failure): return Outcome(values: none, failure: "site.weather: \(failure)")
                }
            }
            var samplePlanner = planner
            samplePlanner.costs = costs
            let plan = samplePlanner.plan(site, weather: year)
            let values = UncertaintyRun.metrics.map { metric in metric.value(plan).flatMap { $0.isFinite ? $0 : nil } }
            return Outcome(values: values, failure: nil, checkFailed: plan.findings.hasErrors)
        }
    }
}

/// The outcomes of a run's samples, handed out a block at a time and stored by index.
final class SampleResults: @unchecked Sendable {
    private var stored: [UncertaintyRun.Outcome?]
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { stored = Array(repeating: nil, count: count) }

    func nextBlock(_ size: Int) -> Int? {
        lock.withLock {
            guard next < stored.count else { return nil }
            defer { next += size }
            return next
        }
    }

    func set(_ i: Int, _ outcome: UncertaintyRun.Outcome) { lock.withLock { stored[i] = outcome } }

    var outcomes: [UncertaintyRun.Outcome] { lock.withLock { stored.map { $0! } } }
}

extension Benchmark {
    /// `dcplan benchmark --uncertainty N`: for each spec, draws `samples` samples at 1 thread and at
    /// all cores (alternating for ``sweepRounds`` rounds) and prints the wall and CPU time of each
    /// run, the CPU time per sample, and whether the bands are identical at both thread counts.
    /// The machine may be shared, so CPU time is printed beside wall time.
    public func uncertainty(_ specs: [String], samples: Int, log: RunLog, out: (String) -> Void) throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let counts = Array(Set([1, cores])).sorted()
        for spec in try LoadedSpec.loadAll(specs, log: log) {
            let planner = Planner()
            let plan = planner.plan(spec.site, weather: spec.weather)
            var run = UncertaintyRun.asked(by: spec.site, samples: samples)!
            let inputs = run.inputs(spec.site, plan: plan, costs: planner.costs)
            out(
                "uncertainty \(spec.path): \(Format.integer(plan.total.gpuCount)) GPUs, "
                    + "\(spec.weather == nil ? "design point" : "annual plant"), \(Format.integer(samples)) samples of "
                    + "\(inputs.count) inputs, \(sweepRounds) round\(sweepRounds == 1 ? "" : "s")")
            var summaries: [Int: UncertaintySummary] = [:]
            var walls: [Int: [Double]] = [:]
            var cpus: [Int: [Double]] = [:]
            for _ in 0..<sweepRounds {
                for threads in counts {
                    run.threads = threads
                    let clock = ContinuousClock()
                    let start = clock.now
                    let cpuStart = Self.cpuSeconds()
                    let summary = try run.run(spec, deterministic: plan, planner: planner)
                    walls[threads, default: []].append((clock.now - start).seconds)
                    cpus[threads, default: []].append(Self.cpuSeconds() - cpuStart)
                    if let earlier = summaries[threads], earlier != summary {
                        throw RunFailure("\(spec.path): two runs at \(threads) threads gave different bands")
                    }
                    summaries[threads] = summary
                }
            }
            for threads in counts {
                let wall = Self.median(walls[threads]!)
                let cpu = Self.median(cpus[threads]!)
                out(
                    "  \(threads) thread\(threads == 1 ? "" : "s"): wall \(String(format: "%.2f", wall)) s "
                        + "(min \(String(format: "%.2f", walls[threads]!.min()!)) s), "
                        + "CPU \(String(format: "%.2f", cpu)) s "
                        + "(\(String(format: "%.2f", cpu / Double(samples) * 1000)) ms per sample), "
                        + "\(Format.integer(Int(Double(samples) / wall))) samples/s")
            }
            let identical = Set(counts.map { summaries[$0]! }).count == 1
            out(
                "  bands identical at \(counts.map(String.init).joined(separator: " and ")) threads: "
                    + (identical ? "yes" : "NO")
            )
            if let u = summaries[cores], let facility = u.band("facility_design_mw") {
                out(
                    "  facility design MW P10 / P50 / P90: \(Format.fixed(facility.p10, 2)) / "
                        + "\(Format.fixed(facility.p50, 2)) / \(Format.fixed(facility.p90, 2)); "
                        + "failed samples \(u.failed)"
                )
            }
        }
    }
}
