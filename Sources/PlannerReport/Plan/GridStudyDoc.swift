import PlannerModel

/// plan.json `grid` keys of the interconnection study and the backup power (DESIGN.md §5.10):
/// `rules`, `load_step_mw`, `ramp_mw_per_s`, `ramp_limit_mw_per_s`, `oscillation_band_mw`,
/// `storage` {`power_mw`, `energy_mwh`, `c_rate_per_h`} (zeros when the ramp is within the limit),
/// `ups` {`autonomy_min`, `energy_mwh`}, `critical_load_kw`, and `generators` {`count`, `unit_kw`,
/// `redundancy`, `autonomy_h`, `fuel_m3`} or `"none"`.
struct GridStudyDoc: Encodable {
    var rules: String?
    var study: InterconnectionStudy?
    var backup: BackupPower?

    init?(_ e: SiteElectricalResult) {
        guard e.study != nil || e.backup != nil else { return nil }
        rules = e.gridRules?.id
        study = e.study
        backup = e.backup
    }

    enum Keys: String, CodingKey {
        case rules, loadStepMW = "load_step_mw", rampMWPerS = "ramp_mw_per_s"
        case rampLimitMWPerS = "ramp_limit_mw_per_s", oscillationBandMW = "oscillation_band_mw", storage
        case ups, criticalLoadKW = "critical_load_kw", generators
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(rules, forKey: .rules)
        if let study {
            try c.encode(Format.plain(study.loadStep.megawatts, 3), forKey: .loadStepMW)
            try c.encode(Format.plain(study.ramp.megawattsPerSecond, 3), forKey: .rampMWPerS)
            try c.encode(Format.plain(study.rampLimit.megawattsPerSecond, 4), forKey: .rampLimitMWPerS)
            try c.encode(Format.plain(study.oscillationBand.megawatts, 3), forKey: .oscillationBandMW)
            try c.encode(
                [
                    "power_mw": Format.plain(study.storage?.power.megawatts ?? 0, 3),
                    "energy_mwh": Format.plain(study.storage?.energy.megawattHours ?? 0, 4),
                    "c_rate_per_h": Format.plain(study.storage?.cRate ?? 0, 2),
                ],
                forKey: .storage)
        }
        if let backup {
            try c.encode(
                [
                    "autonomy_min": Format.plain(backup.upsAutonomy.seconds / 60, 2),
                    "energy_mwh": Format.plain(backup.upsEnergy.megawattHours, 3),
                ],
                forKey: .ups)
            try c.encode(Format.plain(backup.criticalLoad.kilowatts), forKey: .criticalLoadKW)
            if let g = backup.generators {
                try c.encode(
                    GeneratorsDoc(
                        count: g.sizing.unitsInstalled, unitKW: Format.plain(g.sizing.unitRating.kilowatts),
                        redundancy: g.sizing.redundancy.description,
                        autonomyH: Format.plain(g.fuelAutonomy.seconds / 3600, 2),
                        fuelM3: Format.plain(g.fuel.cubicMetres, 1)),
                    forKey: .generators)
            } else {
                try c.encode("none", forKey: .generators)
            }
        }
    }

    struct GeneratorsDoc: Encodable {
        var count: Int
        var unitKW: Double
        var redundancy: String
        var autonomyH: Double
        var fuelM3: Double
        enum CodingKeys: String, CodingKey {
            case count, unitKW = "unit_kw", redundancy, autonomyH = "autonomy_h", fuelM3 = "fuel_m3"
        }
    }
}
