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

/// The floor plan of one hall: racks coloured by heat, placed units as symbols sized by capacity
/// (circles for CDUs, squares for air units), each unit's reach as a dashed diamond (distance
/// along aisles), and the unused candidate sites as small crosses.
public enum FloorPlanSVG {
    /// `reach`: the reach of the CDU and of the air unit; `rackDepth`: the floor model's rack depth.
    public static func render(
        _ placement: HallPlacement, rackPitch: Length, rackDepth: Length, reach: (liquid: Length, air: Length)
    ) -> String {
        let floor = placement.floor
        let rackWidth = rackPitch.metres
        let rackDepth = rackDepth.metres
        let points = floor.racks.map(\.position) + floor.sites.map(\.position)
        let minX = (points.map(\.x.metres).min() ?? 0) - 3
        let maxX = (points.map(\.x.metres).max() ?? 1) + 3
        let minY = (points.map(\.y.metres).min() ?? 0) - 3
        let maxY = (points.map(\.y.metres).max() ?? 1) + 3
        let scale = min(900 / (maxX - minX), 600 / (maxY - minY))
        let width = (maxX - minX) * scale
        let height = (maxY - minY) * scale + 40
        func px(_ x: Double) -> String { fixed((x - minX) * scale) }
        func py(_ y: Double) -> String { fixed((y - minY) * scale + 30) }
        func fixed(_ v: Double) -> String { String(format: "%.1f", v) }
        let maxHeat = floor.racks.map { ($0.heat.liquid + $0.heat.air).kilowatts }.max() ?? 1
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(fixed(width)) \(fixed(height))\" "
                + "width=\"\(fixed(width))\" height=\"\(fixed(height))\" font-family=\"sans-serif\" font-size=\"11\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            "<text x=\"8\" y=\"18\" font-size=\"14\">Hall \(placement.hallID): racks by heat (darker = more), CDUs ● "
                + "and air units ■ by capacity, reach dashed</text>",
        ]
        for rack in floor.racks {
            let share = (rack.heat.liquid + rack.heat.air).kilowatts / maxHeat
            let shade = Int((230 - 170 * share).rounded())
            svg.append(
                "<rect x=\"\(px(rack.position.x.metres - rackWidth / 2))\" "
                    + "y=\"\(py(rack.position.y.metres - rackDepth / 2))\" width=\"\(fixed(rackWidth * scale))\" "
                    + "height=\"\(fixed(rackDepth * scale))\" fill=\"rgb(\(shade),\(shade),255)\" stroke=\"#666\" "
                    + "stroke-width=\"0.5\"><title>\(rack.id) \(rack.systemID) "
                    + "\(fixed((rack.heat.liquid + rack.heat.air).kilowatts)) kW</title></rect>"
            )
        }
        let used = Set(([placement.liquid, placement.air].compactMap { $0 }).flatMap { $0.units.map(\.position) })
        for site in floor.sites where !used.contains(site.position) {
            let x = (site.position.x.metres - minX) * scale
            let y = (site.position.y.metres - minY) * scale + 30
            svg.append(
                "<path d=\"M\(fixed(x - 3)) \(fixed(y - 3)) L\(fixed(x + 3)) \(fixed(y + 3)) M\(fixed(x - 3)) "
                    + "\(fixed(y + 3)) L\(fixed(x + 3)) \(fixed(y - 3))\" stroke=\"#bbb\"/>"
            )
        }
        let largest =
            ([placement.liquid, placement.air].compactMap { $0 }).flatMap(\.units).map(\.capacity.kilowatts).max() ?? 1
        for layout in [placement.liquid, placement.air].compactMap({ $0 }) {
            let colour = layout.medium == .liquid ? "#1f77b4" : "#d62728"
            let reach = (layout.medium == .liquid ? reach.liquid : reach.air).metres * scale
            for unit in layout.units {
                let x = (unit.position.x.metres - minX) * scale
                let y = (unit.position.y.metres - minY) * scale + 30
                svg.append(
                    "<path d=\"M\(fixed(x)) \(fixed(y - reach)) L\(fixed(x + reach)) \(fixed(y)) L\(fixed(x)) "
                        + "\(fixed(y + reach)) L\(fixed(x - reach)) \(fixed(y)) Z\" fill=\"none\" stroke=\"\(colour)\" "
                        + "stroke-opacity=\"0.35\" stroke-dasharray=\"4 3\"/>"
                )
                let r = 4 + 6 * unit.capacity.kilowatts / largest
                let title =
                    "<title>\(unit.id) \(unit.typeID) \(fixed(unit.load.kilowatts)) of "
                    + "\(fixed(unit.capacity.kilowatts)) kW</title>"
                if layout.medium == .liquid {
                    svg.append(
                        "<circle cx=\"\(fixed(x))\" cy=\"\(fixed(y))\" r=\"\(fixed(r))\" "
                            + "fill=\"\(colour)\">\(title)</circle>"
                    )
                } else {
                    svg.append(
                        "<rect x=\"\(fixed(x - r))\" y=\"\(fixed(y - r))\" width=\"\(fixed(2 * r))\" "
                            + "height=\"\(fixed(2 * r))\" fill=\"\(colour)\">\(title)</rect>"
                    )
                }
                svg.append("<text x=\"\(fixed(x + r + 2))\" y=\"\(fixed(y - r))\" fill=\"\(colour)\">\(unit.id)</text>")
            }
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }
}
