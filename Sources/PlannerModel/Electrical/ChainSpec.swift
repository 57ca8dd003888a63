/// The power distribution a site uses (DESIGN.md §5.2): which standard chain is built.
public enum Distribution: String, Sendable, Codable, CaseIterable {
    case ac415 = "ac-415v"
    case ac480 = "ac-480v"
    case dc800 = "dc-800v"
}

/// How the UPS runs: through both converters, or on the bypass path with the inverter standing by.
public enum UPSMode: String, Sendable, Codable, CaseIterable {
    case doubleConversion = "double-conversion"
    case eco
}

/// The UPS choice of an AC chain. Its topology also applies to the rest of the LV path (MV/LV
/// transformers, LV switchboard) and, in the 800 VDC chain, to the SSTs that replace that path.
public struct UPSSpec: Hashable, Sendable {
    public var redundancy: Redundancy
    /// Real-power rating of one UPS module [W].
    public var moduleRating: Power
    public var mode: UPSMode

    /// N+1, 1 MW modules (inside REFERENCE.md §2.3's 0.5-1.6 MVA), double conversion (L).
    public init(
        redundancy: Redundancy = .nPlus(1), moduleRating: Power = .kilowatts(1000), mode: UPSMode = .doubleConversion
    ) {
        self.redundancy = redundancy
        self.moduleRating = moduleRating
        self.mode = mode
    }
}
