import Foundation
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import _PlannerTestSupport

@testable import PlannerReport

/// Issue 27, item 1: the report's timeline, chart and plan.json of a phased site.
@Suite("Phased build-out report")
struct PhaseReportTests {
    /// Two phases; the first's 2 MW contract is short of its ≈3.5 MW facility demand (20 × 140 kW of IT).
    static let yaml = """
        version: 1
        site: { name: T }
        halls:
          - { id: a, copies: 2, racks: [{ type: gb300-nvl72, count: 10 }] }
          - { id: b, racks: [{ type: gb300-nvl72, count: 20 }] }
        phases:
          - { date: 2027-06, halls: [{ id: a }], grid_contract_mw: 2, source: test }
          - { date: 2028-01, halls: [{ id: b }], grid_contract_mw: 10 }
        """

    static func plan() throws -> Plan {
        let site = try #require(SiteLoader().load(yaml: yaml, path: "t.yaml", baseDirectory: ".").site)
        let planner = Planner()
        var plan = planner.plan(site)
        let phased = PhaseAnalysis.plan(site, final: plan, weather: nil, planner: planner)
        plan.phases = phased.phases
        plan.findings += phased.findings
        return plan
    }

    @Test("the report gives both tables, the first run-out month and the figure; plan.json phases[] the keys")
    func markdownAndJSON() throws {
        let plan = try Self.plan()
        let text = PhaseMarkdown.section(plan, figures: "t")
        #expect(text.contains("## Phased build-out"))
        #expect(text.contains("**First margin to run out: 2027-06** (grid contract)."))
        #expect(text.contains("| 2027-06 | a × 2 | 1,440 | 100 % | 2.80 |"))
        #expect(text.contains("![Demand against installed capacity over time](t/phases.svg)"))
        #expect(text.contains("- 2027-06: test"))
        let json = try PlanJSON.render(
            plan, context: ReportContext(specPath: "t.yaml", specDigest: "x", command: "c", version: "v"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let phases = try #require(object["phases"] as? [[String: Any]])
        #expect(phases.count == 2)
        for key in ["date", "gpu_count", "it_mw", "facility_mw", "grid_contract_mw", "margins_mw"] {
            #expect(phases[0][key] != nil, "\(key)")
        }
        let margins = try #require(phases[0]["margins_mw"] as? [String: Double])
        #expect((margins["grid_contract"] ?? 0) < -0.8)
    }

    @Test("the chart is at least 1000 px wide, has a legend and axes with units, and keeps its text inside")
    func chart() throws {
        let plan = try Self.plan()
        let svg = PhaseChart(phases: plan.phases, siteName: plan.site.name).rendered
        #expect(svg.contains("width=\"1200.0\""))
        #expect(PhaseChart.width >= 1000)
        for label in ["Facility demand at design [MWe]", "Grid contract [MWe]", "Chillers, firm [MWth]", "Power [MW]"] {
            #expect(svg.contains(label), "\(label)")
        }
        #expect(svg.contains("First margin to run out: 2027-06"))
        // Every left-anchored text (legend at 12 px, panel titles at 13) ends inside the drawing at 0.6 em a character.
        let pattern = try NSRegularExpression(pattern: "<text x=\"([0-9.]+)\" y=\"[0-9.]+\"[^>]*>([^<]*)</text>")
        for match in pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
            guard let x = Range(match.range(at: 1), in: svg).flatMap({ Double(svg[$0]) }),
                let text = Range(match.range(at: 2), in: svg).map({ String(svg[$0]) })
            else { continue }
            let line = String(svg[Range(match.range, in: svg)!])
            guard !line.contains("text-anchor") else { continue }
            #expect(
                x + SVGText.width(text, fontSize: line.contains("font-size=\"13\"") ? 13 : 12) <= PhaseChart.width,
                "\(text)")
        }
    }
}
