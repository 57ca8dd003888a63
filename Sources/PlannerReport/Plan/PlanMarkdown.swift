import PlannerModel

/// The Markdown capacity report of one site (DESIGN.md §8). Deterministic: the same plan and
/// context give the same bytes.
public enum PlanMarkdown {
    /// `figures`: the folder, relative to the report, where the caller writes the SVG figures
    /// (`PlantCharts`); nil leaves the figure links out. `diagrams`: the folder holding
    /// `single-line.svg` (`SingleLineDiagram`); nil leaves its link out.
    public static func render(_ plan: Plan, context: ReportContext, figures: String? = nil, diagrams: String? = nil)
        -> String
    {
        [
            header(plan, context), summary(plan), assumptions(plan), rackPower(plan), RackPSUMarkdown.section(plan),
            hallTable(plan),
            ElectricalMarkdown.sections(plan, diagrams: diagrams), CoolingMarkdown.sections(plan, figures: figures),
            HeatRecoveryMarkdown.sections(plan, figures: figures), PlacementMarkdown.section(plan, figures: figures),
            CostMarkdown.section(plan), PhaseMarkdown.section(plan, figures: diagrams),
            UncertaintyMarkdown.section(plan, figures: figures), findingsSection(plan.findings), reproduce(context),
        ].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func header(_ plan: Plan, _ context: ReportContext) -> String {
        let site = plan.site
        var facts: [String] = []
        if let op = site.operatorName { facts.append("Operator: \(op)") }
        if let place = site.location { facts.append("Location: \(place)") }
        if let date = site.commissioning { facts.append("Commissioning: \(date)") }
        facts.append("Spec: `\(context.specPath)`")
        var text = "# \(site.name): capacity plan\n\n" + facts.joined(separator: " · ") + "\n"
        if let weather = plan.weather { text += "\n" + weatherLine(weather, site: site) + "\n" }
        if let region = site.region { text += "\n" + regionLine(region) + "\n" }
        return text
    }

    /// Which region's defaults the site takes, how the loader chose it, and each default with its
    /// source (DESIGN.md §5.17).
    static func regionLine(_ r: RegionDefaults) -> String {
        let how =
            switch r.resolution {
            case .given: r.reason
            case .inferred: "inferred " + r.reason
            case .defaulted: "**defaulted**: " + r.reason + "; set site.country"
            }
        let standIn = r.standInFor.map { " standing in for \($0)" } ?? ""
        let factor = Format.fixed(r.gridEmissionFactor.kilogramsPerKilowattHour, 4)
        return "Regional defaults (\(r.code)): \(r.name)\(standIn), \(how). Interconnect rules `\(r.gridRules.id)`; "
            + "MV \(NumberText.compact(r.mediumVoltage.kilovolts)) kV (\(r.mediumVoltageSource.source)); "
            + "LV \(NumberText.compact(r.lowVoltage.volts)) V, standard chain \(r.distribution.rawValue) "
            + "(\(r.lowVoltageSource.source)); grid emission factor \(factor) kg CO₂e/kWh "
            + "(\(r.gridEmissionSource.source)); tariff \(r.tariff) (\(r.tariffSource.source))."
    }

    /// Which station the year comes from, how far away, which period, and whether it is a stand-in.
    static func weatherLine(_ w: WeatherStationSummary, site: Site) -> String {
        var text = "Weather: `\(w.fileName)`, station \(w.station) (WMO \(w.wmo), \(w.position.text), "
        text += "\(Format.fixed(w.elevation.metres, 0)) m)"
        text += w.period.map { ", \($0)" } ?? ", period not stated in the file name"
        if let distance = w.distance {
            text += ", \(Format.fixed(distance.metres / 1000, 0)) km from the site (\(site.coordinates!.text))"
        } else {
            text += ", distance from the site unknown (the spec gives no site.latitude / site.longitude)"
        }
        text += "; design conditions from \(w.designSource)."
        if let reason = w.standInReason {
            text +=
                " **Stand-in weather**: \(reason); the plant's hours, energy, PUE and WUE are the station's climate."
        }
        return text
    }

    static func summary(_ plan: Plan) -> String {
        let t = plan.total
        var table = MarkdownTable([("Quantity", .left), ("Value", .right)])
        table.add(["GPUs", Format.integer(t.gpuCount)])
        table.add(["Racks (compute / network / storage)", racksText(t)])
        table.add(["Halls (including identical copies)", Format.integer(plan.halls.reduce(0) { $0 + $1.copies })])
        table.add(["IT power at nameplate [MW]", Format.megawatts(t.itPower.nameplate)])
        table.add(["IT power at design [MW]", Format.megawatts(t.itPower.design)])
        table.add([
            "IT power sustained at \(Format.percent(plan.site.utilisation)) utilisation [MW]",
            Format.megawatts(t.itPower.sustained),
        ])
        table.add([
            "Heat to liquid at design [MW]",
            "\(Format.megawatts(t.heatDesign.liquid)) (\(share(t.heatDesign.liquid, of: t.heatDesign.total)))",
        ])
        table.add([
            "Heat to air at design [MW]",
            "\(Format.megawatts(t.heatDesign.air)) (\(share(t.heatDesign.air, of: t.heatDesign.total)))",
        ])
        if let e = plan.electrical {
            table.add(["Facility power at design (IT + power-chain losses) [MW]", Format.megawatts(e.facilityDesign)])
            if let cooling = plan.cooling, let total = plan.facilityDesign {
                table.add([
                    "Facility power at the design condition, with cooling and house loads [MW]",
                    "\(Format.megawatts(total)) (cooling \(Format.megawatts(cooling.designCoolingPower)), house loads "
                        + "\(Format.megawatts(cooling.designHouseLoad)))",
                ])
                table.add([
                    "Liquid cooling class (ASHRAE 2021)",
                    "\(cooling.liquidClass) "
                        + "(facility water \(Format.fixed(cooling.facilityWaterSupply.celsius, 1)) °C)",
                ])
            }
            table.add([
                "Power-chain losses at design [MW]",
                "\(Format.megawatts(e.designLoss)) "
                    + "(\(e.comparison.first.map { Format.percent($0.efficiency, decimals: 2) } ?? "–") end to end)",
            ])
            table.add([
                "Grid connection",
                "\(Format.fixed(e.grid.interconnectVoltage.kilovolts, 1)) kV"
                    + (e.mainTransformers.map { ", \($0.stages[0].unitsInstalled) main transformers" } ?? ""),
            ])
            table.add([
                "Copper in the power chain, grid to rack [t] (t/MW of IT)",
                "\(Format.fixed(e.copper.tonnes, 0)) "
                    + "(\(Format.fixed(e.copper.tonnes / plan.total.itPower.design.megawatts, 2)))",
            ])
        }
        if let a = plan.cooling?.annual {
            table.add([
                "Annual PUE / WUE [L/kWh] (\(a.weatherFile))", "\(Format.fixed(a.pue, 3)) / \(Format.fixed(a.wue, 3))",
            ])
            table.add([
                "PUE boundary",
                (plan.electrical?.pueBoundary ?? plan.site.pueBoundary).rackConversionIsIT
                    ? "IT at the rack input (ISO/IEC 30134-2): rack PSU losses are IT"
                    : "IT at the rack shelves' output (psu-as-facility): rack PSU losses are facility",
            ])
            table.add(["Annual facility energy [GWh]", Format.fixed(a.facilityEnergy.gigawattHours, 1)])
        }
        if let hr = plan.heatRecovery {
            table.add([
                "Heat recovered into district heating [MWh] (heat pumps)",
                hr.result.status.hasSolution
                    ? "\(Format.fixed(hr.result.delivered.megawattHours, 0)) delivered, "
                        + "\(Format.fixed(hr.result.sourceHeat.megawattHours, 0)) from the data centre "
                        + "(\(Format.megawatts(hr.result.capacity)) MW heat pumps)"
                    : "**infeasible** (ERF target "
                        + "\(hr.choices.minimumERF.map { Format.percent($0, decimals: 1) } ?? "–"), at most "
                        + "\(Format.percent(hr.maximumERF, decimals: 2)))",
            ])
        }
        if let m = plan.metrics {
            table.add(["ERF / ERE", "\(Format.percent(m.erf, decimals: 2)) / \(Format.fixed(m.ere, 3))"])
            if let cue = m.cue { table.add(["CUE [kg CO₂e/kWh IT]", Format.fixed(cue.kilogramsPerKilowattHour, 3)]) }
        }
        if let cost = plan.cost {
            table.add([
                "Capital cost, typical (low–high) [M USD \(cost.choices.year)]"
                    + (cost.isComplete ? "" : " (incomplete)"),
                "\(CostMarkdown.range(cost.capital)) (\(Format.fixed(cost.capitalPerMegawattIT.millionDollars, 2)) M "
                    + "USD/MW of IT)",
            ])
            table.add([
                "Operating cost [M USD/yr]; lifetime cost (NPV) [M USD]",
                "\(CostMarkdown.musd(cost.operating.total)); \(CostMarkdown.musd(cost.lifetime.typical))",
            ])
            if !plan.options.isEmpty {
                table.add([
                    "Cheapest option over the lifetime (of \(plan.options.count) compared)",
                    CostMarkdown.cheapest(plan).map {
                        "\($0.option.label): \(CostMarkdown.musd($0.saving)) M USD less than the chosen design"
                    } ?? "the chosen design",
                ])
            }
            table.add([
                "Building / site area [m²]",
                "\(Format.fixed(cost.space.building.squareMetres, 0)) / "
                    + "\(Format.fixed(cost.space.total.squareMetres, 0))",
            ])
        }
        if let report = plan.compliance {
            let counts = [RuleVerdict.pass, .fail, .notApplicable, .notAssessed].map { v in
                (v, report.results.filter { $0.verdict == v }.count)
            }
            .filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }
            table.add([
                "Compliance (\(plan.site.compliance?.ruleSets.map(\.rawValue).joined(separator: ", ") ?? ""))",
                counts.joined(separator: ", "),
            ])
        }
        table.add([
            "Annual IT energy at sustained load, at the rack shelves' output (PUE's IT adds the shelf losses "
                + "under ISO/IEC 30134-2) [GWh]",
            Format.fixed((t.itPower.sustained * .year).gigawattHours, 1),
        ])
        table.add(["Network and storage share of design IT power", nonComputeShare(plan)])
        table.add([
            "Design IT power per GPU [kW]",
            t.gpuCount > 0 ? Format.fixed(t.itPower.design.kilowatts / Double(t.gpuCount), 2) : "–",
        ])
        table.add(["Rack floor weight [t]", weightText(t)])
        for row in UncertaintyMarkdown.summaryRows(plan) { table.add(row) }
        return "## Summary\n\n" + table.rendered + """

            Design power sizes the electrical chain; sustained power (the utilisation curve between idle \
            and design) gives energy. All electrical input to the racks becomes heat, split between the \
            liquid loop and room air by each rack's liquid-captured fraction.

            """
    }

