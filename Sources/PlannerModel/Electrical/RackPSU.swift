/// The redundancy a rack's power supplies are built with, as the vendor states it (DESIGN.md
/// §5.8): `N`, `N+k` (k spare units), or `N+N` (half the units spare, usually one half per feed).
/// It names the build; the single-failure check does not depend on it (see `RackPSU`).
public enum PSURedundancy: Hashable, Sendable, CustomStringConvertible {
    case n
    case nPlus(Int)
    case nPlusN

    /// The spelling `init(parsing:)` accepts: `N`, `N+1`, `N+N`.
    public var description: String {
        switch self {
        case .n: "N"
        case .nPlus(let k): "N+\(k)"
        case .nPlusN: "N+N"
        }
    }

    /// Parses `N`, `N+k` (1 ≤ k ≤ 1000) and `N+N`; case and spaces are ignored. Nil otherwise.
    public init?(parsing text: String) {
        let s = String(text.uppercased().filter { !$0.isWhitespace })
        switch s {
        case "N": self = .n
        case "N+N": self = .nPlusN
        default:
            guard s.hasPrefix("N+"), let k = Int(s.dropFirst(2)), (1...1000).contains(k),
                s.dropFirst(2).allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            self = .nPlus(k)
        }
    }
}

/// How a rack's own power supplies are built (DESIGN.md §5.8): per PSU group (the rack for a
/// rack-level power shelf, each node for servers with their own PSUs) `unitsInstalled` units of
/// `unitRating`, all sharing the load, built to `redundancy`.
///
/// The rack survives the loss of one unit when the survivors carry the group's design power:
/// `(u − 1)·U ≥ P_group`; its firm capacity at the stated redundancy is `u_firm·U` with
/// `u_firm = u` (N), `u − k` (N+k), `⌊u/2⌋` (N+N).
public struct RackPSU: Hashable, Sendable {
    /// Units (power shelves or PSUs) in one PSU group.
    public var unitsInstalled: Int
    /// Output rating of one unit [W].
    public var unitRating: Power
    public var redundancy: PSURedundancy
    /// Independent PSU groups in the rack: 1 for rack power shelves on a common busbar, the node
    /// count for a rack of servers each with its own PSUs.
    public var groupsPerRack: Int
    public var provenance: Provenance

    public init(
        unitsInstalled: Int, unitRating: Power, redundancy: PSURedundancy, groupsPerRack: Int = 1,
        provenance: Provenance
    ) {
        self.unitsInstalled = unitsInstalled
        self.unitRating = unitRating
        self.redundancy = redundancy
        self.groupsPerRack = groupsPerRack
        self.provenance = provenance
    }

    /// Units in one rack, all groups.
    public var unitsPerRack: Int { unitsInstalled * groupsPerRack }

    /// Units left usable at the stated redundancy: `u` (N), `u − k` (N+k), `⌊u/2⌋` (N+N).
    public var firmUnits: Int {
        switch redundancy {
        case .n: unitsInstalled
        case .nPlus(let k): max(unitsInstalled - k, 0)
        case .nPlusN: unitsInstalled / 2
        }
    }

    /// Firm capacity of one rack at the stated redundancy: `g·u_firm·U` [W].
    public var firmCapacityPerRack: Power { unitRating * Double(firmUnits * groupsPerRack) }

    /// Capacity of one rack after one unit of one group fails, as a rack of `g` groups sees it:
    /// the failed group's `(u − 1)·U` is what limits it [W per group].
    public var groupCapacityAfterOneFailure: Power { unitRating * Double(max(unitsInstalled - 1, 0)) }

    /// Whether a rack of design power `P` survives the loss of one unit:
    /// `(u − 1)·U ≥ P/g` (to 1e-9 relative).
    public func survivesOneFailure(rackDesign: Power) -> Bool {
        let group = rackDesign / Double(max(groupsPerRack, 1))
        return groupCapacityAfterOneFailure.watts >= group.watts * (1 - 1e-9)
    }

    /// How far the survivors of one failed unit fall short of the rack's design power, for the
    /// whole rack: `g·max(0, P/g − (u − 1)·U)` [W]; zero when it survives.
    public func shortAfterOneFailure(rackDesign: Power) -> Power {
        let group = rackDesign / Double(max(groupsPerRack, 1))
        let short = group - groupCapacityAfterOneFailure
        return short > .zero ? short * Double(max(groupsPerRack, 1)) : .zero
    }

