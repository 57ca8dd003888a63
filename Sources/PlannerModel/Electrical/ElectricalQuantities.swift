/// Apparent power [VA]: what transformers, switchgear and UPS are rated in. `S = P/pf`.
public struct ApparentPower: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "VA"

    public static func voltAmperes(_ value: Double) -> ApparentPower { ApparentPower(si: value) }
    public static func kilovoltAmperes(_ value: Double) -> ApparentPower { ApparentPower(si: value * 1e3) }
    public static func megavoltAmperes(_ value: Double) -> ApparentPower { ApparentPower(si: value * 1e6) }
    public var voltAmperes: Double { si }
    public var kilovoltAmperes: Double { si / 1e3 }
    public var megavoltAmperes: Double { si / 1e6 }

    /// The real power this apparent power carries at a power factor: `P = S·pf` [W].
    public func realPower(at powerFactor: Ratio) -> Power { .watts(si * powerFactor.fraction) }

    /// The apparent power of a real load at a power factor: `S = P/pf` [VA].
    public static func of(_ power: Power, powerFactor: Ratio) -> ApparentPower {
        ApparentPower(si: power.watts / powerFactor.fraction)
    }
}

/// Electrical resistance [Ω].
public struct Resistance: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "Ω"

    public static func ohms(_ value: Double) -> Resistance { Resistance(si: value) }
    public static func milliohms(_ value: Double) -> Resistance { Resistance(si: value / 1e3) }
    public var ohms: Double { si }
    public var milliohms: Double { si * 1e3 }
}
