import Catalogue
import Foundation
import LinearProgramming
import PlannerModel
import SiteSpec
import Testing
import _PlannerTestSupport

@testable import PlannerEngine

/// A tiny hall for hand calculations: one row of two 100 kW racks (90 % liquid: 90 kW liquid,
/// 10 kW air each) at 0.6 m pitch, 1.8 m aisle, 1.2 m deep.
///
/// Racks: R1 at (0.3, 0.6), R2 at (0.9, 0.6). Listed sites (``sites``): the row ends J1 at
/// (−0.6, 0.6) and J2 at (1.8, 0.6), and three slots on the front wall, J3 (0.3, −0.9), J4
/// (0.9, −0.9), J5 (1.5, −0.9). Distances along aisles:
///
/// | | J1 | J2 | J3 | J4 | J5 |
/// |---|---|---|---|---|---|
/// | R1 | 0.9 | 1.5 | 1.5 | 2.1 | 2.7 |
/// | R2 | 1.5 | 0.9 | 2.1 | 1.5 | 2.1 |
///
/// all within the 5 m reach of both types, so each medium's racks form one group.
enum TinyHall {
    static let rack = SystemEntry(
        id: "test-rack", name: "Test rack", role: .compute, form: .rack, gpus: 0, nameplatePower: .kilowatts(100),
        designPower: .kilowatts(100), idlePower: .kilowatts(20), liquidFraction: .fraction(0.9), weight: nil,
        provenance: Provenance(source: "test", confidence: .low))

    /// The same rack, all heat to liquid.
    static let liquidRack: SystemEntry = {
        var entry = rack
        entry.liquidFraction = .one
        return entry
    }()

    static let sites: [FloorPoint] = [
        .metres(-0.6, 0.6), .metres(1.8, 0.6), .metres(0.3, -0.9), .metres(0.9, -0.9), .metres(1.5, -0.9),
    ]

    static func hall(racks: Int = 2, racksPerRow: Int = 2, rows: Int = 1, liquidOnly: Bool = false) -> Hall {
        Hall(
            id: "tiny",
            layout: HallLayout(rows: rows, racksPerRow: racksPerRow, rackPitch: .metres(0.6), aisle: .metres(1.8)),
            rackGroups: [RackGroup(system: liquidOnly ? liquidRack : rack, count: racks)])
    }

    static let cdu = CoolingUnitType(id: "cdu-test", capacity: .kilowatts(200), cost: .dollars(100), reach: .metres(5))
    static let fan = CoolingUnitType(id: "fan-test", capacity: .kilowatts(50), cost: .dollars(10), reach: .metres(5))

    static func options(cdu: CoolingUnitType = cdu, sites: PlacementOptions.Sites? = nil) -> PlacementOptions {
        var options = PlacementOptions(liquidUnits: [cdu], airUnits: [fan], parallel: false)
        options.sites = sites ?? .listed(Self.sites)
        options.timeLimit = .seconds(30)
        return options
    }
}

/// Coefficients of row `name` by column name.
private func row(_ program: LinearProgram, _ name: String) -> (terms: [String: Double], bounds: Bounds)? {
    guard let constraint = program.constraints.first(where: { $0.name == name }) else { return nil }
    return (
        Dictionary(
            uniqueKeysWithValues: constraint.terms.map { (program.variables[$0.variable.index].name, $0.coefficient) }),
        constraint.bounds
    )
}

@Suite("Placement floor model")
struct PlacementFloorTests {
    @Test("racks fill rows in order at pitch and row pitch = rack depth + aisle")
    func rackPositions() throws {
        // 11 × 15 at 0.6 m, aisle 1.8 m, depth 1.2 m: row pitch 3.0 m. Rack 16 is row 1, slot 0:
        // x = 0.5 × 0.6 = 0.3, y = 1 × 3.0 + 0.6 = 3.6.
        let floor = try FloorModel.floor(
            of: TinyHall.hall(racks: 147, racksPerRow: 15, rows: 11), options: TinyHall.options())
        #expect(floor.racks.count == 147)
        #expect(floor.racks[15].id == "R16" && floor.racks[15].row == 1 && floor.racks[15].slot == 0)
        #expect(isClose(floor.racks[15].position.x.metres, 0.3) && isClose(floor.racks[15].position.y.metres, 3.6))
        #expect(floor.racks[0].heat.liquid == .kilowatts(90) && isClose(floor.racks[0].heat.air.kilowatts, 10))
    }

