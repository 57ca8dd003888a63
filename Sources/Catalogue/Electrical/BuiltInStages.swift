import PlannerModel

/// The built-in power-chain stage entries (DESIGN.md §5.2), each citing its `REFERENCE.md` row.
///
/// Where REFERENCE.md has no number (MV switchgear, LV switchboard, SST, in-rack 800→54 V
/// converter, unit ratings of most stages) the value is an estimate labelled `L`, with the
/// reasoning in `derivation` and "open item" in `source`; reports show them as estimates and
/// specs may override them.
///
/// Power factor: AC stages carry rack power shelves, whose power factor is ≥ 0.95 (REFERENCE.md
/// §2.3, 80 PLUS row, H); 0.95 is used for every AC stage, 1 for DC outputs.
public enum BuiltInStages {
    /// Power factor of the AC load seen by every AC stage (REFERENCE.md §2.3, PF ≥ 0.95, H).
    public static let acPowerFactor = Ratio.fraction(0.95)
    /// Source note shared by the estimates that REFERENCE.md does not cover.
    static let openItem = "not in REFERENCE.md (open item)"

    /// Builds an entry and fits its loss curve; a built-in entry that cannot be fitted is a
    /// programming error.
    static func entry(
        _ id: String, _ name: String, _ kind: StageKind, rating: StageRating, powerFactor: Ratio = acPowerFactor,
        points: [EfficiencyPoint], terms: [LossCurveFit.Term], output: Voltage? = nil, source: String,
        confidence: Confidence, derivation: String? = nil
    ) -> StageEntry {
        guard let curve = LossCurveFit.fit(points, terms: terms) else { fatalError("built-in stage \(id): cannot fit") }
        return StageEntry(
            id: id, name: name, kind: kind, rating: rating, powerFactor: powerFactor, points: points, curve: curve,
            outputVoltage: output,
            provenance: Provenance(source: source, confidence: confidence, derivation: derivation))
    }

    /// Loss of D17 as an efficiency: "1 % of IT at full load" means `P_loss = 0.01·P_out`, so
    /// `η = 1/1.01`.
    static func efficiency(lossShare: Double) -> Ratio { .fraction(1 / (1 + lossShare)) }

    /// D17: LV cable/busway loss 1 % of IT at full load (REFERENCE.md §2.3, L), taken at 415 V.
    static let lvDistributionLossShare = 0.01

    /// I²R loss of the same conductor run, per unit of power, relative to 415 V three-phase at
    /// pf 0.95: three-phase `P_loss = 3·I²·R = P²·R/(V_LL²·pf²)`, DC `P_loss = 2·I²·R = 2·P²·R/V²`
    /// (REFERENCE.md §2.3 "Loss ∝ I²"). Same conductor cross-section per phase or pole.
    static func conductorLossRelativeTo415V(threePhase voltage: Voltage) -> Double {
        let reference = 415.0 * acPowerFactor.fraction
        let this = voltage.volts * acPowerFactor.fraction
        return (reference * reference) / (this * this)
    }
    static func conductorLossRelativeTo415V(dc voltage: Voltage) -> Double {
        let reference = 415.0 * acPowerFactor.fraction
        return 2 * reference * reference / (voltage.volts * voltage.volts)
    }

    // MARK: Grid and MV

    public static let mainTransformer = entry(
        "main-transformer-154-22.9kv", "Main transformer 154/22.9 kV, 60 MVA", .mainTransformer,
        rating: .apparent(.megavoltAmperes(60)),
        points: [.percent(50, 99.7), .percent(100, 99.5)], terms: [.noLoad, .square], output: .kilovolts(22.9),
        source:
            "REFERENCE.md §2.3 Transformers (154/22.9 kV 99.5-99.7 %, L); §2.5 (154 kV regional, 22.9 kV "
            + "distribution); 60 MVA rating \(openItem)",
        confidence: .low,
        derivation:
            "the 99.5-99.7 % range placed as 99.7 % at 50 % (peak) and 99.5 % at full load, the shape of the MV/LV "
            + "row; core + copper loss (a + c·x²) through both points exactly; 60 MVA is an estimate of a common "
            + "154 kV substation unit"
    )

