/// Power at the three levels the planner distinguishes (DESIGN.md §5.1).
public struct PowerLevels: Hashable, Sendable {
    /// Installed power-supply capacity: the most the IT can draw.
    public var nameplate: Power
    /// Planning peak: what the electrical chain is sized for.
    public var design: Power
    /// Average draw at the workload's utilisation: what energy is computed from.
    public var sustained: Power

    public init(nameplate: Power, design: Power, sustained: Power) {
        self.nameplate = nameplate
        self.design = design
        self.sustained = sustained
    }

    public static let zero = PowerLevels(nameplate: .zero, design: .zero, sustained: .zero)
    public static func + (lhs: PowerLevels, rhs: PowerLevels) -> PowerLevels {
        PowerLevels(
            nameplate: lhs.nameplate + rhs.nameplate, design: lhs.design + rhs.design,
            sustained: lhs.sustained + rhs.sustained)
    }
    public static func * (lhs: PowerLevels, factor: Double) -> PowerLevels {
        PowerLevels(nameplate: lhs.nameplate * factor, design: lhs.design * factor, sustained: lhs.sustained * factor)
    }
}

/// Heat to the liquid loop and to room air. All electrical input to IT becomes heat.
public struct HeatSplit: Hashable, Sendable {
    public var liquid: Power
    public var air: Power

    public init(liquid: Power, air: Power) {
        self.liquid = liquid
        self.air = air
    }

    public static let zero = HeatSplit(liquid: .zero, air: .zero)
    public var total: Power { liquid + air }
    public static func + (lhs: HeatSplit, rhs: HeatSplit) -> HeatSplit {
        HeatSplit(liquid: lhs.liquid + rhs.liquid, air: lhs.air + rhs.air)
    }
    public static func * (lhs: HeatSplit, factor: Double) -> HeatSplit {
        HeatSplit(liquid: lhs.liquid * factor, air: lhs.air * factor)
    }
}

/// Counts, power, heat and weight of a set of racks: one group, one hall, or a whole site.
public struct CapacitySummary: Hashable, Sendable {
    public var gpuCount: Int
    public var rackCount: Int
    /// Racks per role (compute, network, storage).
    public var racksByRole: [SystemRole: Int]
    public var itPower: PowerLevels
    /// Heat split at design power (for sizing the cooling).
    public var heatDesign: HeatSplit
    /// Heat split at sustained power (for energy).
    public var heatSustained: HeatSplit
    /// Floor weight of the racks whose weight is known.
    public var weight: Mass
    /// Racks whose catalogue entry has no weight, so `weight` leaves them out.
    public var racksWithoutWeight: Int

    public init(
        gpuCount: Int, rackCount: Int, racksByRole: [SystemRole: Int], itPower: PowerLevels,
        heatDesign: HeatSplit, heatSustained: HeatSplit, weight: Mass, racksWithoutWeight: Int
    ) {
        self.gpuCount = gpuCount
        self.rackCount = rackCount
        self.racksByRole = racksByRole
        self.itPower = itPower
        self.heatDesign = heatDesign
        self.heatSustained = heatSustained
        self.weight = weight
        self.racksWithoutWeight = racksWithoutWeight
    }

    public static let zero = CapacitySummary(
        gpuCount: 0, rackCount: 0, racksByRole: [:], itPower: .zero, heatDesign: .zero, heatSustained: .zero,
        weight: .zero, racksWithoutWeight: 0)

    public static func + (lhs: CapacitySummary, rhs: CapacitySummary) -> CapacitySummary {
        CapacitySummary(
            gpuCount: lhs.gpuCount + rhs.gpuCount, rackCount: lhs.rackCount + rhs.rackCount,
            racksByRole: lhs.racksByRole.merging(rhs.racksByRole, uniquingKeysWith: +),
            itPower: lhs.itPower + rhs.itPower, heatDesign: lhs.heatDesign + rhs.heatDesign,
            heatSustained: lhs.heatSustained + rhs.heatSustained, weight: lhs.weight + rhs.weight,
            racksWithoutWeight: lhs.racksWithoutWeight + rhs.racksWithoutWeight)
    }

    /// `copies` identical sets.
    public func times(_ copies: Int) -> CapacitySummary {
        let k = Double(copies)
        return CapacitySummary(
            gpuCount: gpuCount * copies, rackCount: rackCount * copies,
            racksByRole: racksByRole.mapValues { $0 * copies }, itPower: itPower * k,
            heatDesign: heatDesign * k, heatSustained: heatSustained * k, weight: weight * k,
            racksWithoutWeight: racksWithoutWeight * copies)
    }

