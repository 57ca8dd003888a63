import PlannerModel

/// Built-in coolants and cooling equipment (DESIGN.md §5.3), each citing its `REFERENCE.md` row
/// or an outside source. Values REFERENCE.md does not give are estimates labelled `L`, with the
/// reasoning in `derivation`.
public enum BuiltInThermal {
    static let openItem = "not in REFERENCE.md (open item)"

    // MARK: Coolants

    /// Water at 20–50 °C: density and c_p from the LSBU water-properties table (M. Chaplin,
    /// http://www1.lsbu.ac.uk/water/data1.html, IAPWS-based): ρ 998.2 / 995.7 / 992.2 / 988.0
    /// kg/m³ and C_p 75.38 / 75.30 / 75.29 / 75.33 J/(mol·K) ÷ 18.015 g/mol.
    public static let water = Coolant(
        id: "water", name: "Water (DI / treated)",
        points: [(20.0, 998.2, 75.38), (30, 995.7, 75.30), (40, 992.2, 75.29), (50, 988.0, 75.33)].map {
            FluidState(
                temperature: .celsius($0.0), densityKgPerCubicMetre: $0.1, specificHeatJPerKgK: $0.2 / 18.015e-3)
        },
        provenance: Provenance(
            source: "http://www1.lsbu.ac.uk/water/data1.html (density, molar C_p, 20-50 °C); REFERENCE.md §3.3",
            confidence: .medium, derivation: "c_p = molar C_p / 0.018015 kg/mol; linear between table points"))

    /// PG25 (25 % by mass propylene glycol in water). No table was retrievable through the search
    /// corpus; the values are estimates to be checked against the Dow DOWFROST Engineering and
    /// Operating Guide (density p. 18, specific heat p. 30).
    public static let pg25 = Coolant(
        id: "pg25", name: "Propylene glycol 25 % (mass) in water",
        points: [
            FluidState(temperature: .celsius(20), densityKgPerCubicMetre: 1021, specificHeatJPerKgK: 3_920),
            FluidState(temperature: .celsius(40), densityKgPerCubicMetre: 1013, specificHeatJPerKgK: 3_960),
        ],
        provenance: Provenance(
            source:
                "REFERENCE.md §3.3 (PG25-30 TCS fluid, M); property values \(openItem); to verify: Dow DOWFROST "
                + "Engineering and Operating Guide "
                + "(https://www.scribd.com/document/614399241/Engineering-Operating-Guide-DOWFROST)",
            confidence: .low,
            derivation:
                "specific gravity of a 25 % PG solution ≈1.02 at 15.6 °C (Perry-type antifreeze table, specific "
                + "gravity 1.020 at 25 vol %), less ≈0.4 kg/m³ per K as water; c_p between water (4.18) and a "
                + "mass-weighted mix with pure PG (≈2.5 kJ/(kg·K) at 20-40 °C, NIST WebBook), which "
                + "underestimates solutions: taken 3.92-3.96 kJ/(kg·K)"
        ))

    // MARK: CDUs

    /// Pump power estimate shared by the CDUs: `P = V̇·Δp/η` at 1.5 L/min/kW (REFERENCE.md §3.3),
    /// 3 bar pump head and η = 0.6, i.e. 1.5/60 000 × 300 000/0.6 = 12.5 W per kW of capacity.
    static let pumpNote =
        "pump power L: P = V̇·Δp/η at 1.5 L/min/kW (§3.3), 3 bar head (§3.3 dP 0.5-3 bar plus CDU and piping) and η "
        + "0.6 = 12.5 W per kW"
    static func cduPump(_ capacity: Power) -> Power { .watts(capacity.kilowatts * 12.5) }

