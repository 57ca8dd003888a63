import Catalogue
import PlannerEngine
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Power chain evaluation")
struct PowerChainTests {
    /// 100 MW IT in 715 GB300-class racks (139.9 kW each), default UPS spec (N+1, 1 MW, double conversion) on the
    /// default 2N paths.
    static let it = Power.megawatts(100)
    static let racks = 715

    static func evaluate(_ d: Distribution, ups: UPSSpec = UPSSpec()) -> PowerChainResult {
        StandardChains.builtIn.chain(d, racks: racks, ups: ups).evaluate(load: it)
    }

    /// Energy balance: grid input = IT + Σ stage losses, and every stage passes its input on.
    static func expectBalanced(_ r: PowerChainResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(isClose(r.gridInput, r.itLoad + r.totalLoss, relative: 1e-9), sourceLocation: sourceLocation)
        for (upstream, downstream) in zip(r.stages, r.stages.dropFirst()) {
            #expect(upstream.loadOut == downstream.loadIn, sourceLocation: sourceLocation)
        }
        #expect(r.stages.last?.loadOut == r.itLoad, sourceLocation: sourceLocation)
        #expect(
            r.stages.allSatisfy { $0.loss >= .zero && $0.loadIn == $0.loadOut + $0.loss },
            sourceLocation: sourceLocation)
    }

    @Test("one stage by hand: 4.75 MW through N+1 MV/LV transformers of 2.5 MVA at pf 0.95")
    func oneStageByHand() throws {
        // U = 2.5 MVA × 0.95 = 2.375 MW; n = ⌈4.75/2.375⌉ = 2, N+1 → 3 units share the load:
        // x = 4.75/(3 × 2.375) = 2/3. Curve (D16): a = 0.0020093, c = 0.0080917.
        // Loss = 3 × 2.375 MW × (a + c·(2/3)²) = 7.125 MW × (0.0020093 + 0.0035963) = 39.94 kW.
        let entry = BuiltInStages.mvlvTransformer415
        let chain = PowerChain(name: "t", stages: [PowerStage(name: "T", entry: entry, redundancy: .nPlus(1))])
        let stage = try #require(chain.evaluate(load: .megawatts(4.75)).stages.first)
        #expect(stage.unitsRequired == 2 && stage.unitsInstalled == 3)
        #expect(isClose(stage.loadingNormal.fraction, 2.0 / 3, relative: 1e-12))
        let perUnit = entry.curve.noLoad + entry.curve.square * 4 / 9
        #expect(isClose(stage.loss.watts, 3 * 2.375e6 * perUnit, relative: 1e-12))
        #expect(isClose(stage.loss.kilowatts, 39.94, relative: 1e-3))
        // After one transformer fails the two survivors run at 4.75/4.75 = 100 %.
        #expect(isClose(try #require(stage.loadingAfterFailure).fraction, 1.0, relative: 1e-12))
        #expect(stage.survivesWorstFailure)
    }

    @Test("one more transformer can lower the loss by more than the added load: 2.375 → 2.376 MW draws 3.8 kW less")
    func unitStepLowersLoss() throws {
        // U = 2.375 MW (2.5 MVA at pf 0.95), N redundancy, curve a = 0.0020093, c = 0.0080917 (D16).
        // 2.375 MW: 1 unit at x = 1, loss = 2.375 MW × (a + c) = 2.375 × 0.0101010 = 23.990 kW.
        // 2.376 MW: 2 units at x = 2.376/4.75 = 0.500211,
        //   loss = 4.75 MW × (a + c·0.250211) = 4.75 × 0.0040340 = 19.161 kW.
        // Grid draw 2,398.990 → 2,395.161 kW: 1 kW more load, 3.83 kW less drawn, because the
        // square-law loss c·x² falls to a quarter per unit while the no-load loss a only doubles.
        let entry = BuiltInStages.mvlvTransformer415
        let chain = PowerChain(name: "t", stages: [PowerStage(name: "T", entry: entry, redundancy: .n)])
        let one = chain.evaluate(load: .megawatts(2.375))
        let two = chain.evaluate(load: .megawatts(2.376))
        #expect(one.stages[0].unitsInstalled == 1 && two.stages[0].unitsInstalled == 2)
        let (a, c) = (entry.curve.noLoad, entry.curve.square)
        #expect(isClose(one.totalLoss.watts, 2.375e6 * (a + c), relative: 1e-12))
        let x = 2.376 / 4.75
        #expect(isClose(two.totalLoss.watts, 4.75e6 * (a + c * x * x), relative: 1e-12))
        #expect(isClose(one.gridInput.kilowatts, 2398.990, relative: 1e-6))
        #expect(isClose(two.gridInput.kilowatts, 2395.161, relative: 1e-6))
        #expect(two.gridInput < one.gridInput)
    }

    @Test("energy balance holds to 1e-9 on every standard chain and UPS choice")
    func standardChainsBalance() {
        for d in Distribution.allCases {
            for ups in [
                UPSSpec(), UPSSpec(mode: .eco), UPSSpec(redundancy: .twoN), UPSSpec(redundancy: .fourNOverThree),
            ] {
                Self.expectBalanced(
                    StandardChains.builtIn.chain(d, racks: Self.racks, ups: ups).evaluate(load: Self.it))
            }
        }
    }

    @Test("100 MW IT on 2N paths: 800 VDC is 95.9 % end to end against 93.1 % at 415 VAC and 93.2 % at 480 VAC")
    func acVersusDC() {
        let ac415 = Self.evaluate(.ac415)
        let ac480 = Self.evaluate(.ac480)
        let dc = Self.evaluate(.dc800)
        // Regression values of the default catalogue on the default 2N paths (each path's units near half
        // load, busway pairs at half current: I²R a quarter per conductor); the direction is the point:
        #expect(isClose(ac415.efficiency.percent, 93.097, relative: 1e-4))
        #expect(isClose(ac480.efficiency.percent, 93.213, relative: 1e-4))
        #expect(isClose(dc.efficiency.percent, 95.929, relative: 1e-4))
        #expect(isClose(ac415.totalLoss.megawatts, 7.414, relative: 1e-3))
        #expect(isClose(dc.totalLoss.megawatts, 4.244, relative: 1e-3))
        // 3.2 MW less grid power for the same IT: 3.0 % of the AC grid draw (NVIDIA: "up to 5 %").
        #expect(isClose((ac415.gridInput - dc.gridInput) / ac415.gridInput, 0.0295, relative: 1e-2))
        // Why: fewer conversions (main transformer, MV/LV transformer, UPS rectifier + inverter, shelf
        // = 5 vs main transformer, SST, in-rack converter = 3) …
        #expect(ac415.conversions == 5 && dc.conversions == 3)
        #expect(ac415.conversionStages == 4 && dc.conversionStages == 3)
        // … and I²R: the 800 VDC busway loses 0.49 % at full load against 1 % at 415 V (D17 scaled by I²).
        let acBus = ac415.stages.first { $0.kind == .acDistribution }!
        let dcBus = dc.stages.first { $0.kind == .dcBusway }!
        #expect(dcBus.loss < acBus.loss * 0.5)
        // The UPS alone loses more than the SST that replaces transformer + UPS.
        let ups = ac415.stages.first { $0.kind == .upsDoubleConversion }!
        let sst = dc.stages.first { $0.kind == .solidStateTransformer }!
        #expect(ups.loss > sst.loss)
    }

    @Test("eco mode cuts the AC chain's losses: 98.8 % flat against the double-conversion curve")
    func ecoMode() {
        let doubleConversion = Self.evaluate(.ac415)
        let eco = Self.evaluate(.ac415, ups: UPSSpec(mode: .eco))
        #expect(eco.totalLoss < doubleConversion.totalLoss)
        // UPS stage: eco loss = P_out·(1/0.988 − 1) exactly (purely proportional curve).
        let ecoUPS = eco.stages.first { $0.kind == .upsEcoMode }!
        #expect(isClose(ecoUPS.loss, ecoUPS.loadOut * (1 / 0.988 - 1), relative: 1e-9))
        #expect(eco.conversions == 3)
    }

    @Test("rack-level stages are sized per rack: 139.9 kW needs 5 shelves of 33 kW, 6 with N+1, in each of 715 racks")
    func perRackGroups() {
        let shelves = Self.evaluate(.ac415).stages.last!
        #expect(shelves.groups == 715)
        #expect(shelves.perGroup.unitsRequired == 5 && shelves.unitsInstalled == 6 * 715)
        // x = 139.86/(6 × 33) = 70.6 %; one shelf fails → 139.86/(5 × 33) = 84.8 %.
        #expect(isClose(shelves.loadingNormal.fraction, 100_000.0 / 715 / 198, relative: 1e-12))
        #expect(isClose(shelves.loadingAfterFailure!.fraction, 100_000.0 / 715 / 165, relative: 1e-12))
    }

    @Test("N-1: under the default 2N every stage survives; on a single path the transformers and busways do not")
    func singleFailures() {
        for d in Distribution.allCases {
            let result = Self.evaluate(d)
            // One N-1 case per unit class; A/B paths, busway pairs and N+1 shelves all survive (DESIGN.md §5.7).
            #expect(result.singleFailures.count >= 3, "\(d.rawValue)")
            #expect(result.singleFailures.allSatisfy { $0.survives }, "\(d.rawValue)")
            // A single path: every N stage (transformers, switchboards, SSTs, busways) drops load; only the
            // units paralleled on one bus (UPS modules N+1, rack shelves N+1) and the 2N MV switchgear survive.
            let single = StandardChains.builtIn.chain(d, racks: Self.racks, topology: .n).evaluate(load: Self.it)
            for (failure, stage) in zip(single.singleFailures, single.stages) {
                let isN = stage.redundancy == .n
                #expect(failure.survives == !isN, "\(d.rawValue) \(failure.stage)")
                if isN { #expect(failure.loadDropped > .zero) }
            }
            #expect(
                single.singleFailures.contains {
                    !$0.survives && ($0.stage.contains("busway") || $0.stage.contains("distribution"))
                })
        }
    }

    @Test("a block reserve is energised: it adds its no-load loss a·U without sharing the load")
    func blockReserveNoLoadLoss() throws {
        // 2 MW on 1 MW UPS modules: N+1 → 3 share at 2/3; block → 2 carry 100 %, 1 idle at no load.
        let entry = BuiltInStages.upsDoubleConversion
        func loss(_ r: Redundancy) throws -> Power {
            let chain = PowerChain(name: "u", stages: [PowerStage(name: "UPS", entry: entry, redundancy: r)])
            return try #require(chain.evaluate(load: .megawatts(2)).stages.first).loss
        }
        let c = entry.curve
        let expected = Power.megawatts(1) * (2 * c.perUnitLoss(at: .one) + c.noLoad)
        #expect(isClose(try loss(.block(reserve: 1)), expected, relative: 1e-12))
        #expect(isClose(try loss(.n), Power.megawatts(1) * (2 * c.perUnitLoss(at: .one)), relative: 1e-12))
    }

    @Test("a site on 22.9 kV drops the main transformer stage")
    func withoutMainTransformer() {
        let chain = StandardChains.builtIn.chain(.dc800, racks: 10, mainTransformer: false)
        #expect(!chain.stages.contains { $0.entry.kind == .mainTransformer })
        #expect(chain.stages.first?.entry.kind == .mvSwitchgear)
    }

    @Test("a custom chain with a bad stage reports it")
    func chainInconsistencies() {
        var stage = PowerStage(name: "UPS", entry: BuiltInStages.upsDoubleConversion, redundancy: .n, unitRating: .zero)
        stage.groups = 0
        let problems = PowerChain(name: "x", stages: [stage, stage]).inconsistencies
        #expect(problems.contains("stage 'UPS' appears twice"))
        #expect(problems.contains { $0.contains("unit rating must be positive") })
        #expect(problems.contains { $0.contains("groups must be at least 1") })
        #expect(PowerChain(name: "empty", stages: []).inconsistencies == ["chain 'empty' has no stages"])
        #expect(StandardChains.builtIn.chain(.ac415, racks: 1).inconsistencies.isEmpty)
    }
}
