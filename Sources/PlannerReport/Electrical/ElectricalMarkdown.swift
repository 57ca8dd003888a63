import PlannerModel

/// The power-chain sections of the site report: per-hall single-line diagram and stage table,
/// N-1, conductors, transients, the grid connection, and AC vs 800 VDC.
enum ElectricalMarkdown {
    /// `diagrams`: the folder (relative to the report) holding `single-line.svg`.
    static func sections(_ plan: Plan, diagrams: String? = nil) -> String {
        guard let e = plan.electrical else { return "" }
        return [
            chain(plan, e, diagrams: diagrams) + metal(plan, e), grid(plan, e), GridStudyMarkdown.sections(e),
            comparison(plan, e),
        ].joined(separator: "\n")
    }

    static func chain(_ plan: Plan, _ e: SiteElectricalResult, diagrams: String? = nil) -> String {
        var text = """
            ## Power chain

            Each hall's chain is sized for its design IT power and evaluated from the racks upward: \
            every stage draws `P_in = P_out + P_loss`, with `P_loss = U·(a + b·x + c·x²)` per unit of rating \
            `U` at per-unit load `x`, the curve fitted to the stage's efficiency points. Figures are for one \
            copy of the hall; the main transformers serve the whole site. Stranded capacity is usable \
            capacity (installed less the redundancy reserve) not used by the load.


            """
        if let diagrams {
            text += "The single-line diagram of the site, grid to racks with the redundant paths side by side:\n\n"
            text += "![Single-line diagram](\(diagrams)/single-line.svg)\n\n"
        }
        text += stageEntries(e) + "\n"
        for hall in e.halls {
            text += hallSection(hall, mediumVoltage: e.mediumVoltage) + "\n"
        }
        return text
    }

    /// The stage entries the site's chains use, with their sources (confidence L marks an estimate).
    static func stageEntries(_ e: SiteElectricalResult) -> String {
        var seen = Set<String>()
        let chains = (e.mainTransformers.map { [$0] } ?? []) + e.halls.map(\.design)
        var table = MarkdownTable([
            ("Stage entry", .left), ("Efficiency points", .left), ("Loss curve a, b, c", .left), ("Confidence", .left),
            ("Source", .left),
        ])
        for stage in chains.flatMap(\.stages) where seen.insert(stage.entryID).inserted {
            guard let entry = e.stageEntries.first(where: { $0.id == stage.entryID }) else { continue }
            table.add([
                "`\(entry.id)` \(entry.name)",
                entry.points.map {
                    "\(Format.fixed($0.efficiency.percent, 2)) % @ \(Format.fixed($0.load.percent, 0)) %"
                }.joined(separator: ", "),
                [entry.curve.noLoad, entry.curve.proportional, entry.curve.square].map { Format.fixed($0, 5) }.joined(
                    separator: ", "),
                entry.provenance.confidence.label,
                entry.provenance.source + (entry.provenance.derivation.map { "; " + $0 } ?? ""),
            ])
        }
        return "Stage entries used:\n\n" + table.rendered
    }

    static func hallSection(_ hall: HallElectrical, mediumVoltage: Voltage = .kilovolts(22.9)) -> String {
        let d = hall.design
        var text = "### Hall `\(hall.id)`: \(hall.distribution.rawValue)"
        text += hall.copies > 1 ? " (one of \(hall.copies) copies)\n\n" : "\n\n"
        text += "End-to-end efficiency at design \(Format.percent(d.efficiency, decimals: 2)): "
        text += "\(Format.megawatts(d.gridInput)) MW from MV for \(Format.megawatts(d.itLoad)) MW of IT, "
        text += "\(Format.fixed(d.totalLoss.kilowatts, 0)) kW lost in \(d.conversionStages) conversion stages "
        text += "(\(d.conversions) conversions).\n\n"
        text +=
            mermaid(d, mediumVoltage: mediumVoltage) + "\n" + stageTable(d) + "\n" + handCheck(d) + "\n"
            + topologyText(hall) + "\n"
        text += failureTable(d) + "\n"
        text += conductorTable(hall) + "\n" + transientTable(hall)
        return text
    }

