/// The DTOs of the spec file format (`Sites/README.md`), as written: every value optional and
/// located, nothing validated beyond its YAML type. They never leave this module; `SiteAssembler`
/// turns them into a `Site`. Each `Key` enum lists the keys of one mapping, spelt as in the file.

/// The whole file.
struct SpecDocument: SpecMapping {
    enum Key: String, SpecKey {
        case version, site, workload, power, cooling, heatRecovery = "heat_recovery", compliance, placement, halls,
            catalog, cost, phases, uncertainty
    }
    var place: Place
    var version: Located<Double>?
    /// The version written when it is a number other than 1 (then `version` is nil).
    var unsupportedVersion: Located<Double>?
    var site: SiteSection?
    var workload: WorkloadSection?
    var power: PowerSection?
    var cooling: CoolingSection?
    var heatRecovery: HeatRecoverySection?
    var compliance: ComplianceSection?
    var placement: PlacementSection?
    var halls: [HallSpec]?
    var catalog: CatalogSection?
    var cost: CostSection?
    var phases: [PhaseSpec]?
    var uncertainty: UncertaintySection?

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        phases = reader.list(.phases, atLeastOne: "phase")
        version = reader.integer(.version, required: true)
        unsupportedVersion = reader.numberOutsideRange(.version)
        site = reader.mapping(.site, required: true)
        workload = reader.mapping(.workload)
        power = reader.mapping(.power)
        cooling = reader.mapping(.cooling)
        heatRecovery = reader.mapping(.heatRecovery)
        compliance = reader.mapping(.compliance)
        placement = reader.mapping(.placement)
        halls = reader.list(.halls, required: true, atLeastOne: "hall")
        catalog = reader.mapping(.catalog)
        cost = reader.mapping(.cost)
        uncertainty = reader.mapping(.uncertainty)
    }
}

/// `site:` — where the site is and how it connects.
struct SiteSection: SpecMapping {
    enum Key: String, SpecKey {
        case name, `operator`, location, latitude, longitude, weather, grid, commissioning
        case country
        case weatherStandIn = "weather_stand_in"
        case designConditions = "design_conditions"
        case metrics
        case houseLoads = "house_loads"
    }
    var name: Located<String>?
    var operatorName: Located<String>?
    var location: Located<String>?
    var country: Located<String>?
    var latitude: Located<Double>?
    var longitude: Located<Double>?
    var weatherStandIn: Located<String>?
    var weather: Located<String>?
    var grid: GridSection?
    var commissioning: Located<String>?
    var designConditions: DesignConditionsSection?
    var metrics: MetricsSection?
    var houseLoads: HouseLoadsSection?

    init(_ reader: MappingReader<Key>) {
        metrics = reader.mapping(.metrics)
        houseLoads = reader.mapping(.houseLoads)
        name = reader.string(.name, required: true)
        operatorName = reader.string(.operator)
        location = reader.string(.location)
        country = reader.string(.country)
        latitude = reader.number(.latitude)
        longitude = reader.number(.longitude)
        weather = reader.string(.weather)
        weatherStandIn = reader.string(.weatherStandIn)
        grid = reader.mapping(.grid)
        commissioning = reader.string(.commissioning)
        designConditions = reader.mapping(.designConditions)
    }
}

/// `site.metrics:` how the efficiency metrics are drawn (DESIGN.md §5.8).
struct MetricsSection: SpecMapping {
    enum Key: String, SpecKey { case pueBoundary = "pue_boundary" }
    var pueBoundary: Located<String>?

    init(_ reader: MappingReader<Key>) {
        pueBoundary = reader.string(.pueBoundary)
    }
}

