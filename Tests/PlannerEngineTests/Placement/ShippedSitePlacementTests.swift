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
                #expect(violations.isEmpty, "\(name): \(violations)")
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
        var site = try #require(
            SiteLoader().load(path: RepositoryPaths.path("Sites/korea-samsung-ai-megafactory.yaml")).site)
        site.cooling.cduRedundancy = .twoN
        site.cooling.airRedundancy = .nPlus(2)
        Self.check(site, path: "samsung 2N/N+2")
        // The table's counts, 2 × 17 CDUs and 12 + 2 fan walls (22,669 kW / 1,350 → 17; 4,743 kW /
        // 400 → 12), are the layout's too.
        let placed = SitePlacement.place(site, cooling: Planner().coolingUnits(site))
        let hall = try #require(placed.placements.first)
        #expect(hall.liquid?.units.count == 34)
        #expect(hall.liquid.map { Set($0.units.map(\.system)) } == [0, 1])
        #expect(hall.liquid?.failures.map(\.failedUnitID).sorted() == ["system A", "system B"])
        #expect(hall.air?.units.count == 14)
    }
}
