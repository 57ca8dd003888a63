/// The electrical system a conductor run belongs to.
public enum ConductorSystem: Hashable, Sendable {
    /// Three-phase AC, line-to-line voltage and the load's power factor; three loaded conductors
    /// per circuit (a neutral is not modelled: rack shelves are balanced three-wire loads).
    case threePhase(lineToLine: Voltage, powerFactor: Ratio)
    /// DC, pole-to-pole voltage; two conductors per circuit (go and return).
    case dc(Voltage)

    public var voltage: Voltage {
        switch self {
        case .threePhase(let v, _): v
        case .dc(let v): v
        }
    }

    /// Loaded conductors per circuit: 3 or 2.
    public var conductorsPerCircuit: Int {
        switch self {
        case .threePhase: 3
        case .dc: 2
        }
    }
}

/// One level of distribution to size: `feeders` identical feeders, each carrying `power` over
/// `length` (e.g. 715 rack feeds of 140 kW, 30 m each).
public struct ConductorRun: Hashable, Sendable {
    public var name: String
    /// Real power carried by one feeder [W].
    public var power: Power
    /// Identical feeders at this level (≥ 1).
    public var feeders: Int
    public var system: ConductorSystem
    /// One-way route length [m].
    public var length: Length
    /// Largest acceptable voltage drop as a share of the nominal voltage (default 3 %).
    public var dropLimit: Ratio
    /// Rating factor for grouping and ambient (IEC 60364-5-52 B.52.14-17); 1 = the table's
    /// single circuit in 30 °C air.
    public var derating: Ratio
    /// Largest share of its ampacity a feeder may carry continuously in normal operation (80 %:
    /// NEC's 125 % rule, REFERENCE.md P39-P40); 100 % unless set.
    public var continuousLimit: Ratio
    /// Power one feeder carries after its A/B partner fails [W] (it may then reach 100 % of its
    /// ampacity); nil for a feeder without a partner.
    public var powerAfterFailure: Power?

    public init(
        name: String, power: Power, feeders: Int = 1, system: ConductorSystem, length: Length,
        dropLimit: Ratio = .percent(3), derating: Ratio = .one, continuousLimit: Ratio = .one,
        powerAfterFailure: Power? = nil
    ) {
        self.continuousLimit = continuousLimit
        self.powerAfterFailure = powerAfterFailure
        self.name = name
        self.power = power
        self.feeders = feeders
        self.system = system
        self.length = length
        self.dropLimit = dropLimit
        self.derating = derating
    }
}

/// The sized conductors of one feeder of a run, with totals over its feeders.
public struct ConductorSizing: Hashable, Sendable {
    public enum Criterion: String, Sendable, Codable {
        /// The smallest size carrying the current was within the drop limit.
        case ampacity
        /// The size or the number of parallel circuits was raised to meet the drop limit.
        case voltageDrop = "voltage-drop"
        /// No size up to the search limit met the drop limit; the result is the largest tried.
        case dropLimitNotMet = "drop-limit-not-met"
    }

    public var run: ConductorRun
    /// Current of one feeder [A].
    public var current: Current
    /// Parallel circuits sharing the current.
    public var circuits: Int
    /// Cross-section of each conductor.
    public var size: Area
    /// Ampacity of one conductor at `size`, after derating [A].
    public var ampacity: Current
    /// Resistance of one conductor of one circuit over the run length [Ω].
    public var resistance: Resistance
    /// Voltage drop along the run [V].
    public var voltageDrop: Voltage
    /// I²R loss of one feeder's conductors [W].
    public var loss: Power
    /// Copper of one feeder's conductors [kg].
    public var copper: Mass
    public var criterion: Criterion

    public init(
        run: ConductorRun, current: Current, circuits: Int, size: Area, ampacity: Current, resistance: Resistance,
        voltageDrop: Voltage, loss: Power, copper: Mass, criterion: Criterion
    ) {
        self.run = run
        self.current = current
        self.circuits = circuits
        self.size = size
        self.ampacity = ampacity
        self.resistance = resistance
        self.voltageDrop = voltageDrop
        self.loss = loss
        self.copper = copper
        self.criterion = criterion
    }

    /// I²R loss of all feeders [W].
    public var totalLoss: Power { loss * Double(run.feeders) }
    /// Copper of all feeders [kg].
    public var totalCopper: Mass { copper * Double(run.feeders) }
    /// Current in each circuit [A].
    public var currentPerCircuit: Current { current / Double(circuits) }
    /// `ΔV/V`.
    public var dropShare: Ratio { .fraction(voltageDrop / run.system.voltage) }
    public var withinDropLimit: Bool { dropShare.fraction <= run.dropLimit.fraction + 1e-12 }
}
