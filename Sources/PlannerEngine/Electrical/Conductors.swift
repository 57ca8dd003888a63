import Foundation
import PlannerModel

/// A table of standard conductor sizes and their current-carrying capacity.
public struct AmpacityTable: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var size: Area
        public var ampacity: Current
    }
    public var name: String
    public var source: String
    /// Ascending by size.
    public var rows: [Row]

    init(name: String, source: String, sizes mm2: [Double], amperes: [Double]) {
        precondition(mm2.count == amperes.count)
        self.name = name
        self.source = source
        self.rows = zip(mm2, amperes).map { Row(size: .squareMillimetres($0), ampacity: .amperes($1)) }
    }

    static let sizes: [Double] = [25, 35, 50, 70, 95, 120, 150, 185, 240, 300, 400, 500, 630]
    static let source =
        "IEC 60364-5-52:2009 Table B.52.12 (method F: single-core cables in free air on ladder/perforated tray, "
        + "XLPE/EPR 90 °C, copper, 30 °C ambient)"

    /// Three loaded conductors in trefoil: three-phase AC circuits.
    public static let xlpeCopperTrefoil = AmpacityTable(
        name: "Cu/XLPE single-core, method F, 3 loaded (trefoil)", source: source, sizes: sizes,
        amperes: [135, 169, 207, 268, 328, 383, 444, 510, 607, 703, 823, 946, 1088])

    /// Two loaded conductors touching: single-phase and DC circuits.
    public static let xlpeCopperTwoLoaded = AmpacityTable(
        name: "Cu/XLPE single-core, method F, 2 loaded (touching)", source: source, sizes: sizes,
        amperes: [161, 200, 242, 310, 377, 437, 504, 575, 679, 783, 940, 1083, 1254])

    /// The table for a system: trefoil for three-phase, two loaded conductors for DC.
    public static func forSystem(_ system: ConductorSystem) -> AmpacityTable {
        switch system {
        case .threePhase: xlpeCopperTrefoil
        case .dc: xlpeCopperTwoLoaded
        }
    }
}

/// Conductor sizing, voltage drop and copper (DESIGN.md §5.2).
///
/// Ampacities: IEC 60364-5-52:2009 Table B.52.12, method F (cross-checked against the published
/// transcriptions of the table; M as no copy of the standard is in the project). No grouping or
/// ambient correction unless the run's `derating` says so.
public enum Conductors {
    /// Copper resistivity at the 90 °C XLPE operating temperature:
    /// `ρ90 = ρ20·(1 + α·(90 − 20)) = (1/58)·(1 + 0.00393·70) = 0.021984 Ω·mm²/m`, with the
    /// International Annealed Copper Standard values `ρ20 = 1/58 Ω·mm²/m` and `α20 = 0.00393 /K`
    /// (IEC 60028; REFERENCE.md P91). Stored in Ω·m.
    public static let copperResistivity90C = (1.0 / 58) * (1 + 0.00393 * 70) * 1e-6
    /// Density of copper: 8 960 kg/m³ (REFERENCE.md P89).
    public static let copperDensity = 8960.0

    /// Line current of a circuit carrying a real power.
    ///
    /// three-phase `I = P/(√3·V_LL·pf)`; DC `I = P/V`
    ///
    /// - Parameters:
    ///   - power: `P`, the real power carried [W].
    ///   - system: three-phase with line-to-line voltage `V_LL` [V] and power factor `pf`, or DC at
    ///     `V` [V] (two poles).
    /// - Returns: `I`, the line current [A].
    ///
    /// Source: DESIGN.md §5.2 (conductors).
    public static func current(carrying power: Power, in system: ConductorSystem) -> Current {
        switch system {
        case .threePhase(let v, let pf): .amperes(power.watts / (3.0.squareRoot() * v.volts * pf.fraction))
        case .dc(let v): .amperes(power.watts / v.volts)
        }
    }

    /// Resistance of one copper conductor at its 90 °C operating temperature.
    ///
    /// `R = ρ90·L/A` with `ρ90 = 0.021984 Ω·mm²/m`
    ///
    /// - Parameters:
    ///   - length: `L`, the conductor's length [m].
    ///   - size: `A`, its cross-section [m²].
    /// - Returns: `R` [Ω].
    ///
    /// Source: REFERENCE.md P91 (IACS resistivity, IEC 60028); DESIGN.md §5.2.
    public static func resistance(length: Length, size: Area) -> Resistance {
        .ohms(copperResistivity90C * length.metres / size.squareMetres)
    }

