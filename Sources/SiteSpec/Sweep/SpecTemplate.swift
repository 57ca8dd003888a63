import Foundation
import PlannerModel
import Yams

/// A site spec parsed once, to be varied by setting values at spec paths and loaded many times
/// without parsing the YAML again (a sweep's base spec).
///
/// Values are set on the composed YAML node tree, so the loader then checks them exactly as if
/// they had been written in the file: an unknown key is its usual warning, a value of the wrong
/// type its usual error.
///
/// Yams resolves a node's implicit tag (`3` → int) with regular expressions on first use and
/// caches the answer by writing it into the node's `Tag` object. Two threads reading the same new
/// node would both write it (a data race) and run the expressions. So every tag of the template is
/// resolved once when it is loaded, and the values a sweep sets and the keys its paths may add
/// are built and resolved once by ``preparing(_:paths:)``: after that no read writes, and one
/// template is read from many threads. (Resolving a new key's tag per scenario also ran Yams's
/// regular expressions: 15 % of a scenario's instructions.)
public struct SpecTemplate: @unchecked Sendable {
    private(set) var root: Node
    /// Resolved nodes for the values a sweep sets, by value (see ``preparing(_:paths:)``).
    private var valueNodes: [SweepValue: Node] = [:]
    /// Resolved key nodes for the keys of a sweep's paths, by key, added where the base spec
    /// lacks the key (see ``preparing(_:paths:)``).
    private var keyNodes: [String: Node] = [:]
    /// An empty mapping, its tag resolved: the start of each mapping a set adds. (A new
    /// `Node.Mapping` also builds Yams's default `Constructor`, four dictionaries.)
    private let emptyMapping: Node.Mapping
    /// The spec file as named by the user; findings use it.
    public let path: String
    /// Relative paths in the spec (the weather file) start here.
    public let baseDirectory: String
    /// The spec's text, for digests.
    public let text: String

    /// Reads and composes the spec at `path`; nil with the findings when it cannot be.
    public static func load(path: String) -> (template: SpecTemplate?, findings: [Finding]) {
        let log = FindingLog(file: path)
        guard let text = SpecSource.read(path, log: log), let root = SpecSource.compose(text, log: log) else {
            return (nil, log.sorted)
        }
        resolveTags(root)
        return (
            SpecTemplate(
                root: root, path: path, baseDirectory: (path as NSString).deletingLastPathComponent, text: text), []
        )
    }

    /// The template with a resolved node ready for each of `values` and for each key of
    /// `paths`, so that setting them later shares those nodes instead of building and resolving
    /// new ones each time.
    public func preparing(_ values: some Sequence<SweepValue>, paths: [SpecKeyPath] = []) -> SpecTemplate {
        var prepared = self
        for value in values where prepared.valueNodes[value] == nil {
            prepared.valueNodes[value] = Self.node(for: value)
        }
        for path in paths {
            for case .key(let key) in path.components where prepared.keyNodes[key] == nil {
                prepared.keyNodes[key] = Self.keyNode(key)
            }
        }
        return prepared
    }

    /// The node of a new key, as Yams makes it for `mapping["key"] = …` (plain text, implicit
    /// tag), its tag resolved.
    static func keyNode(_ key: String) -> Node {
        let node = Node(key, Tag(.implicit))
        resolveTags(node)
        return node
    }

    /// The scalar node of a value, its tag resolved: a number as plain text (int or float by the
    /// YAML rules, as if written in the file), a text as a string whatever it looks like.
    static func node(for value: SweepValue) -> Node {
        let node: Node
        switch value {
        case .number(let number): node = Node(NumberText.compact(number), Tag(.implicit))
        case .text(let text): node = Node(text, Tag(.str))
        }
        resolveTags(node)
        return node
    }

