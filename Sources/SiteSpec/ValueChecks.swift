import PlannerModel

/// Semantic checks of single values. Each returns the value when it passes and nil after logging
/// an error at the value's place; an absent value (nil in) gives nil without a finding, because
/// absence was either allowed or already reported by the reader.
extension FindingLog {
    /// The largest count accepted by default (an integer key's `IntegerRange` may be narrower),
    /// and the most racks a site may hold in all, so that products of counts stay far from
    /// integer overflow.
    static let maximumCount = 1_000_000

    /// `value` when it satisfies `rule`, else nil after logging `message(value)`.
    func check<T>(_ value: Located<T>?, _ rule: (T) -> Bool, message: (T) -> String) -> T? {
        guard let value else { return nil }
        guard rule(value.value) else {
            error(message(value.value), at: value.place)
            return nil
        }
        return value.value
    }

    /// One of an enumeration's raw values: `must be one of compute, network, storage; got "gpu"`.
    func choice<E: RawRepresentable & CaseIterable>(_ value: Located<String>?, of type: E.Type) -> E?
    where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        return check(value) {
            E(rawValue: $0) != nil
        } message: {
            "must be one of \(names.joined(separator: ", ")); got \"\($0)\""
        }.flatMap(E.init(rawValue:))
    }

    /// An ID of lower-case letters, digits and `-`, starting with a letter or digit.
    func identifier(_ value: Located<String>?, example: String) -> String? {
        check(value) {
            Self.isIdentifier($0)
        } message: {
            "must be lower-case letters, digits and '-' (like '\(example)'), got \"\($0)\""
        }
    }

    /// `id` when no earlier value in `seen` has it (then it is recorded), else nil after logging
    /// `duplicate <noun> '<id>' (first at line N)`.
    func unique(_ id: String, at place: Place, noun: String, seen: inout [String: Place]) -> String? {
        if let first = seen[id] {
            error("duplicate \(noun) '\(id)' (first at line \(first.line ?? 0))", at: place)
            return nil
        }
        seen[id] = place
        return id
    }
}

extension FindingLog {
    /// `[a-z0-9][a-z0-9-]*`, checked by hand: regex literals are parsed at run time on every
    /// use, which made them a fifth of a sweep scenario's time.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLowerAlphanumeric(first) else { return false }
        return text.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// `YYYY-MM` with a month 01–12.
    static func isMonth(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 7, b[4] == UInt8(ascii: "-"),
            b.enumerated().allSatisfy({ $0.offset == 4 || isDigit($0.element) })
        else {
            return false
        }
        let month = Int(b[5] - 48) * 10 + Int(b[6] - 48)
        return (1...12).contains(month)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    private static func isLowerAlphanumeric(_ c: UInt8) -> Bool { isDigit(c) || (c >= 97 && c <= 122) }
}

extension Located where Value == Double {
    /// The whole number of an `.integer` key (the reader checked that it is whole and within its
    /// range, so the conversion is exact); nil only for a value that was not checked.
    var whole: Int? { Int(exactly: value) }

    /// A percentage as a ratio.
    var percent: Ratio { .percent(value) }
}