    /// A left-to-right single-line diagram; GitHub renders Mermaid blocks.
    static func mermaid(_ chain: PowerChainResult, mediumVoltage: Voltage = .kilovolts(22.9)) -> String {
        var lines = [
            "```mermaid", "flowchart LR", "  grid([MV \(NumberText.compact(mediumVoltage.kilovolts)) kV])",
        ]
        var previous = "grid"
        for (index, stage) in chain.stages.enumerated() {
            let node = "s\(index)"
            lines.append(
                stage.rackTypes.isEmpty
                    ? "  \(node)[\"\(stage.stage)<br/>\(stage.unitsInstalled) × "
                        + "\(Format.fixed(stage.unitRating.kilowatts, 0)) kW, \(stage.redundancy)\"]"
                    : "  \(node)[\"\(stage.stage)<br/>\(stage.unitsInstalled) units, per rack type\"]"
            )
            lines.append("  \(previous) -->|\(Format.fixed(stage.loadIn.megawatts, 2)) MW| \(node)")
            previous = node
        }
        lines.append("  racks([IT \(Format.fixed(chain.itLoad.megawatts, 2)) MW])")
        lines.append("  \(previous) --> racks")
        lines.append("```")
        return lines.joined(separator: "\n") + "\n"
    }

    static func stageTable(_ chain: PowerChainResult) -> String {
        var table = MarkdownTable([
            ("Stage", .left), ("Entry", .left), ("Redundancy", .left), ("Units required", .right),
            ("Units installed", .right), ("Unit rating [kW]", .right), ("Load out [kW]", .right), ("Loss [kW]", .right),
            ("Efficiency", .right), ("Loading normal", .right), ("Continuous limit", .right),
            ("Loading after failure", .right), ("Stranded [kW]", .right),
        ])
        for s in chain.stages {
            table.add([
                s.stage, "`\(s.entryID)`",
                RackPSUMarkdown.redundancyCell(s)
                    ?? (s.groups > 1 ? "\(s.redundancy) in each of \(Format.integer(s.groups))" : "\(s.redundancy)"),
                Format.integer(s.unitsRequired), Format.integer(s.unitsInstalled),
                RackPSUMarkdown.unitRatingCell(s) ?? Format.fixed(s.unitRating.kilowatts, 1),
                Format.fixed(s.loadOut.kilowatts, 0), Format.fixed(s.loss.kilowatts, 1),
                Format.percent(s.efficiency, decimals: 2),
                Format.percent(s.loadingNormal, decimals: 1),
                Format.percent(s.continuousLimit, decimals: 0),
                s.loadingAfterFailure.map { Format.percent($0, decimals: 1) } ?? "load lost",
                Format.fixed(s.strandedCapacity.kilowatts, 0),
            ])
        }
        return table.rendered
    }

    /// One stage worked by hand, so a reader can check the model with a calculator: the stage
    /// with the largest loss.
    static func handCheck(_ chain: PowerChainResult) -> String {
        guard let s = chain.stages.max(by: { $0.loss < $1.loss }) else { return "" }
        if !s.rackTypes.isEmpty { return RackPSUMarkdown.handCheck(s) }
        let sharing = s.perGroup.unitsSharingLoad
        let x = s.loadingNormal.fraction
        let c = s.curve
        let perUnit = c.perUnitLoss(at: s.loadingNormal)
        let idle = s.perGroup.unitsInstalled - sharing
        var text = "Check by hand (\(s.stage), the largest loss): "
        text +=
            s.groups > 1
            ? "each of \(Format.integer(s.groups)) groups carries "
                + "\(Format.fixed((s.loadOut / Double(s.groups)).kilowatts, 2)) kW on "
            : "\(Format.fixed(s.loadOut.kilowatts, 1)) kW on "
        text += "\(sharing) units of \(Format.fixed(s.unitRating.kilowatts, 1)) kW, so x = \(Format.fixed(x, 4)); "
        text +=
            "a + b·x + c·x² = \(Format.fixed(c.noLoad, 5)) + \(Format.fixed(c.proportional, 5))·x + "
            + "\(Format.fixed(c.square, 5))·x² = \(Format.fixed(perUnit, 5)); "
        text +=
            "loss = \(Format.integer(s.groups)) × \(sharing) × \(Format.fixed(s.unitRating.kilowatts, 1)) kW × "
            + "\(Format.fixed(perUnit, 5))"
        if idle > 0 {
            text +=
                " + \(Format.integer(s.groups)) × \(idle) idle × \(Format.fixed(s.unitRating.kilowatts, 1)) kW × "
                + "\(Format.fixed(c.noLoad, 5))"
        }
        text += " = \(Format.fixed(s.loss.kilowatts, 1)) kW.\n"
        return text
    }

