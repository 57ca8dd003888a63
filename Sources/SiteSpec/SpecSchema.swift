import Foundation

/// What one spec key holds, declared beside the loader's keys (every `SpecKey` enum answers
/// `schema` with an exhaustive switch, so a key cannot be added without it), and checked by the
/// reader on every read: in debug builds (the tests) that the kind it reads and whether it
/// requires the key match, in every build that a number lies in its declared `PhysicalRange` (an
/// integer in its `IntegerRange`). `dcplan schema` turns these into a JSON Schema, so the
/// schema and the loader cannot drift apart.
struct KeySchema {
    indirect enum Kind {
        case string(values: [String]?)
        case number(PhysicalRange)
        case integer(IntegerRange)
        case mapping(any SpecMapping.Type)
        case list(of: any SpecMapping.Type)
        case numberList(count: Int?, PhysicalRange)
        case stringList
        case scalarList
    }

    var kind: Kind
    /// What the key means, with its unit and default; the range is added by `description`.
    var summary: String
    var required = false
    /// The default of a `_percent` key, when it has one: with a default of 10 % or more, a
    /// value between 0 and 1 is taken for a fraction and warned about.
    var percentDefault: Double? = nil
    /// The message for a value outside the range, when the generic one would mislead
    /// (`version`: `unsupported version 2; this dcplan reads version 1`).
    var outOfRange: ((String) -> String)? = nil

    init(
        kind: Kind, description: String, required: Bool = false, percentDefault: Double? = nil,
        outOfRange: ((String) -> String)? = nil
    ) {
        self.kind = kind
        self.summary = description
        self.required = required
        self.percentDefault = percentDefault
        self.outOfRange = outOfRange
    }

    /// The summary with the range of a numeric key: `… Range: 0–50 K and above 0.`
    var description: String {
        switch kind {
        case .number(let range), .numberList(_, let range): summary + " Range: \(range.text)."
        case .integer(let range): summary + " Range: \(range.text)."
        default: summary
        }
    }

    static func string(_ description: String, _ values: [String]? = nil, required: Bool = false) -> KeySchema {
        KeySchema(kind: .string(values: values), description: description, required: required)
    }

    static func number(
        _ description: String, _ range: PhysicalRange, required: Bool = false, percentDefault: Double? = nil
    ) -> KeySchema {
        KeySchema(kind: .number(range), description: description, required: required, percentDefault: percentDefault)
    }

    static func integer(
        _ description: String, minimum: Int = 1, maximum: Int = FindingLog.maximumCount, unit: String = "",
        required: Bool = false
    ) -> KeySchema {
        KeySchema(
            kind: .integer(IntegerRange(minimum: minimum, maximum: maximum, unit: unit)), description: description,
            required: required)
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

    /// The message for `value` outside the key's range, nil when it is inside (or the key is not
    /// numeric).
    func violation(_ value: Double) -> String? {
        switch kind {
        case .number(let range), .numberList(_, let range):
            guard !range.contains(value) else { return nil }
            return outOfRange?(Phrase.number(value)) ?? range.violation(value)
        case .integer(let range):
            guard !range.contains(value) else { return nil }
            return outOfRange?(Phrase.number(value)) ?? range.violation(value)
        default:
            return nil
        }
    }
}

/// JSON Schema (draft 2020-12) generation from the `KeySchema` of every key.
public enum SpecSchema {
    /// The JSON Schema of a site spec, as pretty-printed JSON with sorted keys.
    public static func siteSpec() -> String {
        var schema = withDistributions(
            document(SpecDocument.self, title: "dcplan site spec", id: "https://dcplan.dev/schemas/site-spec-1.json"))
        schema["$defs"] = distributionDefinitions
        return render(schema)
    }

    /// `schema` with every number or integer key (and every text key) of every mapping also taking a
    /// distribution (or alternatives), as the loader does (DESIGN.md §5.20); list items are left as they are.
    static func withDistributions(_ schema: [String: Any]) -> [String: Any] {
        var schema = schema
        if var properties = schema["properties"] as? [String: Any] {
            for (key, value) in properties {
                guard var leaf = value as? [String: Any] else { continue }
                let type = leaf["type"]
                let numeric = (type as? String).map { $0 == "number" || $0 == "integer" } ?? false
                let text = leaf["enum"] != nil || (type as? [String])?.contains("string") == true
                if numeric || text {
                    let description = leaf.removeValue(forKey: "description")
                    var wrapped: [String: Any] = [
                        "anyOf": [leaf, ["$ref": numeric ? "#/$defs/distribution" : "#/$defs/alternatives"]]
                    ]
                    wrapped["description"] = description
                    properties[key] = wrapped
                } else {
                    properties[key] = withDistributions(leaf)
                }
            }
            schema["properties"] = properties
        }
        if let items = schema["items"] as? [String: Any], items["properties"] != nil {
            schema["items"] = withDistributions(items)
        }
        return schema
    }

