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

    @Test("32 °C water from 8 K dry coolers at their rated duty free-cools 7,270 h of the Seoul year (V16, ±3 %)")
    func freeCoolingHours() throws {
        // A bank at its rated duty (x = 1) at full speed leaves DB + 8 K: free when DB + 8 ≤ 32 °C.
        let year = try EPWReader.read(path: Self.epw)
        let plant = PlantConfiguration(
            economiser: BuiltInThermal.dryCooler1MW, units: 10, chiller: BuiltInThermal.waterCooledCentrifugal,
            facilityWaterRise: .kelvins(10))
        var rated = 0
        for i in 0..<year.count {
            let h = Thermal.plantHour(
                dryBulb: year.dryBulb[i], wetBulb: year.wetBulb[i], supply: .celsius(32), heatLoad: .megawatts(10),
                plant: plant)
            if h.mode == .free { rated += 1 }
        }
        #expect(abs(Double(rated) - 7270) <= 7270 * 0.03, "\(rated) h")
        // Samsung's bank at its sustained load carries less than its rating, so its approach is smaller
        // (DESIGN.md §5.12): at least as many free hours as at the rating.
        let cooling = try #require(try Self.plan("Sites/korea-samsung-ai-megafactory.yaml").cooling)
        #expect(cooling.facilityWaterSupply == .celsius(32))
        let annual = try #require(cooling.annual)
        #expect(annual.hoursByMode[.free, default: 0] >= rated)
        #expect(annual.hoursByMode.values.reduce(0, +) == 8760)
    }

    @Test("facility energy = IT + chain losses + pumps and fans + plant + plant pumps + house loads; PUE above one")
    func annualBalance() throws {
        let plan = try Self.plan("Sites/korea-naver-cloud.yaml") // no daily profile
        let a = try #require(plan.cooling?.annual)
        let sum =
            a.itEnergy + a.chainLossEnergy + a.distributionCoolingEnergy + a.plantEnergy + a.pumpEnergy + a.houseEnergy
        #expect(isClose(a.facilityEnergy, sum))
        #expect(isClose(a.months.sum(\.facility), a.facilityEnergy))
        // IT energy at the rack input (ISO/IEC 30134-2, the default boundary) = (sustained IT power
        // + the rack shelves' loss at sustained load) × 8,760 h
        let shelves = try #require(plan.electrical).rackConversionLossSustained
        #expect(shelves > .zero)
        #expect(isClose(a.itEnergy, (plan.total.itPower.sustained + shelves) * .year))
        #expect(a.pue > 1 && a.pue < 1.5)
        #expect(a.wue == 0) // dry coolers use no water
    }

    @Test("every rack's heat has a unit: CDUs cover the liquid heat and air units the air heat after one failure")
    func everyRackCooled() throws {
        let cooling = try #require(try Self.plan("Sites/korea-sk-manufacturing-ai-cloud.yaml").cooling)
        #expect(!cooling.halls.isEmpty && !cooling.loops.isEmpty)
        // SK has liquid-cooled GB300 halls and air-cooled RTX PRO 6000 halls: both kinds of unit are checked.
        #expect(cooling.halls.contains { $0.cdus != nil } && cooling.halls.contains { $0.airUnits != nil })
        for hall in cooling.halls {
            // Units are left out only where there is no heat of their kind.
            #expect((hall.cdus == nil) == (hall.liquidLoad == .zero), "\(hall.id): CDUs vs liquid heat")
            #expect((hall.airUnits == nil) == (hall.airLoad == .zero), "\(hall.id): air units vs air heat")
            if let cdus = hall.cdus { #expect(cdus.units.usableCapacity >= hall.liquidLoad) }
            if let air = hall.airUnits { #expect(air.units.usableCapacity >= hall.airLoad) }
        }
        for loop in cooling.loops {
            #expect(loop.economisers.usableCapacity >= loop.designHeatLoad)
            // chillers sized for the design condition carry the duty with one unit out
            #expect(loop.chillerFirmCapacity >= loop.designChillerDuty)
            #expect(loop.designHour.holdsSetPoint)
            // the 0.4 % design condition is exceeded ≈ 35 h a year, and only then may the
            // sustained-load water drift above its set point
            #expect(loop.hoursAboveSetPoint <= 35, "\(loop.kind): \(loop.hoursAboveSetPoint) h")
        }
    }

    @Test("every hour closes its energy balance: heat rejected = facility − recovered, to 1e-9")
    func hourlyHeatBalance() throws {
        // Each hour the loops reject their heat + compressor + fan power and the main transformers'
        // losses go straight outdoors, so the year's heat rejected equals its facility energy less
        // the heat recovered (NAVER sells heat to a 4th-generation network; Samsung does not).
        let a = try #require(try Self.plan("Sites/korea-naver-cloud.yaml").cooling?.annual)
        #expect(a.worstBalanceResidual <= 1e-9)
        #expect(a.heatRecovered > .zero)
        let b = try #require(try Self.plan("Sites/korea-samsung-ai-megafactory.yaml").cooling?.annual)
        #expect(b.worstBalanceResidual <= 1e-9)
        #expect(b.heatRecovered == .zero)
        #expect(isClose(b.heatRejected, b.facilityEnergy, relative: 1e-9))
        #expect(isClose(a.heatRejected, a.facilityEnergy - a.heatRecovered, relative: 1e-9))
    }

    @Test("the two partial PUEs and the house loads' share add up to PUE + 1")
    func partialPUEs() throws {
        // (IT + L)/IT + (IT + C)/IT + H/IT = (2·IT + L + C + H)/IT = PUE + 1 with PUE = (IT + L + C + H)/IT.
        let a = try #require(try Self.plan("Sites/example-small.yaml").cooling?.annual)
        #expect(a.houseEnergy > .zero)
        #expect(
            isClose(a.partialPUEPower + a.partialPUECooling + a.houseEnergy / a.itEnergy, a.pue + 1, relative: 1e-12))
        #expect(a.partialPUEPower > 1 && a.partialPUECooling > 1)
    }

    @Test(
        "25 °C supply air is ASHRAE A1, inside its recommended 18–27 °C all year; the air coils get 21 °C water")
    func airClass() throws {
        let cooling = try #require(try Self.plan("Sites/example-small.yaml").cooling)
        // 25 °C supply air − 4 K fan-wall coil approach = 21 °C air-coil water
        #expect(isClose(try #require(cooling.loop(.air)).supplySetPoint.celsius, 21, relative: 1e-12))
        let air = try #require(cooling.airInlet)
        // H1 recommends 18–22 °C, which 25 °C misses; A1 recommends 18–27 °C, which holds it (DESIGN.md §5.15).
        #expect(air.airClass?.name == "A1")
        #expect(air.hoursOutsideRecommended == 0)
        #expect(air.hoursOutsideClassRecommended == 0)
        #expect(cooling.hoursAboveLiquidClass == 0)
    }

    static func annual(_ site: Site) throws -> AnnualPlant {
        let year = try EPWReader.read(path: epw)
        return try #require(
            Planner().plan(site, weather: (year, try DesignConditions.load(forEPWAt: epw, year: year))).cooling?.annual)
    }

    @Test(
        "a daily workload profile drives the hourly IT load: 100 % every hour is the sustained year, 0 % the idle year, less load less energy"
    )
    func dailyProfile() throws {
        var site = try #require(SiteLoader().load(path: RepositoryPaths.path("Sites/example-small.yaml")).site)
        site.dailyProfile = nil
        // IT at the shelves' output, so that IT energy is the racks' own power (the boundary is tested in
        // RackPSUTests).
        site.pueBoundary = .psuAsFacility
        let sustained = try Self.annual(site)
        var flat = site
        flat.dailyProfile = Array(repeating: .percent(100), count: 24)
        #expect(isClose(try Self.annual(flat).facilityEnergy, sustained.facilityEnergy, relative: 1e-12))
        // 0 % every hour: IT energy = the site at 0 % utilisation (idle compute, flat network and
        // storage) × 8,760 h
        var idle = site
        idle.dailyProfile = Array(repeating: .percent(0), count: 24)
        var zero = site
        zero.utilisation = .percent(0)
        let idlePower = Planner().plan(zero).total.itPower.sustained
        let idleYear = try Self.annual(idle)
        #expect(isClose(idleYear.itEnergy, idlePower * .year, relative: 1e-12))
        // a working day: 12 h at 100 %, 12 h at 50 % → half the hours at sustained; less IT energy,
        // less facility energy, and the balance still closes
        var day = site
        day.dailyProfile = (0..<24).map { (8..<20).contains($0) ? .percent(100) : .percent(50) }
        let dayYear = try Self.annual(day)
        #expect(dayYear.itEnergy < sustained.itEnergy && dayYear.itEnergy > idleYear.itEnergy)
        #expect(dayYear.facilityEnergy < sustained.facilityEnergy)
        #expect(dayYear.worstBalanceResidual <= 1e-9)
        var half = site
        half.utilisation = .fraction(site.utilisation.fraction * 0.5)
        let halfPower = Planner().plan(half).total.itPower.sustained
        let expected =
            Planner().plan(site).total.itPower.sustained * .hour * (365 * 12) + halfPower * .hour * (365 * 12)
        #expect(isClose(dayYear.itEnergy, expected, relative: 1e-12))
    }

    @Test("with too few chillers the water settles above its set point and the plan has an error")
    func chillersShort() throws {
        var site = try #require(SiteLoader().load(path: RepositoryPaths.path("Sites/example-small.yaml")).site)
        var choices = BuiltInThermal.defaultChoices
        choices.chillerUnits = [.liquid: 1, .air: 1] // N+1 with one unit installed: no firm capacity
        site.cooling = choices
        let year = try EPWReader.read(path: Self.epw)
        let plan = Planner().plan(site, weather: (year, try DesignConditions.load(forEPWAt: Self.epw, year: year)))
        let cooling = try #require(plan.cooling)
        let liquid = try #require(cooling.loop(.liquid))
        #expect(liquid.chillerFirmCapacity == .zero)
        // no chiller: the dry coolers alone carry the loop's heat Q at their part-load approach and leave
        // water at 33.8 + 8 × Q/C_bank at the design condition (DESIGN.md §5.12)
        let x = liquid.designHeatLoad / liquid.plant.economiserCapacity
        #expect(x < 1)
        #expect(isClose(liquid.designHour.supplyTemperature.celsius, 33.8 + 8 * x, relative: 1e-9))
        // Hours above the set point: at most those the bank misses at its rated approach (8,760 − 7,270,
        // V16), at least those whose dry bulb alone is above 32 °C.
        let hot = year.dryBulb.celsius.filter { $0 > 32 }.count
        #expect(
            liquid.hoursAboveSetPoint <= 8760 - 7270 && liquid.hoursAboveSetPoint >= hot,
            "every hour the dry coolers cannot reach 32 °C (\(liquid.hoursAboveSetPoint), \(hot) above 32 °C)")
        #expect(cooling.hoursAboveLiquidClass == liquid.hoursAboveSetPoint)
        #expect(
            plan.findings.contains {
                $0.severity == .error && $0.subject == "cooling.plant.facility_water.chiller_units"
            })
        #expect(try #require(cooling.annual).worstBalanceResidual <= 1e-9)
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
        #expect(
            isClose(
                total,
                e.facilityDesign + cooling.designDistributionCooling + cooling.designPlantPower
                    + cooling.designPlantPumps + cooling.designHouseLoad))
        #expect(total > e.facilityDesign)
        #expect(cooling.liquidClass == "W32")
        // at 33.8 °C DB a dry cooler with an 8 K approach leaves water at 41.8 °C, above the 32 °C set point
        #expect(try #require(cooling.loop(.liquid)).designHour.mode != .free)
    }

    @Test(
        "the grid connection and main transformers are sized for IT, chain losses and cooling at the design condition")
    func gridCarriesCooling() throws {
        let plan = try CoolingAnalysisTests.plan("Sites/korea-naver-cloud.yaml")
        let cooling = try #require(plan.cooling)
        let e = try #require(plan.electrical)
        #expect(e.mechanicalLoad == cooling.designCoolingPower + cooling.designHouseLoad)
        #expect(cooling.designHouseLoad > .zero)
        // peak at MV = Σ hall grid inputs + cooling + house loads; facility design = main-transformer
        // input − cooling − house loads
        let hallsAtMV = e.halls.sum { $0.design.gridInput * Double($0.copies) }
        #expect(isClose(e.grid.peakDemand, hallsAtMV + cooling.designMechanicalLoad, relative: 1e-12))
        let main = try #require(e.mainTransformers)
        #expect(isClose(main.gridInput, e.facilityDesign + cooling.designMechanicalLoad, relative: 1e-12))
        #expect(try #require(main.stages.first).usableCapacity >= e.grid.peakDemand)
    }
}
