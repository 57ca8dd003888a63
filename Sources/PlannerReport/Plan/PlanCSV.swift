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

    /// Columns of `hourly.csv` and the digits each is rounded to (DESIGN.md §8.3): integers for
    /// the calendar, 0.01 °C for temperatures, 0.1 kW for powers. Both loops always have their
    /// columns (an absent loop: 0 kW, mode `off`), so the header is the same for every site.
    public static let hourlyColumns: [(name: String, decimals: Int?)] =
        [
            ("hour", nil), ("month", nil), ("day", nil), ("hour_ending", nil), ("dry_bulb_c", 2), ("wet_bulb_c", 2),
            ("it_kw", 1), ("chain_loss_kw", 1), ("pumps_fans_kw", 1),
        ]
        + CoolingLoop.Kind.allCases.flatMap { kind in
            [("\(kind.specKey)_heat_kw", 1), ("\(kind.specKey)_mode", nil), ("\(kind.specKey)_plant_kw", 1)]
        }
        + [
            ("facility_water_supply_c", 2), ("house_loads_kw", 1), ("facility_kw", 1), ("heat_rejected_kw", 1),
            ("heat_recovered_kw", 1),
        ]

    /// `hourly.csv`: one row per hour of the weather year (8,760 or 8,784), `hour` counted from 0
    /// (plan.json's `peak_hour`), the calendar as the weather file gives it (EPW: hour 1-24, the
    /// hour ending). Each number is the shortest text of its value rounded to its column's digits.
    /// Nil when the plan has no plant year.
    public static func hourly(_ plan: Plan) -> String? {
        guard let annual = plan.cooling?.annual, let h = annual.hourlyRecord else { return nil }
        var out = hourlyColumns.map(\.name).joined(separator: ",") + "\n"
        out.reserveCapacity(annual.hours * 160)
        let kw = { (p: Power) in Format.shortest(p.kilowatts, 1) }
        let loops = CoolingLoop.Kind.allCases.map { kind in h.loops.first { $0.kind == kind } }
        for i in 0..<annual.hours {
            var row = [
                String(i), String(h.month[i]), String(h.day[i]), String(h.hour[i]),
                Format.shortest(h.dryBulb[i].celsius, 2), Format.shortest(h.wetBulb[i].celsius, 2), kw(h.it[i]),
                kw(h.chainLoss[i]), kw(h.pumpsAndFans[i]),
            ]
            for loop in loops {
                row += loop.map { [kw($0.heat[i]), $0.mode[i].rawValue, kw($0.plant[i])] } ?? ["0", "off", "0"]
            }
            row += [
                i < annual.hourlyLiquidSupply.count ? Format.shortest(annual.hourlyLiquidSupply[i].celsius, 2) : "",
                kw(h.houseLoads), kw(annual.hourlyFacility[i]), kw(annual.hourlyHeatRejected[i]),
                kw(annual.hourlyRecovered[i]),
            ]
            out += row.joined(separator: ",") + "\n"
        }
        return out
    }

    static func money(_ value: Money) -> String {
        value.dollars.isFinite && abs(value.dollars) < 9e18
            ? String(Int64(value.dollars.rounded())) : "\(value.dollars)"
    }

    /// Rounded to 0.001, shortest text (`140`, never `140.0`).
    static func number(_ value: Double) -> String { Format.shortest(value, 3) }

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
