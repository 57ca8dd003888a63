internal import CGLPK
internal import Foundation

/// The only way into GLPK: one call at a time, on one thread, with a fresh problem object.
///
/// Why a process-wide lock: Debian's GLPK 5 keeps its environment (terminal settings, memory
/// bookkeeping) in thread-local storage, and every `glp_prob` is allocated from the environment
/// of the thread that created it. Freeing or growing it from another thread corrupts both
/// threads' allocation lists, and a GLPK built without thread-local storage shares one
/// environment between all threads. Solving inside one synchronous, locked call — create, load,
/// solve, read back, delete — is correct under both builds. Swift tasks may hop threads only at
/// `await`, and there is none inside, so the problem never leaves its thread. Parallel halls
/// therefore solve one after another; the placement MILPs are small enough for that to be
/// acceptable, and it can be revisited if a measurement says otherwise.
enum GLPKSession {
    private static let lock = NSLock()

    /// Runs `body` with a new, empty problem object, holding the lock, with GLPK's terminal
    /// output off. The problem is deleted before the lock is released.
    static func withProblem<Result>(
        _ body: (GLPKProblem) throws(LinearProgramError) -> Result
    ) throws(LinearProgramError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        // The terminal setting belongs to this thread's environment, so set it on every entry.
        glp_term_out(GLP_OFF)
        return try runWithFreshProblem(body)
    }

    /// A separate frame, so that the problem object is released (and `glp_delete_prob` runs)
    /// before `withProblem` unlocks.
    private static func runWithFreshProblem<Result>(
        _ body: (GLPKProblem) throws(LinearProgramError) -> Result
    ) throws(LinearProgramError) -> Result {
        let problem = GLPKProblem()
        return try body(problem)
    }

    /// Runs `body` with GLPK's terminal output collected instead of printed, and returns the
    /// result with the collected text. Used around file input and output, whose only error
    /// detail (file, line, cause) is what GLPK prints. Call only inside ``withProblem(_:)``.
    static func capturingOutput<Result>(_ body: () -> Result) -> (result: Result, output: String) {
        let capture = OutputCapture()
        glp_term_hook(
            { info, text in
                guard let info, let text else { return 1 }
                Unmanaged<OutputCapture>.fromOpaque(info).takeUnretainedValue().text += String(cString: text)
                return 1  // non-zero: GLPK does not print the text itself
            },
            Unmanaged.passUnretained(capture).toOpaque())
        glp_term_out(GLP_ON)
        defer {
            glp_term_out(GLP_OFF)
            glp_term_hook(nil, nil)
        }
        let result = withExtendedLifetime(capture) { body() }
        return (result, capture.text)
    }

    private final class OutputCapture {
        var text = ""
    }
}
