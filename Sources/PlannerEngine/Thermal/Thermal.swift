import PlannerModel

/// Pure cooling physics (DESIGN.md §5.3, REFERENCE.md §3). Every function states its formula,
/// units and source; none allocates.
public enum Thermal {
    // MARK: Liquid loop

    /// Coolant flow that removes heat `Q` [W] at a temperature rise `ΔT` [K]:
    /// `V̇ = Q/(ρ·c_p·ΔT)` [m³/s], ρ [kg/m³] and c_p [J/(kg·K)] from `fluid`
    /// (first law for a steady stream; REFERENCE.md §3.3 "(derived)").
    @inlinable
    public static func coolantFlow(removing heat: Power, rise: TemperatureDifference, fluid: FluidState)
        -> VolumetricFlow
    {
        .cubicMetresPerSecond(heat.watts / (fluid.volumetricHeatCapacity * rise.kelvins))
    }

    /// The inverse of `coolantFlow`: the rise `ΔT = Q/(ρ·c_p·V̇)` [K] of a stream `V̇` [m³/s]
    /// carrying heat `Q` [W] (REFERENCE.md §3.3: 1.5 L/min/kW of water → ≈9.6 K).
    @inlinable
    public static func coolantRise(removing heat: Power, flow: VolumetricFlow, fluid: FluidState)
        -> TemperatureDifference
    {
        .kelvins(heat.watts / (fluid.volumetricHeatCapacity * flow.cubicMetresPerSecond))
    }

    /// Facility-water supply a CDU delivers: `T_fws = T_tcs,supply − approach` (REFERENCE.md §3.4,
    /// approach 3–5 K; DESIGN.md §5.3).
    @inlinable
    public static func facilityWaterSupply(tcsSupply: Temperature, approach: TemperatureDifference) -> Temperature {
        tcsSupply - approach
    }

    // MARK: Air

    /// Density of air for sizing, ρ = 1.2 kg/m³ (REFERENCE.md §3.5 air rule, H).
    public static let airDensityKgPerCubicMetre = 1.2
    /// Specific heat of air, c_p = 1.005 kJ/(kg·K) = 1 005 J/(kg·K) (REFERENCE.md §3.5, H).
    public static let airSpecificHeatJPerKgK = 1005.0

    /// Airflow that removes sensible heat `Q` [W] at an air rise `ΔT` [K]:
    /// `V̇ = Q/(ρ·c_p·ΔT)` [m³/s] with ρ = 1.2 kg/m³, c_p = 1 005 J/(kg·K)
    /// (REFERENCE.md §3.5: ≈0.083 m³/s per kW at 10 K).
    @inlinable
    public static func airflow(removing heat: Power, rise: TemperatureDifference) -> VolumetricFlow {
        .cubicMetresPerSecond(heat.watts / (airDensityKgPerCubicMetre * airSpecificHeatJPerKgK * rise.kelvins))
    }

    /// The sensible heat an airflow `V̇` [m³/s] carries at a rise `ΔT` [K]: `Q = ρ·c_p·V̇·ΔT` [W]
    /// (REFERENCE.md §3.5).
    @inlinable
    public static func airHeat(flow: VolumetricFlow, rise: TemperatureDifference) -> Power {
        .watts(airDensityKgPerCubicMetre * airSpecificHeatJPerKgK * flow.cubicMetresPerSecond * rise.kelvins)
    }

    // MARK: Fans and pumps

    /// Shaft-to-wire power of a fan or pump at design: `P = V̇·Δp/η` [W] with `V̇` [m³/s], `Δp` [Pa]
    /// and η the combined fan/pump, motor and drive efficiency (definition of hydraulic power;
    /// DESIGN.md §5.3).
    @inlinable
    public static func fanPower(flow: VolumetricFlow, pressureRisePa: Double, efficiency: Ratio) -> Power {
        .watts(flow.cubicMetresPerSecond * pressureRisePa / efficiency.fraction)
    }

