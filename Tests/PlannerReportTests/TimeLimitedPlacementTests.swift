import Foundation
import PlannerEngine
import PlannerModel
import PlannerReport
import SiteSpec
import Testing
import _PlannerTestSupport

/// A layout the wall clock decided is announced as such (issue 21, item 8).
@Suite("Time-limited placement")
struct TimeLimitedPlacementTests {
    @Test("a placement stopped by a 1 ms limit is a warning and the report says each layout is time-limited")
    func timeLimited() throws {
        var site = try #require(
            SiteLoader().load(path: RepositoryPaths.path("Sites/korea-national-ai-computing-center.yaml")).site)
        site.halls = [site.halls[0]]
        site.placement.enabled = true
        site.placement.timeLimit = .milliseconds(1)
        let plan = Planner().plan(site)
        let layouts = try #require(plan.placements.first).layouts
        // Each problem ends without a layout or with one the clock cut short.
        #expect(layouts.count == 2)
        #expect(layouts.allSatisfy { $0.solve.timeLimited && [.feasible, .noSolution].contains($0.status) })
        #expect(
            plan.findings.filter { $0.severity == .warning && $0.message.contains("time limit") }.count == 2,
            "\(plan.findings.map(\.message))")
        let report = PlanMarkdown.render(
            plan,
            context: ReportContext(specPath: "x.yaml", specDigest: "d", command: "dcplan plan x.yaml", version: "0"),
            figures: nil)
        #expect(report.contains("**Time-limited**: the search for the"))
        // Layouts that finished by themselves (the committed reports) carry no such line.
        site.placement.timeLimit = .seconds(120)
        let finished = Planner().plan(site)
        #expect(finished.placements.first?.layouts.allSatisfy { !$0.solve.timeLimited } == true)
    }
}