    /// The N-1 case of every stage under its topology (DESIGN.md §5.7): what the topology is, what
    /// its worst single failure takes out, whether the design load survives, the survivors'
    /// loading and the load that drops when it does not.
    static func failureTable(_ chain: PowerChainResult) -> String {
        var table = MarkdownTable([
            ("Unit class (N-1)", .left), ("Topology", .left), ("Fails", .left), ("Design load survives", .left),
            ("Survivors' loading", .right), ("Load dropped [kW]", .right),
        ])
        for f in chain.singleFailures {
            table.add([
                f.stage, "\(f.redundancy): \(f.topology)", f.failed,
                f.survives ? "yes" : "**no**",
                f.survivorLoading.map { Format.percent($0, decimals: 1) } ?? "–",
                f.survives ? "0" : Format.fixed(f.loadDropped.kilowatts, 0),
            ])
        }
        return table.rendered
    }

    /// The hall's path topology in a sentence, with the practice it follows (DESIGN.md §5.7).
    static func topologyText(_ hall: HallElectrical) -> String {
        guard let topology = hall.topology else {
            return "Topology: as the custom chain gives it, stage by stage.\n"
        }
        var text = "Topology below the MV switchgear: **\(topology)**, \(topology.topologyDescription). "
        switch topology {
        case .twoN:
            text +=
                "Each path (MV/LV transformers each feeding their own LV switchboard, a UPS frame, the A or B "
                + "busways) is sized for the whole load and carries half of it; the unit of failure is a whole path, "
                + "after which the other carries everything. The racks are dual-corded, on an A and a B busway. "
                + "This is the concurrently maintainable design (two paths, Uptime Tier III, REFERENCE.md P49) that "
                + "NVIDIA's DGX SuperPOD asks of its facility (Tier 3 / TIA-942 Rated 3, P55)."
        case .distributed(let x, let y):
            text +=
                "\(x) systems each carry 1/\(x) of the load normally and 1/\(y) after one fails; every rack is on "
                + "two of them (dual-corded), its busways in A/B pairs (REFERENCE.md P52-P54)."
        case .block:
            text +=
                "Loaded blocks with an idle catcher behind static transfer switches (REFERENCE.md P53); the racks "
                + "take one feed, so the busways are not redundant."
        default:
            text += "One path: no stage below the MV switchgear but the UPS modules can lose a unit."
        }
        text += " N+k is counted only where units are paralleled on one bus (UPS modules in a frame).\n"
        return text
    }

    static func conductorTable(_ hall: HallElectrical) -> String {
        var table = MarkdownTable([
            ("Conductor level", .left), ("Feeders", .right), ("Power per feeder [kW]", .right), ("Current [A]", .right),
            ("Circuits × size [mm²]", .right), ("Length [m]", .right), ("Voltage drop", .right),
            ("I²R loss [kW]", .right),
            ("Copper [t]", .right),
        ])
        for c in hall.conductors {
            table.add([
                c.run.name, Format.integer(c.run.feeders), Format.fixed(c.run.power.kilowatts, 1),
                Format.fixed(c.current.amperes, 0),
                "\(c.circuits) × \(Format.fixed(c.size.squareMillimetres, 0))", Format.fixed(c.run.length.metres, 1),
                Format.percent(c.dropShare, decimals: 2) + (c.withinDropLimit ? "" : " (over limit)"),
                Format.fixed(c.totalLoss.kilowatts, 1), Format.fixed(c.totalCopper.tonnes, 2),
            ])
        }
        return
            "Conductors at \(hall.distribution.rawValue), per copy of the hall (copper cross-sections from the cited "
            + "ampacity table; "
            + "their I²R loss is shown for comparison with the distribution stage's allowance, not added twice):\n\n"
            + table.rendered
    }

