import Foundation

/// Where commands print. The process uses standard output and error; tests bind a capturing
/// console with `Console.$current.withValue(…)` and run commands in-process.
public final class Console: @unchecked Sendable {
    @TaskLocal public static var current = Console()

    private let lock = NSLock()
    private let capture: Bool
    private var outText = ""
    private var errText = ""
    /// Whether standard error is a terminal (progress output only then).
    public let isTerminal: Bool

    /// A console that prints to the process's standard output and error.
    public init() {
        capture = false
        isTerminal = isatty(STDERR_FILENO) != 0
    }

    /// A console that keeps what is printed, for tests.
    public init(capturing: Bool) {
        capture = capturing
        isTerminal = false
    }

    public func out(_ line: String) { write(line + "\n", error: false) }
    public func err(_ line: String) { write(line + "\n", error: true) }

    /// What was printed to standard output (capturing consoles only).
    public var stdout: String { lock.withLock { outText } }
    /// What was printed to standard error (capturing consoles only).
    public var stderr: String { lock.withLock { errText } }

    private func write(_ text: String, error: Bool) {
        guard capture else {
            FileHandle(fileDescriptor: error ? STDERR_FILENO : STDOUT_FILENO).write(Data(text.utf8))
            return
        }
        lock.withLock {
            if error { errText += text } else { outText += text }
        }
    }
}
