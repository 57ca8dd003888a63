import PlannerModel

/// One figure of a catalogue entry: its JSON key (which carries the unit, e.g. `capacity_kw`),
/// the label and unit the text view prints, and the value (a number or, rarely, a word).
public struct CatalogueFigure: Hashable, Sendable {
    public var key: String
    public var label: String
    public var value: Double?
    public var text: String?
    public var unit: String
    public var decimals: Int

    public init(_ key: String, _ label: String, _ value: Double, unit: String, decimals: Int = 1) {
        self.key = key
        self.label = label
        self.value = value
        self.text = nil
        self.unit = unit
        self.decimals = decimals
    }

    public init(_ key: String, _ label: String, text: String) {
        self.key = key
        self.label = label
        self.value = nil
        self.text = text
        self.unit = ""
        self.decimals = 0
    }

    /// `label: value unit` for the text view.
    var line: String {
        let shown = text ?? Format.fixed(value ?? 0, decimals) + (unit.isEmpty ? "" : " " + unit)
        return "  \(label): \(shown)"
    }
}

/// A built-in cooling, plant, heat-pump or stage entry as `dcplan catalog list|show` presents it:
/// its figures with their units and its sources (each entry's provenance cites REFERENCE.md rows).
public struct CatalogueItem: Sendable {
    public var id: String
    public var name: String
    public var kind: CatalogueKind
    /// What the entry is within its kind, e.g. `CDU`, `fan-wall`, `dry-cooler`, `water-cooled chiller`.
    public var type: String
    public var figures: [CatalogueFigure]
    public var provenance: Provenance
    /// Further sources, e.g. the placement facts (reach and installed cost) of a floor unit.
    public var otherSources: [(label: String, provenance: Provenance)]

    init(
        id: String, name: String, kind: CatalogueKind, type: String, figures: [CatalogueFigure],
        provenance: Provenance, otherSources: [(label: String, provenance: Provenance)] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.type = type
        self.figures = figures
        self.provenance = provenance
        self.otherSources = otherSources
    }

    static func placement(_ facts: UnitPlacementFacts?) -> ([CatalogueFigure], [(String, Provenance)]) {
        guard let facts else { return ([], []) }
        return (
            [
                CatalogueFigure("reach_m", "placement reach", facts.reach.metres, unit: "m", decimals: 0),
                CatalogueFigure(
                    "unit_cost_usd", "installed cost (placement)", facts.unitCost.dollars, unit: "USD", decimals: 0),
            ], [("placement", facts.provenance)]
        )
    }

    public init(cdu e: CDUEntry) {
        let (place, sources) = Self.placement(e.placement)
        self.init(
            id: e.id, name: e.name, kind: .cooling, type: "CDU",
            figures: [
                CatalogueFigure("capacity_kw", "capacity", e.capacity.kilowatts, unit: "kW"),
                CatalogueFigure("approach_k", "approach (TCS supply − facility water)", e.approach.kelvins, unit: "K"),
                CatalogueFigure(
                    "pump_power_kw", "pump power at design", e.designPumpPower.kilowatts, unit: "kW", decimals: 2),
            ] + place, provenance: e.provenance, otherSources: sources.map { (label: $0.0, provenance: $0.1) })
    }

    public init(airUnit e: AirUnitEntry) {
        let (place, sources) = Self.placement(e.placement)
        self.init(
            id: e.id, name: e.name, kind: .cooling, type: e.kind.rawValue,
            figures: [
                CatalogueFigure("capacity_kw", "sensible capacity", e.capacity.kilowatts, unit: "kW"),
                CatalogueFigure("air_rise_k", "air temperature rise", e.designAirRise.kelvins, unit: "K"),
                CatalogueFigure("fan_pressure_pa", "fan pressure", e.fanPressurePa, unit: "Pa", decimals: 0),
                CatalogueFigure("fan_efficiency_percent", "fan efficiency", e.fanEfficiency.percent, unit: "%"),
                CatalogueFigure(
                    "coil_approach_k", "coil approach (supply air − entering water)", e.coilApproach.kelvins,
                    unit: "K"),
            ] + place, provenance: e.provenance, otherSources: sources.map { (label: $0.0, provenance: $0.1) })
    }

