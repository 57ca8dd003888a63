/// Rate of change of power [W/s], e.g. a load's ramp or the ramp a grid operator permits.
public struct PowerRamp: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "W/s"

    public static func megawattsPerSecond(_ value: Double) -> PowerRamp { PowerRamp(si: value * 1e6) }
    public static func megawattsPerMinute(_ value: Double) -> PowerRamp { PowerRamp(si: value * 1e6 / 60) }
    public var megawattsPerSecond: Double { si / 1e6 }
    public var megawattsPerMinute: Double { si * 60 / 1e6 }

    /// The mean ramp of a step `ΔP` over its rise time `t_r`: `r = ΔP/t_r` [W/s].
    public static func mean(step: Power, over riseTime: Duration) -> PowerRamp {
        PowerRamp(si: step.si / riseTime.seconds)
    }
}

/// Volume [m³], e.g. a fuel tank.
public struct Volume: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "m³"

    public static func cubicMetres(_ value: Double) -> Volume { Volume(si: value) }
    public static func litres(_ value: Double) -> Volume { Volume(si: value / 1e3) }
    public var cubicMetres: Double { si }
    public var litres: Double { si * 1e3 }
}

/// Volume of fuel burnt per unit of electrical energy generated [m³/J] (specific fuel consumption).
public struct FuelConsumption: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "m³/J"

    public static func litresPerKilowattHour(_ value: Double) -> FuelConsumption {
        FuelConsumption(si: value / 1e3 / 3.6e6)
    }
    public var litresPerKilowattHour: Double { si * 1e3 * 3.6e6 }

    /// Fuel for an energy generated: `V = c·E` [m³].
    @inlinable
    public static func * (consumption: FuelConsumption, energy: Energy) -> Volume {
        Volume(si: consumption.si * energy.si)
    }
}

/// A regional rule table for the interconnect (`site.grid.rules`): the supply voltage by peak
/// demand, the levels a customer can be connected at, and the load ramp the operator permits.
public struct GridRuleTable: Hashable, Sendable, Identifiable {
    /// The spec's name of the table, e.g. `kepco`, `us-dominion`, `eu-de`.
    public var id: String
    /// E.g. "KEPCO (Korea)".
    public var name: String
    /// Demand bound → supply voltage, ascending, the last open-ended.
    public var rules: [InterconnectRule]
    /// The supply voltages of the region a large customer can be connected at, ascending.
    public var levels: [Voltage]
    public var levelsSource: Provenance
    /// The load ramp the operator permits at the point of connection.
    public var rampLimit: PowerRamp
    public var rampLimitSource: Provenance

    public init(
        id: String, name: String, rules: [InterconnectRule], levels: [Voltage], levelsSource: Provenance,
        rampLimit: PowerRamp, rampLimitSource: Provenance
    ) {
        self.id = id
        self.name = name
        self.rules = rules
        self.levels = levels
        self.levelsSource = levelsSource
        self.rampLimit = rampLimit
        self.rampLimitSource = rampLimitSource
    }

    /// The largest demand the table supplies at `voltage` or below: the bound of the last row at a
    /// voltage ≤ `voltage`, with that row; nil bound when that row is open-ended; nil when no row is
    /// at or below `voltage`.
    public func reach(at voltage: Voltage) -> InterconnectRule? {
        rules.last { $0.voltage <= voltage * (1 + 1e-9) }
    }

    /// Whether `voltage` is one of the region's levels (within 0.5 %, so 22.9 and 23 kV differ).
    public func offers(_ voltage: Voltage) -> Bool {
        levels.contains { abs($0.si - voltage.si) <= 0.005 * $0.si }
    }
}

/// The interconnection-study choices (`site.grid.study`).
public struct InterconnectionStudyChoices: Hashable, Sendable {
    /// IT design power of the largest job that starts or stops at once; nil: the largest hall's.
    public var largestJob: Power?
    /// Time the job's power takes to rise from idle to full (0.25 s default, REFERENCE.md P260).
    public var riseTime: Duration
    /// Ramp the operator permits at the connection; nil: the rule table's.
    public var rampLimit: PowerRamp?
    /// Lowest frequency of the synchronous-training oscillation (0.2 Hz, REFERENCE.md P72).
    public var oscillationFrequencyHz: Double

    public static let defaultRiseTime = Duration.milliseconds(250)
    public static let defaultOscillationFrequencyHz = 0.2

    public init(
        largestJob: Power? = nil, riseTime: Duration = defaultRiseTime, rampLimit: PowerRamp? = nil,
        oscillationFrequencyHz: Double = defaultOscillationFrequencyHz
    ) {
        self.largestJob = largestJob
        self.riseTime = riseTime
        self.rampLimit = rampLimit
        self.oscillationFrequencyHz = oscillationFrequencyHz
    }
}

