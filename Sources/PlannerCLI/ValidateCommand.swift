import ArgumentParser
import Foundation
import PlannerModel
import PlannerReport
import SiteSpec
import Weather

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check site specs and print every error and warning with its line and column.",
        discussion: """
            Exit status 1 when any spec has an error. Nothing is written.
            Examples:
              dcplan validate Sites/*.yaml
              dcplan validate --quiet Sites/x.yaml && echo valid
              dcplan validate --json Sites/x.yaml | jq '.[] | select(.severity == "error")'
            """)

    @Argument(help: "Site spec files (YAML).")
    var specs: [String]

    @Flag(name: .shortAndLong, help: "Print nothing when a spec is valid.")
    var quiet = false

    @Flag(
        help: ArgumentHelp(
            "Print the findings of every spec as one JSON array on standard output (file, line, column, severity, "
                + "subject, message).")
    )
    var json = false

    func validate() throws {
        if specs.isEmpty { throw ValidationError("name at least one spec file") }
    }

    func run() throws {
        let console = Console.current
        if json { return try runJSON(console) }
        let loaded = try LoadedSpec.loadAll(specs, console: console)
        if quiet { return }
        for spec in loaded {
            let gpus = spec.site.halls.reduce(0) { sum, hall in
                sum + hall.copies * hall.rackGroups.reduce(0) { $0 + $1.count * $1.system.gpus }
            }
            let halls = spec.site.halls.count
            console.out(
                "\(spec.path): ok (\(halls) hall \(halls == 1 ? "spec" : "specs"), \(Format.integer(gpus)) GPUs)")
        }
    }

    /// Findings as JSON for scripts and editors (the weather file is read too); exit 1 when any
    /// is an error.
    func runJSON(_ console: Console) throws {
        struct Item: Encodable {
            var file: String
            var line: Int?
            var column: Int?
            var severity: String
            var subject: String
            var message: String
        }
        var items: [Item] = []
        for path in specs {
            let result = SiteLoader().load(path: path)
            var findings = result.findings
            if let epw = result.site?.weatherPath {
                do {
                    _ = try LoadedSpec.readWeather(epw)
                } catch {
                    findings.append(Finding(.error, "site.weather", error.description, at: SourceLocation(file: path)))
                }
            }
            items += findings.map { f in
                Item(
                    file: f.location?.file ?? path, line: f.location?.line, column: f.location?.column,
                    severity: f.severity.rawValue, subject: f.subject, message: f.message)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        console.out(items.isEmpty ? "[]" : String(decoding: try encoder.encode(items), as: UTF8.self))
        if items.contains(where: { $0.severity == Finding.Severity.error.rawValue }) { throw InputRejected() }
    }
}
