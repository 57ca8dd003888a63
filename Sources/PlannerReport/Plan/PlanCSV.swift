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

    /// `bill-of-quantities.csv`: one row per installed item (all copies of a hall), with its unit
    /// cost and extended cost, low / typical / high, in USD of the plan's price year; an item
    /// without a cost entry has empty cost cells. Empty when the plan has no cost.
    public static func billOfQuantities(_ plan: Plan) -> String {
        var rows = [
            [
                "system", "hall", "item", "entry", "cost_entry", "count", "rating", "unit", "quantity",
                "unit_cost_low_usd", "unit_cost_usd", "unit_cost_high_usd", "cost_low_usd", "cost_usd", "cost_high_usd",
            ]
        ]
        for item in plan.cost?.items ?? [] {
            let unit = item.unitCost
            let ext = item.extended
            rows.append([
                item.system.rawValue, item.hallID ?? "site", item.item, item.entryID, item.costID ?? "",
                String(item.count), number(item.rating), item.measure.rawValue, number(item.quantity),
                unit.map { number($0.low.dollars) } ?? "", unit.map { number($0.typical.dollars) } ?? "",
                unit.map { number($0.high.dollars) } ?? "", unit == nil ? "" : money(ext.low),
                unit == nil ? "" : money(ext.typical), unit == nil ? "" : money(ext.high),
            ])
        }
        return render(rows)
    }

    static func money(_ value: Money) -> String {
        value.dollars.isFinite && abs(value.dollars) < 9e18
            ? String(Int64(value.dollars.rounded())) : "\(value.dollars)"
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