    /// `{ low, typical, high }`, `{ mean, sd }` and `{ alternatives: [...] }`.
    static var distributionDefinitions: [String: Any] {
        [
            "distribution": [
                "description":
                    "A value with a spread (DESIGN.md §5.20): triangular, normal, or equally likely alternatives.",
                "oneOf": [
                    [
                        "type": "object", "additionalProperties": false, "required": ["low", "typical", "high"],
                        "properties": [
                            "low": ["type": "number"], "typical": ["type": "number"], "high": ["type": "number"],
                        ],
                    ],
                    [
                        "type": "object", "additionalProperties": false, "required": ["mean", "sd"],
                        "properties": ["mean": ["type": "number"], "sd": ["type": "number", "minimum": 0]],
                    ],
                    ["$ref": "#/$defs/alternatives"],
                ],
            ] as [String: Any],
            "alternatives": [
                "type": "object", "additionalProperties": false, "required": ["alternatives"],
                "properties": [
                    "alternatives": ["type": "array", "minItems": 1, "items": ["type": ["string", "number"]]]
                ],
            ] as [String: Any],
        ]
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
        case .number(let range):
            value = bounds(range)
        case .integer(let range):
            value = ["type": "integer", "minimum": range.minimum, "maximum": range.maximum]
        case .mapping(let type):
            value = object(type)
        case .list(let type):
            value = ["type": "array", "items": object(type)]
        case .numberList(let count, let range):
            value = ["type": "array", "items": bounds(range)]
            if let count { (value["minItems"], value["maxItems"]) = (count, count) }
        case .stringList:
            value = ["type": "array", "items": ["type": "string"]]
        case .scalarList:
            value = ["type": "array", "items": ["type": ["string", "number"]], "minItems": 1]
        }
        value["description"] = schema.description
        return value
    }

    /// A number within `range`: `minimum`/`exclusiveMinimum` and `maximum`/`exclusiveMaximum`.
    static func bounds(_ range: PhysicalRange) -> [String: Any] {
        var value: [String: Any] = ["type": "number"]
        value[range.lower.isInclusive ? "minimum" : "exclusiveMinimum"] = range.lower.value
        value[range.upper.isInclusive ? "maximum" : "exclusiveMaximum"] = range.upper.value
        return value
    }
}

// MARK: - The keys

private let redundancyForms = "N, N+k (k up to 1000), 2N, 2(N+1), xN/y (e.g. 4N/3) or block"

/// A unit rating (a UPS module, a stage unit): 0.1 kW (a PSU) to 1,000 MW.
private let unitRating = PhysicalRange.within(0.1, 1_000_000, "kW")
/// A rack's power: above 0, at most 2 MW (the densest racks announced draw about 600 kW).
private let rackPower = PhysicalRange.above(0, atMost: 2000, "kW")
/// A sweep range's ends: any value a site key can take lies within ±10⁹.
private let sweepValue = PhysicalRange.within(-1e9, 1e9, "")

extension SpecDocument.Key {
    var schema: KeySchema {
        switch self {
        case .version:
            KeySchema(
                kind: .integer(IntegerRange(minimum: 1, maximum: 1, unit: "")),
                description: "Spec format version; this dcplan reads 1.", required: true,
                outOfRange: { "unsupported version \($0); this dcplan reads version 1" })
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
        case .cost:
            .mapping(
                CostSection.self,
                "Prices, discount rate and horizon of the cost analysis (defaults: the region's tariff, 8 % over 20 "
                    + "years).")
        case .placement:
            .mapping(PlacementSection.self, "Cooling-unit placement (GLPK MILP) for every hall with a layout.")
        case .uncertainty:
            .mapping(
                UncertaintySection.self,
                "Latin hypercube samples of the uncertain inputs: P10 / P50 / P90 of the headline figures "
                    + "(DESIGN.md §5.20). Any number may also be written { low, typical, high }, { mean, sd } or "
                    + "{ alternatives: [...] }.")
        case .phases:
            .list(
                PhaseSpec.self,
                "The phased build-out, in date order: each phase's month, the hall copies it energises, its "
                    + "utilisation ramp and grid contract (default: built at once).")
        }
    }
}

