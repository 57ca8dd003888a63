import Catalogue
import Foundation
import PlannerModel

/// Input that `dcplan import` cannot use: one or more errors at `file:line[:column]`. Nothing is
/// written (DESIGN.md §9.1).
public struct ImportFailure: Error, Sendable {
    public var findings: [Finding]
    init(_ location: SourceLocation, _ message: String, subject: String = "") {
        findings = [Finding(.error, subject, message, at: location)]
    }
    init(findings: [Finding]) { self.findings = findings }
}

/// Places in an input file.
enum SourceText {
    static func at(_ file: String, _ line: Int? = nil, _ column: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}

/// One device of an imported rack: its draw and the catalogue entry it is planned like
/// (role, GPUs per device, heat split to liquid, idle share). DESIGN.md §9.1.
struct InventoryDevice: Sendable {
    /// The device type as the input names it (NetBox model, or the CSV's catalogue ID).
    var type: String
    /// The catalogue entry whose role, GPU count, liquid fraction and idle share it takes.
    var like: SystemEntry
    /// Planning peak (NetBox: Σ allocated_draw, else Σ maximum_draw; CSV: power_kw or the entry's).
    var design: Power
    /// Most the supplies deliver (NetBox: Σ maximum_draw; CSV: max_kw or the entry's); ≥ design.
    var nameplate: Power
    /// Power inlets (NetBox power ports; CSV: the entry's feeds).
    var feeds: Int
    var weight: Mass?
    /// True when the device is the catalogue entry itself at its own power (CSV without power_kw).
    var isCatalogueEntry: Bool

    /// Idle draw at the like entry's idle share (REFERENCE.md §9.2 for compute; flat for network
    /// and storage).
    var idle: Power {
        guard like.designPower.watts > 0 else { return design }
        return design * (like.idlePower.watts / like.designPower.watts)
    }

    /// What tells two devices apart when racks are grouped into one rack type.
    var key: String { "\(type)|\(like.id)|\(design.watts)|\(nameplate.watts)|\(feeds)|\(weight?.kilograms ?? -1)" }
}

/// One physical rack (or `copies` identical rows of racks from a CSV table).
struct InventoryRack: Sendable {
    var hall: String
    var name: String
    var devices: [InventoryDevice]
    var copies: Int = 1
    var location: SourceLocation

    /// The rack's composition, device keys sorted: racks alike in it share one rack type.
    var composition: String { devices.map(\.key).sorted().joined(separator: "\n") }
}

/// What an import read: racks to plan, and what did not map with the reason.
struct Inventory: Sendable {
    var racks: [InventoryRack] = []
    /// `file:line: what was left out and why`, in input order.
    var notMapped: [String] = []
    /// Lines about how values were read (draws taken from maximum_draw, mappings used).
    var notes: [String] = []
    /// The NetBox site names seen, in order (the spec's site name when there is one).
    var sites: [String] = []
}

/// An imported inventory as a site spec and the import report (DESIGN.md §9.1).
struct InventorySpec {
    var inventory: Inventory
    /// What the spec's header says it was imported from.
    var command: String
    var siteName: String?
    /// IDs the spec already uses (a base spec's `catalog.racks`): imported rack types take others.
    var reservedIDs: Set<String> = []

    struct RackType {
        var id: String
        var name: String
        var entry: SystemEntry? // a catalogue rack used as it is
        var devices: [InventoryDevice]
        var racks = 0
        var design: Power { devices.reduce(.zero) { $0 + $1.design } }
        var nameplate: Power { devices.reduce(.zero) { $0 + max($1.nameplate, $1.design) } }
        var idle: Power { devices.reduce(.zero) { $0 + $1.idle } }
        var gpus: Int { devices.reduce(0) { $0 + $1.like.gpus } }
        var feeds: Int { devices.map(\.feeds).min() ?? 2 }
        var dominant: SystemEntry { devices.max { $0.design < $1.design }!.like }
        /// Heat to liquid, weighted by each device's design power.
        var liquidFraction: Double {
            let total = design.watts
            guard total > 0 else { return dominant.liquidFraction.fraction }
            return devices.reduce(0) { $0 + $1.like.liquidFraction.fraction * $1.design.watts } / total
        }
        var weight: Mass? {
            var sum = 0.0
            for device in devices {
                guard let w = device.weight else { return nil }
                sum += w.kilograms
            }
            return .kilograms(sum)
        }
    }

