import Foundation
import PlannerModel
import Yams

/// Where something stands in the spec: its path (`halls[0].racks[1].count`) and the line and
/// column of its YAML node (1-based, as Yams reports them; nil for a whole file).
struct Place {
    var path: SpecPath
    var line: Int?
    var column: Int?

    init(path: SpecPath, line: Int?, column: Int?) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// The place of a node at `mark`.
    init(path: SpecPath, mark: Mark?) {
        self.init(path: path, line: mark?.line, column: mark?.column)
    }
}

/// The spec path of a node, printed as the subject of a finding: `halls[0].racks[1].count`.
///
/// The last step is spelt out only when the text is asked for: every value read has a path, but
/// few are ever printed, and building each value's text cost an interpolation and usually an
/// allocation per value read (a sweep loads the spec once per scenario). A mapping's or list's
/// reader spells its own path once (`spelt`) so that the paths of the values in it only add
/// their step.
struct SpecPath: CustomStringConvertible {
    /// The path up to the last step, spelt out.
    private var parent: String
    private var last: Step?

    private enum Step {
        case key(String)
        case index(Int)
    }

    /// The document itself; printed as an empty subject.
    static let root = SpecPath(parent: "", last: nil)

    var description: String {
        switch last {
        case nil: parent
        case .key(let key)?: parent.isEmpty ? key : "\(parent).\(key)"
        case .index(let index)?: "\(parent)[\(index)]"
        }
    }

    /// The same path with its text built now, so that appending to it builds none.
    var spelt: SpecPath { last == nil ? self : SpecPath(parent: description, last: nil) }

    func appending(key: String) -> SpecPath {
        SpecPath(parent: description, last: .key(key))
    }

    func appending(index: Int) -> SpecPath {
        SpecPath(parent: description, last: .index(index))
    }
}

/// The findings of one load, collected rather than thrown so that every problem is reported in
/// one run. A reference type because the readers and checks of all sections write to one log.
final class FindingLog {
    /// The spec file as the user named it; every location uses it.
    let file: String
    private(set) var findings: [Finding] = []

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { findings.hasErrors }

    /// An error about the value or key at `place`.
    func error(_ message: String, at place: Place) {
        add(.error, message, at: place)
    }

    /// A warning about the value or key at `place`; the spec still loads.
    func warning(_ message: String, at place: Place) {
        add(.warning, message, at: place)
    }

    /// An error about the whole file (unreadable, too large, empty): no line or column.
    func fileError(_ message: String) {
        findings.append(Finding(.error, "", message, at: SourceLocation(file: file)))
    }

    /// An error at a line and column that belongs to no spec path (YAML syntax errors).
    func syntaxError(_ message: String, line: Int?, column: Int?) {
        add(.error, message, at: Place(path: .root, line: line, column: column))
    }

    private func add(_ severity: Finding.Severity, _ message: String, at place: Place) {
        let location = SourceLocation(file: file, line: place.line, column: place.column)
        findings.append(Finding(severity, place.path.description, message, at: location))
    }

    /// The findings ordered by line, column and severity (errors first at one place); findings
    /// at the same place keep the order in which the checks made them, so output is stable.
    var sorted: [Finding] {
        func key(_ finding: Finding) -> (Int, Int) {
            (finding.location?.line ?? 0, finding.location?.column ?? 0)
        }
        return findings.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if key(a) != key(b) { return key(a) < key(b) }
            if a.severity != b.severity { return a.severity < b.severity }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// How values and suggestions are written in messages.
enum Phrase {
    /// A number without `.0` noise when it is integral, and with its exponent as a spec writes
    /// it: `-3`, `2.5`, `180`, `1e308`, `1e-308`.
    static func number(_ value: Double) -> String {
        let text = NumberText.compact(value)
        return text.contains("e+") ? text.replacingOccurrences(of: "e+", with: "e") : text
    }

    /// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
    static func alternatives(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        guard let last = quoted.last else { return "" }
        return quoted.count == 1 ? last : quoted.dropLast().joined(separator: ", ") + " or " + last
    }

    /// `; did you mean 'x'?`, or `fallback` when there is nothing close.
    static func didYouMean(_ candidates: [String], otherwise fallback: String = "") -> String {
        candidates.isEmpty ? fallback : "; did you mean \(alternatives(candidates))?"
    }
}
