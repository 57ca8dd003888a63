import PlannerModel
import Weather

extension CoolingAnalysis {
    /// The extreme condition the plant is checked at (DESIGN.md §5.15): the spec's
    /// `cooling.extreme_dry_bulb_c` / `extreme_wet_bulb_c`, else the EPW header's 50-year
    /// return-period maximum dry bulb (ASHRAE Handbook — Fundamentals 2021 ch. 14, REFERENCE.md
    /// P331), else the weather year's hottest hour (a note says so). ASHRAE tabulates no wet bulb
    /// coincident with the n-year dry bulb, so the 0.4 % evaporation wet bulb is paired with it
    /// (REFERENCE.md P332): both extremes at once, conservative for towers and adiabatic coolers.
    /// The wet bulb is held at or below the dry bulb.
    static func extremeCondition(
        choices: CoolingChoices, design: DesignConditions, weather: WeatherYear
    ) -> (dryBulb: Temperature, wetBulb: Temperature, source: String) {
        let hottest = weather.dryBulb.celsius.max() ?? design.coolingDryBulb.celsius
        let dryBulb: Temperature
        var source: String
        if let spec = choices.extremeDryBulb {
            (dryBulb, source) = (spec, "cooling.extreme_dry_bulb_c")
        } else if let fifty = design.extremeDryBulb50Year {
            (dryBulb, source) = (fifty, "50-year return-period dry bulb of the EPW header (REFERENCE.md P331)")
        } else {
            (dryBulb, source) = (.celsius(hottest), "the weather year's hottest hour (the EPW header has no Extremes)")
        }
        let wetBulb: Temperature
        if let spec = choices.extremeWetBulb {
            wetBulb = spec
            source += "; wet bulb cooling.extreme_wet_bulb_c"
        } else {
            wetBulb = design.evaporationWetBulb
            source += "; wet bulb the 0.4 % evaporation WB (REFERENCE.md P332)"
        }
        return (dryBulb, min(wetBulb, dryBulb), source)
    }

    /// One loop's plant with one chiller and one economiser out.
    ///
    /// Chillers: `n_c − 1` of the installed `n_c` in service, capacity `(n_c − 1)·Q_unit`, whatever
    /// the redundancy (the outage uses the spare). Economisers: `n_e − 1` in service; the bank's
    /// approach follows its duty over the smaller bank's rating in ``Thermal/plantHour`` (a coil of
    /// fixed UA and airflow has an approach in proportion to its duty, `Q = UA·ΔT_lm`,
    /// REFERENCE.md P333).
    static func degradedPlant(
        _ loop: CoolingLoop, choices: CoolingChoices
    ) -> (plant: PlantConfiguration, chillers: Int, economisers: Int) {
        let economisers = max(0, loop.economisers.unitsInstalled - 1)
        let chillers = max(0, loop.chillersInstalled - 1)
        let plant = PlantConfiguration(
            economiser: choices.economiser, units: economisers, chiller: choices.chiller,
            facilityWaterRise: choices.facilityWaterRise, chillerCapacity: choices.chiller.capacity * Double(chillers))
        return (plant, chillers, economisers)
    }

    /// The plant at the extreme condition and design load with one chiller and one economiser out
    /// of each loop, and the hours of the weather year (at each hour's load) that degraded plant
    /// misses a set point. Duty = the chiller heat of ``Thermal/plantHour`` with unlimited
    /// chillers; margin = `(n_c − 1)·Q_unit − duty`.
    static func extremeCheck(
        weather: WeatherYear, design: DesignConditions, loops: [CoolingLoop], levels: [Level],
        levelOfHour: (Int) -> Int, choices: CoolingChoices
    ) -> ExtremeCheck {
        let condition = extremeCondition(choices: choices, design: design, weather: weather)
        let checked = loops.map { loop -> ExtremeCheck.Loop in
            let degraded = degradedPlant(loop, choices: choices)
            var unlimited = degraded.plant
            unlimited.chillerCapacity = .watts(.infinity)
            let duty = Thermal.plantHour(
                dryBulb: condition.dryBulb, wetBulb: condition.wetBulb, supply: loop.supplySetPoint,
                heatLoad: loop.designHeatLoad, plant: unlimited
            ).chillerHeat
            let hour = Thermal.plantHour(
                dryBulb: condition.dryBulb, wetBulb: condition.wetBulb, supply: loop.supplySetPoint,
                heatLoad: loop.designHeatLoad, plant: degraded.plant)
            var hours = 0
            var worst = Power.zero
            for i in 0..<weather.count {
                let heat = levels[levelOfHour(i)].loads[loop.kind]
                let plant = degraded.plant
                var free = plant
                free.chillerCapacity = .watts(.infinity)
                let needed = Thermal.plantHour(
                    dryBulb: weather.dryBulb[i], wetBulb: weather.wetBulb[i], supply: loop.supplySetPoint,
                    heatLoad: heat, plant: free
                ).chillerHeat
                if needed > plant.chillerCapacity * (1 + 1e-9) {
                    hours += 1
                    worst = max(worst, needed - plant.chillerCapacity)
                }
            }
            return ExtremeCheck.Loop(
                kind: loop.kind, heat: loop.designHeatLoad, duty: duty, chillersInService: degraded.chillers,
                capacity: degraded.plant.chillerCapacity, economisersInService: degraded.economisers,
                supply: hour.supplyTemperature, hoursShort: hours, worstShort: worst)
        }
        return ExtremeCheck(
            dryBulb: condition.dryBulb, wetBulb: condition.wetBulb, source: condition.source, loops: checked)
    }
}
