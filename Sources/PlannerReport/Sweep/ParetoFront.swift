import PlannerModel

/// The non-dominated points of a stream of (x, y) scores, kept sorted so that adding a point
/// costs a binary search and the removal of the points it dominates, not a scan of the front.
///
/// `a` dominates `b` when it is at least as good on both scores and not equal to it on both, so
/// points with equal scores all stay on the front (a sweep's report lists each such scenario).
/// With both scores mapped to "lower is better" (negated where higher is better), the front
/// sorted by x ascending has y non-increasing; the points a new point dominates are then one
/// contiguous run after it, and the only candidate to dominate it is the last point with x no
/// greater than its own. A scan of the whole front per point made a sweep whose scenarios all
/// lie on the front (IT power against facility power over a utilisation axis) quadratic.
public struct ParetoFront: Sendable {
    public typealias Point = (x: Double, y: Double, index: Int)

    let lowerX: Bool
    let lowerY: Bool
    /// The front in "lower is better" scores (u, v), sorted by (u, v) ascending.
    private var points: [(u: Double, v: Double, index: Int)] = []

    /// - Parameters: lowerX, lowerY: whether a lower x (y) is better.
    public init(lowerX: Bool, lowerY: Bool) {
        self.lowerX = lowerX
        self.lowerY = lowerY
    }

    public var count: Int { points.count }

    /// The front's points with their original scores, in no particular order.
    public var members: [Point] {
        points.map { (lowerX ? $0.u : -$0.u, lowerY ? $0.v : -$0.v, $0.index) }
    }

    /// Adds a point with finite scores; returns whether it is on the front (now).
    @discardableResult
    public mutating func add(x: Double, y: Double, index: Int) -> Bool {
        let u = lowerX ? x : -x
        let v = lowerY ? y : -y
        // First position whose u is greater than the new point's: points before it have u ≤ ours.
        var low = 0
        var high = points.count
        while low < high {
            let mid = (low + high) / 2
            if points[mid].u <= u { low = mid + 1 } else { high = mid }
        }
        if low > 0 {
            let p = points[low - 1]
            if p.v <= v && (p.u != u || p.v != v) { return false }
        }
        // Points with u ≥ ours start at the first with u ≥ u (equal ones sit just before `low`);
        // those equal to the new point stay, the dominated run after them goes.
        var start = low
        while start > 0 && points[start - 1].u == u { start -= 1 }
        var keep = start
        while keep < points.count && points[keep].u == u && points[keep].v == v { keep += 1 }
        var end = keep
        while end < points.count && points[end].v >= v { end += 1 }
        points.replaceSubrange(keep..<end, with: [(u, v, index)])
        return true
    }
}
