import Foundation
import PlannerEngine
import PlannerModel
import PlannerReport
import SiteSpec
import Weather

/// Evaluates the scenarios of a sweep: writes each scenario's values into the base spec, loads
/// and plans it, and records its status and metrics. Safe to call from many tasks at once.
public struct SweepRunner: Sendable {
    public let definition: SweepDefinition
    public let template: SpecTemplate
    /// The spec key of each axis, in axis order.
    public let paths: [SpecKeyPath]
    public var loader = SiteLoader()
    /// No metric reads the distribution comparison, so the other two chains are skipped.
    public var planner = Planner(compareDistributions: false)
    public let weather: WeatherCache
    /// Every warning is an error (`--strict`): a scenario whose spec warns is an `error` row, one
    /// whose plan warns a `check-failed` row.
    public var strict = false

    public init(
        definition: SweepDefinition, template: SpecTemplate, paths: [SpecKeyPath],
        weather: WeatherCache = WeatherCache()
    ) {
        self.definition = definition
        self.template = template
        self.paths = paths
        self.weather = weather
    }

    /// One scenario. Never throws: an invalid spec is an `error` row, a failed check a
    /// `check-failed` row, each with the first error's words.
    public func evaluate(_ index: Int) -> SweepRow {
        let values = definition.values(of: index)
        func row(_ status: SweepStatus, _ message: String, _ metrics: [Double?]? = nil) -> SweepRow {
            SweepRow(
                index: index, values: values, status: status, message: message,
                metrics: metrics ?? definition.metrics.map { _ in nil })
        }
        var spec = template
        for (path, value) in zip(paths, values) {
            do throws(SpecKeyPath.Problem) {
                spec = try spec.setting(value, at: path)
            } catch {
                return row(.error, "\(path): \(error.description)")
            }
        }
        let result = loader.load(spec)
        let loadFindings = result.findings.strict(strict)
        guard var site = result.site, !loadFindings.hasErrors else {
            let first = loadFindings.first { $0.severity == .error }
            return row(.error, first.map(Self.words) ?? "the spec did not load")
        }
        // Placement (a MILP per hall and medium, seconds each) changes none of the sweep's
        // metrics, so a base spec's `placement:` is not run per scenario.
        site.placement.enabled = false
        var year: SiteWeather?
        if definition.analyses == .annual {
            guard let path = site.weatherPath else {
                return row(.error, "site.weather: analyses: annual needs a weather file")
            }
            switch weather.load(path) {
            case .success(let loaded): year = loaded
            case .failure(let failure): return row(.error, "site.weather: \(failure.description)")
            }
        } else if let path = site.weatherPath {
            // At the design point the cooling is sized at the weather file's design condition (the
            // year itself is not simulated), as it would be in the annual analysis; the spec's
            // `site.design_conditions` overrides it there too.
            switch weather.load(path) {
            case .success(let loaded):
                site.designCondition = site.designCondition ?? CoolingDesignCondition(loaded.design, file: path)
            case .failure(let failure): return row(.error, "site.weather: \(failure.description)")
            }
        }
        let plan = planner.plan(site, weather: year)
        let metrics = definition.metrics.map { $0.recorded(plan) }
        if let failed = plan.findings.strict(strict).first(where: { $0.severity == .error }) {
            return row(.checkFailed, Self.words(failed), metrics)
        }
        return row(.ok, "", metrics)
    }

    /// A runner with its own copy of the template, definition, paths, catalogue and built-in
    /// stage entries, sharing no heap object with this one, and its own weather cache.
    ///
    /// Each scenario copies values out of these (every node of the template, as it is loaded),
    /// and each copy retains and later releases the objects copied: atomic writes. Workers sharing
    /// one runner wrote the same objects' headers from both cores, which made every scenario
    /// slower on 2 threads than on 1; each worker runs its own copy instead.
    /// The most worker threads a sweep runs (each holds its own copy of the template and catalogue).
    public static let maximumThreads = 256

    public func unshared() -> SweepRunner {
        var copy = SweepRunner(
            definition: definition.unshared(), template: template.unshared(), paths: paths.map { $0.unshared() })
        copy.loader = loader.unshared()
        copy.planner = planner.unshared()
        copy.strict = strict
        return copy
    }