/// `site.house_loads:` lighting, offices, security, BMS and electrical-room cooling (DESIGN.md
/// §5.13): a share of the IT design power, or a density over the support area.
struct HouseLoadsSection: SpecMapping {
    enum Key: String, SpecKey {
        case percentOfIT = "percent_of_it", wPerM2 = "w_per_m2", supportAreaM2 = "support_area_m2"
    }
    var place: Place
    var percentOfIT: Located<Double>?
    var wPerM2: Located<Double>?
    var supportAreaM2: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        percentOfIT = reader.number(.percentOfIT)
        wPerM2 = reader.number(.wPerM2)
        supportAreaM2 = reader.number(.supportAreaM2)
    }
}

/// `cooling.pumps:` the plant's water pumps (DESIGN.md §5.13).
struct PumpsSection: SpecMapping {
    enum Key: String, SpecKey {
        case facilityWaterHeadM = "facility_water_head_m", airCoilWaterHeadM = "air_coil_water_head_m"
        case condenserWaterHeadM = "condenser_water_head_m", efficiencyPercent = "efficiency_percent"
        case minimumSpeedPercent = "minimum_speed_percent"
    }
    var facilityWaterHeadM: Located<Double>?
    var airCoilWaterHeadM: Located<Double>?
    var condenserWaterHeadM: Located<Double>?
    var efficiencyPercent: Located<Double>?
    var minimumSpeedPercent: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        facilityWaterHeadM = reader.number(.facilityWaterHeadM)
        airCoilWaterHeadM = reader.number(.airCoilWaterHeadM)
        condenserWaterHeadM = reader.number(.condenserWaterHeadM)
        efficiencyPercent = reader.number(.efficiencyPercent)
        minimumSpeedPercent = reader.number(.minimumSpeedPercent)
    }
}

/// `site.design_conditions:` the ASHRAE 0.4 % cooling design condition: of a site without a
/// weather file, or overriding a weather file's (then `source` is required; DESIGN.md §5.14).
struct DesignConditionsSection: SpecMapping {
    enum Key: String, SpecKey {
        case coolingDryBulbC = "cooling_dry_bulb_c", coolingWetBulbC = "cooling_wet_bulb_c"
        case evaporationWetBulbC = "evaporation_wet_bulb_c", evaporationDryBulbC = "evaporation_dry_bulb_c"
        case source
    }
    var reader: MappingReader<Key>
    var coolingDryBulbC: Located<Double>?
    var coolingWetBulbC: Located<Double>?
    var evaporationWetBulbC: Located<Double>?
    var evaporationDryBulbC: Located<Double>?
    var source: Located<String>?

    init(_ reader: MappingReader<Key>) {
        self.reader = reader
        source = reader.string(.source)
        coolingDryBulbC = reader.number(.coolingDryBulbC, required: true)
        coolingWetBulbC = reader.number(.coolingWetBulbC, required: true)
        evaporationWetBulbC = reader.number(.evaporationWetBulbC, required: true)
        evaporationDryBulbC = reader.number(.evaporationDryBulbC, required: true)
    }
}

/// `site.grid:`.
struct GridSection: SpecMapping {
    enum Key: String, SpecKey {
        case frequencyHz = "frequency_hz", interconnectKV = "interconnect_kv", capacityMW = "capacity_mw"
        case mainTransformers = "main_transformers", rules, study
    }
    var frequencyHz: Located<Double>?
    var capacityMW: Located<Double>?
    var interconnectKV: Located<Double>?
    var mainTransformers: Located<String>?
    var rules: Located<String>?
    var study: GridStudySection?

    init(_ reader: MappingReader<Key>) {
        frequencyHz = reader.number(.frequencyHz)
        interconnectKV = reader.number(.interconnectKV)
        capacityMW = reader.number(.capacityMW)
        mainTransformers = reader.string(.mainTransformers)
        rules = reader.string(.rules)
        study = reader.mapping(.study)
    }
}

/// `site.grid.study:` — the interconnection study's load step and permitted ramp (DESIGN.md §5.10).
struct GridStudySection: SpecMapping {
    enum Key: String, SpecKey {
        case largestJobMW = "largest_job_mw", riseTimeMS = "rise_time_ms"
        case rampLimitMWPerMin = "ramp_limit_mw_per_min"
    }
    var largestJobMW: Located<Double>?
    var riseTimeMS: Located<Double>?
    var rampLimitMWPerMin: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        largestJobMW = reader.number(.largestJobMW)
        riseTimeMS = reader.number(.riseTimeMS)
        rampLimitMWPerMin = reader.number(.rampLimitMWPerMin)
    }
}

