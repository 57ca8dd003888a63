import Foundation
import PlannerEngine
import PlannerModel
import PlannerRun
import SiteSpec
import Testing
import _PlannerTestSupport

/// `dcplan import` (DESIGN.md §9.1): NetBox exports with real device-type library files, and the
/// plain table, into specs that validate and plan; bad input stops at file:line with nothing written.
@Suite("Rack inventory import")
struct ImportTests {
    final class Messages: @unchecked Sendable {
        var list: [RunMessage] = []
        var log: RunLog { { self.list.append($0) } }
        var errors: [Finding] {
            list.flatMap { message -> [Finding] in
                if case .findings(let f) = message { return f.filter { $0.severity == .error } }
                return []
            }
        }
    }

    static let fixtures = "Tests/PlannerRunTests/Fixtures"
    static func fixture(_ name: String) -> String { RepositoryPaths.path("\(fixtures)/\(name)") }
    static let types = [
        "Nvidia/DGC-A100.yaml", "Supermicro/AS-8125GS-TNMR2.yml", "Nvidia/Q3400-RA.yaml", "APC/AP8886.yaml",
    ]
    .map { fixture("netbox/device-types/\($0)") }
    static let maps = ["NVIDIA DGX A100 640GB=dgx-h100", "AS-8125GS-TNMR2=dgx-b200"]

    /// Imports into a temporary folder, writes the files and loads the spec.
    func imported(_ source: ImportRun.Source, in folder: String) throws -> (Site, ImportRun.Result, Messages) {
        let messages = Messages()
        let output = folder + "/imported.yaml"
        let result = try ImportRun(source: source, output: output).run(log: messages.log)
        try result.files.writeAll()
        let loaded = SiteLoader().load(path: output)
        #expect(!loaded.hasErrors, "\(loaded.findings.map(\.formatted))")
        return (try #require(loaded.site), result, messages)
    }

    func rack(_ site: Site, _ id: String) -> SystemEntry? {
        site.halls.flatMap(\.rackGroups).first { $0.system.id == id }?.system
    }

    @Test("NetBox device types and devices import into a spec that validates, with the power of the power ports")
    func netBox() throws {
        try withTemporaryDirectory { folder in
            let (site, result, _) = try imported(
                .netbox(Self.types + [Self.fixture("netbox/devices.csv")], maps: Self.maps), in: folder)
            #expect(site.name == "Example Lab")
            #expect(site.halls.map(\.id) == ["hall-a", "hall-b"])
            // A01 and A02: 4 × DGX A100, each 2 ports × 586 W allocated = 1172 W, × 4 = 4688 W;
            // nameplate 2 × 1071 W × 4 = 8568 W; 4 × 8 GPUs (like dgx-h100).
            let dgx = try #require(rack(site, "nvidia-dgx-a100-640gb-x4"))
            #expect(isClose(dgx.designPower.kilowatts, 4.688))
            #expect(isClose(dgx.nameplatePower.kilowatts, 8.568))
            #expect(dgx.gpus == 32)
            #expect(dgx.liquidFraction.fraction == 0)
            // Idle at the catalogue's compute share 135.93/700 (§9.2): 4.688 × 0.194186 = 0.910 kW.
            #expect(isClose(dgx.idlePower.kilowatts, 0.91, relative: 1e-3))
            let a = try #require(site.halls.first)
            #expect(a.rackGroups.map(\.count) == [2, 1])
            // A03: 2 × AS-8125GS-TNMR2, 6 ports × 3000 W maximum (no allocated) = 18 kW each → 36 kW;
            // 2 × 75.3 kg = 150.6 kg; 16 GPUs.
            let mi = try #require(rack(site, "as-8125gs-tnmr2-x2"))
            #expect(isClose(mi.designPower.kilowatts, 36))
            #expect(isClose(try #require(mi.weight).kilograms, 150.6))
            #expect(mi.gpus == 16)
            // B01: 2 × Q3400-RA, 8 × 875 W = 7 kW each → 14 kW, a network rack by its role, flat draw.
            let ib = try #require(rack(site, "q3400-ra-x2"))
            #expect(ib.role == .network)
            #expect(isClose(ib.designPower.kilowatts, 14))
            #expect(ib.idlePower == ib.designPower)
            // The report: three PDUs and the spare in no rack did not map; the total is
            // 2 × 4.688 + 36 + 14 = 59.376 kW.
            #expect(result.report.contains("4 racks in 2 halls, 3 rack types, 59.4 kW IT at design"))
            #expect(result.report.contains("Not mapped (4):"))
            #expect(result.report.contains("devices.csv:6: device 'pdu-a01-a' (AP8886) is a power distribution unit"))
            #expect(result.report.contains("devices.csv:17: device 'dgx-spare' (NVIDIA DGX A100 640GB) is in no rack"))
            #expect(result.report.contains("no allocated_draw"))
            #expect(
                result.report.contains(
                    "- devices in racks whose NetBox status is not active (1 planned) are planned like the active ones")
            )
        }
    }

