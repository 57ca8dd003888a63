import PlannerModel

/// The regional interconnect rule tables (`site.grid.rules`, DESIGN.md §5.10, REFERENCE.md §10.8):
/// supply voltage by peak demand, the region's supply levels, and the load ramp the operator
/// permits. Thresholds no source confirms are L rows; the tables are inputs, not rulings.
public enum GridRuleTables {
    /// KEPCO (Korea), REFERENCE.md §2.5, P98-P102: ≤ 10 MW general 22.9 kV supply; ≤ 40 MW a
    /// dedicated 22.9 kV line (M); above 40 MW 154 kV; from 400 MW 345 kV (L, P100: not found).
    public static let kepco: GridRuleTable = {
        let supplyRule = Provenance(
            source: "REFERENCE.md §2.5 KEPCO supply rule (≤10 MW general, 10-40 MW dedicated 22.9 kV), P99",
            confidence: .medium)
        let unverified = Provenance(
            source: "REFERENCE.md §2.5 KEPCO supply rule (>40 MW 154 kV; ≥400 MW 345 kV, unverified), P100",
            confidence: .low)
        return GridRuleTable(
            id: "kepco", name: "KEPCO (Korea)",
            rules: [
                InterconnectRule(
                    upTo: .megawatts(10), voltage: .kilovolts(22.9), supply: "general 22.9 kV supply",
                    provenance: supplyRule),
                InterconnectRule(
                    upTo: .megawatts(40), voltage: .kilovolts(22.9), supply: "dedicated 22.9 kV line",
                    provenance: supplyRule),
                InterconnectRule(
                    upTo: .megawatts(400), inclusive: false, voltage: .kilovolts(154), supply: "154 kV transmission",
                    provenance: unverified),
                InterconnectRule(
                    upTo: nil, voltage: .kilovolts(345), supply: "345 kV transmission", provenance: unverified),
            ],
            levels: [3.3, 6.6, 22.9, 154, 345, 765].map(Voltage.kilovolts),
            levelsSource: Provenance(
                source: "REFERENCE.md P98 (KEPCO supply classes), P101 (765/345/154 kV), P102 (22.9 kV; 3.3/6.6 kV)",
                confidence: .medium),
            rampLimit: standInRampLimit, rampLimitSource: standInRampSource(region: "KEPCO"))
    }()

    /// Dominion Energy Virginia (US, PJM), REFERENCE.md §10.8: ≤ 25 MW on a 34.5 kV distribution
    /// feeder (L: no threshold found, P107; 34.5 kV is the top ANSI C84.1 MV level, P112, and 25 MW
    /// the large-load class bound, P105); up to 1 000 MW at 230 kV (M: a 900 MW campus on 230 kV
    /// lines, P103; customer-sited 230/34.5 kV substations, P104); above, 500 kV (L, P265).
    public static let usDominion = GridRuleTable(
        id: "us-dominion", name: "Dominion Energy Virginia (US, PJM)",
        rules: [
            InterconnectRule(
                upTo: .megawatts(25), voltage: .kilovolts(34.5), supply: "34.5 kV distribution feeder",
                provenance: Provenance(
                    source: "REFERENCE.md P105 (25 MW large-load class), P112 (34.5 kV MV level); threshold P107 "
                        + "not found", confidence: .low)),
            InterconnectRule(
                upTo: .megawatts(1000), voltage: .kilovolts(230), supply: "230 kV transmission substation",
                provenance: Provenance(
                    source: "REFERENCE.md P103 (900 MW on 230 kV lines), P104 (230/34.5 kV customer substation)",
                    confidence: .medium)),
            InterconnectRule(
                upTo: nil, voltage: .kilovolts(500), supply: "500 kV transmission",
                provenance: Provenance(
                    source: "REFERENCE.md P265 (500 kV lines for data-centre load; MW threshold not found)",
                    confidence: .low)),
        ],
        levels: [4.16, 12.47, 13.2, 13.8, 24.94, 34.5, 69, 230, 500].map(Voltage.kilovolts),
        levelsSource: Provenance(
            source: "REFERENCE.md P112 (ANSI C84.1 MV levels, 69 kV), P103/P104 (230 kV), P265 (500 kV)",
            confidence: .medium),
        rampLimit: standInRampLimit, rampLimitSource: standInRampSource(region: "Dominion/PJM (ERCOT: P79)"))

