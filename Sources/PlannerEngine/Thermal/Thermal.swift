import PlannerModel

/// Pure cooling physics (DESIGN.md §5.3, REFERENCE.md §3). Every function states its formula,
/// the unit of each parameter and of the result, and its source; none allocates.
public enum Thermal {
    // MARK: Liquid loop

    /// Coolant flow that removes a heat flow at a temperature rise (first law for a steady stream):
    ///
    /// `V̇ = Q/(ρ·c_p·ΔT)`
    ///
    /// - Parameters:
    ///   - heat: `Q`, the heat removed [W].
    ///   - rise: `ΔT`, return − supply temperature of the coolant [K].
    ///   - fluid: the coolant at its temperature: density `ρ` [kg/m³] and specific heat `c_p`
    ///     [J/(kg·K)].
    /// - Returns: `V̇`, the volumetric flow [m³/s].
    ///
    /// Source: REFERENCE.md §3.3 (derived ΔT rule), DESIGN.md §5.3.
    @inlinable
    public static func coolantFlow(removing heat: Power, rise: TemperatureDifference, fluid: FluidState)
        -> VolumetricFlow
    {
        .cubicMetresPerSecond(heat.watts / (fluid.volumetricHeatCapacity * rise.kelvins))
    }

    /// The inverse of `coolantFlow`: the temperature rise of a stream carrying a heat flow.
    ///
    /// `ΔT = Q/(ρ·c_p·V̇)`
    ///
    /// - Parameters:
    ///   - heat: `Q`, the heat carried [W].
    ///   - flow: `V̇`, the volumetric flow [m³/s].
    ///   - fluid: the coolant: density `ρ` [kg/m³] and specific heat `c_p` [J/(kg·K)].
    /// - Returns: `ΔT`, the rise [K].
    ///
    /// Source: REFERENCE.md §3.3 (derived: 1.5 L/min/kW of water → ≈9.6 K), DESIGN.md §5.3.
    @inlinable
    public static func coolantRise(removing heat: Power, flow: VolumetricFlow, fluid: FluidState)
        -> TemperatureDifference
    {
        .kelvins(heat.watts / (fluid.volumetricHeatCapacity * flow.cubicMetresPerSecond))
    }

    /// Facility-water supply a CDU needs to deliver a TCS supply.
    ///
    /// `T_fws = T_tcs,supply − approach`
    ///
    /// - Parameters:
    ///   - tcsSupply: `T_tcs,supply`, the technology cooling system's supply temperature.
    ///   - approach: the CDU's liquid-to-liquid approach [K] (3–5 K).
    /// - Returns: `T_fws`, the facility-water supply temperature.
    ///
    /// Source: REFERENCE.md D11, §3.4; DESIGN.md §5.3.
    @inlinable
    public static func facilityWaterSupply(tcsSupply: Temperature, approach: TemperatureDifference) -> Temperature {
        tcsSupply - approach
    }

    // MARK: Air

    /// Density of air for sizing, ρ = 1.2 kg/m³ (REFERENCE.md §3.5 air rule, H).
    public static let airDensityKgPerCubicMetre = 1.2
    /// Specific heat of air, c_p = 1.005 kJ/(kg·K) = 1 005 J/(kg·K) (REFERENCE.md §3.5, H).
    public static let airSpecificHeatJPerKgK = 1005.0

    /// Airflow that removes a sensible heat flow at an air temperature rise.
    ///
    /// `V̇ = Q/(ρ·c_p·ΔT)` with `ρ = 1.2 kg/m³`, `c_p = 1 005 J/(kg·K)`
    ///
    /// - Parameters:
    ///   - heat: `Q`, the sensible heat removed [W].
    ///   - rise: `ΔT`, return − supply air temperature [K].
    /// - Returns: `V̇`, the airflow [m³/s] (≈0.083 m³/s per kW at 10 K).
    ///
    /// Source: REFERENCE.md §3.5 (air rule), DESIGN.md §5.3.
    @inlinable
    public static func airflow(removing heat: Power, rise: TemperatureDifference) -> VolumetricFlow {
        .cubicMetresPerSecond(heat.watts / (airDensityKgPerCubicMetre * airSpecificHeatJPerKgK * rise.kelvins))
    }

    /// The sensible heat an airflow carries at a temperature rise.
    ///
    /// `Q = ρ·c_p·V̇·ΔT` with `ρ = 1.2 kg/m³`, `c_p = 1 005 J/(kg·K)`
    ///
    /// - Parameters:
    ///   - flow: `V̇`, the airflow [m³/s].
    ///   - rise: `ΔT`, return − supply air temperature [K].
    /// - Returns: `Q`, the sensible heat [W].
    ///
    /// Source: REFERENCE.md §3.5 (air rule), DESIGN.md §5.3.
    @inlinable
    public static func airHeat(flow: VolumetricFlow, rise: TemperatureDifference) -> Power {
        .watts(airDensityKgPerCubicMetre * airSpecificHeatJPerKgK * flow.cubicMetresPerSecond * rise.kelvins)
    }

