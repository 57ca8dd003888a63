import Catalogue
import Foundation
import PlannerModel

/// The semantic phase of loading: checks the DTOs of a structurally read spec, all of them,
/// logging every problem, and builds the typed `Site` with the documented defaults applied
/// (``SpecDefaults``), each one it applies listed in `Site.defaultsApplied`.
struct SiteAssembler {
    let log: FindingLog
    /// The defaults applied so far, in the order the assembler resolves the keys.
    let applied = AppliedDefaults()
    /// The folder the spec's relative paths start from.
    private let baseDirectory: String
    private(set) var catalogue: SpecCatalogue
    private var stages: SpecStages
    /// The site's region (`site.country`, DESIGN.md §5.17), resolved first in `assemble`.
    private(set) var region = BuiltInRegions.fallback.defaults

    init(catalogue: Catalogue, stages: SpecStages.BuiltIn, baseDirectory: String, log: FindingLog) {
        self.log = log
        self.baseDirectory = baseDirectory
        self.catalogue = SpecCatalogue(catalogue, log: log)
        self.stages = SpecStages(stages, log: log)
    }

    /// The site, or nil when any check (of this phase or the structural one) logged an error.
    ///
    /// A malformed optional value falls back to its default after its error is logged, so that
    /// the checks that depend on it still run; the error keeps the site from being returned.
    mutating func assemble(_ document: SpecDocument) -> Site? {
        catalogue.add(document.catalog?.racks ?? [])
        stages.add(document.catalog?.stages ?? [])
        let site = document.site
        region = resolveRegion(site)
        let weatherPath = weather(site?.weather)
        let frequency = log.check(site?.grid?.frequencyHz) {
            $0 == 50 || $0 == 60
        } message: {
            "must be 50 or 60, got \(Phrase.number($0))"
        }
        let commissioning = log.check(site?.commissioning) {
            FindingLog.isMonth($0)
        } message: {
            "must be a month as YYYY-MM, got \"\($0)\""
        }
        if site?.grid?.frequencyHz == nil {
            applied.add("site.grid.frequency_hz", Phrase.number(region.frequencyHz), region.frequencySource)
        }
        let utilisation = document.workload?.utilisationPercent?.percent
        if document.workload?.utilisationPercent == nil {
            applied.add(
                "workload.utilisation_percent", Phrase.number(SpecDefaults.utilisation.percent),
                SpecDefaults.utilisationSource)
        }
        let profile = dailyProfile(document.workload?.dailyProfilePercent)
        var electrical = self.electrical(grid: site?.grid, power: document.power)
        electrical.mediumVoltage = region.mediumVoltage
        let halls = self.halls(document.halls ?? [])
        gridChoices(&electrical, grid: site?.grid, backup: document.power?.backup, region: region)
        checkInterconnect(site?.grid?.interconnectKV, rules: electrical.gridRules, halls: halls)
        var cooling = self.cooling(document.cooling, halls: halls)
        cooling.pumps = pumps(document.cooling?.pumps)
        cooling.houseLoads = houseLoads(site?.houseLoads)
        let heatRecovery = document.heatRecovery.flatMap {
            self.heatRecovery($0, cooling: cooling, hasWeather: site?.weather != nil)
        }
        let compliance = document.compliance.flatMap {
            self.compliance($0, hasWeather: site?.weather != nil, hasCommissioning: site?.commissioning != nil)
        }
        let placement =
            document.placement.map { self.placement($0, halls: halls, specs: document.halls ?? [], cooling: cooling) }
            ?? .notPlaced
        let designCondition = self.designCondition(site, hasWeather: weatherPath != nil)
        let pueBoundary = self.pueBoundary(site?.metrics)
        let coordinates = self.coordinates(site)
        let cost = self.cost(document.cost, region: region, commissioning: commissioning)
        let phases = self.phases(document.phases, halls: halls)
        guard let name = site?.name?.value, !log.hasErrors else { return nil }
        var assembled = Site(
            name: name, operatorName: site?.operatorName?.value, location: site?.location?.value,
            weatherPath: weatherPath, gridFrequencyHz: frequency ?? region.frequencyHz,
            commissioning: commissioning, utilisation: utilisation ?? SpecDefaults.utilisation, halls: halls,
            electrical: electrical, cooling: cooling, dailyProfile: profile, heatRecovery: heatRecovery,
            compliance: compliance, placement: placement, defaultsApplied: applied.list,
            designCondition: designCondition)
        assembled.pueBoundary = pueBoundary
        assembled.coordinates = coordinates
        assembled.weatherStandIn = site?.weatherStandIn?.value
        assembled.cost = cost
        assembled.phases = phases
        assembled.region = region
        return assembled
    }

