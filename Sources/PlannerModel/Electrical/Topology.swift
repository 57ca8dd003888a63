/// How a hall's distribution below the MV switchgear is built (DESIGN.md §5.7): the paths,
/// systems or blocks that MV/LV transformers, LV switchboards, UPS systems and busways belong
/// to. Separate transformers each feeding their own switchboard cannot share load as a pool:
/// a redundant unit of this level is a whole path, system or block, never a spare transformer.
/// N+k applies only to units paralleled on one bus (UPS modules in a frame, `UPSSpec`).
///
/// Spelled like a redundancy (`2N`, `4N/3`, `block`, `N`) and stored as one; `N+k` and `2(N+1)`
/// are not path topologies (`PathTopology.problem(with:)`).
public enum PathTopology {
    /// 2N, A/B paths to dual-corded racks: the concurrently maintainable default of an AI hall
    /// (Uptime Tier III, two paths, REFERENCE.md P49; NVIDIA's DGX SuperPOD asks for Tier 3 or
    /// TIA-942 Rated 3, P55; every IT load dual-powered as in P50).
    public static let `default` = Redundancy.twoN

    /// Why `topology` cannot be a hall's path topology, as a sentence; nil when it can.
    public static func problem(with topology: Redundancy) -> String? {
        switch topology {
        case .n, .twoN, .distributed, .block: nil
        case .nPlus:
            "N+k applies only to units paralleled on one bus (UPS modules in a frame: "
                + "halls[].power.ups.topology); separate transformers each feeding their own switchboard cannot "
                + "share load as a pool; choose 2N, xN/y (e.g. 4N/3), block or N"
        case .twoNPlusOne:
            "2(N+1) is two paths of N+1 UPS modules: set topology: 2N and ups.topology: N+1"
        }
    }

    /// Whether every rack takes two feeds from two different paths or systems (2N, 2(N+1), xN/y):
    /// the racks must be dual-corded.
    public static func feedsRacksTwice(_ topology: Redundancy) -> Bool {
        switch topology {
        case .twoN, .twoNPlusOne, .distributed: true
        case .n, .nPlus, .block: false
        }
    }

    /// The redundancy of a path stage (MV/LV transformers, LV switchboards, SSTs) under a topology:
    /// the topology itself, its unit of failure a path, system or block.
    public static func pathStage(_ topology: Redundancy) -> Redundancy { topology }

    /// The redundancy of the UPS stage: in a 2N hall each path is a frame of paralleled modules,
    /// so N modules make 2N and N+k make 2(N+1) (one spare per path: the model's only 2(N+k)); in
    /// xN/y and block halls the system or block is the redundant unit (its modules counted N); in
    /// a single-path hall the modules on their one bus (N+k, the only pool).
    public static func upsStage(_ topology: Redundancy, modules: Redundancy) -> Redundancy {
        switch topology {
        case .twoN:
            switch modules {
            case .n: .twoN
            case .nPlus: .twoNPlusOne
            default: modules
            }
        case .n, .nPlus: modules
        case .twoNPlusOne, .distributed, .block: topology
        }
    }

    /// The redundancy of the rack-side distribution (busways, PDUs, 800 VDC busways): A and B
    /// busways in pairs, each able to carry the row after its partner fails, when the racks take
    /// two feeds; one busway per run (N) otherwise.
    public static func distributionStage(_ topology: Redundancy) -> Redundancy {
        feedsRacksTwice(topology) ? .twoN : .n
    }
}

extension Redundancy {
    /// What the topology is, in words, for the report and plan.json.
    public var topologyDescription: String {
        switch self {
        case .n: "single path, no redundant unit"
        case .nPlus(let k): "\(k) spare unit\(k == 1 ? "" : "s") paralleled on one bus"
        case .twoN: "A/B paths, each sized for the whole load"
        case .twoNPlusOne: "A/B paths, each a frame of N+1 paralleled units"
        case .distributed(let x, let y): "\(x) systems, each for 1/\(y) of the load, every rack on two"
        case .block(let reserve): "\(reserve) idle catcher block\(reserve == 1 ? "" : "s") behind transfer switches"
        }
    }
}

/// The largest share of its rating a stage may carry continuously in normal operation, by what
/// the stage is (DESIGN.md §5.7). Breakers, switchboards, busways and cables 80 %: NEC's 125 %
/// rule for continuous loads (REFERENCE.md P39-P43) read from the load side (1/1.25 = 0.8);
/// transformers, UPS and converters by their own ratings, 100 % (P46-P48 treat transformer
/// loading by temperature, not by a continuous-load factor). After a failure every stage may
/// reach 100 %.
public struct ContinuousLoading: Hashable, Sendable {
    /// MV switchgear and LV switchboards (their breakers).
    public var switchgear: Ratio
    /// Main, MV/LV transformers.
    public var transformer: Ratio
    /// UPS, either mode.
    public var ups: Ratio
    /// PDUs, RPPs, AC and 800 VDC busways, and the conductors of the rack side.
    public var distribution: Ratio
    /// Converters rated by their makers: solid-state transformers, rack power shelves, in-rack converters.
    public var converter: Ratio

    /// 80 % for breakers and distribution (NEC's 125 % rule), 100 % for the rest.
    public static let nec = ContinuousLoading()
    /// 100 % everywhere (no continuous-load margin): the rating alone.
    public static let ratingOnly = ContinuousLoading(switchgear: .one, distribution: .one)

    public init(
        switchgear: Ratio = .percent(80), transformer: Ratio = .one, ups: Ratio = .one,
        distribution: Ratio = .percent(80), converter: Ratio = .one
    ) {
        self.switchgear = switchgear
        self.transformer = transformer
        self.ups = ups
        self.distribution = distribution
        self.converter = converter
    }

    /// The limit of a stage of this kind.
    public func limit(for kind: StageKind) -> Ratio {
        switch kind {
        case .mvSwitchgear, .lvSwitchboard: switchgear
        case .mainTransformer, .mvlvTransformer: transformer
        case .upsDoubleConversion, .upsEcoMode: ups
        case .acDistribution, .dcBusway: distribution
        case .solidStateTransformer, .rackPowerShelf, .dcConverter: converter
        }
    }
}
