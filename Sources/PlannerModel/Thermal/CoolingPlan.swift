/// The cooling choices of a site (defaults until the spec sets them): TCS supply, CDU and air
/// unit entries with redundancy, and the heat-rejection plant.
public struct CoolingChoices: Hashable, Sendable {
    /// Technology coolant system supply to the racks (36 °C → 32 °C facility water with a 4 K
    /// CDU approach: ASHRAE W32, REFERENCE.md §3.2; an estimate, L).
    public var tcsSupply: Temperature
    /// TCS rise across the racks (10 K ≈ 1.45 L/min/kW, REFERENCE.md §3.3 D10).
    public var tcsRise: TemperatureDifference
    public var cdu: CDUEntry
    public var cduRedundancy: Redundancy
    public var airUnit: AirUnitEntry
    public var airRedundancy: Redundancy
    public var economiser: HeatRejectionEntry
    public var economiserRedundancy: Redundancy
    public var chiller: ChillerEntry
    public var chillerRedundancy: Redundancy
    /// Chillers installed on each loop (`cooling.plant.<loop>.chiller_units`); a loop left out
    /// has its chillers sized for the design condition under `chillerRedundancy`, 0 means free
    /// cooling only on that loop.
    public var chillerUnits: [CoolingLoop.Kind: Int]
    /// Facility-water return − supply across the CDUs (10 K, L); the air-coil loop uses it too.
    public var facilityWaterRise: TemperatureDifference
    /// Supply air to the racks (25 °C, the top of REFERENCE.md §3.5's 15-25 °C, inside ASHRAE's
    /// 18-27 °C recommended range, §3.1). The air units' coils need water at
    /// `airSupply − airUnit.coilApproach`.
    public var airSupply: Temperature
    /// The extreme outdoor condition the plant is checked at with one chiller and one economiser
    /// out (`cooling.extreme_dry_bulb_c` / `extreme_wet_bulb_c`); nil takes the weather file's
    /// (DESIGN.md §5.15).
    public var extremeDryBulb: Temperature?
    public var extremeWetBulb: Temperature?
    /// Where the spec states the extreme dry bulb (`file:line:col`), for an error when it is below
    /// the design condition, which is known only once the weather file is read.
    public var extremeDryBulbPosition: String?
    public var extremeWetBulbPosition: String?
    /// Hours a year the inlet air (or facility water) may spend outside its ASHRAE class's
    /// recommended range before it is a finding (`cooling.class_hours_outside_recommended_h`;
    /// 0 h, REFERENCE.md P330).
    public var classHoursAllowed = 0
    /// The plant's water pumps: heads, efficiency, minimum speed (`cooling.pumps`, DESIGN.md §5.13).
    public var pumps = PlantPumps.standard
    /// Lighting, offices, security, BMS and electrical-room cooling (`site.house_loads`, DESIGN.md
    /// §5.13); carried with the cooling because the plant's year sums them hour by hour.
    public var houseLoads = HouseLoads.standard

    public init(
        tcsSupply: Temperature, tcsRise: TemperatureDifference, cdu: CDUEntry, cduRedundancy: Redundancy,
        airUnit: AirUnitEntry, airRedundancy: Redundancy, economiser: HeatRejectionEntry,
        economiserRedundancy: Redundancy, chiller: ChillerEntry, chillerRedundancy: Redundancy,
        chillerUnits: [CoolingLoop.Kind: Int] = [:],
        facilityWaterRise: TemperatureDifference, airSupply: Temperature
    ) {
        self.chillerRedundancy = chillerRedundancy
        self.chillerUnits = chillerUnits
        self.airSupply = airSupply
        self.tcsSupply = tcsSupply
        self.tcsRise = tcsRise
        self.cdu = cdu
        self.cduRedundancy = cduRedundancy
        self.airUnit = airUnit
        self.airRedundancy = airRedundancy
        self.economiser = economiser
        self.economiserRedundancy = economiserRedundancy
        self.chiller = chiller
        self.facilityWaterRise = facilityWaterRise
    }
}

/// One hall's cooling at design (per copy): CDUs for the liquid heat, air units for the air
/// heat plus the power chain's losses released indoors.
public struct HallCooling: Hashable, Sendable, Identifiable {
    public var id: String
    public var copies: Int
    public var liquidLoad: Power
    public var airLoad: Power
    public var cdus: CDUSizing?
    public var airUnits: AirSideSizing?

