import PlannerModel

extension PlanJSON {
    /// One element of `phases` (DESIGN.md §5.19): the phase's month, GPUs, IT and facility power
    /// at design, grid contract, PUE of the plant built so far, its installed equipment and its
    /// margins (negative: run out), in MW.
    struct PhaseDoc: Encodable {
        var date: String
        var gpuCount: Int
        var itMW, facilityMW, gridContractMW, gridConnectionMW: Double
        var gridContractSource: String
        var utilisationRampPercent: Double
        var pue: Double?
        var facilityEnergyMWh: Double?
        var halls: [String: Int]
        var mainTransformers: Int?
        var chillers: [String: Int]
        var economisers: [String: Int]
        var margins: [String: Double]

        init(_ p: PhasePlan) {
            date = p.date
            gpuCount = p.gpuCount
            itMW = Format.plain(p.it.design.megawatts)
            facilityMW = Format.plain(p.facilityDesign.megawatts)
            gridContractMW = Format.plain(p.gridContract.megawatts)
            gridConnectionMW = Format.plain(p.gridConnection.megawatts)
            gridContractSource = p.gridContractSource.rawValue
            utilisationRampPercent = Format.plain(p.utilisationRamp.percent)
            pue = p.pue.map { Format.plain($0, 4) }
            facilityEnergyMWh = p.facilityEnergy.map { Format.plain($0.megawattHours) }
            halls = Dictionary(p.halls.map { ($0.hallID, $0.copies) }, uniquingKeysWith: +)
            mainTransformers = p.mainTransformers?.unitsInstalled
            chillers = Dictionary(p.loops.map { ($0.kind.specKey, $0.chillersInstalled) }, uniquingKeysWith: +)
            economisers = Dictionary(p.loops.map { ($0.kind.specKey, $0.economisersInstalled) }, uniquingKeysWith: +)
            var margins = ["grid_contract_mw": Format.plain(p.margins.grid.megawatts)]
            if let m = p.margins.transformers { margins["transformers_mw"] = Format.plain(m.megawatts) }
            if let m = p.margins.chillers { margins["chillers_mw"] = Format.plain(m.megawatts) }
            if let m = p.margins.heatRejection { margins["heat_rejection_mw"] = Format.plain(m.megawatts) }
            self.margins = margins
        }

        enum CodingKeys: String, CodingKey {
            case date, gpuCount = "gpu_count", itMW = "it_mw", facilityMW = "facility_mw"
            case gridContractMW = "grid_contract_mw", gridConnectionMW = "grid_connection_mw"
            case gridContractSource = "grid_contract_source", utilisationRampPercent = "utilisation_ramp_percent"
            case pue, facilityEnergyMWh = "facility_energy_mwh", halls, mainTransformers = "main_transformers"
            case chillers, economisers, margins
        }
    }
}
