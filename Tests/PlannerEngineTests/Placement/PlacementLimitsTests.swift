import Catalogue
import PlannerEngine
import PlannerModel
import Testing
import _PlannerTestSupport

/// Placement bounds its model before building it (issue 21, item 4): a 10⁻⁶ m site pitch once
/// allocated gigabytes and 10,000 listed sites ran for minutes.
@Suite("Placement model limits")
struct PlacementLimitsTests {
    static func hall(rows: Int, perRow: Int, racks: Int, sites: [FloorPoint]? = nil) -> Hall {
        Hall(
            id: "h",
            layout: HallLayout(
                rows: rows, racksPerRow: perRow, rackPitch: .metres(0.6), aisle: .metres(1.8), unitSites: sites),
            rackGroups: [RackGroup(system: Catalogue.builtIn.entry("gb300-nvl72")!, count: racks)])
    }

    @Test("the generated site count is known before generating: 2 per row and ⌈L/pitch − ½⌉ per wall")
    func siteCount() throws {
        // 11 rows × 15 racks at 0.6 m: L = 9 m; at 3 m, 22 row ends + 2 × ⌈3 − 0.5⌉ = 2 × 3 wall slots = 28.
        let layout = HallLayout(rows: 11, racksPerRow: 15, rackPitch: .metres(0.6), aisle: .metres(1.8))
        #expect(FloorModel.generatedSiteCount(layout: layout, pitch: .metres(3)) == 28)
        let sites = try FloorModel.candidateSites(layout: layout, rackDepth: .metres(1.2), pitch: .metres(3))
        #expect(sites.count == 28)
    }

    @Test("a 1e-6 m site pitch or 10,001 listed sites is refused at once, naming the count and the limit")
    func tooManySites() throws {
        let clock = ContinuousClock()
        let started = clock.now
        var options = PlacementOptions()
        options.sites = .generated(pitch: .metres(1e-6))
        // L = 6 m: 2 row ends + 2 × ⌈6e6 − 0.5⌉ = 12,000,002 sites.
        #expect(
            throws: PlacementError.modelTooLarge(hall: "h", what: "candidate sites", count: 12_000_002, limit: 2_000)
        ) {
            try PlacementAnalysis.place(hall: Self.hall(rows: 1, perRow: 10, racks: 10), options: options)
        }
        options.sites = .listed((0...10_000).map { FloorPoint.metres(Double($0), 0) })
        #expect(throws: PlacementError.modelTooLarge(hall: "h", what: "candidate sites", count: 10_001, limit: 2_000)) {
            try PlacementAnalysis.place(hall: Self.hall(rows: 1, perRow: 10, racks: 10), options: options)
        }
        #expect(clock.now - started < .seconds(5))
        #expect(
            PlacementError.modelTooLarge(hall: "h", what: "candidate sites", count: 10_001, limit: 2_000).description
                == "hall 'h' would give the placement model 10001 candidate sites, above the limit of 2000; raise "
                + "placement.site_pitch_m or list fewer unit_sites")
    }

    @Test("a hall of more than 10,000 racks is refused before its floor is built")
    func tooManyRacks() {
        #expect(throws: PlacementError.modelTooLarge(hall: "h", what: "racks", count: 10_001, limit: 10_000)) {
            try PlacementAnalysis.place(hall: Self.hall(rows: 1_000, perRow: 1_000, racks: 10_001))
        }
    }
}