    @Test("a NetBox device list as YAML (REST-style nested objects) reads like the CSV")
    func netBoxYAMLList() throws {
        try withTemporaryDirectory { folder in
            let list = folder + "/devices.yaml"
            try """
            - name: ib-1
              role: { name: Spine switch }
              device_type: { model: Q3400-RA, manufacturer: { name: Nvidia } }
              site: { name: Lab }
              rack: { name: R1 }
            - { name: ib-2, role: leaf, device_type: nvidia-q3400-ra, site: Lab, rack: R1 }
            """.write(toFile: list, atomically: true, encoding: .utf8)
            let (site, _, _) = try imported(
                .netbox([Self.fixture("netbox/device-types/Nvidia/Q3400-RA.yaml"), list], maps: []), in: folder)
            #expect(site.halls.map(\.id) == ["lab"])
            #expect(isClose(try #require(rack(site, "q3400-ra-x2")).designPower.kilowatts, 14))
        }
    }

    @Test("a plain CSV table imports rack groups, catalogue racks at their own power and per-device power")
    func table() throws {
        try withTemporaryDirectory { folder in
            let (site, result, _) = try imported(.table(Self.fixture("inventory.csv")), in: folder)
            let groups = site.halls.map { $0.rackGroups.map { "\($0.system.id)×\($0.count)" } }
            #expect(
                groups == [
                    ["gb300-nvl72×8", "gb300-nvl72-135kw×4", "network-rack×2"],
                    ["dgx-b200-x4×1", "dgx-b200-x4-mixed×1"],
                ])
            // 135 kW per rack; nameplate stays the entry's 142 kW; idle 135 × 0.194186 = 26.2 kW.
            let variant = try #require(rack(site, "gb300-nvl72-135kw"))
            #expect(isClose(variant.designPower.kilowatts, 135))
            #expect(isClose(variant.nameplatePower.kilowatts, 142))
            #expect(isClose(variant.liquidFraction.fraction, 0.92))
            // B01: 4 DGX B200 nodes at 14.3 kW = 57.2 kW, 4 × 16.5 = 66 kW nameplate, 4 × 142.4 = 569.6 kg.
            let b01 = try #require(rack(site, "dgx-b200-x4"))
            #expect(isClose(b01.designPower.kilowatts, 57.2))
            #expect(isClose(b01.nameplatePower.kilowatts, 66))
            #expect(isClose(try #require(b01.weight).kilograms, 569.6))
            // B02: 4 × 12.5 + 4 = 54 kW; idle 4 × 12.5 × 0.194186 + 4 (flat network) = 13.709 kW.
            let b02 = try #require(rack(site, "dgx-b200-x4-mixed"))
            #expect(isClose(b02.designPower.kilowatts, 54))
            #expect(isClose(b02.idlePower.kilowatts, 13.709, relative: 1e-4))
            #expect(b02.weight == nil)
            // 8 × 140 + 4 × 135 + 2 × 20 + 57.2 + 54 = 1811.2 kW.
            #expect(result.report.contains("16 racks in 2 halls, 5 rack types, 1811.2 kW IT at design"))
        }
    }

    @Test("import → written spec → loads and plans: the plan's IT power is the imported power")
    func endToEnd() throws {
        try withTemporaryDirectory { folder in
            let (_, _, _) = try imported(.table(Self.fixture("inventory.csv")), in: folder)
            let messages = Messages()
            let specs = try LoadedSpec.loadAll([folder + "/imported.yaml"], log: messages.log)
            let plan = Planner().plan(specs[0].site, weather: specs[0].weather)
            #expect(isClose(plan.total.itPower.design.kilowatts, 1811.2))
            // 12 NVL72 racks × 72 + 8 DGX B200 × 8 = 928 GPUs; 16 racks.
            #expect(plan.total.gpuCount == 928)
            #expect(plan.total.rackCount == 16)
            #expect(plan.electrical != nil)
        }
    }

    @Test("--base keeps every section of a site spec but its halls, with the weather path rebased, and plans the year")
    func base() throws {
        try withTemporaryDirectory { folder in
            try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
            let output = folder + "/sub/site.yaml"
            let run = ImportRun(
                source: .table(Self.fixture("inventory.csv")), output: output,
                base: RepositoryPaths.path("Sites/example-small.yaml"))
            let result = try run.run { _ in }
            try result.files.writeAll()
            #expect(result.report.hasSuffix("every section but halls (its halls are replaced by the imported ones).\n"))
            let specs = try LoadedSpec.loadAll([output], strict: false) { _ in }
            let site = specs[0].site
            #expect(site.name == "Example small AI site")
            #expect(specs[0].weather != nil)
            // The base's own variant stays in the catalogue; the halls are the table's.
            #expect(result.spec.contains("- id: gb300-nvl72-135\n"))
            #expect(site.halls.flatMap(\.rackGroups).map(\.system.id).contains("gb300-nvl72-135kw"))
            let plan = Planner().plan(site, weather: specs[0].weather)
            #expect(plan.total.gpuCount == 928)
            #expect(isClose(plan.total.itPower.design.kilowatts, 1811.2))
            #expect(plan.cooling?.annual != nil)
        }
    }

    /// Runs an import expected to fail; returns its error findings and checks nothing was written.
    func failing(_ source: ImportRun.Source) throws -> [Finding] {
        try withTemporaryDirectory { folder in
            let messages = Messages()
            let output = folder + "/out.yaml"
            #expect(throws: InputRejected.self) { try ImportRun(source: source, output: output).run(log: messages.log) }
            #expect(!FileManager.default.fileExists(atPath: output))
            return messages.errors
        }
    }

    @Test("a NetBox device-type file without power ports is an error at its model line")
    func noPowerPorts() throws {
        let sn5600 = Self.fixture("netbox/device-types/Nvidia/SN5600.yaml")
        let errors = try failing(.netbox([sn5600, Self.fixture("netbox/devices.csv")], maps: []))
        let first = try #require(errors.first)
        #expect(first.location == SourceLocation(file: sn5600, line: 3, column: 1))
        #expect(first.message.hasPrefix("device type 'SN5600' has no power-ports"))
    }

    @Test("a device whose type maps to no catalogue entry, or to no device-type file, is an error at its line")
    func unmappedNetBoxType() throws {
        let devices = Self.fixture("netbox/devices.csv")
        let errors = try failing(.netbox(Self.types + [devices], maps: ["AS-8125GS-TNMR2=dgx-b200"]))
        #expect(errors.first?.location == SourceLocation(file: devices, line: 2))
        #expect(
            errors.first?.message.hasPrefix("device type 'NVIDIA DGX A100 640GB' maps to no catalogue entry") == true)
        let missing = try failing(.netbox([Self.types[1], devices], maps: []))
        #expect(missing.first?.message.hasPrefix("device type 'NVIDIA DGX A100 640GB' maps to nothing") == true)
    }

    @Test("a CSV table with a missing column, a bad count or an unknown type is an error at file:line")
    func badTable() throws {
        try withTemporaryDirectory { folder in
            let noCount = folder + "/no-count.csv"
            try "hall,type\nhall-a,gb300-nvl72\n".write(toFile: noCount, atomically: true, encoding: .utf8)
            let missing = try failing(.table(noCount))
            #expect(
                missing.map(\.formatted) == [
                    "\(noCount):1: error: missing column 'count'; the table needs hall, type, count "
                        + "(and may have rack, power_kw, max_kw)"
                ])
            let bad = folder + "/bad.csv"
            try "hall,type,count\nhall-a,gb300-nvl7,4\nhall-a,gb300-nvl72,-1\nhall-a,dgx-b200,2\n"
                .write(toFile: bad, atomically: true, encoding: .utf8)
            let errors = try failing(.table(bad))
            #expect(
                errors.map(\.formatted) == [
                    "\(bad):2: error: type: 'gb300-nvl7' maps to nothing: it is no catalogue entry; did you mean "
                        + "'gb300-nvl72' or 'gb200-nvl72'?",
                    "\(bad):3: error: count: must be a whole number within 1-100000, got \"-1\"",
                    "\(bad):4: error: type: 'dgx-b200' is a node, not a rack: give a rack column to build racks of it, "
                        + "or use 'dgx-b200-rack'",
                ])
        }
    }

    @Test("a device export given twice, or a device type given twice, is an error naming the first place")
    func duplicates() throws {
        let devices = Self.fixture("netbox/devices.csv")
        let twice = try failing(.netbox(Self.types + [devices, devices], maps: Self.maps))
        // 16 named devices, each seen again in the second copy (lines 2-17; the spare too).
        #expect(twice.count == 16)
        #expect(
            twice.first?.formatted
                == "\(devices):2: error: name: device 'dgx-a01-1' of site 'Example Lab' is listed twice (first at "
                + "\(devices):2); it would be counted twice")
        let types = try failing(.netbox(Self.types + [Self.types[0], devices], maps: Self.maps))
        #expect(types.first?.message.hasPrefix("device type 'NVIDIA DGX A100 640GB' is given twice (first at ") == true)
    }

    @Test("a NetBox device list without a rack column is an error at its header line")
    func netBoxMissingColumn() throws {
        try withTemporaryDirectory { folder in
            let list = folder + "/devices.csv"
            try "name,device_type,site\nx,Q3400-RA,Lab\n".write(toFile: list, atomically: true, encoding: .utf8)
            let errors = try failing(.netbox([Self.types[2], list], maps: []))
            #expect(errors.first?.location == SourceLocation(file: list, line: 1))
            #expect(errors.first?.message.hasPrefix("missing column 'rack'") == true)
        }
    }
}

