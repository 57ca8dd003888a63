/// Redundancy topology of a stage (REFERENCE.md §2.4; APC WP75). `n` below is the number of
/// units the load needs, `n = ⌈L/U⌉` for load `L` and unit rating `U`.
public enum Redundancy: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `N`: exactly the units the load needs; no failure tolerated.
    case n
    /// `N+k`: `k` spare units on a common bus, all sharing the load.
    case nPlus(Int)
    /// `2N`: two independent systems A and B, each able to carry the whole load.
    case twoN
    /// `2(N+1)`: two independent `N+1` systems.
    case twoNPlusOne
    /// `xN/y` distributed redundancy (4N/3, 3N/2): `x` systems each rated `N/y`, every load
    /// dual-fed from two of them; the load survives the loss of `x − y` systems.
    case distributed(x: Int, y: Int)
    /// Block redundant ("catcher"): `N` loaded blocks and `reserve` idle blocks that take over a
    /// failed block through static transfer switches.
    case block(reserve: Int)

    /// 4N/3 distributed redundancy.
    public static let fourNOverThree = Redundancy.distributed(x: 4, y: 3)
    /// 3N/2 distributed redundancy.
    public static let threeNOverTwo = Redundancy.distributed(x: 3, y: 2)

    /// The spelling `init(parsing:)` accepts: `N`, `N+1`, `2N`, `2(N+1)`, `4N/3`, `block`.
    public var description: String {
        switch self {
        case .n: "N"
        case .nPlus(let k): "N+\(k)"
        case .twoN: "2N"
        case .twoNPlusOne: "2(N+1)"
        case .distributed(let x, let y): "\(x)N/\(y)"
        case .block(let reserve): reserve == 1 ? "block" : "block+\(reserve)"
        }
    }

    /// The largest `k` of `N+k` and `block+k`, and the largest `x` of `xN/y`: a thousand spare
    /// units is already far past any design, and the bound keeps every unit count derived from
    /// it (`n + k`, `x·m`) far from integer overflow.
    public static let maximumNumber = 1000

    /// Parses `N`, `N+k` (1 ≤ k ≤ 1000), `2N`, `2(N+1)`, `xN/y` (1000 ≥ x > y ≥ 1, e.g. `4N/3`,
    /// `3N/2`), `block` (one reserve block) and `block+k`. Case and spaces are ignored.
    public init(parsing text: String) throws(RedundancyError) {
        let s = String(text.uppercased().filter { !$0.isWhitespace })
        // Digits only (no sign): `Int("+5")` would take a second sign.
        var tooLarge = false
        func integer(_ part: Substring) -> Int? {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            guard let value = Int(part), value <= Self.maximumNumber else {
                tooLarge = true
                return nil
            }
            return value >= 1 ? value : nil
        }
        switch s {
        case "N": self = .n
        case "2N": self = .twoN
        case "2(N+1)": self = .twoNPlusOne
        case "BLOCK": self = .block(reserve: 1)
        default:
            if s.hasPrefix("N+"), let k = integer(s.dropFirst(2)) {
                self = .nPlus(k)
            } else if s.hasPrefix("BLOCK+"), let k = integer(s.dropFirst(6)) {
                self = .block(reserve: k)
            } else if let nIndex = s.firstIndex(of: "N"), s[s.index(after: nIndex)...].hasPrefix("/"),
                let x = integer(s[..<nIndex]), let y = integer(s[s.index(nIndex, offsetBy: 2)...]), x > y
            {
                self = .distributed(x: x, y: y)
            } else if tooLarge {
                throw .tooLarge(text)
            } else {
                throw .unknown(text)
            }
        }
    }
}

extension Redundancy {
    /// The spare units the redundancy adds to `n` required units, so that installed = required +
    /// spares (DESIGN.md §5.14's counting rule; REFERENCE.md §2.4, APC WP75): N: 0; N+k: k; 2N: n;
    /// 2(N+1): n + 2; xN/y with m = ⌈n/y⌉: x·m − n; block with r reserve blocks: r. Nothing is
    /// spare for nothing: 0 when `n` is 0.
    ///
    /// Example: N+1 with 24 chillers required installs 24 + 1 = 25; 2(N+1) with 27 UPS modules
    /// required installs 27 + 29 = 56 (two systems of 28).
    public func spares(required n: Int) -> Int {
        guard n > 0 else { return 0 }
        return switch self {
        case .n: 0
        case .nPlus(let k): k
        case .twoN: n
        case .twoNPlusOne: n + 2
        case .distributed(let x, let y): x * ((n + y - 1) / y) - n
        case .block(let reserve): reserve
        }
    }
}

