import Foundation

/// The pieces every SVG figure of the reports shares (charts, the single-line diagram, floor
/// plans): coordinates with one fixed decimal, escaped text, the document head, and the width
/// estimate that keeps labels inside boxes and inside the drawing.
enum SVGText {
    /// A coordinate or length with one decimal and no thousands separator (`1234.5`), the same on
    /// every machine.
    static func number(_ value: Double) -> String {
        Format.fixed(value, 1).replacingOccurrences(of: ",", with: "")
    }

    /// `s` with `&`, `<` and `>` escaped for text content and attribute values in double quotes
    /// (the reports never put `"` in a label).
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Average advance of a sans-serif character, a generous 0.6 em (Helvetica and DejaVu Sans
    /// average about 0.55 em over mixed text; bold about 0.6).
    static let characterEm = 0.6

    /// The width a line of text takes at a font size, an upper estimate [px]: characters × 0.6 ×
    /// size.
    static func width(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * characterEm * fontSize
    }

    /// The opening `<svg>` element of a `width` × `height` px drawing (viewBox the same size, so
    /// 1 unit = 1 px at 100 % zoom) in the generic sans-serif family, and a white background.
    static func head(width: Double, height: Double, fontSize: Int) -> [String] {
        [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
                + "width=\"\(number(width))\" height=\"\(number(height))\" font-family=\"sans-serif\" "
                + "font-size=\"\(fontSize)\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
        ]
    }
}
