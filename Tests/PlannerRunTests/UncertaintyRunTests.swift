import Foundation
import PlannerEngine
import PlannerModel
import PlannerReport
import PlannerRun
import SiteSpec
import Testing
import _PlannerTestSupport

/// The uncertainty samples of DESIGN.md §5.20 driven from code.
@Suite("Uncertainty samples")
struct UncertaintyRunTests {
    /// `Sites/example-small.yaml` written to a temporary folder with its weather path made absolute
    /// and `extra` YAML appended (an `uncertainty:` section), loaded as `dcplan plan` loads it.
    static func spec(_ extra: String, replacing: [(String, String)] = []) throws -> LoadedSpec {
        var yaml = try String(contentsOfFile: RepositoryPaths.path("Sites/example-small.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(
            of: "weather: weather/", with: "weather: \(RepositoryPaths.path("Sites/weather"))/")
        for (old, new) in replacing {
            #expect(yaml.contains(old))
            yaml = yaml.replacingOccurrences(of: old, with: new)
        }
        let dir = try makeTemporaryDirectory()
        let path = dir.appendingPathComponent("site.yaml").path
        try (yaml + "\n" + extra + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try #require(try LoadedSpec.loadAll([path], log: { _ in }).first)
    }

    @Test("the bands are the same at 1 and 4 threads, and twice in a row")
    func deterministic() throws {
        let spec = try Self.spec("uncertainty: { samples: 12, seed: 5 }")
        let planner = Planner()
        let plan = planner.plan(spec.site, weather: spec.weather)
        let one = try UncertaintyRun(samples: 12, seed: 5, threads: 1).run(spec, deterministic: plan)
        let four = try UncertaintyRun(samples: 12, seed: 5, threads: 4).run(spec, deterministic: plan)
        let again = try UncertaintyRun(samples: 12, seed: 5, threads: 4).run(spec, deterministic: plan)
        #expect(one == four)
        #expect(four == again)
        #expect(one.failed == 0, "\(one.firstFailure ?? "")")
        #expect(one.bands.map(\.id) == UncertaintyRun.metricIDs)
        var withBands = plan
        withBands.uncertainty = four
        let context = ReportContext(specPath: spec.path, specDigest: spec.digest, command: "x", version: "test")
        withBands.uncertainty = one
        let a = try PlanJSON.render(withBands, context: context)
        withBands.uncertainty = four
        #expect(try PlanJSON.render(withBands, context: context) == a)
        // Another seed draws other samples.
        let other = try UncertaintyRun(samples: 12, seed: 6, threads: 2).run(spec, deterministic: plan)
        #expect(other != one)
    }

    @Test("with symmetric spreads every band holds the deterministic plan's value, and P10 ≤ P50 ≤ P90")
    func bandsContainDeterministic() throws {
        // Only the spec's own distributions, each symmetric about the value the deterministic plan
        // uses: utilisation 80 ± 10 %, house loads 1 ± 0.3 %, pump efficiency 70 ± 10 %.
        let spec = try Self.spec(
            """
            uncertainty: { samples: 40, defaults_spread: none }
            """,
            replacing: [
                ("  utilisation_percent: 80\n", "  utilisation_percent: { low: 70, typical: 80, high: 90 }\n"),
                (
                    "  grid: { frequency_hz: 60 }",
                    "  house_loads: { percent_of_it: { low: 0.7, typical: 1, high: 1.3 } }\n"
                        + "  grid: { frequency_hz: 60 }"
                ),
                ("placement: {", "cooling: { pumps: { efficiency_percent: { mean: 70, sd: 4 } } }\nplacement: {"),
            ])
        let choices = try #require(spec.site.uncertainty)
        #expect(choices.inputs.count == 3 && !choices.fromConfidence)
        let planner = Planner()
        let plan = planner.plan(spec.site, weather: spec.weather)
        let run = try #require(UncertaintyRun.asked(by: spec.site, samples: nil))
        #expect(run.samples == 40)
        let u = try run.run(spec, deterministic: plan)
        #expect(u.inputs.count == 3 && u.failed == 0)
        for band in u.bands {
            let x = try #require(band.deterministic)
            #expect(band.p10 <= band.p50 && band.p50 <= band.p90, "\(band.id)")
            // WUE is 0 with dry coolers; a small tolerance for figures the inputs move only a little.
            let slack = 1e-9 * max(1, abs(x))
            #expect(band.p10 - slack <= x && x <= band.p90 + slack, "\(band.id): \(x) outside \(band.p10)-\(band.p90)")
        }
        // Utilisation drives the annual energy: the largest rank correlation, and positive.
        let energy = try #require(u.band("facility_energy_gwh"))
        #expect(energy.drivers.first?.input == "workload.utilisation_percent")
        #expect((energy.drivers.first?.rho ?? 0) > 0.8)
        // No input of the three changes the design power except by the house loads (a share of IT design).
        let design = try #require(u.band("facility_design_mw"))
        #expect(design.drivers.first?.input == "site.house_loads.percent_of_it")
    }

    @Test("with the catalogue's spreads the physical bands hold the deterministic value; rack power drives design MW")
    func confidenceDefaults() throws {
        let spec = try Self.spec("uncertainty: { samples: 30 }")
        let planner = Planner()
        let plan = planner.plan(spec.site, weather: spec.weather)
        let u = try #require(UncertaintyRun.asked(by: spec.site, samples: nil)).run(spec, deterministic: plan)
        #expect(u.failed == 0, "\(u.firstFailure ?? "")")
        let names = u.inputs.map(\.name)
        #expect(names.contains("catalog.gb300-nvl72.power") && names.contains("cost.cost-ups"))
        #expect(names.contains("site.house_loads.percent_of_it") && names.contains("cost.electricity_per_mwh"))
        // Set points and decisions are not spread.
        #expect(!names.contains("cooling.tcs_supply_c") && !names.contains("placement.site_pitch_m"))
        for id in ["facility_design_mw", "facility_energy_gwh", "copper_t"] {
            let band = try #require(u.band(id))
            let x = try #require(band.deterministic)
            #expect(band.p10 <= x && x <= band.p90, "\(id): \(x) outside \(band.p10)-\(band.p90)")
        }
        let design = try #require(u.band("facility_design_mw"))
        #expect(design.drivers.first?.input.hasPrefix("catalog.gb300-nvl72") == true)
    }
}
