/// The electrical choices of one hall (`halls[].power` in the spec).
public struct HallPower: Hashable, Sendable {
    public var distribution: Distribution
    /// The paths, systems or blocks below the MV switchgear (`PathTopology`): 2N by default.
    public var topology: Redundancy
    /// The UPS modules and their redundancy inside one frame (N+k: paralleled on one bus).
    public var ups: UPSSpec
    /// Cable or busway run from the hall's electrical room to the nearest end of the rack rows;
    /// the run to a rack adds the distance along the rows (15 m default, an estimate, L).
    public var electricalRoomDistance: Length
    /// Stages given one by one in the spec, 22.9 kV first, replacing the standard chain of
    /// `distribution`; rack-level stages (shelves, in-rack converters) get one group per rack.
    public var customChain: [PowerStage]?

    public static let defaultElectricalRoomDistance = Length.metres(15)

    public init(
        distribution: Distribution = .ac415, topology: Redundancy = PathTopology.default, ups: UPSSpec = UPSSpec(),
        electricalRoomDistance: Length = HallPower.defaultElectricalRoomDistance, customChain: [PowerStage]? = nil
    ) {
        self.distribution = distribution
        self.topology = topology
        self.ups = ups
        self.electricalRoomDistance = electricalRoomDistance
        self.customChain = customChain
    }
}

/// Where the storage that smooths synchronous-training power swings sits.
public enum SmoothingLevel: String, Hashable, Sendable, CaseIterable {
    case rack, row, hall, site, none
}

/// Site-wide electrical choices (`site.grid` and `power` in the spec).
public struct SiteElectrical: Hashable, Sendable {
    /// Interconnect voltage set by the spec; nil: chosen by the KEPCO rule table.
    public var interconnectVoltage: Voltage?
    /// Capacity the utility contract or connection allows; nil: sized to the demand.
    public var gridCapacity: Power?
    /// Redundancy of the main (grid) transformers.
    public var mainTransformers: Redundancy
    /// Largest voltage drop accepted on a conductor run, as a share of nominal voltage (3 %).
    public var voltageDropLimit: Ratio
    /// Peak over steady power in a synchronous-training swing (1.4, REFERENCE.md §1.6, L).
    public var swingFactor: Double
    /// How long a swing lasts (the ms scale of REFERENCE.md §1.6; 20 ms default, L).
    public var swingDuration: Duration
    public var smoothing: SmoothingLevel
    /// Largest normal loading of each kind of stage (`ContinuousLoading.nec` by default).
    public var continuousLoading: ContinuousLoading
    /// The regional interconnect rules (`site.grid.rules`); nil: KEPCO's (the engine's default).
    public var gridRules: GridRuleTable?
    /// The interconnection-study choices (`site.grid.study`).
    public var study: InterconnectionStudyChoices
    /// UPS autonomy and standby generators (`site.backup`).
    public var backup: BackupPowerChoices
    /// The site's MV distribution voltage, the region's (DESIGN.md §5.17): main transformers'
    /// secondary, site MV bus, hall incomers. 22.9 kV (Korea) unless the loader sets it.
    public var mediumVoltage: Voltage = .kilovolts(22.9)

    public init(
        interconnectVoltage: Voltage? = nil, gridCapacity: Power? = nil, mainTransformers: Redundancy = .nPlus(1),
        voltageDropLimit: Ratio = .percent(3), swingFactor: Double = 1.4, swingDuration: Duration = .milliseconds(20),
        smoothing: SmoothingLevel = .rack, continuousLoading: ContinuousLoading = .nec,
        gridRules: GridRuleTable? = nil, study: InterconnectionStudyChoices = InterconnectionStudyChoices(),
        backup: BackupPowerChoices = BackupPowerChoices()
    ) {
        self.continuousLoading = continuousLoading
        self.gridRules = gridRules
        self.study = study
        self.backup = backup
        self.interconnectVoltage = interconnectVoltage
        self.gridCapacity = gridCapacity
        self.mainTransformers = mainTransformers
        self.voltageDropLimit = voltageDropLimit
        self.swingFactor = swingFactor
        self.swingDuration = swingDuration
        self.smoothing = smoothing
    }
}
