import Foundation
import PlannerModel

/// Locale-free number formatting with a fixed number of decimals per quantity, so reports are
/// byte-identical on every machine.
public enum Format {
    /// `value` with `decimals` digits after the point and comma thousands separators, e.g.
    /// `fixed(50112, 0)` → `50,112`, `fixed(7.0456, 2)` → `7.05`. Negative zero prints as zero.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        let scale = pow(10, Double(decimals))
        let rounded = (abs(value) * scale).rounded() / scale
        let negative = value < 0 && rounded != 0
        let digits = String(format: "%.\(decimals)f", rounded)
        let parts = digits.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        if parts.count > 1 { grouped += "." + parts[1] }
        return negative ? "-" + grouped : grouped
    }

    public static func integer(_ value: Int) -> String { fixed(Double(value), 0) }
    public static func megawatts(_ power: Power) -> String { fixed(power.megawatts, 2) }
    public static func kilowatts(_ power: Power) -> String { fixed(power.kilowatts, 1) }
    public static func percent(_ ratio: Ratio, decimals: Int = 0) -> String { fixed(ratio.percent, decimals) + " %" }
    public static func tonnes(_ mass: Mass) -> String { fixed(mass.tonnes, 1) }

    /// A number for JSON and CSV: rounded to `decimals`, shortest representation, no grouping.
    public static func plain(_ value: Double, _ decimals: Int = 3) -> Double { value.rounded(decimals: decimals) }

    /// `value` rounded to `decimals`, as the shortest text that reads back as the rounded value:
    /// `15` (never `15.0`), `26.7338` (never `26.733772800000004`); DESIGN.md §8.3.
    public static func shortest(_ value: Double, _ decimals: Int) -> String {
        JSONValue.numberText(value.rounded(decimals: decimals))
    }
}
