import PlannerModel
import Testing

@testable import SiteSpec

/// The electrical keys: `site.grid` interconnect, `power`, and `halls[].power`.
@Suite("Power keys")
struct PowerSpecTests {
    /// A spec with one hall of 10 GB300 racks (1,400 kW design) whose `power:` mapping is `power`.
    func hallPower(_ power: String) -> LoadResult {
        load(
            "version: 1\nsite: { name: T }\nhalls:\n  - id: h\n    power: \(power)\n    racks: [{ type: gb300-nvl72, "
                + "count: 10 }]\n"
        )
    }

    @Test("hall power keys load into the hall's distribution and UPS")
    func loads() throws {
        let result = hallPower(
            "{ distribution: dc-800v, topology: 4N/3, ups: { topology: N+2, module_kw: 250, mode: eco }, "
                + "electrical_room_m: 30 }")
        let hall = try #require(result.site?.halls.first)
        #expect(hall.power.distribution == .dc800)
        #expect(hall.power.topology == .distributed(x: 4, y: 3))
        #expect(hall.power.ups.redundancy == .nPlus(2))
        #expect(hall.power.ups.moduleRating == .kilowatts(250))
        #expect(hall.power.ups.mode == .eco)
        #expect(hall.power.electricalRoomDistance == .metres(30))
    }

    @Test("without power keys a hall gets 415 VAC with N+1 1 MW double-conversion UPS modules")
    func defaults() throws {
        let hall = try #require(hallPower("{}").site?.halls.first)
        #expect(hall.power == HallPower())
        #expect(hall.power.distribution == .ac415)
        #expect(
            hall.power.ups == UPSSpec(redundancy: .nPlus(1), moduleRating: .kilowatts(1000), mode: .doubleConversion))
    }

    @Test("an unknown distribution or topology is an error at the value")
    func unknownChoices() {
        #expect(
            hallPower("{ distribution: ac-400v }").findings.map(\.formatted) == [
                "Sites/x.yaml:5:28: error: halls[0].power.distribution: must be one of ac-415v, ac-480v, dc-800v; got "
                    + "\"ac-400v\""
            ])
        let topology = hallPower("{ ups: { topology: 5N/7 } }").findings.map(\.formatted)
        #expect(topology.count == 1)
        #expect(topology.first?.hasPrefix("Sites/x.yaml:5:31: error: halls[0].power.ups.topology: ") == true)
    }

    @Test("a UPS module larger than the hall's design IT load is an error")
    func moduleLargerThanHall() {
        // 10 × 140 kW = 1,400 kW of design IT
        #expect(
            hallPower("{ ups: { module_kw: 2000 } }").findings.map(\.formatted) == [
                "Sites/x.yaml:5:32: error: halls[0].power.ups.module_kw: a UPS module of 2000 kW is larger than the "
                    + "hall's design IT load of 1400 kW; use smaller modules"
            ])
        #expect(hallPower("{ ups: { module_kw: 1400 } }").findings.isEmpty)
    }

    @Test("a zero interconnect voltage and a swing factor below one are errors")
    func gridAndTransients() {
        let findings = diagnostics(
            """
            version: 1
            site: { name: T, grid: { interconnect_kv: 0, main_transformers: 2N } }
            power: { voltage_drop_limit_percent: 3, transients: { swing_factor: 0.8, smoothing: pdu } }
            halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 1 }] }]
            """)
        #expect(
            findings == [
                "Sites/x.yaml:2:43: error: site.grid.interconnect_kv: must be within 0.1–1000 kV, got 0",
                "Sites/x.yaml:3:69: error: power.transients.swing_factor: must be within 1–10 (peak over steady "
                    + "power), got 0.8",
                "Sites/x.yaml:3:85: error: power.transients.smoothing: must be one of rack, row, hall, site, none; got "
                    + "\"pdu\"",
            ])
    }

    @Test("site electrical keys load with their units")
    func siteKeys() throws {
        let site = try #require(
            load(
                """
                version: 1
                site: { name: T, grid: { interconnect_kv: 154, capacity_mw: 120, main_transformers: 2N } }
                power: { voltage_drop_limit_percent: 2.5, transients: { swing_factor: 1.3, duration_ms: 50, smoothing: \
                row } }
                halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 1 }] }]
                """
            ).site)
        #expect(site.electrical.interconnectVoltage == .kilovolts(154))
        #expect(site.electrical.gridCapacity == .megawatts(120))
        #expect(site.electrical.mainTransformers == .twoN)
        #expect(site.electrical.voltageDropLimit == .percent(2.5))
        #expect(site.electrical.swingFactor == 1.3)
        #expect(site.electrical.swingDuration == .milliseconds(50))
        #expect(site.electrical.smoothing == .row)
    }
}

