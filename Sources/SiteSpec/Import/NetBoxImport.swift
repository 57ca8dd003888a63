import Catalogue
import Foundation
import PlannerModel
import Yams

/// `dcplan import netbox`: NetBox device types (the community device-type library's YAML, with
/// `power-ports` and their `maximum_draw`/`allocated_draw` in watts) and NetBox devices (the
/// device bulk-import shape, as CSV, YAML or JSON: `device_type`, `site`, `location`, `rack`,
/// `role`…) read into an ``Inventory``. DESIGN.md §9.1, REFERENCE.md P450-P453.
struct NetBoxImport {
    var files: [String]
    /// `--map MODEL=ENTRY`: device types planned like a catalogue entry.
    var maps: [(model: String, entry: SystemEntry)] = []

    /// One power port of a device type: draws in watts (P450).
    struct Port {
        var maximum: Double?
        var allocated: Double?
    }

    struct DeviceType {
        var manufacturer: String
        var model: String
        var slug: String
        var partNumber: String?
        var ports: [Port]
        var outlets: Int
        var isPowered: Bool
        var weight: Mass?
        var location: SourceLocation

        func matches(_ name: String) -> Bool {
            let n = name.lowercased()
            return model.lowercased() == n || slug.lowercased() == n || partNumber?.lowercased() == n
        }
    }

    struct Device {
        var name: String
        var role: String
        var type: String
        var site: String
        var location: String
        var rack: String
        var at: SourceLocation
        /// Whether the input names the device (else its name is its line).
        var named = true
        /// NetBox's status (`active`, `planned`, `offline`…), lower-cased; empty when not given.
        var status = ""
    }

    /// Reads every file; all errors of all files are reported together.
    func read() throws(ImportFailure) -> Inventory {
        var types: [DeviceType] = []
        var devices: [Device] = []
        var errors: [Finding] = []
        for file in files {
            do throws(ImportFailure) {
                let text = try ImportFiles.read(file)
                if file.lowercased().hasSuffix(".csv") {
                    devices += try Self.devicesCSV(text, file: file)
                } else {
                    let node = try ImportFiles.compose(text, file: file)
                    if case .mapping = node {
                        let type = try Self.deviceType(node, file: file)
                        if let first = types.first(where: { $0.model.lowercased() == type.model.lowercased() }) {
                            throw ImportFailure(
                                type.location,
                                "device type '\(type.model)' is given twice (first at \(first.location.formatted))")
                        }
                        types.append(type)
                    } else if case .sequence(let list) = node {
                        devices += try Self.deviceList(list, file: file)
                    } else {
                        throw ImportFailure(
                            SourceText.at(file, node.mark?.line),
                            "neither a NetBox device type (a mapping with manufacturer, model and slug) nor a device "
                                + "list (a list of devices with device_type, site and rack)")
                    }
                }
            } catch {
                errors += error.findings
            }
        }
        // NetBox names devices uniquely within a site: a name seen twice is one export given twice.
        var seen: [String: SourceLocation] = [:]
        for device in devices where device.named {
            let key = "\(device.site)\u{1F}\(device.name)"
            if let first = seen[key] {
                errors.append(
                    Finding(
                        .error, "name",
                        "device '\(device.name)' of site '\(device.site)' is listed twice (first at "
                            + "\(first.formatted)); it would be counted twice", at: device.at))
            } else {
                seen[key] = device.at
            }
        }
        if errors.isEmpty, devices.isEmpty {
            errors.append(
                Finding(
                    .error, "",
                    "no devices: give a NetBox device export (CSV, YAML or JSON with device_type, site and rack) "
                        + "beside the device-type files",
                    at: SourceText.at(files.first ?? "input")))
        }
        for map in maps where !types.contains(where: { $0.matches(map.model) }) {
            errors.append(
                Finding(
                    .error, "--map", "'\(map.model)' is none of the device types given (model, slug or part number)",
                    at: SourceText.at(files.first ?? "input")))
        }
        if !errors.isEmpty { throw ImportFailure(findings: errors) }
        return try inventory(types: types, devices: devices)
    }

