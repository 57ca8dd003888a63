import Foundation
import PlannerModel

/// The phased build-out over time (DESIGN.md §5.19): demand at design against the capacity in
/// place, as steps from each phase's month; electrical above (facility demand, grid contract, grid
/// connection, main transformers), thermal below (heat-rejection and chiller duties against the
/// economisers' and chillers' firm capacity, summed over the loops). Fixed size, deterministic.
public struct PhaseChart {
    public var phases: [PhasePlan]
    public var siteName: String

    public init(phases: [PhasePlan], siteName: String) {
        self.phases = phases
        self.siteName = siteName
    }

    static let width = 1200.0, panelHeight = 260.0, top = 58.0, gap = 78.0, bottom = 56.0
    static let left = 80.0, plotWidth = 800.0, legendX = 910.0

    /// One step line: a label, a colour, a dash pattern, and its value at each phase (nil: none).
    struct Series {
        var label: String
        var colour: String
        var dash: String?
        var width: Double
        var values: [Double?]
    }

    /// The month index `12·year + month − 1` of `YYYY-MM`.
    static func month(_ date: String) -> Int {
        let parts = date.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return 0 }
        return y * 12 + m - 1
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    var electrical: [Series] {
        [
            Series(
                label: "Facility demand at design [MWe]", colour: "#1f77b4", dash: nil, width: 3,
                values: phases.map { $0.facilityDesign.megawatts }),
            Series(
                label: "Grid contract [MWe]", colour: "#d62728", dash: "8 4", width: 2,
                values: phases.map { $0.gridContract.megawatts }),
            Series(
                label: "Grid connection, final build [MWe]", colour: "#7f7f7f", dash: "2 3", width: 2,
                values: phases.map { $0.gridConnection.megawatts }),
            Series(
                label: "Main transformers, usable [MWe]", colour: "#2ca02c", dash: "5 2 1 2", width: 2,
                values: phases.map { $0.mainTransformers?.usableCapacity.megawatts }),
        ].filter { $0.values.contains { $0 != nil } }
    }

    var thermal: [Series] {
        func sum(_ value: (PhaseLoop) -> Power) -> [Double?] {
            phases.map { $0.loops.isEmpty ? nil : $0.loops.sum(value).megawatts }
        }
        return [
            Series(
                label: "Heat-rejection duty [MWth]", colour: "#ff7f0e", dash: nil, width: 3,
                values: sum(\.rejectionDuty)),
            Series(
                label: "Economisers, firm [MWth]", colour: "#8c564b", dash: "8 4", width: 2,
                values: sum(\.economiserFirmCapacity)),
            Series(
                label: "Chiller duty at design [MWth]", colour: "#9467bd", dash: nil, width: 3,
                values: sum(\.chillerDuty)),
            Series(
                label: "Chillers, firm [MWth]", colour: "#e377c2", dash: "8 4", width: 2,
                values: sum(\.chillerFirmCapacity)),
        ].filter { $0.values.contains { $0 != nil } }
    }