/// `power.backup:` — UPS autonomy and standby generators (DESIGN.md §5.10).
struct BackupSection: SpecMapping {
    enum Key: String, SpecKey {
        case upsAutonomyMin = "ups_autonomy_min", generators, generatorKW = "generator_kw"
        case fuelAutonomyH = "fuel_autonomy_h", fuelLPerKWh = "fuel_l_per_kwh"
    }
    var upsAutonomyMin: Located<Double>?
    var generators: Located<String>?
    var generatorKW: Located<Double>?
    var fuelAutonomyH: Located<Double>?
    var fuelLPerKWh: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        upsAutonomyMin = reader.number(.upsAutonomyMin)
        generators = reader.string(.generators)
        generatorKW = reader.number(.generatorKW)
        fuelAutonomyH = reader.number(.fuelAutonomyH)
        fuelLPerKWh = reader.number(.fuelLPerKWh)
    }
}

/// `power:` — site-wide electrical limits and the transient model.
struct PowerSection: SpecMapping {
    enum Key: String, SpecKey {
        case voltageDropLimitPercent = "voltage_drop_limit_percent", transients, backup
        case continuousLoading = "continuous_loading"
    }
    var voltageDropLimitPercent: Located<Double>?
    var transients: TransientSection?
    var backup: BackupSection?
    var continuousLoading: ContinuousLoadingSection?

    init(_ reader: MappingReader<Key>) {
        voltageDropLimitPercent = reader.number(.voltageDropLimitPercent)
        transients = reader.mapping(.transients)
        continuousLoading = reader.mapping(.continuousLoading)
        backup = reader.mapping(.backup)
    }
}

/// `power.continuous_loading:` — the largest normal loading of each kind of stage, in % of its
/// rating (DESIGN.md §5.7).
struct ContinuousLoadingSection: SpecMapping {
    enum Key: String, SpecKey {
        case switchgearPercent = "switchgear_percent", transformerPercent = "transformer_percent"
        case upsPercent = "ups_percent", distributionPercent = "distribution_percent"
        case converterPercent = "converter_percent"
    }
    var switchgearPercent: Located<Double>?
    var transformerPercent: Located<Double>?
    var upsPercent: Located<Double>?
    var distributionPercent: Located<Double>?
    var converterPercent: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        switchgearPercent = reader.number(.switchgearPercent)
        transformerPercent = reader.number(.transformerPercent)
        upsPercent = reader.number(.upsPercent)
        distributionPercent = reader.number(.distributionPercent)
        converterPercent = reader.number(.converterPercent)
    }
}

/// `cooling:` — the site's cooling equipment and set points.
struct CoolingSection: SpecMapping {
    enum Key: String, SpecKey {
        case tcsSupplyC = "tcs_supply_c", tcsDeltaTK = "tcs_delta_t_k", cdu, cduRedundancy = "cdu_redundancy"
        case airUnit = "air_unit", airRedundancy = "air_redundancy", heatRejection = "heat_rejection"
        case heatRejectionRedundancy = "heat_rejection_redundancy", approachK = "approach_k", chiller
        case facilityWaterDeltaTK = "facility_water_delta_t_k", chillerRedundancy = "chiller_redundancy"
        case plant, airSupplyC = "air_supply_c", pumps
        case extremeDryBulbC = "extreme_dry_bulb_c", extremeWetBulbC = "extreme_wet_bulb_c"
        case classHoursOutsideRecommendedH = "class_hours_outside_recommended_h"

