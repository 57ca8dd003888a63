import Catalogue
import PlannerModel
import Weather

/// The cooling of a site over a weather year (DESIGN.md §5.3): CDUs and air units per hall at
/// design; two water loops, each with economisers in series with chillers (the facility water the
/// CDUs reject the liquid heat into, and the colder air-coil water of the fan walls or CRAHs); the
/// design-condition hour; and 8,760 hourly plant states at sustained load.
public enum CoolingAnalysis {
    /// Heat into the two loops at one IT level (all halls and copies) and the electricity of
    /// the pumps and fans inside the halls.
    struct LoopLoads {
        /// Rack liquid heat + CDU pumps.
        var liquid = Power.zero
        /// Rack air heat + hall power-chain losses + air-unit fans.
        var air = Power.zero
        /// CDU pumps + air-unit fans.
        var movers = Power.zero

        subscript(kind: CoolingLoop.Kind) -> Power {
            switch kind {
            case .liquid: liquid
            case .air: air
            }
        }
    }

    /// One IT level of the year (sustained, or one hour of the daily profile): heat into the
    /// loops, IT power, every chain loss and the part of it released outdoors.
    struct Level {
        var loads = LoopLoads()
        var it = Power.zero
        var chain = Power.zero
        var outdoorLoss = Power.zero
    }

    /// The site at one IT level, with the pumps and fans of the units sized at design
    /// (`cooling`) sharing the load by the affinity law.
    static func level(
        halls: [HallResult], electrical: SiteElectricalResult, cooling: [HallCooling], choices: CoolingChoices
    ) -> Level {
        var level = Level()
        var hallChain = Power.zero
        for ((hall, chain), units) in zip(zip(halls, electrical.halls), cooling) {
            let copies = Double(hall.copies)
            let liquid = hall.perCopy.heatSustained.liquid
            let air = hall.perCopy.heatSustained.air + chain.sustained.totalLoss
            let pumps =
                units.cdus.map {
                    Thermal.sharedAffinityPower($0.units, perUnitDesign: choices.cdu.designPumpPower, load: liquid)
                } ?? .zero
            let fans =
                units.airUnits.map {
                    Thermal.sharedAffinityPower(
                        $0.units, perUnitDesign: Thermal.designFanPower(choices.airUnit), load: air)
                } ?? .zero
            level.loads.liquid += (liquid + pumps) * copies
            level.loads.air += (air + fans) * copies
            level.loads.movers += (pumps + fans) * copies
            hallChain += chain.sustained.totalLoss * copies
        }
        // IT at the PUE boundary (DESIGN.md §5.8): with the rack-end conversion losses under ISO/IEC
        // 30134-2; the chain is the rest of the facility's electrical input, so IT + chain is the
        // same under both boundaries. The heat split does not depend on it.
        let itAtRacks = halls.sum(\.total.itPower.sustained)
        level.it = electrical.itAtBoundary(itAtRacks, rackConversionLoss: electrical.rackConversionLossSustained)
        level.chain = electrical.facilitySustained - level.it
        level.outdoorLoss = electrical.facilitySustained - itAtRacks - hallChain
        return level
    }

