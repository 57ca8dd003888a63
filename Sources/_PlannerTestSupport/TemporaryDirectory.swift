import Foundation

/// A fresh empty folder under the system's temporary directory (`dcplan-test-<UUID>`), left in
/// place for inspection after the test.
public func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dcplan-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs `body` with the path of a fresh empty folder and removes the folder afterwards.
public func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let url = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.path)
}
