import Foundation
import PlannerModel
import Testing
import _PlannerTestSupport

@testable import SiteSpec

/// The semantic phase: every check of a structurally sound spec, each at the value concerned.
@Suite("Semantic diagnostics")
struct SemanticDiagnosticsTests {
    /// The findings for a spec whose `halls:` list is `halls` (one line, flow style).
    func hallFindings(_ halls: String) -> [String] {
        diagnostics("version: 1\nsite: { name: T }\nhalls: \(halls)\n")
    }

    /// The findings for a spec whose `catalog.racks` entries are `entries` (one flow mapping
    /// each, from line 6, column 7) and whose one hall holds the rack groups `racks`.
    func catalogFindings(_ entries: [String], racks: String = "{ type: storage-rack, count: 1 }") -> [String] {
        let header = [
            "version: 1", "site: { name: T }", "halls: [{ id: h, racks: [\(racks)] }]", "catalog:", "  racks:",
        ]
        return diagnostics((header + entries.map { "    - " + $0 }).joined(separator: "\n"))
    }

    @Test(
        "a rack count must be a positive integer",
        arguments: [
            ("-3", "Sites/x.yaml:3:54: error: halls[0].racks[0].count: must be a positive integer, got -3"),
            ("0", "Sites/x.yaml:3:54: error: halls[0].racks[0].count: must be a positive integer, got 0"),
            ("2.5", "Sites/x.yaml:3:54: error: halls[0].racks[0].count: must be a positive integer, got 2.5"),
            ("4e6", "Sites/x.yaml:3:54: error: halls[0].racks[0].count: must be at most 100000, got 4000000"),
        ])
    func rackCount(count: String, expected: String) {
        #expect(hallFindings("[{ id: h, racks: [{ type: gb300-nvl72, count: \(count) }] }]") == [expected])
    }

