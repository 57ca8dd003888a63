import PlannerModel

extension ConsistencyChecks {
    /// The plant over the weather year (DESIGN.md §5.3): every hour closes its energy balance
    /// (facility = heat rejected + heat recovered, to ``relativeTolerance`` of facility power);
    /// facility energy = IT + chain losses + pumps and fans + plant + plant pumps + house loads; the
    /// months add up to the year; every loop spends every hour in exactly one mode; the hourly
    /// facility power adds up to the facility energy.
    public static func plant(_ cooling: SiteCooling) -> [String] {
        guard let a = cooling.annual else { return [] } // sized at the design condition only: no year
        var violations: [String] = []
        if a.worstBalanceResidual > relativeTolerance {
            violations.append(
                "the hourly energy balance does not close (worst hour off by \(a.worstBalanceResidual) of facility "
                    + "power)")
        }
        let parts = a.itEnergy + a.chainLossEnergy + a.coolingEnergy + a.houseEnergy
        if !agree(a.facilityEnergy, parts) {
            violations.append(
                "facility energy \(a.facilityEnergy.joules) J ≠ IT + chain losses + pumps and fans + plant + "
                    + "plant pumps + house loads \(parts.joules) J")
        }
        if !agree(a.facilityEnergy, a.heatRejected + a.heatRecovered) {
            violations.append(
                "facility energy \(a.facilityEnergy.joules) J ≠ heat rejected + heat recovered "
                    + "\((a.heatRejected + a.heatRecovered).joules) J")
        }
        if !agree(a.months.sum(\.it), a.itEnergy) || !agree(a.months.sum(\.facility), a.facilityEnergy) {
            violations.append("the monthly IT or facility energies do not add up to the year's")
        }
        if a.hourlyFacility.count != a.hours || !agree(a.hourlyFacility.energy, a.facilityEnergy) {
            violations.append("the hourly facility power does not add up to the facility energy")
        }
        for loop in cooling.loops where loop.hoursByMode.values.reduce(0, +) != a.hours {
            violations.append(
                "the \(loop.kind.rawValue) loop spends \(loop.hoursByMode.values.reduce(0, +)) h in its modes, not "
                    + "the year's \(a.hours) h")
        }
        return violations
    }

    /// Heat recovery (DESIGN.md §5.5), every hour of a solved LP: heat delivered ≤ the network's
    /// demand; heat taken from the data centre ≤ its waste heat; heat-pump output ≤ the capacity
    /// chosen; output = heat taken + electricity (the heat pump's own balance). Bounds hold to
    /// GLPK's feasibility tolerance, taken as 1 W + 10⁻⁶ of the bound (the LP is in MW); the
    /// balance to ``relativeTolerance``.
    public static func heatRecovery(_ plan: HeatRecoveryPlan) -> [String] {
        let r = plan.result
        guard r.status.hasSolution else { return [] }
        let hours = plan.demand.hourlyDemand.count
        guard
            [
                r.hourlyDelivered.count, r.hourlyHeatPump.count, r.hourlySource.count, r.hourlyElectricity.count,
                plan.source.hourlyHeat.count,
            ].allSatisfy({ $0 == hours })
        else {
            return ["the heat-recovery hourly series are not all \(hours) h long"]
        }
        func slack(_ bound: Double) -> Double { 1 + 1e-6 * abs(bound) }
        var counts = (demand: 0, waste: 0, capacity: 0, balance: 0)
        var first: (demand: Int?, waste: Int?, capacity: Int?, balance: Int?)
        for h in 0..<hours {
            let demand = plan.demand.hourlyDemand[h].watts
            let waste = plan.source.hourlyHeat[h].watts
            let output = r.hourlyHeatPump[h].watts
            let source = r.hourlySource[h].watts
            if r.hourlyDelivered[h].watts > demand + slack(demand) {
                counts.demand += 1
                first.demand = first.demand ?? h
            }
            if source > waste + slack(waste) {
                counts.waste += 1
                first.waste = first.waste ?? h
            }
            if output > r.capacity.watts + slack(r.capacity.watts) {
                counts.capacity += 1
                first.capacity = first.capacity ?? h
            }
            if !agree(output, source + r.hourlyElectricity[h].watts, absolute: 1e-9) {
                counts.balance += 1
                first.balance = first.balance ?? h
            }
        }
        var violations: [String] = []
        if let h = first.demand {
            violations.append("heat delivered exceeds the network's demand in \(counts.demand) h (first hour \(h))")
        }
        if let h = first.waste {
            violations.append("heat taken exceeds the data centre's waste heat in \(counts.waste) h (first hour \(h))")
        }
        if let h = first.capacity {
            violations.append("heat-pump output exceeds its capacity in \(counts.capacity) h (first hour \(h))")
        }
        if let h = first.balance {
            violations.append(
                "heat-pump output ≠ heat taken + electricity in \(counts.balance) h (first hour \(h))")
        }
        return violations
    }
}