        /// `chiller_units` applied one count to both loops (issue 23): now
        /// `plant.facility_water.chiller_units` and `plant.air_coil_water.chiller_units`.
        static var retired: [String] { ["chiller_units"] }
    }
    var tcsSupplyC: Located<Double>?
    var tcsDeltaTK: Located<Double>?
    var cdu: Located<String>?
    var cduRedundancy: Located<String>?
    var airUnit: Located<String>?
    var airRedundancy: Located<String>?
    var heatRejection: Located<String>?
    var heatRejectionRedundancy: Located<String>?
    var approachK: Located<Double>?
    var chiller: Located<String>?
    var facilityWaterDeltaTK: Located<Double>?
    var chillerRedundancy: Located<String>?
    var plant: CoolingPlantSection?
    var airSupplyC: Located<Double>?
    var extremeDryBulbC: Located<Double>?
    var extremeWetBulbC: Located<Double>?
    var classHoursOutsideRecommendedH: Located<Double>?
    var pumps: PumpsSection?

    /// No `cooling:` section: every key left out.
    init() {}

    init(_ reader: MappingReader<Key>) {
        pumps = reader.mapping(.pumps)
        chillerRedundancy = reader.string(.chillerRedundancy)
        plant = reader.mapping(.plant)
        if let old = reader.retiredPlace("chiller_units") {
            let perLoop = CoolingLoopKey.allCases.map { "cooling.plant.\($0.rawValue).chiller_units" }
            let written = plant.map { p in CoolingLoopKey.allCases.filter { p.loop($0)?.chillerUnits != nil } } ?? []
            reader.log.error(
                written.isEmpty
                    ? "cooling.chiller_units is no longer read: it put one count on both loops; set "
                        + "\(perLoop[0]) and \(perLoop[1]) instead"
                    : "cooling.chiller_units and "
                        + written.map { "cooling.plant.\($0.rawValue).chiller_units" }.joined(separator: " and ")
                        + " together: the per-loop keys replace the shared one; remove cooling.chiller_units",
                at: old)
        }
        airSupplyC = reader.number(.airSupplyC)
        extremeDryBulbC = reader.number(.extremeDryBulbC)
        extremeWetBulbC = reader.number(.extremeWetBulbC)
        classHoursOutsideRecommendedH = reader.integer(.classHoursOutsideRecommendedH)
        tcsSupplyC = reader.number(.tcsSupplyC)
        tcsDeltaTK = reader.number(.tcsDeltaTK)
        cdu = reader.string(.cdu)
        cduRedundancy = reader.string(.cduRedundancy)
        airUnit = reader.string(.airUnit)
        airRedundancy = reader.string(.airRedundancy)
        heatRejection = reader.string(.heatRejection)
        heatRejectionRedundancy = reader.string(.heatRejectionRedundancy)
        approachK = reader.number(.approachK)
        chiller = reader.string(.chiller)
        facilityWaterDeltaTK = reader.number(.facilityWaterDeltaTK)
    }
}

/// The loops of `cooling.plant:` as spelt in the spec.
enum CoolingLoopKey: String, CaseIterable {
    case facilityWater = "facility_water", airCoilWater = "air_coil_water"
}

/// `cooling.plant:` — per-loop settings of the heat-rejection plant (DESIGN.md §5.14).
struct CoolingPlantSection: SpecMapping {
    enum Key: String, SpecKey { case facilityWater = "facility_water", airCoilWater = "air_coil_water" }
    var facilityWater: CoolingLoopSection?
    var airCoilWater: CoolingLoopSection?

    init(_ reader: MappingReader<Key>) {
        facilityWater = reader.mapping(.facilityWater)
        airCoilWater = reader.mapping(.airCoilWater)
    }

    func loop(_ key: CoolingLoopKey) -> CoolingLoopSection? {
        switch key {
        case .facilityWater: facilityWater
        case .airCoilWater: airCoilWater
        }
    }
}

/// `cooling.plant.facility_water:` and `cooling.plant.air_coil_water:` — one loop's plant.
struct CoolingLoopSection: SpecMapping {
    enum Key: String, SpecKey { case chillerUnits = "chiller_units" }
    var chillerUnits: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        chillerUnits = reader.integer(.chillerUnits)
    }
}

