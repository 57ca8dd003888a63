import PlannerModel

extension Thermal {
    /// One hour of the heat-rejection plant: the per-hour kernel of the annual simulation.
    /// Allocation-free; a few dozen floating-point operations.
    ///
    /// Series partial free cooling (DESIGN.md §5.3). The facility water returns at
    /// `T_ret = T_sup + ΔT_fw` and the economiser (dry cooler or tower) can cool it to
    /// `T_econ = T_db + approach` or `T_wb + approach`:
    /// - `T_econ ≤ T_sup` → **free**: the economiser takes the whole load `Q`.
    /// - `T_sup < T_econ < T_ret` → **partial**: the economiser pre-cools to `T_econ`, taking
    ///   `Q_e = Q·(T_ret − T_econ)/ΔT_fw` (same flow, same c_p); the chiller trims the rest,
    ///   `Q_c = Q − Q_e`.
    /// - `T_econ ≥ T_ret` → **chiller**: `Q_c = Q`.
    ///
    /// Chiller: `T_evap = T_sup − offset`, `T_cond` from `condensingTemperature` with condenser water
    /// entering at `T_econ`, `COP = min(COP_max, η·T_evap/(T_cond − T_evap))`, compressor
    /// `W = Q_c/COP` (REFERENCE.md §3.6).
    ///
    /// Economiser fans (affinity law, `P_design` for the whole bank): in free mode the fans slow to
    /// the duty ratio `r = min(1, Q/Q_design)`, `P = P_design·r³`; in partial mode they run flat out;
    /// in chiller mode they run flat out when the economiser also rejects a water-cooled chiller's
    /// condenser heat and are off when the chiller is air-cooled (its condenser fans are inside η).
    ///
    /// Heat rejected to the outdoors: `Q_e + (Q_c + W) + P_fans = Q + W + P_fans` [W]. Tower water:
    /// `towerWater` on the heat the towers carry (`Q_e`, plus `Q_c + W` for a water-cooled chiller).
    ///
    /// - Parameters:
    ///   - dryBulb, wetBulb: outdoor conditions of the hour.
    ///   - supply: the facility-water supply set point (TCS supply − CDU approach).
    ///   - heatLoad: heat entering the facility water this hour [W]; ≤ 0 gives an idle hour.
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
        let belowReturn = (supply.kelvins + rise) - economiserLeaving.kelvins
        let mode: PlantMode
        let economiserShare: Double
        if economiserLeaving <= supply {
            (mode, economiserShare) = (.free, 1)
        } else if belowReturn <= 0 {
            (mode, economiserShare) = (.chiller, 0)
        } else {
            (mode, economiserShare) = (.partial, belowReturn / rise)
        }
        let economiserHeat = load * economiserShare
        let chillerHeat = load - economiserHeat

        var cop = 0.0
        var compressor = 0.0
        if chillerHeat > 0 {
            let evaporating = evaporatingTemperature(leavingWater: supply, offset: plant.chillerEvaporatorOffset)
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
        case .free:
            let ratio = plant.economiserCapacity.watts > 0 ? min(1, load / plant.economiserCapacity.watts) : 1
            fans = affinityPower(design: plant.economiserDesignFanPower, flowRatio: ratio)
        case .partial:
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
            mode: mode, heatLoad: .watts(load), economiserHeat: .watts(economiserHeat), chillerHeat: .watts(chillerHeat),
            chillerCOP: cop, compressorPower: .watts(compressor), fanPower: fans,
            heatRejected: .watts(economiserHeat + (chillerHeat + compressor)) + fans, evaporation: evaporation,
            makeup: makeup)
    }
}
