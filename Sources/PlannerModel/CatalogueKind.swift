/// The kinds of built-in entry a spec can name (`dcplan catalog list --kind`): racks and nodes
/// (`halls[].racks[].type`), power-chain stages (`halls[].power.chain`), cooling units (CDUs and
/// air units, `cooling.cdu` / `cooling.air_unit`), plant (heat rejection and chillers,
/// `cooling.heat_rejection` / `cooling.chiller`) and heat pumps (`heat_recovery.heat_pump`).
public enum CatalogueKind: String, CaseIterable, Sendable {
    case rack, stage, cooling, plant
    case heatPump = "heat-pump"
}