extension PhaseSpec.Key {
    var schema: KeySchema {
        switch self {
        case .date: .string("The month the phase is energised, YYYY-MM; later than the phase before.", required: true)
        case .halls: .list(PhaseHallSpec.self, "The hall copies the phase energises, at least one.", required: true)
        case .utilisationRampPercent:
            .number(
                "The share of each hall's steady utilisation the workload reaches during the phase [%] "
                    + "(default 100).", .above(0, atMost: 100, "%"), percentDefault: 100)
        case .gridContractMW:
            .number(
                "Grid capacity contracted for the phase [MW] (default: site.grid.capacity_mw, else the connection "
                    + "sized for the final build).", .above(0, atMost: 100_000, "MW"))
        case .source: .string("Where the phase comes from: a published plan, or why it is assumed.")
        }
    }
}

extension PhaseHallSpec.Key {
    var schema: KeySchema {
        switch self {
        case .id: .string("A hall ID of halls[].", required: true)
        case .copies:
            .integer(
                "Copies of the hall the phase energises (default: all the copies not yet energised).", maximum: 1000)
        }
    }
}

extension PlacementSection.Key {
    var schema: KeySchema {
        switch self {
        case .timeLimitS:
            .number(
                "Wall-clock limit per placement MILP [s] (default 60); a time-out is a status.",
                .within(0.1, 86_400, "s"))
        case .mipGapPercent:
            .number(
                "Relative MIP gap at which the search stops [%] (default 0.5).", .within(0, 100, "%"),
                percentDefault: 0.5)
        case .sitePitchM:
            .number(
                "Pitch of the generated candidate sites along the front and back walls [m] (default 3).",
                .within(0.1, 100, "m"))
        }
    }
}

extension UnitSiteSpec.Key {
    var schema: KeySchema {
        switch self {
        case .xM: .number("Distance along the rows from the hall's origin [m].", .within(0, 1000, "m"), required: true)
        case .yM:
            .number("Distance across the rows from the hall's origin [m].", .within(0, 1000, "m"), required: true)
        }
    }
}

extension SiteSection.Key {
    var schema: KeySchema {
        switch self {
        case .name: .string("Display name of the site.", required: true)
        case .operator: .string("Who runs it.")
        case .location: .string("Where it is.")
        case .country:
            .string(
                "ISO 3166-1 alpha-2 code of the country (KR, US, DE; other EU/EEA countries take DE's as a "
                    + "stand-in): picks the interconnect rules, MV and LV voltages, grid emission factor and tariff "
                    + "(DESIGN.md §5.17). Default: the region of site.grid.rules, else the code ending site.location, "
                    + "else KR.")
        case .latitude:
            .number(
                "Latitude of the site [° north, WGS 84]; with longitude, the distance to the weather station is "
                    + "checked.",
                .within(-90, 90, "°"))
        case .longitude: .number("Longitude of the site [° east, WGS 84].", .within(-180, 180, "°"))
        case .weatherStandIn:
            .string(
                "Why site.weather is a stand-in for the site's climate (a warning names it); without it, a station "
                    + "more than 25 km from the site is a stand-in.")
        case .weather: .string("EPW weather file, relative to the spec's folder; enables the plant over the year.")
        case .grid: .mapping(GridSection.self, "The utility connection.")
        case .commissioning: .string("Commissioning month, YYYY-MM.")
        case .designConditions:
            .mapping(
                DesignConditionsSection.self,
                "The ASHRAE 0.4 % design condition the cooling is sized for: without a weather file (default: "
                    + "Seoul-Seongnam's, REFERENCE.md D21, §6.1, as a stand-in), or beside one, overriding its design "
                    + "conditions (with source).")
        case .metrics: .mapping(MetricsSection.self, "How PUE and the partial PUEs are drawn.")
        case .houseLoads:
            .mapping(
                HouseLoadsSection.self,
                "Lighting, offices, security, BMS and electrical-room cooling, constant all year (default 1 % of the "
                    + "IT design power, REFERENCE.md P312, L).")
        }
    }
}

extension MetricsSection.Key {
    var schema: KeySchema {
        switch self {
        case .pueBoundary:
            .string(
                "Where IT energy is measured for PUE: iso-30134-2 (at the rack input, the rack's power shelves, PSUs "
                    + "and in-rack converters inside IT; default) or psu-as-facility (their losses counted as "
                    + "facility, for comparison).",
                ["iso-30134-2", "psu-as-facility"])
        }
    }
}

