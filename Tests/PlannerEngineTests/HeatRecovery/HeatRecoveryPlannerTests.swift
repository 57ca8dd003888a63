import Catalogue
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import Weather
import _PlannerTestSupport

/// Heat recovery wired into `Planner.plan`: the LP on the plant's hourly liquid heat, then the
/// plant again with the recovered heat (DESIGN.md §5.5).
@Suite("Heat recovery in the planner")
struct HeatRecoveryPlannerTests {
    static let epw = RepositoryPaths.path("Sites/weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw")
    static let year = try! EPWReader.read(path: epw)
    static let weather = (year, try! DesignConditions.load(forEPWAt: epw, year: year))

    static func site(_ spec: String) throws -> Site {
        try #require(SiteLoader().load(path: RepositoryPaths.path(spec)).site)
    }

    @Test(
        "recovered heat lowers heat rejected and plant energy; ERE = PUE·(1 − ERF); every hour still balances to 1e-9")
    func coupling() throws {
        let site = try Self.site("Sites/korea-naver-cloud.yaml")
        #expect(site.heatRecovery?.networkKind == .fourthGeneration)
        var without = site
        without.heatRecovery = nil
        let plan = Planner().plan(site, weather: Self.weather)
        let base = Planner().plan(without, weather: Self.weather)
        let hr = try #require(plan.heatRecovery)
        #expect(hr.result.status == .optimal)
        #expect(hr.result.capacity > .zero)
        let a = try #require(plan.cooling?.annual)
        let b = try #require(base.cooling?.annual)
        let p = try #require(hr.plant)
        // The heat the pumps take leaves as recovered heat, not rejected heat.
        #expect(isClose(a.heatRecovered, hr.result.sourceHeat, relative: 1e-6))
        #expect(isClose(p.heatRejectedBefore, b.heatRejected, relative: 1e-12))
        #expect(a.heatRejected < b.heatRejected)
        #expect(isClose(a.heatRejected + a.heatRecovered, a.facilityEnergy, relative: 1e-9))
        // Economiser fans and chillers carry less heat, so use less energy; IT, chain and movers are unchanged.
        #expect(a.plantEnergy < b.plantEnergy)
        #expect(isClose(p.plantEnergyAfter, a.plantEnergy, relative: 1e-12))
        #expect(isClose(a.itEnergy, b.itEnergy, relative: 1e-12))
        // the plant pumps change too: the condenser-water pumps follow the chillers' smaller duty
        #expect(
            isClose(
                b.facilityEnergy - a.facilityEnergy, (b.plantEnergy + b.pumpEnergy) - (a.plantEnergy + a.pumpEnergy),
                relative: 1e-9))
        #expect(a.pue < b.pue)
        // Hour by hour: facility = rejected + recovered.
        #expect(a.worstBalanceResidual <= 1e-9)
        for h in stride(from: 0, to: a.hours, by: 97) {
            let facility = a.hourlyFacility[h]
            #expect((facility - a.hourlyHeatRejected[h] - a.hourlyRecovered[h]).magnitude <= facility * 1e-9)
            #expect(a.hourlyRecovered[h] <= a.hourlyLiquidHeat[h] + .watts(1e-6))
        }
        // Metrics: ERF = recovered / facility (heat-pump electricity outside), ERE identity.
        let m = try #require(plan.metrics)
        #expect(isClose(m.erf.fraction, a.heatRecovered / a.facilityEnergy, relative: 1e-12))
        #expect(isClose(m.ere, m.pue * (1 - m.erf.fraction), relative: 1e-12))
        #expect(isClose(hr.ere, hr.pue * (1 - hr.erf.fraction), relative: 1e-12))
        #expect(isClose(m.pue, a.pue, relative: 1e-12))
        #expect(plan.findings.filter { $0.severity == .error }.isEmpty, "\(plan.findings)")
        // Heat-pump electricity is reported, not in the facility energy.
        #expect(hr.result.electricity > .zero)
        #expect(isClose(p.heatPumpElectricity, hr.result.electricity))
        // Compliance rows for every rule set listed.
        let report = try #require(plan.compliance)
        #expect(Set(report.results.map(\.ruleSet)) == [.enefg, .euEED, .ashrae904])
    }

    @Test("the Korean 115 °C network runs at a lower COP than the 4th-generation one for the same waste heat")
    func highVersusLowTemperature() throws {
        let plan = Planner().plan(try Self.site("Sites/korea-hyundai-motor-group.yaml"), weather: Self.weather)
        let hr = try #require(plan.heatRecovery)
        #expect(hr.choices.networkKind == .koreanHighTemperature)
        let other = try #require(hr.alternative)
        #expect(hr.result.seasonalCOP < 2.6)
        #expect(other.seasonalCOP > hr.result.seasonalCOP + 1)
    }

    @Test("an unreachable ERF target is infeasible: an error finding that says by how much, nothing coupled")
    func infeasibleTarget() throws {
        var site = try Self.site("Sites/korea-naver-cloud.yaml")
        site.heatRecovery?.minimumERF = .percent(60)
        let plan = Planner().plan(site, weather: Self.weather)
        let hr = try #require(plan.heatRecovery)
        #expect(hr.result.status == .infeasible)
        #expect(hr.plant == nil)
        #expect(hr.maximumERF.percent < 60)
        let error = try #require(plan.findings.first { $0.severity == .error })
        #expect(error.subject == "heat_recovery.minimum_erf_percent")
        #expect(error.message.contains("percentage points short"))
        #expect(plan.cooling?.annual?.heatRecovered == .zero)
    }
}
