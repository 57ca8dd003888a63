import Catalogue
import PlannerEngine
import PlannerModel
import PropertyBased
import Testing
import _PlannerTestSupport

/// Path topologies and continuous-load limits (DESIGN.md §5.7).
@Suite("Path topologies and continuous-load limits")
struct TopologyTests {
    /// One MV/LV transformer of 2.5 MVA at pf 0.95: 2,375 kW.
    static let transformer = Power.kilowatts(2375)
    /// The Samsung hall's design IT load (Sites/korea-samsung-ai-megafactory.yaml): 25,685 kW.
    static let hall = Power.kilowatts(25685)

    static func size(_ load: Power, _ unit: Power, _ r: Redundancy, limit: Ratio = .one) -> RedundancySizing {
        RedundancyAnalysis.size(load: load, unitRating: unit, redundancy: r, continuousLimit: limit)
    }

    @Test("2N on a 25.69 MW hall with 2.5 MVA transformers: 11 per path, 49.2 % each normally, 98.3 % after path A")
    func twoNByHand() throws {
        // n = ⌈25,685/2,375⌉ = ⌈10.815⌉ = 11 transformers per path, 22 installed.
        // Normal: both paths share, 25,685/(22 × 2,375) = 49.16 % (half of one path's 98.33 %).
        // Path A fails: path B's 11 carry it all, 25,685/(11 × 2,375) = 98.33 % ≤ 100 %: survives.
        let s = Self.size(Self.hall, Self.transformer, .twoN)
        #expect(s.unitsRequired == 11 && s.unitsInstalled == 22)
        #expect(isClose(s.loadingNormal.fraction, 25685.0 / (22 * 2375), relative: 1e-12))
        #expect(isClose(try #require(s.loadingAfterFailure).fraction, 25685.0 / (11 * 2375), relative: 1e-12))
        #expect(s.worstFailure == "path A (11 units)" && s.survivesWorstFailure)
        // An 80 % limit (a switchboard's breakers) changes nothing: s = ⌈25,685/(0.8 × 2,375)⌉ = 14 sharing,
        // n = ⌈14/2⌉ = 7 < 11; the 2N path already runs at 49 %.
        #expect(Self.size(Self.hall, Self.transformer, .twoN, limit: .percent(80)).unitsInstalled == 22)
    }

    @Test("4N/3 on the same hall: 4 systems of 4 transformers, 67.6 % normally, 90.1 % after one system fails")
    func distributedByHand() throws {
        // n = 11; m = ⌈11/3⌉ = 4 per system; 4 × 4 = 16 installed, 3 × 4 = 12 usable.
        // Normal: 25,685/(16 × 2,375) = 67.59 %. One system fails: 12 left, 25,685/(12 × 2,375) = 90.12 %.
        let s = Self.size(Self.hall, Self.transformer, .fourNOverThree)
        #expect(s.unitsInstalled == 16 && s.unitsUsable == 12)
        #expect(isClose(s.loadingNormal.fraction, 25685.0 / (16 * 2375), relative: 1e-12))
        #expect(isClose(try #require(s.loadingAfterFailure).fraction, 25685.0 / (12 * 2375), relative: 1e-12))
        #expect(s.worstFailure == "one of 4 systems (4 units)" && s.survivesWorstFailure)
    }

    @Test("block with one catcher: 11 loaded blocks at 98.3 %, the catcher takes a failed block at the same loading")
    func blockByHand() throws {
        // 11 loaded + 1 idle = 12 installed; normal 25,685/(11 × 2,375) = 98.33 %; a block fails, the catcher
        // takes its load through the transfer switches: still 11 loaded at 98.33 %.
        let s = Self.size(Self.hall, Self.transformer, .block(reserve: 1))
        #expect(s.unitsInstalled == 12 && s.unitsSharingLoad == 11)
        #expect(s.loadingAfterFailure == s.loadingNormal && s.survivesWorstFailure)
    }

    @Test("N+1 UPS modules on one bus: 27 MW on 1 MW modules is 28 at 96.4 %, one fails → 27 at 100 %")
    func nPlusOneByHand() throws {
        // n = 27, installed 28: 27/28 = 96.43 %; one module fails → 27/27 = 100 % (survives, to 1e-9).
        let s = Self.size(.megawatts(27), .megawatts(1), .nPlus(1))
        #expect(s.unitsInstalled == 28 && isClose(s.loadingNormal.fraction, 27.0 / 28, relative: 1e-12))
        #expect(isClose(try #require(s.loadingAfterFailure).fraction, 1, relative: 1e-12) && s.survivesWorstFailure)
    }

    @Test("an N stage never survives a failure, whatever its headroom: independent units drop their own load")
    func nNeverSurvives() {
        // 26.16 MW of busways of 500 kW at an 80 % limit: s = ⌈26,160/400⌉ = ⌈65.4⌉ = 66 runs at 79.27 %;
        // the 65 others would have room (80.5 %) but cannot take a failed run's rows: 26,160/66 = 396.4 kW drop.
        let s = Self.size(.kilowatts(26160), .kilowatts(500), .n, limit: .percent(80))
        #expect(s.unitsInstalled == 66 && isClose(s.loadingNormal.fraction, 26160.0 / 33000, relative: 1e-12))
        #expect(!s.survivesWorstFailure)
    }