    /// Placement facts of floor CDUs (DESIGN.md §5.4). Neither reach nor cost is in REFERENCE.md:
    /// both are estimates (L). Reach 25 m of pipe run, the middle of the 20-30 m a row-end or
    /// perimeter CDU usually serves before secondary-loop pressure drop and hose/manifold length
    /// become limiting. Cost ≈ 185 USD per kW of capacity installed (unit, valves, connection),
    /// an order-of-magnitude estimate for comparing layouts, not a quotation.
    static func cduPlacement(_ capacity: Power) -> UnitPlacementFacts {
        UnitPlacementFacts(
            reach: .metres(25), unitCost: .dollars((capacity.kilowatts * 185).rounded()),
            provenance: Provenance(
                source: "estimate; reach and cost \(openItem)", confidence: .low,
                derivation: "reach 25 m = middle of a 20-30 m pipe run; cost 185 USD/kW installed (order of magnitude)")
        )
    }

    public static let cduVertiv600 = CDUEntry(
        id: "cdu-vertiv-coolchip-600", name: "Vertiv CoolChip CDU 600 (floor)", capacity: .kilowatts(600),
        approach: .kelvins(4), designPumpPower: cduPump(.kilowatts(600)),
        provenance: Provenance(
            source: "REFERENCE.md §3.4 Vertiv CoolChip CDU 600 (600 kW, M); approach §3.4 (3-5 K, M)",
            confidence: .low, derivation: "approach = middle of the 3-5 K range; " + pumpNote),
        placement: cduPlacement(.kilowatts(600)))

    public static let cduLiquidStack1350 = CDUEntry(
        id: "cdu-liquidstack-1mw", name: "LiquidStack CDU-1MW (floor)", capacity: .kilowatts(1_350),
        approach: .kelvins(4), designPumpPower: cduPump(.kilowatts(1_350)),
        provenance: Provenance(
            source: "REFERENCE.md §3.4 LiquidStack CDU-1MW (≤1 350 kW at N+1, M); approach §3.4 (3-5 K, M)",
            confidence: .low,
            derivation: "1 350 kW taken as the unit rating (pumps N+1 inside the unit); approach = middle of 3-5 K; "
                + pumpNote),
        placement: cduPlacement(.kilowatts(1_350)))

    public static let cduCoolIT2000 = CDUEntry(
        id: "cdu-coolit-chx2000", name: "CoolIT CHx2000 (floor)", capacity: .megawatts(2),
        approach: .kelvins(5), designPumpPower: cduPump(.megawatts(2)),
        provenance: Provenance(
            source: "REFERENCE.md §3.4 CoolIT CHx2000 (≈2 MW, L, unverified); approach §3.4 (CoolIT 5 K, M)",
            confidence: .low, derivation: pumpNote),
        placement: cduPlacement(.megawatts(2)))

    public static let cduInRack150 = CDUEntry(
        id: "cdu-in-rack-150", name: "In-rack CDU 150 kW", capacity: .kilowatts(150),
        approach: .kelvins(5), designPumpPower: cduPump(.kilowatts(150)),
        provenance: Provenance(
            source: "REFERENCE.md §3.4 In-rack CDU (50-200 kW, M); approach §3.4 (3-5 K, M)",
            confidence: .low,
            derivation:
                "150 kW = one GB200/GB300 NVL72 rack with margin; approach at the top of the range (small plate "
                + "exchanger); "
                + pumpNote))

    public static let cdus = [cduInRack150, cduVertiv600, cduLiquidStack1350, cduCoolIT2000]

    // MARK: Air units

    public static let fanWall400 = AirUnitEntry(
        id: "fan-wall-400", name: "Fan wall 400 kW", kind: .fanWall, capacity: .kilowatts(400),
        designAirRise: .kelvins(14), fanPressurePa: 500, fanEfficiency: .fraction(0.65), coilApproach: .kelvins(4),
        provenance: Provenance(
            source:
                "REFERENCE.md §3.5 (fan wall 250-500 kW, air ΔT 12-20 K, L); fan duty and coil approach \(openItem)",
            confidence: .low,
            derivation:
                "400 kW in the 250-500 kW range; 14 K rise; 500 Pa total (coil ≈150, filters ≈150, casing and "
                + "discharge ≈200) at η 0.65 for an EC fan array: 23.7 m³/s × 500 Pa / 0.65 ≈ 18 kW, ≈4.6 % of "
                + "capacity; coil approach 4 K (supply air − entering water) for a deep, low-face-velocity "
                + "fan-wall coil"
        ),
        placement: airPlacement(.kilowatts(400)))