extension RackPSUSpec.Key {
    var schema: KeySchema {
        switch self {
        case .units:
            .integer(
                "Power shelves or PSUs installed (per node with nodes).", minimum: 1, maximum: 1000, required: true)
        case .unitKW: .number("Output rating of one shelf or PSU [kW].", .above(0, atMost: 2000, "kW"), required: true)
        case .redundancy: .string("The redundancy they are built to: n, n+k or n+n.", required: true)
        case .nodes: .integer("Nodes in the rack, each with its own units (default 1).", minimum: 1, maximum: 1000)
        }
    }
}

extension HouseLoadsSection.Key {
    var schema: KeySchema {
        switch self {
        case .percentOfIT:
            .number("House loads as a share of the IT design power [%] (default 1).", .within(0, 50, "%"))
        case .wPerM2:
            .number(
                "House loads per m² of support space [W/m²], with support_area_m2; instead of percent_of_it.",
                .within(0, 2000, "W/m²"))
        case .supportAreaM2:
            .number("Support (non-white) space the w_per_m2 applies to [m²].", .within(0, 10_000_000, "m²"))
        }
    }
}

extension PumpsSection.Key {
    var schema: KeySchema {
        switch self {
        case .facilityWaterHeadM:
            .number(
                "Head of the facility-water pumps, primary + secondary [m] (default 25, REFERENCE.md C61, P310).",
                .above(0, atMost: 200, "m"))
        case .airCoilWaterHeadM:
            .number(
                "Head of the air-coil-water pumps, primary + secondary [m] (default 25, REFERENCE.md C61, P310).",
                .above(0, atMost: 200, "m"))
        case .condenserWaterHeadM:
            .number(
                "Head of the condenser-water pumps of water-cooled chillers [m] (default 21, REFERENCE.md C61).",
                .above(0, atMost: 200, "m"))
        case .efficiencyPercent:
            .number(
                "Pump × motor × drive (wire-to-water) efficiency [%] (default 70, REFERENCE.md C61).",
                .above(0, atMost: 100, "%"), percentDefault: 70)
        case .minimumSpeedPercent:
            .number(
                "Lowest speed of the variable-speed pumps, as a share of design flow [%] (default 30, REFERENCE.md "
                    + "P311).",
                .within(0, 100, "%"), percentDefault: 30)
        }
    }
}

extension DesignConditionsSection.Key {
    var schema: KeySchema {
        switch self {
        case .coolingDryBulbC:
            .number("0.4 % cooling dry bulb [°C].", .within(-70, 70, "°C"), required: true)
        case .coolingWetBulbC:
            .number(
                "Wet bulb coincident with the 0.4 % cooling dry bulb (MCWB) [°C].", .within(-70, 70, "°C"),
                required: true)
        case .evaporationWetBulbC:
            .number("0.4 % evaporation wet bulb [°C].", .within(-70, 70, "°C"), required: true)
        case .evaporationDryBulbC:
            .number(
                "Dry bulb coincident with the 0.4 % evaporation wet bulb (MCDB) [°C].", .within(-70, 70, "°C"),
                required: true)
        case .source:
            .string(
                "Where the values come from (the report says it); required beside site.weather, whose design "
                    + "conditions they then override.")
        }
    }
}

extension GridSection.Key {
    var schema: KeySchema {
        switch self {
        case .frequencyHz: .number("Grid frequency [Hz]; 50 or 60 (default 60, Korea).", .within(50, 60, "Hz"))
        case .interconnectKV:
            .number(
                "Interconnect voltage [kV], one of the rule table's levels; a voltage that cannot carry the "
                    + "site's IT design under the table is an error; default: by the rule table from the peak demand.",
                .within(0.1, 1000, "kV"))
        case .capacityMW:
            .number(
                "Contracted grid capacity [MW]; a facility demand above it is an error (exit 2).",
                .above(0, atMost: 100_000, "MW"))
        case .mainTransformers: .string("Redundancy of the main transformers: \(redundancyForms) (default N+1).")
        case .rules:
            .string(
                "Regional interconnect rule table (default: the region's, site.country, else by the country code "
                    + "ending site.location; KEPCO when none has a table, with a warning).",
                ["kepco", "us-dominion", "eu-de"])
        case .study: .mapping(GridStudySection.self, "The interconnection study: load step and permitted ramp.")
        }
    }
}

