/// A physical quantity of one dimension stored as a `Double` in SI units.
///
/// Conforming types get the arithmetic that is physically meaningful for any extensive quantity:
/// sums and differences within the dimension, scaling by a pure number, the ratio of two values,
/// and ordering. Cross-dimension physics lives in named functions, never in operators.
/// `Temperature` deliberately does not conform: absolute temperatures cannot be added.
public protocol Quantity: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The value in the SI unit of the dimension.
    var si: Double { get }
    init(si: Double)
    /// The SI unit symbol, for `description`.
    static var siSymbol: String { get }
}

extension Quantity {
    public static var zero: Self { Self(si: 0) }

    public static func + (lhs: Self, rhs: Self) -> Self { Self(si: lhs.si + rhs.si) }
    public static func - (lhs: Self, rhs: Self) -> Self { Self(si: lhs.si - rhs.si) }
    public static prefix func - (value: Self) -> Self { Self(si: -value.si) }
    public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
    public static func -= (lhs: inout Self, rhs: Self) { lhs = lhs - rhs }
    public static func * (lhs: Self, rhs: Double) -> Self { Self(si: lhs.si * rhs) }
    public static func * (lhs: Double, rhs: Self) -> Self { Self(si: lhs * rhs.si) }
    public static func / (lhs: Self, rhs: Double) -> Self { Self(si: lhs.si / rhs) }
    /// The dimensionless ratio of two values of the same dimension.
    public static func / (lhs: Self, rhs: Self) -> Double { lhs.si / rhs.si }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.si < rhs.si }

    public var isFinite: Bool { si.isFinite }
    /// The absolute value.
    public var magnitude: Self { Self(si: abs(si)) }
    public var description: String { "\(si) \(Self.siSymbol)" }

    public init(from decoder: any Decoder) throws {
        self.init(si: try decoder.singleValueContainer().decode(Double.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(si)
    }
}

extension Sequence {
    /// The sum of a quantity over the elements, e.g. `groups.sum(\.designPower)`.
    public func sum<Q: Quantity>(_ value: (Element) throws -> Q) rethrows -> Q {
        try reduce(Q.zero) { $0 + (try value($1)) }
    }
}
