import ArgumentParser
import PlannerModel
import PlannerRun

/// A plan was produced but a capacity, placement or compliance check failed. Exit status 2.
struct CheckFailed: Error {}

/// Exit statuses (DESIGN.md §9), mapped in one place.
public enum ExitStatus {
    public static let ok: Int32 = 0
    public static let failure: Int32 = 1
    public static let checkFailed: Int32 = 2
    public static let usage: Int32 = 64

    /// Maps an error to its exit status and prints what the user needs to see.
    static func report(_ error: any Error, console: Console) -> Int32 {
        switch error {
        case is InputRejected: return failure
        case is CheckFailed: return checkFailed
        case let failure as RunFailure:
            console.err("error: \(failure.description)")
            return self.failure
        default:
            let code = DcplanCommand.exitCode(for: error)
            let message = DcplanCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { console.out(message) }
                return ok
            }
            if !message.isEmpty { console.err(message) }
            // ArgumentParser reports usage and validation errors as EX_USAGE (64).
            return code == .validationFailure ? usage : code.rawValue
        }
    }
}

extension Console {
    /// Prints findings compiler-style on standard error.
    func print(_ findings: [Finding], minimum: Finding.Severity = .warning) {
        for finding in findings where finding.severity <= minimum { err(finding.formatted) }
    }

    /// A run's log on this console: findings (warnings and errors) and errors on standard error,
    /// information lines too unless `quiet`.
    func log(quiet: Bool) -> RunLog {
        { message in
            switch message {
            case .findings(let findings): self.print(findings)
            case .error(let line): self.err(line)
            case .info(let line): if !quiet { self.err(line) }
            }
        }
    }
}