    static func transientTable(_ hall: HallElectrical) -> String {
        var table = MarkdownTable([
            ("Level", .left), ("Units", .right), ("Steady [kW]", .right), ("Peak seen [kW]", .right),
            ("Protection rating [kW]", .right), ("Storage per unit [kJ]", .right),
        ])
        for t in hall.transients {
            table.add([
                t.level.name, Format.integer(t.level.count), Format.fixed(t.level.steady.kilowatts, 1),
                Format.fixed(t.peak.kilowatts, 1),
                Format.fixed(t.protectionRating.kilowatts, 1),
                t.storagePerUnit.map { Format.fixed($0.joules / 1e3, 1) } ?? "–",
            ])
        }
        return "Synchronous-training transients (all copies counted in Units):\n\n" + table.rendered
    }

    static func grid(_ plan: Plan, _ e: SiteElectricalResult) -> String {
        var table = MarkdownTable([("Quantity", .left), ("Value", .right)])
        table.add([
            e.mechanicalLoad > .zero
                ? "Peak demand at MV (IT design + hall chain losses + cooling, plant pumps and house loads at the "
                    + "design condition) [MW]"
                : "Peak demand at MV (IT design + hall chain losses; no cooling plant or house loads planned) [MW]",
            Format.megawatts(e.grid.peakDemand),
        ])
        table.add([
            "Interconnect", "\(Format.fixed(e.grid.interconnectVoltage.kilovolts, 1)) kV, \(e.grid.rule.supply)",
        ])
        table.add(["Rule source", "\(e.grid.rule.provenance.source) (\(e.grid.rule.provenance.confidence.label))"])
        if let main = e.mainTransformers?.stages.first {
            table.add([
                "Main transformers",
                "\(main.unitsInstalled) × \(Format.fixed(main.unitRating.megawatts, 1)) MW (\(main.redundancy)), "
                    + "loading \(Format.percent(main.loadingNormal, decimals: 1)), after a failure "
                    + "\(main.loadingAfterFailure.map { Format.percent($0, decimals: 1) } ?? "load lost")",
            ])
            table.add(["Main transformer loss [kW]", Format.fixed(main.loss.kilowatts, 1)])
        } else {
            table.add(["Main transformers", "none: supplied at \(NumberText.compact(e.mediumVoltage.kilovolts)) kV"])
        }
        table.add(["Facility power at design (IT + chain losses) [MW]", Format.megawatts(e.facilityDesign)])
        if e.mechanicalLoad > .zero {
            table.add([
                "Cooling, plant pumps and house loads at the design condition, also carried by the main transformers "
                    + "[MW]",
                Format.megawatts(e.mechanicalLoad),
            ])
        }
        table.add(["Facility power at sustained load [MW]", Format.megawatts(e.facilitySustained)])
        if let capacity = plan.site.electrical.gridCapacity {
            table.add([
                "Grid capacity in the spec [MW]",
                Format.megawatts(capacity) + (capacity < e.facilityDesign + e.mechanicalLoad ? " (**short**)" : ""),
            ])
        }
        if let storage = e.siteStorage {
            table.add(["Site smoothing storage for one swing [MJ]", Format.fixed(storage.joules / 1e6, 1)])
        }
        return "## Grid connection\n\n" + table.rendered
    }