    public static let mvSwitchgear = entry(
        "mv-switchgear-22.9kv", "MV switchgear 22.9 kV lineup, 40 MVA", .mvSwitchgear,
        rating: .apparent(.megavoltAmperes(40)),
        points: [.percent(100, 99.9)], terms: [.square],
        source: "REFERENCE.md §2.3 has no switchgear loss: \(openItem)", confidence: .low,
        derivation:
            "busbar, breaker-contact and CT losses are I²R: taken as 0.1 % of throughput at rating, square-law; 40 MVA "
            + "lineup rating estimated"
    )

    // MARK: AC 415/480 V path

    static func mvlvTransformer(_ volts: Double) -> StageEntry {
        entry(
            "mv-lv-transformer-2500kva-\(Int(volts))v", "MV/LV transformer 22.9 kV/\(Int(volts)) V, 2.5 MVA",
            .mvlvTransformer, rating: .apparent(.megavoltAmperes(2.5)),
            points: [.percent(50, 99.2), .percent(100, 99.0)], terms: [.noLoad, .square], output: .volts(volts),
            source: "REFERENCE.md D16, §2.3 Transformers (2.5 MVA MV/LV 99.2 % @50 %, ≈99.0 % @100 %, L)",
            confidence: .low,
            derivation: "core + copper loss (a + c·x²) through both points exactly: peak efficiency at ≈50 % load")
    }
    public static let mvlvTransformer415 = mvlvTransformer(415)
    public static let mvlvTransformer480 = mvlvTransformer(480)

    static func lvSwitchboard(_ volts: Double) -> StageEntry {
        entry(
            "lv-switchboard-\(Int(volts))v", "LV main switchboard \(Int(volts)) V, 2.5 MVA", .lvSwitchboard,
            rating: .apparent(.megavoltAmperes(2.5)), points: [.percent(100, 99.9)], terms: [.square],
            source: "REFERENCE.md §2.3 has no switchboard loss: \(openItem)", confidence: .low,
            derivation:
                "I²R in busbars and breakers taken as 0.1 % at rating, square-law; rated like the 2.5 MVA transformer "
                + "it follows"
        )
    }
    public static let lvSwitchboard415 = lvSwitchboard(415)
    public static let lvSwitchboard480 = lvSwitchboard(480)

    public static let upsDoubleConversion = entry(
        "ups-double-conversion", "UPS, double conversion (1 MW module)", .upsDoubleConversion,
        rating: .active(.kilowatts(1000)),
        points: [.percent(25, 95.0), .percent(50, 96.5), .percent(75, 97.0), .percent(100, 96.8)],
        terms: LossCurveFit.Term.allCases,
        source:
            "REFERENCE.md D12, §2.3 UPS planner curve (95.0/96.5/97.0/96.8 % at 25/50/75/100 %, L; transformerless "
            + "0.5-1.6 MVA module)",
        confidence: .low,
        derivation:
            "least-squares fit of a + b·x + c·x² to the four points; 1 MW module is inside the 0.5-1.6 MVA range "
            + "(override with the UPS spec)"
    )

    public static let upsEcoMode = entry(
        "ups-eco-mode", "UPS, eco mode / eConversion (1 MW module)", .upsEcoMode, rating: .active(.kilowatts(1000)),
        points: [.percent(25, 98.8), .percent(50, 98.8), .percent(75, 98.8), .percent(100, 98.8)],
        terms: [.proportional],
        source: "REFERENCE.md D13, §2.3 UPS planner curve (eco 98.8 % flat above 20 %, L)", confidence: .low,
        derivation: "flat efficiency is a purely proportional loss: b = 1/0.988 − 1")

    static func acDistribution(_ volts: Double) -> StageEntry {
        let share = lvDistributionLossShare * conductorLossRelativeTo415V(threePhase: .volts(volts))
        return entry(
            "ac-busway-\(Int(volts))v", "PDU/RPP/busway \(Int(volts)) VAC, 500 kW run", .acDistribution,
            rating: .active(.kilowatts(500)),
            points: [EfficiencyPoint(load: .one, efficiency: efficiency(lossShare: share))],
            terms: [.square],
            source:
                "REFERENCE.md D17, §2.3 Cables/busway (1 % of IT for LV distribution, L; loss ∝ I²); 500 kW run "
                + "\(openItem)",
            confidence: .low,
            derivation: volts == 415
                ? "1 % of IT at full load, square-law (I²R)"
                : "D17 taken at 415 V and scaled by I² to the same conductors at \(Int(volts)) V: (415/\(Int(volts)))² "
                    + "→ \(share * 100) % at full load"
        )
    }
    public static let acBusway415 = acDistribution(415)
    public static let acBusway480 = acDistribution(480)

