import Foundation
import Testing
import _PlannerTestSupport

/// `<site>/hourly.csv` (DESIGN.md §8.3): the plant year hour by hour.
@Suite("hourly.csv")
struct HourlyCSVTests {
    @Test("hourly.csv has 8,760 rows, a stable header, IT summing to the annual IT energy, facility ≥ IT every hour")
    func hourly() throws {
        let out = try makeTemporaryDirectory()
        let spec = RepositoryPaths.path("Sites/example-small.yaml")
        #expect(runDcplan(["plan", "--quiet", "--out", out.path, spec]).status == 0)
        let text = try String(
            contentsOf: out.appendingPathComponent("example-small/hourly.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let header = [
            "hour", "month", "day", "hour_ending", "dry_bulb_c", "wet_bulb_c", "it_kw", "chain_loss_kw",
            "pumps_fans_kw", "facility_water_heat_kw", "facility_water_mode", "facility_water_plant_kw",
            "air_coil_water_heat_kw", "air_coil_water_mode", "air_coil_water_plant_kw", "facility_water_supply_c",
            "house_loads_kw", "facility_kw", "heat_rejected_kw", "heat_recovered_kw",
        ]
        #expect(lines.first == header.joined(separator: ","))
        #expect(lines.count == 8761) // header + 8,760 hours of the TMYx year
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("example-small/plan.json"))) as? [String: Any])
        let annual = try #require(json["annual"] as? [String: Any])
        let itEnergyMWh = try #require(annual["it_energy_mwh"] as? Double)
        let facilityEnergyMWh = try #require(annual["facility_energy_mwh"] as? Double)
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        var it = 0.0
        var facility = 0.0
        var worstClosure = 0.0
        for (n, line) in lines.dropFirst().enumerated() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(f.count == header.count)
            #expect(Int(f[0]) == n)
            for name in ["month", "day", "hour_ending"] { #expect(Int(f[column[name]!]) != nil) }
            #expect(["free", "partial", "chiller", "off"].contains(f[column["facility_water_mode"]!]))
            let kw = { (name: String) in Double(f[column[name]!]) ?? .nan }
            // Each hour is 1 h long, so kW summed over the hours is kWh.
            it += kw("it_kw")
            facility += kw("facility_kw")
            #expect(kw("facility_kw") >= kw("it_kw"), "hour \(n)")
            // facility = IT + chain losses + pumps and fans + Σ loops' plant + house loads
            let parts =
                ["it_kw", "chain_loss_kw", "pumps_fans_kw", "facility_water_plant_kw", "air_coil_water_plant_kw"]
                .map(kw).reduce(0, +) + kw("house_loads_kw")
            worstClosure = max(worstClosure, abs(kw("facility_kw") - parts))
            // Every number is the shortest text of its rounded value: no `.0`, at most 2 decimals.
            for field in f where Double(field) != nil {
                #expect(!field.hasSuffix(".0") && (field.split(separator: ".").dropFirst().first?.count ?? 0) <= 2)
            }
        }
        // Rounding to 0.1 kW moves each hour by ≤ 0.05 kWh: 8,760 × 0.05 kWh = 0.438 MWh at most, plus
        // plan.json's 0.001 MWh.
        #expect(abs(it / 1000 - itEnergyMWh) <= 0.44, "Σ it_kw = \(it / 1000) MWh, plan.json \(itEnergyMWh) MWh")
        #expect(abs(facility / 1000 - facilityEnergyMWh) <= 0.44)
        // Seven rounded columns, each off by ≤ 0.05 kW.
        #expect(worstClosure <= 0.35 + 1e-9, "worst hour's facility − parts = \(worstClosure) kW")
    }
}
