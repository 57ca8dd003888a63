// dcplan as a library: load a site spec, plan it, read the results as typed values.
//
// One import gives the result types (`PlannerModel`: `Plan`, `Power`, `Money`…), the runs of the
// command line as data (`PlannerRun`: `LoadedSpec`, `PlanRun`, `SweepRun`, `ImportRun`…) and the
// engine (`PlannerEngine`: `Planner`). README.md, "Library use"; DESIGN.md §2.3.
@_exported import PlannerEngine
@_exported import PlannerModel
@_exported import PlannerRun

/// The shortest path from a spec file to a ``Plan``, without the command line.
///
/// ```swift
/// import DcplanKit
/// let plan = try Dcplan.plan(specAt: "Sites/example-small.yaml")
/// print(plan.facilityDesign?.megawatts ?? 0)
/// ```
public enum Dcplan {
    /// Loads the spec with its weather year (every finding goes to `log`) and plans it, as
    /// `dcplan plan` does before rendering (without the comparison of design options that the
    /// report adds: `PlanRun` does that). Throws ``InputRejected`` when the spec has an error.
    public static func plan(specAt path: String, strict: Bool = false, log: RunLog = { _ in }) throws -> Plan {
        let specs = try LoadedSpec.loadAll([path], strict: strict, log: log)
        return Planner().plan(specs[0].site, weather: specs[0].weather)
    }
}