extension GridStudySection.Key {
    var schema: KeySchema {
        switch self {
        case .largestJobMW:
            .number(
                "IT design power of the largest job that starts or stops at once [MW] (default: the largest "
                    + "hall's).", .above(0, atMost: 100_000, "MW"))
        case .riseTimeMS:
            .number(
                "Time the job's power takes to rise from idle to full [ms] (default 250).",
                .within(1, 3_600_000, "ms"))
        case .rampLimitMWPerMin:
            .number(
                "Load ramp the operator permits at the connection [MW/min]; zero is an error (default: the rule "
                    + "table's).", .within(0.001, 100_000, "MW/min"))
        }
    }
}

extension BackupSection.Key {
    var schema: KeySchema {
        switch self {
        case .upsAutonomyMin:
            .number("UPS battery autonomy at the IT design load [min] (default 5).", .above(0, atMost: 1440, "min"))
        case .generators:
            .string(
                "Standby generators for the critical load: \(redundancyForms), or none (default N+1).")
        case .generatorKW:
            .number("Rating of one generator set [kW] (default 2500).", .above(0, atMost: 100_000, "kW"))
        case .fuelAutonomyH:
            .number("Hours of stored fuel at the critical load [h] (default 12).", .above(0, atMost: 8760, "h"))
        case .fuelLPerKWh:
            .number("Diesel burnt per kWh generated [L/kWh] (default 0.27).", .above(0, atMost: 10, "L/kWh"))
        }
    }
}

extension PowerSection.Key {
    var schema: KeySchema {
        switch self {
        case .voltageDropLimitPercent:
            .number(
                "Largest voltage drop on a sized conductor run [%] (default 3).", .above(0, atMost: 100, "%"),
                percentDefault: 3)
        case .transients: .mapping(TransientSection.self, "The synchronous-training power swing and its smoothing.")
        case .continuousLoading:
            .mapping(
                ContinuousLoadingSection.self,
                "Largest normal loading of each kind of stage in % of its rating; after a failure 100 %.")
        case .backup: .mapping(BackupSection.self, "UPS autonomy and standby generators.")
        }
    }
}

/// A continuous limit: above 0, at most 100 % of the rating.
private let continuousLimit = PhysicalRange.above(0, atMost: 100, "%")

extension ContinuousLoadingSection.Key {
    var schema: KeySchema {
        switch self {
        case .switchgearPercent:
            .number(
                "MV switchgear and LV switchboards (their breakers) [%] (default 80, NEC's 125 % rule).",
                continuousLimit, percentDefault: 80)
        case .transformerPercent:
            .number("Main and MV/LV transformers [%] (default 100).", continuousLimit, percentDefault: 100)
        case .upsPercent: .number("UPS [%] (default 100).", continuousLimit, percentDefault: 100)
        case .distributionPercent:
            .number(
                "Busways, PDUs and the rack-side cables [%] (default 80, NEC's 125 % rule).", continuousLimit,
                percentDefault: 80)
        case .converterPercent:
            .number(
                "SSTs [%] (default 100); rack shelves and in-rack converters follow the rack's own PSU "
                    + "configuration (catalog.racks[].psu) instead.", continuousLimit,
                percentDefault: 100)
        }
    }
}

