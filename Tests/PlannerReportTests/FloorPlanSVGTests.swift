import Catalogue
import Foundation
import PlannerEngine
import PlannerModel
import Testing

@testable import PlannerReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What a floor-plan SVG holds, read back with an XML parser: the root's size, every text
/// element with its attributes and content, and the scale bar's rectangles.
final class SVGReadBack: NSObject, XMLParserDelegate {
    var width = 0.0, height = 0.0, viewBox = ""
    var texts: [(attributes: [String: String], content: String)] = []
    var scaleBarMetres: Double?
    var scaleBarWidths: [Double] = []
    var titles: [String] = []
    private var openText: [String: String]?
    private var openTitle = false
    private var buffer = ""
    private var inScaleBar = false

    /// Parses `svg`; nil when it is not well-formed XML.
    static func read(_ svg: String) -> SVGReadBack? {
        let parser = XMLParser(data: Data(svg.utf8))
        let reader = SVGReadBack()
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch name {
        case "svg":
            width = Double(attributes["width"] ?? "") ?? 0
            height = Double(attributes["height"] ?? "") ?? 0
            viewBox = attributes["viewBox"] ?? ""
        case "text":
            openText = attributes
            buffer = ""
        case "title":
            openTitle = true
            buffer = ""
        case "g" where attributes["id"] == "scale-bar":
            inScaleBar = true
            scaleBarMetres = Double(attributes["data-metres"] ?? "")
        case "rect" where inScaleBar:
            scaleBarWidths.append(Double(attributes["width"] ?? "") ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "text":
            if let attributes = openText { texts.append((attributes, buffer)) }
            openText = nil
        case "title":
            titles.append(buffer)
            openTitle = false
        case "g": inScaleBar = false
        default: break
        }
    }

    /// Texts whose estimated box (characters × size × 0.6 wide, from the baseline up one size and
    /// down a quarter) leaves the viewBox `0 0 width height`.
    var textsOutside: [String] {
        texts.compactMap { text in
            let x = Double(text.attributes["x"] ?? "") ?? .nan
            let y = Double(text.attributes["y"] ?? "") ?? .nan
            let size = Double(text.attributes["font-size"] ?? "11") ?? .nan
            let w = Double(text.content.count) * size * 0.6
            let left =
                switch text.attributes["text-anchor"] {
                case "middle": x - w / 2
                case "end": x - w
                default: x
                }
            let inside = left >= 0 && left + w <= width && y - size >= 0 && y + 0.25 * size <= height
            return inside ? nil : "\(text.content) at (\(x), \(y))"
        }
    }

    /// The `1:n` of the "Scale 1:n" text.
    var scaleDenominator: Int? {
        for text in texts {
            if let range = text.content.range(of: "Scale 1:") {
                let digits = text.content[range.upperBound...].prefix { $0.isNumber }
                return Int(digits)
            }
        }
        return nil
    }
}

@Suite("Floor-plan drawing")
struct FloorPlanSVGTests {
    static let rack = Catalogue.builtIn.entry("gb300-nvl72")!

    /// A hall of `rows` × `perRow` GB300 NVL72 racks (0.6 m pitch, 1.8 m aisle) placed with the
    /// built-in CDU and air unit.
    static func placed(rows: Int, perRow: Int, racks: Int) throws -> (HallPlacement, HallLayout) {
        let layout = HallLayout(rows: rows, racksPerRow: perRow, rackPitch: .metres(0.6), aisle: .metres(1.8))
        let hall = Hall(id: "test-hall", layout: layout, rackGroups: [RackGroup(system: rack, count: racks)])
        var options = PlacementOptions(parallel: false)
        options.timeLimit = .seconds(30)
        return (try PlacementAnalysis.place(hall: hall, options: options), layout)
    }

    /// 8 rows of 6: the rack block is 6 × 0.6 = 3.6 m long and 8 × 3.0 − 1.8 = 22.2 m deep.
    static let deep = try! placed(rows: 8, perRow: 6, racks: 46)
    /// 2 rows of 20: 12 m long, 2 × 3.0 − 1.8 = 4.2 m deep.
    static let long = try! placed(rows: 2, perRow: 20, racks: 40)