    /// `site.metrics.pue_boundary`, default ISO/IEC 30134-2 (listed as a default applied).
    private func pueBoundary(_ metrics: MetricsSection?) -> PUEBoundary {
        guard let given = metrics?.pueBoundary else {
            applied.add(
                "site.metrics.pue_boundary", PUEBoundary.iso30134_2.rawValue,
                Provenance(
                    source: "ISO/IEC 30134-2 (REFERENCE.md P32, P34, P35; §10.2)", confidence: .medium,
                    derivation:
                        "IT energy measured at the rack input: rack power shelves, PSUs and in-rack converters are IT "
                        + "equipment (P37 reads the standard so; DESIGN.md §5.8)"))
            return .iso30134_2
        }
        return log.choice(given, of: PUEBoundary.self) ?? .iso30134_2
    }

    /// `site.latitude` and `site.longitude`: both or neither (one alone is an error at it).
    private func coordinates(_ site: SiteSection?) -> GeoPoint? {
        switch (site?.latitude, site?.longitude) {
        case (let lat?, let lon?):
            return GeoPoint(latitudeDegrees: lat.value, longitudeDegrees: lon.value)
        case (let lat?, nil):
            log.error("site.latitude needs site.longitude too", at: lat.place)
        case (nil, let lon?):
            log.error("site.longitude needs site.latitude too", at: lon.place)
        case (nil, nil):
            break
        }
        return nil
    }

    /// `placement`: limits of the MILP, and what every hall needs to be placed: a CDU and an air
    /// unit with reach and cost, a reach at least the rack pitch.
    private func placement(_ spec: PlacementSection, halls: [Hall], specs: [HallSpec], cooling: CoolingChoices)
        -> PlacementChoices
    {
        var choices = SpecDefaults.placement
        let given: [PlacementSection.Key: Located<Double>?] = [
            .timeLimitS: spec.timeLimitS, .mipGapPercent: spec.mipGapPercent, .sitePitchM: spec.sitePitchM,
        ]
        let values: [PlacementSection.Key: Double] = [
            .timeLimitS: choices.timeLimit.seconds, .mipGapPercent: choices.mipGap.percent,
            .sitePitchM: choices.sitePitch.metres,
        ]
        for key in [PlacementSection.Key.timeLimitS, .mipGapPercent, .sitePitchM] where given[key]! == nil {
            applied.add("placement.\(key.rawValue)", Phrase.number(values[key]!), SpecDefaults.placementSources[key]!)
        }
        // Within a day by its range, so the milliseconds fit an Int64.
        if let t = spec.timeLimitS?.value { choices.timeLimit = .milliseconds(Int64((t * 1000).rounded())) }
        if let gap = spec.mipGapPercent?.percent { choices.mipGap = gap }
        if let pitch = spec.sitePitchM?.value { choices.sitePitch = .metres(pitch) }
        for (unit, reach) in [
            (cooling.cdu.id, cooling.cdu.placement?.reach), (cooling.airUnit.id, cooling.airUnit.placement?.reach),
        ] {
            guard let reach else {
                log.error(
                    "'\(unit)' has no reach and cost for placement (an in-rack unit is not placed); choose a floor "
                        + "unit in cooling: or remove placement:",
                    at: Place(path: SpecPath.root.appending(key: "placement"), line: nil, column: nil))
                continue
            }
            for (hall, hallSpec) in zip(halls, specs) {
                guard let layout = hall.layout, layout.rackPitch > reach else { continue }
                let place =
                    hallSpec.layout?.rackPitchM?.place ?? hallSpec.layout?.place
                    ?? Place(path: .root, line: nil, column: nil)
                log.error(
                    "'\(unit)' reaches \(Phrase.number(reach.metres)) m, less than the rack pitch of "
                        + "\(Phrase.number(layout.rackPitch.metres)) m: no unit could serve a neighbouring rack",
                    at: place)
            }
        }
        return choices
    }

