import PlannerModel

/// Capping check over a supply hierarchy (DESIGN.md §5.2; REFERENCE.md §1.5 DPS example, V20):
/// every level whose usable capacity is below the load it feeds must be power-capped.
public enum PowerCapping {
    /// Levels (depth first, parent before children) where `usable < load`, with the shortfall
    /// `load − usable` [W]. A 1e-9 relative slack keeps an exact fit from being flagged.
    public static func shortfalls(in root: SupplyLevel) -> [CappingShortfall] {
        func visit(_ level: SupplyLevel, path: String) -> [CappingShortfall] {
            let load = level.load
            let own =
                load.si > level.usable.si * (1 + 1e-9)
                ? [CappingShortfall(path: path, usable: level.usable, load: load)] : []
            return own + level.children.flatMap { visit($0, path: path + " / " + $0.name) }
        }
        return visit(root, path: root.name)
    }

    /// One error finding per shortfall, e.g. "utility: usable capacity 750 kW is below the
    /// 1,120 kW it feeds by 370 kW (49.3 %): capping needed".
    public static func findings(in root: SupplyLevel, subjectPrefix: String = "") -> [Finding] {
        shortfalls(in: root).map { s in
            let over = s.shortfall / s.usable * 100
            return Finding(
                .error, subjectPrefix + s.path,
                "usable capacity \(kilowatts(s.usable)) kW is below the \(kilowatts(s.load)) kW it feeds by "
                    + "\(kilowatts(s.shortfall)) kW (\(oneDecimal(over)) %): capping needed"
            )
        }
    }

    /// Tenths of a unit in the shared message format (`NumberText.compact`).
    static func oneDecimal(_ v: Double) -> String { NumberText.compact((v * 10).rounded() / 10) }
    static func kilowatts(_ p: Power) -> String { oneDecimal(p.kilowatts) }
}
