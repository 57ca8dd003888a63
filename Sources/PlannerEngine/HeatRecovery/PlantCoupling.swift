import PlannerModel

/// Heat the heat pumps take is heat the plant does not reject (DESIGN.md §5.5 "avoided heat
/// rejection").
public enum PlantCoupling {
    /// The plant's annual figures with heat recovery, from hourly series of equal length [W]:
    ///
    /// - heat rejected after = Σ_h max(0, R(h) − Q_rec(h))·1 h, with `Q_rec` the heat-pump source
    ///   heat (clamped to what the plant rejects; clamped hours are counted);
    /// - plant electricity after = Σ_h P(h)·(1 − Q_rec(h)/R(h))·1 h: economiser fans and chiller
    ///   compressors are taken as proportional to the heat they carry that hour. This is an
    ///   approximation (L): fans on the affinity law save more than proportionally, chillers that
    ///   only trim the warmest hours may save less, and the heat pumps draw from the loop's return
    ///   before the economiser so they take the warmest, cheapest-to-reject heat first;
    /// - heat-pump electricity is summed separately: it is not data-centre energy (EnEfG §11
    ///   excludes it from PUE, REFERENCE.md §4.6).
    public static func adjust(
        plantHeatRejectedWatts: [Double], plantElectricityWatts: [Double], recoveredWatts: [Double],
        heatPumpElectricityWatts: [Double]
    ) throws(HeatRecoveryError) -> PlantWithHeatRecovery {
        let n = plantHeatRejectedWatts.count
        guard n > 0 else { throw .emptySeries(name: "plant heat-rejected") }
        for (name, series) in [
            ("plant electricity", plantElectricityWatts), ("recovered heat", recoveredWatts),
            ("heat-pump electricity", heatPumpElectricityWatts),
        ] where series.count != n {
            throw .lengthMismatch(name: name, count: series.count, expected: n)
        }
        for (name, series) in [
            ("plant heat rejected [W]", plantHeatRejectedWatts), ("plant electricity [W]", plantElectricityWatts),
            ("recovered heat [W]", recoveredWatts), ("heat-pump electricity [W]", heatPumpElectricityWatts),
        ] {
            if let i = series.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw .invalidValue(name: name, hour: i, value: series[i], requirement: "finite and ≥ 0")
            }
        }
        var before = 0.0
        var after = 0.0
        var recovered = 0.0
        var plantBefore = 0.0
        var plantAfter = 0.0
        var clamped = 0
        for h in 0..<n {
            let r = plantHeatRejectedWatts[h]
            var q = recoveredWatts[h]
            if q > r {
                clamped += 1
                q = r
            }
            before += r
            after += r - q
            recovered += q
            plantBefore += plantElectricityWatts[h]
            plantAfter += r > 0 ? plantElectricityWatts[h] * (1 - q / r) : plantElectricityWatts[h]
        }
        return PlantWithHeatRecovery(
            heatRejectedBefore: Energy(si: before * 3600), heatRejectedAfter: Energy(si: after * 3600),
            heatRecovered: Energy(si: recovered * 3600), plantEnergyBefore: Energy(si: plantBefore * 3600),
            plantEnergyAfter: Energy(si: plantAfter * 3600),
            heatPumpElectricity: Energy(si: heatPumpElectricityWatts.reduce(0, +) * 3600), hoursClamped: clamped)
    }

    /// `adjust` with the recovered heat and heat-pump electricity of a heat-recovery result.
    public static func adjust(
        plantHeatRejectedWatts: [Double], plantElectricityWatts: [Double], recovery: HeatRecoveryResult
    ) throws(HeatRecoveryError) -> PlantWithHeatRecovery {
        try adjust(
            plantHeatRejectedWatts: plantHeatRejectedWatts, plantElectricityWatts: plantElectricityWatts,
            recoveredWatts: recovery.hourlySourceWatts, heatPumpElectricityWatts: recovery.hourlyElectricityWatts)
    }
}