/// Custom chains (`halls[].power.chain`) and stage entries (`catalog.stages`).
@Suite("Custom power chains")
struct CustomChainTests {
    /// A hall of 20 GB300 racks with the chain `stages` (flow mappings), and `catalog.stages`.
    func spec(_ stages: [String], catalog: [String] = []) -> LoadResult {
        var lines = ["version: 1", "site: { name: T }", "halls:", "  - id: h", "    power:", "      chain:"]
        lines += stages.map { "        - \($0)" }
        lines += ["    racks: [{ type: gb300-nvl72, count: 20 }]"]
        if !catalog.isEmpty { lines += ["catalog:", "  stages:"] + catalog.map { "    - \($0)" } }
        return load(lines.joined(separator: "\n"))
    }

    let ac = [
        "{ stage: mv-switchgear-22.9kv, redundancy: 2N }", "{ stage: mv-lv-transformer-2500kva-415v }",
        "{ stage: ups-1250, redundancy: 3N/2 }", "{ stage: orv3-power-shelf-33kw }",
    ]
    let ups1250 =
        "{ id: ups-1250, based_on: ups-double-conversion, rating_kw: 1250, efficiency: [{ load_percent: 50, "
        + "efficiency_percent: 97.5 }, { load_percent: 100, efficiency_percent: 97 }], source: vendor }"

    @Test("a custom chain with a spec stage entry loads, and its distribution follows its rack side")
    func loads() throws {
        let result = spec(ac, catalog: [ups1250])
        let hall = try #require(result.site?.halls.first, "\(result.findings.map(\.formatted))")
        let chain = try #require(hall.power.customChain)
        #expect(
            chain.map(\.entry.id) == [
                "mv-switchgear-22.9kv", "mv-lv-transformer-2500kva-415v", "ups-1250", "orv3-power-shelf-33kw",
            ])
        #expect(chain[2].redundancy == .threeNOverTwo)
        #expect(chain[2].unitRating == .kilowatts(1250))
        #expect(hall.power.distribution == .ac415)
        // two points refit a + c·x²: the curve passes through both (η = x/(x + a + c·x²))
        #expect(abs(chain[2].entry.curve.efficiency(at: .percent(50)).percent - 97.5) < 1e-9)
        #expect(abs(chain[2].entry.curve.efficiency(at: .percent(100)).percent - 97) < 1e-9)
    }

    @Test("a chain missing its MV/LV transformer names the gap")
    func missingStage() {
        var stages = ac
        stages.remove(at: 1)
        #expect(
            spec(stages, catalog: [ups1250]).findings.map(\.formatted) == [
                "Sites/x.yaml:6:7: error: halls[0].power: a stage is missing between 'MV switchgear 22.9 kV lineup, 40 "
                    + "MVA' (delivers 22.9 kV AC) and 'UPS, double conversion (1 MW module) (ups-1250)' (takes "
                    + "low-voltage AC)"
            ])
    }

    @Test("a chain that stops short of the racks or starts at the main transformer is an error")
    func endsAndStarts() {
        let short = spec(Array(ac.dropLast()), catalog: [ups1250]).findings.map(\.formatted)
        #expect(short.count == 1)
        #expect(short.first?.contains("the chain must end at the racks") == true)
        let main = spec(["{ stage: main-transformer-154-22.9kv }"] + ac, catalog: [ups1250]).findings.map(\.formatted)
        #expect(main.first?.contains("main transformers serve the whole site") == true)
    }

    @Test("an efficiency above 100 % is an error at the value")
    func efficiencyAboveHundred() {
        let entry = ups1250.replacingOccurrences(of: "efficiency_percent: 97 }", with: "efficiency_percent: 101 }")
        let findings = spec(ac, catalog: [entry]).findings.map(\.formatted)
        #expect(findings.count == 1)
        #expect(
            findings.first?.hasSuffix(
                "catalog.stages[0].efficiency[1].efficiency_percent: must be within 50–100 %, got 101")
                == true)
    }

    @Test("an unknown stage suggests the closest built-in one")
    func unknownStage() {
        let findings = spec(
            ac.map { $0.replacingOccurrences(of: "orv3-power-shelf-33kw", with: "orv3-power-shelf-33") },
            catalog: [ups1250]
        )
        .findings.map(\.formatted)
        #expect(
            findings == [
                "Sites/x.yaml:10:20: error: halls[0].power.chain[3].stage: unknown stage 'orv3-power-shelf-33'; did "
                    + "you mean 'orv3-power-shelf-33kw'?"
            ])
    }

    @Test("a distribution that contradicts the custom chain is an error")
    func distributionMismatch() {
        let yaml = """
            version: 1
            site: { name: T }
            halls:
              - id: h
                power:
                  distribution: dc-800v
                  chain: [{ stage: mv-switchgear-22.9kv }, { stage: mv-lv-transformer-2500kva-415v }, { stage: \
            orv3-power-shelf-33kw }]
                racks: [{ type: gb300-nvl72, count: 20 }]
            """
        #expect(
            load(yaml).findings.map(\.formatted) == [
                "Sites/x.yaml:6:21: error: halls[0].power.distribution: dc-800v does not match the custom chain, which "
                    + "feeds the racks at ac-415v; leave 'distribution' out or make them agree"
            ])
    }
}

