import Foundation
import PlannerModel
import Yams

/// `--base SPEC`: an existing site spec whose every section but `halls` the imported spec keeps
/// (site with its weather, workload, cooling, power, cost, compliance…); its `catalog.racks` stay
/// and the imported rack types follow them (DESIGN.md §9.1).
struct BaseSpec {
    var path: String
    var root: Node.Mapping

    init(path: String) throws(ImportFailure) {
        self.path = path
        let node = try ImportFiles.compose(try ImportFiles.read(path), file: path)
        guard let mapping = node.mapping else {
            throw ImportFailure(SourceText.at(path, node.mark?.line), "a base spec must be a site spec (a mapping)")
        }
        root = mapping
    }

    /// The IDs of the base's own rack entries.
    var rackIDs: Set<String> {
        Set((root["catalog"]?.mapping?["racks"]?.sequence ?? []).compactMap { $0.mapping?["id"]?.string })
    }

    /// The base with its halls replaced by the imported ones and the imported rack types after its
    /// own; `site.weather` rewritten relative to the output's folder; `site.name` replaced when
    /// given.
    func merged(with imported: String, output: String, siteName: String?) throws(ImportFailure) -> String {
        let generated = try ImportFiles.compose(imported, file: output)
        guard let new = generated.mapping, let halls = new["halls"] else {
            throw ImportFailure(SourceText.at(output), "the imported spec has no halls")
        }
        let importedRacks = new["catalog"]?.mapping?["racks"]?.sequence.map(Array.init) ?? []
        var out = Node.Mapping([])
        var sawHalls = false
        var sawCatalog = false
        for (key, value) in root {
            switch key.string {
            case "halls":
                out[key] = halls
                sawHalls = true
            case "catalog":
                var catalog = value.mapping ?? Node.Mapping([])
                let racks = (catalog["racks"]?.sequence.map(Array.init) ?? []) + importedRacks
                if !racks.isEmpty { catalog["racks"] = Node.sequence(Node.Sequence(racks)) }
                out[key] = Node.mapping(catalog)
                sawCatalog = true
            case "site":
                out[key] = site(value, output: output, siteName: siteName)
            default:
                out[key] = value
            }
        }
        if !sawHalls { out["halls"] = halls }
        if !sawCatalog, !importedRacks.isEmpty {
            out["catalog"] = Node.mapping(Node.Mapping([("racks", Node.sequence(Node.Sequence(importedRacks)))]))
        }
        do {
            return try Yams.serialize(node: .mapping(out), width: -1, allowUnicode: true)
        } catch {
            throw ImportFailure(SourceText.at(path), "cannot write the merged spec: \(error)")
        }
    }

    private func site(_ value: Node, output: String, siteName: String?) -> Node {
        guard var site = value.mapping else { return value }
        if let siteName { site["name"] = Node(siteName) }
        if let weather = site["weather"]?.string, !weather.hasPrefix("/") {
            let baseFolder = URL(fileURLWithPath: path).deletingLastPathComponent()
            let target = baseFolder.appendingPathComponent(weather).standardizedFileURL.path
            let outFolder = URL(fileURLWithPath: output).deletingLastPathComponent().standardizedFileURL.path
            site["weather"] = Node(Self.relative(target, from: outFolder))
        }
        return .mapping(site)
    }

    /// `target` relative to the folder `from` (both absolute and standardised).
    static func relative(_ target: String, from folder: String) -> String {
        let t = target.split(separator: "/").map(String.init)
        let f = folder.split(separator: "/").map(String.init)
        var common = 0
        while common < min(t.count, f.count), t[common] == f[common] { common += 1 }
        let up = Array(repeating: "..", count: f.count - common)
        return (up + t[common...]).joined(separator: "/")
    }
}