    private func inventory(types: [DeviceType], devices: [Device]) throws(ImportFailure) -> Inventory {
        var inventory = Inventory()
        var errors: [Finding] = []
        var racks: [String: Int] = [:]
        var noted = Set<String>()
        var notActive: [String: Int] = [:]
        let multipleSites = Set(devices.map(\.site).filter { !$0.isEmpty }).count > 1
        for device in devices {
            let label = "device '\(device.name)' (\(device.type))"
            if !device.site.isEmpty, !inventory.sites.contains(device.site) { inventory.sites.append(device.site) }
            guard let type = types.first(where: { $0.matches(device.type) }) else {
                errors.append(
                    Finding(
                        .error, "device_type",
                        "device type '\(device.type)' maps to nothing: it is in none of the device-type files given"
                            + (types.isEmpty ? "" : " (\(types.map(\.model).joined(separator: ", ")))")
                            + "; add its file from the device-type library", at: device.at))
                continue
            }
            if device.rack.isEmpty {
                inventory.notMapped.append("\(device.at.formatted): \(label) is in no rack; not planned")
                continue
            }
            if type.outlets > 0 {
                inventory.notMapped.append(
                    "\(device.at.formatted): \(label) is a power distribution unit (\(type.outlets) power outlets): "
                        + "its load is that of the devices it feeds, counted there (REFERENCE.md P451)")
                continue
            }
            if !type.isPowered {
                inventory.notMapped.append(
                    "\(device.at.formatted): \(label) is powered through another device (is_powered: false); its "
                        + "draw is that device's")
                continue
            }
            guard let like = like(type, role: device.role) else {
                errors.append(
                    Finding(
                        .error, "device_type",
                        "device type '\(type.model)' maps to no catalogue entry: plan it like one with "
                            + "--map '\(type.model)=ENTRY' (ENTRY from 'dcplan catalog list', e.g. dgx-b200 for an "
                            + "8-GPU air-cooled server), or give the device a network or storage role", at: device.at))
                continue
            }
            let power = Self.power(type)
            if noted.insert(type.model).inserted {
                inventory.notes.append(
                    power.note + "; planned like \(like.id) (\(mappingReason(type, role: device.role)))")
            }
            let hall =
                device.location.isEmpty
                ? (device.site.isEmpty ? "hall" : device.site)
                : (multipleSites ? "\(device.site) \(device.location)" : device.location)
            let rackKey = "\(hall)\u{1F}\(device.rack)"
            if !device.status.isEmpty, device.status != "active" { notActive[device.status, default: 0] += 1 }
            let item = InventoryDevice(
                type: type.model, like: like, design: .watts(power.design), nameplate: .watts(power.nameplate),
                feeds: type.ports.count, weight: type.weight, isCatalogueEntry: false)
            if let index = racks[rackKey] {
                inventory.racks[index].devices.append(item)
            } else {
                racks[rackKey] = inventory.racks.count
                inventory.racks.append(
                    InventoryRack(hall: hall, name: device.rack, devices: [item], location: device.at))
            }
        }
        if !errors.isEmpty { throw ImportFailure(findings: errors) }
        if !notActive.isEmpty {
            let counts = notActive.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            inventory.notes.append(
                "devices in racks whose NetBox status is not active (\(counts)) are planned like the active ones")
        }
        return inventory
    }

    /// Design = Σ allocated_draw (a port without one counts its maximum_draw), nameplate =
    /// Σ maximum_draw (a port without one counts its allocated_draw), in watts (P450, P452).
    static func power(_ type: DeviceType) -> (design: Double, nameplate: Double, note: String) {
        let design = type.ports.reduce(0.0) { $0 + ($1.allocated ?? $1.maximum ?? 0) }
        let nameplate = max(design, type.ports.reduce(0.0) { $0 + ($1.maximum ?? $1.allocated ?? 0) })
        let allAllocated = type.ports.allSatisfy { $0.allocated != nil }
        let w = { (x: Double) in NumberText.compact(x) }
        let note =
            allAllocated
            ? "\(type.model) (\(type.location.formatted)): design \(w(design)) W = Σ allocated_draw of "
                + "\(type.ports.count) power ports, nameplate \(w(nameplate)) W = Σ maximum_draw"
            : "\(type.model) (\(type.location.formatted)): design \(w(design)) W = Σ maximum_draw of "
                + "\(type.ports.count) power ports (no allocated_draw: the supplies' ratings, an upper bound; "
                + "REFERENCE.md P452)"
        return (design, nameplate, note)
    }

