import PlannerEngine
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Redundancy topologies")
struct RedundancyTests {
    func size(_ loadMW: Double, _ redundancy: Redundancy, unitMW: Double = 1) -> RedundancySizing {
        RedundancyAnalysis.size(load: .megawatts(loadMW), unitRating: .megawatts(unitMW), redundancy: redundancy)
    }

    @Test(
        "installed/usable follows REFERENCE.md §2.4",
        arguments: [
            // (load MW with 1 MW units, topology, installed/usable)
            (4.0, Redundancy.nPlus(1), 1.25), // n = 4: 5/4
            (3.0, .fourNOverThree, 4.0 / 3), // 4 systems of 1 unit, 3 usable
            (6.0, .fourNOverThree, 4.0 / 3), // 4 systems of 2 units: 8/6
            (4.0, .threeNOverTwo, 1.5), // 3 systems of 2 units: 6/4
            (4.0, .twoN, 2.0), // 8/4
            (4.0, .twoNPlusOne, 2.5), // 2(4+1)/4 = 10/4
            (4.0, .block(reserve: 1), 1.25), // 4 blocks + 1 reserve
            (4.0, .n, 1.0),
        ])
    func installedToUsable(load: Double, redundancy: Redundancy, expected: Double) {
        #expect(isClose(size(load, redundancy).installedToUsable, expected, relative: 1e-12))
    }

    @Test("units, loadings and the worst single failure per topology (L = 4 MW, U = 1 MW unless noted)")
    func loadings() throws {
        // N+1: 5 units share 4 MW → 80 %; one fails → 4 at 100 %, survives.
        let nPlus1 = size(4, .nPlus(1))
        #expect(nPlus1.unitsRequired == 4 && nPlus1.unitsInstalled == 5)
        #expect(isClose(nPlus1.loadingNormal.fraction, 0.8))
        #expect(isClose(try #require(nPlus1.loadingAfterFailure).fraction, 1.0))
        #expect(nPlus1.survivesWorstFailure)
        // N: one of 4 fails → 3 units at 133 %: load lost.
        let n = size(4, .n)
        #expect(isClose(try #require(n.loadingAfterFailure).fraction, 4.0 / 3))
        #expect(!n.survivesWorstFailure)
        // A single N unit has no survivor at all.
        #expect(size(0.5, .n).loadingAfterFailure == nil)
        #expect(!size(0.5, .n).survivesWorstFailure)
        // 2N: 8 units at 50 %; system A lost → B's 4 units at 100 %.
        let twoN = size(4, .twoN)
        #expect(twoN.unitsInstalled == 8 && isClose(twoN.loadingNormal.fraction, 0.5))
        #expect(isClose(try #require(twoN.loadingAfterFailure).fraction, 1.0) && twoN.survivesWorstFailure)
        // 2(N+1): 10 units at 40 % (≤ 50 %·n/(n+1) = 40 %); system A lost → 5 units at 80 %.
        let twoNP1 = size(4, .twoNPlusOne)
        #expect(isClose(twoNP1.loadingNormal.fraction, 0.4))
        #expect(isClose(try #require(twoNP1.loadingAfterFailure).fraction, 0.8))
        // 4N/3 with L = 3 MW: 4 units at 75 %; one system lost → 3 at 100 % (WP75).
        let fourThirds = size(3, .fourNOverThree)
        #expect(isClose(fourThirds.loadingNormal.fraction, 0.75))
        #expect(isClose(try #require(fourThirds.loadingAfterFailure).fraction, 1.0))
        // 3N/2: 6 units at 66.7 %; one system (2 units) lost → 4 at 100 %.
        let threeHalves = size(4, .threeNOverTwo)
        #expect(threeHalves.unitsInstalled == 6)
        #expect(isClose(threeHalves.loadingNormal.fraction, 2.0 / 3))
        #expect(isClose(try #require(threeHalves.loadingAfterFailure).fraction, 1.0))
        // Block: 4 loaded blocks at 100 %, the reserve idle; after a failure the reserve carries it.
        let block = size(4, .block(reserve: 1))
        #expect(block.unitsSharingLoad == 4 && isClose(block.loadingNormal.fraction, 1.0))
        #expect(block.survivesWorstFailure)
    }

