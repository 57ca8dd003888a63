import Foundation
import Testing
import _PlannerTestSupport

@Suite("dcplan command line")
struct CLITests {
    @Test("catalog list --json prints every entry with the documented keys")
    func catalogListJSON() throws {
        let result = runDcplan(["catalog", "list", "--json"])
        #expect(result.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count >= 9)
        for key in [
            "id", "gpus", "nameplate_kw", "design_kw", "idle_kw", "liquid_fraction", "weight_kg", "source",
            "confidence",
        ] {
            #expect(entries.allSatisfy { $0.keys.contains(key) }, "missing \(key)")
        }
    }

    @Test("catalog show prints one entry; an unknown ID suggests the closest")
    func catalogShow() throws {
        let ok = runDcplan(["catalog", "show", "gb300-nvl72", "--json"])
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any])
        #expect(entry["design_kw"] as? Double == 140)
        #expect(entry["liquid_fraction"] as? Double == 0.92)
        #expect(entry["confidence"] as? String == "M")
        let text = runDcplan(["catalog", "show", "gb300-nvl72"])
        #expect(text.stdout.contains("design: 140.0 kW"))
        let bad = runDcplan(["catalog", "show", "gb300-nvl7"])
        #expect(bad.status == 1)
        #expect(
            bad.stderr == "error: unknown catalogue entry 'gb300-nvl7'; did you mean 'gb300-nvl72', 'gb200-nvl72'?\n")
    }

    @Test("catalog list --kind and show cover cooling, plant, heat pumps and stages; an unknown ID exits 1")
    func catalogKinds() throws {
        let plant = runDcplan(["catalog", "list", "--kind", "plant", "--json"])
        #expect(plant.status == 0, "\(plant.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(plant.stdout.utf8)) as? [[String: Any]])
        #expect(entries.contains { $0["id"] as? String == "dry-cooler-1mw" })
        let dry = runDcplan(["catalog", "show", "dry-cooler-1mw"])
        #expect(dry.status == 0 && dry.stdout.contains("capacity: 1,000.0 kW"), "\(dry.stderr)")
        #expect(runDcplan(["catalog", "list", "--kind", "heat-pump"]).stdout.contains("hp-district-10mw"))
        let bad = runDcplan(["catalog", "show", "crah-18"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("error: unknown catalogue entry 'crah-18'; did you mean 'crah-180'"))
        #expect(runDcplan(["catalog", "list", "--kind", "pump"]).status != 0)
    }

    @Test("an unknown site.country stops the run with exit 1 at file:line:col and writes nothing")
    func unknownCountry() throws {
        let dir = try makeTemporaryDirectory()
        let spec = dir.appendingPathComponent("x.yaml")
        try "version: 1\nsite: { name: T, country: UX }\nhalls: [{ id: h, racks: [{ type: gb300-nvl72, count: 1 }] }]\n"
            .write(to: spec, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let run = runDcplan(["plan", "--out", out.path, spec.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("x.yaml:2:27: error: site.country: unknown country code 'UX'"))
        #expect(run.stderr.contains("did you mean 'US'?"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("plan writes the report, plan.json and CSV tables, byte-identical on a second run")
    func planWritesReports() throws {
        let out = try makeTemporaryDirectory()
        let spec = RepositoryPaths.path("Sites/example-small.yaml")
        let first = runDcplan(["plan", "--out", out.path, spec])
        #expect(first.status == 0, "\(first.stderr)")
        let files = [
            "example-small.md", "example-small/plan.json", "example-small/racks.csv", "example-small/halls.csv",
            "example-small/facility-power.svg", "example-small/load-duration.svg",
            "example-small/bill-of-quantities.csv",
        ]
        let before = try files.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        #expect(runDcplan(["plan", "--quiet", "--out", out.path, spec]).status == 0)
        let after = try files.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        #expect(before == after)
        let json = try #require(try JSONSerialization.jsonObject(with: before[1]) as? [String: Any])
        #expect(json["schema"] as? String == "dcplan.plan/2")
        // Issue 25: plan.json carries the cost and the areas; the bill of quantities has its header.
        let cost = try #require(json["cost"] as? [String: Any])
        for key in [
            "capex_usd", "capex_low_usd", "capex_high_usd", "opex_usd_per_year", "npv_usd", "capex_per_mw_it_usd",
            "cost_per_gpu_hour_usd", "by_system_usd",
        ] {
            #expect(cost[key] != nil, "plan.json cost lacks \(key)")
        }
        let area = try #require(json["area_m2"] as? [String: Any])
        #expect(Set(area.keys).isSuperset(of: ["white_space", "electrical", "mechanical", "yard", "total"]))
        #expect(json["slab_kn_per_m2"] != nil)
        let bill = String(decoding: before[6], as: UTF8.self)
        #expect(bill.hasPrefix("system,hall,item,entry,cost_entry,count,rating,unit,quantity,"))
    }

    @Test("catalog costs lists every unit cost with its currency, year and confidence")
    func catalogCosts() throws {
        let run = runDcplan(["catalog", "costs", "--year", "2027"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("cost-cdu") && run.stdout.contains("USD 2027") && run.stdout.contains("KRW"))
        let json = runDcplan(["catalog", "costs", "--json"])
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count >= 20)
        #expect(
            entries.allSatisfy { $0["low"] != nil && $0["currency"] != nil && $0["year"] != nil && $0["source"] != nil }
        )
    }

    @Test("a spec with an error stops the run with exit 1 and writes nothing")
    func badSpecWritesNothing() throws {
        let dir = try makeTemporaryDirectory()
        let bad = dir.appendingPathComponent("bad.yaml")
        try """
        version: 1
        site: { name: Bad }
        halls:
          - id: hall-a
            racks:
              - { type: gb300-nvl72, count: -3 }
        """.write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let result = runDcplan(["plan", "--out", out.path, RepositoryPaths.path("Sites/example-small.yaml"), bad.path])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "\(bad.path):6:37: error: halls[0].racks[0].count: must be a positive integer, got -3"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(runDcplan(["validate", bad.path]).status == 1)
    }

    @Test("a missing spec file is an error with exit 1")
    func missingFile() {
        let result = runDcplan(["validate", "/nonexistent/x.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("/nonexistent/x.yaml: error: cannot read file"))
    }

    @Test("validate reports every shipped site as ok")
    func validateSites() {
        let result = runDcplan(["validate"] + RepositoryPaths.siteSpecs)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == RepositoryPaths.siteSpecs.count)
    }

    @Test("usage errors exit with 64")
    func usage() {
        #expect(runDcplan(["plan"]).status == 64)
        #expect(runDcplan(["frobnicate"]).status == 64)
        #expect(runDcplan(["plan", "--rollup", "a/b", "x.yaml"]).status == 64)
    }

    @Test("the roll-up writes one report over several sites; a spec given twice is refused, not counted twice")
    func rollup() throws {
        let out = try makeTemporaryDirectory()
        let spec = RepositoryPaths.path("Sites/example-small.yaml")
        // A second site: the example under another name, its weather path made absolute.
        let copy = out.appendingPathComponent("example-copy.yaml").path
        try String(contentsOfFile: spec, encoding: .utf8)
            .replacingOccurrences(of: "weather: weather/", with: "weather: \(RepositoryPaths.path("Sites/weather"))/")
            .write(toFile: copy, atomically: true, encoding: .utf8)
        let result = runDcplan(["plan", "--quiet", "--out", out.path, "--rollup", "both", spec, copy])
        #expect(result.status == 0)
        let text = try String(contentsOf: out.appendingPathComponent("both.md"), encoding: .utf8)
        #expect(text.contains("| **Total** |"))
        let twice = runDcplan(["plan", "--quiet", "--out", out.path + "/t", "--rollup", "both", spec, spec])
        #expect(twice.status == 1)
        #expect(twice.stderr.hasSuffix("is given twice: it would be planned twice and counted twice in a roll-up\n"))
    }
}

@Suite("dcplan plan: power chain")
struct PowerChainCLITests {
    @Test("the DPS example (750 kW feed for 8 GB300 racks) writes its report and exits 2")
    func dpsCapping() throws {
        let out = try makeTemporaryDirectory()
        let spec = RepositoryPaths.path("Tests/PlannerCLITests/Fixtures/dps-capping.yaml")
        let result = runDcplan(["plan", "--quiet", "--out", out.path, spec])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("error: site.grid.capacity_mw: utility connection: usable capacity 750 kW is below"))
        let report = try String(contentsOf: out.appendingPathComponent("dps-capping.md"), encoding: .utf8)
        #expect(report.contains("capping needed"))
    }

    @Test(
        "a plant without chillers that cannot hold 32 °C water at the Seoul design condition writes its report and exits 2"
    )
    func plantShort() throws {
        let out = try makeTemporaryDirectory()
        let spec = RepositoryPaths.path("Tests/PlannerCLITests/Fixtures/no-chillers.yaml")
        let result = runDcplan(["plan", "--quiet", "--out", out.path, spec])
        #expect(result.status == 2)
        // The 1.04 MW loop on its 3 dry coolers (2 required for the 1.11 MW they would reject with chillers,
        // + 1 spare): 33.8 °C + 8 K × 1.04/3 = 36.6 °C leaving them, with no chiller to trim it (DESIGN.md §5.12).
        #expect(
            result.stderr.contains(
                "error: cooling.plant.facility_water.chiller_units: the plant cannot hold the facility water set point "
                    + "of 32 °C"))
        #expect(result.stderr.contains("water reaches 36.6 °C"))
        let report = try String(contentsOf: out.appendingPathComponent("no-chillers.md"), encoding: .utf8)
        #expect(report.contains("36.6 (**above set point**)"))
    }

    @Test(
        "a hall whose unit sites are all out of reach is infeasible: the report names the short racks and why, and plan exits 2"
    )
    func placementInfeasible() throws {
        let out = try makeTemporaryDirectory()
        let spec = RepositoryPaths.path("Tests/PlannerCLITests/Fixtures/placement-infeasible.yaml")
        let result = runDcplan(["plan", "--quiet", "--out", out.path, spec])
        #expect(result.status == 2)
        // 4 racks × 140 kW × 0.92 = 515.2 kW of liquid heat, none of it within 25 m of a site at x = 60 m
        #expect(
            result.stderr.contains(
                "error: halls[0]: hall 'far', CDU placement is infeasible: 515.2 kW of heat cannot be served with N+1"))
        #expect(result.stderr.contains("R1 short 128.8 kW (no candidate site is within reach)"))
        let report = try String(contentsOf: out.appendingPathComponent("placement-infeasible.md"), encoding: .utf8)
        #expect(report.contains("**Infeasible**: the elastic solution leaves these racks short"))
        #expect(report.contains("| R4 | 128.8 | no candidate site is within reach |"))
    }

    /// Plans the example site with `--dump-lp`: the output folder, the models' folder and plan.json's halls.
    static func planExampleDumpingLP() throws -> (out: URL, lp: URL, halls: [[String: Any]]) {
        let out = try makeTemporaryDirectory()
        let lp = out.appendingPathComponent("lp")
        let spec = RepositoryPaths.path("Sites/example-small.yaml")
        #expect(runDcplan(["plan", "--quiet", "--out", out.path, "--dump-lp", lp.path, spec]).status == 0)
        let data = try Data(contentsOf: out.appendingPathComponent("example-small/plan.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (out, lp, try #require(json["halls"] as? [[String: Any]]))
    }

    @Test("plan.json gives each placed hall its status, objective and units; --dump-lp writes each hall's MPS")
    func placementJSONAndExport() throws {
        let (out, lp, halls) = try Self.planExampleDumpingLP()
        let placement = try #require(halls[0]["placement"] as? [String: Any])
        #expect(placement["status"] as? String == "optimal")
        #expect(placement["objective_usd"] is Double)
        let units = try #require(placement["units"] as? [[String: Any]])
        #expect(
            units.contains { $0["medium"] as? String == "liquid" }
                && units.contains { $0["medium"] as? String == "air" })
        for unit in units {
            // no unit above its rating, normally or after any single failure
            let capacity = try #require(unit["capacity_kw"] as? Double)
            #expect(try #require(unit["load_kw"] as? Double) <= capacity + 1e-6)
            #expect(try #require(unit["max_load_after_failure_kw"] as? Double) <= capacity + 1e-6)
        }
        #expect(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("example-small/floor-hall-a.svg").path))
        for hall in ["hall-a", "hall-b"] {
            // One program per hall: both media on one floor.
            let mps = lp.appendingPathComponent("example-small/\(hall)-floor.mps").path
            #expect(FileManager.default.fileExists(atPath: mps))
        }
    }

    @Test(
        "glpsol solves each hall's --dump-lp MPS (liquid and air on one floor) to the placement objective in plan.json",
        .enabled(if: Glpsol.isInstalled, "glpsol is not installed"))
    func placementExportSolvedByGlpsol() throws {
        let (_, lp, halls) = try Self.planExampleDumpingLP()
        #expect(halls.count == 2)
        for hall in halls {
            let id = try #require(hall["id"] as? String)
            let placement = try #require(hall["placement"] as? [String: Any])
            try #require(placement["status"] as? String == "optimal")
            // The hall's objective is the sum of its two media's (USD, written to the cent), and the
            // exported program holds both.
            let objective = try #require(placement["objective_usd"] as? Double)
            let solution = try Glpsol.solve(lp.appendingPathComponent("example-small/\(id)-floor.mps").path)
            #expect(solution.status == "INTEGER OPTIMAL", "\(id)")
            #expect(solution.sense == "MINimum", "\(id)")
            let total = solution.objective
            // Both solves are proven optimal, so they agree to GLPK's tolerance (1e-6 relative, as in
            // PlacementTests) plus the cent plan.json rounds to.
            #expect(
                isClose(total, objective, relative: 1e-6, absolute: 0.01), "\(id): glpsol \(total), plan \(objective)")
        }
    }

    @Test("--distribution overrides the spec and shows in the report's command")
    func distributionOverride() throws {
        let out = try makeTemporaryDirectory()
        let spec = RepositoryPaths.path("Sites/example-small.yaml")
        #expect(runDcplan(["plan", "--quiet", "--distribution", "dc-800v", "--out", out.path, spec]).status == 0)
        let report = try String(contentsOf: out.appendingPathComponent("example-small.md"), encoding: .utf8)
        #expect(report.contains("### Hall `hall-a`: dc-800v"))
        #expect(report.contains("dcplan plan --distribution dc-800v "))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("example-small/plan.json"))) as? [String: Any])
        #expect((json["facility_power_kw"] as? [String: Double])?["design"] != nil)
        #expect((json["grid"] as? [String: Any])?["interconnect_kv"] as? Double == 22.9)
        let hall = try #require((json["halls"] as? [[String: Any]])?.first)
        let stages = try #require(hall["power_chain"] as? [[String: Any]])
        #expect(stages.map { $0["stage"] as? String }.contains("SST to 800 VDC"))
        #expect(runDcplan(["plan", "--distribution", "ac-400v", spec]).status == 64)
    }
}