/// `power.transients:` — the synchronous-training swing and where it is smoothed.
struct TransientSection: SpecMapping {
    enum Key: String, SpecKey { case swingFactor = "swing_factor", durationMS = "duration_ms", smoothing }
    var swingFactor: Located<Double>?
    var durationMS: Located<Double>?
    var smoothing: Located<String>?

    init(_ reader: MappingReader<Key>) {
        swingFactor = reader.number(.swingFactor)
        durationMS = reader.number(.durationMS)
        smoothing = reader.string(.smoothing)
    }
}

/// `halls[].power:` — the hall's distribution chain and UPS.
struct HallPowerSection: SpecMapping {
    enum Key: String, SpecKey { case distribution, topology, ups, electricalRoomM = "electrical_room_m", chain }
    var place: Place
    var distribution: Located<String>?
    /// The path topology below the MV switchgear (`2N`, `4N/3`, `block`, `N`).
    var topology: Located<String>?
    var ups: UPSSection?
    var electricalRoomM: Located<Double>?
    var chain: [ChainStageSpec]?

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        distribution = reader.string(.distribution)
        topology = reader.string(.topology)
        ups = reader.mapping(.ups)
        electricalRoomM = reader.number(.electricalRoomM)
        chain = reader.list(.chain, atLeastOne: "stage")
    }
}

/// One element of `halls[].power.chain:` — a stage of a custom chain, 22.9 kV first.
struct ChainStageSpec: SpecMapping {
    enum Key: String, SpecKey { case stage, redundancy, unitKW = "unit_kw" }
    var stage: Located<String>?
    var redundancy: Located<String>?
    var unitKW: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        stage = reader.string(.stage, required: true)
        redundancy = reader.string(.redundancy)
        unitKW = reader.number(.unitKW)
    }
}

/// One element of `catalog.stages:` — a power-chain stage entry or a variant of one.
struct StageEntrySpec: SpecMapping {
    enum Key: String, SpecKey {
        case id, basedOn = "based_on", name, kind, ratingKW = "rating_kw", ratingKVA = "rating_kva"
        case powerFactor = "power_factor", efficiency, source, confidence
    }
    var reader: MappingReader<Key>
    var id: Located<String>?
    var basedOn: Located<String>?
    var name: Located<String>?
    var kind: Located<String>?
    var ratingKW: Located<Double>?
    var ratingKVA: Located<Double>?
    var powerFactor: Located<Double>?
    var efficiency: [EfficiencyPointSpec]?
    var source: Located<String>?
    var confidence: Located<String>?

    init(_ reader: MappingReader<Key>) {
        self.reader = reader
        id = reader.string(.id, required: true)
        basedOn = reader.string(.basedOn)
        name = reader.string(.name)
        kind = reader.string(.kind)
        ratingKW = reader.number(.ratingKW)
        ratingKVA = reader.number(.ratingKVA)
        powerFactor = reader.number(.powerFactor)
        efficiency = reader.list(.efficiency, atLeastOne: "efficiency point")
        source = reader.string(.source, required: true)
        confidence = reader.string(.confidence)
    }
}

/// One element of `catalog.stages[].efficiency:`.
struct EfficiencyPointSpec: SpecMapping {
    enum Key: String, SpecKey { case loadPercent = "load_percent", efficiencyPercent = "efficiency_percent" }
    var loadPercent: Located<Double>?
    var efficiencyPercent: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        loadPercent = reader.number(.loadPercent, required: true)
        efficiencyPercent = reader.number(.efficiencyPercent, required: true)
    }
}

/// `halls[].power.ups:`.
struct UPSSection: SpecMapping {
    enum Key: String, SpecKey { case topology, moduleKW = "module_kw", mode }
    var topology: Located<String>?
    var moduleKW: Located<Double>?
    var mode: Located<String>?

