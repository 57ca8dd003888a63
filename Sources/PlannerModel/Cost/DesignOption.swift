/// One design of the built-in option comparison (DESIGN.md §5.16): the site planned again with
/// another distribution, liquid-loop supply or heat-recovery choice, and what it costs.
public struct DesignOption: Hashable, Sendable {
    /// E.g. "dc-800v, 36 °C, heat recovery"; "as specified" for the chosen design.
    public var label: String
    /// The spec's own design (every hall as specified).
    public var chosen: Bool
    public var distribution: String
    public var tcsSupply: Temperature
    /// nil when the site has no heat-recovery network (no choice to make).
    public var heatRecovery: Bool?
    public var capital: Money
    /// The year's facility energy; nil without a weather year.
    public var facilityEnergy: Energy?
    public var pue: Double?
    /// Make-up water over the year [m³ at 1 000 kg/m³].
    public var water: Volume?
    public var lifetime: Money
    /// The plan of this option has an error finding (e.g. the plant cannot hold its set point):
    /// it is shown but not ranked as the cheapest.
    public var failed: Bool

    public init(
        label: String, chosen: Bool, distribution: String, tcsSupply: Temperature, heatRecovery: Bool?,
        capital: Money, facilityEnergy: Energy?, pue: Double?, water: Volume?, lifetime: Money, failed: Bool
    ) {
        self.label = label
        self.chosen = chosen
        self.distribution = distribution
        self.tcsSupply = tcsSupply
        self.heatRecovery = heatRecovery
        self.capital = capital
        self.facilityEnergy = facilityEnergy
        self.pue = pue
        self.water = water
        self.lifetime = lifetime
        self.failed = failed
    }
}