    public init(id: String, copies: Int, liquidLoad: Power, airLoad: Power, cdus: CDUSizing?, airUnits: AirSideSizing?)
    {
        self.id = id
        self.copies = copies
        self.liquidLoad = liquidLoad
        self.airLoad = airLoad
        self.cdus = cdus
        self.airUnits = airUnits
    }
}

/// Energy and hours of the plant over a weather year (DESIGN.md §5.3).
public struct AnnualPlant: Hashable, Sendable {
    public struct Month: Hashable, Sendable {
        public var month: Int
        public var it: Energy
        public var facility: Energy
        public var cooling: Energy
        public var freeHours: Int
        public init(month: Int, it: Energy, facility: Energy, cooling: Energy, freeHours: Int) {
            self.month = month
            self.it = it
            self.facility = facility
            self.cooling = cooling
            self.freeHours = freeHours
        }
        public var pue: Double { it > .zero ? facility / it : 0 }
    }

    public var weatherFile: String
    public var hours: Int
    public var itEnergy: Energy
    public var chainLossEnergy: Energy
    /// CDU pumps and air-unit fans inside the halls.
    public var distributionCoolingEnergy: Energy
    /// Chiller compressors and economiser fans.
    public var plantEnergy: Energy
    /// Facility-water, air-coil-water and condenser-water pumps of the plant (DESIGN.md §5.13).
    public var pumpEnergy = Energy.zero
    /// The economisers' fan energy over the year, part of `plantEnergy` (the rest is the
    /// chillers' compressors; DESIGN.md §5.12).
    public var economiserFanEnergy = Energy.zero
    /// House loads: lighting, offices, security, BMS, electrical-room cooling (DESIGN.md §5.13).
    public var houseEnergy = Energy.zero
    public var facilityEnergy: Energy
    /// Make-up water of the towers [kg = L].
    public var water: Mass
    public var hoursByMode: [PlantMode: Int]
    public var months: [Month]
    /// Facility power of every hour, for charts (8,760 or 8,784 values).
    public var hourlyFacility: HourlySeries<Power>
    public var peakFacility: Power
    public var peakHour: Int
    /// Heat released to the outdoors: by the plant's loops, plus the losses of equipment outside
    /// the halls (main transformers). Equals facility energy − heat recovered.
    public var heatRejected: Energy
    /// Heat sold or reused (0 until heat recovery is planned).
    public var heatRecovered: Energy
    /// The worst hour's energy-balance residual,
    /// `|facility − heat rejected − heat recovered| / facility`.
    public var worstBalanceResidual: Double
    /// Hourly series for heat recovery (one value per hour, empty when not recorded).
    /// Heat into the facility-water (liquid) loop before any is recovered.
    public var hourlyLiquidHeat: HourlySeries<Power> = []
    /// The liquid loop's supply temperature.
    public var hourlyLiquidSupply: HourlySeries<Temperature> = []
    /// Chiller compressors + economiser fans of all loops.
    public var hourlyPlant: HourlySeries<Power> = []
    /// Heat rejected to the outdoors.
    public var hourlyHeatRejected: HourlySeries<Power> = []
    /// Heat recovered (taken by the heat pumps).
    public var hourlyRecovered: HourlySeries<Power> = []
    /// The year hour by hour for `hourly.csv` (DESIGN.md §8.3); nil when not recorded.
    public var hourlyRecord: PlantYearHourly? = nil

    public init(
        weatherFile: String, hours: Int, itEnergy: Energy, chainLossEnergy: Energy, distributionCoolingEnergy: Energy,
        plantEnergy: Energy, facilityEnergy: Energy, water: Mass, hoursByMode: [PlantMode: Int], months: [Month],
        hourlyFacility: HourlySeries<Power>, peakFacility: Power, peakHour: Int, heatRejected: Energy,
        heatRecovered: Energy = .zero, worstBalanceResidual: Double
    ) {
        self.heatRejected = heatRejected
        self.heatRecovered = heatRecovered
        self.worstBalanceResidual = worstBalanceResidual
        self.weatherFile = weatherFile
        self.hours = hours
        self.itEnergy = itEnergy
        self.chainLossEnergy = chainLossEnergy
        self.distributionCoolingEnergy = distributionCoolingEnergy
        self.plantEnergy = plantEnergy
        self.facilityEnergy = facilityEnergy
        self.water = water
        self.hoursByMode = hoursByMode
        self.months = months
        self.hourlyFacility = hourlyFacility
        self.peakFacility = peakFacility
        self.peakHour = peakHour
    }

