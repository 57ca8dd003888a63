import Catalogue
import Foundation
import PlannerModel

/// Places the cooling units of every hall of a site that asks for it (`Site.placement`) and
/// turns what a planner must act on into findings: an infeasible hall (an error, naming the
/// short racks and why), a layout the independent checker rejects (an error), a time-out
/// without a layout (a warning).
public enum SitePlacement {
    /// The options for one hall: the site's CDU and air unit, limits from the spec, and the
    /// hall's listed candidate sites (else generated at the spec's pitch).
    public static func options(for hall: Hall, site: Site) throws(PlacementError) -> PlacementOptions {
        let choices = site.placement
        var options = try PlacementOptions.from(site.cooling)
        options.timeLimit = choices.timeLimit
        options.mipGap = choices.mipGap
        options.sites = hall.layout?.unitSites.map { .listed($0) } ?? .generated(pitch: choices.sitePitch)
        return options
    }

    /// Every hall with a layout, one copy each, in hall order; with the findings.
    public static func place(_ site: Site) -> (placements: [HallPlacement], findings: [Finding]) {
        guard site.placement.enabled else { return ([], []) }
        var placements: [HallPlacement] = []
        var findings: [Finding] = []
        for (index, hall) in site.halls.enumerated() {
            let subject = "halls[\(index)]"
            guard hall.layout != nil else {
                findings.append(
                    Finding(.note, subject, "hall '\(hall.id)' has no layout, so its cooling units are not placed"))
                continue
            }
            do throws(PlacementError) {
                let options = try options(for: hall, site: site)
                let placement = try PlacementAnalysis.place(hall: hall, options: options)
                placements.append(placement)
                for layout in [placement.liquid, placement.air].compactMap({ $0 }) {
                    findings += self.findings(layout, floor: placement.floor, options: options, subject: subject)
                }
            } catch {
                findings.append(Finding(.error, subject, error.description))
            }
        }
        return (placements, findings)
    }

    static func findings(_ layout: CoolingLayout, floor: HallFloor, options: PlacementOptions, subject: String)
        -> [Finding]
    {
        let what = "hall '\(layout.hallID)', \(layout.medium == .liquid ? "CDU" : "air-unit") placement"
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
                        + "cannot be served with N+1: \(short.joined(separator: "; "))\(more)"
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
    public static func exportModels(_ site: Site, to directory: String) throws(PlacementError) -> [String] {
        var files: [String] = []
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .exportFailed("cannot create \(directory): \(error.localizedDescription)")
        }
        for hall in site.halls where hall.layout != nil {
            let options = try options(for: hall, site: site)
            files += try PlacementAnalysis.exportModels(hall: hall, options: options, directory: directory).flatMap {
                [$0.mpsPath, $0.lpPath]
            }
        }
        return files
    }
}
