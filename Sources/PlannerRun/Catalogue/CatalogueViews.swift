import Catalogue
import PlannerModel
import PlannerReport
import SiteSpec

/// What `dcplan catalog` and `dcplan schema` print: the built-in entries, the power-chain stages
/// and the JSON Schemas, as text.
public enum CatalogueViews {
    /// Every built-in rack and node entry, as a table or JSON.
    public static func list(json: Bool) throws -> String {
        let entries = Catalogue.builtIn.entries
        return json ? try CatalogueRendering.json(entries) : CatalogueRendering.table(entries)
    }

    /// One entry; an unknown ID fails with the closest IDs as suggestions.
    public static func show(_ id: String, json: Bool) throws -> String {
        let catalogue = Catalogue.builtIn
        guard let entry = catalogue.entry(id) else {
            let close = catalogue.closestIDs(to: id)
            let hint =
                close.isEmpty
                ? "; see 'dcplan catalog list'"
                : "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?"
            throw RunFailure("unknown catalogue entry '\(id)'" + hint)
        }
        return json ? try CatalogueRendering.json(entry) : CatalogueRendering.details(entry)
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