    init(_ reader: MappingReader<Key>) {
        topology = reader.string(.topology)
        moduleKW = reader.number(.moduleKW)
        mode = reader.string(.mode)
    }
}

/// `workload:`.
struct WorkloadSection: SpecMapping {
    enum Key: String, SpecKey {
        case utilisationPercent = "utilisation_percent", dailyProfilePercent = "daily_profile_percent"
    }
    var utilisationPercent: Located<Double>?
    var dailyProfilePercent: Located<[Located<Double>?]>?

    init(_ reader: MappingReader<Key>) {
        utilisationPercent = reader.number(.utilisationPercent)
        dailyProfilePercent = reader.numbers(.dailyProfilePercent)
    }
}

/// One element of `halls:`.
struct HallSpec: SpecMapping {
    enum Key: String, SpecKey {
        case id, copies, utilisationPercent = "utilisation_percent", layout, power, racks
    }
    var place: Place
    var id: Located<String>?
    var copies: Located<Double>?
    var utilisationPercent: Located<Double>?
    var layout: LayoutSpec?
    var power: HallPowerSection?
    var racks: [RackGroupSpec]?

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        id = reader.string(.id, required: true)
        copies = reader.integer(.copies)
        utilisationPercent = reader.number(.utilisationPercent)
        layout = reader.mapping(.layout)
        power = reader.mapping(.power)
        racks = reader.list(.racks, required: true, atLeastOne: "rack group")
    }
}

/// `halls[].layout:` — the floor grid.
struct LayoutSpec: SpecMapping {
    enum Key: String, SpecKey {
        case rows, racksPerRow = "racks_per_row", rackPitchM = "rack_pitch_m", aisleM = "aisle_m"
        case unitSites = "unit_sites"
    }
    var place: Place
    var rows: Located<Double>?
    var racksPerRow: Located<Double>?
    var rackPitchM: Located<Double>?
    var aisleM: Located<Double>?
    var unitSites: [UnitSiteSpec]?
    var unitSitesPlace: Place?

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        rows = reader.integer(.rows, required: true)
        racksPerRow = reader.integer(.racksPerRow, required: true)
        rackPitchM = reader.number(.rackPitchM)
        aisleM = reader.number(.aisleM)
        unitSites = reader.list(.unitSites, atLeastOne: "candidate site")
        unitSitesPlace = reader.place(of: .unitSites)
    }
}

/// One element of `halls[].layout.unit_sites:`, a candidate site for a cooling unit.
struct UnitSiteSpec: SpecMapping {
    enum Key: String, SpecKey { case xM = "x_m", yM = "y_m" }
    var xM: Located<Double>?
    var yM: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        xM = reader.number(.xM, required: true)
        yM = reader.number(.yM, required: true)
    }
}

/// `placement:` — cooling-unit placement (GLPK MILP) for every hall with a layout.
struct PlacementSection: SpecMapping {
    enum Key: String, SpecKey {
        case timeLimitS = "time_limit_s", mipGapPercent = "mip_gap_percent", sitePitchM = "site_pitch_m"
    }
    var timeLimitS: Located<Double>?
    var mipGapPercent: Located<Double>?
    var sitePitchM: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        timeLimitS = reader.number(.timeLimitS)
        mipGapPercent = reader.number(.mipGapPercent)
        sitePitchM = reader.number(.sitePitchM)
    }
}

/// One element of `halls[].racks:`.
struct RackGroupSpec: SpecMapping {
    enum Key: String, SpecKey { case type, count }
    var type: Located<String>?
    var count: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        type = reader.string(.type, required: true)
        count = reader.integer(.count, required: true)
    }
}

/// `catalog:`.
struct CatalogSection: SpecMapping {
    enum Key: String, SpecKey { case racks, stages }
    var racks: [RackEntrySpec]?
    var stages: [StageEntrySpec]?

    init(_ reader: MappingReader<Key>) {
        racks = reader.list(.racks)
        stages = reader.list(.stages)
    }
}

