import Foundation
import Testing

@testable import PlannerCLI

/// A clock the test moves by hand, and the text the progress wrote: the throttling is checked in
/// fake time, without sleeping (DESIGN.md §7.1).
private final class FakeTerminal: @unchecked Sendable {
    private let lock = NSLock()
    private var time = Duration.zero
    private var written: [(at: Duration, text: String)] = []

    var now: Duration {
        get { lock.withLock { time } }
        set { lock.withLock { time = newValue } }
    }
    var writes: [(at: Duration, text: String)] { lock.withLock { written } }

    func bar(total: Int, style: ProgressBar.Style?) -> ProgressBar {
        ProgressBar(
            total: total, unit: "scenarios", style: style, now: { self.now },
            write: { text in self.lock.withLock { self.written.append((self.time, text)) } })
    }
}

@Suite("progress on standard error")
struct ProgressTests {
    @Test("not a terminal: 100 updates over 5 s of fake time write no line; over 60 s one plain line every 10 s")
    func logThrottled() {
        let fake = FakeTerminal()
        let bar = fake.bar(total: 600, style: .log)
        for k in 1...50 {
            fake.now = .milliseconds(100 * k)
            bar.update(k)
            bar.update(k)
        }
        // 100 updates, the last at 5 s: the first line is due at 10 s.
        #expect(fake.writes.isEmpty)
        for k in 51...600 {
            fake.now = .milliseconds(100 * k)
            bar.update(k)
            bar.tick()
        }
        bar.finish()
        // 600 updates over 60 s: lines at 10, 20, …, 60 s and none at finish (the summary follows).
        #expect(fake.writes.map(\.at) == (1...6).map { .seconds(10 * $0) })
        #expect(fake.writes.allSatisfy { $0.text.hasSuffix("\n") && !$0.text.contains("\r") })
        // At 10 s: 100 of 600 done, 100 / 10 s = 10 per second, (600 − 100) / 10 = 50 s left,
        // 100 × 100 / 600 = 16 % (whole percent, rounded down).
        #expect(
            fake.writes.first?.text == "progress: 100/600 scenarios (16 %), 10/s, about 50 s left, 10 s elapsed\n")
        #expect(fake.writes.last?.text == "progress: 600/600 scenarios (100 %), 10/s, about 0 s left, 60 s elapsed\n")
    }

    @Test(
        "on a terminal the bar is redrawn in place at least every second, at most twice a second, and ends with a newline"
    )
    func terminalEverySecond() throws {
        let fake = FakeTerminal()
        let bar = fake.bar(total: 200, style: .terminal)
        // 1,000 updates over 5 s (one every 5 ms): redraws at 0.5, 1.0, …, 5.0 s, i.e. 10.
        for k in 1...1000 {
            fake.now = .milliseconds(5 * k)
            bar.update(k / 5)
        }
        let draws = fake.writes
        #expect(draws.count == 10)
        #expect(draws.allSatisfy { $0.text.hasPrefix("\r") && !$0.text.contains("\n") })
        let times = [Duration.zero] + draws.map(\.at)
        #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 <= .seconds(1) && $1 - $0 >= .milliseconds(500) })
        // At 0.5 s: update k = 100 gives 20 of 200; 20 / 0.5 s = 40 per second; 180 / 40 = 4.5 s → "5 s";
        // 30 × 20 / 200 = 3 of 30 cells filled.
        #expect(
            draws.first?.text
                == "\r[###...........................] 20/200 scenarios 40/s ETA 5 s, 1 s elapsed\u{1B}[K")
        bar.finish()
        let last = try #require(fake.writes.last)
        #expect(last.text.hasPrefix("\r[" + String(repeating: "#", count: 30) + "] 200/200 scenarios"))
        #expect(last.text.hasSuffix("\n"))
        // A tick that was waiting when the command finished draws nothing after the final line.
        fake.now = .seconds(9)
        bar.tick()
        #expect(fake.writes.count == 11)
    }

    @Test("a bar keeps moving while nothing finishes: ticks alone redraw it with the elapsed time")
    func ticksWithoutUpdates() {
        let fake = FakeTerminal()
        let bar = fake.bar(total: 10, style: .terminal)
        // One slow scenario: the ticker fires every 0.25 s for 3 s and nothing finishes.
        for k in 1...12 {
            fake.now = .milliseconds(250 * k)
            bar.tick()
        }
        // Redraws at 0.5, 1.0, …, 3.0 s: 6, with no rate or ETA before the first scenario is done.
        #expect(fake.writes.count == 6)
        #expect(fake.writes.last?.text == "\r[..............................] 0/10 scenarios, 3 s elapsed\u{1B}[K")
    }

    @Test("--quiet writes nothing at all, and counts arriving out of order never move the bar back")
    func quietAndOrder() {
        let quietTerminal = FakeTerminal()
        let quiet = quietTerminal.bar(total: 10, style: nil)
        for k in 1...100 {
            quietTerminal.now = .seconds(k)
            quiet.update(k / 10)
            quiet.tick()
        }
        quiet.finish()
        #expect(quietTerminal.writes.isEmpty)

        let fake = FakeTerminal()
        let bar = fake.bar(total: 64, style: .log)
        bar.update(16)
        fake.now = .seconds(10)
        bar.update(8) // a worker's earlier count, arriving late
        #expect(fake.writes.first?.text.hasPrefix("progress: 16/64 scenarios (25 %)") == true)
    }

    @Test("a slow count (sites of a plan) reads as the time per item rather than a rate of 0.0 per second")
    func slowPace() {
        let fake = FakeTerminal()
        let sites = fake.bar(total: 5, style: .log)
        fake.now = .seconds(60)
        sites.update(2, note: "planning korea-naver-cloud")
        // 2 done in 60 s: 60 / 2 = 30 s each; 3 left × 30 s = 90 s (seconds up to 2 min)
        let expected = "progress: 2/5 scenarios (40 %), 30 s each, about 90 s left, 60 s elapsed"
        #expect(fake.writes.first?.text == expected + ", planning korea-naver-cloud\n")
    }

    @Test("remaining and elapsed times read as seconds, then minutes, then hours")
    func durations() {
        #expect(ProgressBar.duration(59.6) == "60 s")
        #expect(ProgressBar.duration(125) == "2 min 5 s") // 125 s = 2 × 60 + 5
        #expect(ProgressBar.duration(7_300) == "2 h 1 min") // 7,300 s = 2 × 3,600 + 100 s
    }
}