    /// `heat_recovery`: the network preset with overrides (supply above return), a heat source
    /// colder than the network supply (a heat pump needs a lift) and a heat pump that can reach
    /// it, prices and costs not negative.
    private func heatRecovery(_ spec: HeatRecoverySection, cooling: CoolingChoices, hasWeather: Bool)
        -> HeatRecoveryChoices?
    {
        if !hasWeather {
            log.error(
                "heat recovery needs site.weather: the waste heat comes from the plant over the weather year",
                at: spec.place)
        }
        let kind = log.choice(spec.network, of: HeatRecoveryChoices.NetworkKind.self)
        let peak = spec.peakDemandMW?.value
        let source = log.choice(spec.source, of: HeatRecoveryChoices.Source.self) ?? .facilityWaterReturn
        var economics = HeatRecoveryEconomics()
        economics.electricityPricePerMegawattHour =
            spec.electricityPrice?.value ?? economics.electricityPricePerMegawattHour
        economics.heatPricePerMegawattHour = spec.heatPrice?.value ?? economics.heatPricePerMegawattHour
        economics.heatPumpCostPerKilowatt = spec.heatPumpCost?.value
        economics.discountRate = spec.discountRatePercent?.percent ?? economics.discountRate
        economics.lifetimeYears = spec.lifetimeYears?.whole ?? economics.lifetimeYears
        if [spec.electricityPrice, spec.heatPrice, spec.heatPumpCost, spec.discountRatePercent, spec.lifetimeYears]
            .contains(where: { $0 != nil })
        {
            economics.provenance = Provenance(
                source: "spec heat_recovery prices (L unless the spec cites better)", confidence: .low,
                derivation: "defaults for keys not set: " + (HeatRecoveryEconomics.defaultProvenance.derivation ?? ""))
        }
        let minimumERF = spec.minimumERFPercent?.percent
        let maximumCapacity = spec.maximumCapacityMW.map { Power.megawatts($0.value) }
        let days = spec.representativeDays?.whole
        var storage: HeatStorageOptions? = nil
        if let s = spec.storage {
            var options = HeatStorageOptions()
            options.hourlyLoss = s.hourlyLossPercent?.percent ?? options.hourlyLoss
            options.maximumCapacity = s.maximumMWh.map { Energy.megawattHours($0.value) }
            if let cost = s.costUSDPerMWh?.value { economics.storageCostPerMegawattHour = cost }
            storage = options
        }
        let supply = spec.supplyC.map { Temperature.celsius($0.value) }
        let ret = spec.returnC.map { Temperature.celsius($0.value) }
        guard let kind, let peak else { return nil }
        var choices = HeatRecoveryChoices(
            networkKind: kind, peakDemand: .megawatts(peak), source: source,
            heatPump: BuiltInHeatPumps.entry(kind.defaultHeatPumpID)!, economics: economics, minimumERF: minimumERF,
            storage: storage, representativeDays: days, supplyOverride: supply, returnOverride: ret,
            maximumCapacity: maximumCapacity)
        if let id = spec.heatPump {
            guard let entry = BuiltInHeatPumps.entry(id.value) else {
                let ids = BuiltInHeatPumps.all.map(\.id)
                log.error(
                    "unknown heat pump '\(id.value)'"
                        + Phrase.didYouMean(
                            EditDistance.closest(to: id.value, in: ids),
                            otherwise: "; known: " + Phrase.alternatives(ids)),
                    at: id.place)
                return nil
            }
            choices.heatPump = entry
        }
        recordHeatRecoveryDefaults(spec, &choices)
        let network = choices.network
        let lowest = network.supply.lowest
        let highest = network.supply.highest
        if network.returnTemperature >= lowest {
            let place = spec.supplyC?.place ?? spec.returnC?.place ?? spec.place
            log.error(
                "the network supply \(Phrase.number(lowest.celsius)) °C must be above its return "
                    + "\(Phrase.number(network.returnTemperature.celsius)) °C",
                at: place)
            return nil
        }
        let sourceTemperature = source.returnTemperature(cooling)
        if sourceTemperature >= lowest {
            log.error(
                "the heat source (\(source.rawValue), "
                    + "\(Phrase.number((sourceTemperature.celsius * 10).rounded() / 10)) °C) is not colder than the "
                    + "network supply (\(Phrase.number(lowest.celsius)) °C): there is no lift for a heat pump; use "
                    + "a heat exchanger or a hotter network",
                at: spec.source?.place ?? spec.network?.place ?? spec.place)
            return nil
        }
        let sink = lowest + choices.heatPump.sinkApproach
        if sink > choices.heatPump.maximumSinkTemperature {
            let better = BuiltInHeatPumps.all.first {
                lowest + $0.sinkApproach <= $0.maximumSinkTemperature
                    && highest + $0.sinkApproach <= $0.maximumSinkTemperature
            }
            log.error(
                "heat pump '\(choices.heatPump.id)' condenses at most "
                    + "\(Phrase.number(choices.heatPump.maximumSinkTemperature.celsius)) °C, below the "
                    + "\(Phrase.number(sink.celsius)) °C a \(Phrase.number(lowest.celsius)) °C supply needs"
                    + (better.map { "; use '\($0.id)'" } ?? ""),
                at: spec.heatPump?.place ?? spec.network?.place ?? spec.place)
            return nil
        }
        return choices
    }

