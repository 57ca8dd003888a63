import Foundation
import PlannerModel
import Yams

/// Loads a sweep spec (`Sites/sweeps/README.md`): the base site spec, axes, combination,
/// analyses, metrics and the Pareto pair, every problem a finding at its line and column.
///
/// Each axis value is checked by writing it into the base spec and loading that, so a path the
/// spec does not know, or a value of the wrong type or range, is reported at the axis that
/// caused it with the loader's own words (and suggestions).
public struct SweepLoader: Sendable {
    /// Largest number of scenarios a sweep may define (10⁹); larger products are rejected.
    public static let maximumScenarios = 1_000_000_000
    /// Largest number of values one axis's range may give.
    public static let maximumRangeValues = 100_000

    public var siteLoader: SiteLoader

    public init(siteLoader: SiteLoader = SiteLoader()) {
        self.siteLoader = siteLoader
    }

    /// What loading a sweep gave: the definition (digest left empty for the caller to fill),
    /// the base spec as a template, the parsed axis paths, and the findings.
    public struct Result: Sendable {
        public var definition: SweepDefinition?
        public var template: SpecTemplate?
        public var paths: [SpecKeyPath]
        public var findings: [Finding]
        /// The sweep file's text, for the digest.
        public var text: String
    }

    /// Loads the sweep file at `path`; its `base:` starts from the file's folder.
    public func load(path: String) -> Result {
        let log = FindingLog(file: path)
        guard let text = SpecSource.read(path, log: log) else {
            return Result(definition: nil, template: nil, paths: [], findings: log.sorted, text: "")
        }
        return load(text: text, path: path, baseDirectory: (path as NSString).deletingLastPathComponent, log: log)
    }

    /// Loads sweep text; `path` names it in findings (and gives the default name), and a
    /// relative `base:` starts from `baseDirectory`.
    public func load(yaml: String, path: String, baseDirectory: String) -> Result {
        let log = FindingLog(file: path)
        guard SpecSource.withinLimit(bytes: yaml.utf8.count, log: log) else {
            return Result(definition: nil, template: nil, paths: [], findings: log.sorted, text: "")
        }
        return load(text: yaml, path: path, baseDirectory: baseDirectory, log: log)
    }

    private func load(text: String, path: String, baseDirectory: String, log: FindingLog) -> Result {
        guard let root = SpecSource.compose(text, log: log),
            let document = SweepDocument.read(root, at: Place(path: .root, mark: root.mark), log: log)
        else { return Result(definition: nil, template: nil, paths: [], findings: log.sorted, text: "") }
        // The reader reports a version other than 1 (`unsupported version 2; …`).
        let name = document.name?.value ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let combination = log.choice(document.combination, of: SweepCombination.self) ?? .cartesian
        let analyses = log.choice(document.analyses, of: SweepAnalyses.self) ?? .design

        // The base spec, relative to the sweep file.
        var template: SpecTemplate?
        var baseWarnings: Set<String> = []
        if let base = document.base {
            let basePath =
                base.value.hasPrefix("/")
                ? base.value : (baseDirectory as NSString).appendingPathComponent(base.value)
            let (loaded, findings) = SpecTemplate.load(path: basePath)
            if let loaded {
                let result = siteLoader.load(loaded)
                if result.hasErrors {
                    log.error("the base spec \(base.value) has errors; run dcplan validate \(basePath)", at: base.place)
                } else {
                    template = loaded
                    baseWarnings = Set(result.findings.map(\.formatted))
                    if analyses == .annual, result.site?.weatherPath == nil,
                        !(document.axes ?? []).contains(where: { $0.path?.value == "site.weather" })
                    {
                        log.error(
                            "analyses: annual needs a weather file: set site.weather in the base spec or sweep it",
                            at: base.place)
                    }
                }
            } else {
                log.error(
                    "cannot read the base spec \(base.value): \(findings.first?.message ?? "unknown error")",
                    at: base.place)
            }
        }

        var axes: [SweepAxis] = []
        var paths: [SpecKeyPath] = []
        // Each value's check loads the whole base spec (about 0.4 ms), so they wait for the scenario count.
        var pending: [(values: [Located<SweepValue>], path: SpecKeyPath, axis: Int, pathPlace: Place)] = []
        for (a, axis) in (document.axes ?? []).enumerated() {
            guard let pathText = axis.path else { continue }
            let keyPath: SpecKeyPath
            do throws(SpecKeyPath.Problem) {
                keyPath = try SpecKeyPath(parsing: pathText.value)
            } catch {
                log.error(error.description, at: pathText.place)
                continue
            }
            let values = self.values(of: axis, log: log)
            guard !values.isEmpty else { continue }
            pending.append((values, keyPath, a, pathText.place))
            let role = log.choice(axis.role, of: SweepAxisRole.self) ?? .decision
            if role == .assumption, combination == .zip, let place = axis.role?.place {
                log.error(
                    "an assumption axis needs combination: cartesian (each decision is judged over every "
                        + "assumption value; zip pairs them instead)", at: place)
            }
            axes.append(SweepAxis(path: pathText.value, values: values.map(\.value), role: role))
            paths.append(keyPath)
        }
        let summary = log.choice(document.assumptions, of: AssumptionSummary.self) ?? .worst
        if !axes.isEmpty, axes.allSatisfy({ $0.role == .assumption }), let place = document.axesPlace {
            log.error("every axis is an assumption: mark at least one axis as a decision (role: decision)", at: place)
        }
        if let given = document.assumptions, !axes.contains(where: { $0.role == .assumption }) {
            log.warning(
                "\(given.value) has no effect: no axis is an assumption (role: assumption), so the best "
                    + "scenarios and the Pareto front are taken over every scenario",
                at: given.place)
        }
        if combination == .zip, Set(axes.map(\.values.count)).count > 1, let place = document.combination?.place {
            log.error(
                "zip needs axes of one length; they have "
                    + "\(axes.map { String($0.values.count) }.joined(separator: ", ")) values",
                at: place)
        }
        var count = 1
        for axis in axes where combination == .cartesian {
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.values.count)
            count = overflow ? Int.max : product
        }
        if count > Self.maximumScenarios, let place = document.axesPlace {
            log.error("the axes define more than \(Self.maximumScenarios) scenarios; split the sweep", at: place)
        } else if let template {
            // Only a sweep within the limit has its values checked: three 100,000-value ranges
            // (10¹⁵ scenarios, refused) took minutes of spec loads before being refused.
            for axis in pending {
                check(
                    axis.values, at: axis.path, axis: axis.axis, pathPlace: axis.pathPlace, template: template,
                    baseWarnings: baseWarnings, log: log)
            }
        }