    public static let crah180 = AirUnitEntry(
        id: "crah-180", name: "CRAH 180 kW (chilled water)", kind: .crah, capacity: .kilowatts(180),
        designAirRise: .kelvins(12), fanPressurePa: 600, fanEfficiency: .fraction(0.6), coilApproach: .kelvins(5),
        provenance: Provenance(
            source:
                "REFERENCE.md §3.5 (CRAH 100-250 kW sensible, air ΔT 12-20 K, L); fan duty and coil approach "
                + "\(openItem)",
            confidence: .low,
            derivation:
                "180 kW in the 100-250 kW range; 12 K rise (low end, raised floor); 600 Pa (coil, filters, floor "
                + "plenum and tiles) at η 0.6 for plug EC fans: 12.4 m³/s × 600 Pa / 0.6 ≈ 12.4 kW, ≈6.9 % of "
                + "capacity; coil approach 5 K (supply air − entering water), a compact CRAH coil"
        ),
        placement: airPlacement(.kilowatts(180)))

    public static let airUnits = [fanWall400, crah180]

    /// Placement facts of air units (DESIGN.md §5.4), estimates (L), not in REFERENCE.md: a fan
    /// wall or CRAH cools racks within ≈15 m of air throw along the cold aisles; cost ≈ 200 USD
    /// per kW of sensible capacity installed (order of magnitude).
    static func airPlacement(_ capacity: Power) -> UnitPlacementFacts {
        UnitPlacementFacts(
            reach: .metres(15), unitCost: .dollars((capacity.kilowatts * 200).rounded()),
            provenance: Provenance(
                source: "estimate; reach and cost \(openItem)", confidence: .low,
                derivation: "air throw 15 m along the cold aisles; cost 200 USD/kW installed (order of magnitude)"))
    }

    // MARK: Heat rejection

    public static let dryCooler1MW = HeatRejectionEntry(
        id: "dry-cooler-1mw", name: "Adiabatic-ready dry cooler 1 MW", kind: .dryCooler, capacity: .megawatts(1),
        approach: .kelvins(8), designFanPower: .kilowatts(25),
        provenance: Provenance(
            source:
                "REFERENCE.md §3.6 Seoul free-cooling row (dry cooler 8 K approach, derived M); capacity and fan power "
                + "\(openItem)",
            confidence: .low,
            derivation:
                "1 MW per unit is a common large V-bank size; fan power 2.5 % of duty (≈12 EC fans of ≈2 kW) at full "
                + "speed"
        ))

    public static let coolingTower2MW = HeatRejectionEntry(
        id: "cooling-tower-2mw", name: "Induced-draft cooling tower cell 2 MW", kind: .coolingTower,
        capacity: .megawatts(2), approach: .kelvins(4), designFanPower: .kilowatts(30), cyclesOfConcentration: 5,
        provenance: Provenance(
            source:
                "REFERENCE.md §3.6 Seoul free-cooling row (tower 4 K on wet bulb, derived M); capacity, fan power and "
                + "cycles \(openItem)",
            confidence: .low,
            derivation:
                "fan power 1.5 % of duty (one 30 kW fan per 2 MW cell); 5 cycles of concentration, the middle of the "
                + "usual 3-7 for treated make-up water"
        ))