    /// `compliance`: known rule sets, each once; EnEfG needs the commissioning month.
    private func compliance(_ spec: ComplianceSection, hasWeather: Bool, hasCommissioning: Bool) -> ComplianceChoices? {
        if !hasWeather {
            log.error(
                "compliance needs site.weather: the annual energies come from the plant over the weather year",
                at: spec.place)
        }
        var sets: [RuleSet] = []
        var seen: [String: Place] = [:]
        let names = ComplianceChoices.specNames.map(\.0)
        for rule in spec.rules?.value ?? [] {
            guard let set = ComplianceChoices.specNames.first(where: { $0.0 == rule.value })?.1 else {
                log.error("must be one of \(names.joined(separator: ", ")); got \"\(rule.value)\"", at: rule.place)
                continue
            }
            guard log.unique(rule.value, at: rule.place, noun: "rule", seen: &seen) != nil else { continue }
            if set == .enefg && !hasCommissioning {
                log.error(
                    "rule 'enefg' needs site.commissioning (YYYY-MM): EnEfG §11 thresholds depend on the start of "
                        + "operation",
                    at: rule.place)
            }
            sets.append(set)
        }
        var choices = ComplianceChoices(
            ruleSets: sets, gridEmissionFactor: region.gridEmissionFactor,
            gridEmissionProvenance: region.gridEmissionSource)
        if spec.gridEmission == nil {
            applied.add(
                "compliance.grid_emission_kg_per_kwh",
                Phrase.number((region.gridEmissionFactor.kilogramsPerKilowattHour * 10_000).rounded() / 10_000),
                region.gridEmissionSource)
        }
        if let factor = spec.gridEmission?.value {
            choices.gridEmissionFactor = .kilogramsPerKilowattHour(factor)
            choices.gridEmissionProvenance = Provenance(
                source: "spec compliance.grid_emission_kg_per_kwh", confidence: .low,
                derivation: "\(Phrase.number(factor)) kg CO₂e/kWh as given")
        }
        if let onFail = spec.onFail {
            choices.enforce =
                log.check(
                    onFail, { $0 == "warning" || $0 == "error" },
                    message: { "must be one of warning, error; got \"\($0)\"" }) == "error"
        }
        choices.ashraeLimits = ASHRAE904Limits(
            electricalLossFullLoad: spec.elcFullLoadMaxPercent?.percent,
            electricalLossHalfLoad: spec.elcHalfLoadMaxPercent?.percent,
            mechanicalLoadComponent: spec.mlcMax?.value,
            climateZone: spec.climateZone?.value)
        return choices
    }

    /// `workload.daily_profile_percent`: 24 numbers (each within its range, checked by the
    /// reader), one per local hour, in percent of each hall's sustained utilisation.
    private func dailyProfile(_ spec: Located<[Located<Double>?]>?) -> [Ratio]? {
        guard let spec else { return nil }
        if spec.value.count != 24 {
            log.error("must list 24 hourly values (00:00–01:00 first), got \(spec.value.count)", at: spec.place)
        }
        let values = spec.value.compactMap { $0?.percent }
        guard spec.value.count == 24, values.count == 24 else { return nil }
        return values
    }

    /// The `cooling` section over the catalogue's defaults (all of them without the section),
    /// each default applied listed. A CDU must carry at least one rack's liquid heat; approaches
    /// and rises must be positive.
    private func cooling(_ section: CoolingSection?, halls: [Hall]) -> CoolingChoices {
        var c = SpecDefaults.cooling
        recordCoolingDefaults(section, c)
        let spec = section ?? CoolingSection()
        func pick<E: Identifiable<String>>(_ value: Located<String>?, _ entries: [E], noun: String) -> E? {
            guard let value else { return nil }
            guard let entry = entries.first(where: { $0.id == value.value }) else {
                let ids = entries.map(\.id)
                log.error(
                    "unknown \(noun) '\(value.value)'"
                        + Phrase.didYouMean(
                            EditDistance.closest(to: value.value, in: ids),
                            otherwise: "; known: " + Phrase.alternatives(ids)),
                    at: value.place)
                return nil
            }
            return entry
        }
        if let t = spec.tcsSupplyC?.value { c.tcsSupply = .celsius(t) }
        c.tcsRise = spec.tcsDeltaTK.map { .kelvins($0.value) } ?? c.tcsRise
        c.facilityWaterRise = spec.facilityWaterDeltaTK.map { .kelvins($0.value) } ?? c.facilityWaterRise
        if let cdu = pick(spec.cdu, BuiltInThermal.cdus, noun: "CDU") {
            let largest =
                halls.flatMap(\.rackGroups).map { $0.system.designPower * $0.system.liquidFraction.fraction }.max()
                ?? .zero
            if cdu.capacity < largest, let place = spec.cdu?.place {
                log.error(
                    "CDU '\(cdu.id)' carries \(Phrase.number(cdu.capacity.kilowatts)) kW, less than one rack's liquid "
                        + "heat of \(Phrase.number((largest.kilowatts * 10).rounded() / 10)) kW",
                    at: place)
            }
            c.cdu = cdu
        }
        c.airUnit = pick(spec.airUnit, BuiltInThermal.airUnits, noun: "air unit") ?? c.airUnit
        c.economiser =
            pick(spec.heatRejection, BuiltInThermal.heatRejection, noun: "heat-rejection unit") ?? c.economiser
        c.chiller = pick(spec.chiller, BuiltInThermal.chillers, noun: "chiller") ?? c.chiller
        if let approach = spec.approachK?.value { c.economiser.approach = .kelvins(approach) }
        c.cduRedundancy = redundancy(spec.cduRedundancy) ?? c.cduRedundancy
        c.airRedundancy = redundancy(spec.airRedundancy) ?? c.airRedundancy
        c.economiserRedundancy = redundancy(spec.heatRejectionRedundancy) ?? c.economiserRedundancy
        c.chillerRedundancy = redundancy(spec.chillerRedundancy) ?? c.chillerRedundancy
        for key in CoolingLoopKey.allCases {
            if let units = spec.plant?.loop(key)?.chillerUnits?.whole { c.chillerUnits[key.kind] = units }
        }
        if let t = spec.airSupplyC?.value { c.airSupply = .celsius(t) }
        extremeChoices(spec, &c)
        return c
    }

