import PlannerModel

/// The heat-recovery and compliance sections of the site report (DESIGN.md §8).
enum HeatRecoveryMarkdown {

    /// `figures`: the folder (relative to the report) holding `heat-recovery.svg`.
    static func sections(_ plan: Plan, figures: String?) -> String {
        [plan.heatRecovery.map { heatRecovery($0, figures: figures) } ?? "", compliance(plan)]
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func mwh(_ e: Energy) -> String { Format.fixed(e.megawattHours, 0) }
    static func money(_ v: Double, _ currency: String) -> String { Format.fixed(v / 1e6, 2) + " M" + currency }

    static func heatRecovery(_ hr: HeatRecoveryPlan, figures: String?) -> String {
        let r = hr.result
        let c = hr.choices
        let n = hr.network
        let hp = c.heatPump
        let e = c.economics
        let supply: String =
            switch n.supply {
            case .fixed(let t): "\(Format.fixed(t.celsius, 0)) °C all year"
            case .outdoorReset(let d, let m, let mild):
                "\(Format.fixed(d.celsius, 0)) °C at the heating design dry bulb "
                    + "(\(Format.fixed(hr.demand.designDryBulb.celsius, 1)) °C) falling to "
                    + "\(Format.fixed(m.celsius, 0)) °C at \(Format.fixed(mild.celsius, 0)) °C outdoors"
            }
        let sourceT = hr.meanSourceTemperature.celsius
        var text = """
            ## Heat recovery

            Heat pumps take the data centre's waste heat from the \(c.source.kind.rawValue) (mean \
            \(Format.fixed(sourceT, 1)) °C over the \
            year, from the plant simulation) and sell it to a **\(n.name)** network: supply \(supply), return \
            \(Format.fixed(n.returnTemperature.celsius, 0)) °C, up to \(Format.fixed(c.peakDemand.megawatts, 1)) MW at \
            the heating \
            design condition (\(n.provenance.source); \(n.provenance.derivation ?? "")). Demand each hour follows the \
            weather: a base \
            of \(Format.percent(n.baseShare)) of the peak plus space heating in proportion to the degrees below \
            \(Format.fixed(n.balanceTemperature.celsius, 0)) °C. Heat pump `\(hp.id)` \(hp.name): COP = \
            min(\(Format.fixed(hp.maximumCOP, 0)), η·T_sink/(T_sink − T_source)) with η = \
            \(Format.fixed(hp.carnotEfficiency.fraction, 2)), \
            T_sink = supply + \(Format.fixed(hp.sinkApproach.kelvins, 0)) K, T_source = waste heat − \
            \(Format.fixed(hp.sourceApproach.kelvins, 0)) K \
            (\(hp.provenance.source); \(hp.provenance.derivation ?? "")). A GLPK LP chooses the heat-pump capacity and \
            the hourly \
            dispatch that maximise heat revenue − electricity cost − annualised capital (\(e.currency): heat \
            \(Format.fixed(e.heatPricePerMegawattHour, 0))/MWh, electricity \
            \(Format.fixed(e.electricityPricePerMegawattHour, 0))/MWh, \
            \(Format.fixed((e.heatPumpCostPerKilowatt ?? hp.capitalCostPerKilowatt), 0))/kW installed, \
            \(Format.percent(e.discountRate, decimals: 1)) over \(e.lifetimeYears) years; \(e.provenance.source), \
            \(e.provenance.confidence.label)\(e.provenance.derivation.map { ": " + $0 } ?? "")). The heat the pumps \
            take is heat the plant \
            does not reject: the plant is simulated again with it removed from the facility-water loop, and the heat \
            pumps' \
            electricity is reported separately (outside PUE, as EnEfG §11 counts it).


            """
        if !r.status.hasSolution {
            let target = c.minimumERF.map { Format.percent($0, decimals: 1) } ?? "–"
            text += """
                **Infeasible.** The LP has no solution (\(r.status.rawValue)): the ERF target of \(target) cannot be \
                met. With \
                unlimited heat pumps this waste heat and this network's demand allow at most \
                \(Format.percent(hr.maximumERF, decimals: 2)) of the data centre's \(mwh(hr.dataCentreEnergy)) MWh, \
                \(Format.fixed((c.minimumERF?.percent ?? 0) - hr.maximumERF.percent, 2)) percentage points short. \
                Lower \
                `minimum_erf_percent`, or find a larger network (`peak_demand_mw`).


                """
        }
        var table = MarkdownTable([("Quantity", .left), ("Value", .right)])
        table.add(["LP status", r.status.rawValue])
        table.add(["Heat-pump capacity [MW heat]", "\(Format.megawatts(r.capacity)) (\(r.units) × `\(hp.id)`)"])
        if c.storage != nil { table.add(["Storage [MWh]", Format.fixed(r.storageCapacity.megawattHours, 0)]) }
        table.add(["Network demand [MWh]", mwh(r.demand)])
        table.add([
            "**Heat delivered** [MWh]",
            "\(mwh(r.delivered)) "
                + "(\(r.demand > .zero ? Format.percent(.fraction(r.delivered / r.demand), decimals: 1) : "–") of "
                + "demand)",
        ])
        table.add(["Waste heat offered (liquid loop) [MWh]", mwh(r.wasteHeat)])
        table.add(["Heat taken from the data centre (reused) [MWh]", mwh(r.sourceHeat)])
        table.add(["**Heat-pump electricity** [MWh] (outside PUE)", mwh(r.electricity)])
        table.add(["Seasonal COP", Format.fixed(r.seasonalCOP, 2)])
        table.add(["Full-load hours [h]", Format.fixed(r.fullLoadHours, 0)])
        table.add([
            "Hours above one compressor stage's lift / sink too hot",
            "\(Format.integer(r.hoursAboveStageLift)) / \(Format.integer(r.hoursSinkTooHot))",
        ])
        table.add([
            "Heat revenue / electricity cost / annualised capital [per year]",
            "\(money(r.heatRevenue, r.currency)) / \(money(r.electricityCost, r.currency)) / "
                + "\(money(r.annualisedCapitalCost, r.currency))",
        ])
        table.add(["**Net benefit** [per year]", money(r.netBenefit, r.currency)])
        if let p = hr.plant {
            table.add([
                "Heat rejected to the outdoors, without / with recovery [MWh]",
                "\(mwh(p.heatRejectedBefore)) / \(mwh(p.heatRejectedAfter))",
            ])
            table.add([
                "Chillers and economiser fans, without / with recovery [MWh]",
                "\(mwh(p.plantEnergyBefore)) / \(mwh(p.plantEnergyAfter)) (−\(mwh(p.plantEnergySaved)))",
            ])
        }
        table.add([
            "**ERF** (reused / data-centre energy)",
            Format.percent(hr.erf, decimals: 2)
                + (c.minimumERF.map { " (target \(Format.percent($0, decimals: 1)))" } ?? ""),
        ])
        table.add(["Most ERF this demand allows (unlimited heat pumps)", Format.percent(hr.maximumERF, decimals: 2)])
        table.add(["PUE / **ERE** = PUE·(1 − ERF)", "\(Format.fixed(hr.pue, 3)) / \(Format.fixed(hr.ere, 3))"])
        table.add([
            "LP size (rows × columns, non-zeros; hours modelled)",
            "\(Format.integer(r.lp.rows)) × \(Format.integer(r.lp.columns)), \(Format.integer(r.lp.nonzeros)); "
                + "\(Format.integer(r.lp.modelledHours)) h",
        ])
        if let d = r.representativeDaysError {
            table.add([
                "Representative days vs the full year",
                "\(d.days) days: capacity \(Format.megawatts(d.capacityReduced)) vs "
                    + "\(Format.megawatts(d.capacityFullYear)) MW, net-benefit loss "
                    + "\(Format.percent(.fraction(d.netBenefitRelativeLoss), decimals: 2))",
            ])
        }
        text += table.rendered + "\n"
        var months = MarkdownTable([
            ("Month", .left), ("Demand [MWh]", .right), ("Delivered [MWh]", .right), ("Heat reused [MWh]", .right),
            ("HP electricity [MWh]", .right), ("COP", .right),
        ])
        for m in r.months {
            months.add([
                PlantCharts.monthNames[(m.month - 1) % 12], mwh(m.demand), mwh(m.delivered), mwh(m.sourceHeat),
                mwh(m.electricity),
                m.electricity > .zero ? Format.fixed(m.delivered / m.electricity, 2) : "–",
            ])
        }
        text += months.rendered
        if let figures { text += "\n![Daily heat demand and heat delivered](\(figures)/heat-recovery.svg)\n" }
        if let a = hr.alternative {
            text += "\n" + comparison(hr, a)
        }
        return text
    }

    /// This network against the other preset with the same waste heat: why the lift matters.
    static func comparison(_ hr: HeatRecoveryPlan, _ a: HeatRecoveryPlan.Alternative) -> String {
        let r = hr.result
        var table = MarkdownTable([
            ("Same waste heat into", .left), ("Heat pump", .left), ("Capacity [MW]", .right),
            ("Delivered [MWh]", .right), ("HP electricity [MWh]", .right), ("Seasonal COP", .right), ("ERF", .right),
            ("Net benefit [per year]", .right),
        ])
        table.add([
            hr.network.name + " (this plan)", "`\(r.heatPumpID)`", Format.megawatts(r.capacity), mwh(r.delivered),
            mwh(r.electricity), Format.fixed(r.seasonalCOP, 2), Format.percent(hr.erf, decimals: 2),
            money(r.netBenefit, r.currency),
        ])
        table.add([
            a.networkName, "`\(a.heatPumpID)`", Format.megawatts(a.capacity), mwh(a.delivered), mwh(a.electricity),
            Format.fixed(a.seasonalCOP, 2), Format.percent(a.erf, decimals: 2), money(a.netBenefit, r.currency),
        ])
        let high = hr.choices.networkKind == .koreanHighTemperature
        let (hi, lo) = high ? (r.seasonalCOP, a.seasonalCOP) : (a.seasonalCOP, r.seasonalCOP)
        let why =
            "The lift sets the COP. A 115 °C network (REFERENCE.md §4.3) needs a lift of 70 K or more from data-centre "
            + "water, beyond one compressor stage: here a seasonal COP of \(Format.fixed(hi, 2)) (REFERENCE.md: 45 "
            + "→ 115 °C ≈ 2.1), so \(Format.fixed(100 / max(hi, 1), 0)) % of every MWh delivered is bought "
            + "electricity and only the rest is reused data-centre heat. A 4th-generation network (55–70 "
            + "°C, §4.2) lifts 20–35 K at a seasonal COP of \(Format.fixed(lo, 2)): "
            + "\(Format.fixed(100 / max(lo, 1), 0)) % electricity per MWh, so more heat is sold "
            + "per MWh bought, the margin per MWh (heat price − electricity price / COP) is "
            + "larger, the cheaper district-heating machine pays back, and the ERF is "
            + "higher for the same heat sold."
        return """
            ### Why the network temperature matters

            \(why) The second row is the same hourly waste heat and the same peak demand into the other preset, with \
            that \
            network's default heat pump at its best capacity (closed-form dispatch, no storage, no ERF target).


            """ + table.rendered
    }

    static func compliance(_ plan: Plan) -> String {
        guard let report = plan.compliance, let choices = plan.site.compliance else { return "" }
        let m = report.metrics
        var text = """
            ## Compliance

            Rule sets checked (chosen in the spec's `compliance.rules`; these are benchmarks for sites outside their \
            jurisdiction): \(choices.ruleSets.map(\.rawValue).joined(separator: ", ")). A FAIL is \
            \(choices.enforce
                ? "an error (the plan exits 2)" : "a warning (`compliance.on_fail: error` makes it exit 2)"). \
            Energies are the year of the plant \
            simulation\(plan.heatRecovery?.plant != nil ? ", with heat recovery" : ""); the heat \
            pumps' electricity is outside PUE (EnEfG §11). CUE uses \
            \(Format.fixed(choices.gridEmissionFactor.kilogramsPerKilowattHour, 4)) kg CO₂e/kWh \
            (\(choices.gridEmissionProvenance.source), \
            \(choices.gridEmissionProvenance.confidence.label)\(
                choices.gridEmissionProvenance.derivation.map { ": " + $0 } ?? "")).


            """
        var metrics = MarkdownTable([("Metric", .left), ("Value", .right), ("Definition", .left)])
        metrics.add(["PUE", Format.fixed(m.pue, 3), "facility / IT energy (ISO/IEC 30134-2)"])
        metrics.add([
            "ERF", Format.fixed(m.erf.fraction, 4), "reused / data-centre energy (ISO/IEC 30134-6, EN 50600-4-6)",
        ])
        metrics.add(["ERE", Format.fixed(m.ere, 3), "PUE·(1 − ERF) (Green Grid; REFERENCE.md §4.1)"])
        metrics.add([
            "CUE [kg CO₂e/kWh IT]", m.cue.map { Format.fixed($0.kilogramsPerKilowattHour, 3) } ?? "–",
            "grid factor × PUE (ISO/IEC 30134-8)",
        ])
        metrics.add([
            "WUE [L/kWh]", m.wueLitresPerKilowattHour.map { Format.fixed($0, 3) } ?? "–",
            "site water / IT energy (ISO/IEC 30134-9)",
        ])
        text += metrics.rendered + "\n"
        var rules = MarkdownTable([
            ("Rule set", .left), ("Rule", .left), ("Threshold", .right), ("Site", .right), ("Result", .left),
            ("Source (confidence)", .left),
        ])
        for r in report.results {
            rules.add([
                r.ruleSet.rawValue, r.rule, r.threshold, r.siteValue, "**\(r.verdict.rawValue)**",
                "\(r.citation) (\(r.confidence.rawValue))",
            ])
        }
        text += rules.rendered + "\n"
        text +=
            report.results.map { "- \($0.ruleSet.rawValue), \($0.rule): \($0.explanation)" }.joined(separator: "\n")
            + "\n"
        if !report.eedKPIs.isEmpty {
            var kpis = MarkdownTable([
                ("EED KPI (Delegated Reg. 2024/1364)", .left), ("Value", .right), ("Unit", .left),
            ])
            for k in report.eedKPIs { kpis.add([k.name, k.value, k.unit]) }
            text += "\n" + kpis.rendered
        }
        return text
    }
}

/// The heat-recovery figure of a site report.
public enum HeatRecoveryCharts {
    /// Daily mean network demand and heat delivered over the year [MW].
    public static func daily(_ hr: HeatRecoveryPlan) -> String {
        SVGChart(
            title: "Heat recovery over the year (daily mean): delivered (line) vs network demand (grey)",
            xLabel: "Day of the year", yLabel: "Heat [MW]",
            points: PlantCharts.dailyMeanMegawatts(hr.result.hourlyDelivered),
            xTicks: PlantCharts.monthTicks, markers: PlantCharts.dailyMeanMegawatts(hr.demand.hourlyDemand),
            xRange: 1...Double(max(hr.demand.hours / 24, 2))
        ).rendered
    }
}