extension TransientSection.Key {
    var schema: KeySchema {
        switch self {
        case .swingFactor:
            .number(
                "Peak over steady power in a synchronous-training swing (default 1.4).",
                .within(1, 10, "(peak over steady power)"))
        case .durationMS:
            .number(
                "How long a swing lasts [ms] (default 20).",
                .above(0, atMost: SiteAssembler.maximumSwingMilliseconds, "ms"))
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
        case .tcsSupplyC: .number("Liquid-loop (TCS) supply to the racks [°C] (default 36).", .within(5, 70, "°C"))
        case .tcsDeltaTK: .number("TCS rise across the racks [K] (default 10).", .within(1, 50, "K"))
        case .cdu: .string("CDU model (default cdu-liquidstack-1mw).")
        case .cduRedundancy: .string("CDU redundancy per hall: \(redundancyForms) (default N+1).")
        case .airUnit: .string("Air unit model (default fan-wall-400).")
        case .airRedundancy: .string("Air-unit redundancy per hall (default N+1).")
        case .heatRejection: .string("Economiser in series with the chillers (default dry-cooler-1mw).")
        case .heatRejectionRedundancy: .string("Economiser redundancy (default N+1).")
        case .approachK: .number("Economiser approach [K] (default: the unit's).", .above(0, atMost: 50, "K"))
        case .chiller: .string("Trim chiller model (default chiller-centrifugal-wc-3500).")
        case .facilityWaterDeltaTK: .number("Facility-water return − supply [K] (default 10).", .within(1, 50, "K"))
        case .chillerRedundancy: .string("Chiller redundancy per loop (default N+1).")
        case .plant:
            .mapping(
                CoolingPlantSection.self,
                "Per-loop plant settings: facility_water (the CDUs' loop) and air_coil_water (the air units' loop).")
        case .airSupplyC:
            .number("Supply air to the racks [°C] (default 25).", .within(5, 45, "°C (ASHRAE A4 allowable)"))
        case .extremeDryBulbC:
            .number(
                "Extreme outdoor dry bulb the plant is checked at with one chiller and one economiser out [°C] "
                    + "(default: the weather file's 50-year extreme).", .within(-70, 70, "°C"))
        case .extremeWetBulbC:
            .number(
                "Wet bulb paired with the extreme dry bulb [°C] (default: the 0.4 % evaporation wet bulb).",
                .within(-70, 70, "°C"))
        case .classHoursOutsideRecommendedH:
            .integer(
                "Hours a year outside the ASHRAE class's recommended range before it is a finding (default 0).",
                minimum: 0, maximum: 8784)
        case .pumps: .mapping(PumpsSection.self, "The plant's water pumps: heads, efficiency, minimum speed.")
        }
    }
}

extension CoolingPlantSection.Key {
    var schema: KeySchema {
        switch self {
        case .facilityWater:
            .mapping(CoolingLoopSection.self, "The facility-water loop the CDUs reject the liquid heat into.")
        case .airCoilWater: .mapping(CoolingLoopSection.self, "The air-coil water loop of the air units.")
        }
    }
}

extension CoolingLoopSection.Key {
    var schema: KeySchema {
        switch self {
        case .chillerUnits:
            .integer(
                "Chillers installed on this loop, spares included (default: the chillers the design duty requires "
                    + "plus the redundancy's spares; 0: free cooling only).", minimum: 0, maximum: 1000)
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
            .number(
                "Heat the network can take at the heating design condition [MW].", .above(0, atMost: 10_000, "MW"),
                required: true)
        case .source:
            .string(
                "Loop the heat pumps draw from (default facility-water-return).",
                ["facility-water-return", "tcs-return"])
        case .heatPump:
            .string(
                "Heat-pump entry (default hp-high-temp-10mw for korean-high-temperature, hp-district-10mw for "
                    + "fourth-generation).",
                ["hp-district-10mw", "hp-high-temp-10mw"])
        case .supplyC:
            .number("Network supply [°C], fixed all year (default: the preset's).", .within(0, 150, "°C"))
        case .returnC: .number("Network return [°C] (default: the preset's).", .within(0, 150, "°C"))
        case .electricityPrice:
            .number("Heat-pump electricity price [USD/MWh] (default 120, L).", .within(0, 10_000, "USD/MWh"))
        case .heatPrice:
            .number("Price paid for heat delivered [USD/MWh] (default 70, L).", .within(0, 10_000, "USD/MWh"))
        case .heatPumpCost:
            .number("Installed heat-pump cost [USD/kW heat] (default: the entry's).", .within(0, 100_000, "USD/kW"))
        case .discountRatePercent:
            .number("Real discount rate [%] (default 7).", .within(0, 100, "%"), percentDefault: 7)
        case .lifetimeYears:
            .integer("Heat-pump lifetime for the annuity (default 20).", minimum: 1, maximum: 100, unit: "years")
        case .minimumERFPercent:
            .number("ERF the site must reach [%]; infeasible → exit 2.", .within(0, 100, "%"))
        case .maximumCapacityMW:
            .number("Largest heat-pump capacity the optimiser may choose [MW].", .above(0, atMost: 10_000, "MW"))
        case .representativeDays:
            .integer(
                "Solve on this many representative days instead of 8,760 hours.", minimum: 1, maximum: 365,
                unit: "days")
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
            .number(
                "Stored heat lost per hour [%] (default 0.1).", PhysicalRange(.inclusive(0), .exclusive(100), "%"),
                percentDefault: 0.1)
        case .maximumMWh:
            .number(
                "Largest storage the optimiser may choose [MWh] (default: none).",
                .above(0, atMost: 1_000_000, "MWh"))
        case .costUSDPerMWh:
            .number("Installed storage cost [USD/MWh] (default 3000, L).", .within(0, 1_000_000, "USD/MWh"))
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
                "Grid emission factor for CUE [kg CO₂e/kWh] (default 0.4594, Korea, L).", .within(0, 2, "kg CO₂e/kWh"))
        case .onFail:
            .string(
                "What a FAIL does: a warning, or an error that makes plan exit 2 (default warning).",
                ["warning", "error"])
        case .elcFullLoadMaxPercent:
            .number(
                "ASHRAE 90.4 maximum design ELC at 100 % IT load [%] (no default: REFERENCE.md §4.7).",
                .within(0, 100, "%"))
        case .elcHalfLoadMaxPercent:
            .number("ASHRAE 90.4 maximum design ELC at 50 % IT load [%] (no default).", .within(0, 100, "%"))
        case .mlcMax:
            .number(
                "ASHRAE 90.4 maximum annual MLC (mechanical energy / IT energy) for the climate zone (no default).",
                .within(0, 10, ""))
        case .climateZone: .string("ASHRAE climate zone the MLC maximum is for, e.g. 4A.")
        }
    }
}

