import Foundation
import PlannerModel

/// The floor plan of one hall copy as a scale drawing a reviewer can read at 100 % zoom
/// (DESIGN.md §8.2): walls with a service clearance, every rack position coloured by design heat
/// with row labels, hot and cold aisles, the electrical room beside the hall, the CDUs and air
/// units with their IDs and their loading in normal operation and after the worst failure of their redundancy,
/// each CDU's pipe route to the racks it serves, the reach of the most loaded unit of each medium,
/// dimensions, a scale bar, a legend and the unit tables.
///
/// Geometry comes from the floor model (DESIGN.md §5.4): x along the rows, y across them, rack
/// `(row, slot)` centred at `((slot + ½)·pitch, row·(depth + aisle) + ½·depth)`. The longer side
/// of the hall runs across the sheet: when the hall is deeper than its rows are long, the plan is
/// turned a quarter turn (row 1 at the left, rows running up the sheet).
public struct FloorPlanSVG {
    public var placement: HallPlacement
    /// The site's name and how many copies of the hall it has, for the title.
    public var siteName: String
    public var copies: Int
    /// The hall's grid: rows, racks per row, rack pitch and aisle width.
    public var layout: HallLayout
    /// Rack depth of the floor model (``placement`` positions depend on it).
    public var rackDepth: Length
    /// Reach of the CDU type and of the air-unit type (DESIGN.md §5.4).
    public var liquidReach: Length
    public var airReach: Length
    /// Electrical room area per MW of the hall's IT design power (REFERENCE.md P374, estimate).
    public var electricalRoomAreaPerMegawatt: Area

    /// Clear space kept between the equipment (racks, cooling units) and the walls: 1.2 m, the
    /// minimum circulation path of data-centre design guides (REFERENCE.md P370).
    public static let wallClearance = Length.metres(1.2)
    /// Electrical room (UPS, batteries, LV switchgear) per MW of IT: 50 m² (REFERENCE.md P374, L).
    public static let defaultElectricalRoomAreaPerMegawatt = Area.squareMetres(50)
    /// Drawing scales offered, as the denominators of 1:n (the usual architectural series).
    public static let scaleDenominators = [50, 100, 200, 250, 500, 1000, 2000, 5000]
    /// Pixels per metre of paper at 100 % zoom: CSS pixels are 1/96 inch, 96 / 0.0254 m.
    public static let pixelsPerPaperMetre = 96 / 0.0254
    /// The plan's largest extent across and down the sheet at the chosen scale [px].
    static let maximumPlanWidth = 1500.0, maximumPlanHeight = 800.0
    /// The narrowest sheet [px].
    public static let minimumWidth = 1000.0
    static let margin = 24.0
    /// Wall thickness as drawn: 0.3 m.
    static let wallThickness = 0.3

    public init(
        _ placement: HallPlacement, siteName: String, copies: Int, layout: HallLayout,
        rackDepth: Length, liquidReach: Length, airReach: Length,
        electricalRoomAreaPerMegawatt: Area = FloorPlanSVG.defaultElectricalRoomAreaPerMegawatt
    ) {
        self.placement = placement
        self.siteName = siteName
        self.copies = copies
        self.layout = layout
        self.rackDepth = rackDepth
        self.liquidReach = liquidReach
        self.airReach = airReach
        self.electricalRoomAreaPerMegawatt = electricalRoomAreaPerMegawatt
    }

    // MARK: Floor geometry [m]

    /// An axis-aligned rectangle on the floor or the sheet.
    struct Box {
        var x0: Double, y0: Double, x1: Double, y1: Double
        var width: Double { x1 - x0 }
        var height: Double { y1 - y0 }
        func expanded(_ by: Double) -> Box { Box(x0: x0 - by, y0: y0 - by, x1: x1 + by, y1: y1 + by) }
        func union(_ other: Box) -> Box {
            Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
        }
    }

    var depth: Double { rackDepth.metres }
    var aisle: Double { layout.aisle.metres }
    var pitch: Double { layout.rackPitch.metres }
    /// Front face of row `row` (y of its rack rectangles' near edge).
    func rowFront(_ row: Int) -> Double { Double(row) * (depth + aisle) }
    /// The rack area: every position of the grid.
    var rackBlock: Box {
        Box(
            x0: 0, y0: 0, x1: Double(layout.racksPerRow) * pitch,
            y1: max(0, Double(layout.rows) * (depth + aisle) - aisle))
    }
    /// A unit's footprint: a square as deep as a rack (the floor model butts row-end units
    /// against the row, DESIGN.md §5.4).
    func footprint(_ p: FloorPoint) -> Box {
        Box(
            x0: p.x.metres - depth / 2, y0: p.y.metres - depth / 2, x1: p.x.metres + depth / 2,
            y1: p.y.metres + depth / 2)
    }
    /// The inside of the walls: racks and every candidate unit footprint, plus the clearance.
    var room: Box {
        placement.floor.sites.map { footprint($0.position) }.reduce(rackBlock) { $0.union($1) }
            .expanded(Self.wallClearance.metres)
    }
    /// Whether the plan is turned so that the hall's depth (y) runs across the sheet.
    var turned: Bool { room.height > room.width }
    /// IT design power of the hall copy: every rack's liquid and air heat at design.
    var itPower: Power { placement.floor.racks.sum { $0.heat.liquid + $0.heat.air } }
    /// Length of the hall along the sheet [m] (the wall the electrical room lies against).
    var sheetLength: Double { turned ? room.height : room.width }
    var sheetDepth: Double { turned ? room.width : room.height }
    /// The electrical room's depth [m]: its area spread along the hall's long wall.
    var electricalRoomDepth: Double {
        sheetLength > 0 ? electricalRoomAreaPerMegawatt.squareMetres * itPower.megawatts / sheetLength : 0
    }