    @Test("the 80 % continuous limit raises a busway count: 26.16 MW on 500 kW runs is 53 at 100 % without, 66 with")
    func continuousLimitByHand() {
        // Rating alone: ⌈26,160/500⌉ = ⌈52.32⌉ = 53 at 98.7 %. With the NEC 125 % rule (80 %): 66 at 79.3 %.
        #expect(Self.size(.kilowatts(26160), .kilowatts(500), .n).unitsInstalled == 53)
        // N+1 at 80 %: s = 66 sharing → n = 65, installed 66 at 79.3 %.
        let nPlus1 = Self.size(.kilowatts(26160), .kilowatts(500), .nPlus(1), limit: .percent(80))
        #expect(nPlus1.unitsInstalled == 66 && nPlus1.withinContinuousLimit)
        // 4N/3 at 50 %: s = ⌈26,160/250⌉ = 105 sharing → m = ⌈105/4⌉ = 27 per system, 108 installed at 48.4 %.
        let distributed = Self.size(.kilowatts(26160), .kilowatts(500), .fourNOverThree, limit: .percent(50))
        #expect(distributed.unitsInstalled == 108 && distributed.withinContinuousLimit)
        // 2(N+1) at 40 %: s = ⌈26,160/200⌉ = 131 → n = ⌈131/2⌉ − 1 = 65, 2 × 66 = 132 installed at 39.6 %.
        let twoNP1 = Self.size(.kilowatts(26160), .kilowatts(500), .twoNPlusOne, limit: .percent(40))
        #expect(twoNP1.unitsInstalled == 132 && twoNP1.withinContinuousLimit)
    }

    @Test("the default AC chain is 2N A/B: transformers, switchboards and busways in paths, the UPS 2(N+1)")
    func defaultChain() {
        let chain = StandardChains.builtIn.chain(.ac415, racks: 176, mainTransformer: false)
        let redundancy = Dictionary(uniqueKeysWithValues: chain.stages.map { ($0.name, $0.redundancy) })
        #expect(redundancy["MV/LV transformers"] == .twoN && redundancy["LV switchboard"] == .twoN)
        #expect(redundancy["UPS"] == .twoNPlusOne && redundancy["AC distribution"] == .twoN)
        // A single path keeps the UPS modules' N+1 (one bus) and leaves everything else N.
        let single = StandardChains.builtIn.chain(.dc800, racks: 176, topology: .n, mainTransformer: false)
        #expect(single.stages.first { $0.entry.kind == .solidStateTransformer }?.redundancy == .n)
        #expect(single.stages.first { $0.entry.kind == .dcBusway }?.redundancy == .n)
    }

