/// A number recorded for every scenario of a sweep, named with its unit as the CSV column.
public struct SweepMetric: Sendable, Hashable, Identifiable {
    public enum Better: String, Sendable { case lower, higher }

    /// Column name with the unit: `facility_design_mw`.
    public var id: String
    public var title: String
    public var better: Better
    /// Needs the annual plant simulation (`analyses: annual`).
    public var needsAnnual: Bool
    /// Digits after the point the recorded value is rounded to (0: a count, written as an
    /// integer); the CSV and JSON Lines carry the rounded value (DESIGN.md §8.3).
    public var decimals: Int
    public var value: @Sendable (Plan) -> Double?

    public init(
        id: String, title: String, better: Better, needsAnnual: Bool = false, decimals: Int = 6,
        value: @escaping @Sendable (Plan) -> Double?
    ) {
        self.decimals = decimals
        self.id = id
        self.title = title
        self.better = better
        self.needsAnnual = needsAnnual
        self.value = value
    }

    public static func == (lhs: SweepMetric, rhs: SweepMetric) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The value recorded for `plan`: rounded to `decimals`; nil when the plan has none or it is
    /// not finite.
    public func recorded(_ plan: Plan) -> Double? {
        value(plan).flatMap { $0.isFinite ? $0.rounded(decimals: decimals) : nil }
    }

    /// Whether `a` is better than `b` for this metric.
    public func prefers(_ a: Double, over b: Double) -> Bool { better == .lower ? a < b : a > b }

    /// The metrics a sweep can record.
    public static let all: [SweepMetric] = [
        SweepMetric(id: "gpus", title: "GPUs", better: .higher, decimals: 0) { Double($0.total.gpuCount) },
        SweepMetric(id: "it_design_mw", title: "IT power at design [MW]", better: .lower) {
            $0.total.itPower.design.megawatts
        },
        SweepMetric(id: "it_sustained_mw", title: "IT power at sustained utilisation [MW]", better: .lower) {
            $0.total.itPower.sustained.megawatts
        },
        SweepMetric(
            id: "facility_design_mw", title: "Facility power at design (with cooling when simulated) [MW]",
            better: .lower
        ) {
            $0.facilityDesign?.megawatts
        },
        SweepMetric(id: "chain_efficiency_percent", title: "Power-chain efficiency at design [%]", better: .higher) {
            plan in
            plan.electrical.map { plan.total.itPower.design / $0.facilityDesign * 100 }
        },
        SweepMetric(id: "chain_losses_mw", title: "Power-chain losses at design [MW]", better: .lower) {
            $0.electrical?.designLoss.megawatts
        },
        SweepMetric(id: "copper_t", title: "Copper in the power chain, grid to rack [t]", better: .lower, decimals: 3) {
            $0.electrical.map { $0.copper.kilograms / 1000 }
        },
        SweepMetric(id: "main_transformers", title: "Main transformers", better: .lower, decimals: 0) { plan in
            plan.electrical.map { Double($0.grid.mainTransformers?.unitsInstalled ?? 0) }
        },
        SweepMetric(
            id: "cooling_design_mw", title: "Cooling power at the design condition [MW]", better: .lower,
            needsAnnual: true
        ) {
            $0.cooling?.designCoolingPower.megawatts
        },
        SweepMetric(id: "pue", title: "Annual PUE", better: .lower, needsAnnual: true) { $0.cooling?.annual?.pue },
        SweepMetric(id: "wue_l_per_kwh", title: "Annual WUE [L/kWh]", better: .lower, needsAnnual: true) {
            $0.cooling?.annual?.wue
        },
        SweepMetric(id: "facility_energy_gwh", title: "Annual facility energy [GWh]", better: .lower, needsAnnual: true)
        {
            $0.cooling?.annual.map { $0.facilityEnergy.megawattHours / 1000 }
        },
        SweepMetric(
            id: "free_cooling_h", title: "Free-cooling hours (facility water)", better: .higher, needsAnnual: true,
            decimals: 0
        ) {
            $0.cooling?.loop(.liquid).map { Double($0.hoursByMode[.free, default: 0]) }
        },
        SweepMetric(id: "chillers", title: "Chillers installed", better: .lower, needsAnnual: true, decimals: 0) {
            $0.cooling.map { Double($0.loops.reduce(0) { $0 + $1.chillersInstalled }) }
        },
        SweepMetric(id: "capex_musd", title: "Capital cost, typical [M USD]", better: .lower, needsAnnual: true) {
            $0.cost?.capital.typical.millionDollars
        },
        SweepMetric(
            id: "opex_musd_per_year", title: "Operating cost [M USD/yr]", better: .lower, needsAnnual: true
        ) {
            $0.cost?.operating.total.millionDollars
        },
        SweepMetric(id: "npv_musd", title: "Lifetime cost (NPV) [M USD]", better: .lower, needsAnnual: true) {
            $0.cost?.lifetime.typical.millionDollars
        },
        SweepMetric(
            id: "usd_per_gpu_hour", title: "Facility cost per GPU-hour [USD]", better: .lower, needsAnnual: true
        ) {
            $0.cost?.perGPUHour.dollars
        },
        SweepMetric(id: "area_m2", title: "Building and yard area [m²]", better: .lower, decimals: 1) {
            $0.cost?.space.total.squareMetres
        },
    ]

    public static func named(_ id: String) -> SweepMetric? { all.first { $0.id == id } }
}
