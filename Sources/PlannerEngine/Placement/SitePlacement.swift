import Catalogue
import Foundation
import PlannerModel

/// Places the cooling units of every hall of a site that asks for it (`Site.placement`) and
/// turns what a planner must act on into findings: an infeasible hall (an error, naming the
/// short racks and why), a layout the independent checker rejects (an error), a time-out
/// without a layout (a warning).
public enum SitePlacement {
    /// The options for one hall: the site's CDU and air unit with their redundancies, limits
    /// from the spec, the hall's listed candidate sites (else generated at the spec's pitch), and
    /// the units the cooling table installs per copy of the hall (`cooling`, when sized), which
    /// the layout puts down at least.
    public static func options(for hall: Hall, site: Site, cooling: [HallCooling]? = nil) throws(PlacementError)
        -> PlacementOptions
    {
        let choices = site.placement
        var options = try PlacementOptions.from(site.cooling)
        options.timeLimit = choices.timeLimit
        options.mipGap = choices.mipGap
        options.sites = hall.layout?.unitSites.map { .listed($0) } ?? .generated(pitch: choices.sitePitch)
        if let sized = cooling?.first(where: { $0.id == hall.id }) {
            options.minimumUnits[.liquid] = sized.cdus?.units.unitsInstalled
            options.minimumUnits[.air] = sized.airUnits?.units.unitsInstalled
        }
        return options
    }

    /// Every hall with a layout, one copy each, in hall order; with the findings. With `cooling`
    /// each layout puts down at least the cooling table's units, and a finding says where it
    /// needs more.
    public static func place(_ site: Site, cooling: [HallCooling]? = nil) -> (
        placements: [HallPlacement], findings: [Finding]
    ) {
        guard site.placement.enabled else { return ([], []) }
        var findings: [Finding] = []
        var problems: [(hall: Hall, options: PlacementOptions)] = []
        var subjects: [String] = []
        for (index, hall) in site.halls.enumerated() {
            let subject = "halls[\(index)]"
            guard hall.layout != nil else {
                findings.append(
                    Finding(.note, subject, "hall '\(hall.id)' has no layout, so its cooling units are not placed"))
                continue
            }
            do throws(PlacementError) {
                problems.append((hall, try options(for: hall, site: site, cooling: cooling)))
                subjects.append(subject)
            } catch {
                findings.append(Finding(.error, subject, error.description))
            }
        }
        var placements: [HallPlacement] = []
        let results = PlacementAnalysis.place(problems, parallel: true)
        for ((problem, subject), result) in zip(zip(problems, subjects), results) {
            switch result {
            case .success(let placement):
                placements.append(placement)
                for layout in placement.layouts {
                    findings += self.findings(
                        layout, floor: placement.floor, options: problem.options, subject: subject)
                }
                findings += PlacementChecker.sharedSites(placement).map {
                    Finding(.error, subject, "hall '\(placement.hallID)' placement fails the independent check: \($0)")
                }
            case .failure(let error):
                findings.append(Finding(.error, subject, error.description))
            }
        }
        return (placements, findings)
    }

    static func findings(_ layout: CoolingLayout, floor: HallFloor, options: PlacementOptions, subject: String)
        -> [Finding]
    {
        let what = "hall '\(layout.hallID)', \(layout.medium == .liquid ? "CDU" : "air-unit") placement"
        let key = layout.medium == .liquid ? "cooling.cdu_redundancy" : "cooling.air_redundancy"
        var notes: [Finding] = []
        let scheme = RedundancyScheme(layout.redundancy)
        if scheme.approximated {
            notes.append(
                Finding(
                    .warning, subject,
                    "\(what) treats \(key) \(layout.redundancy) as N+\(scheme.spares) on the floor (a lost "
                        + "system counted as one unit), so the layout may not survive the loss of a whole system"))
        }
        if let table = options.minimumUnits[layout.medium], layout.units.count > table,
            layout.status == .optimal || layout.status == .feasible
        {
            let reach = options.units(layout.medium).map(\.reach.metres).max() ?? 0
            notes.append(
                Finding(
                    .warning, subject,
                    "\(what) needs \(layout.units.count) units where the cooling table installs \(table) "
                        + "(\(layout.redundancy)): a unit serves only racks within \(NumberText.compact(reach)) m "
                        + "along the aisles, so parts of the hall need their own spares; the table's count is short "
                        + "by \(layout.units.count - table)"))
        }
        return notes + statusFindings(layout, floor: floor, options: options, subject: subject, what: what)
    }

    static func statusFindings(
        _ layout: CoolingLayout, floor: HallFloor, options: PlacementOptions, subject: String, what: String
    ) -> [Finding] {
        switch layout.status {
        case .infeasible:
            let short = layout.shortfalls.prefix(5).map {
                "\($0.rackID) short \(NumberText.compact(($0.unserved.kilowatts * 10).rounded() / 10)) kW "
                    + "(\($0.reason.sentence))"
            }
            let more = layout.shortfalls.count > 5 ? " and \(layout.shortfalls.count - 5) more racks" : ""
            let total = layout.shortfalls.reduce(Power.zero) { $0 + $1.unserved }
            return [
                Finding(
                    .error, subject,
                    "\(what) is infeasible: \(NumberText.compact((total.kilowatts * 10).rounded() / 10)) kW of heat "
                        + "cannot be served with \(layout.redundancy): \(short.joined(separator: "; "))\(more)"
                )
            ]
        case .noSolution:
            return [
                Finding(
                    .warning, subject, "\(what) found no layout within the time limit; raise placement.time_limit_s")
            ]
        case .optimal, .feasible:
            var timeLimited: [Finding] = []
            if layout.solve.timeLimited {
                timeLimited.append(
                    Finding(
                        .warning, subject,
                        "\(what) stopped at the time limit, so the layout depends on the machine's speed; raise "
                            + "placement.time_limit_s until the search ends by itself"))
            }
            if layout.solve.nodeLimited {
                timeLimited.append(
                    Finding(
                        .note, subject,
                        "\(what) stopped at the node limit with a gap of "
                            + (layout.solve.gap.map { NumberText.compact(($0.percent * 100).rounded() / 100) } ?? "?")
                            + " %; "
                            + "the layout is the same on any machine"))
            }
            let violations = PlacementChecker.violations(of: layout, floor: floor, types: options.units(layout.medium))
            guard violations.isEmpty else {
                return timeLimited + [
                    Finding(
                        .error, subject,
                        "\(what) fails the independent check: "
                            + "\(violations.prefix(3).map(\.description).joined(separator: "; "))"
                    )
                ]
            }
            return timeLimited
        }
    }

    /// Writes each hall's placement models (free MPS and CPLEX LP) into `directory`.
    public static func exportModels(_ site: Site, cooling: [HallCooling]? = nil, to directory: String)
        throws(PlacementError) -> [String]
    {
        var files: [String] = []
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .exportFailed("cannot create \(directory): \(error.localizedDescription)")
        }
        for hall in site.halls where hall.layout != nil {
            let options = try options(for: hall, site: site, cooling: cooling)
            files += try PlacementAnalysis.exportModels(hall: hall, options: options, directory: directory).flatMap {
                [$0.mpsPath, $0.lpPath]
            }
        }
        return files
    }
}