    static func drawing(_ hall: (HallPlacement, HallLayout), site: String = "Test site") -> FloorPlanSVG {
        FloorPlanSVG(
            hall.0, siteName: site, copies: 3, layout: hall.1, rackDepth: PlacementOptions.defaultRackDepth,
            liquidReach: .metres(25), airReach: .metres(15))
    }

    @Test("a deep hall is turned, drawn at 1:100 with a 5 m scale bar whose length matches the scale")
    func scaleOfDeepHall() throws {
        let plan = Self.drawing(Self.deep)
        // Sites: row ends at x = −0.6 and 3.6 + 0.6 = 4.2; one wall slot front and back (x = 1.5 < 3.6,
        // 4.5 is not) at y = −0.9 and 22.2 + 0.9 = 23.1. Footprints ±0.6 m, then 1.2 m clear:
        // x from −0.6 − 0.6 − 1.2 = −2.4 to 4.2 + 0.6 + 1.2 = 6.0 (8.4 m), y from −0.9 − 0.6 − 1.2 = −2.7
        // to 23.1 + 0.6 + 1.2 = 24.9 (27.6 m): deeper than long, so turned.
        #expect(plan.turned)
        #expect(abs(plan.room.width - 8.4) < 1e-9 && abs(plan.room.height - 27.6) < 1e-9)
        // Across the sheet 27.6 + 2 × 0.3 = 28.2 m: at 1:50, 28.2 × 3779.5 / 50 = 2,131.6 px > 1,500;
        // at 1:100, 1,065.8 px, and down 9.0 m = 340.2 px ≤ 800.
        #expect(plan.scaleDenominator == 100)
        // 96 px per inch: 96 / 0.0254 / 100 = 37.795 px per metre; 10 m would be 378 px > 250, 5 m is 189.
        #expect(abs(plan.pixelsPerMetre - 37.795) < 0.001)
        #expect(plan.scaleBarLength == 5)
        let svg = try #require(SVGReadBack.read(plan.rendered))
        #expect(svg.scaleDenominator == 100)
        #expect(svg.scaleBarMetres == 5)
        // Five segments of 1 m, 37.8 px each: 188.98 px in all (each rounded to 0.1 px).
        #expect(svg.scaleBarWidths.count == 5)
        #expect(abs(svg.scaleBarWidths.reduce(0, +) - 5 * 37.795) < 0.3)
        // The overall dimensions, in metres, across and down the turned sheet.
        let texts = svg.texts.map(\.content)
        #expect(texts.contains("27.6 m") && texts.contains("8.4 m"))
        // IT 46 × 140 kW = 6.44 MW; 50 m²/MW → 322 m², spread along 27.6 m: 11.7 m deep, more
        // than the 150 px drawn (4.0 m at 1:100), so the room is drawn broken off.
        #expect(texts.contains("11.7 m"))
        #expect(texts.contains { $0.contains("≈ 322 m² (estimate, L)") && $0.contains("drawn broken off") })
    }

    @Test("a hall longer than deep is not turned; its rows are labelled at the left")
    func longHallNotTurned() throws {
        let plan = Self.drawing(Self.long)
        #expect(!plan.turned)
        let svg = try #require(SVGReadBack.read(plan.rendered))
        let texts = svg.texts.map(\.content)
        #expect(texts.contains("Row 1") && texts.contains("Row 2"))
        // 12 m rows: the row-length dimension.
        #expect(texts.contains("12.0 m"))
        #expect(svg.textsOutside.isEmpty, "\(svg.textsOutside)")
    }

    @Test("the drawing is well-formed XML, at least 1,000 px wide, and the same bytes each time")
    func wellFormedAndWide() throws {
        for hall in [Self.deep, Self.long] {
            let text = Self.drawing(hall).rendered
            let svg = try #require(SVGReadBack.read(text))
            #expect(svg.width >= 1000)
            #expect(svg.viewBox == "0 0 \(SVGText.number(svg.width)) \(SVGText.number(svg.height))")
            #expect(text == Self.drawing(hall).rendered)
        }
    }

    @Test("aisles alternate: row 1 faces the front, so in two rows the front and back aisles are cold, the middle hot")
    func aislesAlternate() throws {
        let text = Self.drawing(Self.long).rendered
        // Front band cold (row 1's fronts), the aisle between rows 1 and 2 hot (both backs), behind row 2
        // cold (row 2 faces the back): two cold bands and one hot, plus one swatch of each in the legend.
        let cold = text.components(separatedBy: "fill=\"\(FloorPlanSVG.coldFill)\"").count - 1
        let hot = text.components(separatedBy: "fill=\"\(FloorPlanSVG.hotFill)\"").count - 1
        #expect(cold == 2 + 1 && hot == 1 + 1)
    }

