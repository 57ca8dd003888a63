import PlannerModel

/// Heat-pump performance (DESIGN.md §5.5, REFERENCE.md §4.2) as pure functions.
public enum HeatPumpModel {
    /// Carnot heating COP `T_sink/(T_sink − T_source)` [K/K]; +∞ when the sink is not warmer.
    public static func carnotCOP(sink: Temperature, source: Temperature) -> Double {
        let lift = sink.kelvins - source.kelvins
        return lift > 0 ? sink.kelvins / lift : .infinity
    }

    /// Condensing temperature for a network supply: `supply + sinkApproach`.
    public static func sinkTemperature(supply: Temperature, heatPump: HeatPumpEntry) -> Temperature {
        supply + heatPump.sinkApproach
    }

    /// Evaporating temperature for a waste-heat temperature: `waste heat − sourceApproach`.
    public static func sourceTemperature(wasteHeat: Temperature, heatPump: HeatPumpEntry) -> Temperature {
        wasteHeat - heatPump.sourceApproach
    }

    /// Lift `T_sink − T_source` [K].
    public static func lift(wasteHeat: Temperature, supply: Temperature, heatPump: HeatPumpEntry)
        -> TemperatureDifference
    {
        sinkTemperature(supply: supply, heatPump: heatPump)
            - sourceTemperature(wasteHeat: wasteHeat, heatPump: heatPump)
    }

    /// Heating COP `min(COP_max, η·T_sink/(T_sink − T_source))` with `T_sink = supply + 5 K` and
    /// `T_source = waste heat − 5 K` (the entry's approaches), in kelvin.
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
    /// Returns nil when the sink is hotter than the machine's `maximumSinkTemperature`.
    public static func cop(wasteHeat: Temperature, supply: Temperature, heatPump: HeatPumpEntry) -> Double? {
        cop(wasteHeatCelsius: wasteHeat.celsius, supplyCelsius: supply.celsius, heatPump: heatPump)
    }

    /// `cop(wasteHeat:supply:heatPump:)` on °C numbers, for hourly loops.
    @inlinable
    public static func cop(wasteHeatCelsius: Double, supplyCelsius: Double, heatPump: HeatPumpEntry) -> Double? {
        let sink = supplyCelsius + heatPump.sinkApproach.kelvins + Temperature.celsiusOffset
        guard sink <= heatPump.maximumSinkTemperature.kelvins + 1e-9 else { return nil }
        let source = wasteHeatCelsius - heatPump.sourceApproach.kelvins + Temperature.celsiusOffset
        let lift = sink - source
        guard lift > 0 else { return heatPump.maximumCOP }
        return min(heatPump.maximumCOP, heatPump.carnotEfficiency.fraction * sink / lift)
    }

    /// Heat taken from the source per unit of heat delivered: `1 − 1/COP` (energy balance
    /// `Q_sink = Q_source + W`, `W = Q_sink/COP`).
    public static func sourceShare(cop: Double) -> Double { 1 - 1 / cop }
}
