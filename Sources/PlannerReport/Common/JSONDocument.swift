import Foundation
import PlannerModel

/// A JSON value as dcplan writes it: objects print with sorted keys, numbers as the shortest
/// round-trip text of their (already rounded) value, integers without a fraction (DESIGN.md §8.3).
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Pretty-printed text, two-space indent, `"key" : value`, keys sorted, one trailing newline.
    public var pretty: String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d): out += JSONValue.numberText(d)
        case .string(let s): out += JSONValue.quoted(s)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (n, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 1)
                out += n == items.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            let keys = members.keys.sorted()
            for (n, key) in keys.enumerated() {
                out += pad + JSONValue.quoted(key) + " : "
                members[key]!.write(into: &out, indent: indent + 1)
                out += n == keys.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        }
    }

    /// The shortest text that reads back as `value`: integral values without a fraction
    /// (`15`, never `15.0`), others as Swift's shortest round-trip digits; not-a-number and
    /// infinities (which JSON cannot hold) print as `null`.
    public static func numberText(_ value: Double) -> String {
        value.isFinite ? NumberText.compact(value) : "null"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// The unit of a JSON number, named by the key's suffix (`load_kw`), or by the key of the map
/// holding it (`it_power_kw: {design, …}`). Dimensionless ratios named by their definition (PUE,
/// COP) have no suffix; fractions end in `_fraction`, percentages in `_percent`.
public enum JSONUnit: String, Sendable, CaseIterable {
    case kw = "kW", mw = "MW", mwh = "MWh", gwh = "GWh", kj = "kJ"
    case percent = "%", fraction = "fraction (0-1)"
    case c = "°C", k = "K"
    case m = "m", m2 = "m²", m3 = "m³", mm2 = "mm²", t = "t", kv = "kV", a = "A"
    case m3PerS = "m³/s", lPerMin = "L/min", lPerKWh = "L/kWh", kgPerKWh = "kg CO₂e/kWh"
    case mwPerS = "MW/s", perH = "1/h", tPerMW = "t/MW", knPerM2 = "kN/m²"
    case h = "h", min = "min", s = "s", kg = "kg", kwM = "kW·m", deg = "°", km = "km"
    case usd = "USD", musd = "M USD", usdPerYear = "USD/yr"
    /// A ratio named by its definition (PUE, ERE, COP, an exponent): no unit.
    case ratio = "dimensionless"
    /// An amount in the currency a sibling `currency` key names.
    case currencyPerYear = "currency/yr"

    /// The key suffix that names the unit (nil where the key names a defined ratio, or a sibling
    /// key names the currency).
    public var suffix: String? {
        switch self {
        case .kw: "_kw"
        case .mw: "_mw"
        case .mwh: "_mwh"
        case .gwh: "_gwh"
        case .kj: "_kj"
        case .percent: "_percent"
        case .fraction: "_fraction"
        case .c: "_c"
        case .k: "_k"
        case .m: "_m"
        case .m2: "_m2"
        case .m3: "_m3"
        case .mm2: "_mm2"
        case .t: "_t"
        case .kv: "_kv"
        case .a: "_a"
        case .m3PerS: "_m3_per_s"
        case .lPerMin: "_l_per_min"
        case .lPerKWh: "_l_per_kwh"
        case .kgPerKWh: "_kg_per_kwh"
        case .mwPerS: "_mw_per_s"
        case .perH: "_per_h"
        case .tPerMW: "_t_per_mw_it"
        case .knPerM2: "_kn_per_m2"
        case .h: "_h"
        case .kg: "_kg"
        case .kwM: "_kw_m"
        case .deg: "_deg"
        case .km: "_km"
        case .min: "_min"
        case .s: "_s"
        case .usd: "_usd"
        case .musd: "_musd"
        case .usdPerYear: "_usd_per_year"
        case .ratio, .currencyPerYear: nil
        }
    }
}

/// The declared type of one JSON field: the schema is written from it, and the encoder checks the
/// value it writes against it.
public indirect enum JSONType: Sendable {
    /// A number in `unit`, rounded to `decimals` digits.
    case number(JSONUnit, decimals: Int)
    case integer
    case string(oneOf: [String]?)
    case bool
    case object(JSONObjectSchema)
    case array(JSONType)
    /// An object whose keys are names (`keys`, when known) and whose values share one type.
    case map(JSONType, keys: [String]?)
    /// Either of two types (e.g. an object or the string `"none"`).
    case either(JSONType, JSONType)
}

/// One field of an object: its key, type, presence and meaning.
public struct JSONFieldSchema: Sendable {
    public enum Presence: Sendable {
        /// Always present, never null.
        case required
        /// Always present, null when the quantity does not exist (e.g. no failure to survive).
        case nullable
        /// Present only when the plan has it (e.g. heat recovery).
        case optional
    }
    public var key: String
    public var type: JSONType
    public var presence: Presence
    public var description: String
}

/// An object's declaration, type-erased: what the schema is written from.
public final class JSONObjectSchema: Sendable {
    public let name: String
    public let description: String
    public let fields: [JSONFieldSchema]
    init(name: String, description: String, fields: [JSONFieldSchema]) {
        self.name = name
        self.description = description
        self.fields = fields
    }
}

/// One field of an object built from a `T`: its declaration and how to read it. The encoder and the
/// schema both walk the same `[JSONField<T>]`, so they cannot drift (DESIGN.md §8.3).
public struct JSONField<T> {
    public var schema: JSONFieldSchema
    /// The value for `t`; nil leaves the key out (optional fields) or writes null (nullable ones).
    var read: (T) -> JSONValue?

    init(
        _ key: String, _ type: JSONType, _ presence: JSONFieldSchema.Presence, _ doc: String,
        _ read: @escaping (T) -> JSONValue?
    ) {
        schema = JSONFieldSchema(key: key, type: type, presence: presence, description: doc)
        self.read = read
    }

    /// A number in `unit` rounded to `decimals`.
    public static func number(
        _ key: String, _ unit: JSONUnit, _ decimals: Int = 3, _ presence: JSONFieldSchema.Presence = .required,
        _ doc: String, _ get: @escaping (T) -> Double?
    ) -> Self {
        Self(key, .number(unit, decimals: decimals), presence, doc) { t in
            get(t).map { .number(Format.plain($0, decimals)) }
        }
    }

    public static func integer(
        _ key: String, _ presence: JSONFieldSchema.Presence = .required, _ doc: String, _ get: @escaping (T) -> Int?
    ) -> Self {
        Self(key, .integer, presence, doc) { t in get(t).map { .int($0) } }
    }

    public static func string(
        _ key: String, oneOf: [String]? = nil, _ presence: JSONFieldSchema.Presence = .required, _ doc: String,
        _ get: @escaping (T) -> String?
    ) -> Self {
        Self(key, .string(oneOf: oneOf), presence, doc) { t in get(t).map { .string($0) } }
    }

    public static func bool(
        _ key: String, _ presence: JSONFieldSchema.Presence = .required, _ doc: String, _ get: @escaping (T) -> Bool?
    ) -> Self {
        Self(key, .bool, presence, doc) { t in get(t).map { .bool($0) } }
    }

    /// A list of numbers in `unit` (e.g. a rule table's voltage levels).
    public static func numbers(
        _ key: String, _ unit: JSONUnit, _ decimals: Int = 3, _ presence: JSONFieldSchema.Presence = .required,
        _ doc: String, _ get: @escaping (T) -> [Double]?
    ) -> Self {
        Self(key, .array(.number(unit, decimals: decimals)), presence, doc) { t in
            get(t).map { .array($0.map { .number(Format.plain($0, decimals)) }) }
        }
    }

    public static func strings(_ key: String, _ doc: String, _ get: @escaping (T) -> [String]) -> Self {
        Self(key, .array(.string(oneOf: nil)), .required, doc) { t in .array(get(t).map { .string($0) }) }
    }

    public static func object<U>(
        _ key: String, _ object: JSONObject<U>, _ presence: JSONFieldSchema.Presence = .required, _ doc: String,
        _ get: @escaping (T) -> U?
    ) -> Self {
        Self(key, .object(object.schema), presence, doc) { t in get(t).map(object.value) }
    }

    public static func array<U>(
        _ key: String, of object: JSONObject<U>, _ presence: JSONFieldSchema.Presence = .required, _ doc: String,
        _ get: @escaping (T) -> [U]?
    ) -> Self {
        Self(key, .array(.object(object.schema)), presence, doc) { t in get(t).map { .array($0.map(object.value)) } }
    }

    /// Named numbers of one unit (e.g. `copper_by_level_t`), keys from `keys` when known.
    public static func numberMap(
        _ key: String, _ unit: JSONUnit, _ decimals: Int = 3, keys: [String]?,
        _ presence: JSONFieldSchema.Presence = .required, _ doc: String, _ get: @escaping (T) -> [String: Double]?
    ) -> Self {
        Self(key, .map(.number(unit, decimals: decimals), keys: keys), presence, doc) { t in
            get(t).map { .object($0.mapValues { .number(Format.plain($0, decimals)) }) }
        }
    }

    /// Named counts (e.g. hours by plant mode).
    public static func integerMap(
        _ key: String, keys: [String]?, _ presence: JSONFieldSchema.Presence = .required, _ doc: String,
        _ get: @escaping (T) -> [String: Int]?
    ) -> Self {
        Self(key, .map(.integer, keys: keys), presence, doc) { t in get(t).map { .object($0.mapValues { .int($0) }) } }
    }

    /// Named objects of one kind (e.g. cost by system).
    public static func objectMap<U>(
        _ key: String, _ object: JSONObject<U>, keys: [String]?, _ presence: JSONFieldSchema.Presence = .required,
        _ doc: String, _ get: @escaping (T) -> [String: U]?
    ) -> Self {
        Self(key, .map(.object(object.schema), keys: keys), presence, doc) { t in
            get(t).map { .object($0.mapValues(object.value)) }
        }
    }

    /// An object, or the string `alternative` when `get` gives nil (e.g. generators or "none").
    public static func objectOr<U>(
        _ key: String, _ object: JSONObject<U>, or alternative: String,
        _ presence: JSONFieldSchema.Presence = .required,
        _ doc: String, _ get: @escaping (T) -> U??
    ) -> Self {
        Self(key, .either(.object(object.schema), .string(oneOf: [alternative])), presence, doc) { t in
            get(t).map { $0.map(object.value) ?? .string(alternative) }
        }
    }

    /// The fields of `object` read from `get(t)`, merged into this object (the site's capacity
    /// keys sit beside its other keys).
    public static func inline<U>(_ object: JSONObject<U>, _ get: @escaping (T) -> U) -> [Self] {
        object.fields.map { field in
            Self(field.schema.key, field.schema.type, field.schema.presence, field.schema.description) {
                field.read(get($0))
            }
        }
    }
}

/// An object declared once as a list of fields: `value(_:)` encodes a `T`, `schema` describes it.
public struct JSONObject<T> {
    public let fields: [JSONField<T>]
    public let schema: JSONObjectSchema

    /// `name` names its `$defs` entry in the schema.
    public init(_ name: String, _ description: String, _ fields: [JSONField<T>]) {
        self.fields = fields
        var seen = Set<String>()
        for field in fields {
            precondition(seen.insert(field.schema.key).inserted, "\(name): key \(field.schema.key) twice")
        }
        schema = JSONObjectSchema(name: name, description: description, fields: fields.map(\.schema))
    }

    public init(_ name: String, _ description: String, _ groups: [[JSONField<T>]]) {
        self.init(name, description, groups.flatMap { $0 })
    }

    public func value(_ t: T) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for field in fields {
            switch (field.read(t), field.schema.presence) {
            case (let v?, _): members[field.schema.key] = v
            case (nil, .nullable): members[field.schema.key] = .null
            case (nil, .optional): break
            case (nil, .required):
                preconditionFailure("\(schema.name).\(field.schema.key) is required but has no value")
            }
        }
        return .object(members)
    }
}

