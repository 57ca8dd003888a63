import PlannerModel
import Testing

@testable import SiteSpec

/// The electrical keys: `site.grid` interconnect, `power`, and `halls[].power`.
@Suite("Power keys")
struct PowerSpecTests {
    /// A spec with one hall of 10 GB300 racks (1,400 kW design) whose `power:` mapping is `power`.
    func hallPower(_ power: String) -> LoadResult {
        load("version: 1\nsite: { name: T }\nhalls:\n  - id: h\n    power: \(power)\n    racks: [{ type: gb300-nvl72, count: 10 }]\n")
    }

    @Test("hall power keys load into the hall's distribution and UPS")
    func loads() throws {
        let result = hallPower("{ distribution: dc-800v, ups: { topology: 4N/3, module_kw: 250, mode: eco }, electrical_room_m: 30 }")
        let hall = try #require(result.site?.halls.first)
        #expect(hall.power.distribution == .dc800)
        #expect(hall.power.ups.redundancy == .distributed(x: 4, y: 3))
        #expect(hall.power.ups.moduleRating == .kilowatts(250))
        #expect(hall.power.ups.mode == .eco)
        #expect(hall.power.electricalRoomDistance == .metres(30))
    }

    @Test("without power keys a hall gets 415 VAC with N+1 1 MW double-conversion UPS modules")
    func defaults() throws {
        let hall = try #require(hallPower("{}").site?.halls.first)
        #expect(hall.power == HallPower())
        #expect(hall.power.distribution == .ac415)
        #expect(hall.power.ups == UPSSpec(redundancy: .nPlus(1), moduleRating: .kilowatts(1000), mode: .doubleConversion))
    }

    @Test("an unknown distribution or topology is an error at the value")
    func unknownChoices() {
        #expect(hallPower("{ distribution: ac-400v }").findings.map(\.formatted) == [
            "Sites/x.yaml:5:28: error: halls[0].power.distribution: must be one of ac-415v, ac-480v, dc-800v; got \"ac-400v\"",
        ])
        let topology = hallPower("{ ups: { topology: 5N/7 } }").findings.map(\.formatted)
        #expect(topology.count == 1)
        #expect(topology.first?.hasPrefix("Sites/x.yaml:5:31: error: halls[0].power.ups.topology: ") == true)
    }

    @Test("a UPS module larger than the hall's design IT load is an error")
    func moduleLargerThanHall() {
        // 10 × 140 kW = 1,400 kW of design IT
        #expect(hallPower("{ ups: { module_kw: 2000 } }").findings.map(\.formatted) == [
            "Sites/x.yaml:5:32: error: halls[0].power.ups.module_kw: a UPS module of 2000 kW is larger than the hall's design IT load of 1400 kW; use smaller modules",
        ])
        #expect(hallPower("{ ups: { module_kw: 1400 } }").findings.isEmpty)
    }

    @Test("a zero interconnect voltage and a swing factor below one are errors")
    func gridAndTransients() {
        let findings = diagnostics("""
            version: 1
            site: { name: T, grid: { interconnect_kv: 0, main_transformers: 2N } }
            power: { voltage_drop_limit_percent: 3, transients: { swing_factor: 0.8, smoothing: pdu } }
            halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 1 }] }]
            """)
        #expect(findings == [
            "Sites/x.yaml:2:43: error: site.grid.interconnect_kv: must be positive, got 0",
            "Sites/x.yaml:3:69: error: power.transients.swing_factor: must be within 1–10 (peak over steady power), got 0.8",
            "Sites/x.yaml:3:85: error: power.transients.smoothing: must be one of rack, row, hall, site, none; got \"pdu\"",
        ])
    }

    @Test("site electrical keys load with their units")
    func siteKeys() throws {
        let site = try #require(load("""
            version: 1
            site: { name: T, grid: { interconnect_kv: 154, capacity_mw: 120, main_transformers: 2N } }
            power: { voltage_drop_limit_percent: 2.5, transients: { swing_factor: 1.3, duration_ms: 50, smoothing: row } }
            halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 1 }] }]
            """).site)
        #expect(site.electrical.interconnectVoltage == .kilovolts(154))
        #expect(site.electrical.gridCapacity == .megawatts(120))
        #expect(site.electrical.mainTransformers == .twoN)
        #expect(site.electrical.voltageDropLimit == .percent(2.5))
        #expect(site.electrical.swingFactor == 1.3)
        #expect(site.electrical.swingDuration == .milliseconds(50))
        #expect(site.electrical.smoothing == .row)
    }
}
