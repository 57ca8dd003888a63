import PlannerEngine
import PlannerModel
import PropertyBased
import Testing
import _PlannerTestSupport

/// Property-based (x-sheep/swift-property-based): random chains of 1-8 stages with random loss
/// coefficients, ratings, topologies and groups, at random loads.
@Suite("Energy balance on random chains")
struct EnergyBalancePropertyTests {
    static let topologies: [Redundancy] = [
        .n, .nPlus(1), .nPlus(2), .twoN, .twoNPlusOne, .fourNOverThree, .threeNOverTwo, .block(reserve: 1),
    ]

    static let stage = zip(
        Gen.double(in: 0...0.02), Gen.double(in: 0...0.05), Gen.double(in: 0...0.05),
        Gen.double(in: 1...5000), Gen.element(of: topologies), Gen.int(in: 1...50)
    ).map { a, b, c, ratingKW, redundancy, groups in
        (
            curve: LossCurve(noLoad: a, proportional: b, square: c), rating: ratingKW, redundancy: redundancy!,
            groups: groups
        )
    }

    static func chain(_ stages: [(curve: LossCurve, rating: Double, redundancy: Redundancy, groups: Int)]) -> PowerChain
    {
        PowerChain(
            name: "random",
            stages: stages.enumerated().map { i, s in
                let entry = StageEntry(
                    id: "s\(i)", name: "s\(i)", kind: .acDistribution, rating: .active(.kilowatts(s.rating)),
                    powerFactor: .one, points: [], curve: s.curve,
                    provenance: Provenance(source: "test", confidence: .low))
                return PowerStage(name: "s\(i)", entry: entry, redundancy: s.redundancy, groups: s.groups)
            })
    }

    @Test("grid input = IT + Σ stage losses to 1e-9, losses are non-negative and installed = load + stranded + reserve")
    func balance() async {
        await propertyCheck(count: 300, input: Self.stage.array(of: 1...8), Gen.double(in: 0...200)) { stages, loadMW in
            let result = Self.chain(stages).evaluate(load: .megawatts(loadMW))
            #expect(isClose(result.gridInput.si, (result.itLoad + result.totalLoss).si, relative: 1e-9, absolute: 1e-6))
            #expect(result.stages.allSatisfy { $0.loss >= .zero })
            #expect(result.efficiency.fraction <= 1)
            for s in result.stages {
                // Capacity identity: installed = load + stranded + reserve (per group and in total).
                #expect(
                    isClose(
                        s.installedCapacity.si, (s.loadOut + s.strandedCapacity + s.reserveCapacity).si, relative: 1e-9,
                        absolute: 1e-6))
                #expect(s.strandedCapacity.si >= -1e-6)
            }
        }
    }
}
