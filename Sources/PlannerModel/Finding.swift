/// A place in a source file, 1-based, as compilers print it; a whole file when `line` is nil.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, `file:line` or `file`.
    public var formatted: String {
        [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
    }
}

/// Something a check found: an input error, a warning about the spec, or a capacity problem.
public struct Finding: Hashable, Sendable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, note
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        /// Errors sort first.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// The spec path of what the finding is about, e.g. `halls[0].racks[1].count`; may be empty.
    public var subject: String
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ subject: String, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.subject = subject
        self.message = message
        self.location = location
    }

    /// Compiler style: `Sites/x.yaml:14:9: error: halls[0].racks[1].count: must be positive, got -3`.
    public var formatted: String {
        var text = ""
        if let location { text += location.formatted + ": " }
        text += "\(severity.rawValue): "
        if !subject.isEmpty { text += "\(subject): " }
        return text + message
    }
}

extension Array where Element == Finding {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The findings with every warning made an error (`--strict`); notes stay notes.
    public func strict(_ strict: Bool = true) -> [Finding] {
        guard strict else { return self }
        return map { finding in
            var strict = finding
            if strict.severity == .warning { strict.severity = .error }
            return strict
        }
    }
}
