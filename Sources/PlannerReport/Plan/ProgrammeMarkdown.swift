import PlannerModel

/// The roll-up of several sites (a programme such as Korea's 260 000 GPUs): a row per site and
/// the total. Each row links to the site's own report, written beside it.
public enum ProgrammeMarkdown {
    public struct Entry: Sendable {
        /// The site report's base name (`<name>.md` in the same folder).
        public var reportName: String
        public var plan: Plan
        public var context: ReportContext
        public init(reportName: String, plan: Plan, context: ReportContext) {
            self.reportName = reportName
            self.plan = plan
            self.context = context
        }
    }

    public static func render(title: String, entries: [Entry], command: String, version: String) -> String {
        var table = MarkdownTable([
            ("Site", .left), ("Operator", .left), ("GPUs", .right), ("Racks", .right), ("Halls", .right),
            ("Nameplate [MW]", .right), ("Design [MW]", .right), ("Sustained [MW]", .right),
            ("Liquid heat [MW]", .right), ("Air heat [MW]", .right), ("IT energy [GWh/yr]", .right),
            ("Facility at design [MW]", .right), ("Grid [kV]", .right),
        ])
        var total = CapacitySummary.zero
        var halls = 0
        var facility = Power.zero
        for entry in entries {
            let t = entry.plan.total
            let copies = entry.plan.halls.reduce(0) { $0 + $1.copies }
            let electrical = entry.plan.electrical
            total = total + t
            halls += copies
            facility += entry.plan.facilityDesign ?? t.itPower.design
            table.add(
                [
                    "[\(entry.plan.site.name)](\(entry.reportName).md)", entry.plan.site.operatorName ?? "–",
                    Format.integer(t.gpuCount), Format.integer(t.rackCount), Format.integer(copies),
                ] + powerCells(t) + [
                    entry.plan.facilityDesign.map(Format.megawatts) ?? "–",
                    electrical.map { Format.fixed($0.grid.interconnectVoltage.kilovolts, 1) } ?? "–",
                ])
        }
        table.add(
            ["**Total**", "", Format.integer(total.gpuCount), Format.integer(total.rackCount), Format.integer(halls)]
                + powerCells(total) + [Format.megawatts(facility), ""])
        let costs = costTable(entries)
        let digests = entries.map { "- `\($0.context.specPath)` SHA-256 `\($0.context.specDigest)`" }.joined(
            separator: "\n")
        return """
            # \(title): programme roll-up

            \(entries.count) sites, \(Format.integer(total.gpuCount)) GPUs, \(Format.megawatts(total.itPower.design)) \
            MW of IT \
            at design power, \(Format.megawatts(facility)) MW from the grid at design (power-chain losses, and cooling \
            at the design condition where simulated). Heat at design \
            power; energy at each site's sustained utilisation over 8,760 h.

            \(table.rendered)\(costs)
            ## How to reproduce

            ```sh
            \(command)
            ```

            dcplan \(version); specs:

            \(digests)

            This file is generated; do not edit it by hand.

            """
    }

    /// Capital (low / typical / high), capital per MW of IT, operating and lifetime cost and the
    /// cheapest option per site (DESIGN.md §5.16); empty when no site is costed.
    static func costTable(_ entries: [Entry]) -> String {
        let costed = entries.filter { $0.plan.cost != nil }
        guard !costed.isEmpty else { return "" }
        var table = MarkdownTable([
            ("Site", .left), ("Capital low [M USD]", .right), ("Capital [M USD]", .right),
            ("Capital high [M USD]", .right), ("M USD/MW IT", .right), ("Operating [M USD/yr]", .right),
            ("Lifetime (NPV) [M USD]", .right), ("Area [m²]", .right), ("Cheapest option", .left),
        ])
        var capital = CostRange.zero
        var lifetime = Money.zero
        for entry in costed {
            let cost = entry.plan.cost!
            capital += cost.capital
            lifetime += cost.lifetime.typical
            table.add([
                "[\(entry.plan.site.name)](\(entry.reportName).md)", CostMarkdown.musd(cost.capital.low),
                CostMarkdown.musd(cost.capital.typical), CostMarkdown.musd(cost.capital.high),
                Format.fixed(cost.capitalPerMegawattIT.millionDollars, 2), CostMarkdown.musd(cost.operating.total),
                CostMarkdown.musd(cost.lifetime.typical), Format.fixed(cost.space.total.squareMetres, 0),
                CostMarkdown.cheapest(entry.plan).map {
                    "\($0.option.label) (−\(CostMarkdown.musd($0.saving)) M USD)"
                } ?? (entry.plan.options.isEmpty ? "–" : "as specified"),
            ])
        }
        table.add([
            "**Total**", CostMarkdown.musd(capital.low), CostMarkdown.musd(capital.typical),
            CostMarkdown.musd(capital.high), "", "", CostMarkdown.musd(lifetime), "", "",
        ])
        return
            "\n## Cost\n\nFacility capital (no land, site works, soft costs or IT) in USD of each site's price year, "
            + "and lifetime cost at each site's discount rate and horizon (DESIGN.md §5.16).\n\n" + table.rendered
    }

    static func powerCells(_ t: CapacitySummary) -> [String] {
        [
            Format.megawatts(t.itPower.nameplate), Format.megawatts(t.itPower.design),
            Format.megawatts(t.itPower.sustained),
            Format.megawatts(t.heatDesign.liquid), Format.megawatts(t.heatDesign.air),
            Format.fixed((t.itPower.sustained * .year).gigawattHours, 1),
        ]
    }
}
