import Catalogue
import PlannerModel
import Testing

@testable import SiteSpec

/// Defaults are resolved once, at load: the site carries every choice, and lists each default it
/// applied with its source (issue 20, item 3).
@Suite("Defaults resolved at load")
struct DefaultsTests {
    static let minimal = "version: 1\nsite: { name: T }\nhalls: [{ id: h, racks: [{ type: gb300-nvl72, count: 4 }] }]\n"

    @Test("a spec without a cooling section gets the catalogue's choices, and every one is listed with its source")
    func coolingDefaults() throws {
        let site = try #require(load(Self.minimal).site)
        #expect(site.cooling == BuiltInThermal.defaultChoices)
        let listed = Dictionary(uniqueKeysWithValues: site.defaultsApplied.map { ($0.key, $0) })
        // The 13 keys of cooling: (Sites/README.md) and the two per-loop chiller counts, all left out.
        let coolingKeys = site.defaultsApplied.map(\.key).filter { $0.hasPrefix("cooling.") }
        // 13 + the two per-loop chiller counts + class_hours + the 5 cooling.pumps keys
        #expect(coolingKeys.count == 21)
        #expect(listed["cooling.cdu"]?.value == BuiltInThermal.defaultChoices.cdu.id)
        #expect(listed["cooling.cdu"]?.provenance == BuiltInThermal.defaultChoices.cdu.provenance)
        #expect(listed["cooling.tcs_supply_c"]?.value == "36")
        #expect(listed["cooling.air_supply_c"]?.value == "25")
        #expect(listed["cooling.cdu_redundancy"]?.value == "N+1")
        #expect(
            listed["cooling.plant.facility_water.chiller_units"]?.value == "sized"
                && listed["cooling.plant.air_coil_water.chiller_units"]?.value == "sized")
        #expect(listed["workload.utilisation_percent"]?.value == "80")
        #expect(listed["site.grid.frequency_hz"]?.provenance.confidence == .high)
        // Every source cites a row of the register or a section of the design.
        for applied in site.defaultsApplied {
            #expect(
                applied.provenance.source.contains("REFERENCE.md") || applied.provenance.source.contains("DESIGN.md")
                    || applied.provenance.source.contains("estimate") || applied.provenance.source.contains("§"),
                "\(applied.key): \(applied.provenance.source)")
        }
    }

    @Test("a key the spec sets is not listed as a default, and its value wins")
    func givenKeysNotListed() throws {
        let site = try #require(
            load(
                "version: 1\nsite: { name: T, grid: { frequency_hz: 50 } }\nworkload: { utilisation_percent: 60 }\n"
                    + "cooling: { tcs_supply_c: 40, cdu_redundancy: 2N }\n"
                    + "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 4 }] }]\n"
            ).site)
        let keys = Set(site.defaultsApplied.map(\.key))
        for given in ["site.grid.frequency_hz", "workload.utilisation_percent", "cooling.tcs_supply_c"] {
            #expect(!keys.contains(given), "\(given) was set in the spec")
        }
        #expect(!keys.contains("cooling.cdu_redundancy"))
        #expect(keys.contains("cooling.cdu") && keys.contains("cooling.air_supply_c"))
        #expect(site.cooling.tcsSupply == .celsius(40))
        #expect(site.cooling.cduRedundancy == .twoN)
        // 21 cooling keys (13 + the two per-loop chiller counts + class_hours + 5 pumps keys), 2 given.
        #expect(site.defaultsApplied.filter { $0.key.hasPrefix("cooling.") }.count == 19)
    }

    @Test("placement is off without its section; with it, its limits are the one set of defaults, each listed")
    func placementDefaults() throws {
        let off = try #require(load(Self.minimal).site)
        #expect(!off.placement.enabled)
        #expect(!off.defaultsApplied.contains { $0.key.hasPrefix("placement.") })
        let on = try #require(
            load(
                "version: 1\nsite: { name: T }\nplacement: { mip_gap_percent: 1 }\nhalls: [{ id: h, layout: { rows: 1, "
                    + "racks_per_row: 4 }, racks: [{ type: gb300-nvl72, count: 4 }] }]\n"
            ).site)
        #expect(on.placement.enabled)
        #expect(on.placement.timeLimit == PlacementChoices.defaults.timeLimit)
        #expect(on.placement.mipGap == .percent(1))
        #expect(
            on.defaultsApplied.filter { $0.key.hasPrefix("placement.") }.map(\.key) == [
                "placement.time_limit_s", "placement.site_pitch_m",
            ])
        #expect(on.defaultsApplied.first { $0.key == "placement.time_limit_s" }?.value == "60")
        // A layout without rack_pitch_m and aisle_m takes 0.6 m and 1.2 m, both listed at the hall.
        let layoutKeys = on.defaultsApplied.filter { $0.key.hasPrefix("halls[0].layout.") }
        #expect(layoutKeys.map(\.key) == ["halls[0].layout.rack_pitch_m", "halls[0].layout.aisle_m"])
        #expect(layoutKeys.map(\.value) == ["0.6", "1.2"])
    }

    @Test("a heat recovery that names only its network lists its source, heat pump and prices as defaults")
    func heatRecoveryDefaults() throws {
        let site = try #require(
            load(
                "version: 1\nsite: { name: T, weather: weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw }\n"
                    + "heat_recovery: { network: korean-high-temperature, peak_demand_mw: 50, "
                    + "heat_price_usd_per_mwh: 80 }\n"
                    + "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 4 }] }]\n",
                baseDirectory: packageRoot + "/Sites"
            ).site)
        let hr = try #require(site.heatRecovery)
        let listed = site.defaultsApplied.filter { $0.key.hasPrefix("heat_recovery.") }
        #expect(
            listed.map(\.key) == [
                "heat_recovery.source", "heat_recovery.heat_pump", "heat_recovery.electricity_price_usd_per_mwh",
                "heat_recovery.heat_pump_cost_usd_per_kw", "heat_recovery.discount_rate_percent",
                "heat_recovery.lifetime_years",
            ])
        // Without a cost each machine is priced at its own catalogue cost (the comparison row prices the
        // other network's heat pump at its own), so the listed value is the chosen machine's.
        #expect(hr.economics.heatPumpCostPerKilowatt == nil)
        #expect(
            listed.first { $0.key == "heat_recovery.heat_pump_cost_usd_per_kw" }?.value
                == NumberText.compact(hr.heatPump.capitalCostPerKilowatt))
        #expect(listed.first { $0.key == "heat_recovery.heat_pump" }?.value == hr.heatPump.id)
        #expect(hr.economics.heatPricePerMegawattHour == 80)
    }
}
