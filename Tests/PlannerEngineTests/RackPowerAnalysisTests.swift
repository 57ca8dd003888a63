import Catalogue
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import _PlannerTestSupport

@Suite("Rack power and heat")
struct RackPowerAnalysisTests {
    let gb300 = Catalogue.builtIn.entry("gb300-nvl72")!
    let network = Catalogue.builtIn.entry("network-rack")!
    let rtx = Catalogue.builtIn.entry("rtx-pro-6000-rack")!

    @Test("sustained rack power follows the curve between idle and design")
    func sustainedPower() {
        // GB300: design 140 kW, idle 140 × 135.93/700 = 27.186 kW.
        // k = 2, u = 50 %: g = 1 − 0.5² = 0.75 → 27.186 + (140 − 27.186) × 0.75 = 111.797 kW
        let levels = RackPowerAnalysis.powerLevels(of: gb300, utilisation: .percent(50), curve: .init(exponent: 2))
        #expect(isClose(levels.sustained.kilowatts, 111.7965, relative: 1e-5))
        #expect(levels.design == .kilowatts(140))
        #expect(levels.nameplate == .kilowatts(142))
    }

    @Test("heat splits between liquid and air by the liquid fraction")
    func heatSplit() {
        // 140 kW × 0.92 = 128.8 kW to liquid, 11.2 kW to air
        let heat = RackPowerAnalysis.heatSplit(of: .kilowatts(140), liquidFraction: .fraction(0.92))
        #expect(isClose(heat.liquid.kilowatts, 128.8))
        #expect(isClose(heat.air.kilowatts, 11.2))
    }

    @Test("a hall's totals multiply the per-copy sums by the number of copies")
    func hallTotals() {
        let hall = Hall(
            id: "hall-a", copies: 4,
            rackGroups: [
                RackGroup(system: gb300, count: 100), RackGroup(system: network, count: 12),
            ])
        let result = RackPowerAnalysis.analyse(hall, siteUtilisation: .percent(80), curve: .init(exponent: 1.7))
        // per copy: 100 × 72 = 7,200 GPUs; 100 × 140 + 12 × 20 = 14,240 kW design
        #expect(result.perCopy.gpuCount == 7200)
        #expect(isClose(result.perCopy.itPower.design.kilowatts, 14_240))
        // four copies: 28,800 GPUs, 448 racks, 56.96 MW
        #expect(result.total.gpuCount == 28_800)
        #expect(result.total.rackCount == 448)
        #expect(result.total.racks(.network) == 48)
        #expect(isClose(result.total.itPower.design.megawatts, 56.96))
        // liquid heat: 4 × 100 × 140 × 0.92 = 51,520 kW; network racks are all air
        #expect(isClose(result.total.heatDesign.liquid.kilowatts, 51_520))
        #expect(isClose(result.total.heatDesign.air.kilowatts, 4 * (100 * 11.2 + 12 * 20)))
        // network racks draw flat: sustained = design = 20 kW
        #expect(result.groups[1].perRack.sustained == .kilowatts(20))
    }

    @Test("a hall's utilisation overrides the site's")
    func hallUtilisationOverride() {
        let hall = Hall(id: "h", rackGroups: [RackGroup(system: gb300, count: 1)], utilisation: .percent(0))
        let result = RackPowerAnalysis.analyse(hall, siteUtilisation: .percent(80), curve: .init(exponent: 1.7))
        #expect(isClose(result.perCopy.itPower.sustained, gb300.idlePower))
    }

    @Test("floor weight counts known weights and reports racks without one")
    func weight() {
        let hall = Hall(
            id: "h", rackGroups: [RackGroup(system: gb300, count: 10), RackGroup(system: network, count: 2)])
        let plan = Planner().plan(
            Site(name: "s", utilisation: .percent(80), halls: [hall], cooling: BuiltInThermal.defaultChoices))
        // 10 × 1,360 kg = 13.6 t; the two network racks have no catalogue weight
        #expect(isClose(plan.total.weight.tonnes, 13.6))
        #expect(plan.total.racksWithoutWeight == 2)
        #expect(plan.findings.contains { $0.severity == .note && $0.message.contains("leaves out 2 racks") })
    }

    @Test("an all-air rack above the air-cooled ceiling is warned about")
    func airCeiling() throws {
        let b300 = try #require(Catalogue.builtIn.entry("dgx-b300-rack"))
        let hall = Hall(id: "h", rackGroups: [RackGroup(system: b300, count: 4), RackGroup(system: rtx, count: 4)])
        let plan = Planner().plan(
            Site(name: "s", utilisation: .percent(80), halls: [hall], cooling: BuiltInThermal.defaultChoices))
        let warnings = plan.findings.filter { $0.severity == .warning }
        // 56 kW > 35 kW warns; the 30 kW RTX PRO rack does not
        #expect(warnings.map(\.subject) == ["halls[0].racks[0]"])
    }
}

@Suite("Planning the shipped sites")
struct ShippedSitesTests {
    /// The tests over `RepositoryPaths.siteSpecs` (here and in ElectricalAnalysisTests) would only be
    /// reported as skipped if the list came back empty; this one fails instead.
    @Test("the tests over every site in Sites/ have the six shipped specs to run on")
    func siteSpecsFound() {
        #expect(RepositoryPaths.siteSpecs.count >= 6, "\(RepositoryPaths.siteSpecs)")
    }

    @Test("every site in Sites/ loads and plans consistently", arguments: RepositoryPaths.siteSpecs)
    func sitePlansConsistently(path: String) throws {
        let result = SiteLoader().load(path: path)
        var site = try #require(result.site, "\(result.findings.map(\.formatted))")
        // Placement (seconds per hall) is checked by its own checker, and on every shipped site
        // when CI regenerates the reports (a checker error exits 2 and fails the run).
        site.placement.enabled = false
        let plan = Planner().plan(site)
        #expect(ConsistencyChecks.racks(plan.site, halls: plan.halls, total: plan.total) == [])
        #expect(!plan.findings.contains { $0.subject == ConsistencyChecks.subject })
        #expect(plan.total.gpuCount > 0)
    }

    @Test("each Korean programme reaches its GPU count (50,000; NAVER Cloud 60,000)")
    func programmeGPUCounts() throws {
        let targets = [
            "korea-national-ai-computing-center": 50_000, "korea-samsung-ai-megafactory": 50_000,
            "korea-sk-manufacturing-ai-cloud": 50_000, "korea-hyundai-motor-group": 50_000, "korea-naver-cloud": 60_000,
        ]
        for (name, target) in targets {
            let site = try #require(SiteLoader().load(path: RepositoryPaths.path("Sites/\(name).yaml")).site)
            let gpus = Planner().plan(site).total.gpuCount
            #expect(gpus >= target && Double(gpus) <= Double(target) * 1.05, "\(name): \(gpus) GPUs")
        }
    }
}