    /// Design power of the network and storage racks over all design IT power; NVIDIA's GB200
    /// SuperPOD unit spends 12 % outside compute (REFERENCE.md D06, §1.5: 5–15 % typical, L).
    static func nonComputeShare(_ plan: Plan) -> String {
        let nonCompute = plan.halls.flatMap { hall in hall.groups.map { ($0, hall.copies) } }
            .filter { $0.0.system.role != .compute }
            .sum { $0.0.summary.itPower.design * Double($0.1) }
        return share(nonCompute, of: plan.total.itPower.design) + " (SuperPOD reference 12 %, D06)"
    }

    static func racksText(_ t: CapacitySummary) -> String {
        "\(Format.integer(t.rackCount)) "
            + "(\(SystemRole.allCases.map { Format.integer(t.racks($0)) }.joined(separator: " / ")))"
    }

    static func weightText(_ t: CapacitySummary) -> String {
        let base = Format.tonnes(t.weight)
        return t.racksWithoutWeight == 0
            ? base : "\(base) (excludes \(Format.integer(t.racksWithoutWeight)) racks without a catalogue weight)"
    }

    static func share(_ part: Power, of whole: Power) -> String {
        whole > .zero ? Format.percent(.fraction(part / whole), decimals: 1) : "–"
    }

