import Catalogue
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import Weather
import _PlannerTestSupport

@Suite("Cooling over the Seoul year")
struct CoolingAnalysisTests {
    static let epw = RepositoryPaths.path("Sites/weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw")

    static func plan(_ spec: String) throws -> Plan {
        let site = try #require(SiteLoader().load(path: RepositoryPaths.path(spec)).site)
        let year = try EPWReader.read(path: epw)
        return Planner().plan(site, weather: (year, try DesignConditions.load(forEPWAt: epw, year: year)))
    }

    @Test("32 °C facility water with 8 K dry coolers free-cools 7,270 h of the Seoul year (V16, ±3 %)")
    func freeCoolingHours() throws {
        // Default TCS supply 36 °C − 4 K CDU approach = 32 °C facility water; free when DB + 8 K ≤ 32 °C.
        let cooling = try #require(try Self.plan("Sites/korea-samsung-ai-megafactory.yaml").cooling)
        #expect(cooling.facilityWaterSupply == .celsius(32))
        let free = cooling.annual.hoursByMode[.free, default: 0]
        #expect(abs(Double(free) - 7270) <= 7270 * 0.03, "\(free) h")
        #expect(cooling.annual.hoursByMode.values.reduce(0, +) == 8760)
    }

    @Test("facility energy = IT + chain losses + pumps and fans + plant, to 1e-9; PUE above one")
    func annualBalance() throws {
        let plan = try Self.plan("Sites/example-small.yaml")
        let a = try #require(plan.cooling?.annual)
        let sum = a.itEnergy + a.chainLossEnergy + a.distributionCoolingEnergy + a.plantEnergy
        #expect(isClose(a.facilityEnergy, sum))
        #expect(isClose(a.months.sum(\.facility), a.facilityEnergy))
        // IT energy = sustained IT power × 8,760 h
        #expect(isClose(a.itEnergy, plan.total.itPower.sustained * .year))
        #expect(a.pue > 1 && a.pue < 1.5)
        #expect(a.wue == 0)  // dry coolers use no water
    }

    @Test("every rack's heat has a unit: CDUs cover the liquid heat and air units the air heat after one failure")
    func everyRackCooled() throws {
        let cooling = try #require(try Self.plan("Sites/korea-sk-manufacturing-ai-cloud.yaml").cooling)
        for hall in cooling.halls {
            if let cdus = hall.cdus { #expect(cdus.units.usableCapacity >= hall.liquidLoad) }
            if let air = hall.airUnits { #expect(air.units.usableCapacity >= hall.airLoad) }
        }
        #expect(cooling.economiserUnits.usableCapacity >= cooling.designHeatLoad)
    }
}

@Suite("Design-condition facility power")
struct DesignConditionTests {
    @Test("facility power at design adds pumps, fans and the plant at the 0.4 % condition; 32 °C water is W32")
    func designFacility() throws {
        let plan = try CoolingAnalysisTests.plan("Sites/korea-naver-cloud.yaml")
        let cooling = try #require(plan.cooling)
        let e = try #require(plan.electrical)
        let total = try #require(plan.facilityDesign)
        #expect(isClose(total, e.facilityDesign + cooling.designDistributionCooling + cooling.designHour.electricity))
        #expect(total > e.facilityDesign)
        #expect(cooling.liquidClass == "W32")
        // at 33.8 °C DB a dry cooler with an 8 K approach leaves water at 41.8 °C, above the 32 °C set point
        #expect(cooling.designHour.mode != .free)
    }
}
