import Foundation
import PlannerModel

/// `plan.json`, the machine contract (DESIGN.md §8): snake_case keys with unit suffixes, sorted,
/// versioned by `schema`. Numbers are rounded to fixed decimals so output is stable.
public enum PlanJSON {
    public static let schema = "dcplan.plan/1"

    public static func render(_ plan: Plan, context: ReportContext) throws -> String {
        try encode(Document(plan: plan, context: context))
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    struct Levels: Encodable {
        var nameplate, design, sustained: Double
        init(_ p: PowerLevels) {
            nameplate = Format.plain(p.nameplate.kilowatts)
            design = Format.plain(p.design.kilowatts)
            sustained = Format.plain(p.sustained.kilowatts)
        }
    }

    struct Heat: Encodable {
        var liquid, air: Double
        init(_ h: HeatSplit) {
            liquid = Format.plain(h.liquid.kilowatts)
            air = Format.plain(h.air.kilowatts)
        }
    }

    /// The fields shared by the site, each hall and each hall copy.
    struct Capacity: Encodable {
        var gpuCount, rackCount: Int
        var racksByRole: [String: Int]
        var itPowerKW: Levels
        var heatKW, heatSustainedKW: Heat
        var floorWeightT: Double
        var racksWithoutWeight: Int

        init(_ s: CapacitySummary) {
            gpuCount = s.gpuCount
            rackCount = s.rackCount
            racksByRole = Dictionary(uniqueKeysWithValues: SystemRole.allCases.map { ($0.rawValue, s.racks($0)) })
            itPowerKW = Levels(s.itPower)
            heatKW = Heat(s.heatDesign)
            heatSustainedKW = Heat(s.heatSustained)
            floorWeightT = Format.plain(s.weight.tonnes)
            racksWithoutWeight = s.racksWithoutWeight
        }

        enum CodingKeys: String, CodingKey {
            case gpuCount = "gpu_count", rackCount = "rack_count", racksByRole = "racks_by_role"
            case itPowerKW = "it_power_kw", heatKW = "heat_kw", heatSustainedKW = "heat_sustained_kw"
            case floorWeightT = "floor_weight_t", racksWithoutWeight = "racks_without_weight"
        }
    }

    struct RackGroupDoc: Encodable {
        var type: String
        var racksPerCopy, gpusPerRack: Int
        var rackPowerKW: Levels
        var liquidFraction: Double
        var confidence: String
        var psu: PSUDoc?
        enum CodingKeys: String, CodingKey {
            case type, racksPerCopy = "racks_per_copy", gpusPerRack = "gpus_per_rack", rackPowerKW = "rack_power_kw"
            case liquidFraction = "liquid_fraction", confidence, psu
        }
    }

    /// A rack group's own power supplies (DESIGN.md §5.8): units in one rack (all nodes), one
    /// unit's rating, the stated redundancy, and whether the rack at design power survives the
    /// loss of one unit.
    struct PSUDoc: Encodable {
        var unitsInstalled: Int
        var unitKW: Double
        var redundancy: String
        var survivesOneFailure: Bool
        enum CodingKeys: String, CodingKey {
            case unitsInstalled = "units_installed", unitKW = "unit_kw", redundancy
            case survivesOneFailure = "survives_one_failure"
        }

        /// The configuration the hall's chain sized the group with (a stand-in when the entry has
        /// none), else the entry's own; nil when neither exists.
        init?(_ group: RackGroupResult, electrical: HallElectrical?) {
            let sized = electrical?.design.stages.lazy.flatMap(\.rackTypes).first {
                $0.supply.rackType == group.system.id
            }
            guard let psu = sized?.supply.psu ?? group.system.psu else { return nil }
            unitsInstalled = psu.unitsPerRack
            unitKW = Format.plain(psu.unitRating.kilowatts)
            redundancy = psu.redundancy.description
            survivesOneFailure = psu.survivesOneFailure(rackDesign: group.perRack.design)
        }
    }

    struct HallDoc: Encodable {
        var id: String
        var copies: Int
        var total: Capacity
        var perCopy: Capacity
        var rackGroups: [RackGroupDoc]
        var electrical: HallElectrical?
        var cooling: HallCooling?
        var placement: HallPlacement?

        func encode(to encoder: any Encoder) throws {
            try total.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(copies, forKey: .copies)
            try container.encode(perCopy, forKey: .perCopy)
            try container.encode(rackGroups, forKey: .rackGroups)
            if let electrical {
                try container.encode(electrical.distribution.rawValue, forKey: .distribution)
                try container.encode(electrical.topology?.description ?? "custom", forKey: .topology)
                try container.encode(electrical.design.stages.map(StageDoc.init), forKey: .powerChain)
                try container.encode(Format.plain(electrical.design.totalLoss.kilowatts), forKey: .lossesPerCopyKW)
                try container.encode(Format.plain(electrical.copper.tonnes), forKey: .copperPerCopyT)
                try container.encode(Format.plain(electrical.aluminium.tonnes), forKey: .aluminiumPerCopyT)
            }
            if let cooling {
                var units: [String: [String: Double]] = [:]
                if let c = cooling.cdus {
                    units["cdus"] = [
                        "installed": Double(c.units.unitsInstalled), "required": Double(c.units.unitsRequired),
                        "unit_kw": Format.plain(c.units.unitRating.kilowatts),
                        "load_kw": Format.plain(cooling.liquidLoad.kilowatts),
                        "coolant_flow_l_per_min": Format.plain(c.coolantFlow.litresPerMinute, 1),
                        "pump_kw": Format.plain(c.pumpPower.kilowatts),
                    ]
                }
                if let a = cooling.airUnits {
                    units["air_units"] = [
                        "installed": Double(a.units.unitsInstalled), "required": Double(a.units.unitsRequired),
                        "unit_kw": Format.plain(a.units.unitRating.kilowatts),
                        "load_kw": Format.plain(cooling.airLoad.kilowatts),
                        "airflow_m3_per_s": Format.plain(a.airflow.cubicMetresPerSecond),
                        "fan_kw": Format.plain(a.fanPower.kilowatts),
                    ]
                }
                try container.encode(units, forKey: .cooling)
            }
            if let placement { try container.encode(PlacementDoc(placement), forKey: .placement) }
        }
        enum Keys: String, CodingKey {
            case id, copies, perCopy = "per_copy", rackGroups = "rack_groups", distribution, topology, powerChain =
                "power_chain"
            case lossesPerCopyKW = "losses_per_copy_kw", copperPerCopyT = "copper_per_copy_t", cooling, placement
            case aluminiumPerCopyT = "aluminium_per_copy_t"
        }
    }

    /// A hall's placement: the worse status of its two problems, the summed objective, and every
    /// placed unit (CDUs and air units, with their medium).
    struct PlacementDoc: Encodable {
        struct Unit: Encodable {
            var id, type, medium: String
            var xM, yM, capacityKW, loadKW, maxLoadAfterFailureKW: Double
            enum CodingKeys: String, CodingKey {
                case id, type, medium, xM = "x_m", yM = "y_m", capacityKW = "capacity_kw", loadKW = "load_kw"
                case maxLoadAfterFailureKW = "max_load_after_failure_kw"
            }
        }
        var status: String
        var objective: Double?
        var units: [Unit]

        init(_ p: HallPlacement) {
            let layouts = [p.liquid, p.air].compactMap { $0 }
            let order: [PlacementStatus] = [.optimal, .feasible, .infeasible, .noSolution]
            status =
                (layouts.map(\.status).max { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! } ?? .optimal)
                .rawValue
            let objectives = layouts.map(\.solve.objective)
            objective =
                objectives.contains { $0 == nil } ? nil : Format.plain(objectives.reduce(0) { $0 + ($1?.dollars ?? 0) })
            units = layouts.flatMap { layout in
                layout.units.map { u in
                    Unit(
                        id: u.id, type: u.typeID, medium: layout.medium == .liquid ? "liquid" : "air",
                        xM: Format.plain(u.position.x.metres),
                        yM: Format.plain(u.position.y.metres), capacityKW: Format.plain(u.capacity.kilowatts),
                        loadKW: Format.plain(u.load.kilowatts),
                        maxLoadAfterFailureKW: Format.plain(u.maxLoadAfterFailure.kilowatts))
                }
            }
        }
    }

    struct StageDoc: Encodable {
        var stage, entry, redundancy: String
        var unitsRequired, unitsInstalled: Int
        var unitRatingKW, loadKW, lossKW, loadingNormal, strandedKW: Double
        var loadingAfterFailure: Double?
        var survivesSingleFailure: Bool
        var topology: TopologyDoc

        init(_ s: StageResult) {
            topology = TopologyDoc(s)
            stage = s.stage
            entry = s.entryID
            redundancy = s.redundancy.description
            unitsRequired = s.unitsRequired
            unitsInstalled = s.unitsInstalled
            unitRatingKW = Format.plain(s.unitRating.kilowatts)
            loadKW = Format.plain(s.loadOut.kilowatts)
            lossKW = Format.plain(s.loss.kilowatts)
            loadingNormal = Format.plain(s.loadingNormal.fraction, 4)
            loadingAfterFailure = s.loadingAfterFailure.map { Format.plain($0.fraction, 4) }
            strandedKW = Format.plain(s.strandedCapacity.kilowatts)
            survivesSingleFailure = s.survivesWorstFailure
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(stage, forKey: .stage)
            try c.encode(entry, forKey: .entry)
            try c.encode(redundancy, forKey: .redundancy)
            try c.encode(unitsRequired, forKey: .unitsRequired)
            try c.encode(unitsInstalled, forKey: .unitsInstalled)
            try c.encode(unitRatingKW, forKey: .unitRatingKW)
            try c.encode(loadKW, forKey: .loadKW)
            try c.encode(lossKW, forKey: .lossKW)
            try c.encode(loadingNormal, forKey: .loadingNormal)
            try c.encode(loadingAfterFailure, forKey: .loadingAfterFailure)
            try c.encode(strandedKW, forKey: .strandedKW)
            try c.encode(survivesSingleFailure, forKey: .survivesSingleFailure)
            try c.encode(topology, forKey: .topology)
        }

        enum CodingKeys: String, CodingKey {
            case topology
            case stage, entry, redundancy, unitsRequired = "units_required", unitsInstalled = "units_installed"
            case unitRatingKW = "unit_rating_kw", loadKW = "load_kw", lossKW = "loss_kw", loadingNormal =
                "loading_normal"
            case loadingAfterFailure = "loading_after_failure", strandedKW = "stranded_kw"
            case survivesSingleFailure = "survives_single_failure"
        }
    }

    /// A stage's topology and its continuous limit (DESIGN.md §5.7): what the topology is, what
    /// its worst single failure takes out, the survivors' loading, the load that drops, and the
    /// largest normal loading the stage was sized for.
    struct TopologyDoc: Encodable {
        var description, fails: String
        var continuousLimit, loadingNormal: Double
        var survivorsLoading: Double?
        var loadDroppedKW: Double

        init(_ s: StageResult) {
            description = s.topologyDescription
            fails = s.worstFailure
            continuousLimit = Format.plain(s.continuousLimit.fraction, 4)
            loadingNormal = Format.plain(s.loadingNormal.fraction, 4)
            survivorsLoading = s.loadingAfterFailure.map { Format.plain($0.fraction, 4) }
            loadDroppedKW = Format.plain(s.loadDroppedByOneFailure.kilowatts)
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(description, forKey: .description)
            try c.encode(fails, forKey: .fails)
            try c.encode(continuousLimit, forKey: .continuousLimit)
            try c.encode(loadingNormal, forKey: .loadingNormal)
            try c.encode(survivorsLoading, forKey: .survivorsLoading)
            try c.encode(loadDroppedKW, forKey: .loadDroppedKW)
        }

        enum CodingKeys: String, CodingKey {
            case description, fails, continuousLimit = "continuous_limit", loadingNormal = "loading_normal"
            case survivorsLoading = "survivors_loading", loadDroppedKW = "load_dropped_kw"
        }
    }

    struct ComparisonDoc: Encodable {
        var distribution: String
        var efficiency, designLossKW, annualLossMWh, copperT, aluminiumT: Double
        var copperByLevelT: [String: Double]
        var conversionStages: Int
        enum CodingKeys: String, CodingKey {
            case distribution, efficiency, designLossKW = "losses_kw", annualLossMWh = "annual_loss_mwh", copperT =
                "copper_t"
            case aluminiumT = "aluminium_t", copperByLevelT = "copper_by_level_t"
            case conversionStages = "conversion_stages"
        }
        init(_ c: ChainComparison) {
            distribution = c.label
            efficiency = Format.plain(c.efficiency.fraction, 5)
            designLossKW = Format.plain(c.designLoss.kilowatts)
            annualLossMWh = Format.plain(c.annualLoss.megawattHours)
            copperT = Format.plain(c.copper.tonnes)
            aluminiumT = Format.plain(c.aluminium.tonnes)
            copperByLevelT = MetalDoc.tonnes(c.metal, \.copper)
            conversionStages = c.conversionStages
        }
    }

    struct FindingDoc: Encodable {
        var severity, subject, message: String
    }

    struct Document: Encodable {
        var plan: Plan
        var context: ReportContext

        func encode(to encoder: any Encoder) throws {
            try Capacity(plan.total).encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            let site = plan.site
            try c.encode(PlanJSON.schema, forKey: .schema)
            try c.encode(site.name, forKey: .site)
            try c.encodeIfPresent(site.operatorName, forKey: .operatorName)
            try c.encodeIfPresent(site.location, forKey: .location)
            try c.encodeIfPresent(site.commissioning, forKey: .commissioning)
            try c.encode(Format.plain(site.utilisation.percent), forKey: .utilisationPercent)
            try c.encode(Format.plain(plan.curve.exponent, 6), forKey: .curveExponent)
            try c.encode(context.specPath, forKey: .spec)
            try c.encode(context.specDigest, forKey: .specSHA256)
            try c.encode(context.version, forKey: .dcplanVersion)
            try c.encode(plan.halls.map(hallDoc), forKey: .halls)
            if let e = plan.electrical {
                try c.encode(
                    [
                        "design": Format.plain((plan.facilityDesign ?? e.facilityDesign).kilowatts),
                        "design_without_cooling": Format.plain(e.facilityDesign.kilowatts),
                        "sustained": Format.plain(e.facilitySustained.kilowatts),
                    ],
                    forKey: .facilityPowerKW)
                try c.encode(Format.plain(e.designLoss.kilowatts), forKey: .lossesKW)
                try MetalDoc(e, itDesign: plan.total.itPower.design).encode(to: encoder)
                try c.encode(
                    GridDoc(
                        interconnectKV: Format.plain(e.grid.interconnectVoltage.kilovolts), supply: e.grid.rule.supply,
                        peakDemandKW: Format.plain(e.grid.peakDemand.kilowatts),
                        mainTransformers: e.mainTransformers?.stages.first?.unitsInstalled ?? 0,
                        study: GridStudyDoc(e)),
                    forKey: .grid)
                try c.encode(e.comparison.map(ComparisonDoc.init), forKey: .distributionComparison)
            }
            if let cooling = plan.cooling, let a = cooling.annual {
                try c.encode(
                    AnnualDoc(
                        itEnergyMWh: Format.plain(a.itEnergy.megawattHours),
                        facilityEnergyMWh: Format.plain(a.facilityEnergy.megawattHours),
                        pue: Format.plain(a.pue, 4), wue: Format.plain(a.wue, 4),
                        partialPUEPower: Format.plain(a.partialPUEPower, 4),
                        partialPUECooling: Format.plain(a.partialPUECooling, 4),
                        heatRejectedMWh: Format.plain(a.heatRejected.megawattHours),
                        heatRecoveredMWh: a.heatRecovered > .zero ? Format.plain(a.heatRecovered.megawattHours) : nil,
                        hours: Dictionary(
                            uniqueKeysWithValues: PlantMode.allCases.map {
                                ($0.rawValue, a.hoursByMode[$0, default: 0])
                            }),
                        liquidClass: cooling.loop(.liquid).map { _ in cooling.liquidClass },
                        airClass: cooling.airInlet.map { $0.airClass?.name ?? "none" },
                        hoursOutsideAirRecommended: cooling.airInlet?.hoursOutsideRecommended),
                    forKey: .annual)
                try c.encode(
                    [
                        "dry_bulb_c": Format.plain(cooling.designDryBulb.celsius, 2),
                        "wet_bulb_c": Format.plain(cooling.designWetBulb.celsius, 2),
                        "cooling_kw": Format.plain(cooling.designCoolingPower.kilowatts),
                        "plant_pumps_kw": Format.plain(cooling.designPlantPumps.kilowatts),
                        "house_loads_kw": Format.plain(cooling.designHouseLoad.kilowatts),
                    ],
                    forKey: .designConditions)
            }
            if let hr = plan.heatRecovery {
                let r = hr.result
                try c.encode(
                    HeatRecoveryDoc(
                        status: r.status.rawValue, network: hr.choices.networkKind.rawValue,
                        source: hr.choices.source.rawValue,
                        heatPump: r.heatPumpID, heatPumpMW: Format.plain(r.capacity.megawatts), heatPumpUnits: r.units,
                        heatDemandMWh: Format.plain(r.demand.megawattHours, 1),
                        heatDeliveredMWh: Format.plain(r.delivered.megawattHours, 1),
                        heatReusedMWh: Format.plain(r.sourceHeat.megawattHours, 1),
                        heatPumpElectricityMWh: Format.plain(r.electricity.megawattHours, 1),
                        seasonalCOP: Format.plain(r.seasonalCOP, 3), erf: Format.plain(hr.erf.fraction, 5),
                        ere: Format.plain(hr.ere, 4), maximumERF: Format.plain(hr.maximumERF.fraction, 5),
                        minimumERF: hr.choices.minimumERF.map { Format.plain($0.fraction, 5) },
                        netBenefit: Format.plain(r.netBenefit, 0), currency: r.currency,
                        heatRejectedBeforeMWh: hr.plant.map { Format.plain($0.heatRejectedBefore.megawattHours, 1) },
                        heatRejectedAfterMWh: hr.plant.map { Format.plain($0.heatRejectedAfter.megawattHours, 1) },
                        plantEnergyBeforeMWh: hr.plant.map { Format.plain($0.plantEnergyBefore.megawattHours, 1) },
                        plantEnergyAfterMWh: hr.plant.map { Format.plain($0.plantEnergyAfter.megawattHours, 1) },
                        lpRows: r.lp.rows, lpColumns: r.lp.columns, lpNonzeros: r.lp.nonzeros),
                    forKey: .heatRecovery)
            }
            if let m = plan.metrics {
                var metrics: [String: Double] = [
                    "pue": Format.plain(m.pue, 4), "erf": Format.plain(m.erf.fraction, 5),
                    "ere": Format.plain(m.ere, 4),
                ]
                if let cue = m.cue { metrics["cue_kg_per_kwh"] = Format.plain(cue.kilogramsPerKilowattHour, 4) }
                try c.encode(metrics, forKey: .metrics)
            }
            if let report = plan.compliance {
                try c.encode(
                    report.results.map {
                        ComplianceDoc(
                            ruleSet: $0.ruleSet.rawValue, rule: $0.rule, value: $0.siteValue, threshold: $0.threshold,
                            result: $0.verdict.rawValue, citation: $0.citation)
                    }, forKey: .compliance)
            }
            if let cost = plan.cost {
                try c.encode(CostDoc(cost), forKey: .cost)
                let space = cost.space
                try c.encode(
                    [
                        "white_space": Format.plain(space.whiteSpace.squareMetres, 1),
                        "electrical": Format.plain(space.electrical.squareMetres, 1),
                        "mechanical": Format.plain(space.mechanical.squareMetres, 1),
                        "yard": Format.plain(space.yard.squareMetres, 1),
                        "building": Format.plain(space.building.squareMetres, 1),
                        "total": Format.plain(space.total.squareMetres, 1),
                    ], forKey: .areaM2)
                try c.encode(Format.plain(space.slabLoading.kilopascals, 2), forKey: .slabKNPerM2)
            }
            if let u = plan.uncertainty { try c.encode(UncertaintyDoc(u), forKey: .uncertainty) }
            if !plan.options.isEmpty {
                try c.encode(
                    plan.options.map { o in
                        OptionDoc(
                            label: o.label, chosen: o.chosen, distribution: o.distribution,
                            tcsSupplyC: Format.plain(o.tcsSupply.celsius, 1), heatRecovery: o.heatRecovery,
                            capexUSD: Format.plain(o.capital.dollars, 0),
                            facilityEnergyMWh: o.facilityEnergy.map { Format.plain($0.megawattHours, 1) },
                            pue: o.pue.map { Format.plain($0, 4) },
                            waterM3: o.water.map { Format.plain($0.cubicMetres, 0) },
                            npvUSD: Format.plain(o.lifetime.dollars, 0), failed: o.failed)
                    }, forKey: .options)
            }
            try c.encode(
                plan.findings.map {
                    FindingDoc(severity: $0.severity.rawValue, subject: $0.subject, message: $0.message)
                },
                forKey: .findings)
        }

        struct AnnualDoc: Encodable {
            var itEnergyMWh, facilityEnergyMWh, pue, wue, partialPUEPower, partialPUECooling, heatRejectedMWh: Double
            var heatRecoveredMWh: Double?
            var hours: [String: Int]
            var liquidClass, airClass: String?
            var hoursOutsideAirRecommended: Int?
            enum CodingKeys: String, CodingKey {
                case itEnergyMWh = "it_energy_mwh", facilityEnergyMWh = "facility_energy_mwh", pue, wue =
                    "wue_l_per_kwh", hours
                case partialPUEPower = "partial_pue_power", partialPUECooling = "partial_pue_cooling"
                case heatRejectedMWh = "heat_rejected_mwh", heatRecoveredMWh = "heat_recovered_mwh", liquidClass =
                    "ashrae_liquid_class", airClass = "ashrae_air_class"
                case hoursOutsideAirRecommended = "hours_outside_air_recommended"
            }
        }

        struct HeatRecoveryDoc: Encodable {
            var status, network, source, heatPump: String
            var heatPumpMW: Double
            var heatPumpUnits: Int
            var heatDemandMWh, heatDeliveredMWh, heatReusedMWh, heatPumpElectricityMWh, seasonalCOP, erf, ere,
                maximumERF: Double
            var minimumERF: Double?
            var netBenefit: Double
            var currency: String
            var heatRejectedBeforeMWh, heatRejectedAfterMWh, plantEnergyBeforeMWh, plantEnergyAfterMWh: Double?
            var lpRows, lpColumns, lpNonzeros: Int
            enum CodingKeys: String, CodingKey {
                case status, network, source, heatPump = "heat_pump", heatPumpMW = "heat_pump_mw", heatPumpUnits =
                    "heat_pump_units"
                case heatDemandMWh = "heat_demand_mwh", heatDeliveredMWh = "heat_delivered_mwh", heatReusedMWh =
                    "heat_reused_mwh"
                case heatPumpElectricityMWh = "heat_pump_electricity_mwh", seasonalCOP = "seasonal_cop", erf, ere
                case maximumERF = "maximum_erf", minimumERF = "minimum_erf", netBenefit = "net_benefit_per_year",
                    currency
                case heatRejectedBeforeMWh = "heat_rejected_without_recovery_mwh", heatRejectedAfterMWh =
                    "heat_rejected_mwh"
                case plantEnergyBeforeMWh = "plant_energy_without_recovery_mwh", plantEnergyAfterMWh =
                    "plant_energy_mwh"
                case lpRows = "lp_rows", lpColumns = "lp_columns", lpNonzeros = "lp_nonzeros"
            }
        }

        struct ComplianceDoc: Encodable {
            var ruleSet, rule, value, threshold, result, citation: String
            enum CodingKeys: String, CodingKey {
                case ruleSet = "rule_set", rule, value, threshold, result, citation
            }
        }

        struct GridDoc: Encodable {
            var interconnectKV: Double
            var supply: String
            var peakDemandKW: Double
            var mainTransformers: Int
            var study: GridStudyDoc?
            enum CodingKeys: String, CodingKey {
                case interconnectKV = "interconnect_kv", supply, peakDemandKW = "peak_demand_kw"
                case mainTransformers = "main_transformers"
            }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(interconnectKV, forKey: .interconnectKV)
                try c.encode(supply, forKey: .supply)
                try c.encode(peakDemandKW, forKey: .peakDemandKW)
                try c.encode(mainTransformers, forKey: .mainTransformers)
                try study?.encode(to: encoder)
            }
        }

        func hallDoc(_ hall: HallResult) -> HallDoc {
            HallDoc(
                id: hall.id, copies: hall.copies, total: Capacity(hall.total), perCopy: Capacity(hall.perCopy),
                rackGroups: hall.groups.map {
                    RackGroupDoc(
                        type: $0.system.id, racksPerCopy: $0.count, gpusPerRack: $0.system.gpus,
                        rackPowerKW: Levels($0.perRack),
                        liquidFraction: Format.plain($0.system.liquidFraction.fraction, 4),
                        confidence: $0.system.provenance.confidence.rawValue,
                        psu: PSUDoc($0, electrical: plan.electrical?.halls.first { $0.id == hall.id }))
                },
                electrical: plan.electrical?.halls.first { $0.id == hall.id },
                cooling: plan.cooling?.halls.first { $0.id == hall.id },
                placement: plan.placements.first { $0.hallID == hall.id })
        }

        enum Keys: String, CodingKey {
            case schema, site, operatorName = "operator", location, commissioning
            case utilisationPercent = "utilisation_percent", curveExponent = "utilisation_curve_exponent"
            case spec, specSHA256 = "spec_sha256", dcplanVersion = "dcplan_version", halls, findings
            case facilityPowerKW = "facility_power_kw", lossesKW = "losses_kw", grid
            case distributionComparison = "distribution_comparison", annual, designConditions = "design_conditions"
            case heatRecovery = "heat_recovery", metrics, compliance, cost, areaM2 = "area_m2"
            case slabKNPerM2 = "slab_kn_per_m2", options
            case uncertainty
        }
    }

