import PlannerModel

/// Rack power and heat (DESIGN.md §5.1): pure functions from catalogue entries to power levels
/// and heat splits.
public enum RackPowerAnalysis {
    /// Power of one rack at nameplate, design and sustained level.
    ///
    /// Sustained power follows the curve: `P(u) = P_idle + (P_design − P_idle)·g(u)` [W].
    public static func powerLevels(of system: SystemEntry, utilisation: Ratio, curve: UtilisationCurve) -> PowerLevels {
        PowerLevels(
            nameplate: system.nameplatePower, design: system.designPower,
            sustained: curve.power(at: utilisation, idle: system.idlePower, design: system.designPower))
    }

    /// All electrical input to the rack becomes heat: `Q_liquid = f·P`, `Q_air = (1 − f)·P` [W],
    /// with `f` the liquid-captured fraction.
    public static func heatSplit(of power: Power, liquidFraction: Ratio) -> HeatSplit {
        HeatSplit(liquid: power * liquidFraction.fraction, air: power * liquidFraction.complement.fraction)
    }

    /// `count` racks of one entry in one copy of a hall.
    public static func analyse(_ group: RackGroup, utilisation: Ratio, curve: UtilisationCurve) -> RackGroupResult {
        let system = group.system
        let perRack = powerLevels(of: system, utilisation: utilisation, curve: curve)
        let n = Double(group.count)
        let total = perRack * n
        let summary = CapacitySummary(
            gpuCount: system.gpus * group.count, rackCount: group.count, racksByRole: [system.role: group.count],
            itPower: total,
            heatDesign: heatSplit(of: total.design, liquidFraction: system.liquidFraction),
            heatSustained: heatSplit(of: total.sustained, liquidFraction: system.liquidFraction),
            weight: (system.weight ?? .zero) * n,
            racksWithoutWeight: system.weight == nil ? group.count : 0)
        return RackGroupResult(
            system: system, count: group.count, utilisation: utilisation, perRack: perRack, summary: summary)
    }

    /// One hall: its groups (per copy) and the per-copy summary; totals multiply by `copies`.
    public static func analyse(_ hall: Hall, siteUtilisation: Ratio, curve: UtilisationCurve) -> HallResult {
        let utilisation = hall.utilisation ?? siteUtilisation
        let groups = hall.rackGroups.map { analyse($0, utilisation: utilisation, curve: curve) }
        return HallResult(
            id: hall.id, copies: hall.copies, groups: groups, perCopy: groups.reduce(.zero) { $0 + $1.summary })
    }
}
