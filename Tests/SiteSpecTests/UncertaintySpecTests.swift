import PlannerModel
import Testing
import _PlannerTestSupport

@testable import SiteSpec

@Suite("Distributions and uncertainty keys (DESIGN.md §5.20)")
struct UncertaintySpecTests {
    static func spec(workload: String = "utilisation_percent: 70", uncertainty: String? = nil, count: String = "4")
        -> String
    {
        "version: 1\nsite: { name: T }\nworkload: { \(workload) }\n"
            + (uncertainty.map { "uncertainty: { \($0) }\n" } ?? "")
            + "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: \(count) }] }]\n"
    }

    @Test("a value written as a distribution loads at its central value and is listed with its path and spread")
    func distributions() throws {
        let yaml =
            "version: 1\nsite: { name: T, weather: { alternatives: [a.epw, b.epw] } }\n"
            + "workload: { utilisation_percent: { low: 60, typical: 70, high: 90 } }\n"
            + "cooling: { tcs_supply_c: { mean: 36, sd: 2 } }\n"
            + "uncertainty: { samples: 50, seed: 7 }\n"
            + "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: { low: 2, typical: 4, high: 6 } }] }]\n"
        let loaded = load(yaml, baseDirectory: "/nonexistent")
        // The weather files do not exist: that error is the only one, at the first alternative.
        let errors = loaded.findings.filter { $0.severity == .error }
        #expect(errors.count == 1 && errors[0].subject == "site.weather", "\(loaded.findings.map(\.formatted))")
        let site = try #require(
            load(yaml.replacingOccurrences(of: ", weather: { alternatives: [a.epw, b.epw] }", with: "")).site)
        #expect(site.utilisation == .percent(70))
        #expect(site.cooling.tcsSupply.celsius == 36)
        #expect(site.halls[0].rackGroups[0].count == 4)
        let u = try #require(site.uncertainty)
        #expect(u.samples == 50 && u.seed == 7 && u.fromConfidence)
        #expect(
            u.inputs.map(\.name) == ["workload.utilisation_percent", "cooling.tcs_supply_c", "halls[0].racks[0].count"])
        #expect(u.inputs[0].distribution == .triangular(low: 60, mode: 70, high: 90))
        #expect(u.inputs[1].distribution == .normal(mean: 36, sd: 2))
        #expect(u.inputs[2].integer)
        #expect(u.inputs[0].origin == "the spec (line 3)")
    }

    @Test(
        "low above high, sd below zero, or a spread outside the key's range is an error at the value's line and column")
    func badDistributions() {
        let crossed = diagnostics(Self.spec(workload: "utilisation_percent: { low: 90, typical: 70, high: 60 }"))
        #expect(
            crossed == [
                "Sites/x.yaml:3:34: error: workload.utilisation_percent: a triangular distribution needs low ≤ "
                    + "typical ≤ high, got low 90, typical 70, high 60"
            ], "\(crossed)")
        let sd = diagnostics(Self.spec(workload: "utilisation_percent: { mean: 70, sd: -5 }"))
        #expect(
            sd == [
                "Sites/x.yaml:3:34: error: workload.utilisation_percent: a normal distribution needs sd ≥ 0, got sd -5"
            ],
            "\(sd)")
        let range = diagnostics(Self.spec(workload: "utilisation_percent: { low: 60, typical: 70, high: 120 }"))
        #expect(
            range.count == 1
                && range[0].hasPrefix(
                    "Sites/x.yaml:3:34: error: workload.utilisation_percent: the "
                        + "distribution's high 120: "),
            "\(range)")
        let mixed = diagnostics(Self.spec(workload: "utilisation_percent: { low: 60, mean: 70 }"))
        #expect(
            mixed.count == 1
                && mixed[0].contains("3:34: error: workload.utilisation_percent: a value with a spread is written"),
            "\(mixed)")
        let whole = diagnostics(Self.spec(count: "{ low: 2, typical: 4.5, high: 6 }"))
        #expect(whole.count == 1 && whole[0].contains("must be a whole number"), "\(whole)")
    }

    @Test("a sample count of zero or above the documented limit of 100,000 is an error at its line and column")
    func badSamples() {
        let zero = diagnostics(Self.spec(uncertainty: "samples: 0"))
        #expect(zero.count == 1 && zero[0].hasPrefix("Sites/x.yaml:4:25: error: uncertainty.samples: "), "\(zero)")
        let many = diagnostics(Self.spec(uncertainty: "samples: 100001"))
        #expect(many.count == 1 && many[0].hasPrefix("Sites/x.yaml:4:25: error: uncertainty.samples: "), "\(many)")
        #expect(diagnostics(Self.spec(uncertainty: "samples: 100000")).isEmpty)
        let spread = diagnostics(Self.spec(uncertainty: "samples: 10, defaults_spread: wide"))
        #expect(spread.count == 1 && spread[0].contains("uncertainty.defaults_spread"), "\(spread)")
    }

    @Test("a spec without distributions or uncertainty has none; defaults_spread: none keeps only the spec's own")
    func absent() throws {
        #expect(try #require(load(Self.spec()).site).uncertainty == nil)
        let none = try #require(load(Self.spec(uncertainty: "samples: 10, defaults_spread: none")).site?.uncertainty)
        #expect(!none.fromConfidence && none.inputs.isEmpty && none.samples == 10 && none.seed == 1)
    }
}