    public init(heatRejection e: HeatRejectionEntry) {
        let reference = e.kind == .coolingTower ? "wet bulb" : "dry bulb"
        var figures = [
            CatalogueFigure("capacity_kw", "capacity", e.capacity.kilowatts, unit: "kW"),
            CatalogueFigure("approach_k", "approach (leaving water − \(reference))", e.approach.kelvins, unit: "K"),
            CatalogueFigure("fan_power_kw", "fan power at full speed", e.designFanPower.kilowatts, unit: "kW"),
            CatalogueFigure("minimum_fan_speed_percent", "minimum fan speed", e.minimumFanSpeed.percent, unit: "%"),
        ]
        if let cycles = e.cyclesOfConcentration {
            figures.append(CatalogueFigure("cycles_of_concentration", "cycles of concentration", cycles, unit: ""))
        }
        if let pads = e.padEffectiveness {
            figures.append(
                CatalogueFigure("pad_effectiveness_percent", "pad saturation effectiveness", pads.percent, unit: "%"))
            figures.append(
                CatalogueFigure(
                    "rated_air_rise_k", "rated air rise through the coil", e.ratedAirRise.kelvins, unit: "K"))
        }
        self.init(
            id: e.id, name: e.name, kind: .plant, type: e.kind.rawValue, figures: figures, provenance: e.provenance)
    }

    public init(chiller e: ChillerEntry) {
        var figures = [
            CatalogueFigure("capacity_kw", "cooling capacity", e.capacity.kilowatts, unit: "kW"),
            CatalogueFigure(
                "carnot_efficiency_percent", "fraction of Carnot COP", e.carnotEfficiency.percent, unit: "%"),
            CatalogueFigure(
                "evaporator_offset_k", "evaporator offset (leaving water − evaporating)", e.evaporatorOffset.kelvins,
                unit: "K"),
            CatalogueFigure("maximum_cop", "COP cap", e.maximumCOP, unit: ""),
        ]
        let type: String
        switch e.condenser {
        case .airCooled(let offset):
            type = "air-cooled chiller"
            figures.append(CatalogueFigure("condenser_offset_k", "condensing − dry bulb", offset.kelvins, unit: "K"))
        case .waterCooled(let rise, let offset):
            type = "water-cooled chiller"
            figures.append(CatalogueFigure("condenser_water_rise_k", "condenser water rise", rise.kelvins, unit: "K"))
            figures.append(
                CatalogueFigure("condenser_offset_k", "condensing − condenser leaving water", offset.kelvins, unit: "K")
            )
        }
        self.init(id: e.id, name: e.name, kind: .plant, type: type, figures: figures, provenance: e.provenance)
    }

    public init(heatPump e: HeatPumpEntry) {
        self.init(
            id: e.id, name: e.name, kind: .heatPump, type: "heat pump",
            figures: [
                CatalogueFigure(
                    "unit_capacity_kw", "heat output per unit", e.unitCapacity.kilowatts, unit: "kW", decimals: 0),
                CatalogueFigure(
                    "carnot_efficiency_percent", "fraction of Carnot COP", e.carnotEfficiency.percent, unit: "%"),
                CatalogueFigure(
                    "sink_approach_k", "sink approach (condensing − supply)", e.sinkApproach.kelvins, unit: "K"),
                CatalogueFigure(
                    "source_approach_k", "source approach (waste heat − evaporating)", e.sourceApproach.kelvins,
                    unit: "K"),
                CatalogueFigure("maximum_cop", "COP cap", e.maximumCOP, unit: ""),
                CatalogueFigure(
                    "maximum_stage_lift_k", "single-stage lift limit", e.maximumStageLift.kelvins, unit: "K"),
                CatalogueFigure(
                    "maximum_sink_c", "highest condensing temperature", e.maximumSinkTemperature.celsius, unit: "°C"),
                CatalogueFigure(
                    "capital_cost_usd_per_kw", "installed cost", e.capitalCostPerKilowatt, unit: "USD/kW", decimals: 0),
            ], provenance: e.provenance)
    }

