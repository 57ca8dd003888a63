import PlannerModel

/// The floor model of a hall for cooling-unit placement (DESIGN.md §5.4): rack positions with
/// their heat, and candidate unit sites.
///
/// Coordinates (metres): x runs along the rows from the rows' left ends, y across the rows from
/// the front face of the first row. Rows are `rackDepth` deep and one aisle apart, so the row
/// pitch is `rackDepth + aisle`.
public enum FloorModel {
    /// The floor of one copy of `hall`, with candidate sites per `options.sites`.
    ///
    /// Racks fill the rows in order (row 0 left to right, then row 1, …), group after group in
    /// the order the hall lists them. Rack heat at design power: liquid `f·P_design`, air
    /// `(1 − f)·P_design` (``RackPowerAnalysis/heatSplit(of:liquidFraction:)``).
    public static func floor(of hall: Hall, options: PlacementOptions) throws(PlacementError) -> HallFloor {
        guard let layout = hall.layout else { throw .noLayout(hall: hall.id) }
        let depth = options.rackDepth
        guard depth.metres > 0, depth.isFinite else { throw .invalidRackDepth(depth) }
        let rackCount = hall.rackGroups.reduce(0) { $0 + $1.count }
        guard rackCount <= layout.positions else {
            throw .tooManyRacks(hall: hall.id, racks: rackCount, positions: layout.positions)
        }
        // Bounded before anything is built: the model grows with racks × sites.
        guard rackCount <= maximumRacks else {
            throw .modelTooLarge(hall: hall.id, what: "racks", count: Double(rackCount), limit: maximumRacks)
        }
        let siteCount: Double
        switch options.sites {
        case .generated(let pitch):
            guard pitch.metres > 0, pitch.isFinite else { throw .invalidSitePitch(pitch) }
            siteCount = generatedSiteCount(layout: layout, pitch: pitch)
        case .listed(let points):
            siteCount = Double(points.count)
        }
        guard siteCount <= Double(maximumSites) else {
            throw .modelTooLarge(hall: hall.id, what: "candidate sites", count: siteCount, limit: maximumSites)
        }
        var racks: [FloorRack] = []
        racks.reserveCapacity(rackCount)
        for group in hall.rackGroups {
            let heat = RackPowerAnalysis.heatSplit(
                of: group.system.designPower, liquidFraction: group.system.liquidFraction)
            for _ in 0..<group.count {
                let index = racks.count
                let row = index / layout.racksPerRow
                let slot = index % layout.racksPerRow
                racks.append(
                    FloorRack(
                        id: "R\(index + 1)", systemID: group.system.id, row: row, slot: slot,
                        position: rackCentre(row: row, slot: slot, layout: layout, rackDepth: depth), heat: heat))
            }
        }
        let sites: [CandidateSite]
        switch options.sites {
        case .generated(let pitch):
            sites = try candidateSites(layout: layout, rackDepth: depth, pitch: pitch)
        case .listed(let points):
            sites = points.enumerated().map {
                CandidateSite(id: "J\($0.offset + 1)", kind: .listed, position: $0.element)
            }
        }
        guard !sites.isEmpty else { throw .noCandidateSites(hall: hall.id) }
        return HallFloor(hallID: hall.id, racks: racks, sites: sites)
    }

    /// Most racks one hall's placement takes: 10,000 (a 50,000-GPU hall of NVL72 racks has about
    /// 700; the MILP grows with racks × candidate sites).
    public static let maximumRacks = 10_000
    /// Most candidate sites one hall's placement takes: 2,000 (the Korean halls have 40–80).
    public static let maximumSites = 2_000

    /// How many sites ``candidateSites(layout:rackDepth:pitch:)`` generates, computed without
    /// generating them: two row ends per row and `⌈L/pitch − ½⌉` slots on each of the two walls.
    public static func generatedSiteCount(layout: HallLayout, pitch: Length) -> Double {
        let rowLength = layout.rackPitch.metres * Double(layout.racksPerRow)
        let perWall = layout.rows > 0 ? max(0, (rowLength / pitch.metres - 0.5).rounded(.up)) : 0
        return 2 * Double(layout.rows) + 2 * perWall
    }

    /// Centre of the rack at `row`, `slot`: `x = (slot + ½)·pitch`, `y = row·(depth + aisle) + ½·depth` [m].
    public static func rackCentre(row: Int, slot: Int, layout: HallLayout, rackDepth: Length) -> FloorPoint {
        FloorPoint(
            x: layout.rackPitch * (Double(slot) + 0.5),
            y: (rackDepth + layout.aisle) * Double(row) + rackDepth * 0.5)
    }

    /// Generated candidate sites, in this order:
    ///
    /// 1. Row ends: for every row, one site ½·depth beyond its left end and one ½·depth beyond
    ///    its right end, on the row's axis (a unit as deep as a rack, butted against the row):
    ///    `x = −½·depth` and `x = L + ½·depth` with `L = racksPerRow·pitch`.
    /// 2. Perimeter: along the front wall (`y = −½·aisle`, a service aisle as wide as the hall's
    ///    aisles) and the back wall (½·aisle behind the last row), every `pitch` from `x = ½·pitch`
    ///    while `x < L`. The side walls are already served by the row ends (one per row pitch).
    ///
    /// A 11 × 15 hall at 0.6 m rack pitch and a 3 m site pitch has 22 row ends + 2 × 3 wall slots.
    public static func candidateSites(layout: HallLayout, rackDepth: Length, pitch: Length) throws(PlacementError)
        -> [CandidateSite]
    {
        guard pitch.metres > 0, pitch.isFinite else { throw .invalidSitePitch(pitch) }
        let rowLength = layout.rackPitch * Double(layout.racksPerRow)
        var points: [(CandidateSiteKind, FloorPoint)] = []
        for row in 0..<layout.rows {
            let y = (rackDepth + layout.aisle) * Double(row) + rackDepth * 0.5
            points.append((.rowEnd, FloorPoint(x: -(rackDepth * 0.5), y: y)))
            points.append((.rowEnd, FloorPoint(x: rowLength + rackDepth * 0.5, y: y)))
        }
        if layout.rows > 0 {
            let front = -(layout.aisle * 0.5)
            let back = (rackDepth + layout.aisle) * Double(layout.rows - 1) + rackDepth + layout.aisle * 0.5
            for y in [front, back] {
                var x = pitch * 0.5
                while x < rowLength {
                    points.append((.perimeter, FloorPoint(x: x, y: y)))
                    x += pitch
                }
            }
        }
        return points.enumerated().map {
            CandidateSite(id: "J\($0.offset + 1)", kind: $0.element.0, position: $0.element.1)
        }
    }
}