/// A redundancy string `Redundancy(parsing:)` does not understand.
public enum RedundancyError: Error, Equatable, CustomStringConvertible {
    case unknown(String)
    /// A well-formed redundancy whose number is past `Redundancy.maximumNumber` (`N+5000`).
    case tooLarge(String)
    public var description: String {
        switch self {
        case .tooLarge(let text):
            "redundancy '\(text)' is beyond sense: k of N+k and block+k, and x of xN/y, must be at most "
                + "\(Redundancy.maximumNumber)"
        case .unknown(let text):
            "unknown redundancy '\(text)': expected N, N+k (e.g. N+1, N+2), 2N, 2(N+1), xN/y with x > y (e.g. 4N/3, "
                + "3N/2) or block"
        }
    }
}

/// Units and capacities of one stage (or one group of a stage) under a redundancy topology,
/// for load `L` and real-power unit rating `U` (REFERENCE.md §2.4, APC WP75).
///
/// Capacity bookkeeping, with `installed = units installed × U`:
/// - `usable`: the capacity left after the failures the topology is designed to tolerate, i.e.
///   the most load it may carry: `n·U` for N, N+k, 2N, 2(N+1) and block; `y·m·U` for xN/y built
///   of `x` systems of `m = ⌈n/y⌉` units (REFERENCE.md §2.4 "Usable" column).
/// - `reserve = installed − usable`: capacity bought on purpose so the load survives a failure.
/// - `stranded = usable − load = installed − reserve − load`: capacity installed and protected
///   but not used by the design load, left over by rounding to whole units and whole systems.
///   This is DESIGN.md §5.2's "installed − usable − load" read as installed − (installed −
///   usable) − load. Negative when the load exceeds the usable capacity (a capping problem).
public struct RedundancySizing: Hashable, Sendable {
    public var redundancy: Redundancy
    /// The load the stage (group) carries [W].
    public var load: Power
    /// Real-power rating of one unit [W].
    public var unitRating: Power
    /// `n = ⌈L/U⌉`, at least the stage's minimum.
    public var unitsRequired: Int
    public var unitsInstalled: Int
    /// Units that share the load in normal operation (all installed units except idle block reserves).
    public var unitsSharingLoad: Int
    /// Units whose capacity is usable: what remains after the failures the topology tolerates.
    public var unitsUsable: Int
    /// What the worst single failure takes out, e.g. "one unit" or "system A (4 units)".
    public var worstFailure: String
    /// Units that share the load after the worst single failure (0 when none survive).
    public var unitsAfterFailure: Int
    /// Largest per-unit loading allowed in normal operation (`ContinuousLoading`); 100 % unless set.
    public var continuousLimit: Ratio

    public init(
        redundancy: Redundancy, load: Power, unitRating: Power, unitsRequired: Int, unitsInstalled: Int,
        unitsSharingLoad: Int, unitsUsable: Int, worstFailure: String, unitsAfterFailure: Int,
        continuousLimit: Ratio = .one
    ) {
        self.continuousLimit = continuousLimit
        self.redundancy = redundancy
        self.load = load
        self.unitRating = unitRating
        self.unitsRequired = unitsRequired
        self.unitsInstalled = unitsInstalled
        self.unitsSharingLoad = unitsSharingLoad
        self.unitsUsable = unitsUsable
        self.worstFailure = worstFailure
        self.unitsAfterFailure = unitsAfterFailure
    }

    public var installedCapacity: Power { unitRating * Double(unitsInstalled) }
    /// The capacity left after the failures the topology tolerates (see the type's comment).
    public var usableCapacity: Power { unitRating * Double(unitsUsable) }
    /// `installed − usable`: held in reserve for redundancy.
    public var reserveCapacity: Power { installedCapacity - usableCapacity }
    /// `usable − load` (see the type's comment).
    public var strandedCapacity: Power { usableCapacity - load }
    /// `installed/usable`: 1.25 for N+1 with n = 4, 4/3 for 4N/3, 1.5 for 3N/2, 2 for 2N, 2.5 for 2(N+1), n = 4.
    public var installedToUsable: Double { installedCapacity / usableCapacity }
    /// Per-unit loading in normal operation: `L/(units sharing × U)`.
    public var loadingNormal: Ratio { .fraction(load / (unitRating * Double(unitsSharingLoad))) }
    /// Per-unit loading of the survivors after the worst single failure; nil when no unit survives.
    public var loadingAfterFailure: Ratio? {
        unitsAfterFailure > 0 ? .fraction(load / (unitRating * Double(unitsAfterFailure))) : nil
    }
    /// Whether the normal loading is within the continuous limit (to 1e-9).
    public var withinContinuousLimit: Bool { loadingNormal.fraction <= continuousLimit.fraction + 1e-9 }
    /// Whether the load survives the worst single failure: survivors exist and stay at or below
    /// 100 % (to 1e-9).
    ///
    /// An N stage never survives: its units are independent (one busway per run, one transformer
    /// per switchboard), so a failed unit's load drops whatever headroom the others have
    /// (DESIGN.md §5.7); units that share a bus and may cover for each other are N+k.
    public var survivesWorstFailure: Bool {
        if case .n = redundancy { return false }
        guard let loading = loadingAfterFailure else { return false }
        return loading.fraction <= 1 + 1e-9
    }
}