    @Test("generated sites are both row ends of every row plus front and back wall slots at the pitch")
    func generatedSites() throws {
        // 11 rows → 22 row ends; a 9 m row with 3 m pitch → wall slots at x = 1.5, 4.5, 7.5 on
        // the front (y = −0.9) and back (y = 10 × 3 + 1.2 + 0.9 = 32.1) walls: 22 + 6 = 28.
        let floor = try FloorModel.floor(
            of: TinyHall.hall(racks: 147, racksPerRow: 15, rows: 11),
            options: TinyHall.options(sites: .generated(pitch: .metres(3))))
        #expect(floor.sites.count == 28)
        #expect(floor.sites.filter { $0.kind == .rowEnd }.count == 22)
        #expect(floor.sites[1].position == .metres(9.6, 0.6))
        let back = floor.sites.filter { $0.kind == .perimeter }.map(\.position)
        #expect(back.contains(.metres(7.5, 32.1)) && back.contains(.metres(1.5, -0.9)))
    }

    @Test("distance along aisles is |Δx| + |Δy|")
    func manhattan() {
        #expect(FloorPoint.metres(0.3, 0.6).aisleDistance(to: .metres(-0.6, 3.6)) == .metres(0.9 + 3.0))
    }
}

@Suite("Placement formulation")
struct PlacementFormulationTests {
    let floor = try! FloorModel.floor(of: TinyHall.hall(), options: TinyHall.options())

    func media(liquid: Redundancy = .nPlus(1), air: Redundancy = .nPlus(1)) -> [MediumFloor] {
        [
            MediumFloor(
                floor: floor, medium: .liquid, types: [TinyHall.cdu], pathCost: .dollars(1), redundancy: liquid),
            MediumFloor(floor: floor, medium: .air, types: [TinyHall.fan], pathCost: .dollars(0.5), redundancy: air),
        ]
    }

