import Catalogue
import Foundation
import LinearProgramming
import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import _PlannerTestSupport

/// A tiny hall for hand calculations: one row of two 100 kW racks (90 % liquid: 90 kW liquid,
/// 10 kW air each) at 0.6 m pitch, 1.8 m aisle, 1.2 m deep.
///
/// Racks: R1 at (0.3, 0.6), R2 at (0.9, 0.6). Generated sites (3 m pitch; the row is 1.2 m long,
/// shorter than the first wall slot at 1.5 m, so there are only the row ends):
/// J1 at (−0.6, 0.6), J2 at (1.2 + 0.6 = 1.8, 0.6). Distances along aisles:
/// d(R1,J1) = 0.9, d(R1,J2) = 1.5, d(R2,J1) = 1.5, d(R2,J2) = 0.9 m. J1–J2 = 2.4 m ≤ the 3 m
/// backup radius, so each is the other's backup.
enum TinyHall {
    static let rack = SystemEntry(
        id: "test-rack", name: "Test rack", role: .compute, form: .rack, gpus: 0, nameplatePower: .kilowatts(100),
        designPower: .kilowatts(100), idlePower: .kilowatts(20), liquidFraction: .fraction(0.9), weight: nil,
        provenance: Provenance(source: "test", confidence: .low))

    static func hall(racks: Int = 2, racksPerRow: Int = 2, rows: Int = 1) -> Hall {
        Hall(
            id: "tiny",
            layout: HallLayout(rows: rows, racksPerRow: racksPerRow, rackPitch: .metres(0.6), aisle: .metres(1.8)),
            rackGroups: [RackGroup(system: rack, count: racks)])
    }

    static let cdu = CoolingUnitType(id: "cdu-test", capacity: .kilowatts(200), cost: .dollars(100), reach: .metres(5))
    static let fan = CoolingUnitType(id: "fan-test", capacity: .kilowatts(50), cost: .dollars(10), reach: .metres(5))

    static func options(cdu: CoolingUnitType = cdu, sites: PlacementOptions.Sites? = nil) -> PlacementOptions {
        var options = PlacementOptions(liquidUnits: [cdu], airUnits: [fan], parallel: false)
        if let sites { options.sites = sites }
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
            of: TinyHall.hall(racks: 147, racksPerRow: 15, rows: 11), options: TinyHall.options())
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

