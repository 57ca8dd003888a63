import Catalogue
import PlannerModel
import PlannerReport
import SiteSpec

/// What `dcplan catalog` and `dcplan schema` print: the built-in entries, the power-chain stages
/// and the JSON Schemas, as text.
public enum CatalogueViews {
    /// Every built-in rack and node entry, as a table or JSON.
    public static func list(json: Bool) throws -> String {
        try list(kind: .rack, json: json)
    }

    /// The built-in entries of one kind a spec can name, as a table or JSON.
    public static func list(kind: CatalogueKind, json: Bool) throws -> String {
        guard kind != .rack else {
            let entries = Catalogue.builtIn.entries
            return json ? try CatalogueRendering.json(entries) : CatalogueRendering.table(entries)
        }
        let items = items(kind)
        return json ? try CatalogueItemRendering.json(items) : CatalogueItemRendering.table(items)
    }

    /// The built-in entries of a kind other than racks, in the order the spec loader lists them:
    /// stages (`halls[].power.chain`), CDUs then air units (`cooling.cdu`, `cooling.air_unit`),
    /// heat rejection then chillers (`cooling.heat_rejection`, `cooling.chiller`), heat pumps
    /// (`heat_recovery.heat_pump`). The loader picks from these same lists, so an entry it
    /// accepts is always listed.
    public static func items(_ kind: CatalogueKind) -> [CatalogueItem] {
        switch kind {
        case .rack: []
        case .stage: BuiltInStages.all.map(CatalogueItem.init(stage:))
        case .cooling:
            BuiltInThermal.cdus.map(CatalogueItem.init(cdu:))
                + BuiltInThermal.airUnits.map(CatalogueItem.init(airUnit:))
        case .plant:
            BuiltInThermal.heatRejection.map(CatalogueItem.init(heatRejection:))
                + BuiltInThermal.chillers.map(CatalogueItem.init(chiller:))
        case .heatPump: BuiltInHeatPumps.all.map(CatalogueItem.init(heatPump:))
        }
    }

    /// Every ID `show` knows, racks first (the suggestions for a misspelt rack stay racks).
    public static var allIDs: [String] {
        Catalogue.builtIn.entries.map(\.id) + CatalogueKind.allCases.flatMap { items($0).map(\.id) }
    }

    /// One entry of any kind; an unknown ID fails with the closest IDs as suggestions.
    public static func show(_ id: String, json: Bool) throws -> String {
        if let entry = Catalogue.builtIn.entry(id) {
            return json ? try CatalogueRendering.json(entry) : CatalogueRendering.details(entry)
        }
        for kind in CatalogueKind.allCases {
            if let item = items(kind).first(where: { $0.id == id }) {
                return json ? try CatalogueItemRendering.json(item) : CatalogueItemRendering.details(item)
            }
        }
        let close = EditDistance.closest(to: id, in: allIDs)
        let hint =
            close.isEmpty
            ? "; see 'dcplan catalog list --kind " + CatalogueKind.allCases.map(\.rawValue).joined(separator: "|") + "'"
            : "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?"
        throw RunFailure("unknown catalogue entry '\(id)'" + hint)
    }

    /// The built-in power-chain stages with their efficiency points (JSON adds the fitted loss
    /// coefficients).
    public static func stages(json: Bool) throws -> String {
        let entries = BuiltInStages.all
        return json ? try StageCatalogueRendering.json(entries) : StageCatalogueRendering.table(entries)
    }

    /// The cost catalogue (`dcplan catalog costs`): the table shows each entry also in USD of `year`.
    public static func costs(json: Bool, year: Int) throws -> String {
        let catalogue = BuiltInCosts.catalogue
        return json ? try CostCatalogueRendering.json(catalogue) : CostCatalogueRendering.table(catalogue, year: year)
    }

    /// The JSON Schema of the site spec, or of the sweep spec, ending in a newline.
    public static func schema(sweep: Bool) -> String {
        sweep ? SpecSchema.sweepSpec() : SpecSchema.siteSpec()
    }

    /// The JSON Schema of plan.json (DESIGN.md §8.3), ending in a newline: written from the same
    /// declarations as the encoder.
    public static var planSchema: String { PlanJSON.jsonSchema() }

    /// A commented starter spec that validates as written.
    public static var starterSpec: String { StarterSpec.yaml }
}
