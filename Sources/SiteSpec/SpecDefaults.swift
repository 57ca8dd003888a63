import Catalogue
import PlannerModel

/// The documented defaults of optional keys (`Sites/README.md`), each with its source. The
/// assembler applies them once, at load, and lists every one it applied in
/// `Site.defaultsApplied`, so the engine and the reports never resolve a default themselves.
enum SpecDefaults {
    /// Sustained GPU utilisation for energy: training runs at 70–90 % (REFERENCE.md D09, §1.1, L).
    static let utilisation = Ratio.percent(80)
    static let utilisationSource = Provenance(
        source: "REFERENCE.md D09, §1.1 (training at 70-90 % of TDP)", confidence: .low)
    /// REFERENCE.md D20: 60 Hz in Korea.
    /// NVL72 racks are 600 mm wide.
    static let rackPitch = Length.metres(0.6)
    static let rackPitchSource = Provenance(
        source: "NVL72 rack width 600 mm (REFERENCE.md §1.2 GB200 NVL72)", confidence: .medium)
    static let aisle = Length.metres(1.2)
    static let aisleSource = Provenance(source: "estimate: a 1.2 m service aisle", confidence: .low)
    static let copies = 1

    /// The cooling choices when the spec chooses nothing: the catalogue's default equipment.
    static var cooling: CoolingChoices { BuiltInThermal.defaultChoices }

    /// Where each cooling default comes from, by spec key. Equipment keys cite their catalogue
    /// entry's provenance (``coolingSources(_:)``).
    static let coolingNumberSources: [CoolingSection.Key: Provenance] = [
        .tcsSupplyC: Provenance(
            source: "REFERENCE.md §3.2 (W32 facility water) and D11, §3.4 (4 K CDU approach): 36 °C TCS supply",
            confidence: .low),
        .tcsDeltaTK: Provenance(
            source: "REFERENCE.md D10, §3.3 (1.5 L/min/kW ≈ 9.6 K; 10 K ≈ 1.45 L/min/kW)", confidence: .medium),
        .facilityWaterDeltaTK: Provenance(source: "estimate, as the TCS rise (REFERENCE.md §3.3)", confidence: .low),
        .airSupplyC: Provenance(
            source: "REFERENCE.md §3.5 (15-25 °C supply air), inside ASHRAE's 18-27 °C recommended range (§3.1)",
            confidence: .low),
        .cduRedundancy: redundancySource, .airRedundancy: redundancySource,
        .heatRejectionRedundancy: redundancySource, .chillerRedundancy: redundancySource,
        .classHoursOutsideRecommendedH: Provenance(
            source: "REFERENCE.md P330: ASHRAE's recommended range is where equipment should run in normal "
                + "operation, so any hour outside it is reported",
            confidence: .medium),
    ]

    /// A loop without `cooling.plant.<loop>.chiller_units` gets the required chillers plus the
    /// redundancy's spares (DESIGN.md §5.14).
    static let chillerUnitsSource = Provenance(
        source: "sized by dcplan for the loop's design condition (DESIGN.md §5.3, §5.14)", confidence: .medium,
        derivation: "⌈chiller duty at the design condition / unit capacity⌉ + the chiller redundancy's spares")

    static let redundancySource = Provenance(
        source: "N+1 parallel, the common cooling-unit redundancy (REFERENCE.md §2.4)", confidence: .medium)

    /// Heat recovery takes the facility water's return, the warmest waste heat of the plant.
    static let heatSourceSource = Provenance(
        source: "the facility-water return, the warmest waste heat of the plant (DESIGN.md §5.5)", confidence: .medium)

    /// Placement limits when `placement:` leaves them out.
    static let placement = PlacementChoices.defaults
    static let placementSources: [PlacementSection.Key: Provenance] = [
        .timeLimitS: Provenance(source: "dcplan default: 60 s per MILP (DESIGN.md §5.4)", confidence: .low),
        .mipGapPercent: Provenance(source: "dcplan default: 0.5 % MIP gap (DESIGN.md §5.4)", confidence: .low),
        .sitePitchM: Provenance(
            source: "estimate: one 1.2 m unit plus 1.8 m service clearance (DESIGN.md §5.4)", confidence: .low),
    ]
}
