import PlannerModel
import Yams

/// `uncertainty:` — how many Latin hypercube samples to draw and how (DESIGN.md §5.20).
struct UncertaintySection: SpecMapping {
    enum Key: String, SpecKey {
        case samples, seed
        case defaultsSpread = "defaults_spread"
    }
    var place: Place
    var samples: Located<Double>?
    var seed: Located<Double>?
    var defaultsSpread: Located<String>?

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        samples = reader.integer(.samples)
        seed = reader.integer(.seed)
        defaultsSpread = reader.string(.defaultsSpread)
    }
}

extension UncertaintySection.Key {
    var schema: KeySchema {
        switch self {
        case .samples:
            .integer(
                "Latin hypercube samples of the uncertain inputs (DESIGN.md §5.20); the plan reports P10 / P50 / P90 "
                    + "of its headline figures. Default: none drawn.",
                minimum: 1, maximum: UncertaintyChoices.maximumSamples)
        case .seed:
            .integer(
                "Seed of the Latin hypercube (default 1); the same seed gives the same samples on any machine.",
                minimum: 0, maximum: 2_147_483_647)
        case .defaultsSpread:
            .string(
                "How inputs without a distribution of their own are spread: confidence (default: defaults, rack "
                    + "power and unit costs by their catalogue confidence or range, REFERENCE.md P500) or none (only "
                    + "the spec's distributions vary).", ["confidence", "none"])
        }
    }
}

/// Values written as distributions (`{ low, typical, high }`, `{ mean, sd }`, `{ alternatives:
/// [...] }`) where the spec takes a number or a text (DESIGN.md §5.20). They are found by walking
/// the composed tree with the keys' schema, checked, and replaced by their central value before
/// the spec is read, so the deterministic plan and every reader see plain values.
enum SpecDistributions {
    /// The tree with every distribution replaced by its central value, and the distributions
    /// found, in document order. Malformed distributions are errors in `log` at their line.
    static func extract(_ root: Node, log: FindingLog) -> (root: Node, inputs: [UncertainInput]) {
        // Every load (each sweep scenario, each uncertainty sample) passes here: a spec without a
        // distribution key anywhere is left as it is without building any key's schema.
        guard mayHoldDistribution(root) else { return (root, []) }
        var inputs: [UncertainInput] = []
        let replaced = walk(SpecDocument.self, root, path: "", log: log, inputs: &inputs)
        return (replaced ?? root, inputs)
    }

    /// The keys a distribution is written with.
    static let distributionKeys: Set<String> = ["low", "typical", "high", "mean", "sd", "alternatives"]