    /// - Parameters:
    ///   - profile: the site planned at each of the 24 local hours' utilisation
    ///     (`Site.dailyProfile`); nil runs every hour at the sustained load of `halls`.
    ///   - recovered: heat the heat pumps take from the facility-water loop each hour (see `year`);
    ///     nil for none.
    public static func analyse(
        halls: [HallResult], electrical: SiteElectricalResult, weather: WeatherYear, design: DesignConditions,
        choices: CoolingChoices,
        profile: [(halls: [HallResult], electrical: SiteElectricalResult)]? = nil,
        recovered: HourlySeries<Power>? = nil,
        checkExtremes: Bool = true
    ) -> SiteCooling {
        let (hallCooling, loops, designLoads) = size(
            halls: halls, electrical: electrical, design: design, choices: choices)
        let levels = (profile ?? [(halls, electrical)]).map {
            level(halls: $0.halls, electrical: $0.electrical, cooling: hallCooling, choices: choices)
        }
        // EPW hour 1 is 00:00–01:00 local standard time.
        let hourLevel: (Int) -> Int = levels.count == 24 ? { (Int(weather.hours[$0]) + 23) % 24 } : { _ in 0 }
        let house = houseLoad(halls: halls, choices: choices)
        let result = year(
            weather: weather, loops: loops, levels: levels, levelOfHour: hourLevel,
            airCoilApproach: choices.airUnit.coilApproach, recovered: recovered, pumps: choices.pumps,
            house: house)
        var cooling = SiteCooling(
            choices: choices, halls: hallCooling, loops: result.loops, designDryBulb: design.coolingDryBulb,
            designWetBulb: design.coolingMeanCoincidentWetBulb, designDistributionCooling: designLoads.movers,
            annual: result.annual, airInlet: result.airInlet, hoursAboveLiquidClass: result.hoursAboveLiquidClass)
        cooling.describeDesign(design)
        if checkExtremes {
            cooling.extreme = extremeCheck(
                weather: weather, design: design, loops: loops, levels: levels, levelOfHour: hourLevel,
                choices: choices)
        }
        cooling.designHouseLoad = house
        return cooling
    }

    /// House loads of the site (DESIGN.md §5.13): the spec's share of the IT design power (at the
    /// racks, all halls and copies) or its density over the support area; constant all year.
    static func houseLoad(halls: [HallResult], choices: CoolingChoices) -> Power {
        choices.houseLoads.power(itDesign: halls.sum(\.total.itPower.design))
    }

    /// The cooling at the design condition only, for a site without a weather year: every hall's
    /// CDUs and air units and both loops at `design` (economisers, chiller duty and chillers), so
    /// the grid connection carries the design cooling; no year is simulated (``SiteCooling/annual``
    /// is nil).
    public static func design(
        halls: [HallResult], electrical: SiteElectricalResult, design: DesignConditions, choices: CoolingChoices
    ) -> SiteCooling {
        let (hallCooling, loops, designLoads) = size(
            halls: halls, electrical: electrical, design: design, choices: choices)
        var cooling = SiteCooling(
            choices: choices, halls: hallCooling, loops: loops, designDryBulb: design.coolingDryBulb,
            designWetBulb: design.coolingMeanCoincidentWetBulb, designDistributionCooling: designLoads.movers,
            annual: nil, airInlet: nil, hoursAboveLiquidClass: nil)
        cooling.describeDesign(design)
        cooling.designHouseLoad = houseLoad(halls: halls, choices: choices)
        return cooling
    }

    /// CDUs and air units per hall copy at design power (DESIGN.md §5.3): the liquid heat, and
    /// the air heat plus the hall's power-chain losses, each under its redundancy. The cooling
    /// table and the placement's unit counts (DESIGN.md §5.4.1) both come from here.
    public static func units(halls: [HallResult], electrical: SiteElectricalResult, choices: CoolingChoices)
        -> [HallCooling]
    {
        let fluid = BuiltInThermal.water.properties(at: choices.tcsSupply)
        return zip(halls, electrical.halls).map { hall, chain in
            let designLiquid = hall.perCopy.heatDesign.liquid
            let designAir = hall.perCopy.heatDesign.air + chain.design.totalLoss
            let cdus =
                designLiquid > .zero
                ? Thermal.sizeCDUs(
                    load: designLiquid, entry: choices.cdu, redundancy: choices.cduRedundancy,
                    tcsSupply: choices.tcsSupply, tcsRise: choices.tcsRise, fluid: fluid) : nil
            let air =
                designAir > .zero
                ? Thermal.sizeAirUnits(load: designAir, entry: choices.airUnit, redundancy: choices.airRedundancy) : nil
            return HallCooling(
                id: hall.id, copies: hall.copies, liquidLoad: designLiquid, airLoad: designAir, cdus: cdus,
                airUnits: air)
        }
    }

