import PlannerModel

/// A region's defaults with the prices the cost analysis takes from it.
public struct Region: Sendable {
    public var defaults: RegionDefaults
    public var prices: RegionalPrices
}

/// The one regional table (`site.country`, DESIGN.md §5.17): per country the interconnect rule
/// table (`GridRuleTables`), the MV and LV distribution voltages, the grid emission factor and
/// the tariff (`BuiltInTariffs`), each citing its REFERENCE.md rows. The loader resolves a site's
/// region once; nothing else picks regional values.
public enum BuiltInRegions {
    /// Korea: KEPCO's rules; MV 22.9 kV (P102); LV 380 V three-phase (P98, P102) with the 415 V
    /// chain standing in (the nearest built-in chain, today's default); grid factor 0.4594 kg/kWh
    /// (GIR as commonly quoted, L; P126 gives 0.4173 t/MWh for 2023); KEPCO industrial tariff.
    public static let korea = Region(
        defaults: RegionDefaults(
            code: "KR", name: "Korea (KEPCO)", gridRules: GridRuleTables.kepco, mediumVoltage: .kilovolts(22.9),
            mediumVoltageSource: Provenance(
                source: "REFERENCE.md P102 (MV 22.9 kV), P99 (22.9 kV supply)", confidence: .medium),
            lowVoltage: .volts(380),
            lowVoltageSource: Provenance(
                source: "REFERENCE.md P98 (LV 220/380 V), P102 (380 V line to line); the ac-415v chain stands in, "
                    + "P420", confidence: .medium),
            distribution: .ac415, gridEmissionFactor: .koreanGrid,
            gridEmissionSource: CarbonIntensity.koreanGridProvenance,
            tariff: tariffText(BuiltInTariffs.kepco), tariffSource: BuiltInTariffs.kepco.provenance),
        prices: BuiltInTariffs.kepco)

    /// The United States as Dominion Energy Virginia (PJM) practises it: the `us-dominion` rules;
    /// MV 34.5 kV, the secondary of the customer-sited 230/34.5 kV substations Dominion builds for
    /// data centres (P104; ANSI C84.1 level P112); LV 480Y/277 V (P112) on the ac-480v chain; the
    /// EIA national grid factor 0.81 lb CO₂/kWh = 0.367 kg/kWh (P123, H; the eGRID SRVC rows P124,
    /// P125 disagree and are unverified); Virginia's industrial average price (P121).
    public static let unitedStates = Region(
        defaults: RegionDefaults.with(
            frequency: 60, Provenance(source: "REFERENCE.md P423 (60 Hz in North America)", confidence: .high),
            RegionDefaults(
                code: "US", name: "United States (Dominion Energy Virginia, PJM)", gridRules: GridRuleTables.usDominion,
                mediumVoltage: .kilovolts(34.5),
                mediumVoltageSource: Provenance(
                    source: "REFERENCE.md P104 (Dominion 230/34.5 kV customer substation), P112 (34 500Y V)",
                    confidence: .high),
                lowVoltage: .volts(480),
                lowVoltageSource: Provenance(source: "REFERENCE.md P112 (480Y/277 V)", confidence: .medium),
                distribution: .ac480, gridEmissionFactor: .kilogramsPerKilowattHour(0.81 * 0.45359237),
                gridEmissionSource: Provenance(
                    source: "REFERENCE.md P123 (EIA: 0.81 lb CO₂/kWh, US 2023)", confidence: .high,
                    derivation: "0.81 lb × 0.45359237 kg/lb = 0.3674 kg/kWh; national, not Virginia's subregion "
                        + "(P124, P125 unverified, REFERENCE.md note 4)"),
                tariff: tariffText(BuiltInTariffs.usDominion), tariffSource: BuiltInTariffs.usDominion.provenance)),
        prices: BuiltInTariffs.usDominion)

    /// Germany: the `eu-de` rules; MV 20 kV ("mostly 20 or 10 kV", P108); LV 230/400 V (P108,
    /// IEC 60038 P113) with the 415 V chain standing in; UBA 363 g CO₂/kWh for 2024 (P127, an
    /// estimate by UBA); Eurostat industrial price (P130).
    public static let germany = Region(
        defaults: RegionDefaults.with(
            frequency: 50,
            Provenance(source: "REFERENCE.md P113 (IEC 60038: three-phase 50 Hz 230/400 V)", confidence: .medium),
            RegionDefaults(
                code: "DE", name: "Germany", gridRules: GridRuleTables.euGermany, mediumVoltage: .kilovolts(20),
                mediumVoltageSource: Provenance(
                    source: "REFERENCE.md P108 (MV mostly 20 or 10 kV)", confidence: .medium),
                lowVoltage: .volts(400),
                lowVoltageSource: Provenance(
                    source: "REFERENCE.md P108 (230/400 V), P113 (IEC 60038); the ac-415v chain stands in, P420",
                    confidence: .medium),
                distribution: .ac415, gridEmissionFactor: .kilogramsPerKilowattHour(0.363),
                gridEmissionSource: Provenance(
                    source: "REFERENCE.md P127 (UBA: 363 g CO₂/kWh in 2024, an estimate)", confidence: .medium),
                tariff: tariffText(BuiltInTariffs.euGermany), tariffSource: BuiltInTariffs.euGermany.provenance)),
        prices: BuiltInTariffs.euGermany)

    /// Every region with a table of its own, in the order the errors list them.
    public static let all = [korea, unitedStates, germany]

    /// The region of a site that names none (the project's documented default).
    public static let fallback = korea

    /// EU and EEA countries (and CH, GB) that take Germany's table as a stand-in, with a warning.
    public static let europeanStandIns: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
        "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "NO", "IS", "LI", "CH", "GB",
    ]

    /// The region for an ISO 3166-1 alpha-2 code: its own table, Germany's for another European
    /// country (`standInFor` set), or nil when dcplan has none.
    public static func region(code: String) -> Region? {
        if let own = all.first(where: { $0.defaults.code == code }) { return own }
        guard europeanStandIns.contains(code) else { return nil }
        var standIn = germany
        standIn.defaults.standInFor = code
        return standIn
    }

    /// The region whose rule table is `rulesID` (`site.grid.rules`).
    public static func region(rules rulesID: String) -> Region? {
        all.first { $0.defaults.gridRules.id == rulesID }
    }

    /// Every code `site.country` accepts, the regions' own first (for suggestions).
    public static var knownCodes: [String] { all.map(\.defaults.code) + europeanStandIns.sorted() }

    /// "123.6083 KRW/kWh energy, 7470 KRW/kW·month demand" (per kWh to 4 decimals; no demand part
    /// when the price includes it).
    static func tariffText(_ p: RegionalPrices) -> String {
        let energy = NumberText.compact((p.energyPerMegawattHour * 10).rounded() / 10_000)
        let demand =
            p.demandPerKilowattMonth > 0
            ? ", \(NumberText.compact(p.demandPerKilowattMonth)) \(p.currency.rawValue)/kW·month demand"
            : " (demand charges included)"
        return "\(energy) \(p.currency.rawValue)/kWh energy" + demand
    }
}

extension RegionDefaults {
    /// `defaults` with its grid frequency and source.
    static func with(frequency hz: Double, _ source: Provenance, _ defaults: RegionDefaults) -> RegionDefaults {
        var copy = defaults
        copy.frequencyHz = hz
        copy.frequencySource = source
        return copy
    }
}

extension Site {
    /// The region the loader resolved, or Korea's for a site built in code without one.
    public var resolvedRegion: RegionDefaults { region ?? BuiltInRegions.fallback.defaults }
}
