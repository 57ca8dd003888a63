import Foundation
import PlannerModel

/// One sweep row as a CSV line and a JSON Lines record, and back (for `dcplan sweep merge`).
///
/// Numbers are written in Swift's shortest round-trip form, so reading a record back gives the
/// very same `Double`s: a merged sweep summarises exactly what an unsharded run did.
public enum SweepRowFormat {
    /// `index,<axis paths>,status,<metric ids>,message`.
    public static func csvHeader(_ definition: SweepDefinition) -> String {
        (["index"] + definition.axes.map(\.path) + ["status"] + definition.metrics.map(\.id) + ["message"])
            .map(csvField).joined(separator: ",") + "\n"
    }

    public static func csv(_ row: SweepRow) -> String {
        var fields = [String(row.index)]
        fields += row.values.map { csvField($0.description) }
        fields.append(row.status.rawValue)
        fields += row.metrics.map { $0.map(number) ?? "" }
        fields.append(csvField(row.message))
        return fields.joined(separator: ",") + "\n"
    }

    public static func jsonLine(_ row: SweepRow, _ definition: SweepDefinition) -> String {
        let axes = zip(definition.axes, row.values).map { axis, value in
            "\(JSONValue.quoted(axis.path)):\(jsonValue(value))"
        }
        let metrics = zip(definition.metrics, row.metrics).map { metric, value in
            "\(JSONValue.quoted(metric.id)):\(value.map(number) ?? "null")"
        }
        return "{\"index\":\(row.index),\"axes\":{\(axes.joined(separator: ","))},"
            + "\"status\":\(JSONValue.quoted(row.status.rawValue)),"
            + "\"metrics\":{\(metrics.joined(separator: ","))},\"message\":\(JSONValue.quoted(row.message))}\n"
    }

    /// Reads a record written by `jsonLine`; nil when it is not one of this sweep's.
    public static func row(fromJSONLine line: String, _ definition: SweepDefinition) -> SweepRow? {
        guard let data = line.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let index = (object["index"] as? NSNumber)?.intValue,
            let statusText = object["status"] as? String, let status = SweepStatus(rawValue: statusText),
            let metrics = object["metrics"] as? [String: Any], let message = object["message"] as? String
        else { return nil }
        guard index >= 0, index < definition.scenarioCount else { return nil }
        let values = definition.metrics.map { metric -> Double? in
            guard let value = metrics[metric.id], !(value is NSNull) else { return nil }
            return (value as? NSNumber)?.doubleValue
        }
        return SweepRow(
            index: index, values: definition.values(of: index), status: status, message: message, metrics: values)
    }

    /// Shortest round-trip text (`29`, never `29.0`): the metrics arrive rounded to their stated
    /// decimals (`SweepMetric.recorded`), so reading the text back gives the same `Double`.
    static func number(_ value: Double) -> String { JSONValue.numberText(value) }

    static func jsonValue(_ value: SweepValue) -> String {
        switch value {
        case .number(let n): number(n)
        case .text(let t): JSONValue.quoted(t)
        }
    }

    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// What a sweep's report needs, gathered row by row in index order with memory independent of
/// the number of scenarios: status counts, the best scenario per metric, metric means per axis
/// value, the Pareto front and a capped sample of points for the scatter.
public struct SweepSummary: Sendable {
    public let definition: SweepDefinition
    public private(set) var rows = 0
    public private(set) var statusCounts: [SweepStatus: Int] = [:]
    /// Best (value, index) per metric; with assumption axes the index is a decision's
    /// (``SweepDefinition/decision(of:)``) and the value its summary over the assumptions.
    public private(set) var best: [(value: Double, index: Int)?]
    /// Sums and counts per (metric, axis, value index), flattened: `offsets[a] + v` within a
    /// metric's block of `cells` entries.
    var sums: [Double]
    var counts: [Int]
    let offsets: [Int]
    let cells: Int
    let better: [SweepMetric.Better]
    let paretoColumns: (x: Int, y: Int)?
    /// Non-dominated (x, y, index) on the Pareto pair (indices of decisions with assumption axes).
    var pareto: ParetoFront?
    public var front: [(x: Double, y: Double, index: Int)] { pareto?.members ?? [] }
    /// The first `sampleLimit` points with both Pareto metrics, for the scatter.
    public private(set) var sample: [(x: Double, y: Double)] = []
    public static let sampleLimit = 5_000

