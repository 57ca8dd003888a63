import ArgumentParser
import PlannerRun

/// `dcplan schema`: the JSON Schema of the site spec (or the sweep spec), for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract:
            "Print the JSON Schema of the site spec (or, with --sweep, of the sweep spec; with --plan, of plan.json).",
        discussion: """
            Generated from the same key declarations the loader reads, so it cannot drift from it. \
            Point your editor at it, e.g. with the YAML language server: put \
            `# yaml-language-server: $schema=dcplan-site.schema.json` at the top of a spec in Sites/.
            Examples:
              dcplan schema > Sites/dcplan-site.schema.json
              dcplan schema --sweep > Sites/sweeps/dcplan-sweep.schema.json
              dcplan schema --plan > Sites/dcplan-plan.schema.json
            """)

    @Flag(help: "The sweep spec's schema instead of the site spec's.")
    var sweep = false

    @Flag(help: "The schema of plan.json, the machine-readable plan `dcplan plan` writes.")
    var plan = false

    func validate() throws {
        if sweep && plan { throw ValidationError("--sweep and --plan exclude each other") }
    }

    func run() throws {
        let text = plan ? CatalogueViews.planSchema : CatalogueViews.schema(sweep: sweep)
        Console.current.out(String(text.dropLast()))
    }
}
