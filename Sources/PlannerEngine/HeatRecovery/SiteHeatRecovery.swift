import Catalogue
import Foundation
import PlannerModel
import Weather

/// Heat recovery and compliance for a whole site (DESIGN.md §5.5-5.6): the LP fed from the plant
/// simulation, the plant re-simulated with the recovered heat, the metrics and the rules.
public enum SiteHeatRecovery {
    /// The waste heat of the plant simulated without recovery: the hourly heat into the
    /// facility-water loop, at the chosen loop's return temperature of each hour (the liquid
    /// loop's simulated supply + the loop's rise; TCS return adds the CDU approach and uses the
    /// TCS rise).
    public static func wasteHeat(_ choices: HeatRecoveryChoices, cooling: SiteCooling, annual: AnnualPlant)
        -> WasteHeat
    {
        let c = cooling.choices
        let setPoint = c.tcsSupply - c.cdu.approach
        let supplies =
            cooling.loop(.liquid) != nil && annual.hourlyLiquidSupply.count == annual.hours
            ? annual.hourlyLiquidSupply : HourlySeries(repeating: setPoint, count: annual.hours)
        let offset: Double =
            switch choices.source {
            case .facilityWaterReturn: c.facilityWaterRise.kelvins
            case .tcsReturn: c.cdu.approach.kelvins + c.tcsRise.kelvins
            }
        let heat =
            annual.hourlyLiquidHeat.count == annual.hours
            ? annual.hourlyLiquidHeat : HourlySeries(repeating: .zero, count: annual.hours)
        // Shifted in °C, the unit the supply series holds.
        return WasteHeat(
            kind: choices.source.kind, hourlyHeat: heat,
            hourlyTemperature: HourlySeries(celsius: supplies.celsius.map { $0 + offset }))
    }

    /// The LP options of the spec, with the ERF target measured against `dataCentreEnergy`.
    public static func options(_ choices: HeatRecoveryChoices, dataCentreEnergy: Energy) -> HeatRecoveryOptions {
        HeatRecoveryOptions(
            storage: choices.storage, minimumERF: choices.minimumERF,
            dataCentreEnergy: choices.minimumERF == nil ? nil : dataCentreEnergy,
            maximumCapacity: choices.maximumCapacity,
            resolution: choices.representativeDays.map { .representativeDays($0) } ?? .fullYear)
    }

    /// Everything `HeatRecoveryAnalysis` needs for the site, from the plant simulated over the
    /// year (`annual`) without recovery.
    public static func inputs(
        _ choices: HeatRecoveryChoices, cooling: SiteCooling, annual: AnnualPlant, weather: WeatherYear
    ) throws(HeatRecoveryError) -> (source: WasteHeat, demand: HeatDemand, options: HeatRecoveryOptions) {
        let demand = try DistrictHeatingDemand.hourly(weather: weather, network: choices.network)
        return (
            wasteHeat(choices, cooling: cooling, annual: annual), demand,
            options(choices, dataCentreEnergy: annual.facilityEnergy)
        )
    }

    /// Writes the site's heat-recovery LP (full year) as `heat-recovery.mps` and `.lp` into
    /// `directory`, from a plan that planned heat recovery.
    @discardableResult
    public static func exportLP(_ plan: HeatRecoveryPlan, to directory: String) throws(HeatRecoveryError) -> (
        mps: String, lp: String
    ) {
        var options = options(plan.choices, dataCentreEnergy: plan.dataCentreEnergyBeforeCoupling)
        options.resolution = .fullYear
        return try HeatRecoveryAnalysis.exportLP(
            source: plan.source, demand: plan.demand, heatPump: plan.choices.heatPump,
            economics: plan.choices.economics, options: options, to: directory)
    }

