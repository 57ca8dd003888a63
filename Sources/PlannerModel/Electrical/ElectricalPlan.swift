/// The power chain of one hall, evaluated (DESIGN.md §5.2). Figures are per copy of the hall
/// unless named `total`.
public struct HallElectrical: Hashable, Sendable, Identifiable {
    public var id: String
    public var copies: Int
    public var distribution: Distribution
    /// The chain sized for and evaluated at the hall's design IT power.
    public var design: PowerChainResult
    /// The same installed chain evaluated at the hall's sustained IT power (for energy).
    public var sustained: PowerChainResult
    /// Conductor levels from the electrical room to the racks.
    public var conductors: [ConductorSizing]
    /// The transient envelope, rack level first.
    public var transients: [TransientLevelResult]
    /// Conductor metal of one copy by level, MV cables to rack drops (DESIGN.md §5.9): the hall's
    /// share of the whole chain (the main transformers and the cables from them are the site's).
    public var metal: [MetalMass]
    /// The path topology of a standard chain (`PathTopology`); nil for a custom chain.
    public var topology: Redundancy?

    public init(
        id: String, copies: Int, distribution: Distribution, design: PowerChainResult, sustained: PowerChainResult,
        conductors: [ConductorSizing], transients: [TransientLevelResult], topology: Redundancy? = nil,
        metal: [MetalMass] = []
    ) {
        self.metal = metal
        self.topology = topology
        self.id = id
        self.copies = copies
        self.distribution = distribution
        self.design = design
        self.sustained = sustained
        self.conductors = conductors
        self.transients = transients
    }

    /// Copper of one copy's sized row busways and rack drops (the levels `conductors` holds).
    public var conductorCopper: Mass { conductors.sum(\.totalCopper) }
    /// Copper of one copy's whole chain, every level of `metal`.
    public var copper: Mass { metal.copper }
    /// One copy's whole chain in aluminium of equal resistance.
    public var aluminium: Mass { metal.aluminium }
}

/// One distribution's figures for the whole site at the same IT load: what the "AC vs 800 VDC"
/// comparison shows.
public struct ChainComparison: Hashable, Sendable {
    /// The distribution of the site's first hall; see `label` for mixed or custom sites.
    public var distribution: Distribution
    /// `ac-415v`, `ac-480v` or `dc-800v`, or "as specified (mixed or custom)" when the site's
    /// halls use different distributions or custom chains.
    public var label: String
    /// IT design power over grid input at design (hall chains and main transformers).
    public var efficiency: Ratio
    /// Chain losses at design power, all halls and the main transformers.
    public var designLoss: Power
    /// Chain losses at sustained power over a year of 8,760 h.
    public var annualLoss: Energy
    /// Copper of the whole chain, all halls and the site's levels (DESIGN.md §5.9).
    public var copper: Mass { metal.copper }
    /// The same conductors in aluminium of equal resistance.
    public var aluminium: Mass { metal.aluminium }
    /// Conductor metal by level, all halls and copies and the site's levels.
    public var metal: [MetalMass]
    /// Stages that convert (voltage level or AC/DC form), grid to chip.
    public var conversionStages: Int
    /// Conversions counted one per converter (a double-conversion UPS counts two).
    public var conversions: Int
    /// Loss at design power per stage name, grid first, summed over halls and copies.
    public var stageLosses: [StageLoss]
    /// Loss of the rack-end stages at design (power shelves, in-rack converters), all halls.
    public var rackConversionLoss: Power = .zero
    /// Partial PUE of the power chain at design, at the site's PUE boundary:
    /// `facility / IT_boundary` with `IT_boundary = IT + rack-end loss` under ISO/IEC 30134-2.
    public var partialPUEPower: Double = 0

    public struct StageLoss: Hashable, Sendable {
        public var stage: String
        public var loss: Power
        public init(stage: String, loss: Power) {
            self.stage = stage
            self.loss = loss
        }
    }