    public init(_ definition: SweepDefinition) {
        self.definition = definition
        best = definition.metrics.map { _ in nil }
        var offsets: [Int] = []
        var total = 0
        for axis in definition.axes {
            offsets.append(total)
            total += axis.values.count
        }
        self.offsets = offsets
        cells = total
        sums = Array(repeating: 0, count: total * definition.metrics.count)
        counts = Array(repeating: 0, count: total * definition.metrics.count)
        better = definition.metrics.map(\.better)
        paretoColumns = definition.pareto.flatMap { pair in
            guard let x = definition.metrics.firstIndex(of: pair.0), let y = definition.metrics.firstIndex(of: pair.1)
            else { return nil }
            return (x, y)
        }
        pareto = paretoColumns.map { ParetoFront(lowerX: better[$0.x] == .lower, lowerY: better[$0.y] == .lower) }
    }

    func prefers(_ m: Int, _ a: Double, over b: Double) -> Bool { better[m] == .lower ? a < b : a > b }

    /// Adds the next row (rows must come in increasing index order for the sample and ties).
    public mutating func add(_ row: SweepRow) {
        rows += 1
        statusCounts[row.status, default: 0] += 1
        if definition.hasAssumptions { tally(row) }
        guard row.status != .error else { return }
        let valueIndices = definition.valueIndices(of: row.index)
        for m in row.metrics.indices {
            guard let value = row.metrics[m], value.isFinite else { continue }
            if !definition.hasAssumptions { rank(m, value, row.index) }
            for (a, v) in valueIndices.enumerated() {
                let cell = m * cells + offsets[a] + v
                sums[cell] += value
                counts[cell] += 1
            }
        }
        guard let (xi, yi) = paretoColumns, let x = row.metrics[xi], let y = row.metrics[yi], x.isFinite, y.isFinite
        else {
            return
        }
        if sample.count < Self.sampleLimit { sample.append((x, y)) }
        if !definition.hasAssumptions { pareto?.add(x: x, y: y, index: row.index) }
    }

    /// Keeps `value` of metric `m` as the best when it beats the current best (the first wins ties).
    mutating func rank(_ m: Int, _ value: Double, _ index: Int) {
        if let current = best[m] {
            if prefers(m, value, over: current.value) { best[m] = (value, index) }
        } else {
            best[m] = (value, index)
        }
    }

    /// One decision's scenarios seen so far (DESIGN.md §7.2).
    struct DecisionTally: Sendable {
        var seen = 0
        var failed = false
        /// Per metric: the worst value so far, or nil once a scenario lacks the metric.
        var worst: [Double?]
        var sums: [Double]
        var complete: [Bool]
    }

    /// Decisions whose assumption scenarios have not all arrived; a decision leaves when its last
    /// one does, so with the assumption axes last only one is open at a time.
    var open: [Int: DecisionTally] = [:]
    /// Decisions summarised, and those left out because a scenario failed (error or check-failed).
    public private(set) var decisions = 0
    public private(set) var failedDecisions = 0

    /// Adds a row to its decision; a decision with all its scenarios is summarised (worst or
    /// mean per metric) and ranked: the best per metric and the Pareto front are over decisions.
    mutating func tally(_ row: SweepRow) {
        let d = definition.decision(of: row.index)
        let count = definition.metrics.count
        var t =
            open[d]
            ?? DecisionTally(
                worst: Array(repeating: nil, count: count), sums: Array(repeating: 0, count: count),
                complete: Array(repeating: true, count: count))
        t.seen += 1
        if row.status != .ok { t.failed = true }
        for m in 0..<count {
            guard t.complete[m], let value = row.metrics[m], value.isFinite else {
                t.complete[m] = false
                continue
            }
            t.sums[m] += value
            if let current = t.worst[m] {
                if prefers(m, current, over: value) { t.worst[m] = value }
            } else {
                t.worst[m] = value
            }
        }
        guard t.seen == definition.scenariosPerDecision else {
            open[d] = t
            return
        }
        open[d] = nil
        decisions += 1
        guard !t.failed else {
            failedDecisions += 1
            return
        }
        let n = Double(t.seen)
        let summary: [Double?] = (0..<count).map { m in
            guard t.complete[m] else { return nil }
            return definition.assumptionSummary == .worst ? t.worst[m] : t.sums[m] / n
        }
        for m in 0..<count { if let value = summary[m] { rank(m, value, d) } }
        if let (xi, yi) = paretoColumns, let x = summary[xi], let y = summary[yi] {
            pareto?.add(x: x, y: y, index: d)
        }
    }

    /// Mean of metric `m` over the scenarios where axis `a` takes its `v`-th value.
    public func mean(metric m: Int, axis a: Int, value v: Int) -> Double? {
        let cell = m * cells + offsets[a] + v
        return counts[cell] > 0 ? sums[cell] / Double(counts[cell]) : nil
    }

