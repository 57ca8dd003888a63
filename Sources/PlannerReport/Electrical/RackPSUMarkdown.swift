import PlannerModel

/// The rack power supplies of the report (DESIGN.md §5.8): per hall and rack type the PSU
/// configuration, its loading at design with all units and after one unit fails, and whether the
/// rack survives; and the cells of the stage table for a rack-end stage sized per rack type.
enum RackPSUMarkdown {
    /// `### Rack power supplies` under the rack power section; empty without a power chain.
    static func section(_ plan: Plan) -> String {
        guard let e = plan.electrical else { return "" }
        var table = MarkdownTable([
            ("Hall", .left), ("Rack type", .left), ("Stage", .left), ("Units per rack", .right),
            ("Unit [kW]", .right), ("Redundancy", .left), ("Firm at redundancy [kW]", .right),
            ("Rack design [kW]", .right), ("Unit loading, all units", .right), ("After one unit fails", .right),
            ("Survives one failure", .left), ("Loss per rack [kW]", .right), ("Confidence", .left), ("Source", .left),
        ])
        var example: (RackTypeResult, String)?
        for hall in e.halls {
            for stage in hall.design.stages {
                for type in stage.rackTypes {
                    let psu = type.supply.psu
                    if example == nil, psu.unitsInstalled > 1 { example = (type, stage.stage) }
                    table.add([
                        "`\(hall.id)`", "`\(type.supply.rackType)`", stage.stage, units(psu),
                        Format.fixed(psu.unitRating.kilowatts, 1), redundancyText(psu),
                        Format.fixed(psu.firmCapacityPerRack.kilowatts, 1), Format.kilowatts(type.supply.rackDesign),
                        Format.percent(type.perGroup.loadingNormal, decimals: 1),
                        type.designLoadingAfterFailure.map { Format.percent($0, decimals: 1) } ?? "load lost",
                        type.survivesOneFailure ? "yes" : "**no** (\(short(type)) kW short)",
                        Format.fixed((type.loss / Double(max(type.supply.racks, 1))).kilowatts, 2),
                        psu.provenance.confidence.label,
                        psu.provenance.source + (psu.provenance.derivation.map { "; " + $0 } ?? ""),
                    ])
                }
            }
        }
        guard !table.rows.isEmpty else { return "" }
        var text = """
            ### Rack power supplies

            Each rack type's own power shelves or PSUs (on 800 VDC the in-rack converters, taken in the \
            same number, rating and redundancy), sized per rack type and evaluated at its own per-unit load \
            on the stage's loss curve. A rack survives one failure when the remaining units carry its \
            design power: `(u − 1)·U ≥ P` (per node for racks of servers with their own PSUs). Firm \
            capacity is what the stated redundancy leaves (N+N: half the units, one feed).


            """
        text += table.rendered
        if let (type, stage) = example {
            let psu = type.supply.psu
            let g = psu.groupsPerRack
            let p = type.supply.rackDesign.kilowatts / Double(g)
            let u = psu.unitsInstalled
            let rating = psu.unitRating.kilowatts
            let node = g > 1 ? " per node (\(g) nodes)" : ""
            text +=
                "\nCheck by hand (`\(type.supply.rackType)`, \(stage)): \(Format.fixed(p, 1)) kW\(node) on "
                + "\(u) × \(Format.fixed(rating, 1)) kW: each unit carries \(Format.fixed(p, 1))/\(u) = "
                + "\(Format.fixed(p / Double(u), 2)) kW = \(Format.fixed(p / Double(u) / rating * 100, 1)) %; after "
                + "one fails \(Format.fixed(p, 1))/\(u - 1) = \(Format.fixed(p / Double(u - 1), 2)) kW = "
                + "\(Format.fixed(p / Double(u - 1) / rating * 100, 1)) %"
                + (p / Double(u - 1) <= rating * (1 + 1e-9) ? " ≤ 100 %: survives.\n" : " > 100 %: does not survive.\n")
        }
        return text
    }

    /// kW one rack of the type falls short after one unit fails.
    static func short(_ type: RackTypeResult) -> String {
        Format.fixed(type.supply.psu.shortAfterOneFailure(rackDesign: type.supply.rackDesign).kilowatts, 1)
    }

    static func units(_ psu: RackPSU) -> String {
        psu.groupsPerRack > 1 ? "\(psu.groupsPerRack) × \(psu.unitsInstalled)" : "\(psu.unitsInstalled)"
    }

    /// `N+N (4+4)`, `N+1 (5+1)`, `N (4)`.
    static func redundancyText(_ psu: RackPSU) -> String {
        let spare = psu.unitsInstalled - psu.firmUnits
        return "\(psu.redundancy) (\(psu.firmUnits)\(spare > 0 ? "+\(spare)" : ""))"
    }

    /// The stage table's redundancy cell of a stage sized per rack type; nil for other stages.
    static func redundancyCell(_ s: StageResult) -> String? {
        guard !s.rackTypes.isEmpty else { return nil }
        return "per rack type: "
            + s.rackTypes.map { "\(redundancyText($0.supply.psu)) in \(Format.integer($0.groups))" }
            .joined(separator: ", ")
    }

    /// The unit rating cell when the rack types' units differ; nil when alike or not per type.
    static func unitRatingCell(_ s: StageResult) -> String? {
        let ratings = Set(s.rackTypes.map(\.supply.psu.unitRating.kilowatts))
        guard ratings.count > 1 else { return nil }
        return ratings.sorted(by: >).map { Format.fixed($0, 1) }.joined(separator: " / ")
    }

    /// The hand check of a rack-end stage sized per rack type: its largest-loss type worked out.
    static func handCheck(_ s: StageResult) -> String {
        guard let t = s.rackTypes.max(by: { $0.loss < $1.loss }) else { return "" }
        let psu = t.supply.psu
        let c = s.curve
        let x = t.perGroup.loadingNormal
        let perUnit = c.perUnitLoss(at: x)
        let groups = t.groups
        var text = "Check by hand (\(s.stage), the largest loss; `\(t.supply.rackType)`, its largest rack type): "
        text += "each of \(Format.integer(groups)) PSU groups carries \(Format.fixed(t.perGroup.load.kilowatts, 2)) kW "
        text += "on \(psu.unitsInstalled) units of \(Format.fixed(psu.unitRating.kilowatts, 1)) kW, "
        text += "so x = \(Format.fixed(x.fraction, 4)); "
        text +=
            "a + b·x + c·x² = \(Format.fixed(c.noLoad, 5)) + \(Format.fixed(c.proportional, 5))·x + "
            + "\(Format.fixed(c.square, 5))·x² = \(Format.fixed(perUnit, 5)); "
        text +=
            "loss = \(Format.integer(groups)) × \(psu.unitsInstalled) × \(Format.fixed(psu.unitRating.kilowatts, 1)) "
            + "kW × \(Format.fixed(perUnit, 5)) = \(Format.fixed(t.loss.kilowatts, 1)) kW"
        let others = s.loss - t.loss
        text +=
            s.rackTypes.count > 1
            ? "; the other rack types add \(Format.fixed(others.kilowatts, 1)) kW, "
                + "\(Format.fixed(s.loss.kilowatts, 1)) kW in all.\n"
            : ".\n"
        return text
    }
}
