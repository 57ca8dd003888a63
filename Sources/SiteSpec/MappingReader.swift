import PlannerModel
import Yams

/// The keys a spec mapping accepts, spelt as in the file: the `CodingKeys` of a DTO. Keys not
/// listed are reported as unknown, with the closest listed key suggested.
protocol SpecKey: RawRepresentable, CaseIterable where RawValue == String {
    /// What the key holds (`SpecSchema.swift`); the reader checks each read against it.
    var schema: KeySchema { get }
    /// Key texts the format no longer accepts: not warned about as unknown, because the DTO
    /// reports each as an error naming what replaced it (`MappingReader.retiredPlace(_:)`).
    static var retired: [String] { get }
}

extension SpecKey {
    static var retired: [String] { [] }
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
    /// The mapping's values with their key texts, in order; YAML composition already rejects
    /// duplicate keys. Looked up by scanning: a spec mapping has a few keys, and a scan costs
    /// less than hashing each key into a dictionary (every scenario of a sweep loads the spec).
    private let entries: [(name: String, value: Node)]

    init(_ mapping: Node.Mapping, at place: Place, log: FindingLog) {
        self.place = Place(path: place.path.spelt, line: place.line, column: place.column)
        self.log = log
        var entries: [(name: String, value: Node)] = []
        entries.reserveCapacity(mapping.count)
        var merged: [(name: String, value: Node, key: Node)] = []
        // By index: iterating a `Node.Mapping` first copies all its pairs into a new array.
        for index in mapping.indices {
            let (key, value) = mapping[index]
            let name = key.string ?? ""
            if name == Self.mergeKey {
                merged += Self.mergedEntries(value, key: key, at: place, log: log)
                continue
            }
            entries.append((name, value))
            Self.checkKnown(name, key, at: place, log: log)
        }
        // YAML 1.1 merge keys (`<<: *defaults`, `<<: [*a, *b]`): the merged mappings' keys that
        // the mapping does not write itself, the first merged mapping winning over later ones.
        for entry in merged where !entries.contains(where: { $0.name == entry.name }) {
            entries.append((entry.name, entry.value))
            Self.checkKnown(entry.name, entry.key, at: place, log: log)
        }
        self.entries = entries
    }

    /// The key that merges other mappings into this one (YAML 1.1 merge key type).
    static var mergeKey: String { "<<" }

    /// Warns about a key the mapping does not know, with the closest known one. Keys starting
    /// with `x-` are extension fields that hold YAML anchors for merge keys (as in Compose files)
    /// and are left out without a word.
    private static func checkKnown(_ name: String, _ key: Node, at place: Place, log: FindingLog) {
        guard Key(rawValue: name) == nil, !name.hasPrefix("x-"), !Key.retired.contains(name) else { return }
        let known = Key.allCases.map(\.rawValue)
        let suggestion = Phrase.didYouMean(
            EditDistance.closest(to: name, in: known, limit: 1), otherwise: "; expected \(Phrase.alternatives(known))")
        log.warning("unknown key '\(name)'\(suggestion)", at: Place(path: place.path, mark: key.mark))
    }

    /// The entries a merge key's value brings in, in precedence order: one mapping's own entries
    /// (after its own merges), or those of each mapping of a list, earlier mappings first. Any
    /// other value is an error at the merge key.
    private static func mergedEntries(_ value: Node, key: Node, at place: Place, log: FindingLog)
        -> [(name: String, value: Node, key: Node)]
    {
        func entries(of mapping: Node.Mapping) -> [(name: String, value: Node, key: Node)] {
            var own: [(name: String, value: Node, key: Node)] = []
            var inner: [(name: String, value: Node, key: Node)] = []
            for index in mapping.indices {
                let (k, v) = mapping[index]
                let name = k.string ?? ""
                if name == mergeKey {
                    inner += mergedEntries(v, key: k, at: place, log: log)
                } else {
                    own.append((name, v, k))
                }
            }
            return own + inner.filter { entry in !own.contains { $0.name == entry.name } }
        }
        switch value {
        case .mapping(let mapping):
            return entries(of: mapping)
        case .sequence(let sequence) where sequence.allSatisfy({ $0.mapping != nil }):
            var all: [(name: String, value: Node, key: Node)] = []
            for element in sequence {
                for entry in entries(of: element.mapping!) where !all.contains(where: { $0.name == entry.name }) {
                    all.append(entry)
                }
            }
            return all
        default:
            log.error(
                "the merge key '<<' takes a mapping or a list of mappings (<<: *defaults or <<: [*a, *b]), got "
                    + ValueKind.describe(value),
                at: Place(path: place.path, mark: key.mark))
            return []
        }
    }