    /// The scale's denominator: the largest scale (smallest n) at which the hall fits
    /// 1,500 × 800 px. The electrical room does not count: where it is deeper than
    /// ``maximumElectricalRoomDrawn`` it is drawn broken off.
    public var scaleDenominator: Int {
        let wall = Self.wallThickness
        let across = sheetLength + 2 * wall
        let down = sheetDepth + 2 * wall
        return Self.scaleDenominators.first {
            across * Self.pixelsPerPaperMetre / Double($0) <= Self.maximumPlanWidth
                && down * Self.pixelsPerPaperMetre / Double($0) <= Self.maximumPlanHeight
        } ?? Self.scaleDenominators.last!
    }

    /// The deepest electrical room drawn whole [px]; a deeper one is broken off at this depth.
    static let maximumElectricalRoomDrawn = 150.0

    /// Pixels per metre of floor at 100 % zoom.
    public var pixelsPerMetre: Double { Self.pixelsPerPaperMetre / Double(scaleDenominator) }

    /// The scale bar's length [m]: the longest of 1, 2, 5, 10, 20, 50, 100 m that draws at most 250 px.
    public var scaleBarLength: Double {
        [100.0, 50, 20, 10, 5, 2, 1].first { $0 * pixelsPerMetre <= 250 } ?? 1
    }

    // MARK: Sheet layout [px]

    /// Space above the hall's outer wall for row labels and dimensions, and to its left.
    var topBand: Double { turned ? 76 : 56 }
    var leftBand: Double { turned ? 128 : 170 }
    static let titleHeight = 92.0

    /// Top-left corner of the room's inside on the sheet.
    var origin: (x: Double, y: Double) {
        let wall = Self.wallThickness * pixelsPerMetre
        return (Self.margin + leftBand + wall, Self.titleHeight + topBand + wall)
    }

    /// A floor point on the sheet.
    func sheet(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        let s = pixelsPerMetre
        let r = room
        if turned {
            return (origin.x + (y - r.y0) * s, origin.y + (r.x1 - x) * s)
        }
        return (origin.x + (x - r.x0) * s, origin.y + (y - r.y0) * s)
    }

    /// A floor rectangle on the sheet.
    func sheet(_ b: Box) -> Box {
        let a = sheet(b.x0, b.y0)
        let c = sheet(b.x1, b.y1)
        return Box(x0: min(a.x, c.x), y0: min(a.y, c.y), x1: max(a.x, c.x), y1: max(a.y, c.y))
    }

    // MARK: Drawing

    /// Colours of the CDUs and their pipe routes, cycled in unit order (cool hues, apart from the
    /// warm ramp of the racks and the hot aisles).
    static let pipeColours = [
        "#1f77b4", "#2ca02c", "#17becf", "#393b79", "#7b4173", "#637939", "#006d77", "#5254a3",
    ]
    static let airColour = "#b2182b"
    static let coldFill = "#e3f0fb", hotFill = "#fde4d8"
    static let coldText = "#2b6cb0", hotText = "#c05621"

    /// A rack's fill for `heat` out of the hall's largest `maximum`: from pale yellow (0 kW) to dark
    /// red (the hottest rack).
    static func heatColour(_ heat: Double, maximum: Double) -> String {
        let t = maximum > 0 ? min(max(heat / maximum, 0), 1) : 0
        let low = (255.0, 237.0, 160.0)
        let high = (165.0, 15.0, 21.0)
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return "rgb(\(channel(low.0, high.0)),\(channel(low.1, high.1)),\(channel(low.2, high.2)))"
    }

    /// The rendered SVG.
    public var rendered: String {
        var sheet = Sheet()
        drawTitle(&sheet)
        let layouts = placement.layouts
        let roomBox = self.sheet(room)
        let wall = Self.wallThickness * pixelsPerMetre
        // Electrical room below the hall, sharing its bottom wall.
        let electrical = Box(
            x0: roomBox.x0, y0: roomBox.y1 + wall, x1: roomBox.x1,
            y1: roomBox.y1 + wall + min(electricalRoomDepth * pixelsPerMetre, Self.maximumElectricalRoomDrawn))
        drawAisles(&sheet)
        drawRacks(&sheet)
        drawWalls(&sheet, room: roomBox, electrical: electrical)
        sheet.extend(right: roomBox.x1 + wall, bottom: electrical.y1 + wall)
        drawReach(&sheet, room: roomBox)
        drawPipes(&sheet)
        drawSites(&sheet)
        let omitted = drawUnits(&sheet, layouts: layouts)
        drawRowLabels(&sheet, room: roomBox)
        drawDimensions(&sheet, room: roomBox, electrical: electrical)
        let below = drawScaleBar(&sheet, top: electrical.y1 + wall + 34)
        let legendRight = drawLegend(&sheet, top: below + 18, omittedLabels: omitted)
        drawTables(&sheet, top: below + 18, left: legendRight + 28, right: max(1700, roomBox.x1 + wall))
        return sheet.document()
    }

    func drawTitle(_ sheet: inout Sheet) {
        let rackCount = placement.floor.racks.count
        let m = Self.margin
        sheet.text(
            "Floor plan of hall \(placement.hallID), \(siteName)" + (copies > 1 ? " (one of \(copies) copies)" : ""),
            x: m, y: 34, size: 18, bold: true)
        sheet.text(
            "\(Format.integer(rackCount)) racks in \(layout.rows) rows of \(layout.racksPerRow) positions "
                + "(\(Format.fixed(pitch, 1)) m pitch, \(Format.fixed(depth, 1)) m deep, \(Format.fixed(aisle, 1)) m "
                + "aisles); \(Format.fixed(itPower.megawatts, 1)) MW of IT at design. Scale 1:\(scaleDenominator) at "
                + "100 % zoom (96 px per inch); dimensions in metres.",
            x: m, y: 58, size: 12)
        let media = placement.layouts.map { l -> String in
            let what = l.medium == .liquid ? "CDUs" : "air units"
            return "\(l.units.count) \(what) for \(Format.fixed(l.heat.megawatts, 2)) MW of "
                + "\(l.medium == .liquid ? "liquid" : "air") heat (\(l.status.rawValue))"
        }
        sheet.text(
            (media.isEmpty ? "No cooling units placed" : media.joined(separator: "; "))
                + ". Each unit shows its loading in normal operation → after the worst failure its redundancy covers.",
            x: m, y: 78, size: 12)
    }

