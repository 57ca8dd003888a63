import Catalogue
import PlannerModel
import Weather

/// Orchestrates the analyses for one site; the physics lives in the analysis namespaces.
public struct Planner: Sendable {
    /// The utilisation → power curve for sustained power (default: fitted to the H100 samples).
    public var curve: UtilisationCurve
    /// Overrides every hall's distribution (`dcplan plan --distribution`).
    public var distribution: Distribution?
    /// Whether to evaluate the other distributions for the AC vs 800 VDC comparison.
    public var compareDistributions: Bool
    /// The stage entries of the standard chains (the built-in ones unless `unshared()`).
    public var chains = StandardChains.builtIn
    /// The unit costs the plan is priced with (the built-in ones; an uncertainty sample's own,
    /// DESIGN.md §5.20).
    public var costs = BuiltInCosts.catalogue
    /// Heat recovery held at a plan already made (an uncertainty sample, DESIGN.md §5.20): its heat
    /// pumps and hourly heat taken are reused instead of solving the LP again, and the plant runs
    /// once with that heat taken (capped each hour at the liquid heat there is). Nil: solved.
    public var heatRecoveryHeld: HeatRecoveryPlan? = nil
    /// Whether the plant is also checked at the extreme condition (DESIGN.md §5.15); an uncertainty
    /// sample skips it, since no banded figure reads it (DESIGN.md §5.20).
    public var checksExtremes = true

    public init(
        curve: UtilisationCurve = UtilisationFit.defaultCurve, distribution: Distribution? = nil,
        compareDistributions: Bool = true
    ) {
        self.curve = curve
        self.distribution = distribution
        self.compareDistributions = compareDistributions
    }

    /// A planner that shares no heap storage with this one, for one sweep worker: planning
    /// copies the curve and the stage entries, and copies retain their texts and arrays (atomic
    /// writes to their headers), which workers sharing one planner made from both cores.
    public func unshared() -> Planner {
        var copy = self
        copy.curve = curve.unshared()
        copy.chains = chains.unshared()
        return copy
    }

    /// The cooling table's CDUs and air units per hall copy (``CoolingAnalysis/units(halls:electrical:choices:)``),
    /// without the rest of the plan: what `dcplan benchmark --placement` gives the placement.
    public func coolingUnits(_ site: Site) -> [HallCooling] {
        let halls = site.halls.map { RackPowerAnalysis.analyse($0, siteUtilisation: site.utilisation, curve: curve) }
        let electrical = ElectricalAnalysis.analyse(
            site, halls: halls, distribution: distribution, compare: compareDistributions, chains: chains)
        return CoolingAnalysis.units(halls: halls, electrical: electrical, choices: site.cooling)
    }

