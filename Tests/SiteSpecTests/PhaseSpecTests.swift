import PlannerModel
import Testing
import _PlannerTestSupport

@testable import SiteSpec

/// Issue 27, item 1: `phases:` read into `Site.phases`, and its bad input an error at the value.
@Suite("Phase keys")
struct PhaseSpecTests {
    /// Two halls: `a` with two copies, `b` with one; `phases` is the YAML written after them.
    static func spec(_ phases: String) -> String {
        "version: 1\nsite: { name: T }\n"
            + "halls: [{ id: a, copies: 2, racks: [{ type: gb300-nvl72, count: 4 }] }, "
            + "{ id: b, racks: [{ type: gb300-nvl72, count: 4 }] }]\n" + phases
    }

    @Test("phases give dates, hall copies (all not yet energised by default), ramp, contract and source")
    func reads() throws {
        let site = try #require(
            load(
                Self.spec(
                    "phases:\n"
                        + "  - { date: 2027-06, halls: [{ id: a, copies: 1 }], utilisation_ramp_percent: 60, "
                        + "grid_contract_mw: 5, source: published }\n"
                        + "  - { date: 2028-01, halls: [{ id: a }, { id: b }] }\n")
            ).site)
        #expect(site.phases.count == 2)
        #expect(site.phases[0].date == "2027-06" && site.phases[0].halls == [PhaseHalls(hallID: "a", copies: 1)])
        #expect(site.phases[0].utilisationRamp == .percent(60) && site.phases[0].gridContract == .megawatts(5))
        #expect(site.phases[0].source == "published")
        // The second phase takes the copy of `a` left and the one copy of `b`; ramp 100 %, no contract.
        #expect(site.phases[1].halls == [PhaseHalls(hallID: "a", copies: 1), PhaseHalls(hallID: "b", copies: 1)])
        #expect(site.phases[1].utilisationRamp == .one && site.phases[1].gridContract == nil)
    }

    @Test("phases out of date order are an error at the later phase's date")
    func outOfOrder() {
        let found = diagnostics(
            Self.spec(
                "phases:\n  - { date: 2028-01, halls: [{ id: a }] }\n  - { date: 2027-06, halls: [{ id: b }] }\n"))
        #expect(
            found == [
                "Sites/x.yaml:6:13: error: phases[1].date: phases must be in date order: 2027-06 is not later than "
                    + "2028-01, the phase before (line 5)"
            ])
        let same = diagnostics(
            Self.spec(
                "phases:\n  - { date: 2028-01, halls: [{ id: a }] }\n  - { date: 2028-01, halls: [{ id: b }] }\n"))
        #expect(same.count == 1 && same[0].contains("6:13: error: phases[1].date: phases must be in date order"))
        let notMonth = diagnostics(Self.spec("phases:\n  - { date: 2028-13, halls: [{ id: a }, { id: b }] }\n"))
        #expect(notMonth == ["Sites/x.yaml:5:13: error: phases[0].date: must be a month as YYYY-MM, got \"2028-13\""])
    }

    @Test("a phase energising a hall not in the spec is an error at its ID, with the closest hall")
    func unknownHall() {
        let found = diagnostics(Self.spec("phases:\n  - { date: 2028-01, halls: [{ id: a }, { id: bb }] }\n"))
            .filter { $0.contains("error") }
        #expect(
            found == [
                "Sites/x.yaml:5:47: error: phases[0].halls[1].id: no hall 'bb' in halls; did you mean 'b'?"
            ])
    }

    @Test("a hall energised twice, or beyond its copies, is an error at the value")
    func twice() {
        let again = diagnostics(
            Self.spec(
                "phases:\n  - { date: 2027-01, halls: [{ id: a }, { id: b }] }\n"
                    + "  - { date: 2028-01, halls: [{ id: b }] }\n"))
        #expect(
            again == [
                "Sites/x.yaml:6:36: error: phases[1].halls[0].id: hall 'b' is energised twice: its 1 copy is all "
                    + "energised by the phase at line 5"
            ])
        let inOnePhase = diagnostics(
            Self.spec("phases:\n  - { date: 2027-01, halls: [{ id: a }, { id: b }, { id: b }] }\n"))
        #expect(inOnePhase.count == 1 && inOnePhase[0].contains("duplicate hall in one phase 'b'"))
        let beyond = diagnostics(
            Self.spec(
                "phases:\n  - { date: 2027-01, halls: [{ id: a, copies: 1 }, { id: b }] }\n"
                    + "  - { date: 2028-01, halls: [{ id: a, copies: 2 }] }\n")
        ).filter { $0.contains("error") }
        #expect(
            beyond == [
                "Sites/x.yaml:6:47: error: phases[1].halls[0].copies: hall 'a' has 2 copies, 1 of them not yet "
                    + "energised; this phase energises 2"
            ])
    }

    @Test("hall copies no phase energises are a warning: the timeline ends short of the site")
    func leftOut() throws {
        let result = load(Self.spec("phases:\n  - { date: 2027-01, halls: [{ id: a, copies: 1 }] }\n"))
        #expect(result.site != nil)
        let messages = result.findings.map(\.message)
        #expect(messages.contains { $0.contains("no phase energises 1 of the 2 copies of hall 'a'") })
        #expect(messages.contains { $0.contains("no phase energises 1 of the 1 copy of hall 'b'") })
    }
}
