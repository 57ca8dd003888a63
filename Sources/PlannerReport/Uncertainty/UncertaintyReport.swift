import Foundation
import PlannerModel

/// The uncertainty section of a site report and its figure (DESIGN.md §5.20): P10 / P50 / P90 of
/// each headline figure beside the deterministic plan's value, the inputs that drive it, and the
/// inputs varied.
public enum UncertaintyMarkdown {
    /// Short names, units and decimals of the banded figures, by `plan.json` key.
    static let figures: [String: (name: String, unit: String, decimals: Int)] = [
        "facility_design_mw": ("Facility power at design", "MW", 2),
        "facility_energy_gwh": ("Annual facility energy", "GWh", 1),
        "pue": ("Annual PUE", "", 3),
        "wue_l_per_kwh": ("Annual WUE", "L/kWh", 3),
        "copper_t": ("Copper, grid to rack", "t", 1),
        "capex_musd": ("Capital cost, typical", "M USD", 1),
        "npv_musd": ("Lifetime cost (NPV)", "M USD", 1),
    ]

    static func label(_ id: String) -> String {
        guard let f = figures[id] else { return id }
        return f.unit.isEmpty ? f.name : "\(f.name) [\(f.unit)]"
    }

    static func value(_ id: String, _ x: Double) -> String { Format.fixed(x, figures[id]?.decimals ?? 3) }

    /// `150.21 (P10 147.02 – P90 158.80)`: the summary table's cell for a band.
    static func bandText(_ band: UncertaintySummary.Band) -> String {
        "P10 \(value(band.id, band.p10)) · P50 \(value(band.id, band.p50)) · P90 \(value(band.id, band.p90))"
    }

    /// Rows for the summary table: each headline figure's band.
    public static func summaryRows(_ plan: Plan) -> [[String]] {
        guard let u = plan.uncertainty else { return [] }
        return u.bands.map { ["\(label($0.id)), \(Format.integer(u.samples)) samples", bandText($0)] }
    }

    /// The `## Uncertainty` section, or "" without samples.
    public static func section(_ plan: Plan, figures folder: String? = nil) -> String {
        guard let u = plan.uncertainty else { return "" }
        var text = "## Uncertainty\n\n"
        text +=
            "\(Format.integer(u.samples)) Latin hypercube samples (seed \(u.seed)) of \(u.inputs.count) uncertain "
            + "inputs, each sample planned with the annual plant and priced, without placement (DESIGN.md §5.20). "
            + "P10 / P50 / P90 are the 10th, 50th and 90th percentiles over the samples; the deterministic value is "
            + "the plan above (typical values). Drivers are the inputs with the largest Spearman rank correlation ρ "
            + "with the figure.\n\n"
        if let folder { text += "![P10-P90 bands](\(folder)/uncertainty.svg)\n\n" }
        var table = MarkdownTable([
            ("Figure", .left), ("Deterministic", .right), ("P10", .right), ("P50", .right), ("P90", .right),
            ("Drivers (ρ)", .left),
        ])
        for band in u.bands {
            table.add([
                label(band.id), band.deterministic.map { value(band.id, $0) } ?? "–", value(band.id, band.p10),
                value(band.id, band.p50), value(band.id, band.p90),
                band.drivers.map { "`\($0.input)` \(Format.fixed($0.rho, 2))" }.joined(separator: ", "),
            ])
        }
        text += table.rendered + "\n"
        if u.failed > 0 {
            text +=
                "\(Format.integer(u.failed)) of \(Format.integer(u.samples)) samples did not plan and are left out; "
                + "the first: \(u.firstFailure ?? "").\n\n"
        }
        if u.checkFailed > 0 {
            text +=
                "\(Format.integer(u.checkFailed)) of \(Format.integer(u.samples)) samples have an error finding "
                + "(a capacity or plant check failed with those inputs); they are in the bands.\n\n"
        }
        var inputs = MarkdownTable([("Input", .left), ("Distribution", .left), ("Spread from", .left)])
        for input in u.inputs {
            inputs.add(["`\(input.name)`", input.distribution.description, input.origin])
        }
        text += "Inputs varied:\n\n" + inputs.rendered
        return text
    }
}

