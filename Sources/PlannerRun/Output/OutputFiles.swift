import Foundation

/// Generated files, rendered in memory first and written together at the end, each atomically:
/// a file goes to a temporary file in its folder and is renamed over the target, so a reader
/// never sees a half-written report, and a run that fails before ``writeAll()`` writes nothing.
public struct OutputFiles: Sendable {
    /// Everything to write, path → contents, in the order added.
    public private(set) var files: [(path: String, contents: String)] = []

    public init() {}

    public mutating func add(_ path: String, _ contents: String) { files.append((path, contents)) }

    public mutating func add(_ other: OutputFiles) { files += other.files }

    /// The contents added for `path`, if any (the last one).
    public func contents(of path: String) -> String? { files.last { $0.path == path }?.contents }

    /// Writes every file, creating folders as needed.
    public func writeAll() throws(RunFailure) {
        let fm = FileManager.default
        for file in files {
            let url = URL(fileURLWithPath: file.path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .atomic)
            } catch {
                throw RunFailure("\(file.path): cannot write: \(RunFailure.reason(error))")
            }
        }
    }
}