    /// The value of the key text `name`; the last one if the mapping repeats it.
    private func value(named name: String) -> Node? {
        entries.last { $0.name == name }?.value
    }

    /// Where a retired key's value is written (`SpecKey.retired`); nil when the mapping does not
    /// write it.
    func retiredPlace(_ name: String) -> Place? {
        value(named: name).map { Place(path: place.path.appending(key: name), mark: $0.mark) }
    }

    /// Whether the mapping has the key, whatever its value.
    func contains(_ key: Key) -> Bool { value(named: key.rawValue) != nil }

    /// Logs a missing key at the mapping that should hold it; `note` says when it is needed.
    func missingKey(_ key: Key, _ note: String = "") {
        log.error("missing required key '\(key.rawValue)'\(note)", at: place)
    }

    /// Scalar text: strings, and numbers, booleans or dates written where text is expected
    /// (`name: 2027` is the text "2027").
    func string(_ key: Key, required: Bool = false) -> Located<String>? {
        value(key, required: required, as: .string)
    }

    /// A number (integer or decimal) within the key's declared `PhysicalRange`; `.inf` and
    /// `.nan` are rejected as not numbers, a number outside the range is an error at the value
    /// (`must be within 0–50 K and above 0, got 1e308`) and gives nil. A `_percent` key whose
    /// default is 10 % or more warns about a value between 0 and 1 (a fraction written as a
    /// percentage).
    func number(_ key: Key, required: Bool = false) -> Located<Double>? {
        inRange(key.schema, value(key, required: required, as: .number))
    }

    /// A whole number within the key's declared `IntegerRange`, as a `Double`, so that the
    /// message can say `must be a positive integer, got 2.5` rather than a type error; nil after
    /// the error when the number is not whole or outside the range.
    func integer(_ key: Key, required: Bool = false) -> Located<Double>? {
        inRange(key.schema, value(key, required: required, as: .integer))
    }

    /// The number written for the key when it is one but outside its declared range (already
    /// reported by `number(_:)` or `integer(_:)`), without logging anything.
    func numberOutsideRange(_ key: Key) -> Located<Double>? {
        guard let (node, place) = entry(key, required: false), let number: Double = ValueKind.number.peek(node),
            key.schema.violation(number) != nil
        else { return nil }
        return Located(value: number, place: place)
    }

