import PlannerEngine
import PlannerModel
import SiteSpec
import Testing
import _PlannerTestSupport

/// Issue 24: every shipped site's placement honours the spec's redundancy, puts down at least the
/// cooling table's units and never stands two units on one slot; checked by the independent
/// checker, not by the solver.
@Suite("Placement of the shipped sites")
struct ShippedSitePlacementTests {
    /// Places every hall with a layout of `site` (placement forced on) and checks each layout.
    static func check(_ site: Site, path: String) {
        var site = site
        site.placement.enabled = true
        let table = Planner().coolingUnits(site)
        let placed = SitePlacement.place(site, cooling: table)
        #expect(
            !placed.findings.contains { $0.severity == .error },
            "\(path): \(placed.findings.filter { $0.severity == .error }.map(\.message))")
        #expect(placed.placements.count == site.halls.filter { $0.layout != nil }.count, "\(path)")
        for placement in placed.placements {
            #expect(PlacementChecker.sharedSites(placement).isEmpty, "\(path) \(placement.hallID): a shared slot")
            let sized = table.first { $0.id == placement.hallID }
            for layout in placement.layouts {
                let name = "\(path) \(placement.hallID) \(layout.medium)"
                #expect(layout.status == .optimal || layout.status == .feasible, "\(name): \(layout.status)")
                #expect((layout.solve.gap?.fraction ?? 1) <= 0.005 + 1e-9, "\(name): gap \(layout.solve.gap as Any)")
                #expect(!layout.solve.timeLimited, "\(name): the clock decided the layout")
                let stated = layout.medium == .liquid ? site.cooling.cduRedundancy : site.cooling.airRedundancy
                #expect(layout.redundancy == stated, "\(name)")
                let types =
                    layout.medium == .liquid
                    ? [CoolingUnitType(cdu: site.cooling.cdu)!] : [CoolingUnitType(airUnit: site.cooling.airUnit)!]
                let violations = PlacementChecker.violations(of: layout, floor: placement.floor, types: types)
                #expect(violations.isEmpty, "\(name): \(violations.prefix(3))")
                #expect(layout.failures.allSatisfy { $0.shortfall == .zero }, "\(name)")
                let installed =
                    layout.medium == .liquid ? sized?.cdus?.units.unitsInstalled : sized?.airUnits?.units.unitsInstalled
                #expect(layout.units.count >= installed ?? 0, "\(name): fewer units than the cooling table")
            }
        }
    }

    @Test("every shipped site places with its own redundancy, the table's unit counts and no shared slot")
    func shipped() throws {
        for path in RepositoryPaths.siteSpecs {
            let site = try #require(SiteLoader().load(path: path).site, "\(path)")
            Self.check(site, path: path)
        }
    }

    @Test("a Korean hall with 2N CDUs and N+2 fan walls (the issue's example) honours both")
    func twoNAndNPlusTwo() throws {
        // The national centre's phase-1 hall with wall slots every 1 m (22 row ends + 2 × 9 wall
        // slots = 40 sites; 2N and N+2 need 32 units, more than the 28 slots at 3 m).
        var site = try #require(
            SiteLoader().load(path: RepositoryPaths.path("Sites/korea-national-ai-computing-center.yaml")).site)
        site.halls = [site.halls[0]]
        site.placement.sitePitch = .metres(1)
        site.cooling.cduRedundancy = .twoN
        site.cooling.airRedundancy = .nPlus(2)
        Self.check(site, path: "national phase-1 hall, 2N/N+2")
        // The table's counts are the layout's: 112 × 128.8 kW = 14,425.6 kW / 1,350 kW → 11 CDUs
        // per system, 22 in all; the air (racks + power-chain losses) needs 8 fan walls, + 2.
        let placed = SitePlacement.place(site, cooling: Planner().coolingUnits(site))
        let hall = try #require(placed.placements.first)
        #expect(hall.liquid?.units.count == 22)
        #expect(hall.liquid.map { Set($0.units.map(\.system)) } == [0, 1])
        #expect(hall.liquid?.units.filter { $0.system == 1 }.count == 11)
        #expect(hall.liquid?.failures.map(\.failedUnitID).sorted() == ["system A", "system B"])
        #expect(hall.air?.units.count == 10)
        // N+2: every pair of the 10 fan walls, C(10, 2) = 45 scenarios.
        #expect(hall.air?.failures.count == 45)
    }
}
