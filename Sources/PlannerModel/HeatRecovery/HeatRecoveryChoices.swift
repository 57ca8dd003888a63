/// What a site spec asks of heat recovery (`heat_recovery:` in `Sites/README.md`): the network it
/// sells heat to, the loop the heat pumps draw from, the heat-pump entry, the economics and an
/// optional ERF target.
public struct HeatRecoveryChoices: Hashable, Sendable {
    /// The district-heating network presets (REFERENCE.md §4.2-4.3).
    public enum NetworkKind: String, Hashable, Sendable, CaseIterable {
        /// 115 °C supply, 55 °C return (KDHC / Seoul Energy): a high lift.
        case koreanHighTemperature = "korean-high-temperature"
        /// 70 → 55 °C reset supply, 30 °C return: a low lift.
        case fourthGeneration = "fourth-generation"

        /// The preset with `peakDemand`.
        public func network(peakDemand: Power) -> DistrictHeatingNetwork {
            switch self {
            case .koreanHighTemperature: .koreanHighTemperature(peakDemand: peakDemand)
            case .fourthGeneration: .fourthGeneration(peakDemand: peakDemand)
            }
        }

        /// The heat pump a network needs by default: a high-temperature machine for 115 °C, a
        /// district-heating one (≤ 95 °C condensing) for the 4th-generation network.
        public var defaultHeatPumpID: String {
            switch self {
            case .koreanHighTemperature: "hp-high-temp-10mw"
            case .fourthGeneration: "hp-district-10mw"
            }
        }

        /// The other preset, for the report's comparison.
        public var other: NetworkKind { self == .koreanHighTemperature ? .fourthGeneration : .koreanHighTemperature }
    }

    /// The loop the heat pumps draw from, as spelt in the spec.
    public enum Source: String, Hashable, Sendable, CaseIterable {
        case facilityWaterReturn = "facility-water-return"
        case tcsReturn = "tcs-return"

        public var kind: HeatSourceKind {
            switch self {
            case .facilityWaterReturn: .facilityWaterReturn
            case .tcsReturn: .tcsReturn
            }
        }

        /// The loop's return at its set point: TCS supply + TCS rise, or facility water (TCS supply
        /// − CDU approach) + facility-water rise.
        public func returnTemperature(_ cooling: CoolingChoices) -> Temperature {
            switch self {
            case .tcsReturn: HeatSourceKind.returnTemperature(supply: cooling.tcsSupply, rise: cooling.tcsRise)
            case .facilityWaterReturn:
                HeatSourceKind.returnTemperature(
                    supply: cooling.tcsSupply - cooling.cdu.approach, rise: cooling.facilityWaterRise)
            }
        }
    }

    public var networkKind: NetworkKind
    /// Heat the network can take at the heating design condition.
    public var peakDemand: Power
    public var source: Source
    public var heatPump: HeatPumpEntry
    public var economics: HeatRecoveryEconomics
    /// ERF the site must reach (an LP constraint); nil for none.
    public var minimumERF: Ratio?
    /// Hot-water storage (only with representative days, or with a warning).
    public var storage: HeatStorageOptions?
    public var representativeDays: Int?
    /// Overrides of the preset's supply (then fixed all year) and return temperatures.
    public var supplyOverride: Temperature?
    public var returnOverride: Temperature?
    /// Upper limit on the heat-pump capacity.
    public var maximumCapacity: Power?

    public init(
        networkKind: NetworkKind, peakDemand: Power, source: Source = .facilityWaterReturn, heatPump: HeatPumpEntry,
        economics: HeatRecoveryEconomics = HeatRecoveryEconomics(), minimumERF: Ratio? = nil,
        storage: HeatStorageOptions? = nil, representativeDays: Int? = nil, supplyOverride: Temperature? = nil,
        returnOverride: Temperature? = nil, maximumCapacity: Power? = nil
    ) {
        self.networkKind = networkKind
        self.peakDemand = peakDemand
        self.source = source
        self.heatPump = heatPump
        self.economics = economics
        self.minimumERF = minimumERF
        self.storage = storage
        self.representativeDays = representativeDays
        self.supplyOverride = supplyOverride
        self.returnOverride = returnOverride
        self.maximumCapacity = maximumCapacity
    }

    /// The network preset with the spec's overrides applied.
    public var network: DistrictHeatingNetwork {
        var n = networkKind.network(peakDemand: peakDemand)
        if let s = supplyOverride {
            n.supply = .fixed(s)
            n.name += ", supply \(NumberText.compact(s.celsius)) °C set in the spec"
        }
        if let r = returnOverride {
            n.returnTemperature = r
            n.name += ", return \(NumberText.compact(r.celsius)) °C set in the spec"
        }
        return n
    }
}

