import Catalogue
import PlannerModel

/// The standard chains of DESIGN.md §5.2, built from `BuiltInStages`, for one hall (or site)
/// of `racks` racks. Redundancy (DESIGN.md §5.7): main transformers N+1, MV switchgear 2N (A/B
/// feeds); the path stages (MV/LV transformers, LV switchboards; the SSTs in 800 VDC) follow the
/// hall's path topology (`PathTopology.pathStage`, 2N by default: A/B paths), the UPS its
/// modules inside that topology (`PathTopology.upsStage`), the busways come in A/B pairs when
/// the racks take two feeds (`PathTopology.distributionStage`); rack shelves and in-rack
/// converters N+1 in every rack.
///
/// A value holding the entries it builds from rather than reads of `BuiltInStages`' statics:
/// every chain copies its entries, and each copy retains the entries' texts and points (atomic
/// writes to their headers). Sweep workers planning from one set of statics wrote the same
/// headers from both cores; each plans with its own copy instead (`unshared()`).
public struct StandardChains: Sendable {
    public var mainTransformer = BuiltInStages.mainTransformer
    public var mvSwitchgear = BuiltInStages.mvSwitchgear
    public var mvlvTransformer415 = BuiltInStages.mvlvTransformer415
    public var mvlvTransformer480 = BuiltInStages.mvlvTransformer480
    public var lvSwitchboard415 = BuiltInStages.lvSwitchboard415
    public var lvSwitchboard480 = BuiltInStages.lvSwitchboard480
    public var upsDoubleConversion = BuiltInStages.upsDoubleConversion
    public var upsEcoMode = BuiltInStages.upsEcoMode
    public var acBusway415 = BuiltInStages.acBusway415
    public var acBusway480 = BuiltInStages.acBusway480
    public var rackPowerShelf = BuiltInStages.rackPowerShelf
    public var solidStateTransformer = BuiltInStages.solidStateTransformer
    public var dcBusway800 = BuiltInStages.dcBusway800
    public var dcConverter = BuiltInStages.dcConverter

    /// The chains built from the built-in entries.
    public static let builtIn = StandardChains()

    public init() {}

    /// The same chains from entries sharing no heap storage with these (one per sweep worker).
    public func unshared() -> StandardChains {
        let entries: [WritableKeyPath<StandardChains, StageEntry>] = [
            \.mainTransformer, \.mvSwitchgear, \.mvlvTransformer415, \.mvlvTransformer480, \.lvSwitchboard415,
            \.lvSwitchboard480, \.upsDoubleConversion, \.upsEcoMode, \.acBusway415, \.acBusway480, \.rackPowerShelf,
            \.solidStateTransformer, \.dcBusway800, \.dcConverter,
        ]
        var copy = self
        for entry in entries { copy[keyPath: entry] = self[keyPath: entry].unshared() }
        return copy
    }

    /// The chain for a distribution.
    ///
    /// - Parameter mainTransformer: whether the site steps down from transmission voltage itself
    ///   (false when it takes 22.9 kV from KEPCO, see `GridConnection.plan`).
    public func chain(
        _ distribution: Distribution, racks: Int, ups: UPSSpec = UPSSpec(),
        topology: Redundancy = PathTopology.default, mainTransformer: Bool = true
    ) -> PowerChain {
        var chain =
            switch distribution {
            case .ac415: ac(volts: 415, racks: racks, ups: ups, topology: topology)
            case .ac480: ac(volts: 480, racks: racks, ups: ups, topology: topology)
            case .dc800: dc800(racks: racks, topology: topology)
            }
        if !mainTransformer { chain.stages.removeAll { $0.entry.kind == .mainTransformer } }
        return chain
    }

    func mv() -> [PowerStage] {
        [
            PowerStage(name: "Main transformer", entry: mainTransformer, redundancy: .nPlus(1)),
            PowerStage(name: "MV switchgear", entry: mvSwitchgear, redundancy: .twoN),
        ]
    }

    /// Utility → main transformer → MV switchgear → MV/LV transformers → LV switchboard → UPS →
    /// PDU/RPP/busway → rack power shelves (AC → 54 VDC).
    public func ac(volts: Int, racks: Int, ups: UPSSpec = UPSSpec(), topology: Redundancy = PathTopology.default)
        -> PowerChain
    {
        let is480 = volts == 480
        let upsEntry = ups.mode == .eco ? upsEcoMode : upsDoubleConversion
        let path = PathTopology.pathStage(topology)
        return PowerChain(
            name: is480 ? Distribution.ac480.rawValue : Distribution.ac415.rawValue,
            stages: mv() + [
                PowerStage(
                    name: "MV/LV transformers",
                    entry: is480 ? mvlvTransformer480 : mvlvTransformer415,
                    redundancy: path),
                PowerStage(
                    name: "LV switchboard", entry: is480 ? lvSwitchboard480 : lvSwitchboard415,
                    redundancy: path),
                PowerStage(
                    name: "UPS", entry: upsEntry, redundancy: PathTopology.upsStage(topology, modules: ups.redundancy),
                    unitRating: ups.moduleRating),
                PowerStage(
                    name: "AC distribution", entry: is480 ? acBusway480 : acBusway415,
                    redundancy: PathTopology.distributionStage(topology)),
                PowerStage(
                    name: "Rack power shelves", entry: rackPowerShelf, redundancy: .nPlus(1),
                    groups: max(racks, 1)),
            ])
    }

    /// Utility → main transformer → MV switchgear → SST (22.9 kVAC → 800 VDC) → 800 VDC busway →
    /// in-rack 800 → 54 VDC converters. No UPS conversion: ride-through storage sits on the DC bus
    /// (REFERENCE.md §2.1) and is not a conversion stage here.
    public func dc800(racks: Int, topology: Redundancy = PathTopology.default) -> PowerChain {
        PowerChain(
            name: Distribution.dc800.rawValue,
            stages: mv() + [
                PowerStage(
                    name: "SST to 800 VDC", entry: solidStateTransformer, redundancy: PathTopology.pathStage(topology)),
                PowerStage(
                    name: "800 VDC busway", entry: dcBusway800, redundancy: PathTopology.distributionStage(topology)),
                PowerStage(
                    name: "In-rack 800→54 V converters", entry: dcConverter, redundancy: .nPlus(1),
                    groups: max(racks, 1)),
            ])
    }
}
