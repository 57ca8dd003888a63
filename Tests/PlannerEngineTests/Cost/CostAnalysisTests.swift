import Catalogue
import Foundation
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import Weather
import _PlannerTestSupport

@Suite("Cost analysis")
struct CostAnalysisTests {
    static func choices(rate: Double = 8, years: Int = 20) -> CostChoices {
        CostChoices(
            year: 2022, energyPricePerMegawattHour: .dollars(100), demandChargePerKilowattMonth: .dollars(5),
            waterPricePerCubicMetre: .dollars(1), waterTreatmentPerCubicMetre: .dollars(0.1),
            discountRate: .percent(rate), horizonYears: years,
            tariffSource: Provenance(source: "test", confidence: .high))
    }

    static let space = SpaceSummary(
        halls: [], electrical: .zero, mechanical: .zero, yard: .zero, rackFootprintLoading: .zero)

    @Test("a small site's capital and lifetime cost match the hand calculation")
    func capitalAndNPVByHand() {
        // Two items at their 2022 catalogue prices (index factor 1):
        //   2 UPS × 1 000 kW × 282 USD/kW            = 564 000 (low 200 → 400 000, high 476 → 952 000)
        //   4 CDUs × 1 000 kW × 100 USD/kW           = 400 000 (low 50 → 200 000, high 150 → 600 000)
        // capital typical 964 000, low 600 000, high 1 552 000.
        let ups = CostRange(low: .dollars(200), typical: .dollars(282), high: .dollars(476))
        let cdu = CostRange(low: .dollars(50), typical: .dollars(100), high: .dollars(150))
        let items = [
            BillItem(
                system: .electrical, hallID: "h", item: "UPS", entryID: "ups", costID: "cost-ups", count: 2,
                rating: 1000, measure: .kilowatt, unitCost: ups),
            BillItem(
                system: .mechanical, hallID: "h", item: "CDUs", entryID: "cdu", costID: "cost-cdu", count: 4,
                rating: 1000, measure: .kilowatt, unitCost: cdu),
        ]
        // Operating: energy 10 000 MWh × 100 = 1 000 000; demand 2 000 kW × 5 × 12 = 120 000;
        // water 0; maintenance 564 000 × 1 % + 400 000 × 2.5 % = 5 640 + 10 000 = 15 640;
        // net 1 135 640 USD a year.
        let operating = OperatingCost(
            electricityEnergy: .dollars(1_000_000), electricityDemand: .dollars(120_000), water: .zero,
            maintenance: .dollars(15_640), heatRevenue: .zero)
        let cost = SiteCost(
            choices: Self.choices(), items: items, space: Self.space, operating: operating,
            itEnergyPerYear: .megawattHours(8_000), itDesign: .megawatts(1), gpuCount: 720,
            maintenance: BuiltInCosts.maintenance)
        #expect(isClose(cost.capital.typical.dollars, 964_000, relative: 1e-6))
        #expect(isClose(cost.capital.low.dollars, 600_000, relative: 1e-6))
        #expect(isClose(cost.capital.high.dollars, 1_552_000, relative: 1e-6))
        // Present-value factor at 8 % over 20 years: (1 − 1.08^−20)/0.08 = (1 − 0.214548)/0.08 = 9.818147.
        #expect(isClose(Self.choices().presentValueFactor, 9.818147, relative: 1e-6))
        // NPV typical = 964 000 + 1 135 640 × 9.818147 = 964 000 + 11 149 881 = 12 113 881 USD.
        #expect(isClose(cost.lifetime.typical.dollars, 12_113_881, relative: 1e-6))
        // Low: maintenance scales with capital (15 640/964 000 = 1.6224 %): 600 000 + (1 120 000 + 9 734.4)
        // × 9.818147 = 600 000 + 11 091 899 = 11 691 899.
        #expect(isClose(cost.lifetime.low.dollars, 11_691_899, relative: 1e-6))
        // Per MW of IT: 964 000/1 MW; per GPU 964 000/720 = 1 338.89 USD.
        #expect(isClose(cost.capitalPerMegawattIT.dollars, 964_000, relative: 1e-9))
        #expect(isClose(cost.capitalPerGPU.dollars, 1_338.888_9, relative: 1e-6))
        // Annual: 964 000 × 0.101852 + 1 135 640 = 98 185 + 1 135 640 = 1 233 825; per GPU-hour
        // 1 233 825/(720 × 8 760) = 0.19562 USD; per MWh of IT 1 233 825/8 000 = 154.23 USD.
        #expect(isClose(cost.perGPUHour.dollars, 0.19562, relative: 1e-4))
        #expect(isClose(cost.perMegawattHourIT.dollars, 154.23, relative: 1e-4))
        #expect(cost.bySystem.map(\.system) == [.electrical, .mechanical])
        #expect(cost.capital(hall: "h") == cost.capital)
    }