    /// Plans a site; with a weather year (and its design conditions) also the cooling plant
    /// over that year. After each analysis its consistency check runs (``ConsistencyChecks``);
    /// a violation is an error finding.
    public func plan(_ site: Site, weather given: (year: WeatherYear, design: DesignConditions)? = nil) -> Plan {
        var violations: [String] = []
        // `site.design_conditions` beside a weather file overrides the file's design conditions
        // (DESIGN.md §5.14); the year itself is still simulated.
        let weather = given.map { w in site.designCondition.map { (year: w.year, design: DesignConditions($0)) } ?? w }
        let halls = site.halls.map { RackPowerAnalysis.analyse($0, siteUtilisation: site.utilisation, curve: curve) }
        violations += ConsistencyChecks.racks(site, halls: halls, total: halls.reduce(.zero) { $0 + $1.total })
        // With cooling to plan, this first pass only gives the halls' chains the cooling needs: the
        // distribution comparison waits for the second pass, which adds the cooling's load at MV.
        let cools = weather != nil || site.designCondition != nil
        var electrical = ElectricalAnalysis.analyse(
            site, halls: halls, distribution: distribution, compare: compareDistributions && !cools, chains: chains)
        violations += ConsistencyChecks.electrical(electrical, halls: halls)
        let profile = weather == nil ? nil : profileLevels(site)
        // With a weather year the plant is simulated over it; without one the cooling is sized at
        // the site's design condition (the spec's, or the cited stand-in), so the grid still
        // carries it.
        let held = site.heatRecovery == nil ? nil : heatRecoveryHeld
        var cooling =
            weather.map {
                CoolingAnalysis.analyse(
                    halls: halls, electrical: electrical, weather: $0.year, design: $0.design,
                    choices: site.cooling, profile: profile, recovered: held?.result.hourlySource,
                    checkExtremes: checksExtremes)
            }
            ?? site.designCondition.map {
                CoolingAnalysis.design(
                    halls: halls, electrical: electrical, design: DesignConditions($0), choices: site.cooling)
            }
        if let cooling {
            violations += ConsistencyChecks.cooling(cooling, halls: halls, electrical: electrical)
            violations += ConsistencyChecks.plant(cooling)
        }
        // Heat recovery: the LP on the plant's hourly liquid heat, then the plant again with the
        // recovered heat taken from the facility-water loop (DESIGN.md §5.5).
        var heatRecovery: HeatRecoveryPlan? = nil
        var recoveryFindings: [Finding] = []
        if let held, weather != nil, cooling?.annual != nil {
            heatRecovery = held
        } else if let choices = site.heatRecovery, let w = weather, let before = cooling, let year = before.annual {
            let planned = SiteHeatRecovery.plan(choices, cooling: before, annual: year, weather: w.year)
            recoveryFindings = planned.findings
            if var hr = planned.plan {
                violations += ConsistencyChecks.heatRecovery(hr)
                if hr.result.status.hasSolution {
                    let after = CoolingAnalysis.analyse(
                        halls: halls, electrical: electrical, weather: w.year, design: w.design,
                        choices: site.cooling, profile: profile,
                        recovered: hr.result.hourlySource)
                    violations += ConsistencyChecks.plant(after)
                    if let afterYear = after.annual {
                        hr = SiteHeatRecovery.couple(hr, before: year, after: afterYear)
                    }
                    cooling = after
                }
                heatRecovery = hr
            }
        }
        if let cooling {
            // The main transformers and the grid connection also carry the cooling plant at the
            // design condition. The halls' chains (and so the cooling) do not depend on it.
            electrical = ElectricalAnalysis.analyse(
                site, halls: halls, distribution: distribution, mechanicalLoad: cooling.designMechanicalLoad,
                compare: compareDistributions, chains: chains)
            violations += ConsistencyChecks.electrical(electrical, halls: halls)
        }
        var coolingFindings = cooling.map { Self.coolingFindings($0, weather: weather?.year, site: site) } ?? []
        if let given, let stated = site.designCondition {
            coolingFindings.append(Self.designOverride(stated, replacing: given.design))
        }
        var metrics: DataCentreMetrics? = nil
        var compliance: ComplianceReport? = nil
        var complianceFindings: [Finding] = []
        if let annual = cooling?.annual, site.heatRecovery != nil || site.compliance != nil {
            metrics = SiteHeatRecovery.metrics(annual, compliance: site.compliance, region: site.resolvedRegion)
            if let choices = site.compliance, !choices.ruleSets.isEmpty {
                let checked = SiteHeatRecovery.compliance(
                    choices, site: site, installedIT: halls.sum(\.total.itPower.design), annual: annual,
                    heatPumpElectricity: heatRecovery?.result.electricity ?? .zero,
                    meanWasteHeatTemperature: heatRecovery.map(\.meanSourceTemperature),
                    chainEfficiency: chainEfficiencies(site, halls: halls, electrical: electrical))
                compliance = checked.report
                complianceFindings = checked.findings
            }
        }
        let placed = SitePlacement.place(site, cooling: cooling?.halls)
        var plan = Plan(
            site: site, halls: halls,
            findings: Self.findings(site: site, halls: halls) + ElectricalFindings.findings(site, electrical)
                + coolingFindings
                + recoveryFindings + complianceFindings + placed.findings
                + violations.uniqued().map(ConsistencyChecks.finding),
            curve: curve, electrical: electrical, cooling: cooling, heatRecovery: heatRecovery, metrics: metrics,
            compliance: compliance)
        plan.placements = placed.placements
        if let weather {
            let station = Self.station(weather.year, design: weather.design, site: site)
            plan.weather = station
            plan.findings += Self.weatherFindings(station, site: site)
        }
        plan.findings += Self.beyondSense(plan)
        plan.site.region = site.resolvedRegion
        plan.findings += Self.regionFindings(site.resolvedRegion, inCode: site.region == nil)
        // Cost last: it prices what every other analysis installed (DESIGN.md §5.16).
        let costed = CostAnalysis.analyse(plan, catalogue: costs)
        plan.cost = costed.cost
        plan.findings += costed.findings
        return plan
    }

