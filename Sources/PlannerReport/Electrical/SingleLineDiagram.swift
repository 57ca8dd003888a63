import PlannerModel

/// The site's single-line diagram as SVG (DESIGN.md §8.1): grid → main transformers → site MV
/// bus (with backup generators and storage) → each hall's chain, stage by stage, with its
/// redundant paths drawn side by side (A and B in 2N, one column per system in xN/y) → the
/// racks, fed from every path of the last stage. Ratings and counts are per copy of a hall; the
/// drawing follows the usual top-down single-line convention (one line stands for three phases).
public struct SingleLineDiagram: Sendable {
    /// What a box's icon shows.
    public enum Symbol: Sendable, Equatable {
        case source, transformer, bus, converter, racks, generator, storage
    }

    /// One equipment box: a title and up to three lines of ratings; `warning` (drawn red) when
    /// the stage does not carry its load after its worst single failure.
    public struct Box: Sendable, Equatable {
        public var title: String
        public var lines: [String]
        public var symbol: Symbol
        public var warning: Bool
        public init(title: String, lines: [String], symbol: Symbol, warning: Bool = false) {
            self.title = title
            self.lines = lines
            self.symbol = symbol
            self.warning = warning
        }
    }

    /// One stage of a hall: its boxes side by side (one per independent path or system).
    public struct Row: Sendable, Equatable {
        public var boxes: [Box]
        public init(boxes: [Box]) { self.boxes = boxes }
    }

    /// One hall's column: a title and its rows from the MV bus down to the racks.
    public struct Column: Sendable, Equatable {
        public var title: String
        public var rows: [Row]
        public init(title: String, rows: [Row]) {
            self.title = title
            self.rows = rows
        }
    }

    public var title: String
    /// Utility source and main transformers, top down.
    public var supply: [Box]
    /// The bus every hall is fed from (and the backup sources connect to).
    public var busLabel: String
    /// Generators, storage: drawn beside the supply, connected to the bus.
    public var backup: [Box]
    public var halls: [Column]

    public init(title: String, supply: [Box], busLabel: String, backup: [Box], halls: [Column]) {
        self.title = title
        self.supply = supply
        self.busLabel = busLabel
        self.backup = backup
        self.halls = halls
    }

    // MARK: Built from a plan

    /// The diagram of a plan's electrical result; nil when the plan has none.
    public init?(plan: Plan) {
        guard let e = plan.electrical else { return nil }
        title = "Single-line diagram: \(plan.site.name)"
        var supply = [
            Box(
                title: "Utility, \(Self.kv(e.grid.interconnectVoltage.kilovolts)) kV",
                lines: [
                    "peak demand \(Format.megawatts(e.grid.peakDemand)) MW",
                    plan.site.electrical.gridCapacity.map { "capacity \(Format.megawatts($0)) MW" }
                        ?? e.grid.rule.supply,
                ], symbol: .source)
        ]
        if let main = e.mainTransformers?.stages.first {
            supply.append(
                Box(
                    title: "Main transformers",
                    lines: [
                        "\(main.unitsInstalled) × \(Format.fixed(main.unitRating.megawatts, 1)) MW, \(main.redundancy)",
                        Self.loading(main),
                    ], symbol: .transformer, warning: !main.survivesWorstFailure))
        }
        self.supply = supply
        busLabel =
            e.mainTransformers == nil
            ? "Site MV bus (utility supply)" : "Site MV bus, \(NumberText.compact(e.mediumVoltage.kilovolts)) kV"
        backup = Self.backup(e)
        halls = zip(e.halls, plan.halls).map { electrical, result in
            Self.column(electrical, result: result)
        }
    }

