import Catalogue
import Foundation
import PlannerModel
import Yams

/// Loads a site spec (`Sites/README.md`) into a typed `Site`, reporting every problem it finds
/// as a `Finding` located at `file:line:column`.
///
/// Loading has two phases (DESIGN.md §4). The structural phase reads the file (at most 10 MB),
/// composes it with Yams and reads the node tree into internal DTOs, logging YAML syntax errors,
/// wrong value types, missing required keys and unknown keys (warnings with a suggestion). The
/// semantic phase then runs every check on the values — catalogue IDs, counts, ranges, layout
/// capacity, file references — without stopping at the first error. A spec whose `version` is
/// not 1 is not read further.
///
/// ```swift
/// let result = SiteLoader().load(path: "Sites/x.yaml")
/// result.findings.forEach { print($0.formatted) }  // Sites/x.yaml:14:9: error: halls[0]…
/// guard let site = result.site else { exit(1) }
/// ```
public struct SiteLoader: Sendable {
    /// The entries rack types may name before the spec adds its own.
    public var catalogue: Catalogue
    /// The built-in power-chain stages by ID, for every load (see `SpecStages.BuiltIn`).
    let stages = SpecStages.BuiltIn()

    public init(catalogue: Catalogue = .builtIn) {
        self.catalogue = catalogue
    }

    /// A loader sharing no heap storage with this one, for one sweep worker (see
    /// `Catalogue.unshared()`; the built-in stages are a copy of each loader's own already).
    public func unshared() -> SiteLoader { SiteLoader(catalogue: catalogue.unshared()) }

    /// Loads the spec file at `path`; its relative paths start from the file's folder. `path`
    /// is printed in findings as given.
    public func load(path: String) -> LoadResult {
        let log = FindingLog(file: path)
        guard let yaml = SpecSource.read(path, log: log) else { return LoadResult(log: log, catalogue: catalogue) }
        return load(yaml: yaml, log: log, baseDirectory: (path as NSString).deletingLastPathComponent)
    }

    /// Loads spec text; `path` names it in findings, and relative paths (the weather file)
    /// start from `baseDirectory`.
    public func load(yaml: String, path: String, baseDirectory: String) -> LoadResult {
        load(yaml: yaml, log: FindingLog(file: path), baseDirectory: baseDirectory)
    }

    private func load(yaml: String, log: FindingLog, baseDirectory: String) -> LoadResult {
        guard SpecSource.withinLimit(bytes: yaml.utf8.count, log: log),
            let root = SpecSource.compose(yaml, log: log)
        else { return LoadResult(log: log, catalogue: catalogue) }
        return load(root: root, log: log, baseDirectory: baseDirectory)
    }

    /// The structural and semantic phases on a composed node tree.
    func load(root given: Node, log: FindingLog, baseDirectory: String) -> LoadResult {
        // Values written as distributions are replaced by their central values first (DESIGN.md §5.20).
        let (root, distributions) = SpecDistributions.extract(given, log: log)
        guard let document = SpecDocument.read(root, at: Place(path: .root, mark: root.mark), log: log)
        else { return LoadResult(log: log, catalogue: catalogue) }

        if let version = document.unsupportedVersion {
            // Another version's keys mean something else: report only the version.
            let versionLog = FindingLog(file: log.file)
            versionLog.error(
                "unsupported version \(Phrase.number(version.value)); this dcplan reads version 1", at: version.place)
            return LoadResult(log: versionLog, catalogue: catalogue)
        }
        var assembler = SiteAssembler(catalogue: catalogue, stages: stages, baseDirectory: baseDirectory, log: log)
        var site = assembler.assemble(document)
        site?.uncertainty = Self.uncertainty(document.uncertainty, inputs: distributions, log: log)
        return LoadResult(site: site, log: log, catalogue: assembler.catalogue.catalogue)
    }
}

/// What loading a spec produced.
public struct LoadResult: Sendable {
    /// The site; nil exactly when `findings` holds an error.
    public var site: Site?
    /// Errors and warnings, ordered by line and column, errors first at one place.
    public var findings: [Finding]
    /// The loader's catalogue plus the spec's valid `catalog.racks` entries.
    public var catalogue: Catalogue

    public init(site: Site?, findings: [Finding], catalogue: Catalogue) {
        self.site = site
        self.findings = findings
        self.catalogue = catalogue
    }

    init(site: Site? = nil, log: FindingLog, catalogue: Catalogue) {
        self.init(site: log.hasErrors ? nil : site, findings: log.sorted, catalogue: catalogue)
    }

    /// Whether any finding is an error (then `site` is nil).
    public var hasErrors: Bool { findings.hasErrors }
}

extension SiteLoader {
    /// The `uncertainty:` choices with the spec's distributions (DESIGN.md §5.20); nil when the
    /// spec has neither.
    static func uncertainty(_ section: UncertaintySection?, inputs: [UncertainInput], log: FindingLog)
        -> UncertaintyChoices?
    {
        guard section != nil || !inputs.isEmpty else { return nil }
        var spread = "confidence"
        if let given = section?.defaultsSpread {
            if ["confidence", "none"].contains(given.value) {
                spread = given.value
            } else {
                log.error("must be confidence or none, got '\(given.value)'", at: given.place)
            }
        }
        return UncertaintyChoices(
            samples: section?.samples.map { Int($0.value) } ?? 0, seed: section?.seed.map { UInt64($0.value) } ?? 1,
            fromConfidence: spread == "confidence", inputs: inputs)
    }
}