    /// Plans heat recovery against the plant simulated over the year without it (`annual`). The
    /// returned plan's plant and metrics are completed by `couple` once the plant is re-simulated.
    public static func plan(
        _ choices: HeatRecoveryChoices, cooling: SiteCooling, annual: AnnualPlant, weather: WeatherYear
    ) -> (plan: HeatRecoveryPlan?, findings: [Finding]) {
        do {
            let (source, demand, options) = try inputs(choices, cooling: cooling, annual: annual, weather: weather)
            let result = try HeatRecoveryAnalysis.plan(
                source: source, demand: demand, heatPump: choices.heatPump, economics: choices.economics,
                options: options)
            let energy = annual.facilityEnergy
            let maximum = maximumReuse(
                source: source, demand: demand, cop: result.hourlyCOP, capacity: choices.maximumCapacity)
            let maximumERF = Ratio.fraction(energy > .zero ? maximum / energy : 0)
            var findings = result.findings.filter { $0.severity != .error }
            if !result.status.hasSolution {
                if let target = choices.minimumERF {
                    let short = target.percent - maximumERF.percent
                    findings.append(
                        Finding(
                            .error, "heat_recovery.minimum_erf_percent",
                            "infeasible: the ERF target of \(NumberText.compact(target.percent)) % cannot be met; this "
                                + "waste heat and network demand allow at most \(fixed(maximumERF.percent, 2)) % "
                                + "(\(fixed(maximum.megawattHours, 0)) MWh of \(fixed(energy.megawattHours, 0)) "
                                + "MWh data-centre energy, every hour's heat up to the network's demand), "
                                + "\(fixed(short, 2)) percentage points short; lower minimum_erf_percent "
                                + "or raise peak_demand_mw"
                        ))
                } else {
                    findings.append(
                        Finding(
                            .error, "heat_recovery",
                            "the heat-recovery LP is \(result.status.rawValue): \(result.lp.message)"))
                }
            }
            if choices.storage != nil && choices.representativeDays == nil {
                findings.append(
                    Finding(
                        .warning, "heat_recovery.storage",
                        "storage over the full year adds two columns per hour and takes GLPK tens of seconds (about 18 "
                            + "s measured for a 50 MW network); set representative_days to solve it on typical days"
                    ))
            }
            let erf = Ratio.fraction(energy > .zero ? result.sourceHeat / energy : 0)
            let pue = annual.pue
            let plan = HeatRecoveryPlan(
                choices: choices, network: choices.network, source: source, demand: demand, result: result, plant: nil,
                dataCentreEnergy: energy, erf: erf, ere: EnergyMetrics.ere(pue: pue, erf: erf), pue: pue,
                maximumERF: maximumERF,
                alternative: alternative(choices, source: source, weather: weather, dataCentreEnergy: energy))
            return (plan, findings)
        } catch {
            return (nil, [Finding(.error, "heat_recovery", error.description)])
        }
    }

    /// The plan completed with the plant simulated without (`before`) and with (`after`) the
    /// recovered heat: heat rejected, plant electricity, and PUE / ERF / ERE on the energy after.
    public static func couple(_ plan: HeatRecoveryPlan, before: AnnualPlant, after: AnnualPlant) -> HeatRecoveryPlan {
        var plan = plan
        plan.plant = PlantWithHeatRecovery(
            heatRejectedBefore: before.heatRejected, heatRejectedAfter: after.heatRejected,
            heatRecovered: after.heatRecovered, plantEnergyBefore: before.plantEnergy,
            plantEnergyAfter: after.plantEnergy,
            heatPumpElectricity: plan.result.electricity,
            hoursClamped: zip(plan.result.hourlySource.si, after.hourlyLiquidHeat.si).filter { $0 > $1 + 1e-6 }.count)
        plan.dataCentreEnergy = after.facilityEnergy
        plan.pue = after.pue
        plan.erf = .fraction(after.facilityEnergy > .zero ? after.heatRecovered / after.facilityEnergy : 0)
        plan.ere = EnergyMetrics.ere(pue: plan.pue, erf: plan.erf)
        return plan
    }

    /// Upper bound on the heat the heat pumps can take out of the data centre over the year:
    /// `Σ_h min(W(h), D(h)·(1 − 1/COP(h)))` over the hours the machine can reach the supply
    /// (`H·(1 − 1/COP)` caps it when the capacity is limited).
    static func maximumReuse(source: WasteHeat, demand: HeatDemand, cop: [Double], capacity: Power?) -> Energy {
        var total = 0.0
        for h in 0..<min(cop.count, source.hours, demand.hours) where cop[h] > 1 {
            let share = HeatPumpModel.sourceShare(cop: cop[h])
            var output = demand.hourlyDemand.si[h]
            if let capacity { output = min(output, capacity.watts) }
            total += min(source.hourlyHeat.si[h], output * share)
        }
        return .watts(total) * .hour
    }

