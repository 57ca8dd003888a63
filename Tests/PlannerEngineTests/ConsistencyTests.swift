import Catalogue
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import Weather
import _PlannerTestSupport

/// The consistency checks run after every analysis (issue 20, item 4): they pass on every shipped
/// site, and each one catches the broken result it is there for.
@Suite("Consistency checks after every analysis")
struct ConsistencyTests {
    static let epw = RepositoryPaths.path("Sites/weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw")

    /// A shipped site planned over the Seoul year, placement left out (it has its own checker).
    static func plan(_ spec: String) throws -> Plan {
        let path = spec.hasPrefix("/") ? spec : RepositoryPaths.path(spec)
        var site = try #require(SiteLoader().load(path: path).site)
        site.placement.enabled = false
        let year = try EPWReader.read(path: epw)
        return Planner().plan(site, weather: (year, try DesignConditions.load(forEPWAt: epw, year: year)))
    }

    /// The example site and NAVER Cloud (with heat recovery), planned once for the tests below.
    static let example = Result { try plan("Sites/example-small.yaml") }
    static let naver = Result { try plan("Sites/korea-naver-cloud.yaml") }

    static func consistencyFindings(_ plan: Plan) -> [Finding] {
        plan.findings.filter { $0.subject == ConsistencyChecks.subject }
    }

    @Test(
        "every shipped site plans over the Seoul year with no consistency finding, heat recovery included",
        arguments: RepositoryPaths.siteSpecs)
    func shippedSites(path: String) throws {
        let plan = try Self.plan(path)
        #expect(Self.consistencyFindings(plan).map(\.message) == [])
        // Every check ran on something: a chain per hall, a plant year.
        #expect(plan.electrical?.halls.count == plan.site.halls.count)
        #expect(plan.cooling?.annual?.hours == 8760)
    }

    @Test("a stage that draws more than it delivers plus its loss, or installs too few units, is caught")
    func electricalViolations() throws {
        let plan = try Self.example.get()
        var e = try #require(plan.electrical)
        #expect(ConsistencyChecks.electrical(e, halls: plan.halls) == [])
        // 1 W more loss in one UPS stage: P_in ≠ P_out + P_loss, and the facility no longer balances.
        let ups = try #require(e.halls[0].design.stages.firstIndex { $0.stage == "UPS" })
        e.halls[0].design.stages[ups].loss += .watts(1)
        let violations = ConsistencyChecks.electrical(e, halls: plan.halls)
        #expect(violations.contains { $0.contains("stage UPS: draws") })
        #expect(violations.contains { $0.hasPrefix("facility power at design") })
        var short = try #require(plan.electrical)
        short.halls[0].design.stages[ups].perGroup.unitsInstalled = 0
        #expect(ConsistencyChecks.electrical(short, halls: plan.halls).contains { $0.contains("units installed") })
    }

    @Test("a hall whose air heat leaves out the chain losses, or whose heat has too few units, is caught")
    func coolingViolations() throws {
        let plan = try Self.example.get()
        let e = try #require(plan.electrical)
        var c = try #require(plan.cooling)
        #expect(ConsistencyChecks.cooling(c, halls: plan.halls, electrical: e) == [])
        c.halls[0].airLoad = plan.halls[0].perCopy.heatDesign.air
        #expect(
            ConsistencyChecks.cooling(c, halls: plan.halls, electrical: e).contains {
                $0.contains("air heat") && $0.contains("chain losses")
            })
        var few = try #require(plan.cooling)
        let cdus = try #require(few.halls[0].cdus)
        few.halls[0].cdus?.units.unitsUsable = 0
        #expect(cdus.units.unitsUsable > 0)
        #expect(
            ConsistencyChecks.cooling(few, halls: plan.halls, electrical: e).contains { $0.contains("the CDUs give") })
    }

    @Test("a plant year whose energies do not add up, or whose hours do not balance, is caught")
    func plantViolations() throws {
        let plan = try Self.example.get()
        var c = try #require(plan.cooling)
        #expect(ConsistencyChecks.plant(c) == [])
        c.annual?.plantEnergy += .kilowattHours(1)
        c.annual?.worstBalanceResidual = 1e-6
        let violations = ConsistencyChecks.plant(c)
        #expect(violations.contains { $0.hasPrefix("the hourly energy balance does not close") })
        #expect(violations.contains { $0.contains("IT + chain losses + pumps and fans + plant") })
    }

    @Test("heat delivered above the network's demand or taken above the waste heat is caught, with its hours")
    func heatRecoveryViolations() throws {
        let plan = try Self.naver.get()
        var hr = try #require(plan.heatRecovery)
        #expect(ConsistencyChecks.heatRecovery(hr) == [])
        // The first hour with demand gets 1 kW more than the network takes; hour 0 takes 1 MW more
        // than the waste heat.
        let h = try #require(hr.demand.hourlyDemand.firstIndex { $0 > .zero })
        hr.result.hourlyDelivered[h] = hr.demand.hourlyDemand[h] + .kilowatts(1)
        hr.result.hourlySource[0] = hr.source.hourlyHeat[0] + .megawatts(1)
        let violations = ConsistencyChecks.heatRecovery(hr)
        #expect(violations.contains("heat delivered exceeds the network's demand in 1 h (first hour \(h))"))
        #expect(violations.contains("heat taken exceeds the data centre's waste heat in 1 h (first hour 0)"))
        // …and so does the heat pump's own balance, in hour 0.
        #expect(violations.contains { $0.hasPrefix("heat-pump output ≠ heat taken + electricity in") })
    }

    @Test("rack results whose heat is not their power are caught; a violation is an error finding naming the bug")
    func rackViolations() throws {
        let plan = try Self.example.get()
        #expect(ConsistencyChecks.racks(plan.site, halls: plan.halls, total: plan.total) == [])
        var halls = plan.halls
        halls[0].total.heatDesign.liquid += .kilowatts(1)
        let violations = ConsistencyChecks.racks(plan.site, halls: halls, total: plan.total)
        #expect(violations.contains { $0.hasPrefix("hall '\(halls[0].id)': heat at design") })
        let finding = ConsistencyChecks.finding(violations[0])
        #expect(finding.severity == .error && finding.subject == "consistency")
        #expect(finding.message.hasSuffix("(an internal inconsistency: please report it as a bug in dcplan)"))
    }
}
