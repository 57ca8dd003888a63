/// The values a numeric spec key may take: a lower and an upper bound, each inclusive or
/// exclusive, and the unit they are in. Every `.number` key declares one in `SpecSchema.swift`
/// (and every `.integer` key its whole-number bounds), so no numeric key exists without a
/// range; the reader checks every value against it (`MappingReader.number(_:)`), and
/// `dcplan schema` writes it as `minimum`/`maximum`/`exclusiveMinimum`/`exclusiveMaximum` and
/// into the key's description. The ranges are what is physically possible and not absurd for a
/// data centre; a narrower engineering rule (TCS supply 5–70 °C) is the range itself.
struct PhysicalRange: Sendable {
    enum Bound: Sendable {
        case inclusive(Double)
        case exclusive(Double)

        var value: Double {
            switch self {
            case .inclusive(let v), .exclusive(let v): v
            }
        }

        var isInclusive: Bool {
            if case .inclusive = self { return true }
            return false
        }
    }

    var lower: Bound
    var upper: Bound
    /// The unit as written after a number: `K`, `°C`, `%`, `kW`; empty for a pure number.
    var unit: String

    init(_ lower: Bound, _ upper: Bound, _ unit: String) {
        self.lower = lower
        self.upper = upper
        self.unit = unit
    }

    /// `lower…upper`, both inclusive.
    static func within(_ lower: Double, _ upper: Double, _ unit: String) -> PhysicalRange {
        PhysicalRange(.inclusive(lower), .inclusive(upper), unit)
    }

    /// Above `lower` (exclusive), at most `upper`.
    static func above(_ lower: Double, atMost upper: Double, _ unit: String) -> PhysicalRange {
        PhysicalRange(.exclusive(lower), .inclusive(upper), unit)
    }

    /// Whether `value` lies in the range; never for NaN.
    func contains(_ value: Double) -> Bool {
        let aboveLower = lower.isInclusive ? value >= lower.value : value > lower.value
        let belowUpper = upper.isInclusive ? value <= upper.value : value < upper.value
        return aboveLower && belowUpper
    }

    /// `0–50 K and above 0`, `-60 to 150 °C`, `0–100 % and below 100`, `1–10`.
    var text: String {
        let (l, u) = (Phrase.number(lower.value), Phrase.number(upper.value))
        var text = lower.value < 0 ? "\(l) to \(u)" : "\(l)–\(u)"
        if !unit.isEmpty { text += " \(unit)" }
        if !lower.isInclusive { text += " and above \(l)" }
        if !upper.isInclusive { text += " and below \(u)" }
        return text
    }

    /// `must be within 0–50 K and above 0, got 1e308`.
    func violation(_ value: Double) -> String {
        "must be within \(text), got \(Phrase.number(value))"
    }
}

/// The whole numbers an `.integer` key may take, `minimum…maximum`, and what it counts (`years`,
/// `days`; empty for plain counts).
struct IntegerRange: Sendable {
    var minimum: Int
    var maximum: Int
    var unit: String

    /// Whether `value` is a whole number within the range.
    func contains(_ value: Double) -> Bool {
        value == value.rounded() && value >= Double(minimum) && value <= Double(maximum)
    }

    /// `1–100 years`, `0–1000`; `1` when the range holds one number.
    var text: String {
        (minimum == maximum ? "\(minimum)" : "\(minimum)–\(maximum)") + (unit.isEmpty ? "" : " \(unit)")
    }

    /// The reader's message for a value outside the range: `must be a positive integer, got -3`,
    /// `must be at most 1000000, got 4000000`, `must be a whole number of years within 1–100,
    /// got 200`.
    func violation(_ value: Double) -> String {
        let got = Phrase.number(value)
        if !unit.isEmpty { return "must be a whole number of \(unit) within \(minimum)–\(maximum), got \(got)" }
        if value == value.rounded(), value > Double(maximum) { return "must be at most \(maximum), got \(got)" }
        switch minimum {
        case 1: return "must be a positive integer, got \(got)"
        case 0: return "must be a non-negative integer, got \(got)"
        default: return "must be a whole number within \(minimum)–\(maximum), got \(got)"
        }
    }
}
