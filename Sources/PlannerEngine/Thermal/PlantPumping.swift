import Catalogue
import PlannerModel

extension Thermal {
    /// Standard gravity [m/s²] (CGPM 1901; ISO 80000-3).
    public static let standardGravity = 9.80665

    /// Electricity of a water pump lifting a flow through a head.
    ///
    /// `P = ρ·g·H·V̇/η`
    ///
    /// - Parameters:
    ///   - flow: `V̇`, the water moved [m³/s].
    ///   - head: `H`, the pump head [m of the pumped fluid]; must be above 0.
    ///   - efficiency: `η`, pump × motor × drive ("wire to water", fraction).
    ///   - fluid: the water at its temperature: density `ρ` [kg/m³].
    /// - Returns: `P`, the electrical power [W].
    ///
    /// Source: definition of hydraulic power `ρ·g·H·V̇`; heads and η from ASHRAE 90.1 Appendix G's
    /// pump allowances (REFERENCE.md C61, P310); DESIGN.md §5.13.
    @inlinable
    public static func pumpPower(flow: VolumetricFlow, head: Length, efficiency: Ratio, fluid: FluidState) -> Power {
        .watts(
            fluid.densityKgPerCubicMetre * standardGravity * head.metres * flow.cubicMetresPerSecond
                / efficiency.fraction)
    }

    /// A variable-speed pump set at part flow: the flow follows the heat (`r = Q/Q_design`) down to
    /// the drives' minimum speed, and the power follows the affinity law on a system curve through
    /// the origin (head ∝ flow²).
    ///
    /// `P = P_design·max(r, r_min)³` for `r > 0`; `P = 0` for `r ≤ 0` (the loop idle)
    ///
    /// Above design (`r > 1`) the same law holds (the pumps speed up).
    ///
    /// - Parameters:
    ///   - design: `P_design`, the pumps at design flow [W].
    ///   - flowRatio: `r = Q/Q_design` (dimensionless).
    ///   - minimumSpeed: `r_min`, the lowest speed of the drives (fraction, default 30 %,
    ///     REFERENCE.md P311).
    /// - Returns: `P`, the pumps' electricity [W].
    ///
    /// Source: affinity laws (ASHRAE Handbook—HVAC Systems and Equipment ch. 44 "Centrifugal
    /// pumps"); DESIGN.md §5.13.
    @inlinable
    public static func variableSpeedPumpPower(design: Power, flowRatio: Double, minimumSpeed: Ratio) -> Power {
        flowRatio > 0 ? affinityPower(design: design, flowRatio: max(flowRatio, minimumSpeed.fraction)) : .zero
    }

    /// The pumps of one loop at design: the distribution pumps for the loop's heat `Q` at its rise,
    /// and, for water-cooled chillers, the condenser-water pumps for the design hour's condenser heat
    /// `Q_c + W` at the chiller's condenser-water rise.
    ///
    /// `V̇ = Q/(ρ·c_p·ΔT)`, `P = ρ·g·H·V̇/η`; `V̇_cond = (Q_c + W)/(ρ·c_p·ΔT_cond)`,
    /// `P_cond = ρ·g·H_cond·V̇_cond/η`
    ///
    /// - Parameters:
    ///   - kind: which loop (its head).
    ///   - heat: `Q`, the loop's design heat before its own pumps [W].
    ///   - rise: `ΔT`, the loop's return − supply [K].
    ///   - condenserHeat: `Q_c + W`, the chillers' condenser heat at design [W]; 0 for air-cooled
    ///     chillers or none.
    ///   - condenserRise: `ΔT_cond`, the water-cooled chiller's condenser-water rise [K].
    ///   - pumps: heads and efficiency.
    ///   - fluid: water at the loop's supply temperature.
    /// - Returns: flows, heads and powers.
    ///
    /// Source: DESIGN.md §5.13; REFERENCE.md C61, P310.
    public static func loopPumps(
        _ kind: CoolingLoop.Kind, heat: Power, rise: TemperatureDifference, condenserHeat: Power,
        condenserRise: TemperatureDifference, pumps: PlantPumps, fluid: FluidState
    ) -> LoopPumps {
        let flow = coolantFlow(removing: max(heat, .zero), rise: rise, fluid: fluid)
        let condenserFlow = coolantFlow(
            removing: max(condenserHeat, .zero), rise: condenserRise, fluid: fluid)
        return LoopPumps(
            flow: flow, head: pumps.head(kind),
            power: pumpPower(flow: flow, head: pumps.head(kind), efficiency: pumps.efficiency, fluid: fluid),
            condenserFlow: condenserFlow, condenserHead: pumps.condenserWaterHead,
            condenserPower: pumpPower(
                flow: condenserFlow, head: pumps.condenserWaterHead, efficiency: pumps.efficiency, fluid: fluid))
    }

    /// Condenser heat of a plant hour that condenser-water pumps move: `Q_c + W` for a water-cooled
    /// chiller, 0 for an air-cooled one (its condenser fans are inside η).
    public static func condenserWaterHeat(_ hour: PlantHour, condenser: ChillerCondenser) -> Power {
        if case .waterCooled = condenser { return hour.chillerHeat + hour.compressorPower }
        return .zero
    }
}

extension ChillerCondenser {
    /// The condenser-water rise of a water-cooled chiller; nil for an air-cooled one.
    public var waterRise: TemperatureDifference? {
        if case .waterCooled(let rise, _) = self { return rise }
        return nil
    }
}
