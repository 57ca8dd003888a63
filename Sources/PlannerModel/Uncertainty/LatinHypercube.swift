/// SplitMix64 (Steele, Lea & Flood 2014; REFERENCE.md P504): a 64-bit generator whose stream
/// is a function of its seed alone, the same on every machine and thread count.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double strictly inside (0, 1): the top 53 bits plus one half, times 2⁻⁵³.
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A uniform integer in 0..<n (Lemire's multiply-shift with rejection, so unbiased).
    public mutating func next(below n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        let threshold = (0 &- bound) % bound
        while true {
            let x = next()
            let (high, low) = x.multipliedFullWidth(by: bound)
            if low >= threshold { return Int(high) }
        }
    }
}

/// A Latin hypercube design (McKay, Beckman & Conover 1979; REFERENCE.md P501): `n` samples of
/// `d` variables in (0, 1) such that, for every variable, each of the `n` strata
/// `[k/n, (k+1)/n)` holds exactly one sample. Variable `v` of sample `i` is
/// `u = (π_v(i) + r_{i,v}) / n`, with `π_v` a random permutation (Fisher–Yates) and `r` uniform
/// in (0, 1), all drawn from one ``SplitMix64`` stream in variable order: the design depends on
/// the seed, `n` and `d` only.
public struct LatinHypercube: Sendable, Hashable {
    public let samples: Int
    public let variables: Int
    /// `u[i * variables + v]`.
    private let values: [Double]

    public init(samples n: Int, variables d: Int, seed: UInt64) {
        precondition(n >= 1 && d >= 0)
        var generator = SplitMix64(seed: seed)
        var values = [Double](repeating: 0, count: n * d)
        var permutation = Array(0..<n)
        for v in 0..<d {
            for k in 0..<n { permutation[k] = k }
            for k in stride(from: n - 1, to: 0, by: -1) {
                permutation.swapAt(k, generator.next(below: k + 1))
            }
            for i in 0..<n {
                values[i * d + v] = (Double(permutation[i]) + generator.nextOpenUnit()) / Double(n)
            }
        }
        samples = n
        variables = d
        self.values = values
    }

    /// Variable `v` of sample `i`, in (0, 1).
    public func value(sample i: Int, variable v: Int) -> Double { values[i * variables + v] }

    /// The stratum `⌊u·n⌋` of variable `v` in sample `i`.
    public func stratum(sample i: Int, variable v: Int) -> Int {
        min(samples - 1, Int(value(sample: i, variable: v) * Double(samples)))
    }
}

/// Order statistics and rank correlation for the bands (DESIGN.md §5.20).
public enum SampleStatistics {
    /// The `p`-quantile (0 ≤ p ≤ 1) of `values` by linear interpolation between order statistics
    /// (Hyndman & Fan's definition 7, the default of R and NumPy; REFERENCE.md P505):
    /// `h = (n − 1)·p`, `Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)` over the sorted values.
    public static func quantile(sorted values: [Double], _ p: Double) -> Double {
        precondition(!values.isEmpty)
        let h = Double(values.count - 1) * p
        let lower = Int(h.rounded(.down))
        let upper = min(values.count - 1, lower + 1)
        return values[lower] + (h - Double(lower)) * (values[upper] - values[lower])
    }

    /// Ranks 1…n, ties given the mean of the ranks they span.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// Spearman's rank correlation ρ: Pearson's correlation of the ranks (ties averaged;
    /// REFERENCE.md P506). Nil when either list is constant (no ranking to correlate).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count)
        guard x.count >= 2 else { return nil }
        return pearson(ranks(x), ranks(y))
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
