import PlannerModel
import Testing

@testable import SiteSpec

@Suite("Sweep templates")
struct SpecTemplateTests {
    static let base = "\(packageRoot)/Sites/korea-national-ai-computing-center.yaml"

    /// Yams caches a tag's resolution by writing it into the shared `Tag` object, so a template
    /// read by many threads must hold no unresolved tag (else two threads write at once).
    @Test("a loaded template and every template set from it hold no unresolved tag")
    func tagsResolved() throws {
        let template = try #require(SpecTemplate.load(path: Self.base).template)
        #expect(template.unresolvedTags == 0)
        let path = try SpecKeyPath(parsing: "workload.utilisation_percent")
        let prepared = template.preparing([.number(35), .text("dc-800v")])
        #expect(try prepared.setting(.number(35), at: path).unresolvedTags == 0)
        // A value that was not prepared is built and resolved when it is set.
        #expect(try template.setting(.number(72.5), at: path).unresolvedTags == 0)
        let all = try SpecKeyPath(parsing: "halls[*].power.distribution")
        #expect(try prepared.setting(.text("dc-800v"), at: all).unresolvedTags == 0)
    }

    @Test("a prepared value loads exactly as the same value set without preparing")
    func preparedValuesLoadTheSame() throws {
        let template = try #require(SpecTemplate.load(path: Self.base).template)
        let path = try SpecKeyPath(parsing: "workload.utilisation_percent")
        let plain = SiteLoader().load(try template.setting(.number(35), at: path))
        let prepared = SiteLoader().load(try template.preparing([.number(35)]).setting(.number(35), at: path))
        let site = try #require(plain.site)
        #expect(prepared.site == site)
        #expect(site.utilisation == .fraction(0.35))
    }
}
