/// One shard of a sweep (`--shard i/n`): the scenarios with index ≡ i (mod n), 0 ≤ i < n.
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        (self.index, self.count) = (index, count)
    }

    /// Reads `i/n`; nil when the text is not two integers separated by `/`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        (index, count) = (i, n)
    }

    /// The whole sweep as one shard.
    public static let all = Shard(index: 0, count: 1)

    /// Whether `0 ≤ index < count`.
    public var isValid: Bool { count >= 1 && index >= 0 && index < count }

    public var description: String { "\(index)/\(count)" }

    /// The scenario indices of this shard among `scenarios`, in order, without storing them.
    public func indices(of scenarios: Int) -> ShardIndices { ShardIndices(shard: self, scenarios: scenarios) }
}

/// The scenario indices `i, i + n, i + 2n, …` below the scenario count of a shard `i/n`, as a
/// collection computed on access (a shard of a 10⁹-scenario sweep holds no array).
public struct ShardIndices: RandomAccessCollection, Sendable {
    public let shard: Shard
    public let count: Int

    init(shard: Shard, scenarios: Int) {
        self.shard = shard
        // ⌈(scenarios − i)/n⌉ scenarios, none when the shard starts past the last one.
        count = shard.isValid && shard.index < scenarios ? (scenarios - shard.index - 1) / shard.count + 1 : 0
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> Int { shard.index + position * shard.count }
}