    /// Power usage effectiveness, facility over IT energy (ISO/IEC 30134-2).
    public var pue: Double { itEnergy > .zero ? facilityEnergy / itEnergy : 0 }
    /// Water usage effectiveness, site water over IT energy [L/kWh] (Green Grid; ISO/IEC 30134-9).
    public var wue: Double { itEnergy > .zero ? water.kilograms / itEnergy.kilowattHours : 0 }
    /// Partial PUE of the power chain, `(E_IT + E_chain losses)/E_IT` (Green Grid partial PUE).
    public var partialPUEPower: Double { itEnergy > .zero ? (itEnergy + chainLossEnergy) / itEnergy : 0 }
    /// Partial PUE of cooling, `(E_IT + E_pumps and fans + E_plant + E_plant pumps)/E_IT`; with the
    /// house loads' `E_house/E_IT` the two partials add up to PUE + 1.
    public var partialPUECooling: Double {
        itEnergy > .zero ? (itEnergy + coolingEnergy) / itEnergy : 0
    }

    /// All cooling electricity: CDU pumps and air fans, chillers and economiser fans, plant pumps.
    public var coolingEnergy: Energy { distributionCoolingEnergy + plantEnergy + pumpEnergy }
}

/// One water loop of the plant and its heat-rejection equipment: the facility-water loop that
/// the CDUs reject the liquid heat into, and the colder air-coil loop of the fan walls or CRAHs.
/// Each has its own economisers in series with its own chillers.
public struct CoolingLoop: Hashable, Sendable, Identifiable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Facility water to the CDUs: TCS supply − CDU approach.
        case liquid = "facility water"
        /// Water to the air units' coils: supply air − coil approach.
        case air = "air-coil water"

        /// The loop's mapping under `cooling.plant` in the spec.
        public var specKey: String {
            switch self {
            case .liquid: "facility_water"
            case .air: "air_coil_water"
            }
        }

        /// The spec key that fixes the loop's chiller count.
        public var chillerUnitsKey: String { "cooling.plant.\(specKey).chiller_units" }
    }

    public var kind: Kind
    public var id: Kind { kind }
    /// Water supply set point.
    public var supplySetPoint: Temperature
    /// Heat into the loop at design power, all halls and copies (IT heat, hall chain losses for
    /// the air loop, and the pumps or fans that move it).
    public var designHeatLoad: Power
    public var economisers: RedundancySizing
    /// Heat the required economisers reject at the design condition with unlimited chillers:
    /// the loop's heat plus, with water-cooled chillers, their compressors' heat (DESIGN.md §5.12).
    /// The economisers are sized on it.
    public var designRejectionDuty: Power = .zero
    /// The ASHRAE 0.4 % condition that needs the most chiller duty: cooling DB with its MCWB, or
    /// evaporation WB with its MCDB.
    public var designDryBulb: Temperature
    public var designWetBulb: Temperature
    /// Chiller duty needed to hold the set point at the design condition.
    public var designChillerDuty: Power
    /// Chillers the duty needs, `n = ⌈duty/U⌉`, spares never included (0 when there is no
    /// duty; DESIGN.md §5.14).
    public var chillersRequired: Int
    /// Chillers installed: the spec's count for the loop, else the required count plus the
    /// redundancy's spares (`Redundancy.spares(required:)`).
    public var chillersInstalled: Int
    /// Whether `chillersInstalled` is the spec's (`cooling.plant.<loop>.chiller_units`).
    public var chillersFixed: Bool = false
    /// Capacity of the installed chillers with the redundancy spares out.
    public var chillerFirmCapacity: Power
    public var plant: PlantConfiguration
    /// The loop at the design condition and design load.
    public var designHour: PlantHour
    /// Hours of the year the supply is above the set point, and the warmest supply reached.
    public var hoursAboveSetPoint: Int
    public var warmestSupply: Temperature
    /// Hours of the year in each plant mode.
    public var hoursByMode: [PlantMode: Int] = [:]
    /// Hours of the year an adiabatic cooler's pads are wet (0 for other economisers).
    public var hoursPadsWet = 0
    /// The loop's pumps at design (DESIGN.md §5.13); nil for a loop built without them.
    public var pumps: LoopPumps?

    public init(
        kind: Kind, supplySetPoint: Temperature, designHeatLoad: Power, economisers: RedundancySizing,
        designDryBulb: Temperature, designWetBulb: Temperature, designChillerDuty: Power, chillersRequired: Int,
        chillersInstalled: Int, chillerFirmCapacity: Power,
        plant: PlantConfiguration, designHour: PlantHour, hoursAboveSetPoint: Int, warmestSupply: Temperature
    ) {
        self.kind = kind
        self.supplySetPoint = supplySetPoint
        self.designHeatLoad = designHeatLoad
        self.economisers = economisers
        self.designDryBulb = designDryBulb
        self.designWetBulb = designWetBulb
        self.designChillerDuty = designChillerDuty
        self.chillersRequired = chillersRequired
        self.chillersInstalled = chillersInstalled
        self.chillerFirmCapacity = chillerFirmCapacity
        self.plant = plant
        self.designHour = designHour
        self.hoursAboveSetPoint = hoursAboveSetPoint
        self.warmestSupply = warmestSupply
    }
}

