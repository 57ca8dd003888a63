import PlannerModel
import Testing
import _PlannerTestSupport

@testable import SiteSpec

@Suite("Cost keys")
struct CostSpecTests {
    static func spec(_ cost: String) -> String {
        "version: 1\nsite: { name: T, commissioning: 2028-03 }\ncost: { \(cost) }\n"
            + "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 4 }] }]\n"
    }

    @Test(
        "a price of zero or below, a discount rate outside 0-100 %, a horizon of zero and a slab limit of zero are errors at their line and column"
    )
    func badNumbers() {
        let price = diagnostics(Self.spec("electricity_per_mwh: -5"))
        #expect(price.count == 1 && price[0].contains("3:30: error: cost.electricity_per_mwh"), "\(price)")
        let zero = diagnostics(Self.spec("water_per_m3: 0"))
        #expect(zero.count == 1 && zero[0].contains("3:23: error: cost.water_per_m3"), "\(zero)")
        let rate = diagnostics(Self.spec("discount_rate_percent: 150"))
        #expect(rate.count == 1 && rate[0].contains("3:32: error: cost.discount_rate_percent"), "\(rate)")
        let horizon = diagnostics(Self.spec("horizon_years: 0"))
        #expect(horizon.count == 1 && horizon[0].contains("3:24: error: cost.horizon_years"), "\(horizon)")
        let slab = diagnostics(Self.spec("slab_limit_kn_per_m2: 0"))
        #expect(slab.count == 1 && slab[0].contains("3:31: error: cost.slab_limit_kn_per_m2"), "\(slab)")
    }

    @Test("a currency the catalogue does not know is an error at the value")
    func unknownCurrency() {
        let found = diagnostics(Self.spec("currency: GBP"))
        #expect(found.count == 1 && found[0].contains("3:19: error: cost.currency: must be one of USD, EUR, KRW"))
    }

    @Test("prices are converted from the spec's currency; the keys left out take the Korean tariff and are listed")
    func pricesAndDefaults() throws {
        let site = try #require(load(Self.spec("currency: KRW, electricity_per_mwh: 142200, horizon_years: 25")).site)
        let cost = try #require(site.cost)
        // 142 200 KRW at 1 422 KRW/USD (C101) = 100 USD per MWh.
        #expect(abs(cost.energyPricePerMegawattHour.dollars - 100) < 1e-9)
        // Default demand charge: KEPCO 7 470 KRW/kW-month (P114) = 7 470/1 422 = 5.2532 USD.
        #expect(abs(cost.demandChargePerKilowattMonth.dollars - 7470.0 / 1422) < 1e-9)
        #expect(cost.horizonYears == 25)
        #expect(cost.discountRate == .percent(8))
        #expect(cost.year == 2028) // from site.commissioning
        let keys = site.defaultsApplied.map(\.key)
        #expect(keys.contains("cost.demand_charge_per_kw_month"))
        #expect(keys.contains("cost.year"))
        #expect(!keys.contains("cost.electricity_per_mwh"))
    }

    @Test("a US site takes Virginia's industrial price with no separate demand charge; a German one Eurostat's in EUR")
    func regionalDefaults() throws {
        func cost(_ rules: String) throws -> CostChoices {
            let yaml =
                "version: 1\nsite: { name: T, grid: { rules: \(rules) } }\n"
                + "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 4 }] }]\n"
            return try #require(load(yaml).site?.cost)
        }
        let us = try cost("us-dominion")
        #expect(abs(us.energyPricePerMegawattHour.dollars - 89.2) < 1e-9) // 8.92 ¢/kWh (P121)
        #expect(us.demandChargePerKilowattMonth == .zero)
        let de = try cost("eu-de")
        #expect(abs(de.energyPricePerMegawattHour.dollars - 197.6 * 1.08) < 1e-9) // 19.76 ct/kWh (P130) × 1.08 (C102)
        // Korea: (3 × 120.0 + 5 × 96.5 + 4 × 118.2)/12 + 9 + 5 = 123.608 KRW/kWh → 123 608.3/1 422 = 86.93 USD/MWh.
        let kr = try cost("kepco")
        #expect(abs(kr.energyPricePerMegawattHour.dollars - 123_608.333_333 / 1422) < 1e-6)
    }
}
