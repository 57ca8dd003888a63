import ArgumentParser
import PlannerRun

/// `dcplan`: plans the power and cooling of AI data centres from YAML site specs.
public struct DcplanCommand: ParsableCommand {
    public static let version = DcplanVersion.current

    public static let configuration = CommandConfiguration(
        commandName: "dcplan",
        abstract: "Plan the power and cooling of AI data centres from a YAML site spec.",
        discussion: """
            Examples:
              dcplan init Sites/my-site.yaml
              dcplan validate Sites/example-small.yaml
              dcplan plan Sites/example-small.yaml
              dcplan plan --rollup korea-260k Sites/korea-*.yaml
              dcplan sweep run Sites/sweeps/samsung-distribution-water.yaml --out /tmp/sweep
              dcplan catalog list
              dcplan import csv -o Sites/my-site.yaml racks.csv
              dcplan schema > Sites/dcplan-site.schema.json
            Shell completions: dcplan --generate-completion-script bash|zsh|fish.
            Exit status: 0 ok; 1 invalid input or failure; 2 a plan was written but a check failed; 64 usage.
            """,
        version: version,
        subcommands: [
            InitCommand.self, ValidateCommand.self, PlanCommand.self, SweepCommand.self, CatalogCommand.self,
            SchemaCommand.self, BenchmarkCommand.self, ImportCommand.self,
        ])

    public init() {}

    /// Parses and runs a command line (without the program name) and returns the exit status.
    /// The one place where errors become exit statuses.
    public static func run(_ arguments: [String]) -> Int32 {
        let console = Console.current
        var status: Int32
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            status = ExitStatus.ok
        } catch {
            status = ExitStatus.report(error, console: console)
        }
        // Output that did not reach its stream (a full disk, a closed pipe) is a failure, not a trap.
        if let failure = console.writeFailure {
            console.err("error: \(failure)")
            if status == ExitStatus.ok || status == ExitStatus.checkFailed { status = ExitStatus.failure }
        }
        return status
    }
}
