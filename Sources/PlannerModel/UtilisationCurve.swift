import Foundation

/// The shape of sustained power between idle and design as a function of utilisation
/// (DESIGN.md §5.1).
///
/// `P(u) = P_idle + (P_design − P_idle)·g(u)` with `g(u) = 1 − (1 − u)^k`, `u ∈ [0, 1]`.
/// `g` is monotone, `g(0) = 0`, `g(1) = 1`; `k > 1` makes power concave in load, as measured on
/// an H100 (a quarter of the work costs half the TDP, REFERENCE.md §9.2). `k = 1` is linear.
public struct UtilisationCurve: Hashable, Sendable {
    /// The exponent `k` (dimensionless, > 0).
    public var exponent: Double
    /// Where the exponent comes from, for reports; nil for a curve set by hand.
    public var source: String?

    public init(exponent: Double, source: String? = nil) {
        self.exponent = exponent
        self.source = source
    }

    /// The linear curve `g(u) = u`.
    public static let linear = UtilisationCurve(exponent: 1)

    /// `g(u) = 1 − (1 − u)^k`, the share of the idle-to-design span drawn at utilisation `u`.
    /// `u` is clamped to 0…1.
    public func loadFraction(at utilisation: Ratio) -> Ratio {
        let u = min(max(utilisation.fraction, 0), 1)
        return .fraction(1 - pow(1 - u, exponent))
    }

    /// Sustained power `P(u) = P_idle + (P_design − P_idle)·g(u)` [W].
    public func power(at utilisation: Ratio, idle: Power, design: Power) -> Power {
        idle + (design - idle) * loadFraction(at: utilisation).fraction
    }
}
