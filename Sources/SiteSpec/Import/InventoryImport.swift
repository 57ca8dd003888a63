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
        specPath: String
    ) throws(ImportFailure) -> Output {
        let inventory = try NetBoxImport(files: files, maps: maps).read()
        return try render(inventory, command: command, siteName: siteName, specPath: specPath)
    }

    /// A plain table (hall, type, count; rack, power_kw, max_kw).
    public static func table(_ file: String, command: String, siteName: String?, specPath: String)
        throws(ImportFailure) -> Output
    {
        let inventory = try TableImport(file: file).read()
        return try render(inventory, command: command, siteName: siteName, specPath: specPath)
    }

    static func render(_ inventory: Inventory, command: String, siteName: String?, specPath: String)
        throws(ImportFailure) -> Output
    {
        let spec = InventorySpec(inventory: inventory, command: command, siteName: siteName)
        let layout = try spec.layout()
        return Output(
            yaml: spec.yaml(types: layout.types, halls: layout.halls),
            report: spec.report(types: layout.types, halls: layout.halls, specPath: specPath))
    }
}