    func drawAisles(_ sheet: inout Sheet) {
        let block = rackBlock
        guard layout.rows > 0 else { return }
        // Row r faces the front (−y) when r is even: fronts meet in cold aisles, backs in hot ones.
        var bands: [(y0: Double, y1: Double, hot: Bool)] = [(-aisle, 0, false)]
        for k in 0..<(layout.rows - 1) {
            bands.append((rowFront(k) + depth, rowFront(k + 1), k % 2 == 0))
        }
        let lastBack = rowFront(layout.rows - 1) + depth
        bands.append((lastBack, lastBack + aisle, (layout.rows - 1) % 2 == 0))
        for band in bands {
            let b = self.sheet(Box(x0: block.x0, y0: band.y0, x1: block.x1, y1: band.y1))
            sheet.raw(
                "<rect x=\"\(n(b.x0))\" y=\"\(n(b.y0))\" width=\"\(n(b.width))\" height=\"\(n(b.height))\" "
                    + "fill=\"\(band.hot ? Self.hotFill : Self.coldFill)\"/>")
            let label = band.hot ? "hot" : "cold"
            let size = 9.0
            guard turned ? SVGText.width(label, fontSize: size) <= b.width - 2 : b.height >= size + 2 else { continue }
            // Across the middle of the aisle, away from the pipe lanes near the rack backs; along it at
            // the middle, or at a quarter or an eighth from an end when a unit stands there.
            let width = SVGText.width(label, fontSize: size)
            let spots = [0.5, 0.25, 0.75, 0.125, 0.875].map { t -> (x: Double, y: Double) in
                turned
                    ? ((b.x0 + b.x1) / 2, b.y1 - t * b.height + size * 0.35)
                    : (b.x0 + t * b.width, (b.y0 + b.y1) / 2 + size * 0.35)
            }
            let spot = spots.first { spot in
                let text = Box(x0: spot.x - width / 2, y0: spot.y - size, x1: spot.x + width / 2, y1: spot.y)
                return !unitBoxes.contains { $0.x0 < text.x1 && text.x0 < $0.x1 && $0.y0 < text.y1 && text.y0 < $0.y1 }
            }
            if let spot {
                sheet.text(
                    label, x: spot.x, y: spot.y, size: size, anchor: .middle,
                    fill: band.hot ? Self.hotText : Self.coldText)
            }
        }
    }

    /// The candidate sites' footprints on the sheet (placed units and the crosses of empty sites),
    /// widened by 14 px for the loading labels beside them.
    var unitBoxes: [Box] {
        placement.floor.sites.map { self.sheet(footprint($0.position)).expanded(14) }
    }

    func drawRacks(_ sheet: inout Sheet) {
        let racks = Dictionary(placement.floor.racks.map { (($0.row * layout.racksPerRow) + $0.slot, $0) }) { a, _ in a
        }
        let maximum = placement.floor.racks.map { ($0.heat.liquid + $0.heat.air).kilowatts }.max() ?? 0
        for row in 0..<layout.rows {
            for slot in 0..<layout.racksPerRow {
                let b = self.sheet(
                    Box(
                        x0: Double(slot) * pitch, y0: rowFront(row), x1: Double(slot + 1) * pitch,
                        y1: rowFront(row) + depth))
                let rect = "<rect x=\"\(n(b.x0))\" y=\"\(n(b.y0))\" width=\"\(n(b.width))\" height=\"\(n(b.height))\""
                if let rack = racks[row * layout.racksPerRow + slot] {
                    let heat = (rack.heat.liquid + rack.heat.air).kilowatts
                    sheet.raw(
                        rect
                            + " fill=\"\(Self.heatColour(heat, maximum: maximum))\" stroke=\"#555\" "
                            + "stroke-width=\"0.5\">"
                            + "<title>\(SVGText.escape("\(rack.id) \(rack.systemID), \(Format.fixed(heat, 1)) kW"))"
                            + "</title></rect>")
                } else {
                    sheet.raw(rect + " fill=\"white\" stroke=\"#bbb\" stroke-width=\"0.5\" stroke-dasharray=\"2 2\"/>")
                }
            }
        }
    }

