import Foundation
import PlannerEngine
import PlannerModel
import PlannerReport

/// `dcplan plan` as data: plans loaded specs and renders every report file in memory, so that
/// nothing is written unless every spec planned. The caller writes ``PlanRun/Result/files``.
///
/// ```swift
/// let specs = try LoadedSpec.loadAll(["Sites/example-small.yaml"]) { print($0) }
/// let result = PlanRun(out: "/tmp/reports").run(specs) { print($0) }
/// try result.files.writeAll()
/// ```
public struct PlanRun: Sendable {
    /// Folder of the reports: `<out>/<site>.md` and `<out>/<site>/`.
    public var out: String
    /// Overrides every hall's distribution (`--distribution`).
    public var distribution: Distribution?
    /// Also render a programme roll-up `<out>/<rollup>.md` over all specs.
    public var rollup: String?
    /// The roll-up's title (default: its name).
    public var rollupTitle: String?
    /// Also export each site's optimisation models (MPS and CPLEX LP) into `<dumpLP>/<site>/`.
    public var dumpLP: String?
    /// Every warning of a plan is an error (`--strict`): the plan is written and the run exits 2.
    public var strict = false
    /// Called before each site is planned with the number of sites finished and the site's report
    /// name, for a progress display (DESIGN.md §7.1); it never changes what is written.
    public var progress: @Sendable (_ finished: Int, _ site: String) -> Void = { _, _ in }
    /// Latin hypercube samples per site (`--samples`), over each spec's `uncertainty.samples`
    /// (DESIGN.md §5.20); nil: the spec's.
    public var samples: Int?
    /// Worker threads of the uncertainty samples (`--threads`); nil: all cores.
    public var threads: Int?

    public init(
        out: String, distribution: Distribution? = nil, rollup: String? = nil, rollupTitle: String? = nil,
        dumpLP: String? = nil
    ) {
        self.out = out
        self.distribution = distribution
        self.rollup = rollup
        self.rollupTitle = rollupTitle
        self.dumpLP = dumpLP
    }

    /// What a plan run produced.
    public struct Result: Sendable {
        /// Every report file, not yet written.
        public var files = OutputFiles()
        /// One entry per site, in spec order.
        public var entries: [ProgrammeMarkdown.Entry] = []
        /// Whether any plan has an error finding (a capacity, placement or compliance check failed).
        public var failedChecks = false
        /// One line per written report (and the roll-up) for the user.
        public var summary: [String] = []
    }

    /// Plans every spec, sends its findings (located in the spec's file) and solve times to `log`,
    /// writes the `--dump-lp` models at once (they are diagnostics, not reports) and renders the
    /// reports into the result.
    public func run(_ specs: [LoadedSpec], planner: Planner? = nil, log: RunLog) throws(RunFailure) -> Result {
        try checkNames(specs)
        let planner = planner ?? Planner(distribution: distribution)
        var result = Result()
        for (finished, spec) in specs.enumerated() {
            progress(finished, spec.reportName)
            var plan = planner.plan(spec.site, weather: spec.weather)
            plan.options = OptionComparison.compare(spec.site, chosen: plan, weather: spec.weather, planner: planner)
            let phased = PhaseAnalysis.plan(spec.site, final: plan, weather: spec.weather, planner: planner)
            plan.phases = phased.phases
            plan.findings += phased.findings
            if let sampling = UncertaintyRun.asked(by: spec.site, samples: samples, threads: threads) {
                plan.uncertainty = try sampling.run(spec, deterministic: plan, planner: planner)
                if let summary = plan.uncertainty, summary.failed > 0 {
                    plan.findings.append(
                        Finding(
                            .warning, "uncertainty.samples",
                            "\(summary.failed) of \(summary.samples) samples did not plan and are left out of the "
                                + "bands; the first: \(summary.firstFailure ?? "")"))
                }
            } else if let given = spec.site.uncertainty?.inputs, !given.isEmpty {
                plan.findings.append(
                    Finding(
                        .warning, "uncertainty.samples",
                        "\(given.count) value\(given.count == 1 ? " is" : "s are") written as distributions but no "
                            + "samples are drawn: the plan uses their typical values (or means, or first "
                            + "alternatives) and shows no bands; set uncertainty.samples or pass --samples"))
            }
            plan.findings = plan.findings.strict(strict)
            log(
                .findings(
                    plan.findings.map { finding in
                        var located = finding
                        located.location = finding.location ?? SourceLocation(file: spec.path)
                        return located
                    }))
            result.failedChecks = result.failedChecks || plan.findings.hasErrors
            let context = ReportContext(
                specPath: spec.path, specDigest: spec.digest, command: "dcplan plan\(override) \(spec.path)",
                version: DcplanVersion.current)
            let base = (out as NSString).appendingPathComponent(spec.reportName)
            result.files.add(try PlanFiles.render(plan, site: spec.site, context: context, base: base))
            logSolveTimes(plan, spec: spec, log: log)
            if let dumpLP { try exportModels(plan, spec: spec, to: dumpLP, log: log) }
            result.entries.append(.init(reportName: spec.reportName, plan: plan, context: context))
        }
        if let rollup {
            let title = rollupTitle ?? rollup
            let titleArgument = rollupTitle.map { " --rollup-title \(Self.quoted($0))" } ?? ""
            let command =
                "dcplan plan\(override) --rollup \(rollup)\(titleArgument) "
                + specs.map(\.path).joined(separator: " ")
            result.files.add(
                (out as NSString).appendingPathComponent(rollup + ".md"),
                ProgrammeMarkdown.render(
                    title: title, entries: result.entries, command: command, version: DcplanVersion.current))
        }
        for entry in result.entries {
            let t = entry.plan.total
            result.summary.append(
                "\((out as NSString).appendingPathComponent(entry.reportName)).md: \(Format.integer(t.gpuCount)) GPUs, "
                    + "\(Format.integer(t.rackCount)) racks, \(Format.megawatts(t.itPower.design)) MW IT at design")
        }
        if let rollup {
            result.summary.append(
                "\((out as NSString).appendingPathComponent(rollup)).md: roll-up of \(result.entries.count) sites")
        }
        return result
    }

