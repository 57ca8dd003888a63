/// One stage of a power chain: a catalogue entry, its redundancy, and how units are counted.
///
/// A stage may consist of `groups` identical, independent groups that split the stage load
/// equally, each sized and made redundant on its own: e.g. one group per rack for rack power
/// shelves (N+1 shelves in every rack), one per hall for UPS systems.
public struct PowerStage: Hashable, Sendable {
    /// Display name, e.g. "UPS"; unique within a chain.
    public var name: String
    public var entry: StageEntry
    public var redundancy: Redundancy
    /// Real-power rating of one unit [W]; the entry's unless overridden (e.g. a UPS module size).
    public var unitRating: Power
    /// Independent groups sharing the stage load equally (≥ 1).
    public var groups: Int
    /// Fewest units the load needs in one group, whatever the load (≥ 1).
    public var minimumUnits: Int
    /// Largest per-unit loading in normal operation (`ContinuousLoading`); 100 % unless set.
    public var continuousLimit: Ratio
    /// For a rack-end stage sized per rack type (DESIGN.md §5.8): each type's racks, load share and
    /// PSU configuration, which replace `groups`, `unitRating` and `redundancy` in the sizing.
    /// Empty for every other stage.
    public var rackTypes: [RackTypeSupply] = []

    public init(
        name: String, entry: StageEntry, redundancy: Redundancy, unitRating: Power? = nil, groups: Int = 1,
        minimumUnits: Int = 1, continuousLimit: Ratio = .one
    ) {
        self.continuousLimit = continuousLimit
        self.name = name
        self.entry = entry
        self.redundancy = redundancy
        self.unitRating = unitRating ?? entry.unitRating
        self.groups = groups
        self.minimumUnits = minimumUnits
    }
}

/// A power chain: its stages ordered from the grid to the rack (DESIGN.md §5.2).
public struct PowerChain: Hashable, Sendable {
    /// E.g. "ac-415v", "dc-800v".
    public var name: String
    /// Grid first, rack last.
    public var stages: [PowerStage]

    public init(name: String, stages: [PowerStage]) {
        self.name = name
        self.stages = stages
    }

    /// The problems that make the chain meaningless, as sentences (empty when sound): no stages,
    /// duplicate stage names, a non-positive unit rating, group or minimum count, and the
    /// inconsistencies of each stage's entry.
    public var inconsistencies: [String] {
        var problems: [String] = []
        if stages.isEmpty { problems.append("chain '\(name)' has no stages") }
        var seen: Set<String> = []
        for stage in stages {
            if !seen.insert(stage.name).inserted { problems.append("stage '\(stage.name)' appears twice") }
            if !(stage.unitRating > .zero) {
                problems.append(
                    "stage '\(stage.name)': unit rating must be positive, got "
                        + "\(NumberText.compact(stage.unitRating.kilowatts)) kW"
                )
            }
            if stage.groups < 1 {
                problems.append("stage '\(stage.name)': groups must be at least 1, got \(stage.groups)")
            }
            if stage.minimumUnits < 1 {
                problems.append("stage '\(stage.name)': minimum units must be at least 1, got \(stage.minimumUnits)")
            }
            problems += stage.entry.inconsistencies.map { "stage '\(stage.name)' (\(stage.entry.id)): \($0)" }
        }
        return problems
    }
}

/// One stage of an evaluated chain. Counts and capacities are stage totals (all groups);
/// loadings and the failure case are per group (all groups are alike).
public struct StageResult: Hashable, Sendable {
    public var stage: String
    public var entryID: String
    public var kind: StageKind
    public var groups: Int
    /// Sizing of one group.
    public var perGroup: RedundancySizing
    /// Power delivered downstream [W] (all groups).
    public var loadOut: Power
    /// Power drawn from upstream: `P_in = P_out + P_loss` [W].
    public var loadIn: Power
    /// Loss of all units of the stage [W].
    public var loss: Power
    /// The entry's loss curve the loss was computed with (for the report's hand check).
    public var curve: LossCurve
    /// A rack-end stage sized per rack type (DESIGN.md §5.8): each type's sizing and loss; then
    /// `perGroup` is the type with the highest loading after one failure and the totals below
    /// add the types up. Empty for every other stage.
    public var rackTypes: [RackTypeResult] = []