    /// Standby generators (or a box saying there are none) and the ramp storage, on the site MV bus.
    static func backup(_ e: SiteElectricalResult) -> [Box] {
        var boxes: [Box] = []
        if let backup = e.backup {
            if let g = backup.generators {
                boxes.append(
                    Box(
                        title: "Standby generators",
                        lines: [
                            "\(g.sizing.unitsInstalled) × \(Format.fixed(g.sizing.unitRating.kilowatts, 0)) kW, "
                                + "\(g.sizing.redundancy)",
                            "critical load \(Format.megawatts(backup.criticalLoad)) MW",
                            "fuel \(Format.fixed(g.fuelAutonomy.seconds / 3600, 0)) h, "
                                + "\(Format.integer(Int(g.fuel.cubicMetres.rounded()))) m³",
                        ], symbol: .generator, warning: !g.sizing.survivesWorstFailure))
            } else {
                boxes.append(
                    Box(
                        title: "No standby generators",
                        lines: [
                            "the spec says none (power.backup)",
                            "UPS only: \(Format.fixed(backup.upsAutonomy.seconds / 60, 0)) min",
                        ], symbol: .generator, warning: true))
            }
        }
        if let storage = e.study?.storage {
            boxes.append(
                Box(
                    title: "Ramp storage",
                    lines: [
                        "\(Format.megawatts(storage.power)) MW, \(Format.fixed(storage.energy.megawattHours, 2)) MWh",
                        "C-rate \(Format.fixed(storage.cRate, 0)) per hour",
                        "ramp held to \(Format.fixed(e.study!.rampLimit.megawattsPerMinute, 0)) MW/min",
                    ], symbol: .storage))
        }
        return boxes
    }

    /// A hall's column: one row per stage of its design chain, then the racks.
    static func column(_ hall: HallElectrical, result: HallResult) -> Column {
        var rows = hall.design.stages.map { stage in
            if !stage.rackTypes.isEmpty { return Row(boxes: [rackEnd(stage, racks: result.perCopy.rackCount)]) }
            let paths = paths(stage)
            let perPath = stage.groups > 1 ? stage.perGroup.unitsInstalled : stage.unitsInstalled / paths.count
            let count =
                stage.groups > 1
                ? "\(perPath) × \(Format.integer(Int(stage.unitRating.kilowatts.rounded()))) kW per rack, "
                    + "\(stage.redundancy), \(Format.integer(stage.groups)) racks"
                : "\(perPath) × \(Format.integer(Int(stage.unitRating.kilowatts.rounded()))) kW"
                    + (paths.count > 1 ? " per path, \(stage.redundancy)" : ", \(stage.redundancy)")
            return Row(
                boxes: paths.map { label in
                    Box(
                        title: stage.stage + (label.isEmpty ? "" : " \(label)"), lines: [count, loading(stage)],
                        symbol: symbol(stage.kind), warning: !stage.survivesWorstFailure)
                })
        }
        var racks = result.groups.map { group in
            "\(group.count) × \(group.system.id), \(Format.fixed(group.perRack.design.kilowatts, 0)) kW"
        }
        if racks.count > 3 { racks = Array(racks.prefix(2)) + ["and \(racks.count - 2) more rack types"] }
        rows.append(
            Row(boxes: [Box(title: "Racks (\(Format.integer(result.perCopy.rackCount)))", lines: racks, symbol: .racks)]
            ))
        let copies = hall.copies > 1 ? ", one of \(hall.copies) copies" : ""
        return Column(title: "Hall \(hall.id): \(hall.distribution.rawValue)\(copies)", rows: rows)
    }

    /// A rack-end stage sized per rack type (DESIGN.md §5.8): every rack type has its own PSUs, so
    /// the box gives the most numerous type's configuration and loading, and is red when any type
    /// does not survive the loss of one of its units.
    static func rackEnd(_ stage: StageResult, racks: Int) -> Box {
        let types = stage.rackTypes
        let main = types.max { $0.supply.racks < $1.supply.racks }!
        let psu = main.supply.psu
        let node = psu.groupsPerRack > 1 ? " per node" : ""
        let after = main.perGroup.loadingAfterFailure.map { Format.percent($0) } ?? "load lost"
        let survives = types.allSatisfy(\.perGroup.survivesWorstFailure)
        return Box(
            title: stage.stage,
            lines: [
                "each rack's own PSUs: \(types.count) rack type\(types.count == 1 ? "" : "s"), "
                    + "\(Format.integer(racks)) racks",
                "\(main.supply.rackType): \(psu.unitsInstalled) × \(Format.fixed(psu.unitRating.kilowatts, 1)) kW"
                    + "\(node), \(psu.redundancy)",
                "loaded \(Format.percent(main.perGroup.loadingNormal)), \(after) after a unit fails"
                    + (survives ? "" : " (a type fails N-1)"),
            ], symbol: .converter, warning: !survives)
    }