    public static let rackPowerShelf = entry(
        "orv3-power-shelf-33kw", "Rack power shelf AC → 54 VDC, 33 kW (ORv3 HPR)", .rackPowerShelf,
        rating: .active(.kilowatts(33)), powerFactor: .one,
        points: [.percent(50, 98.5), .percent(100, 97.5)], terms: [.noLoad, .square], output: .volts(54),
        source: "REFERENCE.md D15, §2.2 (HPR shelves 33 kW = 6 × 5.5 kW, M; 97.5 % full load, 98.5 % peak, M)",
        confidence: .medium,
        derivation:
            "peak 98.5 % placed at 50 % load; a + c·x² through both points (its own peak is then 98.8 % at 26 % load, "
            + "above the quoted 98.5 %: two points cannot pin the peak)"
    )

    // MARK: 800 VDC path

    public static let solidStateTransformer = entry(
        "sst-22.9kv-800vdc", "Solid-state transformer 22.9 kVAC → 800 VDC, 2.5 MW", .solidStateTransformer,
        rating: .active(.kilowatts(2500)), powerFactor: .one,
        points: [.percent(50, 98.5), .percent(100, 98.0)], terms: [.noLoad, .square], output: .volts(800),
        source:
            "\(openItem): REFERENCE.md §2.1 (4-5 conversion stages → 1-2) only; SST claims of ≥98-99 % "
            + "(https://probsee.com/p/Solid-state_transformer, weak)",
        confidence: .low,
        derivation:
            "an SST is a rectifier plus an isolated DC/DC stage of ≈99 % each: 98.0 % at full load, 98.5 % at half "
            + "load, the shelf's spread (D15); 2.5 MW matches the MV/LV transformer block"
    )

    public static let dcBusway800 = {
        let share = lvDistributionLossShare * conductorLossRelativeTo415V(dc: .volts(800))
        return entry(
            "dc-busway-800v", "800 VDC busway, 1 MW run", .dcBusway, rating: .active(.kilowatts(1000)),
            powerFactor: .one,
            points: [EfficiencyPoint(load: .one, efficiency: efficiency(lossShare: share))], terms: [.square],
            source:
                "REFERENCE.md D17, §2.3 Cables/busway (1 % of IT at 415 V, L; loss ∝ I²); §2.1 (800 VDC); 1 MW run "
                + "\(openItem)",
            confidence: .low,
            derivation:
                "D17 scaled to the same conductor cross-section at 800 VDC: 2·(415·0.95)²/800² = "
                + "\(NumberText.compact((share / lvDistributionLossShare * 1000).rounded() / 1000)) of the 415 V "
                + "loss (two poles instead of three phases, I = P/V instead of P/(√3·V·pf)) → "
                + "\(NumberText.compact((share * 100 * 1000).rounded() / 1000)) % at full load"
        )
    }()

    public static let dcConverter = entry(
        "dc-converter-800-54v", "In-rack converter 800 → 54 VDC, 33 kW", .dcConverter, rating: .active(.kilowatts(33)),
        powerFactor: .one, points: [.percent(100, 98.0)], terms: [.proportional], output: .volts(54),
        source:
            "\(openItem): Renesas, 800 V → 48 V LLC DCX at 98 % (https://peinternational.net/presentation/40, "
            + "conference abstract)",
        confidence: .low,
        derivation: "flat 98 % (no load points published); 33 kW per converter like the AC shelf")

    /// Every built-in stage entry.
    public static let all: [StageEntry] = [
        mainTransformer, mvSwitchgear, mvlvTransformer415, mvlvTransformer480, lvSwitchboard415, lvSwitchboard480,
        upsDoubleConversion, upsEcoMode, acBusway415, acBusway480, rackPowerShelf, solidStateTransformer, dcBusway800,
        dcConverter,
    ]

    /// The entry with this ID, if built in.
    public static func entry(_ id: String) -> StageEntry? { all.first { $0.id == id } }
}