/// One element of `catalog.racks:` — a new rack entry, or a variant of one (`based_on`).
struct RackEntrySpec: SpecMapping {
    enum Key: String, SpecKey {
        case id, basedOn = "based_on", name, role, gpus
        case nameplateKW = "nameplate_kw", designKW = "design_kw", idleKW = "idle_kw"
        case liquidFraction = "liquid_fraction", weightKG = "weight_kg", source, confidence, feeds
        case psu
    }
    /// The reader, kept to report keys that only the semantic phase knows are required (the
    /// ones needed when there is no `based_on`).
    var reader: MappingReader<Key>
    var id: Located<String>?
    var basedOn: Located<String>?
    var name: Located<String>?
    var role: Located<String>?
    var gpus: Located<Double>?
    var nameplateKW: Located<Double>?
    var designKW: Located<Double>?
    var idleKW: Located<Double>?
    var liquidFraction: Located<Double>?
    var weightKG: Located<Double>?
    var psu: RackPSUSpec?
    var source: Located<String>?
    var confidence: Located<String>?
    /// Power feeds of the rack: 1 (single-corded) or 2 (dual-corded, A and B).
    var feeds: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        self.reader = reader
        id = reader.string(.id, required: true)
        basedOn = reader.string(.basedOn)
        name = reader.string(.name)
        feeds = reader.integer(.feeds)
        role = reader.string(.role)
        gpus = reader.integer(.gpus)
        nameplateKW = reader.number(.nameplateKW)
        designKW = reader.number(.designKW)
        idleKW = reader.number(.idleKW)
        liquidFraction = reader.number(.liquidFraction)
        weightKG = reader.number(.weightKG)
        psu = reader.mapping(.psu)
        source = reader.string(.source, required: true)
        confidence = reader.string(.confidence)
    }
}

/// `catalog.racks[].psu:` the rack's own power shelves or PSUs (DESIGN.md §5.8).
struct RackPSUSpec: SpecMapping {
    enum Key: String, SpecKey {
        case units, unitKW = "unit_kw", redundancy, nodes
    }
    var reader: MappingReader<Key>
    var units: Located<Double>?
    var unitKW: Located<Double>?
    var redundancy: Located<String>?
    var nodes: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        self.reader = reader
        units = reader.integer(.units, required: true)
        unitKW = reader.number(.unitKW, required: true)
        redundancy = reader.string(.redundancy, required: true)
        nodes = reader.integer(.nodes)
    }
}

/// `heat_recovery:` — heat pumps selling the data centre's waste heat to a district-heating
/// network (DESIGN.md §5.5).
struct HeatRecoverySection: SpecMapping {
    enum Key: String, SpecKey {
        case network, peakDemandMW = "peak_demand_mw", source, heatPump = "heat_pump", supplyC = "supply_c"
        case returnC = "return_c", electricityPrice = "electricity_price_usd_per_mwh"
        case heatPrice = "heat_price_usd_per_mwh", heatPumpCost = "heat_pump_cost_usd_per_kw"
        case discountRatePercent = "discount_rate_percent", lifetimeYears = "lifetime_years"
        case minimumERFPercent = "minimum_erf_percent", maximumCapacityMW = "maximum_capacity_mw"
        case representativeDays = "representative_days", storage
    }
    var place: Place
    var network: Located<String>?
    var peakDemandMW: Located<Double>?
    var source: Located<String>?
    var heatPump: Located<String>?
    var supplyC: Located<Double>?
    var returnC: Located<Double>?
    var electricityPrice: Located<Double>?
    var heatPrice: Located<Double>?
    var heatPumpCost: Located<Double>?
    var discountRatePercent: Located<Double>?
    var lifetimeYears: Located<Double>?
    var minimumERFPercent: Located<Double>?
    var maximumCapacityMW: Located<Double>?
    var representativeDays: Located<Double>?
    var storage: HeatStorageSection?

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        network = reader.string(.network, required: true)
        peakDemandMW = reader.number(.peakDemandMW, required: true)
        source = reader.string(.source)
        heatPump = reader.string(.heatPump)
        supplyC = reader.number(.supplyC)
        returnC = reader.number(.returnC)
        electricityPrice = reader.number(.electricityPrice)
        heatPrice = reader.number(.heatPrice)
        heatPumpCost = reader.number(.heatPumpCost)
        discountRatePercent = reader.number(.discountRatePercent)
        lifetimeYears = reader.integer(.lifetimeYears)
        minimumERFPercent = reader.number(.minimumERFPercent)
        maximumCapacityMW = reader.number(.maximumCapacityMW)
        representativeDays = reader.integer(.representativeDays)
        storage = reader.mapping(.storage)
    }
}

