import PlannerModel

/// Synchronous-training power swings and their smoothing (DESIGN.md §5.1, REFERENCE.md §1.6).
public enum Transients {
    /// Swing of synchronous training steps, ~1.4 × steady state at µs-ms scale (REFERENCE.md §1.6, L).
    public static let defaultSwingFactor = 1.4
    /// GB300 NVL72 power smoothing cuts peak grid demand by up to 30 % (REFERENCE.md §1.6, V5, H).
    public static let gb300PeakCut = Ratio.percent(30)

    /// Protection rating a level needs when it sees the swing.
    ///
    /// `P_peak = f·P_steady`
    ///
    /// - Parameters:
    ///   - steady: `P_steady`, the level's steady draw [W].
    ///   - swingFactor: `f`, the swing over steady state (dimensionless, 1.4 by default).
    /// - Returns: `P_peak` [W].
    ///
    /// Source: REFERENCE.md §1.6 (L); DESIGN.md §5.1.
    public static func protectionRating(steady: Power, swingFactor: Double = defaultSwingFactor) -> Power {
        steady * swingFactor
    }

    /// Energy storage that holds the draw upstream at the steady value during a swing (the swing
    /// above steady, supplied from storage for its duration).
    ///
    /// `E = (f − 1)·P·t`
    ///
    /// - Parameters:
    ///   - steady: `P`, the steady draw [W].
    ///   - swingFactor: `f` (dimensionless).
    ///   - duration: `t`, how long the swing lasts [s].
    /// - Returns: `E` [J].
    ///
    /// Source: REFERENCE.md §1.6; DESIGN.md §5.1.
    public static func smoothingStorage(steady: Power, swingFactor: Double = defaultSwingFactor, duration: Duration)
        -> Energy
    {
        steady * (swingFactor - 1) * duration
    }

    /// Peak grid demand after power smoothing cuts it.
    ///
    /// `P_smoothed = P·(1 − cut)`
    ///
    /// - Parameters:
    ///   - peak: `P`, the peak before smoothing [W].
    ///   - cut: the share cut (fraction; up to 30 % for GB300).
    /// - Returns: `P_smoothed` [W].
    ///
    /// Source: REFERENCE.md §1.6, §8 V5.
    public static func smoothedPeak(_ peak: Power, cut: Ratio = gb300PeakCut) -> Power {
        peak * cut.complement.fraction
    }

    /// The envelope over a hierarchy ordered from the rack up (rack, row, hall, site), with
    /// smoothing storage at `levels[storageAt]`: that level and those below it see `f·P` and
    /// need protection for it; levels above see `P`. Each unit at the storage level holds
    /// `(f − 1)·P·t`; the total is the same wherever the storage sits (`Σ = (f − 1)·P_site·t`
    /// when every unit swings together), what changes is the protection rating upstream.
    /// `storageAt == nil`: no storage, every level sees the swing.
    public static func envelope(
        _ levels: [TransientLevel], storageAt: Int?, swingFactor: Double = defaultSwingFactor, duration: Duration
    ) -> [TransientLevelResult] {
        levels.enumerated().map { index, level in
            let swings = storageAt.map { index <= $0 } ?? true
            return TransientLevelResult(
                level: level,
                peak: swings ? protectionRating(steady: level.steady, swingFactor: swingFactor) : level.steady,
                storagePerUnit: index == storageAt
                    ? smoothingStorage(steady: level.steady, swingFactor: swingFactor, duration: duration) : nil)
        }
    }
}