    public static let adiabaticDryCooler1MW: HeatRejectionEntry = {
        var entry = HeatRejectionEntry(
            id: "adiabatic-dry-cooler-1mw", name: "Adiabatic dry cooler 1 MW (wetted pads)", kind: .adiabaticDryCooler,
            capacity: .megawatts(1), approach: .kelvins(8), designFanPower: .kilowatts(25),
            provenance: Provenance(
                source:
                    "REFERENCE.md §3.6 Seoul free-cooling row (8 K dry approach, derived M); pads P302 (80 % "
                    + "saturation, 10 K rated air rise, L); wetting only once the dry coil at full speed cannot hold "
                    + "the set point, C66; capacity and fan power \(openItem)",
                confidence: .low,
                derivation:
                    "the 1 MW dry cooler with pads: the air enters the coil at T_db − 0.8·(T_db − T_wb) when wet"))
        entry.padEffectiveness = .percent(80)
        return entry
    }()

    public static let heatRejection = [dryCooler1MW, adiabaticDryCooler1MW, coolingTower2MW]

    // MARK: Chillers

    public static let waterCooledCentrifugal = ChillerEntry(
        id: "chiller-centrifugal-wc-3500", name: "Water-cooled centrifugal chiller 3.5 MW (≈1 000 ton)",
        capacity: .megawatts(3.5), carnotEfficiency: .fraction(0.7), evaporatorOffset: .kelvins(2),
        condenser: .waterCooled(rise: .kelvins(5.6), offset: .kelvins(2)), maximumCOP: 9.4,
        provenance: Provenance(
            source:
                "REFERENCE.md §3.6 model (η_C 0.7, T_evap = LWT − 2 K, T_cond = condenser leaving + 2 K, L-M); AHRI "
                + "point 29.4 °C entering condenser water (H); COP cap 9.4 magnetic-bearing part load (M)",
            confidence: .low,
            derivation:
                "condenser rise 5.6 K = 29.4 → 35.0 °C, the leaving water that gives REFERENCE's T_cond 310.15 K at "
                + "the AHRI point; 3.5 MW ≈ 1 000 ton is an estimate"
        ))

    public static let airCooledScrew = ChillerEntry(
        id: "chiller-screw-ac-1500", name: "Air-cooled screw chiller 1.5 MW", capacity: .megawatts(1.5),
        carnotEfficiency: .fraction(0.5), evaporatorOffset: .kelvins(2), condenser: .airCooled(offset: .kelvins(15)),
        maximumCOP: 9.4,
        provenance: Provenance(
            source:
                "REFERENCE.md §3.6 model (η_C 0.5 air-cooled incl. condenser fans, T_cond = DB + 15 K, L-M); COP cap "
                + "9.4 (M)",
            confidence: .low, derivation: "1.5 MW unit size is an estimate"))

    public static let chillers = [waterCooledCentrifugal, airCooledScrew]

    /// The cooling a site gets until its spec chooses (all estimates, L): 36 °C TCS supply with a
    /// 10 K rise (≈1.45 L/min/kW, D10), so 32 °C facility water after a 4 K CDU approach (ASHRAE
    /// W32, REFERENCE.md §3.2); 1.35 MW CDUs N+1; 400 kW fan walls N+1; 1 MW dry coolers (8 K
    /// approach) N+1 in series with water-cooled centrifugal chillers N+1, sized for the design
    /// condition; 10 K facility-water rise; 25 °C supply air (REFERENCE.md §3.5, inside ASHRAE
    /// A1-A4 recommended 18-27 °C, §3.1), so 21 °C air-coil water after the fan wall's 4 K approach.
    public static let defaultChoices = CoolingChoices(
        tcsSupply: .celsius(36), tcsRise: .kelvins(10), cdu: cduLiquidStack1350, cduRedundancy: .nPlus(1),
        airUnit: fanWall400, airRedundancy: .nPlus(1), economiser: dryCooler1MW, economiserRedundancy: .nPlus(1),
        chiller: waterCooledCentrifugal, chillerRedundancy: .nPlus(1), chillerUnits: [:],
        facilityWaterRise: .kelvins(10), airSupply: .celsius(25))
}
