import ArgumentParser
import PlannerModel
import PlannerRun

extension CatalogueKind: ExpressibleByArgument {}

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List and show the built-in equipment entries with their sources.",
        discussion: """
            Examples:
              dcplan catalog list
              dcplan catalog list --kind plant
              dcplan catalog show gb300-nvl72 --json
              dcplan catalog show dry-cooler-1mw
              dcplan catalog stages
              dcplan catalog costs --year 2027
            """,
        subcommands: [List.self, Show.self, Stages.self, Costs.self])

    struct Costs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the unit costs (low / typical / high, currency, year, source, confidence).",
            discussion:
                "Examples:\n  dcplan catalog costs\n  dcplan catalog costs --year 2027\n  dcplan catalog costs --json")

        @Flag(help: "Print JSON.")
        var json = false

        @Option(help: "Price year the table's USD column is escalated to.")
        var year = 2026

        func validate() throws {
            guard (2015...2060).contains(year) else { throw ValidationError("--year must be within 2015-2060") }
        }

        func run() throws {
            Console.current.out(try CatalogueViews.costs(json: json, year: year))
        }
    }

    struct Stages: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in power-chain stages (IDs for a custom chain) with their efficiency points.",
            discussion: "Examples:\n  dcplan catalog stages\n  dcplan catalog stages --json | jq '.[0]'")

        @Flag(help: "Print JSON (with the fitted loss coefficients a, b, c).")
        var json = false

        func run() throws {
            Console.current.out(try CatalogueViews.stages(json: json))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in entries of one kind (racks by default).",
            discussion:
                "Kinds: rack (halls[].racks[].type), stage (halls[].power.chain), cooling (cooling.cdu, "
                + "cooling.air_unit), plant (cooling.heat_rejection, cooling.chiller), heat-pump "
                + "(heat_recovery.heat_pump).\nExamples:\n  dcplan catalog list\n  dcplan catalog list --kind cooling"
                + "\n  dcplan catalog list --kind plant --json")

        @Option(help: "Kind of entry: rack, stage, cooling, plant or heat-pump.")
        var kind: CatalogueKind = .rack

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            Console.current.out(try CatalogueViews.list(kind: kind, json: json))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one entry of any kind: its figures with units, source and confidence.",
            discussion:
                "Examples:\n  dcplan catalog show gb300-nvl72 --json\n  dcplan catalog show dry-cooler-1mw"
                + "\n  dcplan catalog show ups-double-conversion")

        @Argument(help: "Entry ID, e.g. gb300-nvl72, cdu-liquidstack-1mw, dry-cooler-1mw, hp-district-10mw.")
        var id: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            Console.current.out(try CatalogueViews.show(id, json: json))
        }
    }
}