    public func racks(_ role: SystemRole) -> Int { racksByRole[role, default: 0] }
}

/// One rack group's result in one copy of its hall.
public struct RackGroupResult: Hashable, Sendable {
    public var system: SystemEntry
    /// Racks in one copy of the hall.
    public var count: Int
    /// Utilisation used for the sustained level.
    public var utilisation: Ratio
    /// Power of one rack at the three levels.
    public var perRack: PowerLevels
    /// The group in one copy of the hall.
    public var summary: CapacitySummary

    public init(system: SystemEntry, count: Int, utilisation: Ratio, perRack: PowerLevels, summary: CapacitySummary) {
        self.system = system
        self.count = count
        self.utilisation = utilisation
        self.perRack = perRack
        self.summary = summary
    }
}

/// One hall's result, keyed by the hall's spec ID.
public struct HallResult: Hashable, Sendable, Identifiable {
    public var id: String
    public var copies: Int
    public var groups: [RackGroupResult]
    /// One copy of the hall.
    public var perCopy: CapacitySummary
    /// All copies together.
    public var total: CapacitySummary

    public init(id: String, copies: Int, groups: [RackGroupResult], perCopy: CapacitySummary) {
        self.id = id
        self.copies = copies
        self.groups = groups
        self.perCopy = perCopy
        self.total = perCopy.times(copies)
    }
}

/// Everything the planner computed for one site, keyed by the input IDs.
public struct Plan: Hashable, Sendable {
    public var site: Site
    public var halls: [HallResult]
    /// The whole site (all halls, all copies).
    public var total: CapacitySummary
    /// Capacity and consistency findings of the analysis (spec findings stay with the loader).
    public var findings: [Finding]
    /// The utilisation → power curve used for sustained power.
    public var curve: UtilisationCurve
    /// The power chain from the grid to the racks; nil when the plan stops at rack power.
    /// The weather station of the year the plant was simulated over; nil without a weather file.
    public var weather: WeatherStationSummary? = nil
    public var electrical: SiteElectricalResult?
    /// Cooling units and the plant over the weather year; nil without a weather file.
    public var cooling: SiteCooling?
    /// Heat recovery into district heating; nil when the site does not ask for it or has no
    /// weather year.
    public var heatRecovery: HeatRecoveryPlan?
    /// PUE, ERF, ERE, CUE over the year, when the site asks for heat recovery or compliance.
    public var metrics: DataCentreMetrics?
    /// The rule sets of `compliance:` checked against the plan; nil when none are listed.
    public var compliance: ComplianceReport?
    /// Cooling-unit placement of each hall (one copy), in hall order; empty when not asked for.
    public var placements: [HallPlacement] = []
    /// Capital, operating and lifetime cost with the bill of quantities (DESIGN.md §5.16); nil when
    /// the site has no `cost` choices or no power chain.
    public var cost: SiteCost? = nil
    /// The built-in option comparison ranked by lifetime cost, cheapest first (DESIGN.md §5.16);
    /// empty unless the run asks for it (`dcplan plan` does, sweeps do not).
    public var options: [DesignOption] = []
    /// The plan of each phase of `site.phases` (DESIGN.md §5.19), in date order; empty unless the
    /// site is phased and the run asks for it (`dcplan plan` does, sweeps do not).
    public var phases: [PhasePlan] = []
    /// P10 / P50 / P90 of the headline figures over sampled inputs (DESIGN.md §5.20); nil unless
    /// the run draws samples (`uncertainty.samples`, `dcplan plan --samples`).
    public var uncertainty: UncertaintySummary? = nil

    public init(
        site: Site, halls: [HallResult], findings: [Finding], curve: UtilisationCurve,
        electrical: SiteElectricalResult? = nil, cooling: SiteCooling? = nil, heatRecovery: HeatRecoveryPlan? = nil,
        metrics: DataCentreMetrics? = nil, compliance: ComplianceReport? = nil
    ) {
        self.heatRecovery = heatRecovery
        self.metrics = metrics
        self.compliance = compliance
        self.cooling = cooling
        self.site = site
        self.halls = halls
        self.total = halls.reduce(.zero) { $0 + $1.total }
        self.findings = findings
        self.curve = curve
        self.electrical = electrical
    }
}