    struct Hall {
        var id: String
        var name: String
        var groups: [(typeID: String, count: Int)] = []
        var singleCorded = false
        /// Every input name that became this hall's ID (more than one when names differ only in
        /// case or punctuation: the report says so).
        var names: [String] = []
    }

    /// The rack types and halls, in input order.
    func layout() throws(ImportFailure) -> (types: [RackType], halls: [Hall]) {
        var types: [RackType] = []
        var typeIndex: [String: Int] = [:]
        var halls: [Hall] = []
        var hallIndex: [String: Int] = [:]
        var usedIDs = Set(Catalogue.builtIn.entries.map(\.id)).union(reservedIDs)
        var failures: [Finding] = []
        for rack in inventory.racks {
            guard !rack.devices.isEmpty else { continue }
            let composition = rack.composition
            let index: Int
            if let known = typeIndex[composition] {
                index = known
            } else {
                var type = RackType(id: "", name: "", entry: nil, devices: rack.devices)
                if rack.devices.count == 1, rack.devices[0].isCatalogueEntry, rack.devices[0].like.form == .rack {
                    type.entry = rack.devices[0].like
                    type.id = rack.devices[0].like.id
                    type.name = rack.devices[0].like.name
                } else {
                    type.id = Self.uniqueID(for: rack.devices, taken: &usedIDs)
                    type.name = Self.displayName(rack.devices)
                }
                if type.entry == nil, type.design.watts <= 0 {
                    failures.append(
                        Finding(
                            .error, "", "rack '\(rack.name)' draws nothing: none of its devices has a power draw",
                            at: rack.location))
                    continue
                }
                if type.entry == nil, type.design.kilowatts > 2000 {
                    failures.append(
                        Finding(
                            .error, "",
                            "rack '\(rack.name)' draws \(NumberText.compact(Self.round(type.design.kilowatts, 3))) kW "
                                + "at design, beyond the 2000 kW a rack type may have (catalog.racks[].design_kw)",
                            at: rack.location))
                    continue
                }
                index = types.count
                typeIndex[composition] = index
                types.append(type)
            }
            types[index].racks += rack.copies
            let hallID = Self.slug(rack.hall, fallback: "hall")
            let h: Int
            if let known = hallIndex[hallID] {
                h = known
            } else {
                h = halls.count
                hallIndex[hallID] = h
                halls.append(Hall(id: hallID, name: rack.hall))
            }
            if !halls[h].names.contains(rack.hall) { halls[h].names.append(rack.hall) }
            if let g = halls[h].groups.firstIndex(where: { $0.typeID == types[index].id }) {
                halls[h].groups[g].count += rack.copies
            } else {
                halls[h].groups.append((types[index].id, rack.copies))
            }
            if types[index].feeds < 2 { halls[h].singleCorded = true }
        }
        if !failures.isEmpty { throw ImportFailure(findings: failures) }
        if halls.isEmpty {
            throw ImportFailure(
                SourceText.at(inventory.racks.first?.location.file ?? "input"),
                "no device was placed in a rack, so there is nothing to plan" + Self.reasons(inventory.notMapped))
        }
        for hall in halls {
            for group in hall.groups where group.count > 100_000 {
                throw ImportFailure(
                    SourceText.at(inventory.racks.first?.location.file ?? "input"),
                    "hall '\(hall.id)' would hold \(group.count) racks of '\(group.typeID)'; a rack group holds at "
                        + "most 100000")
            }
        }
        return (types, halls)
    }

