import PlannerModel
import Weather

/// District-heating demand hour by hour from a weather year (DESIGN.md §5.5).
public enum DistrictHeatingDemand {
    /// Hourly demand and supply temperature of `network` over `weather`, with the heating design
    /// dry bulb from `HeatingDesign.dryBulb(for:)` unless `designDryBulb` is given.
    public static func hourly(
        weather: WeatherYear, network: DistrictHeatingNetwork, designDryBulb: Temperature? = nil
    ) throws(HeatRecoveryError) -> HeatDemand {
        let design = designDryBulb.map { ($0, HeatingDesignSource.input) } ?? HeatingDesign.dryBulb(for: weather)
        return try hourly(
            dryBulb: weather.dryBulb, months: weather.months, network: network,
            designDryBulb: design.0, designSource: design.1)
    }

    /// The demand model on plain arrays:
    ///
    /// `D(h) = P·[b + (1 − b)·min(1, max(0, T_bal − T_db(h))/(T_bal − T_design))]` [W], with `P` the
    /// network's peak, `b` its base share (hot water, losses), `T_bal` the balance temperature:
    /// space heating ∝ heating degree-hours below `T_bal`, scaled so `D = P` at the design dry bulb
    /// and held at `P` in colder hours. Supply temperature per hour from the network's fixed value
    /// or outdoor reset curve (`supplyTemperature(outdoor:network:designDryBulb:)`).
    public static func hourly(
        dryBulb: HourlySeries<Temperature>, months: [UInt8], network: DistrictHeatingNetwork,
        designDryBulb: Temperature, designSource: HeatingDesignSource = .input
    ) throws(HeatRecoveryError) -> HeatDemand {
        guard !dryBulb.isEmpty else { throw .emptySeries(name: "dry-bulb") }
        guard months.count == dryBulb.count else {
            throw .invalidValue(
                name: "months count", hour: nil, value: Double(months.count),
                requirement: "\(dryBulb.count), one per hour")
        }
        guard network.peakDemand.watts > 0, network.peakDemand.isFinite else {
            throw .invalidValue(
                name: "network peak demand [W]", hour: nil, value: network.peakDemand.watts, requirement: "positive")
        }
        guard (0...1).contains(network.baseShare.fraction) else {
            throw .invalidValue(
                name: "network base share", hour: nil, value: network.baseShare.fraction, requirement: "within 0...1")
        }
        let span = network.balanceTemperature.kelvins - designDryBulb.kelvins
        guard span > 0 else {
            throw .invalidValue(
                name: "balance − design temperature [K]", hour: nil, value: span,
                requirement: "positive (the balance temperature must be warmer than the heating design dry bulb)")
        }
        let peak = network.peakDemand.watts
        let base = network.baseShare.fraction
        let balance = network.balanceTemperature.celsius
        // Filled in W and °C, the units of the series.
        var demand = [Double](repeating: 0, count: dryBulb.count)
        var supply = demand
        for (i, t) in dryBulb.celsius.enumerated() {
            guard t.isFinite else {
                throw .invalidValue(name: "dry bulb [°C]", hour: i, value: t, requirement: "finite")
            }
            let heating = min(1, max(0, balance - t) / span)
            demand[i] = peak * (base + (1 - base) * heating)
            supply[i] = supplyTemperature(outdoor: .celsius(t), network: network, designDryBulb: designDryBulb).celsius
        }
        return HeatDemand(
            hourlyDemand: HourlySeries(si: demand), hourlySupply: HourlySeries(celsius: supply), months: months,
            designDryBulb: designDryBulb, designSource: designSource, network: network)
    }

    /// Network supply temperature at an outdoor dry bulb: the fixed value, or the reset curve
    /// `T_s = T_design,s + (T_mild,s − T_design,s)·clamp((T_out − T_design)/(T_mild − T_design), 0, 1)`.
    public static func supplyTemperature(
        outdoor: Temperature, network: DistrictHeatingNetwork, designDryBulb: Temperature
    ) -> Temperature {
        switch network.supply {
        case .fixed(let t):
            return t
        case .outdoorReset(let atDesign, let atMild, let mildOutdoor):
            let span = mildOutdoor.kelvins - designDryBulb.kelvins
            let x = span > 0 ? min(1, max(0, (outdoor.kelvins - designDryBulb.kelvins) / span)) : 1
            return atDesign + (atMild - atDesign) * x
        }
    }
}
