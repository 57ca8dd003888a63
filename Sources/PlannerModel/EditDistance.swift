/// Levenshtein edit distance, for "did you mean" suggestions.
public enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions turning `a` into
    /// `b` (Wagner–Fischer, O(|a|·|b|) time, O(|b|) memory).
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Up to `limit` candidates closest to `word`, nearest first (ties in candidate order), keeping
    /// only those within `max(2, word.count / 2)` edits or sharing a prefix of three characters.
    public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let threshold = max(2, word.count / 2)
        return candidates.enumerated()
            .map { (index: $0.offset, name: $0.element, distance: between(word.lowercased(), $0.element.lowercased())) }
            .filter { $0.distance <= threshold || (word.count >= 3 && $0.name.hasPrefix(word.prefix(3))) }
            .sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }
            .prefix(limit)
            .map(\.name)
    }
}
