import PlannerModel
import Testing

@testable import PlannerReport

@Suite("Sweep decisions judged over assumption axes")
struct SweepAssumptionTests {
    static let energy = SweepMetric.named("facility_energy_gwh")! // lower is better
    static let free = SweepMetric.named("free_cooling_h")! // higher is better

    /// Two rack generations (decision) × three utilisations (assumption), or the assumption first.
    static func definition(_ summary: AssumptionSummary, assumptionFirst: Bool = false) -> SweepDefinition {
        let decision = SweepAxis(path: "halls[*].racks[0].type", values: [.text("gb200"), .text("gb300")])
        let assumption = SweepAxis(
            path: "workload.utilisation_percent", values: [.number(50), .number(70), .number(90)], role: .assumption)
        return SweepDefinition(
            name: "t", base: "b.yaml", axes: assumptionFirst ? [assumption, decision] : [decision, assumption],
            combination: .cartesian, analyses: .annual, metrics: [energy, free], pareto: (energy, free), digest: "d",
            assumptionSummary: summary)
    }

    /// (energy GWh, free-cooling h) per (decision, utilisation): gb200 uses less at low load,
    /// gb300 less at high load; gb300 has more free hours.
    static let values: [[(Double, Double)]] = [
        [(500, 7000), (700, 6000), (900, 5000)], // gb200
        [(560, 7200), (690, 6500), (820, 5600)], // gb300
    ]

    static func summarise(_ d: SweepDefinition, failing: (Int, Int)? = nil) -> SweepSummary {
        var summary = SweepSummary(d)
        for k in 0..<d.scenarioCount {
            let indices = d.valueIndices(of: k)
            let (g, u) = d.axes[0].role == .decision ? (indices[0], indices[1]) : (indices[1], indices[0])
            let (e, f) = values[g][u]
            let failed = failing.map { $0 == (g, u) } ?? false
            summary.add(
                SweepRow(
                    index: k, values: d.values(of: k), status: failed ? .checkFailed : .ok, message: "",
                    metrics: [e, f]))
        }
        return summary
    }

    @Test("worst case: each decision by its worst year; the best and the front are decisions, not utilisations")
    func worstCase() {
        let s = Self.summarise(Self.definition(.worst))
        // worst energy: gb200 max(500, 700, 900) = 900, gb300 max(560, 690, 820) = 820 → gb300 (decision 1)
        #expect(s.best[0]?.value == 820 && s.best[0]?.index == 1)
        // worst free hours: gb200 min = 5000, gb300 min = 5600 → gb300
        #expect(s.best[1]?.value == 5600 && s.best[1]?.index == 1)
        // gb300 (820, 5600) dominates gb200 (900, 5000): a front of one decision
        #expect(s.front.map(\.index) == [1] && s.decisions == 2 && s.failedDecisions == 0)
        // Without the role, the lowest utilisation would win energy: scenario 0 at 500 GWh.
    }

    @Test("mean: each decision by its average over the assumptions; ties go to the first decision")
    func mean() {
        let s = Self.summarise(Self.definition(.mean))
        // gb200 (500 + 700 + 900)/3 = 700, gb300 (560 + 690 + 820)/3 = 690 → gb300
        #expect(s.best[0]?.value == 690 && s.best[0]?.index == 1)
        // free: gb200 6000, gb300 (7200 + 6500 + 5600)/3 = 6433.3 → gb300
        #expect(abs((s.best[1]?.value ?? 0) - 19300.0 / 3) < 1e-9)
    }

    @Test("the same decisions when the assumption axis comes first and rows still arrive in index order")
    func assumptionFirst() {
        let d = Self.definition(.worst, assumptionFirst: true)
        // scenario k = u·2 + g: decision of scenario 3 (u 1, g 1) is 1; decision 1 starts at scenario 1
        #expect(d.decision(of: 3) == 1 && d.firstScenario(ofDecision: 1) == 1)
        let s = Self.summarise(d)
        #expect(s.best[0]?.value == 820 && s.best[0]?.index == 1 && s.front.map(\.index) == [1])
        #expect(s.open.isEmpty)
    }

    @Test("a decision with a failed scenario is left out and counted")
    func failedDecision() {
        let s = Self.summarise(Self.definition(.worst), failing: (1, 2))
        // gb300 fails at 90 %: only gb200 is ranked, at its worst (900 GWh, 5000 h)
        #expect(s.best[0]?.value == 900 && s.best[0]?.index == 0)
        #expect(s.failedDecisions == 1 && s.decisions == 2 && s.front.map(\.index) == [0])
    }

    @Test("the report names the decision axes only and states the rule")
    func report() {
        let (markdown, _) = SweepMarkdown.render(Self.summarise(Self.definition(.worst)), version: "test")
        #expect(markdown.contains("## Best decision per metric"))
        #expect(markdown.contains("judged over all 3 combinations of the assumption axes, by its worst value"))
        #expect(markdown.contains("| Annual facility energy [GWh] (`facility_energy_gwh`) | lower | 820 | gb300 |"))
        #expect(!markdown.contains("## Best scenario per metric"))
        #expect(markdown.contains("| `workload.utilisation_percent` | 50, 70, 90 | assumption |"))
    }
}