    public init(stage e: StageEntry) {
        var figures = [
            CatalogueFigure("unit_rating_kw", "unit rating (real power)", e.unitRating.kilowatts, unit: "kW"),
            CatalogueFigure("power_factor", "power factor", e.powerFactor.fraction, unit: "", decimals: 2),
        ]
        if let v = e.outputVoltage {
            figures.append(CatalogueFigure("output_v", "output voltage", v.volts, unit: "V", decimals: 0))
        }
        for point in e.points {
            figures.append(
                CatalogueFigure(
                    "efficiency_percent_at_\(Int(point.load.percent.rounded()))_percent_load",
                    "efficiency at \(Format.fixed(point.load.percent, 0)) % load", point.efficiency.percent, unit: "%",
                    decimals: 2))
        }
        figures += [
            CatalogueFigure("loss_a", "loss curve a (no-load, per unit)", e.curve.noLoad, unit: "", decimals: 6),
            CatalogueFigure("loss_b", "loss curve b (proportional)", e.curve.proportional, unit: "", decimals: 6),
            CatalogueFigure("loss_c", "loss curve c (square)", e.curve.square, unit: "", decimals: 6),
        ]
        self.init(
            id: e.id, name: e.name, kind: .stage, type: e.kind.rawValue, figures: figures, provenance: e.provenance)
    }
}

/// Cooling, plant, heat-pump and stage entries as text and JSON (`dcplan catalog list|show`).
public enum CatalogueItemRendering {
    /// One entry, every figure with its unit, then its sources.
    public static func details(_ item: CatalogueItem) -> String {
        var lines = ["\(item.id): \(item.name)", "  kind: \(item.kind.rawValue) (\(item.type))"]
        lines += item.figures.map(\.line)
        lines.append("  confidence: \(item.provenance.confidence.label)")
        lines.append("  source: \(item.provenance.source)")
        if let derivation = item.provenance.derivation { lines.append("  derivation: \(derivation)") }
        for (label, provenance) in item.otherSources {
            lines.append(
                "  \(label) source: \(provenance.source) (\(provenance.confidence.rawValue))"
                    + (provenance.derivation.map { "; \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    /// One line per entry: ID, type, name, the first power figure (capacity or rating), confidence.
    public static func table(_ items: [CatalogueItem]) -> String {
        let headers = ["ID", "TYPE", "NAME", "CAPACITY kW", "CONF"]
        let rows = items.map { item in
            let first = item.figures.first { $0.value != nil && $0.unit == "kW" }
            return [
                item.id, item.type, item.name, first.map { Format.fixed($0.value ?? 0, 0) } ?? "-",
                item.provenance.confidence.rawValue,
            ]
        }
        return CatalogueRendering.textTable(headers, rows, leftColumns: 3)
    }

    struct Doc: Encodable {
        let item: CatalogueItem
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ s: String) { stringValue = s }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        struct Source: Encodable {
            var label, source, confidence: String
            var derivation: String?
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(item.id, forKey: Key("id"))
            try c.encode(item.name, forKey: Key("name"))
            try c.encode(item.kind.rawValue, forKey: Key("category"))
            try c.encode(item.type, forKey: Key("type"))
            for figure in item.figures {
                if let text = figure.text {
                    try c.encode(text, forKey: Key(figure.key))
                } else {
                    try c.encode(Format.plain(figure.value ?? 0, max(figure.decimals, 3) + 1), forKey: Key(figure.key))
                }
            }
            try c.encode(item.provenance.source, forKey: Key("source"))
            try c.encode(item.provenance.confidence.rawValue, forKey: Key("confidence"))
            try c.encodeIfPresent(item.provenance.derivation, forKey: Key("derivation"))
            if !item.otherSources.isEmpty {
                try c.encode(
                    item.otherSources.map {
                        Source(
                            label: $0.label, source: $0.provenance.source,
                            confidence: $0.provenance.confidence.rawValue, derivation: $0.provenance.derivation)
                    }, forKey: Key("other_sources"))
            }
        }
    }

    /// A JSON array of entries (no trailing newline).
    public static func json(_ items: [CatalogueItem]) throws -> String {
        String(try PlanJSON.encode(items.map(Doc.init)).dropLast())
    }
    /// One entry as a JSON object (no trailing newline).
    public static func json(_ item: CatalogueItem) throws -> String {
        String(try PlanJSON.encode(Doc(item: item)).dropLast())
    }
}