    // MARK: Fans and pumps

    /// Electrical (wire) power of a fan or pump at design, from its hydraulic power.
    ///
    /// `P = V̇·Δp/η`
    ///
    /// - Parameters:
    ///   - flow: `V̇`, the flow moved [m³/s].
    ///   - pressureRisePa: `Δp`, the pressure rise [Pa].
    ///   - efficiency: `η`, fan or pump × motor × drive efficiency (fraction).
    /// - Returns: `P`, the electrical power [W].
    ///
    /// Source: definition of hydraulic power `V̇·Δp`; DESIGN.md §5.3.
    @inlinable
    public static func fanPower(flow: VolumetricFlow, pressureRisePa: Double, efficiency: Ratio) -> Power {
        .watts(flow.cubicMetresPerSecond * pressureRisePa / efficiency.fraction)
    }

    /// Power of a fan or pump at part flow by the affinity laws (flow ∝ speed, pressure ∝ speed²,
    /// power ∝ speed³).
    ///
    /// `P = P_design·(V̇/V̇_design)³`
    ///
    /// Assumes a system curve through the origin (no static head), so it is optimistic below
    /// ≈30 % flow.
    ///
    /// - Parameters:
    ///   - design: `P_design`, the power at design flow [W].
    ///   - flowRatio: `V̇/V̇_design` (dimensionless).
    /// - Returns: `P`, the power at that flow [W].
    ///
    /// Source: ASHRAE Handbook—HVAC Systems and Equipment ch. 21 "Fans" (fan laws); DESIGN.md §5.3.
    @inlinable
    public static func affinityPower(design: Power, flowRatio: Double) -> Power {
        design * (flowRatio * flowRatio * flowRatio)
    }

    // MARK: Heat rejection

    /// Water leaving a dry cooler.
    ///
    /// `T_lw = T_db + approach`
    ///
    /// - Parameters:
    ///   - dryBulb: `T_db`, the outdoor dry bulb.
    ///   - approach: the cooler's approach to the dry bulb [K] (default unit 8 K).
    /// - Returns: `T_lw`, the leaving water temperature.
    ///
    /// Source: REFERENCE.md §3.6 (Seoul free-cooling row), DESIGN.md §5.3.
    @inlinable
    public static func dryCoolerLeavingWater(dryBulb: Temperature, approach: TemperatureDifference) -> Temperature {
        dryBulb + approach
    }

    /// Water leaving a cooling tower.
    ///
    /// `T_lw = T_wb + approach`
    ///
    /// - Parameters:
    ///   - wetBulb: `T_wb`, the outdoor wet bulb.
    ///   - approach: the tower's approach to the wet bulb [K] (default cell 4 K).
    /// - Returns: `T_lw`, the leaving water temperature.
    ///
    /// Source: REFERENCE.md §3.6 (Seoul tower row), DESIGN.md §5.3.
    @inlinable
    public static func towerLeavingWater(wetBulb: Temperature, approach: TemperatureDifference) -> Temperature {
        wetBulb + approach
    }

    /// Approach of an economiser bank at part duty and part fan speed.
    ///
    /// `a = a_rated·x/s`, `x = Q_rej/Q_bank`, `s` the fan speed (fraction of full)
    ///
    /// At fixed flows and UA a coil's temperature differences scale with the heat it carries
    /// (`Q = UA·ΔT_lm`, REFERENCE.md P333), so at full speed the approach is in proportion to the
    /// duty. Slowing the fans cuts the airflow, and the air's rise `Q/(ṁ·c_p)` grows as `1/s`; the
    /// approach is taken to grow the same way (REFERENCE.md P301, L: the air-side UA also falls,
    /// roughly as `s^0.6–0.8`, which this folds into the air rise).
    ///
    /// - Parameters:
    ///   - rated: `a_rated`, the unit's approach at its rated duty and full speed [K].
    ///   - dutyFraction: `x`, heat rejected over the bank's rated capacity (≥ 0; above 1 the
    ///     bank is overloaded and the approach grows past its rating).
    ///   - fanSpeed: `s`, fraction of full speed (> 0).
    /// - Returns: the approach [K].
    ///
    /// Source: REFERENCE.md P301, P333; DESIGN.md §5.12.
    @inlinable
    public static func economiserApproach(
        rated: TemperatureDifference, dutyFraction: Double, fanSpeed: Ratio = .one
    ) -> TemperatureDifference {
        rated * (max(0, dutyFraction) / fanSpeed.fraction)
    }