    /// The weather station of a year: its EPW LOCATION line, the period in its file name, the
    /// source of its design conditions and its distance from the site (DESIGN.md §5.11).
    static func station(_ year: WeatherYear, design: DesignConditions, site: Site) -> WeatherStationSummary {
        let l = year.location
        let designSource = design.source.text
        return WeatherStationSummary(
            fileName: year.fileName,
            station: [l.city, l.region, l.country].filter { !$0.isEmpty }.joined(separator: ", "),
            wmo: l.wmo, position: GeoPoint(latitudeDegrees: l.latitudeDegrees, longitudeDegrees: l.longitudeDegrees),
            elevation: l.elevation, period: WeatherStationSummary.period(fromFileName: year.fileName),
            designSource: designSource, site: site.coordinates, specReason: site.weatherStandIn)
    }

    /// The note that the spec's design condition replaces the weather file's, with both and the
    /// spec's source (DESIGN.md §5.14).
    static func designOverride(_ stated: CoolingDesignCondition, replacing file: DesignConditions) -> Finding {
        func pair(_ dry: Temperature, _ wet: Temperature) -> String {
            "\(Self.tenths(dry.celsius)) / \(Self.tenths(wet.celsius)) °C"
        }
        return Finding(
            .note, "site.design_conditions",
            "the plant is sized at the spec's design condition, cooling DB / MCWB "
                + pair(stated.coolingDryBulb, stated.coolingWetBulb) + " and evaporation MCDB / WB "
                + pair(stated.evaporationDryBulb, stated.evaporationWetBulb) + " (\(stated.provenance.source)), "
                + "not the weather file's " + pair(file.coolingDryBulb, file.coolingMeanCoincidentWetBulb) + " and "
                + pair(file.evaporationMeanCoincidentDryBulb, file.evaporationWetBulb) + " (\(file.source.text))")
    }

    /// A stand-in station is a warning (the plant's hours and energy are another place's); a site
    /// without coordinates is a note (its station's distance is unchecked).
    static func weatherFindings(_ station: WeatherStationSummary, site: Site) -> [Finding] {
        if let reason = station.standInReason {
            return [
                Finding(
                    .warning, "site.weather",
                    "the weather is a stand-in (\(reason)): the plant's hours, energy, PUE and WUE are those of "
                        + "\(station.station) (WMO \(station.wmo)), not measured at the site")
            ]
        }
        if site.coordinates == nil {
            return [
                Finding(
                    .note, "site.latitude",
                    "the site gives no latitude and longitude: the distance to the weather station "
                        + "\(station.station) (WMO \(station.wmo)) is unchecked")
            ]
        }
        return []
    }