    @Test("every placed unit's ID is drawn, with its loading normal → after the worst failure")
    func everyUnitLabelled() throws {
        for hall in [Self.deep, Self.long] {
            let svg = try #require(SVGReadBack.read(Self.drawing(hall).rendered))
            let texts = svg.texts.map(\.content)
            let units = hall.0.layouts.flatMap(\.units)
            #expect(!units.isEmpty)
            for unit in units {
                #expect(texts.contains(unit.id), "unit \(unit.id)")
            }
            // One loading label per unit not sharing a slot with a unit of the other medium.
            let plan = Self.drawing(hall)
            let labelled =
                units.filter { !plan.sharedPositions.contains($0.position) }.count
                + plan.sharedPositions.count
            let labels = texts.filter { $0.hasSuffix(" %") && $0.contains("→") && $0.count <= 10 }
            #expect(labels.count == labelled + 1) // + the legend's sample "79→96 %"
            // Each CDU serving racks has its pipe route.
            let routes = svg.titles.filter { $0.hasPrefix("Pipe route of ") }
            #expect(routes.count == (hall.0.liquid?.units.filter { !$0.assignments.isEmpty }.count ?? 0))
        }
    }

    @Test("loading labels: 1,080 of 1,350 kW and 1,350 after a failure reads 80→100 %")
    func loadingLabel() {
        let unit = PlacedUnit(
            id: "J1", typeID: "cdu", position: .metres(0, 0), capacity: .kilowatts(1350), load: .kilowatts(1080),
            assignments: [], maxLoadAfterFailure: .kilowatts(1350))
        // 1,080 / 1,350 = 80 %; 1,350 / 1,350 = 100 %.
        #expect(FloorPlanSVG.loadingLabel(unit) == "80→100 %")
    }

