import Foundation
import PlannerModel
import SiteSpec
import Testing
import _PlannerTestSupport

@Suite("Resource limits")
struct ResourceLimitTests {
    static func timed<T>(_ body: () -> T) -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = body()
        return (value, clock.now - start)
    }

    @Test("an alias bomb (10⁹ nodes from 1 KB) is rejected in well under a second")
    func aliasBomb() {
        // a0 has 10 scalars; each a(i) lists a(i−1) ten times: a8 expands to 10⁹ scalars.
        var lines = ["version: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1...8 {
            lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines += ["site: { name: bomb }", "halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 1 }] }]"]
        let (result, time) = Self.timed { load(lines.joined(separator: "\n") + "\n") }
        #expect(result.site == nil)
        #expect(
            result.findings.map(\.formatted) == [
                "Sites/x.yaml: error: the document expands to more than 1000000 YAML nodes (aliases such as *name "
                    + "repeat what they point to); the limit guards against alias bombs"
            ])
        #expect(time < .seconds(1), "\(time)")
    }

    @Test("a document nested 100,000 deep is a YAML error, not a stack overflow")
    func deepNesting() {
        let yaml =
            "version: 1\nsite: { name: deep }\nx: " + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "\n"
        let (result, time) = Self.timed { load(yaml) }
        #expect(result.site == nil)
        #expect(result.findings.first?.message.contains("Maximum nesting level reached") == true)
        #expect(time < .seconds(1), "\(time)")
    }

    @Test("a spec over 10 MB is refused before it is parsed")
    func tooLarge() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/big.yaml"
            let text = "version: 1\n# " + String(repeating: "x", count: 11 * 1024 * 1024) + "\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let (result, time) = Self.timed { SiteLoader().load(path: path) }
            #expect(
                result.findings.map(\.message) == [
                    "file is too large: \(text.utf8.count) bytes; the limit is 10 MB (10485760 bytes)"
                ])
            #expect(time < .seconds(1), "\(time)")
        }
    }

    @Test("an absurd rack count (10¹²) is an error at the value, not an allocation")
    func absurdCount() {
        let result = load(
            "version: 1\nsite: { name: T }\nhalls: [{ id: h, copies: 1e12, racks: [{ type: gb300-nvl72, count: "
                + "1000000000000 }] }]\n"
        )
        #expect(result.site == nil)
        #expect(
            result.findings.map(\.formatted) == [
                "Sites/x.yaml:3:26: error: halls[0].copies: must be at most 1000, got 1000000000000",
                "Sites/x.yaml:3:68: error: halls[0].racks[0].count: must be at most 100000, got 1000000000000",
            ])
    }
}
