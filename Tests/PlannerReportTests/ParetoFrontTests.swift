import Testing

@testable import PlannerReport

@Suite("Pareto front of a sweep")
struct ParetoFrontTests {
    /// The definition, point by point: `a` dominates `b` when it is at least as good on both
    /// scores and differs on one.
    static func bruteForce(_ points: [(x: Double, y: Double)], lowerX: Bool, lowerY: Bool) -> Set<Int> {
        func dominates(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Bool {
            let xOK = lowerX ? a.x <= b.x : a.x >= b.x
            let yOK = lowerY ? a.y <= b.y : a.y >= b.y
            return xOK && yOK && (a.x != b.x || a.y != b.y)
        }
        return Set(points.indices.filter { i in !points.contains { dominates($0, points[i]) } })
    }

    @Test("a hand-made front: a point on it, one dominated, one replacing two, and equal points all kept")
    func handExample() {
        // Lower x and higher y are better (e.g. facility power against IT power).
        var front = ParetoFront(lowerX: true, lowerY: false)
        let added = [
            front.add(x: 10, y: 5, index: 0),
            front.add(x: 20, y: 8, index: 1), // worse x, better y: both stay
            front.add(x: 12, y: 4, index: 2), // (10, 5) beats it on both
        ]
        #expect(added == [true, true, false])
        #expect(Set(front.members.map(\.index)) == [0, 1])
        let replacing = front.add(x: 9, y: 9, index: 3) // beats (10, 5) and (20, 8): it alone remains
        let equal = front.add(x: 9, y: 9, index: 4) // equal to (9, 9): neither dominates the other
        #expect(replacing && equal)
        #expect(Set(front.members.map(\.index)) == [3, 4])
    }

    @Test("the sorted front keeps exactly the points that no other point dominates, in every orientation")
    func matchesBruteForce() {
        var generator = SystemRandomNumberGenerator()
        for orientation in [(true, true), (true, false), (false, true), (false, false)] {
            for _ in 0..<40 {
                let count = Int.random(in: 1...300, using: &generator)
                // Few distinct values, so ties and equal points are common.
                let points = (0..<count).map { _ in
                    (
                        x: Double(Int.random(in: -8...8, using: &generator)),
                        y: Double(Int.random(in: -8...8, using: &generator))
                    )
                }
                var front = ParetoFront(lowerX: orientation.0, lowerY: orientation.1)
                for (i, p) in points.enumerated() { front.add(x: p.x, y: p.y, index: i) }
                let expected = Self.bruteForce(points, lowerX: orientation.0, lowerY: orientation.1)
                #expect(Set(front.members.map(\.index)) == expected)
                #expect(front.count == expected.count)
            }
        }
    }

    @Test("a line of 100,000 trade-off points is all front and builds in one pass")
    func longFront() {
        // Every point has more IT power for more facility power: none dominates another.
        var front = ParetoFront(lowerX: true, lowerY: false)
        for i in 0..<100_000 { front.add(x: Double(i), y: Double(i) * 0.9, index: i) }
        #expect(front.count == 100_000)
    }

    @Test("a long front is thinned evenly for the report, keeping both ends")
    func evenlySpaced() {
        let front = Array(0..<1_000)
        let listed = SweepMarkdown.evenlySpaced(front, limit: 40)
        #expect(listed.count == 40)
        #expect(listed.first == 0 && listed.last == 999)
        // Steps of 999/39 ≈ 25.6 rounded: 0, 26, 51, 77, …
        #expect(Array(listed.prefix(4)) == [0, 26, 51, 77])
        #expect(zip(listed, listed.dropFirst()).allSatisfy { $1 - $0 == 25 || $1 - $0 == 26 })
        #expect(SweepMarkdown.evenlySpaced([1, 2, 3], limit: 40) == [1, 2, 3])
    }
}
