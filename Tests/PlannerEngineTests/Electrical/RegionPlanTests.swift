import Catalogue
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import _PlannerTestSupport

/// The planner under each region's defaults (DESIGN.md §5.17, issue 26 item 4).
@Suite("Regional defaults in the plan")
struct RegionPlanTests {
    /// `copies` halls of `racks` GB300 racks (140 kW design each), with `site` keys.
    func plan(site: String, racks: Int, copies: Int = 1) throws -> Plan {
        let yaml =
            "version: 1\nsite: { name: T\(site) }\nhalls:\n  - id: h\n    copies: \(copies)\n"
            + "    racks: [{ type: gb300-nvl72, count: \(racks) }]\n"
        let loaded = SiteLoader().load(yaml: yaml, path: "Sites/x.yaml", baseDirectory: RepositoryPaths.path("Sites"))
        return Planner().plan(try #require(loaded.site, "\(loaded.findings)"))
    }

    @Test("a 100 MW US site connects at 230 kV through 230/34.5 kV transformers, never KEPCO's 154 kV")
    func unitedStatesLargeSite() throws {
        // 4 × 179 × 140 kW = 100.24 MW of IT: above Dominion's 25 MW row, within its 1 000 MW row at
        // 230 kV (REFERENCE.md P103, P104); KEPCO would put it at 154 kV (P100, L).
        let us = try #require(try plan(site: ", country: US", racks: 179, copies: 4).electrical)
        #expect(us.grid.rule.voltage.kilovolts == 230)
        #expect(us.gridRules?.id == "us-dominion")
        #expect(!(us.gridRules?.rules.contains { $0.voltage.kilovolts == 154 } ?? true))
        #expect(us.mediumVoltage.kilovolts == 34.5)
        #expect(us.stageEntries.contains { $0.id == "main-transformer-230-34.5kv" })
        let korea = try #require(try plan(site: ", country: KR", racks: 179, copies: 4).electrical)
        #expect(korea.grid.rule.voltage.kilovolts == 154)
        #expect(korea.stageEntries.contains { $0.id == "main-transformer-154-22.9kv" })
    }

    @Test("a small US site takes 34.5 kV, its MV, directly: no main transformers (22.9 kV would have needed them)")
    func unitedStatesSmallSite() throws {
        // 20 × 140 kW = 2.8 MW of IT: Dominion's 34.5 kV feeder row (≤ 25 MW); 34.5 kV is the
        // site's MV, so nothing steps it down.
        let us = try #require(try plan(site: ", country: US", racks: 20).electrical)
        #expect(us.grid.rule.voltage.kilovolts == 34.5)
        #expect(us.grid.mainTransformers == nil)
        // Germany: 20 kV up to 20 MW (P108, P111 L), its MV too.
        let de = try #require(try plan(site: ", country: DE", racks: 20).electrical)
        #expect(de.grid.rule.voltage.kilovolts == 20 && de.grid.mainTransformers == nil)
        #expect(de.mediumVoltage.kilovolts == 20)
    }

    @Test("the MV cables carry the same power at 34.5 kV with less copper than at 22.9 kV")
    func mvCablesFollowTheVoltage() throws {
        func mvCopper(_ plan: Plan) throws -> Double {
            let e = try #require(plan.electrical)
            return e.halls.flatMap(\.metal).filter { $0.level == .mvCables }.reduce(0) { $0 + $1.copper.kilograms }
        }
        // The same halls (US on ac-480v, Korea on ac-415v: nearly the same MV load): I = P/(√3·V).
        let us = try plan(site: ", country: US", racks: 179, copies: 4)
        let kr = try plan(site: ", country: KR", racks: 179, copies: 4)
        #expect(try mvCopper(us) < mvCopper(kr))
    }

    @Test(
        "the plan says which region's defaults it used: nothing when given, a note when inferred, a warning when defaulted"
    )
    func regionFindings() throws {
        let given = try plan(site: ", country: US", racks: 4)
        #expect(!given.findings.contains { $0.subject == "site.country" })
        #expect(given.site.region?.code == "US")
        let inferred = try plan(site: ", location: \"Seoul, KR\"", racks: 4)
        #expect(inferred.findings.filter { $0.subject == "site.country" }.map(\.severity) == [.note])
        let defaulted = try plan(site: "", racks: 4)
        let warning = try #require(defaulted.findings.first { $0.subject == "site.country" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("Korea (KEPCO)") && warning.message.contains("set site.country"))
        // A site built in code without a region: a note (its author left Site.region out).
        var inCode = defaulted.site
        inCode.region = nil
        let coded = Planner().plan(inCode).findings.filter { $0.subject == "site.country" }
        #expect(coded.map(\.severity) == [.note])
    }
}
