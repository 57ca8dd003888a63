import Foundation

/// Capital recovery factor `r/(1 − (1 + r)^−n)` [1/year]: the yearly payment that repays 1 over `n`
/// years at rate `r`; `1/n` when `r = 0`.
public func capitalRecoveryFactor(rate: Ratio, years: Int) -> Double {
    let r = rate.fraction
    let n = Double(years)
    guard r != 0 else { return 1 / n }
    return r / (1 - pow(1 + r, -n))
}

/// What the spec says about money (`cost:`, DESIGN.md §5.16), every key resolved to a value:
/// prices are in US dollars (converted from the spec's currency on loading).
public struct CostChoices: Hashable, Sendable {
    /// The price year the catalogue's unit costs are escalated to.
    public var year: Int
    /// Electricity energy price per MWh.
    public var energyPricePerMegawattHour: Money
    /// Demand (capacity) charge per kW of peak demand and month.
    public var demandChargePerKilowattMonth: Money
    /// Water and sewer price per m³ of make-up water.
    public var waterPricePerCubicMetre: Money
    /// Treatment (chemicals, blow-down handling) per m³ of make-up water.
    public var waterTreatmentPerCubicMetre: Money
    /// Discount rate for the lifetime cost, 0–100 %.
    public var discountRate: Ratio
    /// Years of operation the lifetime cost covers (≥ 1).
    public var horizonYears: Int
    /// Slab loading the white space must carry; nil: not checked.
    public var slabLimit: Pressure?
    /// Where the tariff comes from (the spec, or the cited regional default).
    public var tariffSource: Provenance

    public init(
        year: Int, energyPricePerMegawattHour: Money, demandChargePerKilowattMonth: Money,
        waterPricePerCubicMetre: Money, waterTreatmentPerCubicMetre: Money,
        discountRate: Ratio, horizonYears: Int, slabLimit: Pressure? = nil, tariffSource: Provenance
    ) {
        self.year = year
        self.energyPricePerMegawattHour = energyPricePerMegawattHour
        self.demandChargePerKilowattMonth = demandChargePerKilowattMonth
        self.waterPricePerCubicMetre = waterPricePerCubicMetre
        self.waterTreatmentPerCubicMetre = waterTreatmentPerCubicMetre
        self.discountRate = discountRate
        self.horizonYears = horizonYears
        self.slabLimit = slabLimit
        self.tariffSource = tariffSource
    }

    /// Capital recovery factor at the discount rate over the horizon (``capitalRecoveryFactor(rate:years:)``).
    public var annuityFactor: Double { capitalRecoveryFactor(rate: discountRate, years: horizonYears) }

    /// Present value of 1 a year for `horizonYears`, paid at each year's end: `1/annuityFactor`.
    public var presentValueFactor: Double { 1 / annuityFactor }
}

/// One line of the bill of quantities: an installed item, how many, and what it costs.
public struct BillItem: Hashable, Sendable {
    public var system: CostSystem
    /// The hall the item serves (all copies), or nil for the site's own plant.
    public var hallID: String?
    /// What the item is, e.g. "UPS" or "Row busways".
    public var item: String
    /// The equipment entry (stage, CDU, chiller …) or the conductor level.
    public var entryID: String
    /// The cost entry it is priced by; nil when the catalogue has none (the item is then missing).
    public var costID: String?
    /// Units installed (all copies); 1 for bulk items.
    public var count: Int
    /// Rating of one unit in `measure` (e.g. 1 000 kW); for bulk items the whole quantity.
    public var rating: Double
    public var measure: CostMeasure
    /// Cost per `measure`, in US dollars of the plan's year; nil when missing.
    public var unitCost: CostRange?

    public init(
        system: CostSystem, hallID: String?, item: String, entryID: String, costID: String?, count: Int,
        rating: Double, measure: CostMeasure, unitCost: CostRange?
    ) {
        self.system = system
        self.hallID = hallID
        self.item = item
        self.entryID = entryID
        self.costID = costID
        self.count = count
        self.rating = rating
        self.measure = measure
        self.unitCost = unitCost
    }

    /// `count·rating`, in `measure`.
    public var quantity: Double { Double(count) * rating }
    /// `quantity·unitCost`; zero when missing.
    public var extended: CostRange { unitCost.map { $0 * quantity } ?? .zero }
}

/// Operating cost of one year (typical capital for the maintenance).
public struct OperatingCost: Hashable, Sendable {
    /// Facility energy (and heat-pump electricity) at the energy price.
    public var electricityEnergy: Money
    /// Peak facility demand × demand charge × 12.
    public var electricityDemand: Money
    /// Make-up water at the water price plus its treatment.
    public var water: Money
    /// Each system's capital × its maintenance share.
    public var maintenance: Money
    /// Heat sold to the district network (a revenue, subtracted).
    public var heatRevenue: Money

    public init(
        electricityEnergy: Money, electricityDemand: Money, water: Money, maintenance: Money, heatRevenue: Money
    ) {
        self.electricityEnergy = electricityEnergy
        self.electricityDemand = electricityDemand
        self.water = water
        self.maintenance = maintenance
        self.heatRevenue = heatRevenue
    }

    /// Net cost per year: electricity + water + maintenance − heat revenue.
    public var total: Money { electricityEnergy + electricityDemand + water + maintenance - heatRevenue }
}