@Suite("dcplan catalog stages")
struct StageCatalogCLITests {
    @Test("catalog stages lists every built-in stage with its fitted loss coefficients in JSON")
    func stagesJSON() throws {
        let result = runDcplan(["catalog", "stages", "--json"])
        #expect(result.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let ids = entries.compactMap { $0["id"] as? String }
        #expect(ids.contains("ups-double-conversion") && ids.contains("sst-22.9kv-800vdc"))
        let ups = try #require(entries.first { $0["id"] as? String == "ups-double-conversion" })
        #expect((ups["efficiency_points"] as? [[String: Double]])?.count == 4)
        #expect(ups["loss_a"] is Double)
        #expect(runDcplan(["catalog", "stages"]).stdout.contains("orv3-power-shelf-33kw"))
    }
}

@Suite("dcplan plan: weather")
struct WeatherCLITests {
    @Test("a truncated EPW stops the run with exit 1 and names the file and line")
    func truncatedEPW() throws {
        let dir = try makeTemporaryDirectory()
        let source = RepositoryPaths.path("Sites/weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw")
        let lines = try String(contentsOfFile: source, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        try lines.prefix(100).joined(separator: "\n").write(
            to: dir.appendingPathComponent("short.epw"), atomically: true, encoding: .utf8)
        let spec = dir.appendingPathComponent("s.yaml")
        try """
        version: 1
        site: { name: S, weather: short.epw }
        halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 2 }] }]
        """.write(to: spec, atomically: true, encoding: .utf8)
        let result = runDcplan(["plan", "--out", dir.appendingPathComponent("out").path, spec.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: site.weather: "))
        #expect(result.stderr.contains("short.epw:"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test("plan.json carries the annual PUE, WUE and hours per mode")
    func annualJSON() throws {
        let out = try makeTemporaryDirectory()
        #expect(
            runDcplan(["plan", "--quiet", "--out", out.path, RepositoryPaths.path("Sites/example-small.yaml")]).status
                == 0)
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("example-small/plan.json"))) as? [String: Any])
        let annual = try #require(json["annual"] as? [String: Any])
        #expect((annual["pue"] as? Double).map { $0 > 1 } == true)
        #expect((annual["hours"] as? [String: Int])?.values.reduce(0, +) == 8760)
        #expect((json["design_conditions"] as? [String: Double])?["dry_bulb_c"] == 33.8)
        let hall = try #require((json["halls"] as? [[String: Any]])?.first)
        let cdus = try #require((hall["cooling"] as? [String: [String: Any]])?["cdus"])
        // hall-a: 16 GB300 × 128.8 kW = 2,060.8 kW of liquid heat → 2 × 1,350 kW CDUs + 1 spare (N+1)
        #expect(cdus["load_kw"] as? Double == 2060.8)
        #expect(cdus["required"] as? Int == 2 && cdus["installed"] as? Int == 3)
    }
}