/// The `cooling` section.
@Suite("Cooling keys")
struct CoolingSpecTests {
    func cooling(_ section: String) -> LoadResult {
        load(
            "version: 1\nsite: { name: T }\ncooling: \(section)\nhalls: [{ id: h, racks: [{ type: gb300-nvl72, count: "
                + "4 }] }]\n"
        )
    }

    @Test("cooling keys choose equipment and set points over the defaults")
    func loads() throws {
        let c = try #require(
            cooling(
                "{ tcs_supply_c: 40, heat_rejection: cooling-tower-2mw, approach_k: 5, chiller: chiller-screw-ac-1500, "
                    + "cdu_redundancy: 2N }"
            ).site?.cooling)
        #expect(c.tcsSupply == .celsius(40))
        #expect(c.economiser.id == "cooling-tower-2mw")
        #expect(c.economiser.approach == .kelvins(5))
        #expect(c.chiller.id == "chiller-screw-ac-1500")
        #expect(c.cduRedundancy == .twoN)
        #expect(c.cdu.id == "cdu-liquidstack-1mw") // default kept
        #expect(c.chillerUnits.isEmpty && c.airSupply == .celsius(25)) // defaults kept
    }

    @Test("a daily workload profile needs 24 non-negative values; each bad one is reported where it is")
    func dailyProfile() throws {
        func workload(_ list: String) -> LoadResult {
            load(
                "version: 1\nsite: { name: T }\nworkload: { daily_profile_percent: \(list) }\nhalls: [{ id: h, racks: "
                    + "[{ type: gb300-nvl72, count: 4 }] }]\n"
            )
        }
        let day = Array(repeating: "100", count: 12) + Array(repeating: "50", count: 12)
        let site = try #require(workload("[\(day.joined(separator: ", "))]").site)
        #expect(site.dailyProfile?.count == 24 && site.dailyProfile?[12] == .percent(50))
        #expect(
            workload("[100, 90]").findings.map(\.formatted) == [
                "Sites/x.yaml:3:36: error: workload.daily_profile_percent: must list 24 hourly values (00:00–01:00 "
                    + "first), got 2"
            ])
        let negative = ["-5"] + Array(repeating: "100", count: 23)
        #expect(
            workload("[\(negative.joined(separator: ", "))]").findings.map(\.formatted) == [
                "Sites/x.yaml:3:37: error: workload.daily_profile_percent[0]: must be within 0–1000 % of the sustained "
                    + "utilisation, got -5"
            ])
    }

    @Test(
        "chiller count, chiller redundancy and supply air are read; out-of-range values are errors with line and column"
    )
    func chillersAndAir() throws {
        let c = try #require(
            cooling("{ plant: { facility_water: { chiller_units: 0 } }, chiller_redundancy: 2N, air_supply_c: 27 }")
                .site?.cooling)
        #expect(c.chillerUnits == [.liquid: 0] && c.chillerRedundancy == .twoN && c.airSupply == .celsius(27))
        #expect(
            cooling("{ plant: { air_coil_water: { chiller_units: -1 } } }").findings.map(\.formatted) == [
                "Sites/x.yaml:3:54: error: cooling.plant.air_coil_water.chiller_units: must be a non-negative "
                    + "integer, got -1"
            ])
        #expect(
            cooling("{ air_supply_c: 50 }").findings.map(\.formatted) == [
                "Sites/x.yaml:3:26: error: cooling.air_supply_c: must be within 5–45 °C (ASHRAE A4 allowable), got 50"
            ])
    }

    @Test("a zero approach, an unknown unit and a CDU smaller than one rack are errors")
    func errors() {
        // GB300: 140 kW × 0.92 = 128.8 kW of liquid heat per rack fits the 150 kW in-rack CDU; a 200 kW
        // variant (200 × 0.92 = 184 kW) does not.
        #expect(
            cooling("{ approach_k: 0 }").findings.map(\.formatted) == [
                "Sites/x.yaml:3:24: error: cooling.approach_k: must be within 0–50 K and above 0, got 0"
            ])
        #expect(
            cooling("{ heat_rejection: dry-cooler-2mw }").findings.map(\.formatted) == [
                "Sites/x.yaml:3:28: error: cooling.heat_rejection: unknown heat-rejection unit 'dry-cooler-2mw'; did "
                    + "you mean 'dry-cooler-1mw'?"
            ])
        #expect(cooling("{ cdu: cdu-in-rack-150 }").findings.isEmpty)
        let tiny = load(
            """
            version: 1
            site: { name: T }
            cooling: { cdu: cdu-in-rack-150 }
            halls: [{ id: h, racks: [{ type: big, count: 1 }] }]
            catalog:
              racks: [{ id: big, based_on: gb300-nvl72, design_kw: 200, nameplate_kw: 200, source: test }]
            """)
        #expect(
            tiny.findings.map(\.formatted) == [
                "Sites/x.yaml:3:17: error: cooling.cdu: CDU 'cdu-in-rack-150' carries 150 kW, less than one rack's "
                    + "liquid heat of 184 kW"
            ])
    }

    @Test(
        "placement keys load; a zero time limit, an empty site list, a 30 m rack pitch and an in-rack CDU are errors where they are written"
    )
    func placementKeys() throws {
        let ok = load(
            "version: 1\nsite: { name: T }\nplacement: { time_limit_s: 5, mip_gap_percent: 1, site_pitch_m: 2.4 "
                + "}\nhalls: [{ id: h, layout: { rows: 1, racks_per_row: 4, unit_sites: [{ x_m: 0, y_m: 0 }, { x_m: 3, "
                + "y_m: 0 }] }, racks: [{ type: gb300-nvl72, count: 4 }] }]\n"
        )
        let site = try #require(ok.site)
        #expect(
            site.placement
                == PlacementChoices(enabled: true, timeLimit: .seconds(5), mipGap: .percent(1), sitePitch: .metres(2.4))
        )
        #expect(site.halls[0].layout?.unitSites == [.metres(0, 0), .metres(3, 0)])
        #expect(
            diagnostics(
                "version: 1\nsite: { name: T }\nplacement: { time_limit_s: 0 }\nhalls: [{ id: h, racks: [{ type: "
                    + "gb300-nvl72, count: 4 }] }]\n"
            ) == [
                "Sites/x.yaml:3:28: error: placement.time_limit_s: must be within 0.1–86400 s, got 0"
            ])
        #expect(
            diagnostics(
                "version: 1\nsite: { name: T }\nplacement: {}\nhalls: [{ id: h, layout: { rows: 1, racks_per_row: 4, "
                    + "unit_sites: [] }, racks: [{ type: gb300-nvl72, count: 4 }] }]\n"
            ) == [
                "Sites/x.yaml:4:67: error: halls[0].layout.unit_sites: must list at least one candidate site"
            ])
        // rack pitch 30 m: beyond any rack (and beyond the CDU's 25 m reach), out of range before placement
        let far = diagnostics(
            "version: 1\nsite: { name: T }\nplacement: {}\nhalls: [{ id: h, layout: { rows: 1, racks_per_row: 4, "
                + "rack_pitch_m: 30 }, racks: [{ type: gb300-nvl72, count: 4 }] }]\n"
        )
        #expect(far == ["Sites/x.yaml:4:69: error: halls[0].layout.rack_pitch_m: must be within 0.3–3 m, got 30"])
        let inRack = diagnostics(
            "version: 1\nsite: { name: T }\ncooling: { cdu: cdu-in-rack-150 }\nplacement: {}\nhalls: [{ id: h, racks: "
                + "[{ type: gb300-nvl72, count: 4 }] }]\n"
        )
        #expect(inRack.contains { $0.contains("'cdu-in-rack-150' has no reach and cost for placement") })
    }
}
