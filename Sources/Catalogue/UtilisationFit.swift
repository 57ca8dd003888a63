import PlannerModel

/// One measured operating point: utilisation (GEMM duty cycle) and the median board power.
public struct MeasuredPowerPoint: Hashable, Sendable {
    public var phase: String
    public var utilisation: Ratio
    public var power: Power
    public init(phase: String, utilisation: Ratio, power: Power) {
        self.phase = phase
        self.utilisation = utilisation
        self.power = power
    }
}

/// Fitting the utilisation → power curve to measurements (DESIGN.md §5.1).
public enum UtilisationFit {
    /// Median board power of one H100 SXM (700 W limit) at idle and at 25/50/75/100 % bf16 GEMM
    /// duty, from `Data/h100-sxm-power-summary.json` (REFERENCE.md §9.2; H for this run, L as a
    /// Blackwell proxy). The idle point is phase `idle0`, measured before any load.
    public static let h100Medians: [MeasuredPowerPoint] = [
        .init(phase: "idle0", utilisation: .percent(0), power: .watts(135.93)),
        .init(phase: "gemm25", utilisation: .percent(25), power: .watts(347.74)),
        .init(phase: "gemm50", utilisation: .percent(50), power: .watts(524.04)),
        .init(phase: "gemm75", utilisation: .percent(75), power: .watts(639.72)),
        .init(phase: "gemm100", utilisation: .percent(100), power: .watts(691.66)),
    ]

    /// The H100 power limit the samples ran under [W].
    public static let h100PowerLimit = Power.watts(700)

    /// Idle draw as a share of the power limit: 135.93 W / 700 W = 0.1942 (REFERENCE.md §9.2).
    /// The catalogue derives idle rack power from design power with it (an estimate, L).
    public static var idleShare: Ratio { .fraction(h100Medians[0].power / h100PowerLimit) }

    /// Least-squares fit of the exponent `k` of `g(u) = 1 − (1 − u)^k` to measured points.
    ///
    /// The points are normalised with the lowest- and highest-utilisation points as idle and
    /// design: `y_i = (P_i − P_idle)/(P_design − P_idle)`; `k` minimises `Σ (g_k(u_i) − y_i)²`
    /// over the interior points by golden-section search on `k ∈ [0.1, 10]` (the objective is
    /// unimodal in `k` for points strictly inside 0…1). Deterministic; 80 iterations shrink the
    /// bracket below 1e-15.
    public static func fitExponent(to points: [MeasuredPowerPoint]) -> Double {
        let sorted = points.sorted { $0.utilisation < $1.utilisation }
        guard let low = sorted.first, let high = sorted.last, high.power > low.power else { return 1 }
        let span = high.power - low.power
        let interior = sorted.dropFirst().dropLast().map { (u: $0.utilisation, y: ($0.power - low.power) / span) }
        func residual(_ k: Double) -> Double {
            let curve = UtilisationCurve(exponent: k)
            return interior.reduce(0) { sum, p in
                let e = curve.loadFraction(at: p.u).fraction - p.y
                return sum + e * e
            }
        }
        var a = 0.1
        var b = 10.0
        let invPhi = (5.0.squareRoot() - 1) / 2
        var c = b - invPhi * (b - a)
        var d = a + invPhi * (b - a)
        for _ in 0..<80 {
            if residual(c) < residual(d) { b = d } else { a = c }
            c = b - invPhi * (b - a)
            d = a + invPhi * (b - a)
        }
        return (a + b) / 2
    }

    /// The default curve: fitted to the H100 medians (k ≈ 1.70).
    public static let defaultCurve = UtilisationCurve(
        exponent: fitExponent(to: h100Medians),
        source:
            "fitted by least squares to the median board power of an H100 SXM at 0/25/50/75/100 % GEMM duty "
            + "(REFERENCE.md §9.2; H for that run, L as a Blackwell proxy)"
    )
}
