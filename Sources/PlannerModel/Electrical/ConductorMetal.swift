/// Current per unit of conductor cross-section [A/m²] (the design current density of a winding
/// or a busbar).
public struct CurrentDensity: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "A/m²"

    public static func amperesPerSquareMillimetre(_ value: Double) -> CurrentDensity { CurrentDensity(si: value * 1e6) }
    public var amperesPerSquareMillimetre: Double { si / 1e6 }
}

/// A level of the power chain whose conductor metal is counted (DESIGN.md §5.9), grid first.
public enum MetalLevel: String, Sendable, CaseIterable, Codable {
    /// Windings of the site's main (grid) transformers.
    case mainTransformerWindings = "main_transformer_windings"
    /// MV cables (the region's MV, 22.9 kV in Korea): main transformers to the site MV bus, the
    /// bus to each hall's MV switchgear, and the switchgear to the MV/LV transformers or SSTs.
    case mvCables = "mv_cables"
    /// Windings of the MV/LV transformers (AC chains).
    case mvlvTransformerWindings = "mv_lv_transformer_windings"
    /// Windings of the SSTs' medium-frequency transformers (800 VDC chains).
    case sstWindings = "sst_windings"
    /// Low-voltage cables between the transformers, switchboards and UPS (AC chains).
    case lvFeeders = "lv_feeders"
    /// Main busbars of the LV switchboards (AC) or of the DC bus behind each SST (800 VDC).
    case switchboards
    /// Row busways from the electrical room to the rows (AC or 800 VDC).
    case busways
    /// Drops from the busways to the racks.
    case rackDrops = "rack_drops"

    /// The report's name of the level.
    public var title: String {
        switch self {
        case .mainTransformerWindings: "Main transformer windings"
        case .mvCables: "MV cables"
        case .mvlvTransformerWindings: "MV/LV transformer windings"
        case .sstWindings: "SST transformer windings"
        case .lvFeeders: "LV feeders (transformer, switchboard, UPS)"
        case .switchboards: "Switchboard busbars"
        case .busways: "Row busways"
        case .rackDrops: "Rack drops"
        }
    }
}

/// The conductor metal of one level: the copper as built in copper, and the aluminium the same
/// conductors would need at equal resistance (DESIGN.md §5.9).
public struct MetalMass: Hashable, Sendable {
    public var level: MetalLevel
    public var copper: Mass
    public var aluminium: Mass
    /// How the mass was found, for the report (e.g. "52 × 2,375 kW, 0.82 kg/kW").
    public var basis: String

    public init(level: MetalLevel, copper: Mass, aluminium: Mass, basis: String) {
        self.level = level
        self.copper = copper
        self.aluminium = aluminium
        self.basis = basis
    }

    /// The same level `factor` times (e.g. over the copies of a hall).
    public func scaled(_ factor: Double) -> MetalMass {
        MetalMass(level: level, copper: copper * factor, aluminium: aluminium * factor, basis: basis)
    }
}

extension Array where Element == MetalMass {
    /// One entry per level in `MetalLevel` order, masses summed; levels with no entry are left out.
    /// Bases of merged entries are joined with "; " (each distinct basis once).
    public var byLevel: [MetalMass] {
        MetalLevel.allCases.compactMap { level in
            let entries = filter { $0.level == level }
            guard !entries.isEmpty else { return nil }
            var bases: [String] = []
            for entry in entries where !bases.contains(entry.basis) { bases.append(entry.basis) }
            return MetalMass(
                level: level, copper: entries.sum(\.copper), aluminium: entries.sum(\.aluminium),
                basis: bases.joined(separator: "; "))
        }
    }

    /// Σ copper over the levels.
    public var copper: Mass { sum(\.copper) }
    /// Σ aluminium (equal-resistance equivalent) over the levels.
    public var aluminium: Mass { sum(\.aluminium) }
}