    /// The longest `power.transients.duration_ms` accepted: an hour.
    static let maximumSwingMilliseconds = 3_600_000.0

    /// `site.grid` interconnect keys and the `power` section, with defaults from `SiteElectrical`.
    private func electrical(grid: GridSection?, power: PowerSection?) -> SiteElectrical {
        let defaults = SiteElectrical()
        let transients = power?.transients
        let swing = transients?.swingFactor?.value
        let dropLimit = power?.voltageDropLimitPercent?.percent
        // At most an hour by its range: swings last milliseconds to seconds, and a duration past
        // 9.2e15 ms overflowed the conversion to microseconds (a trap the fuzzer found).
        let duration = transients?.durationMS?.value
        return SiteElectrical(
            interconnectVoltage: grid?.interconnectKV.map { Voltage.kilovolts($0.value) },
            gridCapacity: grid?.capacityMW.map { Power.megawatts($0.value) },
            mainTransformers: redundancy(grid?.mainTransformers) ?? defaults.mainTransformers,
            voltageDropLimit: dropLimit ?? defaults.voltageDropLimit,
            swingFactor: swing ?? defaults.swingFactor,
            swingDuration: duration.map { .microseconds(Int64(($0 * 1000).rounded())) }
                ?? defaults.swingDuration,
            smoothing: log.choice(transients?.smoothing, of: SmoothingLevel.self) ?? defaults.smoothing,
            continuousLoading: continuousLoading(power?.continuousLoading))
    }

    /// `power.continuous_loading`: each limit in (0, 100] % by its range (an error at the value
    /// otherwise), the rest `ContinuousLoading.nec`.
    private func continuousLoading(_ spec: ContinuousLoadingSection?) -> ContinuousLoading {
        let nec = ContinuousLoading.nec
        return ContinuousLoading(
            switchgear: spec?.switchgearPercent?.percent ?? nec.switchgear,
            transformer: spec?.transformerPercent?.percent ?? nec.transformer,
            ups: spec?.upsPercent?.percent ?? nec.ups,
            distribution: spec?.distributionPercent?.percent ?? nec.distribution,
            converter: spec?.converterPercent?.percent ?? nec.converter)
    }

    /// `halls[].power.topology` (2N by default, listed as a default) and the UPS module
    /// redundancy, checked (DESIGN.md §5.7): N+k and 2(N+1) are not path topologies, the modules
    /// of a frame are N or N+k, and an A/B topology (2N, xN/y) needs every rack dual-corded
    /// (the error sits at the topology, or at the rack group's type when the topology is the default).
    private func topology(
        _ spec: HallPowerSection?, groups: [RackGroup], groupSpecs: [RackGroupSpec], custom: Bool, hall: Place
    ) -> (topology: Redundancy, modules: Redundancy?) {
        var topology = PathTopology.default
        if let given = spec?.topology {
            if let parsed = redundancy(given) {
                if let problem = PathTopology.problem(with: parsed) {
                    log.error("\(parsed) is not a path topology: \(problem)", at: given.place)
                } else {
                    topology = parsed
                }
            }
        } else if !custom {
            applied.add(
                hall.path.description + ".power.topology", topology.description,
                Provenance(
                    source:
                        "A/B paths to dual-corded racks, concurrently maintainable: Uptime Tier III "
                        + "(REFERENCE.md P49), the Tier 3 / TIA-942 Rated 3 facility NVIDIA's DGX SuperPOD asks "
                        + "for (P55)",
                    confidence: .medium))
        }
        var modules: Redundancy?
        if let given = spec?.ups?.topology, let parsed = redundancy(given) {
            switch parsed {
            case .n, .nPlus: modules = parsed
            default:
                log.error(
                    "\(parsed) is a path topology: set halls[].power.topology: \(parsed); ups.topology is the "
                        + "redundancy of the UPS modules paralleled in one frame (N or N+k)", at: given.place)
            }
        }
        if !custom, PathTopology.feedsRacksTwice(topology) {
            for (group, groupSpec) in zip(groups, groupSpecs) where group.system.feeds < 2 {
                log.error(
                    "\(topology) feeds every rack from two paths, but '\(group.system.id)' is single-corded "
                        + "(feeds: \(group.system.feeds)); use dual-corded racks or topology: block or N",
                    at: spec?.topology?.place ?? groupSpec.type?.place ?? hall)
            }
        }
        return (topology, modules)
    }

    /// A redundancy topology (`N`, `N+1`, `2N`, `2(N+1)`, `4N/3`, `3N/2`, `block`).
    func redundancy(_ text: Located<String>?) -> Redundancy? {
        guard let text else { return nil }
        do { return try Redundancy(parsing: text.value) } catch {
            log.error(error.description, at: text.place)
            return nil
        }
    }