    @Test("N+k and 2(N+1) are not path topologies; 2N and xN/y feed the racks twice, block and N once")
    func pathTopologyRules() {
        #expect(PathTopology.problem(with: .nPlus(1)) != nil && PathTopology.problem(with: .twoNPlusOne) != nil)
        #expect(
            [Redundancy.n, .twoN, .fourNOverThree, .block(reserve: 1)].allSatisfy {
                PathTopology.problem(with: $0) == nil
            })
        #expect(PathTopology.feedsRacksTwice(.twoN) && PathTopology.feedsRacksTwice(.threeNOverTwo))
        #expect(!PathTopology.feedsRacksTwice(.block(reserve: 1)) && !PathTopology.feedsRacksTwice(.n))
        #expect(ContinuousLoading.nec.limit(for: .acDistribution) == .percent(80))
        #expect(ContinuousLoading.nec.limit(for: .lvSwitchboard) == .percent(80))
        #expect(ContinuousLoading.nec.limit(for: .mvlvTransformer) == .one)
        #expect(ContinuousLoading.nec.limit(for: .upsDoubleConversion) == .one)
    }

    @Test("a single-path hall warns for each stage that cannot lose a unit, with the load that drops")
    func singlePathWarns() throws {
        let rack = try #require(Catalogue.builtIn.entry("gb300-nvl72"))
        let site = Site(
            name: "one path", utilisation: .fraction(0.8),
            halls: [
                Hall(id: "h", rackGroups: [RackGroup(system: rack, count: 20)], power: HallPower(topology: .n))
            ], cooling: BuiltInThermal.defaultChoices)
        let plan = Planner().plan(site)
        let warnings = plan.findings.filter { $0.severity == .warning && $0.message.contains("cannot lose a unit") }
        // MV/LV transformers, LV switchboard and AC distribution are N; the UPS modules are N+1 on one bus.
        #expect(
            Set(warnings.map(\.subject)) == [
                "hall h: MV/LV transformers", "hall h: LV switchboard", "hall h: AC distribution",
            ])
        // 20 × 140 kW = 2,800 kW of IT; busways at 80 % of 500 kW: s = ⌈P/400⌉ runs, each dropping P/s when it fails
        // (P a little above 2,800 kW with the shelves' loss): 8 runs of ≈ 355 kW.
        let busway = try #require(plan.electrical?.halls[0].design.stages.first { $0.kind == .acDistribution })
        #expect(busway.unitsInstalled == 8)
        let dropped = busway.loadDroppedByOneFailure
        #expect(isClose(dropped, busway.loadOut / 8, relative: 1e-12))
        #expect(warnings.contains { $0.message.contains("drops \(Int(dropped.kilowatts.rounded())) kW") })
    }

    @Test("a 140 kW rack drop at 415 V: 70 mm² single-fed by the 125 % rule, 50 mm² per cord on A/B feeds")
    func conductorContinuousRule() {
        let system = ConductorSystem.threePhase(lineToLine: .volts(415), powerFactor: .fraction(0.95))
        // I = 140,000/(√3 × 415 × 0.95) = 205.0 A. Single feed at 80 %: I_rated = 205.0/0.8 = 256.3 A, above the
        // 207 A of 50 mm², so 70 mm² (268 A). A/B: 102.5 A each normally (/0.8 = 128.1 A), 205.0 A after the
        // partner fails: I_rated = 205.0 A, 50 mm² (207 A).
        let single = Conductors.size(
            ConductorRun(
                name: "drop", power: .kilowatts(140), system: system, length: .metres(3), continuousLimit: .percent(80))
        )
        #expect(isClose(Conductors.ratedCurrent(single.run).amperes, 140_000 / (3.0.squareRoot() * 415 * 0.95) / 0.8))
        #expect(single.size == .squareMillimetres(70))
        let pair = Conductors.size(
            ConductorRun(
                name: "drop", power: .kilowatts(70), feeders: 2, system: system, length: .metres(3),
                continuousLimit: .percent(80), powerAfterFailure: .kilowatts(140)))
        #expect(isClose(Conductors.ratedCurrent(pair.run).amperes, 140_000 / (3.0.squareRoot() * 415 * 0.95)))
        #expect(pair.size == .squareMillimetres(50))
        // Without the limit a single feed would take 50 mm² at 205 A of 207 A: 99 % of its ampacity.
        #expect(
            Conductors.size(ConductorRun(name: "drop", power: .kilowatts(140), system: system, length: .metres(3))).size
                == .squareMillimetres(50))
    }

    /// Random halls under every path topology and module redundancy.
    static let topologies: [Redundancy] = [.n, .twoN, .fourNOverThree, .threeNOverTwo, .block(reserve: 1)]
    static let modules: [Redundancy] = [.n, .nPlus(1), .nPlus(2)]
    static let racks = ["gb200-nvl72", "gb300-nvl72", "dgx-b300-rack", "network-rack"].compactMap {
        Catalogue.builtIn.entry($0)
    }
    static let randomHall = zip(
        Gen.element(of: racks), Gen.int(in: 1...600), Gen.element(of: Distribution.allCases),
        Gen.element(of: topologies),
        Gen.element(of: modules)
    )

    @Test(
        "after any single failure in any topology no survivor exceeds 100 %, and normally no stage its continuous limit"
    )
    func invariant() async {
        await propertyCheck(count: 150, input: Self.randomHall, Gen.double(in: 30...100)) { hall, limit in
            let (rack, count, distribution, topology, modules) = hall
            let site = Site(
                name: "random", utilisation: .fraction(0.8),
                halls: [
                    Hall(
                        id: "h", rackGroups: [RackGroup(system: rack!, count: count)],
                        power: HallPower(
                            distribution: distribution!, topology: topology!, ups: UPSSpec(redundancy: modules!)))
                ],
                electrical: SiteElectrical(
                    continuousLoading: ContinuousLoading(
                        switchgear: .percent(limit), transformer: .percent(limit), ups: .percent(limit),
                        distribution: .percent(limit), converter: .percent(limit))),
                cooling: BuiltInThermal.defaultChoices)
            let plan = Planner().plan(site)
            let stages = try #require(plan.electrical?.halls.first?.design.stages)
            // Rack-end stages sized per rack type carry the rack's own PSUs, fixed by its vendor (DESIGN.md §5.8):
            // the continuous limit sizes the chain's stages, not the racks' shelves.
            for s in stages where s.rackTypes.isEmpty {
                #expect(s.continuousLimit == .percent(limit), "\(s.stage)")
                #expect(s.loadingNormal.fraction <= limit / 100 + 1e-9, "\(s.stage) \(s.redundancy)")
                if case .n = s.redundancy { continue } // no redundant unit: warned about, nothing survives
                let after = try #require(s.loadingAfterFailure, "\(s.stage) \(s.redundancy)")
                #expect(after.fraction <= 1 + 1e-9, "\(s.stage) \(s.redundancy)")
                #expect(s.survivesWorstFailure && s.loadDroppedByOneFailure == .zero)
            }
            // Every stage that cannot lose a unit is a warning, and only those.
            let warned = plan.findings.filter { $0.message.contains("cannot lose a unit") }.count
            #expect(warned == stages.filter { !$0.survivesWorstFailure }.count)
        }
    }
}
