/// One level of the distribution hierarchy for the transient envelope (rack, row, hall, site).
public struct TransientLevel: Hashable, Sendable {
    public var name: String
    /// Steady (design) power of one unit at this level, e.g. one rack [W].
    public var steady: Power
    /// Units at this level, e.g. 715 racks.
    public var count: Int

    public init(name: String, steady: Power, count: Int) {
        self.name = name
        self.steady = steady
        self.count = count
    }
}

/// What one level sees of a synchronous swing when smoothing storage sits at some level.
public struct TransientLevelResult: Hashable, Sendable {
    public var level: TransientLevel
    /// Peak power one unit sees [W]: `f·P` at and below the storage level, `P` above it.
    public var peak: Power
    /// Storage one unit holds [J]; nil for levels without storage.
    public var storagePerUnit: Energy?

    public init(level: TransientLevel, peak: Power, storagePerUnit: Energy?) {
        self.level = level
        self.peak = peak
        self.storagePerUnit = storagePerUnit
    }

    /// Protection (breaker, conductor) rating one unit needs: its peak [W].
    public var protectionRating: Power { peak }
}