    /// `value` when it lies within the schema's range, else nil after logging the violation.
    private func inRange(_ schema: KeySchema, _ value: Located<Double>?) -> Located<Double>? {
        guard let value else { return nil }
        if let violation = schema.violation(value.value) {
            log.error(violation, at: value.place)
            return nil
        }
        if let typical = schema.percentDefault, typical >= 10, value.value > 0, value.value < 1 {
            let percent = Phrase.number(value.value)
            let meant = Phrase.number((value.value * 100 * 1e9).rounded() / 1e9)
            log.warning("\(percent) % looks like a fraction: write \(meant) for \(meant) %", at: value.place)
        }
        return value
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
        let path = list.place.path.spelt
        return list.value.enumerated().compactMap { index, node in
            T.read(node, at: Place(path: path.appending(index: index), mark: node.mark), log: log)
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
        let path = list.place.path.spelt
        let items = list.value.enumerated().compactMap { index, node -> Located<SweepValue>? in
            let place = Place(path: path.appending(index: index), mark: node.mark)
            if let number: Double = ValueKind.number.peek(node) { return Located(value: .number(number), place: place) }
            let text: String? = ValueKind.string.read(node, at: place, log: log)
            return text.map { Located(value: .text($0), place: place) }
        }
        return Located(value: items, place: list.place)
    }

    private func elements<T: SpecValue>(_ key: Key, required: Bool, as kind: ValueKind) -> Located<[Located<T>]>? {
        guard let list: Located<[Node]> = value(key, required: required, as: .list) else { return nil }
        let path = list.place.path.spelt
        let items = list.value.enumerated().compactMap { index, node -> Located<T>? in
            let place = Place(path: path.appending(index: index), mark: node.mark)
            let item: T? = kind.read(node, at: place, log: log)
            return item.map { Located(value: $0, place: place) }
        }
        return Located(value: items, place: list.place)
    }

    /// A list of numbers, each with its own place for messages and checked against the key's
    /// range; an element that is not a number or is outside the range is nil (after its error),
    /// so the list keeps the length written.
    func numbers(_ key: Key) -> Located<[Located<Double>?]>? {
        guard let list: Located<[Node]> = value(key, required: false, as: .list) else { return nil }
        let path = list.place.path.spelt
        let schema = key.schema
        let items = list.value.enumerated().map { index, node -> Located<Double>? in
            let place = Place(path: path.appending(index: index), mark: node.mark)
            let item: Double? = ValueKind.number.read(node, at: place, log: log)
            return inRange(schema, item.map { Located(value: $0, place: place) })
        }
        return Located(value: items, place: list.place)
    }

    /// A scalar or list value of the given kind.
    private func value<T: SpecValue>(_ key: Key, required: Bool, as kind: ValueKind) -> Located<T>? {
        checkSchema(key, required: required, kind: kind)
        guard let (node, place) = entry(key, required: required) else { return nil }
        return kind.read(node, at: place, log: log).map { Located(value: $0, place: place) }
    }

    /// In debug builds (the tests), stops on a read that disagrees with the key's declared
    /// schema, so `dcplan schema` always describes what the loader reads.
    private func checkSchema(_ key: Key, required: Bool, kind: ValueKind) {
        assert(
            key.schema.accepts(kind) && key.schema.required == required,
            "\(Key.self).\(key.rawValue) is read as \(kind.rawValue)\(required ? ", required" : "") but its schema "
                + "says otherwise"
        )
    }

    /// The value node of a key and its place; nil when absent (logged when required).
    private func entry(_ key: Key, required: Bool) -> (node: Node, place: Place)? {
        guard let value = value(named: key.rawValue) else {
            if required { missingKey(key) }
            return nil
        }
        return (value, Place(path: place.path.appending(key: key.rawValue), mark: value.mark))
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

    /// The node as a `T` when it is of this kind; nil (and nothing logged) otherwise.
    func peek<T: SpecValue>(_ node: Node) -> T? { T.extract(node, as: self) }

    /// The node as a `T` (`String`, `Double`, `[Node]` or `Node.Mapping`), or nil after
    /// logging a type mismatch at `place`.
    func read<T: SpecValue>(_ node: Node, at place: Place, log: FindingLog) -> T? {
        if let value = T.extract(node, as: self) { return value }
        log.error("expected \(rawValue), got \(Self.describe(node))", at: place)
        return nil
    }

    /// The text of a scalar that is not null.
    fileprivate func text(_ node: Node) -> String? {
        guard self == .string, case .scalar(let scalar) = node, node.resolvedTag != .null else { return nil }
        return scalar.string
    }

    /// The finite number a scalar holds, when it is an int or a float.
    fileprivate func number(_ node: Node) -> Double? {
        switch (self, node) {
        case (.number, .scalar), (.integer, .scalar):
            guard node.resolvedTag == .int || node.resolvedTag == .float else { return nil }
            // Fast path: plain decimal text (what nearly every spec number is) parses directly;
            // Yams's own conversion handles the rest (1_000, 0o17, .inf).
            if case .scalar(let scalar) = node, let fast = Double(scalar.string), fast.isFinite,
                scalar.string.utf8.allSatisfy({
                    ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69
                })
            {
                return fast
            }
            return (node.int.map(Double.init) ?? node.float).flatMap { $0.isFinite ? $0 : nil }
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

/// A type a spec value is read into: `String`, `Double`, `[Node]` (a list's elements) or
/// `Node.Mapping`. Each takes itself from a node directly: going through `Any` and `as? T` put
/// each mapping read in a heap box and ran the runtime's dynamic cast on every value read.
protocol SpecValue {
    /// The node as this type when it is of `kind`; nil otherwise.
    static func extract(_ node: Node, as kind: ValueKind) -> Self?
}

extension String: SpecValue {
    static func extract(_ node: Node, as kind: ValueKind) -> String? { kind.text(node) }
}

extension Double: SpecValue {
    static func extract(_ node: Node, as kind: ValueKind) -> Double? { kind.number(node) }
}

extension Array: SpecValue where Element == Node {
    static func extract(_ node: Node, as kind: ValueKind) -> [Node]? {
        guard kind == .list, case .sequence(let sequence) = node else { return nil }
        return Array(sequence)
    }
}

extension Node.Mapping: SpecValue {
    static func extract(_ node: Node, as kind: ValueKind) -> Node.Mapping? {
        guard kind == .mapping, case .mapping(let mapping) = node else { return nil }
        return mapping
    }
}

extension Node {
    /// The node's tag after implicit resolution: `.int` for `3`, `.str` for `"3"`, `.null` for
    /// an empty value.
    var resolvedTag: Tag.Name { Tag.Name(rawValue: tag.description) }
}
