import Catalogue
import PlannerModel

/// The standard chains of DESIGN.md §5.2, built from `BuiltInStages`, for one hall (or site)
/// of `racks` racks. Redundancy defaults (L, overridable by building a chain by hand): main
/// transformers N+1, MV switchgear 2N (A/B feeds), LV path (MV/LV transformers, LV switchboard,
/// UPS; the SSTs in 800 VDC) the UPS spec's topology, distribution N (A/B feeds are modelled
/// upstream), rack shelves and in-rack converters N+1 in every rack.
public enum StandardChains {
    /// The chain for a distribution.
    ///
    /// - Parameter mainTransformer: whether the site steps down from transmission voltage itself
    ///   (false when it takes 22.9 kV from KEPCO, see `GridConnection.plan`).
    public static func chain(
        _ distribution: Distribution, racks: Int, ups: UPSSpec = UPSSpec(), mainTransformer: Bool = true
    ) -> PowerChain {
        var chain =
            switch distribution {
            case .ac415: ac(volts: 415, racks: racks, ups: ups)
            case .ac480: ac(volts: 480, racks: racks, ups: ups)
            case .dc800: dc800(racks: racks, lvPath: ups.redundancy)
            }
        if !mainTransformer { chain.stages.removeAll { $0.entry.kind == .mainTransformer } }
        return chain
    }

    static func mv() -> [PowerStage] {
        [
            PowerStage(name: "Main transformer", entry: BuiltInStages.mainTransformer, redundancy: .nPlus(1)),
            PowerStage(name: "MV switchgear", entry: BuiltInStages.mvSwitchgear, redundancy: .twoN),
        ]
    }

    /// Utility → main transformer → MV switchgear → MV/LV transformers → LV switchboard → UPS →
    /// PDU/RPP/busway → rack power shelves (AC → 54 VDC).
    public static func ac(volts: Int, racks: Int, ups: UPSSpec = UPSSpec()) -> PowerChain {
        let is480 = volts == 480
        let upsEntry = ups.mode == .eco ? BuiltInStages.upsEcoMode : BuiltInStages.upsDoubleConversion
        return PowerChain(
            name: is480 ? Distribution.ac480.rawValue : Distribution.ac415.rawValue,
            stages: mv() + [
                PowerStage(
                    name: "MV/LV transformers",
                    entry: is480 ? BuiltInStages.mvlvTransformer480 : BuiltInStages.mvlvTransformer415,
                    redundancy: ups.redundancy),
                PowerStage(
                    name: "LV switchboard", entry: is480 ? BuiltInStages.lvSwitchboard480 : BuiltInStages.lvSwitchboard415,
                    redundancy: ups.redundancy),
                PowerStage(name: "UPS", entry: upsEntry, redundancy: ups.redundancy, unitRating: ups.moduleRating),
                PowerStage(
                    name: "AC distribution", entry: is480 ? BuiltInStages.acBusway480 : BuiltInStages.acBusway415,
                    redundancy: .n),
                PowerStage(
                    name: "Rack power shelves", entry: BuiltInStages.rackPowerShelf, redundancy: .nPlus(1),
                    groups: max(racks, 1)),
            ])
    }

    /// Utility → main transformer → MV switchgear → SST (22.9 kVAC → 800 VDC) → 800 VDC busway →
    /// in-rack 800 → 54 VDC converters. No UPS conversion: ride-through storage sits on the DC bus
    /// (REFERENCE.md §2.1) and is not a conversion stage here.
    public static func dc800(racks: Int, lvPath: Redundancy = .nPlus(1)) -> PowerChain {
        PowerChain(
            name: Distribution.dc800.rawValue,
            stages: mv() + [
                PowerStage(name: "SST to 800 VDC", entry: BuiltInStages.solidStateTransformer, redundancy: lvPath),
                PowerStage(name: "800 VDC busway", entry: BuiltInStages.dcBusway800, redundancy: .n),
                PowerStage(
                    name: "In-rack 800→54 V converters", entry: BuiltInStages.dcConverter, redundancy: .nPlus(1),
                    groups: max(racks, 1)),
            ])
    }
}
