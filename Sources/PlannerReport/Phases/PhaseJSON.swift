import PlannerModel

extension PlanJSON {
    /// One element of `phases` (DESIGN.md §5.19): the phase's month, GPUs, IT and facility power
    /// at design, grid contract, PUE of the plant built so far, its installed equipment and its
    /// margins (negative: run out), in MW.
    static var phase: JSONObject<PhasePlan> {
        JSONObject(
            "Phase", "One phase of the build-out: what is energised and installed by its month, and its margins.",
            [
                F.string("date", .required, "month the phase is energised (YYYY-MM)") { $0.date },
                F.integer("gpu_count", .required, "GPUs energised by this phase") { $0.gpuCount },
                F.number("it_mw", .mw, 6, .required, "IT power at design") { $0.it.design.megawatts },
                F.number("facility_mw", .mw, 6, .required, "facility power at design") { $0.facilityDesign.megawatts },
                F.number("grid_contract_mw", .mw, 6, .required, "grid contract in force") { $0.gridContract.megawatts },
                F.number("grid_connection_mw", .mw, 6, .required, "grid connection built for the final site") {
                    $0.gridConnection.megawatts
                },
                F.string("grid_contract_source", .required, "where the contract figure comes from") {
                    $0.gridContractSource.rawValue
                },
                F.number("utilisation_ramp_percent", .percent, 3, .required, "share of the site's utilisation") {
                    $0.utilisationRamp.percent
                },
                F.number("pue", .ratio, 4, .optional, "annual PUE of the plant built so far") { $0.pue },
                F.number("facility_energy_mwh", .mwh, 3, .optional, "annual facility energy") {
                    $0.facilityEnergy?.megawattHours
                },
                F.integerMap("halls", keys: nil, .required, "hall copies energised by now, by hall") { p in
                    Dictionary(p.halls.map { ($0.hallID, $0.copies) }, uniquingKeysWith: +)
                },
                F.integer("main_transformers", .optional, "main transformers installed") {
                    $0.mainTransformers?.unitsInstalled
                },
                F.integerMap("chillers", keys: nil, .required, "chillers installed, by loop") { p in
                    Dictionary(p.loops.map { ($0.kind.specKey, $0.chillersInstalled) }, uniquingKeysWith: +)
                },
                F.integerMap("economisers", keys: nil, .required, "economisers installed, by loop") { p in
                    Dictionary(p.loops.map { ($0.kind.specKey, $0.economisersInstalled) }, uniquingKeysWith: +)
                },
                F.numberMap(
                    "margins_mw", .mw, 6,
                    keys: ["grid_contract", "transformers", "chillers", "heat_rejection"], .required,
                    "capacity in place less the phase's demand at design [MW]; negative: run out"
                ) { p in
                    // The margins the report names ("grid contract" → grid_contract), one source for both.
                    Dictionary(
                        uniqueKeysWithValues: p.margins.named.map {
                            ($0.name.replacingOccurrences(of: " ", with: "_"), $0.margin.megawatts)
                        })
                },
            ])
    }
}