    /// Units per hall at design power and the loops at the design condition (DESIGN.md §5.3).
    static func size(
        halls: [HallResult], electrical: SiteElectricalResult, design: DesignConditions, choices: CoolingChoices
    ) -> (halls: [HallCooling], loops: [CoolingLoop], designLoads: LoopLoads) {
        let hallCooling = units(halls: halls, electrical: electrical, choices: choices)
        var designLoads = LoopLoads()
        for hall in hallCooling {
            let copies = Double(hall.copies)
            let pumps = hall.cdus?.pumpPower ?? .zero
            let fans = hall.airUnits?.fanPower ?? .zero
            designLoads.liquid += (hall.liquidLoad + pumps) * copies
            designLoads.air += (hall.airLoad + fans) * copies
            designLoads.movers += (pumps + fans) * copies
        }
        let setPoints: [CoolingLoop.Kind: Temperature] = [
            .liquid: Thermal.facilityWaterSupply(tcsSupply: choices.tcsSupply, approach: choices.cdu.approach),
            .air: choices.airSupply - choices.airUnit.coilApproach,
        ]
        // The loop's own pumps (DESIGN.md §5.13): their flow carries the heat that enters the loop,
        // their electricity ends up in the water, so the economisers and chillers carry it too.
        // The condenser-water pumps follow the design hour's condenser heat.
        let loops = CoolingLoop.Kind.allCases.filter { designLoads[$0] > .zero }.map { kind in
            let water = BuiltInThermal.water.properties(at: setPoints[kind]!)
            let distribution = Thermal.loopPumps(
                kind, heat: designLoads[kind], rise: choices.facilityWaterRise, condenserHeat: .zero,
                condenserRise: .kelvins(1), pumps: choices.pumps, fluid: water)
            var built = loop(
                kind, supply: setPoints[kind]!, designHeat: designLoads[kind] + distribution.power, design: design,
                choices: choices)
            built.pumps = Thermal.loopPumps(
                kind, heat: designLoads[kind], rise: choices.facilityWaterRise,
                condenserHeat: Thermal.condenserWaterHeat(built.designHour, condenser: choices.chiller.condenser),
                condenserRise: choices.chiller.condenser.waterRise ?? .kelvins(1), pumps: choices.pumps, fluid: water)
            return built
        }
        return (hallCooling, loops, designLoads)
    }