    @Test("the tiny hall's unit program has one binary per medium and site, one-floor rows and the N+1 cover cuts")
    func tinyUnits() throws {
        let media = media()
        // Both racks reach all five sites: one group per medium, 180 kW liquid and 20 kW air.
        #expect(media[0].groups == [[0, 1]] && media[0].groupHeat == [180])
        #expect(isClose(media[1].groupHeat[0], 20))
        let model = PlacementFormulation.build(
            floor: floor, media: media, cuts: PlacementFormulation.initialCuts(media), phase: .units)
        let program = model.program
        #expect(
            program.variables.map(\.name) == (1...5).map { "open[J\($0),cdu-test]" }
                + (1...5).map { "open[J\($0),fan-test]" })
        // site[J]: a CDU and a fan may not share a slot.
        #expect(row(program, "site[J1]")! == (["open[J1,cdu-test]": 1, "open[J1,fan-test]": 1], .lessOrEqual(1)))
        // N+1 on one group: ⌈180/200⌉ + 1 = 2 CDUs and ⌈20/50⌉ + 1 = 2 fans within reach.
        #expect(row(program, "cover[liquid,1]")!.bounds == .greaterOrEqual(2))
        #expect(row(program, "cover[liquid,1]")!.terms.count == 5)
        #expect(row(program, "cover[air,2]")!.bounds == .greaterOrEqual(2))
        #expect(program.constraints.count == 5 + 2)
        #expect(throws: Never.self) { try program.validate() }
    }

    @Test("2N gives each rack half its heat from each system and one cover cut per system")
    func twoNRows() throws {
        let media = media(liquid: .twoN)
        #expect(media[0].scheme == RedundancyScheme(systems: 2, spares: 0))
        let model = PlacementFormulation.build(
            floor: floor, media: media, cuts: PlacementFormulation.initialCuts(media),
            phase: .routing(unitCost: 0...1e9, served: media.map(\.groupHeat)))
        let program = model.program
        // Each system alone carries the 180 kW: ⌈180/200⌉ + 0 = 1 CDU of A and 1 of B.
        #expect(row(program, "cover[liquid,A,1]")!.bounds == .greaterOrEqual(1))
        #expect(row(program, "cover[liquid,B,2]")!.bounds == .greaterOrEqual(1))
        // demand[R1,liquid,A]: x over the five sites = 90/2 = 45 kW.
        #expect(row(program, "demand[R1,liquid,A]")!.bounds == .equal(45))
        #expect(row(program, "demand[R1,liquid,A]")!.terms.count == 5)
        // One floor across systems and media: 2 CDU binaries and a fan at J1.
        #expect(row(program, "site[J1]")!.terms.count == 3)
        // capacity[J1,liquid,A]: Σ_r x − 200·y ≤ 0.
        #expect(row(program, "capacity[J1,liquid,A]")!.terms["open[J1,cdu-test,A]"] == -200)
    }

    @Test("N+k, 2N and 2(N+1) read as systems and spares; the scenarios are the failures each survives")
    func schemes() {
        #expect(RedundancyScheme(.nPlus(2)) == RedundancyScheme(systems: 1, spares: 2))
        #expect(RedundancyScheme(.n) == RedundancyScheme(systems: 1, spares: 0))
        #expect(RedundancyScheme(.twoNPlusOne) == RedundancyScheme(systems: 2, spares: 1))
        #expect(RedundancyScheme(.fourNOverThree).approximated)
        // Three units of one system, N+2: the three pairs.
        #expect(RedundancyScheme(.nPlus(2)).scenarios(systemOf: [0, 0, 0]) == [[0, 1], [0, 2], [1, 2]])
        // 2N with units A, B, A: losing all of B, then all of A.
        #expect(RedundancyScheme(.twoN).scenarios(systemOf: [0, 1, 0]) == [[1], [0, 2]])
        // 2(N+1), A = {0, 1}, B = {2}: B and one of A, then A and B's only unit... B keeps 0 of 1
        // after losing one: [0, 1] + [2].
        #expect(RedundancyScheme(.twoNPlusOne).scenarios(systemOf: [0, 0, 1]) == [[0, 2], [1, 2], [0, 1, 2]])
    }

    @Test("a layout short of redundancy yields the violated cover cut from the minimum cut")
    func separation() {
        // One CDU at J1 for the 180 kW group under N+1: after losing it nothing is left, so the
        // whole group (source side of the min cut) is a violated set.
        let media = media()
        let model = PlacementFormulation.build(floor: floor, media: media, cuts: [], phase: .units)
        var values = [Double](repeating: 0, count: model.program.variables.count)
        values[model.open[0][0][0][0]!.index] = 1
        values[model.open[1][0][2][0]!.index] = 1
        values[model.open[1][0][3][0]!.index] = 1
        let cuts = RedundancySeparation.violated(model, values: values, served: nil)
        #expect(cuts == [CoverCut(medium: 0, system: 0, groups: [0])])
    }
}

