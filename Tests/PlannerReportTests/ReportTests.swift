import Catalogue
import Foundation
import PlannerEngine
import PlannerModel
import PlannerReport
import Testing
import _PlannerTestSupport

@Suite("Reports")
struct ReportTests {
    /// A small hand-checkable site: one hall, two copies, 10 GB300 + 2 network racks each.
    static func smallPlan() -> Plan {
        let c = Catalogue.builtIn
        let hall = Hall(
            id: "hall-a", copies: 2,
            rackGroups: [
                RackGroup(system: c.entry("gb300-nvl72")!, count: 10),
                RackGroup(system: c.entry("network-rack")!, count: 2),
            ])
        let site = Site(
            name: "Test site", operatorName: "Op", location: "Seoul", commissioning: "2027-07",
            utilisation: .percent(80), halls: [hall], cooling: BuiltInThermal.defaultChoices)
        return Planner(curve: UtilisationCurve(exponent: 2)).plan(site)
    }

    static let context = ReportContext(
        specPath: "Sites/test.yaml", specDigest: String(repeating: "ab", count: 32),
        command: "dcplan plan Sites/test.yaml",
        version: "0.0.0-test")

    @Test("the Markdown report matches its golden file")
    func markdownGolden() {
        let text = PlanMarkdown.render(Self.smallPlan(), context: Self.context)
        #expect(goldenMismatch(text, file: "Tests/PlannerReportTests/Golden/small-site.md") == nil)
    }

    @Test("the Markdown report shows the hand-checkable totals")
    func markdownNumbers() {
        let text = PlanMarkdown.render(Self.smallPlan(), context: Self.context)
        // GPUs: 2 × 10 × 72 = 1,440. Design: 2 × (10 × 140 + 2 × 20) = 2,880 kW = 2.88 MW.
        #expect(text.contains("| GPUs | 1,440 |"))
        #expect(text.contains("| IT power at design [MW] | 2.88 |"))
        // Liquid: 2 × 10 × 140 × 0.92 = 2,576 kW = 2.58 MW, 89.4 % of 2,880 kW
        #expect(text.contains("| Heat to liquid at design [MW] | 2.58 (89.4 %) |"))
        #expect(text.contains("SHA-256 `abab"))
        #expect(!text.contains("20" + "26-11")) // no dates of the run
    }

    @Test("plan.json has the contract's keys and values")
    func planJSON() throws {
        let text = try PlanJSON.render(Self.smallPlan(), context: Self.context)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "dcplan.plan/2")
        #expect(object["site"] as? String == "Test site")
        #expect(object["gpu_count"] as? Int == 1440)
        #expect(object["rack_count"] as? Int == 24)
        let power = try #require(object["it_power_kw"] as? [String: Double])
        #expect(power["design"] == 2880)
        #expect(power["nameplate"] == Double(2 * (10 * 142 + 2 * 25))) // 2,940 kW
        let heat = try #require(object["heat_kw"] as? [String: Double])
        #expect(heat["liquid"] == 2576)
        #expect(heat["air"] == 304) // 2 × (10 × 11.2 + 2 × 20)
        let halls = try #require(object["halls"] as? [[String: Any]])
        #expect(halls.count == 1)
        #expect(halls[0]["id"] as? String == "hall-a")
        #expect(halls[0]["gpu_count"] as? Int == 1440)
        #expect((halls[0]["per_copy"] as? [String: Any])?["gpu_count"] as? Int == 720)
        #expect((halls[0]["it_power_kw"] as? [String: Double])?["design"] == 2880)
        // Whole-chain copper (DESIGN.md §5.9): the levels add up to copper_t (to the 3-decimal rounding of
        // each), the sized busways and drops are a part of it, and aluminium is 0.504 × copper.
        let copper = try #require(object["copper_t"] as? Double)
        let levels = try #require(object["copper_by_level_t"] as? [String: Double])
        #expect(abs(levels.values.reduce(0, +) - copper) < 0.01)
        #expect(Set(levels.keys).isSuperset(of: ["mv_cables", "mv_lv_transformer_windings", "busways", "rack_drops"]))
        #expect(try #require(object["copper_sized_conductors_t"] as? Double) < copper)
        let aluminium = try #require(object["aluminium_t"] as? Double)
        #expect(abs(aluminium / copper - 0.504) < 0.001)
        #expect(object["aluminium_by_level_t"] is [String: Double])
        // Each rack group's own PSUs: GB300 8 × 33 kW N+N, (8 − 1) × 33 = 231 kW ≥ 140 kW survives one loss;
        // network rack 2 × ⌈25/3⌉ = 18 × 3 kW N+N.
        let groups = try #require(halls[0]["rack_groups"] as? [[String: Any]])
        let gb300 = try #require(groups[0]["psu"] as? [String: Any])
        #expect(gb300["units_installed"] as? Int == 8)
        #expect(gb300["unit_kw"] as? Double == 33)
        #expect(gb300["redundancy"] as? String == "N+N")
        #expect(gb300["survives_one_failure"] as? Bool == true)
        #expect((groups[1]["psu"] as? [String: Any])?["units_installed"] as? Int == 18)
    }

    @Test("CSV tables carry units in the headers and one row per group")
    func csv() {
        let racks = PlanCSV.rackGroups(Self.smallPlan()).split(separator: "\n")
        #expect(racks.count == 3)
        #expect(racks[0].hasPrefix("hall,copies,type,racks_per_copy,gpus,rack_design_kw"))
        #expect(racks[1].hasPrefix("hall-a,2,gb300-nvl72,10,1440,140,")) // 140 kW, never `140.0`
    }

    @Test("the roll-up has a row per site and the total")
    func rollup() {
        let plan = Self.smallPlan()
        let entry = ProgrammeMarkdown.Entry(reportName: "test", plan: plan, context: Self.context)
        let text = ProgrammeMarkdown.render(
            title: "Two", entries: [entry, entry], command: "dcplan plan …", version: "0")
        #expect(text.contains("| [Test site](test.md) | Op | 1,440 | 24 | 2 |"))
        #expect(text.contains("| **Total** |  | 2,880 | 48 | 4 |"))
    }

    @Test("rendering twice gives the same bytes")
    func deterministic() throws {
        #expect(
            PlanMarkdown.render(Self.smallPlan(), context: Self.context)
                == PlanMarkdown.render(Self.smallPlan(), context: Self.context))
        #expect(
            try PlanJSON.render(Self.smallPlan(), context: Self.context)
                == PlanJSON.render(Self.smallPlan(), context: Self.context))
    }
}