extension HallPowerSection.Key {
    var schema: KeySchema {
        switch self {
        case .distribution:
            .string(
                "The hall's chain from the site's MV to the racks (default: the region's, ac-415v in KR and DE, "
                    + "ac-480v in the US).", ["ac-415v", "ac-480v", "dc-800v"])
        case .topology:
            .string(
                "Paths below the MV switchgear: 2N (A/B paths), xN/y (e.g. 4N/3, every rack on two systems), "
                    + "block or block+k (catcher), N (single path); 2N and xN/y need dual-corded racks (default 2N).")
        case .ups: .mapping(UPSSection.self, "UPS modules in a frame: their redundancy, size and mode.")
        case .electricalRoomM:
            .number(
                "Cable route from the electrical room to the nearest rack row [m] (default 15).",
                .above(0, atMost: 2000, "m"))
        case .chain: .list(ChainStageSpec.self, "A custom chain, 22.9 kV first, rack last.")
        }
    }
}

extension ChainStageSpec.Key {
    var schema: KeySchema {
        switch self {
        case .stage: .string("A built-in stage ID (dcplan catalog stages) or one from catalog.stages.", required: true)
        case .redundancy: .string("The stage's redundancy (default N+1).")
        case .unitKW: .number("Unit rating override [kW].", unitRating)
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
        case .ratingKW: .number("Unit rating [kW].", unitRating)
        case .ratingKVA: .number("Unit rating [kVA].", .within(0.1, 1_000_000, "kVA"))
        case .powerFactor: .number("Power factor of the load (default 0.95 AC, 1 DC).", .within(0.5, 1, ""))
        case .efficiency: .list(EfficiencyPointSpec.self, "Efficiency points; the loss curve is refitted.")
        case .source: .string("Where the numbers come from.", required: true)
        case .confidence: .string("How sure the source is (default L).", ["H", "M", "L"])
        }
    }
}

extension EfficiencyPointSpec.Key {
    var schema: KeySchema {
        switch self {
        case .loadPercent: .number("Load [%].", .within(1, 150, "%"), required: true)
        case .efficiencyPercent: .number("Efficiency at that load [%].", .within(50, 100, "%"), required: true)
        }
    }
}

extension UPSSection.Key {
    var schema: KeySchema {
        switch self {
        case .topology:
            .string(
                "Redundancy of the UPS modules paralleled in one frame: N or N+k (default N+1); in a 2N hall N+1 "
                    + "makes 2(N+1).")
        case .moduleKW: .number("UPS module rating [kW] (default 1000).", unitRating)
        case .mode: .string("UPS operating mode (default double-conversion).", ["double-conversion", "eco"])
        }
    }
}

extension WorkloadSection.Key {
    var schema: KeySchema {
        switch self {
        case .utilisationPercent:
            .number(
                "Sustained utilisation of the compute racks [%] (default 80).", .within(0, 100, "%"),
                percentDefault: 80)
        case .dailyProfilePercent:
            KeySchema(
                kind: .numberList(count: 24, .within(0, 1000, "% of the sustained utilisation")),
                description:
                    "24 hourly values (00:00–01:00 first) in % of the sustained utilisation, for the annual "
                    + "simulation.",
                percentDefault: 100)
        }
    }
}

