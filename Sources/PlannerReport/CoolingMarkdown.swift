import PlannerModel

/// The cooling and plant-over-the-year sections of the site report.
enum CoolingMarkdown {
    /// `figures`: the folder (relative to the report) holding the plant SVGs.
    static func sections(_ plan: Plan, figures: String?) -> String {
        guard let c = plan.cooling else { return "" }
        return [units(c), year(c, figures: figures)].joined(separator: "\n")
    }

    static func units(_ c: SiteCooling) -> String {
        let ch = c.choices
        var text = """
            ## Cooling

            Liquid loop (TCS) supply \(Format.fixed(ch.tcsSupply.celsius, 1)) °C with a \(Format.fixed(ch.tcsRise.kelvins, 1)) K rise; \
            facility water \(Format.fixed(c.facilityWaterSupply.celsius, 1)) °C after the CDU approach of \
            \(Format.fixed(ch.cdu.approach.kelvins, 1)) K. The air side takes the racks' air heat and the halls' power-chain losses. \
            Units are sized at design power, per copy of the hall. Equipment defaults are estimates (L) until the spec chooses: \
            `\(ch.cdu.id)` (\(ch.cdu.provenance.source)), `\(ch.airUnit.id)` (\(ch.airUnit.provenance.source)).


            """
        var table = MarkdownTable([
            ("Hall", .left), ("Liquid heat [kW]", .right), ("CDUs (installed / required)", .right), ("Coolant flow [L/min]", .right),
            ("Pump power [kW]", .right), ("Air heat [kW]", .right), ("Air units (installed / required)", .right),
            ("Airflow [m³/s]", .right), ("Fan power [kW]", .right),
        ])
        for h in c.halls {
            table.add([
                "`\(h.id)`", Format.fixed(h.liquidLoad.kilowatts, 0),
                h.cdus.map { "\($0.units.unitsInstalled) / \($0.units.unitsRequired) (\($0.units.redundancy))" } ?? "–",
                h.cdus.map { Format.fixed($0.coolantFlow.litresPerMinute, 0) } ?? "–",
                h.cdus.map { Format.fixed($0.pumpPower.kilowatts, 1) } ?? "–",
                Format.fixed(h.airLoad.kilowatts, 0),
                h.airUnits.map { "\($0.units.unitsInstalled) / \($0.units.unitsRequired) (\($0.units.redundancy))" } ?? "–",
                h.airUnits.map { Format.fixed($0.airflow.cubicMetresPerSecond, 1) } ?? "–",
                h.airUnits.map { Format.fixed($0.fanPower.kilowatts, 1) } ?? "–",
            ])
        }
        text += table.rendered + "\n"
        var plant = MarkdownTable([("Heat-rejection plant", .left), ("Value", .right)])
        plant.add(["Heat to reject at design (IT + hall chain losses + pumps + fans) [MW]", Format.megawatts(c.designHeatLoad)])
        plant.add([
            "Economisers", "\(c.economiserUnits.unitsInstalled) × `\(ch.economiser.id)` (\(c.economiserUnits.redundancy)), approach \(Format.fixed(ch.economiser.approach.kelvins, 1)) K",
        ])
        plant.add(["Chillers for trim", "`\(ch.chiller.id)`"])
        plant.add(["Design condition (ASHRAE 0.4 % DB / MCWB) [°C]", "\(Format.fixed(c.designDryBulb.celsius, 1)) / \(Format.fixed(c.designWetBulb.celsius, 1))"])
        plant.add(["Plant mode at the design condition", c.designHour.mode.rawValue])
        plant.add(["Chiller COP at the design condition", c.designHour.chillerCOP > 0 ? Format.fixed(c.designHour.chillerCOP, 2) : "–"])
        plant.add(["Plant electricity at the design condition [MW]", Format.megawatts(c.designHour.electricity)])
        return text + plant.rendered
    }

    static func year(_ c: SiteCooling, figures: String?) -> String {
        let a = c.annual
        var summary = MarkdownTable([("Quantity", .left), ("Value", .right)])
        summary.add(["Weather", "`\(a.weatherFile)` (\(Format.integer(a.hours)) h)"])
        summary.add(["IT energy [MWh]", Format.fixed(a.itEnergy.megawattHours, 0)])
        summary.add(["Power-chain losses [MWh]", Format.fixed(a.chainLossEnergy.megawattHours, 0)])
        summary.add(["CDU pumps and air fans [MWh]", Format.fixed(a.distributionCoolingEnergy.megawattHours, 0)])
        summary.add(["Chillers and economiser fans [MWh]", Format.fixed(a.plantEnergy.megawattHours, 0)])
        summary.add(["Facility energy [MWh]", Format.fixed(a.facilityEnergy.megawattHours, 0)])
        summary.add(["**PUE**", Format.fixed(a.pue, 3)])
        summary.add(["Water (tower make-up) [m³]", Format.fixed(a.water.kilograms / 1000, 0)])
        summary.add(["**WUE** [L/kWh]", Format.fixed(a.wue, 3)])
        for mode in PlantMode.allCases {
            summary.add(["Hours \(mode.rawValue)", Format.integer(a.hoursByMode[mode, default: 0])])
        }
        summary.add(["Peak facility power [MW] (hour of the year)", "\(Format.megawatts(a.peakFacility)) (\(Format.integer(a.peakHour + 1)))"])
        var months = MarkdownTable([
            ("Month", .left), ("IT [MWh]", .right), ("Cooling [MWh]", .right), ("Facility [MWh]", .right), ("PUE", .right),
            ("Free-cooling hours", .right),
        ])
        for m in a.months {
            months.add([
                String(m.month), Format.fixed(m.it.megawattHours, 0), Format.fixed(m.cooling.megawattHours, 0),
                Format.fixed(m.facility.megawattHours, 0), Format.fixed(m.pue, 3), Format.integer(m.freeHours),
            ])
        }
        return """
            ## Plant over the year

            Each hour of the weather year at the sustained IT load: the economisers cool the facility water when dry bulb \
            (or wet bulb) + approach reaches the set point (free), pre-cool it with the chillers trimming (partial), or the \
            chillers carry it (chiller). Facility = IT + power-chain losses + pumps and fans + plant.


            """ + summary.rendered + "\n" + months.rendered
            + (figures.map { "\n![Facility power over the year](\($0)/facility-power.svg)\n\n![Load-duration curve](\($0)/load-duration.svg)\n" } ?? "")
    }
}
