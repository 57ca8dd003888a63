import Foundation
import PlannerModel

/// A run that stopped with a message for the user (an unreadable file, an unwritable folder, an
/// inconsistent set of shards). The command line prints it as `error: …` and exits 1.
public struct RunFailure: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }

    /// The plain reason of a failed file operation, e.g. "No space left on device" (the system's
    /// words for a POSIX error, not Foundation's "The operation could not be completed.").
    public static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        let cause = ns.userInfo[NSUnderlyingErrorKey] as? NSError ?? ns
        if cause.domain == NSPOSIXErrorDomain, let text = strerror(Int32(cause.code)) { return String(cString: text) }
        return cause.localizedDescription
    }
}

/// A run that stopped on invalid input whose findings have already gone to the run's log.
/// The command line exits 1.
public struct InputRejected: Error, Sendable {
    public init() {}
}

/// What a run tells its user while it works, in order: findings of the specs it loads and plans,
/// errors tied to a file, and information lines (solve times, files written) that `--quiet` hides.
public enum RunMessage: Sendable, Equatable {
    case findings([Finding])
    case error(String)
    case info(String)
}

/// Where a run sends its messages; the command line prints them, a library user may collect them.
public typealias RunLog = (RunMessage) -> Void
