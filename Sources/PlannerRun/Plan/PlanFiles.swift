import Foundation
import PlannerEngine
import PlannerModel
import PlannerReport

/// The files of one site's plan: `<base>.md`, and in `<base>/` plan.json, racks.csv, halls.csv,
/// hourly.csv (with a plant year) and the SVG figures (single-line diagram, plant year, heat
/// recovery, one floor plan per placed hall).
public enum PlanFiles {
    /// Renders every file of `plan` under `base` (a path without extension, e.g. `Reports/x`).
    public static func render(_ plan: Plan, site: Site, context: ReportContext, base: String) throws(RunFailure)
        -> OutputFiles
    {
        let name = (base as NSString).lastPathComponent
        var files = OutputFiles()
        files.add(
            base + ".md",
            PlanMarkdown.render(
                plan, context: context, figures: plan.cooling == nil ? nil : name,
                diagrams: plan.electrical == nil ? nil : name))
        if let diagram = SingleLineDiagram(plan: plan) {
            files.add(base + "/single-line.svg", diagram.rendered)
        }
        if let annual = plan.cooling?.annual {
            files.add(base + "/facility-power.svg", PlantCharts.facilityPower(annual))
            files.add(base + "/load-duration.svg", PlantCharts.loadDuration(annual))
        }
        if let hr = plan.heatRecovery {
            files.add(base + "/heat-recovery.svg", HeatRecoveryCharts.daily(hr))
        }
        if !plan.phases.isEmpty {
            files.add(base + "/phases.svg", PhaseChart(phases: plan.phases, siteName: site.name).rendered)
        }
        if let u = plan.uncertainty { files.add(base + "/uncertainty.svg", UncertaintyChart.rendered(u)) }
        for placement in plan.placements {
            guard let hall = site.halls.first(where: { $0.id == placement.hallID }), let layout = hall.layout else {
                continue
            }
            files.add(
                base + "/floor-\(placement.hallID).svg",
                FloorPlanSVG(
                    placement, siteName: site.name, copies: hall.copies, layout: layout,
                    rackDepth: PlacementOptions.defaultRackDepth,
                    liquidReach: site.cooling.cdu.placement?.reach ?? .zero,
                    airReach: site.cooling.airUnit.placement?.reach ?? .zero
                ).rendered)
        }
        do {
            files.add(base + "/plan.json", try PlanJSON.render(plan, context: context))
        } catch {
            throw RunFailure("\(base)/plan.json: \(error)")
        }
        files.add(base + "/racks.csv", PlanCSV.rackGroups(plan))
        files.add(base + "/halls.csv", PlanCSV.halls(plan))
        if plan.cost != nil { files.add(base + "/bill-of-quantities.csv", PlanCSV.billOfQuantities(plan)) }
        if let hourly = PlanCSV.hourly(plan) { files.add(base + "/hourly.csv", hourly) }
        files.own(base, generated: isGenerated)
        return files
    }

    /// The names dcplan writes into a site's folder: a file of these that a new plan does not
    /// write (a floor plan of a hall since removed) is stale and goes.
    static func isGenerated(_ name: String) -> Bool {
        [
            "plan.json", "racks.csv", "halls.csv", "single-line.svg", "facility-power.svg", "load-duration.svg",
            "heat-recovery.svg", "bill-of-quantities.csv", "phases.svg", "hourly.csv", "uncertainty.svg",
        ]
        .contains(name) || (name.hasPrefix("floor-") && name.hasSuffix(".svg"))
    }
}
