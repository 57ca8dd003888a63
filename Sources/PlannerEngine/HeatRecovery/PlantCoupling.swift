import PlannerModel

/// Heat the heat pumps take is heat the plant does not reject (DESIGN.md §5.5 "avoided heat
/// rejection").
public enum PlantCoupling {
    /// The plant's annual figures with heat recovery, from hourly series of equal length:
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
    ///
    /// Each sum is taken in watts hour by hour and multiplied by 1 h once.
    ///
    /// - Parameters:
    ///   - plantHeatRejected: `R(h)`, heat the plant rejects to the outdoors without recovery [W].
    ///   - plantElectricity: `P(h)`, economiser fans + chiller compressors without recovery [W].
    ///   - recovered: `Q_rec(h)`, heat the heat pumps take from the plant's loop [W].
    ///   - heatPumpElectricity: the heat pumps' electricity [W].
    /// - Returns: heat rejected, heat recovered and plant energy before and after, heat-pump
    ///   electricity [J], and the hours where `Q_rec > R`.
    /// - Throws: on empty or unequal series, and on a value that is not finite or is negative.
    ///
    /// Source: DESIGN.md §5.5 (coupling to the plant); REFERENCE.md §4.6 (EnEfG §11).
    public static func adjust(
        plantHeatRejected: HourlySeries<Power>, plantElectricity: HourlySeries<Power>, recovered: HourlySeries<Power>,
        heatPumpElectricity: HourlySeries<Power>
    ) throws(HeatRecoveryError) -> PlantWithHeatRecovery {
        let rejectedW = plantHeatRejected.si
        let electricityW = plantElectricity.si
        let recoveredW = recovered.si
        let n = rejectedW.count
        guard n > 0 else { throw .emptySeries(name: "plant heat-rejected") }
        for (name, series) in [
            ("plant electricity", plantElectricity), ("recovered heat", recovered),
            ("heat-pump electricity", heatPumpElectricity),
        ] where series.count != n {
            throw .lengthMismatch(name: name, count: series.count, expected: n)
        }
        for (name, series) in [
            ("plant heat rejected [W]", plantHeatRejected), ("plant electricity [W]", plantElectricity),
            ("recovered heat [W]", recovered), ("heat-pump electricity [W]", heatPumpElectricity),
        ] {
            if let i = series.si.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw .invalidValue(name: name, hour: i, value: series.si[i], requirement: "finite and ≥ 0")
            }
        }
        var before = 0.0
        var after = 0.0
        var recoveredSum = 0.0
        var plantBefore = 0.0
        var plantAfter = 0.0
        var clamped = 0
        for h in 0..<n {
            let r = rejectedW[h]
            var q = recoveredW[h]
            if q > r {
                clamped += 1
                q = r
            }
            before += r
            after += r - q
            recoveredSum += q
            plantBefore += electricityW[h]
            plantAfter += r > 0 ? electricityW[h] * (1 - q / r) : electricityW[h]
        }
        return PlantWithHeatRecovery(
            heatRejectedBefore: .watts(before) * .hour, heatRejectedAfter: .watts(after) * .hour,
            heatRecovered: .watts(recoveredSum) * .hour, plantEnergyBefore: .watts(plantBefore) * .hour,
            plantEnergyAfter: .watts(plantAfter) * .hour, heatPumpElectricity: heatPumpElectricity.energy,
            hoursClamped: clamped)
    }

    /// `adjust` with the recovered heat (`hourlySource`) and heat-pump electricity of a
    /// heat-recovery result.
    public static func adjust(
        plantHeatRejected: HourlySeries<Power>, plantElectricity: HourlySeries<Power>, recovery: HeatRecoveryResult
    ) throws(HeatRecoveryError) -> PlantWithHeatRecovery {
        try adjust(
            plantHeatRejected: plantHeatRejected, plantElectricity: plantElectricity, recovered: recovery.hourlySource,
            heatPumpElectricity: recovery.hourlyElectricity)
    }
}
