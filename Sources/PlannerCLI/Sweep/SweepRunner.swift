import Foundation
import PlannerEngine
import PlannerModel
import SiteSpec
import Weather

/// Evaluates the scenarios of a sweep: writes each scenario's values into the base spec, loads
/// and plans it, and records its status and metrics. Safe to call from many tasks at once.
struct SweepRunner: Sendable {
    let definition: SweepDefinition
    let template: SpecTemplate
    let paths: [SpecKeyPath]
    let loader = SiteLoader()
    let planner = Planner()
    let weather = WeatherCache()

    /// One scenario. Never throws: an invalid spec is an `error` row, a failed check a
    /// `check-failed` row, each with the first error's words.
    func evaluate(_ index: Int) -> SweepRow {
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
        guard let site = result.site else {
            let first = result.findings.first { $0.severity == .error }
            return row(.error, first.map(Self.words) ?? "the spec did not load")
        }
        var year: (year: WeatherYear, design: DesignConditions)?
        if definition.analyses == .annual {
            guard let path = site.weatherPath else { return row(.error, "site.weather: analyses: annual needs a weather file") }
            switch weather.load(path) {
            case .success(let loaded): year = loaded
            case .failure(let failure): return row(.error, "site.weather: \(failure.message)")
            }
        }
        let plan = planner.plan(site, weather: year)
        let metrics = definition.metrics.map { metric in metric.value(plan).flatMap { $0.isFinite ? $0 : nil } }
        if let failed = plan.findings.first(where: { $0.severity == .error }) {
            return row(.checkFailed, Self.words(failed), metrics)
        }
        return row(.ok, "", metrics)
    }

    static func words(_ finding: Finding) -> String {
        finding.subject.isEmpty ? finding.message : "\(finding.subject): \(finding.message)"
    }

    /// Evaluates `indices` in order, `threads` scenarios at a time in a task group, handing the
    /// rows to `sink` in index order, a chunk at a time (memory stays flat).
    func run(
        _ indices: [Int], threads: Int, sink: ([SweepRow]) throws -> Void, progress: (Int) -> Void
    ) async throws {
        let chunk = max(64, threads * 32)
        var start = 0
        while start < indices.count {
            let slice = Array(indices[start..<min(start + chunk, indices.count)])
            let parts = threads
            let rows = await withTaskGroup(of: (Int, [SweepRow]).self) { group in
                let size = (slice.count + parts - 1) / parts
                for p in 0..<parts where p * size < slice.count {
                    let part = Array(slice[(p * size)..<min((p + 1) * size, slice.count)])
                    group.addTask { (p, part.map(self.evaluate)) }
                }
                var collected = [[SweepRow]](repeating: [], count: parts)
                for await (p, rows) in group { collected[p] = rows }
                return collected.flatMap { $0 }
            }
            try sink(rows)
            start += slice.count
            progress(start)
        }
    }
}

/// Weather years by path, read once per sweep and shared by all scenarios.
final class WeatherCache: @unchecked Sendable {
    struct Failure: Error {
        var message: String
    }

    private let lock = NSLock()
    private var years: [String: Result<(year: WeatherYear, design: DesignConditions), Failure>] = [:]

    func load(_ path: String) -> Result<(year: WeatherYear, design: DesignConditions), Failure> {
        lock.lock()
        defer { lock.unlock() }
        if let known = years[path] { return known }
        let loaded: Result<(year: WeatherYear, design: DesignConditions), Failure>
        do {
            let year = try EPWReader.read(path: path)
            loaded = .success((year, try DesignConditions.load(forEPWAt: path, year: year)))
        } catch {
            loaded = .failure(Failure(message: "\(error)"))
        }
        years[path] = loaded
        return loaded
    }
}