/// The site's cooling: per-hall units, the plant's loops at the design condition and the year.
public struct SiteCooling: Hashable, Sendable {
    public var choices: CoolingChoices
    public var halls: [HallCooling]
    /// The facility-water loop first, then the air-coil loop (loops without heat are left out).
    public var loops: [CoolingLoop]
    /// ASHRAE 0.4 % cooling dry bulb and its mean coincident wet bulb.
    public var designDryBulb: Temperature
    public var designWetBulb: Temperature
    /// The ASHRAE 0.4 % evaporation wet bulb and its mean coincident dry bulb (nil when not given).
    public var designEvaporationWetBulb: Temperature?
    public var designEvaporationDryBulb: Temperature?
    /// Where the design condition the plant is sized for came from: a weather file's `.stat` or
    /// header, its hours, or `site.design_conditions` with its source (DESIGN.md §5.14).
    public var designSource: String = ""
    /// CDU pumps and air-unit fans at design load, all halls and copies.
    public var designDistributionCooling: Power
    /// The plant over the weather year; nil when the site has no weather file and the cooling is
    /// sized at its design condition only (the loops' hours and modes are then empty).
    public var annual: AnnualPlant?
    /// The racks' inlet air over the year (nil without an air side or a weather year).
    public var airInlet: AirInlet?
    /// Hours the facility water is above its ASHRAE W-class limit (nil without a weather year).
    public var hoursAboveLiquidClass: Int?
    /// The plant at the extreme condition with one chiller and one economiser out (nil without a
    /// weather year).
    public var extreme: ExtremeCheck?
    /// House loads, constant all year (DESIGN.md §5.13).
    public var designHouseLoad = Power.zero

    public init(
        choices: CoolingChoices, halls: [HallCooling], loops: [CoolingLoop], designDryBulb: Temperature,
        designWetBulb: Temperature, designDistributionCooling: Power, annual: AnnualPlant?, airInlet: AirInlet?,
        hoursAboveLiquidClass: Int?
    ) {
        self.airInlet = airInlet
        self.hoursAboveLiquidClass = hoursAboveLiquidClass
        self.choices = choices
        self.halls = halls
        self.loops = loops
        self.designDryBulb = designDryBulb
        self.designWetBulb = designWetBulb
        self.designDistributionCooling = designDistributionCooling
        self.annual = annual
    }
}

extension SiteCooling {
    public func loop(_ kind: CoolingLoop.Kind) -> CoolingLoop? { loops.first { $0.kind == kind } }

    /// Heat the plant rejects at design (IT + hall chain losses + pumps + fans), all loops.
    public var designHeatLoad: Power { loops.sum(\.designHeatLoad) }

    /// Chillers and economiser fans at the design condition and design load, all loops.
    public var designPlantPower: Power { loops.sum(\.designHour.electricity) }

    /// Facility-water, air-coil-water and condenser-water pumps at the design condition, all loops.
    public var designPlantPumps: Power { loops.sum { $0.pumps?.total ?? .zero } }

    /// Cooling electricity at the design condition and design load: CDU pumps, air fans, chillers,
    /// economiser fans and the plant's pumps.
    public var designCoolingPower: Power { designDistributionCooling + designPlantPower + designPlantPumps }