    /// The fan speed at which an economiser bank just delivers a leaving-water temperature.
    ///
    /// `s = max(s_min, a_rated·x/(T_target − T_base))`, capped at 1, with `T_base` the dry bulb
    /// (dry cooler) or wet bulb (tower); the inverse of ``economiserApproach(rated:dutyFraction:fanSpeed:)``.
    /// A target at or below the base needs full speed (and is not reached).
    ///
    /// - Parameters:
    ///   - rated: `a_rated` [K].
    ///   - dutyFraction: `x`, heat rejected over the bank's rated capacity.
    ///   - headroom: `T_target − T_base` [K].
    ///   - minimum: `s_min`, the lowest speed the fans run at (REFERENCE.md P300: 25 %).
    /// - Returns: `s` (fraction of full speed).
    ///
    /// Source: REFERENCE.md P300, P301; DESIGN.md §5.12.
    @inlinable
    public static func economiserFanSpeed(
        rated: TemperatureDifference, dutyFraction: Double, headroom: TemperatureDifference, minimum: Ratio
    ) -> Ratio {
        guard headroom.kelvins > 0 else { return .one }
        return .fraction(min(1, max(minimum.fraction, rated.kelvins * max(0, dutyFraction) / headroom.kelvins)))
    }

    /// Air leaving the wetted pads of an adiabatic dry cooler (direct evaporative cooling).
    ///
    /// `T_air = T_db − ε·(T_db − T_wb)`
    ///
    /// - Parameters:
    ///   - dryBulb: `T_db`, the outdoor dry bulb.
    ///   - wetBulb: `T_wb`, the outdoor wet bulb (≤ `T_db`).
    ///   - effectiveness: `ε`, the pads' saturation effectiveness (REFERENCE.md P302: 80 %).
    /// - Returns: `T_air`, the air entering the coil.
    ///
    /// Source: REFERENCE.md P302; DESIGN.md §5.12.
    @inlinable
    public static func adiabaticAirTemperature(dryBulb: Temperature, wetBulb: Temperature, effectiveness: Ratio)
        -> Temperature
    {
        dryBulb - (dryBulb - wetBulb) * effectiveness.fraction
    }

    /// Water the pads of an adiabatic bank evaporate to cool its air.
    ///
    /// `ṁ_e = ṁ_air·c_p·ΔT_pad/h_fg` with `ṁ_air·c_p = C/ΔT_air` (the bank's rated capacity `C` over
    /// its rated air rise), so `ṁ_e = C·ΔT_pad/(ΔT_air·h_fg)`; the fans run at full speed when the
    /// pads are wet. The pads' bleed is neglected (recirculating pads, REFERENCE.md P302).
    ///
    /// - Parameters:
    ///   - airCooling: `ΔT_pad = T_db − T_air` [K].
    ///   - capacity: `C`, the bank's rated heat [W].
    ///   - ratedAirRise: `ΔT_air`, the air's rise through the coil at rated duty [K] (10 K, P302).
    ///   - latentHeatJPerKg: `h_fg` [J/kg].
    /// - Returns: `ṁ_e` [kg/s].
    ///
    /// Source: REFERENCE.md P302; DESIGN.md §5.12.
    @inlinable
    public static func adiabaticEvaporation(
        airCooling: TemperatureDifference, capacity: Power, ratedAirRise: TemperatureDifference,
        latentHeatJPerKg: Double = waterLatentHeatJPerKg
    ) -> MassFlow {
        .kilogramsPerSecond(
            capacity.watts * max(0, airCooling.kelvins) / (ratedAirRise.kelvins * latentHeatJPerKg))
    }

    /// Latent heat of vaporisation of water at 25 °C, h_fg = 44 020 kJ/kmol ÷ 18.015 kg/kmol
    /// = 2 443.5 kJ/kg (NBS Circular 500 via Geankoplis, *Transport Processes and Separation
    /// Process Principles*, 5th ed., Table A.2-1;
    /// https://www.oreilly.com/library/view/transport-processes-and/9780134181592/xhtml/app2.xhtml). [J/kg]
    public static let waterLatentHeatJPerKg = 44_020e3 / 18.015

