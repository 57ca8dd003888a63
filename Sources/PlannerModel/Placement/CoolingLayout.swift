/// How the placement solve of one hall and medium ended.
public enum PlacementStatus: String, Hashable, Sendable, Codable {
    /// Proven optimal (within the solver's tolerances).
    case optimal
    /// A layout meeting every constraint, found before the time limit or within the MIP gap;
    /// ``PlacementSolveSummary/gap`` says how far from optimal it may be.
    case feasible
    /// No layout meets every constraint; the layout holds the elastic solution (some heat
    /// unserved) and ``CoolingLayout/shortfalls`` says which racks are short and why.
    case infeasible
    /// The solver stopped (time limit) before it found any layout; no units are given.
    case noSolution = "no-solution"
}

/// Size, time and outcome of one MILP solve (the LP layer's report, in model types).
public struct PlacementSolveSummary: Hashable, Sendable {
    /// Constraint rows, variable columns, binary columns and stored coefficients.
    public var rows: Int
    public var columns: Int
    public var binaries: Int
    public var nonzeros: Int
    /// Objective value: unit cost + piping proxy cost (+ the unserved-heat penalty of an elastic
    /// solve); nil when the solve found no solution.
    public var objective: Money?
    /// Relative MIP gap when the search ended (0 when proven optimal), nil when unknown.
    public var gap: Ratio?
    /// Wall-clock time of the solve, building GLPK's problem object included.
    public var time: Duration
    /// How GLPK finished, as a sentence.
    public var message: String
    /// Whether the wall-clock limit ended the search: the layout then depends on the machine's
    /// speed and the report says so.
    public var timeLimited: Bool
    /// Whether the node limit ended the search (reproducible; ``gap`` says how far from optimal).
    public var nodeLimited: Bool

    public init(
        rows: Int, columns: Int, binaries: Int, nonzeros: Int, objective: Money?, gap: Ratio?, time: Duration,
        message: String, timeLimited: Bool = false, nodeLimited: Bool = false
    ) {
        self.timeLimited = timeLimited
        self.nodeLimited = nodeLimited
        self.rows = rows
        self.columns = columns
        self.binaries = binaries
        self.nonzeros = nonzeros
        self.objective = objective
        self.gap = gap
        self.time = time
        self.message = message
    }
}

/// The share of one rack's heat a unit serves, and how far it is carried.
public struct RackAssignment: Hashable, Sendable {
    public var rackID: String
    public var heat: Power
    /// Along aisles from the unit to the rack.
    public var distance: Length

    public init(rackID: String, heat: Power, distance: Length) {
        self.rackID = rackID
        self.heat = heat
        self.distance = distance
    }
}

/// One cooling unit of a layout.
public struct PlacedUnit: Hashable, Sendable, Identifiable {
    /// The candidate site's ID (`J3`): at most one unit per site.
    public var id: String
    /// The unit type's catalogue ID.
    public var typeID: String
    public var position: FloorPoint
    public var capacity: Power
    /// Heat served in normal operation: the sum of ``assignments``.
    public var load: Power
    public var assignments: [RackAssignment]
    /// The highest load this unit carries after any single other unit fails and that unit's
    /// racks are re-routed (see ``FailureCheck``); equals ``load`` when no failure adds to it.
    public var maxLoadAfterFailure: Power
    /// The redundant system the unit belongs to: 0 (A) for N+k; 0 (A) or 1 (B) for 2N and
    /// 2(N+1), where each system alone carries the hall.
    public var system: Int

    public init(
        id: String, typeID: String, position: FloorPoint, capacity: Power, load: Power,
        assignments: [RackAssignment], maxLoadAfterFailure: Power, system: Int = 0
    ) {
        self.system = system
        self.id = id
        self.typeID = typeID
        self.position = position
        self.capacity = capacity
        self.load = load
        self.assignments = assignments
        self.maxLoadAfterFailure = maxLoadAfterFailure
    }

    /// `load / capacity`.
    public var loading: Ratio { .fraction(load / capacity) }
}

/// The re-routing after one failure scenario of the layout's redundancy (one unit for N+1, any
/// k units for N+k, a whole system for 2N): every rack's heat moved to the surviving units within
/// reach, computed independently of the placement MILP.
public struct FailureCheck: Hashable, Sendable {
    /// The scenario as a label: the failed unit's ID (`J3`), several joined by `+` (`J3+J5`), or
    /// `system A` (with `+` and the failed units of the other system for 2(N+1)).
    public var failedUnitID: String
    /// The failed units' IDs.
    public var failedUnitIDs: [String]
    /// Heat the failed unit served, to be re-routed.
    public var reroutedHeat: Power
    /// Heat that no survivor can take: 0 for an N+1-safe layout.
    public var shortfall: Power
    /// The highest loading of a surviving unit after the re-routing (the re-routing minimises it).
    public var peakLoading: Ratio