@Suite("Rack inventory import: edge cases")
struct ImportEdgeTests {
    @Test("quoted CSV fields keep commas, quotes and line breaks; a byte-order mark is skipped; rows keep their line")
    func csvQuoting() throws {
        try withTemporaryDirectory { folder in
            let file = folder + "/devices.csv"
            let text =
                "\u{FEFF}Name,Device role,Type,Site,Location,Rack\n"
                + "\"ib, \"\"spine\"\" 1\",Spine switch,Q3400-RA,Lab,\"Hall\nNorth\",R1\n"
                + "\n"
                + "ib-2,Leaf switch,Q3400-RA,Lab,\"Hall\nNorth\",R1\n"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let types = RepositoryPaths.path(
                "Tests/PlannerRunTests/Fixtures/netbox/device-types/Nvidia/Q3400-RA.yaml")
            let output = folder + "/out.yaml"
            let result = try ImportRun(source: .netbox([types, file], maps: []), output: output).run { _ in }
            // Export labels ("Type", "Device role") read as import columns; the hall "Hall\nNorth" → hall-north;
            // both switches (lines 2 and 5) in one rack: 2 × 7 kW.
            #expect(result.spec.contains("  - id: hall-north\n"))
            #expect(result.spec.contains("      - { type: q3400-ra-x2, count: 1 }\n"))
            let unclosed = folder + "/unclosed.csv"
            try "hall,type,count\nhall-a,\"gb300-nvl72,2\n".write(toFile: unclosed, atomically: true, encoding: .utf8)
            var errors: [Finding] = []
            #expect(throws: InputRejected.self) {
                try ImportRun(source: .table(unclosed), output: output).run { message in
                    if case .findings(let f) = message { errors += f }
                }
            }
            #expect(errors.map(\.formatted) == ["\(unclosed):2: error: a quoted field is never closed"])
            // Two hall names with one ID are planned as one hall, and the report says so: 2 + 1 racks.
            let merged = folder + "/merged.csv"
            try "hall,type,count\nHall A,gb300-nvl72,2\nhall-a,gb300-nvl72,1\n"
                .write(toFile: merged, atomically: true, encoding: .utf8)
            let one = try ImportRun(source: .table(merged), output: output).run { _ in }
            #expect(one.spec.contains("      - { type: gb300-nvl72, count: 3 }\n"))
            #expect(
                one.report.contains("- hall hall-a: the halls 'Hall A', 'hall-a' have one ID and are planned as one"))
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test("a JSON device list, a device type powered through another and a single-corded device type")
    func jsonUnpoweredSingleCorded() throws {
        try withTemporaryDirectory { folder in
            // A tray powered by the rack's shelves (is_powered: false, as the library's GB300 tray) and a
            // one-inlet server of 800 W allocated, 1000 W maximum.
            try """
            manufacturer: Example
            model: Tray
            slug: example-tray
            is_powered: false
            """.write(toFile: folder + "/tray.yaml", atomically: true, encoding: .utf8)
            try """
            manufacturer: Example
            model: One PSU server
            slug: example-one-psu
            power-ports:
              - { name: PSU1, type: iec-60320-c14, maximum_draw: 1000, allocated_draw: 800 }
            """.write(toFile: folder + "/server.yaml", atomically: true, encoding: .utf8)
            try """
            [
              {"name": "t1", "device_type": {"model": "Tray"}, "site": {"name": "Lab"}, "rack": {"name": "R1"}},
              {"name": "s1", "device_type": "example-one-psu", "site": "Lab", "rack": "R1"},
              {"name": "s2", "device_type": "One PSU server", "site": "Lab", "rack": "R1"}
            ]
            """.write(toFile: folder + "/devices.json", atomically: true, encoding: .utf8)
            let output = folder + "/out.yaml"
            let result = try ImportRun(
                source: .netbox(
                    [folder + "/tray.yaml", folder + "/server.yaml", folder + "/devices.json"],
                    maps: ["One PSU server=dgx-h100"]),
                output: output
            ).run { _ in }
            // 2 × 800 W = 1.6 kW design, 2 × 1000 W = 2 kW nameplate; one inlet each: feeds 1, and the
            // hall takes one path (topology N) so that the spec validates.
            #expect(result.spec.contains("      design_kw: 1.6\n      idle_kw: 0.311\n"))
            #expect(result.spec.contains("      nameplate_kw: 2\n"))
            #expect(result.spec.contains("      feeds: 1\n"))
            #expect(result.spec.contains("    power: { topology: N }\n"))
            #expect(result.report.contains("devices.json:2:3: device 't1' (Tray) is powered through another device"))
            let loaded = SiteLoader().load(yaml: result.spec, path: output, baseDirectory: folder)
            #expect(!loaded.hasErrors, "\(loaded.findings.map(\.formatted))")
        }
    }
}

