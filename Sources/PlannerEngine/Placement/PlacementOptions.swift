import Catalogue
import PlannerModel

/// Inputs of cooling-unit placement beyond the hall itself (DESIGN.md §5.4).
public struct PlacementOptions: Sendable, Equatable {
    /// Where units may stand.
    public enum Sites: Sendable, Equatable {
        /// Both ends of every row plus front- and back-wall slots every `pitch`
        /// (see ``FloorModel/candidateSites(layout:rackDepth:pitch:)``).
        case generated(pitch: Length)
        /// Exactly these positions, in this order (`J1`, `J2`, …).
        case listed([FloorPoint])
    }

    /// Default rack depth: 1.2 m, the common deep-rack footprint of GB200/GB300 NVL72 class racks
    /// (estimate, L); the row pitch is rack depth + aisle.
    public static let defaultRackDepth = Length.metres(1.2)

    /// How the two media share the floor's sites (a site holds at most one unit either way).
    public enum FloorSharing: String, Sendable, Equatable {
        /// Liquid and air in one program: the cheapest layout of both (the default; measured on
        /// the Korean halls in DESIGN.md §5.4.1).
        case joint
        /// Liquid first on every site, then air on the sites the CDUs left.
        case sequential
    }

    public var sites: Sites
    public var rackDepth: Length
    /// Unit types for the liquid heat (CDUs). Every type needs a reach and a cost.
    public var liquidUnits: [CoolingUnitType]
    /// Unit types for the air heat (fan walls, CRAHs).
    public var airUnits: [CoolingUnitType]
    /// The spec's `cooling.cdu_redundancy`: which failures the CDU layout survives.
    public var liquidRedundancy: Redundancy
    /// The spec's `cooling.air_redundancy`.
    public var airRedundancy: Redundancy
    /// Per medium, the units the cooling table installs in one copy of the hall: the layout puts
    /// down at least as many, so that table and floor agree (absent: no minimum).
    public var minimumUnits: [CoolingMedium: Int]
    public var floorSharing: FloorSharing
    /// `c_pipe`, the cost of carrying 1 kW of liquid heat 1 m (piping proxy): 1 USD/(kW·m), from
    /// ≈1 000 USD per metre of installed DN150 supply and return carrying ≈1 MW (estimate, L).
    public var pipingCostPerKilowattMetre: Money
    /// The same proxy for air (ducting, containment, fan energy over the throw): 0.5 USD/(kW·m)
    /// (estimate, L).
    public var airPathCostPerKilowattMetre: Money
    /// Wall-clock limit of one hall's placement: a safety net, reported as a status, never what
    /// decides the layout (``nodeLimit`` does).
    public var timeLimit: Duration
    /// Branch-and-bound nodes per GLPK call after which the search keeps its incumbent: the same
    /// point on any machine, so the report is byte-identical. 20,000 by default (the Korean halls
    /// need at most a few hundred).
    public var nodeLimit: Int
    /// Relative MIP gap at which the search stops: 0.5 % by default.
    public var mipGap: Ratio
    /// Solve independent halls on several threads.
    public var parallel: Bool

    public init(
        sites: Sites = .generated(pitch: PlacementChoices.defaults.sitePitch),
        rackDepth: Length = PlacementOptions.defaultRackDepth,
        liquidUnits: [CoolingUnitType]? = nil, airUnits: [CoolingUnitType]? = nil,
        liquidRedundancy: Redundancy = .nPlus(1), airRedundancy: Redundancy = .nPlus(1),
        minimumUnits: [CoolingMedium: Int] = [:], floorSharing: FloorSharing = .joint,
        pipingCostPerKilowattMetre: Money = .dollars(1), airPathCostPerKilowattMetre: Money = .dollars(0.5),
        timeLimit: Duration = PlacementChoices.defaults.timeLimit, nodeLimit: Int = 2_000,
        mipGap: Ratio = PlacementChoices.defaults.mipGap, parallel: Bool = true
    ) {
        self.sites = sites
        self.rackDepth = rackDepth
        self.liquidUnits = liquidUnits ?? CoolingUnitType(cdu: BuiltInThermal.defaultChoices.cdu).map { [$0] } ?? []
        self.airUnits = airUnits ?? CoolingUnitType(airUnit: BuiltInThermal.defaultChoices.airUnit).map { [$0] } ?? []
        self.liquidRedundancy = liquidRedundancy
        self.airRedundancy = airRedundancy
        self.minimumUnits = minimumUnits
        self.floorSharing = floorSharing
        self.pipingCostPerKilowattMetre = pipingCostPerKilowattMetre
        self.airPathCostPerKilowattMetre = airPathCostPerKilowattMetre
        self.timeLimit = timeLimit
        self.nodeLimit = nodeLimit
        self.mipGap = mipGap
        self.parallel = parallel
    }

