import Foundation
import PlannerModel

/// `plan.json`, the machine contract (DESIGN.md §8, §8.3): snake_case keys whose suffix names the
/// unit, sorted, versioned by `schema`. Every object is declared once below as a list of fields
/// (`JSONObject`); the encoder and `dcplan schema --plan` both walk those declarations, so the
/// schema cannot drift from what is written. Numbers are rounded to each field's stated decimals.
///
/// To add an object (e.g. `phases`): declare `static var phase: JSONObject<Phase>` with its fields,
/// add one `.array("phases", of: phase, …) { $0.plan.phases }` line to `document`, then regenerate
/// `Sites/dcplan-plan.schema.json` (`dcplan schema --plan`) and Reports/.
public enum PlanJSON {
    public static let schema = "dcplan.plan/2"
    public static let schemaID = "https://dcplan.invalid/schema/plan/2"

    public static func render(_ plan: Plan, context: ReportContext) throws -> String {
        document.value(Root(plan: plan, context: context)).pretty
    }

    /// The JSON Schema (Draft 2020-12) of plan.json, from the same declarations as the encoder.
    public static func jsonSchema() -> String {
        document.schema.jsonSchema(id: schemaID, title: "dcplan plan.json (\(schema))").pretty
    }

    /// JSONEncoder output in plan.json's layout, for the catalogue's `--json` listings.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// What the document is built from.
    public struct Root {
        public var plan: Plan
        public var context: ReportContext
    }

    typealias F<T> = JSONField<T>

    // MARK: - Capacity

    static var levels: JSONObject<PowerLevels> {
        JSONObject(
            "PowerLevels", "IT power at the three levels (DESIGN.md §5.1), in the unit the holding key names (kW).",
            [
                F.number("nameplate", .kw, 3, .required, "installed power-supply capacity") { $0.nameplate.kilowatts },
                F.number("design", .kw, 3, .required, "planning peak the chain is sized for") { $0.design.kilowatts },
                F.number("sustained", .kw, 3, .required, "average draw at the utilisation") { $0.sustained.kilowatts },
            ])
    }

    static var heat: JSONObject<HeatSplit> {
        JSONObject(
            "HeatSplit", "Heat to the liquid loop and to room air, in the unit the holding key names (kW).",
            [
                F.number("liquid", .kw, 3, .required, "heat captured by the liquid loop") { $0.liquid.kilowatts },
                F.number("air", .kw, 3, .required, "heat released to room air") { $0.air.kilowatts },
            ])
    }

    static var capacity: JSONObject<CapacitySummary> {
        JSONObject(
            "Capacity", "Counts, power, heat and weight of a set of racks (the site, a hall, one copy).",
            [
                F.integer("gpu_count", .required, "GPUs") { $0.gpuCount },
                F.integer("rack_count", .required, "racks") { $0.rackCount },
                F.integerMap("racks_by_role", keys: SystemRole.allCases.map(\.rawValue), .required, "racks per role") {
                    s in Dictionary(uniqueKeysWithValues: SystemRole.allCases.map { ($0.rawValue, s.racks($0)) })
                },
                F.object("it_power_kw", levels, .required, "IT power [kW]") { $0.itPower },
                F.object("heat_kw", heat, .required, "heat at design power [kW]") { $0.heatDesign },
                F.object("heat_sustained_kw", heat, .required, "heat at sustained power [kW]") { $0.heatSustained },
                F.number("floor_weight_t", .t, 3, .required, "rack weight of the racks whose weight is known") {
                    $0.weight.tonnes
                },
                F.integer("racks_without_weight", .required, "racks left out of the weight") { $0.racksWithoutWeight },
            ])
    }

    // MARK: - Halls

    struct GroupContext {
        var group: RackGroupResult
        var electrical: HallElectrical?
        var psu: RackPSU? {
            let sized = electrical?.design.stages.lazy.flatMap(\.rackTypes).first {
                $0.supply.rackType == group.system.id
            }
            return sized?.supply.psu ?? group.system.psu
        }
        var sized: RackTypeResult? {
            electrical?.design.stages.lazy.flatMap(\.rackTypes).first { $0.supply.rackType == group.system.id }
        }
    }

    /// A rack group's own power supplies (DESIGN.md §5.8).
    static var psu: JSONObject<GroupContext> {
        JSONObject(
            "RackPSU", "A rack type's own power shelves or PSUs, as the hall's chain sized them (DESIGN.md §5.8).",
            [
                F.integer("units_installed", .required, "units in one rack (all nodes)") { $0.psu!.unitsPerRack },
                F.number("unit_kw", .kw, 3, .required, "one unit's rating") { $0.psu!.unitRating.kilowatts },
                F.string("redundancy", .required, "stated redundancy") { $0.psu!.redundancy.description },
                F.number("firm_capacity_kw", .kw, 3, .required, "capacity the stated redundancy leaves per rack") {
                    $0.psu!.firmCapacityPerRack.kilowatts
                },
                F.bool("survives_one_failure", .required, "the rack at design power survives the loss of one unit") {
                    $0.psu!.survivesOneFailure(rackDesign: $0.group.perRack.design)
                },
                F.number("loading_fraction", .fraction, 4, .optional, "per-unit loading with all units in service") {
                    $0.sized?.perGroup.loadingNormal.fraction
                },
                F.number(
                    "loading_after_failure_fraction", .fraction, 4, .optional, "per-unit loading after one unit fails"
                ) {
                    $0.sized?.designLoadingAfterFailure?.fraction
                },
                F.number("loss_per_rack_kw", .kw, 3, .optional, "conversion loss of one rack at design") {
                    $0.sized.map { $0.loss.kilowatts / Double(max($0.supply.racks, 1)) }
                },
            ])
    }

    static var rackGroup: JSONObject<GroupContext> {
        JSONObject(
            "RackGroup", "One rack group of a hall (one copy).",
            [
                F.string("type", .required, "catalogue entry") { $0.group.system.id },
                F.integer("racks_per_copy", .required, "racks in one copy of the hall") { $0.group.count },
                F.integer("gpus_per_rack", .required, "GPUs in one rack") { $0.group.system.gpus },
                F.object("rack_power_kw", levels, .required, "one rack's power [kW]") { $0.group.perRack },
                F.number("idle_kw", .kw, 3, .required, "one rack's idle power") { $0.group.system.idlePower.kilowatts },
                F.number("liquid_fraction", .fraction, 4, .required, "heat captured by liquid") {
                    $0.group.system.liquidFraction.fraction
                },
                F.number("weight_kg", .kg, 1, .optional, "one rack's weight") { $0.group.system.weight?.kilograms },
                F.string("confidence", oneOf: Confidence.allCases.map(\.rawValue), .required, "H, M or L") {
                    $0.group.system.provenance.confidence.rawValue
                },
                F.string("source", .required, "where the entry's figures come from") {
                    $0.group.system.provenance.source
                },
                F.object("psu", psu, .optional, "the rack's own power supplies") { $0.psu == nil ? nil : $0 },
            ])
    }

    static var topology: JSONObject<StageResult> {
        JSONObject(
            "StageTopology", "A stage's topology and its worst single failure (DESIGN.md §5.7).",
            [
                F.string("description", .required, "the topology") { $0.topologyDescription },
                F.string("fails", .required, "what its worst single failure takes out") { $0.worstFailure },
                F.number("continuous_limit_fraction", .fraction, 4, .required, "largest continuous loading") {
                    $0.continuousLimit.fraction
                },
                F.number("loading_normal_fraction", .fraction, 4, .required, "loading in normal operation") {
                    $0.loadingNormal.fraction
                },
                F.number("survivors_loading_fraction", .fraction, 4, .nullable, "survivors' loading after the failure")
                {
                    $0.loadingAfterFailure?.fraction
                },
                F.number("load_dropped_kw", .kw, 3, .required, "load that drops on the failure") {
                    $0.loadDroppedByOneFailure.kilowatts
                },
            ])
    }

    static var stage: JSONObject<StageResult> {
        JSONObject(
            "Stage", "One stage of a hall's power chain at design (one copy).",
            [
                F.string("stage", .required, "stage name") { $0.stage },
                F.string("entry", .required, "stage catalogue entry") { $0.entryID },
                F.string("redundancy", .required, "redundancy") { $0.redundancy.description },
                F.integer("units_required", .required, "units the load needs") { $0.unitsRequired },
                F.integer("units_installed", .required, "units installed") { $0.unitsInstalled },
                F.number("unit_rating_kw", .kw, 3, .required, "one unit's usable rating") { $0.unitRating.kilowatts },
                F.number("load_kw", .kw, 3, .required, "power out of the stage") { $0.loadOut.kilowatts },
                F.number("loss_kw", .kw, 3, .required, "stage loss") { $0.loss.kilowatts },
                F.number("efficiency_fraction", .fraction, 5, .required, "out / in") { $0.efficiency.fraction },
                F.number("loading_normal_fraction", .fraction, 4, .required, "per-unit loading") {
                    $0.loadingNormal.fraction
                },
                F.number("loading_after_failure_fraction", .fraction, 4, .nullable, "loading after the worst failure") {
                    $0.loadingAfterFailure?.fraction
                },
                F.number("stranded_kw", .kw, 3, .required, "usable capacity not used by the load") {
                    $0.strandedCapacity.kilowatts
                },
                F.bool("survives_single_failure", .required, "design load survives the worst single failure") {
                    $0.survivesWorstFailure
                },
                F.object("topology", topology, .required, "topology and worst failure") { $0 },
            ])
    }

