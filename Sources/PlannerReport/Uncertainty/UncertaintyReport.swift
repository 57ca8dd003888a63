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
extension PlanJSON {
    /// The headline figures the bands cover, each with its unit (DESIGN.md §5.20).
    static let bandUnits: [(id: String, unit: JSONUnit, decimals: Int)] = [
        ("facility_design_mw", .mw, 6), ("facility_energy_gwh", .gwh, 6), ("pue", .ratio, 6),
        ("wue_l_per_kwh", .lPerKWh, 6), ("copper_t", .t, 3), ("capex_musd", .musd, 6), ("npv_musd", .musd, 6),
    ]

    /// One statistic of every band (`deterministic`, `p10`, `p50`, `p90`), keyed by figure.
    static func bandValues(_ name: String, _ doc: String, _ value: @escaping (UncertaintySummary.Band) -> Double?)
        -> JSONObject<UncertaintySummary>
    {
        JSONObject(
            name, doc,
            bandUnits.map { entry in
                F.number(entry.id, entry.unit, entry.decimals, .optional, entry.id) { u in
                    u.band(entry.id).flatMap(value)
                }
            })
    }

    /// A figure and one input that drives it.
    struct FigureDriver {
        var figure: String
        var driver: UncertaintySummary.Driver
    }

    static var bandDriver: JSONObject<FigureDriver> {
        JSONObject(
            "UncertaintyDriver", "An input that drives a figure: Spearman's rank correlation over the samples.",
            [
                F.string("figure", oneOf: bandUnits.map(\.id), .required, "the headline figure") { $0.figure },
                F.string("input", .required, "the input (spec path or catalogue figure)") { $0.driver.input },
                F.number("spearman_rho", .ratio, 4, .required, "rank correlation, -1 to 1") { $0.driver.rho },
            ])
    }

    static var uncertainInput: JSONObject<UncertainInput> {
        JSONObject(
            "UncertainInput", "An input varied by the sampling, with its distribution and where its spread comes from.",
            [
                F.string("name", .required, "spec path or catalogue figure") { $0.name },
                F.string("distribution", .required, "the distribution, as written") { $0.distribution.description },
                F.string("origin", .required, "the spec, or the catalogue confidence it defaults from") { $0.origin },
            ])
    }

    /// `uncertainty` (DESIGN.md §5.20): Latin hypercube samples and the bands of the headline figures.
    static var uncertainty: JSONObject<UncertaintySummary> {
        JSONObject(
            "Uncertainty", "P10 / P50 / P90 of the headline figures over Latin hypercube samples of the inputs.",
            [
                F.integer("samples", .required, "samples drawn") { $0.samples },
                F.integer("seed", .required, "seed of the sampling") { Int(truncatingIfNeeded: $0.seed) },
                F.integer("failed", .required, "samples that did not plan (left out)") { $0.failed },
                F.integer("check_failed", .required, "samples whose checks failed (kept)") { $0.checkFailed },
                F.object(
                    "deterministic",
                    bandValues("UncertaintyDeterministic", "The plan at central inputs.") { $0.deterministic },
                    .required, "the deterministic plan's values"
                ) { $0 },
                F.object("p10", bandValues("UncertaintyP10", "10th percentiles.") { $0.p10 }, .required, "P10") { $0 },
                F.object("p50", bandValues("UncertaintyP50", "Medians.") { $0.p50 }, .required, "P50") { $0 },
                F.object("p90", bandValues("UncertaintyP90", "90th percentiles.") { $0.p90 }, .required, "P90") { $0 },
                F.array(
                    "drivers", of: bandDriver, .required, "per figure, its significant drivers by falling |rho|"
                ) { u in u.bands.flatMap { band in band.drivers.map { FigureDriver(figure: band.id, driver: $0) } } },
                F.array("inputs", of: uncertainInput, .required, "every input varied") { $0.inputs },
            ])
    }
}