    /// A copy that shares no object with this template: every node, tag and text is new.
    ///
    /// Loading a spec copies each node of the tree, and copying a node retains its tag object,
    /// its text and its children's array. When the threads of a sweep share one template, those
    /// retains and releases are atomic writes to objects every thread writes, and their cache
    /// lines bounce between the cores (CPU time per scenario was 10–13 % higher on 2 threads
    /// than on 1). A thread that sets and loads its own copy writes only its own objects.
    public func unshared() -> SpecTemplate {
        var copy = SpecTemplate(
            root: Self.unshared(root), path: path.unshared(), baseDirectory: baseDirectory.unshared(),
            text: text.unshared())
        for (value, node) in valueNodes { copy.valueNodes[value.unshared()] = Self.unshared(node) }
        for (key, node) in keyNodes { copy.keyNodes[key.unshared()] = Self.unshared(node) }
        return copy
    }

    /// A deep copy of `node`: new tags (with the resolved name), texts and child arrays.
    static func unshared(_ node: Node) -> Node {
        switch node {
        case .scalar(let scalar):
            return .scalar(
                Node.Scalar(scalar.string.unshared(), scalar.tag.copy(), scalar.style, scalar.mark, scalar.anchor))
        case .mapping(let mapping):
            return .mapping(
                Node.Mapping(
                    mapping.map { (unshared($0.key), unshared($0.value)) }, mapping.tag.copy(), mapping.style,
                    mapping.mark, mapping.anchor))
        case .sequence(let sequence):
            return .sequence(
                Node.Sequence(
                    sequence.map(unshared), sequence.tag.copy(), sequence.style, sequence.mark, sequence.anchor))
        case .alias(let alias):
            return .alias(Node.Alias(alias.anchor, alias.tag.copy(), alias.mark))
        }
    }

    /// How many nodes still have an unresolved (implicit or non-specific) tag: 0 for a loaded
    /// template and for every template set from it. For tests.
    var unresolvedTags: Int { Self.unresolvedTags(root) }

    static func unresolvedTags(_ node: Node) -> Int {
        func open(_ tag: Tag) -> Int {
            let name = Tag.Name(rawValue: tag.description)
            return name == .implicit || name == .nonSpecific ? 1 : 0
        }
        switch node {
        case .scalar(let scalar):
            return open(scalar.tag)
        case .mapping(let mapping):
            return open(mapping.tag) + mapping.reduce(0) { $0 + unresolvedTags($1.key) + unresolvedTags($1.value) }
        case .sequence(let sequence):
            return open(sequence.tag) + sequence.reduce(0) { $0 + unresolvedTags($1) }
        case .alias:
            return 0
        }
    }

    /// Resolves (and so caches) the tag of `node` and of every node under it.
    static func resolveTags(_ node: Node) {
        _ = node.tag
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                resolveTags(key)
                resolveTags(value)
            }
        case .sequence(let sequence):
            for element in sequence { resolveTags(element) }
        case .scalar, .alias:
            break
        }
    }

    /// The template with `value` written at `path`. Missing mapping keys are created (the
    /// loader then says whether it knows them); lists must exist.
    public func setting(_ value: SweepValue, at path: SpecKeyPath) throws(SpecKeyPath.Problem) -> SpecTemplate {
        let node = valueNodes[value] ?? Self.node(for: value)
        var varied = self
        do throws(SpecKeyPath.Problem) {
            varied.root = try set(node, at: path.components[...], in: root, walked: nil)
        } catch {
            // Only a failed set needs the path it walked (for the message), so only then is it
            // spelt out: the same walk again, which fails at the same place.
            _ = try set(node, at: path.components[...], in: root, walked: "")
            throw error
        }
        return varied
    }

    private init(root: Node, path: String, baseDirectory: String, text: String) {
        self.root = root
        self.path = path
        self.baseDirectory = baseDirectory
        self.text = text
        let empty = Node.mapping(Node.Mapping([]))
        Self.resolveTags(empty)
        emptyMapping = empty.mapping!
    }

    /// `node` with `value` at `components`; `walked` spells the path walked so far for the
    /// problems thrown, or is nil when they need not say where.
    private func set(
        _ value: Node, at components: ArraySlice<SpecKeyPath.Component>, in node: Node?, walked: String?
    ) throws(SpecKeyPath.Problem) -> Node {
        guard let first = components.first else { return value }
        let rest = components.dropFirst()
        switch first {
        case .key(let key):
            var mapping: Node.Mapping
            switch node {
            case nil: mapping = emptyMapping
            case .mapping(let existing)?: mapping = existing
            case _?: throw .notAMapping(walked.map { $0.isEmpty ? "the document" : $0 } ?? "")
            }
            let here = walked.map { $0.isEmpty ? key : "\($0).\(key)" }
            if let index = mapping.firstIndex(where: { $0.key.string == key }) {
                let pair = mapping[index]
                mapping[index] = (pair.key, try set(value, at: rest, in: pair.value, walked: here))
            } else if mapping.contains(where: { $0.key.string == "<<" }) {
                throw .throughMergeKey(here ?? "")
            } else {
                // A key the base spec lacks: its key node is prepared, and its value is resolved
                // (a value node, or a mapping started from `emptyMapping`).
                mapping[keyNodes[key] ?? Self.keyNode(key)] = try set(value, at: rest, in: nil, walked: here)
            }
            return .mapping(mapping)
        case .index, .all:
            guard case .sequence(var sequence)? = node else { throw .notAList(walked ?? "") }
            let targets: Range<Int>
            if case .index(let i) = first {
                guard sequence.indices.contains(i) else { throw .indexOutOfRange(walked ?? "", i, sequence.count) }
                targets = i..<(i + 1)
            } else {
                targets = sequence.startIndex..<sequence.endIndex
            }
            for t in targets {
                sequence[t] = try set(value, at: rest, in: sequence[t], walked: walked.map { "\($0)[\(t)]" })
            }
            return .sequence(sequence)
        }
    }
}

