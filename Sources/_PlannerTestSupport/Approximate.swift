import PlannerModel

/// `|a − b| ≤ max(absolute, relative·max(|a|, |b|))`.
public func isClose(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 0) -> Bool {
    abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// Two quantities equal to a relative tolerance.
public func isClose<Q: Quantity>(_ a: Q, _ b: Q, relative: Double = 1e-9) -> Bool {
    isClose(a.si, b.si, relative: relative)
}
