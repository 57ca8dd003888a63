/// Energy metrics of a data centre over a year (DESIGN.md §5.6, REFERENCE.md §4.1).
public struct DataCentreMetrics: Hashable, Sendable {
    /// Power usage effectiveness, facility / IT energy (ISO/IEC 30134-2); heat-pump electricity
    /// is not facility energy.
    public var pue: Double
    /// Energy reuse factor, reused / total DC energy (ISO/IEC 30134-6, EN 50600-4-6).
    public var erf: Ratio
    /// Energy reuse effectiveness, (facility − reused)/IT = PUE·(1 − ERF) (Green Grid).
    public var ere: Double
    /// Carbon usage effectiveness, CEF × PUE (ISO/IEC 30134-8).
    public var cue: CarbonIntensity?
    /// Water usage effectiveness, site water / IT energy [L/kWh] (ISO/IEC 30134-9).
    public var wueLitresPerKilowattHour: Double?
    /// Renewable energy factor, renewable / total DC energy (ISO/IEC 30134-3).
    public var ref: Ratio?

    public init(
        pue: Double, erf: Ratio, ere: Double, cue: CarbonIntensity?, wueLitresPerKilowattHour: Double?, ref: Ratio?
    ) {
        self.pue = pue
        self.erf = erf
        self.ere = ere
        self.cue = cue
        self.wueLitresPerKilowattHour = wueLitresPerKilowattHour
        self.ref = ref
    }
}

/// A year and month, for commissioning and assessment dates.
public struct CalendarMonth: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1…12.
    public var month: Int
    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }
    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
    /// `months` later.
    public func adding(months: Int) -> CalendarMonth {
        let index = year * 12 + (month - 1) + months
        return CalendarMonth(year: index / 12, month: index % 12 + 1)
    }
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}

/// The rule sets a site can be checked against; which apply is an input.
public enum RuleSet: String, Hashable, Sendable, Codable, CaseIterable {
    /// German Energy Efficiency Act (EnEfG) §11.
    case enefg = "EnEfG §11"
    /// EU Energy Efficiency Directive 2023/1791 Art. 12 and Delegated Regulation 2024/1364.
    case euEED = "EU EED Art. 12"
    /// ASHRAE Standard 90.4 (ELC and MLC).
    case ashrae904 = "ASHRAE 90.4"
}

/// The outcome of one rule.
public enum RuleVerdict: String, Hashable, Sendable, Codable {
    case pass = "PASS"
    case fail = "FAIL"
    /// The rule does not apply to this site (date, size).
    case notApplicable = "NOT APPLICABLE"
    /// The rule applies but cannot be decided: its threshold or an input is unknown.
    case notAssessed = "NOT ASSESSED"
}

/// One rule checked against one site value.
public struct RuleResult: Hashable, Sendable {
    public var ruleSet: RuleSet
    /// Short rule name, e.g. "PUE, new data centre".
    public var rule: String
    /// Where the rule is written, with the REFERENCE.md row.
    public var citation: String
    /// The threshold as shown in a report, e.g. "≤ 1.20"; "unknown" when not known.
    public var threshold: String
    /// The site's value as shown, e.g. "1.18".
    public var siteValue: String
    public var verdict: RuleVerdict
    /// One sentence a reader can act on.
    public var explanation: String
    /// Confidence of the threshold.
    public var confidence: Confidence

    public init(
        ruleSet: RuleSet, rule: String, citation: String, threshold: String, siteValue: String, verdict: RuleVerdict,
        explanation: String, confidence: Confidence
    ) {
        self.ruleSet = ruleSet
        self.rule = rule
        self.citation = citation
        self.threshold = threshold
        self.siteValue = siteValue
        self.verdict = verdict
        self.explanation = explanation
        self.confidence = confidence
    }
}

/// One row of the EU EED / Delegated Regulation 2024/1364 KPI table.
public struct KPIRow: Hashable, Sendable {
    public var name: String
    /// The value as shown, or "not given" when the inputs do not have it.
    public var value: String
    public var unit: String
    public var isKnown: Bool
    public init(name: String, value: String, unit: String, isKnown: Bool) {
        self.name = name
        self.value = value
        self.unit = unit
        self.isKnown = isKnown
    }
}

