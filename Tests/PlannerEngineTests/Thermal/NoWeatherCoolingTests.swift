import Catalogue
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import Weather
import _PlannerTestSupport

/// A site without a weather file is cooled at a design condition and says what is missing
/// (issue 21, item 11): the starter spec once planned with no cooling and a grid sized without it.
@Suite("Cooling without a weather file")
struct NoWeatherCoolingTests {
    static let noWeather =
        "version: 1\nsite: { name: T }\nhalls: [{ id: h, racks: [{ type: gb300-nvl72, count: 10 }] }]\n"

    @Test(
        "without a weather file the cooling is sized at Seoul's 0.4 % condition, the grid carries it, and a warning says so"
    )
    func standIn() throws {
        let site = try #require(SiteLoader().load(yaml: Self.noWeather, path: "t.yaml", baseDirectory: ".").site)
        #expect(site.designCondition == .seoulSeongnam)
        #expect(site.defaultsApplied.contains { $0.key == "site.design_conditions" && $0.value == "33.8 / 25.8 °C" })
        let plan = Planner().plan(site)
        let cooling = try #require(plan.cooling)
        #expect(cooling.annual == nil)
        #expect(abs(cooling.designDryBulb.celsius - 33.8) < 1e-9)
        // 10 racks × 140 kW × 0.92 liquid = 1,288 kW of liquid heat: 2 CDUs of 1,350 kW with N+1.
        #expect(cooling.halls[0].cdus?.units.unitsInstalled == 2)
        let electrical = try #require(plan.electrical)
        #expect(electrical.mechanicalLoad == cooling.designMechanicalLoad && cooling.designCoolingPower > .zero)
        #expect(plan.facilityDesign == electrical.facilityDesign + cooling.designMechanicalLoad)
        let warning = try #require(plan.findings.first { $0.subject == "site.weather" })
        #expect(warning.severity == .warning)
        #expect(
            warning.message.hasPrefix("no weather year: the cooling is sized at 33.8 °C dry bulb / 25.8 °C wet bulb"))
        #expect(!plan.findings.contains { $0.subject == ConsistencyChecks.subject })
    }

    @Test("a spec's own design condition is used, as a note; a wet bulb above its dry bulb is an error")
    func statedCondition() throws {
        let yaml = """
            version: 1
            site:
              name: T
              design_conditions:
                { cooling_dry_bulb_c: 36.1, cooling_wet_bulb_c: 24, evaporation_wet_bulb_c: 26,
                  evaporation_dry_bulb_c: 32 }
            halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 10 }] }]
            """
        let site = try #require(SiteLoader().load(yaml: yaml, path: "t.yaml", baseDirectory: ".").site)
        let plan = Planner().plan(site)
        #expect(abs((plan.cooling?.designDryBulb.celsius ?? 0) - 36.1) < 1e-9)
        #expect(plan.findings.first { $0.subject == "site.weather" }?.severity == .note)
        let bad = SiteLoader().load(
            yaml: yaml.replacingOccurrences(of: "cooling_wet_bulb_c: 24", with: "cooling_wet_bulb_c: 40"),
            path: "t.yaml", baseDirectory: ".")
        #expect(bad.site == nil)
        #expect(
            bad.findings.map(\.formatted).contains {
                $0.hasSuffix(
                    "error: site.design_conditions.cooling_wet_bulb_c: a wet bulb of 40 °C is above its dry bulb of "
                        + "36.1 °C")
            })
    }

    @Test("design conditions beside a weather file must say their source; the old shared chiller count is an error")
    func besideWeatherNeedsSource() throws {
        let yaml = """
            version: 1
            site:
              name: T
              weather: weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw
              design_conditions:
                { cooling_dry_bulb_c: 36, cooling_wet_bulb_c: 24, evaporation_wet_bulb_c: 26,
                  evaporation_dry_bulb_c: 32 }
            cooling:
              chiller_units: 4
            halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 10 }] }]
            """
        let result = SiteLoader().load(yaml: yaml, path: "t.yaml", baseDirectory: RepositoryPaths.path("Sites"))
        #expect(result.site == nil)
        #expect(
            result.findings.map(\.formatted) == [
                "t.yaml:6:5: error: site.design_conditions: missing required key 'source': site.design_conditions "
                    + "beside site.weather overrides the weather file's design conditions and must say where its "
                    + "values come from",
                "t.yaml:9:18: error: cooling.chiller_units: cooling.chiller_units is no longer read: it put one count "
                    + "on both loops; set cooling.plant.facility_water.chiller_units and "
                    + "cooling.plant.air_coil_water.chiller_units instead",
            ])
        // With a per-loop key as well: both named, the shared one to remove.
        let both = SiteLoader().load(
            yaml: yaml.replacingOccurrences(
                of: "  chiller_units: 4",
                with: "  chiller_units: 4\n  plant: { air_coil_water: { chiller_units: 2 } }"),
            path: "t.yaml", baseDirectory: RepositoryPaths.path("Sites"))
        #expect(
            both.findings.map(\.formatted).contains(
                "t.yaml:9:18: error: cooling.chiller_units: cooling.chiller_units and "
                    + "cooling.plant.air_coil_water.chiller_units together: the per-loop keys replace the shared one; "
                    + "remove cooling.chiller_units"))
    }

    @Test(
        "design conditions with a source beside a weather file size the plant, the year still runs, and a note gives both"
    )
    func overrideBesideWeather() throws {
        let yaml = """
            version: 1
            site:
              name: T
              weather: weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw
              design_conditions:
                { cooling_dry_bulb_c: 20, cooling_wet_bulb_c: 15, evaporation_wet_bulb_c: 16,
                  evaporation_dry_bulb_c: 19, source: "owner's design basis" }
            halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 10 }] }]
            """
        let result = SiteLoader().load(yaml: yaml, path: "t.yaml", baseDirectory: RepositoryPaths.path("Sites"))
        #expect(result.findings.map(\.formatted) == [])
        var site = try #require(result.site)
        site.placement.enabled = false
        let epw = try #require(site.weatherPath)
        let year = try EPWReader.read(path: epw)
        let file = try DesignConditions.load(forEPWAt: epw, year: year)
        let plan = Planner().plan(site, weather: (year, file))
        let cooling = try #require(plan.cooling)
        let liquid = try #require(cooling.loop(.liquid))
        // Sized at 20 °C, not the file's 33.8 °C: the dry coolers leave 20 + 8 = 28 °C ≤ the 32 °C set
        // point, so no chiller duty, 0 required and 0 installed (no spare for nothing).
        #expect(abs(liquid.designDryBulb.celsius - 20) < 1e-9)
        #expect(liquid.designChillerDuty == .zero && liquid.chillersRequired == 0 && liquid.chillersInstalled == 0)
        #expect(liquid.designHour.mode == .free)
        // At the file's 33.8 °C the same loop needs chillers: 33.8 + 8 = 41.8 °C > 32 °C.
        var unchanged = site
        unchanged.designCondition = nil
        let filePlan = Planner().plan(unchanged, weather: (year, file))
        #expect((filePlan.cooling?.loop(.liquid)?.chillersRequired ?? 0) > 0)
        // The year itself is still the weather file's.
        #expect(cooling.annual?.hours == 8760)
        let source = "site.design_conditions: owner's design basis, overriding the weather file's"
        #expect(cooling.designSource == source)
        #expect(plan.weather?.designSource == source)
        let note = try #require(plan.findings.first { $0.subject == "site.design_conditions" })
        #expect(note.severity == .note)
        #expect(note.message.contains("20 / 15 °C") && note.message.contains("not the weather file's 33.8 / 25.8 °C"))
    }
}