    @Test("a four-rack site planned from its spec: bill lines, demand charge and lifetime cost by hand")
    func tinySiteByHand() throws {
        let yaml = """
            version: 1
            site: { name: Tiny, commissioning: 2022-06 }
            cost: { currency: USD, electricity_per_mwh: 100, demand_charge_per_kw_month: 5, water_per_m3: 1,
                    water_treatment_per_m3: 0.1, discount_rate_percent: 10, horizon_years: 10 }
            halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 4 }] }]
            """
        let site = try #require(SiteLoader().load(yaml: yaml, path: "tiny.yaml", baseDirectory: ".").site)
        let plan = Planner().plan(site)
        let cost = try #require(plan.cost)
        #expect(cost.choices.year == 2022) // from the commissioning month
        func line(_ item: String) throws -> BillItem { try #require(cost.items.first { $0.item == item }) }
        // CDUs: 4 × 140 kW × 0.92 = 515 kW of liquid heat → 1 + 1 (N+1) units of 1 350 kW at 100 USD/kW of
        // 2022: 2 × 1 350 × 100 = 270 000 USD.
        let cdus = try line("CDUs")
        #expect(cdus.count == 2 && cdus.rating == 1350)
        #expect(isClose(cdus.extended.typical.dollars, 270_000))
        // UPS: 282 USD/kW of 2025 brought back to 2022: × 148.56/(151.41 × 1.09 × 1.055) = × 0.853251;
        // 4 modules × 1 000 kW × 282 × 0.853251 = 962 448 USD.
        let ups = try line("UPS")
        #expect(ups.count * Int(ups.rating) == 4000)
        let back: Double = 148.56 / (151.41 * 1.09 * 1.055)
        #expect(isClose(ups.extended.typical.dollars, 4000.0 * 282.0 * back))
        // MV/LV transformers: 2 × 2 500 kVA × 42.5 USD/kVA = 212 500 USD.
        #expect(isClose(try line("MV/LV transformers").extended.typical.dollars, 212_500))
        // Demand charge: peak facility power at the design condition × 5 USD × 12 months.
        let peak = try #require(plan.facilityDesign)
        #expect(isClose(cost.operating.electricityDemand.dollars, peak.kilowatts * 5 * 12))
        // No weather year: energy = (facility sustained + cooling and house loads at design) × 8 760 h, at 100 USD/MWh.
        let e = try #require(plan.electrical)
        let mechanical = try #require(plan.cooling).designMechanicalLoad
        #expect(
            isClose(cost.operating.electricityEnergy.dollars, (e.facilitySustained + mechanical).megawatts * 8760 * 100)
        )
        // Lifetime: PV factor at 10 % over 10 years = (1 − 1.1^−10)/0.1 = 6.144567; NPV = C + O × 6.144567.
        #expect(isClose(cost.choices.presentValueFactor, 6.144567, relative: 1e-6))
        let npv = cost.capital.typical.dollars + cost.operating.total.dollars * 6.144567
        #expect(isClose(cost.lifetime.typical.dollars, npv, relative: 1e-6))
        // With these prices the site comes to 8.04 M USD of capital and 13.61 M USD over its life (printed
        // by `dcplan plan`); the range brackets the typical.
        #expect(isClose(cost.capital.typical.millionDollars, 8.04, relative: 0.01))
        #expect(cost.capital.low < cost.capital.typical && cost.capital.typical < cost.capital.high)
        #expect(plan.findings.contains { $0.message.contains("no weather year") })
    }

    @Test("with no discount the lifetime cost is capital plus the years' operating cost")
    func zeroDiscount() {
        let cost = SiteCost(
            choices: Self.choices(rate: 0, years: 10), items: [], space: Self.space,
            operating: OperatingCost(
                electricityEnergy: .dollars(100), electricityDemand: .zero, water: .zero, maintenance: .zero,
                heatRevenue: .dollars(30)),
            itEnergyPerYear: .zero, itDesign: .zero, gpuCount: 0, maintenance: [:])
        // 0 + (100 − 30) × 10 = 700.
        #expect(isClose(cost.lifetime.typical.dollars, 700, relative: 1e-12))
    }