    /// Water a cooling tower uses for a heat duty: evaporation, blow-down and make-up.
    ///
    /// `ṁ_e = Q/h_fg`, `ṁ_b = ṁ_e/(C − 1)`, `ṁ_m = ṁ_e + ṁ_b`
    ///
    /// All heat is taken as latent (an upper bound: in practice 75–90 % is); the blow-down keeps
    /// the dissolved solids at `C` times the make-up's; drift is neglected.
    ///
    /// - Parameters:
    ///   - heat: `Q`, the heat the tower rejects [W].
    ///   - cycles: `C`, cycles of concentration (dimensionless, > 1).
    ///   - latentHeatJPerKg: `h_fg`, latent heat of vaporisation [J/kg] (default at 25 °C).
    /// - Returns: evaporation `ṁ_e`, blow-down `ṁ_b` and make-up `ṁ_m` [kg/s].
    ///
    /// Source: DESIGN.md §5.3; REFERENCE.md C57, C63, C65 (tower figures the model is compared
    /// with).
    @inlinable
    public static func towerWater(
        heat: Power, cyclesOfConcentration cycles: Double, latentHeatJPerKg: Double = waterLatentHeatJPerKg
    ) -> TowerWater {
        let evaporation = heat.watts / latentHeatJPerKg
        let blowdown = evaporation / (cycles - 1)
        return TowerWater(
            evaporation: .kilogramsPerSecond(evaporation), blowdown: .kilogramsPerSecond(blowdown),
            makeup: .kilogramsPerSecond(evaporation + blowdown))
    }

    // MARK: Chillers

    /// Carnot (ideal) COP of a refrigerator.
    ///
    /// `COP_Carnot = T_evap/(T_cond − T_evap)`, temperatures in kelvin
    ///
    /// - Parameters:
    ///   - evaporating: `T_evap`, the evaporating temperature.
    ///   - condensing: `T_cond`, the condensing temperature (warmer than `T_evap`).
    /// - Returns: the Carnot COP (dimensionless, W of heat per W of work).
    ///
    /// Source: REFERENCE.md §3.6 (model row and its AHRI-point calibration), DESIGN.md §5.3.
    @inlinable
    public static func carnotCOP(evaporating: Temperature, condensing: Temperature) -> Double {
        evaporating.kelvins / (condensing - evaporating).kelvins
    }

    /// Chiller COP as a fraction of Carnot, capped.
    ///
    /// `COP = min(COP_max, η·T_evap/(T_cond − T_evap))`, temperatures in kelvin
    ///
    /// A lift `T_cond − T_evap` of zero or less returns `COP_max`.
    ///
    /// - Parameters:
    ///   - evaporating: `T_evap`, the evaporating temperature.
    ///   - condensing: `T_cond`, the condensing temperature.
    ///   - carnotEfficiency: `η`, the fraction of Carnot (0.7 water-cooled, 0.5 air-cooled).
    ///   - maximum: `COP_max` (dimensionless; magnetic-bearing part-load COP reaches 9.4).
    /// - Returns: the COP (dimensionless, W of heat per W of compressor power).
    ///
    /// Source: REFERENCE.md D18, §3.6; DESIGN.md §5.3.
    @inlinable
    public static func chillerCOP(
        evaporating: Temperature, condensing: Temperature, carnotEfficiency: Ratio, maximum: Double = .infinity
    ) -> Double {
        let lift = (condensing - evaporating).kelvins
        guard lift > 0 else { return maximum }
        return min(maximum, carnotEfficiency.fraction * evaporating.kelvins / lift)
    }

    /// A chiller's evaporating temperature from its leaving chilled water.
    ///
    /// `T_evap = T_lw − offset`
    ///
    /// - Parameters:
    ///   - leavingWater: `T_lw`, the chilled water leaving the evaporator.
    ///   - offset: evaporator approach [K] (2 K).
    /// - Returns: `T_evap`.
    ///
    /// Source: REFERENCE.md §3.6 (model row), DESIGN.md §5.3.
    @inlinable
    public static func evaporatingTemperature(leavingWater: Temperature, offset: TemperatureDifference) -> Temperature {
        leavingWater - offset
    }

    /// A chiller's condensing temperature.
    ///
    /// air-cooled `T_cond = T_db + offset` (15 K); water-cooled `T_cond = T_cw,in + rise + offset`
    /// (2 K above the condenser leaving water)
    ///
    /// - Parameters:
    ///   - condenser: air- or water-cooled, with its offset [K] (and condenser-water rise [K]).
    ///   - dryBulb: `T_db`, the outdoor dry bulb (air-cooled).
    ///   - condenserWaterEntering: `T_cw,in`, the condenser water entering, i.e. the heat-rejection
    ///     equipment's leaving water (water-cooled).
    /// - Returns: `T_cond`.
    ///
    /// Source: REFERENCE.md §3.6 (model row), DESIGN.md §5.3.
    @inlinable
    public static func condensingTemperature(
        _ condenser: ChillerCondenser, dryBulb: Temperature, condenserWaterEntering: Temperature
    ) -> Temperature {
        switch condenser {
        case .airCooled(let offset): dryBulb + offset
        case .waterCooled(let rise, let offset): condenserWaterEntering + rise + offset
        }
    }
}
