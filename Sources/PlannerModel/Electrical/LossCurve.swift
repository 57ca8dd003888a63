/// One measured or published efficiency point of a power-conversion or distribution unit.
///
/// `load` is the per-unit load `x = P_out/P_rated`; `efficiency` is `η = P_out/P_in`.
public struct EfficiencyPoint: Hashable, Sendable, Codable {
    public var load: Ratio
    public var efficiency: Ratio

    public init(load: Ratio, efficiency: Ratio) {
        self.load = load
        self.efficiency = efficiency
    }

    /// `(x, η)` in percent, the way datasheets print them.
    public static func percent(_ load: Double, _ efficiency: Double) -> EfficiencyPoint {
        EfficiencyPoint(load: .percent(load), efficiency: .percent(efficiency))
    }

    /// The loss of one unit at this point per unit of its rating: `x·(1/η − 1)`
    /// (dimensionless; multiply by `P_rated` for watts).
    public var perUnitLoss: Double { load.fraction * (1 / efficiency.fraction - 1) }
}

/// The loss of one unit as a quadratic in its per-unit load (DESIGN.md §5.2; Schneider WP113):
/// `P_loss = P_rated·(a + b·x + c·x²)` [W], `x = P_out/P_rated`.
///
/// `a` is the no-load loss (transformer core, UPS control and fans), `b` the proportional loss
/// (switching, diode drops), `c` the square-law loss (I²R in windings, busbars and cables), all
/// per unit of rating.
public struct LossCurve: Hashable, Sendable, Codable {
    /// `a`: no-load loss per unit of rating.
    public var noLoad: Double
    /// `b`: proportional loss coefficient.
    public var proportional: Double
    /// `c`: square-law loss coefficient.
    public var square: Double

    public init(noLoad: Double, proportional: Double, square: Double) {
        self.noLoad = noLoad
        self.proportional = proportional
        self.square = square
    }

    /// No loss at any load.
    public static let lossless = LossCurve(noLoad: 0, proportional: 0, square: 0)

    /// Loss of one unit per unit of its rating.
    ///
    /// `p = a + b·x + c·x²`
    ///
    /// - Parameter load: `x = P_out/P_rated` (fraction).
    /// - Returns: `p`, the loss per unit of rating (dimensionless).
    ///
    /// Source: DESIGN.md §5.2 (loss curves; Schneider Electric WP113).
    public func perUnitLoss(at load: Ratio) -> Double {
        let x = load.fraction
        return noLoad + proportional * x + square * x * x
    }

    /// Loss of one unit carrying `x·P_rated`.
    ///
    /// `P_loss = P_rated·(a + b·x + c·x²)`
    ///
    /// - Parameters:
    ///   - load: `x = P_out/P_rated` (fraction).
    ///   - rating: `P_rated`, the unit's real-power rating [W].
    /// - Returns: `P_loss` [W].
    ///
    /// Source: DESIGN.md §5.2 (loss curves; Schneider Electric WP113).
    public func loss(at load: Ratio, rating: Power) -> Power { rating * perUnitLoss(at: load) }

    /// Efficiency of one unit at a per-unit load.
    ///
    /// `η = P_out/P_in = x/(x + a + b·x + c·x²)`
    ///
    /// - Parameter load: `x = P_out/P_rated` (fraction).
    /// - Returns: `η` (fraction); zero at no load.
    ///
    /// Source: DESIGN.md §5.2 (loss curves).
    public func efficiency(at load: Ratio) -> Ratio {
        let x = load.fraction
        guard x > 0 else { return .fraction(0) }
        return .fraction(x / (x + perUnitLoss(at: load)))
    }
}