    public init(
        stage: String, entryID: String, kind: StageKind, groups: Int, perGroup: RedundancySizing, loadOut: Power,
        loadIn: Power, loss: Power, curve: LossCurve = .lossless
    ) {
        self.curve = curve
        self.stage = stage
        self.entryID = entryID
        self.kind = kind
        self.groups = groups
        self.perGroup = perGroup
        self.loadOut = loadOut
        self.loadIn = loadIn
        self.loss = loss
    }

    public var redundancy: Redundancy { perGroup.redundancy }
    public var unitRating: Power { perGroup.unitRating }
    public var unitsRequired: Int {
        rackTypes.isEmpty
            ? perGroup.unitsRequired * groups : rackTypes.reduce(0) { $0 + $1.perGroup.unitsRequired * $1.groups }
    }
    public var unitsInstalled: Int {
        rackTypes.isEmpty
            ? perGroup.unitsInstalled * groups : rackTypes.reduce(0) { $0 + $1.perGroup.unitsInstalled * $1.groups }
    }
    public var installedCapacity: Power {
        rackTypes.isEmpty
            ? perGroup.installedCapacity * Double(groups)
            : rackTypes.sum { $0.perGroup.installedCapacity * Double($0.groups) }
    }
    public var usableCapacity: Power {
        rackTypes.isEmpty
            ? perGroup.usableCapacity * Double(groups)
            : rackTypes.sum { $0.perGroup.usableCapacity * Double($0.groups) }
    }
    public var reserveCapacity: Power { installedCapacity - usableCapacity }
    /// `usable − load`, summed over groups (see `RedundancySizing`).
    public var strandedCapacity: Power {
        rackTypes.isEmpty
            ? perGroup.strandedCapacity * Double(groups)
            : rackTypes.sum { $0.perGroup.strandedCapacity * Double($0.groups) }
    }
    public var loadingNormal: Ratio { perGroup.loadingNormal }
    /// The largest normal loading the stage was sized for (`ContinuousLoading`).
    public var continuousLimit: Ratio { perGroup.continuousLimit }
    public var loadingAfterFailure: Ratio? { perGroup.loadingAfterFailure }
    /// N-1: whether the design load survives the worst single failure in one group (in every rack
    /// type's groups for a rack-end stage sized per type).
    public var survivesWorstFailure: Bool {
        rackTypes.isEmpty ? perGroup.survivesWorstFailure : rackTypes.allSatisfy(\.perGroup.survivesWorstFailure)
    }
    /// The load lost when the worst single failure in one group is not survived (zero when it is): the
    /// failed unit's share `L/s` of its group in an N stage (independent units, e.g. one busway per
    /// run), the group's whole load otherwise (survivors above 100 % trip as well).
    public var loadDroppedByOneFailure: Power {
        if survivesWorstFailure { return .zero }
        let group = perGroup.load
        if case .n = redundancy { return group / Double(max(perGroup.unitsSharingLoad, 1)) }
        return group
    }

    /// Whether the stage is the rack-side distribution (busways, PDUs, the 800 VDC busway).
    public var isDistribution: Bool { kind == .acDistribution || kind == .dcBusway }

    /// The stage's topology in words: busways under 2N are A/B pairs (DESIGN.md §5.7).
    public var topologyDescription: String {
        isDistribution && redundancy == .twoN
            ? "A/B busway pairs, each able to carry its run alone" : redundancy.topologyDescription
    }

    /// What the stage's worst single failure takes out: for busway pairs, the A member of every pair.
    public var worstFailure: String {
        isDistribution && redundancy == .twoN
            ? "busway A of each pair (\(perGroup.unitsRequired) units)" : perGroup.worstFailure
    }

