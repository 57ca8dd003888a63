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

    @Test("a template with prepared path keys, and an unshared copy of it, load exactly as the plain template")
    func preparedKeysAndUnsharedCopiesLoadTheSame() throws {
        let template = try #require(SpecTemplate.load(path: Self.base).template)
        // The base spec has no `cooling:` and its halls no `power:`: both paths add keys.
        let paths = try ["cooling.tcs_supply_c", "halls[*].power.distribution"].map { try SpecKeyPath(parsing: $0) }
        let values: [SweepValue] = [.number(40), .text("dc-800v")]
        let plain = try template.setting(values[0], at: paths[0]).setting(values[1], at: paths[1])
        let prepared = template.preparing(values, paths: paths).unshared()
        let varied = try prepared.setting(values[0], at: paths[0]).setting(values[1], at: paths[1])
        #expect(varied.unresolvedTags == 0)
        let expected = SiteLoader().load(plain)
        #expect(SiteLoader().load(varied).site == expected.site)
        #expect(SiteLoader().load(varied).findings == expected.findings)
        // A failed set still names the path it walked.
        #expect(throws: SpecKeyPath.Problem.notAList("site")) {
            try prepared.setting(values[0], at: try SpecKeyPath(parsing: "site[0].name"))
        }
    }
}
