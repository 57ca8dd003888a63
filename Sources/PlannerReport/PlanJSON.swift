import Foundation
import PlannerModel

/// `plan.json`, the machine contract (DESIGN.md §8): snake_case keys with unit suffixes, sorted,
/// versioned by `schema`. Numbers are rounded to fixed decimals so output is stable.
public enum PlanJSON {
    public static let schema = "dcplan.plan/1"

    public static func render(_ plan: Plan, context: ReportContext) throws -> String {
        try encode(Document(plan: plan, context: context))
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    struct Levels: Encodable {
        var nameplate, design, sustained: Double
        init(_ p: PowerLevels) {
            nameplate = Format.plain(p.nameplate.kilowatts)
            design = Format.plain(p.design.kilowatts)
            sustained = Format.plain(p.sustained.kilowatts)
        }
    }

    struct Heat: Encodable {
        var liquid, air: Double
        init(_ h: HeatSplit) {
            liquid = Format.plain(h.liquid.kilowatts)
            air = Format.plain(h.air.kilowatts)
        }
    }

    /// The fields shared by the site, each hall and each hall copy.
    struct Capacity: Encodable {
        var gpuCount, rackCount: Int
        var racksByRole: [String: Int]
        var itPowerKW: Levels
        var heatKW, heatSustainedKW: Heat
        var floorWeightT: Double
        var racksWithoutWeight: Int

        init(_ s: CapacitySummary) {
            gpuCount = s.gpuCount
            rackCount = s.rackCount
            racksByRole = Dictionary(uniqueKeysWithValues: SystemRole.allCases.map { ($0.rawValue, s.racks($0)) })
            itPowerKW = Levels(s.itPower)
            heatKW = Heat(s.heatDesign)
            heatSustainedKW = Heat(s.heatSustained)
            floorWeightT = Format.plain(s.weight.tonnes)
            racksWithoutWeight = s.racksWithoutWeight
        }

        enum CodingKeys: String, CodingKey {
            case gpuCount = "gpu_count", rackCount = "rack_count", racksByRole = "racks_by_role"
            case itPowerKW = "it_power_kw", heatKW = "heat_kw", heatSustainedKW = "heat_sustained_kw"
            case floorWeightT = "floor_weight_t", racksWithoutWeight = "racks_without_weight"
        }
    }

    struct RackGroupDoc: Encodable {
        var type: String
        var racksPerCopy, gpusPerRack: Int
        var rackPowerKW: Levels
        var liquidFraction: Double
        var confidence: String
        enum CodingKeys: String, CodingKey {
            case type, racksPerCopy = "racks_per_copy", gpusPerRack = "gpus_per_rack", rackPowerKW = "rack_power_kw"
            case liquidFraction = "liquid_fraction", confidence
        }
    }

    struct HallDoc: Encodable {
        var id: String
        var copies: Int
        var total: Capacity
        var perCopy: Capacity
        var rackGroups: [RackGroupDoc]

        func encode(to encoder: any Encoder) throws {
            try total.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(copies, forKey: .copies)
            try container.encode(perCopy, forKey: .perCopy)
            try container.encode(rackGroups, forKey: .rackGroups)
        }
        enum Keys: String, CodingKey { case id, copies, perCopy = "per_copy", rackGroups = "rack_groups" }
    }

    struct FindingDoc: Encodable {
        var severity, subject, message: String
    }

    struct Document: Encodable {
        var plan: Plan
        var context: ReportContext

        func encode(to encoder: any Encoder) throws {
            try Capacity(plan.total).encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            let site = plan.site
            try c.encode(PlanJSON.schema, forKey: .schema)
            try c.encode(site.name, forKey: .site)
            try c.encodeIfPresent(site.operatorName, forKey: .operatorName)
            try c.encodeIfPresent(site.location, forKey: .location)
            try c.encodeIfPresent(site.commissioning, forKey: .commissioning)
            try c.encode(Format.plain(site.utilisation.percent), forKey: .utilisationPercent)
            try c.encode(Format.plain(plan.curve.exponent, 6), forKey: .curveExponent)
            try c.encode(context.specPath, forKey: .spec)
            try c.encode(context.specDigest, forKey: .specSHA256)
            try c.encode(context.version, forKey: .dcplanVersion)
            try c.encode(plan.halls.map(hallDoc), forKey: .halls)
            try c.encode(
                plan.findings.map { FindingDoc(severity: $0.severity.rawValue, subject: $0.subject, message: $0.message) },
                forKey: .findings)
        }

        func hallDoc(_ hall: HallResult) -> HallDoc {
            HallDoc(
                id: hall.id, copies: hall.copies, total: Capacity(hall.total), perCopy: Capacity(hall.perCopy),
                rackGroups: hall.groups.map {
                    RackGroupDoc(
                        type: $0.system.id, racksPerCopy: $0.count, gpusPerRack: $0.system.gpus,
                        rackPowerKW: Levels($0.perRack), liquidFraction: Format.plain($0.system.liquidFraction.fraction, 4),
                        confidence: $0.system.provenance.confidence.rawValue)
                })
        }

        enum Keys: String, CodingKey {
            case schema, site, operatorName = "operator", location, commissioning
            case utilisationPercent = "utilisation_percent", curveExponent = "utilisation_curve_exponent"
            case spec, specSHA256 = "spec_sha256", dcplanVersion = "dcplan_version", halls, findings
        }
    }
}
