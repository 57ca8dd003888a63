import Catalogue
import PlannerModel

/// `site.grid.rules`, `site.grid.study` and `power.backup` (DESIGN.md §5.10): the regional rule
/// table, the interconnection-study choices and the backup power, each default listed with its
/// source; an interconnect voltage the table cannot serve is an error at its key.
extension SiteAssembler {
    static let riseTimeSource = Provenance(
        source: "REFERENCE.md P260 (IEA: an AI training block rose from 6 to 30 MW in 0.25 s)", confidence: .medium)
    static let upsAutonomySource = Provenance(
        source: "REFERENCE.md P67, P68 (about 5 min, the baseline of new hyperscale designs)", confidence: .low)
    static let generatorSource = Provenance(
        source: "REFERENCE.md P62 (large diesel sets up to about 2 500 kW at 60 Hz), P262 (3 MW-class engines), "
            + "P61 (1 800 kW DCC set in a real project)", confidence: .low)
    static let generatorRedundancySource = Provenance(
        source: "N+1 paralleled generator sets, the common redundancy (REFERENCE.md §2.4, P57 on a concurrently "
            + "maintainable basis)", confidence: .medium)
    static let fuelAutonomySource = Provenance(
        source: "REFERENCE.md P57 (Uptime: 12 h minimum on-site fuel at N load); NFPA 110 classes, P263",
        confidence: .medium)
    static let fuelSource = Provenance(
        source: "REFERENCE.md P64 (0.27 L/kWh at full load), P65 (0.274 L/kWh, Cat C15 datasheet)", confidence: .medium)

    /// Resolves the rule table (from the spec, else the region's, `resolveRegion`), the study and
    /// the backup choices into `electrical`, listing every default applied.
    func gridChoices(
        _ electrical: inout SiteElectrical, grid: GridSection?, backup: BackupSection?, region: RegionDefaults
    ) {
        if let rules = grid?.rules {
            if let table = GridRuleTables.table(rules.value) {
                electrical.gridRules = table
            } else {
                log.error(
                    "unknown rule table '\(rules.value)'; use "
                        + Phrase.alternatives(GridRuleTables.all.map(\.id)),
                    at: rules.place)
            }
        } else {
            let table = region.gridRules
            electrical.gridRules = table
            let why =
                region.standInFor.map { "no rule table for country \($0); \(table.name) stands in" }
                ?? "the rules of \(region.name) (\(region.reason))"
            applied.add(
                "site.grid.rules", table.id,
                Provenance(
                    source: "\(why) (\(table.levelsSource.source))",
                    confidence: region.standInFor != nil || region.resolution == .defaulted ? .low : .medium))
        }
        study(&electrical.study, grid?.study, table: electrical.resolvedGridRules)
        self.backup(&electrical.backup, backup)
    }

    private func study(_ study: inout InterconnectionStudyChoices, _ spec: GridStudySection?, table: GridRuleTable) {
        if let job = spec?.largestJobMW?.value { study.largestJob = .megawatts(job) }
        if let rise = spec?.riseTimeMS?.value {
            study.riseTime = .microseconds(Int64((rise * 1000).rounded()))
        } else {
            applied.add("site.grid.study.rise_time_ms", "250", Self.riseTimeSource)
        }
        if let limit = spec?.rampLimitMWPerMin?.value {
            study.rampLimit = .megawattsPerMinute(limit)
        } else {
            applied.add(
                "site.grid.study.ramp_limit_mw_per_min", Phrase.number(table.rampLimit.megawattsPerMinute),
                table.rampLimitSource)
        }
    }

    private func backup(_ backup: inout BackupPowerChoices, _ spec: BackupSection?) {
        let defaults = BackupPowerChoices()
        let numbers: [(BackupSection.Key, Located<Double>?, Double, Provenance)] = [
            (.upsAutonomyMin, spec?.upsAutonomyMin, defaults.upsAutonomy.seconds / 60, Self.upsAutonomySource),
            (.generatorKW, spec?.generatorKW, defaults.generatorRating.kilowatts, Self.generatorSource),
            (.fuelAutonomyH, spec?.fuelAutonomyH, defaults.fuelAutonomy.seconds / 3600, Self.fuelAutonomySource),
            (.fuelLPerKWh, spec?.fuelLPerKWh, defaults.fuelConsumption.litresPerKilowattHour, Self.fuelSource),
        ]
        for (key, given, value, source) in numbers where given == nil {
            applied.add("power.backup.\(key.rawValue)", Phrase.number(value), source)
        }
        if let minutes = spec?.upsAutonomyMin?.value { backup.upsAutonomy = .milliseconds(Int64(minutes * 60_000)) }
        if let kw = spec?.generatorKW?.value { backup.generatorRating = .kilowatts(kw) }
        if let hours = spec?.fuelAutonomyH?.value { backup.fuelAutonomy = .seconds(Int64((hours * 3600).rounded())) }
        if let litres = spec?.fuelLPerKWh?.value { backup.fuelConsumption = .litresPerKilowattHour(litres) }
        if let generators = spec?.generators {
            if generators.value == "none" {
                backup.generators = false
            } else if let redundancy = redundancy(generators) {
                backup.generatorRedundancy = redundancy
            }
        } else {
            applied.add("power.backup.generators", "N+1", Self.generatorRedundancySource)
        }
    }

    /// The interconnect voltage the spec sets against the rule table: it must be one of the
    /// region's levels, and the table must supply at least the site's IT design power at that
    /// voltage or below (the IT alone: losses and cooling only add to it). Against an L row (a
    /// threshold no source confirms) the shortfall is a warning, not an error.
    func checkInterconnect(_ kv: Located<Double>?, rules: GridRuleTable?, halls: [Hall]) {
        guard let kv, let table = rules else { return }
        let voltage = Voltage.kilovolts(kv.value)
        let levels = table.levels.map { Phrase.number($0.kilovolts) }.joined(separator: ", ")
        guard table.offers(voltage) else {
            log.error(
                "\(Phrase.number(kv.value)) kV is not a supply level of \(table.name) (\(levels) kV); choose one "
                    + "of them or set site.grid.rules to the region whose levels include it",
                at: kv.place)
            return
        }
        let it = halls.sum { hall in
            hall.rackGroups.sum { $0.system.designPower * Double($0.count) } * Double(hall.copies)
        }
        let row = table.reach(at: voltage) ?? table.rules[0]
        guard !row.admits(it), let bound = row.upTo else { return }
        let message =
            "\(Phrase.number(kv.value)) kV cannot serve this site: its IT design alone is "
            + "\(Phrase.number((it.megawatts * 10).rounded() / 10)) MW, above the \(Phrase.number(bound.megawatts)) MW "
            + "\(table.name) supplies at \(Phrase.number(row.voltage.kilovolts)) kV (\(row.supply); "
            + "\(row.provenance.source)); raise the voltage"
        if row.provenance.confidence == .low {
            log.warning(message + " or confirm the utility's limit (the threshold is an estimate)", at: kv.place)
        } else {
            log.error(message, at: kv.place)
        }
    }
}