    /// Which region's defaults the site took (DESIGN.md §5.17): a note when inferred from
    /// `site.grid.rules` or `site.location`, a warning naming the consequence when nothing named a
    /// region (Korea's apply); nothing when `site.country` states it. A site built in code without a
    /// region (`inCode`) gets a note: its author chose the defaults by leaving `Site.region` out.
    static func regionFindings(_ region: RegionDefaults, inCode: Bool = false) -> [Finding] {
        let factor = (region.gridEmissionFactor.kilogramsPerKilowattHour * 10_000).rounded() / 10_000
        let what =
            "\(region.gridRules.name) interconnect rules, "
            + "\(NumberText.compact(region.mediumVoltage.kilovolts)) kV MV, "
            + "\(NumberText.compact(region.lowVoltage.volts)) V LV (\(region.distribution.rawValue) chain by default), "
            + "grid factor \(NumberText.compact(factor)) kg CO₂e/kWh and tariff \(region.tariff)"
        switch region.resolution {
        case .given:
            return []
        case .inferred:
            return [
                Finding(
                    .note, "site.country",
                    "the regional defaults of \(region.name), \(region.code), apply, \(region.reason): \(what); "
                        + "set site.country to state the region")
            ]
        case .defaulted where inCode:
            return [
                Finding(
                    .note, "site.country",
                    "the site was built without a region: the defaults of \(region.name) apply, \(what)")
            ]
        case .defaulted:
            return [
                Finding(
                    .warning, "site.country",
                    "no region given (\(region.reason)): the defaults of \(region.name) apply, \(what); for a "
                        + "site elsewhere the interconnect voltage, MV cables, emissions and energy cost are "
                        + "Korea's; set site.country")
            ]
        }
    }

    /// Facility power at design above which a site is beyond sense: 10 GW, past the largest
    /// campuses announced (a few GW); a spec this large is likely a mistake in counts or copies.
    public static let facilityPowerBeyondSense = Power.megawatts(10_000)
    /// Units of one kind in one hall (per copy) above which the hall is beyond sense.
    public static let unitsBeyondSense = 10_000

    /// Warnings for results no real site has, each within the spec's ranges but absurd together:
    /// a facility above 10 GW at design, more than 10,000 units of one kind in one hall (a stage
    /// of the power chain, in-rack power shelves left out since they follow the racks; CDUs; air
    /// units).
    static func beyondSense(_ plan: Plan) -> [Finding] {
        var findings: [Finding] = []
        if let facility = plan.facilityDesign, facility > facilityPowerBeyondSense {
            findings.append(
                Finding(
                    .warning, "halls",
                    "the site draws \(NumberText.compact((facility.megawatts / 100).rounded() / 10)) GW of facility "
                        + "power at design, beyond sense above "
                        + "\(NumberText.compact(facilityPowerBeyondSense.megawatts / 1000)) GW: check the rack "
                        + "counts and copies"))
        }
        func check(_ index: Int, _ hallID: String, _ units: Int, _ what: String) {
            guard units > unitsBeyondSense else { return }
            findings.append(
                Finding(
                    .warning, "halls[\(index)]",
                    "hall '\(hallID)' needs \(units) \(what) per copy, beyond sense above \(unitsBeyondSense) units "
                        + "of one kind in one hall: check the rack counts, the unit ratings and the redundancy"))
        }
        for (index, hall) in (plan.electrical?.halls ?? []).enumerated() {
            // Rack-end stages (shelves, in-rack converters) count per rack, not per hall.
            for stage in hall.design.stages where stage.kind != .rackPowerShelf && stage.rackTypes.isEmpty {
                let (units, overflow) = stage.perGroup.unitsInstalled.multipliedReportingOverflow(by: stage.groups)
                check(index, hall.id, overflow ? Int.max : units, "units of '\(stage.stage)'")
            }
        }
        for (index, hall) in (plan.cooling?.halls ?? []).enumerated() {
            if let cdus = hall.cdus { check(index, hall.id, cdus.units.unitsInstalled, "CDUs (\(cdus.entryID))") }
            if let air = hall.airUnits {
                check(index, hall.id, air.units.unitsInstalled, "air units (\(air.entryID))")
            }
        }
        return findings
    }

