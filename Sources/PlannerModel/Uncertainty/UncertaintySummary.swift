/// The bands of a plan's headline figures over a Latin hypercube of its uncertain inputs
/// (DESIGN.md §5.20): what `plan.json` calls `uncertainty`.
public struct UncertaintySummary: Hashable, Sendable {
    /// One headline figure: the deterministic plan's value, its P10 / P50 / P90 over the samples,
    /// and the inputs that drive it most.
    public struct Band: Hashable, Sendable {
        /// The `plan.json` key with its unit, e.g. `facility_design_mw`.
        public var id: String
        public var title: String
        /// The deterministic plan's value (central inputs).
        public var deterministic: Double?
        public var p10: Double
        public var p50: Double
        public var p90: Double
        /// Inputs by falling |ρ| (Spearman), at most ``UncertaintySummary/driversPerMetric``.
        public var drivers: [Driver]

        public init(
            id: String, title: String, deterministic: Double?, p10: Double, p50: Double, p90: Double,
            drivers: [Driver]
        ) {
            self.id = id
            self.title = title
            self.deterministic = deterministic
            self.p10 = p10
            self.p50 = p50
            self.p90 = p90
            self.drivers = drivers
        }
    }

    /// An input and its rank correlation with a figure.
    public struct Driver: Hashable, Sendable {
        public var input: String
        public var rho: Double

        public init(input: String, rho: Double) {
            self.input = input
            self.rho = rho
        }
    }

    /// How many drivers each band lists.
    public static let driversPerMetric = 3

    /// Samples drawn.
    public var samples: Int
    public var seed: UInt64
    /// The inputs varied, in the design's variable order.
    public var inputs: [UncertainInput]
    /// Samples whose spec did not load or whose plan gave no value (left out of the bands).
    public var failed: Int
    /// The first failed sample's reason.
    public var firstFailure: String?
    /// Samples whose plan has an error finding (a check failed); they are in the bands.
    public var checkFailed: Int
    public var bands: [Band]

    public init(
        samples: Int, seed: UInt64, inputs: [UncertainInput], failed: Int, firstFailure: String?, checkFailed: Int,
        bands: [Band]
    ) {
        self.samples = samples
        self.seed = seed
        self.inputs = inputs
        self.failed = failed
        self.firstFailure = firstFailure
        self.checkFailed = checkFailed
        self.bands = bands
    }

    public func band(_ id: String) -> Band? { bands.first { $0.id == id } }
}