    func drawWalls(_ sheet: inout Sheet, room: Box, electrical: Box) {
        let wall = Self.wallThickness * pixelsPerMetre
        func ring(_ inner: Box) -> String {
            let o = inner.expanded(wall)
            return "M\(n(o.x0)) \(n(o.y0))H\(n(o.x1))V\(n(o.y1))H\(n(o.x0))Z"
                + "M\(n(inner.x0)) \(n(inner.y0))V\(n(inner.y1))H\(n(inner.x1))V\(n(inner.y0))Z"
        }
        if electrical.height > 0 {
            let broken = electricalRoomDepth * pixelsPerMetre > electrical.height + 0.05
            sheet.raw(
                "<rect x=\"\(n(electrical.x0))\" y=\"\(n(electrical.y0))\" width=\"\(n(electrical.width))\" "
                    + "height=\"\(n(electrical.height))\" fill=\"#f1f1f1\"/>")
            if broken {
                // Side walls only, and a break line across the open end.
                let o = electrical.expanded(wall)
                let y = electrical.y1
                let mid = (electrical.x0 + electrical.x1) / 2
                sheet.raw(
                    "<path d=\"M\(n(o.x0)) \(n(o.y0))H\(n(electrical.x0))V\(n(y))H\(n(o.x0))Z"
                        + "M\(n(electrical.x1)) \(n(o.y0))H\(n(o.x1))V\(n(y))H\(n(electrical.x1))Z\" fill=\"#444\"/>")
                sheet.raw(
                    "<path d=\"M\(n(o.x0 - 8)) \(n(y))H\(n(mid - 8))L\(n(mid - 3)) \(n(y - 8))L\(n(mid + 3)) "
                        + "\(n(y + 8))L\(n(mid + 8)) \(n(y))H\(n(o.x1 + 8))\" fill=\"none\" stroke=\"#222\" "
                        + "stroke-width=\"1\"/>")
            } else {
                sheet.raw("<path d=\"\(ring(electrical))\" fill=\"#444\" fill-rule=\"evenodd\"/>")
            }
            let area = electricalRoomAreaPerMegawatt.squareMetres * itPower.megawatts
            let lines = [
                ("Electrical room: UPS, batteries, LV switchgear", 13.0, true),
                (
                    "\(Format.fixed(itPower.megawatts, 1)) MW × "
                        + "\(Format.fixed(electricalRoomAreaPerMegawatt.squareMetres, 0)) m²/MW ≈ "
                        + "\(Format.fixed(area, 0)) m² (estimate, L), \(Format.fixed(electricalRoomDepth, 1)) m "
                        + "deep along the hall" + (broken ? ", drawn broken off" : ""), 11.0, false
                ),
            ]
            let middle = (electrical.y0 + electrical.y1) / 2
            let fits = electrical.height >= 40
            for (index, line) in lines.enumerated() where fits || index == 0 {
                sheet.text(
                    line.0, x: (electrical.x0 + electrical.x1) / 2,
                    y: fits ? middle - 4 + Double(index) * 17 : electrical.y1 - 3, size: fits ? line.1 : 9,
                    anchor: .middle, bold: line.2)
            }
        }
        sheet.raw("<path d=\"\(ring(room))\" fill=\"#444\" fill-rule=\"evenodd\"/>")
    }

    /// The units whose reach is drawn: in each medium the one loaded most after a failure (the
    /// first such in site order).
    var reachUnits: [(unit: PlacedUnit, medium: CoolingMedium, reach: Length)] {
        placement.layouts.compactMap { layout in
            // Strictly greater wins, so the first in site order among equals.
            let ranked = layout.units.max {
                $0.maxLoadAfterFailure / $0.capacity < $1.maxLoadAfterFailure / $1.capacity
            }
            return ranked.map { ($0, layout.medium, layout.medium == .liquid ? liquidReach : airReach) }
        }
    }

    func drawReach(_ sheet: inout Sheet, room: Box) {
        let units = reachUnits.filter { $0.reach.metres > 0 }
        guard !units.isEmpty else { return }
        sheet.raw(
            "<clipPath id=\"room\"><rect x=\"\(n(room.x0))\" y=\"\(n(room.y0))\" width=\"\(n(room.width))\" "
                + "height=\"\(n(room.height))\"/></clipPath>")
        for (unit, medium, reach) in units {
            let x = unit.position.x.metres
            let y = unit.position.y.metres
            let r = reach.metres
            let points = [(x + r, y), (x, y + r), (x - r, y), (x, y - r)].map { self.sheet($0.0, $0.1) }
            let colour =
                medium == .liquid
                ? cduStyles.first { $0.unit.id == unit.id }?.colour ?? Self.pipeColours[0] : Self.airColour
            sheet.raw(
                "<path d=\"M" + points.map { "\(n($0.x)) \(n($0.y))" }.joined(separator: "L") + "Z\" "
                    + "fill=\"\(colour)\" fill-opacity=\"0.04\" stroke=\"\(colour)\" stroke-opacity=\"0.6\" "
                    + "stroke-dasharray=\"6 4\" clip-path=\"url(#room)\"><title>Reach of \(unit.id): "
                    + "\(Format.fixed(r, 0)) m along aisles</title></path>")
        }
    }

    /// The lane of row `row`'s pipes: in its hot aisle, 0.3 m behind the rack backs (even rows face
    /// the front, so their backs are on the +y side).
    func pipeLane(_ row: Int) -> Double {
        row % 2 == 0 ? rowFront(row) + depth + 0.3 : rowFront(row) - 0.3
    }

    /// The pipe route of a CDU as floor polylines: a stub from the unit to its header beyond the
    /// unit (row-end units) or at the unit (wall units, whose header crosses rows overhead), the
    /// header across the rows to each served row's hot-aisle lane, the lane along the row to the
    /// farthest rack served, and a tap to each rack served.
    func pipeRoute(_ unit: PlacedUnit, lane index: Int) -> [[(Double, Double)]] {
        let racks = Dictionary(placement.floor.racks.map { ($0.id, $0) }) { a, _ in a }
        let served = unit.assignments.filter { $0.heat.watts > 0 }.compactMap { racks[$0.rackID] }
        guard !served.isEmpty else { return [] }
        let px = unit.position.x.metres
        let py = unit.position.y.metres
        let block = rackBlock
        let offset = 0.2 + 0.15 * Double(index % 3)
        let header: Double
        if px < block.x0 {
            header = px - depth / 2 - offset
        } else if px > block.x1 {
            header = px + depth / 2 + offset
        } else {
            header = px + 0.15 * Double(index % 3)
        }
        var lines: [[(Double, Double)]] = []
        if header != px { lines.append([(px, py), (header, py)]) }
        let rows = Dictionary(grouping: served, by: \.row)
        let lanes = rows.keys.map(pipeLane)
        lines.append([(header, min(py, lanes.min()!)), (header, max(py, lanes.max()!))])
        for row in rows.keys.sorted() {
            let lane = pipeLane(row)
            let xs = rows[row]!.map(\.position.x.metres)
            lines.append([(min(header, xs.min()!), lane), (max(header, xs.max()!), lane)])
            let back = row % 2 == 0 ? rowFront(row) + depth : rowFront(row)
            for x in xs.sorted() { lines.append([(x, lane), (x, back)]) }
        }
        return lines
    }

