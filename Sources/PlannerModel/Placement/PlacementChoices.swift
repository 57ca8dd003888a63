/// The placement choices of a site (`placement:` in the spec): placement runs for every hall with
/// a layout when the section is present.
public struct PlacementChoices: Hashable, Sendable {
    /// Wall-clock limit per MILP; a time-out is a status, never a crash.
    public var timeLimit: Duration
    /// Relative MIP gap at which branch-and-cut stops.
    public var mipGap: Ratio
    /// Pitch of the generated candidate sites along the front and back walls.
    public var sitePitch: Length

    /// 60 s, 0.5 % (issue target), 3 m (one 1.2 m unit plus 1.8 m service clearance, L).
    public static let defaults = PlacementChoices(timeLimit: .seconds(60), mipGap: .percent(0.5), sitePitch: .metres(3))

    public init(timeLimit: Duration, mipGap: Ratio, sitePitch: Length) {
        self.timeLimit = timeLimit
        self.mipGap = mipGap
        self.sitePitch = sitePitch
    }
}