    static var conductor: JSONObject<ConductorSizing> {
        JSONObject(
            "Conductor", "One sized conductor level of a hall (one copy; DESIGN.md §5.9).",
            [
                F.string("level", .required, "conductor level") { $0.run.name },
                F.integer("feeders", .required, "feeders") { $0.run.feeders },
                F.number("power_per_feeder_kw", .kw, 3, .required, "design power of one feeder") {
                    $0.run.power.kilowatts
                },
                F.number("voltage_kv", .kv, 4, .required, "system voltage") { $0.run.system.voltage.kilovolts },
                F.number("current_a", .a, 1, .required, "design current of one feeder") { $0.current.amperes },
                F.integer("circuits", .required, "parallel circuits per feeder") { $0.circuits },
                F.number("size_mm2", .mm2, 1, .required, "cross-section of one conductor") {
                    $0.size.squareMillimetres
                },
                F.number("length_m", .m, 2, .required, "run length") { $0.run.length.metres },
                F.number("voltage_drop_percent", .percent, 3, .required, "voltage drop") { $0.dropShare.percent },
                F.number("loss_kw", .kw, 3, .required, "I²R loss of all feeders") { $0.totalLoss.kilowatts },
                F.number("copper_t", .t, 3, .required, "copper of all feeders") { $0.totalCopper.tonnes },
                F.string("criterion", .required, "what set the size") { $0.criterion.rawValue },
            ])
    }

    static var transient: JSONObject<TransientLevelResult> {
        JSONObject(
            "Transient", "Synchronous-training transient at one level of a hall (all copies counted in `units`).",
            [
                F.string("level", .required, "rack, row or hall") { $0.level.name },
                F.integer("units", .required, "units at this level") { $0.level.count },
                F.number("steady_kw", .kw, 3, .required, "steady draw of one unit") { $0.level.steady.kilowatts },
                F.number("peak_kw", .kw, 3, .required, "peak seen by one unit") { $0.peak.kilowatts },
                F.number("protection_rating_kw", .kw, 3, .required, "protection rating") {
                    $0.protectionRating.kilowatts
                },
                F.number("storage_per_unit_kj", .kj, 3, .nullable, "ride-through storage per unit") {
                    $0.storagePerUnit.map { $0.joules / 1000 }
                },
            ])
    }

    static var cdus: JSONObject<HallCooling> {
        JSONObject(
            "CDUs", "A hall's CDUs at design (one copy).",
            [
                F.string("entry", .required, "CDU catalogue entry") { $0.cdus!.entryID },
                F.string("redundancy", .required, "redundancy") { $0.cdus!.units.redundancy.description },
                F.integer("installed", .required, "units installed") { $0.cdus!.units.unitsInstalled },
                F.integer("required", .required, "units the load needs") { $0.cdus!.units.unitsRequired },
                F.number("unit_kw", .kw, 3, .required, "one unit's rating") { $0.cdus!.units.unitRating.kilowatts },
                F.number("load_kw", .kw, 3, .required, "liquid heat") { $0.liquidLoad.kilowatts },
                F.number("coolant_flow_l_per_min", .lPerMin, 1, .required, "TCS coolant flow") {
                    $0.cdus!.coolantFlow.litresPerMinute
                },
                F.number("pump_kw", .kw, 3, .required, "pump power") { $0.cdus!.pumpPower.kilowatts },
            ])
    }

    static var airUnits: JSONObject<HallCooling> {
        JSONObject(
            "AirUnits", "A hall's fan walls or CRAHs at design (one copy).",
            [
                F.string("entry", .required, "air-unit catalogue entry") { $0.airUnits!.entryID },
                F.string("redundancy", .required, "redundancy") { $0.airUnits!.units.redundancy.description },
                F.integer("installed", .required, "units installed") { $0.airUnits!.units.unitsInstalled },
                F.integer("required", .required, "units the load needs") { $0.airUnits!.units.unitsRequired },
                F.number("unit_kw", .kw, 3, .required, "one unit's rating") { $0.airUnits!.units.unitRating.kilowatts },
                F.number("load_kw", .kw, 3, .required, "air heat incl. the hall's chain losses") {
                    $0.airLoad.kilowatts
                },
                F.number("airflow_m3_per_s", .m3PerS, 3, .required, "airflow") {
                    $0.airUnits!.airflow.cubicMetresPerSecond
                },
                F.number("fan_kw", .kw, 3, .required, "fan power") { $0.airUnits!.fanPower.kilowatts },
            ])
    }

    static var hallCooling: JSONObject<HallCooling> {
        JSONObject(
            "HallCooling", "A hall's cooling units at design (one copy).",
            [
                F.object("cdus", cdus, .optional, "CDUs (liquid heat)") { $0.cdus == nil ? nil : $0 },
                F.object("air_units", airUnits, .optional, "air units (air heat)") { $0.airUnits == nil ? nil : $0 },
            ])
    }

    static var placedUnit: JSONObject<(PlacedUnit, CoolingMedium)> {
        JSONObject(
            "PlacedUnit", "One placed cooling unit.",
            [
                F.string("id", .required, "candidate site id") { $0.0.id },
                F.string("type", .required, "catalogue entry") { $0.0.typeID },
                F.string("medium", oneOf: CoolingMedium.allCases.map(\.rawValue), .required, "liquid or air") {
                    $0.1.rawValue
                },
                F.number("x_m", .m, 3, .required, "position") { $0.0.position.x.metres },
                F.number("y_m", .m, 3, .required, "position") { $0.0.position.y.metres },
                F.number("capacity_kw", .kw, 3, .required, "rating") { $0.0.capacity.kilowatts },
                F.number("load_kw", .kw, 3, .required, "heat served") { $0.0.load.kilowatts },
                F.number("max_load_after_failure_kw", .kw, 3, .required, "most it carries after a failure") {
                    $0.0.maxLoadAfterFailure.kilowatts
                },
                F.integer("racks", .required, "racks it serves") { $0.0.assignments.count },
            ])
    }

    static var failover: JSONObject<FailureCheck> {
        JSONObject(
            "Failover", "One failure of the medium's redundancy re-checked after solving.",
            [
                F.strings("failed", "units failed together") { $0.failedUnitIDs },
                F.number("rerouted_kw", .kw, 3, .required, "heat re-routed to survivors") { $0.reroutedHeat.kilowatts },
                F.number("shortfall_kw", .kw, 3, .required, "heat the survivors cannot take") {
                    $0.shortfall.kilowatts
                },
                F.number("peak_loading_fraction", .fraction, 4, .required, "peak survivor loading") {
                    $0.peakLoading.fraction
                },
            ])
    }

    static var layout: JSONObject<CoolingLayout> {
        JSONObject(
            "PlacementProblem", "One medium of a hall's placement (DESIGN.md §5.4): the solve and its outcome.",
            [
                F.string("medium", oneOf: CoolingMedium.allCases.map(\.rawValue), .required, "liquid or air") {
                    $0.medium.rawValue
                },
                F.string("status", .required, "optimal, feasible, infeasible or no-solution") { $0.status.rawValue },
                F.string("redundancy", .required, "failures the layout survives") { $0.redundancy.description },
                F.number("heat_kw", .kw, 3, .required, "heat to place") { $0.heat.kilowatts },
                F.integer("rows", .required, "constraint rows of the program") { $0.solve.rows },
                F.integer("columns", .required, "columns") { $0.solve.columns },
                F.integer("binaries", .required, "binary columns") { $0.solve.binaries },
                F.number("objective_usd", .usd, 2, .nullable, "unit cost + piping proxy (program's objective)") {
                    $0.solve.objective?.dollars
                },
                F.number(
                    "gap_fraction", .fraction, 6, .nullable,
                    "relative MIP gap |z − b|/|z| when the search ended, of the program the medium was solved in"
                ) {
                    $0.solve.gap?.fraction
                },
                F.number(
                    "bound_usd", .usd, 2, .nullable,
                    "objective × (1 − gap): the best bound, pro rata to this medium where both share one program"
                ) { l in
                    l.solve.objective.flatMap { o in l.solve.gap.map { o.dollars * (1 - $0.fraction) } }
                },
                F.bool("node_limited", .required, "the node limit ended the search") { $0.solve.nodeLimited },
                F.number("unit_cost_usd", .usd, 2, .required, "cost of the placed units") { $0.unitCost.dollars },
                F.number("piping_kw_m", .kwM, 1, .required, "piping proxy: heat × distance") {
                    $0.piping.kilowattMetres
                },
                F.integerMap("units_by_type", keys: nil, .required, "placed units per catalogue entry") {
                    $0.unitCounts
                },
                F.array("failover", of: failover, .required, "each failure re-checked") { $0.failures },
                F.number("shortfall_kw", .kw, 3, .required, "heat not served in normal operation") {
                    $0.shortfalls.sum(\.unserved).kilowatts
                },
            ])
    }

