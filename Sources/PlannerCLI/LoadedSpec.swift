import Crypto
import Foundation
import PlannerModel
import SiteSpec

/// A spec file read and loaded, with the digest that identifies its bytes in reports.
struct LoadedSpec {
    var path: String
    var site: Site
    var digest: String

    /// The report base name: the spec's file name without `.yaml`/`.yml`.
    var reportName: String {
        let file = (path as NSString).lastPathComponent
        for suffix in [".yaml", ".yml"] where file.hasSuffix(suffix) { return String(file.dropLast(suffix.count)) }
        return file
    }

    /// Loads every spec, prints all findings (warnings and errors) on standard error, and throws
    /// `InputRejected` if any spec has an error: either all specs load or nothing runs.
    static func loadAll(_ paths: [String], console: Console) throws -> [LoadedSpec] {
        let loader = SiteLoader()
        var loaded: [LoadedSpec] = []
        var rejected = false
        for path in paths {
            let result = loader.load(path: path)
            console.print(result.findings)
            guard let site = result.site, !result.findings.hasErrors else {
                rejected = true
                continue
            }
            loaded.append(LoadedSpec(path: path, site: site, digest: try sha256(ofFileAt: path)))
        }
        if rejected { throw InputRejected() }
        return loaded
    }

    static func sha256(ofFileAt path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(path): cannot read file")
        }
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
