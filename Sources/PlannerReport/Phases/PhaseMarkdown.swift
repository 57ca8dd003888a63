import PlannerModel

/// The "Phased build-out" section of a site report (DESIGN.md §5.19): each phase's demand, the
/// equipment in place, its margins, and the first month a margin runs out.
enum PhaseMarkdown {
    /// Empty when the plan has no phases. `figures`: the folder holding `phases.svg`.
    static func section(_ plan: Plan, figures: String?) -> String {
        let phases = plan.phases
        guard !phases.isEmpty else { return "" }
        var text = """
            ## Phased build-out

            Each phase is the site planned again with the hall copies energised so far and its workload at the \
            phase's utilisation ramp (DESIGN.md §5.19). The grid connection (substation, HV switchgear, \
            \(Format.fixed(phases[0].interconnectVoltage.kilovolts, 0)) kV) is built up front for the final \
            build; main transformers, chillers and economisers are added per phase as each phase's own sizing \
            needs them (master-planned phased construction, REFERENCE.md P480, P481). Energy and PUE are those \
            of the plant built so far, over the weather year, at its part load.


            """
        var demand = MarkdownTable([
            ("Energised", .left), ("Halls so far", .left), ("GPUs", .right), ("Ramp", .right),
            ("IT at design [MW]", .right), ("Losses [MW]", .right), ("Cooling and house [MW]", .right),
            ("Facility at design [MW]", .right), ("Facility energy [GWh/yr]", .right), ("PUE", .right),
        ])
        for p in phases {
            demand.add([
                p.date, p.halls.map { "\($0.hallID) × \($0.copies)" }.joined(separator: ", "),
                Format.integer(p.gpuCount), Format.percent(p.utilisationRamp), Format.megawatts(p.it.design),
                Format.megawatts(p.designLoss), Format.megawatts(p.designMechanical),
                Format.megawatts(p.facilityDesign),
                p.facilityEnergy.map { Format.fixed($0.megawattHours / 1000, 1) } ?? "–",
                p.pue.map { Format.fixed($0, 3) } ?? "–",
            ])
        }
        text += demand.rendered + "\n"
        var installed = MarkdownTable([
            ("Energised", .left), ("Grid contract [MW]", .right), ("Main transformers", .left),
            ("Chillers", .left), ("Economisers", .left), ("Grid margin [MW]", .right),
            ("Transformer margin [MW]", .right), ("Chiller margin [MW]", .right),
            ("Heat-rejection margin [MW]", .right),
        ])
        for p in phases {
            let transformers =
                p.mainTransformers.map {
                    "\($0.unitsInstalled) × \(Format.fixed($0.unitRating.megawatts, 1)) MW (\($0.redundancy))"
                } ?? "none (22.9 kV supply)"
            func perLoop(_ count: (PhaseLoop) -> Int) -> String {
                p.loops.isEmpty ? "–" : p.loops.map { "\(count($0)) \($0.kind.rawValue)" }.joined(separator: ", ")
            }
            func margin(_ m: Power?) -> String {
                guard let m else { return "–" }
                return Format.megawatts(m) + (m < .zero ? " **runs out**" : "")
            }
            installed.add([
                p.date, Format.megawatts(p.gridContract) + " (\(contractSource(p.gridContractSource)))", transformers,
                perLoop(\.chillersInstalled), perLoop(\.economisersInstalled), margin(p.margins.grid),
                margin(p.margins.transformers), margin(p.margins.chillers), margin(p.margins.heatRejection),
            ])
        }
        text += installed.rendered + "\n"
        text +=
            "Margins are the capacity in place less the phase's demand at design: grid contract − facility demand; "
            + "the main transformers' usable capacity (spares out) − their load; per loop the chillers' firm "
            + "capacity − chiller duty and the economisers' firm capacity − heat-rejection duty at the design "
            + "condition, the least loop shown.\n\n"
        if let first = phases.firstRunOut {
            text += "**First margin to run out: \(first.date)** (\(first.margins.joined(separator: ", "))).\n\n"
        } else {
            text += "**No margin runs out** over the \(phases.count) phases.\n\n"
        }
        if let figures {
            text += "![Demand against installed capacity over time](\(figures)/phases.svg)\n\n"
        }
        let sourced = phases.indices.compactMap { i in plan.site.phases.indices.contains(i) ? plan.site.phases[i] : nil
        }
        .filter { $0.source != nil }
        if !sourced.isEmpty {
            text += "Where the phases come from:\n\n"
            for choice in sourced { text += "- \(choice.date): \(choice.source ?? "")\n" }
        }
        return text
    }

    static func contractSource(_ source: GridContractSource) -> String {
        switch source {
        case .phase: "phase"
        case .site: "site.grid.capacity_mw"
        case .finalConnection: "final connection"
        }
    }
}