@Suite("Rack inventory import: mutated inputs")
struct ImportMutationTests {
    /// A deterministic generator (64-bit LCG, Knuth's MMIX constants) so that a failure replays.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    /// Replaces, deletes or duplicates a few bytes of `text`, from a small alphabet of the
    /// characters that matter to CSV and YAML.
    static func mutate(_ text: String, _ g: inout Generator) -> String {
        var bytes = Array(text.utf8)
        let alphabet = Array(",\"\n:-[]{}# 0123456789.e\u{7F}x".utf8)
        for _ in 0..<(1 + g.next(4)) where !bytes.isEmpty {
            let at = g.next(bytes.count)
            switch g.next(3) {
            case 0: bytes[at] = alphabet[g.next(alphabet.count)]
            case 1: bytes.remove(at: at)
            default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 1 + g.next(40))], at: at)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("150 mutated tables, device lists and device types either import or stop with an error, never trap")
    func mutations() throws {
        let fixtures = RepositoryPaths.path("Tests/PlannerRunTests/Fixtures")
        let table = try String(contentsOfFile: fixtures + "/inventory.csv", encoding: .utf8)
        let devices = try String(contentsOfFile: fixtures + "/netbox/devices.csv", encoding: .utf8)
        let switchType = try String(
            contentsOfFile: fixtures + "/netbox/device-types/Nvidia/Q3400-RA.yaml", encoding: .utf8)
        let serverType = try String(
            contentsOfFile: fixtures + "/netbox/device-types/Nvidia/DGC-A100.yaml", encoding: .utf8)
        var g = Generator(state: 26)
        var imported = 0
        var rejected = 0
        try withTemporaryDirectory { folder in
            for round in 0..<150 {
                let output = folder + "/out-\(round).yaml"
                let source: ImportRun.Source
                if round % 2 == 0 {
                    try Self.mutate(table, &g).write(toFile: folder + "/t.csv", atomically: true, encoding: .utf8)
                    source = .table(folder + "/t.csv")
                } else {
                    try Self.mutate(devices, &g).write(toFile: folder + "/d.csv", atomically: true, encoding: .utf8)
                    try Self.mutate(switchType, &g).write(toFile: folder + "/s.yaml", atomically: true, encoding: .utf8)
                    try Self.mutate(serverType, &g).write(toFile: folder + "/g.yaml", atomically: true, encoding: .utf8)
                    source = .netbox(
                        [
                            folder + "/s.yaml", folder + "/g.yaml", fixtures + "/netbox/device-types/APC/AP8886.yaml",
                            folder + "/d.csv",
                        ],
                        maps: ["NVIDIA DGX A100 640GB=dgx-h100"])
                }
                do {
                    let result = try ImportRun(source: source, output: output).run { _ in }
                    // What imports validates (the run loads it before returning).
                    #expect(!SiteLoader().load(yaml: result.spec, path: output, baseDirectory: folder).hasErrors)
                    imported += 1
                } catch is InputRejected {
                    rejected += 1
                }
            }
        }
        // Both outcomes occur, so the mutations neither always break nor never touch the inputs.
        #expect(imported > 0 && rejected > 0, "imported \(imported), rejected \(rejected)")
    }
}
