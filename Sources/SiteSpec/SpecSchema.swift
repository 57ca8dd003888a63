import Foundation

/// What one spec key holds, declared beside the loader's keys (every `SpecKey` enum answers
/// `schema` with an exhaustive switch, so a key cannot be added without it), and checked by the
/// reader on every read in debug builds (the kind it reads and whether it requires the key must
/// match). `dcplan schema` turns these into a JSON Schema, so the schema and the loader cannot
/// drift apart.
struct KeySchema {
    indirect enum Kind {
        case string(values: [String]?)
        case number(minimum: Double?, maximum: Double?)
        case integer(minimum: Int, maximum: Int?)
        case mapping(any SpecMapping.Type)
        case list(of: any SpecMapping.Type)
        case numberList(count: Int?)
        case stringList
        case scalarList
    }

    var kind: Kind
    /// What the key means, with its unit and default.
    var description: String
    var required = false

    static func string(_ description: String, _ values: [String]? = nil, required: Bool = false) -> KeySchema {
        KeySchema(kind: .string(values: values), description: description, required: required)
    }

    static func number(_ description: String, minimum: Double? = nil, maximum: Double? = nil, required: Bool = false)
        -> KeySchema
    {
        KeySchema(kind: .number(minimum: minimum, maximum: maximum), description: description, required: required)
    }

    static func integer(
        _ description: String, minimum: Int = 1, maximum: Int? = FindingLog.maximumCount, required: Bool = false
    )
        -> KeySchema
    {
        KeySchema(kind: .integer(minimum: minimum, maximum: maximum), description: description, required: required)
    }

    static func mapping(_ type: any SpecMapping.Type, _ description: String, required: Bool = false) -> KeySchema {
        KeySchema(kind: .mapping(type), description: description, required: required)
    }

    static func list(_ type: any SpecMapping.Type, _ description: String, required: Bool = false) -> KeySchema {
        KeySchema(kind: .list(of: type), description: description, required: required)
    }

    /// Whether the reader may read this key as `kind`.
    func accepts(_ kind: ValueKind) -> Bool {
        switch (self.kind, kind) {
        case (.string, .string), (.number, .number), (.integer, .integer), (.mapping, .mapping): true
        case (.list, .list), (.numberList, .list), (.stringList, .list), (.scalarList, .list): true
        default: false
        }
    }
}

/// JSON Schema (draft 2020-12) generation from the `KeySchema` of every key.
public enum SpecSchema {
    /// The JSON Schema of a site spec, as pretty-printed JSON with sorted keys.
    public static func siteSpec() -> String {
        render(
            document(SpecDocument.self, title: "dcplan site spec", id: "https://dcplan.dev/schemas/site-spec-1.json"))
    }

    /// The JSON Schema of a sweep spec.
    public static func sweepSpec() -> String {
        render(
            document(SweepDocument.self, title: "dcplan sweep spec", id: "https://dcplan.dev/schemas/sweep-spec-1.json")
        )
    }

    static func document(_ root: any SpecMapping.Type, title: String, id: String) -> [String: Any] {
        var schema = object(root)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = id
        schema["title"] = title
        return schema
    }