    @Test("the tiny hall's liquid MILP has the hand-derived columns, rows and coefficients")
    func tinyLiquid() throws {
        let model = PlacementFormulation.build(
            floor: floor, medium: .liquid, types: [TinyHall.cdu], pathCost: .dollars(1), backupRadius: .metres(3))
        let program = model.program
        // Columns: 2 binaries (one type at two sites), 4 serve (every rack within 5 m of both
        // sites), 2 loads.
        #expect(
            program.variables.map(\.name) == [
                "open[J1,cdu-test]", "open[J2,cdu-test]", "serve[R1,J1]", "serve[R1,J2]", "serve[R2,J1]",
                "serve[R2,J2]",
                "load[J1]", "load[J2]",
            ])
        // Rows: 2 demand, 2 balance, 2 capacity, 2 failover, 4 VUB, 2 survive, 1 cardinality; no
        // site rows (one type) and no cost bound (one type: it would be cardinality × c).
        #expect(
            program.constraints.map(\.name) == [
                "demand[R1]", "demand[R2]", "balance[J1]", "balance[J2]", "capacity[J1]", "capacity[J2]",
                "failover[J1]",
                "failover[J2]", "vub[R1,J1]", "vub[R1,J2]", "vub[R2,J1]", "vub[R2,J2]", "survive[J1]", "survive[J2]",
                "cardinality",
            ])
        // demand[R1]: x_R1,J1 + x_R1,J2 = 90 kW.
        #expect(row(program, "demand[R1]")! == (["serve[R1,J1]": 1, "serve[R1,J2]": 1], .equal(90)))
        // capacity[J1]: L_J1 − 200·y_J1 ≤ 0.
        #expect(row(program, "capacity[J1]")! == (["load[J1]": 1, "open[J1,cdu-test]": -200], .lessOrEqual(0)))
        // failover[J1]: N(J1) = {J2}: L_J1 + L_J2 − 200·y_J2 ≤ 0.
        #expect(
            row(program, "failover[J1]")! == (
                ["load[J1]": 1, "load[J2]": 1, "open[J2,cdu-test]": -200], .lessOrEqual(0)
            ))
        #expect(model.backups == [[1], [0]])
        // vub[R2,J1]: x_R2,J1 − 90·y_J1 ≤ 0.
        #expect(row(program, "vub[R2,J1]")! == (["serve[R2,J1]": 1, "open[J1,cdu-test]": -90], .lessOrEqual(0)))
        // survive[J1]: the capacity without J1 covers Q = 180: 200·y_J2 ≥ 180.
        #expect(row(program, "survive[J1]")! == (["open[J2,cdu-test]": 200], .greaterOrEqual(180)))
        // cardinality: y_J1 + y_J2 ≥ ⌈180/200⌉ + 1 = 2.
        #expect(row(program, "cardinality")! == (["open[J1,cdu-test]": 1, "open[J2,cdu-test]": 1], .greaterOrEqual(2)))
        // Objective: 100·y per unit + 1 USD/(kW·m)·d: 0.9 and 1.5 per kW of serve.
        let objective = Dictionary(
            uniqueKeysWithValues: program.objective.terms.map {
                (program.variables[$0.variable.index].name, $0.coefficient)
            })
        #expect(objective["open[J1,cdu-test]"] == 100 && isClose(objective["serve[R1,J1]"]!, 0.9))
        #expect(isClose(objective["serve[R1,J2]"]!, 1.5) && objective["load[J1]"] == nil)
        #expect(throws: Never.self) { try program.validate() }
    }

    @Test("two unit types add one-unit-per-site rows and the cheapest-mix cost bound")
    func twoTypes() {
        // Types A 200 kW/100 USD and B 100 kW/60 USD, Q = 180 kW. Mixes with Σ n·C − max C ≥ 180:
        // 2A (400 − 200 = 200) 200 USD, 3B (300 − 100 = 200) 180 USD, A + 2B (400 − 200) 220 USD;
        // A + B gives only 100. The cheapest is 3B = 180 USD (geometry ignored).
        let small = CoolingUnitType(id: "cdu-b", capacity: .kilowatts(100), cost: .dollars(60), reach: .metres(5))
        let program = PlacementFormulation.build(
            floor: floor, medium: .liquid, types: [TinyHall.cdu, small], pathCost: .dollars(1), backupRadius: .metres(3)
        ).program
        #expect(row(program, "site[J1]")! == (["open[J1,cdu-test]": 1, "open[J1,cdu-b]": 1], .lessOrEqual(1)))
        #expect(row(program, "costbound")!.bounds == .greaterOrEqual(180))
        #expect(
            row(program, "costbound")!.terms == [
                "open[J1,cdu-test]": 100, "open[J1,cdu-b]": 60, "open[J2,cdu-test]": 100, "open[J2,cdu-b]": 60,
            ])
        // VUB with both types reaching: x_R1,J1 − 90·(y_J1,A + y_J1,B) ≤ 0.
        #expect(
            row(program, "vub[R1,J1]")!.terms == ["serve[R1,J1]": 1, "open[J1,cdu-test]": -90, "open[J1,cdu-b]": -90])
    }

    @Test("rows 5 and 6 back each other up although their pitch is 3.0000000000000018 m in floating point")
    func backupRadiusTolerance() throws {
        // 7 rows of 2 racks, depth 1.2 m + aisle 1.8 m: the left row ends are J(2r+1) at
        // y = 3.0·r + 0.6, so J11 (row 5) is at 15.6 and J13 (row 6) at 18.6 m — but in doubles
        // 3.0·6 + 0.6 − (3.0·5 + 0.6) = 3.0000000000000018 > 3, while every other pair of
        // neighbouring rows is exactly 3.0 (or 2.9999999999999996) apart.
        let floor = try FloorModel.floor(
            of: TinyHall.hall(racks: 14, racksPerRow: 2, rows: 7), options: TinyHall.options())
        let pitch = floor.sites[12].position.aisleDistance(to: floor.sites[10].position)
        #expect(pitch.metres > 3 && pitch.isWithin(.metres(3)))
        let model = PlacementFormulation.build(
            floor: floor, medium: .liquid, types: [TinyHall.cdu], pathCost: .dollars(1), backupRadius: .metres(3))
        // J11's backups are both its neighbours, J9 and J13 (indices 8 and 12), as for every other row.
        #expect(model.backups[10].contains(8) && model.backups[10].contains(12))
        // So J11 serves only racks that J13 reaches too: R9 (row 4, slot 0, at (0.3, 12.6)) is
        // 0.9 + 6 = 6.9 m from J13, beyond the 5 m reach, so J11 may not serve it (it is 3.9 m
        // from J11). Compared exactly, J11 served R9 and J13 was no backup of J11.
        #expect(!model.serve[8].map(\.site).contains(10))
        #expect(model.serve[10].map(\.site).contains(10))
    }

    @Test("without strengthening only the model rows remain, and with backup radius 0 the failover set is the design's")
    func switches() {
        let plain = PlacementFormulation.build(
            floor: floor, medium: .liquid, types: [TinyHall.cdu], pathCost: .dollars(1), strengthening: false)
        #expect(plain.program.constraints.count == 8)
        // Radius 0: N(J1) = sites reaching every rack J1 reaches; J2 reaches both (1.5, 0.9 ≤ 5).
        #expect(plain.backups == [[1], [0]])
        // A 1 m reach: J1 reaches only R1 (0.9), J2 only R2, so neither backs up the other.
        let short = CoolingUnitType(id: "cdu-short", capacity: .kilowatts(200), cost: .dollars(100), reach: .metres(1))
        let design = PlacementFormulation.build(floor: floor, medium: .liquid, types: [short], pathCost: .dollars(1))
        #expect(design.backups == [[], []])
        #expect(design.serve.map { $0.map(\.site) } == [[0], [1]])
    }
}