    static func assumptions(_ plan: Plan) -> String {
        var text = "## Inputs and assumptions\n\n"
        text += "Sustained utilisation: \(Format.percent(plan.site.utilisation)) of GEMM duty"
        let overrides = plan.site.halls.filter { $0.utilisation != nil }
        if !overrides.isEmpty {
            text +=
                " (overridden in "
                + overrides.map { "`\($0.id)` \(Format.percent($0.utilisation!))" }.joined(separator: ", ") + ")"
        }
        text += ". Default 80 % (REFERENCE.md D09, training 70–90 %; L, an estimate).\n\n"
        text += """
            Utilisation → power curve: `P(u) = P_idle + (P_design − P_idle)·(1 − (1 − u)^k)` with \
            k = \(Format.fixed(plan.curve.exponent, 3)), \(plan.curve.source ?? "set by hand"). \
            At \(Format.percent(plan.site.utilisation)) a rack draws \
            \(Format.percent(plan.curve.loadFraction(at: plan.site.utilisation), decimals: 1)) of the way from idle to \
            design.

            Catalogue entries used (confidence L marks an estimate):


            """
        var table = MarkdownTable([
            ("Entry", .left), ("GPUs", .right), ("Nameplate [kW]", .right), ("Design [kW]", .right),
            ("Idle [kW]", .right), ("Liquid share", .right), ("Weight [kg]", .right), ("Confidence", .left),
            ("Source", .left),
        ])
        for system in usedSystems(plan) {
            table.add([
                "`\(system.id)` \(system.name)", Format.integer(system.gpus), Format.kilowatts(system.nameplatePower),
                Format.kilowatts(system.designPower), Format.kilowatts(system.idlePower),
                Format.percent(system.liquidFraction), system.weight.map { Format.fixed($0.kilograms, 1) } ?? "–",
                system.provenance.confidence.label,
                system.provenance.source + (system.provenance.derivation.map { "; " + $0 } ?? ""),
            ])
        }
        return text + table.rendered
    }