/// Floor areas of the site and the slab loading of its white space (DESIGN.md §5.16).
public struct SpaceSummary: Hashable, Sendable {
    public struct Hall: Hashable, Sendable {
        public var id: String
        public var copies: Int
        /// White space of one copy.
        public var whiteSpace: Area
        /// Whether `whiteSpace` comes from the layout (rows × positions) or from racks × a cited area per rack.
        public var fromLayout: Bool
        /// Rack weight over the white space of one copy.
        public var slabLoading: Pressure
        public init(id: String, copies: Int, whiteSpace: Area, fromLayout: Bool, slabLoading: Pressure) {
            self.id = id
            self.copies = copies
            self.whiteSpace = whiteSpace
            self.fromLayout = fromLayout
            self.slabLoading = slabLoading
        }
    }
    public var halls: [Hall]
    /// Electrical rooms (MV, transformers, switchboards, UPS, batteries).
    public var electrical: Area
    /// Mechanical rooms (pumps, heat exchangers, indoor chillers, heat pumps).
    public var mechanical: Area
    /// Outdoor plant yard (economisers, generators).
    public var yard: Area
    /// Heaviest rack over its own footprint, the local slab loading [Pa].
    public var rackFootprintLoading: Pressure

    public init(halls: [Hall], electrical: Area, mechanical: Area, yard: Area, rackFootprintLoading: Pressure) {
        self.halls = halls
        self.electrical = electrical
        self.mechanical = mechanical
        self.yard = yard
        self.rackFootprintLoading = rackFootprintLoading
    }

    /// White space of every hall and copy.
    public var whiteSpace: Area { halls.sum { $0.whiteSpace * Double($0.copies) } }
    /// The building: white space, electrical and mechanical rooms.
    public var building: Area { whiteSpace + electrical + mechanical }
    /// Building and yard.
    public var total: Area { building + yard }
    /// The highest average slab loading of a hall's white space.
    public var slabLoading: Pressure { halls.map(\.slabLoading).max() ?? .zero }
}

/// Capital, operating and lifetime cost of a site, with its bill of quantities (DESIGN.md §5.16).
public struct SiteCost: Hashable, Sendable {
    public var choices: CostChoices
    public var items: [BillItem]
    public var space: SpaceSummary
    public var operating: OperatingCost
    /// Energy and GPUs the per-unit figures divide by.
    public var itEnergyPerYear: Energy
    public var itDesign: Power
    public var gpuCount: Int
    /// Yearly maintenance shares used (per system).
    public var maintenance: [CostSystem: Ratio]

    public init(
        choices: CostChoices, items: [BillItem], space: SpaceSummary, operating: OperatingCost,
        itEnergyPerYear: Energy, itDesign: Power, gpuCount: Int, maintenance: [CostSystem: Ratio]
    ) {
        self.choices = choices
        self.items = items
        self.space = space
        self.operating = operating
        self.itEnergyPerYear = itEnergyPerYear
        self.itDesign = itDesign
        self.gpuCount = gpuCount
        self.maintenance = maintenance
    }

    /// Items installed without a cost entry: the total leaves them out and is incomplete.
    public var missing: [BillItem] { items.filter { $0.unitCost == nil } }
    public var isComplete: Bool { missing.isEmpty }

    /// Capital cost, low / typical / high.
    public var capital: CostRange { items.sum(\.extended) }
    /// Capital per system, in `CostSystem` order (systems without items left out).
    public var bySystem: [(system: CostSystem, cost: CostRange)] {
        CostSystem.allCases.compactMap { system in
            let of = items.filter { $0.system == system }
            return of.isEmpty ? nil : (system, of.sum(\.extended))
        }
    }
    /// Capital per hall (all copies) and the site's own plant (`nil` id), halls first.
    public func capital(hall id: String?) -> CostRange { items.filter { $0.hallID == id }.sum(\.extended) }

    /// Lifetime cost: capital now plus the yearly net operating cost over the horizon, discounted
    /// at the end of each year; `C + O·(1 − (1 + r)^−n)/r`. The range moves the capital and its
    /// maintenance together; energy, water and heat stay typical.
    public var lifetime: CostRange {
        let pv = choices.presentValueFactor
        let maintenanceShare = capital.typical > .zero ? operating.maintenance / capital.typical : 0
        func npv(_ c: Money) -> Money { c + (operating.total - operating.maintenance + c * maintenanceShare) * pv }
        return CostRange(low: npv(capital.low), typical: npv(capital.typical), high: npv(capital.high))
    }

    /// Typical capital over the IT design power, per MW.
    public var capitalPerMegawattIT: Money {
        itDesign > .zero ? capital.typical / itDesign.megawatts : .zero
    }
    /// Typical capital per GPU.
    public var capitalPerGPU: Money { gpuCount > 0 ? capital.typical / Double(gpuCount) : .zero }
    /// Yearly cost: typical capital × annuity factor + net operating cost.
    public var annualCost: Money { capital.typical * choices.annuityFactor + operating.total }
    /// Facility cost per GPU-hour (8 760 h a year; the GPUs themselves not included).
    public var perGPUHour: Money { gpuCount > 0 ? annualCost / (Double(gpuCount) * 8760) : .zero }
    /// Facility cost per MWh of IT energy.
    public var perMegawattHourIT: Money {
        itEnergyPerYear > .zero ? annualCost / itEnergyPerYear.megawattHours : .zero
    }
}