    /// Voltage drop along a circuit (resistive approximation: no reactance).
    ///
    /// three-phase `ΔV = √3·I·R` (line to line); DC `ΔV = 2·I·R` (go and return)
    ///
    /// - Parameters:
    ///   - current: `I`, the circuit's current [A].
    ///   - resistance: `R`, of one conductor [Ω].
    ///   - system: three-phase or DC.
    /// - Returns: `ΔV` [V].
    ///
    /// Source: DESIGN.md §5.2 (conductors).
    public static func voltageDrop(current: Current, resistance: Resistance, in system: ConductorSystem) -> Voltage {
        let factor =
            switch system {
            case .threePhase: 3.0.squareRoot()
            case .dc: 2.0
            }
        return .volts(factor * current.amperes * resistance.ohms)
    }

    /// Copper mass of a run.
    ///
    /// `m = ρ_Cu·A·L·n` with `ρ_Cu = 8 960 kg/m³`
    ///
    /// - Parameters:
    ///   - size: `A`, the conductor cross-section [m²].
    ///   - length: `L`, the run's length [m].
    ///   - conductors: `n`, the loaded conductors (per circuit × circuits).
    /// - Returns: `m` [kg].
    ///
    /// Source: REFERENCE.md P89, P90; DESIGN.md §5.2.
    public static func copperMass(size: Area, length: Length, conductors: Int) -> Mass {
        .kilograms(copperDensity * size.squareMetres * length.metres * Double(conductors))
    }

    /// The current a feeder's conductors must be rated for: the larger of the normal current over
    /// the continuous limit and the current after its A/B partner fails.
    ///
    /// `I_rated = max(I/c, I_after)` with `I` the normal current [A], `c` the continuous limit
    /// (0.8: NEC's 125 % rule, ampacity ≥ 1.25·I for a continuous load) and `I_after` the current
    /// after the partner's failure [A] (none without a partner).
    ///
    /// Source: REFERENCE.md P39, P40 (NEC 210.19(A)(1), 215.2(A)(1)(a)); DESIGN.md §5.7.
    public static func ratedCurrent(_ run: ConductorRun) -> Current {
        let normal = current(carrying: run.power, in: run.system) / max(run.continuousLimit.fraction, 1e-9)
        guard let after = run.powerAfterFailure else { return normal }
        return max(normal, current(carrying: after, in: run.system))
    }

    /// Sizes a run: the fewest parallel circuits that the largest table size can carry, then the
    /// smallest size whose (derated) ampacity carries the rated circuit current (`ratedCurrent`:
    /// the 125 % rule and the A/B partner's failure); if the voltage drop (at the normal current)
    /// then exceeds the limit, the next larger size, and beyond the largest size one more
    /// parallel circuit, until the drop is within the limit (at most `maxCircuits`).
    public static func size(_ run: ConductorRun, table: AmpacityTable? = nil, maxCircuits: Int = 10_000)
        -> ConductorSizing
    {
        let table = table ?? AmpacityTable.forSystem(run.system)
        let total = current(carrying: run.power, in: run.system)
        let rated = ratedCurrent(run)
        let derate = run.derating.fraction
        let largest = table.rows[table.rows.count - 1].ampacity * derate
        var circuits = max(1, UnitCount.ceiling(rated / largest * (1 - 1e-12)))
        var raised = false
        var last: ConductorSizing?
        while circuits <= maxCircuits {
            let perCircuit = rated / Double(circuits)
            for row in table.rows where row.ampacity * derate >= perCircuit {
                let sizing = evaluate(
                    run, current: total, circuits: circuits, row: row, derate: derate,
                    criterion: raised ? .voltageDrop : .ampacity)
                if sizing.withinDropLimit { return sizing }
                raised = true
                last = sizing
            }
            circuits += 1
        }
        var failed =
            last
            ?? evaluate(
                run, current: total, circuits: circuits, row: table.rows[table.rows.count - 1], derate: derate,
                criterion: .dropLimitNotMet)
        failed.criterion = .dropLimitNotMet
        return failed
    }

    static func evaluate(
        _ run: ConductorRun, current total: Current, circuits: Int, row: AmpacityTable.Row, derate: Double,
        criterion: ConductorSizing.Criterion
    ) -> ConductorSizing {
        let perCircuit = total / Double(circuits)
        let r = resistance(length: run.length, size: row.size)
        let conductors = run.system.conductorsPerCircuit * circuits
        return ConductorSizing(
            run: run, current: total, circuits: circuits, size: row.size, ampacity: row.ampacity * derate,
            resistance: r,
            voltageDrop: voltageDrop(current: perCircuit, resistance: r, in: run.system),
            loss: .watts(Double(conductors) * perCircuit.amperes * perCircuit.amperes * r.ohms),
            copper: copperMass(size: row.size, length: run.length, conductors: conductors), criterion: criterion)
    }
}
