import Foundation
import PlannerModel

/// Data-centre energy metrics (DESIGN.md §5.6, REFERENCE.md §4.1) as pure functions.
public enum EnergyMetrics {
    /// ERE = (E_facility − E_reuse)/E_IT = PUE·(1 − ERF) (Green Grid; REFERENCE.md §4.1, V19).
    public static func ere(pue: Double, erf: Ratio) -> Double { pue * (1 - erf.fraction) }

    /// CUE = CEF × PUE [kg CO₂e per kWh of IT energy] (ISO/IEC 30134-8), all energy from the grid.
    public static func cue(pue: Double, gridEmissionFactor: CarbonIntensity) -> CarbonIntensity {
        gridEmissionFactor * pue
    }

    /// PUE, ERF, ERE, and CUE/WUE/REF when their inputs are given.
    ///
    /// - Parameters:
    ///   - facilityEnergy: Total data-centre energy, heat-pump electricity excluded (EnEfG §11).
    ///   - reusedEnergy: Heat reused outside the data centre (the heat taken out of its loops).
    public static func compute(
        itEnergy: Energy, facilityEnergy: Energy, reusedEnergy: Energy, water: Mass? = nil,
        renewableEnergy: Energy? = nil, gridEmissionFactor: CarbonIntensity? = nil
    ) throws(HeatRecoveryError) -> DataCentreMetrics {
        guard itEnergy.si > 0, itEnergy.isFinite else {
            throw .invalidValue(name: "IT energy [J]", hour: nil, value: itEnergy.si, requirement: "finite and > 0")
        }
        guard facilityEnergy >= itEnergy, facilityEnergy.isFinite else {
            throw .invalidValue(
                name: "facility energy [J]", hour: nil, value: facilityEnergy.si,
                requirement: "finite and at least the IT energy \(itEnergy.si)")
        }
        guard reusedEnergy.si >= 0, reusedEnergy.isFinite else {
            throw .invalidValue(
                name: "reused energy [J]", hour: nil, value: reusedEnergy.si, requirement: "finite and ≥ 0")
        }
        let pue = facilityEnergy / itEnergy
        let erf = Ratio.fraction(reusedEnergy / facilityEnergy)
        return DataCentreMetrics(
            pue: pue, erf: erf, ere: ere(pue: pue, erf: erf),
            cue: gridEmissionFactor.map { cue(pue: pue, gridEmissionFactor: $0) },
            wueLitresPerKilowattHour: water.map { $0.kilograms / itEnergy.kilowattHours },
            ref: renewableEnergy.map { .fraction($0 / facilityEnergy) })
    }
}

/// Regulatory checks as pure functions (DESIGN.md §5.6): each rule states its source, threshold,
/// the site's value and a verdict. Which rule sets run is an input.
public enum Compliance {
    /// Evaluates the selected rule sets in the order EnEfG, EU EED, ASHRAE 90.4.
    public static func evaluate(_ inputs: ComplianceInputs) throws(HeatRecoveryError) -> ComplianceReport {
        guard (1...12).contains(inputs.commissioning.month) else {
            throw .invalidValue(
                name: "commissioning month", hour: nil, value: Double(inputs.commissioning.month), requirement: "1...12"
            )
        }
        let metrics = try EnergyMetrics.compute(
            itEnergy: inputs.itEnergy, facilityEnergy: inputs.facilityEnergy, reusedEnergy: inputs.reusedEnergy,
            water: inputs.water, renewableEnergy: inputs.renewableEnergy, gridEmissionFactor: inputs.gridEmissionFactor)
        var results: [RuleResult] = []
        var kpis: [KPIRow] = []
        if inputs.ruleSets.contains(.enefg) { results += enefg(inputs, metrics) }
        if inputs.ruleSets.contains(.euEED) {
            let eed = euEED(inputs, metrics)
            results += eed.results
            kpis = eed.kpis
        }
        if inputs.ruleSets.contains(.ashrae904) { results += ashrae904(inputs) }
        return ComplianceReport(metrics: metrics, results: results, eedKPIs: kpis)
    }

    // MARK: EnEfG §11

    static let enefgSource = "EnEfG §11 (in force 18 Nov 2023), REFERENCE.md §4.6"
    /// Start of operation from which a data centre is "new" under EnEfG §11.
    public static let enefgNewFrom = CalendarMonth(year: 2026, month: 7)

