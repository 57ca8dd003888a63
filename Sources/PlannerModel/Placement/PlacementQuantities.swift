/// An amount of money in US dollars (placement costs: units and the piping proxy).
///
/// Dollars are not an SI unit; the type uses the same `si` storage as the physical quantities
/// so that it gets sums, scaling and ratios, and nothing else.
public struct Money: Quantity {
    /// US dollars.
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "USD"

    public static func dollars(_ value: Double) -> Money { Money(si: value) }
    public static func thousandDollars(_ value: Double) -> Money { Money(si: value * 1e3) }
    public var dollars: Double { si }
    public var thousandDollars: Double { si / 1e3 }
}

/// Heat carried over a distance [W·m]: the piping (or air-throw) proxy of cooling-unit placement
/// (DESIGN.md §5.4), `Σ d_rj · x_rj` over rack-to-unit assignments.
public struct HeatDistance: Quantity {
    /// Watt-metres.
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "W·m"

    public static func kilowattMetres(_ value: Double) -> HeatDistance { HeatDistance(si: value * 1e3) }
    public var kilowattMetres: Double { si / 1e3 }

    /// `heat · distance` [W·m]: the proxy for one assignment of `heat` carried over `distance`.
    public static func carrying(_ heat: Power, over distance: Length) -> HeatDistance {
        HeatDistance(si: heat.watts * distance.metres)
    }
}

/// A point on a hall's floor, in metres from the hall's origin (the front-left corner of the
/// rack area: x along the rows, y across them, towards the back).
public struct FloorPoint: Hashable, Sendable, Codable {
    public var x: Length
    public var y: Length

    public init(x: Length, y: Length) {
        self.x = x
        self.y = y
    }

    /// `FloorPoint(x: .metres(x), y: .metres(y))`.
    public static func metres(_ x: Double, _ y: Double) -> FloorPoint {
        FloorPoint(x: .metres(x), y: .metres(y))
    }

    /// The distance along aisles, `|Δx| + |Δy|` [m] (Manhattan): pipes and air paths run parallel
    /// to the walls (DESIGN.md §5.4).
    public func aisleDistance(to other: FloorPoint) -> Length {
        (x - other.x).magnitude + (y - other.y).magnitude
    }
}

extension Length {
    /// How far a floor distance may exceed a reach or radius and still count as within it: 1 µm.
    /// Positions are sums and products of metres (`row·(depth + aisle) + ½·depth`), so equal
    /// spacings differ in the last bits: in a hall of 1.2 m racks and 1.8 m aisles the pitch
    /// between rows 5 and 6 is 3.0000000000000018 m, against 3 m elsewhere. Compared exactly, a
    /// reach of a whole number of row pitches would cover every row but that one.
    public static let floorTolerance = Length.metres(1e-6)

    /// Whether this distance is at most `limit`, within ``floorTolerance``.
    public func isWithin(_ limit: Length) -> Bool {
        self <= limit + .floorTolerance
    }
}

extension Money {
    /// Millions of US dollars, for cost reports.
    public var millionDollars: Double { si / 1e6 }
}