    private static func reasons(_ notMapped: [String]) -> String {
        notMapped.isEmpty ? "" : ": " + notMapped.prefix(3).joined(separator: "; ")
    }

    /// The site spec: a header saying where it came from, the site, the halls with their rack
    /// groups and the imported rack types under `catalog.racks`.
    func yaml(types: [RackType], halls: [Hall]) -> String {
        var out = """
            # Imported by dcplan (DESIGN.md §9.1): \(Self.oneLine(command))
            # Rack types under catalog.racks carry the imported power; the import report lists what
            # did not map. Without site.weather the cooling is sized at the default design condition
            # (a warning names it): add the site's weather file before relying on energy or PUE.
            version: 1

            site:
              name: \(Self.quoted(siteName ?? inventory.sites.first ?? "Imported site"))

            halls:

            """
        for hall in halls {
            out += "  - id: \(hall.id)\n"
            if hall.name != hall.id {
                out += "    # \(Self.oneLine(hall.name))\n"
            }
            if hall.singleCorded {
                out += "    # A single-corded rack (one power inlet per device) cannot take A/B paths: one path.\n"
                out += "    power: { topology: N }\n"
            }
            out += "    racks:\n"
            for group in hall.groups {
                out += "      - { type: \(group.typeID), count: \(group.count) }\n"
            }
        }
        let imported = types.filter { $0.entry == nil }
        if !imported.isEmpty {
            out += "\ncatalog:\n  racks:\n"
            for type in imported {
                out += "    - id: \(type.id)\n"
                let base = Self.wholeRack(type.devices)
                if let base { out += "      based_on: \(base.id)\n" }
                out += "      name: \(Self.quoted(type.name))\n"
                if base == nil {
                    out += "      role: \(type.dominant.role.rawValue)\n"
                    out += "      gpus: \(type.gpus)\n"
                }
                out += "      nameplate_kw: \(Self.number(type.nameplate.kilowatts, 3))\n"
                out += "      design_kw: \(Self.number(type.design.kilowatts, 3))\n"
                out += "      idle_kw: \(Self.number(min(type.idle, type.design).kilowatts, 3))\n"
                if base == nil {
                    out += "      liquid_fraction: \(Self.number(type.liquidFraction, 4))\n"
                    if let weight = type.weight { out += "      weight_kg: \(Self.number(weight.kilograms, 1))\n" }
                    out += "      feeds: \(min(max(type.feeds, 1), 2))\n"
                }
                out += "      source: \(Self.quoted(Self.source(type)))\n"
                out += "      confidence: L\n"
            }
        }
        return out
    }

