import Catalogue
import Foundation
import PlannerModel

/// `dcplan import csv`: a plain table, one line per rack group or per device (DESIGN.md §9.1).
///
/// Columns (a header line; names in any case): `hall`, `type`, `count` required; `rack`,
/// `power_kw`, `max_kw` optional.
/// - Without a rack name, a line is `count` racks of the catalogue rack `type` in `hall`; with
///   `power_kw` they become a variant drawing that much per rack.
/// - With a rack name, lines sharing `hall` and `rack` make one rack of `count` devices of the
///   catalogue entry `type` (a node, a rack, or `network-rack`/`storage-rack`), each drawing
///   `power_kw` when given, else the entry's design power.
struct TableImport {
    var file: String
    var catalogue: Catalogue = .builtIn

    static let required = ["hall", "type", "count"]
    static let optional = ["rack", "power_kw", "max_kw"]

    func read() throws(ImportFailure) -> Inventory {
        let table = try CSVTable(parsing: try ImportFiles.read(file), file: file)
        for column in Self.required where table.column(column) == nil {
            throw ImportFailure(
                SourceText.at(file, 1),
                "missing column '\(column)'; the table needs \(Self.required.joined(separator: ", ")) "
                    + "(and may have \(Self.optional.joined(separator: ", ")))")
        }
        var inventory = Inventory()
        var errors: [Finding] = []
        var racks: [String: Int] = [:]
        for (line, fields) in table.rows {
            let at = SourceText.at(file, line)
            func f(_ name: String) -> String { CSVTable.field(fields, table.column(name)) }
            func fail(_ column: String, _ message: String) { errors.append(Finding(.error, column, message, at: at)) }
            let hall = f("hall")
            let typeID = f("type")
            let rack = f("rack")
            if hall.isEmpty { fail("hall", "empty; every line names its hall") }
            guard let entry = catalogue.entry(typeID) else {
                let close = catalogue.closestIDs(to: typeID)
                fail(
                    "type",
                    "'\(typeID)' maps to nothing: it is no catalogue entry"
                        + (close.isEmpty
                            ? "; 'dcplan catalog list' shows the known IDs"
                            : "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?"))
                continue
            }
            guard let count = Int(f("count")), count >= 1, count <= 100_000 else {
                fail("count", "must be a whole number within 1-100000, got \"\(f("count"))\"")
                continue
            }
            var design: Power? = nil
            var nameplate: Power? = nil
            for (column, kind) in [("power_kw", 0), ("max_kw", 1)] where !f(column).isEmpty {
                guard let kw = Double(f(column)), kw.isFinite, kw > 0, kw <= 2000 else {
                    fail(column, "must be a number of kW within 0-2000 and above 0, got \"\(f(column))\"")
                    continue
                }
                if kind == 0 { design = .kilowatts(kw) } else { nameplate = .kilowatts(kw) }
            }
            if let design, let nameplate, nameplate < design {
                fail("max_kw", "the most the supplies deliver is below power_kw")
                continue
            }
            if hall.isEmpty { continue }
            let device = InventoryDevice(
                type: entry.id, like: entry, design: design ?? entry.designPower,
                nameplate: nameplate ?? max(design ?? entry.designPower, entry.nameplatePower), feeds: entry.feeds,
                weight: entry.weight, isCatalogueEntry: design == nil && nameplate == nil)
            if rack.isEmpty {
                guard entry.form == .rack else {
                    let racksOfIt = catalogue.racks(composedOf: entry.id).map { "'\($0.id)'" }
                    fail(
                        "type",
                        "'\(entry.id)' is a node, not a rack: give a rack column to build racks of it"
                            + (racksOfIt.isEmpty ? "" : ", or use \(racksOfIt.joined(separator: " or "))"))
                    continue
                }
                inventory.racks.append(
                    InventoryRack(hall: hall, name: "line \(line)", devices: [device], copies: count, location: at))
                continue
            }
            let key = "\(hall)\u{1F}\(rack)"
            // A rack holds at most 1000 devices (checked before they are made, so that a huge count
            // costs no memory).
            let already = racks[key].map { inventory.racks[$0].devices.count } ?? 0
            guard already + count <= 1000 else {
                fail("count", "rack '\(rack)' would hold \(already + count) devices; a rack holds at most 1000")
                continue
            }
            let devices = Array(repeating: device, count: count)
            if let index = racks[key] {
                inventory.racks[index].devices += devices
            } else {
                racks[key] = inventory.racks.count
                inventory.racks.append(InventoryRack(hall: hall, name: rack, devices: devices, location: at))
            }
        }
        if !errors.isEmpty { throw ImportFailure(findings: errors) }
        return inventory
    }
}
