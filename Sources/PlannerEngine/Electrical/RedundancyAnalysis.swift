import PlannerModel

/// Unit counts and capacities under a redundancy topology (REFERENCE.md §2.4; APC WP75,
/// https://apc.com/us/en/support/resources-tools/white-papers/comparing-ups-system-design-configurations.jsp).
public enum RedundancyAnalysis {
    /// Units the load needs: `n = max(minimum, ⌈L/U⌉)` (a relative 1e-12 slack keeps exact
    /// multiples from rounding up), converted without a trap (`UnitCount`): a load or rating no
    /// spec can give (an infinite load, a zero rating) counts `UnitCount.cap` units.
    public static func unitsRequired(load: Power, unitRating: Power, minimum: Int = 1) -> Int {
        let exact = load / unitRating
        return max(minimum, UnitCount.ceiling(exact * (1 - 1e-12)))
    }

    /// Sizes a stage (or one group of it) for load `L` [W] and unit rating `U` [W].
    ///
    /// With `n = ⌈L/U⌉`:
    ///
    /// | Topology | Installed | Sharing load | Usable | Worst single failure → survivors |
    /// |---|---|---|---|---|
    /// | N | n | n | n | one unit → n − 1 (overloaded) |
    /// | N+k | n + k | n + k | n | one unit → n + k − 1 |
    /// | 2N | 2n | 2n | n | system A → n |
    /// | 2(N+1) | 2(n + 1) | 2(n + 1) | n | system A → n + 1 |
    /// | xN/y, m = ⌈n/y⌉ | x·m | x·m | y·m | one system → (x − 1)·m |
    /// | block, r reserve | n + r | n | n | one block → n (reserve takes over) |
    ///
    /// In 2N, 2(N+1) and xN/y the redundant element is a whole system, so the worst single failure
    /// (e.g. a system's switchboard) takes a system out; in N+k and block it is one unit.
    public static func size(load: Power, unitRating: Power, redundancy: Redundancy, minimumUnits: Int = 1)
        -> RedundancySizing
    {
        let n = unitsRequired(load: load, unitRating: unitRating, minimum: minimumUnits)
        let installed: Int
        let sharing: Int
        let usable: Int
        let failure: String
        let after: Int
        switch redundancy {
        case .n:
            (installed, sharing, usable, failure, after) = (n, n, n, "one unit", n - 1)
        case .nPlus(let k):
            (installed, sharing, usable, failure, after) = (n + k, n + k, n, "one unit", n + k - 1)
        case .twoN:
            (installed, sharing, usable, failure, after) = (2 * n, 2 * n, n, "system A (\(n) units)", n)
        case .twoNPlusOne:
            (installed, sharing, usable, failure, after) = (
                2 * (n + 1), 2 * (n + 1), n, "system A (\(n + 1) units)", n + 1
            )
        case .distributed(let x, let y):
            let m = (n + y - 1) / y
            (installed, sharing, usable, failure, after) = (x * m, x * m, y * m, "one system (\(m) units)", (x - 1) * m)
        case .block(let reserve):
            (installed, sharing, usable, failure, after) = (n + reserve, n, n, "one block", reserve > 0 ? n : n - 1)
        }
        return RedundancySizing(
            redundancy: redundancy, load: load, unitRating: unitRating, unitsRequired: n, unitsInstalled: installed,
            unitsSharingLoad: sharing, unitsUsable: usable, worstFailure: failure, unitsAfterFailure: after)
    }

    /// Firm capacity of `installed` units under a redundancy: `u·U` for the largest `u` whose
    /// sizing installs no more than `installed` units (N+1 with 5 installed: 4 units; 2N with 6: 3).
    /// 0 when not even one unit's load fits. The units a sizing installs never fall as `u`
    /// grows, so `u` is found by bisection (a count-down took a step per unit).
    public static func firmCapacity(installed: Int, unitRating: Power, redundancy: Redundancy) -> Power {
        func fits(_ usable: Int) -> Bool {
            size(load: unitRating * Double(usable), unitRating: unitRating, redundancy: redundancy).unitsInstalled
                <= installed
        }
        guard installed > 0, fits(1) else { return .zero }
        var (low, high) = (1, installed) // fits(low); the answer lies in low...high
        while low < high {
            let middle = low + (high - low + 1) / 2
            if fits(middle) { low = middle } else { high = middle - 1 }
        }
        return unitRating * Double(low)
    }
}
