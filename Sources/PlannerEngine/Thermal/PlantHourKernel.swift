import PlannerModel

extension Thermal {
    /// One hour of the heat-rejection plant: the per-hour kernel of the annual simulation.
    /// Allocation-free; a few dozen floating-point operations.
    ///
    /// Series partial free cooling (DESIGN.md §5.3, §5.12). The water returns at
    /// `T_ret = T_sup + ΔT` and the economiser bank (dry coolers or towers, rated capacity
    /// `C_e`, rated approach `a`) cools it to `T_econ = T_base + a·x/s` with `T_base` the dry bulb
    /// (dry cooler) or wet bulb (tower), `x = Q_rej/C_e` its duty fraction and `s` its fan speed
    /// (``economiserApproach(rated:dutyFraction:fanSpeed:)``). To hold the set point the chillers
    /// must take `Q_need = Q·min(1, max(0, T_econ − T_sup)/ΔT)` (same flow, same c_p), the
    /// economiser the rest:
    /// - `Q_need = 0` → **free**: the economiser takes the whole load `Q`; its fans slow to the
    ///   speed that just holds `T_sup` (``economiserFanSpeed(rated:dutyFraction:headroom:minimum:)``,
    ///   never below the unit's minimum), `P = P_design·s³` (affinity law).
    /// - `0 < Q_need < Q` → **partial**: the economiser pre-cools to `T_econ` at full speed, the
    ///   chillers trim.
    /// - `Q_need = Q` (`T_econ ≥ T_ret`) → **chiller**: the chillers carry it all.
    ///
    /// What the bank rejects, `Q_rej`: with water-cooled chillers the condenser water runs through
    /// the same bank, so `Q_rej = (Q − Q_c) + Q_c + W = Q + W`, and `T_econ`, the condenser water
    /// entering, rises with the compressor heat `W`: solved by fixed-point iteration on `T_econ`
    /// (eight steps; the map contracts with slope ≈ `a·Q/(C_e·ΔT·COP)` < 0.2). With air-cooled
    /// chillers the chillers reject their own heat and `Q_rej = Q − Q_c`; uncapped this is linear:
    /// `n = (T_base − T_sup + a_Q)/(ΔT + a_Q)` with `a_Q = a·Q/C_e` (clamped to 0…1).
    ///
    /// Chiller capacity: the chillers take `Q_c = min(Q_need, C)` with `C` the plant's firm
    /// capacity. When `C < Q_need` the loop settles warmer: the economiser carries `Q − C`, which
    /// in steady state puts the supply at `T_s = T_econ − ΔT·C/Q` (> `T_sup`), reported as
    /// `supplyExcess = T_s − T_sup`.
    ///
    /// Chiller: `T_evap = T_s − offset`, `T_cond` from `condensingTemperature` with condenser water
    /// entering at `T_econ`, `COP = min(COP_max, η·T_evap/(T_cond − T_evap))`, compressor
    /// `W = Q_c/COP` (REFERENCE.md §3.6).
    ///
    /// Fans: full speed beside the chillers; off with air-cooled chillers alone (their condenser
    /// fans are inside η) or with no load.
    ///
    /// Heat rejected to the outdoors: `Q_e + (Q_c + W) + P_fans = Q + W + P_fans` [W]. Tower water:
    /// `towerWater` on `Q_rej`.
    ///
    /// - Parameters:
    ///   - dryBulb: `T_db`, the hour's outdoor dry bulb.
    ///   - wetBulb: `T_wb`, the hour's outdoor wet bulb.
    ///   - supply: `T_sup`, the loop's supply set point (TCS supply − CDU approach for the facility
    ///     water).
    ///   - heatLoad: `Q`, heat entering the loop this hour [W]; ≤ 0 gives an idle hour.
    ///   - plant: the loop's economisers (kind, rated approach [K], bank capacity [W], fan power
    ///     [W] and minimum speed, cycles of concentration), chillers (firm capacity `C` [W],
    ///     condenser, evaporator offset [K], `η`, `COP_max`) and return rise `ΔT` [K].
    /// - Returns: the hour's mode, supply temperature reached and excess over `T_sup` [K], heat
    ///   carried by economisers and chillers [W], chiller COP, compressor and fan power [W], fan
    ///   speed, economiser duty and leaving water, heat rejected [W], and tower evaporation and
    ///   make-up [kg/s].
    ///
    /// Source: DESIGN.md §5.3, §5.12; REFERENCE.md D18, §3.6 (chiller model, Seoul free-cooling
    /// rows), P300, P301, P333.
    public static func plantHour(
        dryBulb: Temperature, wetBulb: Temperature, supply: Temperature, heatLoad: Power, plant: PlantConfiguration
    ) -> PlantHour {
        switch plant.economiserKind {
        case .dryCooler:
            return plantHour(
                base: dryBulb, fullSpeed: false, dryBulb: dryBulb, supply: supply, heatLoad: heatLoad, plant: plant)
        case .coolingTower:
            var hour = plantHour(
                base: wetBulb, fullSpeed: false, dryBulb: dryBulb, supply: supply, heatLoad: heatLoad, plant: plant)
            let water = towerWater(heat: hour.rejectionDuty, cyclesOfConcentration: plant.cyclesOfConcentration)
            (hour.evaporation, hour.makeup) = (water.evaporation, water.makeup)
            return hour
        case .adiabaticDryCooler:
            let dry = plantHour(
                base: dryBulb, fullSpeed: false, dryBulb: dryBulb, supply: supply, heatLoad: heatLoad, plant: plant)
            guard dry.mode != .free || !dry.holdsSetPoint, dry.rejectionDuty > .zero else { return dry }
            let air = adiabaticAirTemperature(
                dryBulb: dryBulb, wetBulb: wetBulb, effectiveness: plant.economiserPadEffectiveness)
            var wet = plantHour(
                base: air, fullSpeed: true, dryBulb: dryBulb, supply: supply, heatLoad: heatLoad, plant: plant)
            wet.evaporation = adiabaticEvaporation(
                airCooling: dryBulb - air, capacity: plant.economiserCapacity, ratedAirRise: plant.economiserAirRise)
            wet.makeup = wet.evaporation
            wet.padsWet = true
            return wet
        }
    }

