/// The placement choices of a site (`placement:` in the spec): placement runs for every hall with
/// a layout when ``enabled`` (the section is present); the limits apply whenever placement runs,
/// `dcplan benchmark --placement` included.
public struct PlacementChoices: Hashable, Sendable {
    /// Whether the plan places the cooling units (the spec has a `placement:` section).
    public var enabled: Bool
    /// Wall-clock limit per MILP; a time-out is a status, never a crash.
    public var timeLimit: Duration
    /// Relative MIP gap at which branch-and-cut stops.
    public var mipGap: Ratio
    /// Pitch of the generated candidate sites along the front and back walls.
    public var sitePitch: Length

    /// Placement on with the documented defaults: 60 s, 0.5 % (issue target), 3 m (one 1.2 m unit
    /// plus 1.8 m service clearance, L).
    public static let defaults = PlacementChoices(
        enabled: true, timeLimit: .seconds(60), mipGap: .percent(0.5), sitePitch: .metres(3))

    /// No `placement:` section: the defaults, placement off.
    public static let notPlaced: PlacementChoices = {
        var choices = defaults
        choices.enabled = false
        return choices
    }()

    public init(enabled: Bool, timeLimit: Duration, mipGap: Ratio, sitePitch: Length) {
        self.enabled = enabled
        self.timeLimit = timeLimit
        self.mipGap = mipGap
        self.sitePitch = sitePitch
    }
}
