import PlannerModel
import Yams

/// The keys a spec mapping accepts, spelt as in the file: the `CodingKeys` of a DTO. Keys not
/// listed are reported as unknown, with the closest listed key suggested.
protocol SpecKey: RawRepresentable, CaseIterable where RawValue == String {
    /// What the key holds (`SpecSchema.swift`); the reader checks each read against it.
    var schema: KeySchema { get }
}

/// A DTO read from one YAML mapping of the spec.
protocol SpecMapping {
    associatedtype Key: SpecKey
    init(_ reader: MappingReader<Key>)
}

/// A value read from the spec, with where it was written.
struct Located<Value> {
    var value: Value
    var place: Place
}

/// Reads the values of one YAML mapping into DTO fields.
///
/// This is the structural phase of loading, done straight from Yams's composed `Node` tree
/// rather than through `Decodable`: a wrong type is logged at the offending node (with its line
/// and column) and reading carries on, so one run reports every structural problem, and every
/// value keeps its place for the semantic checks that follow. Creating a reader logs the
/// mapping's unknown keys as warnings.
struct MappingReader<Key: SpecKey> {
    let place: Place
    let log: FindingLog
    /// The mapping's entries by key text; YAML composition already rejects duplicate keys.
    private let entries: [String: (key: Node, value: Node)]

    init(_ mapping: Node.Mapping, at place: Place, log: FindingLog) {
        self.place = place
        self.log = log
        var entries: [String: (key: Node, value: Node)] = [:]
        let known = Key.allCases.map(\.rawValue)
        for (key, value) in mapping {
            let name = key.string ?? ""
            entries[name] = (key, value)
            if !known.contains(name) {
                let suggestion = Phrase.didYouMean(
                    EditDistance.closest(to: name, in: known, limit: 1),
                    otherwise: "; expected \(Phrase.alternatives(known))")
                log.warning("unknown key '\(name)'\(suggestion)", at: Place(path: place.path, mark: key.mark))
            }
        }
        self.entries = entries
    }

    /// Whether the mapping has the key, whatever its value.
    func contains(_ key: Key) -> Bool { entries[key.rawValue] != nil }

    /// Logs a missing key at the mapping that should hold it; `note` says when it is needed.
    func missingKey(_ key: Key, _ note: String = "") {
        log.error("missing required key '\(key.rawValue)'\(note)", at: place)
    }

    /// Scalar text: strings, and numbers, booleans or dates written where text is expected
    /// (`name: 2027` is the text "2027").
    func string(_ key: Key, required: Bool = false) -> Located<String>? {
        value(key, required: required, as: .string)
    }

    /// A number (integer or decimal); `.inf` and `.nan` are rejected.
    func number(_ key: Key, required: Bool = false) -> Located<Double>? {
        value(key, required: required, as: .number)
    }

    /// A number where a whole number is expected. Read as a `Double` so that the semantic
    /// checks can say `must be a positive integer, got 2.5` rather than a type error.
    func integer(_ key: Key, required: Bool = false) -> Located<Double>? {
        value(key, required: required, as: .integer)
    }

    /// A nested mapping read into its DTO.
    func mapping<T: SpecMapping>(_ key: Key, required: Bool = false) -> T? {
        checkSchema(key, required: required, kind: .mapping)
        return entry(key, required: required).flatMap { T.read($0.node, at: $0.place, log: log) }
    }

    /// A list of mappings, each read into its DTO; elements that are not mappings are logged
    /// and left out. With `atLeastOne`, an empty list is an error naming what it should hold.
    func list<T: SpecMapping>(_ key: Key, required: Bool = false, atLeastOne noun: String? = nil) -> [T]? {
        guard let list: Located<[Node]> = value(key, required: required, as: .list) else { return nil }
        if let noun, list.value.isEmpty { log.error("must list at least one \(noun)", at: list.place) }
        return list.value.enumerated().compactMap { index, node in
            T.read(node, at: Place(path: list.place.path.appending(index: index), mark: node.mark), log: log)
        }
    }

    /// Where the key's value is written; nil when the key is absent.
    func place(of key: Key) -> Place? { entry(key, required: false)?.place }

    /// A list of strings, each with its own place.
    func strings(_ key: Key, required: Bool = false) -> Located<[Located<String>]>? {
        elements(key, required: required, as: .string)
    }

    /// A list of scalars, numbers kept as numbers and anything else as text.
    func scalars(_ key: Key) -> Located<[Located<SweepValue>]>? {
        guard let list: Located<[Node]> = value(key, required: false, as: .list) else { return nil }
        let items = list.value.enumerated().compactMap { index, node -> Located<SweepValue>? in
            let place = Place(path: list.place.path.appending(index: index), mark: node.mark)
            if let number: Double = ValueKind.number.peek(node) { return Located(value: .number(number), place: place) }
            let text: String? = ValueKind.string.read(node, at: place, log: log)
            return text.map { Located(value: .text($0), place: place) }
        }
        return Located(value: items, place: list.place)
    }