/// A path into a site spec: keys, list indices and `[*]` for every element of a list
/// (`halls[*].power.distribution`, `cooling.tcs_supply_c`, `halls[0].racks[1].count`).
public struct SpecKeyPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
        case all
    }

    /// Why a path cannot be used.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case syntax(String)
        case notAMapping(String)
        case notAList(String)
        case indexOutOfRange(String, Int, Int)
        /// The key is not written in its mapping, which merges others (`<<: *defaults`): writing it
        /// there would replace what the merge brings (a whole `ups:` mapping, say) without a word.
        case throughMergeKey(String)

        public var description: String {
            switch self {
            case .syntax(let why): why
            case .notAMapping(let path): "\(path) is not a mapping"
            case .notAList(let path): "\(path.isEmpty ? "the document" : path) is not a list in the base spec"
            case .indexOutOfRange(let path, let index, let count):
                "\(path) has \(count) elements; index \(index) is out of range"
            case .throughMergeKey(let path):
                "\(path) is not written in the base spec but its mapping merges others (<<); write \(path) out in "
                    + "the base spec to vary it"
            }
        }
    }

    public var components: [Component]
    public private(set) var description: String

    /// The path with its texts in storage of its own (see ``SpecTemplate/unshared()``).
    public func unshared() -> SpecKeyPath {
        var copy = self
        copy.components = components.map { component in
            if case .key(let key) = component { .key(key.unshared()) } else { component }
        }
        copy.description = description.unshared()
        return copy
    }

    /// Parses `a.b[2].c[*]`: keys of lower-case letters, digits and `_`, indices ≥ 0 or `*`.
    public init(parsing text: String) throws(Problem) {
        var components: [Component] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let keyEnd = rest.firstIndex(of: "[") ?? rest.endIndex
            let key = rest[..<keyEnd]
            guard !key.isEmpty, key.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) else {
                throw .syntax(
                    "'\(text)' is not a spec path: expected keys of lower-case letters, digits and '_' separated by "
                        + "'.', with [n] or [*] after a list"
                )
            }
            components.append(.key(String(key)))
            rest = rest[keyEnd...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]") else {
                    throw .syntax("'\(text)' is not a spec path: an index is written [n] or [*]")
                }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if inside == "*" {
                    components.append(.all)
                } else if let i = Int(inside), i >= 0 {
                    components.append(.index(i))
                } else {
                    throw .syntax("'\(text)' is not a spec path: an index is written [n] with n ≥ 0, or [*]")
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        self.components = components
        self.description = text
    }
}

extension SiteLoader {
    /// Loads a (possibly varied) template; findings name the template's file.
    public func load(_ template: SpecTemplate) -> LoadResult {
        load(root: template.root, log: FindingLog(file: template.path), baseDirectory: template.baseDirectory)
    }
}