    /// How far the metric's mean moves across the axis's values: max − min of the means.
    public func sensitivity(metric m: Int, axis a: Int) -> Double? {
        let means = definition.axes[a].values.indices.compactMap { mean(metric: m, axis: a, value: $0) }
        guard let low = means.min(), let high = means.max() else { return nil }
        return high - low
    }
}

/// The sweep report: `sweep.md` and its SVG figures.
public enum SweepMarkdown {
    /// The most Pareto-front scenarios the report's table lists and its chart draws; a longer
    /// front (every scenario of a utilisation axis can be on it) is thinned evenly.
    static let paretoTableLimit = 40
    static let paretoChartLimit = 1_000

    /// At most `limit` (≥ 2) elements of `elements`, evenly spaced, with the first and the last.
    static func evenlySpaced<T>(_ elements: [T], limit: Int) -> [T] {
        guard elements.count > limit else { return elements }
        return (0..<limit).map { k in elements[(k * (elements.count - 1) + (limit - 1) / 2) / (limit - 1)] }
    }

    /// The report and its figures (file name → SVG), for a summary of every row.
    public static func render(_ summary: SweepSummary, version: String) -> (
        markdown: String, figures: [(name: String, svg: String)]
    ) {
        let d = summary.definition
        var figures: [(String, String)] = []
        var text = """
            # Sweep: \(d.name)

            Base spec `\(d.base)`, \(d.combination.rawValue) combination of \(d.axes.count) axes, \
            \(Format.integer(d.scenarioCount)) scenarios, analyses: \
            \(d.analyses == .annual ? "design point and the plant over the weather year" : "design point"). \
            Generated by dcplan \(version) from the sweep spec; the rows are in `results.csv` and `results.jsonl`.

            | Status | Scenarios |
            |---|---:|

            """
        for status in SweepStatus.allCases {
            text += "| \(status.rawValue) | \(Format.integer(summary.statusCounts[status, default: 0])) |\n"
        }
        let robust = d.hasAssumptions
        var axes = MarkdownTable([("Axis", .left), ("Values", .left)] + (robust ? [("Role", .left)] : []))
        for axis in d.axes {
            axes.add(
                ["`\(axis.path)`", axis.values.map(\.description).joined(separator: ", ")]
                    + (robust ? [axis.role.rawValue] : []))
        }
        text += "\n## Axes\n\n" + axes.rendered
        // With assumption axes the ranked items are decisions (DESIGN.md §7.2), named by their
        // decision axes' values; otherwise scenarios, named by their index and every axis's value.
        let named = robust ? d.decisionAxes : Array(d.axes.indices)
        func label(_ index: Int) -> [String] {
            let values = d.values(of: robust ? d.firstScenario(ofDecision: index) : index)
            return (robust ? [] : [String(index)]) + named.map { values[$0].description }
        }
        let itemColumns: [(String, MarkdownTable.Alignment)] =
            (robust ? [] : [("Scenario", .right)]) + named.map { ("`\(d.axes[$0].path)`", .left) }
        var best = MarkdownTable([("Metric", .left), ("Better", .left), ("Best", .right)] + itemColumns)
        for (m, metric) in d.metrics.enumerated() {
            guard let b = summary.best[m] else {
                best.add(
                    ["\(metric.title) (`\(metric.id)`)", metric.better.rawValue, "–"] + itemColumns.map { _ in "–" })
                continue
            }
            best.add(["\(metric.title) (`\(metric.id)`)", metric.better.rawValue, value(b.value)] + label(b.index))
        }
        if robust {
            let assumed = d.axes.filter { $0.role == .assumption }.map { "`\($0.path)`" }
            let rule =
                d.assumptionSummary == .worst
                ? "its worst value over them (the highest where lower is better, the lowest where higher is better)"
                : "its mean over them (each assumption scenario weighted equally)"
            let failed =
                summary.failedDecisions > 0
                ? "; \(Format.integer(summary.failedDecisions)) are left out because a scenario of theirs failed "
                    + "(error or check-failed)" : ""
            text += "\n## Best decision per metric\n\n"
            text += "The assumption axes (\(assumed.joined(separator: ", "))) are not choices: each decision (a "
            text += "combination of the decision axes' values) is judged over all "
            text += "\(Format.integer(d.scenariosPerDecision)) combinations of the assumption axes, by \(rule). "
            text += "\(Format.integer(summary.decisions)) decisions\(failed). The best value of each metric and the "
            text += "Pareto front below are taken over decisions.\n\n" + best.rendered
        } else {
            text += "\n## Best scenario per metric\n\n" + best.rendered
        }
        if let (x, y) = d.pareto {
            let front = summary.front.sorted { ($0.x, $0.index) < ($1.x, $1.index) }
            var table = MarkdownTable(itemColumns + [("`\(x.id)`", .right), ("`\(y.id)`", .right)])
            let listed = evenlySpaced(front, limit: paretoTableLimit)
            for p in listed {
                table.add(label(p.index) + [value(p.x), value(p.y)])
            }
            let drawn = evenlySpaced(front, limit: paretoChartLimit)
            let chart = SVGChart(
                title: "Pareto front: \(x.title) vs \(y.title)", xLabel: x.title, yLabel: y.title,
                points: drawn.map { ($0.x, $0.y) }, xTicks: ticks(drawn.map(\.x) + summary.sample.map(\.x)),
                markers: summary.sample, dots: true)
            figures.append(("pareto.svg", chart.rendered))
            text += """

                ## Pareto front

                \(robust ? "Decisions no other decision beats" : "Scenarios no other scenario beats") on both \
                \(x.title) (\(x.better.rawValue) is better) and \(y.title) (\(y.better.rawValue) is better)\(
                    robust ? ", each summarised over the assumptions as above" : ""); grey dots are the first \
                \(Format.integer(SweepSummary.sampleLimit)) scenarios.\(
                    listed.count < front.count
                        ? " \(Format.integer(front.count)) \(robust ? "decisions" : "scenarios") lie on the front; "
                            + "the table lists \(listed.count) "
                            + "of them, evenly spaced along it from both ends, and the chart draws "
                            + "\(Format.integer(drawn.count))."
                        : "")


                """ + table.rendered + "\n![Pareto front](pareto.svg)\n"
        }
        var sensitivity = MarkdownTable([("Metric", .left)] + d.axes.map { ("`\($0.path)`", .right) })
        for (m, metric) in d.metrics.enumerated() {
            sensitivity.add(
                ["`\(metric.id)`"]
                    + d.axes.indices.map { a in summary.sensitivity(metric: m, axis: a).map(value) ?? "–" })
        }
        text += """

            ## Sensitivity

            How far each metric's mean moves across each axis's values (max − min of the means over the other axes), \
            in the metric's unit.


            """ + sensitivity.rendered
        let charted = Array(d.pareto.map { [$0.0, $0.1] } ?? Array(d.metrics.prefix(2)))
        var chartLines: [String] = []
        for (a, axis) in d.axes.enumerated() {
            for metric in charted {
                guard let m = d.metrics.firstIndex(of: metric) else { continue }
                let xs: [Double] =
                    axis.isNumeric ? axis.values.compactMap(\.number) : axis.values.indices.map(Double.init)
                let points = axis.values.indices.compactMap { v in
                    summary.mean(metric: m, axis: a, value: v).map { (xs[v], $0) }
                }
                guard !points.isEmpty else { continue }
                let name = "axis\(a + 1)-\(metric.id).svg"
                let chart = SVGChart(
                    title: "\(metric.title) vs \(axis.path) (mean)", xLabel: axis.path, yLabel: metric.title,
                    points: points,
                    xTicks: axis.isNumeric
                        ? ticks(xs) : axis.values.enumerated().map { (Double($0.offset), $0.element.description) },
                    dots: true, xRange: axis.isNumeric ? nil : -0.5...(Double(axis.values.count) - 0.5))
                figures.append((name, chart.rendered))
                chartLines.append("![\(metric.title) vs \(axis.path)](\(name))")
            }
        }
        if !chartLines.isEmpty {
            text += "\n## Metrics against each axis\n\n" + chartLines.joined(separator: "\n\n") + "\n"
        }
        return (text, figures)
    }

    /// A metric value: whole numbers as integers, else 1–3 decimals by size.
    static func value(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return Format.integer(Int(v)) }
        return Format.fixed(v, abs(v) >= 100 ? 1 : (abs(v) >= 10 ? 2 : 3))
    }

    /// Up to six evenly spaced ticks over the values' range.
    static func ticks(_ values: [Double]) -> [(Double, String)] {
        guard let low = values.min(), let high = values.max() else { return [] }
        guard high > low else { return [(low, Format.fixed(low, 2))] }
        return (0...5).map { k in
            let x = low + (high - low) * Double(k) / 5
            return (x, Format.fixed(x, abs(high - low) >= 10 ? 0 : 2))
        }
    }
}
