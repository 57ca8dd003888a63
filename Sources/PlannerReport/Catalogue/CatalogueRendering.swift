import PlannerModel

/// Catalogue entries as JSON (`dcplan catalog list|show --json`) and as a text table.
public enum CatalogueRendering {
    struct EntryDoc: Encodable {
        var id, name, form, role: String
        var gpus: Int
        var nameplateKW, designKW, idleKW, liquidFraction: Double
        var weightKG: Double?
        var nodes: Int?
        var node: String?
        var source, confidence: String
        var derivation: String?

        init(_ e: SystemEntry) {
            id = e.id
            name = e.name
            form = e.form.rawValue
            role = e.role.rawValue
            gpus = e.gpus
            nameplateKW = Format.plain(e.nameplatePower.kilowatts)
            designKW = Format.plain(e.designPower.kilowatts)
            idleKW = Format.plain(e.idlePower.kilowatts)
            liquidFraction = Format.plain(e.liquidFraction.fraction, 4)
            weightKG = e.weight.map { Format.plain($0.kilograms) }
            nodes = e.composition?.nodes
            node = e.composition?.nodeID
            source = e.provenance.source
            confidence = e.provenance.confidence.rawValue
            derivation = e.provenance.derivation
        }

        /// `weight_kg` is always present (null when unknown); the composition only for racks of nodes.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(form, forKey: .form)
            try c.encode(role, forKey: .role)
            try c.encode(gpus, forKey: .gpus)
            try c.encode(nameplateKW, forKey: .nameplateKW)
            try c.encode(designKW, forKey: .designKW)
            try c.encode(idleKW, forKey: .idleKW)
            try c.encode(liquidFraction, forKey: .liquidFraction)
            try c.encode(weightKG, forKey: .weightKG)
            try c.encodeIfPresent(nodes, forKey: .nodes)
            try c.encodeIfPresent(node, forKey: .node)
            try c.encode(source, forKey: .source)
            try c.encode(confidence, forKey: .confidence)
            try c.encodeIfPresent(derivation, forKey: .derivation)
        }