/// ASHRAE 90.4 maxima, when the user has them (REFERENCE.md §4.7: numeric limits are an open
/// item, so they are inputs and there are no defaults).
public struct ASHRAE904Limits: Hashable, Sendable {
    /// Maximum design ELC (loss share) at 100 % and 50 % IT load.
    public var electricalLossFullLoad: Ratio?
    public var electricalLossHalfLoad: Ratio?
    /// Maximum annual MLC for the climate zone.
    public var mechanicalLoadComponent: Double?
    /// Climate zone the MLC maximum is for, e.g. "4A" (Seoul-Seongnam, REFERENCE.md §6.1).
    public var climateZone: String?

    public init(
        electricalLossFullLoad: Ratio? = nil, electricalLossHalfLoad: Ratio? = nil,
        mechanicalLoadComponent: Double? = nil, climateZone: String? = nil
    ) {
        self.electricalLossFullLoad = electricalLossFullLoad
        self.electricalLossHalfLoad = electricalLossHalfLoad
        self.mechanicalLoadComponent = mechanicalLoadComponent
        self.climateZone = climateZone
    }
}

/// Everything the compliance checks read. Energies are annual.
public struct ComplianceInputs: Hashable, Sendable {
    public var ruleSets: Set<RuleSet>
    /// When the data centre starts operation.
    public var commissioning: CalendarMonth
    /// The date the rules are read at (nil = commissioning + 2 years, when EnEfG's PUE for new
    /// data centres applies).
    public var assessedAt: CalendarMonth?
    /// Installed IT power (EED threshold 500 kW).
    public var installedITPower: Power
    public var itEnergy: Energy
    /// Facility energy without the heat pumps' electricity (EnEfG excludes it from PUE).
    public var facilityEnergy: Energy
    public var heatPumpElectricity: Energy
    /// Heat counted as reused (the heat taken out of the data centre for the network).
    public var reusedEnergy: Energy
    /// Mechanical (cooling) energy: pumps, fans, chillers, economisers.
    public var coolingEnergy: Energy?
    public var water: Mass?
    public var renewableEnergy: Energy?
    public var meanWasteHeatTemperature: Temperature?
    /// Power-chain efficiency, IT input / utility input, at 100 % and 50 % IT load.
    public var electricalEfficiencyFullLoad: Ratio?
    public var electricalEfficiencyHalfLoad: Ratio?
    public var ashraeLimits: ASHRAE904Limits
    public var gridEmissionFactor: CarbonIntensity?

    public init(
        ruleSets: Set<RuleSet>, commissioning: CalendarMonth, assessedAt: CalendarMonth? = nil,
        installedITPower: Power, itEnergy: Energy, facilityEnergy: Energy, heatPumpElectricity: Energy = .zero,
        reusedEnergy: Energy, coolingEnergy: Energy? = nil, water: Mass? = nil, renewableEnergy: Energy? = nil,
        meanWasteHeatTemperature: Temperature? = nil, electricalEfficiencyFullLoad: Ratio? = nil,
        electricalEfficiencyHalfLoad: Ratio? = nil, ashraeLimits: ASHRAE904Limits = ASHRAE904Limits(),
        gridEmissionFactor: CarbonIntensity? = nil
    ) {
        self.ruleSets = ruleSets
        self.commissioning = commissioning
        self.assessedAt = assessedAt
        self.installedITPower = installedITPower
        self.itEnergy = itEnergy
        self.facilityEnergy = facilityEnergy
        self.heatPumpElectricity = heatPumpElectricity
        self.reusedEnergy = reusedEnergy
        self.coolingEnergy = coolingEnergy
        self.water = water
        self.renewableEnergy = renewableEnergy
        self.meanWasteHeatTemperature = meanWasteHeatTemperature
        self.electricalEfficiencyFullLoad = electricalEfficiencyFullLoad
        self.electricalEfficiencyHalfLoad = electricalEfficiencyHalfLoad
        self.ashraeLimits = ashraeLimits
        self.gridEmissionFactor = gridEmissionFactor
    }
}

/// The compliance checks of one site: rule results in rule-set order and the EED KPI table.
public struct ComplianceReport: Hashable, Sendable {
    public var metrics: DataCentreMetrics
    public var results: [RuleResult]
    /// Filled when the EU EED rule set is selected (whether or not the site is above 500 kW).
    public var eedKPIs: [KPIRow]

    public init(metrics: DataCentreMetrics, results: [RuleResult], eedKPIs: [KPIRow]) {
        self.metrics = metrics
        self.results = results
        self.eedKPIs = eedKPIs
    }

    /// True when some rule failed (the CLI exits 2).
    public var hasFailures: Bool { results.contains { $0.verdict == .fail } }
}
