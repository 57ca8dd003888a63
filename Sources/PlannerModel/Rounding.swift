import Foundation

extension Double {
    /// The value rounded half away from zero to `decimals` digits after the point, negative zero as
    /// zero: the resolution machine-readable outputs state per field or column (DESIGN.md §8.3).
    public func rounded(decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        let rounded = (self * scale).rounded() / scale
        return rounded == 0 ? 0 : rounded
    }
}
