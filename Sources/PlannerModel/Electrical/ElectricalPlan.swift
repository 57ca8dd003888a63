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

    public init(
        id: String, copies: Int, distribution: Distribution, design: PowerChainResult, sustained: PowerChainResult,
        conductors: [ConductorSizing], transients: [TransientLevelResult]
    ) {
        self.id = id
        self.copies = copies
        self.distribution = distribution
        self.design = design
        self.sustained = sustained
        self.conductors = conductors
        self.transients = transients
    }

    /// Copper of one copy's conductors.
    public var copper: Mass { conductors.sum(\.totalCopper) }
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
    /// Copper in the sized conductor levels, all halls.
    public var copper: Mass
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
        copper: Mass,
        conversionStages: Int, conversions: Int, stageLosses: [StageLoss] = []
    ) {
        self.distribution = distribution
        self.label = label
        self.efficiency = efficiency
        self.designLoss = designLoss
        self.annualLoss = annualLoss
        self.copper = copper
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
    /// The stage entries of the site's own chains, for the report's sources.
    public var stageEntries: [StageEntry]
    /// Cooling electricity at the design condition that the main transformers and the grid
    /// connection also carry (0 until the plant is simulated). Not part of `facilityDesign`.
    public var mechanicalLoad: Power
    /// Where IT is measured for PUE and the partial PUEs (DESIGN.md §5.8).
    public var pueBoundary: PUEBoundary = .iso30134_2

    public init(
        halls: [HallElectrical], mainTransformers: PowerChainResult?, grid: GridConnectionResult,
        facilityDesign: Power, facilitySustained: Power, comparison: [ChainComparison], siteStorage: Energy? = nil,
        stageEntries: [StageEntry] = [], mechanicalLoad: Power = .zero
    ) {
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

    /// Copper in all halls' sized conductors.
    public var copper: Mass { halls.sum { $0.copper * Double($0.copies) } }
}
