import Foundation
import PlannerModel
import Yams

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Getting from a file to a YAML node tree: reading with a size limit, and composing with
/// Yams, every failure worded as a whole-file finding or one at the line and column Yams gives.
enum SpecSource {
    /// Files above this size are rejected before they are parsed: 10 MB (10 × 2²⁰ bytes).
    static let maximumBytes = 10 * 1024 * 1024

    /// The file's text, or nil after logging why it cannot be read (``BoundedFile``: at most
    /// 10 MB, never waiting on a pipe nobody writes).
    static func read(_ path: String, log: FindingLog) -> String? {
        let data: Data
        do {
            data = try BoundedFile.read(path, limit: maximumBytes)
        } catch {
            switch error {
            case .unreadable(let reason):
                log.fileError("cannot read file: \(reason.prefix(1).lowercased() + reason.dropFirst())")
            case .directory:
                log.fileError("cannot read file: it is a directory")
            case .tooLarge(let bytes?, _):
                _ = withinLimit(bytes: bytes, log: log)
            case .tooLarge(nil, _):
                log.fileError(
                    "file is too large: more than \(maximumBytes) bytes; the limit is 10 MB (\(maximumBytes) bytes)")
            }
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.fileError("cannot read file: it is not UTF-8 text")
            return nil
        }
        return text
    }

    /// Whether `bytes` is within `maximumBytes`; logs the excess otherwise.
    static func withinLimit(bytes: Int, log: FindingLog) -> Bool {
        guard bytes > maximumBytes else { return true }
        log.fileError("file is too large: \(bytes) bytes; the limit is 10 MB (\(maximumBytes) bytes)")
        return false
    }

    /// The root node of a one-document YAML text, or nil after logging a syntax error or an
    /// empty document.
    static func compose(_ yaml: String, log: FindingLog) -> Node? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (message, position) = describe(error, in: yaml)
            log.syntaxError(message, line: position?.line, column: position?.column)
            return nil
        } catch {
            log.fileError("invalid YAML: \(error)")
            return nil
        }
        guard let root, root.resolvedTag != .null else {
            log.fileError("the file is empty; a site spec starts with 'version: 1'")
            return nil
        }
        var budget = maximumNodes
        guard withinNodeBudget(root, &budget) else {
            log.fileError(
                "the document expands to more than \(maximumNodes) YAML nodes (aliases such as *name repeat what they "
                    + "point to); the limit guards against alias bombs"
            )
            return nil
        }
        return root
    }

    /// Nodes a composed document may expand to, aliases counted every time they are used:
    /// 1,000,000, far above any real spec (the 1M-GPU synthetic campus has ~30,000).
    static let maximumNodes = 1_000_000

    /// Counts nodes depth-first, stopping as soon as `budget` runs out, so a billion-laughs
    /// document costs at most `maximumNodes` steps to reject.
    private static func withinNodeBudget(_ node: Node, _ budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias: return true
        case .mapping(let mapping):
            for (key, value) in mapping where !(withinNodeBudget(key, &budget) && withinNodeBudget(value, &budget)) {
                return false
            }
            return true
        case .sequence(let sequence):
            for element in sequence where !withinNodeBudget(element, &budget) { return false }
            return true
        }
    }

    /// A Yams error as a message and the line and column it points at:
    /// `invalid YAML: could not find expected ':' (while scanning a simple key at line 3, column 1)`.
    static func describe(_ error: YamlError, in yaml: String) -> (String, (line: Int, column: Int)?) {
        func context(_ context: YamlError.Context?) -> String {
            guard let context else { return "" }
            return " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case .scanner(let ctx, let problem, let mark, _), .parser(let ctx, let problem, let mark, _),
            .composer(let ctx, let problem, let mark, _):
            return ("invalid YAML: \(problem)\(context(ctx))", (mark.line, mark.column))
        case .reader(let problem, let offset, _, _):
            return ("invalid YAML: \(problem)", offset.map { position(ofCharacter: $0, in: yaml) })
        case .duplicatedKeysInMapping(let duplicates, let ctx):
            let keys = Phrase.alternatives(duplicates).replacingOccurrences(of: " or ", with: " and ")
            return ("invalid YAML: duplicate key \(keys) in one mapping", (ctx.mark.line, ctx.mark.column))
        default:
            return ("invalid YAML: \(error)", nil)
        }
    }

    /// Line and column (1-based, columns in Unicode scalars as libyaml counts) of a character
    /// offset.
    private static func position(ofCharacter offset: Int, in yaml: String) -> (line: Int, column: Int) {
        let before = yaml.prefix(offset)
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, before[lineStart...].unicodeScalars.count + 1)
    }
}
