import Foundation
import PlannerModel
import SiteSpec
import Testing
import _PlannerTestSupport

@Suite("Sweep specs")
struct SweepLoaderTests {
    /// Writes a sweep over `Sites/example-small.yaml` and loads it.
    func sweep(_ body: String) throws -> SweepLoader.Result {
        try withTemporaryDirectory { dir in
            let path = dir + "/s.yaml"
            let text = "version: 1\nbase: \(packageRoot)/Sites/example-small.yaml\n" + body
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            var result = SweepLoader().load(path: path)
            // report findings under a stable name
            result.findings = result.findings.map { f in
                var f = f
                f.location?.file = "s.yaml"
                return f
            }
            return result
        }
    }

    @Test("a cartesian sweep of a list and a range gives the product of their lengths, last axis fastest")
    func cartesian() throws {
        let result = try sweep(
            """
            axes:
              - { path: "halls[*].power.distribution", values: [ac-415v, dc-800v] }
              - { path: cooling.tcs_supply_c, range: { from: 25, to: 45, step: 5 } }
            metrics: [facility_design_mw, copper_t]
            pareto: [facility_design_mw, copper_t]
            """)
        #expect(result.findings.isEmpty)
        let d = try #require(result.definition)
        // 2 × 5 = 10; range 25, 30, 35, 40, 45 (inclusive)
        #expect(d.scenarioCount == 10)
        #expect(d.axes[1].values == [25, 30, 35, 40, 45].map { .number($0) })
        // scenario 7 = (7 / 5, 7 % 5) = (1, 2) → dc-800v, 35 °C
        #expect(d.values(of: 7) == [.text("dc-800v"), .number(35)])
        #expect(d.combination == .cartesian && d.analyses == .design)
    }

    @Test("a range with a fractional step prints its values as written")
    func fractionalRange() throws {
        let d = try #require(
            try sweep(
                """
                axes: [{ path: workload.utilisation_percent, range: { from: 0.1, to: 0.5, step: 0.1 } }]
                metrics: [it_sustained_mw]
                """
            ).definition)
        #expect(d.axes[0].values.map(\.description) == ["0.1", "0.2", "0.3", "0.4", "0.5"])
    }

    @Test("a path the spec does not know is an error at the axis, with the loader's suggestion")
    func unknownPath() throws {
        let result = try sweep(
            """
            axes:
              - path: cooling.tcs_suply_c
                values: [30]
            metrics: [copper_t]
            """)
        #expect(result.definition == nil)
        #expect(
            result.findings.map(\.formatted) == [
                "s.yaml:4:11: error: axes[0].path: cooling.tcs_suply_c is not a spec path: cooling: unknown key "
                    + "'tcs_suply_c'; did you mean 'tcs_supply_c'?"
            ])
    }

    @Test("a value of the wrong kind or range names the axis at the value")
    func badValue() throws {
        let result = try sweep(
            """
            axes:
              - { path: "halls[*].power.distribution", values: [ac-415v, dc-900v] }
              - { path: cooling.tcs_supply_c, values: [30, 90] }
            metrics: [copper_t]
            """)
        let messages = result.findings.map(\.formatted)
        #expect(messages.count == 2)
        #expect(
            messages[0].hasPrefix(
                "s.yaml:4:62: error: axes[0].values[1]: halls[*].power.distribution = dc-900v: "
                    + "halls[0].power.distribution:"
            ))
        #expect(
            messages[1]
                == "s.yaml:5:48: error: axes[1].values[1]: cooling.tcs_supply_c = 90: cooling.tcs_supply_c: must be "
                + "within 5–70 °C, got 90"
        )
    }

    @Test("empty axes, unequal zips, unknown metrics and annual metrics without the annual analysis are errors")
    func structuralErrors() throws {
        #expect(
            try sweep("axes: [{ path: cooling.tcs_supply_c, values: [] }]\nmetrics: [copper_t]\n").findings.map(
                \.formatted) == [
                    "s.yaml:3:46: error: axes[0].values: an axis needs at least one value"
                ])
        let zip = try sweep(
            """
            combination: zip
            axes:
              - { path: cooling.tcs_supply_c, values: [30, 35] }
              - { path: workload.utilisation_percent, values: [60, 70, 80] }
            metrics: [pue, copper_tonnes]
            """)
        #expect(
            zip.findings.map(\.formatted) == [
                "s.yaml:3:14: error: combination: zip needs axes of one length; they have 2, 3 values",
                "s.yaml:7:11: error: metrics[0]: metric 'pue' needs the plant over the year: set analyses: annual",
                "s.yaml:7:16: error: metrics[1]: unknown metric 'copper_tonnes'; did you mean 'copper_t'?",
            ])
    }

    @Test("spec paths parse keys, indices and [*]; anything else is refused with the form expected")
    func keyPaths() throws {
        let path = try SpecKeyPath(parsing: "halls[*].racks[1].count")
        #expect(path.components == [.key("halls"), .all, .key("racks"), .index(1), .key("count")])
        for bad in ["", "halls[", "halls[-1]", "Halls.x", "a..b", "a[x]"] {
            #expect(throws: SpecKeyPath.Problem.self) { try SpecKeyPath(parsing: bad) }
        }
    }

    @Test("an assumption axis needs a cartesian sweep and a decision axis; assumptions without one is a warning")
    func assumptionAxes() throws {
        let good = try sweep(
            """
            axes:
              - { path: "halls[*].power.distribution", values: [ac-415v, dc-800v] }
              - { path: workload.utilisation_percent, values: [50, 70, 90], role: assumption }
            assumptions: mean
            metrics: [it_sustained_mw]
            """)
        #expect(good.findings.isEmpty)
        let d = try #require(good.definition)
        #expect(d.axes.map(\.role) == [.decision, .assumption] && d.assumptionSummary == .mean)
        // 2 decisions × 3 assumptions: scenario 4 = (1, 1) → decision 1; decision 1 starts at 3
        #expect(d.scenariosPerDecision == 3 && d.decision(of: 4) == 1 && d.firstScenario(ofDecision: 1) == 3)
        let bad = try sweep(
            """
            combination: zip
            axes:
              - { path: cooling.tcs_supply_c, values: [30, 35], role: assumption }
              - { path: workload.utilisation_percent, values: [60, 70], role: assumption }
            metrics: [copper_t]
            """)
        #expect(
            bad.findings.map(\.formatted) == [
                "s.yaml:5:3: error: axes: every axis is an assumption: mark at least one axis as a decision "
                    + "(role: decision)",
                "s.yaml:5:59: error: axes[0].role: an assumption axis needs combination: cartesian (each decision is "
                    + "judged over every assumption value; zip pairs them instead)",
                "s.yaml:6:67: error: axes[1].role: an assumption axis needs combination: cartesian (each decision is "
                    + "judged over every assumption value; zip pairs them instead)",
            ])
        let idle = try sweep(
            """
            axes: [{ path: cooling.tcs_supply_c, values: [30, 35], role: decisoin }]
            assumptions: worst
            metrics: [copper_t]
            """)
        #expect(
            idle.findings.map(\.formatted) == [
                "s.yaml:3:62: error: axes[0].role: must be one of decision, assumption; got \"decisoin\"",
                "s.yaml:4:14: warning: assumptions: worst has no effect: no axis is an assumption "
                    + "(role: assumption), so the best scenarios and the Pareto front are taken over every scenario",
            ])
    }
}