    /// The CDUs in site order with their colour and header lane (units on the same wall take
    /// the three lanes in turn).
    var cduStyles: [(unit: PlacedUnit, colour: String, lane: Int)] {
        guard let liquid = placement.liquid else { return [] }
        let block = rackBlock
        var perSide: [Int: Int] = [:]
        return liquid.units.enumerated().map { index, unit in
            let x = unit.position.x.metres
            let side = x < block.x0 ? 0 : (x > block.x1 ? 1 : 2)
            let lane = perSide[side, default: 0]
            perSide[side] = lane + 1
            return (unit, Self.pipeColours[index % Self.pipeColours.count], lane)
        }
    }

    func drawPipes(_ sheet: inout Sheet) {
        for style in cduStyles {
            let lines = pipeRoute(style.unit, lane: style.lane)
            guard !lines.isEmpty else { continue }
            let d = lines.map { line in
                "M"
                    + line.map {
                        let p = self.sheet($0.0, $0.1)
                        return "\(n(p.x)) \(n(p.y))"
                    }.joined(separator: "L")
            }.joined()
            let racks = style.unit.assignments.filter { $0.heat.watts > 0 }.count
            sheet.raw(
                "<path d=\"\(d)\" fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"1.6\" "
                    + "stroke-linecap=\"round\"><title>Pipe route of \(style.unit.id) to its \(racks) racks"
                    + "</title></path>"
            )
        }
    }

    func drawSites(_ sheet: inout Sheet) {
        let used = Set(placement.layouts.flatMap { $0.units.map(\.position) })
        for site in placement.floor.sites where !used.contains(site.position) {
            let p = self.sheet(site.position.x.metres, site.position.y.metres)
            sheet.raw(
                "<path d=\"M\(n(p.x - 3)) \(n(p.y - 3))L\(n(p.x + 3)) \(n(p.y + 3))M\(n(p.x - 3)) \(n(p.y + 3))"
                    + "L\(n(p.x + 3)) \(n(p.y - 3))\" stroke=\"#999\"><title>Unused site \(site.id)</title></path>")
        }
    }

    /// Positions holding a unit of each medium (the engine solves the media separately).
    var sharedPositions: Set<FloorPoint> {
        Set(placement.liquid?.units.map(\.position) ?? []).intersection(placement.air?.units.map(\.position) ?? [])
    }

    /// The loading label of a unit: normal → after the worst failure of other units (its redundancy's).
    static func loadingLabel(_ unit: PlacedUnit) -> String {
        let after = unit.maxLoadAfterFailure / unit.capacity * 100
        return "\(Format.fixed(unit.loading.percent, 0))→\(Format.fixed(after, 0)) %"
    }

    /// Returns how many loading labels were left off for want of room.
    func drawUnits(_ sheet: inout Sheet, layouts: [CoolingLayout]) -> Int {
        let side = depth * pixelsPerMetre
        let shared = sharedPositions
        let colours = Dictionary(cduStyles.map { ($0.unit.id, $0.colour) }) { a, _ in a }
        let block = self.sheet(rackBlock)
        var labels: [(text: String, x: Double, y: Double, below: Bool, beyond: Bool)] = []
        for layout in layouts {
            for unit in layout.units {
                let c = self.sheet(unit.position.x.metres, unit.position.y.metres)
                var box = Box(x0: c.x - side / 2, y0: c.y - side / 2, x1: c.x + side / 2, y1: c.y + side / 2)
                let isShared = shared.contains(unit.position)
                if isShared {
                    // Half the footprint each, CDU left, air unit right, ringed in red.
                    if layout.medium == .liquid { box.x1 = c.x } else { box.x0 = c.x }
                }
                let liquid = layout.medium == .liquid
                let colour = liquid ? colours[unit.id] ?? Self.pipeColours[0] : Self.airColour
                let title =
                    "\(unit.id) \(unit.typeID): \(Format.fixed(unit.load.kilowatts, 0)) of "
                    + "\(Format.fixed(unit.capacity.kilowatts, 0)) kW, "
                    + "\(Format.fixed(unit.maxLoadAfterFailure.kilowatts, 0)) kW after the worst failure"
                sheet.raw(
                    "<rect x=\"\(n(box.x0))\" y=\"\(n(box.y0))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\" "
                        + (liquid
                            ? "fill=\"\(colour)\" stroke=\"#222\" stroke-width=\"0.8\""
                            : "fill=\"white\" stroke=\"\(colour)\" stroke-width=\"1.5\"")
                        + "><title>\(SVGText.escape(title))</title></rect>")
                let idSize = min(10, max(6, box.width * 0.9 / (Double(unit.id.count) * SVGText.characterEm)))
                sheet.text(
                    unit.id, x: (box.x0 + box.x1) / 2, y: c.y + idSize * 0.35, size: idSize, anchor: .middle,
                    fill: liquid ? "white" : colour, bold: true)
                if isShared && liquid {
                    let ring = Box(x0: c.x - side / 2, y0: c.y - side / 2, x1: c.x + side / 2, y1: c.y + side / 2)
                        .expanded(3)
                    sheet.raw(
                        "<rect x=\"\(n(ring.x0))\" y=\"\(n(ring.y0))\" width=\"\(n(ring.width))\" "
                            + "height=\"\(n(ring.height))\" fill=\"none\" stroke=\"#d00\" stroke-width=\"1.5\" "
                            + "stroke-dasharray=\"3 2\"/>")
                }
                // Below the symbol for units below the rack area, above it otherwise; in a shared slot
                // only the CDU's (the air unit's is in its table).
                if isShared && !liquid { continue }
                let beyond = c.y > block.y1 || c.y < block.y0
                labels.append((Self.loadingLabel(unit), (box.x0 + box.x1) / 2, c.y, c.y > block.y1, beyond))
            }
        }
        return placeLabels(&sheet, labels, half: side / 2)
    }

