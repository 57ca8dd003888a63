/// An absolute (thermodynamic) temperature, stored in kelvin.
///
/// Absolute temperatures do not add: `Temperature − Temperature` is a `TemperatureDifference`,
/// and a difference can be added to or subtracted from a temperature. This is the algebra that
/// Foundation's `Measurement<UnitTemperature>` gets wrong (it subtracts 30 °C − 20 °C as
/// 303.15 K − 293.15 K and then reports 10 K as −263.15 °C).
public struct Temperature: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Offset between the Celsius and Kelvin scales [K].
    public static let celsiusOffset = 273.15

    public var kelvins: Double
    public init(kelvins: Double) { self.kelvins = kelvins }

    public static func kelvins(_ value: Double) -> Temperature { Temperature(kelvins: value) }
    public static func celsius(_ value: Double) -> Temperature { Temperature(kelvins: value + celsiusOffset) }
    public static func fahrenheit(_ value: Double) -> Temperature {
        Temperature(kelvins: (value - 32) * 5 / 9 + celsiusOffset)
    }
    public var celsius: Double { kelvins - Self.celsiusOffset }
    public var fahrenheit: Double { celsius * 9 / 5 + 32 }

    public static func - (lhs: Temperature, rhs: Temperature) -> TemperatureDifference {
        TemperatureDifference(si: lhs.kelvins - rhs.kelvins)
    }
    public static func + (lhs: Temperature, rhs: TemperatureDifference) -> Temperature {
        Temperature(kelvins: lhs.kelvins + rhs.kelvins)
    }
    public static func + (lhs: TemperatureDifference, rhs: Temperature) -> Temperature { rhs + lhs }
    public static func - (lhs: Temperature, rhs: TemperatureDifference) -> Temperature {
        Temperature(kelvins: lhs.kelvins - rhs.kelvins)
    }
    public static func < (lhs: Temperature, rhs: Temperature) -> Bool { lhs.kelvins < rhs.kelvins }

    public var description: String { "\(kelvins) K" }

    public init(from decoder: any Decoder) throws {
        self.init(kelvins: try decoder.singleValueContainer().decode(Double.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(kelvins)
    }
}
