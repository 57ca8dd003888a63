import Foundation
import PlannerModel

/// A one-line progress bar with rate and ETA on standard error, only when it is a terminal.
final class ProgressBar: @unchecked Sendable {
    let total: Int
    let enabled: Bool
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
        started = clock.now
    }

    func update(_ done: Int) {
        guard enabled, total > 0 else { return }
        let elapsed = max((clock.now - started).seconds, 1e-9)
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = width * done / total
        let line =
            "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + "\(done)/\(total) \(Int(rate))/s ETA \(Int(eta.rounded())) s "
        try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
    }

    func finish() {
        if enabled, total > 0 { try? FileHandle.standardError.write(contentsOf: Data("\n".utf8)) }
    }
}
