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
        let digests = entries.map { "- `\($0.context.specPath)` SHA-256 `\($0.context.specDigest)`" }.joined(
            separator: "\n")
        return """
            # \(title): programme roll-up

            \(entries.count) sites, \(Format.integer(total.gpuCount)) GPUs, \(Format.megawatts(total.itPower.design)) \
            MW of IT \
            at design power, \(Format.megawatts(facility)) MW from the grid at design (power-chain losses, and cooling \
            at the design condition where simulated). Heat at design \
            power; energy at each site's sustained utilisation over 8,760 h.

            \(table.rendered)
            ## How to reproduce

            ```sh
            \(command)
            ```

            dcplan \(version); specs:

            \(digests)

            This file is generated; do not edit it by hand.

            """
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