    /// `P_out/P_in`.
    public var efficiency: Ratio { .fraction(loadIn > .zero ? loadOut / loadIn : 1) }
    public var conversions: Int { kind.conversions }
}

/// The N-1 case of one unit class: what fails, whether the load survives, the survivors' loading.
public struct SingleFailureCase: Hashable, Sendable {
    public var stage: String
    /// E.g. "one unit", "system A (5 units)".
    public var failed: String
    public var survives: Bool
    /// Per-unit loading of the survivors; nil when none survive.
    public var survivorLoading: Ratio?
    /// The stage's redundancy (its topology).
    public var redundancy: Redundancy
    /// The topology in words (`StageResult.topologyDescription`).
    public var topology: String
    /// The load that drops when the failure is not survived: the failed unit's share of its
    /// group, times the groups (all alike) when one failure per group is counted; zero when survived.
    public var loadDropped: Power
    /// Whether the case is one rack type's shelves of a rack-end stage sized per rack type
    /// (reported per rack type by the rack-PSU findings).
    public var perRackType = false

    public init(
        stage: String, failed: String, survives: Bool, survivorLoading: Ratio?, redundancy: Redundancy = .n,
        loadDropped: Power = .zero, topology: String? = nil
    ) {
        self.redundancy = redundancy
        self.topology = topology ?? redundancy.topologyDescription
        self.loadDropped = loadDropped
        self.stage = stage
        self.failed = failed
        self.survives = survives
        self.survivorLoading = survivorLoading
    }
}

/// An evaluated chain at one IT load.
public struct PowerChainResult: Hashable, Sendable {
    public var chain: String
    /// The load at the rack end [W].
    public var itLoad: Power
    /// Grid first, rack last, like the chain.
    public var stages: [StageResult]

    public init(chain: String, itLoad: Power, stages: [StageResult]) {
        self.chain = chain
        self.itLoad = itLoad
        self.stages = stages
    }

    /// Power drawn from the grid: the first stage's input, or the IT load for an empty chain [W].
    public var gridInput: Power { stages.first?.loadIn ?? itLoad }
    /// Σ stage losses [W]. Energy balance: `gridInput = itLoad + totalLoss` (to rounding).
    public var totalLoss: Power { stages.sum(\.loss) }
    /// End-to-end efficiency `IT/grid`.
    public var efficiency: Ratio { .fraction(gridInput > .zero ? itLoad / gridInput : 1) }
    /// Stages that convert voltage level or AC/DC form.
    public var conversionStages: Int { stages.filter { $0.conversions > 0 }.count }
    /// Σ conversions (a double-conversion UPS counts two).
    public var conversions: Int { stages.reduce(0) { $0 + $1.conversions } }
    /// N-1 per unit class (stage), grid first.
    /// A rack-end stage sized per rack type gives one case per type, named `stage (rack type)`.
    public var singleFailures: [SingleFailureCase] {
        stages.flatMap { stage in
            guard !stage.rackTypes.isEmpty else {
                return [
                    SingleFailureCase(
                        stage: stage.stage, failed: stage.worstFailure, survives: stage.survivesWorstFailure,
                        survivorLoading: stage.loadingAfterFailure, redundancy: stage.redundancy,
                        loadDropped: stage.loadDroppedByOneFailure, topology: stage.topologyDescription)
                ]
            }
            return stage.rackTypes.map { type in
                var failure = SingleFailureCase(
                    stage: "\(stage.stage) (\(type.supply.rackType))", failed: type.perGroup.worstFailure,
                    survives: type.perGroup.survivesWorstFailure, survivorLoading: type.perGroup.loadingAfterFailure,
                    redundancy: type.perGroup.redundancy,
                    loadDropped: type.perGroup.survivesWorstFailure ? .zero : type.perGroup.load,
                    topology: "\(type.perGroup.redundancy) in each rack")
                failure.perRackType = true
                return failure
            }
        }
    }
}
