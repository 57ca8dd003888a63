import ArgumentParser
import PlannerRun

/// `dcplan import netbox|csv`: a rack inventory in, a site spec that validates out (DESIGN.md §9.1).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a site spec from a rack inventory: NetBox exports or a plain CSV table.",
        discussion: """
            The spec validates as written; the report (standard output, or --report FILE) lists every rack
            type with its power and every device that did not map, with the reason. An input error is
            printed as file:line, exits 1 and writes nothing.
            Examples:
              dcplan import netbox -o Sites/lab.yaml types/*.yaml devices.csv --map 'NVIDIA DGX A100 640GB=dgx-h100'
              dcplan import csv -o Sites/plan.yaml inventory.csv --report /tmp/import.md
              dcplan import csv -o Sites/plan.yaml inventory.csv --base Sites/example-small.yaml
            """,
        subcommands: [NetBox.self, Table.self])

    struct Options: ParsableArguments {
        @Option(name: .shortAndLong, help: "Where to write the site spec.")
        var output: String

        @Option(help: "Write the import report to this file instead of standard output.")
        var report: String?

        @Option(help: "The spec's site.name (default: the NetBox site, else \"Imported site\").")
        var siteName: String?

        @Option(
            help: "A site spec whose every section but halls (site, weather, cooling, power, cost…) the new spec keeps."
        )
        var base: String?

        @Flag(name: .shortAndLong, help: "Print no information lines (findings and errors still go to stderr).")
        var quiet = false
    }

    struct NetBox: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "netbox",
            abstract: "Import NetBox device types (device-type library YAML) and devices (CSV, YAML or JSON).",
            discussion: """
                Device types: the community device-type library's YAML; each device draws the sum of its
                power ports' allocated_draw (else maximum_draw), in watts. Devices: NetBox's device
                bulk-import columns device_type, site, rack (and name, role, location); one hall per location
                (else per site), one rack per NetBox rack. PDUs (power outlets) and devices in no rack are
                reported, not planned. Each device type is planned like a catalogue entry (role, GPUs, liquid
                share, idle share): --map MODEL=ENTRY, else an entry named like it, else a network or storage
                role.
                Examples:
                  dcplan import netbox -o lab.yaml DGC-A100.yaml Q3400-RA.yaml devices.csv \\
                      --map 'NVIDIA DGX A100 640GB=dgx-h100'
                """)

        @OptionGroup var options: Options

        @Option(help: "MODEL=ENTRY: plan a device type (model, slug or part number) like a catalogue entry.")
        var map: [String] = []

        @Argument(help: "Device-type YAML files and device lists (.csv, .yaml, .json).")
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("name the device-type and device files") }
        }

        func run() throws {
            try ImportCommand.run(
                ImportRun(
                    source: .netbox(files, maps: map), output: options.output, reportPath: options.report,
                    siteName: options.siteName, base: options.base), options: options)
        }
    }

    struct Table: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Import a plain table: hall, type, count (and rack, power_kw, max_kw).",
            discussion: """
                Without a rack name, a line is COUNT racks of the catalogue rack TYPE in HALL (power_kw: per
                rack). With one, lines of the same hall and rack make one rack of COUNT devices of TYPE (a node
                or rack entry), each drawing power_kw (else the entry's design power).
                Examples:
                  dcplan import csv -o site.yaml racks.csv
                """)

        @OptionGroup var options: Options

        @Argument(help: "The CSV table.")
        var file: String

        func run() throws {
            try ImportCommand.run(
                ImportRun(
                    source: .table(file), output: options.output, reportPath: options.report,
                    siteName: options.siteName, base: options.base), options: options)
        }
    }

    static func run(_ run: ImportRun, options: Options) throws {
        let console = Console.current
        let log = console.log(quiet: options.quiet)
        let result = try run.run(log: log)
        try result.files.writeAll()
        if options.report == nil {
            console.out(String(result.report.dropLast()))
        } else if !options.quiet {
            console.err("\(options.output): written; report: \(options.report!)")
        }
    }
}
