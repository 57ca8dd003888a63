import Catalogue
import PlannerModel

/// The utility's interconnection questions and the site's backup power (DESIGN.md §5.10,
/// REFERENCE.md §10.5, §10.6).
public enum GridStudy {
    /// Energy storage that holds a load step to a permitted ramp at the connection.
    ///
    /// The load steps by `P` in a fraction of a second; the grid may follow only at `r`, so it takes
    /// `P/r` to reach the new load and the storage supplies the difference `P − r·t`, a triangle:
    ///
    /// `E_ramp = ½·P·(P/r) = P²/(2r)`
    ///
    /// On top, the synchronous-training oscillation `ΔP = (f − 1)·P` at its lowest frequency `f_o`
    /// is carried for one half-cycle, `E_band = ΔP/(2·f_o)` (`Transients.smoothingStorage`). The
    /// storage delivers `P + ΔP` (the step and a swing peak before the grid has moved), and is held
    /// at mid charge so a start can draw one event and a stop return one: usable `E = 2·(E_ramp + E_band)`;
    /// `C = (P + ΔP)/E` per hour.
    ///
    /// Assumptions: a linear grid ramp at exactly the limit; the step from idle to the job's full
    /// design power (idle draw, ~10 % by REFERENCE.md P76, left in: conservative); storage losses,
    /// depth-of-discharge and ageing margins left out (they raise the installed energy, not the usable).
    ///
    /// - Parameters:
    ///   - step: `P`, the job's step [W].
    ///   - limit: `r`, the permitted ramp [W/s]; must be positive.
    ///   - band: `ΔP`, the oscillation band [W].
    ///   - oscillationHz: `f_o`, the band's lowest frequency [Hz] (0.2 Hz, REFERENCE.md P72).
    /// - Returns: power, energy per event, usable energy and C-rate.
    ///
    /// Source: REFERENCE.md P71-P74 (Choukse et al.: ramp limits, storage), P260, P261; DESIGN.md §5.10.
    public static func rampStorage(step: Power, limit: PowerRamp, band: Power, oscillationHz: Double) -> RampStorage {
        let rampEnergy = Energy(si: step.si * step.si / (2 * limit.si))
        let bandEnergy = band * Duration.seconds(1 / (2 * oscillationHz))
        let event = rampEnergy + bandEnergy
        let usable = event * 2
        let power = step + band
        return RampStorage(
            power: power, energyPerEvent: event, energy: usable, cRate: power.watts / (usable.joules / 3600))
    }

    /// The interconnection study of a site: the largest job's step and ramp against the permitted
    /// ramp (the spec's, else the rule table's), the oscillation band, and the storage when the ramp
    /// exceeds the limit. The job is the spec's `site.grid.study.largest_job_mw`, else the largest
    /// hall's IT design power (one hall copy: a synchronous job rarely spans halls).
    ///
    /// `ramp = P/t_r`, `ΔP = (f − 1)·P` (REFERENCE.md §1.6, P72, P260).
    public static func interconnection(_ site: Site, halls: [HallResult]) -> InterconnectionStudy {
        let choices = site.electrical.study
        let table = site.electrical.resolvedGridRules
        let largestHall = halls.map(\.perCopy.itPower.design).max() ?? .zero
        let step = choices.largestJob ?? largestHall
        let ramp = PowerRamp.mean(step: step, over: choices.riseTime)
        let band = step * (site.electrical.swingFactor - 1)
        let limit = choices.rampLimit ?? table.rampLimit
        let limitSource =
            choices.rampLimit == nil
            ? table.rampLimitSource
            : Provenance(source: "site spec (site.grid.study.ramp_limit_mw_per_min)", confidence: .medium)
        let storage =
            ramp > limit
            ? rampStorage(step: step, limit: limit, band: band, oscillationHz: choices.oscillationFrequencyHz) : nil
        return InterconnectionStudy(
            loadStep: step,
            loadStepSource: choices.largestJob == nil
                ? "the largest hall's IT design power (one copy)" : "site.grid.study.largest_job_mw",
            riseTime: choices.riseTime, ramp: ramp, oscillationBand: band,
            oscillationFrequencyHz: choices.oscillationFrequencyHz, rampLimit: limit, rampLimitSource: limitSource,
            storage: storage)
    }

    /// UPS batteries and standby generators.
    ///
    /// `E_UPS = P_IT·t_UPS` (the UPS carries the IT load until the generators take it, REFERENCE.md
    /// P67-P69); generators `n = ⌈P_crit/U⌉` plus the redundancy (N+1 default), with `P_crit` the
    /// IT load, the hall chains' losses and the whole cooling plant at the design condition, at MV
    /// (the CDU pumps, chillers, dry coolers and fans must all run in an outage: liquid-cooled racks
    /// overheat within seconds without flow); fuel `V = c·P_crit·t_fuel` (REFERENCE.md P57, P64, P65).
    ///
    /// - Parameters:
    ///   - choices: autonomy, unit rating, redundancy, fuel.
    ///   - it: `P_IT`, the IT design load [W].
    ///   - criticalLoad: `P_crit` [W].
    public static func backup(_ choices: BackupPowerChoices, it: Power, criticalLoad: Power) -> BackupPower {
        let generators =
            choices.generators
            ? GeneratorPlant(
                sizing: RedundancyAnalysis.size(
                    load: criticalLoad, unitRating: choices.generatorRating, redundancy: choices.generatorRedundancy),
                fuelAutonomy: choices.fuelAutonomy,
                fuel: choices.fuelConsumption * (criticalLoad * choices.fuelAutonomy)) : nil
        return BackupPower(
            upsLoad: it, upsAutonomy: choices.upsAutonomy, upsEnergy: it * choices.upsAutonomy,
            criticalLoad: criticalLoad, generators: generators)
    }

    /// An interconnect voltage set in the spec whose rule row cannot carry the whole design demand
    /// (the loader checked the IT alone), and a ramp above the permitted limit (a note: the report
    /// sizes the storage that holds it).
    static func findings(_ site: Site, _ electrical: SiteElectricalResult) -> [Finding] {
        var findings: [Finding] = []
        if let voltage = site.electrical.interconnectVoltage, let table = electrical.gridRules,
            let row = table.reach(at: voltage), !row.admits(electrical.grid.peakDemand), let bound = row.upTo
        {
            let demand = NumberText.compact((electrical.grid.peakDemand.megawatts * 10).rounded() / 10)
            findings.append(
                Finding(
                    .warning, "site.grid.interconnect_kv",
                    "the design demand of \(demand) "
                        + "MW (IT, chain losses and cooling) exceeds the \(NumberText.compact(bound.megawatts)) MW "
                        + "\(table.name) supplies at \(NumberText.compact(row.voltage.kilovolts)) kV (\(row.supply))"))
        }
        if let study = electrical.study, let storage = study.storage {
            findings.append(
                Finding(
                    .note, "site.grid.study",
                    "the job step of \(NumberText.compact((study.loadStep.megawatts * 10).rounded() / 10)) MW ramps at "
                        + "\(NumberText.compact(study.ramp.megawattsPerSecond.rounded())) MW/s, above the permitted "
                        + "\(NumberText.compact((study.rampLimit.megawattsPerSecond * 1000).rounded() / 1000)) MW/s: "
                        + "storage of \(NumberText.compact((storage.power.megawatts * 100).rounded() / 100)) MW / "
                        + "\(NumberText.compact((storage.energy.megawattHours * 1000).rounded() / 1000)) MWh holds it"))
        }
        return findings
    }
}