    /// One loop at design (DESIGN.md §5.3, §5.12), at whichever of the two ASHRAE 0.4 %
    /// conditions needs more (cooling DB with its MCWB, for dry coolers and air-cooled condensers;
    /// evaporation WB with its MCDB, for towers):
    ///
    /// 1. Economisers for all the heat they reject: the smallest bank `n ≥ ⌈Q/U_e⌉` whose
    ///    design-hour duty with unlimited chillers fits its rating, `Q_rej(n) ≤ n·U_e`, where
    ///    `Q_rej = Q + W` with water-cooled chillers (the condenser water runs through the bank) and
    ///    `Q − Q_c` with air-cooled ones. `Q_rej(n)` falls as `n` grows (a bigger bank has a smaller
    ///    approach, so the compressors work less), so the first `n` found counting up is the least.
    ///    The redundancy's spares are added on top.
    /// 2. The chiller duty at that condition with the required bank (spares out) and unlimited
    ///    chillers; the chillers that duty needs under their redundancy (or the spec's count) and
    ///    their firm capacity.
    /// 3. That hour again with every installed economiser and the firm chiller capacity.
    static func loop(
        _ kind: CoolingLoop.Kind, supply: Temperature, designHeat: Power, design: DesignConditions,
        choices: CoolingChoices
    ) -> CoolingLoop {
        let conditions = [
            (dryBulb: design.coolingDryBulb, wetBulb: design.coolingMeanCoincidentWetBulb),
            (dryBulb: design.evaporationMeanCoincidentDryBulb, wetBulb: design.evaporationWetBulb),
        ]
        func hour(_ plant: PlantConfiguration, at condition: (dryBulb: Temperature, wetBulb: Temperature)) -> PlantHour
        {
            Thermal.plantHour(
                dryBulb: condition.dryBulb, wetBulb: condition.wetBulb, supply: supply, heatLoad: designHeat,
                plant: plant)
        }
        func bank(_ units: Int) -> PlantConfiguration {
            PlantConfiguration(
                economiser: choices.economiser, units: units, chiller: choices.chiller,
                facilityWaterRise: choices.facilityWaterRise)
        }
        let unit = choices.economiser.capacity
        func rejection(_ units: Int) -> Power {
            conditions.map { hour(bank(units), at: $0).rejectionDuty }.max() ?? .zero
        }
        func holds(_ units: Int) -> Bool { rejection(units) <= unit * Double(units) * (1 + 1e-12) }
        // Q_rej(n) falls as n grows, so "the bank holds its own duty" is monotone in n: bisect between
        // ⌈Q/U⌉ and ⌈Q_rej(⌈Q/U⌉)/U⌉, which holds (O(log n) plant hours even for an absurd site).
        var low = RedundancyAnalysis.unitsRequired(load: designHeat, unitRating: unit)
        var required = max(low, RedundancyAnalysis.unitsRequired(load: rejection(low), unitRating: unit))
        if holds(low) {
            required = low
        } else {
            while required - low > 1 {
                let middle = low + (required - low) / 2
                if holds(middle) { required = middle } else { low = middle }
            }
        }
        let rejection = rejection(required)
        let economisers = RedundancyAnalysis.size(
            load: rejection, unitRating: unit, redundancy: choices.economiserRedundancy, minimumUnits: required)
        let duties = conditions.map { hour(bank(economisers.unitsRequired), at: $0).chillerHeat }
        let worst = duties[1] > duties[0] ? 1 : 0
        let duty = duties[worst]
        // One counting rule (DESIGN.md §5.14): required is n = ⌈duty/U⌉, never the spares;
        // installed is the spec's count for this loop, else n + the redundancy's spares.
        let sized =
            duty > .zero
            ? RedundancyAnalysis.size(
                load: duty, unitRating: choices.chiller.capacity, redundancy: choices.chillerRedundancy) : nil
        let chillersRequired = sized?.unitsRequired ?? 0
        let installed = choices.chillerUnits[kind] ?? sized?.unitsInstalled ?? 0
        let firm = RedundancyAnalysis.firmCapacity(
            installed: installed, unitRating: choices.chiller.capacity, redundancy: choices.chillerRedundancy)
        var plant = bank(economisers.unitsInstalled)
        plant.chillerCapacity = firm
        var loop = CoolingLoop(
            kind: kind, supplySetPoint: supply, designHeatLoad: designHeat, economisers: economisers,
            designDryBulb: conditions[worst].dryBulb, designWetBulb: conditions[worst].wetBulb,
            designChillerDuty: duty, chillersRequired: chillersRequired, chillersInstalled: installed,
            chillerFirmCapacity: firm,
            plant: plant, designHour: hour(plant, at: conditions[worst]), hoursAboveSetPoint: 0, warmestSupply: supply)
        loop.chillersFixed = choices.chillerUnits[kind] != nil
        loop.designRejectionDuty = rejection
        return loop
    }

    struct YearResult {
        var loops: [CoolingLoop]
        var annual: AnnualPlant
        var airInlet: AirInlet?
        var hoursAboveLiquidClass: Int
    }