extension JSONObjectSchema {
    /// The JSON Schema (Draft 2020-12) of this object as the root, every nested object a `$defs`
    /// entry, objects closed (`additionalProperties: false`) so a key the encoder writes without
    /// declaring it fails validation.
    public func jsonSchema(id: String, title: String) -> JSONValue {
        var defs: [String: JSONValue] = [:]
        var root = objectSchema(defs: &defs)
        guard case .object(var members) = root else { return root }
        members["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        members["$id"] = .string(id)
        members["title"] = .string(title)
        members["$defs"] = .object(defs)
        root = .object(members)
        return root
    }

    func objectSchema(defs: inout [String: JSONValue]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in fields {
            var property = Self.typeSchema(field.type, defs: &defs)
            if field.presence == .nullable {
                property = .object(["anyOf": .array([property, .object(["type": .string("null")])])])
            }
            guard case .object(var members) = property else { continue }
            members["description"] = .string(field.description)
            properties[field.key] = .object(members)
        }
        return .object([
            "type": .string("object"), "description": .string(description), "properties": .object(properties),
            "required": .array(fields.filter { $0.presence != .optional }.map { .string($0.key) }),
            "additionalProperties": .bool(false),
        ])
    }

    static func typeSchema(_ type: JSONType, defs: inout [String: JSONValue]) -> JSONValue {
        switch type {
        case .number(let unit, let decimals):
            return .object([
                "type": .string("number"), "x-unit": .string(unit.rawValue), "x-decimals": .int(decimals),
            ])
        case .integer: return .object(["type": .string("integer")])
        case .string(let values):
            var s: [String: JSONValue] = ["type": .string("string")]
            if let values { s["enum"] = .array(values.map { .string($0) }) }
            return .object(s)
        case .bool: return .object(["type": .string("boolean")])
        case .object(let object):
            if defs[object.name] == nil {
                defs[object.name] = .null // reserve against recursion
                defs[object.name] = object.objectSchema(defs: &defs)
            }
            return .object(["$ref": .string("#/$defs/\(object.name)")])
        case .array(let item):
            return .object(["type": .string("array"), "items": typeSchema(item, defs: &defs)])
        case .map(let value, let keys):
            var s: [String: JSONValue] = [
                "type": .string("object"), "additionalProperties": typeSchema(value, defs: &defs),
            ]
            if let keys { s["propertyNames"] = .object(["enum": .array(keys.map { .string($0) })]) }
            return .object(s)
        case .either(let a, let b):
            return .object(["anyOf": .array([typeSchema(a, defs: &defs), typeSchema(b, defs: &defs)])])
        }
    }
}
