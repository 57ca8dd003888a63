import Catalogue
import PlannerModel
import Weather

/// The cooling of a site over a weather year (DESIGN.md §5.3): CDUs and air units per hall at
/// design, the economiser bank and chillers, the design-condition hour, and 8,760 hourly plant
/// states at sustained load.
public enum CoolingAnalysis {
    /// Indoor loads of one hall copy at one IT level: liquid and air heat, the air side also
    /// takes the hall's power-chain losses (they are released in the building).
    struct HallLoad {
        var liquid: Power
        var air: Power
        var it: Power
        var chainLoss: Power
    }

    public static func analyse(
        halls: [HallResult], electrical: SiteElectricalResult, weather: WeatherYear, design: DesignConditions,
        choices: CoolingChoices = BuiltInThermal.defaultChoices
    ) -> SiteCooling {
        let fluid = BuiltInThermal.water.properties(at: choices.tcsSupply)
        var hallCooling: [HallCooling] = []
        var designHeat = Power.zero
        var sustainedHeat = Power.zero
        var sustainedInside = Power.zero
        var designInside = Power.zero
        for (hall, chain) in zip(halls, electrical.halls) {
            let copies = Double(hall.copies)
            let designLoad = HallLoad(
                liquid: hall.perCopy.heatDesign.liquid, air: hall.perCopy.heatDesign.air + chain.design.totalLoss,
                it: hall.perCopy.itPower.design, chainLoss: chain.design.totalLoss)
            let sustainedLoad = HallLoad(
                liquid: hall.perCopy.heatSustained.liquid, air: hall.perCopy.heatSustained.air + chain.sustained.totalLoss,
                it: hall.perCopy.itPower.sustained, chainLoss: chain.sustained.totalLoss)
            let cdus = designLoad.liquid > .zero
                ? Thermal.sizeCDUs(
                    load: designLoad.liquid, entry: choices.cdu, redundancy: choices.cduRedundancy,
                    tcsSupply: choices.tcsSupply, tcsRise: choices.tcsRise, fluid: fluid) : nil
            let air = designLoad.air > .zero
                ? Thermal.sizeAirUnits(load: designLoad.air, entry: choices.airUnit, redundancy: choices.airRedundancy) : nil
            let designMovers = (cdus?.pumpPower ?? .zero) + (air?.fanPower ?? .zero)
            let sustainedMovers =
                (cdus.map { Thermal.sharedAffinityPower($0.units, perUnitDesign: choices.cdu.designPumpPower, load: sustainedLoad.liquid) } ?? .zero)
                + (air.map { Thermal.sharedAffinityPower($0.units, perUnitDesign: Thermal.designFanPower(choices.airUnit), load: sustainedLoad.air) } ?? .zero)
            hallCooling.append(
                HallCooling(id: hall.id, copies: hall.copies, liquidLoad: designLoad.liquid, airLoad: designLoad.air, cdus: cdus, airUnits: air))
            designHeat += (designLoad.it + designLoad.chainLoss + designMovers) * copies
            sustainedHeat += (sustainedLoad.it + sustainedLoad.chainLoss + sustainedMovers) * copies
            sustainedInside += sustainedMovers * copies
            designInside += designMovers * copies
        }
        let economisers = RedundancyAnalysis.size(
            load: designHeat, unitRating: choices.economiser.capacity, redundancy: choices.economiserRedundancy)
        let plant = PlantConfiguration(
            economiser: choices.economiser, units: economisers.unitsInstalled, chiller: choices.chiller,
            facilityWaterRise: choices.facilityWaterRise)
        let supply = Thermal.facilityWaterSupply(tcsSupply: choices.tcsSupply, approach: choices.cdu.approach)
        let designHour = Thermal.plantHour(
            dryBulb: design.coolingDryBulb, wetBulb: design.coolingMeanCoincidentWetBulb, supply: supply,
            heatLoad: designHeat, plant: plant)
        let itSustained = halls.sum(\.total.itPower.sustained)
        let chainSustained = electrical.facilitySustained - itSustained
        let annual = year(
            weather: weather, supply: supply, heatLoad: sustainedHeat, plant: plant,
            constant: (it: itSustained, chain: chainSustained, movers: sustainedInside))
        return SiteCooling(
            choices: choices, halls: hallCooling, designHeatLoad: designHeat, economiserUnits: economisers,
            facilityWaterSupply: supply, designDryBulb: design.coolingDryBulb,
            designWetBulb: design.coolingMeanCoincidentWetBulb, designHour: designHour,
            designDistributionCooling: designInside, annual: annual)
    }

    /// 8,760 (or 8,784) hourly plant states at a constant sustained load.
    ///
    /// Each hour: facility = IT + chain losses + pumps and air fans + plant (compressor +
    /// economiser fans); energy = power × 1 h.
    static func year(
        weather: WeatherYear, supply: Temperature, heatLoad: Power, plant: PlantConfiguration,
        constant: (it: Power, chain: Power, movers: Power)
    ) -> AnnualPlant {
        var hourly = [Double](repeating: 0, count: weather.count)
        var plantEnergy = Energy.zero
        var water = 0.0
        var modes: [PlantMode: Int] = [:]
        var monthIT = [Double](repeating: 0, count: 13), monthFacility = monthIT, monthCooling = monthIT
        var monthFree = [Int](repeating: 0, count: 13)
        let base = constant.it + constant.chain + constant.movers
        for i in 0..<weather.count {
            let hour = Thermal.plantHour(
                dryBulb: .celsius(weather.dryBulbCelsius[i]), wetBulb: .celsius(weather.wetBulbCelsius[i]), supply: supply,
                heatLoad: heatLoad, plant: plant)
            let facility = base + hour.electricity
            hourly[i] = facility.watts
            plantEnergy += hour.electricity * .hour
            water += hour.makeup.kilogramsPerSecond * 3600
            modes[hour.mode, default: 0] += 1
            let m = Int(weather.months[i])
            monthIT[m] += (constant.it * .hour).si
            monthFacility[m] += (facility * .hour).si
            monthCooling[m] += ((constant.movers + hour.electricity) * .hour).si
            if hour.mode == .free { monthFree[m] += 1 }
        }
        let hours = Double(weather.count)
        let peak = hourly.indices.max { hourly[$0] < hourly[$1] } ?? 0
        return AnnualPlant(
            weatherFile: weather.fileName, hours: weather.count, itEnergy: constant.it * .hour * hours,
            chainLossEnergy: constant.chain * .hour * hours, distributionCoolingEnergy: constant.movers * .hour * hours,
            plantEnergy: plantEnergy, facilityEnergy: Energy(si: hourly.reduce(0, +) * 3600), water: .kilograms(water),
            hoursByMode: modes,
            months: (1...12).map {
                AnnualPlant.Month(
                    month: $0, it: Energy(si: monthIT[$0]), facility: Energy(si: monthFacility[$0]),
                    cooling: Energy(si: monthCooling[$0]), freeHours: monthFree[$0])
            },
            hourlyFacilityWatts: hourly, peakFacility: .watts(hourly.isEmpty ? 0 : hourly[peak]), peakHour: peak)
    }
}
