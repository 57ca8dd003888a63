import PlannerModel

/// The cost and space section of the site report (DESIGN.md §5.16).
enum CostMarkdown {
    static func musd(_ money: Money) -> String { Format.fixed(money.millionDollars, 1) }
    static func range(_ r: CostRange) -> String { "\(musd(r.typical)) (\(musd(r.low))–\(musd(r.high)))" }

    static func section(_ plan: Plan) -> String {
        guard let cost = plan.cost else { return "" }
        let c = cost.choices
        var text = """
            ## Cost

            Capital from the bill of quantities (`bill-of-quantities.csv`) × the unit costs of `dcplan catalog \
            costs`, each converted to USD and escalated from its own year to \(c.year) by the construction-cost index \
            (REFERENCE.md C45, C97, C98; DESIGN.md §5.16). Low / typical / high carry each entry's range; most unit \
            costs are estimates (L), so read the totals as ±30-50 %. The IT equipment itself (GPUs, servers, \
            network) is **not** included; the rack power shelves are, as part of the power chain. Tariff: \
            \(c.tariffSource.source) (\(c.tariffSource.confidence.rawValue)).


            """
        if !cost.isComplete {
            text +=
                "**Incomplete:** \(cost.missing.count) installed item(s) have no cost entry and are left out of the "
                + "totals (see the findings).\n\n"
        }
        var systems = MarkdownTable([
            ("System", .left), ("Low [M USD]", .right), ("Typical [M USD]", .right), ("High [M USD]", .right),
            ("Share", .right), ("Maintenance [%/yr]", .right),
        ])
        let total = cost.capital
        for (system, r) in cost.bySystem {
            systems.add([
                system.title, musd(r.low), musd(r.typical), musd(r.high),
                total.typical > .zero ? Format.percent(.fraction(r.typical / total.typical)) : "–",
                cost.maintenance[system].map { Format.fixed($0.percent, 2) } ?? "–",
            ])
        }
        systems.add([
            "**Total" + (cost.isComplete ? "**" : " (incomplete)**"), musd(total.low), musd(total.typical),
            musd(total.high), "100 %", "",
        ])
        text += systems.rendered + "\n"

        let systemsPresent = cost.bySystem.map(\.system)
        var halls = MarkdownTable(
            [("Where", .left), ("Copies", .right)] + systemsPresent.map { ("\($0.title) [M USD]", .right) } + [
                ("Total [M USD]", .right), ("Low–high [M USD]", .right),
            ])
        func row(_ name: String, copies: String, hall: String?) {
            let items = cost.items.filter { $0.hallID == hall }
            let r = items.sum(\.extended)
            halls.add(
                [name, copies]
                    + systemsPresent.map { system in
                        musd(items.filter { $0.system == system }.sum(\.extended).typical)
                    } + [musd(r.typical), "\(musd(r.low))–\(musd(r.high))"])
        }
        for hall in plan.halls { row("hall `\(hall.id)`", copies: String(hall.copies), hall: hall.id) }
        row("site (grid, plant, backup, heat recovery, shell)", copies: "", hall: nil)
        text +=
            "Capital per hall (all copies) and of the site's own plant, by system (typical):\n\n" + halls.rendered
            + "\n"

        let o = cost.operating
        var money = MarkdownTable([("Quantity", .left), ("Value", .right)])
        money.add(["Capital, typical (low–high) [M USD]", range(total)])
        money.add(["Capital per MW of IT design [M USD/MW]", Format.fixed(cost.capitalPerMegawattIT.millionDollars, 2)])
        money.add(["Capital per GPU [USD]", Format.fixed(cost.capitalPerGPU.dollars, 0)])
        money.add(["Electricity, energy [M USD/yr]", musd(o.electricityEnergy)])
        money.add(["Electricity, demand charge [M USD/yr]", musd(o.electricityDemand)])
        money.add(["Water and its treatment [M USD/yr]", Format.fixed(o.water.millionDollars, 2)])
        money.add(["Maintenance [M USD/yr]", musd(o.maintenance)])
        if o.heatRevenue > .zero { money.add(["Heat sold to the network [M USD/yr]", "−" + musd(o.heatRevenue)]) }
        money.add(["Operating cost, net [M USD/yr]", musd(o.total)])
        money.add([
            "Lifetime cost (NPV at \(Format.fixed(c.discountRate.percent, 1)) % over \(c.horizonYears) years) [M USD]",
            range(cost.lifetime),
        ])
        money.add([
            "Annual cost (capital × \(Format.fixed(c.annuityFactor, 4)) + operating) [M USD/yr]",
            musd(cost.annualCost),
        ])
        money.add(["Facility cost per GPU-hour [USD]", Format.fixed(cost.perGPUHour.dollars, 3)])
        money.add(["Facility cost per MWh of IT energy [USD]", Format.fixed(cost.perMegawattHourIT.dollars, 1)])
        text += money.rendered + "\n"
        text += """
            Published figures for comparison: US construction cost per MW of critical load 9.3-15.0 M USD, \
            average 11.7 M USD (Cushman & Wakefield 2025, 19 markets, without owner-furnished equipment, land and \
            soft costs; REFERENCE.md C105); global average 11.3 M USD/MW forecast for 2026 (JLL, C106, L); SK–AWS \
            Ulsan, KRW 7 trillion (≈5.1 bn USD) for 103 MW, ≈50 M USD/MW with the IT equipment (C81). The typical \
            capital here, \(Format.fixed(cost.capitalPerMegawattIT.millionDollars, 2)) M USD/MW, is \
            \(Format.fixed(cost.capitalPerMegawattIT.millionDollars / 11.7 * 100, 0)) % of the C&W average: it \
            prices the equipment of the bill of quantities installed, and leaves out what the plan does not size: \
            facility-water and condenser piping, cable containment, controls and BMS, fire protection, security, \
            site works, general conditions, commissioning, design fees and contingency, as well as land and IT.


            """
        text += space(cost)
        text += options(plan)
        return text
    }

