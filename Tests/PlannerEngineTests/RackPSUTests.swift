import Catalogue
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import Weather
import _PlannerTestSupport

@Suite("Per-rack PSUs and the PUE boundary")
struct RackPSUTests {
    static func site(
        _ system: SystemEntry, racks: Int = 8, distribution: Distribution = .ac415,
        topology: Redundancy = PathTopology.default
    ) -> Site {
        let hall = Hall(
            id: "h", copies: 1,
            layout: HallLayout(rows: 1, racksPerRow: 8, rackPitch: .metres(0.6), aisle: .metres(1.2)),
            rackGroups: [RackGroup(system: system, count: racks)],
            power: HallPower(distribution: distribution, topology: topology))
        return Site(
            name: "s", utilisation: .percent(80), halls: [hall], electrical: SiteElectrical(),
            cooling: BuiltInThermal.defaultChoices)
    }

    static var gb300: SystemEntry { Catalogue.builtIn.entry("gb300-nvl72")! }

    @Test("a 140 kW GB300 rack on 8 × 33 kW N+N shelves runs them at 53.0 % and survives one loss at 60.6 %")
    func gb300Shelves() throws {
        let e = try #require(Planner().plan(Self.site(Self.gb300)).electrical)
        let shelves = try #require(e.halls[0].design.stages.last)
        let type = try #require(shelves.rackTypes.first)
        // 140/8 = 17.5 kW per shelf = 17.5/33 = 53.03 %; after one fails 140/7 = 20 kW = 60.61 %.
        #expect(isClose(type.perGroup.loadingNormal.fraction, 140.0 / 264))
        #expect(isClose(try #require(type.perGroup.loadingAfterFailure).fraction, 140.0 / 231))
        #expect(type.survivesOneFailure)
        // Loss per rack: 8 × 33 kW × (a + c·x²) on the shelf curve at x = 0.5303
        // (a = 0.00161, c = 0.02404: 0.00161 + 0.02404 × 0.2812 = 0.00837; × 264 kW ≈ 2.21 kW), 8 racks.
        let curve = BuiltInStages.rackPowerShelf.curve
        let perRack = Power.kilowatts(264) * curve.perUnitLoss(at: .fraction(140.0 / 264))
        #expect(isClose(shelves.loss, perRack * 8))
        #expect(abs(perRack.kilowatts - 2.21) < 0.01)
        #expect(shelves.unitsInstalled == 64)
        // Firm capacity at N+N: 4 × 33 = 132 kW < 140 kW. On one path (topology N) the rack is single-fed
        // for this check: a note.
        let single = Planner().plan(Self.site(Self.gb300, topology: .n))
        #expect(!single.findings.contains { $0.severity == .warning && $0.subject.contains("Rack power shelves") })
        #expect(single.findings.contains { $0.severity == .note && $0.message.contains("firm PSU capacity is 132 kW") })
    }

