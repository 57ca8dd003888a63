/// The plant's water pumps (DESIGN.md §5.13): heads per loop, wire-to-water efficiency, the
/// lowest speed of the variable-speed drives.
public struct PlantPumps: Hashable, Sendable {
    /// Facility-water pumps (primary + secondary) to the CDUs: 25 m, the head that gives ASHRAE 90.1
    /// Appendix G's 9 + 13 = 22 W/gpm at 70 % wire-to-water (REFERENCE.md C61, P310).
    public var facilityWaterHead: Length
    /// Air-coil water pumps (primary + secondary) to the fan walls or CRAHs: as the facility water.
    public var airCoilWaterHead: Length
    /// Condenser-water pumps of water-cooled chillers: 21 m, Appendix G's 19 W/gpm at 70 %
    /// (REFERENCE.md C61).
    public var condenserWaterHead: Length
    /// Pump × motor × drive ("wire to water"), 70 % (REFERENCE.md C61's derivation, P310).
    public var efficiency: Ratio
    /// The lowest flow ratio of the variable-speed pumps, 30 % (REFERENCE.md P311, L).
    public var minimumSpeed: Ratio

    public init(
        facilityWaterHead: Length, airCoilWaterHead: Length, condenserWaterHead: Length, efficiency: Ratio,
        minimumSpeed: Ratio
    ) {
        self.facilityWaterHead = facilityWaterHead
        self.airCoilWaterHead = airCoilWaterHead
        self.condenserWaterHead = condenserWaterHead
        self.efficiency = efficiency
        self.minimumSpeed = minimumSpeed
    }

    /// The cited defaults (REFERENCE.md C61, P310, P311).
    public static let standard = PlantPumps(
        facilityWaterHead: .metres(25), airCoilWaterHead: .metres(25), condenserWaterHead: .metres(21),
        efficiency: .fraction(0.70), minimumSpeed: .fraction(0.30))

    /// The head of one loop's distribution pumps.
    public func head(_ kind: CoolingLoop.Kind) -> Length {
        switch kind {
        case .liquid: facilityWaterHead
        case .air: airCoilWaterHead
        }
    }
}

/// House loads (DESIGN.md §5.13): lighting, offices, security, BMS and the cooling of electrical
/// rooms, a constant draw all year: a share of the IT design power, a power density over the
/// support area, or both added (e.g. a share for the electrical rooms and a density for offices).
public enum HouseLoads: Hashable, Sendable {
    /// A share of the IT design power (default 1 %, REFERENCE.md P312, L).
    case shareOfIT(Ratio)
    /// A power density over the support (non-white) space.
    case perArea(wattsPerSquareMetre: Double, area: Area)
    /// Both: `share·P_IT + density·area`.
    case shareAndArea(Ratio, wattsPerSquareMetre: Double, area: Area)

    public static let standard = HouseLoads.shareOfIT(.fraction(0.01))

    /// The house loads of a site with `itDesign` of IT at design [W].
    public func power(itDesign: Power) -> Power {
        switch self {
        case .shareOfIT(let share): itDesign * share.fraction
        case .perArea(let density, let area): .watts(density * area.squareMetres)
        case .shareAndArea(let share, let density, let area):
            itDesign * share.fraction + .watts(density * area.squareMetres)
        }
    }
}

/// The pumps of one loop at the design condition (DESIGN.md §5.13).
public struct LoopPumps: Hashable, Sendable {
    /// Distribution flow for the loop's heat at its rise [m³/s].
    public var flow: VolumetricFlow
    public var head: Length
    /// Distribution pumps at design [W].
    public var power: Power
    /// Condenser-water flow for the chillers' condenser heat at design (zero without water-cooled
    /// chillers running at design) [m³/s].
    public var condenserFlow: VolumetricFlow
    public var condenserHead: Length
    /// Condenser-water pumps at design [W].
    public var condenserPower: Power

    public init(
        flow: VolumetricFlow, head: Length, power: Power, condenserFlow: VolumetricFlow, condenserHead: Length,
        condenserPower: Power
    ) {
        self.flow = flow
        self.head = head
        self.power = power
        self.condenserFlow = condenserFlow
        self.condenserHead = condenserHead
        self.condenserPower = condenserPower
    }

    /// All pumps of the loop at design.
    public var total: Power { power + condenserPower }
}
