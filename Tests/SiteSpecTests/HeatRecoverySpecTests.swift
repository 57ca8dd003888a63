import Catalogue
import PlannerModel
import Testing

@testable import SiteSpec

/// The `heat_recovery:` and `compliance:` keys.
@Suite("Heat-recovery and compliance keys")
struct HeatRecoverySpecTests {
    /// A site with the Seoul weather year and commissioning, then `sections` (YAML at the top
    /// level, from line 4), then one hall.
    func spec(_ sections: String, weather: Bool = true, commissioning: Bool = true) -> LoadResult {
        let site =
            "site: { name: T"
            + (weather ? ", weather: weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw" : "")
            + (commissioning ? ", commissioning: 2027-07" : "") + " }"
        return load(
            "version: 1\n\(site)\nworkload: { utilisation_percent: 80 }\n\(sections)\nhalls: [{ id: h, racks: [{ type: "
                + "gb300-nvl72, count: 10 }] }]\n",
            baseDirectory: packageRoot + "/Sites")
    }

    func messages(_ result: LoadResult) -> [String] { result.findings.map(\.formatted) }

    @Test("heat-recovery and compliance keys load with their defaults")
    func loads() throws {
        let result = spec(
            """
            heat_recovery:
              network: fourth-generation
              peak_demand_mw: 40
              electricity_price_usd_per_mwh: 100
              heat_price_usd_per_mwh: 60
              discount_rate_percent: 5
              lifetime_years: 25
              minimum_erf_percent: 10
              representative_days: 12
              storage: { hourly_loss_percent: 0.2, maximum_mwh: 400 }
            compliance: { rules: [enefg, eu-eed, ashrae-90.4], grid_emission_kg_per_kwh: 0.45, on_fail: error, \
            ashrae_mlc_max: 0.3 }
            """)
        #expect(messages(result) == [])
        let site = try #require(result.site)
        let hr = try #require(site.heatRecovery)
        #expect(hr.networkKind == .fourthGeneration)
        #expect(hr.peakDemand == .megawatts(40))
        #expect(hr.source == .facilityWaterReturn)
        #expect(hr.heatPump.id == "hp-district-10mw")
        #expect(hr.economics.electricityPricePerMegawattHour == 100)
        #expect(hr.economics.heatPricePerMegawattHour == 60)
        #expect(hr.economics.discountRate == .percent(5))
        #expect(hr.economics.lifetimeYears == 25)
        #expect(hr.minimumERF == .percent(10))
        #expect(hr.representativeDays == 12)
        #expect(hr.storage?.hourlyLoss == .percent(0.2))
        #expect(hr.storage?.maximumCapacity == .megawattHours(400))
        let c = try #require(site.compliance)
        #expect(c.ruleSets == [.enefg, .euEED, .ashrae904])
        #expect(abs(c.gridEmissionFactor.kilogramsPerKilowattHour - 0.45) < 1e-12)
        #expect(c.enforce)
        #expect(c.ashraeLimits.mechanicalLoadComponent == 0.3)

        let korean = try #require(
            spec("heat_recovery: { network: korean-high-temperature, peak_demand_mw: 50, source: tcs-return }").site?
                .heatRecovery)
        #expect(korean.heatPump.id == "hp-high-temp-10mw")
        #expect(korean.source == .tcsReturn)
        #expect(korean.network.supply == .fixed(.celsius(115)))
        #expect(korean.economics == HeatRecoveryEconomics())
    }

    @Test("a network supply at or below its return is an error at the supply")
    func supplyBelowReturn() {
        #expect(
            messages(spec("heat_recovery: { network: korean-high-temperature, peak_demand_mw: 40, supply_c: 50 }")) == [
                "Sites/x.yaml:4:82: error: heat_recovery.supply_c: the network supply 50 °C must be above its return "
                    + "55 °C"
            ])
        #expect(
            messages(spec("heat_recovery: { network: fourth-generation, peak_demand_mw: 40, return_c: 60 }")) == [
                "Sites/x.yaml:4:76: error: heat_recovery.return_c: the network supply 55 °C must be above its return "
                    + "60 °C"
            ])
    }

    @Test("a heat source as warm as the network supply (no lift) is an error")
    func noLift() {
        // TCS return 36 + 10 = 46 °C against a 45 °C supply (return 30 °C).
        #expect(
            messages(
                spec(
                    "heat_recovery: { network: fourth-generation, peak_demand_mw: 40, source: tcs-return, supply_c: "
                        + "45 }"
                )) == [
                    "Sites/x.yaml:4:74: error: heat_recovery.source: the heat source (tcs-return, 46 °C) is not colder "
                        + "than the network supply (45 °C): there is no lift for a heat pump; use a heat exchanger or "
                        + "a hotter network"
                ])
    }

    @Test("a heat pump that cannot condense above the supply is an error with the one that can")
    func heatPumpTooCold() {
        #expect(
            messages(
                spec(
                    "heat_recovery: { network: korean-high-temperature, peak_demand_mw: 40, heat_pump: "
                        + "hp-district-10mw }"
                )) == [
                    "Sites/x.yaml:4:83: error: heat_recovery.heat_pump: heat pump 'hp-district-10mw' condenses at most "
                        + "95 °C, below the 120 °C a 115 °C supply needs; use 'hp-high-temp-10mw'"
                ])
        #expect(
            messages(
                spec("heat_recovery: { network: fourth-generation, peak_demand_mw: 40, heat_pump: hp-distric-10mw }"))
                == [
                    "Sites/x.yaml:4:77: error: heat_recovery.heat_pump: unknown heat pump 'hp-distric-10mw'; did you "
                        + "mean 'hp-district-10mw' or 'hp-high-temp-10mw'?"
                ])
    }

    @Test("negative prices and demand, and out-of-range economics, are errors at their values")
    func negatives() {
        let result = spec(
            """
            heat_recovery:
              network: fourth-generation
              peak_demand_mw: -40
              electricity_price_usd_per_mwh: -5
              heat_price_usd_per_mwh: -1
              heat_pump_cost_usd_per_kw: -700
              lifetime_years: 0
              minimum_erf_percent: 120
            """)
        #expect(
            messages(result) == [
                "Sites/x.yaml:6:19: error: heat_recovery.peak_demand_mw: must be within 0–10000 MW and above 0, "
                    + "got -40",
                "Sites/x.yaml:7:34: error: heat_recovery.electricity_price_usd_per_mwh: must be within 0–10000 "
                    + "USD/MWh, got -5",
                "Sites/x.yaml:8:27: error: heat_recovery.heat_price_usd_per_mwh: must be within 0–10000 USD/MWh, "
                    + "got -1",
                "Sites/x.yaml:9:30: error: heat_recovery.heat_pump_cost_usd_per_kw: must be within 0–100000 "
                    + "USD/kW, got -700",
                "Sites/x.yaml:10:19: error: heat_recovery.lifetime_years: must be a whole number of years within "
                    + "1–100, got 0",
                "Sites/x.yaml:11:24: error: heat_recovery.minimum_erf_percent: must be within 0–100 %, got 120",
            ])
    }

    @Test(
        "heat recovery and compliance need a weather file; EnEfG needs the commissioning month; rules are known and unique"
    )
    func compliance() {
        #expect(
            messages(spec("heat_recovery: { network: fourth-generation, peak_demand_mw: 40 }", weather: false)) == [
                "Sites/x.yaml:4:16: error: heat_recovery: heat recovery needs site.weather: the waste heat comes from "
                    + "the plant over the weather year"
            ])
        #expect(
            messages(spec("compliance: { rules: [enefg, leed, enefg] }", commissioning: false)) == [
                "Sites/x.yaml:4:23: error: compliance.rules[0]: rule 'enefg' needs site.commissioning (YYYY-MM): EnEfG "
                    + "§11 thresholds depend on the start of operation",
                "Sites/x.yaml:4:30: error: compliance.rules[1]: must be one of enefg, eu-eed, ashrae-90.4; "
                    + "got \"leed\"",
                "Sites/x.yaml:4:36: error: compliance.rules[2]: duplicate rule 'enefg' (first at line 4)",
            ])
        #expect(
            messages(spec("compliance: { rules: [eu-eed], grid_emission_kg_per_kwh: -0.1, on_fail: stop }")) == [
                "Sites/x.yaml:4:58: error: compliance.grid_emission_kg_per_kwh: must be within 0–2 kg CO₂e/kWh, got "
                    + "-0.1",
                "Sites/x.yaml:4:73: error: compliance.on_fail: must be one of warning, error; got \"stop\"",
            ])
    }
}