    /// The independent paths a stage is drawn as: A and B for 2N and 2(N+1), one per system in
    /// distributed redundancy, one box otherwise (units paralleled on one bus, or in every rack).
    static func paths(_ stage: StageResult) -> [String] {
        guard stage.groups == 1 else { return [""] }
        switch stage.redundancy {
        case .twoN, .twoNPlusOne: return ["A", "B"]
        case .distributed(let x, _): return (1...max(x, 1)).map { "\($0)" }
        case .n, .nPlus, .block: return [""]
        }
    }

    static func symbol(_ kind: StageKind) -> Symbol {
        switch kind {
        case .mainTransformer, .mvlvTransformer: .transformer
        case .mvSwitchgear, .lvSwitchboard, .acDistribution, .dcBusway: .bus
        case .upsDoubleConversion, .upsEcoMode, .rackPowerShelf, .solidStateTransformer, .dcConverter: .converter
        }
    }

    static func loading(_ stage: StageResult) -> String {
        let after = stage.loadingAfterFailure.map { Format.percent($0) } ?? "load lost"
        let text = "loaded \(Format.percent(stage.loadingNormal)), \(after) after a failure"
        return stage.survivesWorstFailure ? text : text + " (fails N-1)"
    }

    static func kv(_ value: Double) -> String {
        value == value.rounded() ? Format.fixed(value, 0) : Format.fixed(value, 1)
    }

    // MARK: Geometry

    /// The narrowest box [px]; boxes widen to hold their longest label.
    static let minimumBoxWidth = 270.0
    /// Icon and padding to the left of a box's text, and padding to its right [px].
    static let textInset = 40.0, textPadding = 8.0
    static let boxHeight = 66.0
    static let gap = 16.0
    static let rowGap = 30.0
    static let margin = 24.0
    /// Font sizes of a box's title (bold) and of its rating lines [px].
    public static let titleSize = 12.0
    public static let lineSize = 11.0

    /// The width a line of text takes at a font size (an upper estimate) [px].
    public static func textWidth(_ text: String, fontSize: Double) -> Double {
        SVGText.width(text, fontSize: fontSize)
    }

    /// The text of every box, for tests and for checking that labels fit.
    public var boxes: [Box] { supply + backup + halls.flatMap { $0.rows.flatMap(\.boxes) } }

    /// The width of every box [px]: wide enough for the longest title or rating line of the
    /// diagram (estimated with `textWidth`), at least `minimumBoxWidth`.
    public var boxWidth: Double {
        let longest =
            boxes.map { box in
                ([Self.textWidth(box.title, fontSize: Self.titleSize)]
                    + box.lines.map { Self.textWidth($0, fontSize: Self.lineSize) }).max() ?? 0
            }.max() ?? 0
        return max(Self.minimumBoxWidth, (longest + Self.textInset + Self.textPadding).rounded(.up))
    }

    func columnWidth(_ column: Column) -> Double {
        let most = Double(column.rows.map(\.boxes.count).max() ?? 1)
        return most * boxWidth + (most - 1) * Self.gap
    }

    // MARK: Rendering

