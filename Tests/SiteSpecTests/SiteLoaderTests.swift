import Catalogue
import Foundation
import PlannerModel
import Testing
import _PlannerTestSupport

@testable import SiteSpec

@Suite("Loading valid specs")
struct SiteLoaderTests {
    let builtIn = Catalogue.builtIn

    @Test("a full spec loads into the Site it describes, with no findings")
    func fullSpec() throws {
        let result = try withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory + "/weather", withIntermediateDirectories: false)
            try writeFile(directory + "/weather/seoul.epw", "LOCATION")
            return load(
                """
                version: 1
                site:
                  name: Pyeongtaek campus
                  operator: Samsung Electronics
                  location: Pyeongtaek, KR
                  weather: weather/seoul.epw
                  grid: { frequency_hz: 50 }
                  commissioning: 2027-07
                workload: { utilisation_percent: 70 }
                halls:
                  - id: hall-a
                    copies: 4
                    utilisation_percent: 90
                    layout: { rows: 12, racks_per_row: 15, rack_pitch_m: 0.75, aisle_m: 1.8 }
                    racks:
                      - { type: gb300-nvl72, count: 172 }
                      - { type: network-rack, count: 8 }
                  - id: hall-b
                    racks: [{ type: dgx-b300-rack, count: 20 }]
                """, baseDirectory: directory)
        }
        #expect(result.findings == [])
        let site = try #require(result.site)
        #expect(site.name == "Pyeongtaek campus")
        #expect(site.operatorName == "Samsung Electronics")
        #expect(site.location == "Pyeongtaek, KR")
        #expect(site.weatherPath?.hasSuffix("/weather/seoul.epw") == true)
        #expect(site.gridFrequencyHz == 50)
        #expect(site.commissioning == "2027-07")
        #expect(site.utilisation == .percent(70))
        #expect(site.halls.map(\.id) == ["hall-a", "hall-b"])

        let hallA = site.halls[0]
        #expect(hallA.copies == 4)
        #expect(hallA.utilisation == .percent(90))
        #expect(hallA.layout == HallLayout(rows: 12, racksPerRow: 15, rackPitch: .metres(0.75), aisle: .metres(1.8)))
        #expect(hallA.rackGroups.map(\.system.id) == ["gb300-nvl72", "network-rack"])
        #expect(hallA.rackGroups.map(\.count) == [172, 8])
        #expect(hallA.rackGroups[0].system == builtIn.entry("gb300-nvl72"))
    }

    @Test("optional keys take their documented defaults")
    func defaults() throws {
        let result = load(
            """
            version: 1
            site: { name: Minimal }
            halls:
              - id: h1
                layout: { rows: 2, racks_per_row: 5 }
                racks: [{ type: gb200-nvl72, count: 10 }]
            """)
        #expect(result.findings == [])
        let site = try #require(result.site)
        #expect(site.operatorName == nil)
        #expect(site.location == nil)
        #expect(site.weatherPath == nil)
        #expect(site.commissioning == nil)
        #expect(site.gridFrequencyHz == 60)
        #expect(site.utilisation == .percent(80))
        let hall = try #require(site.halls.first)
        #expect(hall.copies == 1)
        #expect(hall.utilisation == nil)
        #expect(hall.layout == HallLayout(rows: 2, racksPerRow: 5, rackPitch: .metres(0.6), aisle: .metres(1.2)))
    }

    @Test("the example in Sites/README.md loads without findings")
    func readmeExample() throws {
        let readme = try String(contentsOfFile: packageRoot + "/Sites/README.md", encoding: .utf8)
        let yaml = try #require(
            readme.components(separatedBy: "```yaml\n").dropFirst().first?
                .components(separatedBy: "```").first)
        let result = SiteLoader().load(yaml: yaml, path: "Sites/README.md", baseDirectory: packageRoot + "/Sites")
        #expect(result.findings.map(\.formatted) == [])
        #expect(result.site?.halls.first?.rackGroups.map(\.count) == [32, 4])
        #expect(result.catalogue.entry("gb300-nvl72-135")?.designPower == .kilowatts(135))
    }

    @Test("every spec in Sites/ loads without findings")
    func sitesFolder() throws {
        let folder = packageRoot + "/Sites"
        let specs = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
            .sorted()
        #expect(!specs.isEmpty)
        for spec in specs {
            let result = SiteLoader().load(path: folder + "/" + spec)
            #expect(result.findings.map(\.formatted) == [], "\(spec)")
            #expect(result.site != nil, "\(spec)")
        }
    }

    @Test("load(path:) reads the file and resolves the weather path against the spec's folder")
    func loadFromFile() throws {
        try withTemporaryDirectory { directory in
            try writeFile(directory + "/w.epw", "")
            let spec =
                "version: 1\nsite: { name: F, weather: w.epw }\nhalls: [{ id: a, racks: [{ type: storage-rack, count: "
                + "1 }] }]\n"
            try writeFile(directory + "/f.yaml", spec)
            let result = SiteLoader().load(path: directory + "/f.yaml")
            #expect(result.findings == [])
            #expect(result.site?.weatherPath == directory + "/w.epw")
        }
    }

    @Test("an unknown key is a warning with a suggestion, and the spec still loads")
    func unknownKeyWarning() throws {
        let result = load(
            """
            version: 1
            site: { name: W }
            halls:
              - id: hall-a
                utilisation_pct: 75
                racks: [{ type: gb300-nvl72, count: 1, colour: blue }]
            """)
        #expect(
            result.findings.map(\.formatted) == [
                "Sites/x.yaml:5:5: warning: halls[0]: unknown key 'utilisation_pct'; did you mean "
                    + "'utilisation_percent'?",
                "Sites/x.yaml:6:44: warning: halls[0].racks[0]: unknown key 'colour'; expected 'type' or 'count'",
            ])
        #expect(result.site?.halls.first?.utilisation == nil)
        #expect(result.site?.halls.first?.rackGroups.first?.count == 1)
    }

    @Test("a catalog entry based on a built-in one changes design power and keeps the rest")
    func catalogOverride() throws {
        let result = load(
            """
            version: 1
            site: { name: Override }
            halls:
              - id: hall-a
                racks: [{ type: gb300-nvl72-135, count: 100 }]
            catalog:
              racks:
                - { id: gb300-nvl72-135, based_on: gb300-nvl72, design_kw: 135, source: "vendor quote 2026-05" }
            """)
        #expect(result.findings == [])
        let base = try #require(builtIn.entry("gb300-nvl72"))
        var expected = base
        expected.id = "gb300-nvl72-135"
        expected.name = "NVIDIA GB300 NVL72 (gb300-nvl72-135)"
        expected.designPower = .kilowatts(135)
        expected.provenance = Provenance(
            source: "vendor quote 2026-05", confidence: .low,
            derivation: "defined in site spec Sites/x.yaml as a variant of gb300-nvl72 overriding design_kw; "
                + "other values from gb300-nvl72: " + base.provenance.source)
        #expect(result.catalogue.entry("gb300-nvl72-135") == expected)
        #expect(result.site?.halls.first?.rackGroups.first?.system == expected)
        #expect(result.catalogue.entries.count == builtIn.entries.count + 1)
    }

    @Test("a new catalog entry without based_on gets its defaults: nameplate = design, idle by role")
    func newCatalogEntries() throws {
        let result = load(
            """
            version: 1
            site: { name: New }
            halls: [{ id: h, racks: [{ type: mi355x-rack, count: 2 }, { type: fabric, count: 1 }] }]
            catalog:
              racks:
                - id: mi355x-rack
                  name: AMD MI355X rack
                  role: compute
                  gpus: 64
                  design_kw: 100
                  liquid_fraction: 0.9
                  weight_kg: 1500
                  source: vendor datasheet
                  confidence: M
                - { id: fabric, role: network, gpus: 0, design_kw: 30, liquid_fraction: 0, source: estimate }
            """)
        #expect(result.findings == [])
        let compute = try #require(result.catalogue.entry("mi355x-rack"))
        #expect(compute.name == "AMD MI355X rack")
        #expect(compute.role == .compute)
        #expect(compute.form == .rack)
        #expect(compute.gpus == 64)
        #expect(compute.nameplatePower == .kilowatts(100))
        #expect(compute.idlePower == .kilowatts(100) * UtilisationFit.idleShare.fraction)
        #expect(compute.liquidFraction == .fraction(0.9))
        #expect(compute.weight == .kilograms(1500))
        #expect(
            compute.provenance
                == Provenance(
                    source: "vendor datasheet", confidence: .medium,
                    derivation: "defined in site spec Sites/x.yaml; nameplate = design (nameplate_kw not given); "
                        + "dual-corded, 2 power feeds (feeds not given); idle = design × 0.194, the measured H100 idle "
                        + "share (REFERENCE.md §9.2, L)"))

        let network = try #require(result.catalogue.entry("fabric"))
        #expect(network.name == "fabric")
        #expect(network.idlePower == .kilowatts(30))
        #expect(network.weight == nil)
        #expect(network.provenance.confidence == .low)
        #expect(result.site?.halls.first?.rackGroups.map(\.system.id) == ["mi355x-rack", "fabric"])
    }

    @Test("a catalog entry may be based on one defined before it in the spec")
    func chainedVariants() throws {
        let result = load(
            """
            version: 1
            site: { name: Chain }
            halls: [{ id: h, racks: [{ type: v2, count: 1 }] }]
            catalog:
              racks:
                - { id: v1, based_on: gb200-nvl72, design_kw: 120, source: a }
                - { id: v2, based_on: v1, weight_kg: 1400, source: b, confidence: H }
            """)
        #expect(result.findings == [])
        let entry = try #require(result.catalogue.entry("v2"))
        #expect(entry.designPower == .kilowatts(120))
        #expect(entry.weight == .kilograms(1400))
        #expect(entry.provenance.confidence == .high)
        #expect(
            entry.provenance.derivation
                == "defined in site spec Sites/x.yaml as a variant of v1 overriding weight_kg; other values from v1: a")
    }
}

