// Plans a site spec through the DcplanKit library (no command line) and prints three results:
// facility power at design, annual PUE and typical capital per MW of IT.
//
//   swift run PlanSummary Sites/example-small.yaml
import DcplanKit
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: PlanSummary SPEC.yaml\n".utf8))
    exit(64)
}
do {
    let plan = try Dcplan.plan(specAt: path) { message in
        if case .findings(let findings) = message {
            for finding in findings where finding.severity == .error {
                FileHandle.standardError.write(Data((finding.formatted + "\n").utf8))
            }
        }
    }
    func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
    let it = plan.total.itPower.design
    print("\(plan.site.name): \(plan.total.gpuCount) GPUs, \(fixed(it.megawatts, 2)) MW IT at design")
    if let facility = plan.facilityDesign {
        print("facility power at design, with cooling and house loads: \(fixed(facility.megawatts, 2)) MW")
    }
    if let annual = plan.cooling?.annual {
        print("annual PUE: \(fixed(annual.pue, 3))")
    } else {
        print("annual PUE: not computed (the spec names no weather file)")
    }
    if let cost = plan.cost {
        print("capital per MW of IT (typical): \(fixed(cost.capitalPerMegawattIT.dollars / 1e6, 2)) M USD")
    }
} catch is InputRejected {
    exit(1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