    /// The ERF EnEfG §11 requires of a data centre starting operation at `start`: 10 % from
    /// 1 Jul 2026, 15 % from 1 Jul 2027, 20 % from 1 Jul 2028; nil before 1 Jul 2026
    /// (REFERENCE.md §4.6, V17).
    public static func enefgRequiredERF(start: CalendarMonth) -> Ratio? {
        if start >= CalendarMonth(year: 2028, month: 7) { return .percent(20) }
        if start >= CalendarMonth(year: 2027, month: 7) { return .percent(15) }
        if start >= enefgNewFrom { return .percent(10) }
        return nil
    }

    /// The annual PUE EnEfG §11 allows at `assessedAt` for a data centre starting at `start`:
    /// new (from 1 Jul 2026) ≤ 1.2 from two years after the start; existing ≤ 1.5 from
    /// 1 Jul 2027 and ≤ 1.3 from 1 Jul 2030; nil while no limit applies yet.
    public static func enefgMaximumPUE(start: CalendarMonth, assessedAt: CalendarMonth) -> Double? {
        if start >= enefgNewFrom { return assessedAt >= start.adding(months: 24) ? 1.2 : nil }
        if assessedAt >= CalendarMonth(year: 2030, month: 7) { return 1.3 }
        if assessedAt >= CalendarMonth(year: 2027, month: 7) { return 1.5 }
        return nil
    }

    static func enefg(_ inputs: ComplianceInputs, _ metrics: DataCentreMetrics) -> [RuleResult] {
        let start = inputs.commissioning
        let assessed = inputs.assessedAt ?? start.adding(months: 24)
        let isNew = start >= enefgNewFrom
        var out: [RuleResult] = []
        let pueText = fixed(metrics.pue, 3)
        let excluded =
            inputs.heatPumpElectricity > .zero
            ? " (heat-pump electricity \(fixed(inputs.heatPumpElectricity.megawattHours, 0)) MWh excluded)" : ""
        if let limit = enefgMaximumPUE(start: start, assessedAt: assessed) {
            let pass = metrics.pue <= limit + 1e-12
            out.append(
                RuleResult(
                    ruleSet: .enefg, rule: isNew ? "PUE, new data centre" : "PUE, existing data centre",
                    citation: enefgSource + (isNew ? " (start from 1 Jul 2026: ≤ 1.2 within 2 years)" : ""),
                    threshold: "≤ \(fixed(limit, 2))", siteValue: pueText, verdict: pass ? .pass : .fail,
                    explanation:
                        "Annual PUE \(pueText)\(excluded) \(pass ? "meets" : "exceeds") the \(fixed(limit, 2)) "
                        + "required at \(assessed) for a data centre starting \(start).",
                    confidence: .high))
        } else {
            out.append(
                RuleResult(
                    ruleSet: .enefg, rule: "PUE", citation: enefgSource, threshold: "none yet", siteValue: pueText,
                    verdict: .notApplicable,
                    explanation: isNew
                        ? "The 1.2 limit applies from \(start.adding(months: 24)), two years after the start; assessed "
                            + "at \(assessed)."
                        : "No PUE limit applies before 1 Jul 2027 to a data centre operating before 1 Jul 2026; "
                            + "assessed at \(assessed).",
                    confidence: .high))
        }
        let erfText = fixed(metrics.erf.percent, 1) + " %"
        if let required = enefgRequiredERF(start: start) {
            let pass = metrics.erf.fraction >= required.fraction - 1e-12
            out.append(
                RuleResult(
                    ruleSet: .enefg, rule: "ERF, new data centre",
                    citation: enefgSource + " (ERF per DIN EN 50600-4-6; V17)",
                    threshold: "≥ \(fixed(required.percent, 0)) %", siteValue: erfText, verdict: pass ? .pass : .fail,
                    explanation:
                        "Reused heat is \(erfText) of the data centre's energy; a data centre starting \(start) must "
                        + "reuse at least \(fixed(required.percent, 0)) %"
                        + (pass
                            ? ""
                            : ": recover more heat or show the EnEfG escape (no network reply in 6 months or no buyer "
                                + "at market terms)")
                        + ".",
                    confidence: .high))
        } else {
            out.append(
                RuleResult(
                    ruleSet: .enefg, rule: "ERF", citation: enefgSource, threshold: "none", siteValue: erfText,
                    verdict: .notApplicable,
                    explanation:
                        "ERF minimums apply only to data centres starting operation from 1 Jul 2026; this one starts "
                        + "\(start).",
                    confidence: .high))
        }
        let renewableRequired: Ratio = assessed >= CalendarMonth(year: 2027, month: 1) ? .percent(100) : .percent(50)
        if let ref = metrics.ref {
            let pass = ref.fraction >= renewableRequired.fraction - 1e-12
            out.append(
                RuleResult(
                    ruleSet: .enefg, rule: "Renewable electricity", citation: enefgSource,
                    threshold: "≥ \(fixed(renewableRequired.percent, 0)) %", siteValue: fixed(ref.percent, 1) + " %",
                    verdict: pass ? .pass : .fail,
                    explanation:
                        "Renewable electricity covers \(fixed(ref.percent, 1)) % of the data centre's energy; "
                        + "\(fixed(renewableRequired.percent, 0)) % is required at \(assessed).",
                    confidence: .high))
        } else {
            out.append(
                RuleResult(
                    ruleSet: .enefg, rule: "Renewable electricity", citation: enefgSource,
                    threshold: "≥ \(fixed(renewableRequired.percent, 0)) %", siteValue: "not given",
                    verdict: .notAssessed,
                    explanation:
                        "The renewable share is not an input; \(fixed(renewableRequired.percent, 0)) % is required at "
                        + "\(assessed).",
                    confidence: .high))
        }
        return out
    }

