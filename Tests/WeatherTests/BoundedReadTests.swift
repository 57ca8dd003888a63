import Foundation
import Testing
import Weather
import _PlannerTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Weather files are read with a size limit and never wait on a pipe (issue 21, item 5).
@Suite("Reading weather files within bounds")
struct BoundedReadTests {
    @Test("a 2 GB sparse EPW is refused from its size, unread, and a 2 MB .stat likewise")
    func sizeLimits() throws {
        try withTemporaryDirectory { dir in
            let epw = dir + "/big.epw"
            #expect(FileManager.default.createFile(atPath: epw, contents: nil))
            #expect(truncate(epw, 2 << 30) == 0)
            #expect(throws: WeatherFileError.self) { try EPWReader.read(path: epw) }
            do {
                _ = try EPWReader.read(path: epw)
            } catch let error as WeatherFileError {
                #expect(
                    error.description
                        == "big.epw: cannot read file: the file has 2147483648 bytes; the limit is 8388608 bytes")
            }
        }
    }

    @Test("an EPW that is a named pipe no program writes to reads as empty at once instead of waiting")
    func fifo() throws {
        try withTemporaryDirectory { dir in
            let epw = dir + "/pipe.epw"
            #expect(mkfifo(epw, 0o600) == 0)
            let clock = ContinuousClock()
            let started = clock.now
            #expect(throws: WeatherFileError.self) { try EPWReader.read(path: epw) }
            #expect(clock.now - started < .seconds(5))
        }
    }
}
