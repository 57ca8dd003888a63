/// Which heat a cooling-unit placement serves: the liquid loop (CDUs) or room air (fan walls,
/// CRAHs). The two are separate problems per hall (DESIGN.md §5.4).
public enum CoolingMedium: String, Hashable, Sendable, Codable, CaseIterable {
    case liquid
    case air
}

/// One rack on a hall's floor, with the heat it gives to each medium at design power.
public struct FloorRack: Hashable, Sendable, Identifiable {
    /// `R1`, `R2`, … in fill order (1-based, as in the LP's names).
    public var id: String
    /// The catalogue entry of the rack.
    public var systemID: String
    /// 0-based row and position in the row.
    public var row: Int
    public var slot: Int
    /// The rack's centre.
    public var position: FloorPoint
    /// Liquid heat `f·P_design` and air heat `(1 − f)·P_design` (DESIGN.md §5.1).
    public var heat: HeatSplit

    public init(id: String, systemID: String, row: Int, slot: Int, position: FloorPoint, heat: HeatSplit) {
        self.id = id
        self.systemID = systemID
        self.row = row
        self.slot = slot
        self.position = position
        self.heat = heat
    }

    /// The heat this rack gives to `medium`.
    public func heat(_ medium: CoolingMedium) -> Power {
        switch medium {
        case .liquid: heat.liquid
        case .air: heat.air
        }
    }
}

/// Where a candidate unit site comes from.
public enum CandidateSiteKind: String, Hashable, Sendable, Codable {
    /// At the end of a rack row, on the row's axis.
    case rowEnd = "row-end"
    /// Along the front or back wall at the site pitch.
    case perimeter
    /// Given explicitly in the input.
    case listed
}

/// A floor position where one cooling unit may stand.
public struct CandidateSite: Hashable, Sendable, Identifiable {
    /// `J1`, `J2`, … (1-based, as in the LP's names).
    public var id: String
    public var kind: CandidateSiteKind
    /// The unit's centre.
    public var position: FloorPoint

    public init(id: String, kind: CandidateSiteKind, position: FloorPoint) {
        self.id = id
        self.kind = kind
        self.position = position
    }
}

/// The floor model of one hall copy for placement: racks at positions with their heat, and the
/// candidate unit sites. Distances are along aisles (``FloorPoint/aisleDistance(to:)``).
public struct HallFloor: Hashable, Sendable {
    public var hallID: String
    public var racks: [FloorRack]
    public var sites: [CandidateSite]

    public init(hallID: String, racks: [FloorRack], sites: [CandidateSite]) {
        self.hallID = hallID
        self.racks = racks
        self.sites = sites
    }

    /// Total heat of the hall's racks to `medium`.
    public func heat(_ medium: CoolingMedium) -> Power {
        racks.sum { $0.heat(medium) }
    }

    /// Distance along aisles from rack `rack` to site `site` (0-based indices).
    public func distance(rack: Int, site: Int) -> Length {
        racks[rack].position.aisleDistance(to: sites[site].position)
    }
}

/// Placement facts of a cooling-unit catalogue entry: how far it can serve racks and what one
/// unit costs installed (DESIGN.md §5.4).
public struct UnitPlacementFacts: Hashable, Sendable {
    /// Longest distance along aisles from the unit to a rack it serves (pipe run for a CDU, air
    /// throw for a fan wall or CRAH).
    public var reach: Length
    /// Installed cost of one unit.
    public var unitCost: Money
    public var provenance: Provenance

    public init(reach: Length, unitCost: Money, provenance: Provenance) {
        self.reach = reach
        self.unitCost = unitCost
        self.provenance = provenance
    }
}

/// A cooling-unit type as the placement sees it: capacity `C_t`, cost `c_t` and reach.
public struct CoolingUnitType: Hashable, Sendable, Identifiable {
    /// The catalogue ID (used in LP names, so it must be a valid LP name fragment).
    public var id: String
    public var capacity: Power
    public var cost: Money
    public var reach: Length

    public init(id: String, capacity: Power, cost: Money, reach: Length) {
        self.id = id
        self.capacity = capacity
        self.cost = cost
        self.reach = reach
    }

    /// The CDU's placement type, or nil when the entry has no placement facts (e.g. in-rack
    /// CDUs, which are not placed on the floor).
    public init?(cdu: CDUEntry) {
        guard let facts = cdu.placement else { return nil }
        self.init(id: cdu.id, capacity: cdu.capacity, cost: facts.unitCost, reach: facts.reach)
    }

    /// The air unit's placement type, or nil when the entry has no placement facts.
    public init?(airUnit: AirUnitEntry) {
        guard let facts = airUnit.placement else { return nil }
        self.init(id: airUnit.id, capacity: airUnit.capacity, cost: facts.unitCost, reach: facts.reach)
    }
}
