import Catalogue
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
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

    @Test("design conditions beside a weather file are ignored with a warning at the section")
    func ignoredBesideWeather() throws {
        let yaml = """
            version: 1
            site:
              name: T
              weather: weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw
              design_conditions:
                { cooling_dry_bulb_c: 36, cooling_wet_bulb_c: 24, evaporation_wet_bulb_c: 26,
                  evaporation_dry_bulb_c: 32 }
            halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 10 }] }]
            """
        let result = SiteLoader().load(yaml: yaml, path: "t.yaml", baseDirectory: RepositoryPaths.path("Sites"))
        let site = try #require(result.site)
        #expect(site.designCondition == nil)
        #expect(
            result.findings.map(\.formatted) == [
                "t.yaml:6:5: warning: site.design_conditions: ignored: site.weather gives the design conditions (its "
                    + ".stat file or header); remove one of the two"
            ])
    }
}
