/// Whole counts derived from real quantities (units `⌈L/U⌉`, circuits, heat pumps), converted
/// without a trap: `Int(_:)` traps on an infinite, NaN or too large `Double`. The spec's ranges
/// keep every load and rating finite and the counts far below the cap; the cap only makes sure
/// that no input, however it got there, stops the planner. A count at the cap is beyond sense,
/// and the planner's findings say so (more than 10,000 units of one kind in one hall).
public enum UnitCount {
    /// The largest count a conversion gives (2⁴⁰ ≈ 1.1·10¹²): far from overflow even after the
    /// redundancy arithmetic (`x·m` with `x` ≤ 1,000, `2(n + 1)`, `n + k`).
    public static let cap = 1 << 40

    /// `⌈x⌉` as an `Int` within `0…cap`: NaN and +∞ give `cap` (a count no one could install),
    /// −∞ and negatives give 0.
    public static func ceiling(_ x: Double) -> Int {
        whole(x.rounded(.up))
    }

    /// `x` (already whole) as an `Int` within `0…cap`, NaN as `cap`.
    public static func whole(_ x: Double) -> Int {
        guard !x.isNaN else { return cap }
        if x <= 0 { return 0 }
        if x >= Double(cap) { return cap }
        return Int(exactly: x.rounded(.up)) ?? cap
    }
}