    /// What the main transformers and the grid carry beside the halls at design: the cooling at
    /// the design condition and the house loads (DESIGN.md §5.13).
    public var designMechanicalLoad: Power { designCoolingPower + designHouseLoad }

    /// Facility water to the CDUs: TCS supply − CDU approach.
    public var facilityWaterSupply: Temperature { choices.tcsSupply - choices.cdu.approach }

    /// Water to the air units' coils: supply air − coil approach.
    public var airCoilWaterSupply: Temperature { choices.airSupply - choices.airUnit.coilApproach }

    /// The ASHRAE liquid-cooling class (2021, named by the highest facility-water supply it
    /// allows: W17, W27, W32, W40, W45, then W+ above 45 °C; REFERENCE.md §3.2) the facility
    /// water supply falls in.
    public var liquidClass: String { AshraeClass.liquid(facilityWaterSupply) }
}

/// The racks' inlet air over the year: supply air = air-coil water + coil approach, so it follows
/// the air loop above its set point.
public struct AirInlet: Hashable, Sendable {
    public var setPoint: Temperature
    public var warmest: Temperature
    /// The tightest ASHRAE class whose allowable range holds every hour (nil: not even A4).
    public var airClass: AshraeClass.Air?
    /// Hours outside the A1-A4 recommended 18-27 °C.
    public var hoursOutsideRecommended: Int
    /// Hours outside the recommended range of `airClass` (H1: 18-22 °C).
    public var hoursOutsideClassRecommended: Int

    public init(
        setPoint: Temperature, warmest: Temperature, airClass: AshraeClass.Air?, hoursOutsideRecommended: Int,
        hoursOutsideClassRecommended: Int
    ) {
        self.setPoint = setPoint
        self.warmest = warmest
        self.airClass = airClass
        self.hoursOutsideRecommended = hoursOutsideRecommended
        self.hoursOutsideClassRecommended = hoursOutsideClassRecommended
    }
}

/// ASHRAE TC 9.9 classes (Thermal Guidelines, 5th ed., 2021; REFERENCE.md §3.1-3.2).
public enum AshraeClass {
    /// An air class with its recommended and allowable inlet ranges [°C].
    public struct Air: Hashable, Sendable {
        public var name: String
        public var recommended: ClosedRange<Double>
        public var allowable: ClosedRange<Double>
    }

    /// H1, then A1-A4 in order of their allowable upper limit (REFERENCE.md §3.1: A1-A4
    /// recommended 18-27 °C (H); H1 recommended 18-22, allowable 5-25 °C (M)).
    public static let airClasses: [Air] = [
        Air(name: "H1", recommended: 18...22, allowable: 5...25),
        Air(name: "A1", recommended: 18...27, allowable: 15...32),
        Air(name: "A2", recommended: 18...27, allowable: 10...35),
        Air(name: "A3", recommended: 18...27, allowable: 5...40),
        Air(name: "A4", recommended: 18...27, allowable: 5...45),
    ]

    /// The class chosen for a design inlet (DESIGN.md §5.15): the first of H1, A1-A4 whose
    /// *recommended* range holds the set point; when none does (below 18 or above 27 °C), the
    /// tightest whose allowable range holds it, and the design sits outside its own class's
    /// recommended range (a finding). Nil above A4's 45 °C.
    public static func chosenAir(setPoint: Temperature) -> Air? {
        airClasses.first { $0.recommended.contains(setPoint.celsius) }
            ?? airClasses.first { $0.allowable.contains(setPoint.celsius) }
    }

    /// The tightest air class whose allowable range holds every inlet temperature from
    /// `coolest` to `warmest`; nil when even A4 does not.
    public static func air(coolest: Temperature, warmest: Temperature) -> Air? {
        airClasses.first { $0.allowable.contains(coolest.celsius) && $0.allowable.contains(warmest.celsius) }
    }

    /// The liquid class named by the highest facility-water supply it allows (W17 … W45, W+).
    public static func liquid(_ supply: Temperature) -> String {
        liquidLimit(supply)?.name ?? "W+"
    }

