import Foundation

/// How an uncertain input is spread (DESIGN.md §5.20): a triangular distribution
/// `{ low, typical, high }`, a normal one `{ mean, sd }`, or equally likely alternatives
/// (`{ alternatives: [a, b] }`, e.g. weather files). Values are in the unit of the spec key.
public enum InputDistribution: Hashable, Sendable, CustomStringConvertible {
    case triangular(low: Double, mode: Double, high: Double)
    case normal(mean: Double, sd: Double)
    case alternatives([SweepValue])

    /// The value the deterministic plan uses: the mode, the mean, or the first alternative.
    public var central: SweepValue {
        switch self {
        case .triangular(_, let mode, _): .number(mode)
        case .normal(let mean, _): .number(mean)
        case .alternatives(let values): values[0]
        }
    }

    /// The value at cumulative probability `u` (0 < u < 1): the inverse distribution function.
    ///
    /// Triangular (Johnson, Kotz & Balakrishnan, *Continuous Univariate Distributions* 2, ch. 26;
    /// REFERENCE.md P502), with `F_c = (c − a)/(b − a)`:
    /// `x = a + √(u·(b − a)·(c − a))` for `u < F_c`, else `x = b − √((1 − u)·(b − a)·(b − c))`.
    /// Normal: `x = μ + σ·Φ⁻¹(u)` (``standardNormalQuantile(_:)``). Alternatives: the
    /// `⌊u·k⌋`-th of `k`, each with probability 1/k.
    public func quantile(_ u: Double) -> SweepValue {
        switch self {
        case .triangular(let a, let c, let b):
            guard b > a else { return .number(c) }
            let fc = (c - a) / (b - a)
            if u < fc { return .number(a + (u * (b - a) * (c - a)).squareRoot()) }
            return .number(b - ((1 - u) * (b - a) * (b - c)).squareRoot())
        case .normal(let mean, let sd):
            return .number(mean + sd * Self.standardNormalQuantile(u))
        case .alternatives(let values):
            return values[min(values.count - 1, max(0, Int(u * Double(values.count))))]
        }
    }

    /// `Φ⁻¹(p)`, the standard normal quantile, for 0 < p < 1: Acklam's rational approximation
    /// (relative error below 1.15e-9) refined by one Halley step on `Φ(x) = erfc(−x/√2)/2`,
    /// which brings it to double precision (REFERENCE.md P503).
    public static func standardNormalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "the normal quantile needs 0 < p < 1")
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x =
                (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5
            let r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x =
                -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        // One Halley step: e = Φ(x) − p, u = e·√(2π)·exp(x²/2), x ← x − u/(1 + x·u/2).
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// `{ low 120, typical 132, high 140 }`, `{ mean 80, sd 5 }`, `{ a | b }`.
    public var description: String {
        switch self {
        case .triangular(let a, let c, let b):
            "triangular \(NumberText.compact(a)) / \(NumberText.compact(c)) / \(NumberText.compact(b))"
        case .normal(let mean, let sd): "normal \(NumberText.compact(mean)) ± \(NumberText.compact(sd)) (1 sd)"
        case .alternatives(let values): "one of " + values.map(\.description).joined(separator: " | ")
        }
    }
}

/// One uncertain input: where it is written (a spec path such as `cooling.tcs_supply_c`, or a
/// catalogue figure such as `catalog.gb300-nvl72.power`), how it is spread, and why.
public struct UncertainInput: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A spec value, written as a distribution in the spec or defaulted with its confidence's spread.
        case specKey
        /// A price defaulted in a tariff's currency: written with `cost.currency` set to it.
        case price(currency: String)
        /// A factor on a rack entry's idle, design and nameplate power (1 = the catalogue's).
        case rackPower(entryID: String)
        /// The typical unit cost of a cost-catalogue entry.
        case unitCost(entryID: String)
    }

    /// The spec path or catalogue figure, as reports name it.
    public var name: String
    public var kind: Kind
    public var distribution: InputDistribution
    /// Whether a spec value is an integer (sampled values are rounded).
    public var integer: Bool
    /// Where the spread comes from: `the spec (line 12)` or `default, confidence M → ±15 %`.
    public var origin: String

    public init(name: String, kind: Kind, distribution: InputDistribution, integer: Bool = false, origin: String) {
        self.name = name
        self.kind = kind
        self.distribution = distribution
        self.integer = integer
        self.origin = origin
    }
}

/// The spread a confidence grade stands for when an input has no distribution of its own:
/// a symmetric triangular ±5 % (H), ±15 % (M), ±30 % (L) of the value (REFERENCE.md P500,
/// dcplan's engineering default anchored on the AACE estimate classes).
extension Confidence {
    public var spread: Ratio {
        switch self {
        case .high: .percent(5)
        case .medium: .percent(15)
        case .low: .percent(30)
        }
    }
}

/// What the spec asks of the uncertainty analysis (`uncertainty:`, DESIGN.md §5.20).
public struct UncertaintyChoices: Hashable, Sendable {
    /// The most samples a plan may draw (`uncertainty.samples`, `--samples`).
    public static let maximumSamples = 100_000
    /// Samples to draw; 0: none (the plan only lists the distributions it was given).
    public var samples: Int
    /// Seed of the Latin hypercube (`uncertainty.seed`, default 1).
    public var seed: UInt64
    /// Whether defaults and catalogue figures without a distribution of their own are spread by
    /// their confidence (`uncertainty.from_confidence`, default on).
    public var fromConfidence: Bool
    /// The distributions written in the spec, in document order.
    public var inputs: [UncertainInput]

    public init(samples: Int, seed: UInt64 = 1, fromConfidence: Bool = true, inputs: [UncertainInput] = []) {
        self.samples = samples
        self.seed = seed
        self.fromConfidence = fromConfidence
        self.inputs = inputs
    }
}
