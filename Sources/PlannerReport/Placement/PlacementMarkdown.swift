import Foundation
import PlannerModel

/// The cooling-unit placement section of the site report and its floor-plan figures.
enum PlacementMarkdown {
    /// `figures`: the folder (relative to the report) holding `floor-<hall>.svg`.
    static func section(_ plan: Plan, figures: String?) -> String {
        guard !plan.placements.isEmpty else { return "" }
        var text = """
            ## Cooling-unit placement

            Each hall (one copy) is placed by a mixed-integer program solved with GLPK (DESIGN.md §5.4): CDUs and \
            air units (fan walls or CRAHs) on one floor, at most one unit per candidate site (row ends and wall slots, \
            or the spec's list), at least as many units as the cooling table installs, every rack's heat served by \
            units within reach along the aisles, no unit above its rating, and every failure the spec's redundancy \
            names survivable (N+k: any k units; 2N: a whole system, each rack fed half by each), re-checked after \
            solving by re-routing the racks with an LP per failure and by an independent max-flow checker \
            (DESIGN.md §5.4.1). The objective is unit cost plus a piping proxy (cost per kW·m); both media share one \
            program, so its size and gap are the hall's. The search ends at the gap or a node limit, never at a time, \
            so the layout is the same on any machine; solve times vary run to run and are printed by `dcplan plan`.


            """
        for placement in plan.placements {
            text += "### Hall `\(placement.hallID)`\n\n"
            var summary = MarkdownTable([
                ("Problem", .left), ("Status", .left), ("Rows × columns", .right), ("Binaries", .right),
                ("Objective [USD]", .right),
                ("Gap", .right), ("Units", .left), ("Piping proxy [kW·m]", .right),
            ])
            for layout in [placement.liquid, placement.air].compactMap({ $0 }) {
                let counts = layout.unitCounts.sorted { $0.key < $1.key }.map { "\($0.value) × `\($0.key)`" }.joined(
                    separator: ", ")
                summary.add([
                    (layout.medium == .liquid ? "liquid (CDUs)" : "air") + ", \(layout.redundancy)",
                    layout.status.rawValue,
                    "\(Format.integer(layout.solve.rows)) × \(Format.integer(layout.solve.columns))",
                    Format.integer(layout.solve.binaries),
                    layout.solve.objective.map { Format.fixed($0.dollars, 0) } ?? "–",
                    layout.solve.gap.map { Format.percent($0, decimals: 2) } ?? "–", counts.isEmpty ? "–" : counts,
                    Format.fixed(layout.piping.kilowattMetres, 0),
                ])
            }
            text += summary.rendered
            for layout in placement.layouts where layout.solve.timeLimited {
                text +=
                    "\n**Time-limited**: the search for the \(layout.medium == .liquid ? "liquid" : "air") layout "
                    + "stopped at its wall-clock limit"
                    + (layout.solve.gap.map { " with a gap of \(Format.percent($0, decimals: 2))" } ?? "")
                    + ", so another machine (or this one under load) may give a different layout; raise "
                    + "`placement.time_limit_s` until the search ends by itself.\n"
            }
            if figures != nil {
                text += "\n![Floor plan of \(placement.hallID)](\(figures!)/floor-\(placement.hallID).svg)\n"
            }
            for layout in [placement.liquid, placement.air].compactMap({ $0 }) {
                var units = MarkdownTable([
                    ("Unit", .left), ("Type", .left), ("x [m]", .right), ("y [m]", .right), ("Capacity [kW]", .right),
                    ("Load [kW]", .right),
                    ("Loading", .right), ("Max load after a failure [kW]", .right), ("Racks", .right),
                ])
                for u in layout.units {
                    let system =
                        layout.units.contains(where: { $0.system > 0 }) ? " (\(u.system == 0 ? "A" : "B"))" : ""
                    units.add([
                        u.id + system, "`\(u.typeID)`", Format.fixed(u.position.x.metres, 1),
                        Format.fixed(u.position.y.metres, 1),
                        Format.fixed(u.capacity.kilowatts, 0), Format.fixed(u.load.kilowatts, 1),
                        Format.percent(u.loading, decimals: 1),
                        Format.fixed(u.maxLoadAfterFailure.kilowatts, 1), String(u.assignments.count),
                    ])
                }
                var failover = MarkdownTable([
                    ("Failed", .left), ("Re-routed heat [kW]", .right), ("Shortfall [kW]", .right),
                    ("Peak survivor loading", .right),
                ])
                for f in layout.failures {
                    failover.add([
                        f.failedUnitID, Format.fixed(f.reroutedHeat.kilowatts, 1),
                        Format.fixed(f.shortfall.kilowatts, 1),
                        Format.percent(f.peakLoading, decimals: 1),
                    ])
                }
                let medium = layout.medium == .liquid ? "CDUs" : "Air units"
                text += "\n\(medium) (\(Format.fixed(layout.heat.kilowatts, 0)) kW of heat):\n\n" + units.rendered
                let standby = layout.units.filter { $0.load.kilowatts <= 0 && $0.maxLoadAfterFailure.kilowatts > 0 }
                let idle = layout.units.filter { $0.load.kilowatts <= 0 && $0.maxLoadAfterFailure.kilowatts <= 0 }
                if !standby.isEmpty {
                    let ids = standby.map(\.id).joined(separator: ", ")
                    let one = standby.count == 1
                    text +=
                        "\n\(ids) \(one ? "carries" : "carry") no rack heat in normal operation and "
                        + "\(one ? "takes" : "take") load only after a failure: "
                        + "\(one ? "a standby unit" : "standby units") of the \(layout.redundancy) redundancy.\n"
                }
                if !idle.isEmpty {
                    let ids = idle.map(\.id).joined(separator: ", ")
                    let one = idle.count == 1
                    text +=
                        "\n\(ids) \(one ? "carries" : "carry") no rack heat, normally or after any failure: the "
                        + "cooling table installs \(layout.units.count) units (DESIGN.md §5.4.1), more than the racks' "
                        + "heat and the redundancy need on this floor"
                        + (layout.medium == .air
                            ? " (the air units are sized for the air heat plus the hall's power-chain losses, "
                                + "which have no place on the floor model)" : "")
                        + "; \(one ? "it stands" : "they stand") where the least-cost layout put "
                        + "\(one ? "it" : "them").\n"
                }
                if !layout.failures.isEmpty {
                    text +=
                        "\nFailover (each failure of \(layout.redundancy) in turn, every rack re-routed to the "
                        + "survivors within reach):\n\n"
                        + failover.rendered
                }
                if !layout.shortfalls.isEmpty {
                    var short = MarkdownTable([("Rack", .left), ("Unserved [kW]", .right), ("Why", .left)])
                    for s in layout.shortfalls {
                        short.add([s.rackID, Format.fixed(s.unserved.kilowatts, 1), s.reason.sentence])
                    }
                    text += "\n**Infeasible**: the elastic solution leaves these racks short:\n\n" + short.rendered
                }
            }
            text += "\n"
        }
        return text
    }
}