    /// The hour with the economisers' air entering at `base` (dry bulb, wet bulb, or the air leaving
    /// adiabatic pads); `fullSpeed` holds the fans at full speed (wet pads). No water.
    static func plantHour(
        base: Temperature, fullSpeed: Bool, dryBulb: Temperature, supply: Temperature, heatLoad: Power,
        plant: PlantConfiguration
    ) -> PlantHour {
        let load = max(heatLoad.watts, 0)
        let bank = plant.economiserCapacity.watts
        let rated = plant.economiserApproach
        let rise = plant.facilityWaterRise.kelvins
        let capacity = max(0, plant.chillerCapacity.watts)
        let waterCooled: Bool
        if case .waterCooled = plant.chillerCondenser { waterCooled = true } else { waterCooled = false }
        // A bank with no unit in service cannot cool: its approach is taken as 10⁶ × the rated one.
        func leaving(duty: Double) -> Temperature {
            base + economiserApproach(rated: rated, dutyFraction: bank > 0 ? duty / bank : 1e6)
        }

        /// The chillers' share, supply reached and compressor power for an economiser leaving `t`.
        func split(_ t: Temperature) -> (chiller: Double, short: Bool, supply: Temperature, cop: Double, w: Double) {
            let needed = load * min(1, max(0, (t - supply).kelvins) / rise)
            let chiller = min(needed, capacity)
            let short = needed > capacity && load > 0
            let reached = short ? t - .kelvins(rise * capacity / load) : supply
            guard chiller > 0 else { return (0, short, reached, 0, 0) }
            let evaporating = evaporatingTemperature(leavingWater: reached, offset: plant.chillerEvaporatorOffset)
            let condensing = condensingTemperature(
                plant.chillerCondenser, dryBulb: dryBulb, condenserWaterEntering: t)
            let cop = chillerCOP(
                evaporating: evaporating, condensing: condensing, carnotEfficiency: plant.chillerCarnotEfficiency,
                maximum: plant.chillerMaximumCOP)
            return (chiller, short, reached, cop, chiller / cop)
        }

        var economiserLeaving = leaving(duty: load)
        if waterCooled {
            for _ in 0..<8 { economiserLeaving = leaving(duty: load + split(economiserLeaving).w) }
        } else {
            let spread = bank > 0 ? rated.kelvins * load / bank : 1e6 * rated.kelvins
            let share = min(1, max(0, ((base - supply).kelvins + spread) / (rise + spread)))
            // Uncapped, the bank carries Q·(1 − n); capped, it carries Q − C.
            economiserLeaving = leaving(duty: load - min(load * share, capacity))
        }
        let state = split(economiserLeaving)
        let chillerHeat = state.chiller
        let compressor = state.w
        let economiserHeat = load - chillerHeat
        let mode: PlantMode = chillerHeat <= 0 ? .free : (economiserHeat <= 0 ? .chiller : .partial)
        let duty = economiserHeat + (waterCooled ? chillerHeat + compressor : 0)

        let speed: Ratio
        switch mode {
        case _ where duty <= 0: speed = .fraction(0)
        case .free where !state.short && !fullSpeed:
            let x = bank > 0 ? duty / bank : 1e6
            speed = economiserFanSpeed(
                rated: rated, dutyFraction: x, headroom: supply - base, minimum: plant.economiserMinimumFanSpeed)
            economiserLeaving = base + economiserApproach(rated: rated, dutyFraction: x, fanSpeed: speed)
        default: speed = .one
        }
        let fans = affinityPower(design: plant.economiserDesignFanPower, flowRatio: speed.fraction)

        var hour = PlantHour(
            mode: mode, supplyTemperature: state.supply, supplyExcess: state.supply - supply, heatLoad: .watts(load),
            economiserHeat: .watts(economiserHeat), chillerHeat: .watts(chillerHeat),
            chillerCOP: state.cop, compressorPower: .watts(compressor), fanPower: fans,
            heatRejected: .watts(economiserHeat + (chillerHeat + compressor)) + fans, evaporation: .zero,
            makeup: .zero)
        hour.rejectionDuty = .watts(duty)
        hour.fanSpeed = speed
        hour.economiserLeaving = economiserLeaving
        return hour
    }
}
