/// CDUs of one liquid loop: unit counts under redundancy, the coolant flow, the facility-water
/// supply temperature and the pump power at the design load.
public struct CDUSizing: Hashable, Sendable {
    public var entryID: String
    public var units: RedundancySizing
    /// TCS coolant flow for the load at the TCS rise [m³/s].
    public var coolantFlow: VolumetricFlow
    public var tcsSupply: Temperature
    /// TCS supply − CDU approach.
    public var facilityWaterSupply: Temperature
    /// All pumps sharing the load, each at its flow ratio by the affinity law [W].
    public var pumpPower: Power

    public init(
        entryID: String, units: RedundancySizing, coolantFlow: VolumetricFlow, tcsSupply: Temperature,
        facilityWaterSupply: Temperature, pumpPower: Power
    ) {
        self.entryID = entryID
        self.units = units
        self.coolantFlow = coolantFlow
        self.tcsSupply = tcsSupply
        self.facilityWaterSupply = facilityWaterSupply
        self.pumpPower = pumpPower
    }
}

/// Fan walls or CRAHs of one hall: counts, airflow and fan power at the design load.
public struct AirSideSizing: Hashable, Sendable {
    public var entryID: String
    public var units: RedundancySizing
    /// Airflow for the load at the unit's design air rise [m³/s].
    public var airflow: VolumetricFlow
    /// All fans sharing the load, each at its flow ratio by the affinity law [W].
    public var fanPower: Power

    public init(entryID: String, units: RedundancySizing, airflow: VolumetricFlow, fanPower: Power) {
        self.entryID = entryID
        self.units = units
        self.airflow = airflow
        self.fanPower = fanPower
    }
}

/// Water a cooling tower consumes for a heat duty [kg/s].
public struct TowerWater: Hashable, Sendable {
    /// `Q/h_fg`.
    public var evaporation: MassFlow
    /// `evaporation/(cycles − 1)`.
    public var blowdown: MassFlow
    /// `evaporation + blowdown`.
    public var makeup: MassFlow

    public init(evaporation: MassFlow, blowdown: MassFlow, makeup: MassFlow) {
        self.evaporation = evaporation
        self.blowdown = blowdown
        self.makeup = makeup
    }
}

/// How the heat-rejection plant meets the facility-water set point in one hour.
public enum PlantMode: String, Sendable, Codable, CaseIterable {
    /// The dry cooler or tower alone carries the heat; no compressor (with no chillers installed
    /// this is also the hour the water drifts above its set point).
    case free
    /// The economiser pre-cools the return water and the chiller trims it to the set point.
    case partial
    /// The economiser cannot cool the return water at all; the chiller carries the whole load.
    case chiller
}

/// The installed heat-rejection plant the hourly kernel runs: an economiser bank (dry coolers or
/// towers) in series with chillers. Totals are over the installed units.
public struct PlantConfiguration: Hashable, Sendable {
    public var economiserKind: HeatRejectionKind
    /// The unit's approach at its rated duty and full fan speed [K]; the bank's approach follows
    /// its duty and fan speed (`Thermal.economiserApproach`).
    public var economiserApproach: TemperatureDifference
    /// Lowest fan speed of the economisers (fraction of full speed).
    public var economiserMinimumFanSpeed: Ratio = .percent(25)
    /// Saturation effectiveness of adiabatic pads (0 without).
    public var economiserPadEffectiveness: Ratio = .fraction(0)
    /// The air's rise through the economiser coils at rated duty.
    public var economiserAirRise: TemperatureDifference = .kelvins(10)
    /// Heat the economiser bank rejects at design [W] (installed units × unit capacity).
    public var economiserCapacity: Power
    /// Fan power of the whole economiser bank at full speed [W].
    public var economiserDesignFanPower: Power
    /// Tower cycles of concentration (ignored for dry coolers).
    public var cyclesOfConcentration: Double
    public var chillerCarnotEfficiency: Ratio
    public var chillerEvaporatorOffset: TemperatureDifference
    public var chillerCondenser: ChillerCondenser
    public var chillerMaximumCOP: Double
    /// Firm chiller capacity: the units in service with the redundancy spares out [W]
    /// (`.watts(.infinity)` for a plant whose chillers are sized to the duty, 0 for none).
    public var chillerCapacity: Power
    /// Water return − supply of the loop [K].
    public var facilityWaterRise: TemperatureDifference

    public init(
        economiserKind: HeatRejectionKind, economiserApproach: TemperatureDifference, economiserCapacity: Power,
        economiserDesignFanPower: Power, cyclesOfConcentration: Double, chillerCarnotEfficiency: Ratio,
        chillerEvaporatorOffset: TemperatureDifference, chillerCondenser: ChillerCondenser, chillerMaximumCOP: Double,
        chillerCapacity: Power, facilityWaterRise: TemperatureDifference
    ) {
        self.chillerCapacity = chillerCapacity
        self.economiserKind = economiserKind
        self.economiserApproach = economiserApproach
        self.economiserCapacity = economiserCapacity
        self.economiserDesignFanPower = economiserDesignFanPower
        self.cyclesOfConcentration = cyclesOfConcentration
        self.chillerCarnotEfficiency = chillerCarnotEfficiency
        self.chillerEvaporatorOffset = chillerEvaporatorOffset
        self.chillerCondenser = chillerCondenser
        self.chillerMaximumCOP = chillerMaximumCOP
        self.facilityWaterRise = facilityWaterRise
    }

