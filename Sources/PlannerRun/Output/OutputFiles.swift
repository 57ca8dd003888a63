import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Generated files, rendered in memory first and written all or nothing (``writeAll()``):
///
/// 1. every target is checked first: no two outputs share a path, nothing that is not a folder
///    stands where a folder is needed, no folder stands where a file goes;
/// 2. every file is written to a temporary file of its own (a unique name in the target's
///    folder, so runs sharing an output folder never take each other's files); if any write
///    fails, every temporary is removed and no target has changed;
/// 3. the temporaries are renamed over their targets, so a reader never sees a half-written file;
/// 4. files a previous run generated in a folder this run owns (``own(_:generated:)``) and this
///    run does not write are removed, so a reused `--out` holds no stale figures.
public struct OutputFiles: Sendable {
    /// Everything to write, path → contents, in the order added.
    public private(set) var files: [(path: String, contents: String)] = []
    /// Folders whose generated files this run replaces, with the test for a generated name.
    private var owned: [(folder: String, isGenerated: @Sendable (String) -> Bool)] = []
    /// Files written outside this bundle that belong to the run (e.g. a sweep's streamed results),
    /// kept when stale files are removed.
    private var alsoWritten: Set<String> = []

    public init() {}

    public mutating func add(_ path: String, _ contents: String) { files.append((path, contents)) }

    public mutating func add(_ other: OutputFiles) {
        files += other.files
        owned += other.owned
        alsoWritten.formUnion(other.alsoWritten)
    }

    /// The contents added for `path`, if any (the last one).
    public func contents(of path: String) -> String? { files.last { $0.path == path }?.contents }

    /// Declares that this run replaces the generated files in `folder`: after writing, files there
    /// whose names pass `isGenerated` and that this run did not write are removed.
    public mutating func own(_ folder: String, generated isGenerated: @escaping @Sendable (String) -> Bool) {
        owned.append((folder, isGenerated))
    }

    /// Marks `path` as written by the run outside this bundle (it is not stale).
    public mutating func keep(_ path: String) { alsoWritten.insert(Self.normalised(path)) }

    /// Writes every file (see the type's steps); throws before changing anything when a target
    /// is unusable or a write fails.
    public func writeAll() throws(RunFailure) {
        try check()
        let fm = FileManager.default
        var written: [(temporary: String, target: String)] = []
        func discard() { for file in written { unlink(file.temporary) } }
        for file in files {
            let url = URL(fileURLWithPath: file.path)
            let folder = url.deletingLastPathComponent()
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial").path
            do {
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: temporary))
            } catch {
                unlink(temporary)
                discard()
                throw RunFailure("\(file.path): cannot write: \(RunFailure.reason(error)); nothing was written")
            }
            written.append((temporary, file.path))
        }
        for file in written where rename(file.temporary, file.target) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw RunFailure("\(file.target): cannot replace it: \(reason)")
        }
        removeStale()
    }

    /// Step 1: every problem with the targets, in plain words, before anything is written.
    func check() throws(RunFailure) {
        var seen: [String: Int] = [:]
        var problems: [String] = []
        for (index, file) in files.enumerated() {
            let path = Self.normalised(file.path)
            if seen[path] != nil {
                problems.append("two outputs of this run would both write \(file.path)")
                continue
            }
            seen[path] = index
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                problems.append("\(file.path) is a folder, so the file cannot be written there")
            }
            if let blocked = Self.fileInTheWay(of: (path as NSString).deletingLastPathComponent) {
                problems.append("\(blocked) is a file, but the output needs a folder there")
            }
        }
        if !problems.isEmpty {
            let unique = problems.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            throw RunFailure(unique.prefix(5).joined(separator: "; ") + "; nothing was written")
        }
    }

    /// The nearest existing ancestor of `folder` (itself included) when it is not a folder: what
    /// stands in the way of creating `folder`; nil when the folder exists or can be created.
    public static func fileInTheWay(of folder: String) -> String? {
        var ancestor = normalised(folder)
        var isFolder: ObjCBool = false
        while !ancestor.isEmpty, ancestor != "/" {
            if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isFolder) {
                return isFolder.boolValue ? nil : ancestor
            }
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// Step 4.
    private func removeStale() {
        let fm = FileManager.default
        let current = Set(files.map { Self.normalised($0.path) }).union(alsoWritten)
        for (folder, isGenerated) in owned {
            for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where isGenerated(name) {
                let path = Self.normalised((folder as NSString).appendingPathComponent(name))
                if !current.contains(path) { try? fm.removeItem(atPath: path) }
            }
        }
    }

    /// The path with `.` and `..` steps and duplicate slashes resolved (not symbolic links).
    static func normalised(_ path: String) -> String { (path as NSString).standardizingPath }
}