/// The bands as a figure: one row per headline figure, its P10-P90 bar and P50 tick drawn as a
/// percentage of the deterministic value, with the values in their own units beside it.
public enum UncertaintyChart {
    public static func rendered(_ u: UncertaintySummary) -> String {
        let f = SVGText.number
        let escape = SVGText.escape
        let bands = u.bands.filter { ($0.deterministic ?? 0) != 0 }
        func relative(_ x: Double, _ band: UncertaintySummary.Band) -> Double { (x / band.deterministic! - 1) * 100 }
        let names = bands.map { UncertaintyMarkdown.label($0.id) }
        let notes = bands.map {
            "\(UncertaintyMarkdown.value($0.id, $0.p10)) – \(UncertaintyMarkdown.value($0.id, $0.p90))"
                + " (P50 \(UncertaintyMarkdown.value($0.id, $0.p50)))"
        }
        let fontSize = 13.0
        let left = 24 + (names.map { SVGText.width($0, fontSize: fontSize) }.max() ?? 100)
        let noteWidth = 24 + (notes.map { SVGText.width($0, fontSize: fontSize) }.max() ?? 100)
        let plotWidth = 560.0
        let width = max(1000, left + plotWidth + noteWidth)
        let top = 84.0
        let rowHeight = 40.0
        let plotHeight = rowHeight * Double(max(bands.count, 1))
        let height = top + plotHeight + 64
        // Symmetric axis in percent, a multiple of 5 %.
        let extreme = bands.flatMap { [abs(relative($0.p10, $0)), abs(relative($0.p90, $0))] }.max() ?? 5
        let half = max(5, (extreme / 5).rounded(.up) * 5)
        let step = half <= 10 ? 2.0 : half <= 25 ? 5 : half <= 50 ? 10 : 20
        func px(_ percent: Double) -> Double { left + (percent + half) / (2 * half) * plotWidth }
        var svg = SVGText.head(width: width, height: height, fontSize: Int(fontSize))
        svg.append(
            "<text x=\"\(f(width / 2))\" y=\"26\" text-anchor=\"middle\" font-size=\"16\">"
                + escape("Uncertainty of the headline figures: \(Format.integer(u.samples)) Latin hypercube samples")
                + "</text>")
        // Legend.
        let ly = 52.0
        svg.append(
            "<rect x=\"\(f(left))\" y=\"\(f(ly - 9))\" width=\"36\" height=\"12\" fill=\"#9ecae1\" stroke=\"#3182bd\"/>"
        )
        svg.append("<text x=\"\(f(left + 44))\" y=\"\(f(ly + 2))\">P10 – P90</text>")
        svg.append(
            "<line x1=\"\(f(left + 150))\" y1=\"\(f(ly - 10))\" x2=\"\(f(left + 150))\" y2=\"\(f(ly + 4))\" "
                + "stroke=\"#08306b\" stroke-width=\"3\"/>")
        svg.append("<text x=\"\(f(left + 160))\" y=\"\(f(ly + 2))\">P50</text>")
        svg.append(diamond(left + 220, ly - 3))
        svg.append("<text x=\"\(f(left + 232))\" y=\"\(f(ly + 2))\">deterministic plan (typical inputs)</text>")
        // Grid and axis.
        var tick = -half
        while tick <= half + step / 2 {
            svg.append(
                "<line x1=\"\(f(px(tick)))\" y1=\"\(f(top))\" x2=\"\(f(px(tick)))\" y2=\"\(f(top + plotHeight))\" "
                    + "stroke=\"\(tick == 0 ? "#888" : "#ddd")\"/>")
            svg.append(
                "<text x=\"\(f(px(tick)))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">"
                    + "\(tick > 0 ? "+" : "")\(Format.fixed(tick, 0))</text>")
            tick += step
        }
        svg.append(
            "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(top + plotHeight + 42))\" text-anchor=\"middle\">"
                + "Difference from the deterministic plan [%]</text>")
        svg.append(
            "<text x=\"\(f(left + plotWidth + 12))\" y=\"\(f(top - 8))\">P10 – P90 (P50) in the figure's unit</text>")
        for (k, band) in bands.enumerated() {
            let cy = top + rowHeight * (Double(k) + 0.5)
            let x10 = px(relative(band.p10, band))
            let x90 = px(relative(band.p90, band))
            svg.append(
                "<text x=\"\(f(left - 12))\" y=\"\(f(cy + 4))\" text-anchor=\"end\">\(escape(names[k]))</text>")
            svg.append(
                "<rect x=\"\(f(x10))\" y=\"\(f(cy - 9))\" width=\"\(f(max(x90 - x10, 1)))\" height=\"18\" "
                    + "fill=\"#9ecae1\" stroke=\"#3182bd\"/>")
            let x50 = px(relative(band.p50, band))
            svg.append(
                "<line x1=\"\(f(x50))\" y1=\"\(f(cy - 11))\" x2=\"\(f(x50))\" y2=\"\(f(cy + 11))\" stroke=\"#08306b\" "
                    + "stroke-width=\"3\"/>")
            svg.append(diamond(px(0), cy))
            svg.append("<text x=\"\(f(left + plotWidth + 12))\" y=\"\(f(cy + 4))\">\(escape(notes[k]))</text>")
        }
        svg.append(
            "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" "
                + "fill=\"none\" stroke=\"#333\"/>")
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    static func diamond(_ x: Double, _ y: Double) -> String {
        let f = SVGText.number
        return "<path d=\"M \(f(x)) \(f(y - 6)) L \(f(x + 6)) \(f(y)) L \(f(x)) \(f(y + 6)) L \(f(x - 6)) \(f(y)) Z\" "
            + "fill=\"#e6550d\"/>"
    }
}

/// `plan.json` `uncertainty` (DESIGN.md §5.20): `samples`, `seed`, `failed`, `check_failed`, and
/// per figure key its `deterministic`, `p10`, `p50`, `p90` value and its `drivers`
/// (`[{ input, rho }]`, largest |ρ| first), with the `inputs` varied.
struct UncertaintyDoc: Encodable {
    struct DriverDoc: Encodable {
        var input: String
        var rho: Double
    }
    struct InputDoc: Encodable {
        var name: String
        var distribution: String
        var origin: String
    }
    var samples: Int
    var seed: UInt64
    var failed: Int
    var checkFailed: Int
    var deterministic: [String: Double]
    var p10: [String: Double]
    var p50: [String: Double]
    var p90: [String: Double]
    var drivers: [String: [DriverDoc]]
    var inputs: [InputDoc]

    enum CodingKeys: String, CodingKey {
        case samples, seed, failed, checkFailed = "check_failed", deterministic, p10, p50, p90, drivers, inputs
    }

    init(_ u: UncertaintySummary) {
        samples = u.samples
        seed = u.seed
        failed = u.failed
        checkFailed = u.checkFailed
        func keyed(_ value: (UncertaintySummary.Band) -> Double?) -> [String: Double] {
            var out: [String: Double] = [:]
            for band in u.bands {
                if let x = value(band) { out[band.id] = Format.plain(x, 6) }
            }
            return out
        }
        deterministic = keyed(\.deterministic)
        p10 = keyed(\.p10)
        p50 = keyed(\.p50)
        p90 = keyed(\.p90)
        drivers = Dictionary(
            uniqueKeysWithValues: u.bands.map { band in
                (band.id, band.drivers.map { DriverDoc(input: $0.input, rho: Format.plain($0.rho, 4)) })
            })
        inputs = u.inputs.map { InputDoc(name: $0.name, distribution: $0.distribution.description, origin: $0.origin) }
    }
}
