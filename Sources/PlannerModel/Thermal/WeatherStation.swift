import Foundation

/// A point on the Earth's surface, WGS 84 degrees (north and east positive).
public struct GeoPoint: Hashable, Sendable {
    public var latitudeDegrees: Double
    public var longitudeDegrees: Double

    public init(latitudeDegrees: Double, longitudeDegrees: Double) {
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
    }

    /// The IUGG mean Earth radius R₁ = 6,371,008.8 m (Moritz, "Geodetic Reference System 1980",
    /// Journal of Geodesy 74, 2000), the radius of the sphere the haversine formula assumes.
    public static let earthRadius = Length.metres(6_371_008.8)

    /// Great-circle distance on a sphere of radius `R` (the haversine formula):
    ///
    /// `h = sin²(Δφ/2) + cos φ₁·cos φ₂·sin²(Δλ/2)`, `d = 2R·asin(√h)`
    ///
    /// - Parameters:
    ///   - other: the second point (φ₂, λ₂), degrees.
    /// - Returns: `d` [m]. On the WGS 84 ellipsoid the true distance differs by at most about
    ///   0.5 %, far below what the 25 km stand-in threshold needs.
    ///
    /// Source: R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68 (2), 1984, p. 159.
    public func distance(to other: GeoPoint) -> Length {
        let radians = Double.pi / 180
        let phi1 = latitudeDegrees * radians
        let phi2 = other.latitudeDegrees * radians
        let dPhi = phi2 - phi1
        let dLambda = (other.longitudeDegrees - longitudeDegrees) * radians
        let h = pow(sin(dPhi / 2), 2) + cos(phi1) * cos(phi2) * pow(sin(dLambda / 2), 2)
        return Self.earthRadius * (2 * asin(min(1, h.squareRoot())))
    }

    /// "36.967 N, 127.033 E".
    public var text: String {
        let lat = String(format: "%.3f", abs(latitudeDegrees)) + (latitudeDegrees < 0 ? " S" : " N")
        let lon = String(format: "%.3f", abs(longitudeDegrees)) + (longitudeDegrees < 0 ? " W" : " E")
        return lat + ", " + lon
    }
}

/// The weather station a plan's year comes from, how far it is from the site and whether it is
/// a stand-in (DESIGN.md §5.11).
public struct WeatherStationSummary: Hashable, Sendable {
    /// A station farther than this from the site is a stand-in: 25 km, an engineering default (L;
    /// no standard sets one: ASHRAE Fundamentals ch. 14 leaves the choice of a representative
    /// station to the designer; DESIGN.md §5.11 gives the reasoning, REFERENCE.md §6.3 the
    /// stations).
    public static let standInDistance = Length.kilometres(25)

    /// The EPW file name.
    public var fileName: String
    /// City, region and country from the EPW's LOCATION line, e.g. "Pyeongtaek.AP, KG, KOR".
    public var station: String
    public var wmo: String
    public var position: GeoPoint
    public var elevation: Length
    /// Data set and period of record, e.g. "TMYx 2009-2023", from the file name; nil when it does
    /// not say.
    public var period: String?
    /// Where the sizing design conditions come from (a `.stat` file, the EPW header, the hours).
    public var designSource: String
    /// Great-circle distance from the site; nil when the spec gives no coordinates.
    public var distance: Length?
    /// Why the station is a stand-in (too far, or the spec says so); nil when it is the site's own.
    public var standInReason: String?

    public var isStandIn: Bool { standInReason != nil }

    public init(
        fileName: String, station: String, wmo: String, position: GeoPoint, elevation: Length, period: String?,
        designSource: String, site: GeoPoint?, specReason: String?
    ) {
        self.fileName = fileName
        self.station = station
        self.wmo = wmo
        self.position = position
        self.elevation = elevation
        self.period = period
        self.designSource = designSource
        let distance = site.map { $0.distance(to: position) }
        self.distance = distance
        if let specReason {
            standInReason = "the spec says so: \(specReason)"
        } else if let distance, distance > Self.standInDistance {
            standInReason =
                "the station is \(String(format: "%.0f", distance.metres / 1000)) km from the site, more than "
                + "\(String(format: "%.0f", Self.standInDistance.metres / 1000)) km"
        } else {
            standInReason = nil
        }
    }

    /// The data set and period in a file name: `TMYx.2009-2023` → "TMYx 2009-2023", `TMY3` → "TMY3".
    public static func period(fromFileName name: String) -> String? {
        let parts = name.split(separator: "_").last.map { $0.split(separator: ".") } ?? []
        guard let set = parts.first, set.hasPrefix("TMY") || set.hasPrefix("AMY") || set.hasPrefix("IWEC") else {
            return nil
        }
        let years = parts.dropFirst().first.map(String.init)
        if let years, years.contains("-"), years.first?.isNumber == true { return "\(set) \(years)" }
        return String(set)
    }
}
