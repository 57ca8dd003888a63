import Foundation

/// Paths in the repository, found from this file's location (tests run from any directory).
public enum RepositoryPaths {
    /// The package root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The site specs shipped in `Sites/`, sorted.
    public static var siteSpecs: [String] {
        let dir = root.appendingPathComponent("Sites")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir.appendingPathComponent($0).path }
    }
}

/// Compares text with a golden file under `Tests/<target>/Golden/`; with `RECORD_SNAPSHOTS=1`
/// in the environment it (re)writes the file instead. Returns a description of the first
/// difference, or nil when equal.
public func goldenMismatch(_ actual: String, file relativePath: String) -> String? {
    let path = RepositoryPaths.path(relativePath)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        return nil
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        return "no golden file at \(relativePath); run with RECORD_SNAPSHOTS=1 to record it"
    }
    if expected == actual { return nil }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, e.count) where i >= a.count || i >= e.count || a[i] != e[i] {
        return
            "\(relativePath):\(i + 1): expected «\(i < e.count ? String(e[i]) : "<end>")», got "
            + "«\(i < a.count ? String(a[i]) : "<end>")»"
    }
    return "\(relativePath): differs"
}