    /// The problems that make the configuration meaningless for a rack of design power `P`, as
    /// sentences (empty when sound): no units, a non-positive rating or group count, spares that
    /// leave no working unit, N+N on an odd count, and installed units that cannot carry `P/g`
    /// even with none failed (`u·U < P/g`).
    public func inconsistencies(rackDesign: Power) -> [String] {
        var problems: [String] = []
        if unitsInstalled < 1 { problems.append("PSU units must be at least 1, got \(unitsInstalled)") }
        if !(unitRating > .zero) {
            problems.append("PSU unit rating must be positive, got \(NumberText.compact(unitRating.kilowatts)) kW")
        }
        if groupsPerRack < 1 { problems.append("PSU groups per rack must be at least 1, got \(groupsPerRack)") }
        switch redundancy {
        case .nPlus(let k) where k >= unitsInstalled && unitsInstalled >= 1:
            problems.append("PSU redundancy N+\(k) leaves no working unit of \(unitsInstalled) installed")
        case .nPlusN where unitsInstalled % 2 != 0:
            problems.append("PSU redundancy N+N needs an even unit count, got \(unitsInstalled)")
        default: break
        }
        guard problems.isEmpty else { return problems }
        let group = rackDesign / Double(groupsPerRack)
        let installed = unitRating * Double(unitsInstalled)
        if installed.watts < group.watts * (1 - 1e-9) {
            let per = groupsPerRack > 1 ? " per node" : ""
            problems.append(
                "\(unitsInstalled) PSU units of \(NumberText.compact(unitRating.kilowatts)) kW\(per) carry "
                    + "\(NumberText.compact(installed.kilowatts)) kW, less than the design power "
                    + "\(NumberText.compact(group.kilowatts)) kW\(per) even with none failed"
            )
        }
        return problems
    }

    /// The stand-in for a rack entry with no PSU configuration: `⌈P/U⌉ + 1` units of the chain's
    /// rack-stage rating `U` (N+1), as the chain sized every rack before per-rack configurations
    /// (an estimate, L; the planner lists the rack types that use it).
    public static func standIn(rackDesign: Power, unitRating: Power) -> RackPSU {
        let n = max(UnitCount.ceiling(rackDesign / unitRating * (1 - 1e-12)), 1)
        return RackPSU(
            unitsInstalled: n + 1, unitRating: unitRating, redundancy: .nPlus(1),
            provenance: Provenance(
                source: "no PSU configuration in the catalogue entry", confidence: .low,
                derivation:
                    "⌈design/\(NumberText.compact(unitRating.kilowatts)) kW⌉ + 1 units of the chain's rack stage (N+1)"
            ))
    }
}

/// One rack type on a rack-end stage (power shelves, in-rack converters): its racks, the share
/// of the stage's load they take, and their PSU configuration (DESIGN.md §5.8).
public struct RackTypeSupply: Hashable, Sendable {
    /// The rack entry's ID.
    public var rackType: String
    /// Racks of this type in one copy of the hall.
    public var racks: Int
    /// Fraction of the stage's load all racks of this type take together (the types' shares add
    /// up to 1).
    public var share: Ratio
    /// Design power of one rack, for the single-failure check [W].
    public var rackDesign: Power
    public var psu: RackPSU
    /// Whether `psu` is `RackPSU.standIn` (the entry has no configuration).
    public var isStandIn: Bool

    public init(rackType: String, racks: Int, share: Ratio, rackDesign: Power, psu: RackPSU, isStandIn: Bool = false) {
        self.rackType = rackType
        self.racks = racks
        self.share = share
        self.rackDesign = rackDesign
        self.psu = psu
        self.isStandIn = isStandIn
    }
}

/// One rack type on an evaluated rack-end stage: the sizing of one of its PSU groups at the load
/// the stage was evaluated at, and the loss of all its racks.
public struct RackTypeResult: Hashable, Sendable {
    public var supply: RackTypeSupply
    /// One PSU group (rack or node): `u` units sharing `P_group`, after one failure `u − 1`.
    public var perGroup: RedundancySizing
    /// Power delivered to one rack [W].
    public var loadPerRack: Power
    /// Loss of all racks of the type [W].
    public var loss: Power

    public init(supply: RackTypeSupply, perGroup: RedundancySizing, loadPerRack: Power, loss: Power) {
        self.supply = supply
        self.perGroup = perGroup
        self.loadPerRack = loadPerRack
        self.loss = loss
    }

    /// PSU groups of the type in one copy of the hall.
    public var groups: Int { supply.racks * supply.psu.groupsPerRack }
    /// Whether one rack at its design power survives the loss of one unit (`RackPSU.survivesOneFailure`).
    public var survivesOneFailure: Bool { supply.psu.survivesOneFailure(rackDesign: supply.rackDesign) }
    /// Per-unit loading at design after one unit fails: `(P/g)/((u − 1)·U)`; nil with one unit.
    public var designLoadingAfterFailure: Ratio? {
        let psu = supply.psu
        guard psu.unitsInstalled > 1 else { return nil }
        return .fraction(
            supply.rackDesign / Double(psu.groupsPerRack) / (psu.unitRating * Double(psu.unitsInstalled - 1)))
    }
}
