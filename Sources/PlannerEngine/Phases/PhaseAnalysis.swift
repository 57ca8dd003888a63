import PlannerModel
import Weather

/// The phased build-out (DESIGN.md §5.19): each phase of `site.phases` planned as a sub-site of
/// the hall copies energised so far, by the same ``Planner`` as the whole site, with its workload at
/// the phase's utilisation ramp. The grid connection (substation, HV switchgear and the interconnect
/// voltage) is built up front for the final build; main transformers, chillers and economisers are
/// the phase's own sizing, added phase by phase (master-planned phased construction, REFERENCE.md
/// P480, P481; utility supply in phases, P103).
public enum PhaseAnalysis {
    /// The site as energised up to and including phase `index`: every hall with the copies the
    /// phases so far energise (halls with none left out), the workload at that phase's ramp, the
    /// final build's interconnect voltage (nil: the rule table's), no placement and no grid capacity
    /// check (the phase's margin reports it), and no phases of its own.
    public static func site(_ site: Site, through index: Int, interconnect: Voltage? = nil) -> Site {
        var copies: [String: Int] = [:]
        for phase in site.phases[...index] {
            for halls in phase.halls { copies[halls.hallID, default: 0] += halls.copies }
        }
        var sub = site.scalingUtilisation(by: site.phases[index].utilisationRamp.fraction)
        sub.halls = site.halls.compactMap { hall in
            guard let n = copies[hall.id], n > 0 else { return nil }
            var energised = hall
            energised.copies = min(n, hall.copies)
            return energised
        }
        sub.phases = []
        sub.placement.enabled = false
        sub.electrical.gridCapacity = nil
        if let interconnect { sub.electrical.interconnectVoltage = interconnect }
        return sub
    }

    /// Every phase's plan and the findings about them: a warning for each phase at which a margin
    /// runs out, and each phase plan's errors. Empty when the site is not phased or `final` has no
    /// power chain.
    public static func plan(
        _ site: Site, final: Plan, weather: (year: WeatherYear, design: DesignConditions)?, planner: Planner
    ) -> (phases: [PhasePlan], findings: [Finding]) {
        guard !site.phases.isEmpty, let finalElectrical = final.electrical, let finalDemand = final.facilityDesign
        else { return ([], []) }
        let voltage = finalElectrical.grid.interconnectVoltage
        var phasePlanner = planner
        phasePlanner.compareDistributions = false
        var phases: [PhasePlan] = []
        var findings: [Finding] = []
        var energised: [String: Int] = [:]
        for (index, choice) in site.phases.enumerated() {
            for halls in choice.halls { energised[halls.hallID, default: 0] += halls.copies }
            let sub = Self.site(site, through: index, interconnect: voltage)
            let subject = "phases[\(index)]"
            guard !sub.halls.isEmpty else { continue }
            let plan = phasePlanner.plan(sub, weather: weather)
            for finding in plan.findings where finding.severity == .error {
                findings.append(
                    Finding(
                        .error, subject,
                        "the plan of the phase energised \(choice.date) fails: \(finding.subject): \(finding.message)"))
            }
            guard let phase = summary(plan, choice: choice, site: site, finalDemand: finalDemand, voltage: voltage)
            else { continue }
            phases.append(phase)
            findings += runOutFindings(phase, subject: subject)
            findings += oversizedContract(phase, subject: subject)
        }
        return (phases, findings)
    }