@Suite("Placement solve")
struct PlacementSolveTests {
    @Test("the tiny hall places two CDUs at the row ends, each backing up the other, and passes the checker")
    func tinySolve() throws {
        // Optimum: both sites open (cardinality 2), each rack to its nearer end: x_R1,J1 = x_R2,J2 = 90.
        // Objective 2 × 100 + 0.9 × 180 = 362 USD; piping 162 kW·m. After losing J1, R1's 90 kW goes
        // to J2: 180 kW of 200, peak loading 0.9. Phase 2 starts from an LP routing, whose values
        // GLPK returns within its primal feasibility tolerance (1e-7 relative), hence 1e-6.
        let options = TinyHall.options()
        let placement = try PlacementAnalysis.place(hall: TinyHall.hall(), options: options)
        let liquid = try #require(placement.liquid)
        #expect(liquid.status == .optimal)
        #expect(liquid.units.map(\.id) == ["J1", "J2"])
        #expect(isClose(liquid.solve.objective!.dollars, 362, relative: 1e-6))
        #expect(isClose(liquid.piping.kilowattMetres, 162, relative: 1e-6))
        #expect(liquid.units.allSatisfy { isClose($0.load.kilowatts, 90, relative: 1e-6) })
        #expect(liquid.units.allSatisfy { isClose($0.maxLoadAfterFailure.kilowatts, 180, relative: 1e-6) })
        #expect(liquid.failures.count == 2) // one re-routing per unit
        #expect(
            liquid.failures.allSatisfy {
                $0.shortfall == .zero && isClose($0.peakLoading.fraction, 0.9, relative: 1e-6)
            })
        #expect(liquid.unitCost == .dollars(200))
        #expect(liquid.solve.binaries == 2 && liquid.solve.columns == 8)
        #expect(PlacementChecker.violations(of: liquid, floor: placement.floor, types: [TinyHall.cdu]).isEmpty)
        // Air: 20 kW on 50 kW fans: two fans, same geometry.
        let air = try #require(placement.air)
        #expect(air.units.count == 2)
        #expect(PlacementChecker.violations(of: air, floor: placement.floor, types: [TinyHall.fan]).isEmpty)
    }

    @Test("the checker reports an overloaded unit, an out-of-reach assignment, unserved heat and a failover shortfall")
    func checkerCatches() throws {
        let placement = try PlacementAnalysis.place(hall: TinyHall.hall(), options: TinyHall.options())
        var layout = try #require(placement.liquid)
        // Move R2's 90 kW from J2 to J1: J1 carries 180 of 200 (fine) but J2 serves nothing, and
        // J1's loss leaves 180 kW for J2's 200 kW: still fine — so also cut J1's capacity to 150.
        layout.units[0].assignments.append(RackAssignment(rackID: "R2", heat: .kilowatts(90), distance: .metres(1.5)))
        layout.units[0].load = .kilowatts(180)
        layout.units[1].assignments = []
        layout.units[1].load = .zero
        let weak = CoolingUnitType(id: "cdu-test", capacity: .kilowatts(150), cost: .dollars(100), reach: .metres(1))
        let found = PlacementChecker.violations(of: layout, floor: placement.floor, types: [weak])
        let kinds = Set(found.map(\.kind))
        // 180 > 150 (over rating); R2 at 1.5 m > 1 m reach (out of reach); capacity 200 ≠ 150
        // (inconsistent); after J1's loss J2 cannot reach R2 or hold 180 (shortfall).
        #expect(kinds.isSuperset(of: [.overRating, .outOfReach, .inconsistentLoad, .failoverShortfall]))
        var unserved = try #require(placement.liquid)
        unserved.units[1].assignments = []
        unserved.units[1].load = .zero
        #expect(
            PlacementChecker.violations(of: unserved, floor: placement.floor, types: [TinyHall.cdu]).map(\.kind)
                .contains(.heatNotServed))
    }

    @Test("an infeasible hall (too little capacity for N+1) reports the short heat and the capacity reason")
    func infeasibleCapacity() throws {
        // 150 kW units: with two sites each backing up the other, failover[J1] says
        // L_J1 + L_J2 ≤ 150, so at most 150 of the 180 kW can be served: 30 kW short.
        let small = CoolingUnitType(id: "cdu-test", capacity: .kilowatts(150), cost: .dollars(100), reach: .metres(5))
        let placement = try PlacementAnalysis.place(hall: TinyHall.hall(), options: TinyHall.options(cdu: small))
        let liquid = try #require(placement.liquid)
        #expect(liquid.status == .infeasible)
        #expect(liquid.elasticSolve != nil)
        #expect(isClose(liquid.shortfalls.sum(\.unserved).kilowatts, 30, relative: 1e-6))
        #expect(liquid.shortfalls.allSatisfy { $0.reason == .capacity })
        #expect(liquid.worstFailureShortfall == .zero) // what is served is N+1-safe
    }

    @Test("an infeasible hall (reach) names the racks with a single site or none within reach")
    func infeasibleReach() throws {
        // Sites at (−0.6, 0.6) and (30, 0.6): the second reaches nothing within 5 m, so J1 alone
        // could serve, with no backup: both racks are 90 kW short, reason "only J1".
        let options = TinyHall.options(sites: .listed([.metres(-0.6, 0.6), .metres(30, 0.6)]))
        let liquid = try #require(try PlacementAnalysis.place(hall: TinyHall.hall(), options: options).liquid)
        #expect(liquid.status == .infeasible)
        #expect(liquid.shortfalls.map(\.rackID) == ["R1", "R2"])
        #expect(liquid.shortfalls.allSatisfy { isClose($0.unserved.kilowatts, 90, relative: 1e-6) })
        #expect(liquid.shortfalls.allSatisfy { $0.reason == .singleSiteWithinReach(siteID: "J1") })
        // Only the far site: no site within reach at all.
        let none = TinyHall.options(sites: .listed([.metres(30, 0.6)]))
        let far = try #require(try PlacementAnalysis.place(hall: TinyHall.hall(), options: none).liquid)
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
            #expect(layout.status == .optimal || layout.solve.timeLimited)
        }
    }

    @Test(
        "the exported MPS solved by glpsol gives the same objective",
        .enabled(if: Glpsol.isInstalled, "glpsol is not installed"))
    func exportRoundTrip() throws {
        let directory = try makeTemporaryDirectory()
        let exported = try PlacementAnalysis.exportModels(
            hall: TinyHall.hall(), options: TinyHall.options(), directory: directory.path)
        #expect(exported.map(\.medium) == [.liquid, .air])
        #expect(FileManager.default.fileExists(atPath: exported[0].lpPath))
        // "Objective:  obj = 362 (MINimum)" — the hand value of the tiny hall.
        let solution = try Glpsol.solve(exported[0].mpsPath)
        #expect(solution.status == "INTEGER OPTIMAL")
        let value = solution.objective
        #expect(isClose(value, 362, relative: 1e-9))
        let ours = try PlacementAnalysis.place(hall: TinyHall.hall(), options: TinyHall.options()).liquid!.solve
            .objective!
        #expect(isClose(ours.dollars, value, relative: 1e-6)) // GLPK's tolerance, see tinySolve
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

    @Test("the national AI computing center's halls place N+1 CDUs and fan walls within the 0.5 % gap")
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
