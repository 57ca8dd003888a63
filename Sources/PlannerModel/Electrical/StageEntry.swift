/// What a power-chain stage does (DESIGN.md §5.2).
public enum StageKind: String, Sendable, Codable, CaseIterable {
    /// Main (grid) transformer, e.g. 154/22.9 kV.
    case mainTransformer = "main-transformer"
    /// Medium-voltage switchgear (22.9 kV).
    case mvSwitchgear = "mv-switchgear"
    /// MV/LV transformer, 22.9 kV to 415 or 480 V.
    case mvlvTransformer = "mv-lv-transformer"
    /// Low-voltage main switchboard.
    case lvSwitchboard = "lv-switchboard"
    /// UPS in double conversion (AC→DC→AC).
    case upsDoubleConversion = "ups-double-conversion"
    /// UPS in eco mode / eConversion (bypass path, inverter standing by).
    case upsEcoMode = "ups-eco-mode"
    /// AC distribution: PDU, RPP or busway to the racks.
    case acDistribution = "ac-distribution"
    /// Rack power shelf, AC → 54 VDC.
    case rackPowerShelf = "rack-power-shelf"
    /// Rectifier or solid-state transformer, MV AC → 800 VDC.
    case solidStateTransformer = "solid-state-transformer"
    /// 800 VDC busway to the racks.
    case dcBusway = "dc-busway"
    /// In-rack 800 → 54 VDC converter.
    case dcConverter = "dc-converter"

    /// Power conversions (changes of voltage level or of AC/DC form) the stage performs:
    /// transformers, the rack shelf, the SST and the 800→54 V converter one each; a
    /// double-conversion UPS two (rectifier and inverter); switchgear, distribution and a UPS in
    /// eco mode none.
    public var conversions: Int {
        switch self {
        case .mainTransformer, .mvlvTransformer, .rackPowerShelf, .solidStateTransformer, .dcConverter: 1
        case .upsDoubleConversion: 2
        case .mvSwitchgear, .lvSwitchboard, .upsEcoMode, .acDistribution, .dcBusway: 0
        }
    }
}

/// How one unit of a stage is rated: in real power, or in apparent power (transformers, switchgear).
public enum StageRating: Hashable, Sendable, Codable {
    case active(Power)
    case apparent(ApparentPower)

    /// The real power one unit can carry at the load's power factor: `P` or `S·pf` [W].
    public func realPower(at powerFactor: Ratio) -> Power {
        switch self {
        case .active(let power): power
        case .apparent(let apparent): apparent.realPower(at: powerFactor)
        }
    }
}

/// One catalogue entry for a power-chain stage: unit rating, efficiency points, the loss curve
/// fitted to them, the power factor of the load it carries, and where the numbers come from.
///
/// The loss curve's per-unit load is `x = P_out/P_rated` with `P_rated` the unit's *real-power*
/// rating at `powerFactor` (`S·pf` for kVA-rated equipment).
public struct StageEntry: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var kind: StageKind
    public var rating: StageRating
    /// Power factor of the load at the stage's output (1 for DC).
    public var powerFactor: Ratio
    /// The published or assumed points the curve is fitted to.
    public var points: [EfficiencyPoint]
    /// The least-squares fit of `P_loss = P_rated·(a + b·x + c·x²)` to `points`.
    public var curve: LossCurve
    /// Output voltage (line-to-line for AC, pole-to-pole for DC); nil when the stage passes its
    /// input voltage through (switchgear, UPS, distribution).
    public var outputVoltage: Voltage?
    public var provenance: Provenance

    public init(
        id: String, name: String, kind: StageKind, rating: StageRating, powerFactor: Ratio,
        points: [EfficiencyPoint], curve: LossCurve, outputVoltage: Voltage? = nil, provenance: Provenance
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.rating = rating
        self.powerFactor = powerFactor
        self.points = points
        self.curve = curve
        self.outputVoltage = outputVoltage
        self.provenance = provenance
    }

    /// Real-power rating of one unit [W].
    public var unitRating: Power { rating.realPower(at: powerFactor) }

    /// The problems that make the entry physically meaningless, as sentences (empty when sound):
    /// a non-positive rating, a power factor outside (0, 1], an efficiency outside (0, 1] or a
    /// point at a non-positive load, a negative loss anywhere on 0…1.
    public var inconsistencies: [String] {
        var problems: [String] = []
        if !(unitRating > .zero) {
            problems.append("unit rating must be positive, got \(NumberText.compact(unitRating.kilowatts)) kW")
        }
        if !(powerFactor.fraction > 0 && powerFactor.fraction <= 1) {
            problems.append("power factor must be within (0, 1], got \(NumberText.compact(powerFactor.fraction))")
        }
        for point in points {
            if !(point.efficiency.fraction > 0 && point.efficiency.fraction <= 1) {
                problems.append(
                    "efficiency must be within (0, 100] %, got \(NumberText.compact(point.efficiency.percent)) %")
            }
            if !(point.load.fraction > 0) {
                problems.append("a point's load must be positive, got \(NumberText.compact(point.load.percent)) %")
            }
        }
        if (0...20).contains(where: { curve.perUnitLoss(at: .fraction(Double($0) / 20)) < -1e-12 }) {
            problems.append("the fitted loss curve goes negative within 0…100 % load")
        }
        return problems
    }
}