        var metrics: [SweepMetric] = []
        for id in document.metrics?.value ?? [] {
            guard let metric = SweepMetric.named(id.value) else {
                log.error(
                    "unknown metric '\(id.value)'"
                        + Phrase.didYouMean(
                            EditDistance.closest(to: id.value, in: SweepMetric.all.map(\.id)),
                            otherwise: "; known: " + Phrase.alternatives(SweepMetric.all.map(\.id))),
                    at: id.place)
                continue
            }
            if metric.needsAnnual, analyses != .annual {
                log.error("metric '\(metric.id)' needs the plant over the year: set analyses: annual", at: id.place)
            }
            metrics.append(metric)
        }
        var pareto: (SweepMetric, SweepMetric)?
        if let pair = document.pareto {
            if pair.value.count != 2 {
                log.error("pareto names two metrics, got \(pair.value.count)", at: pair.place)
            } else {
                let found = pair.value.map { id in metrics.first { $0.id == id.value } }
                for (id, metric) in zip(pair.value, found) where metric == nil {
                    log.error("pareto metric '\(id.value)' is not among metrics", at: id.place)
                }
                if let x = found[0], let y = found[1] { pareto = (x, y) }
            }
        }
        guard !log.hasErrors, let template, let baseText = document.base?.value else {
            return Result(definition: nil, template: nil, paths: [], findings: log.sorted, text: text)
        }
        let definition = SweepDefinition(
            name: name, base: baseText, axes: axes, combination: combination, analyses: analyses, metrics: metrics,
            pareto: pareto, digest: "", assumptionSummary: summary)
        return Result(
            definition: definition, template: template.preparing(axes.flatMap(\.values), paths: paths), paths: paths,
            findings: log.sorted,
            text: text)
    }

    /// The axis's values: its list, or `from`, `from + step`, … up to `to` (inclusive, to 1e-9
    /// of a step), each rounded to 12 significant digits so 0.1 steps print as written.
    func values(of axis: SweepAxisSpec, log: FindingLog) -> [Located<SweepValue>] {
        switch (axis.values, axis.range) {
        case (let list?, nil):
            if list.value.isEmpty { log.error("an axis needs at least one value", at: list.place) }
            return list.value
        case (nil, let range?):
            guard let from = range.from, let to = range.to, let step = range.step?.value else { return [] }
            // Whole steps in the span, checked as a Double: a tiny step or a span past 1.8e308
            // gives 1e300 or +∞, on which `Int(_:)` traps.
            let steps = ((to.value - from.value) / step + 1e-9).rounded(.down)
            guard steps >= 0 else {
                log.error(
                    "the range from \(Phrase.number(from.value)) to \(Phrase.number(to.value)) is empty", at: to.place)
                return []
            }
            guard steps < Double(Self.maximumRangeValues) else {
                let values = steps + 1 < 1e15 ? Phrase.number(steps + 1) : "more than 10¹⁵"
                log.error(
                    "the range gives \(values) values; at most \(Self.maximumRangeValues) per axis", at: range.place)
                return []
            }
            let count = Int(steps) + 1
            return (0..<count).map { k in
                let raw = from.value + Double(k) * step
                let rounded = Double(String(format: "%.12g", raw)) ?? raw
                return Located(value: .number(rounded), place: range.place)
            }
        case (nil, nil):
            log.error("an axis needs values or a range", at: axis.place)
            return []
        case (_?, _?):
            log.error("an axis has values or a range, not both", at: axis.place)
            return []
        }
    }

    /// Writes each value into the base spec and loads it: new errors, and a new unknown-key
    /// warning, are the axis's errors; other new warnings are the value's warnings.
    func check(
        _ values: [Located<SweepValue>], at path: SpecKeyPath, axis: Int, pathPlace: Place, template: SpecTemplate,
        baseWarnings: Set<String>, log: FindingLog
    ) {
        for value in values {
            let varied: SpecTemplate
            do throws(SpecKeyPath.Problem) {
                varied = try template.setting(value.value, at: path)
            } catch {
                log.error("\(path): \(error.description)", at: pathPlace)
                return
            }
            let findings = siteLoader.load(varied).findings
            let newWarnings = findings.filter { $0.severity == .warning && !baseWarnings.contains($0.formatted) }
            // An unknown key means the path names no key; any other new warning (a percentage that
            // looks like a fraction) is the value's, and stays a warning.
            for warning in newWarnings where !warning.message.hasPrefix("unknown key") {
                log.warning(
                    "\(path) = \(value.value): "
                        + "\(warning.subject.isEmpty ? "" : warning.subject + ": ")\(warning.message)",
                    at: value.place)
            }
            if let warning = newWarnings.first(where: { $0.message.hasPrefix("unknown key") }) {
                log.error(
                    "\(path) is not a spec path: "
                        + "\(warning.subject.isEmpty ? "" : warning.subject + ": ")\(warning.message)",
                    at: pathPlace)
                return
            }
            if let error = findings.first(where: { $0.severity == .error }) {
                log.error(
                    "\(path) = \(value.value): \(error.subject.isEmpty ? "" : error.subject + ": ")\(error.message)",
                    at: value.place)
            }
        }
    }
}

