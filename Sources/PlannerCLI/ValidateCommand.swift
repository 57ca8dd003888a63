import ArgumentParser
import PlannerModel
import PlannerRun

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check site specs and print every error and warning with its line and column.",
        discussion: """
            Exit status 1 when any spec has an error. Nothing is written.
            Examples:
              dcplan validate Sites/*.yaml
              dcplan validate --quiet Sites/x.yaml && echo valid
              dcplan validate --defaults Sites/example-small.yaml
              dcplan validate --strict Sites/*.yaml      (warnings are errors)
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

    @Flag(help: "Treat every warning as an error (a misspelt key, a value that looks wrong).")
    var strict = false

    @Flag(help: "Also list every documented default the spec takes (a key it leaves out), with its source.")
    var defaults = false

    func validate() throws {
        if specs.isEmpty { throw ValidationError("name at least one spec file") }
    }

    func run() throws {
        let console = Console.current
        if json {
            let findings = SpecValidation.findings(specs, strict: strict)
            console.out(try SpecValidation.json(findings))
            if findings.hasErrors { throw InputRejected() }
            return
        }
        let loaded = try LoadedSpec.loadAll(specs, strict: strict, log: console.log(quiet: quiet))
        if quiet { return }
        for spec in loaded {
            console.out(SpecValidation.summary(spec))
            if defaults { SpecValidation.defaults(spec).forEach(console.out) }
        }
    }
}