    @Test("an unknown rack type suggests the closest catalogue IDs")
    func unknownRackType() {
        #expect(
            hallFindings(
                "[{ id: h, racks: [{ type: gb300-nvl7, count: 1 }, { type: netwrk-rack, count: 1 }, { type: tpu, "
                    + "count: 1 }] }]"
            )
                == [
                    "Sites/x.yaml:3:34: error: halls[0].racks[0].type: unknown rack type 'gb300-nvl7'; did you mean "
                        + "'gb300-nvl72' or 'gb200-nvl72'?",
                    "Sites/x.yaml:3:66: error: halls[0].racks[1].type: unknown rack type 'netwrk-rack'; did you mean "
                        + "'network-rack'?",
                    "Sites/x.yaml:3:99: error: halls[0].racks[2].type: unknown rack type 'tpu'; 'dcplan catalog list' "
                        + "shows the known IDs",
                ])
    }

    @Test("a node entry used as a rack suggests the racks built from it")
    func nodeAsRack() {
        #expect(
            hallFindings("[{ id: h, racks: [{ type: dgx-b200, count: 4 }] }]")
                == [
                    "Sites/x.yaml:3:34: error: halls[0].racks[0].type: 'dgx-b200' is a node, not a rack; use a rack "
                        + "made of it: 'dgx-b200-rack'"
                ])
    }

    @Test("utilisation must be within 0–100 %, for the site and for a hall")
    func utilisationRange() {
        #expect(
            diagnostics(
                """
                version: 1
                site: { name: T }
                workload: { utilisation_percent: 120 }
                halls: [{ id: h, utilisation_percent: -5, racks: [{ type: gb300-nvl72, count: 1 }] }]
                """)
                == [
                    "Sites/x.yaml:3:34: error: workload.utilisation_percent: must be within 0–100 %, got 120",
                    "Sites/x.yaml:4:39: error: halls[0].utilisation_percent: must be within 0–100 %, got -5",
                ])
    }

    @Test("hall IDs must be unique and of lower-case letters, digits and '-'")
    func hallIDs() {
        #expect(
            diagnostics(
                """
                version: 1
                site: { name: T }
                halls:
                  - { id: hall-a, racks: [{ type: gb300-nvl72, count: 1 }] }
                  - { id: Hall B, racks: [{ type: gb300-nvl72, count: 1 }] }
                  - { id: hall-a, racks: [{ type: gb300-nvl72, count: 1 }] }
                  - { id: -x, racks: [{ type: gb300-nvl72, count: 1 }] }
                """)
                == [
                    "Sites/x.yaml:5:11: error: halls[1].id: must be lower-case letters, digits and '-' (like "
                        + "'hall-a'), got \"Hall B\"",
                    "Sites/x.yaml:6:11: error: halls[2].id: duplicate hall ID 'hall-a' (first at line 4)",
                    "Sites/x.yaml:7:11: error: halls[3].id: must be lower-case letters, digits and '-' (like "
                        + "'hall-a'), got \"-x\"",
                ])
    }

    @Test("copies must be a positive integer")
    func copies() {
        #expect(
            hallFindings("[{ id: h, copies: 0, racks: [{ type: gb300-nvl72, count: 1 }] }]")
                == ["Sites/x.yaml:3:26: error: halls[0].copies: must be a positive integer, got 0"])
    }

    @Test("layout dimensions must be positive")
    func layoutNumbers() {
        #expect(
            diagnostics(
                """
                version: 1
                site: { name: T }
                halls:
                  - id: h
                    layout: { rows: 0, racks_per_row: 1.5, rack_pitch_m: -0.6, aisle_m: 0 }
                    racks: [{ type: gb300-nvl72, count: 1 }]
                """)
                == [
                    "Sites/x.yaml:5:21: error: halls[0].layout.rows: must be a positive integer, got 0",
                    "Sites/x.yaml:5:39: error: halls[0].layout.racks_per_row: must be a positive integer, got 1.5",
                    "Sites/x.yaml:5:58: error: halls[0].layout.rack_pitch_m: must be within 0.3–3 m, got -0.6",
                    "Sites/x.yaml:5:73: error: halls[0].layout.aisle_m: must be within 0.5–10 m, got 0",
                ])
    }

    @Test("a hall cannot hold more racks than its layout has positions")
    func layoutCapacity() {
        #expect(
            diagnostics(
                """
                version: 1
                site: { name: T }
                halls:
                  - id: hall-a
                    layout: { rows: 12, racks_per_row: 15 }
                    racks:
                      - { type: gb300-nvl72, count: 174 }
                      - { type: network-rack, count: 8 }
                """)
                == [
                    "Sites/x.yaml:5:13: error: halls[0].layout: hall 'hall-a' holds 182 racks but its layout has 180 "
                        + "positions (12 rows × 15)"
                ])
    }

    @Test("grid frequency must be 50 or 60 Hz")
    func gridFrequency() {
        #expect(
            diagnostics(
                "version: 1\nsite: { name: T, grid: { frequency_hz: 55 } }\nhalls: [{ id: h, racks: [{ type: "
                    + "storage-rack, count: 1 }] }]\n"
            )
                == ["Sites/x.yaml:2:40: error: site.grid.frequency_hz: must be 50 or 60, got 55"])
    }

    @Test("commissioning must be a month written YYYY-MM", arguments: ["2027-7", "2027-13", "July 2027", "2027-07-01"])
    func commissioning(month: String) {
        #expect(
            diagnostics(
                "version: 1\nsite: { name: T, commissioning: \(month) }\nhalls: [{ id: h, racks: [{ type: "
                    + "storage-rack, count: 1 }] }]\n"
            )
                == ["Sites/x.yaml:2:33: error: site.commissioning: must be a month as YYYY-MM, got \"\(month)\""])
    }

    @Test("the weather file must exist, relative to the spec's folder")
    func weatherFile() throws {
        let halls = "halls: [{ id: h, racks: [{ type: storage-rack, count: 1 }] }]"
        #expect(
            diagnostics(
                "version: 1\nsite: { name: T, weather: weather/missing.epw }\n\(halls)\n", baseDirectory: "/no/such/dir"
            )
                == ["Sites/x.yaml:2:27: error: site.weather: weather file not found: /no/such/dir/weather/missing.epw"])
        try withTemporaryDirectory { directory in
            #expect(
                diagnostics("version: 1\nsite: { name: T, weather: . }\n\(halls)\n", baseDirectory: directory)
                    == ["Sites/x.yaml:2:27: error: site.weather: weather path is a directory: \(directory)/."])
        }
    }

    @Test("catalog IDs must be new: not built in, not repeated")
    func catalogIDs() {
        #expect(
            catalogFindings(
                [
                    "{ id: gb300-nvl72, based_on: gb200-nvl72, source: s }",
                    "{ id: a1, based_on: gb200-nvl72, source: s }",
                    "{ id: a1, based_on: gb300-nvl72, source: s }",
                    "{ id: A_2, based_on: gb300-nvl72, source: s }",
                    "{ id: a3, based_on: gb300-nvl72, design_kw: 500, source: s }",
                ], racks: "{ type: a1, count: 1 }")
                == [
                    "Sites/x.yaml:6:13: error: catalog.racks[0].id: 'gb300-nvl72' is a built-in catalogue entry; give "
                        + "the variant a new ID and set 'based_on: gb300-nvl72'",
                    "Sites/x.yaml:8:13: error: catalog.racks[2].id: duplicate catalogue ID 'a1' (first at line 7)",
                    "Sites/x.yaml:9:13: error: catalog.racks[3].id: must be lower-case letters, digits and '-' (like "
                        + "'gb300-nvl72-135'), got \"A_2\"",
                    // A rejected clash leaves the built-in entry usable: a3 is checked against it.
                    "Sites/x.yaml:10:7: error: catalog.racks[4]: design power 500 kW exceeds nameplate 142 kW",
                    // The inherited 8 × 33 kW shelves (264 kW) cannot carry 500 kW either.
                    "Sites/x.yaml:10:7: error: catalog.racks[4]: 8 PSU units of 33 kW carry 264 kW, less than the "
                        + "design power 500 kW even with none failed (PSU configuration of gb300-nvl72)",
                ])
        #expect(
            load(
                "version: 1\nsite: { name: T }\nhalls: []\ncatalog: { racks: [{ id: a1, based_on: gb200-nvl72, source: "
                    + "s }, { id: a1, based_on: gb300-nvl72, source: s }] }\n"
            )
            .catalogue.entry("a1")?.designPower == .kilowatts(132))
    }

    @Test("based_on must name a rack entry; a rejected entry is not reported again where it is used")
    func basedOn() {
        #expect(
            catalogFindings(
                [
                    "{ id: v1, based_on: gb300-nvl7, source: s }",
                    "{ id: v2, based_on: dgx-h100, source: s }",
                ], racks: "{ type: v1, count: 1 }, { type: v2, count: 1 }")
                == [
                    "Sites/x.yaml:6:27: error: catalog.racks[0].based_on: unknown rack type 'gb300-nvl7'; did you mean "
                        + "'gb300-nvl72' or 'gb200-nvl72'?",
                    "Sites/x.yaml:7:27: error: catalog.racks[1].based_on: 'dgx-h100' is a node, not a rack; use a rack "
                        + "made of it: 'dgx-h100-rack'",
                ])
    }

    @Test("an entry without based_on must give role, gpus, design_kw and liquid_fraction; source is always needed")
    func catalogRequiredValues() {
        #expect(
            catalogFindings(
                [
                    "{ id: bare, gpus: 8 }",
                    "{ id: odd, role: gpu, gpus: 7.5, design_kw: 10, liquid_fraction: 0.5, source: \"\", confidence: "
                        + "high }",
                ])
                == [
                    "Sites/x.yaml:6:7: error: catalog.racks[0]: missing required key 'source'",
                    "Sites/x.yaml:6:7: error: catalog.racks[0]: missing required key 'role' (needed without based_on)",
                    "Sites/x.yaml:6:7: error: catalog.racks[0]: missing required key 'design_kw' (needed without "
                        + "based_on)",
                    "Sites/x.yaml:6:7: error: catalog.racks[0]: missing required key 'liquid_fraction' (needed without "
                        + "based_on)",
                    "Sites/x.yaml:7:24: error: catalog.racks[1].role: must be one of compute, network, storage; got "
                        + "\"gpu\"",
                    "Sites/x.yaml:7:35: error: catalog.racks[1].gpus: must be a non-negative integer, got 7.5",
                    "Sites/x.yaml:7:85: error: catalog.racks[1].source: must not be empty",
                    "Sites/x.yaml:7:101: error: catalog.racks[1].confidence: must be one of H, M, L; got \"high\"",
                ])
    }

    @Test("an entry's values must be consistent with each other, inherited ones included")
    func catalogInconsistencies() {
        #expect(
            catalogFindings(
                [
                    "{ id: hot, based_on: gb300-nvl72, design_kw: 150, source: s }",
                    "{ id: wet, based_on: gb300-nvl72, liquid_fraction: 92, idle_kw: -1, weight_kg: 0, source: s }",
                ])
                == [
                    "Sites/x.yaml:6:7: error: catalog.racks[0]: design power 150 kW exceeds nameplate 142 kW",
                    "Sites/x.yaml:7:58: error: catalog.racks[1].liquid_fraction: must be within 0–1, got 92",
                    "Sites/x.yaml:7:71: error: catalog.racks[1].idle_kw: must be within 0–2000 kW, got -1",
                    "Sites/x.yaml:7:86: error: catalog.racks[1].weight_kg: must be within 0–10000 kg and above 0, "
                        + "got 0",
                ])
    }

    @Test("every problem in a spec is reported in one run, in file order")
    func multipleErrors() {
        let result = load(
            """
            version: 1
            site:
              name: Many problems
              grid: { frequency_hz: 55 }
            workload: { utilisation_pct: 80 }
            halls:
              - id: hall-a
                copies: -1
                racks:
                  - { type: gb300-nvl7, count: 10 }
                  - { type: network-rack, count: many }
              - id: hall-a
                racks: [{ type: gb300-nvl72, count: 0 }]
            """)
        #expect(
            result.findings.map(\.formatted) == [
                "Sites/x.yaml:4:25: error: site.grid.frequency_hz: must be 50 or 60, got 55",
                "Sites/x.yaml:5:13: warning: workload: unknown key 'utilisation_pct'; did you mean "
                    + "'utilisation_percent'?",
                "Sites/x.yaml:8:13: error: halls[0].copies: must be a positive integer, got -1",
                "Sites/x.yaml:10:17: error: halls[0].racks[0].type: unknown rack type 'gb300-nvl7'; did you mean "
                    + "'gb300-nvl72' or 'gb200-nvl72'?",
                "Sites/x.yaml:11:38: error: halls[0].racks[1].count: expected an integer, got \"many\"",
                "Sites/x.yaml:12:9: error: halls[1].id: duplicate hall ID 'hall-a' (first at line 7)",
                "Sites/x.yaml:13:41: error: halls[1].racks[0].count: must be a positive integer, got 0",
            ])
        #expect(result.site == nil)
    }
}
