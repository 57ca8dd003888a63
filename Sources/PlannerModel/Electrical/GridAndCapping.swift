/// One row of an interconnect rule table: demand up to a bound → supply voltage.
public struct InterconnectRule: Hashable, Sendable {
    /// Upper bound of peak demand for this rule; nil for the last, open-ended row.
    public var upTo: Power?
    /// Whether demand equal to `upTo` still falls in this row (≤) or not (<).
    public var inclusive: Bool
    public var voltage: Voltage
    /// E.g. "dedicated 22.9 kV line".
    public var supply: String
    public var provenance: Provenance

    public init(upTo: Power?, inclusive: Bool = true, voltage: Voltage, supply: String, provenance: Provenance) {
        self.upTo = upTo
        self.inclusive = inclusive
        self.voltage = voltage
        self.supply = supply
        self.provenance = provenance
    }

    /// Whether a peak demand falls at or below this row's bound.
    public func admits(_ demand: Power) -> Bool {
        guard let upTo else { return true }
        return inclusive ? demand <= upTo : demand < upTo
    }
}

/// The grid connection of a site: supply voltage by peak demand, and the main transformers that
/// step it down to 22.9 kV when the supply is above distribution voltage.
public struct GridConnectionResult: Hashable, Sendable {
    public var peakDemand: Power
    public var rule: InterconnectRule
    /// Sizing of the main transformers; nil when the site takes 22.9 kV directly.
    public var mainTransformers: RedundancySizing?

    public init(peakDemand: Power, rule: InterconnectRule, mainTransformers: RedundancySizing?) {
        self.peakDemand = peakDemand
        self.rule = rule
        self.mainTransformers = mainTransformers
    }

    public var interconnectVoltage: Voltage { rule.voltage }
}

/// A level of a supply hierarchy (utility feed, switchboard, PDU, …) with the capacity usable at
/// it, the loads it feeds directly, and the levels below it.
public struct SupplyLevel: Hashable, Sendable {
    public var name: String
    public var usable: Power
    /// Loads fed directly from this level (e.g. racks on a PDU) [W].
    public var directLoad: Power
    public var children: [SupplyLevel]

    public init(name: String, usable: Power, directLoad: Power = .zero, children: [SupplyLevel] = []) {
        self.name = name
        self.usable = usable
        self.directLoad = directLoad
        self.children = children
    }

    /// Everything this level feeds: its direct load plus its children's loads [W].
    public var load: Power { directLoad + children.sum(\.load) }
}

/// A level whose usable capacity is below the load it feeds.
public struct CappingShortfall: Hashable, Sendable {
    /// Level names from the root, joined by " / ".
    public var path: String
    public var usable: Power
    public var load: Power

    public init(path: String, usable: Power, load: Power) {
        self.path = path
        self.usable = usable
        self.load = load
    }

    /// `load − usable` [W].
    public var shortfall: Power { load - usable }
}
