import Foundation
import PlannerModel
import Testing
import _PlannerTestSupport

@testable import SiteSpec

/// Issue 21, items 1 and 10: each input that once trapped, planned nonsense or printed an
/// encoding error is now an error at its value's line and column; a percentage written as a
/// fraction is a warning.
@Suite("Numeric ranges")
struct NumericRangeTests {
    /// A spec with `section` (one line) between `site` and `halls`: its values are on line 3.
    static func spec(_ section: String, hall: String = "{ id: h, racks: [{ type: gb300-nvl72, count: 1 }] }")
        -> String
    {
        "version: 1\nsite: { name: T }\n\(section)\nhalls: [\(hall)]\n"
    }

    @Test(
        "values that trapped or planned nonsense are errors at their line and column",
        arguments: [
            // Trapped converting to milliseconds, even in dcplan validate.
            (
                "placement: { time_limit_s: 1e308 }",
                "Sites/x.yaml:3:28: error: placement.time_limit_s: must be within 0.1–86400 s, got 1e308"
            ),
            // Trapped in a chart axis.
            (
                "cooling: { approach_k: 1e308 }",
                "Sites/x.yaml:3:24: error: cooling.approach_k: must be within 0–50 K and above 0, got 1e308"
            ),
            // Printed EncodingError.invalidValue: inf.
            (
                "cooling: { tcs_delta_t_k: 1e-308 }",
                "Sites/x.yaml:3:27: error: cooling.tcs_delta_t_k: must be within 1–50 K, got 1e-308"
            ),
            (
                "workload: {}\npower: { transients: { swing_factor: .nan } }",
                "Sites/x.yaml:4:38: error: power.transients.swing_factor: expected a number, got .nan"
            ),
            // Planned with exit 0.
            (
                "workload: { utilisation_percent: -1e308 }",
                "Sites/x.yaml:3:34: error: workload.utilisation_percent: must be within 0–100 %, got -1e308"
            ),
            (
                "cooling: { air_supply_c: 9223372036854775808 }",
                "Sites/x.yaml:3:26: error: cooling.air_supply_c: must be within 5–45 °C (ASHRAE A4 allowable), got "
                    + "9.223372036854776e18"
            ),
        ])
    func trapsAreErrors(section: String, expected: String) {
        let findings = diagnostics(Self.spec(section))
        #expect(findings == [expected])
    }