    @Test("a CDU's pipe route runs from the unit to a header beyond it, along the hot aisle, with a tap per rack")
    func pipeRouteGeometry() throws {
        // One row of two racks (row 0): backs at y = 1.2 (row 0 faces the front), lane 0.3 m into the hot
        // aisle at y = 1.5. A CDU at the left row end (−0.6, 0.6), 1.2 m deep: its header 0.2 m beyond
        // its outer edge, x = −0.6 − 0.6 − 0.2 = −1.4.
        let (placement, layout) = try Self.placed(rows: 1, perRow: 2, racks: 2)
        let plan = Self.drawing((placement, layout))
        let unit = PlacedUnit(
            id: "J1", typeID: "cdu", position: .metres(-0.6, 0.6), capacity: .kilowatts(1350),
            load: .kilowatts(257.6),
            assignments: [
                RackAssignment(rackID: "R1", heat: .kilowatts(128.8), distance: .metres(0.9)),
                RackAssignment(rackID: "R2", heat: .kilowatts(128.8), distance: .metres(1.5)),
            ], maxLoadAfterFailure: .kilowatts(257.6))
        let lines = plan.pipeRoute(unit, lane: 0).map { $0.map { [$0.0, $0.1] } }
        func near(_ a: [[Double]], _ b: [[Double]]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { abs($0[0] - $1[0]) < 1e-9 && abs($0[1] - $1[1]) < 1e-9 }
        }
        let expected: [[[Double]]] = [
            [[-0.6, 0.6], [-1.4, 0.6]], // stub to the header
            [[-1.4, 0.6], [-1.4, 1.5]], // header to the row's lane
            [[-1.4, 1.5], [0.9, 1.5]], // lane to the farthest rack, R2 at x = 0.9
            [[0.3, 1.5], [0.3, 1.2]], // tap to R1
            [[0.9, 1.5], [0.9, 1.2]], // tap to R2
        ]
        #expect(lines.count == expected.count)
        for (line, want) in zip(lines, expected) { #expect(near(line, want), "\(line) ≠ \(want)") }
    }

    @Test("long titles and markup in names widen the sheet and are escaped: no text leaves the viewBox")
    func textInsideWithLongNames() throws {
        let name = "R&D <lab> " + String(repeating: "very long site name ", count: 8)
        let text = Self.drawing(Self.deep, site: name).rendered
        #expect(text.contains("R&amp;D &lt;lab&gt;"))
        let svg = try #require(SVGReadBack.read(text))
        // 10 + 160 characters of name in an 18 px bold title: more than 1,000 px, so the sheet widens.
        #expect(svg.width > 1800)
        #expect(svg.textsOutside.isEmpty, "\(svg.textsOutside)")
    }

    @Test("a hall with a unit at each of its 84 sites wraps its table into blocks of 24 and keeps every text inside")
    func manyUnits() throws {
        // 40 rows of 10: 80 row ends and, on each of the front and back walls, slots at x = 1.5 and 4.5
        // (7.5 > 6 m of row): 84 sites. A made-up layout, an air unit on every site, to stress the sheet.
        let layout = HallLayout(rows: 40, racksPerRow: 10, rackPitch: .metres(0.6), aisle: .metres(1.8))
        let hall = Hall(id: "big", layout: layout, rackGroups: [RackGroup(system: Self.rack, count: 400)])
        let floor = try FloorModel.floor(of: hall, options: PlacementOptions(parallel: false))
        #expect(floor.sites.count == 84)
        let units = floor.sites.map {
            PlacedUnit(
                id: $0.id, typeID: "fan-wall-400", position: $0.position, capacity: .kilowatts(400),
                load: .kilowatts(200), assignments: [], maxLoadAfterFailure: .kilowatts(300))
        }
        let solve = PlacementSolveSummary(
            rows: 0, columns: 0, binaries: 0, nonzeros: 0, objective: nil, gap: nil, time: .zero, message: "")
        let air = CoolingLayout(
            hallID: "big", medium: .air, status: .feasible, heat: floor.heat(.air), units: units, piping: .zero,
            unitCost: .zero, failures: [], shortfalls: [], solve: solve)
        let plan = Self.drawing((HallPlacement(floor: floor, liquid: nil, air: air), layout))
        let svg = try #require(SVGReadBack.read(plan.rendered))
        #expect(svg.textsOutside.isEmpty, "\(svg.textsOutside)")
        let texts = svg.texts.map(\.content)
        for unit in units { #expect(texts.contains(unit.id)) }
        // 84 units: blocks of 24, 24, 24 and 12, each headed; "200 / 400" and "50 %" and "75 %" in each row.
        #expect(texts.filter { $0.hasPrefix("Air units (") }.count == 4)
        #expect(texts.filter { $0 == "200 / 400" }.count == 84)
        // Loading labels that would overlap (row ends 3 m = 22.7 px apart at 1:500, labels 43 px wide) are
        // left off and counted in the legend.
        let legend = try #require(texts.first { $0.hasPrefix("Unit loading in normal operation") })
        let omitted = try #require(Int(legend.split(separator: "(").last!.prefix { $0.isNumber }))
        #expect(omitted > 0)
        #expect(texts.filter { $0 == "50→75 %" }.count + omitted == 84)
        // Blocks wrap at 1,700 px or the plan's right edge: the sheet is no wider than that plus a margin.
        #expect(svg.width <= max(1700, plan.sheet(plan.room).x1 + 0.3 * plan.pixelsPerMetre) + 24 + 1)
    }

    @Test("every committed floor plan in Reports/ is well-formed, ≥ 1,000 px wide, to its scale, with no text outside")
    func committedFloorPlans() throws {
        let manager = FileManager.default
        let sites = try manager.contentsOfDirectory(atPath: "Reports").sorted()
        var checked = 0
        for site in sites {
            let folder = "Reports/" + site
            guard let files = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for file in files.sorted() where file.hasPrefix("floor-") && file.hasSuffix(".svg") {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                let svg = try #require(SVGReadBack.read(text), "\(folder)/\(file) is not well-formed")
                #expect(svg.width >= 1000, "\(file)")
                #expect(svg.textsOutside.isEmpty, "\(folder)/\(file): \(svg.textsOutside)")
                let denominator = try #require(svg.scaleDenominator)
                let metres = try #require(svg.scaleBarMetres)
                let perMetre = 96 / 0.0254 / Double(denominator)
                #expect(abs(svg.scaleBarWidths.reduce(0, +) - metres * perMetre) < 0.3, "\(file)")
                checked += 1
            }
        }
        #expect(checked >= 11) // example-small's 2 halls and the Korean sites' 9
    }
}