    /// The whole chain's conductor metal (DESIGN.md §5.9): `copper_t` and `aluminium_t` totals,
    /// `copper_by_level_t` and `aluminium_by_level_t` by `MetalLevel`, t per MW of IT design, and
    /// the sized busways and rack drops alone (`copper_sized_conductors_t`, what `copper_t` held
    /// before the whole chain was counted).
    /// One row of `options`, ranked by lifetime cost (DESIGN.md §5.16).
    struct OptionDoc: Encodable {
        var label: String
        var chosen: Bool
        var distribution: String
        var tcsSupplyC: Double
        var heatRecovery: Bool?
        var capexUSD: Double
        var facilityEnergyMWh, pue, waterM3: Double?
        var npvUSD: Double
        var failed: Bool
        enum CodingKeys: String, CodingKey {
            case label, chosen, distribution, tcsSupplyC = "tcs_supply_c", heatRecovery = "heat_recovery"
            case capexUSD = "capex_usd", facilityEnergyMWh = "facility_energy_mwh", pue, waterM3 = "water_m3"
            case npvUSD = "npv_usd", failed
        }
    }

    /// `cost`: capital (low / typical / high), operating and lifetime cost in USD of `price_year`.
    struct CostDoc: Encodable {
        var capexUSD, capexLowUSD, capexHighUSD, opexUSDPerYear, npvUSD, npvLowUSD, npvHighUSD: Double
        var usdPerMWIT, usdPerGPU, usdPerGPUHour, usdPerMWhIT: Double
        var bySystem: [String: [String: Double]]
        var byHall: [String: Double]
        var opex: [String: Double]
        var priceYear, horizonYears: Int
        var discountRate: Double
        var complete: Bool
        var missing: [String]