    /// `halls[].power`; the UPS module must not exceed the hall's design IT load.
    private func hallPower(_ spec: HallPowerSection?, designLoad: Power?) -> HallPower {
        let defaults = HallPower()
        let ups = spec?.ups
        let module = log.check(ups?.moduleKW) { kw in
            designLoad.map { Power.kilowatts(kw) <= $0 } ?? true
        } message: { kw in
            "a UPS module of \(Phrase.number(kw)) kW is larger than the hall's design IT load of "
                + "\(Phrase.number((designLoad?.kilowatts ?? 0).rounded())) kW; use smaller modules"
        }
        let chain = spec?.chain.flatMap { stages.chain($0, place: spec!.place, redundancy: redundancy) }
        var distribution = log.choice(spec?.distribution, of: Distribution.self)
        if let chain {
            let delivered = PowerChain(name: "custom", stages: chain).rackSideDistribution
            if let given = spec?.distribution, let chosen = distribution, chosen != delivered {
                log.error(
                    "\(chosen.rawValue) does not match the custom chain, which feeds the racks at "
                        + "\(delivered.rawValue); "
                        + "leave 'distribution' out or make them agree", at: given.place)
            }
            distribution = delivered
        }
        return HallPower(
            distribution: distribution ?? region.distribution,
            ups: UPSSpec(
                redundancy: defaults.ups.redundancy,
                moduleRating: module.map(Power.kilowatts) ?? defaults.ups.moduleRating,
                mode: log.choice(ups?.mode, of: UPSMode.self) ?? defaults.ups.mode),
            electricalRoomDistance: spec?.electricalRoomM.map { Length.metres($0.value) }
                ?? defaults.electricalRoomDistance,
            customChain: chain)
    }

    /// The weather file resolved against the spec's folder; it must be an existing file.
    private func weather(_ given: Located<String>?) -> String? {
        guard let given else { return nil }
        let path = Self.resolve(given.value, against: baseDirectory)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return log.check(Located(value: path, place: given.place)) { _ in
            exists && !isDirectory.boolValue
        } message: {
            exists ? "weather path is a directory: \($0)" : "weather file not found: \($0)"
        }
    }

    /// The design condition the cooling is sized for, from the spec: `site.design_conditions` (a
    /// wet bulb above its dry bulb is an error). Beside a weather file it overrides the file's
    /// design conditions and must say its `source` (DESIGN.md §5.14); without the section the
    /// file's are used (nil). Without a weather file the section, else Seoul-Seongnam's as a
    /// cited stand-in, listed as a default.
    private func designCondition(_ site: SiteSection?, hasWeather: Bool) -> CoolingDesignCondition? {
        let section = site?.designConditions
        let overriding = hasWeather || site?.weather != nil
        if overriding, let section, section.source == nil {
            section.reader.missingKey(
                .source,
                ": site.design_conditions beside site.weather overrides the weather file's design conditions "
                    + "and must say where its values come from")
        }
        if overriding && section == nil { return nil }
        guard let section else {
            let standIn = CoolingDesignCondition.seoulSeongnam
            applied.add(
                "site.design_conditions",
                "\(Phrase.number((standIn.coolingDryBulb.celsius * 10).rounded() / 10)) / "
                    + "\(Phrase.number((standIn.coolingWetBulb.celsius * 10).rounded() / 10)) °C",
                standIn.provenance)
            return standIn
        }
        guard let db = section.coolingDryBulbC, let wb = section.coolingWetBulbC, let ewb = section.evaporationWetBulbC,
            let edb = section.evaporationDryBulbC
        else { return nil }
        for (wet, dry) in [(wb, db), (ewb, edb)] where wet.value > dry.value {
            log.error(
                "a wet bulb of \(Phrase.number(wet.value)) °C is above its dry bulb of \(Phrase.number(dry.value)) °C",
                at: wet.place)
        }
        let source =
            section.source.map { "site.design_conditions: \($0.value)" } ?? "site spec (site.design_conditions)"
        return CoolingDesignCondition(
            coolingDryBulb: .celsius(db.value), coolingWetBulb: .celsius(wb.value),
            evaporationWetBulb: .celsius(ewb.value), evaporationDryBulb: .celsius(edb.value),
            provenance: Provenance(
                source: overriding ? source + ", overriding the weather file's" : source, confidence: .high))
    }

