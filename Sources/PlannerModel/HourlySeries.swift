/// A value that an `HourlySeries` can hold: one physical quantity stored as one `Double` in the
/// series unit of its type.
///
/// The series unit is the SI unit for every `Quantity` (W for `Power`, J for `Energy`, K for
/// `TemperatureDifference`, kg for `Mass`, kg/s for `MassFlow`, Pa for `Pressure`, a fraction for
/// `Ratio`) and the degree Celsius for `Temperature`. Temperatures are kept in °C because weather
/// files and the plant simulation give them in °C and work on them in °C (psychrometrics, design
/// percentiles, heat-pump COP); a round trip through kelvin is not exact in binary floating point
/// (`20.3 + 273.15 − 273.15` is not `20.3`), and the results must not move by a bit.
public protocol HourlyValue: Hashable, Sendable {
    /// The value in the series unit of its type (SI, or °C for `Temperature`).
    var seriesValue: Double { get }
    /// The value whose series-unit number is `seriesValue`.
    init(seriesValue: Double)
}

extension HourlyValue where Self: Quantity {
    /// `si`: quantities are stored in their SI unit.
    @inlinable public var seriesValue: Double { si }
    /// `init(si:)`.
    @inlinable public init(seriesValue: Double) { self.init(si: seriesValue) }
}

extension Power: HourlyValue {}
extension Energy: HourlyValue {}
extension TemperatureDifference: HourlyValue {}
extension Mass: HourlyValue {}
extension MassFlow: HourlyValue {}
extension VolumetricFlow: HourlyValue {}
extension Pressure: HourlyValue {}
extension Ratio: HourlyValue {}

extension Temperature: HourlyValue {
    /// Degrees Celsius (see `HourlyValue`).
    @inlinable public var seriesValue: Double { celsius }
    /// `.celsius(seriesValue)`.
    @inlinable public init(seriesValue: Double) { self = .celsius(seriesValue) }
}

/// One value per hour of a weather year (8,760 or 8,784 hours), hour 0 first, each hour one step
/// of exactly one hour (3,600 s).
///
/// Units: the series holds typed values (`HourlySeries<Power>`, `HourlySeries<Temperature>`, …) and
/// stores them as one `Double` each in the series unit of the type, SI for quantities (W, J, K,
/// kg, kg/s, Pa) and °C for temperatures (see `HourlyValue`). Reading `series[h]` gives the typed
/// value of hour `h`; `si` (quantities) and `celsius` (temperatures) give the stored numbers, the
/// fast accessor for the inner loops of the engine, and `init(si:)` / `init(celsius:)` build a
/// series from numbers such a loop filled in.
///
/// Energy: for a power series, `energy` is `E = Σ_h P(h)·1 h` [J], the sum of the hourly powers in
/// watts (left to right) times 3,600 s: every hour is taken as held at its value for the whole
/// hour. `sum` is the plain sum `Σ_h P(h)` [W] and `mean` the sum over the count; `max()` (and
/// `min()`) come from the collection; `peakHour` is the first hour holding the largest value.
///
/// Arithmetic on the stored numbers is the caller's: to keep results bit-identical, sum or shift
/// temperatures in °C on `celsius` (`celsius.map { $0 + offset }`), not through `Temperature`
/// (which goes through kelvin).
public struct HourlySeries<Value: HourlyValue>: Hashable, Sendable, RandomAccessCollection, MutableCollection {
    /// The values in the series unit of `Value`.
    @usableFromInline var storage: [Double]

    /// A series of `values`, hour 0 first.
    @inlinable
    public init(_ values: some Sequence<Value>) {
        storage = values.map(\.seriesValue)
    }

    /// `count` hours that all hold `value`.
    @inlinable
    public init(repeating value: Value, count: Int) {
        storage = [Double](repeating: value.seriesValue, count: count)
    }

    /// A series of numbers in the series unit of `Value` (no check, no conversion); public code
    /// uses `init(si:)` or `init(celsius:)`, which name the unit.
    @inlinable
    init(seriesValues: [Double]) {
        storage = seriesValues
    }

    /// The length of one step of the series: one hour.
    public static var step: Duration { .hour }

    public typealias Index = Int
    public typealias Indices = Range<Int>

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { storage.count }
    @inlinable public var count: Int { storage.count }
    @inlinable public var isEmpty: Bool { storage.isEmpty }
    @inlinable public var indices: Range<Int> { 0..<storage.count }

    /// The value of hour `hour` (0-based, file order of the weather year).
    @inlinable
    public subscript(hour: Int) -> Value {
        get { Value(seriesValue: storage[hour]) }
        set { storage[hour] = newValue.seriesValue }
    }

    /// Each hour's value transformed, as a series of another hourly type.
    @inlinable
    public func map<T: HourlyValue>(_ transform: (Value) throws -> T) rethrows -> HourlySeries<T> {
        HourlySeries<T>(seriesValues: try storage.map { try transform(Value(seriesValue: $0)).seriesValue })
    }

    /// The hour of the largest value (the first such hour), nil when empty.
    @inlinable
    public var peakHour: Int? {
        storage.indices.max { storage[$0] < storage[$1] }
    }
}

extension HourlySeries: ExpressibleByArrayLiteral {
    @inlinable
    public init(arrayLiteral values: Value...) {
        self.init(values)
    }
}

extension HourlySeries where Value: Quantity {
    /// A series from numbers in the SI unit of `Value` (W for power), e.g. filled by an inner loop.
    @inlinable
    public init(si: [Double]) {
        storage = si
    }

    /// The values in the SI unit of `Value`: the fast accessor for inner loops.
    @inlinable public var si: [Double] { storage }

    /// `Σ_h x(h)`, summed hour 0 first; zero when empty.
    @inlinable
    public var sum: Value { Value(si: storage.reduce(0, +)) }

    /// `Σ_h x(h) / N` over the `N` hours; nil when empty.
    @inlinable
    public var mean: Value? {
        storage.isEmpty ? nil : Value(si: storage.reduce(0, +) / Double(storage.count))
    }
}

extension HourlySeries where Value == Power {
    /// Energy over the series: `E = Σ_h P(h)·1 h` [J], the hourly powers summed in watts (hour 0
    /// first) and multiplied by 3,600 s once. Zero when empty.
    @inlinable
    public var energy: Energy { sum * Self.step }
}

extension HourlySeries where Value == Temperature {
    /// A series from temperatures in °C, e.g. read from a weather file or filled by an inner loop.
    @inlinable
    public init(celsius: [Double]) {
        storage = celsius
    }

    /// The temperatures in °C: the fast accessor for inner loops.
    @inlinable public var celsius: [Double] { storage }

    /// The mean temperature, `Σ_h t(h) / N` in °C; nil when empty.
    @inlinable
    public var mean: Temperature? {
        storage.isEmpty ? nil : .celsius(storage.reduce(0, +) / Double(storage.count))
    }
}