    @Test("a UPS module of 1e-308 kW (a trap counting modules) is an error at the value")
    func tinyUPSModule() {
        let hall = "{ id: h, power: { ups: { module_kw: 1e-308 } }, racks: [{ type: gb300-nvl72, count: 1 }] }"
        #expect(
            diagnostics(Self.spec("workload: {}", hall: hall)) == [
                "Sites/x.yaml:4:45: error: halls[0].power.ups.module_kw: must be within 0.1–1000000 kW, got 1e-308"
            ])
    }

    /// A hall of 20 GB300 racks on the chain `stages`, with the stage entry `ups-1250` when
    /// `catalog` is set.
    static func chain(_ stages: [String], catalog: String? = nil) -> [String] {
        var lines = ["version: 1", "site: { name: T }", "halls:", "  - id: h", "    power:", "      chain:"]
        lines += stages.map { "        - \($0)" }
        lines += ["    racks: [{ type: gb300-nvl72, count: 20 }]"]
        if let catalog { lines += ["catalog:", "  stages:", "    - \(catalog)"] }
        return diagnostics(lines.joined(separator: "\n"))
    }

    static let ac = [
        "{ stage: mv-switchgear-22.9kv }", "{ stage: mv-lv-transformer-2500kva-415v }", "{ stage: ups-1250 }",
        "{ stage: orv3-power-shelf-33kw }",
    ]

    static func upsEntry(load: String = "100", efficiency: String = "97") -> String {
        "{ id: ups-1250, based_on: ups-double-conversion, rating_kw: 1250, efficiency: [{ load_percent: \(load), "
            + "efficiency_percent: \(efficiency) }], source: vendor }"
    }

    @Test("a chain stage's unit of 1e308 kW (an infinite unit count) is an error at the value")
    func hugeChainUnit() {
        var stages = Self.ac
        stages[2] = "{ stage: ups-1250, unit_kw: 1e308 }"
        #expect(
            Self.chain(stages, catalog: Self.upsEntry()) == [
                "Sites/x.yaml:9:39: error: halls[0].power.chain[2].unit_kw: must be within 0.1–1000000 kW, got 1e308"
            ])
    }

    @Test("an efficiency point of 1e-308 % (an infinite loss) is an error at the value, load and efficiency alike")
    func tinyEfficiencyPoint() {
        #expect(
            Self.chain(Self.ac, catalog: Self.upsEntry(efficiency: "1e-308")) == [
                "Sites/x.yaml:14:127: error: catalog.stages[0].efficiency[0].efficiency_percent: must be within "
                    + "50–100 %, got 1e-308"
            ])
        #expect(
            Self.chain(Self.ac, catalog: Self.upsEntry(load: "1e-308")) == [
                "Sites/x.yaml:14:102: error: catalog.stages[0].efficiency[0].load_percent: must be within 1–150 %, "
                    + "got 1e-308"
            ])
    }

    @Test("a custom chain of 2,000 stages (Int(inf) in the redundancy count) is an error at the hall's power")
    func longChain() {
        let stages =
            [Self.ac[0], Self.ac[1]] + Array(repeating: "{ stage: ups-1250 }", count: 1997) + [Self.ac[3]]
        #expect(
            Self.chain(stages, catalog: Self.upsEntry()) == [
                "Sites/x.yaml:6:7: error: halls[0].power: a custom chain has at most 20 stages (22.9 kV to the racks "
                    + "takes about 6), got 2000"
            ])
    }

    @Test(
        "a redundancy of N+9223372036854775807 (an overflow in n + k) or N+4611686018427387904 CDUs is an error at the value"
    )
    func hugeRedundancy() throws {
        #expect(
            diagnostics(Self.spec("cooling: { cdu_redundancy: N+4611686018427387904 }")) == [
                "Sites/x.yaml:3:28: error: cooling.cdu_redundancy: redundancy 'N+4611686018427387904' is beyond "
                    + "sense: k of N+k and block+k, and x of xN/y, must be at most 1000"
            ])
        #expect(
            diagnostics(
                Self.spec(
                    "workload: {}",
                    hall: "{ id: h, power: { ups: { topology: N+9223372036854775807 } }, "
                        + "racks: [{ type: gb300-nvl72, count: 1 }] }")) == [
                    "Sites/x.yaml:4:44: error: halls[0].power.ups.topology: redundancy 'N+9223372036854775807' is "
                        + "beyond sense: k of N+k and block+k, and x of xN/y, must be at most 1000"
                ])
        #expect(throws: RedundancyError.tooLarge("N+1001")) { try Redundancy(parsing: "N+1001") }
        #expect(try Redundancy(parsing: "N+1000") == .nPlus(1000))
        #expect(throws: RedundancyError.unknown("N++1")) { try Redundancy(parsing: "N++1") }
    }

    @Test("values that printed EncodingError.invalidValue: inf are errors at the value")
    func encodingErrors() {
        #expect(
            diagnostics(
                Self.spec(
                    "workload: {}",
                    hall: "{ id: h, layout: { rows: 1, racks_per_row: 1, aisle_m: 1e308 }, "
                        + "racks: [{ type: gb300-nvl72, count: 1 }] }")) == [
                    "Sites/x.yaml:4:64: error: halls[0].layout.aisle_m: must be within 0.5–10 m, got 1e308"
                ])
        #expect(
            diagnostics(
                "version: 1\nsite: { name: T, grid: { interconnect_kv: 1e308 } }\nhalls: [{ id: h, racks: "
                    + "[{ type: gb300-nvl72, count: 1 }] }]\n") == [
                    "Sites/x.yaml:2:43: error: site.grid.interconnect_kv: must be within 0.1–1000 kV, got 1e308"
                ])
        #expect(
            diagnostics(
                Self.spec(
                    "catalog: { racks: [{ id: x, based_on: gb300-nvl72, nameplate_kw: 1e308, source: s }] }",
                    hall: "{ id: h, racks: [{ type: x, count: 1 }] }")) == [
                    "Sites/x.yaml:3:66: error: catalog.racks[0].nameplate_kw: must be within 0–2000 kW and above 0, "
                        + "got 1e308"
                ])
        #expect(
            diagnostics(
                Self.spec(
                    "heat_recovery: { network: fourth-generation, peak_demand_mw: 1e300, return_c: -1e308 }"
                )
                .replacingOccurrences(
                    of: "site: { name: T }",
                    with: "site: { name: T, weather: weather/KOR_KG_"
                        + "Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw }"),
                baseDirectory: packageRoot + "/Sites") == [
                    "Sites/x.yaml:3:62: error: heat_recovery.peak_demand_mw: must be within 0–10000 MW and above 0, "
                        + "got 1e300",
                    "Sites/x.yaml:3:79: error: heat_recovery.return_c: must be within 0–150 °C, got -1e308",
                ])
    }

    @Test("10¹² racks in all, each count within its range, are an error at the hall that passes 1,000,000")
    func tooManyRacksInAll() {
        let hall = "{ id: h, copies: 1000, racks: [{ type: gb300-nvl72, count: 100000 }] }"
        #expect(
            diagnostics(Self.spec("workload: {}", hall: "\(hall), { id: i, racks: [{ type: gb300-nvl72, count: 1 }] }"))
                == [
                    "Sites/x.yaml:4:9: error: halls[0]: the site holds more than 1000000 racks in all (racks × copies, "
                        + "counted to this hall); split it into sites"
                ])
        #expect(
            load(
                Self.spec("workload: {}", hall: "{ id: h, copies: 10, racks: [{ type: gb300-nvl72, count: 100000 }] }")
            ).site != nil)
    }

    @Test("a percentage between 0 and 1 where the default is 10 % or more warns that it looks like a fraction")
    func percentAsFraction() throws {
        let result = load(Self.spec("workload: { utilisation_percent: 0.8 }"))
        #expect(
            result.findings.map(\.formatted) == [
                "Sites/x.yaml:3:34: warning: workload.utilisation_percent: 0.8 % looks like a fraction: write 80 for "
                    + "80 %"
            ])
        #expect(result.site?.utilisation == .percent(0.8))
        let hall = load(
            Self.spec(
                "workload: {}", hall: "{ id: h, utilisation_percent: 0.35, racks: [{ type: gb300-nvl72, count: 1 }] }"))
        #expect(
            hall.findings.map(\.formatted) == [
                "Sites/x.yaml:4:39: warning: halls[0].utilisation_percent: 0.35 % looks like a fraction: write 35 for "
                    + "35 %"
            ])
        // Small defaults take small values: a 0.5 % MIP gap and 0.1 %/h storage loss are meant.
        #expect(diagnostics(Self.spec("placement: { mip_gap_percent: 0.5 }")) == [])
        #expect(diagnostics(Self.spec("workload: { utilisation_percent: 1 }")) == [])
        #expect(diagnostics(Self.spec("workload: { utilisation_percent: 0 }")) == [])
    }

    @Test("every numeric key's description in the schema gives its range")
    func descriptionsGiveRanges() throws {
        let schema = SpecSchema.siteSpec()
        #expect(
            schema.contains(
                "\"description\" : \"Economiser approach [K] (default: the unit's). Range: 0–50 K and above 0.\""))
        #expect(schema.contains("\"exclusiveMinimum\" : 0"))
        let range = PhysicalRange(.inclusive(0), .exclusive(100), "%")
        #expect(range.text == "0–100 % and below 100")
        #expect(!range.contains(.nan) && !range.contains(100) && range.contains(-0.0))
        #expect(PhysicalRange.within(-60, 150, "°C").violation(-300) == "must be within -60 to 150 °C, got -300")
    }

    @Test("Sites/README.md's Range column gives every numeric key's declared range")
    func readmeRanges() throws {
        let readme = try String(contentsOfFile: packageRoot + "/Sites/README.md", encoding: .utf8)
        var rows: [String: String] = [:]
        for line in readme.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 5 else { continue }
            rows[cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[5]
        }
        func walk<T: SpecMapping>(_ type: T.Type, _ prefix: String) -> [(String, KeySchema)] {
            T.Key.allCases.flatMap { key -> [(String, KeySchema)] in
                let path = prefix.isEmpty ? key.rawValue : prefix + "." + key.rawValue
                switch key.schema.kind {
                case .number, .integer, .numberList: return [(path, key.schema)]
                case .mapping(let inner): return walk(inner, path)
                case .list(let inner): return walk(inner, path + "[]")
                case .string, .stringList, .scalarList: return []
                }
            }
        }
        let keys = walk(SpecDocument.self, "")
        // 63 before issue 22; + power.continuous_loading (5 keys) and catalog.racks[].feeds (68), site.grid.study
        // (3 keys), power.backup (4 numeric keys), catalog.racks[].psu (3 numeric keys), site.latitude/longitude;
        // issue 23: cooling.extreme_dry_bulb_c, extreme_wet_bulb_c, class_hours_outside_recommended_h, and
        // cooling.chiller_units split into the two per-loop cooling.plant.*.chiller_units (85), + 5 cooling.pumps
        // and 3 site.house_loads keys (93); issue 25: 8 numeric cost keys (101); issue 27: phases[].halls[].copies,
        // phases[].utilisation_ramp_percent, phases[].grid_contract_mw (104);
        // uncertainty.samples and uncertainty.seed (106).
        #expect(keys.count == 106)
        for (path, schema) in keys {
            let range: String
            switch schema.kind {
            case .number(let r), .numberList(_, let r): range = r.text
            case .integer(let r): range = r.text
            default: continue
            }
            #expect(rows[path] == range, "\(path)")
        }
    }

    @Test(
        "every numeric key of the sweep spec at NaN, ±∞, ±1e308, 1e-308, 5e-324, −0, 2⁶³, 1e300 or text loads or errs at a line and column, and errs at the key outside its range"
    )
    func sweepExtremes() throws {
        let sound: [String: String] = ["version": "1", "from": "25", "to": "45", "step": "5"]
        let keys: [(name: String, path: String, schema: KeySchema)] =
            SweepDocument.Key.allCases.filter { $0 == .version }.map { ("version", "version", $0.schema) }
            + SweepRangeSpec.Key.allCases.map { ($0.rawValue, "axes[0].range.\($0.rawValue)", $0.schema) }
        let extremes: [(yaml: String, value: Double?)] = [
            (".nan", nil), (".inf", nil), ("-.inf", nil), ("1e308", 1e308), ("-1e308", -1e308), ("1e-308", 1e-308),
            ("5e-324", 5e-324), ("-0.0", -0.0), ("9223372036854775808", 0x1p63), ("1e300", 1e300),
            ("\"many\"", nil),
        ]
        var cases = 0
        for key in keys {
            for extreme in extremes {
                var values = sound
                values[key.name] = extreme.yaml
                let yaml =
                    "version: \(values["version"]!)\nbase: ../example-small.yaml\naxes:\n  - path: "
                    + "cooling.tcs_supply_c\n    range: { from: \(values["from"]!), to: \(values["to"]!), step: "
                    + "\(values["step"]!) }\nmetrics: [copper_t]\n"
                let result = SweepLoader().load(
                    yaml: yaml, path: "s.yaml", baseDirectory: packageRoot + "/Sites/sweeps")
                cases += 1
                let context = "\(key.path) = \(extreme.yaml)"
                #expect((result.definition == nil) == result.findings.contains { $0.severity == .error }, "\(context)")
                for finding in result.findings {
                    #expect(finding.location?.line != nil && finding.location?.column != nil, "\(context)")
                }
                if extreme.value.map({ key.schema.violation($0) != nil }) ?? true {
                    #expect(
                        result.findings.contains { $0.severity == .error && $0.subject == key.path },
                        "\(context): \(result.findings.map(\.formatted))")
                }
            }
        }
        #expect(cases == 44)
    }
}