@Suite("CLI polish")
struct CLIPolishTests {
    @Test("dcplan init writes a starter spec that validates, and will not overwrite it without --force")
    func initSpec() throws {
        let dir = try makeTemporaryDirectory()
        let path = dir.appendingPathComponent("site.yaml").path
        #expect(runDcplan(["init", path]).status == 0)
        let validated = runDcplan(["validate", path])
        #expect(validated.status == 0 && validated.stderr.isEmpty, "\(validated.stderr)")
        #expect(validated.stdout.contains("ok (1 hall spec, 2,304 GPUs)"))
        let again = runDcplan(["init", path])
        #expect(again.status == 1 && again.stderr.contains("exists; pass --force"))
        #expect(runDcplan(["init", "--force", path]).status == 0)
    }

    @Test("validate --json gives each finding with file, line, column and severity, and exits 1 on an error")
    func validateJSON() throws {
        let dir = try makeTemporaryDirectory()
        let path = dir.appendingPathComponent("bad.yaml").path
        try "version: 1\nsite: { name: x }\nhalls: [{ id: h, racks: [{ type: gb300-nvl72, count: -3 }] }]\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = runDcplan(["validate", "--json", path])
        #expect(result.status == 1)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["line"] as? Int == 3 && items.first?["column"] as? Int == 54)
        #expect(items.first?["severity"] as? String == "error")
        #expect(items.first?["subject"] as? String == "halls[0].racks[0].count")
        let ok = runDcplan(["validate", "--json", RepositoryPaths.path("Sites/example-small.yaml")])
        #expect(ok.status == 0)
    }

    @Test("completion scripts are generated for bash, zsh and fish", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) {
        let result = runDcplan(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("sweep") && result.stdout.contains("schema"))
    }

    @Test(
        "every command's help ends with examples",
        arguments: [
            ["init"], ["validate"], ["plan"], ["sweep", "run"], ["sweep", "merge"], ["catalog"], ["catalog", "list"],
            ["catalog", "show"], ["catalog", "stages"], ["schema"], ["benchmark"], ["import"], ["import", "netbox"],
            ["import", "csv"],
        ])
    func helpExamples(command: [String]) {
        let result = runDcplan(["help"] + command)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"), "\(command.joined(separator: " ")): \(result.stdout)")
    }
}
