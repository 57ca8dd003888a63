import Catalogue
import PlannerModel
import Testing
import _PlannerTestSupport

@testable import SiteSpec

/// `site.country` and the one regional table it picks (DESIGN.md §5.17, issue 26 item 4).
@Suite("Regional defaults: site.country")
struct RegionSpecTests {
    /// One hall of ten GB300 racks with `site` keys (and optionally the Seoul weather year and a
    /// compliance section, which needs it).
    func spec(site: String = "", compliance: Bool = false) -> LoadResult {
        load(
            "version: 1\nsite: { name: T\(site)"
                + (compliance ? ", weather: weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw" : "") + " }\n"
                + (compliance ? "compliance: { rules: [ashrae-90.4] }\n" : "")
                + "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 10 }] }]\n",
            baseDirectory: packageRoot + "/Sites")
    }

    @Test("US: Dominion's rules, 34.5 kV MV, 480 V LV on ac-480v, EIA 0.367 kg/kWh and Virginia's price")
    func unitedStates() throws {
        let result = spec(site: ", country: US", compliance: true)
        #expect(result.findings.isEmpty, "\(result.findings)")
        let site = try #require(result.site)
        let region = try #require(site.region)
        #expect(region.code == "US" && region.resolution == .given)
        #expect(site.electrical.gridRules?.id == "us-dominion")
        // No KEPCO row: Dominion's table is 34.5 kV / 230 kV / 500 kV (REFERENCE.md P103-P107, P265).
        #expect(site.electrical.resolvedGridRules.rules.map(\.voltage.kilovolts) == [34.5, 230, 500])
        #expect(site.electrical.mediumVoltage.kilovolts == 34.5)
        #expect(region.lowVoltage.volts == 480)
        #expect(site.halls[0].power.distribution == .ac480)
        // P123: 0.81 lb/kWh × 0.45359237 kg/lb = 0.367410 kg/kWh.
        #expect(abs(try #require(site.compliance).gridEmissionFactor.kilogramsPerKilowattHour - 0.367410) < 1e-6)
        // P121: 8.92 ¢/kWh = 89.2 USD/MWh, demand included (no demand charge).
        let cost = try #require(site.cost)
        #expect(abs(cost.energyPricePerMegawattHour.dollars - 89.2) < 1e-9)
        #expect(cost.demandChargePerKilowattMonth.dollars == 0)
    }

    @Test("Germany: eu-de rules, 20 kV MV, 400 V LV on ac-415v, UBA 0.363 kg/kWh and the Eurostat price")
    func germany() throws {
        let site = try #require(spec(site: ", country: DE", compliance: true).site)
        #expect(site.electrical.gridRules?.id == "eu-de")
        #expect(site.electrical.mediumVoltage.kilovolts == 20)
        #expect(site.region?.lowVoltage.volts == 400)
        #expect(site.halls[0].power.distribution == .ac415)
        #expect(abs(try #require(site.compliance).gridEmissionFactor.kilogramsPerKilowattHour - 0.363) < 1e-12)
        // P130: 19.76 ct/kWh = 197.6 EUR/MWh × 1.08 USD/EUR (C102) = 213.408 USD/MWh.
        #expect(abs(try #require(site.cost).energyPricePerMegawattHour.dollars - 213.408) < 1e-9)
    }

    @Test("Korea: KEPCO's rules, 22.9 kV MV, 380 V LV (ac-415v stands in), 0.4594 kg/kWh and KEPCO's tariff")
    func korea() throws {
        let site = try #require(spec(site: ", country: KR", compliance: true).site)
        #expect(site.electrical.gridRules?.id == "kepco")
        #expect(site.electrical.mediumVoltage.kilovolts == 22.9)
        #expect(site.region?.lowVoltage.volts == 380)
        #expect(site.halls[0].power.distribution == .ac415)
        #expect(try #require(site.compliance).gridEmissionFactor.kilogramsPerKilowattHour == 0.4594)
        // P114, P119: (3 × 120.0 + 5 × 96.5 + 4 × 118.2)/12 + 9 + 5 = 123.6083 KRW/kWh
        // = 123 608.3 KRW/MWh ÷ 1 422 KRW/USD (C101) = 86.9257 USD/MWh; demand 7 470 ÷ 1 422 = 5.2532 USD.
        let cost = try #require(site.cost)
        #expect(abs(cost.energyPricePerMegawattHour.dollars - 123_608.333 / 1422) < 1e-3)
        #expect(abs(cost.demandChargePerKilowattMonth.dollars - 7470.0 / 1422) < 1e-9)
    }

    @Test("without site.country the site keeps Korea's defaults, inferred from site.location or defaulted")
    func withoutCountry() throws {
        let bare = try #require(spec().site)
        #expect(bare.region?.code == "KR" && bare.region?.resolution == .defaulted)
        #expect(bare.electrical.gridRules?.id == "kepco")
        #expect(bare.defaultsApplied.contains { $0.key == "site.country" && $0.value == "KR" })
        let seoul = try #require(spec(site: ", location: \"Seoul, KR\"").site)
        #expect(seoul.region?.resolution == .inferred)
        let ashburn = try #require(spec(site: ", location: \"Ashburn, Virginia, US\"").site)
        #expect(ashburn.region?.code == "US" && ashburn.region?.resolution == .inferred)
        #expect(ashburn.electrical.mediumVoltage.kilovolts == 34.5)
        // site.grid.rules names a region too (and keeps its tariff, as before).
        let rules = try #require(spec(site: ", location: \"Seoul, KR\", grid: { rules: eu-de }").site)
        #expect(rules.region?.code == "DE" && rules.region?.reason == "from site.grid.rules: eu-de")
    }

    @Test("an unknown country code is an error at it with the closest known codes")
    func unknownCode() {
        #expect(
            spec(site: ", country: UX").findings.map(\.formatted) == [
                "Sites/x.yaml:2:27: error: site.country: unknown country code 'UX': dcplan has regional defaults "
                    + "for 'KR', 'US' or 'DE' (other EU/EEA countries take DE's as a stand-in), an ISO 3166-1 "
                    + "alpha-2 code; did you mean 'US'?"
            ])
        let lower = spec(site: ", country: us").findings.map(\.formatted)
        #expect(lower.count == 1 && lower[0].hasSuffix("did you mean 'US'?"))
        #expect(spec(site: ", country: JP").site == nil)
    }

    @Test("another EU country takes Germany's defaults with a warning naming them")
    func europeanStandIn() throws {
        let result = spec(site: ", country: FR")
        let site = try #require(result.site)
        #expect(site.region?.code == "DE" && site.region?.standInFor == "FR")
        #expect(site.electrical.gridRules?.id == "eu-de")
        #expect(
            result.findings.map(\.formatted) == [
                "Sites/x.yaml:2:27: warning: site.country: no regional defaults for country FR; Germany stands in "
                    + "(its interconnect rules, 20 kV MV, 400 V LV, grid emission factor and tariff); set site.country "
                    + "to 'KR', 'US' or 'DE' or the keys themselves (site.grid.rules, "
                    + "compliance.grid_emission_kg_per_kwh, cost:)"
            ])
    }

    @Test("site.country over a location in another country, with a warning at the location")
    func countryOverLocation() throws {
        let result = spec(site: ", location: \"Seoul, KR\", country: US")
        #expect(result.site?.region?.code == "US")
        #expect(
            result.findings.map(\.formatted) == [
                "Sites/x.yaml:2:28: warning: site.location: site.location ends in KR but site.country is US: the "
                    + "defaults of United States (Dominion Energy Virginia, PJM) apply"
            ])
    }
}
