import Foundation
import PlannerModel

/// Progress of a long command on standard error (DESIGN.md §7.1), throttled by time, never by
/// count: on a terminal a bar redrawn in place at least every second (the 1 s limit of a user's
/// flow of thought, REFERENCE.md P476); otherwise (a file, a Slurm log) one plain line at most every
/// 10 s; nothing with `--quiet`. Progress goes only to
/// standard error, so it never changes an output file.
///
/// Updates may come from any thread (sweep workers report each block of scenarios they finish).
/// A ticker re-checks the time between updates, so a bar keeps moving (elapsed time, remaining
/// time) while one slow scenario or site is being worked on. The clock is injected so that tests
/// check the throttling in fake time, without sleeping.
final class ProgressBar: @unchecked Sendable {
    /// How progress is shown.
    enum Style: Sendable {
        /// Standard error is a terminal: one line redrawn in place (`\r`, erase to end of line).
        case terminal
        /// Standard error is a file or a pipe (a batch scheduler's log): plain lines.
        case log

        /// The least time between two outputs. On a terminal the bar is redrawn when half a second
        /// has passed; the ticker checks every quarter second, so the gap stays under a second.
        var interval: Duration { self == .terminal ? .milliseconds(500) : .seconds(10) }
    }

    /// How often the ticker re-checks the time (real time; only when started).
    static let tickerPeriod: Duration = .milliseconds(250)

    let total: Int
    /// What is counted, plural ("scenarios", "sites").
    let unit: String
    /// Nil: progress is off (`--quiet`).
    let style: Style?
    private let now: @Sendable () -> Duration
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private let started: Duration
    private var done = 0
    private var note = ""
    private var shown: Duration
    private var drawn = false
    private var finished = false
    private var ticker: (any DispatchSourceTimer)?

    /// - Parameters:
    ///   - now: a monotonic clock (any origin); the real one unless a test injects a fake.
    ///   - write: where the text goes (standard error).
    init(
        total: Int, unit: String, style: Style?, now: @escaping @Sendable () -> Duration,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.total = total
        self.unit = unit
        self.style = style
        self.now = now
        self.write = write
        started = now()
        shown = started
    }

    /// Progress on the console's standard error: a bar on a terminal, plain lines otherwise,
    /// nothing when `quiet` or when the console captures for a test (what it holds must not depend
    /// on timing); timed by the continuous clock, with the ticker running.
    convenience init(total: Int, unit: String, console: Console, quiet: Bool) {
        let clock = ContinuousClock()
        let origin = clock.now
        self.init(
            total: total, unit: unit,
            style: quiet || console.isCapturing ? nil : (console.isTerminal ? .terminal : .log),
            now: { clock.now - origin }, write: { console.errText($0) })
        startTicker()
    }

    /// Records that `done` items are finished (the largest count seen wins, so updates from
    /// several threads may arrive out of order) and, optionally, what is being worked on now;
    /// shows the progress if its interval has passed.
    func update(_ done: Int, note: String? = nil) {
        guard style != nil else { return }
        lock.withLock {
            self.done = max(self.done, min(done, total))
            if let note { self.note = note }
            showIfDue()
        }
    }

    /// Shows the progress if its interval has passed since it was last shown (the ticker calls this).
    func tick() {
        guard style != nil else { return }
        lock.withLock { showIfDue() }
    }

    /// Stops the ticker and ends a bar drawn on a terminal with a newline (a log gets no extra
    /// line: the command's own summary follows).
    func finish() {
        lock.withLock {
            ticker?.cancel()
            ticker = nil
            // A tick already waiting for the lock must not draw after the final line.
            finished = true
            if style == .terminal, drawn {
                write(bar(at: now()) + "\n")
                drawn = false
            }
        }
    }

    private func startTicker() {
        guard style != nil else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        let period = Self.tickerPeriod
        timer.schedule(deadline: .now() + period.seconds, repeating: period.seconds, leeway: .milliseconds(50))
        timer.setEventHandler { [weak self] in self?.tick() }
        lock.withLock { ticker = timer }
        timer.resume()
    }

    /// Called with the lock held.
    private func showIfDue() {
        guard let style, !finished else { return }
        let t = now()
        guard t - shown >= style.interval else { return }
        shown = t
        switch style {
        case .terminal:
            write(bar(at: t))
            drawn = true
        case .log:
            write(line(at: t) + "\n")
        }
    }

    /// `done/total unit (p %), elapsed`, with the rate and the remaining time once something is done.
    private func figures(at t: Duration) -> (count: String, rate: String, eta: String) {
        let elapsed = max((t - started).seconds, 1e-9)
        let count = "\(done)/\(total) \(unit)"
        guard done > 0 else { return (count, "", "") }
        let rate = Double(done) / elapsed
        let remaining = Double(total - done) / rate
        // Below 0.1 per second (sites of a plan) the time per item reads better than "0.0/s".
        let pace =
            rate >= 10
            ? "\(Int(rate.rounded()))/s"
            : rate >= 0.1 ? String(format: "%.1f/s", rate) : "\(Self.duration(1 / rate)) each"
        return (count, pace, Self.duration(remaining))
    }

    /// `\r[#####.........] 120/400 scenarios 31/s ETA 9 s, 4 s elapsed, note` and erase to the end of the line.
    private func bar(at t: Duration) -> String {
        let width = 30
        let filled = total > 0 ? width * done / total : 0
        let (count, rate, eta) = figures(at: t)
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
        text += count
        if !rate.isEmpty { text += " \(rate) ETA \(eta)" }
        text += ", \(Self.duration((t - started).seconds)) elapsed"
        if !note.isEmpty { text += ", \(note)" }
        return "\r" + text + "\u{1B}[K"
    }

    /// `progress: 120/400 scenarios (30 %), 31/s, about 9 s left, 4 s elapsed, note`.
    private func line(at t: Duration) -> String {
        let (count, rate, eta) = figures(at: t)
        let percent = total > 0 ? 100 * done / total : 0
        var text = "progress: \(count) (\(percent) %)"
        if !rate.isEmpty { text += ", \(rate), about \(eta) left" }
        text += ", \(Self.duration((t - started).seconds)) elapsed"
        if !note.isEmpty { text += ", \(note)" }
        return text
    }

    /// Whole seconds below two minutes, then minutes and seconds, then hours and minutes.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 120 { return "\(s) s" }
        if s < 7200 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }
}
