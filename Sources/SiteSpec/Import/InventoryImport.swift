import Catalogue
import PlannerModel

/// A rack inventory read and rendered as a site spec with its import report (DESIGN.md §9.1):
/// what `dcplan import` writes, before the spec is checked by the loader and written.
public enum InventoryImport {
    public struct Output: Sendable {
        /// The site spec's text.
        public var yaml: String
        /// The import report: rack types with their power, how values were read, what did not map.
        public var report: String
    }

    /// NetBox device-type files and device lists; `maps` plans a device type (model, slug or part
    /// number) like a catalogue entry. `command` goes into the spec's header.
    public static func netBox(
        _ files: [String], maps: [(model: String, entry: SystemEntry)], command: String, siteName: String?,
        base: String? = nil, specPath: String
    ) throws(ImportFailure) -> Output {
        let base = try base.map { path throws(ImportFailure) in try BaseSpec(path: path) }
        let inventory = try NetBoxImport(files: files, maps: maps).read()
        return try render(inventory, command: command, siteName: siteName, base: base, specPath: specPath)
    }

    /// A plain table (hall, type, count; rack, power_kw, max_kw).
    public static func table(
        _ file: String, command: String, siteName: String?, base: String? = nil, specPath: String
    ) throws(ImportFailure) -> Output {
        let base = try base.map { path throws(ImportFailure) in try BaseSpec(path: path) }
        let inventory = try TableImport(file: file).read()
        return try render(inventory, command: command, siteName: siteName, base: base, specPath: specPath)
    }

    /// The spec text and the report; with a base spec, its sections around the imported halls.
    static func render(
        _ inventory: Inventory, command: String, siteName: String?, base: BaseSpec?, specPath: String
    ) throws(ImportFailure) -> Output {
        var spec = InventorySpec(inventory: inventory, command: command, siteName: siteName)
        spec.reservedIDs = base?.rackIDs ?? []
        let layout = try spec.layout()
        var yaml = spec.yaml(types: layout.types, halls: layout.halls)
        var report = spec.report(types: layout.types, halls: layout.halls, specPath: specPath)
        if let base {
            yaml =
                "# Imported by dcplan (DESIGN.md §9.1): \(InventorySpec.oneLine(command))\n"
                + "# Every section but halls comes from \(InventorySpec.oneLine(base.path)); the rack types under\n"
                + "# catalog.racks after its own carry the imported power.\n"
                + (try base.merged(with: yaml, output: specPath, siteName: siteName))
            report += "\nFrom \(base.path): every section but halls (its halls are replaced by the imported ones).\n"
        }
        return Output(yaml: yaml, report: report)
    }
}