    static func comparison(_ plan: Plan, _ e: SiteElectricalResult) -> String {
        let it = plan.total.itPower.design
        var table = MarkdownTable([
            ("Distribution", .left), ("End-to-end efficiency", .right), ("Losses at design [MW]", .right),
            ("Loss energy at sustained load [MWh/yr]", .right), ("Copper, whole chain [t]", .right),
            ("Copper [t/MW]", .right), ("Aluminium instead [t]", .right), ("Conversion stages", .right),
            ("Conversions", .right), ("Rack shelf / converter loss at design [MW]", .right),
            ("Partial PUE, power chain, at design", .right),
        ])
        for c in e.comparison {
            table.add([
                c.label, Format.percent(c.efficiency, decimals: 2), Format.megawatts(c.designLoss),
                Format.fixed(c.annualLoss.megawattHours, 0), Format.fixed(c.copper.tonnes, 1),
                it > .zero ? Format.fixed(c.copper.tonnes / it.megawatts, 2) : "–", Format.fixed(c.aluminium.tonnes, 1),
                Format.integer(c.conversionStages),
                Format.integer(c.conversions), Format.megawatts(c.rackConversionLoss),
                Format.fixed(c.partialPUEPower, 3),
            ])
        }
        var text =
            "## AC vs 800 VDC\n\nThe same IT load on each distribution, grid to chip, all halls and copies. Copper "
            + "counts every level of the chain, main transformer windings to rack drops (see Conductor metal, grid "
            + "to rack). Efficiency and losses run grid to chip (rack shelves and in-rack converters included) in "
            + "every row; the partial PUE of the power chain uses the site's PUE boundary in every row: "
            + "\(e.pueBoundary.statement), so it is facility / (IT"
            + (e.pueBoundary.rackConversionIsIT ? " + rack shelf or converter loss)" : ")") + " at design.\n\n"
            + table.rendered
        if let ac = e.comparison.first(where: { $0.label == Distribution.ac415.rawValue }),
            let dc = e.comparison.first(where: { $0.label == Distribution.dc800.rawValue })
        {
            text += "\n" + breakdown(ac, dc) + "\n" + metalComparison(e.comparison, ac: ac, dc: dc)
        }
        return text
    }

    /// Where the 415 VAC and 800 VDC losses differ, stage by stage.
    static func breakdown(_ ac: ChainComparison, _ dc: ChainComparison) -> String {
        var table = MarkdownTable([("Stage", .left), ("ac-415v loss [MW]", .right), ("dc-800v loss [MW]", .right)])
        var names: [String] = []
        for s in ac.stageLosses + dc.stageLosses where !names.contains(s.stage) { names.append(s.stage) }
        for name in names {
            let a = ac.stageLosses.first { $0.stage == name }?.loss
            let d = dc.stageLosses.first { $0.stage == name }?.loss
            table.add([name, a.map(Format.megawatts) ?? "–", d.map(Format.megawatts) ?? "–"])
        }
        table.add(["**Total**", Format.megawatts(ac.designLoss), Format.megawatts(dc.designLoss)])
        let saved = ac.designLoss - dc.designLoss
        return """
            Where the difference comes from: 800 VDC drops the LV transformers, the UPS double conversion and the \
            AC→DC rack shelves for one solid-state transformer and an in-rack DC/DC stage, and carries the same \
            power at about half the current. At design it saves \
            \(Format.megawatts(saved)) MW (\(Format.fixed((dc.efficiency.fraction - ac.efficiency.fraction) * 100, 2)) \
            efficiency points); NVIDIA claims up to 5 % end to end (REFERENCE.md §2.1, P27).


            """ + table.rendered
    }

    // MARK: Conductor metal (DESIGN.md §5.9)

