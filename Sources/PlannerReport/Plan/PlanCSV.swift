import PlannerModel

/// CSV tables for spreadsheets: one row per rack group and one per hall, units in the headers.
public enum PlanCSV {
    /// `racks.csv`: one row per hall and rack group, totals over the hall's copies.
    public static func rackGroups(_ plan: Plan) -> String {
        var rows = [
            [
                "hall", "copies", "type", "racks_per_copy", "gpus", "rack_design_kw", "rack_sustained_kw",
                "design_kw", "sustained_kw", "heat_liquid_kw", "heat_air_kw",
            ]
        ]
        for hall in plan.halls {
            for group in hall.groups {
                let t = group.summary.times(hall.copies)
                rows.append([
                    hall.id, String(hall.copies), group.system.id, String(group.count), String(t.gpuCount),
                    number(group.perRack.design.kilowatts), number(group.perRack.sustained.kilowatts),
                    number(t.itPower.design.kilowatts), number(t.itPower.sustained.kilowatts),
                    number(t.heatDesign.liquid.kilowatts), number(t.heatDesign.air.kilowatts),
                ])
            }
        }
        return render(rows)
    }

    /// `halls.csv`: one row per hall, totals over its copies.
    public static func halls(_ plan: Plan) -> String {
        var rows = [
            [
                "hall", "copies", "gpus", "racks", "nameplate_kw", "design_kw", "sustained_kw", "heat_liquid_kw",
                "heat_air_kw", "floor_weight_t",
            ]
        ]
        for hall in plan.halls {
            let t = hall.total
            rows.append([
                hall.id, String(hall.copies), String(t.gpuCount), String(t.rackCount),
                number(t.itPower.nameplate.kilowatts), number(t.itPower.design.kilowatts),
                number(t.itPower.sustained.kilowatts), number(t.heatDesign.liquid.kilowatts),
                number(t.heatDesign.air.kilowatts), number(t.weight.tonnes),
            ])
        }
        return render(rows)
    }

    static func number(_ value: Double) -> String { "\(Format.plain(value))" }

    /// RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled.
    static func render(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { field in
                field.contains(where: { ",\"\n\r".contains($0) })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}
