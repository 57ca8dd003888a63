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
    /// With `n = ⌈L/U⌉`, raised when needed so that the normal loading stays within
    /// `continuousLimit` (`unitsForContinuousLimit`):
    ///
    /// | Topology | Installed | Sharing load | Usable | Worst single failure → survivors |
    /// |---|---|---|---|---|
    /// | N | n | n | n | one unit → n − 1 (overloaded) |
    /// | N+k | n + k | n + k | n | one unit → n + k − 1 |
    /// | 2N | 2n | 2n | n | path A → n |
    /// | 2(N+1) | 2(n + 1) | 2(n + 1) | n | path A → n + 1 |
    /// | xN/y, m = ⌈n/y⌉ | x·m | x·m | y·m | one system → (x − 1)·m |
    /// | block, r reserve | n + r | n | n | one block → n (reserve takes over) |
    ///
    /// In 2N, 2(N+1) and xN/y the redundant element is a whole system, so the worst single failure
    /// (e.g. a system's switchboard) takes a system out; in N+k and block it is one unit.
    public static func size(
        load: Power, unitRating: Power, redundancy: Redundancy, minimumUnits: Int = 1, continuousLimit: Ratio = .one
    ) -> RedundancySizing {
        let rated = unitsRequired(load: load, unitRating: unitRating, minimum: minimumUnits)
        let n = max(
            rated, continuousLimit < .one ? unitsForContinuousLimit(load, unitRating, redundancy, continuousLimit) : 1)
        func units(_ count: Int) -> String { count == 1 ? "1 unit" : "\(count) units" }
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
            (installed, sharing, usable, failure, after) = (2 * n, 2 * n, n, "path A (\(units(n)))", n)
        case .twoNPlusOne:
            (installed, sharing, usable, failure, after) = (
                2 * (n + 1), 2 * (n + 1), n, "path A (\(units(n + 1)))", n + 1
            )
        case .distributed(let x, let y):
            let m = (n + y - 1) / y
            (installed, sharing, usable, failure, after) = (
                x * m, x * m, y * m, "one of \(x) systems (\(units(m)))", (x - 1) * m
            )
        case .block(let reserve):
            (installed, sharing, usable, failure, after) = (
                n + reserve, n, n, "one block (a catcher takes over)", reserve > 0 ? n : n - 1
            )
        }
        return RedundancySizing(
            redundancy: redundancy, load: load, unitRating: unitRating, unitsRequired: n, unitsInstalled: installed,
            unitsSharingLoad: sharing, unitsUsable: usable, worstFailure: failure, unitsAfterFailure: after,
            continuousLimit: continuousLimit)
    }

    /// The fewest units `n` whose normal loading stays within a continuous limit `c`:
    /// the units sharing the load must number at least `s = ⌈L/(c·U)⌉`, and under each topology
    /// `s(n)` is N: `n`; N+k: `n + k`; 2N: `2n`; 2(N+1): `2(n + 1)`; xN/y: `x·⌈n/y⌉`; block: `n`
    /// (the catcher idles), so `n` is N, block: `s`; N+k: `s − k`; 2N: `⌈s/2⌉`; 2(N+1):
    /// `⌈s/2⌉ − 1`; xN/y: `y·⌈s/x⌉` (at least 1).
    ///
    /// Source: REFERENCE.md P39-P43 (NEC 125 % rule: continuous load ≤ 80 % of the rating);
    /// DESIGN.md §5.7.
    static func unitsForContinuousLimit(_ load: Power, _ unitRating: Power, _ redundancy: Redundancy, _ limit: Ratio)
        -> Int
    {
        guard limit > .zero else { return UnitCount.cap }
        let s = unitsRequired(load: load, unitRating: unitRating * limit.fraction)
        let n =
            switch redundancy {
            case .n, .block: s
            case .nPlus(let k): s - k
            case .twoN: (s + 1) / 2
            case .twoNPlusOne: (s + 1) / 2 - 1
            case .distributed(let x, let y): y * ((s + x - 1) / x)
            }
        return max(1, n)
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