extension NetworkSupplyTemperature {
    /// The coldest supply of the year (the mild-weather end of a reset curve).
    public var lowest: Temperature {
        switch self {
        case .fixed(let t): t
        case .outdoorReset(let atDesign, let atMild, _): min(atDesign, atMild)
        }
    }
    /// The warmest supply of the year.
    public var highest: Temperature {
        switch self {
        case .fixed(let t): t
        case .outdoorReset(let atDesign, let atMild, _): max(atDesign, atMild)
        }
    }
}

/// Which rule sets a site is checked against (`compliance:`) and the grid factor for CUE.
public struct ComplianceChoices: Hashable, Sendable {
    /// In the spec's order.
    public var ruleSets: [RuleSet]
    public var gridEmissionFactor: CarbonIntensity
    public var gridEmissionProvenance: Provenance
    /// When true a FAIL is an error (the plan exits 2); otherwise a warning.
    public var enforce: Bool
    public var ashraeLimits: ASHRAE904Limits

    public init(
        ruleSets: [RuleSet], gridEmissionFactor: CarbonIntensity = .koreanGrid,
        gridEmissionProvenance: Provenance = CarbonIntensity.koreanGridProvenance, enforce: Bool = false,
        ashraeLimits: ASHRAE904Limits = ASHRAE904Limits()
    ) {
        self.ruleSets = ruleSets
        self.gridEmissionFactor = gridEmissionFactor
        self.gridEmissionProvenance = gridEmissionProvenance
        self.enforce = enforce
        self.ashraeLimits = ashraeLimits
    }

    /// The spec spelling of each rule set.
    public static let specNames: [(String, RuleSet)] = [
        ("enefg", .enefg), ("eu-eed", .euEED), ("ashrae-90.4", .ashrae904),
    ]
}

/// Heat recovery as planned for a site: the LP result, the plant with and without it, and the
/// site metrics it changes.
public struct HeatRecoveryPlan: Hashable, Sendable {
    public var choices: HeatRecoveryChoices
    public var network: DistrictHeatingNetwork
    /// The waste heat offered (hourly, from the plant simulation) and the network's demand.
    public var source: WasteHeat
    public var demand: HeatDemand
    public var result: HeatRecoveryResult
    /// Nil when the LP has no solution (nothing is coupled).
    public var plant: PlantWithHeatRecovery?
    /// Data-centre energy (facility, heat-pump electricity excluded) after coupling.
    public var dataCentreEnergy: Energy
    public var erf: Ratio
    public var ere: Double
    public var pue: Double
    /// The most ERF this waste heat and demand allow with unlimited heat pumps (every hour's
    /// heat up to the network's demand).
    public var maximumERF: Ratio
    /// The same waste heat into the other network preset, dispatched in closed form with its
    /// best capacity (no storage, no ERF target), for the report's comparison.
    public var alternative: Alternative?

    public struct Alternative: Hashable, Sendable {
        public var networkName: String
        public var heatPumpID: String
        public var capacity: Power
        public var delivered: Energy
        public var electricity: Energy
        public var sourceHeat: Energy
        public var netBenefit: Double
        public var erf: Ratio
        public init(
            networkName: String, heatPumpID: String, capacity: Power, delivered: Energy, electricity: Energy,
            sourceHeat: Energy, netBenefit: Double, erf: Ratio
        ) {
            self.networkName = networkName
            self.heatPumpID = heatPumpID
            self.capacity = capacity
            self.delivered = delivered
            self.electricity = electricity
            self.sourceHeat = sourceHeat
            self.netBenefit = netBenefit
            self.erf = erf
        }
        public var seasonalCOP: Double { electricity > .zero ? delivered / electricity : 0 }
    }

    public init(
        choices: HeatRecoveryChoices, network: DistrictHeatingNetwork, source: WasteHeat, demand: HeatDemand,
        result: HeatRecoveryResult, plant: PlantWithHeatRecovery?, dataCentreEnergy: Energy, erf: Ratio, ere: Double,
        pue: Double, maximumERF: Ratio, alternative: Alternative?
    ) {
        self.choices = choices
        self.network = network
        self.source = source
        self.demand = demand
        self.result = result
        self.plant = plant
        self.dataCentreEnergy = dataCentreEnergy
        self.erf = erf
        self.ere = ere
        self.pue = pue
        self.maximumERF = maximumERF
        self.alternative = alternative
    }

    /// Whether the ERF target (if any) could not be met.
    public var isInfeasible: Bool { !result.status.hasSolution }
    /// Mean waste-heat temperature over the year (0 °C when there are no hours).
    public var meanSourceTemperature: Temperature {
        source.hourlyTemperature.mean ?? .celsius(0)
    }
}
