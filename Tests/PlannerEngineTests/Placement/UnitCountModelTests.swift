import Foundation
import LinearProgramming
import PlannerEngine
import PlannerModel
import Testing
import _PlannerTestSupport

@Suite("Placement unit-count model")
struct UnitCountModelTests {
    @Test("cover cuts round the heat a window's units must carry after a loss, widened by the backups")
    func coverCutsByHand() {
        // A chain of sites 0-1-2-3, each backing up its neighbours; C = 200 kW.
        // Groups: G1 on {0,1} 150 kW, G2 on {1,2} 150 kW, G3 on {2,3} 100 kW.
        // Windows (one group's sites or two groups'), S inside, W⁺ = S's sites + their backups:
        //   {0,1}:   S = G1,       150 kW, W⁺ {0,1,2}   → ⌈0.75⌉ + 1 = 2
        //   {1,2}:   S = G2,       150 kW, W⁺ {0,1,2,3} → 2
        //   {2,3}:   S = G3,       100 kW, W⁺ {1,2,3}   → 2
        //   {0,1,2}: S = G1+G2,    300 kW, W⁺ {0,1,2,3} → ⌈1.5⌉ + 1 = 3
        //   {1,2,3}: S = G2+G3,    250 kW, W⁺ {0,1,2,3} → 3
        //   {0..3}:  S = all,      400 kW, W⁺ {0,1,2,3} → ⌈2⌉ + 1 = 3
        // Best per W⁺: {0,1,2} ≥ 2, {1,2,3} ≥ 2, {0,1,2,3} ≥ 3; none dominates another.
        let cuts = UnitCountModel.coverCuts(
            siteSets: [[0, 1], [1, 2], [2, 3]], heat: [150, 150, 100], backups: [[1], [0, 2], [1, 3], [2]],
            siteCount: 4, largestCapacity: 200)
        #expect(
            cuts == [
                UnitCountModel.CoverCut(sites: [0, 1, 2], units: 2),
                UnitCountModel.CoverCut(sites: [1, 2, 3], units: 2),
                UnitCountModel.CoverCut(sites: [0, 1, 2, 3], units: 3),
            ])
    }

    @Test("a cut that needs no more units on more sites is dropped")
    func dominatedCutsDropped() {
        // Sites 0-1 and 2 apart (no backups across). G1 on {0,1} 300 kW → ⌈1.5⌉ + 1 = 3 on {0,1};
        // G2 on {0,1,2} 100 kW: its window {0,1,2} holds G1 too, 400 kW → ⌈2⌉ + 1 = 3 on {0,1,2},
        // which says no more than 3 on {0,1}: dropped.
        let cuts = UnitCountModel.coverCuts(
            siteSets: [[0, 1], [0, 1, 2]], heat: [300, 100], backups: [[1], [0], []], siteCount: 3,
            largestCapacity: 200)
        #expect(cuts == [UnitCountModel.CoverCut(sites: [0, 1], units: 3)])
    }

    @Test("the unit-count model has the full model's fewest units, and its layout is feasible in the full model")
    func sameOptimumAsFullModel() throws {
        var solved = 0
        for (racks, perRow, rows) in [(2, 2, 1), (12, 4, 3), (20, 5, 4), (30, 6, 5)] {
            // The tiny hall's units with a 12 m reach, so that the larger halls are feasible.
            let options = PlacementOptions(
                liquidUnits: [
                    CoolingUnitType(id: "cdu-test", capacity: .kilowatts(200), cost: .dollars(100), reach: .metres(12))
                ],
                airUnits: [
                    CoolingUnitType(id: "fan-test", capacity: .kilowatts(50), cost: .dollars(10), reach: .metres(12))
                ],
                parallel: false)
            let floor = try FloorModel.floor(
                of: TinyHall.hall(racks: racks, racksPerRow: perRow, rows: rows), options: options)
            for medium in CoolingMedium.allCases {
                let types = options.units(medium)
                let full = PlacementFormulation.build(
                    floor: floor, medium: medium, types: types, pathCost: options.pathCost(medium),
                    backupRadius: options.backupRadius)
                let reduced = UnitCountModel(full)
                // Racks of one row share their sites, so there are fewer groups than racks.
                #expect(reduced.groups.count <= full.racks.count)
                #expect(reduced.groups.flatMap { $0 }.sorted() == Array(full.racks.indices))
                var unitCost = full.program
                unitCost.setObjective(
                    .minimise,
                    full.open.flatMap { row in
                        row.indices.compactMap { t in row[t].map { types[t].cost.dollars * $0 } }
                    })
                let direct = try GLPKSolver().solve(unitCost)
                let small = try GLPKSolver().solve(reduced.program)
                #expect(direct.status == small.status, "\(racks) racks, \(medium)")
                guard direct.status == .optimal, let a = direct.objective, let b = small.objective else { continue }
                #expect(isClose(a, b, relative: 1e-9), "\(racks) racks, \(medium)")
                solved += 1
                // The split-back layout satisfies every row of the full model.
                let values = reduced.fullValues(small.values, of: full)
                for constraint in full.program.constraints {
                    let lhs = constraint.terms.reduce(0.0) { $0 + $1.coefficient * values[$1.variable.index] }
                    #expect(lhs >= (constraint.bounds.lower ?? -.infinity) - 1e-6, "\(constraint.name)")
                    #expect(lhs <= (constraint.bounds.upper ?? .infinity) + 1e-6, "\(constraint.name)")
                }
            }
        }
        #expect(solved >= 6) // not vacuous: most of the 8 problems have an optimum
    }
}