    /// The report: each rack type with its racks and power, then what did not map and why.
    func report(types: [RackType], halls: [Hall], specPath: String) -> String {
        var lines: [String] = []
        let racks = types.reduce(0) { $0 + $1.racks }
        let itDesign = types.reduce(0.0) { $0 + Double($1.racks) * ($1.entry?.designPower ?? $1.design).kilowatts }
        lines.append(
            "\(specPath): \(racks) racks in \(halls.count) hall\(halls.count == 1 ? "" : "s"), "
                + "\(types.count) rack type\(types.count == 1 ? "" : "s"), "
                + "\(NumberText.compact(Self.round(itDesign, 1))) kW IT at design")
        lines.append("")
        lines.append("| Rack type | Racks | Design kW | Nameplate kW | GPUs | Planned like | Devices |")
        lines.append("|---|---:|---:|---:|---:|---|---|")
        for type in types {
            let design = type.entry?.designPower ?? type.design
            let nameplate = type.entry?.nameplatePower ?? type.nameplate
            let gpus = type.entry?.gpus ?? type.gpus
            let like =
                type.entry.map { "\($0.id) (catalogue entry)" }
                ?? Set(type.devices.map(\.like.id)).sorted()
                .joined(separator: ", ")
            lines.append(
                "| \(type.id) | \(type.racks) | \(NumberText.compact(Self.round(design.kilowatts, 3))) | "
                    + "\(NumberText.compact(Self.round(nameplate.kilowatts, 3))) | \(gpus) | \(like) | "
                    + "\(Self.displayName(type.devices)) |")
        }
        lines.append("")
        let merged = halls.filter { $0.names.count > 1 }.map { hall in
            "hall \(hall.id): the halls " + hall.names.map { "'\(Self.oneLine($0))'" }.joined(separator: ", ")
                + " have one ID and are planned as one"
        }
        if !inventory.notes.isEmpty || !merged.isEmpty {
            lines.append("How values were read:")
            lines += (inventory.notes + merged).map { "- \($0)" }
            lines.append("")
        }
        if inventory.notMapped.isEmpty {
            lines.append("Not mapped: nothing; every device is in the spec.")
        } else {
            lines.append("Not mapped (\(inventory.notMapped.count)):")
            lines += inventory.notMapped.map { "- \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func source(_ type: RackType) -> String {
        if let base = wholeRack(type.devices) {
            return "Imported rack inventory (dcplan import, DESIGN.md §9.1): \(base.id) at the table's power; every "
                + "other value from the catalogue entry"
        }
        let likes = Set(type.devices.map(\.like.id)).sorted().joined(separator: ", ")
        return "Imported rack inventory (dcplan import, DESIGN.md §9.1, REFERENCE.md P450-P455): power summed over "
            + "the rack's devices; role, GPUs per device, liquid share and idle share as the catalogue's \(likes)"
    }

    /// The catalogue rack a one-device rack is, at a power of its own: written as a variant
    /// `based_on` it, which keeps its composition and power supplies.
    static func wholeRack(_ devices: [InventoryDevice]) -> SystemEntry? {
        devices.count == 1 && devices[0].like.form == .rack && devices[0].type == devices[0].like.id
            ? devices[0].like : nil
    }

    /// A readable rack-type name: `4 × Model + 2 × Other`, in input order; a catalogue rack at
    /// its imported power: `Name at 135 kW`.
    static func displayName(_ devices: [InventoryDevice]) -> String {
        if let rack = wholeRack(devices) {
            return "\(rack.name) at \(NumberText.compact(round(devices[0].design.kilowatts, 3))) kW"
        }
        var counts: [(String, Int)] = []
        for device in devices {
            if let i = counts.firstIndex(where: { $0.0 == device.type }) {
                counts[i].1 += 1
            } else {
                counts.append((device.type, 1))
            }
        }
        return counts.map { "\($0.1) × \($0.0)" }.joined(separator: " + ")
    }

    /// A rack-type ID from the largest device type and its count, e.g. `nvidia-dgx-a100-640gb-x4`;
    /// `-2`, `-3`… when taken (built-in IDs are taken).
    static func uniqueID(for devices: [InventoryDevice], taken: inout Set<String>) -> String {
        let dominant = devices.max { $0.design < $1.design }!
        let count = devices.filter { $0.type == dominant.type }.count
        let mixed = Set(devices.map(\.type)).count > 1
        let base =
            wholeRack(devices).map {
                "\($0.id)-" + slug(NumberText.compact(round(devices[0].design.kilowatts, 3)), fallback: "0") + "kw"
            }
            ?? String(slug(dominant.type, fallback: "rack").prefix(48)) + "-x\(count)" + (mixed ? "-mixed" : "")
        var id = base
        var n = 2
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        taken.insert(id)
        return id
    }

    /// Lower-case letters, digits and single `-`, as spec IDs are written.
    static func slug(_ text: String, fallback: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }

    static func round(_ value: Double, _ decimals: Int) -> Double {
        let scale = pow(10.0, Double(decimals))
        return (value * scale).rounded() / scale
    }

    /// Shortest text of `value` rounded to `decimals` places.
    static func number(_ value: Double, _ decimals: Int) -> String { NumberText.compact(round(value, decimals)) }

    /// Text for a YAML comment: control characters (line breaks) become spaces.
    static func oneLine(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : String($0) }.joined()
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
