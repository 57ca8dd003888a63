import Foundation
import PlannerModel
import SiteSpec
import _PlannerTestSupport

/// The spec name every inline test spec is reported under.
let specPath = "Sites/x.yaml"

/// Loads inline YAML as `Sites/x.yaml`, with relative paths starting from `baseDirectory`.
func load(_ yaml: String, baseDirectory: String = "Sites") -> LoadResult {
    SiteLoader().load(yaml: yaml, path: specPath, baseDirectory: baseDirectory)
}

/// The findings of loading inline YAML, as the CLI prints them.
func diagnostics(_ yaml: String, baseDirectory: String = "Sites") -> [String] {
    load(yaml, baseDirectory: baseDirectory).findings.map(\.formatted)
}

/// The package's root folder.
let packageRoot = RepositoryPaths.root.path

/// Writes `contents` to a new file at `path`.
func writeFile(_ path: String, _ contents: String) throws {
    try writeFile(path, Data(contents.utf8))
}

func writeFile(_ path: String, _ contents: Data) throws {
    try contents.write(to: URL(fileURLWithPath: path))
}