    static func render(_ schema: [String: Any]) -> String {
        let data =
            (try? JSONSerialization.data(
                withJSONObject: schema, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func object(_ type: any SpecMapping.Type) -> [String: Any] {
        func open<T: SpecMapping>(_ type: T.Type) -> [String: Any] {
            var properties: [String: Any] = [:]
            var required: [String] = []
            for key in T.Key.allCases {
                properties[key.rawValue] = value(key.schema)
                if key.schema.required { required.append(key.rawValue) }
            }
            var object: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
            if !required.isEmpty { object["required"] = required }
            return object
        }
        return open(type)
    }

    static func value(_ schema: KeySchema) -> [String: Any] {
        var value: [String: Any]
        switch schema.kind {
        case .string(let values):
            // The loader takes any scalar where text is expected (`name: 2027` is "2027").
            value = values.map { ["enum": $0] } ?? ["type": ["string", "number", "integer", "boolean"]]
        case .number(let minimum, let maximum):
            value = ["type": "number"]
            if let minimum { value["minimum"] = minimum }
            if let maximum { value["maximum"] = maximum }
        case .integer(let minimum, let maximum):
            value = ["type": "integer", "minimum": minimum]
            if let maximum { value["maximum"] = maximum }
        case .mapping(let type):
            value = object(type)
        case .list(let type):
            value = ["type": "array", "items": object(type)]
        case .numberList(let count):
            value = ["type": "array", "items": ["type": "number"]]
            if let count { (value["minItems"], value["maxItems"]) = (count, count) }
        case .stringList:
            value = ["type": "array", "items": ["type": "string"]]
        case .scalarList:
            value = ["type": "array", "items": ["type": ["string", "number"]], "minItems": 1]
        }
        value["description"] = schema.description
        return value
    }
}

// MARK: - The keys

private let redundancyForms = "N, N+k, 2N, 2(N+1), xN/y (e.g. 4N/3) or block"

extension SpecDocument.Key {
    var schema: KeySchema {
        switch self {
        case .version: .integer("Spec format version; this dcplan reads 1.", minimum: 1, maximum: 1, required: true)
        case .site: .mapping(SiteSection.self, "The site: name, weather file, grid.", required: true)
        case .workload:
            .mapping(
                WorkloadSection.self, "How hard the racks work: sustained utilisation and an optional daily profile.")
        case .power: .mapping(PowerSection.self, "Site-wide power-chain settings: voltage-drop limit and transients.")
        case .cooling:
            .mapping(
                CoolingSection.self, "Cooling equipment and set points (defaults: the catalogue's, all estimates).")
        case .heatRecovery:
            .mapping(
                HeatRecoverySection.self,
                "Heat pumps selling waste heat to a district-heating network (needs site.weather).")
        case .compliance:
            .mapping(
                ComplianceSection.self,
                "Rule sets the site is checked against, and the grid factor for CUE (needs site.weather).")
        case .halls: .list(HallSpec.self, "The data halls, at least one.", required: true)
        case .catalog: .mapping(CatalogSection.self, "Site-specific rack and power-chain stage entries.")
        case .placement:
            .mapping(PlacementSection.self, "Cooling-unit placement (GLPK MILP) for every hall with a layout.")
        }
    }
}

extension PlacementSection.Key {
    var schema: KeySchema {
        switch self {
        case .timeLimitS: .number("Wall-clock limit per placement MILP [s], > 0 (default 60); a time-out is a status.")
        case .mipGapPercent:
            .number("Relative MIP gap at which the search stops [%], 0–100 (default 0.5).", minimum: 0, maximum: 100)
        case .sitePitchM:
            .number("Pitch of the generated candidate sites along the front and back walls [m] (default 3).")
        }
    }
}

extension UnitSiteSpec.Key {
    var schema: KeySchema {
        switch self {
        case .xM: .number("Distance along the rows from the hall's origin [m].", required: true)
        case .yM: .number("Distance across the rows from the hall's origin [m].", required: true)
        }
    }
}

extension SiteSection.Key {
    var schema: KeySchema {
        switch self {
        case .name: .string("Display name of the site.", required: true)
        case .operator: .string("Who runs it.")
        case .location: .string("Where it is.")
        case .weather: .string("EPW weather file, relative to the spec's folder; enables the plant over the year.")
        case .grid: .mapping(GridSection.self, "The utility connection.")
        case .commissioning: .string("Commissioning month, YYYY-MM.")
        }
    }
}

extension GridSection.Key {
    var schema: KeySchema {
        switch self {
        case .frequencyHz: .number("Grid frequency [Hz]; 50 or 60 (default 60, Korea).")
        case .interconnectKV:
            .number("Interconnect voltage [kV]; default: by the KEPCO rule table from the peak demand.")
        case .capacityMW: .number("Contracted grid capacity [MW]; a facility demand above it is an error (exit 2).")
        case .mainTransformers: .string("Redundancy of the main transformers: \(redundancyForms) (default N+1).")
        }
    }
}

extension PowerSection.Key {
    var schema: KeySchema {
        switch self {
        case .voltageDropLimitPercent:
            .number(
                "Largest voltage drop on a sized conductor run [%], above 0, at most 100 (default 3).", maximum: 100)
        case .transients: .mapping(TransientSection.self, "The synchronous-training power swing and its smoothing.")
        }
    }
}

extension TransientSection.Key {
    var schema: KeySchema {
        switch self {
        case .swingFactor:
            .number(
                "Peak over steady power in a synchronous-training swing, 1–10 (default 1.4).", minimum: 1, maximum: 10)
        case .durationMS: .number("How long a swing lasts [ms] (default 20).")
        case .smoothing:
            .string(
                "Where the storage that smooths the swing sits (default rack).",
                ["rack", "row", "hall", "site", "none"])
        }
    }
}

extension CoolingSection.Key {
    var schema: KeySchema {
        switch self {
        case .tcsSupplyC: .number("Liquid-loop (TCS) supply to the racks [°C], 5–70 (default 36).")
        case .tcsDeltaTK: .number("TCS rise across the racks [K] (default 10).")
        case .cdu: .string("CDU model (default cdu-liquidstack-1mw).")
        case .cduRedundancy: .string("CDU redundancy per hall: \(redundancyForms) (default N+1).")
        case .airUnit: .string("Air unit model (default fan-wall-400).")
        case .airRedundancy: .string("Air-unit redundancy per hall (default N+1).")
        case .heatRejection: .string("Economiser in series with the chillers (default dry-cooler-1mw).")
        case .heatRejectionRedundancy: .string("Economiser redundancy (default N+1).")
        case .approachK: .number("Economiser approach [K] > 0 (default: the unit's).")
        case .chiller: .string("Trim chiller model (default chiller-centrifugal-wc-3500).")
        case .facilityWaterDeltaTK: .number("Facility-water return − supply [K] (default 10).")
        case .chillerRedundancy: .string("Chiller redundancy per loop (default N+1).")
        case .chillerUnits:
            .integer("Chillers installed per loop, 0 or more (default: sized for the design condition).", minimum: 0)
        case .airSupplyC: .number("Supply air to the racks [°C], 5–45 (default 25).")
        }
    }
}

extension HeatRecoverySection.Key {
    var schema: KeySchema {
        switch self {
        case .network:
            .string(
                "District-heating network preset.", ["korean-high-temperature", "fourth-generation"], required: true)
        case .peakDemandMW:
            .number("Heat the network can take at the heating design condition [MW], positive.", required: true)
        case .source:
            .string(
                "Loop the heat pumps draw from (default facility-water-return).",
                ["facility-water-return", "tcs-return"])
        case .heatPump:
            .string(
                "Heat-pump entry (default hp-high-temp-10mw for korean-high-temperature, hp-district-10mw for "
                    + "fourth-generation).",
                ["hp-district-10mw", "hp-high-temp-10mw"])
        case .supplyC: .number("Network supply [°C], fixed all year (default: the preset's).")
        case .returnC: .number("Network return [°C] (default: the preset's).")
        case .electricityPrice: .number("Heat-pump electricity price [USD/MWh], ≥ 0 (default 120, L).", minimum: 0)
        case .heatPrice: .number("Price paid for heat delivered [USD/MWh], ≥ 0 (default 70, L).", minimum: 0)
        case .heatPumpCost: .number("Installed heat-pump cost [USD/kW heat], ≥ 0 (default: the entry's).", minimum: 0)
        case .discountRatePercent: .number("Real discount rate [%], 0–100 (default 7).", minimum: 0, maximum: 100)
        case .lifetimeYears:
            .integer("Heat-pump lifetime for the annuity [years], 1–100 (default 20).", minimum: 1, maximum: 100)
        case .minimumERFPercent:
            .number("ERF the site must reach [%], 0–100; infeasible → exit 2.", minimum: 0, maximum: 100)
        case .maximumCapacityMW: .number("Largest heat-pump capacity the optimiser may choose [MW], positive.")
        case .representativeDays:
            .integer("Solve on this many representative days instead of 8,760 hours, 1–365.", minimum: 1, maximum: 365)
        case .storage:
            .mapping(
                HeatStorageSection.self, "Hot-water storage the optimiser may size (use with representative_days).")
        }
    }
}

extension HeatStorageSection.Key {
    var schema: KeySchema {
        switch self {
        case .hourlyLossPercent:
            .number("Stored heat lost per hour [%], 0 to below 100 (default 0.1).", minimum: 0, maximum: 100)
        case .maximumMWh: .number("Largest storage the optimiser may choose [MWh], positive (default: none).")
        case .costUSDPerMWh: .number("Installed storage cost [USD/MWh], ≥ 0 (default 3000, L).", minimum: 0)
        }
    }
}

extension ComplianceSection.Key {
    var schema: KeySchema {
        switch self {
        case .rules:
            KeySchema(
                kind: .stringList,
                description:
                    "Rule sets to check: enefg (EnEfG §11), eu-eed (EED Art. 12 KPI pack), ashrae-90.4 (ELC, MLC).",
                required: true)
        case .gridEmission:
            .number(
                "Grid emission factor for CUE [kg CO₂e/kWh], 0–2 (default 0.4594, Korea, L).", minimum: 0, maximum: 2)
        case .onFail:
            .string(
                "What a FAIL does: a warning, or an error that makes plan exit 2 (default warning).",
                ["warning", "error"])
        case .elcFullLoadMaxPercent:
            .number(
                "ASHRAE 90.4 maximum design ELC at 100 % IT load [%] (no default: REFERENCE.md §4.7).", minimum: 0,
                maximum: 100)
        case .elcHalfLoadMaxPercent:
            .number("ASHRAE 90.4 maximum design ELC at 50 % IT load [%] (no default).", minimum: 0, maximum: 100)
        case .mlcMax: .number("ASHRAE 90.4 maximum annual MLC for the climate zone (no default).", minimum: 0)
        case .climateZone: .string("ASHRAE climate zone the MLC maximum is for, e.g. 4A.")
        }
    }
}

extension HallPowerSection.Key {
    var schema: KeySchema {
        switch self {
        case .distribution:
            .string("The hall's chain from 22.9 kV to the racks (default ac-415v).", ["ac-415v", "ac-480v", "dc-800v"])
        case .ups: .mapping(UPSSection.self, "UPS topology, module size and mode.")
        case .electricalRoomM: .number("Cable route from the electrical room to the nearest rack row [m] (default 15).")
        case .chain: .list(ChainStageSpec.self, "A custom chain, 22.9 kV first, rack last.")
        }
    }
}

extension ChainStageSpec.Key {
    var schema: KeySchema {
        switch self {
        case .stage: .string("A built-in stage ID (dcplan catalog stages) or one from catalog.stages.", required: true)
        case .redundancy: .string("The stage's redundancy (default N+1).")
        case .unitKW: .number("Unit rating override [kW].")
        }
    }
}

extension StageEntrySpec.Key {
    var schema: KeySchema {
        switch self {
        case .id: .string("New, unique stage ID.", required: true)
        case .basedOn: .string("Copy every value of this stage entry, then override.")
        case .name: .string("Display name.")
        case .kind:
            .string(
                "What the stage does.",
                [
                    "mv-switchgear", "mv-lv-transformer", "lv-switchboard", "ups-double-conversion", "ups-eco-mode",
                    "ac-distribution",
                    "rack-power-shelf", "solid-state-transformer", "dc-busway", "dc-converter",
                ])
        case .ratingKW: .number("Unit rating [kW].")
        case .ratingKVA: .number("Unit rating [kVA].")
        case .powerFactor: .number("Power factor of the load, 0–1 (default 0.95 AC, 1 DC).")
        case .efficiency: .list(EfficiencyPointSpec.self, "Efficiency points; the loss curve is refitted.")
        case .source: .string("Where the numbers come from.", required: true)
        case .confidence: .string("How sure the source is (default L).", ["H", "M", "L"])
        }
    }
}

extension EfficiencyPointSpec.Key {
    var schema: KeySchema {
        switch self {
        case .loadPercent: .number("Load [%].", required: true)
        case .efficiencyPercent: .number("Efficiency at that load [%].", required: true)
        }
    }
}

extension UPSSection.Key {
    var schema: KeySchema {
        switch self {
        case .topology: .string("UPS and LV-path redundancy: \(redundancyForms) (default N+1).")
        case .moduleKW: .number("UPS module rating [kW] (default 1000).")
        case .mode: .string("UPS operating mode (default double-conversion).", ["double-conversion", "eco"])
        }
    }
}

extension WorkloadSection.Key {
    var schema: KeySchema {
        switch self {
        case .utilisationPercent:
            .number("Sustained utilisation of the compute racks [%], 0–100 (default 80).", minimum: 0, maximum: 100)
        case .dailyProfilePercent:
            KeySchema(
                kind: .numberList(count: 24),
                description:
                    "24 hourly values (00:00–01:00 first) in % of the sustained utilisation, for the annual simulation."
            )
        }
    }
}

extension HallSpec.Key {
    var schema: KeySchema {
        switch self {
        case .id: .string("Unique hall ID: lower-case letters, digits and '-'.", required: true)
        case .copies: .integer("Number of identical halls (default 1).")
        case .utilisationPercent:
            .number("Overrides the site's utilisation for this hall [%].", minimum: 0, maximum: 100)
        case .layout: .mapping(LayoutSpec.self, "The floor grid of rack positions.")
        case .power: .mapping(HallPowerSection.self, "The hall's power distribution.")
        case .racks: .list(RackGroupSpec.self, "Rack groups, at least one.", required: true)
        }
    }
}

extension LayoutSpec.Key {
    var schema: KeySchema {
        switch self {
        case .rows: .integer("Rows of rack positions.", required: true)
        case .racksPerRow: .integer("Rack positions per row.", required: true)
        case .rackPitchM: .number("Width of one rack position [m] (default 0.6).")
        case .aisleM: .number("Aisle width between rows [m] (default 1.2).")
        case .unitSites:
            .list(
                UnitSiteSpec.self,
                "Candidate sites for cooling units (default: both row ends and wall slots every "
                    + "placement.site_pitch_m)."
            )
        }
    }
}

extension RackGroupSpec.Key {
    var schema: KeySchema {
        switch self {
        case .type: .string("A rack entry ID (dcplan catalog list) or one from catalog.racks.", required: true)
        case .count: .integer("Racks per copy of the hall.", required: true)
        }
    }
}

extension CatalogSection.Key {
    var schema: KeySchema {
        switch self {
        case .racks: .list(RackEntrySpec.self, "Site-specific rack entries or variants of built-in ones.")
        case .stages: .list(StageEntrySpec.self, "Site-specific power-chain stage entries.")
        }
    }
}

extension RackEntrySpec.Key {
    var schema: KeySchema {
        switch self {
        case .id: .string("New rack ID.", required: true)
        case .basedOn: .string("A rack entry to copy, then override.")
        case .name: .string("Display name.")
        case .role: .string("What the rack is for.", ["compute", "network", "storage"])
        case .gpus: .integer("GPUs per rack.", minimum: 0)
        case .nameplateKW: .number("Installed PSU capacity [kW].")
        case .designKW: .number("Planning peak [kW].")
        case .idleKW: .number("Idle draw [kW].")
        case .liquidFraction: .number("Heat share to liquid, 0–1.", minimum: 0, maximum: 1)
        case .weightKG: .number("Rack mass [kg].")
        case .source: .string("Where the numbers come from.", required: true)
        case .confidence: .string("How sure the source is (default L).", ["H", "M", "L"])
        }
    }
}

extension SweepDocument.Key {
    var schema: KeySchema {
        switch self {
        case .version: .integer("Sweep format version; 1.", minimum: 1, maximum: 1, required: true)
        case .name: .string("Title of the sweep report (default: the file name).")
        case .base: .string("The site spec to vary, relative to the sweep file.", required: true)
        case .combination: .string("How axes combine (default cartesian).", ["cartesian", "zip"])
        case .analyses: .string("What each scenario runs (default design).", ["design", "annual"])
        case .axes: .list(SweepAxisSpec.self, "The axes, at least one.", required: true)
        case .metrics: KeySchema(kind: .stringList, description: "Metric IDs to record.", required: true)
        case .pareto: KeySchema(kind: .stringList, description: "Two metric IDs for the Pareto front.")
        }
    }
}

extension SweepAxisSpec.Key {
    var schema: KeySchema {
        switch self {
        case .path: .string("A site-spec path: keys, [n] or [*] after a list.", required: true)
        case .values: KeySchema(kind: .scalarList, description: "The values (numbers or text).")
        case .range: .mapping(SweepRangeSpec.self, "from, from + step, … up to to.")
        }
    }
}

extension SweepRangeSpec.Key {
    var schema: KeySchema {
        switch self {
        case .from: .number("First value.", required: true)
        case .to: .number("Last value (inclusive).", required: true)
        case .step: .number("Step > 0.", required: true)
        }
    }
}
