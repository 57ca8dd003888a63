import PlannerModel

/// The built-in cost catalogue (DESIGN.md §5.16): one unit cost per equipment kind and bulk item,
/// low / typical / high in the source's currency and year, each citing its `REFERENCE.md` rows.
/// Where the reference found no price the value is an estimate labelled L, with the reasoning in
/// `derivation`; `dcplan catalog costs` lists them all.
public enum BuiltInCosts {
    static func entry(
        _ id: String, _ name: String, _ system: CostSystem, _ measure: CostMeasure,
        _ low: Double, _ typical: Double, _ high: Double, _ currency: Currency, _ year: Int,
        source: String, confidence: Confidence, derivation: String? = nil
    ) -> UnitCostEntry {
        UnitCostEntry(
            id: id, name: name, system: system, measure: measure, low: low, typical: typical, high: high,
            currency: currency, year: year,
            provenance: Provenance(source: source, confidence: confidence, derivation: derivation))
    }

    // MARK: Electrical

    public static let mainTransformer = entry(
        "cost-main-transformer", "Main transformer 154/22.9 kV", .electrical, .kilovoltAmpere, 25, 40, 70, .usd, 2022,
        source: "REFERENCE.md C01, C14; C103", confidence: .low,
        derivation:
            "no published price for 154 kV units: the 31-43 USD/kVA of RSMeans pad-mounted units (C01), placed at "
            + "40, with the 70-100 % rise since 2020 (C14) as the high end")
    public static let mvSwitchgear = entry(
        "cost-mv-switchgear", "MV switchgear 22.9 kV, per kVA of transformers fed", .electrical, .kilovoltAmpere, 35,
        60, 90, .usd, 2025, source: "REFERENCE.md C09; C103", confidence: .low,
        derivation:
            "a 38 kV section at ≈183 000 USD (C09) feeds one 2.5-3 MVA transformer or SST; with the incomers, ties "
            + "and metering shared over the feeders ≈60 USD per kVA fed")
    public static let mvlvTransformer = entry(
        "cost-mv-lv-transformer", "MV/LV transformer 22.9 kV / 415-480 V", .electrical, .kilovoltAmpere, 31, 42.5, 60,
        .usd, 2022, source: "REFERENCE.md C01, C10, C14", confidence: .medium,
        derivation:
            "RSMeans 3 750 kVA 42.5 USD/kVA, 5 000 kVA 31 USD/kVA (C01); the 2025 quote of 43 USD/kVA (C10) and the "
            + "price rise since 2020 (C14) put the high end at 60")
    public static let lvSwitchboard = entry(
        "cost-lv-switchboard", "LV switchboard with breakers", .electrical, .kilovoltAmpere, 25, 40, 80, .usd, 2022,
        source: "REFERENCE.md C05; C103", confidence: .low,
        derivation:
            "a 4 000 A section costs ≈12 000 USD without breakers (C05); a 2.5 MVA board of ≈4 sections with "
            + "breakers at about the same again gives ≈100 000 USD, 40 USD/kVA")
    public static let ups = entry(
        "cost-ups", "UPS (double conversion or eco mode)", .electrical, .kilowatt, 200, 282, 476, .usd, 2025,
        source: "REFERENCE.md C08", confidence: .low,
        derivation: "vendor quotes: 1 250 kVA at 282 USD/kVA, 250 kVA at 476 USD/kVA (C08, L); kVA ≈ kW at unity pf")
    public static let rackPowerShelf = entry(
        "cost-rack-power-shelf", "Rack power shelf (ORv3, PSUs)", .electrical, .kilowatt, 100, 200, 350, .usd, 2025,
        source: "REFERENCE.md C20 (price not found); C103", confidence: .low,
        derivation: "no published price (C20): a 5.5 kW PSU estimated at ≈1 000 USD, ≈180-200 USD/kW with the shelf")
    public static let solidStateTransformer = entry(
        "cost-sst", "Solid-state transformer / rectifier 22.9 kV → 800 VDC", .electrical, .kilowatt, 200, 300, 500,
        .usd, 2025, source: "REFERENCE.md C21 (price not found); C103", confidence: .low,
        derivation:
            "no published price (C21): taken as an MV/LV transformer (≈45 USD/kVA, C01) plus a UPS-class rectifier "
            + "(≈250 USD/kW, C08), rounded to 300")
    public static let dcConverter = entry(
        "cost-dc-converter", "In-rack converter 800 → 54 VDC", .electrical, .kilowatt, 60, 120, 200, .usd, 2025,
        source: "C103", confidence: .low,
        derivation: "no published price: about 60 % of a rack power shelf per kW (DC input, no PFC stage)")
    public static let busway = entry(
        "cost-busway", "Copper busway (row and feeder), per kg of copper", .electrical, .kilogramCopper, 180, 220, 260,
        .usd, 2022, source: "REFERENCE.md C04, P245", confidence: .medium,
        derivation:
            "RSMeans 2 000 A plug-in 7 870 USD/m over 4 bars × 1 000 mm² at 2 A/mm² (P245) × 8 960 kg/m³ = "
            + "35.8 kg/m → 220 USD/kg; 800 A 2 580 USD/m over 14.3 kg/m → 180; high +18 %")
    public static let cable = entry(
        "cost-cable", "Copper cable (MV, LV feeders, rack drops), per kg of copper", .electrical, .kilogramCopper, 20,
        27, 43, .usd, 2022, source: "REFERENCE.md C03", confidence: .medium,
        derivation:
            "RSMeans 15 kV 500 kcmil (253 mm², 2.27 kg/m) at 61 USD/m → 27 USD/kg; 4/0 (107 mm², 0.96 kg/m) at "
            + "41 USD/m → 43 USD/kg; low −25 % (L)")