    @Test("on A/B paths an N+N rack whose half cannot carry its design power is a warning with the kW short")
    func halfRackOnOnePathWarns() throws {
        // Default topology 2N: path A carries 4 of the 8 shelves of every GB300 rack. After path A fails a rack
        // has 4 × 33 = 132 kW for its 140 kW design: 140 − 132 = 8 kW short.
        let plan = Planner().plan(Self.site(Self.gb300))
        let warning = try #require(
            plan.findings.first { $0.severity == .warning && $0.subject.contains("Rack power shelves") })
        #expect(warning.message.contains("after a path fails a rack has 132 kW against its 140 kW design, 8 kW short"))
        // The same under 4N/3 (each rack on two of the systems).
        let distributed = Planner().plan(Self.site(Self.gb300, topology: .distributed(x: 4, y: 3)))
        #expect(distributed.findings.contains { $0.severity == .warning && $0.message.contains("8 kW short") })
    }

    @Test("a rack type that does not survive the loss of one shelf is a warning with the kW short")
    func shortRackWarns() throws {
        var rack = Self.gb300
        rack.id = "gb300-5-shelves"
        // 5 × 33 kW N+1, the old sizing on the hall's average: after one loss 4 × 33 = 132 kW for 140 kW, 8 kW short.
        rack.psu = RackPSU(
            unitsInstalled: 5, unitRating: .kilowatts(33), redundancy: .nPlus(1),
            provenance: Provenance(source: "test", confidence: .low))
        #expect(rack.inconsistencies.isEmpty) // 5 × 33 = 165 kW carries 140 kW with none failed
        let plan = Planner().plan(Self.site(rack))
        let warning = try #require(plan.findings.first { $0.severity == .warning })
        #expect(warning.subject == "hall h: Rack power shelves (gb300-5-shelves)")
        #expect(warning.message.contains("carry 132 kW against 140 kW design, 8 kW short per rack"))
        let e = try #require(plan.electrical)
        let failure = try #require(e.halls[0].design.singleFailures.last)
        #expect(!failure.survives)
        // 140/132 = 106.1 % on the survivors.
        #expect(isClose(try #require(failure.survivorLoading).fraction, 140.0 / 132))
    }

    @Test("PSU groups per node: a DGX B200 rack of 4 nodes with 6 × 3.3 kW 5+1 survives on each node")
    func dgxB200Nodes() throws {
        let rack = try #require(Catalogue.builtIn.entry("dgx-b200-rack"))
        let psu = try #require(rack.psu)
        #expect(psu.groupsPerRack == 4 && psu.unitsPerRack == 24)
        // Per node 14.3 kW on 6 × 3.3 = 19.8 kW: 72.2 %; after one fails 5 × 3.3 = 16.5 ≥ 14.3 kW: 86.7 %.
        #expect(psu.survivesOneFailure(rackDesign: rack.designPower))
        let e = try #require(Planner().plan(Self.site(rack)).electrical)
        let type = try #require(e.halls[0].design.stages.last?.rackTypes.first)
        #expect(isClose(type.perGroup.loadingNormal.fraction, 14.3 / 19.8))
        #expect(isClose(try #require(type.designLoadingAfterFailure).fraction, 14.3 / 16.5))
    }

    @Test("installed units that cannot carry the design power with none failed are inconsistent")
    func tooFewUnits() {
        let psu = RackPSU(
            unitsInstalled: 4, unitRating: .kilowatts(33), redundancy: .nPlus(1),
            provenance: Provenance(source: "t", confidence: .low))
        // 4 × 33 = 132 kW < 140 kW.
        #expect(
            psu.inconsistencies(rackDesign: .kilowatts(140)) == [
                "4 PSU units of 33 kW carry 132 kW, less than the design power 140 kW even with none failed"
            ])
        #expect(psu.inconsistencies(rackDesign: .kilowatts(132)).isEmpty)
    }

    @Test("the PUE boundary moves the rack shelves' losses between IT and facility; facility energy is the same")
    func pueBoundary() throws {
        let path = RepositoryPaths.path("Sites/korea-samsung-ai-megafactory.yaml")
        var site = try #require(SiteLoader().load(path: path).site)
        site.placement.enabled = false
        site.halls[0].copies = 1
        let epw = RepositoryPaths.path("Sites/weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw")
        let year = try EPWReader.read(path: epw)
        let weather = (year, try DesignConditions.load(forEPWAt: epw, year: year))
        let iso = Planner().plan(site, weather: weather)
        site.pueBoundary = .psuAsFacility
        let other = Planner().plan(site, weather: weather)
        let a = try #require(iso.cooling?.annual)
        let b = try #require(other.cooling?.annual)
        let e = try #require(iso.electrical)
        #expect(e.pueBoundary == .iso30134_2)
        // Same facility energy; IT differs by the shelves' loss at sustained load × 8,760 h.
        #expect(isClose(a.facilityEnergy, b.facilityEnergy))
        let shelves = e.rackConversionLossSustained * .hour * Double(a.hours)
        #expect(shelves > .zero)
        #expect(isClose(a.itEnergy - b.itEnergy, shelves, relative: 1e-9))
        // PUE_iso = F/(IT + L) < PUE_other = F/IT; both balance: IT + chain + movers + plant = F.
        #expect(isClose(a.pue, b.facilityEnergy / (b.itEnergy + shelves)))
        #expect(a.pue < b.pue)
        for y in [a, b] {
            let parts = y.itEnergy + y.chainLossEnergy + y.coolingEnergy + y.houseEnergy
            #expect(isClose(parts, y.facilityEnergy))
            // the house loads are the rest: pPUE_power + pPUE_cooling + E_house/E_IT = PUE + 1
            #expect(isClose(y.partialPUEPower + y.partialPUECooling + y.houseEnergy / y.itEnergy, y.pue + 1))
        }
        for plan in [iso, other] { #expect(!plan.findings.contains { $0.severity == .error }) }
        // The comparison: pPUE of the power chain = facility / (IT + rack loss) under ISO in every row.
        for row in e.comparison {
            let facility = iso.total.itPower.design / row.efficiency.fraction
            #expect(isClose(row.partialPUEPower, facility / (iso.total.itPower.design + row.rackConversionLoss)))
        }
    }

    @Test("the consistency check catches rack-type losses that do not add up to the stage's loss")
    func consistencyCatchesRackTypes() throws {
        let plan = Planner().plan(Self.site(Self.gb300))
        var e = try #require(plan.electrical)
        #expect(ConsistencyChecks.electrical(e, halls: plan.halls).isEmpty)
        let last = e.halls[0].design.stages.count - 1
        // Doubling one type's loss leaves the stage's loss as it was: Σ types ≠ stage.
        e.halls[0].design.stages[last].rackTypes[0].loss = e.halls[0].design.stages[last].rackTypes[0].loss * 2
        let violations = ConsistencyChecks.electrical(e, halls: plan.halls)
        #expect(violations.count == 1)
        #expect(violations.first?.contains("the rack types lose") == true)
    }
}
