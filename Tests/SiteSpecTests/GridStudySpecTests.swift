import Catalogue
import PlannerModel
import Testing

@testable import SiteSpec

/// `site.grid.rules`, `site.grid.study` and `power.backup` (DESIGN.md §5.10).
@Suite("Grid rules, study and backup keys")
struct GridStudySpecTests {
    /// One hall of `racks` GB300 racks (140 kW design each) with `site` keys and a `power:` section.
    func spec(site: String = "", power: String = "{}", racks: Int = 10, copies: Int = 1) -> LoadResult {
        load(
            "version: 1\nsite: { name: T\(site) }\npower: \(power)\nhalls:\n  - id: h\n    copies: \(copies)\n"
                + "    racks: [{ type: gb300-nvl72, count: \(racks) }]\n")
    }

    @Test("the rule table follows the country code at the end of site.location")
    func tableFromCountry() throws {
        let korea = try #require(spec(site: ", location: \"Pyeongtaek, KR (assumed)\"").site)
        #expect(korea.electrical.gridRules?.id == "kepco")
        let germany = try #require(spec(site: ", location: \"Frankfurt, DE\"").site)
        #expect(germany.electrical.gridRules?.id == "eu-de")
        #expect(germany.defaultsApplied.contains { $0.key == "site.grid.rules" && $0.value == "eu-de" })
        #expect(GridRuleTables.countryCode(location: "Ashburn, Virginia, US") == "US")
        #expect(GridRuleTables.countryCode(location: "Seongnam") == nil)
    }

    @Test("a country without a table gets KEPCO's with a warning, and the choice is listed as a default")
    func standInWarns() {
        let result = spec(site: ", location: \"Tokyo, JP\"")
        #expect(result.site?.electrical.gridRules?.id == "kepco")
        let warning =
            "Sites/x.yaml:2:28: warning: site.location: no regional defaults for country JP; Korea (KEPCO) stands "
            + "in (its interconnect rules, 22.9 kV MV, 380 V LV, grid emission factor and tariff); set site.country "
            + "to 'KR', 'US' or 'DE' or the keys themselves (site.grid.rules, compliance.grid_emission_kg_per_kwh, "
            + "cost:)"
        #expect(result.findings.map(\.formatted) == [warning])
        #expect(result.site?.defaultsApplied.first { $0.key == "site.grid.rules" }?.provenance.confidence == .low)
    }

    @Test("site.grid.rules chooses the table over the country")
    func explicitTable() throws {
        let site = try #require(spec(site: ", location: \"Seoul, KR\", grid: { rules: us-dominion }").site)
        #expect(site.electrical.gridRules?.id == "us-dominion")
        #expect(!site.defaultsApplied.contains { $0.key == "site.grid.rules" })
    }

    @Test("an interconnect voltage that is not a level of the region is an error at the key")
    func voltageNotALevel() {
        // 5 kV for 100 MW: KEPCO supplies 3.3, 6.6, 22.9, 154, 345 and 765 kV (REFERENCE.md P98-P102).
        let findings = spec(site: ", grid: { interconnect_kv: 5 }", racks: 179, copies: 4).findings.map(\.formatted)
        #expect(
            findings == [
                "Sites/x.yaml:2:43: error: site.grid.interconnect_kv: 5 kV is not a supply level of KEPCO (Korea) "
                    + "(3.3, 6.6, 22.9, 154, 345, 765 kV); choose one of them or set site.grid.rules to the region "
                    + "whose levels include it"
            ])
    }

    @Test("22.9 kV for a 100 MW site is an error: KEPCO's dedicated 22.9 kV line carries 40 MW")
    func voltageTooLowForTheDemand() {
        // 4 × 179 × 140 kW = 100,240 kW = 100.24 MW of IT design, above the 40 MW of the dedicated-line row (M).
        let findings = spec(site: ", grid: { interconnect_kv: 22.9 }", racks: 179, copies: 4).findings
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .error)
        #expect(
            findings.first?.formatted.hasPrefix(
                "Sites/x.yaml:2:43: error: site.grid.interconnect_kv: 22.9 kV "
                    + "cannot serve this site: its IT design alone is 100.2 MW, above the 40 MW KEPCO (Korea) supplies")
                == true)
        // 154 kV for the same site is within the 400 MW row; 10 racks (1.4 MW) on 22.9 kV are within 40 MW.
        #expect(spec(site: ", grid: { interconnect_kv: 154 }", racks: 179, copies: 4).findings.isEmpty)
        #expect(spec(site: ", grid: { interconnect_kv: 22.9 }").findings.isEmpty)
    }

    @Test("a voltage below an estimated (L) threshold is a warning, not an error")
    func voltageBelowEstimatedThreshold() {
        // 4 × 800 × 140 kW = 448 MW, above the 400 MW 154 kV row, which no source confirms (P100).
        let findings = spec(site: ", grid: { interconnect_kv: 154 }", racks: 800, copies: 4).findings
        #expect(findings.map(\.severity) == [.warning])
    }

    @Test("a ramp limit of zero or below is an error at the key")
    func zeroRampLimit() {
        for limit in ["0", "-5"] {
            let findings = spec(site: ", grid: { study: { ramp_limit_mw_per_min: \(limit) } }").findings
            #expect(findings.count == 1)
            #expect(findings.first?.severity == .error)
            #expect(
                findings.first?.formatted.hasPrefix(
                    "Sites/x.yaml:2:58: error: site.grid.study.ramp_limit_mw_per_min:") == true)
        }
    }

    @Test("study and backup keys load, and their defaults are listed with sources")
    func studyAndBackup() throws {
        let site = try #require(
            spec(
                site: ", grid: { study: { largest_job_mw: 50, rise_time_ms: 500, ramp_limit_mw_per_min: 30 } }",
                power: "{ backup: { ups_autonomy_min: 10, generators: 2N, generator_kw: 3000, fuel_autonomy_h: 48, "
                    + "fuel_l_per_kwh: 0.25 } }"
            ).site)
        let study = site.electrical.study
        #expect(study.largestJob == .megawatts(50))
        #expect(study.riseTime == .milliseconds(500))
        #expect(study.rampLimit == .megawattsPerMinute(30))
        let backup = site.electrical.backup
        #expect(backup.upsAutonomy == .seconds(600))
        #expect(backup.generatorRedundancy == .twoN)
        #expect(backup.generatorRating == .kilowatts(3000))
        #expect(backup.fuelAutonomy == .seconds(48 * 3600))
        #expect(abs(backup.fuelConsumption.litresPerKilowattHour - 0.25) < 1e-12)
        #expect(!site.defaultsApplied.contains { $0.key.hasPrefix("power.backup") || $0.key.hasPrefix("site.grid.st") })

        let defaults = try #require(spec().site)
        let keys = Set(defaults.defaultsApplied.map(\.key))
        #expect(
            keys.isSuperset(of: [
                "site.grid.study.rise_time_ms", "site.grid.study.ramp_limit_mw_per_min", "power.backup.generators",
                "power.backup.ups_autonomy_min", "power.backup.fuel_autonomy_h",
            ]))
        #expect(defaults.electrical.backup == BackupPowerChoices())
    }

    @Test("generators: none turns the generators off")
    func noGenerators() throws {
        let site = try #require(spec(power: "{ backup: { generators: none } }").site)
        #expect(site.electrical.backup.generators == false)
    }
}
