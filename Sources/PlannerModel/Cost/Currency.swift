/// The currencies prices may be given in, with the rate that converts them to US dollars
/// (REFERENCE.md C101, C102).
public enum Currency: String, Sendable, Codable, CaseIterable {
    case usd = "USD"
    case eur = "EUR"
    case krw = "KRW"

    /// US dollars per unit of the currency: 1 for USD; 1/1 422 for KRW (the Bank of Korea's 2025
    /// annual average, C101, M); 1.08 for EUR (the ECB reference rate around 2024-25, C102, L).
    public var usdPerUnit: Double {
        switch self {
        case .usd: 1
        case .eur: 1.08
        case .krw: 1.0 / 1422
        }
    }

    /// `amount` of this currency in US dollars.
    public func toUSD(_ amount: Double) -> Money { .dollars(amount * usdPerUnit) }
}

/// Low, typical and high values of one amount: the catalogue's range carried through every sum.
public struct CostRange: Hashable, Sendable {
    public var low: Money
    public var typical: Money
    public var high: Money

    public init(low: Money, typical: Money, high: Money) {
        self.low = low
        self.typical = typical
        self.high = high
    }

    public static let zero = CostRange(low: .zero, typical: .zero, high: .zero)
    public static func + (lhs: CostRange, rhs: CostRange) -> CostRange {
        CostRange(low: lhs.low + rhs.low, typical: lhs.typical + rhs.typical, high: lhs.high + rhs.high)
    }
    public static func += (lhs: inout CostRange, rhs: CostRange) { lhs = lhs + rhs }
    public static func * (lhs: CostRange, factor: Double) -> CostRange {
        CostRange(low: lhs.low * factor, typical: lhs.typical * factor, high: lhs.high * factor)
    }
}

extension Sequence {
    /// The sum of a cost range over the elements.
    public func sum(_ value: (Element) throws -> CostRange) rethrows -> CostRange {
        try reduce(CostRange.zero) { $0 + (try value($1)) }
    }
}