    /// Loading labels above (or below) their units: beyond the pipe headers (0.65 m out) for
    /// units above or below the rack area, whose headers run there; in a second tier further out
    /// where two on one line would overlap.
    /// Returns how many labels were left off: those that would overlap a neighbour in both tiers
    /// or reach more than 6 px past the outside of the wall.
    func placeLabels(
        _ sheet: inout Sheet, _ labels: [(text: String, x: Double, y: Double, below: Bool, beyond: Bool)],
        half: Double
    ) -> Int {
        let size = 9.0
        let room = self.sheet(self.room).expanded(Self.wallThickness * pixelsPerMetre + 6)
        var omitted = 0
        let lines = Dictionary(grouping: labels) { "\($0.below) \(SVGText.number($0.y))" }
        for key in lines.keys.sorted() {
            var lastEnd = [-Double.infinity, -Double.infinity]
            for label in lines[key]!.sorted(by: { $0.x < $1.x }) {
                let width = SVGText.width(label.text, fontSize: size)
                let start = label.x - width / 2
                let out = half + (label.beyond ? max(3, 0.65 * pixelsPerMetre) : 3)
                // The farthest the text's outer edge may be from the unit's centre.
                let reach = label.below ? room.y1 - label.y : label.y - room.y0
                let tier = [0, 1].first { tier in
                    start >= lastEnd[tier] + 4 && out + Double(tier) * (size + 2) + size <= reach
                }
                guard let tier else {
                    omitted += 1
                    continue
                }
                lastEnd[tier] = start + width
                let distance = out + Double(tier) * (size + 2)
                let y = label.below ? label.y + distance + size : label.y - distance
                sheet.text(label.text, x: label.x, y: y, size: size, anchor: .middle, halo: true)
            }
        }
        return omitted
    }

    func drawRowLabels(_ sheet: inout Sheet, room: Box) {
        let wall = Self.wallThickness * pixelsPerMetre
        let rowPitch = (depth + aisle) * pixelsPerMetre
        let size = 10.0
        let full = SVGText.width("Row \(layout.rows)", fontSize: size) <= rowPitch - 4 || !turned
        for row in 0..<layout.rows {
            let label = full ? "Row \(row + 1)" : "\(row + 1)"
            let centre = self.sheet(rackBlock.x1, rowFront(row) + depth / 2)
            if turned {
                sheet.text(label, x: centre.x, y: room.y0 - wall - 8, size: size, anchor: .middle, bold: true)
            } else {
                let left = self.sheet(rackBlock.x0, rowFront(row) + depth / 2)
                sheet.text(label, x: room.x0 - wall - 6, y: left.y + size * 0.35, size: size, anchor: .end, bold: true)
            }
        }
    }

    func drawDimensions(_ sheet: inout Sheet, room: Box, electrical: Box) {
        let wall = Self.wallThickness * pixelsPerMetre
        let block = self.sheet(rackBlock)
        let top = room.y0 - wall
        let left = room.x0 - wall
        // Overall inside dimensions.
        sheet.horizontalDimension(
            from: room.x0, to: room.x1, at: top - (turned ? 60 : 40), reference: top,
            label: "\(Format.fixed(room.width / pixelsPerMetre, 1)) m")
        sheet.verticalDimension(
            from: room.y0, to: room.y1, at: left - (turned ? 84 : 126), reference: left,
            label: "\(Format.fixed(room.height / pixelsPerMetre, 1)) m")
        if electrical.height > 0 {
            sheet.verticalDimension(
                from: electrical.y0, to: electrical.y1, at: left - (turned ? 84 : 126), reference: left,
                label: "\(Format.fixed(electricalRoomDepth, 1)) m")
        }
        // The first row pitch across the rows (rack depth, aisle) and the row length along them.
        var chain = [(rowFront(0), rowFront(0) + depth)]
        if layout.rows > 1 { chain.append((rowFront(0) + depth, rowFront(1))) }
        let along = (rackBlock.x0, rackBlock.x1)
        if turned {
            for (a, b) in chain {
                let p = self.sheet(0, a)
                let q = self.sheet(0, b)
                sheet.horizontalDimension(
                    from: p.x, to: q.x, at: top - 34, reference: top, label: Format.fixed((b - a), 1), size: 9)
            }
            sheet.verticalDimension(
                from: block.y0, to: block.y1, at: left - 30, reference: left,
                label: "\(Format.fixed(along.1 - along.0, 1)) m")
        } else {
            for (a, b) in chain {
                let p = self.sheet(0, a)
                let q = self.sheet(0, b)
                sheet.verticalDimension(
                    from: p.y, to: q.y, at: left - 62, reference: left, label: Format.fixed((b - a), 1), size: 9)
            }
            sheet.horizontalDimension(
                from: block.x0, to: block.x1, at: top - 16, reference: top,
                label: "\(Format.fixed(along.1 - along.0, 1)) m")
        }
    }