        enum CodingKeys: String, CodingKey {
            case id, name, form, role, gpus, nameplateKW = "nameplate_kw", designKW = "design_kw", idleKW = "idle_kw"
            case liquidFraction = "liquid_fraction", weightKG = "weight_kg", nodes, node, source, confidence, derivation
        }
    }

    /// A JSON array of entries (no trailing newline).
    public static func json(_ entries: [SystemEntry]) throws -> String {
        String(try PlanJSON.encode(entries.map(EntryDoc.init)).dropLast())
    }
    /// One entry as a JSON object (no trailing newline).
    public static func json(_ entry: SystemEntry) throws -> String {
        String(try PlanJSON.encode(EntryDoc(entry)).dropLast())
    }

    /// A fixed-width text table for terminals.
    public static func table(_ entries: [SystemEntry]) -> String {
        let headers = [
            "ID", "FORM", "ROLE", "GPUS", "NAMEPLATE kW", "DESIGN kW", "IDLE kW", "LIQUID", "WEIGHT kg", "CONF",
        ]
        let rows = entries.map { e in
            [
                e.id, e.form.rawValue, e.role.rawValue, String(e.gpus), Format.kilowatts(e.nameplatePower),
                Format.kilowatts(e.designPower), Format.kilowatts(e.idlePower),
                Format.fixed(e.liquidFraction.fraction, 2),
                e.weight.map { Format.fixed($0.kilograms, 1) } ?? "-", e.provenance.confidence.rawValue,
            ]
        }
        return textTable(headers, rows, leftColumns: 3)
    }

    /// A fixed-width text table: the first `leftColumns` columns left-aligned, the rest right-aligned.
    static func textTable(_ headers: [String], _ rows: [[String]], leftColumns: Int) -> String {
        let widths = headers.indices.map { i in ([headers[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i < leftColumns ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }

    /// Every field of one entry, one per line.
    public static func details(_ e: SystemEntry) -> String {
        var lines = [
            "\(e.id): \(e.name)",
            "  form: \(e.form.rawValue)" + (e.composition.map { " (\($0.nodes) × \($0.nodeID))" } ?? ""),
            "  role: \(e.role.rawValue)",
            "  GPUs: \(e.gpus)",
            "  nameplate: \(Format.kilowatts(e.nameplatePower)) kW",
            "  design: \(Format.kilowatts(e.designPower)) kW",
            "  idle: \(Format.kilowatts(e.idlePower)) kW",
            "  liquid-captured heat: \(Format.percent(e.liquidFraction))",
            "  weight: " + (e.weight.map { Format.fixed($0.kilograms, 1) + " kg" } ?? "not in the catalogue's sources"),
            "  confidence: \(e.provenance.confidence.label)",
            "  source: \(e.provenance.source)",
        ]
        if let derivation = e.provenance.derivation { lines.append("  derivation: \(derivation)") }
        return lines.joined(separator: "\n")
    }
}

/// Power-chain stage entries as a text table and JSON (`dcplan catalog stages`).
public enum StageCatalogueRendering {
    struct EntryDoc: Encodable {
        var id, name, kind, source, confidence: String
        var unitRatingKW, powerFactor, a, b, c: Double
        var efficiency: [[String: Double]]
        var derivation: String?
        enum CodingKeys: String, CodingKey {
            case id, name, kind, source, confidence, unitRatingKW = "unit_rating_kw", powerFactor = "power_factor"
            case a = "loss_a", b = "loss_b", c = "loss_c", efficiency = "efficiency_points", derivation
        }
        init(_ e: StageEntry) {
            id = e.id
            name = e.name
            kind = e.kind.rawValue
            source = e.provenance.source
            confidence = e.provenance.confidence.rawValue
            unitRatingKW = Format.plain(e.unitRating.kilowatts)
            powerFactor = Format.plain(e.powerFactor.fraction, 4)
            a = Format.plain(e.curve.noLoad, 8)
            b = Format.plain(e.curve.proportional, 8)
            c = Format.plain(e.curve.square, 8)
            efficiency = e.points.map {
                [
                    "load_percent": Format.plain($0.load.percent),
                    "efficiency_percent": Format.plain($0.efficiency.percent, 4),
                ]
            }
            derivation = e.provenance.derivation
        }
    }

    /// A JSON array of stage entries (no trailing newline).
    public static func json(_ entries: [StageEntry]) throws -> String {
        String(try PlanJSON.encode(entries.map(EntryDoc.init)).dropLast())
    }

    /// One line per entry: ID, kind, unit rating, efficiency points, confidence.
    public static func table(_ entries: [StageEntry]) -> String {
        let width = entries.map(\.id.count).max() ?? 0
        return entries.map { e in
            let points = e.points.map {
                "\(Format.fixed($0.efficiency.percent, 2)) % @ \(Format.fixed($0.load.percent, 0)) %"
            }
            return e.id.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  \(e.kind.rawValue), \(Format.fixed(e.unitRating.kilowatts, 0)) kW, "
                + "\(points.joined(separator: ", ")), \(e.provenance.confidence.rawValue)"
        }.joined(separator: "\n")
    }
}

/// The cost catalogue as a text table and JSON (`dcplan catalog costs`).
public enum CostCatalogueRendering {
    struct EntryDoc: Encodable {
        var id, name, system, unit, currency, source, confidence: String
        var low, typical, high: Double
        var year: Int
        var derivation: String?
        enum CodingKeys: String, CodingKey {
            case id, name, system, unit, currency, source, confidence, low, typical, high, year, derivation
        }
        init(_ e: UnitCostEntry) {
            id = e.id
            name = e.name
            system = e.system.rawValue
            unit = e.measure.rawValue
            currency = e.currency.rawValue
            source = e.provenance.source
            confidence = e.provenance.confidence.rawValue
            low = Format.plain(e.low, 2)
            typical = Format.plain(e.typical, 2)
            high = Format.plain(e.high, 2)
            year = e.year
            derivation = e.provenance.derivation
        }
    }

    /// A JSON array of the entries (no trailing newline).
    public static func json(_ catalogue: CostCatalogue) throws -> String {
        String(try PlanJSON.encode(catalogue.entries.map(EntryDoc.init)).dropLast())
    }

    /// One line per entry: low / typical / high per unit in the source's currency and year, the
    /// same in USD of `year`, and the confidence; then the index and the maintenance shares.
    public static func table(_ catalogue: CostCatalogue, year: Int) -> String {
        let headers = ["ID", "SYSTEM", "PER", "LOW", "TYPICAL", "HIGH", "CUR", "YEAR", "USD \(year) (TYPICAL)", "CONF"]
        let rows = catalogue.entries.map { e in
            [
                e.id, e.system.rawValue, e.measure.rawValue, Format.fixed(e.low, 2), Format.fixed(e.typical, 2),
                Format.fixed(e.high, 2), e.currency.rawValue, String(e.year),
                Format.fixed(e.cost(in: year, index: catalogue.index).typical.dollars, 2),
                e.provenance.confidence.rawValue,
            ]
        }
        var lines = [CatalogueRendering.textTable(headers, rows, leftColumns: 3)]
        lines.append("")
        lines.append(
            "Escalation: \(catalogue.index.provenance.source); \(catalogue.index.provenance.derivation ?? "")")
        lines.append(
            "Maintenance per year: "
                + CostSystem.allCases.compactMap { s in
                    catalogue.maintenance[s].map { "\(s.rawValue) \(Format.fixed($0.percent, 2)) %" }
                }.joined(separator: ", ") + " (\(catalogue.maintenanceSource.source))")
        lines.append(
            "Currencies: "
                + Currency.allCases.map { "1 \($0.rawValue) = \(Format.fixed($0.usdPerUnit, 6)) USD" }
                .joined(separator: ", ") + " (REFERENCE.md C101, C102)")
        return lines.joined(separator: "\n")
    }
}
