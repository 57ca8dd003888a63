import Catalogue
import PlannerEngine
import PlannerModel
import PropertyBased
import Testing
import _PlannerTestSupport

/// Random small halls (1–3 rows of 2–6 positions, random racks and unit sizes): whenever GLPK
/// reports a layout (optimal or within the gap), every rack's heat is served, no unit is above
/// its rating, and every single failure re-routes with no shortfall, as checked by the
/// independent checker (max-flow), not by the solver. Most layouts must solve (counted), so the
/// checks cannot pass on none.
@Suite("Placement on random halls")
struct PlacementPropertyTests {
    static let shape = zip(
        Gen.int(in: 1...3), Gen.int(in: 2...6), Gen.int(in: 1...18), Gen.double(in: 20...140), Gen.double(in: 150...900)
    )

    @Test("a layout GLPK returns serves every rack within rating and reach, and survives any single unit failure")
    func servedWhenSolved() async {
        var layouts = 0
        var solved = 0
        await propertyCheck(count: 25, input: Self.shape) { rows, perRow, racks, rackKW, cduKW in
            let count = min(racks, rows * perRow)
            let rack = SystemEntry(
                id: "r", name: "r", role: .compute, form: .rack, gpus: 0, nameplatePower: .kilowatts(rackKW),
                designPower: .kilowatts(rackKW), idlePower: .kilowatts(rackKW / 5), liquidFraction: .fraction(0.9),
                weight: nil,
                provenance: Provenance(source: "test", confidence: .low))
            let hall = Hall(
                id: "h",
                layout: HallLayout(rows: rows, racksPerRow: perRow, rackPitch: .metres(0.6), aisle: .metres(1.8)),
                rackGroups: [RackGroup(system: rack, count: count)])
            let cdu = CoolingUnitType(id: "cdu", capacity: .kilowatts(cduKW), cost: .dollars(1000), reach: .metres(8))
            let fan = CoolingUnitType(
                id: "fan", capacity: .kilowatts(cduKW / 4), cost: .dollars(300), reach: .metres(8))
            var options = PlacementOptions(liquidUnits: [cdu], airUnits: [fan], parallel: false)
            options.timeLimit = .seconds(20)
            // Wall slots every 1 m: CDUs and fans share one floor, and a 1-row hall has only two row
            // ends, too few for 2 + 2 units under N+1 at the 3 m default.
            options.sites = .generated(pitch: .metres(1))
            let placement = try PlacementAnalysis.place(hall: hall, options: options)
            for layout in [placement.liquid, placement.air].compactMap({ $0 }) {
                layouts += 1
                guard layout.status == .optimal || layout.status == .feasible else { continue }
                solved += 1
                let types = layout.medium == .liquid ? [cdu] : [fan]
                #expect(PlacementChecker.violations(of: layout, floor: placement.floor, types: types).isEmpty)
                let served = layout.units.reduce(Power.zero) { $0 + $1.load }
                #expect(
                    isClose(served, layout.heat, relative: 1e-6),
                    "\(layout.medium): served \(served.kilowatts) of \(layout.heat.kilowatts) kW")
                #expect(
                    layout.units.allSatisfy {
                        $0.load <= $0.capacity * (1 + 1e-9) && $0.maxLoadAfterFailure <= $0.capacity * (1 + 1e-6)
                    })
                #expect(!layout.units.isEmpty && layout.failures.count == layout.units.count) // one per unit (N+1)
                #expect(PlacementChecker.sharedSites(placement).isEmpty)
                #expect(layout.failures.allSatisfy { $0.shortfall.kilowatts <= 1e-3 })
            }
        }
        // Every hall has a liquid and an air layout, and most must solve, or the checks above ran on
        // nothing. With both media on one floor and wall slots every 1 m, 150 of 150 layouts solved
        // over three runs (at the 3 m default 38 of 50 did once: too few slots for 2 + 2 units in a
        // one-row hall, an honest infeasibility); 80 % leaves room for an unlucky draw.
        #expect(layouts == 2 * 25, "\(layouts) layouts")
        #expect(Double(solved) >= 0.8 * Double(layouts), "only \(solved) of \(layouts) layouts solved")
    }
}