    /// Level names, copper and aluminium of the site's own chain, with t/MW of IT design and the
    /// basis of each level, compared with the Copper Development Association's 27 t/MW (P240).
    static func metal(_ plan: Plan, _ e: SiteElectricalResult) -> String {
        let it = plan.total.itPower.design
        let levels = e.metal
        guard !levels.isEmpty else { return "" }
        let perMW: (Mass) -> String = { it > .zero ? Format.fixed($0.tonnes / it.megawatts, 3) : "–" }
        var table = MarkdownTable([
            ("Level", .left), ("Copper [t]", .right), ("Copper [t/MW]", .right), ("Aluminium instead [t]", .right),
            ("Basis (per hall copy, or the site's)", .left),
        ])
        for level in levels {
            table.add([
                level.level.title, Format.fixed(level.copper.tonnes, 1), perMW(level.copper),
                Format.fixed(level.aluminium.tonnes, 1), level.basis,
            ])
        }
        table.add([
            "**Total**", Format.fixed(levels.copper.tonnes, 1), perMW(levels.copper),
            Format.fixed(levels.aluminium.tonnes, 1),
            "",
        ])
        let cda = 27.0
        let share = it > .zero ? levels.copper.tonnes / it.megawatts / cda : 0
        return """
            ### Conductor metal, grid to rack

            Copper in the power chain from the grid connection to the rack drops, all halls and copies, per MW \
            of IT at design (\(Format.megawatts(it)) MW). Transformer windings follow from each unit's load loss \
            at its design current density, `m = γ·P_k/(ρ75·J²)`; cables are sized from the units they feed \
            (the ampacity table above, one feeder per installed unit); switchboard busbars from their rated \
            current at 2 A/mm². "Aluminium instead" is the same conductors in aluminium of equal resistance \
            (0.504 × the copper mass). Estimates (L): current densities, busbar and cable lengths, the SST's \
            winding share (REFERENCE.md P242-P248, DESIGN.md §5.9).


            """ + table.rendered + """

                The chain's \(Format.fixed(levels.copper.tonnes / max(it.megawatts, 1e-9), 2)) t/MW is \
                \(Format.percent(.fraction(share), decimals: 0)) of the Copper Development Association's 27 t/MW for \
                US data centres (REFERENCE.md P240), which also counts the cooling plant's power and control wiring, \
                earthing, lighting and small power, generators and the IT equipment's own cables; those are outside \
                this model. The sized row busways and rack drops alone, the only levels counted before, hold \
                \(Format.fixed(e.conductorCopper.tonnes, 1)) t.

                """
    }

    /// Copper by level on each distribution, and the whole-chain saving of 800 VDC against NVIDIA's
    /// claim (P28).
    static func metalComparison(_ rows: [ChainComparison], ac: ChainComparison, dc: ChainComparison) -> String {
        var table = MarkdownTable([("Level", .left)] + rows.map { ("\($0.label) copper [t]", .right) })
        for level in MetalLevel.allCases {
            let masses = rows.map { row in row.metal.first { $0.level == level }?.copper }
            guard masses.contains(where: { $0 != nil }) else { continue }
            table.add([level.title] + masses.map { $0.map { Format.fixed($0.tonnes, 1) } ?? "–" })
        }
        table.add(["**Total**"] + rows.map { Format.fixed($0.copper.tonnes, 1) })
        let whole = ac.copper > .zero ? 1 - dc.copper / ac.copper : 0
        let busways: (ChainComparison) -> Mass = { row in
            row.metal.filter { $0.level == .busways || $0.level == .rackDrops }.copper
        }
        let subset = busways(ac) > .zero ? 1 - busways(dc) / busways(ac) : 0
        let claim = 0.45
        let verdict =
            abs(whole - claim) <= 0.05
            ? "agrees with NVIDIA's claim of 45 % less copper (REFERENCE.md P28, L) within 5 points"
            : whole > claim
                ? "is more than NVIDIA's 45 % (REFERENCE.md P28, L), so the model does not confirm that figure: on "
                    + "the whole chain 800 VDC also drops the MV/LV transformer windings (its SSTs' medium-frequency "
                    + "windings are an estimate), the LV feeders and the AC switchboards, and the basis of the claim "
                    + "is not published"
                : "is less than NVIDIA's 45 % (REFERENCE.md P28, L), so the model does not reach the claim"
        return """
            Copper by level (t, all halls and copies). On the whole chain 800 VDC needs \
            \(Format.percent(.fraction(whole), decimals: 0)) less copper than 415 VAC, which \(verdict); the row \
            busways and rack drops alone save \(Format.percent(.fraction(subset), decimals: 0)). The main \
            transformers and the MV cables are nearly the same on every distribution.


            """ + table.rendered
    }
}