    /// The catalogue entry a device type is planned like: `--map`, else a catalogue entry whose
    /// ID or name is the model, slug or part number, else a network or storage role.
    func like(_ type: DeviceType, role: String) -> SystemEntry? {
        if let map = maps.first(where: { type.matches($0.model) }) { return map.entry }
        for entry in Catalogue.builtIn.entries {
            for name in [type.model, type.slug, type.partNumber ?? ""] where !name.isEmpty {
                let n = InventorySpec.slug(name, fallback: "")
                if n == entry.id || n == InventorySpec.slug(entry.name, fallback: "-") { return entry }
            }
        }
        switch Self.roleClass(role) {
        case .network: return Catalogue.builtIn.entry("network-rack")
        case .storage: return Catalogue.builtIn.entry("storage-rack")
        default: return nil
        }
    }

    private func mappingReason(_ type: DeviceType, role: String) -> String {
        if maps.contains(where: { type.matches($0.model) }) { return "--map" }
        if let kind = Self.roleClass(role) { return "NetBox role '\(role)', a \(kind.rawValue) role (P456)" }
        return "its name is a catalogue entry's"
    }

    /// Network and storage device roles, by the words NetBox sites commonly use (P453).
    static func roleClass(_ role: String) -> SystemRole? {
        let r = role.lowercased()
        let network = ["switch", "router", "network", "spine", "leaf", "firewall", "fabric", "gateway"]
        let storage = ["storage", "nas", "san", "disk", "jbod", "file server"]
        if network.contains(where: { r.contains($0) }) { return .network }
        if storage.contains(where: { r.contains($0) }) { return .storage }
        return nil
    }

    // MARK: - Device types (YAML)

    static func deviceType(_ node: Node, file: String) throws(ImportFailure) -> DeviceType {
        guard let mapping = node.mapping else { throw ImportFailure(SourceText.at(file, 1), "expected a mapping") }
        func value(_ key: String) -> (Node, SourceLocation)? {
            for (k, v) in mapping where k.string == key {
                return (v, SourceText.at(file, k.mark?.line, k.mark?.column))
            }
            return nil
        }
        guard let model = value("model")?.0.string, let manufacturer = value("manufacturer")?.0.string else {
            throw ImportFailure(
                SourceText.at(file, node.mark?.line),
                "not a NetBox device type: 'manufacturer' and 'model' are required (devicetype-library README)")
        }
        let at = value("model")!.1
        var ports: [Port] = []
        if let (list, _) = value("power-ports") {
            guard let items = list.sequence else {
                throw ImportFailure(
                    SourceText.at(file, list.mark?.line, list.mark?.column), "power-ports: expected a list")
            }
            for item in items {
                func draw(_ key: String) throws(ImportFailure) -> Double? {
                    guard let v = item.mapping?[key] else { return nil }
                    guard let text = v.string, let watts = Double(text), watts.isFinite, watts >= 0, watts <= 2e6 else {
                        throw ImportFailure(
                            SourceText.at(file, v.mark?.line, v.mark?.column),
                            "power-ports: \(key) must be a number of watts within 0-2000000, got \"\(v.string ?? "?")\""
                        )
                    }
                    return watts
                }
                ports.append(Port(maximum: try draw("maximum_draw"), allocated: try draw("allocated_draw")))
            }
        }
        let outlets = value("power-outlets")?.0.sequence?.count ?? 0
        let isPowered = value("is_powered")?.0.bool ?? true
        if isPowered, outlets == 0 {
            if ports.isEmpty {
                throw ImportFailure(
                    at,
                    "device type '\(model)' has no power-ports, so NetBox holds no draw for it (REFERENCE.md P450): "
                        + "add power-ports with maximum_draw and allocated_draw in watts, or leave the file out")
            }
            if ports.allSatisfy({ $0.maximum == nil && $0.allocated == nil }) {
                throw ImportFailure(
                    at,
                    "device type '\(model)': its \(ports.count) power-ports carry neither maximum_draw nor "
                        + "allocated_draw (REFERENCE.md P450); add them in watts")
            }
        }
        var weight: Mass? = nil
        if let w = value("weight")?.0.string.flatMap(Double.init), w > 0 {
            switch value("weight_unit")?.0.string ?? "kg" {
            case "kg": weight = .kilograms(w)
            case "g": weight = .kilograms(w / 1000)
            case "lb": weight = .kilograms(w * 0.45359237)
            case "oz": weight = .kilograms(w * 0.028349523125)
            default: weight = nil
            }
        }
        return DeviceType(
            manufacturer: manufacturer, model: model, slug: value("slug")?.0.string ?? model,
            partNumber: value("part_number")?.0.string, ports: ports, outlets: outlets, isPowered: isPowered,
            weight: weight, location: at)
    }

