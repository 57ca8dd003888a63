import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import _PlannerTestSupport

/// Issue 27, item 1: a two-phase site checked by hand, and the invariants of phasing.
@Suite("Phased build-out")
struct PhaseAnalysisTests {
    /// Hall `a`: 2 copies × 10 gb300-nvl72; hall `b`: 1 copy × 20. Phase 1 (2027-06) energises both
    /// copies of `a` at half the steady utilisation under a 2 MW contract; phase 2 (2028-01) adds `b`
    /// under a 10 MW contract. No weather file: the cooling is sized at the cited design condition.
    static let yaml = """
        version: 1
        site: { name: T }
        workload: { utilisation_percent: 80 }
        halls:
          - { id: a, copies: 2, racks: [{ type: gb300-nvl72, count: 10 }] }
          - { id: b, racks: [{ type: gb300-nvl72, count: 20 }] }
        phases:
          - { date: 2027-06, halls: [{ id: a }], utilisation_ramp_percent: 50, grid_contract_mw: 2 }
          - { date: 2028-01, halls: [{ id: b }], grid_contract_mw: 10 }
        """

    static func site() throws -> Site {
        try #require(SiteLoader().load(yaml: yaml, path: "t.yaml", baseDirectory: ".").site)
    }

    @Test("two phases by hand: GPUs, IT, the contract margin running out in the first, none in the second")
    func twoPhases() throws {
        let site = try Self.site()
        let planner = Planner()
        let final = planner.plan(site)
        let (phases, findings) = PhaseAnalysis.plan(site, final: final, weather: nil, planner: planner)
        try #require(phases.count == 2)
        let (first, second) = (phases[0], phases[1])
        // Phase 1: 2 copies × 10 racks × 72 GPUs = 1,440 GPUs; IT at design 20 × 140 kW = 2.8 MW.
        #expect(first.gpuCount == 1_440 && first.rackCount == 20)
        #expect(abs(first.it.design.megawatts - 2.8) < 1e-9)
        // Phase 2 adds 20 × 72 = 1,440 GPUs and 20 × 140 kW = 2.8 MW: 2,880 GPUs, 5.6 MW.
        #expect(second.gpuCount == 2_880 && abs(second.it.design.megawatts - 5.6) < 1e-9)
        // Facility = IT + chain losses + cooling and house loads at the design condition, each > 0,
        // so phase 1 draws more than its 2.8 MW of IT: the 2 MW contract is short by facility − 2 MW.
        #expect(first.facilityDesign == first.it.design + first.designLoss + first.designMechanical)
        #expect(first.designLoss > .zero && first.designMechanical > .zero)
        #expect(first.margins.grid == .megawatts(2) - first.facilityDesign)
        #expect(first.margins.grid < .megawatts(-0.8))
        // Phase 2: 5.6 MW of IT and its overheads, ≈ 7 MW, within the 10 MW contract.
        #expect(second.margins.grid > .zero && second.margins.grid == .megawatts(10) - second.facilityDesign)
        let runOut = try #require(phases.firstRunOut)
        #expect(runOut.date == "2027-06" && runOut.margins == ["grid contract"])
        let warning = try #require(findings.first { $0.subject == "phases[0]" })
        #expect(warning.severity == .warning)
        #expect(
            warning.message.contains(
                "the margin runs out when the phase is energised 2027-06: the grid contract of 2 MW"))
        // Phase 2 runs nothing out, but its 10 MW contract is above the whole site's ≈ 7 MW at design:
        // a note (not a warning) says by how much, 10 MW − facility at design.
        let second1 = findings.filter { $0.subject == "phases[1]" }
        #expect(second1.count == 1 && second1.first?.severity == .note)
        let finalMW = try #require(final.facilityDesign).megawatts
        let excess = NumberText.compact(((10 - finalMW) * 100).rounded() / 100)
        #expect(second1.first?.message.contains("it is \(excess) MW more than the site needs") == true)
        // The last phase energises every hall at the steady utilisation: the whole site's plan.
        #expect(second.facilityDesign == final.facilityDesign)
        #expect(first.gridConnection == final.facilityDesign && second.gridConnection == final.facilityDesign)
        // Equipment is only ever added: the main transformers, chillers and economisers of phase 2
        // are at least those of phase 1, and the installed margins are not negative.
        #expect((second.mainTransformers?.unitsInstalled ?? 0) >= (first.mainTransformers?.unitsInstalled ?? 0))
        for (a, b) in zip(first.loops, second.loops) {
            #expect(b.chillersInstalled >= a.chillersInstalled && b.economisersInstalled >= a.economisersInstalled)
        }
        for phase in phases {
            #expect((phase.margins.transformers ?? .zero) >= .zero)
            #expect((phase.margins.chillers ?? .zero) >= .zero && (phase.margins.heatRejection ?? .zero) >= .zero)
        }
    }

    @Test("the ramp scales sustained IT like a site planned at the ramped utilisation (80 % × 50 % = 40 %)")
    func ramp() throws {
        let site = try Self.site()
        let planner = Planner()
        let (phases, _) = PhaseAnalysis.plan(site, final: planner.plan(site), weather: nil, planner: planner)
        var reference = site
        reference.halls = [site.halls[0]]
        reference.utilisation = .percent(40)
        let expected = planner.plan(reference).total.itPower.sustained
        #expect(abs(phases[0].it.sustained.watts - expected.watts) < 1e-6)
        #expect(phases[0].it.sustained < phases[0].it.design)
        // The sub-site has only the copies energised so far, at the final build's interconnect.
        let sub = PhaseAnalysis.site(site, through: 0)
        #expect(sub.halls.map(\.id) == ["a"] && sub.halls[0].copies == 2 && sub.phases.isEmpty)
    }
}
