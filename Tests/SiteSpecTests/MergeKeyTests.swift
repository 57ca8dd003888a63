import Foundation
import PlannerModel
import Testing
import _PlannerTestSupport

@testable import SiteSpec

#if canImport(Glibc)
    import Glibc
#endif

/// YAML 1.1 merge keys are read, not dropped (issue 21, item 9): a hall meant to be 800 VDC
/// through `<<: *dc` was planned at 415 VAC with only a warning.
@Suite("YAML merge keys")
struct MergeKeyTests {
    @Test(
        "a hall's power merged from an anchor takes its values, a key written beside the merge wins, x- keys are quiet")
    func mergedPower() throws {
        let result = load(
            """
            version: 1
            site: { name: T }
            x-power: &dc { distribution: dc-800v, ups: { topology: N+1, module_kw: 1000 } }
            halls:
              - { id: a, power: { <<: *dc }, racks: [{ type: gb300-nvl72, count: 10 }] }
              - id: b
                power:
                  <<: *dc
                  distribution: ac-415v
                racks: [{ type: gb300-nvl72, count: 10 }]
            """)
        #expect(result.findings.map(\.formatted) == [])
        let site = try #require(result.site)
        #expect(site.halls.map(\.power.distribution) == [.dc800, .ac415])
        #expect(site.halls.map(\.power.ups.moduleRating) == [.kilowatts(1000), .kilowatts(1000)])
    }

    @Test("in a list of merged mappings the first one wins, and the merged keys are checked like written ones")
    func mergeList() throws {
        let result = load(
            """
            version: 1
            site: { name: T }
            x-a: &a { copies: 2, utilisation_percent: 50 }
            x-b: &b { copies: 3, utilisation_pct: 60 }
            halls:
              - { id: h, <<: [*a, *b], racks: [{ type: gb300-nvl72, count: 4 }] }
            """)
        let site = try #require(result.site)
        #expect(site.halls[0].copies == 2)
        #expect(site.halls[0].utilisation == .percent(50))
        // The misspelt key of the second mapping is reported where it is written.
        #expect(
            result.findings.map(\.formatted) == [
                "Sites/x.yaml:4:22: warning: halls[0]: unknown key 'utilisation_pct'; "
                    + "did you mean 'utilisation_percent'?"
            ])
    }

    @Test("a merge key on a scalar is an error at the key")
    func mergeScalar() {
        #expect(
            diagnostics(
                "version: 1\nsite: { name: T, <<: 5 }\nhalls: [{ id: h, racks: [{ type: gb300-nvl72, count: 4 }] }]\n"
            ) == [
                "Sites/x.yaml:2:18: error: site: the merge key '<<' takes a mapping or a list of mappings "
                    + "(<<: *defaults or <<: [*a, *b]), got 5"
            ])
    }

    @Test("a sweep path that only a merge key provides is refused with the path, not written over the merge")
    func sweepThroughMerge() throws {
        let template = try withTemporaryDirectory { dir in
            let path = dir + "/base.yaml"
            try """
            version: 1
            site: { name: T }
            x-power: &dc { distribution: dc-800v, ups: { topology: N+1, module_kw: 1000 } }
            halls: [{ id: a, power: { <<: *dc }, racks: [{ type: gb300-nvl72, count: 10 }] }]
            """.write(toFile: path, atomically: true, encoding: .utf8)
            return try #require(SpecTemplate.load(path: path).template)
        }
        #expect(throws: SpecKeyPath.Problem.throughMergeKey("halls[0].power.ups")) {
            try template.setting(.number(500), at: try SpecKeyPath(parsing: "halls[*].power.ups.module_kw"))
        }
    }
}

/// Specs and sweep bases are read without waiting on a pipe (issue 21, item 5).
@Suite("Reading specs that are pipes")
struct PipeSpecTests {
    @Test("a spec or a sweep's base that is a named pipe nobody writes to is an error at once, not a hang")
    func fifoSpec() throws {
        try withTemporaryDirectory { dir in
            let fifo = dir + "/spec.yaml"
            #expect(mkfifo(fifo, 0o600) == 0)
            let clock = ContinuousClock()
            let started = clock.now
            let result = SiteLoader().load(path: fifo)
            #expect(result.site == nil)
            #expect(
                result.findings.map(\.formatted) == [
                    "\(fifo): error: the file is empty; a site spec starts with 'version: 1'"
                ])
            let sweep = SweepLoader().load(
                yaml: "version: 1\nbase: spec.yaml\naxes:\n  - path: cooling.tcs_supply_c\n    values: [30]\n"
                    + "metrics: [it_design_mw]\n", path: dir + "/s.yaml", baseDirectory: dir)
            #expect(sweep.definition == nil)
            #expect(clock.now - started < .seconds(5))
        }
    }
}
