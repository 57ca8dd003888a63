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

    public static func analyse(
        halls: [HallResult], electrical: SiteElectricalResult, weather: WeatherYear, design: DesignConditions,
        choices: CoolingChoices = BuiltInThermal.defaultChoices
    ) -> SiteCooling {
        let fluid = BuiltInThermal.water.properties(at: choices.tcsSupply)
        var hallCooling: [HallCooling] = []
        var designLoads = LoopLoads()
        var sustainedLoads = LoopLoads()
        var hallChainSustained = Power.zero
        for (hall, chain) in zip(halls, electrical.halls) {
            let copies = Double(hall.copies)
            let designLiquid = hall.perCopy.heatDesign.liquid
            let designAir = hall.perCopy.heatDesign.air + chain.design.totalLoss
            let sustainedLiquid = hall.perCopy.heatSustained.liquid
            let sustainedAir = hall.perCopy.heatSustained.air + chain.sustained.totalLoss
            let cdus = designLiquid > .zero
                ? Thermal.sizeCDUs(
                    load: designLiquid, entry: choices.cdu, redundancy: choices.cduRedundancy,
                    tcsSupply: choices.tcsSupply, tcsRise: choices.tcsRise, fluid: fluid) : nil
            let air = designAir > .zero
                ? Thermal.sizeAirUnits(load: designAir, entry: choices.airUnit, redundancy: choices.airRedundancy) : nil
            let pumps = (design: cdus?.pumpPower ?? .zero,
                         sustained: cdus.map { Thermal.sharedAffinityPower($0.units, perUnitDesign: choices.cdu.designPumpPower, load: sustainedLiquid) } ?? .zero)
            let fans = (design: air?.fanPower ?? .zero,
                        sustained: air.map { Thermal.sharedAffinityPower($0.units, perUnitDesign: Thermal.designFanPower(choices.airUnit), load: sustainedAir) } ?? .zero)
            hallCooling.append(
                HallCooling(id: hall.id, copies: hall.copies, liquidLoad: designLiquid, airLoad: designAir, cdus: cdus, airUnits: air))
            designLoads.liquid += (designLiquid + pumps.design) * copies
            designLoads.air += (designAir + fans.design) * copies
            designLoads.movers += (pumps.design + fans.design) * copies
            sustainedLoads.liquid += (sustainedLiquid + pumps.sustained) * copies
            sustainedLoads.air += (sustainedAir + fans.sustained) * copies
            sustainedLoads.movers += (pumps.sustained + fans.sustained) * copies
            hallChainSustained += chain.sustained.totalLoss * copies
        }
        let setPoints: [CoolingLoop.Kind: Temperature] = [
            .liquid: Thermal.facilityWaterSupply(tcsSupply: choices.tcsSupply, approach: choices.cdu.approach),
            .air: choices.airSupply - choices.airUnit.coilApproach,
        ]
        let loops = CoolingLoop.Kind.allCases.filter { designLoads[$0] > .zero }.map { kind in
            loop(kind, supply: setPoints[kind]!, designHeat: designLoads[kind], design: design, choices: choices)
        }
        let itSustained = halls.sum(\.total.itPower.sustained)
        let chainSustained = electrical.facilitySustained - itSustained
        let result = year(
            weather: weather, loops: loops, loads: sustainedLoads,
            constant: (it: itSustained, chain: chainSustained, outdoorLoss: chainSustained - hallChainSustained),
            airCoilApproach: choices.airUnit.coilApproach)
        return SiteCooling(
            choices: choices, halls: hallCooling, loops: result.loops, designDryBulb: design.coolingDryBulb,
            designWetBulb: design.coolingMeanCoincidentWetBulb, designDistributionCooling: designLoads.movers,
            annual: result.annual, airInlet: result.airInlet, hoursAboveLiquidClass: result.hoursAboveLiquidClass)
    }

    /// One loop at design: economisers for its heat under their redundancy; the chiller duty the
    /// design condition needs with unlimited chillers; the chillers that duty needs under their
    /// redundancy (or the spec's count) and their firm capacity; then the design hour again with
    /// that capacity.
    static func loop(
        _ kind: CoolingLoop.Kind, supply: Temperature, designHeat: Power, design: DesignConditions, choices: CoolingChoices
    ) -> CoolingLoop {
        let economisers = RedundancyAnalysis.size(
            load: designHeat, unitRating: choices.economiser.capacity, redundancy: choices.economiserRedundancy)
        func hour(_ plant: PlantConfiguration) -> PlantHour {
            Thermal.plantHour(
                dryBulb: design.coolingDryBulb, wetBulb: design.coolingMeanCoincidentWetBulb, supply: supply,
                heatLoad: designHeat, plant: plant)
        }
        let unlimited = PlantConfiguration(
            economiser: choices.economiser, units: economisers.unitsInstalled, chiller: choices.chiller,
            facilityWaterRise: choices.facilityWaterRise)
        let duty = hour(unlimited).chillerHeat
        let required = duty > .zero
            ? RedundancyAnalysis.size(load: duty, unitRating: choices.chiller.capacity, redundancy: choices.chillerRedundancy).unitsInstalled
            : 0
        let installed = choices.chillerUnits ?? required
        let firm = RedundancyAnalysis.firmCapacity(
            installed: installed, unitRating: choices.chiller.capacity, redundancy: choices.chillerRedundancy)
        let plant = PlantConfiguration(
            economiser: choices.economiser, units: economisers.unitsInstalled, chiller: choices.chiller,
            facilityWaterRise: choices.facilityWaterRise, chillerCapacity: firm)
        let designHour = hour(plant)
        return CoolingLoop(
            kind: kind, supplySetPoint: supply, designHeatLoad: designHeat, economisers: economisers,
            designChillerDuty: duty, chillersRequired: required, chillersInstalled: installed, chillerFirmCapacity: firm,
            plant: plant, designHour: designHour, hoursAboveSetPoint: 0, warmestSupply: supply)
    }

    struct YearResult {
        var loops: [CoolingLoop]
        var annual: AnnualPlant
        var airInlet: AirInlet?
        var hoursAboveLiquidClass: Int
    }

    /// 8,760 (or 8,784) hourly plant states at a constant sustained load.
    ///
    /// Each hour: facility = IT + chain losses + pumps and air fans + Σ loops (compressor +
    /// economiser fans); energy = power × 1 h. Heat rejected = Σ loops' heat rejected + the chain
    /// losses released outdoors (main transformers), which must equal facility − heat recovered
    /// (0 here): the worst hour's residual is kept. Rack inlet air = air-coil water + coil approach.
    static func year(
        weather: WeatherYear, loops: [CoolingLoop], loads: LoopLoads,
        constant: (it: Power, chain: Power, outdoorLoss: Power), airCoilApproach: TemperatureDifference
    ) -> YearResult {
        var loops = loops
        var hourly = [Double](repeating: 0, count: weather.count)
        var airInlet: [Double] = []
        var plantEnergy = Energy.zero
        var rejected = Energy.zero
        var worstResidual = 0.0
        var water = 0.0
        var modes: [PlantMode: Int] = [:]
        var monthIT = [Double](repeating: 0, count: 13), monthFacility = monthIT, monthCooling = monthIT
        var monthFree = [Int](repeating: 0, count: 13)
        var hoursAboveLiquidClass = 0
        let liquidLimit = loops.first { $0.kind == .liquid }.flatMap { AshraeClass.liquidLimit($0.supplySetPoint) }
        let base = constant.it + constant.chain + loads.movers
        for i in 0..<weather.count {
            var plantPower = Power.zero
            var heatOut = constant.outdoorLoss
            var hourMode = PlantMode.free
            for l in loops.indices {
                let hour = Thermal.plantHour(
                    dryBulb: .celsius(weather.dryBulbCelsius[i]), wetBulb: .celsius(weather.wetBulbCelsius[i]),
                    supply: loops[l].supplySetPoint, heatLoad: loads[loops[l].kind], plant: loops[l].plant)
                plantPower += hour.electricity
                heatOut += hour.heatRejected
                water += hour.makeup.kilogramsPerSecond * 3600
                if !hour.holdsSetPoint { loops[l].hoursAboveSetPoint += 1 }
                loops[l].hoursByMode[hour.mode, default: 0] += 1
                loops[l].warmestSupply = max(loops[l].warmestSupply, hour.supplyTemperature)
                switch loops[l].kind {
                case .liquid:
                    if let liquidLimit, hour.supplyTemperature.celsius > liquidLimit.limit + 1e-9 { hoursAboveLiquidClass += 1 }
                    // The site's mode is the facility-water loop's, which carries most of the heat.
                    hourMode = hour.mode
                case .air:
                    airInlet.append((hour.supplyTemperature + airCoilApproach).celsius)
                    if loops.count == 1 { hourMode = hour.mode }
                }
            }
            let facility = base + plantPower
            hourly[i] = facility.watts
            worstResidual = max(worstResidual, abs((facility - heatOut).watts) / max(facility.watts, 1))
            plantEnergy += plantPower * .hour
            rejected += heatOut * .hour
            modes[hourMode, default: 0] += 1
            let m = Int(weather.months[i])
            monthIT[m] += (constant.it * .hour).si
            monthFacility[m] += (facility * .hour).si
            monthCooling[m] += ((loads.movers + plantPower) * .hour).si
            if hourMode == .free { monthFree[m] += 1 }
        }
        let hours = Double(weather.count)
        let peak = hourly.indices.max { hourly[$0] < hourly[$1] } ?? 0
        let annual = AnnualPlant(
            weatherFile: weather.fileName, hours: weather.count, itEnergy: constant.it * .hour * hours,
            chainLossEnergy: constant.chain * .hour * hours, distributionCoolingEnergy: loads.movers * .hour * hours,
            plantEnergy: plantEnergy, facilityEnergy: Energy(si: hourly.reduce(0, +) * 3600), water: .kilograms(water),
            hoursByMode: modes,
            months: (1...12).map {
                AnnualPlant.Month(
                    month: $0, it: Energy(si: monthIT[$0]), facility: Energy(si: monthFacility[$0]),
                    cooling: Energy(si: monthCooling[$0]), freeHours: monthFree[$0])
            },
            hourlyFacilityWatts: hourly, peakFacility: .watts(hourly.isEmpty ? 0 : hourly[peak]), peakHour: peak,
            heatRejected: rejected, worstBalanceResidual: worstResidual)
        let inlet = loops.first { $0.kind == .air }.map { air -> AirInlet in
            let setPoint = air.supplySetPoint + airCoilApproach
            let warmest = air.warmestSupply + airCoilApproach
            let airClass = AshraeClass.air(coolest: setPoint, warmest: warmest)
            let general = AshraeClass.airClasses[1].recommended
            return AirInlet(
                setPoint: setPoint, warmest: warmest, airClass: airClass,
                hoursOutsideRecommended: airInlet.filter { !general.contains($0) }.count,
                hoursOutsideClassRecommended: airClass.map { c in airInlet.filter { !c.recommended.contains($0) }.count } ?? airInlet.count)
        }
        return YearResult(loops: loops, annual: annual, airInlet: inlet, hoursAboveLiquidClass: hoursAboveLiquidClass)
    }
}