    /// A bank of `units` economiser units of one entry in series with chillers of another whose
    /// firm capacity is `chillerCapacity` (unlimited unless given).
    /// A cooling-tower entry must give more than one cycle of concentration.
    public init(
        economiser: HeatRejectionEntry, units: Int, chiller: ChillerEntry, facilityWaterRise: TemperatureDifference,
        chillerCapacity: Power = .watts(.infinity)
    ) {
        precondition(
            economiser.kind != .coolingTower || (economiser.cyclesOfConcentration ?? 0) > 1,
            "cooling tower \(economiser.id) needs more than one cycle of concentration")
        self.init(
            economiserKind: economiser.kind, economiserApproach: economiser.approach,
            economiserCapacity: economiser.capacity * Double(units),
            economiserDesignFanPower: economiser.designFanPower * Double(units),
            cyclesOfConcentration: economiser.cyclesOfConcentration ?? 0,
            chillerCarnotEfficiency: chiller.carnotEfficiency, chillerEvaporatorOffset: chiller.evaporatorOffset,
            chillerCondenser: chiller.condenser, chillerMaximumCOP: chiller.maximumCOP,
            chillerCapacity: chillerCapacity,
            facilityWaterRise: facilityWaterRise)
        economiserMinimumFanSpeed = economiser.minimumFanSpeed
        economiserPadEffectiveness = economiser.padEffectiveness ?? .fraction(0)
        economiserAirRise = economiser.ratedAirRise
    }
}

/// One hour of the heat-rejection plant. All powers in W, water in kg/s (averaged over the hour).
///
/// Energy balance: `heatRejected = economiserHeat + chillerHeat + compressorPower + fanPower
/// = heatLoad + compressorPower + fanPower` (the fans' electricity ends up in the outdoor air).
/// The hour is a steady state: when the chillers are short, the water settles above its set point
/// (`supplyExcess` > 0) where the economiser takes the rest, so all the heat is still rejected.
public struct PlantHour: Hashable, Sendable {
    public var mode: PlantMode
    /// The supply temperature the loop reaches this hour.
    public var supplyTemperature: Temperature
    /// How far the supply is above its set point (0 when the plant holds it).
    public var supplyExcess: TemperatureDifference
    public var heatLoad: Power
    /// Heat the economiser takes out of the facility water.
    public var economiserHeat: Power
    /// Heat the chiller evaporator takes out of the facility water.
    public var chillerHeat: Power
    /// Chiller COP this hour (0 when the chiller is off).
    public var chillerCOP: Double
    /// Compressor electricity (air-cooled condenser fans included via η).
    public var compressorPower: Power
    /// Economiser (dry cooler or tower) fan electricity.
    public var fanPower: Power
    /// Heat the economiser bank rejects to the outdoors: what it takes out of the loop, plus the
    /// condenser heat `Q_c + W` of water-cooled chillers (DESIGN.md §5.12).
    public var rejectionDuty: Power = .zero
    /// Speed of the economiser fans (fraction of full speed; 0 when they are off).
    public var fanSpeed: Ratio = .fraction(0)
    /// Water leaving the economisers at this hour's duty and fan speed.
    public var economiserLeaving: Temperature = .celsius(0)
    /// Whether an adiabatic cooler's pads are wet this hour.
    public var padsWet = false
    /// Heat released to the outdoors.
    public var heatRejected: Power
    /// Tower evaporation (zero for dry coolers).
    public var evaporation: MassFlow
    /// Tower make-up water, evaporation + blow-down (zero for dry coolers).
    public var makeup: MassFlow

    public init(
        mode: PlantMode, supplyTemperature: Temperature, supplyExcess: TemperatureDifference, heatLoad: Power,
        economiserHeat: Power, chillerHeat: Power, chillerCOP: Double,
        compressorPower: Power, fanPower: Power, heatRejected: Power, evaporation: MassFlow, makeup: MassFlow
    ) {
        self.mode = mode
        self.supplyTemperature = supplyTemperature
        self.supplyExcess = supplyExcess
        self.heatLoad = heatLoad
        self.economiserHeat = economiserHeat
        self.chillerHeat = chillerHeat
        self.chillerCOP = chillerCOP
        self.compressorPower = compressorPower
        self.fanPower = fanPower
        self.heatRejected = heatRejected
        self.evaporation = evaporation
        self.makeup = makeup
    }

    /// Cooling electricity of the heat-rejection plant this hour: compressor + fans.
    public var electricity: Power { compressorPower + fanPower }
    /// Whether the loop's supply stays at its set point (to 1 mK).
    public var holdsSetPoint: Bool { supplyExcess.kelvins <= 1e-3 }
}
