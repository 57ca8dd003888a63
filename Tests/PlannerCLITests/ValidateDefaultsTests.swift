import Foundation
import Testing
import _PlannerTestSupport

@Suite("dcplan validate --defaults")
struct ValidateDefaultsTests {
    @Test("validate --defaults lists each default the example spec takes, with its source, and none it sets")
    func listsDefaults() {
        let result = runDcplan(["validate", "--defaults", RepositoryPaths.path("Sites/example-small.yaml")])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("ok (2 hall specs, 2,304 GPUs)") == true)
        let defaults = lines.dropFirst()
        #expect(defaults.allSatisfy { $0.contains(": default ") })
        // The example has no cooling section, sets workload.utilisation_percent and two of the three
        // placement keys.
        #expect(defaults.contains { $0.contains("default cooling.cdu = cdu-liquidstack-1mw (") })
        #expect(defaults.contains { $0.contains("default cooling.tcs_supply_c = 36 (REFERENCE.md §3.2") })
        #expect(defaults.contains { $0.contains("default placement.site_pitch_m = 3 (") })
        #expect(!defaults.contains { $0.contains("default workload.utilisation_percent") })
        #expect(!defaults.contains { $0.contains("default placement.time_limit_s") })
    }
}