    /// The site's CDU and air unit, other values at their defaults. Throws when an entry has no
    /// placement facts.
    public static func from(_ choices: CoolingChoices) throws(PlacementError) -> PlacementOptions {
        guard let cdu = CoolingUnitType(cdu: choices.cdu) else {
            throw .unitTypeWithoutPlacementFacts(choices.cdu.id)
        }
        guard let air = CoolingUnitType(airUnit: choices.airUnit) else {
            throw .unitTypeWithoutPlacementFacts(choices.airUnit.id)
        }
        return PlacementOptions(
            liquidUnits: [cdu], airUnits: [air], liquidRedundancy: choices.cduRedundancy,
            airRedundancy: choices.airRedundancy)
    }

    /// The redundancy of `medium`.
    public func redundancy(_ medium: CoolingMedium) -> Redundancy {
        medium == .liquid ? liquidRedundancy : airRedundancy
    }

    /// The unit types for `medium`.
    public func units(_ medium: CoolingMedium) -> [CoolingUnitType] {
        medium == .liquid ? liquidUnits : airUnits
    }

    /// The piping (or air-path) proxy cost for `medium`.
    public func pathCost(_ medium: CoolingMedium) -> Money {
        medium == .liquid ? pipingCostPerKilowattMetre : airPathCostPerKilowattMetre
    }
}

/// Input a placement cannot work with, as a sentence naming the value and the fix.
public enum PlacementError: Error, Sendable, Equatable, CustomStringConvertible {
    case noLayout(hall: String)
    case tooManyRacks(hall: String, racks: Int, positions: Int)
    case noCandidateSites(hall: String)
    case invalidSitePitch(Length)
    case invalidRackDepth(Length)
    case invalidNodeLimit(Int)
    case reachShorterThanRackPitch(unit: String, reach: Length, rackPitch: Length)
    case noUnitTypes(hall: String, medium: CoolingMedium)
    case invalidUnitType(id: String, reason: String)
    case unitTypeWithoutPlacementFacts(String)
    /// More racks or candidate sites than one placement model takes (``FloorModel/maximumSites``).
    case modelTooLarge(hall: String, what: String, count: Double, limit: Int)
    case invalidTimeLimit(Duration)
    case invalidMIPGap(Ratio)
    case invalidCost(String)
    /// GLPK could not run (not a time-out or infeasibility, which are statuses).
    case solverFailed(String)
    /// A model file could not be written.
    case exportFailed(String)

    public var description: String {
        switch self {
        case .noLayout(let hall):
            "hall '\(hall)' has no floor layout (rows, racks per row, rack pitch, aisle); placement needs one"
        case .tooManyRacks(let hall, let racks, let positions):
            "hall '\(hall)' has \(racks) racks but its layout has only \(positions) positions; add rows or racks per "
                + "row"
        case .noCandidateSites(let hall):
            "hall '\(hall)' has no candidate sites for cooling units; list at least two sites or use generated sites"
        case .invalidSitePitch(let pitch):
            "the candidate-site pitch is \(pitch.metres) m; it must be positive and finite"
        case .invalidRackDepth(let depth):
            "the rack depth is \(depth.metres) m; it must be positive and finite"
        case .invalidNodeLimit(let limit):
            "the placement node limit is \(limit); it must be at least 1"
        case .reachShorterThanRackPitch(let unit, let reach, let pitch):
            "unit type '\(unit)' reaches \(reach.metres) m, less than the rack pitch of \(pitch.metres) m; it could "
                + "not serve even a neighbouring rack — check the reach"
        case .noUnitTypes(let hall, let medium):
            "hall '\(hall)' has \(medium.rawValue) heat but no \(medium.rawValue) unit type to place"
        case .invalidUnitType(let id, let reason):
            "unit type '\(id)': \(reason)"
        case .unitTypeWithoutPlacementFacts(let id):
            "catalogue entry '\(id)' has no reach and unit cost, so it cannot be placed on the floor"
        case .modelTooLarge(let hall, let what, let count, let limit):
            "hall '\(hall)' would give the placement model \(NumberText.compact(count)) \(what), above the limit of "
                + "\(limit)"
                + (what == "candidate sites"
                    ? "; raise placement.site_pitch_m or list fewer unit_sites" : "; place a smaller hall")
        case .invalidTimeLimit(let limit):
            "the placement time limit is \(limit); it must be positive"
        case .invalidMIPGap(let gap):
            "the MIP gap is \(gap.percent) %; it must be at least 0 % and below 100 %"
        case .invalidCost(let what):
            "\(what) must be finite and not negative"
        case .solverFailed(let message):
            "the placement solver failed: \(message)"
        case .exportFailed(let message):
            "the placement model could not be exported: \(message)"
        }
    }
}