    // MARK: Backup

    public static let generator = entry(
        "cost-generator", "Standby diesel generator set", .backup, .kilowatt, 450, 650, 820, .usd, 2025,
        source: "REFERENCE.md C06, C07", confidence: .low,
        derivation:
            "multi-MW quotes 525-817 USD/kW (C07, L); RSMeans 500 kW installed 213 USD/kW (C06, 2022) is a small set")
    public static let upsBattery = entry(
        "cost-ups-battery", "UPS battery (Li-ion, minutes of autonomy)", .backup, .kilowattHour, 500, 1_000, 1_500,
        .usd, 2022, source: "REFERENCE.md C16; C103", confidence: .low,
        derivation:
            "a 1 h commercial battery costs 1 344 USD/kW = 1 344 USD/kWh (C16); batteries of minutes cost at least "
            + "as much per kWh; 1 000 typical (L)")
    public static let bessPower = entry(
        "cost-bess-power", "Grid-ramp battery, power part (inverter)", .backup, .kilowatt, 190, 287, 900, .eur, 2020,
        source: "REFERENCE.md C19, C17", confidence: .medium,
        derivation:
            "DEA battery inverter 287 EUR/kW (C19); the REopt 968 USD/kW (C17), which carries the balance of plant "
            + "of an energy battery, as the high end; low −33 % (L)")
    public static let bessEnergy = entry(
        "cost-bess-energy", "Grid-ramp battery, energy part", .backup, .kilowattHour, 165, 253, 460, .usd, 2022,
        source: "REFERENCE.md C17, C18, C15", confidence: .medium,
        derivation: "REopt 253 USD/kWh (C17); BNEF 2024 turnkey 165 (C18); ATB 4 h ≈460 (C15)")

    // MARK: Mechanical

    public static let cdu = entry(
        "cost-cdu", "Coolant distribution unit", .mechanical, .kilowatt, 50, 100, 150, .usd, 2022,
        source: "REFERENCE.md C39 (not found), C29, C30; C103", confidence: .low,
        derivation:
            "no published price (C39): a 1 MW CDU at 10 K moves 24 L/s; its plate exchanger (1 800 USD per L/s, C29) "
            + "and pumps (262 USD per L/s, C30) cost ≈50 USD/kW; packaging, controls and filtration double it")
    public static let fanWall = entry(
        "cost-fan-wall", "Fan wall", .mechanical, .kilowatt, 150, 200, 300, .usd, 2025,
        source: "REFERENCE.md C28", confidence: .low,
        derivation: "a 72 000 CFM fan wall at 113 811 USD (C28) moves 34 m³/s, 574 kW at a 14 K rise → 198 USD/kW")
    public static let crah = entry(
        "cost-crah", "CRAH (chilled-water air handler)", .mechanical, .kilowatt, 400, 800, 1_213, .usd, 2025,
        source: "REFERENCE.md C27, C28", confidence: .low,
        derivation:
            "a 60 kW CRAH at 1 213 USD/kW (C28) and a DX unit with condenser at 1 175 USD/kW (C27) are the high end; "
            + "a large chilled-water unit without compressor about two thirds of that (L)")
    public static let dryCooler = entry(
        "cost-dry-cooler", "Dry cooler", .mechanical, .kilowatt, 60, 100, 150, .usd, 2022,
        source: "REFERENCE.md C41 (not found), C25, C26; C103", confidence: .low,
        derivation:
            "no published price (C41): a dry cooler needs several times a tower's coil and fan for the same duty; "
            + "2.5 × the 40 USD/kW of a tower (C25, C26)")
    public static let coolingTower = entry(
        "cost-cooling-tower", "Open cooling tower", .mechanical, .kilowatt, 30, 40, 50, .usd, 2022,
        source: "REFERENCE.md C25, C26", confidence: .medium,
        derivation: "RSMeans forced draft 1 016 ton 30 USD/kW (C25), induced draft 1 000 ton 50 USD/kW (C26)")
    public static let waterCooledChiller = entry(
        "cost-chiller-water-cooled", "Water-cooled chiller", .mechanical, .kilowatt, 130, 147, 330, .usd, 2022,
        source: "REFERENCE.md C22, C23", confidence: .medium,
        derivation: "RSMeans 2 000 ton centrifugal 517 USD/ton = 147 USD/kW (C22); a 2025 quote 332 USD/kW (C23, L)")
    public static let airCooledChiller = entry(
        "cost-chiller-air-cooled", "Air-cooled chiller", .mechanical, .kilowatt, 194, 201, 330, .usd, 2022,
        source: "REFERENCE.md C24, C23", confidence: .medium,
        derivation: "RSMeans 390 ton 201 USD/kW, 300 ton 194 USD/kW (C24); high as the water-cooled quote (C23)")
    public static let pump = entry(
        "cost-pump", "Plant water pump, per kW of motor", .mechanical, .kilowatt, 469, 665, 1_000, .usd, 2022,
        source: "REFERENCE.md C30", confidence: .medium,
        derivation: "RSMeans double-suction 100 hp (74.6 kW) 49 600 USD = 665 USD/kW; 150 hp 469 USD/kW (C30)")