    /// The W class for a supply and its upper limit [°C]; nil above 45 °C (W+).
    public static func liquidLimit(_ supply: Temperature) -> (name: String, limit: Double)? {
        let c = supply.celsius
        return [("W17", 17.0), ("W27", 27), ("W32", 32), ("W40", 40), ("W45", 45)].first { c <= $0.1 + 1e-9 }
            .map { (name: $0.0, limit: $0.1) }
    }
}

extension Plan {
    /// What the grid supplies at design: IT + power-chain losses, plus cooling at the design
    /// condition and the house loads when the plant was simulated; nil without the power chain.
    public var facilityDesign: Power? {
        electrical.map { $0.facilityDesign + (cooling?.designMechanicalLoad ?? .zero) }
    }
}

/// The outdoor condition the cooling is sized for when the site has no weather file: the ASHRAE
/// 0.4 % cooling dry bulb with its mean coincident wet bulb, and the 0.4 % evaporation wet bulb
/// with its mean coincident dry bulb (`site.design_conditions`, or the cited stand-in).
public struct CoolingDesignCondition: Hashable, Sendable {
    public var coolingDryBulb: Temperature
    public var coolingWetBulb: Temperature
    public var evaporationWetBulb: Temperature
    public var evaporationDryBulb: Temperature
    public var provenance: Provenance

    public init(
        coolingDryBulb: Temperature, coolingWetBulb: Temperature, evaporationWetBulb: Temperature,
        evaporationDryBulb: Temperature, provenance: Provenance
    ) {
        self.coolingDryBulb = coolingDryBulb
        self.coolingWetBulb = coolingWetBulb
        self.evaporationWetBulb = evaporationWetBulb
        self.evaporationDryBulb = evaporationDryBulb
        self.provenance = provenance
    }

    /// Seoul-Seongnam's 0.4 % values (REFERENCE.md D21, §6.1: 33.8 / 25.8 °C cooling DB / MCWB,
    /// 26.7 / 31.1 °C evaporation WB / MCDB): the stand-in for a Korean site without a weather file.
    public static let seoulSeongnam = CoolingDesignCondition(
        coolingDryBulb: .celsius(33.8), coolingWetBulb: .celsius(25.8), evaporationWetBulb: .celsius(26.7),
        evaporationDryBulb: .celsius(31.1),
        provenance: Provenance(
            source: "REFERENCE.md D21, §6.1 (Seoul-Seongnam 0.4 %), a stand-in: the spec names no weather file",
            confidence: .low))
}

/// The plant at an extreme outdoor condition with one chiller and one economiser out of each loop
/// (DESIGN.md §5.15): can it still hold its set points?
public struct ExtremeCheck: Hashable, Sendable {
    public var dryBulb: Temperature
    public var wetBulb: Temperature
    /// Where the condition comes from (the spec, or the weather file's n-year extreme).
    public var source: String
    public var loops: [Loop]

    public struct Loop: Hashable, Sendable {
        public var kind: CoolingLoop.Kind
        /// Heat into the loop at design load.
        public var heat: Power
        /// Chiller duty to hold the set point at the extreme with one economiser out.
        public var duty: Power
        /// Chillers in service: installed − 1 (one out, whatever the redundancy), and their capacity.
        public var chillersInService: Int
        public var capacity: Power
        /// Economisers in service: installed − 1.
        public var economisersInService: Int
        /// The loop's supply at the extreme (above the set point when the capacity is short).
        public var supply: Temperature
        /// Hours of the weather year the loop, at the year's load, misses its set point with one
        /// chiller and one economiser out, and the most it is short by in those hours.
        public var hoursShort: Int
        public var worstShort: Power

        public init(
            kind: CoolingLoop.Kind, heat: Power, duty: Power, chillersInService: Int, capacity: Power,
            economisersInService: Int, supply: Temperature, hoursShort: Int, worstShort: Power
        ) {
            self.kind = kind
            self.heat = heat
            self.duty = duty
            self.chillersInService = chillersInService
            self.capacity = capacity
            self.economisersInService = economisersInService
            self.supply = supply
            self.hoursShort = hoursShort
            self.worstShort = worstShort
        }

        /// Capacity − duty: negative when the loop is short at the extreme.
        public var margin: Power { capacity - duty }
    }

    public init(dryBulb: Temperature, wetBulb: Temperature, source: String, loops: [Loop]) {
        self.dryBulb = dryBulb
        self.wetBulb = wetBulb
        self.source = source
        self.loops = loops
    }
}
