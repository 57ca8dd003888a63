import ArgumentParser
import PlannerReport

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check site specs and print every error and warning with its line and column.",
        discussion: "Exit status 1 when any spec has an error. Nothing is written.")

    @Argument(help: "Site spec files (YAML).")
    var specs: [String]

    @Flag(name: .shortAndLong, help: "Print nothing when a spec is valid.")
    var quiet = false

    func validate() throws {
        if specs.isEmpty { throw ValidationError("name at least one spec file") }
    }

    func run() throws {
        let console = Console.current
        let loaded = try LoadedSpec.loadAll(specs, console: console)
        if quiet { return }
        for spec in loaded {
            let gpus = spec.site.halls.reduce(0) { sum, hall in
                sum + hall.copies * hall.rackGroups.reduce(0) { $0 + $1.count * $1.system.gpus }
            }
            let halls = spec.site.halls.count
            console.out("\(spec.path): ok (\(halls) hall \(halls == 1 ? "spec" : "specs"), \(Format.integer(gpus)) GPUs)")
        }
    }
}