extension HallSpec.Key {
    var schema: KeySchema {
        switch self {
        case .id: .string("Unique hall ID: lower-case letters, digits and '-'.", required: true)
        case .copies: .integer("Number of identical halls (default 1).", maximum: 1000)
        case .utilisationPercent:
            .number(
                "Overrides the site's utilisation for this hall [%] (default: the site's, 80).", .within(0, 100, "%"),
                percentDefault: 80)
        case .layout: .mapping(LayoutSpec.self, "The floor grid of rack positions.")
        case .power: .mapping(HallPowerSection.self, "The hall's power distribution.")
        case .racks: .list(RackGroupSpec.self, "Rack groups, at least one.", required: true)
        }
    }
}

extension LayoutSpec.Key {
    var schema: KeySchema {
        switch self {
        case .rows: .integer("Rows of rack positions.", maximum: 1000, required: true)
        case .racksPerRow: .integer("Rack positions per row.", maximum: 1000, required: true)
        case .rackPitchM: .number("Width of one rack position [m] (default 0.6).", .within(0.3, 3, "m"))
        case .aisleM: .number("Aisle width between rows [m] (default 1.2).", .within(0.5, 10, "m"))
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
        case .count: .integer("Racks per copy of the hall.", maximum: 100_000, required: true)
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
        case .gpus: .integer("GPUs per rack.", minimum: 0, maximum: 1000)
        case .nameplateKW: .number("Installed PSU capacity [kW].", rackPower)
        case .designKW: .number("Planning peak [kW].", rackPower)
        case .idleKW: .number("Idle draw [kW].", .within(0, 2000, "kW"))
        case .liquidFraction: .number("Heat share to liquid.", .within(0, 1, ""))
        case .weightKG: .number("Rack mass [kg].", .above(0, atMost: 10_000, "kg"))
        case .psu:
            .mapping(
                RackPSUSpec.self,
                "The rack's own power shelves or PSUs (default based_on's, else ⌈design/33 kW⌉ + 1 shelves, L).")
        case .source: .string("Where the numbers come from.", required: true)
        case .confidence: .string("How sure the source is (default L).", ["H", "M", "L"])
        case .feeds:
            .integer(
                "Power feeds: 2 dual-corded (A and B), 1 single-corded; 2N and xN/y halls need 2 (default 2, or "
                    + "the based_on entry's).", minimum: 1, maximum: 2)
        }
    }
}

extension SweepDocument.Key {
    var schema: KeySchema {
        switch self {
        case .version:
            KeySchema(
                kind: .integer(IntegerRange(minimum: 1, maximum: 1, unit: "")), description: "Sweep format version; 1.",
                required: true, outOfRange: { "unsupported version \($0); this dcplan reads sweep version 1" })
        case .name: .string("Title of the sweep report (default: the file name).")
        case .base: .string("The site spec to vary, relative to the sweep file.", required: true)
        case .combination: .string("How axes combine (default cartesian).", ["cartesian", "zip"])
        case .analyses: .string("What each scenario runs (default design).", ["design", "annual"])
        case .axes: .list(SweepAxisSpec.self, "The axes, at least one.", required: true)
        case .metrics: KeySchema(kind: .stringList, description: "Metric IDs to record.", required: true)
        case .pareto: KeySchema(kind: .stringList, description: "Two metric IDs for the Pareto front.")
        case .assumptions:
            .string(
                "How the best decisions and the Pareto front summarise the assumption axes: the worst value of "
                    + "each metric or the mean (default worst).", ["worst", "mean"])
        }
    }
}

extension SweepAxisSpec.Key {
    var schema: KeySchema {
        switch self {
        case .path: .string("A site-spec path: keys, [n] or [*] after a list.", required: true)
        case .values: KeySchema(kind: .scalarList, description: "The values (numbers or text).")
        case .range: .mapping(SweepRangeSpec.self, "from, from + step, … up to to.")
        case .role:
            .string(
                "decision (a choice; default) or assumption (an input the owner does not control, summarised "
                    + "over per decision).", ["decision", "assumption"])
        }
    }
}

extension SweepRangeSpec.Key {
    var schema: KeySchema {
        switch self {
        case .from: .number("First value.", sweepValue, required: true)
        case .to: .number("Last value (inclusive).", sweepValue, required: true)
        case .step: .number("Step.", .above(0, atMost: 1e9, ""), required: true)
        }
    }
}