    private func elements<T>(_ key: Key, required: Bool, as kind: ValueKind) -> Located<[Located<T>]>? {
        guard let list: Located<[Node]> = value(key, required: required, as: .list) else { return nil }
        let items = list.value.enumerated().compactMap { index, node -> Located<T>? in
            let place = Place(path: list.place.path.appending(index: index), mark: node.mark)
            let item: T? = kind.read(node, at: place, log: log)
            return item.map { Located(value: $0, place: place) }
        }
        return Located(value: items, place: list.place)
    }

    /// A list of numbers, each with its own place for messages.
    func numbers(_ key: Key) -> Located<[Located<Double>]>? {
        elements(key, required: false, as: .number)
    }

    /// A scalar or list value of the given kind.
    private func value<T>(_ key: Key, required: Bool, as kind: ValueKind) -> Located<T>? {
        checkSchema(key, required: required, kind: kind)
        guard let (node, place) = entry(key, required: required) else { return nil }
        return kind.read(node, at: place, log: log).map { Located(value: $0, place: place) }
    }

    /// In debug builds (the tests), stops on a read that disagrees with the key's declared
    /// schema, so `dcplan schema` always describes what the loader reads.
    private func checkSchema(_ key: Key, required: Bool, kind: ValueKind) {
        assert(
            key.schema.accepts(kind) && key.schema.required == required,
            "\(Key.self).\(key.rawValue) is read as \(kind.rawValue)\(required ? ", required" : "") but its schema says otherwise")
    }

    /// The value node of a key and its place; nil when absent (logged when required).
    private func entry(_ key: Key, required: Bool) -> (node: Node, place: Place)? {
        guard let entry = entries[key.rawValue] else {
            if required { missingKey(key) }
            return nil
        }
        return (entry.value, Place(path: place.path.appending(key: key.rawValue), mark: entry.value.mark))
    }
}

extension SpecMapping {
    /// Reads the DTO from a mapping node; nil (after logging) when the node is something else.
    static func read(_ node: Node, at place: Place, log: FindingLog) -> Self? {
        let mapping: Node.Mapping? = ValueKind.mapping.read(node, at: place, log: log)
        return mapping.map { Self(MappingReader($0, at: place, log: log)) }
    }
}

/// The kinds of value a spec key can hold, with how each is taken from a YAML node and how a
/// mismatch is worded: `expected an integer, got "many"`.
enum ValueKind: String {
    case string = "a string"
    case number = "a number"
    case integer = "an integer"
    case mapping = "a mapping"
    case list = "a list"

    /// The node as a `T` (`String`, `Double`, `[Node]` or `Node.Mapping`), or nil after
    /// logging a type mismatch at `place`.
    /// The node as a `T` when it is of this kind; nil (and nothing logged) otherwise.
    func peek<T>(_ node: Node) -> T? { extract(node) as? T }

    func read<T>(_ node: Node, at place: Place, log: FindingLog) -> T? {
        if let value = extract(node) as? T { return value }
        log.error("expected \(rawValue), got \(Self.describe(node))", at: place)
        return nil
    }

    private func extract(_ node: Node) -> Any? {
        switch (self, node) {
        case (.string, .scalar(let scalar)):
            return node.resolvedTag == .null ? nil : scalar.string
        case (.number, .scalar), (.integer, .scalar):
            guard node.resolvedTag == .int || node.resolvedTag == .float else { return nil }
            // Fast path: plain decimal text (what nearly every spec number is) parses directly;
            // Yams's own conversion handles the rest (1_000, 0o17, .inf).
            if case .scalar(let scalar) = node, let fast = Double(scalar.string), fast.isFinite,
                scalar.string.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69 })
            {
                return fast
            }
            return (node.int.map(Double.init) ?? node.float).flatMap { $0.isFinite ? $0 : nil }
        case (.list, .sequence(let sequence)):
            return Array(sequence)
        case (.mapping, .mapping(let mapping)):
            return mapping
        default:
            return nil
        }
    }

    /// What was found instead, for a message: `"many"` (text, quoted), `2.5`, `true`, `null`,
    /// `no value`, `a mapping`, `a list`.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar) where node.resolvedTag == .null:
            return scalar.string.isEmpty ? "no value" : "null"
        case .scalar(let scalar) where node.resolvedTag == .str:
            return "\"\(scalar.string)\""
        case .scalar(let scalar):
            return scalar.string
        case .mapping:
            return "a mapping"
        case .sequence:
            return "a list"
        case .alias:
            return "an alias"
        }
    }
}

extension Node {
    /// The node's tag after implicit resolution: `.int` for `3`, `.str` for `"3"`, `.null` for
    /// an empty value.
    var resolvedTag: Tag.Name { Tag.Name(rawValue: tag.description) }
}
