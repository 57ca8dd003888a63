import Catalogue
import Foundation
import PlannerEngine
import PlannerModel
import PlannerReport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Single-line diagram")
struct SingleLineDiagramTests {
    static let plan = ReportTests.smallPlan()

    @Test("the diagram draws the utility, the bus, every stage of the hall with its counts, and the racks")
    func stagesAndCounts() throws {
        let diagram = try #require(SingleLineDiagram(plan: Self.plan))
        // The small site: 2 copies × (10 × 140 + 2 × 20) kW = 2.88 MW of IT at design, below the
        // 40 MW of KEPCO's 22.9 kV row, so no main transformers: the utility box alone.
        #expect(diagram.supply.count == 1)
        #expect(diagram.supply[0].title.hasPrefix("Utility, 22.9 kV"))
        let hall = try #require(diagram.halls.first)
        #expect(hall.title == "Hall hall-a: ac-415v, one of 2 copies")
        // The MV switchgear is 2N: drawn as paths A and B, one lineup each.
        let switchgear = hall.rows[0].boxes.map(\.title)
        #expect(switchgear == ["MV switchgear A", "MV switchgear B"])
        // Stages of the 415 V chain below the switchgear, then the racks: 12 per copy.
        let electrical = try #require(Self.plan.electrical)
        #expect(hall.rows.count == electrical.halls[0].design.stages.count + 1)
        let racks = try #require(hall.rows.last?.boxes.first)
        #expect(racks.title == "Racks (12)")
        #expect(racks.lines == ["10 × gb300-nvl72, 140 kW", "2 × network-rack, 20 kW"])
        // The rack shelves are each rack's own (DESIGN.md §5.8): one box naming the most numerous type's
        // configuration, GB300 NVL72 8 × 33 kW N+N, loaded 140/264 = 53 %, 140/231 = 61 % after one fails.
        let shelves = try #require(hall.rows.first { $0.boxes[0].title == "Rack power shelves" }?.boxes[0])
        #expect(shelves.lines[0] == "each rack's own PSUs: 2 rack types, 12 racks")
        #expect(shelves.lines[1] == "gb300-nvl72: 8 × 33.0 kW, N+N")
        #expect(shelves.lines[2] == "loaded 53 %, 61 % after a unit fails")
    }

    @Test("a stage that does not carry its load after its worst failure is drawn red and says so")
    func failingStageIsMarked() throws {
        let electrical = try #require(Self.plan.electrical)
        let diagram = try #require(SingleLineDiagram(plan: Self.plan))
        let failing = electrical.halls[0].design.stages.filter { !$0.survivesWorstFailure }.map(\.stage)
        let marked = diagram.halls[0].rows.flatMap(\.boxes).filter(\.warning).map(\.title)
        #expect(Set(marked) == Set(failing))
        for box in diagram.halls[0].rows.flatMap(\.boxes) where box.warning {
            #expect(box.lines[1].hasSuffix("(fails N-1)"))
        }
        let svg = diagram.rendered
        let red = svg.components(separatedBy: "stroke=\"#c00000\"").count - 1
        #expect(red == marked.count)
    }

    @Test("every label fits its box: boxes widen to the longest line at 0.6 em per character")
    func labelsFit() throws {
        var diagram = try #require(SingleLineDiagram(plan: Self.plan))
        // A 60-character rating line at 11 px takes 60 × 0.6 × 11 = 396 px; with the 40 px icon
        // inset and 8 px padding the boxes must be at least 444 px wide.
        let long = String(repeating: "x", count: 60)
        diagram.halls[0].rows[0].boxes[0].lines.append(long)
        #expect(SingleLineDiagram.textWidth(long, fontSize: 11) == 396)
        #expect(diagram.boxWidth == 444)
        for box in diagram.boxes {
            #expect(SingleLineDiagram.textWidth(box.title, fontSize: 12) + 48 <= diagram.boxWidth)
            for line in box.lines {
                #expect(SingleLineDiagram.textWidth(line, fontSize: 11) + 48 <= diagram.boxWidth)
            }
        }
        // The default: the small site's longest line is shorter, so the 270 px minimum holds.
        #expect(try #require(SingleLineDiagram(plan: Self.plan)).boxWidth >= 270)
    }

    @Test("the diagram is well-formed SVG and the same plan gives the same bytes")
    func wellFormedAndDeterministic() throws {
        let svg = try #require(SingleLineDiagram(plan: Self.plan)).rendered
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let again = try #require(SingleLineDiagram(plan: ReportTests.smallPlan())).rendered
        #expect(svg == again)
        // Every box of the model is drawn: one <rect … rx="4"> each.
        let boxes = svg.components(separatedBy: "rx=\"4\"").count - 1
        #expect(boxes == SingleLineDiagram(plan: Self.plan)!.boxes.count)
    }
}
