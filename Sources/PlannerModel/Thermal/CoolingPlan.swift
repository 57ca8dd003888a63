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
    /// Facility-water return − supply across the CDUs (10 K, L).
    public var facilityWaterRise: TemperatureDifference

    public init(
        tcsSupply: Temperature, tcsRise: TemperatureDifference, cdu: CDUEntry, cduRedundancy: Redundancy,
        airUnit: AirUnitEntry, airRedundancy: Redundancy, economiser: HeatRejectionEntry,
        economiserRedundancy: Redundancy, chiller: ChillerEntry, facilityWaterRise: TemperatureDifference
    ) {
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

    public init(id: String, copies: Int, liquidLoad: Power, airLoad: Power, cdus: CDUSizing?, airUnits: AirSideSizing?) {
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
    public var facilityEnergy: Energy
    /// Make-up water of the towers [kg = L].
    public var water: Mass
    public var hoursByMode: [PlantMode: Int]
    public var months: [Month]
    /// Facility power of every hour [W], for charts (kept as numbers: 8,760 values).
    public var hourlyFacilityWatts: [Double]
    public var peakFacility: Power
    public var peakHour: Int

    public init(
        weatherFile: String, hours: Int, itEnergy: Energy, chainLossEnergy: Energy, distributionCoolingEnergy: Energy,
        plantEnergy: Energy, facilityEnergy: Energy, water: Mass, hoursByMode: [PlantMode: Int], months: [Month],
        hourlyFacilityWatts: [Double], peakFacility: Power, peakHour: Int
    ) {
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
        self.hourlyFacilityWatts = hourlyFacilityWatts
        self.peakFacility = peakFacility
        self.peakHour = peakHour
    }

    /// Power usage effectiveness, facility over IT energy (ISO/IEC 30134-2).
    public var pue: Double { itEnergy > .zero ? facilityEnergy / itEnergy : 0 }
    /// Water usage effectiveness, site water over IT energy [L/kWh] (Green Grid; ISO/IEC 30134-9).
    public var wue: Double { itEnergy > .zero ? water.kilograms / itEnergy.kilowattHours : 0 }
}

/// The site's cooling: per-hall units, the design-condition point and the year.
public struct SiteCooling: Hashable, Sendable {
    public var choices: CoolingChoices
    public var halls: [HallCooling]
    /// Heat the plant rejects at design (indoor heat: IT + hall chain losses + pumps + fans).
    public var designHeatLoad: Power
    public var economiserUnits: RedundancySizing
    public var facilityWaterSupply: Temperature
    /// ASHRAE 0.4 % cooling dry bulb and its mean coincident wet bulb.
    public var designDryBulb: Temperature
    public var designWetBulb: Temperature
    /// The plant at the design condition and design load.
    public var designHour: PlantHour
    /// CDU pumps and air-unit fans at design load, all halls and copies.
    public var designDistributionCooling: Power
    public var annual: AnnualPlant

    public init(
        choices: CoolingChoices, halls: [HallCooling], designHeatLoad: Power, economiserUnits: RedundancySizing,
        facilityWaterSupply: Temperature, designDryBulb: Temperature, designWetBulb: Temperature, designHour: PlantHour,
        designDistributionCooling: Power = .zero, annual: AnnualPlant
    ) {
        self.designDistributionCooling = designDistributionCooling
        self.choices = choices
        self.halls = halls
        self.designHeatLoad = designHeatLoad
        self.economiserUnits = economiserUnits
        self.facilityWaterSupply = facilityWaterSupply
        self.designDryBulb = designDryBulb
        self.designWetBulb = designWetBulb
        self.designHour = designHour
        self.annual = annual
    }
}

extension SiteCooling {
    /// Cooling electricity at the design condition and design load: pumps, air fans, chillers
    /// and economiser fans.
    public var designCoolingPower: Power { designDistributionCooling + designHour.electricity }

    /// The ASHRAE liquid-cooling class (2021, named by the highest facility-water supply it
    /// allows: W17, W27, W32, W40, W45, then W+ above 45 °C; REFERENCE.md §3.2) the facility
    /// water supply falls in.
    public var liquidClass: String {
        let supply = facilityWaterSupply.celsius
        for (name, limit) in [("W17", 17.0), ("W27", 27), ("W32", 32), ("W40", 40), ("W45", 45)] where supply <= limit + 1e-9 {
            return name
        }
        return "W+"
    }
}

extension Plan {
    /// What the grid supplies at design: IT + power-chain losses, plus cooling at the design
    /// condition when the plant was simulated; nil without the power chain.
    public var facilityDesign: Power? {
        electrical.map { $0.facilityDesign + (cooling?.designCoolingPower ?? .zero) }
    }
}