        init(_ cost: SiteCost) {
            func usd(_ m: Money) -> Double { Format.plain(m.dollars, 0) }
            let capital = cost.capital
            let lifetime = cost.lifetime
            capexUSD = usd(capital.typical)
            capexLowUSD = usd(capital.low)
            capexHighUSD = usd(capital.high)
            opexUSDPerYear = usd(cost.operating.total)
            npvUSD = usd(lifetime.typical)
            npvLowUSD = usd(lifetime.low)
            npvHighUSD = usd(lifetime.high)
            usdPerMWIT = usd(cost.capitalPerMegawattIT)
            usdPerGPU = usd(cost.capitalPerGPU)
            usdPerGPUHour = Format.plain(cost.perGPUHour.dollars, 4)
            usdPerMWhIT = Format.plain(cost.perMegawattHourIT.dollars, 2)
            bySystem = Dictionary(
                uniqueKeysWithValues: cost.bySystem.map {
                    (
                        $0.system.rawValue,
                        ["low": usd($0.cost.low), "typical": usd($0.cost.typical), "high": usd($0.cost.high)]
                    )
                })
            var halls: [String: Double] = ["site": usd(cost.capital(hall: nil).typical)]
            for id in Set(cost.items.compactMap(\.hallID)) { halls[id] = usd(cost.capital(hall: id).typical) }
            byHall = halls
            let o = cost.operating
            opex = [
                "electricity_energy": usd(o.electricityEnergy), "electricity_demand": usd(o.electricityDemand),
                "water": usd(o.water), "maintenance": usd(o.maintenance), "heat_revenue": usd(o.heatRevenue),
            ]
            priceYear = cost.choices.year
            horizonYears = cost.choices.horizonYears
            discountRate = Format.plain(cost.choices.discountRate.fraction, 4)
            complete = cost.isComplete
            missing = cost.missing.map { "\($0.item) (\($0.entryID))" }
        }