    /// Power-chain efficiency (IT input over grid input, every hall copy, main transformers left
    /// out) at the design IT load and at half of it on the chain installed for design, for the
    /// ASHRAE 90.4 ELC at 100 % and 50 % load.
    func chainEfficiencies(_ site: Site, halls: [HallResult], electrical: SiteElectricalResult) -> (
        full: Ratio, half: Ratio
    )? {
        var itFull = Power.zero
        var gridFull = Power.zero
        var itHalf = Power.zero
        var gridHalf = Power.zero
        for (index, hall) in site.halls.enumerated() where index < halls.count && index < electrical.halls.count {
            let e = electrical.halls[index]
            let (_, chain) = ElectricalAnalysis.hall(
                hall, result: halls[index], distribution: e.distribution, site: site.electrical,
                customChain: distribution == nil ? hall.power.customChain : nil)
            let half = ElectricalAnalysis.installed(chain, sizedBy: e.design)
                .evaluate(load: halls[index].perCopy.itPower.design * 0.5)
            let copies = Double(hall.copies)
            itFull += e.design.itLoad * copies
            gridFull += e.design.gridInput * copies
            itHalf += half.itLoad * copies
            gridHalf += half.gridInput * copies
        }
        guard gridFull > .zero, gridHalf > .zero else { return nil }
        return (.fraction(itFull / gridFull), .fraction(itHalf / gridHalf))
    }

    /// The site planned at each hour of its daily workload profile (nil without one): the
    /// halls' utilisation scaled by the hour's factor, the power chain as installed for design.
    func profileLevels(_ site: Site) -> [(halls: [HallResult], electrical: SiteElectricalResult)]? {
        guard let profile = site.dailyProfile else { return nil }
        var byFactor: [Double: (halls: [HallResult], electrical: SiteElectricalResult)] = [:]
        return profile.map { factor in
            if let known = byFactor[factor.fraction] { return known }
            let scaled = site.scalingUtilisation(by: factor.fraction)
            let halls = scaled.halls.map {
                RackPowerAnalysis.analyse($0, siteUtilisation: scaled.utilisation, curve: curve)
            }
            let electrical = ElectricalAnalysis.evaluate(
                scaled, halls: halls, customChains: distribution == nil, chains: chains
            ) {
                distribution ?? $0.power.distribution
            }.result
            byFactor[factor.fraction] = (halls, electrical)
            return (halls, electrical)
        }
    }