@Suite("Placement solve")
struct PlacementSolveTests {
    @Test("the tiny hall places two CDUs at the row ends and two fans on the wall, on separate slots")
    func tinySolve() throws {
        // Unit cost 2 × 100 + 2 × 10 = 220 USD (two of each for N+1). CDUs at the row ends J1, J2,
        // each rack to its nearer end: 2 × 90 × 0.9 = 162 kW·m; fans at J3, J4 (the row ends are
        // taken), R1 → J3 and R2 → J4 at 1.5 m: 30 kW·m × 0.5 USD = 15 USD. The swap (fans at the
        // ends) costs 2 × 90 × 1.5 = 270 + 9 USD: worse. Liquid 200 + 162 = 362 USD, air 20 + 15 = 35 USD.
        // After losing J1 both racks go to J2: 180 of 200 kW, peak loading 0.9.
        let options = TinyHall.options()
        let placement = try PlacementAnalysis.place(hall: TinyHall.hall(), options: options)
        let liquid = try #require(placement.liquid)
        #expect(liquid.status == .optimal)
        #expect(liquid.units.map(\.id) == ["J1", "J2"])
        #expect(isClose(liquid.solve.objective!.dollars, 362, relative: 1e-6))
        #expect(isClose(liquid.piping.kilowattMetres, 162, relative: 1e-6))
        #expect(liquid.units.allSatisfy { isClose($0.load.kilowatts, 90, relative: 1e-6) })
        #expect(liquid.units.allSatisfy { isClose($0.maxLoadAfterFailure.kilowatts, 180, relative: 1e-6) })
        #expect(liquid.failures.map(\.failedUnitID) == ["J1", "J2"]) // one re-routing per unit
        #expect(
            liquid.failures.allSatisfy {
                $0.shortfall == .zero && isClose($0.peakLoading.fraction, 0.9, relative: 1e-6)
            })
        #expect(liquid.unitCost == .dollars(200))
        #expect(liquid.redundancy == .nPlus(1))
        #expect(PlacementChecker.violations(of: liquid, floor: placement.floor, types: [TinyHall.cdu]).isEmpty)
        let air = try #require(placement.air)
        #expect(air.units.map(\.id) == ["J3", "J4"])
        #expect(isClose(air.solve.objective!.dollars, 35, relative: 1e-6))
        #expect(PlacementChecker.violations(of: air, floor: placement.floor, types: [TinyHall.fan]).isEmpty)
        #expect(PlacementChecker.sharedSites(placement).isEmpty)
        // One program: 10 binaries (2 media × 5 sites).
        #expect(liquid.solve.binaries == 10 && air.solve.rows == liquid.solve.rows)
    }

    @Test("2N places one CDU per system and feeds every rack half from each")
    func twoN() throws {
        // Each system alone carries 180 kW ≤ 200: one CDU each, at the row ends. Every rack is
        // served 45 kW by A and 45 kW by B: R1 45 × 0.9 + 45 × 1.5 = 108, R2 the same: 216 kW·m;
        // liquid objective 200 + 216 = 416 USD. Losing system A leaves B with 180 kW (loading 0.9).
        var options = TinyHall.options()
        options.liquidRedundancy = .twoN
        let placement = try PlacementAnalysis.place(hall: TinyHall.hall(), options: options)
        let liquid = try #require(placement.liquid)
        #expect(liquid.units.map(\.id) == ["J1", "J2"])
        #expect(Set(liquid.units.map(\.system)) == [0, 1])
        #expect(isClose(liquid.piping.kilowattMetres, 216, relative: 1e-6))
        #expect(isClose(liquid.solve.objective!.dollars, 416, relative: 1e-6))
        #expect(Set(liquid.failures.map(\.failedUnitID)) == ["system A", "system B"])
        #expect(liquid.failures.allSatisfy { $0.shortfall == .zero && isClose($0.peakLoading.fraction, 0.9) })
        #expect(PlacementChecker.violations(of: liquid, floor: placement.floor, types: [TinyHall.cdu]).isEmpty)
        #expect(PlacementChecker.sharedSites(placement).isEmpty)
    }

    @Test("air N+2 places three fans and survives the loss of any two")
    func nPlusTwo() throws {
        // ⌈20/50⌉ + 2 = 3 fans; the CDUs keep J1, J2, so the fans stand at J3, J4, J5. Losing any
        // pair leaves one 50 kW fan for the 20 kW: three scenarios, none short.
        var options = TinyHall.options()
        options.airRedundancy = .nPlus(2)
        let placement = try PlacementAnalysis.place(hall: TinyHall.hall(), options: options)
        let air = try #require(placement.air)
        #expect(air.units.map(\.id) == ["J3", "J4", "J5"])
        #expect(air.failures.map(\.failedUnitID) == ["J3+J4", "J3+J5", "J4+J5"])
        #expect(air.failures.allSatisfy { $0.shortfall == .zero && isClose($0.peakLoading.fraction, 0.4) })
        #expect(PlacementChecker.violations(of: air, floor: placement.floor, types: [TinyHall.fan]).isEmpty)
        #expect(placement.liquid?.units.map(\.id) == ["J1", "J2"])
    }

    @Test("the cooling table's unit count is a floor under the layout")
    func tableMinimum() throws {
        // The table installs 3 CDUs: the layout puts down 3 although N+1 needs 2.
        var options = TinyHall.options()
        options.minimumUnits[.liquid] = 3
        let liquid = try #require(try PlacementAnalysis.place(hall: TinyHall.hall(), options: options).liquid)
        #expect(liquid.units.count == 3)
    }

    @Test("a layout needing more units than the cooling table says so with both counts; xN/y is flagged as approximate")
    func tableShortFinding() throws {
        // The table installs 1 CDU, N+1 on the tiny hall needs ⌈180/200⌉ + 1 = 2.
        var options = TinyHall.options()
        options.minimumUnits[.liquid] = 1
        let placement = try PlacementAnalysis.place(hall: TinyHall.hall(), options: options)
        let liquid = try #require(placement.liquid)
        let findings = SitePlacement.findings(liquid, floor: placement.floor, options: options, subject: "halls[0]")
        #expect(
            findings.contains {
                $0.severity == .warning && $0.message.contains("needs 2 units where the cooling table installs 1")
            }, "\(findings.map(\.message))")
        // 4N/3 is placed as N+1 (x − y = 1), with a warning.
        options.liquidRedundancy = .fourNOverThree
        let distributed = try #require(try PlacementAnalysis.place(hall: TinyHall.hall(), options: options).liquid)
        #expect(distributed.units.count == 2)
        let flagged = SitePlacement.findings(distributed, floor: placement.floor, options: options, subject: "h")
        #expect(
            flagged.contains {
                $0.severity == .warning && $0.message.contains("treats cooling.cdu_redundancy 4N/3 as N+1")
            })
    }

    @Test("identical halls are solved once and each keeps its own ID")
    func identicalHalls() throws {
        var second = TinyHall.hall()
        second.id = "tiny-2"
        let results = PlacementAnalysis.place(halls: [TinyHall.hall(), second], options: TinyHall.options())
        let a = try results[0].get()
        let b = try results[1].get()
        #expect(a.hallID == "tiny" && b.hallID == "tiny-2" && b.liquid?.hallID == "tiny-2")
        #expect(a.liquid?.units == b.liquid?.units && a.air?.units == b.air?.units)
        #expect(a.liquid?.solve == b.liquid?.solve) // the same solve, not a second one
    }

    @Test("one floor: with three slots for two CDUs and two fans, the fans are short")
    func oneFloor() throws {
        // N+1 needs 2 + 2 units on 3 slots. The elastic program leaves the cheaper heat short: all
        // 20 kW of air (penalty 10 × 100 USD / 10 kW = 100 USD/kW: 2 000 USD) rather than CDU heat.
        let options = TinyHall.options(sites: .listed(Array(TinyHall.sites.prefix(3))))
        let placement = try PlacementAnalysis.place(hall: TinyHall.hall(), options: options)
        #expect(placement.liquid?.status == .optimal || placement.liquid?.status == .feasible)
        #expect(placement.liquid?.units.count == 2)
        let air = try #require(placement.air)
        #expect(air.status == .infeasible)
        #expect(isClose(air.shortfalls.sum(\.unserved).kilowatts, 20, relative: 1e-6))
        #expect(PlacementChecker.sharedSites(placement).isEmpty)
    }

    @Test("the checker reports an overloaded unit, an out-of-reach assignment, unserved heat and a failover shortfall")
    func checkerCatches() throws {
        let placement = try PlacementAnalysis.place(hall: TinyHall.hall(), options: TinyHall.options())
        var layout = try #require(placement.liquid)
        // Move R2's 90 kW from J2 to J1: J1 carries 180 kW and J2 nothing; with 150 kW units of 1 m
        // reach J1 is over its rating, R2 is out of its reach, and after J1's loss J2 cannot take
        // R1 (1.5 m) or R2 beyond... 180 kW of heat with 150 kW left.
        layout.units[0].assignments.append(RackAssignment(rackID: "R2", heat: .kilowatts(90), distance: .metres(1.5)))
        layout.units[0].load = .kilowatts(180)
        layout.units[1].assignments = []
        layout.units[1].load = .zero
        let weak = CoolingUnitType(id: "cdu-test", capacity: .kilowatts(150), cost: .dollars(100), reach: .metres(1))
        let found = PlacementChecker.violations(of: layout, floor: placement.floor, types: [weak])
        let kinds = Set(found.map(\.kind))
        #expect(kinds.isSuperset(of: [.overRating, .outOfReach, .inconsistentLoad, .failoverShortfall]))
        var unserved = try #require(placement.liquid)
        unserved.units[1].assignments = []
        unserved.units[1].load = .zero
        #expect(
            PlacementChecker.violations(of: unserved, floor: placement.floor, types: [TinyHall.cdu]).map(\.kind)
                .contains(.heatNotServed))
        // Two media on one slot.
        var shared = placement
        shared.air!.units[0].id = "J1"
        #expect(PlacementChecker.sharedSites(shared).map(\.kind) == [.sharedSite])
    }

    @Test("an infeasible hall (too little capacity for N+1) reports the short heat and the capacity reason")
    func infeasibleCapacity() throws {
        // All-liquid racks (2 × 100 kW), two sites, 150 kW units: N+1 needs ⌈200/150⌉ + 1 = 3 units.
        // The elastic cut 150·(y1 + y2) + short ≥ 200 + 150 leaves 50 kW short; the 150 kW served
        // survive the loss of either unit.
        let small = CoolingUnitType(id: "cdu-test", capacity: .kilowatts(150), cost: .dollars(100), reach: .metres(5))
        let options = TinyHall.options(cdu: small, sites: .listed(Array(TinyHall.sites.prefix(2))))
        let placement = try PlacementAnalysis.place(hall: TinyHall.hall(liquidOnly: true), options: options)
        let liquid = try #require(placement.liquid)
        #expect(placement.air == nil)
        #expect(liquid.status == .infeasible)
        #expect(liquid.elasticSolve != nil)
        #expect(isClose(liquid.shortfalls.sum(\.unserved).kilowatts, 50, relative: 1e-6))
        #expect(liquid.shortfalls.allSatisfy { $0.reason == .capacity })
        #expect(liquid.worstFailureShortfall == .zero) // what is served is N+1-safe
    }

    @Test("an infeasible hall (reach) names the racks with a single site or none within reach")
    func infeasibleReach() throws {
        // Sites at (−0.6, 0.6) and (30, 0.6): the second reaches nothing within 5 m, so J1 alone
        // could serve, with no backup: both (all-liquid, 100 kW) racks are short in full, reason "only J1".
        let options = TinyHall.options(sites: .listed([.metres(-0.6, 0.6), .metres(30, 0.6)]))
        let hall = TinyHall.hall(liquidOnly: true)
        let liquid = try #require(try PlacementAnalysis.place(hall: hall, options: options).liquid)
        #expect(liquid.status == .infeasible)
        #expect(liquid.shortfalls.map(\.rackID) == ["R1", "R2"])
        #expect(liquid.shortfalls.allSatisfy { isClose($0.unserved.kilowatts, 100, relative: 1e-6) })
        #expect(liquid.shortfalls.allSatisfy { $0.reason == .singleSiteWithinReach(siteID: "J1") })
        // Only the far site: no site within reach at all.
        let none = TinyHall.options(sites: .listed([.metres(30, 0.6)]))
        let far = try #require(try PlacementAnalysis.place(hall: hall, options: none).liquid)
        #expect(far.status == .infeasible && far.units.isEmpty)
        #expect(far.shortfalls.map(\.rackID) == ["R1", "R2"])
        #expect(far.shortfalls.allSatisfy { $0.reason == .noSiteWithinReach })
    }

    @Test("bad input gives typed errors with sentences")
    func badInput() {
        #expect(throws: PlacementError.noCandidateSites(hall: "tiny")) {
            try PlacementAnalysis.place(hall: TinyHall.hall(), options: TinyHall.options(sites: .listed([])))
        }
        let short = CoolingUnitType(id: "cdu-test", capacity: .kilowatts(200), cost: .dollars(100), reach: .metres(0.5))
        #expect(
            throws: PlacementError.reachShorterThanRackPitch(
                unit: "cdu-test", reach: .metres(0.5), rackPitch: .metres(0.6))
        ) {
            try PlacementAnalysis.place(hall: TinyHall.hall(), options: TinyHall.options(cdu: short))
        }
        var zero = TinyHall.options()
        zero.timeLimit = .zero
        #expect(throws: PlacementError.invalidTimeLimit(.zero)) {
            try PlacementAnalysis.place(hall: TinyHall.hall(), options: zero)
        }
        #expect(
            PlacementError.reachShorterThanRackPitch(unit: "x", reach: .metres(0.5), rackPitch: .metres(0.6))
                .description
                == "unit type 'x' reaches 0.5 m, less than the rack pitch of 0.6 m; it could not serve even a "
                + "neighbouring rack — check the reach"
        )
        #expect(throws: PlacementError.noLayout(hall: "bare")) {
            try PlacementAnalysis.place(hall: Hall(id: "bare", rackGroups: []), options: TinyHall.options())
        }
    }

    @Test("a time-out is a status: 1 ms on a Korean hall ends without a crash")
    func timeout() throws {
        var options = PlacementOptions()
        options.timeLimit = .milliseconds(1)
        let site = try #require(
            SiteLoader().load(path: RepositoryPaths.path("Sites/korea-national-ai-computing-center.yaml")).site)
        let placement = try PlacementAnalysis.place(hall: site.halls[0], options: options)
        #expect(placement.layouts.map(\.medium) == [.liquid, .air])
        for layout in placement.layouts {
            #expect([PlacementStatus.noSolution, .feasible, .optimal].contains(layout.status))
            // Whatever the clock cut short says so (the report and a warning then say it too).
            #expect(layout.status == .optimal || layout.solve.timeLimited || layout.solve.nodeLimited)
        }
    }

    @Test(
        "the exported MPS solved by glpsol gives the same objective",
        .enabled(if: Glpsol.isInstalled, "glpsol is not installed"))
    func exportRoundTrip() throws {
        let directory = try makeTemporaryDirectory()
        let exported = try PlacementAnalysis.exportModels(
            hall: TinyHall.hall(), options: TinyHall.options(), directory: directory.path)
        #expect(exported.map { URL(fileURLWithPath: $0.mpsPath).lastPathComponent } == ["tiny-floor.mps"])
        #expect(FileManager.default.fileExists(atPath: exported[0].lpPath))
        // "Objective:  obj = 397 (MINimum)" — the hand value of the tiny hall, 362 + 35 USD.
        let solution = try Glpsol.solve(exported[0].mpsPath)
        #expect(solution.status == "INTEGER OPTIMAL")
        let value = solution.objective
        #expect(isClose(value, 397, relative: 1e-9))
        let ours = try PlacementAnalysis.place(hall: TinyHall.hall(), options: TinyHall.options()).layouts
            .reduce(0.0) { $0 + $1.solve.objective!.dollars }
        #expect(isClose(ours, value, relative: 1e-6)) // GLPK's tolerance
    }

    @Test("a node limit decides where the search stops: the same layout every time, reported as such")
    func nodeLimit() throws {
        var options = TinyHall.options()
        options.nodeLimit = 1
        let first = try PlacementAnalysis.place(hall: TinyHall.hall(), options: options)
        let second = try PlacementAnalysis.place(hall: TinyHall.hall(), options: options)
        #expect(first.liquid?.units == second.liquid?.units && first.air?.units == second.air?.units)
        #expect(first.layouts.allSatisfy { !$0.solve.timeLimited })
        options.nodeLimit = 0
        #expect(throws: PlacementError.invalidNodeLimit(0)) {
            try PlacementAnalysis.place(hall: TinyHall.hall(), options: options)
        }
    }

    @Test("concurrent placements on several threads give the same layouts as one at a time")
    func concurrent() throws {
        var options = TinyHall.options()
        options.parallel = false
        let halls = (0..<8).map { _ in TinyHall.hall() }
        let sequential = PlacementAnalysis.place(halls: halls, options: options).map { try? $0.get().liquid?.units }
        options.parallel = true
        let parallel = PlacementAnalysis.place(halls: halls, options: options).map { try? $0.get().liquid?.units }
        #expect(sequential == parallel && sequential.allSatisfy { $0?.count == 2 })
    }

    @Test(
        "the national AI computing center's halls place N+1 CDUs and fan walls within the 0.5 % gap, on separate slots")
    func koreaNational() throws {
        let site = try #require(
            SiteLoader().load(path: RepositoryPaths.path("Sites/korea-national-ai-computing-center.yaml")).site)
        var options = PlacementOptions()
        options.timeLimit = .seconds(60)
        let results = PlacementAnalysis.place(halls: site.halls, options: options)
        #expect(results.count == site.halls.count && !results.isEmpty)
        for result in results {
            let placement = try result.get()
            #expect(placement.layouts.map(\.medium) == [.liquid, .air])
            #expect(PlacementChecker.sharedSites(placement).isEmpty)
            for layout in placement.layouts {
                #expect(layout.status == .optimal || layout.status == .feasible)
                #expect((layout.solve.gap?.fraction ?? 1) <= 0.005 + 1e-9)
                let types = options.units(layout.medium)
                #expect(PlacementChecker.violations(of: layout, floor: placement.floor, types: types).isEmpty)
                // At least ⌈Q/C⌉ + 1 units (phase1 liquid: 112 × 128.8 = 14 425.6 kW / 1 350 → 11 + 1).
                let minimum = Int((layout.heat / types[0].capacity).rounded(.up)) + 1
                #expect(layout.units.count >= minimum)
            }
        }
    }
}
