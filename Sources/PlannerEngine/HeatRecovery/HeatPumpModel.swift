import PlannerModel

/// Heat-pump performance (DESIGN.md §5.5, REFERENCE.md §4.2) as pure functions.
public enum HeatPumpModel {
    /// Carnot (ideal) heating COP.
    ///
    /// `COP_Carnot = T_sink/(T_sink − T_source)`, temperatures in kelvin
    ///
    /// - Parameters:
    ///   - sink: `T_sink`, the condensing temperature.
    ///   - source: `T_source`, the evaporating temperature.
    /// - Returns: the Carnot COP (dimensionless, W of heat per W of work); +∞ when the sink is not
    ///   warmer than the source.
    ///
    /// Source: REFERENCE.md §4.2 (model row), DESIGN.md §5.5.
    public static func carnotCOP(sink: Temperature, source: Temperature) -> Double {
        let lift = sink.kelvins - source.kelvins
        return lift > 0 ? sink.kelvins / lift : .infinity
    }

    /// Condensing temperature for a network supply.
    ///
    /// `T_sink = T_supply + approach_sink`
    ///
    /// - Parameters:
    ///   - supply: `T_supply`, the network supply temperature.
    ///   - heatPump: the machine; its `sinkApproach` [K] (5 K).
    /// - Returns: `T_sink`.
    ///
    /// Source: REFERENCE.md §4.2 (model row), DESIGN.md §5.5.
    public static func sinkTemperature(supply: Temperature, heatPump: HeatPumpEntry) -> Temperature {
        supply + heatPump.sinkApproach
    }

    /// Evaporating temperature for a waste-heat temperature.
    ///
    /// `T_source = T_waste − approach_source`
    ///
    /// - Parameters:
    ///   - wasteHeat: `T_waste`, the waste-heat (loop return) temperature.
    ///   - heatPump: the machine; its `sourceApproach` [K] (5 K).
    /// - Returns: `T_source`.
    ///
    /// Source: REFERENCE.md §4.2 (model row), DESIGN.md §5.5.
    public static func sourceTemperature(wasteHeat: Temperature, heatPump: HeatPumpEntry) -> Temperature {
        wasteHeat - heatPump.sourceApproach
    }

    /// Temperature lift of the heat pump.
    ///
    /// `lift = T_sink − T_source = (T_supply + approach_sink) − (T_waste − approach_source)`
    ///
    /// - Parameters:
    ///   - wasteHeat: `T_waste`, the waste-heat temperature.
    ///   - supply: `T_supply`, the network supply temperature.
    ///   - heatPump: the machine (approaches [K]).
    /// - Returns: the lift [K]; above `maximumStageLift` (55 K) a real plant needs two stages.
    ///
    /// Source: REFERENCE.md §4.2 (awanetz row: lifts above 55 K are critical), DESIGN.md §5.5.
    public static func lift(wasteHeat: Temperature, supply: Temperature, heatPump: HeatPumpEntry)
        -> TemperatureDifference
    {
        sinkTemperature(supply: supply, heatPump: heatPump)
            - sourceTemperature(wasteHeat: wasteHeat, heatPump: heatPump)
    }

    /// Heating COP of the heat pump, a fixed fraction of Carnot, capped.
    ///
    /// `COP = min(COP_max, η·T_sink/(T_sink − T_source))`, `T_sink = T_supply + 5 K`,
    /// `T_source = T_waste − 5 K` (the entry's approaches), temperatures in kelvin
    ///
    /// Calibration (REFERENCE.md §4.2, V12): η = 0.42, source 45 °C → T_source 313.15 K; supply
    /// 60/70/80 °C → T_sink 338.15/348.15/358.15 K → Carnot 13.53/9.95/7.96 → COP 5.68/4.18/3.34
    /// against LiU's 5.5/4.3/3.5 (+3 %/−3 %/−5 %).
    ///
    /// High lifts: above `maximumStageLift` (55 K) a real plant uses two compressor stages. The
    /// single-stage formula is kept there on purpose: with the same η per stage a two-stage cascade
    /// gives a *higher* COP (per unit heat, single-stage work `a(1 + 1/r)` vs cascade `a(2 − a)`
    /// with `a = (1 − 1/r)/η`, `r = √(T_sink/T_source)`; the cascade is lower exactly when η < 1), so
    /// the single-stage value is the conservative one and reproduces REFERENCE.md §4.3's
    /// 45 → 115 °C COP ≈2.1 (range 2-2.5). Callers flag those hours.
    ///
    /// - Parameters:
    ///   - wasteHeat: `T_waste`, the waste-heat temperature.
    ///   - supply: `T_supply`, the network supply temperature.
    ///   - heatPump: the machine: `η` (0.42), approaches [K], `COP_max`, `maximumSinkTemperature`.
    /// - Returns: the COP (dimensionless, W of heat per W of electricity); `COP_max` when the lift
    ///   is zero or less; nil when the sink is hotter than the machine's `maximumSinkTemperature`.
    ///
    /// Source: REFERENCE.md D19, §4.2, §4.3, §8 V12; DESIGN.md §5.5.
    public static func cop(wasteHeat: Temperature, supply: Temperature, heatPump: HeatPumpEntry) -> Double? {
        cop(wasteHeatCelsius: wasteHeat.celsius, supplyCelsius: supply.celsius, heatPump: heatPump)
    }

    /// `cop(wasteHeat:supply:heatPump:)` on °C numbers, for hourly loops (the hourly series hold
    /// temperatures in °C).
    ///
    /// - Parameters:
    ///   - wasteHeatCelsius: `T_waste` [°C].
    ///   - supplyCelsius: `T_supply` [°C].
    ///   - heatPump: the machine.
    /// - Returns: the COP (dimensionless), or nil as `cop(wasteHeat:supply:heatPump:)`.
    @inlinable
    public static func cop(wasteHeatCelsius: Double, supplyCelsius: Double, heatPump: HeatPumpEntry) -> Double? {
        let sink = supplyCelsius + heatPump.sinkApproach.kelvins + Temperature.celsiusOffset
        guard sink <= heatPump.maximumSinkTemperature.kelvins + 1e-9 else { return nil }
        let source = wasteHeatCelsius - heatPump.sourceApproach.kelvins + Temperature.celsiusOffset
        let lift = sink - source
        guard lift > 0 else { return heatPump.maximumCOP }
        return min(heatPump.maximumCOP, heatPump.carnotEfficiency.fraction * sink / lift)
    }

    /// Heat taken from the source per unit of heat delivered, from the energy balance
    /// `Q_sink = Q_source + W` with `W = Q_sink/COP`.
    ///
    /// `Q_source/Q_sink = 1 − 1/COP`
    ///
    /// - Parameter cop: the heating COP (dimensionless, > 1 for a positive share).
    /// - Returns: `Q_source/Q_sink` (dimensionless).
    ///
    /// Source: first law; DESIGN.md §5.5 (the LP's `source` row).
    public static func sourceShare(cop: Double) -> Double { 1 - 1 / cop }
}