    /// What the plant cannot do: hold a set point at the design condition (an error: the plan
    /// exits 2) or stay dry. (Its energy balance is a consistency check: ``ConsistencyChecks/plant(_:)``.)
    static func coolingFindings(_ cooling: SiteCooling, weather: WeatherYear?, site: Site) -> [Finding] {
        var findings: [Finding] = []
        if weather == nil, let condition = site.designCondition {
            // A spec's own design condition is a choice; the stand-in for a missing one is a guess.
            let standIn = condition.provenance.confidence == .low
            findings.append(
                Finding(
                    standIn ? .warning : .note, "site.weather",
                    "no weather year: the cooling is sized at \(Self.tenths(condition.coolingDryBulb.celsius)) °C "
                        + "dry bulb / \(Self.tenths(condition.coolingWetBulb.celsius)) °C wet bulb ("
                        + condition.provenance.source + ") and the grid carries its design power; annual energy, PUE "
                        + "and WUE need site.weather"))
        }
        for loop in cooling.loops where !loop.designHour.holdsSetPoint {
            // What the counting rule would install for the duty: required + spares (DESIGN.md §5.14).
            let sized =
                loop.chillersRequired + cooling.choices.chillerRedundancy.spares(required: loop.chillersRequired)
            findings.append(
                Finding(
                    .error, loop.kind.chillerUnitsKey,
                    "the plant cannot hold the \(loop.kind.rawValue) set point of "
                        + "\(NumberText.compact(loop.supplySetPoint.celsius)) °C at the design condition "
                        + "(\(NumberText.compact((loop.designDryBulb.celsius * 10).rounded() / 10)) °C dry bulb, "
                        + "\(NumberText.compact((loop.designWetBulb.celsius * 10).rounded() / 10)) °C wet "
                        + "bulb): the chillers must take "
                        + "\(NumberText.compact((loop.designChillerDuty.megawatts * 100).rounded() / 100)) MW but "
                        + "\(loop.chillersInstalled) installed give "
                        + "\(NumberText.compact((loop.chillerFirmCapacity.megawatts * 100).rounded() / 100)) MW firm "
                        + "under \(cooling.choices.chillerRedundancy), so the water reaches "
                        + "\(NumberText.compact((loop.designHour.supplyTemperature.celsius * 10).rounded() / 10)) °C; "
                        + "install \(sized) chillers (\(loop.chillersRequired) required + "
                        + "\(sized - loop.chillersRequired) spare) or remove \(loop.kind.chillerUnitsKey)"
                ))
        }
        // Condensation: facility water at or below the room's dew point (outdoor dew point as a
        // conservative stand-in for the plant rooms) wets pipes and coils.
        if let liquid = cooling.loop(.liquid), let weather {
            let supply = liquid.supplySetPoint.celsius
            let humid = weather.dewPoint.celsius.filter { $0 >= supply }.count
            if humid > 0 {
                findings.append(
                    Finding(
                        .warning, "cooling.tcs_supply_c",
                        "facility water at \(NumberText.compact(supply)) °C is at or below the outdoor dew point for "
                            + "\(humid) h of the year; insulate pipes or raise the set point"
                    ))
            }
        }
        // The air coils run dry while their water stays above the hall's dew point, at most 15 °C
        // in ASHRAE's envelope (REFERENCE.md §3.1).
        if let air = cooling.loop(.air), air.supplySetPoint.celsius <= hallDewPointLimit.celsius {
            findings.append(
                Finding(
                    .warning, "cooling.air_supply_c",
                    "air-coil water at \(NumberText.compact(air.supplySetPoint.celsius)) °C is at or below the 15 °C "
                        + "dew-point limit of the ASHRAE envelope: the coils will condense; raise the supply air"
                ))
        }
        return findings + classFindings(cooling) + extremeFindings(cooling)
    }

    /// ASHRAE classes (DESIGN.md §5.15): a design inlet outside its own class's recommended range,
    /// and hours of the year outside it (or above the facility water's W-class limit) beyond
    /// `cooling.class_hours_outside_recommended_h` (0 h, REFERENCE.md P330), are warnings.
    static func classFindings(_ cooling: SiteCooling) -> [Finding] {
        var findings: [Finding] = []
        let allowed = cooling.choices.classHoursAllowed
        if let air = cooling.airInlet {
            if let c = air.airClass {
                let range =
                    "\(NumberText.compact(c.recommended.lowerBound))–\(NumberText.compact(c.recommended.upperBound)) °C"
                if !c.recommended.contains(air.setPoint.celsius) {
                    findings.append(
                        Finding(
                            .warning, "cooling.air_supply_c",
                            "the rack inlet of \(tenths(air.setPoint.celsius)) °C is outside the recommended "
                                + "\(range) of every ASHRAE air class; it is classed \(c.name) by its allowable range"))
                }
                if air.hoursOutsideClassRecommended > allowed {
                    findings.append(
                        Finding(
                            .warning, "cooling.class_hours_outside_recommended_h",
                            "the rack inlet is outside the \(c.name) recommended \(range) for "
                                + "\(air.hoursOutsideClassRecommended) h of the year (allowed \(allowed) h; warmest "
                                + "\(tenths(air.warmest.celsius)) °C)"))
                }
            } else {
                findings.append(
                    Finding(
                        .warning, "cooling.air_supply_c",
                        "the rack inlet of \(tenths(air.setPoint.celsius)) °C is outside every ASHRAE air class"))
            }
        }
        if let hours = cooling.hoursAboveLiquidClass, hours > allowed {
            findings.append(
                Finding(
                    .warning, "cooling.class_hours_outside_recommended_h",
                    "the facility water is above its \(cooling.liquidClass) limit for \(hours) h of the year "
                        + "(allowed \(allowed) h)"))
        }
        return findings
    }

