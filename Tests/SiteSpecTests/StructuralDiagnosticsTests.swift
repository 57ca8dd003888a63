import Foundation
import PlannerModel
import Testing
import _PlannerTestSupport

@testable import SiteSpec

/// The structural phase: reading the file, YAML syntax, version, required keys and value types.
@Suite("Structural diagnostics")
struct StructuralDiagnosticsTests {
    @Test("a missing file is a whole-file error with the system's reason")
    func missingFile() {
        let result = SiteLoader().load(path: "Sites/no-such-spec.yaml")
        #expect(
            result.findings.map(\.formatted) == [
                "Sites/no-such-spec.yaml: error: cannot read file: no such file or directory"
            ])
        #expect(result.site == nil)
    }

    @Test("a directory is not read as a spec")
    func directory() throws {
        try withTemporaryDirectory { directory in
            let findings = SiteLoader().load(path: directory).findings.map(\.formatted)
            #expect(findings == ["\(directory): error: cannot read file: it is a directory"])
        }
    }

    @Test("a file over 10 MB is rejected before it is parsed")
    func tooLargeFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/big.yaml"
            try writeFile(path, "")
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: 11_000_000) // sparse: nothing is written
            try handle.close()
            let findings = SiteLoader().load(path: path).findings.map(\.formatted)
            #expect(
                findings == ["\(path): error: file is too large: 11000000 bytes; the limit is 10 MB (10485760 bytes)"])
        }
    }

    @Test("spec text over 10 MB is rejected too")
    func tooLargeText() {
        let yaml = String(repeating: "#", count: 10 * 1024 * 1024 + 1)
        #expect(
            diagnostics(yaml) == [
                "Sites/x.yaml: error: file is too large: 10485761 bytes; the limit is 10 MB (10485760 bytes)"
            ])
    }

    @Test("text that is not UTF-8 cannot be read")
    func notUTF8() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/latin1.yaml"
            try writeFile(path, Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9]))
            #expect(
                SiteLoader().load(path: path).findings.map(\.formatted) == [
                    "\(path): error: cannot read file: it is not UTF-8 text"
                ])
        }
    }

    @Test(
        "YAML syntax errors are reported at the line and column Yams gives",
        arguments: [
            (
                "version: 1\nsite:\n  name: x\n   bad: 2\n",
                "Sites/x.yaml:4:7: error: invalid YAML: mapping values are not allowed in this context"
            ),
            (
                "version: 1\nsite: { name: a\n",
                "Sites/x.yaml:3:1: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping "
                    + "at line 2, column 7)"
            ),
            (
                "version: 1\nsite: { name: a, name: b }\n",
                "Sites/x.yaml:2:9: error: invalid YAML: duplicate key 'name' in one mapping"
            ),
            (
                "version: 1\n---\nversion: 1\n",
                "Sites/x.yaml:2:1: error: invalid YAML: but found another document (expected a single document in the "
                    + "stream at line 1, column 1)"
            ),
        ])
    func yamlSyntax(yaml: String, expected: String) {
        #expect(diagnostics(yaml) == [expected])
    }

    @Test("a file without a document is reported as empty", arguments: ["", "# only a comment\n", "~\n"])
    func emptyDocument(yaml: String) {
        #expect(diagnostics(yaml) == ["Sites/x.yaml: error: the file is empty; a site spec starts with 'version: 1'"])
    }

    @Test("a document that is not a mapping is reported at its start")
    func rootNotMapping() {
        #expect(diagnostics("- version\n- 1\n") == ["Sites/x.yaml:1:1: error: expected a mapping, got a list"])
    }

    @Test("a version other than 1 is the only finding: the rest is not read")
    func unsupportedVersion() {
        let result = load("version: 2\nsite: { title: x }\nlayout: {}\n")
        #expect(
            result.findings.map(\.formatted) == [
                "Sites/x.yaml:1:10: error: version: unsupported version 2; this dcplan reads version 1"
            ])
        #expect(result.site == nil)
    }

    @Test("missing required keys are reported at the mapping that should hold them")
    func missingKeys() {
        #expect(
            diagnostics("site:\n  operator: X\nhalls:\n  - copies: 2\n    layout: { rows: 2 }\n")
                == [
                    "Sites/x.yaml:1:1: error: missing required key 'version'",
                    "Sites/x.yaml:2:3: error: site: missing required key 'name'",
                    "Sites/x.yaml:4:5: error: halls[0]: missing required key 'id'",
                    "Sites/x.yaml:4:5: error: halls[0]: missing required key 'racks'",
                    "Sites/x.yaml:5:13: error: halls[0].layout: missing required key 'racks_per_row'",
                ])
        #expect(
            diagnostics("version: 1\n")
                == [
                    "Sites/x.yaml:1:1: error: missing required key 'site'",
                    "Sites/x.yaml:1:1: error: missing required key 'halls'",
                ])
    }

    @Test(
        "a value of the wrong type is reported at the value with what was found",
        arguments: [
            (
                "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: many }] }]",
                "Sites/x.yaml:3:54: error: halls[0].racks[0].count: expected an integer, got \"many\""
            ),
            (
                "halls: [{ id: h, racks: [{ type: [a], count: 1 }] }]",
                "Sites/x.yaml:3:34: error: halls[0].racks[0].type: expected a string, got a list"
            ),
            (
                "halls: [{ id: h, racks: { type: a } }]",
                "Sites/x.yaml:3:25: error: halls[0].racks: expected a list, got a mapping"
            ),
            (
                "halls: [{ id: h, layout: 12x15, racks: [{ type: gb300-nvl72, count: 1 }] }]",
                "Sites/x.yaml:3:26: error: halls[0].layout: expected a mapping, got \"12x15\""
            ),
            (
                "halls: [{ id: h, utilisation_percent: true, racks: [{ type: gb300-nvl72, count: 1 }] }]",
                "Sites/x.yaml:3:39: error: halls[0].utilisation_percent: expected a number, got true"
            ),
            (
                "halls: [{ id: h, utilisation_percent: .nan, racks: [{ type: gb300-nvl72, count: 1 }] }]",
                "Sites/x.yaml:3:39: error: halls[0].utilisation_percent: expected a number, got .nan"
            ),
            (
                "halls: [{ id: ~, racks: [{ type: gb300-nvl72, count: 1 }] }]",
                "Sites/x.yaml:3:15: error: halls[0].id: expected a string, got null"
            ),
            (
                "halls:\n  - id:\n    racks: [{ type: gb300-nvl72, count: 1 }]",
                "Sites/x.yaml:4:8: error: halls[0].id: expected a string, got no value"
            ),
            (
                "halls: [ hall-a ]",
                "Sites/x.yaml:3:10: error: halls[0]: expected a mapping, got \"hall-a\""
            ),
        ])
    func wrongType(halls: String, expected: String) {
        let result = load("version: 1\nsite: { name: T }\n" + halls + "\n")
        #expect(result.findings.map(\.formatted) == [expected])
        #expect(result.site == nil)
    }

    @Test("an unknown key with nothing close lists the keys the mapping accepts")
    func unknownKeyWithoutSuggestion() {
        #expect(
            diagnostics(
                "version: 1\nsite: { name: T, grid: { voltage_kv: 154 } }\nhalls: [{ id: h, racks: [{ type: "
                    + "storage-rack, count: 1 }] }]\n"
            )
                == [
                    "Sites/x.yaml:2:26: warning: site.grid: unknown key 'voltage_kv'; expected 'frequency_hz', "
                        + "'interconnect_kv', 'capacity_mw', 'main_transformers', 'rules' or 'study'"
                ])
    }
}
