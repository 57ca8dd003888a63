import Testing

@testable import SiteSpec

@Suite("Message wording")
struct PhraseTests {
    @Test(
        "integral numbers print without a trailing .0",
        arguments: [(180.0, "180"), (-3, "-3"), (2.5, "2.5"), (0.194, "0.194"), (-0.0, "0")])
    func number(value: Double, text: String) {
        #expect(Phrase.number(value) == text)
    }

    @Test("alternatives read as a list: 'a', 'a' or 'b', 'a', 'b' or 'c'")
    func alternatives() {
        #expect(Phrase.alternatives(["a"]) == "'a'")
        #expect(Phrase.alternatives(["a", "b"]) == "'a' or 'b'")
        #expect(Phrase.alternatives(["a", "b", "c"]) == "'a', 'b' or 'c'")
        #expect(Phrase.didYouMean([], otherwise: "; none") == "; none")
    }

    @Test("findings sort by line and column, whole-file findings first, errors before warnings at one place")
    func sorting() {
        let log = FindingLog(file: "f.yaml")
        log.warning("w", at: Place(path: .root, line: 2, column: 1))
        log.error("e2", at: Place(path: .root, line: 1, column: 5))
        log.error("e1", at: Place(path: .root, line: 2, column: 1))
        log.fileError("whole")
        #expect(log.sorted.map(\.message) == ["whole", "e2", "e1", "w"])
    }
}