    static var placement: JSONObject<HallPlacement> {
        JSONObject(
            "Placement", "A hall's cooling-unit placement (one copy): both media share one program.",
            [
                F.string("status", .required, "the worse status of its media") { p in
                    let order: [PlacementStatus] = [.optimal, .feasible, .infeasible, .noSolution]
                    return
                        (p.layouts.map(\.status).max { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
                        ?? .optimal).rawValue
                },
                F.number("objective_usd", .usd, 2, .nullable, "summed objective of its media") { p in
                    let objectives = p.layouts.map(\.solve.objective)
                    return objectives.contains { $0 == nil } ? nil : objectives.reduce(0) { $0 + ($1?.dollars ?? 0) }
                },
                F.number("gap_fraction", .fraction, 6, .nullable, "largest relative MIP gap of its media") { p in
                    let gaps = p.layouts.map(\.solve.gap)
                    return gaps.contains { $0 == nil } ? nil : gaps.compactMap { $0?.fraction }.max()
                },
                F.number("bound_usd", .usd, 2, .nullable, "Σ media's objective × (1 − gap): a lower bound on the cost")
                {
                    p in
                    let bounds = p.layouts.map { l in
                        l.solve.objective.flatMap { o in l.solve.gap.map { o.dollars * (1 - $0.fraction) } }
                    }
                    return bounds.contains { $0 == nil } ? nil : bounds.compactMap { $0 }.reduce(0, +)
                },
                F.array("problems", of: layout, .required, "each medium's solve and outcome") { $0.layouts },
                F.array("units", of: placedUnit, .required, "every placed unit") { p in
                    p.layouts.flatMap { l in l.units.map { ($0, l.medium) } }
                },
            ])
    }

    struct HallContext {
        var hall: HallResult
        var plan: Plan
        var electrical: HallElectrical? { plan.electrical?.halls.first { $0.id == hall.id } }
        var cooling: HallCooling? { plan.cooling?.halls.first { $0.id == hall.id } }
    }

    static var hall: JSONObject<HallContext> {
        JSONObject(
            "Hall", "One hall: totals over its copies, one copy, its groups, chain, cooling and placement.",
            [
                F.inline(capacity) { $0.hall.total },
                [
                    F.string("id", .required, "hall id of the spec") { $0.hall.id },
                    F.integer("copies", .required, "identical copies") { $0.hall.copies },
                    F.object("per_copy", capacity, .required, "one copy") { $0.hall.perCopy },
                    F.array("rack_groups", of: rackGroup, .required, "rack groups") { h in
                        h.hall.groups.map { GroupContext(group: $0, electrical: h.electrical) }
                    },
                    F.string("distribution", .optional, "ac-415v, ac-480v or dc-800v") {
                        $0.electrical?.distribution.rawValue
                    },
                    F.string("topology", .optional, "topology below the MV switchgear") {
                        $0.electrical.map { $0.topology?.description ?? "custom" }
                    },
                    F.array("power_chain", of: stage, .optional, "stages, MV to rack (one copy)") {
                        $0.electrical?.design.stages
                    },
                    F.number("losses_per_copy_kw", .kw, 3, .optional, "chain loss of one copy") {
                        $0.electrical?.design.totalLoss.kilowatts
                    },
                    F.number("efficiency_fraction", .fraction, 5, .optional, "end-to-end efficiency of one copy") {
                        $0.electrical?.design.efficiency.fraction
                    },
                    F.number("mv_input_kw", .kw, 3, .optional, "power drawn from MV by one copy") {
                        $0.electrical?.design.gridInput.kilowatts
                    },
                    F.number("copper_per_copy_t", .t, 3, .optional, "copper of one copy") {
                        $0.electrical?.copper.tonnes
                    },
                    F.number("aluminium_per_copy_t", .t, 3, .optional, "aluminium instead, one copy") {
                        $0.electrical?.aluminium.tonnes
                    },
                    F.array("conductors", of: conductor, .optional, "sized conductors (one copy)") {
                        $0.electrical?.conductors
                    },
                    F.array("transients", of: transient, .optional, "synchronous-training transients") {
                        $0.electrical?.transients
                    },
                    F.object("cooling", hallCooling, .optional, "cooling units (one copy)") { $0.cooling },
                    F.object("placement", placement, .optional, "cooling-unit placement (one copy)") { h in
                        h.plan.placements.first { $0.hallID == h.hall.id }
                    },
                ],
            ])
    }

    // MARK: - Electrical, site level

    static var comparisonStageLoss: JSONObject<ChainComparison.StageLoss> {
        JSONObject(
            "StageLoss", "One stage's loss at design, all halls and copies.",
            [
                F.string("stage", .required, "stage name") { $0.stage },
                F.number("loss_kw", .kw, 3, .required, "loss at design") { $0.loss.kilowatts },
            ])
    }

    static var metalKeys: [String] { MetalLevel.allCases.map(\.rawValue) }

    static func tonnes(_ levels: [MetalMass], _ mass: KeyPath<MetalMass, Mass>) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: levels.byLevel.map { ($0.level.rawValue, $0[keyPath: mass].tonnes) })
    }

    static var comparison: JSONObject<ChainComparison> {
        JSONObject(
            "DistributionComparison", "The same IT load on one distribution, grid to chip, all halls and copies.",
            [
                F.string("distribution", .required, "distribution") { $0.label },
                F.number("efficiency_fraction", .fraction, 5, .required, "end-to-end efficiency") {
                    $0.efficiency.fraction
                },
                F.number("losses_kw", .kw, 3, .required, "losses at design") { $0.designLoss.kilowatts },
                F.number("annual_loss_mwh", .mwh, 3, .required, "loss energy at sustained load") {
                    $0.annualLoss.megawattHours
                },
                F.number("copper_t", .t, 3, .required, "copper, whole chain") { $0.copper.tonnes },
                F.number("aluminium_t", .t, 3, .required, "aluminium instead") { $0.aluminium.tonnes },
                F.numberMap("copper_by_level_t", .t, 3, keys: metalKeys, .required, "copper by level [t]") {
                    tonnes($0.metal, \.copper)
                },
                F.integer("conversion_stages", .required, "stages that convert") { $0.conversionStages },
                F.integer("conversions", .required, "conversions") { $0.conversions },
                F.number("rack_conversion_loss_kw", .kw, 3, .required, "rack shelf / converter loss at design") {
                    $0.rackConversionLoss.kilowatts
                },
                F.number("partial_pue_power", .ratio, 4, .required, "partial PUE of the power chain at design") {
                    $0.partialPUEPower
                },
                F.array("stage_losses", of: comparisonStageLoss, .required, "loss by stage") { $0.stageLosses },
            ])
    }

    static var storage: JSONObject<RampStorage?> {
        JSONObject(
            "RampStorage", "Storage that holds the job step within the permitted ramp (zeros when within it).",
            [
                F.number("power_mw", .mw, 3, .required, "storage power (step + band)") { $0?.power.megawatts ?? 0 },
                F.number("energy_per_event_mwh", .mwh, 4, .required, "energy per start or stop") {
                    $0?.energyPerEvent.megawattHours ?? 0
                },
                F.number("energy_mwh", .mwh, 4, .required, "usable energy, held at mid charge") {
                    $0?.energy.megawattHours ?? 0
                },
                F.number("c_rate_per_h", .perH, 2, .required, "C-rate") { $0?.cRate ?? 0 },
            ])
    }

    static var ups: JSONObject<BackupPower> {
        JSONObject(
            "UPSBattery", "UPS battery of the backup power.",
            [
                F.number("load_kw", .kw, 3, .required, "UPS load (IT at design)") { $0.upsLoad.kilowatts },
                F.number("autonomy_min", .min, 2, .required, "battery autonomy") { $0.upsAutonomy.seconds / 60 },
                F.number("energy_mwh", .mwh, 3, .required, "battery energy delivered") { $0.upsEnergy.megawattHours },
            ])
    }

    static var generators: JSONObject<GeneratorPlant> {
        JSONObject(
            "Generators", "Standby generators for the critical load.",
            [
                F.integer("count", .required, "generators installed") { $0.sizing.unitsInstalled },
                F.integer("required", .required, "generators the load needs") { $0.sizing.unitsRequired },
                F.number("unit_kw", .kw, 3, .required, "one generator's rating") { $0.sizing.unitRating.kilowatts },
                F.string("redundancy", .required, "redundancy") { $0.sizing.redundancy.description },
                F.number("loading_fraction", .fraction, 4, .required, "loading, all running") {
                    $0.sizing.loadingNormal.fraction
                },
                F.number("loading_after_failure_fraction", .fraction, 4, .nullable, "loading after one fails") {
                    $0.sizing.loadingAfterFailure?.fraction
                },
                F.number("autonomy_h", .h, 2, .required, "fuel autonomy at the critical load") {
                    $0.fuelAutonomy.seconds / 3600
                },
                F.number("fuel_m3", .m3, 1, .required, "fuel stored") { $0.fuel.cubicMetres },
            ])
    }

    static var mainTransformers: JSONObject<StageResult> {
        JSONObject(
            "MainTransformers", "The site's main transformers at design.",
            [
                F.string("entry", .required, "stage catalogue entry") { $0.entryID },
                F.integer("installed", .required, "units installed") { $0.unitsInstalled },
                F.integer("required", .required, "units the load needs") { $0.unitsRequired },
                F.number("unit_kw", .kw, 3, .required, "one unit's usable rating") { $0.unitRating.kilowatts },
                F.string("redundancy", .required, "redundancy") { $0.redundancy.description },
                F.number("loading_fraction", .fraction, 4, .required, "loading") { $0.loadingNormal.fraction },
                F.number("loading_after_failure_fraction", .fraction, 4, .nullable, "loading after the worst failure") {
                    $0.loadingAfterFailure?.fraction
                },
                F.number("loss_kw", .kw, 3, .required, "loss at design") { $0.loss.kilowatts },
            ])
    }

    static var grid: JSONObject<(SiteElectricalResult, Plan)> {
        JSONObject(
            "Grid", "Grid connection, interconnection study and backup power (DESIGN.md §5.10).",
            [
                F.number("interconnect_kv", .kv, 3, .required, "interconnection voltage") {
                    $0.0.grid.interconnectVoltage.kilovolts
                },
                F.string("supply", .required, "supply rule") { $0.0.grid.rule.supply },
                F.string("rule_source", .required, "where the supply rule comes from") {
                    $0.0.grid.rule.provenance.source
                },
                F.number("peak_demand_kw", .kw, 3, .required, "peak demand at MV") { $0.0.grid.peakDemand.kilowatts },
                F.integer("main_transformers", .required, "main transformers installed") {
                    $0.0.mainTransformers?.stages.first?.unitsInstalled ?? 0
                },
                F.object("main_transformer", mainTransformers, .optional, "main transformers at design") {
                    $0.0.mainTransformers?.stages.first
                },
                F.number("mechanical_load_kw", .kw, 3, .required, "cooling, plant pumps and house loads at design") {
                    $0.0.mechanicalLoad.kilowatts
                },
                F.string("rules", .optional, "regional rule table id") { $0.0.gridRules?.id },
                F.string("rules_name", .optional, "regional rule table") { $0.0.gridRules?.name },
                F.numbers("rules_levels_kv", .kv, 3, .optional, "the table's voltage levels") {
                    $0.0.gridRules?.levels.map(\.kilovolts)
                },
                F.number("load_step_mw", .mw, 3, .optional, "largest synchronous job step") {
                    $0.0.study?.loadStep.megawatts
                },
                F.string("load_step_source", .optional, "what the step is") { $0.0.study?.loadStepSource },
                F.number("rise_time_s", .s, 3, .optional, "rise time of the step") { $0.0.study?.riseTime.seconds },
                F.number("ramp_mw_per_s", .mwPerS, 3, .optional, "ramp of the step") {
                    $0.0.study?.ramp.megawattsPerSecond
                },
                F.number("ramp_limit_mw_per_s", .mwPerS, 4, .optional, "permitted ramp") {
                    $0.0.study?.rampLimit.megawattsPerSecond
                },
                F.string("ramp_limit_source", .optional, "where the permitted ramp comes from") {
                    $0.0.study?.rampLimitSource.source
                },
                F.bool("ramp_within_limit", .optional, "the step's ramp is within the permitted ramp") {
                    $0.0.study?.withinLimit
                },
                F.number("oscillation_band_mw", .mw, 3, .optional, "oscillation band of synchronous training") {
                    $0.0.study?.oscillationBand.megawatts
                },
                F.object("storage", storage, .optional, "ramp storage") { e in e.0.study.map { $0.storage } },
                F.object("ups", ups, .optional, "UPS battery") { $0.0.backup },
                F.number("critical_load_kw", .kw, 3, .optional, "critical load in an outage") {
                    $0.0.backup?.criticalLoad.kilowatts
                },
                F.objectOr("generators", generators, or: "none", .optional, "standby generators, or none") { e in
                    e.0.backup.map { $0.generators }
                },
            ])
    }

    static var facilityPower: JSONObject<(SiteElectricalResult, Plan)> {
        JSONObject(
            "FacilityPower", "Facility power [kW].",
            [
                F.number("design", .kw, 3, .required, "at the design condition, with cooling and house loads") {
                    ($0.1.facilityDesign ?? $0.0.facilityDesign).kilowatts
                },
                F.number("design_without_cooling", .kw, 3, .required, "IT + chain losses at design") {
                    $0.0.facilityDesign.kilowatts
                },
                F.number("sustained", .kw, 3, .required, "IT + chain losses at sustained load") {
                    $0.0.facilitySustained.kilowatts
                },
            ])
    }

    static var efficiencyPoint: JSONObject<EfficiencyPoint> {
        JSONObject(
            "EfficiencyPoint", "One published efficiency point of a stage entry.",
            [
                F.number("load_fraction", .fraction, 4, .required, "per-unit load") { $0.load.fraction },
                F.number("efficiency_fraction", .fraction, 5, .required, "efficiency at that load") {
                    $0.efficiency.fraction
                },
            ])
    }

    static var stageEntry: JSONObject<StageEntry> {
        JSONObject(
            "StageEntry", "A stage catalogue entry the chain uses, with its fitted loss curve (DESIGN.md §5.2).",
            [
                F.string("id", .required, "entry id") { $0.id },
                F.string("name", .required, "entry name") { $0.name },
                F.number("unit_rating_kw", .kw, 3, .required, "real-power rating of one unit") {
                    $0.unitRating.kilowatts
                },
                F.array("efficiency_points", of: efficiencyPoint, .required, "published points") { $0.points },
                F.number("loss_a", .ratio, 5, .required, "no-load loss per unit of rating") { $0.curve.noLoad },
                F.number("loss_b", .ratio, 5, .required, "proportional loss coefficient") { $0.curve.proportional },
                F.number("loss_c", .ratio, 5, .required, "square-law loss coefficient") { $0.curve.square },
                F.string("confidence", oneOf: Confidence.allCases.map(\.rawValue), .required, "H, M or L") {
                    $0.provenance.confidence.rawValue
                },
                F.string("source", .required, "where the figures come from") { $0.provenance.source },
            ])
    }

    static var eedKPI: JSONObject<KPIRow> {
        JSONObject(
            "EEDKPI", "One KPI of the EU EED reporting table (Delegated Reg. 2024/1364), as text.",
            [
                F.string("name", .required, "KPI") { $0.name },
                F.string("value", .required, "value, or `not given`") { $0.value },
                F.string("unit", .required, "unit") { $0.unit },
                F.bool("known", .required, "the plan can fill it") { $0.isKnown },
            ])
    }

    // MARK: - Cooling

    static var loopPumps: JSONObject<LoopPumps> {
        JSONObject(
            "LoopPumps", "A loop's pumps at design (DESIGN.md §5.13).",
            [
                F.number("flow_m3_per_s", .m3PerS, 4, .required, "loop flow") { $0.flow.cubicMetresPerSecond },
                F.number("head_m", .m, 2, .required, "loop head") { $0.head.metres },
                F.number("power_kw", .kw, 3, .required, "loop pumps") { $0.power.kilowatts },
                F.number("condenser_flow_m3_per_s", .m3PerS, 4, .required, "condenser-water flow") {
                    $0.condenserFlow.cubicMetresPerSecond
                },
                F.number("condenser_head_m", .m, 2, .required, "condenser head") { $0.condenserHead.metres },
                F.number("condenser_power_kw", .kw, 3, .required, "condenser pumps") { $0.condenserPower.kilowatts },
            ])
    }

    static var plantLoop: JSONObject<(CoolingLoop, CoolingChoices)> {
        JSONObject(
            "PlantLoop",
            "One water loop of the plant with its economisers and chillers (DESIGN.md §5.3, §5.12, §5.14).",
            [
                F.string(
                    "loop", oneOf: CoolingLoop.Kind.allCases.map(\.specKey), .required,
                    "facility_water or air_coil_water"
                ) {
                    $0.0.kind.specKey
                },
                F.number("set_point_c", .c, 2, .required, "supply set point") { $0.0.supplySetPoint.celsius },
                F.number("design_heat_kw", .kw, 3, .required, "heat into the loop at design") {
                    $0.0.designHeatLoad.kilowatts
                },
                F.number("design_rejection_kw", .kw, 3, .required, "heat the economisers reject at design") {
                    $0.0.designRejectionDuty.kilowatts
                },
                F.string("economiser", .required, "economiser catalogue entry") { $0.1.economiser.id },
                F.string("economiser_redundancy", .required, "redundancy") { $0.0.economisers.redundancy.description },
                F.integer("economisers_installed", .required, "economisers installed") {
                    $0.0.economisers.unitsInstalled
                },
                F.integer("economisers_required", .required, "economisers the duty needs") {
                    $0.0.economisers.unitsRequired
                },
                F.number("design_dry_bulb_c", .c, 2, .required, "design condition dry bulb") {
                    $0.0.designDryBulb.celsius
                },
                F.number("design_wet_bulb_c", .c, 2, .required, "design condition wet bulb") {
                    $0.0.designWetBulb.celsius
                },
                F.string("chiller", .required, "chiller catalogue entry") { $0.1.chiller.id },
                F.string("chiller_redundancy", .required, "redundancy") { $0.1.chillerRedundancy.description },
                F.number("chiller_duty_kw", .kw, 3, .required, "chiller duty at design") {
                    $0.0.designChillerDuty.kilowatts
                },
                F.integer("chillers_installed", .required, "chillers installed") { $0.0.chillersInstalled },
                F.integer("chillers_required", .required, "chillers the duty needs") { $0.0.chillersRequired },
                F.bool("chillers_fixed", .required, "the count is the spec's") { $0.0.chillersFixed },
                F.number("chiller_firm_capacity_kw", .kw, 3, .nullable, "capacity with the spares out") {
                    $0.0.chillerFirmCapacity.watts.isFinite ? $0.0.chillerFirmCapacity.kilowatts : nil
                },
                F.string("design_mode", oneOf: PlantMode.allCases.map(\.rawValue), .required, "mode at design") {
                    $0.0.designHour.mode.rawValue
                },
                F.number("design_cop", .ratio, 3, .required, "chiller COP at design (0 when off)") {
                    $0.0.designHour.chillerCOP
                },
                F.number("design_plant_kw", .kw, 3, .required, "chillers and economiser fans at design") {
                    $0.0.designHour.electricity.kilowatts
                },
                F.number("design_supply_c", .c, 2, .required, "supply at design") {
                    $0.0.designHour.supplyTemperature.celsius
                },
                F.integerMap("hours", keys: PlantMode.allCases.map(\.rawValue), .required, "hours of the year per mode")
                {
                    l in
                    Dictionary(
                        uniqueKeysWithValues: PlantMode.allCases.map { ($0.rawValue, l.0.hoursByMode[$0, default: 0]) })
                },
                F.integer("hours_above_set_point", .required, "hours the supply is above its set point") {
                    $0.0.hoursAboveSetPoint
                },
                F.integer("hours_pads_wet", .required, "hours an adiabatic cooler's pads are wet") {
                    $0.0.hoursPadsWet
                },
                F.number("warmest_supply_c", .c, 2, .required, "warmest supply of the year") {
                    $0.0.warmestSupply.celsius
                },
                F.object("pumps", loopPumps, .optional, "loop pumps at design") { $0.0.pumps },
            ])
    }

    static var extremeLoop: JSONObject<ExtremeCheck.Loop> {
        JSONObject(
            "ExtremeLoop", "One loop at the extreme condition with one chiller and one economiser out.",
            [
                F.string("loop", oneOf: CoolingLoop.Kind.allCases.map(\.specKey), .required, "loop") {
                    $0.kind.specKey
                },
                F.number("heat_kw", .kw, 3, .required, "heat at design load") { $0.heat.kilowatts },
                F.integer("economisers_in_service", .required, "economisers in service") { $0.economisersInService },
                F.number("chiller_duty_kw", .kw, 3, .required, "chiller duty to hold the set point") {
                    $0.duty.kilowatts
                },
                F.integer("chillers_in_service", .required, "chillers in service") { $0.chillersInService },
                F.number("capacity_kw", .kw, 3, .nullable, "their capacity (null: unlimited)") {
                    $0.capacity.watts.isFinite ? $0.capacity.kilowatts : nil
                },
                F.number("margin_kw", .kw, 3, .nullable, "capacity − duty (null: unlimited)") {
                    $0.margin.watts.isFinite ? $0.margin.kilowatts : nil
                },
                F.number("supply_c", .c, 2, .required, "supply reached") { $0.supply.celsius },
                F.integer("hours_short", .required, "hours of the year the same plant misses a set point") {
                    $0.hoursShort
                },
                F.number("worst_short_kw", .kw, 3, .required, "worst hour short") { $0.worstShort.kilowatts },
            ])
    }

    static var extreme: JSONObject<ExtremeCheck> {
        JSONObject(
            "ExtremeCheck", "The plant at the extreme condition (DESIGN.md §5.15).",
            [
                F.number("dry_bulb_c", .c, 2, .required, "extreme dry bulb") { $0.dryBulb.celsius },
                F.number("wet_bulb_c", .c, 2, .required, "extreme wet bulb") { $0.wetBulb.celsius },
                F.string("source", .required, "where the condition comes from") { $0.source },
                F.array("loops", of: extremeLoop, .required, "each loop") { $0.loops },
            ])
    }

    static var plant: JSONObject<SiteCooling> {
        JSONObject(
            "Plant", "The site's heat-rejection plant and its water loops at the design condition.",
            [
                F.number("tcs_supply_c", .c, 2, .required, "liquid loop (TCS) supply") { $0.choices.tcsSupply.celsius },
                F.number("tcs_rise_k", .k, 2, .required, "TCS rise across the racks") { $0.choices.tcsRise.kelvins },
                F.number("facility_water_supply_c", .c, 2, .required, "facility water after the CDU approach") {
                    $0.facilityWaterSupply.celsius
                },
                F.number("supply_air_c", .c, 2, .required, "supply air to the racks") { $0.choices.airSupply.celsius },
                F.string("design_source", .required, "where the design condition comes from") { $0.designSource },
                F.number("house_loads_kw", .kw, 3, .required, "house loads, all year") { $0.designHouseLoad.kilowatts },
                F.array("loops", of: plantLoop, .required, "facility-water loop, then the air-coil loop") { c in
                    c.loops.map { ($0, c.choices) }
                },
                F.object("extreme", extreme, .optional, "the extreme-condition check") { $0.extreme },
                F.integer("hours_above_liquid_class", .optional, "hours the facility water is above its W-class limit")
                {
                    $0.hoursAboveLiquidClass
                },
                F.number("air_inlet_warmest_c", .c, 2, .optional, "warmest rack inlet") {
                    $0.airInlet?.warmest.celsius
                },
                F.integer(
                    "air_hours_outside_class_recommended", .optional, "hours outside the class's recommended range"
                ) {
                    $0.airInlet?.hoursOutsideClassRecommended
                },
            ])
    }

    static var month: JSONObject<AnnualPlant.Month> {
        JSONObject(
            "Month", "One calendar month of the plant year.",
            [
                F.integer("month", .required, "1-12") { $0.month },
                F.number("it_mwh", .mwh, 3, .required, "IT energy") { $0.it.megawattHours },
                F.number("cooling_mwh", .mwh, 3, .required, "cooling energy") { $0.cooling.megawattHours },
                F.number("facility_mwh", .mwh, 3, .required, "facility energy") { $0.facility.megawattHours },
                F.number("pue", .ratio, 4, .required, "facility / IT") { $0.pue },
                F.integer("free_hours", .required, "hours of free cooling") { $0.freeHours },
            ])
    }

    static var annual: JSONObject<SiteCooling> {
        JSONObject(
            "Annual", "The plant over the weather year (DESIGN.md §5.3).",
            [
                F.string("weather_file", .required, "EPW file") { $0.annual!.weatherFile },
                F.integer("hours_in_year", .required, "hours simulated") { $0.annual!.hours },
                F.number("it_energy_mwh", .mwh, 3, .required, "IT energy at the rack input") {
                    $0.annual!.itEnergy.megawattHours
                },
                F.number("chain_loss_mwh", .mwh, 3, .required, "power-chain losses outside the racks") {
                    $0.annual!.chainLossEnergy.megawattHours
                },
                F.number("pumps_and_fans_mwh", .mwh, 3, .required, "CDU pumps and air fans") {
                    $0.annual!.distributionCoolingEnergy.megawattHours
                },
                F.number("plant_mwh", .mwh, 3, .required, "chillers and economiser fans") {
                    $0.annual!.plantEnergy.megawattHours
                },
                F.number("economiser_fans_mwh", .mwh, 3, .required, "of which economiser fans") {
                    $0.annual!.economiserFanEnergy.megawattHours
                },
                F.number("plant_pumps_mwh", .mwh, 3, .required, "facility-water, air-coil and condenser pumps") {
                    $0.annual!.pumpEnergy.megawattHours
                },
                F.number("house_loads_mwh", .mwh, 3, .required, "house loads") { $0.annual!.houseEnergy.megawattHours },
                F.number("facility_energy_mwh", .mwh, 3, .required, "facility energy") {
                    $0.annual!.facilityEnergy.megawattHours
                },
                F.number("pue", .ratio, 4, .required, "PUE") { $0.annual!.pue },
                F.number("wue_l_per_kwh", .lPerKWh, 4, .required, "WUE") { $0.annual!.wue },
                F.number("water_m3", .m3, 1, .required, "tower make-up water") { $0.annual!.water.kilograms / 1000 },
                F.number("partial_pue_power", .ratio, 4, .required, "(IT + chain losses) / IT") {
                    $0.annual!.partialPUEPower
                },
                F.number("partial_pue_cooling", .ratio, 4, .required, "(IT + cooling) / IT") {
                    $0.annual!.partialPUECooling
                },
                F.number("heat_rejected_mwh", .mwh, 3, .required, "heat rejected outdoors") {
                    $0.annual!.heatRejected.megawattHours
                },
                F.number("heat_recovered_mwh", .mwh, 3, .optional, "heat recovered") {
                    $0.annual!.heatRecovered > .zero ? $0.annual!.heatRecovered.megawattHours : nil
                },
                F.number(
                    "worst_balance_residual_fraction", .fraction, 12, .required, "worst hour's energy-balance residual"
                ) {
                    $0.annual!.worstBalanceResidual
                },
                F.number("peak_facility_kw", .kw, 3, .required, "peak facility power") {
                    $0.annual!.peakFacility.kilowatts
                },
                F.integer("peak_hour", .required, "hour of the peak (0-based)") { $0.annual!.peakHour },
                F.integerMap(
                    "hours", keys: PlantMode.allCases.map(\.rawValue), .required, "facility-water loop's hours per mode"
                ) {
                    c in
                    Dictionary(
                        uniqueKeysWithValues: PlantMode.allCases.map {
                            ($0.rawValue, c.annual!.hoursByMode[$0, default: 0])
                        })
                },
                F.array("months", of: month, .required, "the twelve months") { $0.annual!.months },
                F.string("ashrae_liquid_class", .optional, "W class of the facility water") { c in
                    c.loop(.liquid).map { _ in c.liquidClass }
                },
                F.string("ashrae_air_class", .optional, "air class, or none") {
                    $0.airInlet.map { $0.airClass?.name ?? "none" }
                },
                F.integer("hours_outside_air_recommended", .optional, "hours outside A1-A4 recommended 18-27 °C") {
                    $0.airInlet?.hoursOutsideRecommended
                },
            ])
    }

    static var designConditions: JSONObject<SiteCooling> {
        JSONObject(
            "DesignConditions", "Cooling at the design condition.",
            [
                F.number("dry_bulb_c", .c, 2, .required, "design dry bulb") { $0.designDryBulb.celsius },
                F.number("wet_bulb_c", .c, 2, .required, "design wet bulb") { $0.designWetBulb.celsius },
                F.number("cooling_kw", .kw, 3, .required, "cooling electricity") { $0.designCoolingPower.kilowatts },
                F.number("plant_pumps_kw", .kw, 3, .required, "plant pumps") { $0.designPlantPumps.kilowatts },
                F.number("house_loads_kw", .kw, 3, .required, "house loads") { $0.designHouseLoad.kilowatts },
            ])
    }

    // MARK: - Heat recovery, metrics, compliance

    static var heatRecoveryMonth: JSONObject<HeatRecoveryResult.Month> {
        JSONObject(
            "HeatRecoveryMonth", "One month of the heat-recovery dispatch.",
            [
                F.integer("month", .required, "1-12") { $0.month },
                F.number("demand_mwh", .mwh, 1, .required, "network demand") { $0.demand.megawattHours },
                F.number("delivered_mwh", .mwh, 1, .required, "heat delivered") { $0.delivered.megawattHours },
                F.number("heat_reused_mwh", .mwh, 1, .required, "data-centre heat reused") {
                    $0.sourceHeat.megawattHours
                },
                F.number("electricity_mwh", .mwh, 1, .required, "heat-pump electricity") {
                    $0.electricity.megawattHours
                },
            ])
    }

    static var heatRecoveryAlternative: JSONObject<(HeatRecoveryPlan.Alternative, String)> {
        JSONObject(
            "HeatRecoveryAlternative", "The same waste heat into the other network preset (closed-form dispatch).",
            [
                F.string("network", .required, "network") { $0.0.networkName },
                F.string("heat_pump", .required, "heat-pump entry") { $0.0.heatPumpID },
                F.number("heat_pump_mw", .mw, 3, .required, "capacity") { $0.0.capacity.megawatts },
                F.number("heat_delivered_mwh", .mwh, 1, .required, "heat delivered") { $0.0.delivered.megawattHours },
                F.number("heat_pump_electricity_mwh", .mwh, 1, .required, "heat-pump electricity") {
                    $0.0.electricity.megawattHours
                },
                F.number("heat_reused_mwh", .mwh, 1, .required, "data-centre heat reused") {
                    $0.0.sourceHeat.megawattHours
                },
                F.number("erf_fraction", .fraction, 5, .required, "ERF") { $0.0.erf.fraction },
                F.number("net_benefit_per_year", .currencyPerYear, 0, .required, "net benefit, in `currency`") {
                    $0.0.netBenefit
                },
                F.string("currency", .required, "currency of the benefit") { $0.1 },
            ])
    }

    static var heatRecovery: JSONObject<HeatRecoveryPlan> {
        JSONObject(
            "HeatRecovery", "Heat recovery into district heating (DESIGN.md §5.5).",
            [
                F.string("status", .required, "LP status") { $0.result.status.rawValue },
                F.string("network", .required, "network kind") { $0.choices.networkKind.rawValue },
                F.string("source", .required, "heat source") { $0.choices.source.rawValue },
                F.string("heat_pump", .required, "heat-pump entry") { $0.result.heatPumpID },
                F.number("heat_pump_mw", .mw, 3, .required, "heat-pump capacity") { $0.result.capacity.megawatts },
                F.integer("heat_pump_units", .required, "heat pumps") { $0.result.units },
                F.number("heat_demand_mwh", .mwh, 1, .required, "network demand") { $0.result.demand.megawattHours },
                F.number("heat_delivered_mwh", .mwh, 1, .required, "heat delivered") {
                    $0.result.delivered.megawattHours
                },
                F.number("heat_reused_mwh", .mwh, 1, .required, "data-centre heat reused") {
                    $0.result.sourceHeat.megawattHours
                },
                F.number("heat_pump_electricity_mwh", .mwh, 1, .required, "heat-pump electricity") {
                    $0.result.electricity.megawattHours
                },
                F.number("seasonal_cop", .ratio, 3, .required, "seasonal COP") { $0.result.seasonalCOP },
                F.number("erf_fraction", .fraction, 5, .required, "ERF") { $0.erf.fraction },
                F.number("ere", .ratio, 4, .required, "ERE") { $0.ere },
                F.number("maximum_erf_fraction", .fraction, 5, .required, "largest ERF reachable") {
                    $0.maximumERF.fraction
                },
                F.number("minimum_erf_fraction", .fraction, 5, .nullable, "ERF target") {
                    $0.choices.minimumERF?.fraction
                },
                F.number("net_benefit_per_year", .currencyPerYear, 0, .required, "net benefit, in `currency`") {
                    $0.result.netBenefit
                },
                F.string("currency", .required, "currency of the benefit") { $0.result.currency },
                F.number("heat_revenue_per_year", .currencyPerYear, 0, .required, "heat revenue, in `currency`") {
                    $0.result.heatRevenue
                },
                F.number("electricity_cost_per_year", .currencyPerYear, 0, .required, "electricity cost, in `currency`")
                {
                    $0.result.electricityCost
                },
                F.number(
                    "annualised_capital_per_year", .currencyPerYear, 0, .required, "annualised capital, in `currency`"
                ) {
                    $0.result.annualisedCapitalCost
                },
                F.number("waste_heat_mwh", .mwh, 1, .required, "waste heat offered by the liquid loop") {
                    $0.result.wasteHeat.megawattHours
                },
                F.integer("hours_above_stage_lift", .required, "hours above one compressor stage's lift") {
                    $0.result.hoursAboveStageLift
                },
                F.integer("hours_sink_too_hot", .required, "hours the sink is too hot") { $0.result.hoursSinkTooHot },
                F.array("months", of: heatRecoveryMonth, .required, "month by month") { $0.result.months },
                F.object("alternative", heatRecoveryAlternative, .optional, "the other network preset") { h in
                    h.alternative.map { ($0, h.result.currency) }
                },
                F.number("heat_rejected_without_recovery_mwh", .mwh, 1, .nullable, "heat rejected without recovery") {
                    $0.plant?.heatRejectedBefore.megawattHours
                },
                F.number("heat_rejected_mwh", .mwh, 1, .nullable, "heat rejected with recovery") {
                    $0.plant?.heatRejectedAfter.megawattHours
                },
                F.number("plant_energy_without_recovery_mwh", .mwh, 1, .nullable, "plant energy without recovery") {
                    $0.plant?.plantEnergyBefore.megawattHours
                },
                F.number("plant_energy_mwh", .mwh, 1, .nullable, "plant energy with recovery") {
                    $0.plant?.plantEnergyAfter.megawattHours
                },
                F.integer("lp_rows", .required, "LP rows") { $0.result.lp.rows },
                F.integer("lp_columns", .required, "LP columns") { $0.result.lp.columns },
                F.integer("lp_nonzeros", .required, "LP nonzeros") { $0.result.lp.nonzeros },
            ])
    }

    static var metrics: JSONObject<DataCentreMetrics> {
        JSONObject(
            "Metrics", "PUE, ERF, ERE and CUE over the year.",
            [
                F.number("pue", .ratio, 4, .required, "PUE") { $0.pue },
                F.number("erf_fraction", .fraction, 5, .required, "ERF") { $0.erf.fraction },
                F.number("ere", .ratio, 4, .required, "ERE") { $0.ere },
                F.number("cue_kg_per_kwh", .kgPerKWh, 4, .optional, "CUE") { $0.cue?.kilogramsPerKilowattHour },
            ])
    }

    static var compliance: JSONObject<RuleResult> {
        JSONObject(
            "ComplianceRule", "One rule of a rule set checked against the plan.",
            [
                F.string("rule_set", .required, "rule set") { $0.ruleSet.rawValue },
                F.string("rule", .required, "rule") { $0.rule },
                F.string("value", .required, "the site's value, as text") { $0.siteValue },
                F.string("threshold", .required, "threshold, as text") { $0.threshold },
                F.string("result", .required, "PASS, FAIL or NOT ASSESSED") { $0.verdict.rawValue },
                F.string("citation", .required, "source") { $0.citation },
            ])
    }

    static var finding: JSONObject<Finding> {
        JSONObject(
            "Finding", "A finding of the analysis.",
            [
                F.string("severity", oneOf: ["error", "warning", "note"], .required, "severity") {
                    $0.severity.rawValue
                },
                F.string("subject", .required, "what it is about") { $0.subject },
                F.string("message", .required, "the finding") { $0.message },
            ])
    }

    // MARK: - Cost

    static var costRange: JSONObject<CostRange> {
        JSONObject(
            "CostRange", "Low / typical / high, in the unit the holding key names (USD).",
            [
                F.number("low", .usd, 0, .required, "low") { $0.low.dollars },
                F.number("typical", .usd, 0, .required, "typical") { $0.typical.dollars },
                F.number("high", .usd, 0, .required, "high") { $0.high.dollars },
            ])
    }

    static var systemKeys: [String] { CostSystem.allCases.map(\.rawValue) }

    static var cost: JSONObject<SiteCost> {
        JSONObject(
            "Cost", "Capital, operating and lifetime cost in USD of `price_year` (DESIGN.md §5.16).",
            [
                F.number("capex_usd", .usd, 0, .required, "capital, typical") { $0.capital.typical.dollars },
                F.number("capex_low_usd", .usd, 0, .required, "capital, low") { $0.capital.low.dollars },
                F.number("capex_high_usd", .usd, 0, .required, "capital, high") { $0.capital.high.dollars },
                F.number("opex_usd_per_year", .usdPerYear, 0, .required, "operating cost, net") {
                    $0.operating.total.dollars
                },
                F.number("npv_usd", .usd, 0, .required, "lifetime cost (NPV), typical") { $0.lifetime.typical.dollars },
                F.number("npv_low_usd", .usd, 0, .required, "lifetime cost, low") { $0.lifetime.low.dollars },
                F.number("npv_high_usd", .usd, 0, .required, "lifetime cost, high") { $0.lifetime.high.dollars },
                F.number("capex_per_mw_it_usd", .usd, 0, .required, "capital per MW of IT design") {
                    $0.capitalPerMegawattIT.dollars
                },
                F.number("capex_per_gpu_usd", .usd, 0, .required, "capital per GPU") { $0.capitalPerGPU.dollars },
                F.number("cost_per_gpu_hour_usd", .usd, 4, .required, "facility cost per GPU-hour") {
                    $0.perGPUHour.dollars
                },
                F.number("cost_per_mwh_it_usd", .usd, 2, .required, "facility cost per MWh of IT energy") {
                    $0.perMegawattHourIT.dollars
                },
                F.objectMap(
                    "by_system_usd", costRange, keys: CostSystem.allCases.map(\.rawValue), .required,
                    "capital by system [USD]"
                ) { c in Dictionary(uniqueKeysWithValues: c.bySystem.map { ($0.system.rawValue, $0.cost) }) },
                F.objectMap(
                    "by_hall_usd", costRange, keys: nil, .required,
                    "capital per hall (all copies) and of the site [USD]"
                ) {
                    c in
                    var halls: [String: CostRange] = ["site": c.capital(hall: nil)]
                    for id in Set(c.items.compactMap(\.hallID)) { halls[id] = c.capital(hall: id) }
                    return halls
                },
                F.numberMap(
                    "maintenance_per_year_percent", .percent, 2, keys: CostSystem.allCases.map(\.rawValue), .required,
                    "maintenance by system [%/yr of capital]"
                ) {
                    c in Dictionary(uniqueKeysWithValues: c.maintenance.map { ($0.key.rawValue, $0.value.percent) })
                },
                F.numberMap(
                    "opex_by_item_usd_per_year", .usdPerYear, 0,
                    keys: ["electricity_energy", "electricity_demand", "water", "maintenance", "heat_revenue"],
                    .required,
                    "operating cost by item [USD/yr]"
                ) { c in
                    let o = c.operating
                    return [
                        "electricity_energy": o.electricityEnergy.dollars,
                        "electricity_demand": o.electricityDemand.dollars,
                        "water": o.water.dollars, "maintenance": o.maintenance.dollars,
                        "heat_revenue": o.heatRevenue.dollars,
                    ]
                },
                F.number("annual_cost_usd_per_year", .usdPerYear, 0, .required, "capital × annuity factor + operating")
                {
                    $0.capital.typical.dollars * $0.choices.annuityFactor + $0.operating.total.dollars
                },
                F.integer("price_year", .required, "year of the prices") { $0.choices.year },
                F.integer("horizon_years", .required, "lifetime") { $0.choices.horizonYears },
                F.number("discount_rate_fraction", .fraction, 4, .required, "discount rate") {
                    $0.choices.discountRate.fraction
                },
                F.bool("complete", .required, "every bill item has a unit cost") { $0.isComplete },
                F.strings("missing", "bill items without a unit cost") { c in
                    c.missing.map { "\($0.item) (\($0.entryID))" }
                },
            ])
    }

    static var area: JSONObject<SpaceSummary> {
        JSONObject(
            "Area", "Floor and site areas [m²].",
            [
                F.number("white_space", .m2, 1, .required, "white space, all halls") { $0.whiteSpace.squareMetres },
                F.number("electrical", .m2, 1, .required, "electrical rooms") { $0.electrical.squareMetres },
                F.number("mechanical", .m2, 1, .required, "mechanical rooms") { $0.mechanical.squareMetres },
                F.number("yard", .m2, 1, .required, "plant yard") { $0.yard.squareMetres },
                F.number("building", .m2, 1, .required, "building") { $0.building.squareMetres },
                F.number("total", .m2, 1, .required, "building + yard") { $0.total.squareMetres },
            ])
    }

    static var hallSpace: JSONObject<SpaceSummary.Hall> {
        JSONObject(
            "HallSpace", "One hall's white space and slab loading.",
            [
                F.string("hall", .required, "hall id") { $0.id },
                F.integer("copies", .required, "copies") { $0.copies },
                F.number("white_space_per_copy_m2", .m2, 1, .required, "white space of one copy") {
                    $0.whiteSpace.squareMetres
                },
                F.bool("from_layout", .required, "measured from the hall's layout") { $0.fromLayout },
                F.number("slab_kn_per_m2", .knPerM2, 2, .required, "slab loading") { $0.slabLoading.kilopascals },
            ])
    }

    static var option: JSONObject<DesignOption> {
        JSONObject(
            "Option", "One design option, ranked by lifetime cost (DESIGN.md §5.16).",
            [
                F.string("label", .required, "option") { $0.label },
                F.bool("chosen", .required, "the specified design") { $0.chosen },
                F.string("distribution", .required, "distribution") { $0.distribution },
                F.number("tcs_supply_c", .c, 1, .required, "liquid-loop supply") { $0.tcsSupply.celsius },
                F.bool("heat_recovery", .nullable, "with heat recovery") { $0.heatRecovery },
                F.number("capex_usd", .usd, 0, .required, "capital") { $0.capital.dollars },
                F.number("facility_energy_mwh", .mwh, 1, .nullable, "facility energy") {
                    $0.facilityEnergy?.megawattHours
                },
                F.number("pue", .ratio, 4, .nullable, "PUE") { $0.pue },
                F.number("water_m3", .m3, 0, .nullable, "water") { $0.water?.cubicMetres },
                F.number("npv_usd", .usd, 0, .required, "lifetime cost") { $0.lifetime.dollars },
                F.bool("failed", .required, "the option could not be planned") { $0.failed },
            ])
    }

    // MARK: - Weather, curve

    static var weather: JSONObject<WeatherStationSummary> {
        JSONObject(
            "Weather", "The weather station of the simulated year.",
            [
                F.string("file", .required, "EPW file") { $0.fileName },
                F.string("station", .required, "station") { $0.station },
                F.string("wmo", .required, "WMO number") { $0.wmo },
                F.number("latitude_deg", .deg, 3, .required, "latitude") { $0.position.latitudeDegrees },
                F.number("longitude_deg", .deg, 3, .required, "longitude") { $0.position.longitudeDegrees },
                F.number("elevation_m", .m, 1, .required, "elevation") { $0.elevation.metres },
                F.string("period", .optional, "period of the typical year") { $0.period },
                F.number("distance_km", .km, 1, .optional, "distance from the site") {
                    $0.distance.map { $0.metres / 1000 }
                },
                F.string("design_source", .required, "where the design conditions come from") { $0.designSource },
                F.string("stand_in_reason", .optional, "why a stand-in station is used") { $0.standInReason },
            ])
    }

    // MARK: - The document

    static var document: JSONObject<Root> {
        JSONObject(
            "Plan", "dcplan plan.json: one site's plan (DESIGN.md §8, §8.3).",
            [
                F.inline(capacity) { $0.plan.total },
                [
                    F.string("schema", oneOf: [schema], .required, "document version") { _ in schema },
                    F.string("site", .required, "site name") { $0.plan.site.name },
                    F.string("operator", .optional, "operator") { $0.plan.site.operatorName },
                    F.string("location", .optional, "location") { $0.plan.site.location },
                    F.string("commissioning", .optional, "commissioning (YYYY-MM)") { $0.plan.site.commissioning },
                    F.number("utilisation_percent", .percent, 3, .required, "sustained utilisation") {
                        $0.plan.site.utilisation.percent
                    },
                    F.number("utilisation_curve_exponent", .ratio, 6, .required, "k of the utilisation curve") {
                        $0.plan.curve.exponent
                    },
                    F.string("spec", .required, "spec path") { $0.context.specPath },
                    F.string("spec_sha256", .required, "SHA-256 of the spec") { $0.context.specDigest },
                    F.string("dcplan_version", .required, "dcplan version") { $0.context.version },
                    F.object("weather", weather, .optional, "weather station") { $0.plan.weather },
                    F.array("halls", of: hall, .required, "halls") { r in
                        r.plan.halls.map { HallContext(hall: $0, plan: r.plan) }
                    },
                    F.object("facility_power_kw", facilityPower, .optional, "facility power [kW]") { r in
                        r.plan.electrical.map { ($0, r.plan) }
                    },
                    F.number("losses_kw", .kw, 3, .optional, "power-chain losses at design") {
                        $0.plan.electrical?.designLoss.kilowatts
                    },
                    F.number("chain_efficiency_fraction", .fraction, 5, .optional, "end-to-end efficiency at design") {
                        r in
                        r.plan.electrical.flatMap { e in
                            e.comparison.first { $0.distribution == e.halls.first?.distribution }?.efficiency.fraction
                        }
                    },
                    F.number("copper_t", .t, 3, .optional, "copper, grid to rack") {
                        $0.plan.electrical?.metal.copper.tonnes
                    },
                    F.number("aluminium_t", .t, 3, .optional, "the same conductors in aluminium") {
                        $0.plan.electrical?.metal.aluminium.tonnes
                    },
                    F.numberMap("copper_by_level_t", .t, 3, keys: metalKeys, .optional, "copper by level [t]") {
                        $0.plan.electrical.map { tonnes($0.metal, \.copper) }
                    },
                    F.numberMap("aluminium_by_level_t", .t, 3, keys: metalKeys, .optional, "aluminium by level [t]") {
                        $0.plan.electrical.map { tonnes($0.metal, \.aluminium) }
                    },
                    F.number("copper_t_per_mw_it", .tPerMW, 4, .optional, "copper per MW of IT design") { r in
                        guard let e = r.plan.electrical, r.plan.total.itPower.design > .zero else { return nil }
                        return e.metal.copper.tonnes / r.plan.total.itPower.design.megawatts
                    },
                    F.number("copper_sized_conductors_t", .t, 3, .optional, "sized busways and rack drops alone") {
                        $0.plan.electrical?.conductorCopper.tonnes
                    },
                    F.string(
                        "pue_boundary", .optional, "where IT is measured for PUE (ISO/IEC 30134-2 or PSU as facility)"
                    ) {
                        $0.plan.electrical?.pueBoundary.rawValue
                    },
                    F.array("stage_entries", of: stageEntry, .optional, "stage entries the chain uses") {
                        $0.plan.electrical?.stageEntries
                    },
                    F.object("grid", grid, .optional, "grid connection") { r in r.plan.electrical.map { ($0, r.plan) }
                    },
                    F.array("distribution_comparison", of: comparison, .optional, "AC vs 800 VDC") {
                        $0.plan.electrical?.comparison
                    },
                    F.object("annual", annual, .optional, "the plant over the weather year") {
                        $0.plan.cooling?.annual == nil ? nil : $0.plan.cooling
                    },
                    F.object("design_conditions", designConditions, .optional, "cooling at the design condition") {
                        $0.plan.cooling?.annual == nil ? nil : $0.plan.cooling
                    },
                    F.object("plant", plant, .optional, "heat-rejection plant and loops") { $0.plan.cooling },
                    F.object("heat_recovery", heatRecovery, .optional, "heat recovery") { $0.plan.heatRecovery },
                    F.object("metrics", metrics, .optional, "PUE, ERF, ERE, CUE") { $0.plan.metrics },
                    F.array("compliance", of: compliance, .optional, "rules checked") { $0.plan.compliance?.results },
                    F.array("eed_kpis", of: eedKPI, .optional, "EU EED KPI table") { $0.plan.compliance?.eedKPIs },
                    F.object("cost", cost, .optional, "cost") { $0.plan.cost },
                    F.object("area_m2", area, .optional, "areas [m²]") { $0.plan.cost?.space },
                    F.array("hall_space", of: hallSpace, .optional, "white space and slab loading per hall") {
                        $0.plan.cost?.space.halls
                    },
                    F.number("slab_kn_per_m2", .knPerM2, 2, .optional, "heaviest hall's slab loading") {
                        $0.plan.cost?.space.slabLoading.kilopascals
                    },
                    F.number("rack_footprint_kn_per_m2", .knPerM2, 2, .optional, "heaviest rack over its own footprint")
                    {
                        $0.plan.cost?.space.rackFootprintLoading.kilopascals
                    },
                    F.array("options", of: option, .optional, "options ranked by lifetime cost") {
                        $0.plan.options.isEmpty ? nil : $0.plan.options
                    },
                    F.object("uncertainty", uncertainty, .optional, "bands over sampled inputs (DESIGN.md §5.20)") {
                        $0.plan.uncertainty
                    },
                    F.array("phases", of: phase, .optional, "phased build-out (DESIGN.md §5.19)") {
                        $0.plan.phases.isEmpty ? nil : $0.plan.phases
                    },
                    F.array("findings", of: finding, .required, "findings") { $0.plan.findings },
                ],
            ])
    }
}
