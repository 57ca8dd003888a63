import PlannerModel

/// Least-squares fit of the loss curve `P_loss/P_rated = a + b·x + c·x²` to efficiency points
/// (DESIGN.md §5.2; Schneider WP113).
public enum LossCurveFit {
    /// A term of the loss polynomial.
    public enum Term: Sendable, CaseIterable {
        /// `a`, no-load loss.
        case noLoad
        /// `b·x`, proportional loss.
        case proportional
        /// `c·x²`, square-law (I²R) loss.
        case square

        func basis(_ x: Double) -> Double {
            switch self {
            case .noLoad: 1
            case .proportional: x
            case .square: x * x
            }
        }
    }

    /// Fits the chosen terms (the others are zero) to the points by least squares on the loss
    /// ratio `P_loss/P_out = 1/η − 1`: minimises `Σ ((a + b·x_i + c·x_i²)/x_i − (1/η_i − 1))²`
    /// (normal equations `(AᵀA)·θ = Aᵀy`, Gaussian elimination with partial pivoting).
    ///
    /// Why the loss ratio and not the per-unit loss `x·(1/η − 1)`: an efficiency error is
    /// `Δη ≈ −η²·Δ(P_loss/P_out)`, so this objective is (to first order) least squares in
    /// efficiency, and light-load points are not drowned by full-load ones. On the 80 PLUS
    /// Titanium points it halves the worst efficiency error (0.74 vs 1.20 points).
    ///
    /// With as many distinct points as terms the fit is exact (interpolation). Restrict the terms
    /// when the points do not determine all three: one point → one term, a transformer's two
    /// points → `[.noLoad, .square]` (core + copper loss).
    ///
    /// - Returns: nil when a point has a non-positive load or there are fewer distinct loads than
    ///   terms (the normal matrix is singular).
    public static func fit(_ points: [EfficiencyPoint], terms: [Term] = Term.allCases) -> LossCurve? {
        guard points.allSatisfy({ $0.load.fraction > 0 }) else { return nil }
        let rows = points.map { (x: $0.load.fraction, y: 1 / $0.efficiency.fraction - 1) }
        let k = terms.count
        guard k > 0 else { return .lossless }
        // Normal equations, augmented: M[i][j] = Σ φ_i φ_j, M[i][k] = Σ φ_i y.
        var m = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k)
        for row in rows {
            let phi = terms.map { $0.basis(row.x) / row.x }
            for i in 0..<k {
                for j in 0..<k { m[i][j] += phi[i] * phi[j] }
                m[i][k] += phi[i] * row.y
            }
        }
        guard let theta = solve(&m) else { return nil }
        var curve = LossCurve.lossless
        for (term, value) in zip(terms, theta) {
            switch term {
            case .noLoad: curve.noLoad = value
            case .proportional: curve.proportional = value
            case .square: curve.square = value
            }
        }
        return curve
    }

    /// The residuals `η_fit(x_i) − η_i` of a curve at the points (in efficiency, not loss).
    public static func residuals(of curve: LossCurve, at points: [EfficiencyPoint]) -> [Double] {
        points.map { curve.efficiency(at: $0.load).fraction - $0.efficiency.fraction }
    }

    /// Solves an augmented k × (k+1) system in place; nil when singular (pivot below 1e-14
    /// relative to the matrix scale).
    private static func solve(_ m: inout [[Double]]) -> [Double]? {
        let k = m.count
        let scale = m.flatMap { $0.dropLast() }.map(abs).max() ?? 0
        guard scale > 0 else { return nil }
        for col in 0..<k {
            guard let pivot = (col..<k).max(by: { abs(m[$0][col]) < abs(m[$1][col]) }),
                abs(m[pivot][col]) > 1e-14 * scale
            else { return nil }
            m.swapAt(col, pivot)
            for row in 0..<k where row != col {
                let factor = m[row][col] / m[col][col]
                for j in col...k { m[row][j] -= factor * m[col][j] }
            }
        }
        return (0..<k).map { m[$0][k] / m[$0][$0] }
    }
}
