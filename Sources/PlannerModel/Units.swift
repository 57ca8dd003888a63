/// Electrical or thermal power [W].
public struct Power: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "W"

    public static func watts(_ value: Double) -> Power { Power(si: value) }
    public static func kilowatts(_ value: Double) -> Power { Power(si: value * 1e3) }
    public static func megawatts(_ value: Double) -> Power { Power(si: value * 1e6) }
    public var watts: Double { si }
    public var kilowatts: Double { si / 1e3 }
    public var megawatts: Double { si / 1e6 }

    /// Energy delivered at this power for a duration: `E = P·t` [J].
    @inlinable
    public static func * (power: Power, duration: Duration) -> Energy {
        Energy(si: power.si * duration.seconds)
    }
}

/// Energy [J].
public struct Energy: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "J"

    public static func joules(_ value: Double) -> Energy { Energy(si: value) }
    public static func kilowattHours(_ value: Double) -> Energy { Energy(si: value * 3.6e6) }
    public static func megawattHours(_ value: Double) -> Energy { Energy(si: value * 3.6e9) }
    public var joules: Double { si }
    public var kilowattHours: Double { si / 3.6e6 }
    public var megawattHours: Double { si / 3.6e9 }
    public var gigawattHours: Double { si / 3.6e12 }
}

/// A temperature difference or rise [K]. Unlike `Temperature`, differences add.
public struct TemperatureDifference: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "K"

    public static func kelvins(_ value: Double) -> TemperatureDifference { TemperatureDifference(si: value) }
    public var kelvins: Double { si }
}

/// Mass [kg].
public struct Mass: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "kg"

    public static func kilograms(_ value: Double) -> Mass { Mass(si: value) }
    public static func tonnes(_ value: Double) -> Mass { Mass(si: value * 1e3) }
    public var kilograms: Double { si }
    public var tonnes: Double { si / 1e3 }
}

/// Length [m].
public struct Length: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "m"

    public static func metres(_ value: Double) -> Length { Length(si: value) }
    public static func millimetres(_ value: Double) -> Length { Length(si: value / 1e3) }
    public static func kilometres(_ value: Double) -> Length { Length(si: value * 1e3) }
    public var metres: Double { si }
    public var millimetres: Double { si * 1e3 }
}

/// Area [m²].
public struct Area: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "m²"

    public static func squareMetres(_ value: Double) -> Area { Area(si: value) }
    public static func squareMillimetres(_ value: Double) -> Area { Area(si: value / 1e6) }
    public var squareMetres: Double { si }
    public var squareMillimetres: Double { si * 1e6 }
}

/// Volumetric flow [m³/s].
public struct VolumetricFlow: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "m³/s"

    public static func cubicMetresPerSecond(_ value: Double) -> VolumetricFlow { VolumetricFlow(si: value) }
    public static func litresPerMinute(_ value: Double) -> VolumetricFlow { VolumetricFlow(si: value / 60_000) }
    public var cubicMetresPerSecond: Double { si }
    public var litresPerMinute: Double { si * 60_000 }
}

/// Mass flow [kg/s].
public struct MassFlow: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "kg/s"

    public static func kilogramsPerSecond(_ value: Double) -> MassFlow { MassFlow(si: value) }
    public var kilogramsPerSecond: Double { si }

    /// Mass carried by a flow for a duration: `m = ṁ·t` [kg].
    @inlinable
    public static func * (flow: MassFlow, duration: Duration) -> Mass {
        Mass(si: flow.si * duration.seconds)
    }
}

/// Pressure [Pa], e.g. the station pressure of a weather file.
public struct Pressure: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "Pa"

    public static func pascals(_ value: Double) -> Pressure { Pressure(si: value) }
    public static func kilopascals(_ value: Double) -> Pressure { Pressure(si: value * 1e3) }
    public var pascals: Double { si }
    public var kilopascals: Double { si / 1e3 }
}

/// Electric potential [V].
public struct Voltage: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "V"

    public static func volts(_ value: Double) -> Voltage { Voltage(si: value) }
    public static func kilovolts(_ value: Double) -> Voltage { Voltage(si: value * 1e3) }
    public var volts: Double { si }
    public var kilovolts: Double { si / 1e3 }
}

/// Electric current [A].
public struct Current: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "A"

    public static func amperes(_ value: Double) -> Current { Current(si: value) }
    public static func kiloamperes(_ value: Double) -> Current { Current(si: value * 1e3) }
    public var amperes: Double { si }
    public var kiloamperes: Double { si / 1e3 }
}

/// A dimensionless share, normally in 0…1 (efficiency, utilisation, heat fraction).
public struct Ratio: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = ""

    public static func fraction(_ value: Double) -> Ratio { Ratio(si: value) }
    public static func percent(_ value: Double) -> Ratio { Ratio(si: value / 100) }
    public static let one = Ratio(si: 1)
    public var fraction: Double { si }
    public var percent: Double { si * 100 }
    /// `1 − self`, e.g. the air share when `self` is the liquid share.
    public var complement: Ratio { Ratio(si: 1 - si) }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    ///
    /// One hour, the step of every hourly loop (`P * .hour`), returns 3 600 at once: the same
    /// `Double` as `components` gives, without the standard library's 128-bit arithmetic, which
    /// cost more than the rest of an hour of the plant simulation.
    @inlinable
    public var seconds: Double {
        if self == Duration.hour { return 3600 }
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }

    /// One hour.
    public static let hour = Duration.seconds(3600)
    /// A non-leap year of 8 760 hours, the length of a typical meteorological year.
    public static let year = Duration.seconds(8760 * 3600)
}
