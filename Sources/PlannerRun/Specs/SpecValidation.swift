import Foundation
import PlannerModel
import PlannerReport
import SiteSpec

/// `dcplan validate` as data: every finding of each spec (its weather file read too), and the
/// one-line summary of a valid spec.
public enum SpecValidation {
    /// Every finding of each spec in order, each located at least in its file; a weather file that
    /// cannot be read is an error finding at `site.weather`.
    public static func findings(_ paths: [String], loader: SiteLoader = SiteLoader(), strict: Bool = false)
        -> [Finding]
    {
        var all: [Finding] = []
        for path in paths {
            let result = loader.load(path: path)
            var findings = result.findings.strict(strict)
            if let epw = result.site?.weatherPath {
                do {
                    _ = try LoadedSpec.readWeather(epw)
                } catch {
                    findings.append(Finding(.error, "site.weather", error.description, at: SourceLocation(file: path)))
                }
            }
            all += findings.map { finding in
                var located = finding
                located.location = finding.location ?? SourceLocation(file: path)
                return located
            }
        }
        return all
    }

    /// Findings as one JSON array (file, line, column, severity, subject, message), for scripts
    /// and editors.
    public static func json(_ findings: [Finding]) throws -> String {
        struct Item: Encodable {
            var file: String
            var line: Int?
            var column: Int?
            var severity: String
            var subject: String
            var message: String
        }
        let items = findings.map { f in
            Item(
                file: f.location?.file ?? "", line: f.location?.line, column: f.location?.column,
                severity: f.severity.rawValue, subject: f.subject, message: f.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return items.isEmpty ? "[]" : String(decoding: try encoder.encode(items), as: UTF8.self)
    }

    /// `path: ok (H hall specs, G GPUs)`.
    public static func summary(_ spec: LoadedSpec) -> String {
        let gpus = spec.site.halls.reduce(0) { sum, hall in
            sum + hall.copies * hall.rackGroups.reduce(0) { $0 + $1.count * $1.system.gpus }
        }
        let halls = spec.site.halls.count
        return "\(spec.path): ok (\(halls) hall \(halls == 1 ? "spec" : "specs"), \(Format.integer(gpus)) GPUs)"
    }

    /// The documented defaults the spec takes, one line each:
    /// `path: default key = value (source; confidence)`.
    public static func defaults(_ spec: LoadedSpec) -> [String] {
        spec.site.defaultsApplied.map { applied in
            "\(spec.path): default \(applied.key) = \(applied.value) "
                + "(\(applied.provenance.source); \(applied.provenance.confidence.label))"
        }
    }
}