    static func words(_ finding: Finding) -> String {
        finding.subject.isEmpty ? finding.message : "\(finding.subject): \(finding.message)"
    }

    /// Evaluates `indices` in order, split over `threads` workers a chunk at a time, handing
    /// the rows to `sink` in index order (memory stays flat: one chunk in flight). `progress` is
    /// called, from the worker threads, with the number of scenarios finished after each block of 8
    /// (counts from two workers may arrive out of order), so a progress display can follow by time
    /// rather than by chunk (DESIGN.md §7.1).
    ///
    /// Fork-join with `DispatchQueue.concurrentPerform`, not a task group: commands are
    /// synchronous, and blocking a Swift-concurrency thread to wait for a task group deadlocks
    /// the cooperative pool when `dcplan` runs in-process inside async code (the tests).
    public func run<Indices: RandomAccessCollection<Int>>(
        _ indices: Indices, threads: Int, sink: ([FormattedRow]) throws -> Void,
        progress: @Sendable (Int) -> Void
    ) throws where Indices.Index == Int {
        guard (1...Self.maximumThreads).contains(threads) else {
            throw RunFailure("threads must be within 1–\(Self.maximumThreads), got \(threads)")
        }
        let chunk = max(1024, threads * 512)
        // One runner per worker, made once and reused for every chunk (see `unshared()`).
        let workers = (0..<threads).map { _ in unshared() }
        var start = indices.startIndex
        while start < indices.endIndex {
            // One chunk of indices at a time: a shard of 10⁹ scenarios never becomes an array.
            let slice = Array(indices[start..<min(start + chunk, indices.endIndex)])
            // `threads` workers take blocks of 8 scenarios from a shared counter, so that a worker
            // that draws cheap scenarios takes more blocks (fixed halves left one worker idle at
            // each join when the halves differed in cost, e.g. AC against 800 VDC).
            // One thread takes blocks of 8 too, so that progress moves within a chunk.
            let size = 8
            let parts = (slice.count + size - 1) / size
            let results = ChunkResults(parts: parts)
            let before = start - indices.startIndex
            DispatchQueue.concurrentPerform(iterations: min(threads, parts)) { w in
                let worker = workers[w]
                while let p = results.nextPart() {
                    // Rows are formatted by the workers too: formatting on the joining thread was a
                    // serial tenth of the work, which capped the 2-thread speed-up near 1.6×.
                    let finished = results.set(
                        p,
                        ((p * size)..<min((p + 1) * size, slice.count)).map { i in
                            let row = worker.evaluate(slice[i])
                            return FormattedRow(
                                row: row, csv: SweepRowFormat.csv(row),
                                json: SweepRowFormat.jsonLine(row, worker.definition))
                        })
                    progress(before + finished)
                }
            }
            try sink(results.rows)
            start += slice.count
        }
    }
}

/// A scenario's row with its CSV line and JSON Lines record.
public struct FormattedRow: Sendable {
    public var row: SweepRow
    public var csv: String
    public var json: String
}

/// The rows of one chunk, handed out part by part to its workers, written by them (each part to
/// its own slot) and read after the join.
final class ChunkResults: @unchecked Sendable {
    private var parts: [[FormattedRow]]
    private var next = 0
    private let lock = NSLock()

    init(parts: Int) { self.parts = Array(repeating: [], count: parts) }

    /// The next part no worker has taken yet, or nil when all are taken.
    func nextPart() -> Int? {
        lock.withLock {
            guard next < parts.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    private var finished = 0

    /// Stores a part's rows and returns how many rows of the chunk are finished so far.
    func set(_ part: Int, _ rows: [FormattedRow]) -> Int {
        lock.withLock {
            parts[part] = rows
            finished += rows.count
            return finished
        }
    }

    var rows: [FormattedRow] { lock.withLock { parts.flatMap { $0 } } }
}

extension CoolingDesignCondition {
    /// A weather file's design conditions, stated for a design-point plan.
    init(_ design: DesignConditions, file: String) {
        self.init(
            coolingDryBulb: design.coolingDryBulb, coolingWetBulb: design.coolingMeanCoincidentWetBulb,
            evaporationWetBulb: design.evaporationWetBulb, evaporationDryBulb: design.evaporationMeanCoincidentDryBulb,
            provenance: Provenance(
                source: "the design conditions of \((file as NSString).lastPathComponent)", confidence: .high))
    }
}
