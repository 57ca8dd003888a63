/// One value an axis of a sweep sets: a number or a text (an ID, a redundancy, a file path).
public enum SweepValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case text(String)

    /// `45`, `2.5`, `dc-800v`.
    public var description: String {
        switch self {
        case .number(let value): NumberText.compact(value)
        case .text(let text): text
        }
    }

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}

/// What an axis stands for (DESIGN.md §7.2): a choice the owner makes, or an input the owner
/// does not control (utilisation, weather, rack power) over which each choice is judged.
public enum SweepAxisRole: String, Hashable, Sendable, CaseIterable {
    case decision
    case assumption
}

/// How a decision's metrics are summarised over the assumption axes' scenarios.
public enum AssumptionSummary: String, Hashable, Sendable, CaseIterable {
    /// The worst value in the metric's better direction (highest of a lower-is-better metric):
    /// the decision judged by the assumptions that suit it least.
    case worst
    /// The arithmetic mean over the assumption scenarios (each weighted equally).
    case mean
}

/// A spec path (`halls[*].power.distribution`) and the values it takes.
public struct SweepAxis: Hashable, Sendable {
    public var path: String
    public var values: [SweepValue]
    public var role: SweepAxisRole

    public init(path: String, values: [SweepValue], role: SweepAxisRole = .decision) {
        self.path = path
        self.values = values
        self.role = role
    }

    /// Whether every value is a number (the axis can be drawn on a numeric x axis).
    public var isNumeric: Bool { values.allSatisfy { $0.number != nil } }
}

/// How axes combine into scenarios.
public enum SweepCombination: String, Sendable, CaseIterable {
    /// Every combination; the last axis varies fastest.
    case cartesian
    /// The i-th value of every axis together; all axes have the same length.
    case zip
}

/// What each scenario runs.
public enum SweepAnalyses: String, Sendable, CaseIterable {
    /// Rack power, heat and the power chain at the design point.
    case design
    /// Also the cooling plant over the site's weather year.
    case annual
}

/// A validated sweep: the base spec, axes, what to run and record. Scenario `i` is fully
/// determined by `i`, so any subset (a shard) can be evaluated alone.
public struct SweepDefinition: Sendable {
    public var name: String
    /// The base site spec as written in the sweep file.
    public var base: String
    public var axes: [SweepAxis]
    public var combination: SweepCombination
    public var analyses: SweepAnalyses
    public var metrics: [SweepMetric]
    /// Two metrics for the Pareto front, both in their `better` direction.
    public var pareto: (SweepMetric, SweepMetric)?
    /// SHA-256 of the sweep file and the base spec, hex: tells shards of one sweep from another.
    public var digest: String
    /// How the best decisions and the Pareto front summarise the assumption axes (used only
    /// when some axis is an assumption).
    public var assumptionSummary: AssumptionSummary

    public init(
        name: String, base: String, axes: [SweepAxis], combination: SweepCombination, analyses: SweepAnalyses,
        metrics: [SweepMetric], pareto: (SweepMetric, SweepMetric)?, digest: String,
        assumptionSummary: AssumptionSummary = .worst
    ) {
        self.name = name
        self.base = base
        self.axes = axes
        self.combination = combination
        self.analyses = analyses
        self.metrics = metrics
        self.pareto = pareto
        self.digest = digest
        self.assumptionSummary = assumptionSummary
    }

    /// Whether some axis is an assumption (cartesian sweeps only).
    public var hasAssumptions: Bool { axes.contains { $0.role == .assumption } }

    /// Indices of the decision axes, in axis order.
    public var decisionAxes: [Int] { axes.indices.filter { axes[$0].role == .decision } }

    /// Scenarios per decision: the product of the assumption axes' lengths (1 without any).
    public var scenariosPerDecision: Int {
        axes.filter { $0.role == .assumption }.reduce(1) { $0 * $1.values.count }
    }

    /// The decision scenario `index` belongs to: its decision axes' value indices read as a
    /// mixed-radix number, the last decision axis fastest (cartesian; `index` itself otherwise).
    public func decision(of index: Int) -> Int {
        guard combination == .cartesian, hasAssumptions else { return index }
        let indices = valueIndices(of: index)
        return decisionAxes.reduce(0) { $0 * axes[$1].values.count + indices[$1] }
    }

    /// The first scenario of decision `decision` (every assumption axis at its first value): it
    /// names the decision's values in reports.
    public func firstScenario(ofDecision decision: Int) -> Int {
        guard combination == .cartesian, hasAssumptions else { return decision }
        var rest = decision
        var indices = [Int](repeating: 0, count: axes.count)
        for a in decisionAxes.reversed() {
            indices[a] = rest % axes[a].values.count
            rest /= axes[a].values.count
        }
        return axes.indices.reduce(0) { $0 * axes[$1].values.count + indices[$1] }
    }

    /// Number of scenarios: the product of the axis lengths (cartesian) or the common length (zip).
    public var scenarioCount: Int {
        switch combination {
        case .cartesian: axes.reduce(1) { $0 * $1.values.count }
        case .zip: axes.first?.values.count ?? 0
        }
    }

    /// The index of each axis's value in scenario `index`: mixed radix with the last axis
    /// fastest (cartesian), or `index` on every axis (zip).
    public func valueIndices(of index: Int) -> [Int] {
        switch combination {
        case .zip:
            return axes.map { _ in index }
        case .cartesian:
            var rest = index
            var result = [Int](repeating: 0, count: axes.count)
            for a in axes.indices.reversed() {
                result[a] = rest % axes[a].values.count
                rest /= axes[a].values.count
            }
            return result
        }
    }

    /// The value of each axis in scenario `index`.
    public func values(of index: Int) -> [SweepValue] {
        zip(axes, valueIndices(of: index)).map { $0.values[$1] }
    }
}

/// How a scenario ended.
public enum SweepStatus: String, Sendable, CaseIterable {
    /// Planned; every check passed.
    case ok
    /// Planned, but a check failed (an error finding, as `dcplan plan` exits 2).
    case checkFailed = "check-failed"
    /// Not planned: the spec with these values is invalid.
    case error
}

/// One scenario's result: its values, status, message and one value per recorded metric
/// (nil when the scenario has none, e.g. after an error).
public struct SweepRow: Hashable, Sendable {
    public var index: Int
    public var values: [SweepValue]
    public var status: SweepStatus
    /// The first error finding, or empty.
    public var message: String
    public var metrics: [Double?]

    public init(index: Int, values: [SweepValue], status: SweepStatus, message: String, metrics: [Double?]) {
        self.index = index
        self.values = values
        self.status = status
        self.message = message
        self.metrics = metrics
    }
}