    /// Every report gets a name of its own that stays inside `out`: a spec named `...yaml` (report
    /// `..`) or `.yaml` (no name) would write outside it or over it, two specs with one file name
    /// would overwrite each other, and so would a roll-up named like a site. Checked before planning.
    func checkNames(_ specs: [LoadedSpec]) throws(RunFailure) {
        for folder in [out] + (dumpLP.map { [$0] } ?? []) {
            if let blocked = OutputFiles.fileInTheWay(of: folder) {
                throw RunFailure("\(blocked) is a file, but \(folder) must be a folder; nothing was written")
            }
        }
        var byName: [String: String] = [:]
        for spec in specs {
            let name = spec.reportName
            guard Self.isUsableName(name) else {
                throw RunFailure(
                    "\(spec.path): the report would be named '\(name)', which is not a file name inside --out; "
                        + "rename the spec")
            }
            if let other = byName[name], other == spec.path {
                throw RunFailure(
                    "\(spec.path) is given twice: it would be planned twice and counted twice in a roll-up")
            }
            if let other = byName[name] {
                throw RunFailure(
                    "\(other) and \(spec.path) would both write \((out as NSString).appendingPathComponent(name)).md; "
                        + "rename one or plan them into different --out folders")
            }
            byName[name] = spec.path
        }
        if let rollup, let site = byName[rollup] {
            throw RunFailure(
                "the roll-up '\(rollup)' would overwrite the report of \(site); choose another --rollup name")
        }
    }

    /// A name that is a plain file name: not empty, not `.` or `..`, no `/`.
    public static func isUsableName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/")
    }

    /// The options that change what a report says, as they go on its command line.
    private var override: String {
        (distribution.map { " --distribution \($0.rawValue)" } ?? "") + (strict ? " --strict" : "")
            + (samples.map { " --samples \($0)" } ?? "")
    }

    /// Solve times vary from run to run: they go to the log, never into a committed report.
    private func logSolveTimes(_ plan: Plan, spec: LoadedSpec, log: RunLog) {
        if let hr = plan.heatRecovery {
            let lp = hr.result.lp
            log(
                .info(
                    "\(spec.path): heat-recovery LP \(lp.rows) × \(lp.columns) (\(lp.nonzeros) non-zeros) "
                        + "\(hr.result.status.rawValue) in \(String(format: "%.3f", lp.solveTime.seconds)) s"))
        }
        for placement in plan.placements {
            for layout in placement.layouts {
                log(
                    .info(
                        "\(spec.path): placement of \(placement.hallID) "
                            + "(\(layout.medium == .liquid ? "liquid" : "air")) \(layout.solve.rows) × "
                            + "\(layout.solve.columns), \(layout.solve.binaries) binaries: \(layout.status.rawValue) "
                            + "in \(String(format: "%.3f", layout.solve.time.seconds)) s"))
            }
        }
    }

    /// `--dump-lp`: the heat-recovery LP and each hall's placement MILPs as MPS and CPLEX LP.
    private func exportModels(_ plan: Plan, spec: LoadedSpec, to dumpLP: String, log: RunLog) throws(RunFailure) {
        let folder = (dumpLP as NSString).appendingPathComponent(spec.reportName)
        if let hr = plan.heatRecovery {
            do {
                let files = try SiteHeatRecovery.exportLP(hr, to: folder)
                log(.info("\(spec.path): wrote \(files.mps) and \(files.lp)"))
            } catch {
                throw RunFailure("--dump-lp: \(error)")
            }
        }
        if spec.site.placement.enabled {
            do throws(PlacementError) {
                let files = try SitePlacement.exportModels(spec.site, cooling: plan.cooling?.halls, to: folder)
                log(.info("\(spec.path): wrote \(files.joined(separator: ", "))"))
            } catch {
                throw RunFailure("--dump-lp: \(error)")
            }
        }
    }

    static func quoted(_ text: String) -> String { text.contains(" ") ? "\"\(text)\"" : text }
}
