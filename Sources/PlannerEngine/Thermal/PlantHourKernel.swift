import PlannerModel

extension Thermal {
    /// One hour of the heat-rejection plant: the per-hour kernel of the annual simulation.
    /// Allocation-free; a few dozen floating-point operations.
    ///
    /// Series partial free cooling (DESIGN.md §5.3). The water returns at `T_ret = T_sup + ΔT`
    /// and the economiser (dry cooler or tower) can cool it to `T_econ = T_db + approach` or
    /// `T_wb + approach`. To hold the set point the chillers must take
    /// `Q_need = Q·min(1, max(0, T_econ − T_sup)/ΔT)` (same flow, same c_p), the economiser the rest:
    /// - `Q_need = 0` → **free**: the economiser takes the whole load `Q`.
    /// - `0 < Q_need < Q` → **partial**: the economiser pre-cools to `T_econ`, the chillers trim.
    /// - `Q_need = Q` (`T_econ ≥ T_ret`) → **chiller**: the chillers carry it all.
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
    /// Economiser fans (affinity law, `P_design` for the whole bank): when the economiser alone
    /// holds the set point the fans slow to the duty ratio `r = min(1, Q/Q_design)`,
    /// `P = P_design·r³`; when it works beside the chillers, or cannot hold the set point, they
    /// run flat out; with the chillers alone they run flat out when the economiser also rejects a
    /// water-cooled chiller's condenser heat and are off when the chiller is air-cooled (its
    /// condenser fans are inside η).
    ///
    /// Heat rejected to the outdoors: `Q_e + (Q_c + W) + P_fans = Q + W + P_fans` [W]. Tower water:
    /// `towerWater` on the heat the towers carry (`Q_e`, plus `Q_c + W` for a water-cooled chiller).
    ///
    /// - Parameters:
    ///   - dryBulb: `T_db`, the hour's outdoor dry bulb.
    ///   - wetBulb: `T_wb`, the hour's outdoor wet bulb.
    ///   - supply: `T_sup`, the loop's supply set point (TCS supply − CDU approach for the facility
    ///     water).
    ///   - heatLoad: `Q`, heat entering the loop this hour [W]; ≤ 0 gives an idle hour.
    ///   - plant: the loop's economisers (kind, approach [K], design heat [W] and fan power [W],
    ///     cycles of concentration), chillers (firm capacity `C` [W], condenser, evaporator offset
    ///     [K], `η`, `COP_max`) and return rise `ΔT` [K].
    /// - Returns: the hour's mode, supply temperature reached and excess over `T_sup` [K], heat
    ///   carried by economisers and chillers [W], chiller COP, compressor and fan power [W], heat
    ///   rejected [W], and tower evaporation and make-up [kg/s].
    ///
    /// Source: DESIGN.md §5.3 (one plant hour); REFERENCE.md D18, §3.6 (chiller model, Seoul
    /// free-cooling rows).
    public static func plantHour(
        dryBulb: Temperature, wetBulb: Temperature, supply: Temperature, heatLoad: Power, plant: PlantConfiguration
    ) -> PlantHour {
        let load = max(heatLoad.watts, 0)
        let economiserLeaving: Temperature
        switch plant.economiserKind {
        case .dryCooler: economiserLeaving = dryCoolerLeavingWater(dryBulb: dryBulb, approach: plant.economiserApproach)
        case .coolingTower: economiserLeaving = towerLeavingWater(wetBulb: wetBulb, approach: plant.economiserApproach)
        }
        let rise = plant.facilityWaterRise.kelvins
        let needShare = min(1, max(0, (economiserLeaving - supply).kelvins) / rise)
        let needed = load * needShare
        let capacity = max(0, plant.chillerCapacity.watts)
        let chillerHeat = min(needed, capacity)
        let economiserHeat = load - chillerHeat
        let short = needed > capacity && load > 0
        let actualSupply = short ? economiserLeaving - .kelvins(rise * capacity / load) : supply
        let mode: PlantMode = chillerHeat <= 0 ? .free : (economiserHeat <= 0 ? .chiller : .partial)

        var cop = 0.0
        var compressor = 0.0
        if chillerHeat > 0 {
            let evaporating = evaporatingTemperature(leavingWater: actualSupply, offset: plant.chillerEvaporatorOffset)
            let condensing = condensingTemperature(
                plant.chillerCondenser, dryBulb: dryBulb, condenserWaterEntering: economiserLeaving)
            cop = chillerCOP(
                evaporating: evaporating, condensing: condensing, carnotEfficiency: plant.chillerCarnotEfficiency,
                maximum: plant.chillerMaximumCOP)
            compressor = chillerHeat / cop
        }

        let waterCooled: Bool
        if case .waterCooled = plant.chillerCondenser { waterCooled = true } else { waterCooled = false }
        let fans: Power
        switch mode {
        case .free where !short:
            let ratio = plant.economiserCapacity.watts > 0 ? min(1, load / plant.economiserCapacity.watts) : 1
            fans = affinityPower(design: plant.economiserDesignFanPower, flowRatio: ratio)
        case .free, .partial:
            fans = plant.economiserDesignFanPower
        case .chiller:
            fans = waterCooled ? plant.economiserDesignFanPower : .zero
        }

        var evaporation = MassFlow.zero
        var makeup = MassFlow.zero
        if plant.economiserKind == .coolingTower {
            let towerHeat = economiserHeat + (waterCooled ? chillerHeat + compressor : 0)
            let water = towerWater(heat: .watts(towerHeat), cyclesOfConcentration: plant.cyclesOfConcentration)
            (evaporation, makeup) = (water.evaporation, water.makeup)
        }

        return PlantHour(
            mode: mode, supplyTemperature: actualSupply, supplyExcess: actualSupply - supply, heatLoad: .watts(load),
            economiserHeat: .watts(economiserHeat), chillerHeat: .watts(chillerHeat),
            chillerCOP: cop, compressorPower: .watts(compressor), fanPower: fans,
            heatRejected: .watts(economiserHeat + (chillerHeat + compressor)) + fans, evaporation: evaporation,
            makeup: makeup)
    }
}