        enum CodingKeys: String, CodingKey {
            case capexUSD = "capex_usd", capexLowUSD = "capex_low_usd", capexHighUSD = "capex_high_usd"
            case opexUSDPerYear = "opex_usd_per_year", npvUSD = "npv_usd", npvLowUSD = "npv_low_usd"
            case npvHighUSD = "npv_high_usd", usdPerMWIT = "usd_per_mw_it", usdPerGPU = "usd_per_gpu"
            case usdPerGPUHour = "usd_per_gpu_hour", usdPerMWhIT = "usd_per_mwh_it", bySystem = "by_system"
            case byHall = "by_hall_usd", opex = "opex_usd_per_year_by_item", priceYear = "price_year"
            case horizonYears = "horizon_years", discountRate = "discount_rate", complete, missing
        }
    }

    struct MetalDoc: Encodable {
        var site: SiteElectricalResult
        var itDesign: Power

        init(_ site: SiteElectricalResult, itDesign: Power) {
            self.site = site
            self.itDesign = itDesign
        }

        static func tonnes(_ levels: [MetalMass], _ mass: KeyPath<MetalMass, Mass>) -> [String: Double] {
            Dictionary(
                uniqueKeysWithValues: levels.byLevel.map { ($0.level.rawValue, Format.plain($0[keyPath: mass].tonnes)) }
            )
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            let metal = site.metal
            try c.encode(Format.plain(metal.copper.tonnes), forKey: .copperT)
            try c.encode(Format.plain(metal.aluminium.tonnes), forKey: .aluminiumT)
            try c.encode(Self.tonnes(metal, \.copper), forKey: .copperByLevelT)
            try c.encode(Self.tonnes(metal, \.aluminium), forKey: .aluminiumByLevelT)
            if itDesign > .zero {
                try c.encode(Format.plain(metal.copper.tonnes / itDesign.megawatts, 4), forKey: .copperTPerMW)
            }
            try c.encode(Format.plain(site.conductorCopper.tonnes), forKey: .sizedConductorsT)
        }

        enum Keys: String, CodingKey {
            case copperT = "copper_t", aluminiumT = "aluminium_t", copperByLevelT = "copper_by_level_t"
            case aluminiumByLevelT = "aluminium_by_level_t", copperTPerMW = "copper_t_per_mw_it"
            case sizedConductorsT = "copper_sized_conductors_t"
        }
    }
}