    /// The cheapest option that passed its checks, and what it saves against the chosen design
    /// over the lifetime; nil when the chosen design is the cheapest or there are no options.
    static func cheapest(_ plan: Plan) -> (option: DesignOption, saving: Money)? {
        guard let chosen = plan.options.first(where: \.chosen), let best = plan.options.first(where: { !$0.failed }),
            !best.chosen, best.lifetime < chosen.lifetime
        else { return nil }
        return (best, chosen.lifetime - best.lifetime)
    }

    /// The ranked option table (DESIGN.md §5.16).
    static func options(_ plan: Plan) -> String {
        guard !plan.options.isEmpty, let cost = plan.cost else { return "" }
        let recovery = plan.site.heatRecovery == nil ? "" : " × heat recovery on or off"
        var text = """

            ### Options left on the table

            The site planned again for each distribution (AC 415 V, AC 480 V, 800 VDC, every hall) × liquid-loop \
            supply (30, 36, 45 °C; facility water the CDU approach lower)\(recovery), each priced like the chosen \
            design and ranked by lifetime cost (NPV at \
            \(Format.fixed(cost.choices.discountRate.percent, 1)) % over \(cost.choices.horizonYears) years). \
            Cooling-unit placement is not rerun for the options.


            """
        var table = MarkdownTable([
            ("Rank", .right), ("Option", .left), ("Capital [M USD]", .right), ("Facility energy [GWh/yr]", .right),
            ("PUE", .right), ("Water [m³/yr]", .right), ("Lifetime cost [M USD]", .right),
        ])
        for (rank, o) in plan.options.enumerated() {
            table.add([
                String(rank + 1),
                (o.chosen
                    ? "**\(o.label)** (chosen: \(o.distribution), "
                        + "\(Format.fixed(o.tcsSupply.celsius, 0)) °C)" : o.label)
                    + (o.failed ? " (check failed)" : ""),
                musd(o.capital), o.facilityEnergy.map { Format.fixed($0.gigawattHours, 1) } ?? "–",
                o.pue.map { Format.fixed($0, 3) } ?? "–", o.water.map { Format.fixed($0.cubicMetres, 0) } ?? "–",
                musd(o.lifetime),
            ])
        }
        text += table.rendered + "\n"
        if let (best, saving) = cheapest(plan) {
            text +=
                "The cheapest over the lifetime is **\(best.label)**, \(musd(saving)) M USD below the chosen design.\n"
        } else {
            text += "The chosen design is the cheapest over the lifetime of the options compared.\n"
        }
        return text
    }

    static func space(_ cost: SiteCost) -> String {
        let s = cost.space
        var text = """
            ### Floor area and slab loading

            White space from each hall's layout (rows at rack depth + aisle, positions × pitch) or, without a \
            layout, racks × 3.7 m² (REFERENCE.md C76, L). Electrical rooms 150 m² per MW of IT, mechanical rooms \
            60 m² per MW of heat, and the yard from the outdoor units' footprints are estimates (C104, L: no \
            published figures were found, C77).


            """
        var table = MarkdownTable([("Area", .left), ("m²", .right), ("Slab loading [kN/m²]", .right)])
        for hall in s.halls {
            table.add([
                "White space, hall `\(hall.id)` × \(hall.copies)" + (hall.fromLayout ? "" : " (from racks)"),
                Format.fixed((hall.whiteSpace * Double(hall.copies)).squareMetres, 0),
                Format.fixed(hall.slabLoading.kilopascals, 1),
            ])
        }
        table.add(["Electrical rooms", Format.fixed(s.electrical.squareMetres, 0), ""])
        table.add(["Mechanical rooms", Format.fixed(s.mechanical.squareMetres, 0), ""])
        table.add(["Building (white space + rooms)", Format.fixed(s.building.squareMetres, 0), ""])
        table.add([
            "Plant yard (economisers, air-cooled chillers, generators)", Format.fixed(s.yard.squareMetres, 0), "",
        ])
        table.add(["**Total**", Format.fixed(s.total.squareMetres, 0), ""])
        text += table.rendered + "\n"
        text +=
            "The heaviest rack over its own footprint (pitch × 1.2 m) loads the slab with "
            + "\(Format.fixed(s.rackFootprintLoading.kilopascals, 1)) kN/m²"
        if let limit = cost.choices.slabLimit {
            text += "; the spec's limit is \(Format.fixed(limit.kilopascals, 1)) kN/m² (average over each hall above)"
        } else {
            text += "; against 12 kN/m² (TIA-942 Rated-3, C74), ≈25 typical and ≈50 for AI halls (C75)"
        }
        return text + ".\n"
    }
}