    /// The same waste heat into the other network preset with its default heat pump, the best
    /// capacity without storage and dispatched in closed form (no LP).
    static func alternative(
        _ choices: HeatRecoveryChoices, source: WasteHeat, weather: WeatherYear, dataCentreEnergy: Energy
    ) -> HeatRecoveryPlan.Alternative? {
        let kind = choices.networkKind.other
        guard let heatPump = BuiltInHeatPumps.entry(kind.defaultHeatPumpID) else { return nil }
        let network = kind.network(peakDemand: choices.peakDemand)
        do {
            let demand = try DistrictHeatingDemand.hourly(weather: weather, network: network)
            let capacity = try HeatRecoveryAnalysis.bestCapacityWithoutStorage(
                source: source, demand: demand, heatPump: heatPump, economics: choices.economics)
            let (delivered, benefit) = try HeatRecoveryAnalysis.dispatch(
                source: source, demand: demand, heatPump: heatPump, economics: choices.economics, capacity: capacity)
            var electricity = 0.0
            var taken = 0.0
            let deliveredW = delivered.si
            for h in deliveredW.indices where deliveredW[h] > 0 {
                guard
                    let cop = HeatPumpModel.cop(
                        wasteHeatCelsius: source.hourlyTemperature.celsius[h],
                        supplyCelsius: demand.hourlySupply.celsius[h],
                        heatPump: heatPump)
                else { continue }
                electricity += deliveredW[h] / cop
                taken += deliveredW[h] * HeatPumpModel.sourceShare(cop: cop)
            }
            let sourceHeat = Power.watts(taken) * .hour
            return HeatRecoveryPlan.Alternative(
                networkName: network.name, heatPumpID: heatPump.id, capacity: capacity,
                delivered: delivered.energy, electricity: .watts(electricity) * .hour,
                sourceHeat: sourceHeat, netBenefit: benefit,
                erf: .fraction(dataCentreEnergy > .zero ? sourceHeat / dataCentreEnergy : 0))
        } catch {
            return nil
        }
    }

    // MARK: Compliance

    /// PUE, ERF, ERE and CUE of the year (after heat recovery), with the spec's grid factor (the
    /// region's by default, DESIGN.md §5.17).
    public static func metrics(
        _ annual: AnnualPlant, compliance: ComplianceChoices?, region: RegionDefaults = BuiltInRegions.fallback.defaults
    ) -> DataCentreMetrics? {
        try? EnergyMetrics.compute(
            itEnergy: annual.itEnergy, facilityEnergy: annual.facilityEnergy, reusedEnergy: annual.heatRecovered,
            water: annual.water, gridEmissionFactor: compliance?.gridEmissionFactor ?? region.gridEmissionFactor)
    }

    /// The `YYYY-MM` commissioning month, or nil.
    public static func month(_ text: String?) -> CalendarMonth? {
        guard let text, text.count == 7, let y = Int(text.prefix(4)), let m = Int(text.suffix(2)), (1...12).contains(m)
        else { return nil }
        return CalendarMonth(year: y, month: m)
    }

    /// The spec's rule sets checked against the plan's year; FAILs become warnings, or errors
    /// (exit 2) when `enforce` is set.
    public static func compliance(
        _ choices: ComplianceChoices, site: Site, installedIT: Power, annual: AnnualPlant, heatPumpElectricity: Energy,
        meanWasteHeatTemperature: Temperature?, chainEfficiency: (full: Ratio, half: Ratio)?
    ) -> (report: ComplianceReport?, findings: [Finding]) {
        var findings: [Finding] = []
        var sets = Set(choices.ruleSets)
        var commissioning = month(site.commissioning)
        if commissioning == nil {
            if sets.remove(.enefg) != nil {
                findings.append(
                    Finding(
                        .warning, "compliance.rules", "EnEfG §11 needs site.commissioning (YYYY-MM); it is left out"))
            }
            commissioning = CalendarMonth(year: 2000, month: 1)
        }
        let inputs = ComplianceInputs(
            ruleSets: sets, commissioning: commissioning!, installedITPower: installedIT, itEnergy: annual.itEnergy,
            facilityEnergy: annual.facilityEnergy, heatPumpElectricity: heatPumpElectricity,
            reusedEnergy: annual.heatRecovered, coolingEnergy: annual.coolingEnergy,
            water: annual.water, meanWasteHeatTemperature: meanWasteHeatTemperature,
            electricalEfficiencyFullLoad: chainEfficiency?.full, electricalEfficiencyHalfLoad: chainEfficiency?.half,
            ashraeLimits: choices.ashraeLimits, gridEmissionFactor: choices.gridEmissionFactor)
        do {
            let report = try Compliance.evaluate(inputs)
            for r in report.results where r.verdict == .fail {
                findings.append(
                    Finding(
                        choices.enforce ? .error : .warning, "compliance",
                        "\(r.ruleSet.rawValue), \(r.rule): FAIL, \(r.siteValue) against \(r.threshold); "
                            + "\(r.explanation)"
                    ))
            }
            return (report, findings)
        } catch {
            return (nil, findings + [Finding(.error, "compliance", error.description)])
        }
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
}

extension HeatRecoveryPlan {
    /// The data-centre energy the LP's ERF row is measured against: the plant without recovery.
    var dataCentreEnergyBeforeCoupling: Energy {
        plant.map { $0.plantEnergyBefore - $0.plantEnergyAfter + dataCentreEnergy } ?? dataCentreEnergy
    }
}
