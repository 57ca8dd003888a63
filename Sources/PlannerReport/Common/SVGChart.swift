import Foundation
import PlannerModel

/// Small deterministic SVG line charts (fixed size, fixed decimals, no fonts beyond the generic
/// family), for figures linked from the Markdown reports.
public struct SVGChart {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// (x, y) points in data units, drawn as one polyline.
    public var points: [(x: Double, y: Double)]
    /// x-axis tick positions and labels.
    public var xTicks: [(Double, String)]
    /// Extra points drawn as small grey dots behind the line (a scatter).
    public var markers: [(x: Double, y: Double)]
    /// Whether each point of the line also gets a dot (few, categorical points).
    public var dots: Bool
    /// The x range drawn; nil: the data's.
    public var xRange: ClosedRange<Double>?

    public init(
        title: String, xLabel: String, yLabel: String, points: [(x: Double, y: Double)], xTicks: [(Double, String)],
        markers: [(x: Double, y: Double)] = [], dots: Bool = false, xRange: ClosedRange<Double>? = nil
    ) {
        self.xRange = xRange
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.points = points
        self.xTicks = xTicks
        self.markers = markers
        self.dots = dots
    }

    static let width = 800.0, height = 320.0
    static let left = 70.0, right = 20.0, top = 36.0, bottom = 50.0

    /// "Nice" y-axis bounds and step: the data range widened to multiples of 1, 2 or 5 × 10^k.
    static func yAxis(_ values: [Double]) -> (low: Double, high: Double, step: Double) {
        let low = values.min() ?? 0
        let high = values.max() ?? 1
        let span = max(high - low, abs(high) * 0.01, 1e-9)
        let raw = span / 5
        let magnitude = pow10(Int((log10(raw)).rounded(.down)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step, step)
    }

    static func pow10(_ k: Int) -> Double {
        var v = 1.0
        for _ in 0..<abs(k) { v *= 10 }
        return k < 0 ? 1 / v : v
    }

    public var rendered: String {
        let w = Self.width
        let h = Self.height
        let plotW = w - Self.left - Self.right
        let plotH = h - Self.top - Self.bottom
        let xs = (points + markers).map(\.x) + xTicks.map(\.0)
        let ys = (points + markers).map(\.y)
        let xMin = xRange?.lowerBound ?? xs.min() ?? 0
        let xMax = max(xRange?.upperBound ?? xs.max() ?? 1, xMin + 1e-9)
        let (yMin, yMax, yStep) = Self.yAxis(ys)
        func px(_ x: Double) -> Double { Self.left + (x - xMin) / (xMax - xMin) * plotW }
        func py(_ y: Double) -> Double { Self.top + plotH - (y - yMin) / (yMax - yMin) * plotH }
        let f = SVGText.number
        let escape = SVGText.escape
        var svg =
            SVGText.head(width: w, height: h, fontSize: 12) + [
                "<text x=\"\(f(w / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">\(escape(title))</text>"
            ]
        // Enough decimals to tell neighbouring ticks apart (a PUE axis in steps of 0.002 needs 3).
        let decimals = yStep >= 1 ? 0 : max(2, min(6, Int((-log10(yStep) - 1e-9).rounded(.up))))
        var y = yMin
        while y <= yMax + yStep / 2 {
            svg.append(
                "<line x1=\"\(f(Self.left))\" y1=\"\(f(py(y)))\" x2=\"\(f(w - Self.right))\" y2=\"\(f(py(y)))\" "
                    + "stroke=\"#ddd\"/>"
            )
            svg.append(
                "<text x=\"\(f(Self.left - 6))\" y=\"\(f(py(y) + 4))\" "
                    + "text-anchor=\"end\">\(Format.fixed(y, decimals))</text>"
            )
            y += yStep
        }
        for (x, label) in xTicks {
            svg.append(
                "<line x1=\"\(f(px(x)))\" y1=\"\(f(Self.top + plotH))\" x2=\"\(f(px(x)))\" "
                    + "y2=\"\(f(Self.top + plotH + 5))\" stroke=\"#333\"/>"
            )
            svg.append(
                "<text x=\"\(f(px(x)))\" y=\"\(f(Self.top + plotH + 18))\" "
                    + "text-anchor=\"middle\">\(escape(label))</text>"
            )
        }
        svg.append(
            "<rect x=\"\(f(Self.left))\" y=\"\(f(Self.top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" "
                + "fill=\"none\" stroke=\"#333\"/>"
        )
        for m in markers {
            svg.append("<circle cx=\"\(f(px(m.x)))\" cy=\"\(f(py(m.y)))\" r=\"2\" fill=\"#aaa\"/>")
        }
        if !points.isEmpty {
            let line = points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"\(line)\"/>")
        }
        if dots {
            for p in points {
                svg.append("<circle cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.y)))\" r=\"3.5\" fill=\"#1f77b4\"/>")
            }
        }
        svg.append(
            "<text x=\"\(f(Self.left + plotW / 2))\" y=\"\(f(h - 10))\" text-anchor=\"middle\">\(escape(xLabel))</text>"
        )
        svg.append(
            "<text transform=\"translate(16 \(f(Self.top + plotH / 2))) rotate(-90)\" "
                + "text-anchor=\"middle\">\(escape(yLabel))</text>"
        )
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

}

/// The plant figures of a site report.
public enum PlantCharts {
    /// Daily mean facility power over the year [MW].
    public static func facilityPower(_ annual: AnnualPlant) -> String {
        SVGChart(
            title: "Facility power over the year (daily mean)", xLabel: "Day of the year",
            yLabel: "Facility power [MW]",
            points: dailyMeanMegawatts(annual.hourlyFacility), xTicks: monthTicks
        ).rendered
    }

    /// Daily means of an hourly power series, as (day of the year from 1, MW) points: each day's
    /// 24 values summed in W, divided by 24 and by 1e6.
    static func dailyMeanMegawatts(_ series: HourlySeries<Power>) -> [(x: Double, y: Double)] {
        let hourly = series.si
        return (0..<(hourly.count / 24)).map { d in
            let watts: Double = hourly[(d * 24)..<(d * 24 + 24)].reduce(0, +)
            return (x: Double(d + 1), y: watts / 24 / 1e6)
        }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Month names at the first day of each month of a non-leap year.
    static let monthTicks: [(Double, String)] = zip(
        [1, 32, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335], monthNames
    )
    .map { (Double($0.0), $0.1) }

    /// Load-duration curve: facility power sorted from the highest hour down, sampled at 1 % steps.
    public static func loadDuration(_ annual: AnnualPlant) -> String {
        let sorted = annual.hourlyFacility.si.sorted(by: >)
        guard !sorted.isEmpty else { return "" }
        var points: [(x: Double, y: Double)] = []
        for p in 0...100 {
            let position = Double(p) / 100 * Double(sorted.count - 1)
            let index = min(sorted.count - 1, Int(position.rounded()))
            points.append((x: Double(index + 1), y: sorted[index] / 1e6))
        }
        let ticks = stride(from: 0, through: sorted.count, by: 1000).map { (Double(max($0, 1)), Format.integer($0)) }
        return SVGChart(
            title: "Load-duration curve of facility power", xLabel: "Hours at or above [h]",
            yLabel: "Facility power [MW]",
            points: points, xTicks: ticks
        ).rendered
    }
}
