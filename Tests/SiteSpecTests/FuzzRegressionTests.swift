import Foundation
import PlannerModel
import SiteSpec
import Testing

/// Inputs that crashed, hung or exhausted memory in a loader, kept in `FuzzRegressions/<target>/`
/// (`spec` or `sweep`, the `Scripts/fuzz` target) and replayed as `dcplan-fuzz` feeds them:
/// specs from `Sites/`, sweeps from `Sites/sweeps/`.
@Suite("Spec and sweep fuzz regressions")
struct FuzzRegressionTests {
    static let folder = packageRoot + "/Tests/SiteSpecTests/FuzzRegressions"
    /// `target/file` for every kept input.
    static let inputs: [String] = ["spec", "sweep"].flatMap { target in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted().map { target + "/" + $0 }
    }

    @Test("the regression folder holds the inputs found so far")
    func folderIsNotEmpty() {
        #expect(Self.inputs.count >= 2, "\(Self.inputs)")
    }

    @Test("every kept input loads within 2 s and is rejected with an error finding", arguments: inputs)
    func replay(input: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + input))
        let yaml = String(decoding: data, as: UTF8.self)
        let clock = ContinuousClock()
        let start = clock.now
        let findings =
            input.hasPrefix("sweep/")
            ? SweepLoader().load(yaml: yaml, path: "fuzz.yaml", baseDirectory: packageRoot + "/Sites/sweeps").findings
            : SiteLoader().load(yaml: yaml, path: "fuzz.yaml", baseDirectory: packageRoot + "/Sites").findings
        #expect(clock.now - start < .seconds(2))
        #expect(findings.contains { $0.severity == .error }, "\(findings.map(\.formatted))")
    }

    @Test(
        "a swing duration of 10¹⁹ ms (once an overflow trap converting to microseconds) is an error at the value; an hour is accepted"
    )
    func hugeSwingDuration() {
        let spec = { (ms: String) in
            "version: 1\nsite: { name: T }\npower: { transients: { duration_ms: \(ms) } }\nhalls: [{ id: h, racks: [{ "
                + "type: gb300-nvl72, count: 1 }] }]\n"
        }
        #expect(
            diagnostics(spec("1e19")) == [
                "Sites/x.yaml:3:37: error: power.transients.duration_ms: must be within 0–3600000 ms and above 0, got "
                    + "1e19"
            ])
        #expect(
            diagnostics(spec("0")) == [
                "Sites/x.yaml:3:37: error: power.transients.duration_ms: must be within 0–3600000 ms and above 0, got 0"
            ])
        #expect(load(spec("3600000")).site?.electrical.swingDuration == .seconds(3600))
    }

    @Test("a sweep range with a step of 1e-300 (10³⁰⁰ values, once an Int conversion trap) is an error at the range")
    func tinyStep() {
        let result = SweepLoader().load(
            yaml:
                "version: 1\nbase: ../example-small.yaml\naxes:\n  - path: cooling.tcs_supply_c\n    range: { from: "
                + "25, to: 45, step: 1e-300 }\nmetrics: [copper_t]\n",
            path: "s.yaml", baseDirectory: packageRoot + "/Sites/sweeps")
        #expect(result.definition == nil)
        #expect(
            result.findings.map(\.formatted) == [
                "s.yaml:5:12: error: axes[0].range: the range gives more than 10¹⁵ values; at most 100000 per axis"
            ])
    }

    @Test(
        "a sweep range wider than the largest Double (an infinite count) is an error, not a trap, and 200,001 values are counted exactly"
    )
    func infiniteSpan() {
        let result = SweepLoader().load(
            yaml:
                "version: 1\nbase: ../example-small.yaml\naxes:\n  - path: cooling.tcs_supply_c\n    range: { from: "
                + "-1e308, to: 1e308, step: 1 }\nmetrics: [copper_t]\n",
            path: "s.yaml", baseDirectory: packageRoot + "/Sites/sweeps")
        // The ends are sweep values, within ±10⁹: the span is refused before it is counted.
        #expect(
            result.findings.map(\.formatted) == [
                "s.yaml:5:20: error: axes[0].range.from: must be within -1000000000 to 1000000000, got -1e308",
                "s.yaml:5:32: error: axes[0].range.to: must be within -1000000000 to 1000000000, got 1e308",
            ])
        let large = SweepLoader().load(
            yaml:
                "version: 1\nbase: ../example-small.yaml\naxes:\n  - path: cooling.tcs_supply_c\n    range: { from: 0, "
                + "to: 20, step: 0.0001 }\nmetrics: [copper_t]\n",
            path: "s.yaml", baseDirectory: packageRoot + "/Sites/sweeps")
        #expect(
            large.findings.map(\.formatted) == [
                "s.yaml:5:12: error: axes[0].range: the range gives 200001 values; at most 100000 per axis"
            ])
    }

    @Test("a base spec that never ends (/dev/zero, once read until memory ran out) is refused past 10 MB")
    func endlessBase() {
        let result = SweepLoader().load(
            yaml:
                "version: 1\nbase: /dev/zero\naxes:\n  - path: cooling.tcs_supply_c\n    values: [30]\nmetrics: "
                + "[copper_t]\n",
            path: "s.yaml", baseDirectory: packageRoot + "/Sites/sweeps")
        #expect(
            result.findings.map(\.formatted) == [
                "s.yaml:2:7: error: base: cannot read the base spec /dev/zero: file is too large: more than 10485760 "
                    + "bytes; the limit is 10 MB (10485760 bytes)"
            ])
    }

    @Test("a sweep of 10¹⁴ scenarios is refused in under 2 s, without loading the base for each of its 180,000 values")
    func tooManyScenariosRefusedFast() throws {
        let path = Self.folder + "/sweep/slow-three-large-ranges.yaml"
        let clock = ContinuousClock()
        let start = clock.now
        let result = SweepLoader().load(
            yaml: try String(contentsOfFile: path, encoding: .utf8), path: "s.yaml",
            baseDirectory: packageRoot + "/Sites/sweeps")
        #expect(clock.now - start < .seconds(2))
        #expect(
            result.findings.map(\.formatted) == [
                "s.yaml:4:3: error: axes: the axes define more than 1000000000 scenarios; split the sweep"
            ])
    }

    @Test("a sweep loaded from text resolves base: against the given folder, as one loaded from its file does")
    func textMatchesFile() throws {
        let path = packageRoot + "/Sites/sweeps/samsung-distribution-water.yaml"
        let fromFile = SweepLoader().load(path: path)
        let fromText = SweepLoader().load(
            yaml: try String(contentsOfFile: path, encoding: .utf8), path: path,
            baseDirectory: packageRoot + "/Sites/sweeps")
        #expect(fromFile.findings.isEmpty && fromText.findings.isEmpty)
        #expect(fromText.definition?.scenarioCount == fromFile.definition?.scenarioCount)
        #expect(fromText.text == fromFile.text)
    }
}
