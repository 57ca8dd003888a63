import Foundation

/// Writes generated files atomically: each file goes to a temporary file in the same folder and
/// is renamed over the target, so a reader never sees a half-written report.
struct OutputWriter {
    /// Everything to write, relative path → contents; written only once all are rendered.
    var files: [(path: String, contents: String)] = []

    mutating func add(_ path: String, _ contents: String) { files.append((path, contents)) }

    func writeAll() throws {
        let fm = FileManager.default
        for file in files {
            let url = URL(fileURLWithPath: file.path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .atomic)
            } catch {
                throw CommandFailure("\(file.path): cannot write: \(error.localizedDescription)")
            }
        }
    }
}