    public var rendered: String {
        let boxWidth = boxWidth
        var svg = SVGWriter(boxWidth: boxWidth)
        let columnWidths = halls.map(columnWidth)
        let hallsWidth = columnWidths.reduce(0, +) + Double(max(halls.count - 1, 0)) * 3 * Self.gap
        // The supply is centred and the backup sources sit to its right: the drawing must hold twice
        // the half-width they reach.
        let supplyWidth = 2 * (boxWidth / 2 + Double(backup.count) * (boxWidth + 3 * Self.gap))
        let width = max(hallsWidth, supplyWidth, 720) + 2 * Self.margin
        let centre = width / 2
        var y = 56.0
        // Supply column, top down, centred.
        var previousBottom: Double?
        for box in supply {
            let x = centre - boxWidth / 2
            if let bottom = previousBottom { svg.line(centre, bottom, centre, y) }
            svg.box(box, x: x, y: y)
            previousBottom = y + Self.boxHeight
            y += Self.boxHeight + Self.rowGap
        }
        // Backup sources to the right of the supply's last box, dropping to the bus.
        let busY = y + 6
        for (index, box) in backup.enumerated() {
            let x = centre + boxWidth / 2 + 3 * Self.gap + Double(index) * (boxWidth + Self.gap)
            let top = y - Self.rowGap - Self.boxHeight
            svg.box(box, x: x, y: top)
            svg.line(x + boxWidth / 2, top + Self.boxHeight, x + boxWidth / 2, busY)
        }
        if let bottom = previousBottom { svg.line(centre, bottom, centre, busY) }
        // The bus across every hall.
        let left = centre - hallsWidth / 2
        let busLeft = min(left, centre - boxWidth / 2)
        let busRight = max(left + hallsWidth, centre + boxWidth / 2 + Double(backup.count) * (boxWidth + 3 * Self.gap))
        svg.bus(busLeft, busRight, busY, label: busLabel)
        y = busY + 64
        // Halls.
        var x = left
        var bottom = y
        for (column, columnWidth) in zip(halls, columnWidths) {
            bottom = max(bottom, svg.column(column, x: x, width: columnWidth, top: y, busY: busY))
            x += columnWidth + 3 * Self.gap
        }
        let height = bottom + Self.margin + 30
        svg.note(
            "Figures per copy of each hall: unit ratings, loading in normal operation and after the worst single "
                + "failure.", x: Self.margin, y: bottom + Self.margin)
        svg.note(
            "One line stands for the three phases (or both poles of 800 VDC). A red box does not carry its load "
                + "after its worst single failure.", x: Self.margin, y: bottom + Self.margin + 15)
        return svg.document(title: title, width: width, height: height)
    }
}

/// The SVG text of a single-line diagram, element by element, with fixed decimals.
struct SVGWriter {
    var boxWidth: Double
    var elements: [String] = []