    /// Distinct entries in order of first use.
    static func usedSystems(_ plan: Plan) -> [SystemEntry] {
        var seen = Set<String>()
        return plan.site.halls.flatMap(\.rackGroups).map(\.system).filter { seen.insert($0.id).inserted }
    }

    static func rackPower(_ plan: Plan) -> String {
        var table = MarkdownTable([
            ("Hall", .left), ("Rack type", .left), ("Racks per hall", .right), ("Copies", .right), ("GPUs", .right),
            ("Rack design [kW]", .right), ("Rack sustained [kW]", .right), ("Design [MW]", .right),
            ("Sustained [MW]", .right), ("Liquid heat [MW]", .right), ("Air heat [MW]", .right),
        ])
        for hall in plan.halls {
            for group in hall.groups {
                let total = group.summary.times(hall.copies)
                table.add([
                    "`\(hall.id)`", "`\(group.system.id)`", Format.integer(group.count), Format.integer(hall.copies),
                    Format.integer(total.gpuCount), Format.kilowatts(group.perRack.design),
                    Format.kilowatts(group.perRack.sustained), Format.megawatts(total.itPower.design),
                    Format.megawatts(total.itPower.sustained), Format.megawatts(total.heatDesign.liquid),
                    Format.megawatts(total.heatDesign.air),
                ])
            }
        }
        return "## Rack power and heat\n\nPer rack group, all copies of the hall together; heat at design power.\n\n"
            + table.rendered
    }

    static func hallTable(_ plan: Plan) -> String {
        var table = MarkdownTable([
            ("Hall", .left), ("Copies", .right), ("Racks per hall", .right), ("Design per hall [MW]", .right),
            ("GPUs", .right), ("Racks", .right), ("Nameplate [MW]", .right), ("Design [MW]", .right),
            ("Sustained [MW]", .right), ("Liquid heat [MW]", .right), ("Air heat [MW]", .right), ("Weight [t]", .right),
        ])
        for hall in plan.halls {
            let t = hall.total
            table.add([
                "`\(hall.id)`", Format.integer(hall.copies), Format.integer(hall.perCopy.rackCount),
                Format.megawatts(hall.perCopy.itPower.design), Format.integer(t.gpuCount), Format.integer(t.rackCount),
                Format.megawatts(t.itPower.nameplate), Format.megawatts(t.itPower.design),
                Format.megawatts(t.itPower.sustained), Format.megawatts(t.heatDesign.liquid),
                Format.megawatts(t.heatDesign.air), Format.tonnes(t.weight),
            ])
        }
        let t = plan.total
        table.add([
            "**Site**", Format.integer(plan.halls.reduce(0) { $0 + $1.copies }), "", "", Format.integer(t.gpuCount),
            Format.integer(t.rackCount), Format.megawatts(t.itPower.nameplate), Format.megawatts(t.itPower.design),
            Format.megawatts(t.itPower.sustained), Format.megawatts(t.heatDesign.liquid),
            Format.megawatts(t.heatDesign.air), Format.tonnes(t.weight),
        ])
        return "## Halls\n\nTotals over all copies of each hall; heat at design power.\n\n" + table.rendered
    }

    static func findingsSection(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "## Findings\n\nNone.\n" }
        return "## Findings\n\n"
            + findings.map { "- **\($0.severity.rawValue)** `\($0.subject)`: \($0.message)" }.joined(separator: "\n")
            + "\n"
    }

    static func reproduce(_ context: ReportContext) -> String {
        """
        ## How to reproduce

        ```sh
        \(context.command)
        ```

        dcplan \(context.version); spec `\(context.specPath)` SHA-256 `\(context.specDigest)`.
        This file is generated; do not edit it by hand.

        """
    }
}
