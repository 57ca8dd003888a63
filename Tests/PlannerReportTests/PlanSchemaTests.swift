import Foundation
import PlannerModel
import PlannerReport
import Testing
import _PlannerTestSupport

/// plan.json's schema (DESIGN.md §8.3): committed, generated from the encoder's declarations, and
/// met by every plan.json dcplan writes.
@Suite("plan.json schema")
struct PlanSchemaTests {
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    static var schema: [String: Any] {
        get throws { try #require(try json(PlanJSON.jsonSchema()) as? [String: Any]) }
    }

    @Test("the committed schema is what dcplan schema --plan prints (regenerate with dcplan schema --plan)")
    func committed() throws {
        let committed = try String(
            contentsOfFile: RepositoryPaths.path("Sites/dcplan-plan.schema.json"), encoding: .utf8)
        #expect(committed == PlanJSON.jsonSchema())
    }

    /// A small structural validator, independent of the encoder: types, `required`, closed objects,
    /// `enum`, items, map values and `anyOf`, following `$ref` into `$defs`. Returns the paths
    /// that fail.
    static func violations(_ value: Any, _ node: [String: Any], root: [String: Any], path: String = "") -> [String] {
        if let ref = node["$ref"] as? String {
            let name = String(ref.dropFirst("#/$defs/".count))
            guard let def = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else {
                return ["\(path): no \(ref)"]
            }
            return violations(value, def, root: root, path: path)
        }
        if let any = node["anyOf"] as? [[String: Any]] {
            return any.contains { violations(value, $0, root: root, path: path).isEmpty }
                ? [] : ["\(path): matches no anyOf"]
        }
        var out: [String] = []
        switch node["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            let properties = node["properties"] as? [String: [String: Any]] ?? [:]
            for key in node["required"] as? [String] ?? [] where object[key] == nil {
                out.append("\(path)/\(key): required but missing")
            }
            for (key, member) in object {
                if let property = properties[key] {
                    out += violations(member, property, root: root, path: "\(path)/\(key)")
                } else if let additional = node["additionalProperties"] as? [String: Any] {
                    out += violations(member, additional, root: root, path: "\(path)/\(key)")
                } else if node["additionalProperties"] as? Bool == false {
                    out.append("\(path)/\(key): not declared")
                }
            }
            if let names = (node["propertyNames"] as? [String: Any])?["enum"] as? [String] {
                out += object.keys.filter { !names.contains($0) }.map { "\(path)/\($0): not an allowed name" }
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            if let items = node["items"] as? [String: Any] {
                for (i, item) in array.enumerated() { out += violations(item, items, root: root, path: "\(path)/\(i)") }
            }
        case "number": if number(value) == nil { out.append("\(path): not a number") }
        case "integer":
            if let n = number(value), n == n.rounded() {} else { out.append("\(path): not an integer") }
        case "string":
            guard let s = value as? String else { return ["\(path): not a string"] }
            if let values = node["enum"] as? [String], !values.contains(s) { out.append("\(path): \(s) not in enum") }
        case "boolean": if !(value is Bool) { out.append("\(path): not a boolean") }
        case "null": if !(value is NSNull) { out.append("\(path): not null") }
        default: break
        }
        return out
    }

    /// A JSON number as parsed by JSONSerialization (Int, Double or NSNumber; on Linux 0 and 1
    /// also read as Bool, so the number/boolean distinction is left to python-jsonschema).
    static func number(_ value: Any) -> Double? {
        switch value {
        case let i as Int: return Double(i)
        case let d as Double: return d
        case let n as NSNumber: return n.doubleValue
        default: return nil
        }
    }

    @Test("a plan's JSON meets the schema: every required key present, nothing undeclared")
    func smallPlanValidates() throws {
        let schema = try Self.schema
        let text = try PlanJSON.render(ReportTests.smallPlan(), context: ReportTests.context)
        #expect(Self.violations(try Self.json(text), schema, root: schema) == [])
        // The validator is not vacuous: a missing required key and an undeclared one are caught.
        var broken = try #require(try Self.json(text) as? [String: Any])
        broken["gpu_count"] = nil
        broken["gpus"] = 1
        #expect(
            Set(Self.violations(broken, schema, root: schema)) == [
                "/gpu_count: required but missing", "/gpus: not declared",
            ])
    }

    @Test("every committed Reports/**/plan.json meets the schema")
    func committedReportsValidate() throws {
        let schema = try Self.schema
        let reports = RepositoryPaths.root.appendingPathComponent("Reports")
        let files = (FileManager.default.enumerator(atPath: reports.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix("/plan.json") }.sorted()
        #expect(files.count >= 6)
        for file in files {
            let text = try String(contentsOfFile: reports.appendingPathComponent(file).path, encoding: .utf8)
            #expect(Self.violations(try Self.json(text), schema, root: schema) == [], "\(file)")
        }
    }

    @Test(
        "the independent validator (python-jsonschema, .ci/validate-plan-json.py) accepts every committed plan.json and rejects a broken one",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"))
    )
    func independentValidator() throws {
        let reports = RepositoryPaths.root.appendingPathComponent("Reports")
        let files = (FileManager.default.enumerator(atPath: reports.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix("/plan.json") }.sorted().map { reports.appendingPathComponent($0).path }
        let schema = RepositoryPaths.path("Sites/dcplan-plan.schema.json")
        let script = RepositoryPaths.path(".ci/validate-plan-json.py")
        let good = try Self.run(["python3", script, schema] + files)
        #expect(good.status == 0, "\(good.output)")
        // A plan.json with a count written as `15.0` and an undeclared key fails.
        let dir = try makeTemporaryDirectory()
        let broken = dir.appendingPathComponent("plan.json")
        let text = try String(contentsOfFile: files[0], encoding: .utf8)
            .replacingOccurrences(of: "\"schema\" :", with: "\"undeclared_kw\" : 15.0,\n  \"schema\" :")
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let bad = try Self.run(["python3", script, schema, broken.path])
        #expect(bad.status == 1)
        #expect(bad.output.contains("undeclared_kw") && bad.output.contains("15.0"), "\(bad.output)")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Every number property of an object, with its key and unit, walking `$defs`.
    static func numberKeys(_ schema: [String: Any]) -> [(owner: String, key: String, unit: String)] {
        var out: [(String, String, String)] = []
        func visit(_ node: [String: Any], owner: String, key: String) {
            if let unit = node["x-unit"] as? String { out.append((owner, key, unit)) }
            if let items = node["items"] as? [String: Any] { visit(items, owner: owner, key: key) }
            if let values = node["additionalProperties"] as? [String: Any] { visit(values, owner: owner, key: key) }
            for alternative in node["anyOf"] as? [[String: Any]] ?? [] { visit(alternative, owner: owner, key: key) }
        }
        let defs = schema["$defs"] as? [String: [String: Any]] ?? [:]
        for (name, def) in defs.sorted(by: { $0.key < $1.key }) + [("Plan", schema)] {
            for (key, property) in def["properties"] as? [String: [String: Any]] ?? [:] {
                visit(property, owner: name, key: key)
            }
        }
        return out
    }

    @Test("every number's key names its unit (or the key holding it does); counts are integers")
    func unitsInKeys() throws {
        let schema = try Self.schema
        let suffixes = Dictionary(uniqueKeysWithValues: JSONUnit.allCases.map { ($0.rawValue, $0.suffix) })
        // Objects whose members share the unit of the key that holds them (it_power_kw: {design, …}).
        let holders: [String: [String]] = [
            "PowerLevels": ["it_power_kw", "rack_power_kw"], "HeatSplit": ["heat_kw", "heat_sustained_kw"],
            "CostRange": ["by_system_usd", "by_hall_usd"], "FacilityPower": ["facility_power_kw"], "Area": ["area_m2"],
        ]
        let keys = Self.numberKeys(schema)
        #expect(keys.count > 200)
        for (owner, key, unit) in keys {
            guard let suffix = suffixes[unit] ?? nil else { continue } // defined ratios, currency named beside
            let ownKey = key.hasSuffix(suffix)
            let holderKey = holders[owner]?.allSatisfy { $0.hasSuffix(suffix) } ?? false
            #expect(ownKey || holderKey, "\(owner).\(key) [\(unit)] does not end in \(suffix)")
        }
        // Dimensionless numbers are only the defined ratios.
        let ratios = Set(keys.filter { $0.unit == JSONUnit.ratio.rawValue }.map(\.key))
        #expect(
            ratios.allSatisfy {
                $0.contains("pue") || $0.contains("cop") || $0 == "ere" || $0.hasPrefix("loss_") || $0 == "spearman_rho"
                    || $0 == "utilisation_curve_exponent"
            }, "\(ratios)")
        // No count is declared as a number: keys naming counts are integers.
        let countLike = keys.filter {
            ["count", "units", "installed", "required", "hours", "feeders", "circuits"].contains($0.key)
        }
        #expect(countLike.isEmpty, "\(countLike)")
    }

    @Test("numbers print as the shortest round-trip text: 15, never 15.0; no float noise")
    func numberText() {
        #expect(JSONValue.numberText(15) == "15")
        #expect(JSONValue.numberText(-0.0) == "0")
        #expect(JSONValue.numberText(26.7338) == "26.7338")
        #expect(JSONValue.numberText(0.1 + 0.2) == "0.30000000000000004") // raw: callers round first
        #expect(JSONValue.numberText(Format.plain(0.1 + 0.2, 3)) == "0.3")
        #expect(JSONValue.numberText(.nan) == "null")
    }
}
