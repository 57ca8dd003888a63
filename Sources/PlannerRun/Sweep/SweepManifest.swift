import Foundation
import PlannerModel
import SiteSpec

/// `shard.json`: what `merge` needs to rebuild the sweep's definition and check the shards.
struct SweepManifest: Codable, Sendable {
    struct Axis: Codable {
        var path: String
        var values: [Value]
        /// `assumption`, or nil for a decision axis.
        var role: String?
    }

    enum Value: Codable {
        case number(Double)
        case text(String)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Double.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .text(let t): try c.encode(t)
            }
        }
    }

    var digest: String
    var shard: Int
    var shards: Int
    var name: String
    var base: String
    var combination: String
    var analyses: String
    var axes: [Axis]
    var metrics: [String]
    var pareto: [String]?
    /// How decisions summarise the assumption axes; nil when no axis is an assumption.
    var assumptions: String?

    init(definition d: SweepDefinition, shard: Shard) {
        digest = d.digest
        (self.shard, shards) = (shard.index, shard.count)
        (name, base, combination, analyses) = (d.name, d.base, d.combination.rawValue, d.analyses.rawValue)
        axes = d.axes.map { axis in
            Axis(
                path: axis.path, values: axis.values.map { v in v.number.map(Value.number) ?? .text(v.description) },
                role: axis.role == .assumption ? axis.role.rawValue : nil)
        }
        assumptions = d.hasAssumptions ? d.assumptionSummary.rawValue : nil
        metrics = d.metrics.map(\.id)
        pareto = d.pareto.map { [$0.0.id, $0.1.id] }
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    static func read(from dir: String) throws -> SweepManifest {
        guard let data = FileManager.default.contents(atPath: dir + "/shard.json") else {
            throw RunFailure("\(dir): no shard.json; it is not the output of `dcplan sweep run --shard`")
        }
        do {
            return try JSONDecoder().decode(SweepManifest.self, from: data)
        } catch {
            throw RunFailure("\(dir)/shard.json: not a shard manifest (\(error.localizedDescription))")
        }
    }

    func definition() throws -> SweepDefinition {
        let metrics = try self.metrics.map { id in
            guard let metric = SweepMetric.named(id) else {
                throw RunFailure("shard.json names an unknown metric '\(id)'")
            }
            return metric
        }
        guard let combination = SweepCombination(rawValue: combination),
            let analyses = SweepAnalyses(rawValue: analyses)
        else {
            throw RunFailure("shard.json: unknown combination or analyses")
        }
        guard let summary = AssumptionSummary(rawValue: assumptions ?? AssumptionSummary.worst.rawValue),
            axes.allSatisfy({ $0.role.map { SweepAxisRole(rawValue: $0) != nil } ?? true })
        else {
            throw RunFailure("shard.json: unknown axis role or assumption summary")
        }
        let pair = pareto.flatMap { ids -> (SweepMetric, SweepMetric)? in
            guard ids.count == 2, let x = metrics.first(where: { $0.id == ids[0] }),
                let y = metrics.first(where: { $0.id == ids[1] })
            else { return nil }
            return (x, y)
        }
        let definition = SweepDefinition(
            name: name, base: base,
            axes: axes.map { axis in
                SweepAxis(
                    path: axis.path,
                    values: axis.values.map { v in
                        switch v {
                        case .number(let n): .number(n)
                        case .text(let t): .text(t)
                        }
                    }, role: axis.role.flatMap(SweepAxisRole.init(rawValue:)) ?? .decision)
            },
            combination: combination, analyses: analyses, metrics: metrics, pareto: pair, digest: digest,
            assumptionSummary: summary)
        // What the loader guarantees, checked again for a manifest edited by hand: values on every
        // axis, zipped axes of one length, at most 10⁹ scenarios (before any array is sized by them).
        guard !axes.isEmpty, axes.allSatisfy({ !$0.values.isEmpty }) else {
            throw RunFailure("shard.json: every axis needs at least one value")
        }
        if combination == .zip, Set(axes.map(\.values.count)).count != 1 {
            throw RunFailure("shard.json: zipped axes must have the same number of values")
        }
        if definition.hasAssumptions, combination == .zip || definition.decisionAxes.isEmpty {
            throw RunFailure("shard.json: assumption axes need a cartesian sweep with at least one decision axis")
        }
        var count = 1
        for axis in axes where combination == .cartesian {
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= SweepLoader.maximumScenarios else {
                throw RunFailure("shard.json: the axes define more than \(SweepLoader.maximumScenarios) scenarios")
            }
            count = product
        }
        return definition
    }
}