    @Test("unit costs are converted and escalated: 100 USD of 2022 is 100 × index(2027)/index(2022) in 2027")
    func escalation() {
        let index = BuiltInCosts.index
        // 2027 = 151.41 × 1.09 × 1.055³ = 151.41 × 1.09 × 1.174241 = 193.79; 2022 = 148.56.
        let factor = 151.41 * 1.09 * pow(1.055, 3) / 148.56
        #expect(isClose(index.factor(from: 2022, to: 2027), factor, relative: 1e-12))
        let cdu = BuiltInCosts.cdu.cost(in: 2027, index: index)
        #expect(isClose(cdu.typical.dollars, 100 * factor, relative: 1e-12))
        // 2018 lies between 2015 (100) and 2020 (121.80): 100 × 1.218^(3/5) = 112.55.
        #expect(isClose(index.value(2018), 100 * pow(1.218, 0.6), relative: 1e-12))
        // A KRW entry: 955 000 KRW of 2021 at 1 422 KRW/USD = 671.59 USD of 2021.
        let shell = BuiltInCosts.buildingShell.cost(in: 2021, index: index)
        #expect(isClose(shell.typical.dollars, 955_000 / 1422, relative: 1e-12))
    }

    @Test("every built-in cost entry is sound and has a unique id")
    func catalogueSound() {
        let entries = BuiltInCosts.entries
        #expect(entries.flatMap(\.inconsistencies).isEmpty)
        #expect(Set(entries.map(\.id)).count == entries.count)
    }

    @Test("the example site is costed: every item priced, extended = count × rating × unit cost, totals add up")
    func exampleSite() throws {
        let plan = try ConsistencyTests.example.get()
        let cost = try #require(plan.cost)
        #expect(cost.isComplete)
        for item in cost.items {
            let unit = try #require(item.unitCost)
            #expect(
                isClose(
                    item.extended.typical.dollars, Double(item.count) * item.rating * unit.typical.dollars,
                    relative: 1e-9))
            #expect(unit.low <= unit.typical && unit.typical <= unit.high)
        }
        let bySystem = cost.bySystem.reduce(Money.zero) { $0 + $1.cost.typical }
        #expect(isClose(bySystem.dollars, cost.capital.typical.dollars, relative: 1e-9))
        let byHall = plan.halls.reduce(cost.capital(hall: nil).typical) { $0 + cost.capital(hall: $1.id).typical }
        #expect(isClose(byHall.dollars, cost.capital.typical.dollars, relative: 1e-9))
        #expect(cost.capital.low < cost.capital.typical && cost.capital.typical < cost.capital.high)
        #expect(cost.lifetime.typical > cost.capital.typical)
        // Every system the example installs is there.
        #expect(Set(cost.bySystem.map(\.system)) == [.electrical, .mechanical, .building, .backup])
    }

    @Test("an installed item without a cost entry is a warning naming it, and the total is incomplete")
    func missingEntry() throws {
        var plan = try ConsistencyTests.example.get()
        var catalogue = BuiltInCosts.catalogue
        catalogue.entries.removeAll { $0.id == BuiltInCosts.cdu.id }
        plan.cost = nil
        let costed = CostAnalysis.analyse(plan, catalogue: catalogue)
        let cost = try #require(costed.cost)
        #expect(!cost.isComplete)
        #expect(cost.missing.allSatisfy { $0.item == "CDUs" })
        #expect(
            costed.findings.contains {
                $0.severity == .warning && $0.message.contains("CDUs") && $0.message.contains("incomplete")
            })
        let full = try #require(CostAnalysis.analyse(plan).cost)
        #expect(cost.capital.typical < full.capital.typical)
    }

    @Test("a slab limit below the racks' loading is a warning naming the hall")
    func slabLimit() throws {
        var plan = try ConsistencyTests.example.get()
        plan.site.cost?.slabLimit = .kilopascals(1)
        let costed = CostAnalysis.analyse(plan)
        #expect(costed.findings.contains { $0.message.contains("hall 'hall-a'") && $0.message.contains("slab limit") })
    }
}

@Suite("Option comparison")
struct OptionComparisonTests {
    @Test("the example site's options: 3 distributions × 3 supplies and the chosen design, ranked by lifetime cost")
    func exampleOptions() throws {
        let plan = try ConsistencyTests.example.get()
        let epw = RepositoryPaths.path("Sites/weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw")
        let year = try EPWReader.read(path: epw)
        let weather = (year, try DesignConditions.load(forEPWAt: epw, year: year))
        let options = OptionComparison.compare(plan.site, chosen: plan, weather: weather, planner: Planner())
        #expect(options.count == 10)
        #expect(options.filter(\.chosen).count == 1)
        let ranked = options.filter { !$0.failed }.map(\.lifetime)
        #expect(ranked == ranked.sorted())
        // The chosen row is the plan itself.
        let chosen = try #require(options.first { $0.chosen })
        #expect(chosen.lifetime == plan.cost?.lifetime.typical)
        // Warmer water never costs more energy for the same distribution (more free cooling).
        for d in Distribution.allCases {
            let energies = OptionComparison.supplies.compactMap { s in
                options.first { !$0.chosen && $0.distribution == d.rawValue && $0.tcsSupply == s }?.facilityEnergy
            }
            #expect(energies.count == 3)
            #expect(energies == energies.sorted(by: >))
        }
    }
}
