/// How far a number can be trusted, as tagged in `REFERENCE.md`.
public enum Confidence: String, Sendable, Codable, CaseIterable, Comparable {
    /// A primary document (vendor documentation, law, standard) or several agreeing sources.
    case high = "H"
    /// A reputable secondary source, or a primary one quoted second-hand.
    case medium = "M"
    /// An estimate, unverified value or single weak source: reports label it as an estimate.
    case low = "L"

    public var label: String {
        switch self {
        case .high: "H (primary source)"
        case .medium: "M (secondary source)"
        case .low: "L (estimate)"
        }
    }

    private var rank: Int {
        switch self {
        case .high: 2
        case .medium: 1
        case .low: 0
        }
    }
    /// Lower confidence sorts first, so `min()` of several inputs is the weakest.
    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }
}

/// Where a default comes from: the `REFERENCE.md` rows it cites and how sure they are.
public struct Provenance: Hashable, Sendable, Codable {
    /// The cited rows, e.g. "REFERENCE.md D02; §1.2 GB300 NVL72; §1.3 (D08)".
    public var source: String
    /// The weakest confidence of the inputs.
    public var confidence: Confidence
    /// How derived values were derived, in one or two sentences.
    public var derivation: String?

    public init(source: String, confidence: Confidence, derivation: String? = nil) {
        self.source = source
        self.confidence = confidence
        self.derivation = derivation
    }
}

/// A documented default that the loader applied because the spec left its key out: which key,
/// the value as a spec would write it, and where the value comes from.
public struct AppliedDefault: Hashable, Sendable {
    /// The spec path, e.g. `cooling.cdu` or `halls[0].layout.aisle_m`.
    public var key: String
    /// The value as it would be written in the spec, e.g. `cdu-liquidstack-1mw` or `36`.
    public var value: String
    public var provenance: Provenance

    public init(key: String, value: String, provenance: Provenance) {
        self.key = key
        self.value = value
        self.provenance = provenance
    }
}