    public init(
        distribution: Distribution, label: String, efficiency: Ratio, designLoss: Power, annualLoss: Energy,
        metal: [MetalMass],
        conversionStages: Int, conversions: Int, stageLosses: [StageLoss] = []
    ) {
        self.distribution = distribution
        self.label = label
        self.efficiency = efficiency
        self.designLoss = designLoss
        self.annualLoss = annualLoss
        self.metal = metal
        self.conversionStages = conversionStages
        self.conversions = conversions
        self.stageLosses = stageLosses
    }
}

/// The site's electrical result: every hall's chain, the main transformers and the grid
/// connection, and the comparison of distributions.
public struct SiteElectricalResult: Hashable, Sendable {
    public var halls: [HallElectrical]
    /// The main transformers evaluated at the site's design load; nil when the site takes
    /// 22.9 kV directly.
    public var mainTransformers: PowerChainResult?
    public var grid: GridConnectionResult
    /// IT at design plus every chain loss: what the grid supplies at design.
    public var facilityDesign: Power
    /// The same at sustained load.
    public var facilitySustained: Power
    /// One row per distribution, the site's own first.
    public var comparison: [ChainComparison]
    /// Smoothing storage held at site level, `(f − 1)·P·t` [J]; nil when it sits lower or nowhere.
    public var siteStorage: Energy?
    /// Conductor metal of the site's own levels: main transformer windings and the MV cables
    /// from them to the halls (DESIGN.md §5.9).
    public var siteMetal: [MetalMass]
    /// The stage entries of the site's own chains, for the report's sources.
    public var stageEntries: [StageEntry]
    /// Cooling electricity at the design condition that the main transformers and the grid
    /// connection also carry (0 until the plant is simulated). Not part of `facilityDesign`.
    public var mechanicalLoad: Power
    /// The regional rule table the interconnect was chosen by.
    public var gridRules: GridRuleTable?
    /// The site's MV distribution voltage (`SiteElectrical.mediumVoltage`).
    public var mediumVoltage: Voltage = .kilovolts(22.9)
    /// Load step, ramp and the storage that holds it within the limit (DESIGN.md §5.10).
    public var study: InterconnectionStudy?
    /// UPS batteries and standby generators (DESIGN.md §5.10).
    public var backup: BackupPower?
    /// Where IT is measured for PUE and the partial PUEs (DESIGN.md §5.8).
    public var pueBoundary: PUEBoundary = .iso30134_2

    public init(
        halls: [HallElectrical], mainTransformers: PowerChainResult?, grid: GridConnectionResult,
        facilityDesign: Power, facilitySustained: Power, comparison: [ChainComparison], siteStorage: Energy? = nil,
        stageEntries: [StageEntry] = [], mechanicalLoad: Power = .zero, siteMetal: [MetalMass] = []
    ) {
        self.siteMetal = siteMetal
        self.mechanicalLoad = mechanicalLoad
        self.stageEntries = stageEntries
        self.halls = halls
        self.mainTransformers = mainTransformers
        self.grid = grid
        self.facilityDesign = facilityDesign
        self.facilitySustained = facilitySustained
        self.comparison = comparison
        self.siteStorage = siteStorage
    }

    /// Chain losses at design: every hall copy and the main transformers.
    public var designLoss: Power {
        halls.sum { $0.design.totalLoss * Double($0.copies) } + (mainTransformers?.totalLoss ?? .zero)
    }

    /// Conductor metal of the whole chain by level: every hall copy and the site's levels.
    public var metal: [MetalMass] {
        (siteMetal + halls.flatMap { hall in hall.metal.map { $0.scaled(Double(hall.copies)) } }).byLevel
    }
    /// Copper of the whole chain (DESIGN.md §5.9).
    public var copper: Mass { metal.copper }
    /// The whole chain's conductors in aluminium of equal resistance.
    public var aluminium: Mass { metal.aluminium }
    /// Copper of the sized row busways and rack drops only, all halls (the subset counted before
    /// the whole chain was).
    public var conductorCopper: Mass { halls.sum { $0.conductorCopper * Double($0.copies) } }
}
