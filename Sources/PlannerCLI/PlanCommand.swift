import ArgumentParser
import Catalogue
import Foundation
import PlannerEngine
import PlannerModel
import PlannerReport

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan sites and write their capacity reports.",
        discussion: """
            For each spec Sites/x.yaml writes <out>/x.md and <out>/x/ (plan.json, racks.csv, halls.csv).
            All specs are checked first: if any has an error, nothing is written (exit 1).
            With --rollup NAME, also writes <out>/NAME.md: one row per site and the total.
            With --dump-lp DIR, writes the optimisation models of each site as free MPS and CPLEX LP
            files into DIR/<site>/ (heat-recovery.mps and .lp when the site plans heat recovery), for
            checking with another solver (glpsol --lp DIR/<site>/heat-recovery.lp).
            Examples:
              dcplan plan Sites/example-small.yaml
              dcplan plan --dump-lp /tmp/lp Sites/korea-naver-cloud.yaml
              dcplan plan --out /tmp/reports --rollup korea-260k Sites/korea-*.yaml
            """)

    @Argument(help: "Site spec files (YAML).")
    var specs: [String]

    @Option(name: .shortAndLong, help: "Folder for the reports.")
    var out = "Reports"

    @Option(help: "Also write a programme roll-up report named NAME.md over all specs.")
    var rollup: String?

    @Option(help: "Title of the roll-up report (default: the roll-up name).")
    var rollupTitle: String?

    @Option(help: "Use this distribution in every hall, overriding the spec (ac-415v, ac-480v, dc-800v).")
    var distribution: Distribution?

    @Option(
        name: .customLong("dump-lp"),
        help: ArgumentHelp("Write each site's LP/MILP models (MPS and CPLEX LP) into DIR/<site>/.", valueName: "DIR"))
    var dumpLP: String?

    @Flag(name: .shortAndLong, help: "Print only warnings and errors.")
    var quiet = false

    func validate() throws {
        if specs.isEmpty { throw ValidationError("name at least one spec file") }
        if let rollup, rollup.isEmpty || rollup.contains("/") {
            throw ValidationError("--rollup takes a file name without '/', got '\(rollup)'")
        }
    }

    func run() throws {
        let console = Console.current
        let loaded = try LoadedSpec.loadAll(specs, console: console)
        let planner = Planner(distribution: distribution)
        var writer = OutputWriter()
        var entries: [ProgrammeMarkdown.Entry] = []
        var failedChecks = false
        for spec in loaded {
            let plan = planner.plan(spec.site, weather: spec.weather)
            console.print(
                plan.findings.map { finding in
                    var located = finding
                    located.location = finding.location ?? SourceLocation(file: spec.path)
                    return located
                })
            failedChecks = failedChecks || plan.findings.hasErrors
            let override = distribution.map { " --distribution \($0.rawValue)" } ?? ""
            let context = ReportContext(
                specPath: spec.path, specDigest: spec.digest, command: "dcplan plan\(override) \(spec.path)",
                version: DcplanCommand.version)
            let base = (out as NSString).appendingPathComponent(spec.reportName)
            writer.add(
                base + ".md",
                PlanMarkdown.render(plan, context: context, figures: plan.cooling == nil ? nil : spec.reportName))
            if let annual = plan.cooling?.annual {
                writer.add(base + "/facility-power.svg", PlantCharts.facilityPower(annual))
                writer.add(base + "/load-duration.svg", PlantCharts.loadDuration(annual))
            }
            if let hr = plan.heatRecovery {
                writer.add(base + "/heat-recovery.svg", HeatRecoveryCharts.daily(hr))
                // Solve time varies run to run: stderr only, never in the committed report.
                if !quiet {
                    console.err(
                        "\(spec.path): heat-recovery LP \(hr.result.lp.rows) × \(hr.result.lp.columns) "
                            + "(\(hr.result.lp.nonzeros) non-zeros) \(hr.result.status.rawValue) in "
                            + "\(String(format: "%.3f", hr.result.lp.solveTime.seconds)) s"
                    )
                }
                if let dumpLP {
                    let folder = (dumpLP as NSString).appendingPathComponent(spec.reportName)
                    do {
                        let files = try SiteHeatRecovery.exportLP(hr, to: folder)
                        if !quiet { console.err("\(spec.path): wrote \(files.mps) and \(files.lp)") }
                    } catch {
                        throw CommandFailure("--dump-lp: \(error)")
                    }
                }
            }
            for placement in plan.placements {
                guard let hall = spec.site.halls.first(where: { $0.id == placement.hallID }), let layout = hall.layout
                else { continue }
                let cooling = spec.site.cooling ?? BuiltInThermal.defaultChoices
                writer.add(
                    base + "/floor-\(placement.hallID).svg",
                    FloorPlanSVG.render(
                        placement, rackPitch: layout.rackPitch, rackDepth: PlacementOptions.defaultRackDepth,
                        reach: (cooling.cdu.placement?.reach ?? .zero, cooling.airUnit.placement?.reach ?? .zero)))
                // Solve times vary run to run: stderr only, never in the committed report.
                if !quiet {
                    for layout in [placement.liquid, placement.air].compactMap({ $0 }) {
                        console.err(
                            "\(spec.path): placement of \(placement.hallID) "
                                + "(\(layout.medium == .liquid ? "liquid" : "air")) \(layout.solve.rows) × "
                                + "\(layout.solve.columns), \(layout.solve.binaries) binaries: "
                                + "\(layout.status.rawValue) in "
                                + "\(String(format: "%.3f", layout.solve.time.seconds)) s"
                        )
                    }
                }
            }
            if let dumpLP, spec.site.placement != nil {
                let folder = (dumpLP as NSString).appendingPathComponent(spec.reportName)
                do throws(PlacementError) {
                    let files = try SitePlacement.exportModels(spec.site, to: folder)
                    if !quiet { console.err("\(spec.path): wrote \(files.joined(separator: ", "))") }
                } catch {
                    throw CommandFailure("--dump-lp: \(error)")
                }
            }
            writer.add(base + "/plan.json", try PlanJSON.render(plan, context: context))
            writer.add(base + "/racks.csv", PlanCSV.rackGroups(plan))
            writer.add(base + "/halls.csv", PlanCSV.halls(plan))
            entries.append(.init(reportName: spec.reportName, plan: plan, context: context))
        }
        if let rollup {
            let title = rollupTitle ?? rollup
            let titleArgument = rollupTitle.map { " --rollup-title \(quoted($0))" } ?? ""
            let override = distribution.map { " --distribution \($0.rawValue)" } ?? ""
            let command = "dcplan plan\(override) --rollup \(rollup)\(titleArgument) " + specs.joined(separator: " ")
            writer.add(
                (out as NSString).appendingPathComponent(rollup + ".md"),
                ProgrammeMarkdown.render(
                    title: title, entries: entries, command: command, version: DcplanCommand.version))
        }
        try writer.writeAll()
        if !quiet {
            for entry in entries {
                let t = entry.plan.total
                console.out(
                    "\((out as NSString).appendingPathComponent(entry.reportName)).md: \(Format.integer(t.gpuCount)) "
                        + "GPUs, \(Format.integer(t.rackCount)) racks, \(Format.megawatts(t.itPower.design)) MW IT at "
                        + "design"
                )
            }
            if let rollup {
                console.out("\((out as NSString).appendingPathComponent(rollup)).md: roll-up of \(entries.count) sites")
            }
        }
        if failedChecks { throw CheckFailed() }
    }

    func quoted(_ text: String) -> String { text.contains(" ") ? "\"\(text)\"" : text }
}

extension Distribution: ExpressibleByArgument {}