/// The backup-power choices (`site.backup`).
public struct BackupPowerChoices: Hashable, Sendable {
    /// UPS battery autonomy at the IT design load (5 min default, REFERENCE.md P67, P68).
    public var upsAutonomy: Duration
    /// Whether the site has standby generators (`generators: none` turns them off).
    public var generators: Bool
    public var generatorRedundancy: Redundancy
    /// Real-power rating of one generator set (2 500 kW default, REFERENCE.md P62, P262).
    public var generatorRating: Power
    /// Hours the stored fuel runs the critical load (12 h default, REFERENCE.md P57).
    public var fuelAutonomy: Duration
    /// Diesel burnt per kWh generated (0.27 L/kWh default, REFERENCE.md P64, P65).
    public var fuelConsumption: FuelConsumption

    public static let defaultUPSAutonomy = Duration.seconds(5 * 60)
    public static let defaultGeneratorRating = Power.kilowatts(2500)
    public static let defaultFuelAutonomy = Duration.seconds(12 * 3600)
    public static let defaultFuelConsumption = FuelConsumption.litresPerKilowattHour(0.27)

    public init(
        upsAutonomy: Duration = defaultUPSAutonomy, generators: Bool = true,
        generatorRedundancy: Redundancy = .nPlus(1),
        generatorRating: Power = defaultGeneratorRating, fuelAutonomy: Duration = defaultFuelAutonomy,
        fuelConsumption: FuelConsumption = defaultFuelConsumption
    ) {
        self.upsAutonomy = upsAutonomy
        self.generators = generators
        self.generatorRedundancy = generatorRedundancy
        self.generatorRating = generatorRating
        self.fuelAutonomy = fuelAutonomy
        self.fuelConsumption = fuelConsumption
    }
}

/// Storage that holds the site's ramp at the connection within the permitted limit.
public struct RampStorage: Hashable, Sendable {
    /// Discharge (and charge) power: the job step plus the oscillation band [W].
    public var power: Power
    /// Energy one job start draws: the ramp area `½·P²/r` plus one half-cycle of the band [J].
    public var energyPerEvent: Energy
    /// Usable capacity: held at mid charge so that a start can draw and a stop return one event [J].
    public var energy: Energy
    /// `power / energy` [1/h].
    public var cRate: Double

    public init(power: Power, energyPerEvent: Energy, energy: Energy, cRate: Double) {
        self.power = power
        self.energyPerEvent = energyPerEvent
        self.energy = energy
        self.cRate = cRate
    }
}

/// What the utility's interconnection study asks of the site (DESIGN.md §5.10).
public struct InterconnectionStudy: Hashable, Sendable {
    /// Largest job start/stop step [W].
    public var loadStep: Power
    public var loadStepSource: String
    public var riseTime: Duration
    /// `loadStep / riseTime` [W/s].
    public var ramp: PowerRamp
    /// Peak-to-steady oscillation of synchronous training, `(f − 1)·P_job` [W].
    public var oscillationBand: Power
    public var oscillationFrequencyHz: Double
    public var rampLimit: PowerRamp
    public var rampLimitSource: Provenance
    /// nil when the ramp is within the limit.
    public var storage: RampStorage?

    public init(
        loadStep: Power, loadStepSource: String, riseTime: Duration, ramp: PowerRamp, oscillationBand: Power,
        oscillationFrequencyHz: Double, rampLimit: PowerRamp, rampLimitSource: Provenance, storage: RampStorage?
    ) {
        self.loadStep = loadStep
        self.loadStepSource = loadStepSource
        self.riseTime = riseTime
        self.ramp = ramp
        self.oscillationBand = oscillationBand
        self.oscillationFrequencyHz = oscillationFrequencyHz
        self.rampLimit = rampLimit
        self.rampLimitSource = rampLimitSource
        self.storage = storage
    }

    public var withinLimit: Bool { ramp <= rampLimit }
}

/// Standby generators for the critical load.
public struct GeneratorPlant: Hashable, Sendable {
    public var sizing: RedundancySizing
    public var fuelAutonomy: Duration
    /// Fuel burnt by the critical load over the autonomy [m³].
    public var fuel: Volume

    public init(sizing: RedundancySizing, fuelAutonomy: Duration, fuel: Volume) {
        self.sizing = sizing
        self.fuelAutonomy = fuelAutonomy
        self.fuel = fuel
    }
}

/// UPS batteries and generators (DESIGN.md §5.10).
public struct BackupPower: Hashable, Sendable {
    /// What the UPS carries: the IT design load [W].
    public var upsLoad: Power
    public var upsAutonomy: Duration
    /// `upsLoad·upsAutonomy` [J].
    public var upsEnergy: Energy
    /// IT + hall chain losses + the cooling at the design condition, at MV [W].
    public var criticalLoad: Power
    /// nil: the site has no generators (`generators: none`).
    public var generators: GeneratorPlant?

    public init(
        upsLoad: Power, upsAutonomy: Duration, upsEnergy: Energy, criticalLoad: Power, generators: GeneratorPlant?
    ) {
        self.upsLoad = upsLoad
        self.upsAutonomy = upsAutonomy
        self.upsEnergy = upsEnergy
        self.criticalLoad = criticalLoad
        self.generators = generators
    }
}
