import Foundation
import Testing

@testable import PlannerRun

@Suite("Sweep results on a full disk")
struct SweepSinkTests {
    @Test("a results row that cannot be written is a failure naming the file and the reason, not a trap")
    func fullDisk() throws {
        let handle = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        #expect(throws: RunFailure.self) {
            try SweepSink.append("0,ac-415v,60,ok\n", to: handle, named: "out/.results.csv.partial")
        }
        do {
            try SweepSink.append("x\n", to: handle, named: "out/.results.csv.partial")
        } catch {
            #expect(error.description == "out/.results.csv.partial: cannot write: No space left on device")
        }
    }
}
