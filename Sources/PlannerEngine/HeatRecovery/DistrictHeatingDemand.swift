import PlannerModel
import Weather

/// District-heating demand hour by hour from a weather year (DESIGN.md §5.5).
public enum DistrictHeatingDemand {
    /// Hourly demand and supply temperature of `network` over `weather`, with the heating design
    /// dry bulb from `HeatingDesign.dryBulb(for:)` unless `designDryBulb` is given.
    ///
    /// - Parameters:
    ///   - weather: the year; its hourly dry bulb and months are used.
    ///   - network: peak demand [W], base share, balance temperature, supply curve.
    ///   - designDryBulb: the 99.6 % heating design dry bulb, or nil to take it from the EPW header
    ///     (else the 35th-coldest hour).
    /// - Returns: demand [W] and supply temperature per hour, see `hourly(dryBulb:…)`.
    ///
    /// Source: DESIGN.md §5.5 (demand); REFERENCE.md §6.1 (Seoul-Seongnam −12.5 °C).
    public static func hourly(
        weather: WeatherYear, network: DistrictHeatingNetwork, designDryBulb: Temperature? = nil
    ) throws(HeatRecoveryError) -> HeatDemand {
        let design = designDryBulb.map { ($0, HeatingDesignSource.input) } ?? HeatingDesign.dryBulb(for: weather)
        return try hourly(
            dryBulb: weather.dryBulb, months: weather.months, network: network,
            designDryBulb: design.0, designSource: design.1)
    }

    /// The demand model on an hourly dry bulb: a base plus space heating proportional to the
    /// heating degree-hours below the balance temperature, scaled so `D = P` at the design dry bulb
    /// and held at `P` in colder hours.
    ///
    /// `D(h) = P·[b + (1 − b)·min(1, max(0, T_bal − T_db(h))/(T_bal − T_design))]`
    ///
    /// The supply temperature of each hour is the network's fixed value or its outdoor reset curve
    /// (`supplyTemperature(outdoor:network:designDryBulb:)`).
    ///
    /// - Parameters:
    ///   - dryBulb: `T_db(h)`, the outdoor dry bulb of each hour (its °C numbers are used).
    ///   - months: month (1…12) of each hour, for monthly tables.
    ///   - network: `P`, the peak demand [W]; `b`, the base share (fraction: hot water, losses);
    ///     `T_bal`, the balance temperature; the supply temperature curve.
    ///   - designDryBulb: `T_design`, the heating design dry bulb (colder than `T_bal`).
    ///   - designSource: where `T_design` came from, kept in the result.
    /// - Returns: `D(h)` [W] and the network supply temperature of each hour.
    /// - Throws: on an empty or non-finite dry bulb, a months count that differs, a peak that is not
    ///   positive, a base share outside 0…1, or `T_bal ≤ T_design`.
    ///
    /// Source: DESIGN.md §5.5 (demand; base 15 % and balance 15 °C are estimates, L).
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

    /// Network supply temperature at an outdoor dry bulb: the fixed value, or the outdoor reset
    /// curve, linear between the design and the mild outdoor temperature and flat beyond.
    ///
    /// `T_s = T_design,s + (T_mild,s − T_design,s)·clamp((T_out − T_design)/(T_mild − T_design), 0, 1)`
    ///
    /// - Parameters:
    ///   - outdoor: `T_out`, the outdoor dry bulb.
    ///   - network: the supply: fixed, or reset from `T_design,s` (at or below `T_design`) to
    ///     `T_mild,s` (at or above `T_mild`).
    ///   - designDryBulb: `T_design`, the heating design dry bulb.
    /// - Returns: `T_s`, the network supply temperature (`T_mild,s` when `T_mild ≤ T_design`).
    ///
    /// Source: DESIGN.md §5.5 (demand); REFERENCE.md §4.2, §4.3 (4th-generation 70-55 °C, Korean
    /// 115 °C presets).
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