    /// Germany (EU), REFERENCE.md §10.8: ≤ 20 MW on the 20 kV MV grid (L: no threshold found,
    /// P111); below 300 MW at 110 kV, where large industry and data centres connect (M: P109, P110,
    /// P264); from 300 MW the 380 kV extra-high-voltage grid (L, P111).
    public static let euGermany = GridRuleTable(
        id: "eu-de", name: "Germany (EU)",
        rules: [
            InterconnectRule(
                upTo: .megawatts(20), voltage: .kilovolts(20), supply: "20 kV medium-voltage grid",
                provenance: Provenance(
                    source: "REFERENCE.md P108 (MV mostly 20 kV); threshold P111 not found", confidence: .low)),
            InterconnectRule(
                upTo: .megawatts(300), inclusive: false, voltage: .kilovolts(110), supply: "110 kV high-voltage grid",
                provenance: Provenance(
                    source: "REFERENCE.md P109 (large industry at 110 kV), P110 (data centres at 110 kV), P264 "
                        + "(~100 MW requests at HV); the 300 MW bound P111 not found", confidence: .medium)),
            InterconnectRule(
                upTo: nil, voltage: .kilovolts(380), supply: "380 kV extra-high-voltage grid",
                provenance: Provenance(
                    source: "REFERENCE.md P108 (EHV 220/380 kV), P111 (threshold not found)", confidence: .low)),
        ],
        levels: [10, 20, 110, 220, 380].map(Voltage.kilovolts),
        levelsSource: Provenance(source: "REFERENCE.md P108 (German voltage levels)", confidence: .medium),
        rampLimit: standInRampLimit, rampLimitSource: standInRampSource(region: "German TSOs"))

    /// Every table by its spec name.
    public static let all: [GridRuleTable] = [kepco, usDominion, euGermany]

    public static func table(_ id: String) -> GridRuleTable? { all.first { $0.id == id } }

    /// The one published large-load ramp limit found: 10 MW/min at the point of connection, which
    /// AESO (Alberta) asks of transmission-connected data centres (REFERENCE.md P261, M). KEPCO,
    /// PJM/ERCOT (P79) and the German TSOs publish none that was found, so their tables take it as
    /// a stand-in (L).
    public static let standInRampLimit = PowerRamp.megawattsPerMinute(10)

    static func standInRampSource(region: String) -> Provenance {
        Provenance(
            source: "REFERENCE.md P261 (AESO: 10 MW/min for transmission-connected data centres), a stand-in: no "
                + "\(region) large-load ramp limit found", confidence: .low)
    }

    /// The country code of a spec's `site.location`: the last comma-separated part's first word
    /// when it is two capital letters (`Pyeongtaek, Gyeonggi-do, KR (assumed)` → `KR`); nil otherwise.
    public static func countryCode(location: String?) -> String? {
        guard let last = location?.split(separator: ",").last else { return nil }
        let word = last.split(whereSeparator: { $0 == " " || $0 == "(" }).first.map(String.init) ?? ""
        guard word.count == 2, word.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        return word
    }
}

extension SiteElectrical {
    /// The site's interconnect rule table: the one the loader resolved (`site.grid.rules`, else the
    /// country of `site.location`, else KEPCO's with a warning), or KEPCO's for a site built in code
    /// without one. The only place that default is applied.
    public var resolvedGridRules: GridRuleTable { gridRules ?? GridRuleTables.kepco }
}