    // MARK: Heat recovery

    public static let heatPump = entry(
        "cost-heat-pump", "Heat pump for district heating, per kW of heat", .heatRecovery, .kilowatt, 890, 1_080,
        1_271, .eur, 2015, source: "REFERENCE.md C33, C34", confidence: .medium,
        derivation: "DEA excess-heat heat pump 890 EUR/kW (C34), air-source 1 271 EUR/kW (C33), the middle typical")
    public static let heatStorage = entry(
        "cost-heat-storage", "Hot-water heat storage", .heatRecovery, .kilowattHour, 1.34, 3.82, 5.7, .eur, 2020,
        source: "REFERENCE.md C36, C37", confidence: .medium,
        derivation: "DEA tank 3.82 EUR/kWh (C36), pit 1.34 EUR/kWh (C37); high +50 % (L)")

    // MARK: Building

    public static let buildingShell = entry(
        "cost-building-shell", "Building shell and core, per m² of building", .building, .squareMetre, 700_000,
        955_000, 1_400_000, .krw, 2021, source: "REFERENCE.md C44, C43, C46 (not found)", confidence: .low,
        derivation:
            "NAVER Sejong phase 1 cost 4.55 M KRW per m² of floor with M&E (C44); the shell's share of a data "
            + "centre's cost is 21 % (C43) → 0.955 M KRW/m²")
    public static let whiteSpaceFitOut = entry(
        "cost-white-space", "White-space fit-out (floor, containment, lighting, fire)", .building, .squareMetre, 226,
        450, 900, .usd, 2022, source: "REFERENCE.md C42, C43", confidence: .low,
        derivation:
            "an access floor alone costs 226-253 USD/m² (C42, the low end); white-space build-out is 10 % of a "
            + "data centre's cost against 21 % for the shell (C43): about twice the floor")

    /// Every built-in unit cost, in catalogue order.
    public static let entries: [UnitCostEntry] = [
        mainTransformer, mvSwitchgear, mvlvTransformer, lvSwitchboard, ups, rackPowerShelf, solidStateTransformer,
        dcConverter, busway, cable, generator, upsBattery, bessPower, bessEnergy, cdu, fanWall, crah, dryCooler,
        coolingTower, waterCooledChiller, airCooledChiller, pump, heatPump, heatStorage, buildingShell,
        whiteSpaceFitOut,
    ]

    /// The construction-cost index (2015 = 100): Korea's KICT index to 2023 (C45), geometric between
    /// 2015 and 2020; Turner & Townsend's data-centre escalation for 2024 (+9 %, C98) and 2025
    /// (+5.5 %, C97); +5.5 % a year after (C97 carried forward, L).
    public static let index = EscalationIndex(
        points: [
            2015: 100, 2020: 121.80, 2021: 138.89, 2022: 148.56, 2023: 151.41, 2024: 151.41 * 1.09,
            2025: 151.41 * 1.09 * 1.055,
        ],
        rateBeyond: .percent(5.5),
        provenance: Provenance(
            source: "REFERENCE.md C45, C97, C98", confidence: .low,
            derivation:
                "KICT 2015-2023 (M); T&T 2024 +9 % (H), 2025 +5.5 % (M); later years +5.5 %/yr (L); 2016-2019 "
                + "geometric between 2015 and 2020 (L)"))

    /// Yearly maintenance as a share of capital, per system: no data-centre figure was found (C48),
    /// so the proxies of C48 set them (L).
    public static let maintenance: [CostSystem: Ratio] = [
        .electrical: .percent(1.0), .mechanical: .percent(2.5), .heatRecovery: .percent(0.3),
        .building: .percent(0.5), .backup: .percent(2.41),
    ]
    public static let maintenanceSource = Provenance(
        source: "REFERENCE.md C48 (no data-centre figure), C16, C34; C103", confidence: .low,
        derivation:
            "heat recovery 0.3 % (DEA heat-pump FOM, C34); backup 2.41 % (ATB battery FOM, C16); mechanical 2.5 % "
            + "between DEA electric (1.6 %) and gas (3.5 %) boilers (C48); electrical 1 % and building 0.5 % (L)")

    /// The built-in catalogue.
    public static let catalogue = CostCatalogue(
        entries: entries, index: index, maintenance: maintenance, maintenanceSource: maintenanceSource)
}
