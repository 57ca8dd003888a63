import Foundation
import SiteSpec
import Testing
import _PlannerTestSupport

@Suite("JSON Schema")
struct SchemaTests {
    @Test(
        "the committed schemas are what dcplan schema prints (regenerate with dcplan schema > Sites/dcplan-site.schema.json)"
    )
    func committed() throws {
        let site = try String(contentsOfFile: packageRoot + "/Sites/dcplan-site.schema.json", encoding: .utf8)
        let sweep = try String(contentsOfFile: packageRoot + "/Sites/sweeps/dcplan-sweep.schema.json", encoding: .utf8)
        #expect(site == SpecSchema.siteSpec())
        #expect(sweep == SpecSchema.sweepSpec())
    }

    @Test("the schema names every section and marks the required keys")
    func shape() throws {
        let schema = try #require(
            JSONSerialization.jsonObject(with: Data(SpecSchema.siteSpec().utf8)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(
            Set(properties.keys) == [
                "version", "site", "workload", "power", "cooling", "heat_recovery", "compliance", "placement", "halls",
                "catalog", "cost", "phases", "uncertainty",
            ])
        #expect(Set(schema["required"] as? [String] ?? []) == ["version", "site", "halls"])
        let halls = try #require(properties["halls"] as? [String: Any])
        let hall = try #require(halls["items"] as? [String: Any])
        #expect(Set(hall["required"] as? [String] ?? []) == ["id", "racks"])
    }

    /// Runs the independent validator (python-jsonschema, `.ci/validate-schema.py`).
    static func validate(_ schema: String, _ specs: [String], expectInvalid: Bool = false) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", packageRoot + "/.ci/validate-schema.py", schema] + specs
            + (expectInvalid ? ["--expect-invalid"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test("every site and sweep in Sites/ validates against its schema with python-jsonschema; broken specs do not")
    func independentValidator() throws {
        let fm = FileManager.default
        let sites = try fm.contentsOfDirectory(atPath: packageRoot + "/Sites").filter { $0.hasSuffix(".yaml") }.sorted()
            .map { packageRoot + "/Sites/" + $0 }
        let sweeps = try fm.contentsOfDirectory(atPath: packageRoot + "/Sites/sweeps").filter { $0.hasSuffix(".yaml") }
            .sorted()
            .map { packageRoot + "/Sites/sweeps/" + $0 }
        #expect(sites.count >= 6 && sweeps.count >= 3)
        let site = try Self.validate(packageRoot + "/Sites/dcplan-site.schema.json", sites)
        #expect(
            site.status == 0,
            "needs python3 with jsonschema and yaml (apt-get install python3-jsonschema python3-yaml): \(site.output)")
        let sweep = try Self.validate(packageRoot + "/Sites/sweeps/dcplan-sweep.schema.json", sweeps)
        #expect(sweep.status == 0, "\(sweep.output)")
        try withTemporaryDirectory { dir in
            let bad = [
                "version: 1\nsite: { name: x }\nhalls: [{ id: h, racks: [{ type: gb300-nvl72, count: -3 }] }]\n",
                "version: 1\nsite: { name: x }\nhalls: [{ id: h, racks: [{ type: gb300-nvl72, count: 1 }], colour: red "
                    + "}]\n",
                "version: 1\nsite: { name: x }\n",
                "version: 1\nsite: { name: x }\ncooling: { tcs_supply_c: warm }\nhalls: [{ id: h, racks: [{ type: a, "
                    + "count: 1 }] }]\n",
            ]
            var paths: [String] = []
            for (i, text) in bad.enumerated() {
                let path = dir + "/bad\(i).yaml"
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                paths.append(path)
            }
            let result = try Self.validate(packageRoot + "/Sites/dcplan-site.schema.json", paths, expectInvalid: true)
            #expect(result.status == 0, "\(result.output)")
        }
    }
}
