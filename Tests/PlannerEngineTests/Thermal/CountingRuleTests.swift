import Catalogue
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import Weather
import _PlannerTestSupport

/// One counting rule (issue 23, item 3; DESIGN.md §5.14): *required* never includes spares, and
/// *installed* = required + the redundancy's spares, in every unit table.
@Suite("One counting rule for every unit class")
struct CountingRuleTests {
    /// A shipped site sized at its own weather file's design condition (the year is not simulated:
    /// the counts come from the design hour).
    static func plan(_ path: String) throws -> Plan {
        var site = try #require(SiteLoader().load(path: path).site)
        site.placement.enabled = false
        let epw = try #require(site.weatherPath)
        let year = try EPWReader.read(path: epw)
        let design = try DesignConditions.load(forEPWAt: epw, year: year)
        site.designCondition = CoolingDesignCondition(
            coolingDryBulb: design.coolingDryBulb, coolingWetBulb: design.coolingMeanCoincidentWetBulb,
            evaporationWetBulb: design.evaporationWetBulb, evaporationDryBulb: design.evaporationMeanCoincidentDryBulb,
            provenance: Provenance(source: "test", confidence: .high))
        return Planner().plan(site)
    }

    @Test("spares: N+1 adds one, 2N doubles, 2(N+1) adds n + 2, 4N/3 rounds to whole systems, nothing for nothing")
    func spares() {
        // N+1, n = 24: 24 + 1 = 25 installed.
        #expect(Redundancy.nPlus(1).spares(required: 24) == 1)
        // 2N, n = 12: 12 + 12 = 24.
        #expect(Redundancy.twoN.spares(required: 12) == 12)
        // 2(N+1), n = 27: two systems of 28 = 56 = 27 + 29.
        #expect(Redundancy.twoNPlusOne.spares(required: 27) == 29)
        // 4N/3, n = 10: m = ⌈10/3⌉ = 4, 4 × 4 = 16 = 10 + 6.
        #expect(Redundancy.fourNOverThree.spares(required: 10) == 6)
        #expect(Redundancy.block(reserve: 1).spares(required: 5) == 1)
        #expect(Redundancy.n.spares(required: 7) == 0)
        #expect(Redundancy.nPlus(1).spares(required: 0) == 0)
        // The sizing every table is drawn from installs exactly required + spares.
        for redundancy in [Redundancy.n, .nPlus(2), .twoN, .twoNPlusOne, .fourNOverThree, .block(reserve: 2)] {
            for n in 1...30 {
                let sized = RedundancyAnalysis.size(
                    load: .kilowatts(Double(n) * 100), unitRating: .kilowatts(100), redundancy: redundancy)
                #expect(sized.unitsRequired == n)
                #expect(sized.unitsInstalled - sized.unitsRequired == redundancy.spares(required: n), "\(redundancy)")
            }
        }
    }

    @Test(
        "on every shipped site installed − required is the redundancy's spares for CDUs, air units, economisers, chillers and sized electrical stages",
        arguments: RepositoryPaths.siteSpecs.filter { !$0.hasSuffix("example-small.yaml") })
    func shippedSites(path: String) throws {
        let plan = try Self.plan(path)
        let cooling = try #require(plan.cooling)
        let ch = cooling.choices
        for hall in cooling.halls {
            if let cdus = hall.cdus?.units {
                #expect(
                    cdus.unitsInstalled - cdus.unitsRequired == ch.cduRedundancy.spares(required: cdus.unitsRequired))
            }
            if let air = hall.airUnits?.units {
                #expect(air.unitsInstalled - air.unitsRequired == ch.airRedundancy.spares(required: air.unitsRequired))
            }
        }
        #expect(!cooling.loops.isEmpty)
        for loop in cooling.loops {
            let e = loop.economisers
            #expect(e.unitsInstalled - e.unitsRequired == ch.economiserRedundancy.spares(required: e.unitsRequired))
            // Required is ⌈duty / capacity⌉, never a spare.
            let n = Int((loop.designChillerDuty / ch.chiller.capacity * (1 - 1e-12)).rounded(.up))
            #expect(loop.chillersRequired == n, "\(loop.kind.rawValue)")
            #expect(!loop.chillersFixed)
            #expect(loop.chillersInstalled - loop.chillersRequired == ch.chillerRedundancy.spares(required: n))
        }
        let electrical = try #require(plan.electrical)
        let chains = electrical.halls.map(\.design) + [electrical.mainTransformers].compactMap { $0 }
        // Rack-end stages sized per rack type are the rack's own catalogue count (like a spec-fixed
        // count), not sized by the rule; every other stage is.
        for stage in chains.flatMap(\.stages) where stage.rackTypes.isEmpty {
            let g = stage.perGroup
            #expect(
                g.unitsInstalled - g.unitsRequired == g.redundancy.spares(required: g.unitsRequired), "\(stage.stage)")
        }
    }

    @Test("Samsung's facility-water chillers: 24 required for the duty and 25 installed under N+1, not 25 / 25")
    func samsungChillers() throws {
        let plan = try Self.plan(RepositoryPaths.path("Sites/korea-samsung-ai-megafactory.yaml"))
        let liquid = try #require(plan.cooling?.loop(.liquid))
        // The 92.43 MW loop (its pumps' 0.77 MW included, DESIGN.md §5.13) with its compressors' heat:
        // 102 dry coolers required (DESIGN.md §5.12) carry ≈ 101.3 MW, x ≈ 0.993, so the water leaves
        // at 33.1 + 8 × 0.993 ≈ 41.05 °C and the chillers take (41.05 − 32)/10 ≈ 0.905 of 92.43 ≈ 83.6 MW;
        // 83.6 / 3.5 MW = 23.9 → 24 required; + 1 spare = 25.
        #expect(liquid.designChillerDuty.megawatts > 80.5 && liquid.designChillerDuty.megawatts <= 84)
        #expect(liquid.chillersRequired == 24)
        #expect(liquid.chillersInstalled == 25)
        // Firm capacity leaves the spare out: 24 × 3.5 = 84 MW ≥ the duty.
        #expect(abs(liquid.chillerFirmCapacity.megawatts - 84) < 1e-9)
    }

    @Test("per-loop chiller counts: a count on the facility-water loop leaves the air-coil loop sized for its own duty")
    func perLoopCounts() throws {
        var site = try #require(
            SiteLoader().load(path: RepositoryPaths.path("Sites/korea-samsung-ai-megafactory.yaml")).site)
        let sized = try Self.plan(RepositoryPaths.path("Sites/korea-samsung-ai-megafactory.yaml"))
        let sizedAir = try #require(sized.cooling?.loop(.air))
        site.placement.enabled = false
        site.cooling.chillerUnits = [.liquid: 26]
        site.designCondition = .seoulSeongnam
        let plan = Planner().plan(site)
        let liquid = try #require(plan.cooling?.loop(.liquid))
        let air = try #require(plan.cooling?.loop(.air))
        #expect(liquid.chillersInstalled == 26 && liquid.chillersFixed)
        // N+1 with 26 installed: firm 25 × 3.5 = 87.5 MW.
        #expect(abs(liquid.chillerFirmCapacity.megawatts - 87.5) < 1e-9)
        // The air-coil loop (≈ 19.7 MW of duty) is not given 26 chillers: ⌈19.7/3.5⌉ = 6 + 1 = 7.
        #expect(!air.chillersFixed && air.chillersInstalled == air.chillersRequired + 1)
        #expect(air.chillersInstalled < 10 && sizedAir.chillersInstalled < 10)
    }
}
