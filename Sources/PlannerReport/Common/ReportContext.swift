/// What a report says about how it was made: enough to reproduce it, nothing that changes from
/// run to run (no timestamps, no absolute paths, no host names).
public struct ReportContext: Hashable, Sendable {
    /// The spec path as the user gave it, e.g. `Sites/korea-samsung-ai-megafactory.yaml`.
    public var specPath: String
    /// SHA-256 of the spec file's bytes, lower-case hex.
    public var specDigest: String
    /// The command that regenerates the report.
    public var command: String
    /// dcplan's version.
    public var version: String

    public init(specPath: String, specDigest: String, command: String, version: String) {
        self.specPath = specPath
        self.specDigest = specDigest
        self.command = command
        self.version = version
    }
}