    /// Power at part flow by the fan/pump affinity laws: `P = P_design·(V̇/V̇_design)³` [W]
    /// (flow ∝ speed, pressure ∝ speed², power ∝ speed³; ASHRAE Handbook—HVAC Systems and Equipment
    /// ch. 21 "Fans", fan laws; DESIGN.md §5.3). Assumes a system curve through the origin (no
    /// static head), so it is optimistic below ≈30 % flow.
    @inlinable
    public static func affinityPower(design: Power, flowRatio: Double) -> Power {
        design * (flowRatio * flowRatio * flowRatio)
    }

    // MARK: Heat rejection

    /// Dry-cooler leaving water: `T_lw = T_db + approach` (DESIGN.md §5.3; REFERENCE.md §3.6).
    @inlinable
    public static func dryCoolerLeavingWater(dryBulb: Temperature, approach: TemperatureDifference) -> Temperature {
        dryBulb + approach
    }

    /// Cooling-tower leaving water: `T_lw = T_wb + approach` (DESIGN.md §5.3; REFERENCE.md §3.6).
    @inlinable
    public static func towerLeavingWater(wetBulb: Temperature, approach: TemperatureDifference) -> Temperature {
        wetBulb + approach
    }

    /// Latent heat of vaporisation of water at 25 °C, h_fg = 44 020 kJ/kmol ÷ 18.015 kg/kmol
    /// = 2 443.5 kJ/kg (NBS Circular 500 via Geankoplis, *Transport Processes and Separation
    /// Process Principles*, 5th ed., Table A.2-1;
    /// https://www.oreilly.com/library/view/transport-processes-and/9780134181592/xhtml/app2.xhtml). [J/kg]
    public static let waterLatentHeatJPerKg = 44_020e3 / 18.015

    /// Tower water for a heat duty `Q` [W]: evaporation `ṁ_e = Q/h_fg` [kg/s] (all heat taken as
    /// latent, an upper bound: in practice 75–90 % is), blow-down `ṁ_b = ṁ_e/(C − 1)` for `C`
    /// cycles of concentration (dissolved-solids balance), make-up `ṁ_m = ṁ_e + ṁ_b` (drift
    /// neglected). DESIGN.md §5.3. `cycles` must exceed 1.
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

    /// Carnot COP of a refrigerator: `T_evap/(T_cond − T_evap)` (kelvin).
    @inlinable
    public static func carnotCOP(evaporating: Temperature, condensing: Temperature) -> Double {
        evaporating.kelvins / (condensing - evaporating).kelvins
    }

    /// Chiller COP as a fraction of Carnot: `COP = η·T_evap/(T_cond − T_evap)` (kelvin), capped at
    /// `maximum` (REFERENCE.md §3.6: η 0.7 water-cooled, 0.5 air-cooled; magnetic-bearing part-load
    /// COP up to 9.4). A lift of zero or less returns `maximum`.
    @inlinable
    public static func chillerCOP(
        evaporating: Temperature, condensing: Temperature, carnotEfficiency: Ratio, maximum: Double = .infinity
    ) -> Double {
        let lift = (condensing - evaporating).kelvins
        guard lift > 0 else { return maximum }
        return min(maximum, carnotEfficiency.fraction * evaporating.kelvins / lift)
    }

    /// Evaporating temperature: `T_evap = LWT − offset` (REFERENCE.md §3.6: offset 2 K).
    @inlinable
    public static func evaporatingTemperature(leavingWater: Temperature, offset: TemperatureDifference) -> Temperature {
        leavingWater - offset
    }

    /// Condensing temperature (REFERENCE.md §3.6): air-cooled `T_cond = T_db + offset` (15 K);
    /// water-cooled `T_cond = T_cw,in + rise + offset` (2 K above the condenser leaving water),
    /// with the condenser water entering at `condenserWaterEntering` [the heat-rejection leaving
    /// temperature].
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