    // MARK: - Devices (CSV, YAML, JSON)

    /// The NetBox device bulk-import columns dcplan reads (P453); `device_type`, `site` and `rack`
    /// are required. Export headers ("Device type") are read as import ones (`device_type`).
    static let required = ["device_type", "site", "rack"]

    static func devicesCSV(_ text: String, file: String) throws(ImportFailure) -> [Device] {
        var table = try CSVTable(parsing: text, file: file)
        table.columns = table.columns.map { $0.replacingOccurrences(of: " ", with: "_") }
        // The device table's export labels the device type "Type" and older versions the role
        // "Device role" (P453): read them as the import names when those are absent.
        for (label, name) in [("type", "device_type"), ("device_role", "role")]
        where table.column(name) == nil {
            if let i = table.column(label) { table.columns[i] = name }
        }
        for column in required where table.column(column) == nil {
            throw ImportFailure(
                SourceText.at(file, 1),
                "missing column '\(column)'; a NetBox device list needs \(required.joined(separator: ", ")) "
                    + "(name, role, location are read too)")
        }
        return table.rows.map { row in
            func f(_ name: String) -> String { CSVTable.field(row.fields, table.column(name)) }
            return Device(
                name: f("name").isEmpty ? "line \(row.line)" : f("name"), role: f("role"), type: f("device_type"),
                site: f("site"), location: f("location"), rack: f("rack"), at: SourceText.at(file, row.line),
                named: !f("name").isEmpty, status: f("status").lowercased())
        }
    }

    static func deviceList(_ list: Node.Sequence, file: String) throws(ImportFailure) -> [Device] {
        var devices: [Device] = []
        for item in list {
            let at = SourceText.at(file, item.mark?.line, item.mark?.column)
            guard let mapping = item.mapping else { throw ImportFailure(at, "a device must be a mapping") }
            /// A scalar, or the name of a nested object as the REST API writes it.
            func f(_ key: String) -> String {
                guard let v = mapping[key] else { return "" }
                if let s = v.string { return s.trimmingCharacters(in: .whitespaces) }
                for name in ["model", "name", "slug", "value"] { if let s = v.mapping?[name]?.string { return s } }
                return ""
            }
            for key in ["device_type", "site"] where f(key).isEmpty {
                throw ImportFailure(
                    at, "device without '\(key)'; a NetBox device list needs device_type, site and rack")
            }
            devices.append(
                Device(
                    name: f("name").isEmpty ? "line \(at.line ?? 0)" : f("name"), role: f("role"),
                    type: f("device_type"), site: f("site"), location: f("location"), rack: f("rack"), at: at,
                    named: !f("name").isEmpty, status: f("status").lowercased()))
        }
        return devices
    }
}

/// Reading import inputs: size limit and YAML composition with the error's place.
enum ImportFiles {
    static let limit = 10_485_760

    static func read(_ path: String) throws(ImportFailure) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportFailure(SourceText.at(path), "cannot read file: no such file")
        }
        guard !isDirectory.boolValue else {
            throw ImportFailure(SourceText.at(path), "cannot read file: it is a directory")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportFailure(SourceText.at(path), "cannot read file")
        }
        guard data.count <= limit else {
            throw ImportFailure(
                SourceText.at(path), "file is too large: \(data.count) bytes; the limit is 10 MB (\(limit) bytes)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportFailure(SourceText.at(path), "cannot read file: it is not UTF-8 text")
        }
        return text
    }

    static func compose(_ text: String, file: String) throws(ImportFailure) -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ImportFailure(SourceText.at(file), "the file is empty")
            }
            return node
        } catch let failure as ImportFailure {
            throw failure
        } catch let error as YamlError {
            if case .scanner(let context, let problem, let mark, _) = error {
                throw ImportFailure(
                    SourceText.at(file, mark.line, mark.column), "invalid YAML: \(problem) \(context?.text ?? "")")
            }
            if case .parser(let context, let problem, let mark, _) = error {
                throw ImportFailure(
                    SourceText.at(file, mark.line, mark.column), "invalid YAML: \(problem) \(context?.text ?? "")")
            }
            throw ImportFailure(SourceText.at(file), "invalid YAML: \(error)")
        } catch {
            throw ImportFailure(SourceText.at(file), "invalid YAML: \(error)")
        }
    }
}
