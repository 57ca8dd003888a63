/// The defaults of the region a site is in (`site.country`, DESIGN.md §5.17): the interconnect
/// rule table, the medium and low distribution voltages, the grid emission factor and the
/// electricity tariff, each with its source. The loader resolves it once; the engine and the
/// reports only read it.
public struct RegionDefaults: Hashable, Sendable {
    /// How the loader arrived at the region.
    public enum Resolution: String, Hashable, Sendable {
        /// `site.country` names it.
        case given
        /// From `site.grid.rules` or the country code ending `site.location`.
        case inferred
        /// Nothing names a region: the project's default (Korea) applies.
        case defaulted
    }

    /// ISO 3166-1 alpha-2 code of the region's table, e.g. `KR`, `US`, `DE`.
    public var code: String
    /// E.g. "Korea (KEPCO)".
    public var name: String
    public var gridRules: GridRuleTable
    /// The site's MV distribution voltage: the main transformers' secondary, the site MV bus and
    /// the hall incomers.
    public var mediumVoltage: Voltage
    public var mediumVoltageSource: Provenance
    /// The region's nominal three-phase LV (line to line).
    public var lowVoltage: Voltage
    public var lowVoltageSource: Provenance
    /// The standard chain a hall gets when its spec names none (`halls[].power.distribution`).
    public var distribution: Distribution
    public var gridEmissionFactor: CarbonIntensity
    public var gridEmissionSource: Provenance
    /// The default tariff in words, e.g. "123.61 KRW/kWh energy, 7,470 KRW/kW·month demand".
    public var tariff: String
    public var tariffSource: Provenance
    /// The grid frequency (`site.grid.frequency_hz` when the spec leaves it out).
    public var frequencyHz: Double = 60
    public var frequencySource = Provenance(source: "REFERENCE.md D20, §2.5 (60 Hz in Korea)", confidence: .high)
    public var resolution: Resolution = .defaulted
    /// Why this region: e.g. "site.country: US", "from the country code KR ending site.location".
    public var reason: String = "no site.country"
    /// The country the spec or location named when another country's table stands in for it
    /// (e.g. `FR` with Germany's); nil when the table is the country's own.
    public var standInFor: String? = nil

    public init(
        code: String, name: String, gridRules: GridRuleTable, mediumVoltage: Voltage, mediumVoltageSource: Provenance,
        lowVoltage: Voltage, lowVoltageSource: Provenance, distribution: Distribution,
        gridEmissionFactor: CarbonIntensity, gridEmissionSource: Provenance, tariff: String, tariffSource: Provenance
    ) {
        self.code = code
        self.name = name
        self.gridRules = gridRules
        self.mediumVoltage = mediumVoltage
        self.mediumVoltageSource = mediumVoltageSource
        self.lowVoltage = lowVoltage
        self.lowVoltageSource = lowVoltageSource
        self.distribution = distribution
        self.gridEmissionFactor = gridEmissionFactor
        self.gridEmissionSource = gridEmissionSource
        self.tariff = tariff
        self.tariffSource = tariffSource
    }
}