    public var rendered: String {
        let f = SVGText.number
        let escape = SVGText.escape
        let panels = [
            ("Electrical: demand against capacity in place", electrical),
            ("Thermal: duties against firm capacity in place (all loops)", thermal),
        ].filter { !$0.1.isEmpty }
        let height =
            Self.top + Double(panels.count) * Self.panelHeight + Double(panels.count - 1) * Self.gap
            + Self.bottom
        let months = phases.map { Self.month($0.date) }
        let start = (months.first ?? 0) - 6
        let end = max((months.last ?? 0) + 12, start + 12)
        func px(_ m: Int) -> Double { Self.left + Double(m - start) / Double(end - start) * Self.plotWidth }
        var svg = SVGText.head(width: Self.width, height: height, fontSize: 12)
        svg.append(
            "<text x=\"\(f(Self.width / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">"
                + "\(escape("Phased build-out of \(siteName): demand at design against installed capacity"))</text>")
        let runOut = phases.first { !$0.margins.runOut.isEmpty }
        for (p, panel) in panels.enumerated() {
            let y0 = Self.top + Double(p) * (Self.panelHeight + Self.gap)
            var values: [Double] = [0]
            for series in panel.1 { values += series.values.compactMap { $0 } }
            // Headroom, so a line at the top value stays clear of the frame.
            values.append((values.max() ?? 0) * 1.08)
            let (yMin, yMax, yStep) = SVGChart.yAxis(values)
            let plotHeight = Self.panelHeight
            func py(_ v: Double) -> Double {
                let share: Double = (v - yMin) / (yMax - yMin)
                return y0 + plotHeight - share * plotHeight
            }
            svg.append(
                "<text x=\"\(f(Self.left))\" y=\"\(f(y0 - 8))\" font-size=\"13\" font-weight=\"bold\">"
                    + "\(escape(panel.0))</text>")
            var v = yMin
            while v <= yMax + yStep / 2 {
                svg.append(
                    "<line x1=\"\(f(Self.left))\" y1=\"\(f(py(v)))\" x2=\"\(f(Self.left + Self.plotWidth))\" "
                        + "y2=\"\(f(py(v)))\" stroke=\"#ddd\"/>")
                svg.append(
                    "<text x=\"\(f(Self.left - 6))\" y=\"\(f(py(v) + 4))\" text-anchor=\"end\">"
                        + "\(Format.fixed(v, yStep < 1 ? 2 : 0))</text>")
                v += yStep
            }
            // Phase months: a thin vertical line each, the first run-out in red.
            for phase in phases {
                let x = px(Self.month(phase.date))
                let red = runOut?.date == phase.date
                svg.append(
                    "<line x1=\"\(f(x))\" y1=\"\(f(y0))\" x2=\"\(f(x))\" y2=\"\(f(y0 + Self.panelHeight))\" "
                        + "stroke=\"\(red ? "#d62728" : "#bbb")\" stroke-width=\"\(red ? 2 : 1)\"/>")
                // The phase's month beside its line, on a white halo so the steps behind stay readable.
                svg.append(
                    "<text x=\"\(f(x + 4))\" y=\"\(f(y0 + 14))\" font-size=\"11\" paint-order=\"stroke\" "
                        + "stroke=\"white\" stroke-width=\"3\" fill=\"\(red ? "#d62728" : "#555")\">"
                        + "\(escape(phase.date))</text>")
            }
            for series in panel.1 {
                var points: [String] = []
                for (i, value) in series.values.enumerated() {
                    guard let value else { continue }
                    let from = px(months[i])
                    let to = px(i + 1 < months.count ? months[i + 1] : end)
                    points.append("\(f(from)),\(f(py(value)))")
                    points.append("\(f(to)),\(f(py(value)))")
                }
                let dash = series.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
                svg.append(
                    "<polyline fill=\"none\" stroke=\"\(series.colour)\" stroke-width=\"\(f(series.width))\"\(dash) "
                        + "points=\"\(points.joined(separator: " "))\"/>")
            }
            svg.append(
                "<rect x=\"\(f(Self.left))\" y=\"\(f(y0))\" width=\"\(f(Self.plotWidth))\" "
                    + "height=\"\(f(Self.panelHeight))\" fill=\"none\" stroke=\"#333\"/>")
            // Month ticks every January and July, labelled below the panel.
            for m in start...end where m % 6 == 0 {
                let x = px(m)
                svg.append(
                    "<line x1=\"\(f(x))\" y1=\"\(f(y0 + Self.panelHeight))\" x2=\"\(f(x))\" "
                        + "y2=\"\(f(y0 + Self.panelHeight + 5))\" stroke=\"#333\"/>")
                svg.append(
                    "<text x=\"\(f(x))\" y=\"\(f(y0 + Self.panelHeight + 18))\" text-anchor=\"middle\">"
                        + "\(Self.monthNames[m % 12]) \(m / 12)</text>")
            }
            svg.append(
                "<text x=\"\(f(Self.left + Self.plotWidth / 2))\" y=\"\(f(y0 + Self.panelHeight + 36))\" "
                    + "text-anchor=\"middle\">Month energised (steps at each phase)</text>")
            svg.append(
                "<text transform=\"translate(22 \(f(y0 + Self.panelHeight / 2))) rotate(-90)\" "
                    + "text-anchor=\"middle\">Power [MW]</text>")
            // Legend to the right of the panel.
            for (i, series) in panel.1.enumerated() {
                let ly = y0 + 14 + Double(i) * 22
                let dash = series.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
                svg.append(
                    "<line x1=\"\(f(Self.legendX))\" y1=\"\(f(ly - 4))\" x2=\"\(f(Self.legendX + 30))\" "
                        + "y2=\"\(f(ly - 4))\" stroke=\"\(series.colour)\" stroke-width=\"\(f(series.width))\"\(dash)/>"
                )
                svg.append("<text x=\"\(f(Self.legendX + 38))\" y=\"\(f(ly))\">\(escape(series.label))</text>")
            }
            if p == 0 {
                let ly = y0 + 14 + Double(panel.1.count) * 22
                svg.append(
                    "<line x1=\"\(f(Self.legendX))\" y1=\"\(f(ly - 4))\" x2=\"\(f(Self.legendX + 30))\" "
                        + "y2=\"\(f(ly - 4))\" stroke=\"#bbb\"/>")
                svg.append("<text x=\"\(f(Self.legendX + 38))\" y=\"\(f(ly))\">A phase energised</text>")
                let note = runOut.map { "First margin to run out: \($0.date)" } ?? "No margin runs out"
                svg.append(
                    "<text x=\"\(f(Self.legendX))\" y=\"\(f(ly + 26))\" fill=\"\(runOut == nil ? "#333" : "#d62728")\" "
                        + "font-weight=\"bold\">\(escape(note))</text>")
            }
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }
}