    // MARK: EU EED

    static let eedSource =
        "EED (EU) 2023/1791 Art. 12 + Annex VII; Delegated Reg. (EU) 2024/1364, REFERENCE.md §4.5"
    /// Installed IT power from which EED Art. 12 reporting applies (REFERENCE.md §4.5, H).
    public static let eedThreshold = Power.kilowatts(500)

    static func euEED(_ inputs: ComplianceInputs, _ metrics: DataCentreMetrics) -> (
        results: [RuleResult], kpis: [KPIRow]
    ) {
        func row(_ name: String, _ value: Double?, _ decimals: Int, _ unit: String) -> KPIRow {
            KPIRow(
                name: name, value: value.map { fixed($0, decimals) } ?? "not given", unit: unit, isKnown: value != nil)
        }
        let kpis = [
            row("Installed IT power", inputs.installedITPower.kilowatts, 0, "kW"),
            row("Total energy consumption", inputs.facilityEnergy.megawattHours, 0, "MWh"),
            row("IT energy consumption", inputs.itEnergy.megawattHours, 0, "MWh"),
            row("Heat-pump electricity (outside PUE)", inputs.heatPumpElectricity.megawattHours, 0, "MWh"),
            row("Water input", inputs.water.map { $0.kilograms / 1000 }, 0, "m³"),
            row("Reused heat", inputs.reusedEnergy.megawattHours, 0, "MWh"),
            row("Mean waste-heat temperature", inputs.meanWasteHeatTemperature?.celsius, 1, "°C"),
            row("Renewable energy", inputs.renewableEnergy?.megawattHours, 0, "MWh"),
            row("PUE", metrics.pue, 3, "-"),
            row("WUE", metrics.wueLitresPerKilowattHour, 3, "L/kWh"),
            row("ERF", metrics.erf.fraction, 3, "-"),
            row("REF", metrics.ref?.fraction, 3, "-"),
        ]
        let missing = kpis.filter { !$0.isKnown }.map(\.name)
        var results: [RuleResult] = []
        let itText = fixed(inputs.installedITPower.kilowatts, 0) + " kW"
        if inputs.installedITPower < eedThreshold {
            results.append(
                RuleResult(
                    ruleSet: .euEED, rule: "KPI reporting (Art. 12)", citation: eedSource, threshold: "≥ 500 kW IT",
                    siteValue: itText, verdict: .notApplicable,
                    explanation:
                        "Installed IT power \(itText) is below the 500 kW from which Art. 12 reporting applies.",
                    confidence: .high))
        } else {
            results.append(
                RuleResult(
                    ruleSet: .euEED, rule: "KPI reporting (Art. 12)", citation: eedSource, threshold: "≥ 500 kW IT",
                    siteValue: itText, verdict: missing.isEmpty ? .pass : .notAssessed,
                    explanation: missing.isEmpty
                        ? "Reporting applies (\(itText) ≥ 500 kW) and every KPI of the table can be filled from the "
                            + "plan."
                        : "Reporting applies (\(itText) ≥ 500 kW); the plan cannot fill: "
                            + "\(missing.joined(separator: ", ")) (Annex II list unverified, REFERENCE.md §4.5 M).",
                    confidence: .medium))
            let reused = inputs.reusedEnergy > .zero
            results.append(
                RuleResult(
                    ruleSet: .euEED, rule: "Waste-heat use, new data centre > 1 MW (Art. 26)",
                    citation: "EED (EU) 2023/1791 Art. 26 (unverified), REFERENCE.md §4.5 (L-M)",
                    threshold: "use waste heat unless infeasible",
                    siteValue: fixed(inputs.reusedEnergy.megawattHours, 0) + " MWh reused",
                    verdict: reused ? .pass : .notAssessed,
                    explanation: reused
                        ? "The site reuses waste heat."
                        : "No heat is reused; Art. 26 asks new data centres above 1 MW to use waste heat unless a "
                            + "cost-benefit analysis shows it infeasible (wording unverified).",
                    confidence: .low))
        }
        return (results, kpis)
    }