    /// `path` when absolute, else `directory/path` (`path` itself when the directory is empty or
    /// `.`), so that printed paths stay as short as the user wrote them.
    static func resolve(_ path: String, against directory: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty || directory == "." { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// Every hall, checked; IDs unique across the spec.
    private func halls(_ specs: [HallSpec]) -> [Hall] {
        var seenIDs: [String: Place] = [:]
        var halls: [Hall] = []
        // Each count and copy number is bounded, but not their sum over groups and halls: counted
        // as a Double, which cannot overflow.
        var racks = 0.0
        for spec in specs {
            guard let hall = hall(spec, seenIDs: &seenIDs) else { continue }
            halls.append(hall)
            let before = racks
            racks += Double(hall.copies) * Double(hall.rackGroups.reduce(0) { $0 + $1.count })
            if racks > Double(FindingLog.maximumCount), before <= Double(FindingLog.maximumCount) {
                log.error(
                    "the site holds more than \(FindingLog.maximumCount) racks in all (racks × copies, counted to "
                        + "this hall); split it into sites",
                    at: spec.place)
            }
        }
        return halls
    }

    private func hall(_ spec: HallSpec, seenIDs: inout [String: Place]) -> Hall? {
        let id = spec.id.flatMap { given in
            log.identifier(given, example: "hall-a").flatMap {
                log.unique($0, at: given.place, noun: "hall ID", seen: &seenIDs)
            }
        }
        let copies = spec.copies?.whole ?? SpecDefaults.copies
        let utilisation = spec.utilisationPercent?.percent
        let layout = spec.layout.flatMap(layout)
        let groupSpecs = spec.racks ?? []
        let groups = groupSpecs.compactMap(rackGroup)
        let allGroups = groups.count == groupSpecs.count
        if allGroups, let layout, let place = spec.layout?.place, let name = spec.id?.value {
            let racks = groups.reduce(0) { $0 + $1.count }
            _ = log.check(Located(value: racks, place: place)) {
                $0 <= layout.positions
            } message: {
                "hall '\(name)' holds \($0) racks but its layout has \(layout.positions) positions "
                    + "(\(layout.rows) rows × \(layout.racksPerRow))"
            }
        }
        let designLoad = allGroups ? groups.sum { $0.system.designPower * Double($0.count) } : nil
        var power = hallPower(spec.power, designLoad: designLoad)
        let (topology, modules) = self.topology(
            spec.power, groups: allGroups ? groups : [], groupSpecs: groupSpecs, custom: power.customChain != nil,
            hall: spec.place)
        power.topology = topology
        if let modules { power.ups.redundancy = modules }
        guard let id, allGroups else { return nil }
        return Hall(
            id: id, copies: copies, layout: layout, rackGroups: groups, utilisation: utilisation, power: power)
    }

    private func layout(_ spec: LayoutSpec) -> HallLayout? {
        let rows = spec.rows?.whole
        let racksPerRow = spec.racksPerRow?.whole
        let pitch = spec.rackPitchM.map { Length.metres($0.value) } ?? SpecDefaults.rackPitch
        let aisle = spec.aisleM.map { Length.metres($0.value) } ?? SpecDefaults.aisle
        let layoutPath = spec.place.path.description
        if spec.rackPitchM == nil {
            applied.add(
                layoutPath + ".rack_pitch_m", Phrase.number(SpecDefaults.rackPitch.metres), SpecDefaults.rackPitchSource
            )
        }
        if spec.aisleM == nil {
            applied.add(layoutPath + ".aisle_m", Phrase.number(SpecDefaults.aisle.metres), SpecDefaults.aisleSource)
        }
        let sites = spec.unitSites?.compactMap { site -> FloorPoint? in
            guard let x = site.xM?.value, let y = site.yM?.value else { return nil }
            return .metres(x, y)
        }
        guard let rows, let racksPerRow else { return nil }
        return HallLayout(rows: rows, racksPerRow: racksPerRow, rackPitch: pitch, aisle: aisle, unitSites: sites)
    }

    private func rackGroup(_ spec: RackGroupSpec) -> RackGroup? {
        let system = spec.type.flatMap(catalogue.rack)
        let count = spec.count?.whole
        guard let system, let count else { return nil }
        return RackGroup(system: system, count: count)
    }

    /// Lists the cooling keys the spec leaves out with the defaults they take: equipment with its
    /// catalogue entry's provenance, numbers and redundancies with ``SpecDefaults/coolingNumberSources``.
    private func recordCoolingDefaults(_ section: CoolingSection?, _ c: CoolingChoices) {
        let s = section
        let entries: [(CoolingSection.Key, Bool, String, Provenance)] = [
            (.tcsSupplyC, s?.tcsSupplyC == nil, Phrase.number(c.tcsSupply.celsius), numberSource(.tcsSupplyC)),
            (.tcsDeltaTK, s?.tcsDeltaTK == nil, Phrase.number(c.tcsRise.kelvins), numberSource(.tcsDeltaTK)),
            (
                .facilityWaterDeltaTK, s?.facilityWaterDeltaTK == nil, Phrase.number(c.facilityWaterRise.kelvins),
                numberSource(.facilityWaterDeltaTK)
            ),
            (.cdu, s?.cdu == nil, c.cdu.id, c.cdu.provenance),
            (.cduRedundancy, s?.cduRedundancy == nil, c.cduRedundancy.description, numberSource(.cduRedundancy)),
            (.airUnit, s?.airUnit == nil, c.airUnit.id, c.airUnit.provenance),
            (.airRedundancy, s?.airRedundancy == nil, c.airRedundancy.description, numberSource(.airRedundancy)),
            (.heatRejection, s?.heatRejection == nil, c.economiser.id, c.economiser.provenance),
            (
                .heatRejectionRedundancy, s?.heatRejectionRedundancy == nil, c.economiserRedundancy.description,
                numberSource(.heatRejectionRedundancy)
            ),
            (.approachK, s?.approachK == nil, Phrase.number(c.economiser.approach.kelvins), c.economiser.provenance),
            (.chiller, s?.chiller == nil, c.chiller.id, c.chiller.provenance),
            (
                .chillerRedundancy, s?.chillerRedundancy == nil, c.chillerRedundancy.description,
                numberSource(.chillerRedundancy)
            ),
            (.airSupplyC, s?.airSupplyC == nil, Phrase.number(c.airSupply.celsius), numberSource(.airSupplyC)),
            (
                .classHoursOutsideRecommendedH, s?.classHoursOutsideRecommendedH == nil, String(c.classHoursAllowed),
                numberSource(.classHoursOutsideRecommendedH)
            ),
        ]
        for (key, missing, value, provenance) in entries where missing {
            applied.add("cooling.\(key.rawValue)", value, provenance)
        }
        for key in CoolingLoopKey.allCases where s?.plant?.loop(key)?.chillerUnits == nil {
            applied.add(key.kind.chillerUnitsKey, "sized", SpecDefaults.chillerUnitsSource)
        }
    }

    /// The extreme condition and class threshold keys (DESIGN.md §5.15); a wet bulb above the dry
    /// bulb is an error. Whether the extreme is below the design condition is checked once the
    /// weather file is read (`LoadedSpec`), at the positions kept here.
    private func extremeChoices(_ spec: CoolingSection, _ c: inout CoolingChoices) {
        func position(_ place: Place) -> String { "\(log.file):\(place.line ?? 0):\(place.column ?? 0)" }
        if let db = spec.extremeDryBulbC {
            c.extremeDryBulb = .celsius(db.value)
            c.extremeDryBulbPosition = position(db.place)
        }
        if let wb = spec.extremeWetBulbC {
            c.extremeWetBulb = .celsius(wb.value)
            c.extremeWetBulbPosition = position(wb.place)
            if let db = spec.extremeDryBulbC, wb.value > db.value {
                log.error(
                    "the extreme wet bulb \(Phrase.number(wb.value)) °C is above the extreme dry bulb "
                        + "\(Phrase.number(db.value)) °C", at: wb.place)
            }
        }
        if let h = spec.classHoursOutsideRecommendedH?.whole { c.classHoursAllowed = h }
    }

    private func numberSource(_ key: CoolingSection.Key) -> Provenance { SpecDefaults.coolingNumberSources[key]! }

    /// Lists the heat-recovery keys the spec leaves out with the defaults they take. Without
    /// `heat_pump_cost_usd_per_kw` each heat pump is costed at its own catalogue cost (the report's
    /// comparison row prices the other network's machine at its cost), so the cost stays per entry.
    private func recordHeatRecoveryDefaults(_ spec: HeatRecoverySection, _ choices: inout HeatRecoveryChoices) {
        let e = choices.economics
        let prices = HeatRecoveryEconomics.defaultProvenance
        let entries: [(HeatRecoverySection.Key, Bool, String, Provenance)] = [
            (.source, spec.source == nil, choices.source.rawValue, SpecDefaults.heatSourceSource),
            (.heatPump, spec.heatPump == nil, choices.heatPump.id, choices.heatPump.provenance),
            (.electricityPrice, spec.electricityPrice == nil, Phrase.number(e.electricityPricePerMegawattHour), prices),
            (.heatPrice, spec.heatPrice == nil, Phrase.number(e.heatPricePerMegawattHour), prices),
            (
                .heatPumpCost, spec.heatPumpCost == nil, Phrase.number(choices.heatPump.capitalCostPerKilowatt),
                choices.heatPump.provenance
            ),
            (.discountRatePercent, spec.discountRatePercent == nil, Phrase.number(e.discountRate.percent), prices),
            (.lifetimeYears, spec.lifetimeYears == nil, String(e.lifetimeYears), prices),
        ]
        for (key, missing, value, provenance) in entries where missing {
            applied.add("heat_recovery.\(key.rawValue)", value, provenance)
        }
    }
}

/// The defaults the assembler applied, in order (a reference, so the non-mutating checks can
/// add to it as they resolve keys).
final class AppliedDefaults {
    private(set) var list: [AppliedDefault] = []

    func add(_ key: String, _ value: String, _ provenance: Provenance) {
        list.append(AppliedDefault(key: key, value: value, provenance: provenance))
    }
}

extension CoolingLoopKey {
    /// The model's loop.
    var kind: CoolingLoop.Kind {
        switch self {
        case .facilityWater: .liquid
        case .airCoilWater: .air
        }
    }
}