    @Test("stranded capacity is usable − load; reserve is installed − usable")
    func strandedCapacity() {
        // L = 3.5 MW, U = 1 MW, N+1: n = 4, installed 5 MW, usable 4 MW → reserve 1 MW, stranded 0.5 MW.
        let nPlus1 = size(3.5, .nPlus(1))
        #expect(isClose(nPlus1.reserveCapacity.megawatts, 1.0))
        #expect(isClose(nPlus1.strandedCapacity.megawatts, 0.5))
        // 4N/3: n = 4 → systems of m = ⌈4/3⌉ = 2 units: installed 8, usable 6, reserve 2, stranded 2.5 MW.
        let distributed = size(3.5, .fourNOverThree)
        #expect(distributed.unitsInstalled == 8)
        #expect(isClose(distributed.reserveCapacity.megawatts, 2.0))
        #expect(isClose(distributed.strandedCapacity.megawatts, 2.5))
        // installed = load + stranded + reserve, always.
        for s in [nPlus1, distributed] {
            #expect(isClose(s.installedCapacity, s.load + s.strandedCapacity + s.reserveCapacity, relative: 1e-12))
        }
    }

    @Test("an exact multiple does not round up: 4 MW on 1 MW units needs 4, 4.000001 MW needs 5")
    func exactMultiple() {
        #expect(RedundancyAnalysis.unitsRequired(load: .megawatts(4), unitRating: .megawatts(1)) == 4)
        #expect(RedundancyAnalysis.unitsRequired(load: .megawatts(4.000001), unitRating: .megawatts(1)) == 5)
        #expect(RedundancyAnalysis.unitsRequired(load: .zero, unitRating: .megawatts(1)) == 1)
        #expect(RedundancyAnalysis.unitsRequired(load: .zero, unitRating: .megawatts(1), minimum: 2) == 2)
    }

    @Test(
        "topology strings parse and print back",
        arguments: [
            ("N", Redundancy.n), ("N+1", .nPlus(1)), ("n+2", .nPlus(2)), ("2N", .twoN), ("2(N+1)", .twoNPlusOne),
            (" 2 ( N + 1 ) ", .twoNPlusOne), ("4N/3", .distributed(x: 4, y: 3)), ("3N/2", .distributed(x: 3, y: 2)),
            ("block", .block(reserve: 1)), ("Block+2", .block(reserve: 2)),
        ])
    func parse(text: String, expected: Redundancy) throws {
        let parsed = try Redundancy(parsing: text)
        #expect(parsed == expected)
        #expect(try Redundancy(parsing: parsed.description) == parsed)
    }

    @Test(
        "unknown topology strings fail with a sentence listing the accepted forms",
        arguments: ["", "N+0", "N+", "2N+1", "3N/4", "N/2", "ring", "1N"])
    func parseErrors(text: String) {
        #expect(throws: RedundancyError.unknown(text)) { try Redundancy(parsing: text) }
        #expect(RedundancyError.unknown(text).description.contains("expected N, N+k"))
    }

    @Test("firm capacity leaves the redundancy spares out of the installed units")
    func firmCapacity() {
        let u = Power.megawatts(3.5)
        // N+1 with 5 installed: 4 carry the load → 14 MW; 2N with 6: one system of 3 → 10.5 MW;
        // 4N/3 with 8 (m = 2 per system): 3 systems × 2 = 6 → 21 MW; N+1 with 1: nothing firm.
        #expect(RedundancyAnalysis.firmCapacity(installed: 5, unitRating: u, redundancy: .nPlus(1)) == .megawatts(14))
        #expect(RedundancyAnalysis.firmCapacity(installed: 6, unitRating: u, redundancy: .twoN) == .megawatts(10.5))
        #expect(
            RedundancyAnalysis.firmCapacity(installed: 8, unitRating: u, redundancy: .distributed(x: 4, y: 3))
                == .megawatts(21))
        #expect(RedundancyAnalysis.firmCapacity(installed: 1, unitRating: u, redundancy: .nPlus(1)) == .zero)
        #expect(RedundancyAnalysis.firmCapacity(installed: 0, unitRating: u, redundancy: .n) == .zero)
    }
}
