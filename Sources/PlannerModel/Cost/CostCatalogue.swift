import Foundation

/// The systems a capital cost is split into (DESIGN.md §5.16).
public enum CostSystem: String, Sendable, Codable, CaseIterable {
    /// The power chain from the grid to the racks, with its conductors.
    case electrical
    /// CDUs, air units, economisers, chillers and the plant's pumps.
    case mechanical
    /// Heat pumps and heat storage for district heating.
    case heatRecovery = "heat_recovery"
    /// Shell and core, and the white-space fit-out.
    case building
    /// Standby generators, UPS batteries and grid-ramp storage.
    case backup

    public var title: String {
        switch self {
        case .electrical: "Electrical"
        case .mechanical: "Mechanical"
        case .heatRecovery: "Heat recovery"
        case .building: "Building"
        case .backup: "Backup"
        }
    }
}

/// What one unit cost is per.
public enum CostMeasure: String, Sendable, Codable, CaseIterable {
    /// Per kW of rated real power (UPS, SSTs, shelves, chillers by cooling duty, pumps by motor).
    case kilowatt = "kW"
    /// Per kVA of rated apparent power (transformers, switchgear).
    case kilovoltAmpere = "kVA"
    /// Per kWh of stored energy (batteries, heat storage).
    case kilowattHour = "kWh"
    /// Per kg of installed copper (cables and busways, DESIGN.md §5.9 counts their copper).
    case kilogramCopper = "kg Cu"
    /// Per m² of floor.
    case squareMetre = "m²"
}

/// One unit cost of the catalogue (`dcplan catalog costs`): low / typical / high in its source's
/// currency and year, with the rows it rests on.
public struct UnitCostEntry: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var system: CostSystem
    public var measure: CostMeasure
    public var low: Double
    public var typical: Double
    public var high: Double
    public var currency: Currency
    /// The price year of the three values.
    public var year: Int
    public var provenance: Provenance

    public init(
        id: String, name: String, system: CostSystem, measure: CostMeasure, low: Double, typical: Double,
        high: Double, currency: Currency, year: Int, provenance: Provenance
    ) {
        self.id = id
        self.name = name
        self.system = system
        self.measure = measure
        self.low = low
        self.typical = typical
        self.high = high
        self.currency = currency
        self.year = year
        self.provenance = provenance
    }

    /// The problems that make the entry meaningless (empty when sound): a value ≤ 0 or
    /// low ≤ typical ≤ high broken.
    public var inconsistencies: [String] {
        var problems: [String] = []
        if !(low > 0 && typical > 0 && high > 0) { problems.append("\(id): every cost must be above 0") }
        if !(low <= typical && typical <= high) { problems.append("\(id): needs low ≤ typical ≤ high") }
        return problems
    }

    /// The three values in US dollars of `year`: converted at the currency's rate, then escalated
    /// by `index` from the entry's year.
    public func cost(in year: Int, index: EscalationIndex) -> CostRange {
        let k = index.factor(from: self.year, to: year)
        return CostRange(
            low: currency.toUSD(low * k), typical: currency.toUSD(typical * k), high: currency.toUSD(high * k))
    }
}

/// A construction-cost index by year, to bring a price from its year to the plan's
/// (DESIGN.md §5.16): stated points, geometric between them, and a fixed rate beyond the last.
public struct EscalationIndex: Hashable, Sendable {
    /// Year → index value, at least one point.
    public var points: [Int: Double]
    /// Yearly rise after the last point (and fall before the first).
    public var rateBeyond: Ratio
    public var provenance: Provenance

    public init(points: [Int: Double], rateBeyond: Ratio, provenance: Provenance) {
        self.points = points
        self.rateBeyond = rateBeyond
        self.provenance = provenance
    }

    /// The index in `year`: a stated point, geometric interpolation between the two around it,
    /// or the nearest point moved by `rateBeyond` per year outside them.
    public func value(_ year: Int) -> Double {
        let years = points.keys.sorted()
        guard let first = years.first, let last = years.last else { return 1 }
        if let v = points[year] { return v }
        if year > last { return points[last]! * pow(1 + rateBeyond.fraction, Double(year - last)) }
        if year < first { return points[first]! / pow(1 + rateBeyond.fraction, Double(first - year)) }
        let below = years.last { $0 < year }!
        let above = years.first { $0 > year }!
        let share = Double(year - below) / Double(above - below)
        return points[below]! * pow(points[above]! / points[below]!, share)
    }

    /// `value(to)/value(from)`.
    public func factor(from: Int, to: Int) -> Double { value(to) / value(from) }
}

/// The unit costs, the escalation index and the yearly maintenance shares: everything the cost
/// analysis prices with (DESIGN.md §5.16).
public struct CostCatalogue: Hashable, Sendable {
    public var entries: [UnitCostEntry]
    public var index: EscalationIndex
    /// Yearly maintenance as a share of each system's capital cost.
    public var maintenance: [CostSystem: Ratio]
    public var maintenanceSource: Provenance

    public init(
        entries: [UnitCostEntry], index: EscalationIndex, maintenance: [CostSystem: Ratio],
        maintenanceSource: Provenance
    ) {
        self.entries = entries
        self.index = index
        self.maintenance = maintenance
        self.maintenanceSource = maintenanceSource
    }

    public func entry(_ id: String) -> UnitCostEntry? { entries.first { $0.id == id } }
}
