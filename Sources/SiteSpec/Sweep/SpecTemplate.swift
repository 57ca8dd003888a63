import Foundation
import PlannerModel
import Yams

/// A site spec parsed once, to be varied by setting values at spec paths and loaded many times
/// without parsing the YAML again (a sweep's base spec).
///
/// Values are set on the composed YAML node tree, so the loader then checks them exactly as if
/// they had been written in the file: an unknown key is its usual warning, a value of the wrong
/// type its usual error. Nodes carry no mutable shared state once composed, so one template is
/// read from many threads.
public struct SpecTemplate: @unchecked Sendable {
    let root: Node
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
        return (SpecTemplate(root: root, path: path, baseDirectory: (path as NSString).deletingLastPathComponent, text: text), [])
    }

    /// The template with `value` written at `path`. Missing mapping keys are created (the
    /// loader then says whether it knows them); lists must exist.
    public func setting(_ value: SweepValue, at path: SpecKeyPath) throws(SpecKeyPath.Problem) -> SpecTemplate {
        let node: Node
        switch value {
        case .number(let number): node = Node(NumberText.compact(number), Tag(.implicit))
        case .text(let text): node = Node(text, Tag(.str))
        }
        return SpecTemplate(
            root: try Self.set(node, at: path.components[...], in: root, walked: ""), path: self.path,
            baseDirectory: baseDirectory, text: text)
    }

    private init(root: Node, path: String, baseDirectory: String, text: String) {
        self.root = root
        self.path = path
        self.baseDirectory = baseDirectory
        self.text = text
    }

    private static func set(
        _ value: Node, at components: ArraySlice<SpecKeyPath.Component>, in node: Node?, walked: String
    ) throws(SpecKeyPath.Problem) -> Node {
        guard let first = components.first else { return value }
        let rest = components.dropFirst()
        switch first {
        case .key(let key):
            var mapping: Node.Mapping
            switch node {
            case nil: mapping = Node.Mapping([])
            case .mapping(let existing)?: mapping = existing
            case _?: throw .notAMapping(walked.isEmpty ? "the document" : walked)
            }
            let here = walked.isEmpty ? key : "\(walked).\(key)"
            if let index = mapping.firstIndex(where: { $0.key.string == key }) {
                let pair = mapping[index]
                mapping[index] = (pair.key, try set(value, at: rest, in: pair.value, walked: here))
            } else {
                mapping[key] = try set(value, at: rest, in: nil, walked: here)
            }
            return .mapping(mapping)
        case .index, .all:
            guard case .sequence(var sequence)? = node else { throw .notAList(walked) }
            let targets: [Int]
            if case .index(let i) = first {
                guard sequence.indices.contains(i) else { throw .indexOutOfRange(walked, i, sequence.count) }
                targets = [i]
            } else {
                targets = Array(sequence.indices)
            }
            for t in targets {
                sequence[t] = try set(value, at: rest, in: sequence[t], walked: "\(walked)[\(t)]")
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

        public var description: String {
            switch self {
            case .syntax(let why): why
            case .notAMapping(let path): "\(path) is not a mapping"
            case .notAList(let path): "\(path.isEmpty ? "the document" : path) is not a list in the base spec"
            case .indexOutOfRange(let path, let index, let count): "\(path) has \(count) elements; index \(index) is out of range"
            }
        }
    }

    public var components: [Component]
    public let description: String

    /// Parses `a.b[2].c[*]`: keys of lower-case letters, digits and `_`, indices ≥ 0 or `*`.
    public init(parsing text: String) throws(Problem) {
        var components: [Component] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let keyEnd = rest.firstIndex(of: "[") ?? rest.endIndex
            let key = rest[..<keyEnd]
            guard !key.isEmpty, key.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) else {
                throw .syntax("'\(text)' is not a spec path: expected keys of lower-case letters, digits and '_' separated by '.', with [n] or [*] after a list")
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