    /// The scale bar; returns its bottom.
    func drawScaleBar(_ sheet: inout Sheet, top: Double) -> Double {
        let metres = scaleBarLength
        let length = metres * pixelsPerMetre
        let x = Self.margin + 4
        let segment = length / 5
        var parts: [String] = []
        for index in 0..<5 {
            parts.append(
                "<rect x=\"\(n(x + Double(index) * segment))\" y=\"\(n(top))\" width=\"\(n(segment))\" height=\"6\" "
                    + "fill=\"\(index % 2 == 0 ? "#222" : "white")\" stroke=\"#222\" stroke-width=\"0.8\"/>")
        }
        sheet.raw("<g id=\"scale-bar\" data-metres=\"\(n(metres))\">" + parts.joined() + "</g>")
        sheet.text("0", x: x, y: top - 4, size: 10, anchor: .middle)
        let half = metres / 2
        sheet.text(
            Format.fixed(half, half.rounded() == half ? 0 : 1), x: x + length / 2, y: top - 4, size: 10, anchor: .middle
        )
        sheet.text("\(Format.fixed(metres, 0)) m", x: x + length, y: top - 4, size: 10, anchor: .middle)
        sheet.text(
            "Scale 1:\(scaleDenominator) at 100 % zoom: \(Format.fixed(pixelsPerMetre, 1)) px per metre",
            x: x + length + 30, y: top + 7, size: 11)
        return top + 6
    }

    /// The legend; returns its right edge.
    func drawLegend(_ sheet: inout Sheet, top: Double, omittedLabels: Int) -> Double {
        let x = Self.margin
        var y = top + 14
        var right = x
        let size = 11.0
        /// A symbol (`@X`, `@Y` and `@B` stand for its left, top and the text's baseline) and its text.
        func entry(_ symbol: String, _ text: String, indent: Double = 30) {
            sheet.raw(
                symbol.replacingOccurrences(of: "@X", with: n(x)).replacingOccurrences(of: "@Y", with: n(y - 9))
                    .replacingOccurrences(of: "@B", with: n(y)))
            sheet.text(text, x: x + indent, y: y, size: size)
            right = max(right, x + indent + SVGText.width(text, fontSize: size))
            y += 18
        }
        sheet.text("Legend", x: x, y: y, size: 12, bold: true)
        y += 18
        let maximum = placement.floor.racks.map { ($0.heat.liquid + $0.heat.air).kilowatts }.max() ?? 0
        let minimum = placement.floor.racks.map { ($0.heat.liquid + $0.heat.air).kilowatts }.min() ?? 0
        let ramp = (0..<4).map { i -> String in
            "<rect x=\"\(n(x + Double(i) * 6))\" y=\"\(n(y - 9))\" width=\"6\" height=\"10\" "
                + "fill=\"\(Self.heatColour(maximum * Double(i + 1) / 4, maximum: maximum))\"/>"
        }
        .joined()
        entry(
            ramp,
            "Rack, shaded by design heat, pale 0 kW to dark \(Format.fixed(maximum, 0)) kW"
                + (minimum < maximum ? " (coolest \(Format.fixed(minimum, 0)) kW)" : ""))
        entry(
            "<rect x=\"@X\" y=\"@Y\" width=\"24\" height=\"10\" fill=\"white\" stroke=\"#bbb\" "
                + "stroke-dasharray=\"2 2\"/>",
            "Empty rack position")
        entry(
            "<rect x=\"@X\" y=\"@Y\" width=\"24\" height=\"10\" fill=\"\(Self.coldFill)\"/>",
            "Cold aisle (rack fronts; rows alternate, row 1 faces the front)")
        entry(
            "<rect x=\"@X\" y=\"@Y\" width=\"24\" height=\"10\" fill=\"\(Self.hotFill)\"/>",
            placement.liquid == nil
                ? "Hot aisle (rack backs)" : "Hot aisle (rack backs; the liquid manifolds and pipe lanes run here)")
        if placement.liquid != nil {
            entry(
                "<rect x=\"@X\" y=\"@Y\" width=\"10\" height=\"10\" fill=\"\(Self.pipeColours[0])\"/>"
                    + "<path d=\"M\(n(x + 12)) \(n(y - 4))H\(n(x + 24))\" stroke=\"\(Self.pipeColours[0])\" "
                    + "stroke-width=\"1.6\"/>",
                "CDU (ID inside) and its pipe route to each rack it serves, in its colour")
        }
        if placement.air != nil {
            entry(
                "<rect x=\"@X\" y=\"@Y\" width=\"10\" height=\"10\" fill=\"white\" stroke=\"\(Self.airColour)\" "
                    + "stroke-width=\"1.5\"/>",
                "Air unit, fan wall or CRAH (ID inside)")
        }
        entry(
            "<text x=\"@X\" y=\"@B\" font-size=\"9\">79→96 %</text>",
            "Unit loading in normal operation → highest after a failure the redundancy covers"
                + (omittedLabels > 0
                    ? " (\(omittedLabels) left off where they would overlap; see the tables)" : ""),
            indent: 46)
        entry(
            "<path d=\"M\(n(x + 2)) \(n(y - 8))L\(n(x + 8)) \(n(y - 2))"
                + "M\(n(x + 2)) \(n(y - 2))L\(n(x + 8)) \(n(y - 8))\" "
                + "stroke=\"#999\"/>",
            "Candidate unit site left empty")
        let reach = reachUnits.filter { $0.reach.metres > 0 }
        if !reach.isEmpty {
            entry(
                "<path d=\"M@X \(n(y - 4))h24\" stroke=\"#555\" stroke-dasharray=\"6 4\"/>",
                "Reach along aisles of "
                    + reach.map { "\($0.unit.id) (\(Format.fixed($0.reach.metres, 0)) m)" }.joined(separator: " and ")
                    + ", the unit\(reach.count > 1 ? "s" : "") loaded most after a failure")
        }
        entry(
            "<rect x=\"@X\" y=\"@Y\" width=\"24\" height=\"10\" fill=\"#444\"/>",
            "Wall (\(Format.fixed(Self.wallThickness, 1)) m), \(Format.fixed(Self.wallClearance.metres, 1)) m clear of "
                + "racks and units")
        let shared = sharedPositions.count
        if shared > 0 {
            entry(
                "<rect x=\"@X\" y=\"@Y\" width=\"12\" height=\"10\" fill=\"none\" stroke=\"#d00\" "
                    + "stroke-dasharray=\"3 2\"/>",
                "\(shared) slot\(shared == 1 ? "" : "s") given to a CDU and an air unit at once "
                    + "(half each; the CDU's loading shown)"
            )
        }
        return right
    }

    /// One table per medium: unit, type, load, loading, after the worst failure; 24 units to a
    /// block, blocks side by side up to `right` (1,700 px or the plan's right edge), then on a new line.
    func drawTables(_ sheet: inout Sheet, top: Double, left: Double, right: Double) {
        var x = left
        var top = top
        let size = 11.0
        let rowHeight = 15.0
        let perBlock = 24
        for layout in placement.layouts where !layout.units.isEmpty {
            let header = ["Unit", "Type", "Load / capacity [kW]", "Loading", "After a failure"]
            let rows = layout.units.map { u -> [String] in
                [
                    u.id, u.typeID, "\(Format.fixed(u.load.kilowatts, 0)) / \(Format.fixed(u.capacity.kilowatts, 0))",
                    Format.percent(u.loading, decimals: 0),
                    Format.fixed(u.maxLoadAfterFailure / u.capacity * 100, 0) + " %",
                ]
            }
            let widths = header.indices.map { column in
                (([header[column]] + rows.map { $0[column] }).map { SVGText.width($0, fontSize: size) }.max() ?? 0) + 12
            }
            let blockWidth = widths.reduce(0, +)
            let caption =
                layout.medium == .liquid
                ? "CDUs (\(Format.fixed(layout.heat.megawatts, 2)) MW of liquid heat)"
                : "Air units (\(Format.fixed(layout.heat.megawatts, 2)) MW of air heat)"
            for start in stride(from: 0, to: rows.count, by: perBlock) {
                if x > left && x + blockWidth > right {
                    x = left
                    top += 32 + Double(perBlock) * rowHeight + 24
                }
                var y = top + 14
                sheet.text(start == 0 ? caption : caption + ", continued", x: x, y: y, size: 12, bold: true)
                y += 18
                var cx = x
                for (column, title) in header.enumerated() {
                    let numeric = column >= 2
                    sheet.text(
                        title, x: numeric ? cx + widths[column] - 12 : cx, y: y, size: size,
                        anchor: numeric ? .end : .start, bold: true)
                    cx += widths[column]
                }
                for row in rows[start..<min(rows.count, start + perBlock)] {
                    y += rowHeight
                    cx = x
                    for (column, cell) in row.enumerated() {
                        let numeric = column >= 2
                        sheet.text(
                            cell, x: numeric ? cx + widths[column] - 12 : cx, y: y, size: size,
                            anchor: numeric ? .end : .start)
                        cx += widths[column]
                    }
                }
                x += blockWidth + 24
            }
        }
    }

    func n(_ v: Double) -> String { SVGText.number(v) }

    // MARK: Sheet

    enum Anchor: String {
        case start, middle, end
    }

    /// The elements of the drawing and how far its text and shapes reach, so that the sheet is
    /// sized to hold them.
    struct Sheet {
        var elements: [String] = []
        var right = FloorPlanSVG.minimumWidth - FloorPlanSVG.margin
        var bottom = 0.0

        mutating func raw(_ element: String) { elements.append(element) }

        mutating func extend(right r: Double, bottom b: Double) {
            right = max(right, r)
            bottom = max(bottom, b)
        }

        mutating func text(
            _ s: String, x: Double, y: Double, size: Double, anchor: Anchor = .start, fill: String? = nil,
            bold: Bool = false, halo: Bool = false
        ) {
            let width = SVGText.width(s, fontSize: size)
            let end =
                switch anchor {
                case .start: x + width
                case .middle: x + width / 2
                case .end: x
                }
            extend(right: end, bottom: y + 0.3 * size)
            let attributes =
                (anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\"")
                + (fill.map { " fill=\"\($0)\"" } ?? "") + (bold ? " font-weight=\"bold\"" : "")
                + (halo ? " stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\"" : "")
            elements.append(
                "<text x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" font-size=\"\(SVGText.number(size))\""
                    + "\(attributes)>\(SVGText.escape(s))</text>")
        }

        /// A dimension along x at height `at`, with extension lines from `reference` and slashes at
        /// its ends; the label centred above it.
        mutating func horizontalDimension(
            from x0: Double, to x1: Double, at y: Double, reference: Double, label: String, size: Double = 11
        ) {
            let f = SVGText.number
            elements.append(
                "<path d=\"M\(f(x0)) \(f(y))H\(f(x1))M\(f(x0)) \(f(reference))V\(f(y - 4))M\(f(x1)) \(f(reference))"
                    + "V\(f(y - 4))M\(f(x0 - 3)) \(f(y + 3))L\(f(x0 + 3)) \(f(y - 3))M\(f(x1 - 3)) \(f(y + 3))"
                    + "L\(f(x1 + 3)) \(f(y - 3))\" stroke=\"#333\" stroke-width=\"0.8\" fill=\"none\"/>")
            text(label, x: (x0 + x1) / 2, y: y - 4, size: size, anchor: .middle)
        }

        /// A dimension along y at `at`, extension lines from `reference`, label to its left.
        mutating func verticalDimension(
            from y0: Double, to y1: Double, at x: Double, reference: Double, label: String, size: Double = 11
        ) {
            let f = SVGText.number
            elements.append(
                "<path d=\"M\(f(x)) \(f(y0))V\(f(y1))M\(f(reference)) \(f(y0))H\(f(x - 4))M\(f(reference)) \(f(y1))"
                    + "H\(f(x - 4))M\(f(x - 3)) \(f(y0 + 3))L\(f(x + 3)) \(f(y0 - 3))M\(f(x - 3)) \(f(y1 + 3))"
                    + "L\(f(x + 3)) \(f(y1 - 3))\" stroke=\"#333\" stroke-width=\"0.8\" fill=\"none\"/>")
            text(label, x: x - 5, y: (y0 + y1) / 2 + size * 0.35, size: size, anchor: .end)
        }

        func document() -> String {
            let width = right + FloorPlanSVG.margin
            let height = bottom + FloorPlanSVG.margin
            return (SVGText.head(width: width, height: height, fontSize: 11) + elements + ["</svg>"])
                .joined(separator: "\n") + "\n"
        }
    }
}