    /// The extreme check (DESIGN.md §5.15): a loop that cannot hold its set point at the extreme
    /// condition with one chiller and one economiser out, or misses it in hours of the year with
    /// them out, is a warning giving the MW short and the hours.
    static func extremeFindings(_ cooling: SiteCooling) -> [Finding] {
        guard let e = cooling.extreme else { return [] }
        var findings: [Finding] = []
        for l in e.loops where l.margin < .zero || l.hoursShort > 0 {
            findings.append(
                Finding(
                    .warning, "cooling.extreme_dry_bulb_c",
                    "with one chiller and one economiser out the \(l.kind.rawValue) loop "
                        + (l.margin < .zero
                            ? "is \(NumberText.compact((-l.margin.megawatts * 100).rounded() / 100)) MW short at the "
                                + "extreme \(tenths(e.dryBulb.celsius)) °C dry bulb / \(tenths(e.wetBulb.celsius)) °C "
                                + "wet bulb (supply \(tenths(l.supply.celsius)) °C)"
                            : "holds the extreme \(tenths(e.dryBulb.celsius)) °C")
                        + (l.hoursShort > 0
                            ? "; it misses its set point \(l.hoursShort) h of the weather year, by up to "
                                + "\(NumberText.compact((l.worstShort.megawatts * 100).rounded() / 100)) MW"
                            : "; it holds every hour of the weather year")
                        + "; add a chiller or state cooling.extreme_dry_bulb_c"))
        }
        return findings
    }

    /// A temperature in °C to one decimal, for messages (33.8, not the 33.80000000000001 of kelvin storage).
    static func tenths(_ celsius: Double) -> String { NumberText.compact((celsius * 10).rounded() / 10) }

    /// The upper dew point of ASHRAE's recommended humidity envelope, 15 °C (REFERENCE.md §3.1, L-M).
    public static let hallDewPointLimit = Temperature.celsius(15)

    /// Notes a planner should see next to the numbers.
    static func findings(site: Site, halls: [HallResult]) -> [Finding] {
        var findings: [Finding] = []
        for (index, hall) in halls.enumerated() where hall.total.racksWithoutWeight > 0 {
            let ids = hall.groups.filter { $0.system.weight == nil }.map(\.system.id)
            findings.append(
                Finding(
                    .note, "halls[\(index)]",
                    "floor weight leaves out \(hall.total.racksWithoutWeight) racks whose catalogue entry has no "
                        + "weight (\(ids.joined(separator: ", "))); set weight_kg in catalog.racks to include them"
                ))
        }
        for (index, hall) in site.halls.enumerated() {
            for (g, group) in hall.rackGroups.enumerated()
            where group.system.liquidFraction.fraction == 0
                && group.system.designPower > airCooledRackCeiling
            {
                findings.append(
                    Finding(
                        .warning, "halls[\(index)].racks[\(g)]",
                        "\(group.system.id) draws \(NumberText.compact(group.system.designPower.kilowatts)) kW per "
                            + "rack, all to air, above the ~\(NumberText.compact(airCooledRackCeiling.kilowatts)) kW "
                            + "air-cooled rack ceiling (REFERENCE.md §1.3); plan rear-door heat exchangers or "
                            + "containment"
                    ))
            }
        }
        return findings
    }

    /// The air-cooled rack ceiling, ~30 kW (≈35 kW contained), REFERENCE.md §1.3 (M). Racks above
    /// the contained figure get a warning.
    public static let airCooledRackCeiling = Power.kilowatts(35)
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension DesignConditions.Source {
    /// Where the design conditions came from, as the report says it.
    public var text: String {
        switch self {
        case .statFile(let name): "the station's .stat file (`\(name)`)"
        case .epwHeader: "the EPW header's ASHRAE design conditions"
        case .epwHours: "the year's own hours (the EPW header has none)"
        case .stated(let text): text
        }
    }
}