    /// One phase's plan reduced to what the timeline shows: demand, contract, equipment and margins.
    static func summary(
        _ plan: Plan, choice: PhaseChoice, site: Site, finalDemand: Power, voltage: Voltage
    ) -> PhasePlan? {
        guard let electrical = plan.electrical, let facility = plan.facilityDesign else { return nil }
        let (contract, source): (Power, GridContractSource) =
            if let c = choice.gridContract {
                (c, .phase)
            } else if let c = site.electrical.gridCapacity {
                (c, .site)
            } else {
                (finalDemand, .finalConnection)
            }
        let loops = (plan.cooling?.loops ?? []).map { l in
            PhaseLoop(
                kind: l.kind, heatLoad: l.designHeatLoad, chillerDuty: l.designChillerDuty,
                chillersInstalled: l.chillersInstalled, chillerFirmCapacity: l.chillerFirmCapacity,
                rejectionDuty: l.designRejectionDuty, economisersInstalled: l.economisers.unitsInstalled,
                economiserFirmCapacity: l.economisers.usableCapacity)
        }
        let transformers = electrical.grid.mainTransformers
        let chillerLoops = loops.filter { $0.chillersInstalled > 0 || $0.chillerDuty > .zero }
        let margins = PhaseMargins(
            grid: contract - facility, transformers: transformers.map(\.strandedCapacity),
            chillers: chillerLoops.map { $0.chillerFirmCapacity - $0.chillerDuty }.min(),
            heatRejection: loops.map { $0.economiserFirmCapacity - $0.rejectionDuty }.min())
        let halls = plan.site.halls.map { PhaseHalls(hallID: $0.id, copies: $0.copies) }
        return PhasePlan(
            date: choice.date, halls: halls, utilisationRamp: choice.utilisationRamp, gpuCount: plan.total.gpuCount,
            rackCount: plan.total.rackCount, it: plan.total.itPower, designLoss: electrical.designLoss,
            designMechanical: plan.cooling?.designMechanicalLoad ?? .zero, facilityDesign: facility,
            gridContract: contract, gridContractSource: source, gridConnection: finalDemand,
            interconnectVoltage: voltage, mainTransformers: transformers, loops: loops,
            itEnergy: plan.cooling?.annual?.itEnergy, facilityEnergy: plan.cooling?.annual?.facilityEnergy,
            margins: margins)
    }

    /// A warning for each margin of a phase that has run out, with the MW short.
    static func runOutFindings(_ phase: PhasePlan, subject: String) -> [Finding] {
        phase.margins.named.filter { $0.margin < .zero }.map { name, margin in
            let short = NumberText.compact((-margin.megawatts * 100).rounded() / 100)
            let what: String =
                switch name {
                case "grid contract":
                    "the grid contract of \(mw(phase.gridContract)) MW is \(short) MW short of the facility demand "
                        + "of \(mw(phase.facilityDesign)) MW at design"
                case "transformers":
                    "the main transformers' usable capacity is \(short) MW short of their load at design"
                case "chillers":
                    "the chillers' firm capacity is \(short) MW short of the chiller duty at the design condition"
                default:
                    "the economisers' firm capacity is \(short) MW short of the heat-rejection duty at the design "
                        + "condition"
                }
            return Finding(
                .warning, subject,
                "the margin runs out when the phase is energised \(phase.date): \(what); energise fewer halls, "
                    + "raise the contract or add equipment")
        }
    }

    /// A note when a phase's own grid contract exceeds the facility demand of the whole site at
    /// design: the contract serves more than the spec plans (later halls not in the spec), or it
    /// is larger than the site needs; either way the margin it shows is not the final build's.
    static func oversizedContract(_ phase: PhasePlan, subject: String) -> [Finding] {
        guard phase.gridContractSource == .phase, phase.gridContract > phase.gridConnection * 1.0001 else { return [] }
        return [
            Finding(
                .note, subject,
                "the grid contract of \(mw(phase.gridContract)) MW from \(phase.date) is above the whole site's "
                    + "facility demand of \(mw(phase.gridConnection)) MW at design: either it also serves halls the "
                    + "spec does not plan, or it is \(mw(phase.gridContract - phase.gridConnection)) MW more than the "
                    + "site needs")
        ]
    }

    static func mw(_ p: Power) -> String { NumberText.compact((p.megawatts * 100).rounded() / 100) }
}