/// The sweep file's top level.
struct SweepDocument: SpecMapping {
    enum Key: String, SpecKey {
        case version, name, base, combination, analyses, axes, metrics, pareto, assumptions
    }
    var version: Located<Double>?
    var name: Located<String>?
    var base: Located<String>?
    var combination: Located<String>?
    var analyses: Located<String>?
    var axes: [SweepAxisSpec]?
    var axesPlace: Place?
    var metrics: Located<[Located<String>]>?
    var pareto: Located<[Located<String>]>?
    var assumptions: Located<String>?

    init(_ reader: MappingReader<Key>) {
        version = reader.integer(.version, required: true)
        name = reader.string(.name)
        base = reader.string(.base, required: true)
        combination = reader.string(.combination)
        analyses = reader.string(.analyses)
        axes = reader.list(.axes, required: true, atLeastOne: "axis")
        axesPlace = reader.place(of: .axes)
        metrics = reader.strings(.metrics, required: true)
        pareto = reader.strings(.pareto)
        assumptions = reader.string(.assumptions)
    }
}

/// One element of `axes:`.
struct SweepAxisSpec: SpecMapping {
    enum Key: String, SpecKey { case path, values, range, role }
    var path: Located<String>?
    var role: Located<String>?
    var values: Located<[Located<SweepValue>]>?
    var range: SweepRangeSpec?
    var place: Place

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        path = reader.string(.path, required: true)
        values = reader.scalars(.values)
        range = reader.mapping(.range)
        role = reader.string(.role)
    }
}

/// `range: { from, to, step }`.
struct SweepRangeSpec: SpecMapping {
    enum Key: String, SpecKey { case from, to, step }
    var from: Located<Double>?
    var to: Located<Double>?
    var step: Located<Double>?
    var place: Place

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        from = reader.number(.from, required: true)
        to = reader.number(.to, required: true)
        step = reader.number(.step, required: true)
    }
}
