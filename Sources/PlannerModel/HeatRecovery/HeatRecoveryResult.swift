/// What the heat-recovery LP established (mirrors the solver's status without importing it).
public enum HeatRecoveryStatus: String, Hashable, Sendable, Codable {
    case optimal, feasible, infeasible, unbounded, undefined
    public var hasSolution: Bool { self == .optimal || self == .feasible }
}

/// Size and timing of the heat-recovery LP solve.
public struct HeatRecoveryLPSummary: Hashable, Sendable {
    public var rows: Int
    public var columns: Int
    public var nonzeros: Int
    /// Wall-clock time in GLPK.
    public var solveTime: Duration
    /// GLPK's return code as a sentence.
    public var message: String
    /// Hours the LP represents (8 760 for the full year, 24 × days otherwise).
    public var modelledHours: Int

    public init(rows: Int, columns: Int, nonzeros: Int, solveTime: Duration, message: String, modelledHours: Int) {
        self.rows = rows
        self.columns = columns
        self.nonzeros = nonzeros
        self.solveTime = solveTime
        self.message = message
        self.modelledHours = modelledHours
    }
}

/// How far a representative-days LP is from the full-year LP: the full year is solved too.
public struct RepresentativeDaysError: Hashable, Sendable {
    public var days: Int
    public var capacityFullYear: Power
    public var capacityReduced: Power
    /// Net benefit of the full-year optimum and of the reduced model's capacity dispatched over
    /// the full year (currency per year).
    public var netBenefitFullYear: Double
    public var netBenefitReducedCapacity: Double
    /// `(reduced − full)/full` of the capacity, and the net-benefit loss `(full − reduced)/|full|`.
    public var capacityRelativeError: Double
    public var netBenefitRelativeLoss: Double

    public init(
        days: Int, capacityFullYear: Power, capacityReduced: Power, netBenefitFullYear: Double,
        netBenefitReducedCapacity: Double
    ) {
        self.days = days
        self.capacityFullYear = capacityFullYear
        self.capacityReduced = capacityReduced
        self.netBenefitFullYear = netBenefitFullYear
        self.netBenefitReducedCapacity = netBenefitReducedCapacity
        self.capacityRelativeError =
            capacityFullYear > .zero ? (capacityReduced - capacityFullYear) / capacityFullYear : 0
        self.netBenefitRelativeLoss =
            netBenefitFullYear != 0 ? (netBenefitFullYear - netBenefitReducedCapacity) / abs(netBenefitFullYear) : 0
    }
}

/// Heat pumps sized and dispatched against a district-heating demand over a weather year
/// (DESIGN.md §5.5). Hourly arrays in W (or °C / plain COP), one per hour of the year.
public struct HeatRecoveryResult: Hashable, Sendable {
    public struct Month: Hashable, Sendable {
        public var month: Int
        public var demand: Energy
        public var delivered: Energy
        public var sourceHeat: Energy
        public var electricity: Energy
        public init(month: Int, demand: Energy, delivered: Energy, sourceHeat: Energy, electricity: Energy) {
            self.month = month
            self.demand = demand
            self.delivered = delivered
            self.sourceHeat = sourceHeat
            self.electricity = electricity
        }
    }

    public var status: HeatRecoveryStatus
    public var heatPumpID: String
    public var sourceKind: HeatSourceKind
    public var networkName: String
    /// Heat-pump heat output capacity chosen by the LP.
    public var capacity: Power
    /// Units of the entry needed for `capacity` (⌈capacity/unit⌉).
    public var units: Int
    /// Storage capacity chosen (zero without storage).
    public var storageCapacity: Energy

    /// Heat delivered to the network each hour.
    public var hourlyDelivered: HourlySeries<Power>
    /// Heat-pump heat output each hour (equals delivered without storage).
    public var hourlyHeatPump: HourlySeries<Power>
    /// Heat taken from the data centre each hour, `output·(1 − 1/COP)`.
    public var hourlySource: HourlySeries<Power>
    /// Heat-pump electricity each hour, `output/COP`.
    public var hourlyElectricity: HourlySeries<Power>
    /// Heat-pump COP each hour (0 when the machine cannot reach the supply temperature).
    public var hourlyCOP: [Double]

    public var wasteHeat: Energy
    public var demand: Energy
    public var delivered: Energy
    public var sourceHeat: Energy
    public var electricity: Energy
    /// Heat the LP's hourly dispatch could not take from the storage losses (zero without storage).
    public var storageLosses: Energy

