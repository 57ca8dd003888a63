import PlannerModel
import Testing
import _PlannerTestSupport

@testable import SiteSpec

@Suite("Pump and house-load keys")
struct PumpHouseSpecTests {
    static func spec(site: String = "", cooling: String = "") -> String {
        "version: 1\nsite: { name: T\(site) }\ncooling: { \(cooling) }\n"
            + "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 4 }] }]\n"
    }

    @Test("a pump head of zero or below is an error at its line and column")
    func headNotPositive() {
        let found = diagnostics(Self.spec(cooling: "pumps: { condenser_water_head_m: 0 }"))
        let expected =
            "Sites/x.yaml:3:45: error: cooling.pumps.condenser_water_head_m: must be within 0–200 m and above 0, got 0"
        #expect(found == [expected])
        let negative = diagnostics(Self.spec(cooling: "pumps: { facility_water_head_m: -3 }"))
        #expect(negative.count == 1 && negative[0].contains("3:44: error: cooling.pumps.facility_water_head_m"))
    }

    @Test("pump keys set heads, efficiency and minimum speed; the keys left out are listed with their sources")
    func pumpKeys() throws {
        let site = try #require(
            load(Self.spec(cooling: "pumps: { facility_water_head_m: 30, efficiency_percent: 80 }")).site)
        #expect(site.cooling.pumps.facilityWaterHead == .metres(30))
        #expect(site.cooling.pumps.efficiency == .fraction(0.8))
        #expect(site.cooling.pumps.condenserWaterHead == .metres(21)) // default kept
        let keys = site.defaultsApplied.map(\.key)
        #expect(keys.contains("cooling.pumps.condenser_water_head_m"))
        #expect(!keys.contains("cooling.pumps.facility_water_head_m"))
        #expect(keys.contains("site.house_loads.percent_of_it"))
    }

    @Test("house loads take a share of IT, a density over the support area, or both added")
    func houseKeys() throws {
        let share = try #require(load(Self.spec(site: ", house_loads: { percent_of_it: 2.5 }")).site)
        #expect(share.cooling.houseLoads == .shareOfIT(.percent(2.5)))
        let area = try #require(
            load(Self.spec(site: ", house_loads: { w_per_m2: 30, support_area_m2: 5000 }")).site)
        #expect(area.cooling.houseLoads == .perArea(wattsPerSquareMetre: 30, area: .squareMetres(5000)))
        // Both: 1 % of 103 MW + 30 W/m² × 5,000 m² = 1.03 MW + 0.15 MW = 1.18 MW.
        let both = try #require(
            load(Self.spec(site: ", house_loads: { percent_of_it: 1, w_per_m2: 30, support_area_m2: 5000 }")).site)
        let expected = HouseLoads.shareAndArea(.percent(1), wattsPerSquareMetre: 30, area: .squareMetres(5000))
        #expect(both.cooling.houseLoads == expected)
        #expect(abs(both.cooling.houseLoads.power(itDesign: .megawatts(103)).megawatts - 1.18) < 1e-9)
        let partial = diagnostics(Self.spec(site: ", house_loads: { percent_of_it: 1, w_per_m2: 30 }"))
        #expect(partial.count == 1 && partial[0].contains("needs percent_of_it, or w_per_m2 together with"))
        let half = diagnostics(Self.spec(site: ", house_loads: { w_per_m2: 30 }"))
        #expect(half.count == 1 && half[0].contains("needs percent_of_it, or w_per_m2 together with support_area_m2"))
    }
}