    /// 8,760 (or 8,784) hourly plant states, hour `i` at IT level `levels[levelOfHour(i)]`.
    ///
    /// Each hour: facility = IT + chain losses + pumps and air fans + Σ loops (compressor +
    /// economiser fans + the loop's pumps) + house loads; energy = power × 1 h. Heat rejected =
    /// Σ loops' heat rejected + the chain losses released outdoors (main transformers) + the
    /// condenser-water pumps + the house loads, which must equal facility − heat recovered: the worst
    /// hour's residual is kept. Rack inlet air = air-coil water + coil approach.
    ///
    /// Pumps (DESIGN.md §5.13): a loop's distribution pumps run at the flow ratio
    /// `r = Q_loop(h)/Q_loop,design` (the heat entering it, before recovery: the CDUs still need their
    /// flow), `P = P_design·max(r, r_min)³`; their electricity heats the loop's water, so the
    /// economisers and chillers carry `Q_loop(h) − Q_rec(h) + P`. The condenser-water pumps follow
    /// the hour's condenser heat `Q_c + W` the same way (off with the chillers); their heat leaves
    /// with the condenser water. House loads are constant and released outdoors by their own rooms'
    /// ventilation.
    ///
    /// Heat recovery (`recovered`, one value per hour, DESIGN.md §5.5): the heat pumps take
    /// `Q_rec(h)` from the facility-water return before the economisers, so the liquid loop's
    /// economisers and chillers carry `Q_liquid(h) − Q_rec(h)` (clamped at 0): their fans and
    /// compressors follow the smaller load, and `Q_rec` leaves as recovered, not rejected, heat.
    static func year(
        weather: WeatherYear, loops: [CoolingLoop], levels: [Level], levelOfHour: (Int) -> Int,
        airCoilApproach: TemperatureDifference, recovered recoveredSeries: HourlySeries<Power>? = nil,
        pumps: PlantPumps = .standard, house: Power = .zero
    ) -> YearResult {
        var loops = loops
        // The hourly series are filled as numbers (W, °C) and wrapped in `HourlySeries` at the end.
        let recoveredWatts = recoveredSeries?.si
        var hourly = [Double](repeating: 0, count: weather.count)
        var airInlet: [Double] = []
        var plantEnergy = Energy.zero
        var itEnergy = Energy.zero
        var chainEnergy = Energy.zero
        var moverEnergy = Energy.zero
        var pumpEnergy = Energy.zero
        var fanEnergy = Energy.zero
        var rejected = Energy.zero
        var worstResidual = 0.0
        var water = Mass.zero
        // Hours per mode counted in arrays (by `PlantMode.allCases` position) and turned into the
        // results' dictionaries after the year: hashing a mode twice an hour was 6 % of a plan.
        var modeHours = [Int](repeating: 0, count: PlantMode.allCases.count)
        var loopModeHours = [[Int]](repeating: modeHours, count: loops.count)
        var monthIT = [Double](repeating: 0, count: 13)
        var monthFacility = monthIT
        var monthCooling = monthIT
        var monthFree = [Int](repeating: 0, count: 13)
        var hoursAboveLiquidClass = 0
        var liquidHeat = [Double](repeating: 0, count: weather.count)
        var liquidSupply = liquidHeat
        var plantHourly = liquidHeat
        var rejectedHourly = liquidHeat
        var recoveredHourly = liquidHeat
        var recoveredTotal = Energy.zero
        // hourly.csv (DESIGN.md §8.3): IT, chain losses, pumps and fans, and each loop's heat, mode
        // and plant power (compressors, economiser fans, its pumps).
        var itHourly = liquidHeat
        var chainHourly = liquidHeat
        var moverHourly = liquidHeat
        var loopHeat = [[Double]](repeating: liquidHeat, count: loops.count)
        var loopPlant = loopHeat
        var loopMode = [[PlantMode]](repeating: [PlantMode](repeating: .free, count: weather.count), count: loops.count)
        let hasLiquidLoop = loops.contains { $0.kind == .liquid }
        let liquidLimit = loops.first { $0.kind == .liquid }.flatMap { AshraeClass.liquidLimit($0.supplySetPoint) }
        // Per loop: its design heat before its own pumps, and the design condenser heat.
        let designBase = loops.map { $0.designHeatLoad - ($0.pumps?.power ?? .zero) }
        let designCondenser = loops.map {
            Thermal.condenserWaterHeat($0.designHour, condenser: $0.plant.chillerCondenser)
        }
        for i in 0..<weather.count {
            let level = levels[levelOfHour(i)]
            let loads = level.loads
            var plantPower = Power.zero
            var pumpPower = Power.zero
            var heatOut = level.outdoorLoss + house
            var hourMode = PlantMode.free
            var recovered = Power.zero
            if let recoveredWatts, i < recoveredWatts.count, hasLiquidLoop {
                recovered = .watts(min(max(0, recoveredWatts[i]), loads.liquid.watts))
            }
            liquidHeat[i] = loads.liquid.watts
            for l in loops.indices {
                var distribution = Power.zero
                if let design = loops[l].pumps, designBase[l] > .zero {
                    distribution = Thermal.variableSpeedPumpPower(
                        design: design.power, flowRatio: loads[loops[l].kind] / designBase[l],
                        minimumSpeed: pumps.minimumSpeed)
                }
                let heatLoad =
                    (loops[l].kind == .liquid ? loads.liquid - recovered : loads[loops[l].kind]) + distribution
                let hour = Thermal.plantHour(
                    dryBulb: weather.dryBulb[i], wetBulb: weather.wetBulb[i],
                    supply: loops[l].supplySetPoint, heatLoad: heatLoad, plant: loops[l].plant)
                var condenser = Power.zero
                if let design = loops[l].pumps {
                    let heat = Thermal.condenserWaterHeat(hour, condenser: loops[l].plant.chillerCondenser)
                    if designCondenser[l] > .zero {
                        condenser = Thermal.variableSpeedPumpPower(
                            design: design.condenserPower, flowRatio: heat / designCondenser[l],
                            minimumSpeed: pumps.minimumSpeed)
                    } else if heat > .zero, let rise = loops[l].plant.chillerCondenser.waterRise {
                        let water = BuiltInThermal.water.properties(at: loops[l].supplySetPoint)
                        condenser = Thermal.pumpPower(
                            flow: Thermal.coolantFlow(removing: heat, rise: rise, fluid: water),
                            head: design.condenserHead, efficiency: pumps.efficiency, fluid: water)
                    }
                }
                plantPower += hour.electricity
                loopHeat[l][i] = heatLoad.watts
                loopPlant[l][i] = (hour.electricity + distribution + condenser).watts
                loopMode[l][i] = hour.mode
                fanEnergy += hour.fanPower * .hour
                pumpPower += distribution + condenser
                heatOut += hour.heatRejected + condenser
                water += hour.makeup * .hour
                if !hour.holdsSetPoint { loops[l].hoursAboveSetPoint += 1 }
                loopModeHours[l][hour.mode.position] += 1
                if hour.padsWet { loops[l].hoursPadsWet += 1 }
                loops[l].warmestSupply = max(loops[l].warmestSupply, hour.supplyTemperature)
                switch loops[l].kind {
                case .liquid:
                    liquidSupply[i] = hour.supplyTemperature.celsius
                    if let liquidLimit, hour.supplyTemperature.celsius > liquidLimit.limit + 1e-9 {
                        hoursAboveLiquidClass += 1
                    }
                    // The site's mode is the facility-water loop's, which carries most of the heat.
                    hourMode = hour.mode
                case .air:
                    airInlet.append((hour.supplyTemperature + airCoilApproach).celsius)
                    if loops.count == 1 { hourMode = hour.mode }
                }
            }
            let facility = level.it + level.chain + loads.movers + plantPower + pumpPower + house
            itEnergy += level.it * .hour
            chainEnergy += level.chain * .hour
            itHourly[i] = level.it.watts
            chainHourly[i] = level.chain.watts
            moverHourly[i] = loads.movers.watts
            moverEnergy += loads.movers * .hour
            pumpEnergy += pumpPower * .hour
            hourly[i] = facility.watts
            worstResidual = max(worstResidual, abs((facility - heatOut - recovered).watts) / max(facility.watts, 1))
            plantEnergy += plantPower * .hour
            rejected += heatOut * .hour
            recoveredTotal += recovered * .hour
            plantHourly[i] = plantPower.watts
            rejectedHourly[i] = heatOut.watts
            recoveredHourly[i] = recovered.watts
            modeHours[hourMode.position] += 1
            let m = Int(weather.months[i])
            monthIT[m] += (level.it * .hour).si
            monthFacility[m] += (facility * .hour).si
            monthCooling[m] += ((loads.movers + plantPower + pumpPower) * .hour).si
            if hourMode == .free { monthFree[m] += 1 }
        }
        var modes: [PlantMode: Int] = [:]
        for mode in PlantMode.allCases where modeHours[mode.position] > 0 { modes[mode] = modeHours[mode.position] }
        for l in loops.indices {
            for mode in PlantMode.allCases where loopModeHours[l][mode.position] > 0 {
                loops[l].hoursByMode[mode, default: 0] += loopModeHours[l][mode.position]
            }
        }
        let hourlyFacility = HourlySeries<Power>(si: hourly)
        let peak = hourlyFacility.peakHour ?? 0
        var annual = AnnualPlant(
            weatherFile: weather.fileName, hours: weather.count, itEnergy: itEnergy,
            chainLossEnergy: chainEnergy, distributionCoolingEnergy: moverEnergy,
            plantEnergy: plantEnergy, facilityEnergy: hourlyFacility.energy, water: water,
            hoursByMode: modes,
            months: (1...12).map {
                AnnualPlant.Month(
                    month: $0, it: Energy(si: monthIT[$0]), facility: Energy(si: monthFacility[$0]),
                    cooling: Energy(si: monthCooling[$0]), freeHours: monthFree[$0])
            },
            hourlyFacility: hourlyFacility, peakFacility: hourlyFacility.isEmpty ? .zero : hourlyFacility[peak],
            peakHour: peak,
            heatRejected: rejected, heatRecovered: recoveredTotal, worstBalanceResidual: worstResidual)
        annual.pumpEnergy = pumpEnergy
        annual.economiserFanEnergy = fanEnergy
        annual.houseEnergy = house * Duration.hour * Double(weather.count)
        annual.hourlyLiquidHeat = HourlySeries(si: liquidHeat)
        annual.hourlyLiquidSupply = HourlySeries(celsius: liquidSupply)
        annual.hourlyPlant = HourlySeries(si: plantHourly)
        annual.hourlyHeatRejected = HourlySeries(si: rejectedHourly)
        annual.hourlyRecovered = HourlySeries(si: recoveredHourly)
        annual.hourlyRecord = PlantYearHourly(
            month: weather.months, day: weather.days, hour: weather.hours, dryBulb: weather.dryBulb,
            wetBulb: weather.wetBulb, it: HourlySeries(si: itHourly), chainLoss: HourlySeries(si: chainHourly),
            pumpsAndFans: HourlySeries(si: moverHourly), houseLoads: house,
            loops: loops.indices.map {
                PlantYearHourly.Loop(
                    kind: loops[$0].kind, heat: HourlySeries(si: loopHeat[$0]), mode: loopMode[$0],
                    plant: HourlySeries(si: loopPlant[$0]))
            })
        let inlet = loops.first { $0.kind == .air }.map { air -> AirInlet in
            let setPoint = air.supplySetPoint + airCoilApproach
            let warmest = air.warmestSupply + airCoilApproach
            // The class whose recommended range holds the design (DESIGN.md §5.15).
            let airClass = AshraeClass.chosenAir(setPoint: setPoint)
            let general = AshraeClass.airClasses[1].recommended
            return AirInlet(
                setPoint: setPoint, warmest: warmest, airClass: airClass,
                hoursOutsideRecommended: airInlet.filter { !general.contains($0) }.count,
                hoursOutsideClassRecommended: airClass.map { c in airInlet.filter { !c.recommended.contains($0) }.count
                } ?? airInlet.count)
        }
        return YearResult(loops: loops, annual: annual, airInlet: inlet, hoursAboveLiquidClass: hoursAboveLiquidClass)
    }
}

extension SiteCooling {
    /// Keeps the evaporation pair and the source of the design condition the plant is sized for.
    mutating func describeDesign(_ design: DesignConditions) {
        designEvaporationWetBulb = design.evaporationWetBulb
        designEvaporationDryBulb = design.evaporationMeanCoincidentDryBulb
        designSource = design.source.text
    }
}

extension PlantMode {
    /// The mode's position in `allCases`, for counting hours in an array.
    var position: Int {
        switch self {
        case .free: 0
        case .partial: 1
        case .chiller: 2
        }
    }
}