/// `heat_recovery.storage:` — hot-water storage the optimiser may size.
struct HeatStorageSection: SpecMapping {
    enum Key: String, SpecKey {
        case hourlyLossPercent = "hourly_loss_percent", maximumMWh = "maximum_mwh", costUSDPerMWh = "cost_usd_per_mwh"
    }
    var place: Place
    var hourlyLossPercent: Located<Double>?
    var maximumMWh: Located<Double>?
    var costUSDPerMWh: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        hourlyLossPercent = reader.number(.hourlyLossPercent)
        maximumMWh = reader.number(.maximumMWh)
        costUSDPerMWh = reader.number(.costUSDPerMWh)
    }
}

/// `compliance:` — the rule sets the site is checked against and the grid factor for CUE.
struct ComplianceSection: SpecMapping {
    enum Key: String, SpecKey {
        case rules, gridEmission = "grid_emission_kg_per_kwh", onFail = "on_fail"
        case elcFullLoadMaxPercent = "ashrae_elc_full_load_max_percent"
        case elcHalfLoadMaxPercent = "ashrae_elc_half_load_max_percent", mlcMax = "ashrae_mlc_max"
        case climateZone = "ashrae_climate_zone"
    }
    var place: Place
    var rules: Located<[Located<String>]>?
    var gridEmission: Located<Double>?
    var onFail: Located<String>?
    var elcFullLoadMaxPercent: Located<Double>?
    var elcHalfLoadMaxPercent: Located<Double>?
    var mlcMax: Located<Double>?
    var climateZone: Located<String>?

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        rules = reader.strings(.rules, required: true)
        gridEmission = reader.number(.gridEmission)
        onFail = reader.string(.onFail)
        elcFullLoadMaxPercent = reader.number(.elcFullLoadMaxPercent)
        elcHalfLoadMaxPercent = reader.number(.elcHalfLoadMaxPercent)
        mlcMax = reader.number(.mlcMax)
        climateZone = reader.string(.climateZone)
    }
}

/// One element of `phases:` — a step of the build-out (DESIGN.md §5.19).
struct PhaseSpec: SpecMapping {
    enum Key: String, SpecKey {
        case date, halls, source
        case utilisationRampPercent = "utilisation_ramp_percent", gridContractMW = "grid_contract_mw"
    }
    var place: Place
    var date: Located<String>?
    var halls: [PhaseHallSpec]?
    var utilisationRampPercent: Located<Double>?
    var gridContractMW: Located<Double>?
    var source: Located<String>?

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        date = reader.string(.date, required: true)
        halls = reader.list(.halls, required: true, atLeastOne: "hall")
        utilisationRampPercent = reader.number(.utilisationRampPercent)
        gridContractMW = reader.number(.gridContractMW)
        source = reader.string(.source)
    }
}

/// One element of `phases[].halls:` — copies of a spec hall the phase energises.
struct PhaseHallSpec: SpecMapping {
    enum Key: String, SpecKey { case id, copies }
    var place: Place
    var id: Located<String>?
    var copies: Located<Double>?

    init(_ reader: MappingReader<Key>) {
        place = reader.place
        id = reader.string(.id, required: true)
        copies = reader.integer(.copies)
    }
}
