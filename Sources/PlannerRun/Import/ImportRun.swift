import Catalogue
import Foundation
import PlannerModel
import SiteSpec

/// `dcplan import` as data (DESIGN.md §9.1): reads a rack inventory, writes a site spec that
/// validates and an import report of what did not map. Nothing is written when an input is
/// wrong or the spec would not validate.
///
/// ```swift
/// let run = ImportRun(source: .netbox(["types/DGX.yaml", "devices.csv"], maps: []), output: "site.yaml")
/// let result = try run.run { print($0) }
/// try result.files.writeAll()
/// ```
public struct ImportRun: Sendable {
    public enum Source: Sendable {
        /// NetBox device-type and device files, and `MODEL=ENTRY` mappings.
        case netbox([String], maps: [String])
        /// A plain table: hall, rack, type, count, power_kw.
        case table(String)
    }

    public var source: Source
    /// Where the spec goes.
    public var output: String
    /// Where the report goes; nil: the caller prints ``Result/report``.
    public var reportPath: String?
    /// The spec's `site.name` (default: the NetBox site, else "Imported site").
    public var siteName: String?
    /// A site spec whose sections but `halls` the imported spec keeps (`--base`).
    public var base: String?

    public init(
        source: Source, output: String, reportPath: String? = nil, siteName: String? = nil, base: String? = nil
    ) {
        self.source = source
        self.output = output
        self.reportPath = reportPath
        self.siteName = siteName
        self.base = base
    }

    public struct Result: Sendable {
        public var files = OutputFiles()
        /// The spec's text.
        public var spec: String
        /// The import report (also in `files` when a report path was given).
        public var report: String
    }

    /// Reads, maps and renders; logs every input error (file:line) and throws ``InputRejected``
    /// on any, or ``RunFailure`` for a bad `--map`.
    public func run(log: RunLog) throws -> Result {
        let output: InventoryImport.Output
        do {
            switch source {
            case .netbox(let files, let maps):
                let parsed = try maps.map { text throws(RunFailure) in try Self.parseMap(text) }
                let command =
                    "dcplan import netbox " + maps.map { "--map '\($0)' " }.joined() + files.joined(separator: " ")
                output = try InventoryImport.netBox(
                    files, maps: parsed, command: command, siteName: siteName, base: base, specPath: self.output)
            case .table(let file):
                output = try InventoryImport.table(
                    file, command: "dcplan import csv \(file)", siteName: siteName, base: base, specPath: self.output)
            }
        } catch let failure as ImportFailure {
            log(.findings(failure.findings))
            throw InputRejected()
        }
        let folder = (self.output as NSString).deletingLastPathComponent
        let check = SiteLoader().load(
            yaml: output.yaml, path: self.output, baseDirectory: folder.isEmpty ? "." : folder)
        log(.findings(check.findings))
        if check.hasErrors {
            log(.error("\(self.output): error: the imported spec does not validate (above); nothing was written"))
            throw InputRejected()
        }
        var result = Result(spec: output.yaml, report: output.report)
        result.files.add(self.output, output.yaml)
        if let reportPath { result.files.add(reportPath, output.report) }
        return result
    }

    /// `MODEL=ENTRY`: the last `=` splits (models may contain one), ENTRY a catalogue ID.
    static func parseMap(_ text: String) throws(RunFailure) -> (model: String, entry: SystemEntry) {
        guard let cut = text.lastIndex(of: "=") else {
            throw RunFailure("--map '\(text)': expected MODEL=ENTRY, e.g. 'NVIDIA DGX A100 640GB=dgx-h100'")
        }
        let model = text[..<cut].trimmingCharacters(in: .whitespaces)
        let id = text[text.index(after: cut)...].trimmingCharacters(in: .whitespaces)
        guard !model.isEmpty, let entry = Catalogue.builtIn.entry(id) else {
            let close = Catalogue.builtIn.closestIDs(to: id)
            throw RunFailure(
                "--map '\(text)': '\(id)' is no catalogue entry"
                    + (close.isEmpty
                        ? "; 'dcplan catalog list' shows them"
                        : "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?"))
        }
        return (model, entry)
    }
}