    public var currency: String
    public var heatRevenue: Double
    public var electricityCost: Double
    public var annualisedCapitalCost: Double
    /// Revenue − electricity − annualised capital (the LP objective).
    public var netBenefit: Double

    public var months: [Month]
    public var lp: HeatRecoveryLPSummary
    public var representativeDaysError: RepresentativeDaysError?
    /// Hours the lift exceeds one compressor stage, and hours the machine cannot reach the supply.
    public var hoursAboveStageLift: Int
    public var hoursSinkTooHot: Int
    public var findings: [Finding]

    public init(
        status: HeatRecoveryStatus, heatPumpID: String, sourceKind: HeatSourceKind, networkName: String,
        capacity: Power, units: Int, storageCapacity: Energy, hourlyDelivered: HourlySeries<Power>,
        hourlyHeatPump: HourlySeries<Power>, hourlySource: HourlySeries<Power>, hourlyElectricity: HourlySeries<Power>,
        hourlyCOP: [Double], wasteHeat: Energy, demand: Energy, delivered: Energy, sourceHeat: Energy,
        electricity: Energy, storageLosses: Energy, currency: String, heatRevenue: Double, electricityCost: Double,
        annualisedCapitalCost: Double, netBenefit: Double, months: [Month], lp: HeatRecoveryLPSummary,
        representativeDaysError: RepresentativeDaysError?, hoursAboveStageLift: Int, hoursSinkTooHot: Int,
        findings: [Finding]
    ) {
        self.status = status
        self.heatPumpID = heatPumpID
        self.sourceKind = sourceKind
        self.networkName = networkName
        self.capacity = capacity
        self.units = units
        self.storageCapacity = storageCapacity
        self.hourlyDelivered = hourlyDelivered
        self.hourlyHeatPump = hourlyHeatPump
        self.hourlySource = hourlySource
        self.hourlyElectricity = hourlyElectricity
        self.hourlyCOP = hourlyCOP
        self.wasteHeat = wasteHeat
        self.demand = demand
        self.delivered = delivered
        self.sourceHeat = sourceHeat
        self.electricity = electricity
        self.storageLosses = storageLosses
        self.currency = currency
        self.heatRevenue = heatRevenue
        self.electricityCost = electricityCost
        self.annualisedCapitalCost = annualisedCapitalCost
        self.netBenefit = netBenefit
        self.months = months
        self.lp = lp
        self.representativeDaysError = representativeDaysError
        self.hoursAboveStageLift = hoursAboveStageLift
        self.hoursSinkTooHot = hoursSinkTooHot
        self.findings = findings
    }

    /// Seasonal COP, heat delivered by the heat pumps over their electricity (0 when idle).
    public var seasonalCOP: Double {
        electricity > .zero ? (delivered + storageLosses) / electricity : 0
    }
    /// Full-load hours of the heat pumps, output energy over capacity.
    public var fullLoadHours: Double {
        capacity > .zero ? hourlyHeatPump.sum / capacity : 0
    }
}

/// The plant's annual figures once the heat pumps take part of the heat (see
/// `PlantCoupling.adjust` in PlannerEngine).
public struct PlantWithHeatRecovery: Hashable, Sendable {
    /// Heat the plant rejects to the outdoors without heat recovery, and with it.
    public var heatRejectedBefore: Energy
    public var heatRejectedAfter: Energy
    /// Heat the heat pumps take from the data centre (their source heat).
    public var heatRecovered: Energy
    /// Heat-rejection plant electricity (economiser fans + chiller compressors) before and after.
    public var plantEnergyBefore: Energy
    public var plantEnergyAfter: Energy
    /// Heat-pump electricity, reported separately (not part of the data centre's PUE).
    public var heatPumpElectricity: Energy
    /// Hours the heat pumps would take more than the plant rejects (clamped).
    public var hoursClamped: Int

    public init(
        heatRejectedBefore: Energy, heatRejectedAfter: Energy, heatRecovered: Energy, plantEnergyBefore: Energy,
        plantEnergyAfter: Energy, heatPumpElectricity: Energy, hoursClamped: Int
    ) {
        self.heatRejectedBefore = heatRejectedBefore
        self.heatRejectedAfter = heatRejectedAfter
        self.heatRecovered = heatRecovered
        self.plantEnergyBefore = plantEnergyBefore
        self.plantEnergyAfter = plantEnergyAfter
        self.heatPumpElectricity = heatPumpElectricity
        self.hoursClamped = hoursClamped
    }

    public var plantEnergySaved: Energy { plantEnergyBefore - plantEnergyAfter }
}