@Suite("Rack PSU configurations in the spec")
struct RackPSUSpecTests {
    @Test("a spec rack's PSU units that cannot carry its design power are an error at the psu mapping")
    func tooFewUnits() {
        // 4 × 33 kW = 132 kW for a 140 kW design: short even with no failure.
        let found = diagnostics(
            """
            version: 1
            site: { name: P }
            halls:
              - id: h
                racks: [{ type: short, count: 1 }]
            catalog:
              racks:
                - id: short
                  based_on: gb300-nvl72
                  psu: { units: 4, unit_kw: 33, redundancy: n+1 }
                  source: test
            """)
        let expected =
            "Sites/x.yaml:10:12: error: catalog.racks[0].psu: 4 PSU units of 33 kW carry 132 kW, less than the design "
            + "power 140 kW even with none failed"
        #expect(found.contains(expected))
    }

    @Test("an unknown PSU redundancy is an error at its value; a sound psu mapping is used")
    func redundancy() throws {
        let found = diagnostics(
            """
            version: 1
            site: { name: P }
            halls:
              - id: h
                racks: [{ type: r, count: 1 }]
            catalog:
              racks:
                - { id: r, based_on: gb300-nvl72, psu: { units: 8, unit_kw: 33, redundancy: 2n }, source: t }
            """)
        let expected = "Sites/x.yaml:8:81: error: catalog.racks[0].psu.redundancy: must be n, n+k or n+n; got \"2n\""
        #expect(found.contains(expected))
        let result = load(
            """
            version: 1
            site: { name: P }
            halls:
              - id: h
                racks: [{ type: r, count: 1 }]
            catalog:
              racks:
                - { id: r, based_on: gb300-nvl72, psu: { units: 10, unit_kw: 33, redundancy: n+2 }, source: t }
            """)
        let psu = try #require(result.catalogue.entry("r")?.psu)
        #expect(psu.unitsInstalled == 10 && psu.redundancy == .nPlus(2) && psu.firmUnits == 8)
    }

    @Test("site.metrics.pue_boundary selects the boundary; the default is ISO/IEC 30134-2 and listed")
    func boundary() throws {
        let halls = "\nhalls: [{ id: h, racks: [{ type: gb300-nvl72, count: 1 }] }]"
        let given = load("version: 1\nsite: { name: P, metrics: { pue_boundary: psu-as-facility } }" + halls)
        #expect(given.site?.pueBoundary == .psuAsFacility)
        let bad = diagnostics("version: 1\nsite: { name: P, metrics: { pue_boundary: chip } }" + halls)
        #expect(bad.contains { $0.contains("must be one of iso-30134-2, psu-as-facility") })
        let plain = try #require(load("version: 1\nsite: { name: P }" + halls).site)
        #expect(plain.pueBoundary == .iso30134_2)
        #expect(plain.defaultsApplied.contains { $0.key == "site.metrics.pue_boundary" })
    }
}
