import Catalogue
import Foundation
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Built-in catalogue")
struct CatalogueTests {
    let catalogue = Catalogue.builtIn

    @Test("the catalogue has the systems the Korean programmes need")
    func requiredEntries() {
        for id in [
            "gb200-nvl72", "gb300-nvl72", "dgx-b200", "dgx-b300", "dgx-b300-rack", "rtx-pro-6000-rack", "dgx-h100",
            "network-rack", "storage-rack",
        ] {
            #expect(catalogue.entry(id) != nil, "missing \(id)")
        }
    }

    @Test("every entry is consistent and cites a REFERENCE.md row")
    func entriesAreSound() {
        for entry in catalogue.entries {
            #expect(entry.inconsistencies.isEmpty, "\(entry.id): \(entry.inconsistencies)")
            #expect(entry.provenance.source.contains("REFERENCE.md"), "\(entry.id) cites no REFERENCE.md row")
        }
    }

    @Test("NVL72 racks fall in the published envelopes (V4: GB200 120–132 kW, GB300 120–142 kW)")
    func nvl72Envelope() throws {
        let gb200 = try #require(catalogue.entry("gb200-nvl72"))
        let gb300 = try #require(catalogue.entry("gb300-nvl72"))
        #expect((120...132).contains(gb200.designPower.kilowatts))
        #expect((120...142).contains(gb300.designPower.kilowatts))
        #expect(gb200.designPower == .kilowatts(132)) // D01
        #expect(gb300.designPower == .kilowatts(140)) // D02
        #expect(gb200.liquidFraction == .fraction(0.85)) // D07
        #expect(gb300.liquidFraction == .fraction(0.92)) // D08
        #expect(gb200.gpus == 72 && gb300.gpus == 72)
    }

    @Test("a DGX B200 node is 14.3 kW with 5+1 × 3.3 kW supplies (V1)")
    func dgxB200() throws {
        let node = try #require(catalogue.entry("dgx-b200"))
        #expect(node.designPower == .kilowatts(14.3))
        // 5 working PSUs × 3.3 kW = 16.5 kW
        #expect(isClose(node.nameplatePower.kilowatts, 16.5))
        #expect(node.weight == .kilograms(142.4))
    }

    @Test("the DGX B300 rack is ~56 kW for four nodes (V2, ±5 %)")
    func dgxB300Rack() throws {
        let rack = try #require(catalogue.entry("dgx-b300-rack"))
        let node = try #require(catalogue.entry("dgx-b300"))
        #expect(rack.gpus == 32)
        #expect(abs(rack.designPower.kilowatts - 56) <= 56 * 0.05)
        // 4 × 14.5 kW = 58 kW, within 5 % of the published 56 kW rack figure
        #expect(abs((node.designPower * 4).kilowatts - 56) / 56 <= 0.05)
    }

    @Test("a GB200 SuperPOD unit of 8 NVL72, 2 network racks and half a storage rack is 1.2 MW ±10 % (V3)")
    func superPODUnit() throws {
        let nvl = try #require(catalogue.entry("gb200-nvl72"))
        let net = try #require(catalogue.entry("network-rack"))
        let storage = try #require(catalogue.entry("storage-rack"))
        // 8 × 132 + 2 × 20 + 0.5 × 15 = 1,103.5 kW, 8.0 % below the 1.2 MW SU TDP (V3 allows 10 %).
        // One network rack per SU would give 1,076 kW, 10.3 % low: the Sites use two.
        let su = nvl.designPower * 8 + net.designPower * 2 + storage.designPower * 0.5
        #expect(isClose(su.kilowatts, 1103.5))
        #expect((su.kilowatts - 1200).magnitude <= 120, "SU = \(su.kilowatts) kW")
        #expect((nvl.designPower * 8 + net.designPower - .kilowatts(1200)).magnitude > .kilowatts(120))
    }

    @Test("racks of nodes multiply the node's power and GPUs")
    func composedRacks() throws {
        let rack = try #require(catalogue.entry("dgx-b200-rack"))
        #expect(rack.composition == .init(nodeID: "dgx-b200", nodes: 4))
        #expect(isClose(rack.designPower.kilowatts, 57.2)) // 4 × 14.3
        #expect(rack.gpus == 32)
        #expect(catalogue.racks(composedOf: "dgx-b200").map(\.id) == ["dgx-b200-rack"])
    }

    @Test("a duplicate ID is refused")
    func duplicateID() throws {
        var copy = catalogue
        let entry = try #require(catalogue.entry("gb300-nvl72"))
        #expect(throws: CatalogueError.duplicateID("gb300-nvl72")) { try copy.add(entry) }
    }

    @Test("a misspelt ID gets the closest IDs")
    func suggestions() {
        #expect(catalogue.closestIDs(to: "gb300-nvl7").first == "gb300-nvl72")
        // Among racks only, the node ID "dgx-b300" is 5 edits from "dgx-b300-rack".
        #expect(catalogue.closestIDs(to: "dgx-b300", form: .rack).contains("dgx-b300-rack"))
        #expect(!catalogue.closestIDs(to: "dgx-b300", form: .rack).contains("dgx-b300"))
    }
}

@Suite("Utilisation curve fit")
struct UtilisationFitTests {
    @Test("the fitted curve is within ±5 % of every measured H100 median")
    func fitWithinFivePercent() {
        let points = UtilisationFit.h100Medians
        let idle = points.first!.power
        let design = points.last!.power
        let curve = UtilisationFit.defaultCurve
        for point in points {
            let model = curve.power(at: point.utilisation, idle: idle, design: design)
            let error = (model - point.power).magnitude / point.power
            #expect(error <= 0.05, "\(point.phase): model \(model.watts) W vs measured \(point.power.watts) W")
        }
    }

    @Test("the fitted exponent is about 1.70, as a hand fit of the three interior points gives")
    func exponentValue() {
        // Normalised y = (P − 135.93)/(691.66 − 135.93): 0.381, 0.698, 0.907 at u = 0.25, 0.5, 0.75.
        // Solving 1 − (1 − u)^k = y for each: k = 1.666, 1.727, 1.714 → least squares ≈ 1.70.
        let k = UtilisationFit.defaultCurve.exponent
        #expect(abs(k - 1.70) < 0.03, "k = \(k)")
        #expect(
            UtilisationFit.fitExponent(to: [
                .init(phase: "a", utilisation: .percent(0), power: .watts(0)),
                .init(phase: "b", utilisation: .percent(50), power: .watts(75)),
                .init(phase: "c", utilisation: .percent(100), power: .watts(100)),
            ]).distance(to: 2).magnitude < 1e-6) // 1 − 0.5^k = 0.75 ⇔ k = 2
    }

    @Test("the embedded medians match the shipped measurement summary")
    func embeddedMatchesFile() throws {
        let url = RepositoryPaths.root.appendingPathComponent("Sources/Catalogue/Data/h100-sxm-power-summary.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [String: Any]]
        let summary = try #require(json)
        for point in UtilisationFit.h100Medians {
            let median = try #require(summary[point.phase]?["median_w"] as? Double)
            #expect(median == point.power.watts, "\(point.phase)")
        }
    }

    @Test("idle share is the measured idle over the 700 W limit")
    func idleShare() {
        // 135.93 / 700 = 0.19419
        #expect(isClose(UtilisationFit.idleShare.fraction, 0.194186, relative: 1e-5))
    }
}
