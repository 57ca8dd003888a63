import PlannerModel

/// Built-in heat pumps for data-centre heat recovery (DESIGN.md §5.5), each citing its
/// `REFERENCE.md` row. Sizes, temperature limits and costs are not in REFERENCE.md: they are
/// estimates (L) with the reasoning in `derivation`, and every one is overridable.
public enum BuiltInHeatPumps {
    /// Performance shared by the entries: η = 0.42 (REFERENCE.md D19, §4.2, L-M, derived from the
    /// LiU 45 → 60/70/80 °C COPs 5.5/4.3/3.5), sink = supply + 5 K and source = waste heat − 5 K
    /// (DESIGN.md §5.5), one stage up to a 55 K lift (§4.2 awanetz: "lift > 55 K critical", M).
    static let performanceNote =
        "η 0.42 (REFERENCE.md D19 / §4.2, L-M); approaches 5 K / 5 K (DESIGN.md §5.5); single-stage lift limit 55 K "
        + "(§4.2 awanetz, M)"

    /// A large district-heating heat pump (ammonia or HFO, two compressors in series inside the
    /// package), 10 MW heat per unit, condensing up to 95 °C.
    public static let districtHeating10MW = HeatPumpEntry(
        id: "hp-district-10mw", name: "District-heating heat pump 10 MW (≤ 95 °C condensing)",
        unitCapacity: .megawatts(10), carnotEfficiency: .fraction(0.42), sinkApproach: .kelvins(5),
        sourceApproach: .kelvins(5), maximumCOP: 8, maximumStageLift: .kelvins(55),
        maximumSinkTemperature: .celsius(95), capitalCostPerKilowatt: 700,
        provenance: Provenance(
            source:
                "REFERENCE.md D19, §4.2 (COP model, M); §4.2 p2h-computing (4G 55-70 °C supply, M); size, sink limit "
                + "and cost not in REFERENCE.md",
            confidence: .low,
            derivation: performanceNote
                + "; 10 MW per unit, 95 °C condensing and 700 USD/kW installed are estimates for large "
                + "district-heating units (L); COP cap 8 keeps small lifts finite (L)"
        ))

    /// A high-temperature heat pump (e.g. CO₂ transcritical or R1233zd two-stage) able to feed a
    /// 115 °C network, 10 MW heat per unit, condensing up to 125 °C.
    public static let highTemperature10MW = HeatPumpEntry(
        id: "hp-high-temp-10mw", name: "High-temperature heat pump 10 MW (≤ 125 °C condensing)",
        unitCapacity: .megawatts(10), carnotEfficiency: .fraction(0.42), sinkApproach: .kelvins(5),
        sourceApproach: .kelvins(5), maximumCOP: 8, maximumStageLift: .kelvins(55),
        maximumSinkTemperature: .celsius(125), capitalCostPerKilowatt: 1_000,
        provenance: Provenance(
            source:
                "REFERENCE.md D19, §4.2 (COP model, M); §4.3 Korea (45 → 115 °C COP ≈2.1, range 2-2.5, derived M); "
                + "size, sink limit and cost not in REFERENCE.md",
            confidence: .low,
            derivation: performanceNote
                + "; the same η reproduces REFERENCE's 45 → 115 °C COP 2.1; 10 MW per unit, 125 °C condensing and 1 "
                + "000 USD/kW installed are estimates (L)"
        ))

    public static let all = [districtHeating10MW, highTemperature10MW]

    /// The entry with `id`, or nil.
    public static func entry(_ id: String) -> HeatPumpEntry? { all.first { $0.id == id } }
}
