import Foundation
import PlannerRun

/// Where commands print. The process uses standard output and error; tests bind a capturing
/// console with `Console.$current.withValue(…)` and run commands in-process.
public final class Console: @unchecked Sendable {
    @TaskLocal public static var current = Console()

    private let lock = NSLock()
    private let capture: Bool
    private var outText = ""
    private var errText = ""
    private var failure: String?
    private var barShown = false
    private let output: Int32
    private let error: Int32
    /// Whether standard error is a terminal (a progress bar then; plain progress lines otherwise).
    public let isTerminal: Bool

    /// A console that prints to the process's standard output and error (or, for tests, to
    /// other open file descriptors).
    public init(output: Int32 = STDOUT_FILENO, error: Int32 = STDERR_FILENO) {
        capture = false
        self.output = output
        self.error = error
        isTerminal = isatty(error) != 0
    }

    /// A console that keeps what is printed, for tests.
    public init(capturing: Bool) {
        capture = capturing
        (output, error) = (STDOUT_FILENO, STDERR_FILENO)
        isTerminal = false
    }

    /// Whether this console keeps what is printed (tests); progress, which depends on timing, is not shown on it.
    var isCapturing: Bool { capture }

    public func out(_ line: String) { write(line + "\n", toError: false) }
    public func err(_ line: String) { write(line + "\n", toError: true) }
    /// Text on standard error as it is (a progress bar redrawn with `\r` and no newline). While
    /// such a bar stands on the terminal, the next line printed first erases it (the bar is
    /// redrawn under that line at its next tick).
    func errText(_ text: String) {
        write(text, toError: true, erasingBar: false)
        if !capture, isTerminal { lock.withLock { barShown = !text.hasSuffix("\n") } }
    }

    /// What was printed to standard output (capturing consoles only).
    public var stdout: String { lock.withLock { outText } }
    /// What was printed to standard error (capturing consoles only).
    public var stderr: String { lock.withLock { errText } }

    /// The first write to standard output or error that failed (a full disk, a closed pipe), as a
    /// sentence; nil while every write succeeded. A failed write does not stop the command: it
    /// finishes, and ``DcplanCommand/run(_:)`` then exits 1 with this message.
    public var writeFailure: String? { lock.withLock { failure } }

    /// Whether a progress bar stands on the terminal; it will not once the caller erases it.
    private func takeBar() -> Bool {
        lock.withLock {
            defer { barShown = false }
            return barShown
        }
    }

    private func write(_ text: String, toError: Bool, erasingBar: Bool = true) {
        guard capture else {
            do {
                if erasingBar, takeBar() {
                    // Only ever on standard error: standard output may be a file.
                    try FileHandle(fileDescriptor: error).write(contentsOf: Data("\r\u{1B}[K".utf8))
                }
                try FileHandle(fileDescriptor: toError ? error : output).write(contentsOf: Data(text.utf8))
            } catch {
                let reason = RunFailure.reason(error)
                lock.withLock {
                    if failure == nil {
                        failure = "cannot write to standard \(toError ? "error" : "output"): \(reason)"
                    }
                }
            }
            return
        }
        lock.withLock {
            if toError { errText += text } else { outText += text }
        }
    }
}