    public init(
        failedUnitID: String, reroutedHeat: Power, shortfall: Power, peakLoading: Ratio, failedUnitIDs: [String]? = nil
    ) {
        self.failedUnitID = failedUnitID
        self.failedUnitIDs = failedUnitIDs ?? [failedUnitID]
        self.reroutedHeat = reroutedHeat
        self.shortfall = shortfall
        self.peakLoading = peakLoading
    }
}

/// Why a rack's heat cannot be served with N+1 in an infeasible hall.
public enum ShortfallReason: Hashable, Sendable {
    /// No candidate site is within reach of the rack.
    case noSiteWithinReach
    /// Only this site is within reach, so a unit there could not be backed up by another.
    case singleSiteWithinReach(siteID: String)
    /// Sites are within reach, but the units they can hold lack the capacity (with the N+1
    /// reserve) for this rack as well as its neighbours.
    case capacity

    /// A sentence for reports.
    public var sentence: String {
        switch self {
        case .noSiteWithinReach: "no candidate site is within reach"
        case .singleSiteWithinReach(let site): "only site \(site) is within reach, so no unit can back it up (N+1)"
        case .capacity: "the units that can stand within reach lack capacity with one unit failed (N+1)"
        }
    }
}

/// Heat of one rack left unserved by the elastic solve of an infeasible hall.
public struct RackShortfall: Hashable, Sendable {
    public var rackID: String
    public var unserved: Power
    public var reason: ShortfallReason

    public init(rackID: String, unserved: Power, reason: ShortfallReason) {
        self.rackID = rackID
        self.unserved = unserved
        self.reason = reason
    }
}

/// Cooling units of one medium placed on one hall copy's floor (DESIGN.md §5.4).
public struct CoolingLayout: Hashable, Sendable {
    public var hallID: String
    public var medium: CoolingMedium
    public var status: PlacementStatus
    /// The hall's heat to this medium.
    public var heat: Power
    /// Units in site order; empty when ``status`` is ``PlacementStatus/noSolution``.
    public var units: [PlacedUnit]
    /// `Σ d_rj·x_rj` over all assignments.
    public var piping: HeatDistance
    /// `Σ c_t` over the units.
    public var unitCost: Money
    /// One re-routing per unit (empty without units).
    public var failures: [FailureCheck]
    /// Racks left short by the elastic solve (infeasible halls only).
    public var shortfalls: [RackShortfall]
    /// The placement MILP.
    public var solve: PlacementSolveSummary
    /// The elastic MILP, solved after an infeasible placement MILP.
    public var elasticSolve: PlacementSolveSummary?
    /// The redundancy the layout honours (the spec's `cdu_redundancy` or `air_redundancy`).
    public var redundancy: Redundancy

    public init(
        hallID: String, medium: CoolingMedium, status: PlacementStatus, heat: Power, units: [PlacedUnit],
        piping: HeatDistance, unitCost: Money, failures: [FailureCheck], shortfalls: [RackShortfall],
        solve: PlacementSolveSummary, elasticSolve: PlacementSolveSummary? = nil, redundancy: Redundancy = .nPlus(1)
    ) {
        self.redundancy = redundancy
        self.hallID = hallID
        self.medium = medium
        self.status = status
        self.heat = heat
        self.units = units
        self.piping = piping
        self.unitCost = unitCost
        self.failures = failures
        self.shortfalls = shortfalls
        self.solve = solve
        self.elasticSolve = elasticSolve
    }

    /// Units per type ID.
    public var unitCounts: [String: Int] {
        units.reduce(into: [:]) { $0[$1.typeID, default: 0] += 1 }
    }

    /// The largest re-routing shortfall over all single failures (0 for an N+1-safe layout).
    public var worstFailureShortfall: Power {
        failures.map(\.shortfall).max() ?? .zero
    }
}

/// The placement of one hall copy: the floor model and the liquid and air layouts (nil when the
/// hall has no heat to that medium).
public struct HallPlacement: Hashable, Sendable {
    public var floor: HallFloor
    public var liquid: CoolingLayout?
    public var air: CoolingLayout?

    public init(floor: HallFloor, liquid: CoolingLayout?, air: CoolingLayout?) {
        self.floor = floor
        self.liquid = liquid
        self.air = air
    }

    public var hallID: String { floor.hallID }

    /// The layouts that exist, liquid first.
    public var layouts: [CoolingLayout] { [liquid, air].compactMap { $0 } }

    /// Stores `layout` as the liquid or air layout, by its medium.
    public mutating func set(_ layout: CoolingLayout) {
        switch layout.medium {
        case .liquid: liquid = layout
        case .air: air = layout
        }
    }
}

/// A constraint a decoded layout breaks, found by the independent checker.
public struct PlacementViolation: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        case heatNotServed = "heat-not-served"
        case outOfReach = "out-of-reach"
        case overRating = "over-rating"
        case failoverShortfall = "failover-shortfall"
        case unknownReference = "unknown-reference"
        case inconsistentLoad = "inconsistent-load"
        case sharedSite = "shared-site"
        /// 2N: a rack not served an equal share by each system.
        case redundancy
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
