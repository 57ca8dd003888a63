/// A typed, validated site: what the engine plans. Built by `SiteSpec` from YAML; never holds
/// file-format details. Every choice is resolved: a key the spec leaves out holds its documented
/// default, listed in ``defaultsApplied`` with its source, so the engine and the reports only read.
public struct Site: Hashable, Sendable {
    public var name: String
    public var operatorName: String?
    public var location: String?
    /// Where the site is (`site.latitude`, `site.longitude`); nil when the spec does not say, and
    /// the distance to the weather station is then unchecked.
    public var coordinates: GeoPoint? = nil
    /// Why the spec calls its weather file a stand-in (`site.weather_stand_in`); nil: a stand-in only
    /// when the station is farther than `WeatherStationSummary.standInDistance`.
    public var weatherStandIn: String? = nil
    /// Path of the EPW weather file, already resolved relative to the spec file.
    public var weatherPath: String?
    /// The condition the cooling is sized for when the spec states one: without a weather file
    /// `site.design_conditions` or the cited stand-in; beside a weather file the spec's
    /// `site.design_conditions`, overriding the file's (DESIGN.md §5.14). Nil when the site has a
    /// weather file and states none: the file's design conditions are used.
    public var designCondition: CoolingDesignCondition?
    /// Grid frequency [Hz] (REFERENCE.md D20: 60 Hz in Korea).
    public var gridFrequencyHz: Double
    /// Commissioning month as `YYYY-MM`, which later drives regulatory thresholds.
    public var commissioning: String?
    /// Sustained utilisation of the compute racks for energy (design power is used for sizing).
    public var utilisation: Ratio
    public var halls: [Hall]
    public var electrical: SiteElectrical
    /// Where IT energy is measured for PUE (`site.metrics.pue_boundary`; DESIGN.md §5.8).
    public var pueBoundary: PUEBoundary = .iso30134_2
    /// Cooling equipment and set points: the spec's choices over the catalogue's defaults.
    public var cooling: CoolingChoices
    /// 24 factors on each hall's sustained utilisation, one per local hour (00:00–01:00 first),
    /// for the annual simulation; nil: the sustained utilisation every hour.
    public var dailyProfile: [Ratio]?
    /// Heat recovery into a district-heating network (`heat_recovery:`); nil: none.
    public var heatRecovery: HeatRecoveryChoices?
    /// The rule sets the site is checked against (`compliance:`); nil: none.
    public var compliance: ComplianceChoices?
    /// Cooling-unit placement (`placement:`): its limits, and whether the spec asks for it.
    public var placement: PlacementChoices
    /// Prices, discount rate and horizon for the cost analysis (`cost:`, DESIGN.md §5.16); nil: the
    /// plan is not costed (the loader always sets it).
    public var cost: CostChoices? = nil
    /// The phased build-out (`phases:`, DESIGN.md §5.19), in date order; empty: built at once.
    public var phases: [PhaseChoice] = []
    /// The spec's distributions and sampling choices (`uncertainty:` and values written as
    /// distributions, DESIGN.md §5.20); nil when the spec has neither.
    public var uncertainty: UncertaintyChoices? = nil
    /// The documented defaults the loader applied for keys the spec left out, in spec order.
    public var defaultsApplied: [AppliedDefault]
    /// The region whose defaults the site takes (`site.country`, DESIGN.md §5.17); nil for a site
    /// built in code: Korea's (`resolvedRegion` in Catalogue).
    public var region: RegionDefaults? = nil

    public init(
        name: String, operatorName: String? = nil, location: String? = nil, weatherPath: String? = nil,
        gridFrequencyHz: Double = 60, commissioning: String? = nil, utilisation: Ratio, halls: [Hall],
        electrical: SiteElectrical = SiteElectrical(), cooling: CoolingChoices, dailyProfile: [Ratio]? = nil,
        heatRecovery: HeatRecoveryChoices? = nil, compliance: ComplianceChoices? = nil,
        placement: PlacementChoices = .notPlaced, defaultsApplied: [AppliedDefault] = [],
        designCondition: CoolingDesignCondition? = nil
    ) {
        self.designCondition = designCondition
        self.defaultsApplied = defaultsApplied
        self.placement = placement
        self.heatRecovery = heatRecovery
        self.compliance = compliance
        self.dailyProfile = dailyProfile
        self.cooling = cooling
        self.name = name
        self.operatorName = operatorName
        self.location = location
        self.weatherPath = weatherPath
        self.gridFrequencyHz = gridFrequencyHz
        self.commissioning = commissioning
        self.utilisation = utilisation
        self.halls = halls
        self.electrical = electrical
    }

    /// The site with every hall's utilisation multiplied by `factor`, capped at 100 %.
    public func scalingUtilisation(by factor: Double) -> Site {
        var site = self
        site.utilisation = .fraction(min(1, utilisation.fraction * factor))
        for i in site.halls.indices {
            site.halls[i].utilisation = site.halls[i].utilisation.map { .fraction(min(1, $0.fraction * factor)) }
        }
        return site
    }
}

/// A data hall; `copies` identical halls are planned once and multiplied.
public struct Hall: Hashable, Sendable, Identifiable {
    public var id: String
    public var copies: Int
    public var layout: HallLayout?
    public var rackGroups: [RackGroup]
    /// Overrides the site's utilisation for this hall.
    public var utilisation: Ratio?
    public var power: HallPower

    public init(
        id: String, copies: Int = 1, layout: HallLayout? = nil, rackGroups: [RackGroup], utilisation: Ratio? = nil,
        power: HallPower = HallPower()
    ) {
        self.id = id
        self.copies = copies
        self.layout = layout
        self.rackGroups = rackGroups
        self.utilisation = utilisation
        self.power = power
    }
}

/// The floor grid of a hall: rows of rack positions.
public struct HallLayout: Hashable, Sendable {
    public var rows: Int
    public var racksPerRow: Int
    /// Width of one rack position along the row.
    public var rackPitch: Length
    /// Width of the aisle between rows.
    public var aisle: Length
    /// Candidate sites for cooling units listed in the spec; nil: generated (row ends and walls).
    public var unitSites: [FloorPoint]?

    public init(rows: Int, racksPerRow: Int, rackPitch: Length, aisle: Length, unitSites: [FloorPoint]? = nil) {
        self.unitSites = unitSites
        self.rows = rows
        self.racksPerRow = racksPerRow
        self.rackPitch = rackPitch
        self.aisle = aisle
    }

    /// Rack positions on the grid.
    public var positions: Int { rows * racksPerRow }
}

/// `count` racks of one catalogue entry in one hall (per copy of the hall).
public struct RackGroup: Hashable, Sendable {
    public var system: SystemEntry
    public var count: Int
    public init(system: SystemEntry, count: Int) {
        self.system = system
        self.count = count
    }
}
