import Foundation

/// GLPK's stand-alone solver (`glpsol`, Debian's glpk-utils), which the tests run on exported
/// models to cross-check our own solves in another program.
public enum Glpsol {
    /// The `glpsol` executable: the first on `PATH`, else in `/usr/bin`, `/usr/local/bin` or
    /// `/opt/homebrew/bin`; nil when it is not installed.
    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []
        return (path + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]).map { $0 + "/glpsol" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether `glpsol` is installed (for `.enabled(if: Glpsol.isInstalled, "glpsol is not installed")`).
    public static var isInstalled: Bool { executable != nil }

    /// The file formats glpsol reads.
    public enum Format: Sendable {
        /// Free MPS (`--freemps`).
        case freeMPS
        /// CPLEX LP (`--lp`).
        case cplexLP

        var option: String {
            switch self {
            case .freeMPS: "--freemps"
            case .cplexLP: "--lp"
            }
        }
    }

    /// What glpsol's solution report (`-o`) says about the solve.
    public struct Solution: Sendable {
        /// The status line's value, e.g. `OPTIMAL` or `INTEGER OPTIMAL`.
        public var status: String
        /// The objective's value.
        public var objective: Double
        /// The sense as glpsol writes it: `MINimum` or `MAXimum`.
        public var sense: String
        /// The objective line with runs of spaces collapsed, e.g. `Objective: obj = 362 (MINimum)`.
        public var objectiveLine: String
        /// The whole report.
        public var report: String
    }

    /// Why glpsol gave no solution report.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs glpsol on the model at `path` and parses its report, which it writes beside the model
    /// (`<path>.glpsol.txt`). Throws when glpsol is not installed, exits with a failure, or writes
    /// no status or objective line.
    public static func solve(_ path: String, format: Format = .freeMPS) throws -> Solution {
        guard let executable else { throw Failure(description: "glpsol is not installed") }
        let output = path + ".glpsol.txt"
        let log = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [format.option, path, "-o", output]
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let messages = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "glpsol exited with \(process.terminationStatus) on \(path):\n\(messages)")
        }
        let report = try String(contentsOfFile: output, encoding: .utf8)
        return try parse(report, of: path)
    }

    /// Parses the `Status:` and `Objective:` lines of a glpsol solution report, e.g.
    /// `Objective:  obj = -3.883281617e+02 (MINimum)`.
    static func parse(_ report: String, of path: String) throws -> Solution {
        let lines = report.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        guard let statusLine = lines.first(where: { $0.hasPrefix("Status: ") }),
            let objectiveLine = lines.first(where: { $0.hasPrefix("Objective: ") })
        else { throw Failure(description: "no status or objective line in glpsol's report on \(path):\n\(report)") }
        // "Objective: obj = 362 (MINimum)": the value and the sense follow the last "=".
        let words = objectiveLine.split(separator: "=").last?.split(separator: " ") ?? []
        guard words.count == 2, let objective = Double(words[0]), words[1].hasPrefix("("), words[1].hasSuffix(")")
        else { throw Failure(description: "cannot read glpsol's objective line «\(objectiveLine)» on \(path)") }
        return Solution(
            status: String(statusLine.dropFirst("Status: ".count)), objective: objective,
            sense: String(words[1].dropFirst().dropLast()), objectiveLine: objectiveLine, report: report)
    }
}
