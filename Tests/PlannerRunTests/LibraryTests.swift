import DcplanKit
import Foundation
import Testing
import _PlannerTestSupport

/// The DcplanKit library product (README "Library use"): one import, a spec path in, a `Plan` out.
@Suite("DcplanKit library")
struct LibraryTests {
    @Test("Dcplan.plan(specAt:) gives the plan dcplan plan renders: facility power, annual PUE, capital per MW")
    func planFromLibrary() throws {
        let path = RepositoryPaths.path("Sites/example-small.yaml")
        let plan = try Dcplan.plan(specAt: path)
        let specs = try LoadedSpec.loadAll([path]) { _ in }
        let rendered = try PlanRun(out: NSTemporaryDirectory()).run(specs) { _ in }.entries[0].plan
        #expect(plan.facilityDesign == rendered.facilityDesign)
        #expect(plan.cooling?.annual?.pue == rendered.cooling?.annual?.pue)
        #expect(plan.cost?.capitalPerMegawattIT == rendered.cost?.capitalPerMegawattIT)
        // The committed report's figures (Reports/example-small.md): 2 304 GPUs, annual PUE 1.073,
        // 5.22 M USD of capital per MW of IT.
        #expect(plan.total.gpuCount == 2304)
        #expect(String(format: "%.3f", try #require(plan.cooling?.annual).pue) == "1.073")
        #expect(String(format: "%.2f", try #require(plan.cost).capitalPerMegawattIT.dollars / 1e6) == "5.22")
    }

    @Test("a spec with an error reaches the log as findings and the call throws InputRejected")
    func rejected() throws {
        try withTemporaryDirectory { folder in
            let spec = folder + "/bad.yaml"
            try "version: 1\nsite: { name: x }\nhalls: []\n".write(toFile: spec, atomically: true, encoding: .utf8)
            final class Box: @unchecked Sendable { var errors = 0 }
            let box = Box()
            #expect(throws: InputRejected.self) {
                try Dcplan.plan(specAt: spec) { message in
                    if case .findings(let findings) = message {
                        box.errors += findings.filter { $0.severity == .error }.count
                    }
                }
            }
            #expect(box.errors >= 1)
        }
    }
}