    /// Whether any mapping under `node` has a key a distribution is written with.
    static func mayHoldDistribution(_ node: Node) -> Bool {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let name = key.string, distributionKeys.contains(name) { return true }
                if mayHoldDistribution(value) { return true }
            }
            return false
        case .sequence(let sequence):
            return sequence.contains(where: mayHoldDistribution)
        case .scalar, .alias:
            return false
        }
    }

    /// The mapping with its distributions replaced, or nil when it holds none (nothing rebuilt).
    private static func walk<T: SpecMapping>(
        _ type: T.Type, _ node: Node, path: String, log: FindingLog, inputs: inout [UncertainInput]
    ) -> Node? {
        guard case .mapping(var mapping) = node else { return nil }
        var changed = false
        for index in mapping.indices {
            let (keyNode, value) = mapping[index]
            guard let name = keyNode.string, let key = T.Key(rawValue: name) else { continue }
            let here = path.isEmpty ? name : "\(path).\(name)"
            let replacement: Node?
            switch key.schema.kind {
            case .number, .integer, .string:
                replacement = distribution(value, key: here, schema: key.schema, log: log, inputs: &inputs)
            case .mapping(let inner):
                replacement = walk(inner, value, path: here, log: log, inputs: &inputs)
            case .list(let inner):
                guard case .sequence(var sequence) = value else { continue }
                var listChanged = false
                for i in sequence.indices {
                    if let element = walk(inner, sequence[i], path: "\(here)[\(i)]", log: log, inputs: &inputs) {
                        sequence[i] = element
                        listChanged = true
                    }
                }
                replacement = listChanged ? .sequence(sequence) : nil
            case .numberList, .stringList, .scalarList:
                replacement = nil
            }
            if let replacement {
                mapping[index] = (keyNode, replacement)
                changed = true
            }
        }
        return changed ? .mapping(mapping) : nil
    }

    /// The central value's node when `node` is a distribution (recording it in `inputs`), nil when
    /// it is a plain value. A malformed distribution is logged and replaced by whatever central
    /// value it has, so the reader does not report it a second time as a wrong type.
    private static func distribution(
        _ node: Node, key: String, schema: KeySchema, log: FindingLog, inputs: inout [UncertainInput]
    ) -> Node? {
        guard case .mapping(let mapping) = node else { return nil }
        let place = Place(path: SpecPath.root.appending(key: key), mark: node.mark)
        var fields: [String: Node] = [:]
        for (k, v) in mapping { fields[k.string ?? ""] = v }
        let names = Set(fields.keys)
        let numeric: Bool
        switch schema.kind {
        case .number, .integer: numeric = true
        default: numeric = false
        }
        let integer: Bool
        if case .integer = schema.kind { integer = true } else { integer = false }
        func number(_ field: String) -> Double? {
            guard let node = fields[field] else { return nil }
            guard case .scalar = node, let value = node.float, value.isFinite else {
                log.error(
                    "\(field) must be a number, got '\(node.string ?? "a \(ValueKind.describe(node))")'", at: place)
                return nil
            }
            return value
        }
        func inRange(_ value: Double, _ what: String) -> Bool {
            guard let problem = schema.violation(value) else { return true }
            log.error("the distribution's \(what) \(Phrase.number(value)): \(problem)", at: place)
            return false
        }
        // The central value keeps the distribution's place, so later checks of it point there.
        func scalar(_ value: Double) -> Node {
            let made = Node.scalar(Node.Scalar(NumberText.compact(value), Tag(.implicit), .plain, node.mark))
            _ = made.tag
            return made
        }
        let line = node.mark.map { " (line \($0.line))" } ?? ""
        if names == ["low", "typical", "high"], numeric {
            guard let low = number("low"), let typical = number("typical"), let high = number("high") else {
                return fields["typical"]
            }
            guard low <= typical, typical <= high else {
                log.error(
                    "a triangular distribution needs low ≤ typical ≤ high, got low \(Phrase.number(low)), typical "
                        + "\(Phrase.number(typical)), high \(Phrase.number(high))", at: place)
                return scalar(typical)
            }
            let ok = inRange(low, "low") && inRange(high, "high") && integral(typical, integer, place, log)
            guard ok else { return scalar(typical.rounded()) }
            do {
                inputs.append(
                    UncertainInput(
                        name: key, kind: .specKey, distribution: .triangular(low: low, mode: typical, high: high),
                        integer: integer, origin: "the spec\(line)"))
            }
            return scalar(typical)
        }
        if names == ["mean", "sd"], numeric {
            guard let mean = number("mean"), let sd = number("sd") else { return fields["mean"] }
            guard sd >= 0 else {
                log.error(
                    "a normal distribution needs sd ≥ 0, got sd \(Phrase.number(sd))", at: place)
                return scalar(mean)
            }
            guard inRange(mean, "mean"), integral(mean, integer, place, log) else { return scalar(mean.rounded()) }
            do {
                inputs.append(
                    UncertainInput(
                        name: key, kind: .specKey, distribution: .normal(mean: mean, sd: sd), integer: integer,
                        origin: "the spec\(line)"))
            }
            return scalar(mean)
        }
        if names == ["alternatives"] {
            guard case .sequence(let sequence)? = fields["alternatives"], !sequence.isEmpty,
                sequence.allSatisfy({ if case .scalar = $0 { true } else { false } })
            else {
                log.error("alternatives must be a non-empty list of values, e.g. { alternatives: [a, b] }", at: place)
                return nil
            }
            var values: [SweepValue] = []
            for element in sequence {
                if numeric {
                    guard let value = element.float, value.isFinite else {
                        log.error("the alternative '\(element.string ?? "")' is not a number", at: place)
                        return sequence[0]
                    }
                    guard inRange(value, "alternative"), integral(value, integer, place, log) else {
                        return sequence[0]
                    }
                    values.append(.number(value))
                } else {
                    values.append(.text(element.string ?? ""))
                }
            }
            inputs.append(
                UncertainInput(
                    name: key, kind: .specKey, distribution: .alternatives(values), integer: integer,
                    origin: "the spec\(line)"))
            return sequence[0]
        }
        guard numeric || names.contains("alternatives") else { return nil }
        log.error(
            "a value with a spread is written { low, typical, high } (triangular), { mean, sd } (normal) or "
                + "{ alternatives: [a, b] }\(numeric ? "" : " (a text takes alternatives only)"), got "
                + "{ \(mapping.compactMap { $0.key.string }.joined(separator: ", ")) }",
            at: place)
        return fields["typical"] ?? fields["mean"]
    }

    private static func integral(_ value: Double, _ integer: Bool, _ place: Place, _ log: FindingLog) -> Bool {
        guard integer, value != value.rounded() else { return true }
        log.error("the central value of an integer key must be a whole number, got \(Phrase.number(value))", at: place)
        return false
    }
}