    // MARK: ASHRAE 90.4

    static let ashraeSource = "ASHRAE 90.4-2022 (ELC §8, MLC §6), REFERENCE.md §4.7"

    /// Design electrical loss component at one load: `ELC = 1 − η_chain` with `η_chain` = IT input
    /// over utility input through incoming service, UPS and IT distribution (REFERENCE.md §4.7).
    public static func electricalLossComponent(chainEfficiency: Ratio) -> Ratio { chainEfficiency.complement }

    /// Annual mechanical load component `MLC = E_mechanical / E_IT` (REFERENCE.md §4.7).
    public static func mechanicalLoadComponent(coolingEnergy: Energy, itEnergy: Energy) -> Double {
        coolingEnergy / itEnergy
    }

    static func ashrae904(_ inputs: ComplianceInputs) -> [RuleResult] {
        func check(_ rule: String, value: Double?, text: (Double) -> String, limit: Double?, input: String)
            -> RuleResult
        {
            guard let value else {
                return RuleResult(
                    ruleSet: .ashrae904, rule: rule, citation: ashraeSource,
                    threshold: limit.map { "≤ " + text($0) } ?? "unknown", siteValue: "not given",
                    verdict: .notAssessed, explanation: "The \(input) is not an input, so \(rule) cannot be computed.",
                    confidence: .low)
            }
            guard let limit else {
                return RuleResult(
                    ruleSet: .ashrae904, rule: rule, citation: ashraeSource, threshold: "unknown",
                    siteValue: text(value), verdict: .notAssessed,
                    explanation:
                        "\(rule) is \(text(value)); the 90.4 maximum is not in REFERENCE.md (numeric limits open, "
                        + "§4.7), so give it as an input to decide.",
                    confidence: .low)
            }
            let pass = value <= limit + 1e-12
            return RuleResult(
                ruleSet: .ashrae904, rule: rule, citation: ashraeSource + " (limit given as input)",
                threshold: "≤ " + text(limit), siteValue: text(value), verdict: pass ? .pass : .fail,
                explanation:
                    "\(rule) is \(text(value)), \(pass ? "within" : "above") the \(text(limit)) maximum given.",
                confidence: .low)
        }
        let percent: (Double) -> String = { fixed($0 * 100, 2) + " %" }
        let limits = inputs.ashraeLimits
        let mlc = inputs.coolingEnergy.map { mechanicalLoadComponent(coolingEnergy: $0, itEnergy: inputs.itEnergy) }
        return [
            check(
                "Design ELC at 100 % IT load",
                value: inputs.electricalEfficiencyFullLoad.map {
                    electricalLossComponent(chainEfficiency: $0).fraction
                },
                text: percent, limit: limits.electricalLossFullLoad?.fraction,
                input: "power-chain efficiency at 100 % load"),
            check(
                "Design ELC at 50 % IT load",
                value: inputs.electricalEfficiencyHalfLoad.map {
                    electricalLossComponent(chainEfficiency: $0).fraction
                },
                text: percent, limit: limits.electricalLossHalfLoad?.fraction,
                input: "power-chain efficiency at 50 % load"),
            check(
                "Annual MLC" + (limits.climateZone.map { " (climate zone \($0))" } ?? ""), value: mlc,
                text: { fixed($0, 3) }, limit: limits.mechanicalLoadComponent, input: "annual cooling energy"),
        ]
    }

    /// `value` with a fixed number of decimals, no locale.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