    static let f = SVGText.number
    static let escape = SVGText.escape

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
        let f = Self.f
        elements.append(
            "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"#222\" "
                + "stroke-width=\"1.5\"/>")
    }

    mutating func text(
        _ s: String, x: Double, y: Double, size: Double = 12, bold: Bool = false, anchor: String = "start",
        halo: Bool = false
    ) {
        let weight =
            (bold ? " font-weight=\"bold\"" : "")
            + (halo ? " stroke=\"white\" stroke-width=\"5\" paint-order=\"stroke\"" : "")
        let anchorText = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
        elements.append(
            "<text x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" font-size=\"\(Self.f(size))\"\(weight)\(anchorText)>"
                + "\(Self.escape(s))</text>")
    }

    mutating func note(_ s: String, x: Double, y: Double) {
        text(s, x: x, y: y, size: 11)
    }

    mutating func bus(_ x1: Double, _ x2: Double, _ y: Double, label: String) {
        let f = Self.f
        elements.append(
            "<line x1=\"\(f(x1))\" y1=\"\(f(y))\" x2=\"\(f(x2))\" y2=\"\(f(y))\" stroke=\"#222\" stroke-width=\"5\"/>")
        text(label, x: x1, y: y - 8, bold: true)
    }

    mutating func box(_ box: SingleLineDiagram.Box, x: Double, y: Double) {
        let f = Self.f
        let w = boxWidth
        let h = SingleLineDiagram.boxHeight
        let fill =
            switch box.symbol {
            case .generator, .storage: "#fff4e5"
            case .source: "#eef4ff"
            case .racks: "#f0f0f0"
            default: "white"
            }
        let stroke = box.warning ? "stroke=\"#c00000\" stroke-width=\"2.5\"" : "stroke=\"#444\""
        elements.append(
            "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(h))\" rx=\"4\" fill=\"\(fill)\" "
                + "\(stroke)/>")
        icon(box.symbol, cx: x + 20, cy: y + h / 2)
        let inset = SingleLineDiagram.textInset
        text(box.title, x: x + inset, y: y + 17, size: SingleLineDiagram.titleSize, bold: true)
        for (index, line) in box.lines.prefix(3).enumerated() {
            text(line, x: x + inset, y: y + 33 + Double(index) * 13, size: SingleLineDiagram.lineSize)
        }
    }

    /// A hall's column; returns its bottom edge.
    mutating func column(_ column: SingleLineDiagram.Column, x: Double, width: Double, top: Double, busY: Double)
        -> Double
    {
        let w = boxWidth
        let h = SingleLineDiagram.boxHeight
        let gap = SingleLineDiagram.gap
        var y = top
        var above: [Double] = [x + width / 2] // centres of the boxes above (the bus drop first)
        var aboveBottom = busY
        for row in column.rows {
            let count = Double(row.boxes.count)
            let rowWidth = count * w + (count - 1) * gap
            let start = x + (width - rowWidth) / 2
            let centres = row.boxes.indices.map { start + Double($0) * (w + gap) + w / 2 }
            connect(from: above, bottom: aboveBottom, to: centres, top: y)
            for (box, centre) in zip(row.boxes, centres) {
                self.box(box, x: centre - w / 2, y: y)
            }
            above = centres
            aboveBottom = y + h
            y += h + SingleLineDiagram.rowGap
        }
        // Drawn last, on a white halo, so that the drop from the bus does not cross it.
        text(column.title, x: x, y: top - 22, bold: true, halo: true)
        return y - SingleLineDiagram.rowGap
    }

    /// Lines from the boxes above to those below: one to one when the counts match; a split
    /// (one above, several below) through a short tie at mid-height, the bus feeding the paths;
    /// paths joining one box (several above) land side by side on its top, not tied together, as
    /// the separate feeds of dual-corded equipment.
    mutating func connect(from above: [Double], bottom: Double, to below: [Double], top: Double) {
        if above.count == below.count {
            for (a, b) in zip(above, below) { line(a, bottom, b, top) }
            return
        }
        let middle = (bottom + top) / 2
        if below.count == 1 {
            let w = boxWidth
            let n = Double(above.count)
            for (index, a) in above.enumerated() {
                let landing = below[0] - w / 2 + w * (Double(index) + 0.5) / n
                line(a, bottom, a, middle)
                line(a, middle, landing, middle)
                line(landing, middle, landing, top)
            }
            return
        }
        let tie = top - 10
        for a in above { line(a, bottom, a, tie) }
        let xs = above + below
        line(xs.min()!, tie, xs.max()!, tie)
        for b in below { line(b, tie, b, top) }
    }

    mutating func circle(_ cx: Double, _ cy: Double, r: Double) {
        let f = Self.f
        elements.append(
            "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(r))\" fill=\"none\" stroke=\"#222\" "
                + "stroke-width=\"1.5\"/>")
    }

    mutating func icon(_ symbol: SingleLineDiagram.Symbol, cx: Double, cy: Double) {
        let f = Self.f
        switch symbol {
        case .transformer:
            circle(cx, cy - 5, r: 8)
            circle(cx, cy + 5, r: 8)
        case .bus:
            elements.append(
                "<line x1=\"\(f(cx - 11))\" y1=\"\(f(cy))\" x2=\"\(f(cx + 11))\" y2=\"\(f(cy))\" stroke=\"#222\" "
                    + "stroke-width=\"4\"/>")
        case .converter:
            elements.append(
                "<rect x=\"\(f(cx - 11))\" y=\"\(f(cy - 11))\" width=\"22\" height=\"22\" fill=\"none\" "
                    + "stroke=\"#222\" stroke-width=\"1.5\"/>")
            line(cx - 11, cy + 11, cx + 11, cy - 11)
        case .source:
            circle(cx, cy, r: 11)
            text("~", x: cx, y: cy + 5, size: 14, anchor: "middle")
        case .generator:
            circle(cx, cy, r: 11)
            text("G", x: cx, y: cy + 4, size: 12, bold: true, anchor: "middle")
        case .storage:
            line(cx - 10, cy - 4, cx + 10, cy - 4)
            line(cx - 5, cy + 4, cx + 5, cy + 4)
            line(cx, cy - 14, cx, cy - 4)
            line(cx, cy + 4, cx, cy + 14)
        case .racks:
            for dx in [-8.0, 0, 8] {
                elements.append(
                    "<rect x=\"\(f(cx + dx - 3))\" y=\"\(f(cy - 10))\" width=\"6\" height=\"20\" fill=\"#888\"/>")
            }
        }
    }

    func document(title: String, width: Double, height: Double) -> String {
        let f = Self.f
        let head =
            SVGText.head(width: width, height: height, fontSize: 12) + [
                "<text x=\"\(f(SingleLineDiagram.margin))\" y=\"30\" font-size=\"16\" font-weight=\"bold\">"
                    + "\(Self.escape(title))</text>"
            ]
        return (head + elements + ["</svg>"]).joined(separator: "\n") + "\n"
    }
}
