internal import CGLPK
internal import Foundation

/// The only way into GLPK: one synchronous call on one thread, with a fresh problem object.
///
/// GLPK keeps its environment (terminal settings, memory bookkeeping) in one place per process
/// or, when built with thread-local storage, one per thread; every `glp_prob` is allocated from
/// the environment of the thread that created it, and freeing or growing it from another thread
/// corrupts both threads' allocation lists. Every call here is synchronous — create, load,
/// solve, read back, delete — and Swift tasks hop threads only at `await`, of which there is
/// none inside, so a problem never leaves its thread.
///
/// - With thread-local storage (`glp_config("TLS")` non-nil, as in Debian's GLPK 5.0, built with
///   `_Thread_local`), each thread has its own environment and separate problems solve
///   concurrently: no lock. At the end of each call the thread's environment is freed
///   (`glp_free_env`), so threads that exit leak nothing; GLPK re-creates it on the next call
///   (measured: negligible next to a solve).
/// - Without it, all threads share one environment and calls are serialised behind one lock.
enum GLPKSession {
    private static let lock = NSLock()
    /// Whether this GLPK build keeps its environment per thread.
    static let hasThreadLocalEnvironment: Bool = glp_config("TLS") != nil

    /// Runs `body` with a new, empty problem object, with GLPK's terminal output off. The problem
    /// is deleted before the call returns.
    static func withProblem<Result>(
        _ body: (GLPKProblem) throws(LinearProgramError) -> Result
    ) throws(LinearProgramError) -> Result {
        if hasThreadLocalEnvironment {
            defer { glp_free_env() }
            glp_term_out(GLP_OFF)
            return try runWithFreshProblem(body)
        }
        lock.lock()
        defer { lock.unlock() }
        // The terminal setting belongs to the environment, so set it on every entry.
        glp_term_out(GLP_OFF)
        return try runWithFreshProblem(body)
    }

    /// A separate frame, so that the problem object is released (and `glp_delete_prob` runs)
    /// before `withProblem` unlocks or frees the environment.
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
                return 1 // non-zero: GLPK does not print the text itself
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
