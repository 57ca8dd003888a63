import Foundation

/// Where the heat pumps take the data centre's waste heat from (DESIGN.md §5.5).
public enum HeatSourceKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The technology cooling system's return (TCS supply + TCS rise), taken before the CDUs:
    /// the warmest water in the building, but the heat-pump evaporators sit inside the TCS.
    case tcsReturn = "TCS return"
    /// The facility-water return (facility supply + facility-water rise), after the CDUs: colder
    /// by the CDU approach, but the plant's own loop.
    case facilityWaterReturn = "facility-water return"

    /// The return temperature of the chosen loop, `supply + rise` [K].
    ///
    /// - Parameters:
    ///   - supply: The loop's supply temperature (TCS supply, or facility water = TCS supply − CDU
    ///     approach).
    ///   - rise: The loop's return − supply (TCS rise, or `facilityWaterRise`).
    public static func returnTemperature(supply: Temperature, rise: TemperatureDifference) -> Temperature {
        supply + rise
    }
}

/// The data centre's waste heat offered to the heat pumps, hour by hour.
///
/// Hourly series (like `WeatherYear`'s): 8 760 or 8 784 values, one per hour of the weather year,
/// fed from the plant simulation.
public struct WasteHeat: Hashable, Sendable {
    public var kind: HeatSourceKind
    /// Heat available from the loop each hour (≥ 0).
    public var hourlyHeat: HourlySeries<Power>
    /// Temperature of the loop's return each hour.
    public var hourlyTemperature: HourlySeries<Temperature>

    /// Waste heat whose temperature varies by the hour.
    public init(kind: HeatSourceKind, hourlyHeat: HourlySeries<Power>, hourlyTemperature: HourlySeries<Temperature>) {
        self.kind = kind
        self.hourlyHeat = hourlyHeat
        self.hourlyTemperature = hourlyTemperature
    }

    /// Waste heat at a constant temperature (a loop held at its set point).
    public init(kind: HeatSourceKind, hourlyHeat: HourlySeries<Power>, temperature: Temperature) {
        self.init(
            kind: kind, hourlyHeat: hourlyHeat,
            hourlyTemperature: HourlySeries(repeating: temperature, count: hourlyHeat.count))
    }

    /// A constant heat flow for `hours` hours at a constant temperature.
    public static func constant(_ heat: Power, at temperature: Temperature, hours: Int, kind: HeatSourceKind)
        -> WasteHeat
    {
        WasteHeat(kind: kind, hourlyHeat: HourlySeries(repeating: heat, count: hours), temperature: temperature)
    }

    public var hours: Int { hourlyHeat.count }
    /// `Σ_h Q(h)·1 h`.
    public var annualEnergy: Energy { hourlyHeat.energy }
}

/// The supply temperature of a district-heating network.
public enum NetworkSupplyTemperature: Hashable, Sendable {
    /// The same supply all year.
    case fixed(Temperature)
    /// An outdoor reset curve: `atDesign` at or below the heating design dry bulb, `atMild` at or
    /// above `mildOutdoor`, linear in between.
    case outdoorReset(atDesign: Temperature, atMild: Temperature, mildOutdoor: Temperature)
}

/// A district-heating network the data centre sells heat to: temperatures, size and the shape of
/// its demand.
///
/// Demand model (DESIGN.md §5.5): `D(h) = base + k·max(0, T_balance − T_db(h))`, with
/// `base = baseShare × peak` (hot water and network losses) and `k` such that
/// `D = peak` at the heating design dry bulb; hours colder than the design hold the peak.
public struct DistrictHeatingNetwork: Hashable, Sendable {
    public var name: String
    /// The heat the network can take from the data centre at the heating design condition [W]
    /// (the share of the network's load open to this heat source, not its whole load).
    public var peakDemand: Power
    /// Share of the peak that is independent of the weather (hot water, network losses).
    public var baseShare: Ratio
    /// Outdoor dry bulb above which no space heating is needed.
    public var balanceTemperature: Temperature
    public var supply: NetworkSupplyTemperature
    /// Network return temperature (for reporting and the EED mean waste-heat temperature).
    public var returnTemperature: Temperature
    public var provenance: Provenance

    public init(
        name: String, peakDemand: Power, baseShare: Ratio, balanceTemperature: Temperature,
        supply: NetworkSupplyTemperature, returnTemperature: Temperature, provenance: Provenance
    ) {
        self.name = name
        self.peakDemand = peakDemand
        self.baseShare = baseShare
        self.balanceTemperature = balanceTemperature
        self.supply = supply
        self.returnTemperature = returnTemperature
        self.provenance = provenance
    }

    /// Demand-shape defaults shared by the presets (L): balance temperature 15 °C (the usual
    /// European heating threshold; ASHRAE's degree days use 18.3 °C, REFERENCE.md §6.1 HDD18.3),
    /// base load 15 % of peak (summer hot water plus network losses; not in REFERENCE.md).
    public static let defaultBalanceTemperature = Temperature.celsius(15)
    public static let defaultBaseShare = Ratio.percent(15)
    static let shapeNote =
        "demand shape L (not in REFERENCE.md): balance temperature 15 °C, weather-independent base 15 % of peak"

    /// Korean high-temperature district heating (KDHC / Seoul Energy): 115 °C supply, 55 °C return
    /// (middle of 50-65 °C), REFERENCE.md §4.3 (M).
    public static func koreanHighTemperature(peakDemand: Power) -> DistrictHeatingNetwork {
        DistrictHeatingNetwork(
            name: "Korean high-temperature district heating (115/55 °C)", peakDemand: peakDemand,
            baseShare: defaultBaseShare, balanceTemperature: defaultBalanceTemperature,
            supply: .fixed(.celsius(115)), returnTemperature: .celsius(55),
            provenance: Provenance(
                source: "REFERENCE.md §4.3 Korea (KDHC / Seoul Energy): primary ≈115 °C, return 50-65 °C (M)",
                confidence: .low,
                derivation: "return 55 °C = lower middle of 50-65 °C; " + shapeNote))
    }

    /// A 4th-generation low-temperature network: supply 70 °C at the design condition falling to
    /// 55 °C in mild weather (REFERENCE.md §4.2/§4.3 4G 55-70 °C, M), return 30 °C (25-40 °C is
    /// the usual 4G range but not in REFERENCE.md: L).
    public static func fourthGeneration(peakDemand: Power) -> DistrictHeatingNetwork {
        DistrictHeatingNetwork(
            name: "4th-generation low-temperature network (70-55/30 °C)", peakDemand: peakDemand,
            baseShare: defaultBaseShare, balanceTemperature: defaultBalanceTemperature,
            supply: .outdoorReset(atDesign: .celsius(70), atMild: .celsius(55), mildOutdoor: defaultBalanceTemperature),
            returnTemperature: .celsius(30),
            provenance: Provenance(
                source: "REFERENCE.md §4.2 (p2h-computing: 4G 55-70 °C, M); §4.3 generic 4G row (M)",
                confidence: .low,
                derivation:
                    "reset 70 °C at the heating design dry bulb to 55 °C at 15 °C outdoor; return 30 °C estimate (not "
                    + "in REFERENCE.md); "
                    + shapeNote))
    }
}

/// Where the 99.6 % heating design dry bulb came from.
public enum HeatingDesignSource: Hashable, Sendable {
    /// The `Heating` block of the EPW's `DESIGN CONDITIONS` header (ASHRAE 99.6 % DB).
    case epwHeader
    /// The ⌈0.004·N⌉-th coldest hour of the year (35th of 8 760): the year's own 0.4 % cold tail,
    /// standing in for ASHRAE's period-of-record 99.6 % value.
    case epwHours
    /// Given by the caller.
    case input
}

/// Hourly district-heating demand and supply temperature derived from a weather year.
public struct HeatDemand: Hashable, Sendable {
    /// Heat the network takes each hour.
    public var hourlyDemand: HourlySeries<Power>
    /// Network supply temperature each hour.
    public var hourlySupply: HourlySeries<Temperature>
    /// Month (1…12) of each hour, for monthly tables.
    public var months: [UInt8]
    public var designDryBulb: Temperature
    public var designSource: HeatingDesignSource
    public var network: DistrictHeatingNetwork

    public init(
        hourlyDemand: HourlySeries<Power>, hourlySupply: HourlySeries<Temperature>, months: [UInt8],
        designDryBulb: Temperature, designSource: HeatingDesignSource, network: DistrictHeatingNetwork
    ) {
        self.hourlyDemand = hourlyDemand
        self.hourlySupply = hourlySupply
        self.months = months
        self.designDryBulb = designDryBulb
        self.designSource = designSource
        self.network = network
    }

    public var hours: Int { hourlyDemand.count }
    /// `Σ_h D(h)·1 h`.
    public var annualEnergy: Energy { hourlyDemand.energy }
    /// The largest hourly demand (zero when empty).
    public var peak: Power { hourlyDemand.max() ?? .zero }
}

/// Money for the heat-recovery optimisation, in one currency (default USD). Not a physical
/// quantity, so plain numbers with the unit in the name.
///
/// Defaults are estimates (L, not in REFERENCE.md) and must be overridden for a real study:
/// electricity 120 USD/MWh ≈ KEPCO industrial tariff (≈160-180 KRW/kWh in 2024 at ≈1 350 KRW/USD),
/// heat 70 USD/MWh (≈ a Korean district-heat retail tariff of ≈90 KRW/kWh; a wholesale price
/// for waste heat would be lower), 7 % real discount rate over 20 years.
public struct HeatRecoveryEconomics: Hashable, Sendable {
    public var currency: String
    /// Price the network pays per MWh of heat delivered.
    public var heatPricePerMegawattHour: Double
    /// Price of the heat pumps' electricity per MWh.
    public var electricityPricePerMegawattHour: Double
    /// Discount rate for the capital annuity.
    public var discountRate: Ratio
    public var lifetimeYears: Int
    /// Overrides the heat-pump entry's capital cost per kW of heat, when given.
    public var heatPumpCostPerKilowatt: Double?
    /// Capital cost of hot-water storage per MWh of capacity (used only with storage).
    public var storageCostPerMegawattHour: Double
    public var provenance: Provenance

    public init(
        currency: String = "USD", heatPricePerMegawattHour: Double = 70, electricityPricePerMegawattHour: Double = 120,
        discountRate: Ratio = .percent(7), lifetimeYears: Int = 20, heatPumpCostPerKilowatt: Double? = nil,
        storageCostPerMegawattHour: Double = 3_000,
        provenance: Provenance = HeatRecoveryEconomics.defaultProvenance
    ) {
        self.currency = currency
        self.heatPricePerMegawattHour = heatPricePerMegawattHour
        self.electricityPricePerMegawattHour = electricityPricePerMegawattHour
        self.discountRate = discountRate
        self.lifetimeYears = lifetimeYears
        self.heatPumpCostPerKilowatt = heatPumpCostPerKilowatt
        self.storageCostPerMegawattHour = storageCostPerMegawattHour
        self.provenance = provenance
    }

    public static let defaultProvenance = Provenance(
        source: "estimates, not in REFERENCE.md (open item)", confidence: .low,
        derivation:
            "electricity 120 USD/MWh ≈ KEPCO industrial 160-180 KRW/kWh (2024) at 1 350 KRW/USD; heat 70 USD/MWh ≈ "
            + "Korean district-heat retail ≈90 KRW/kWh; 7 % over 20 years; pit/tank storage 3 000 USD/MWh"
    )

    /// Capital recovery factor `r/(1 − (1 + r)^−n)` [1/year]; `1/n` when `r = 0`.
    public var annuityFactor: Double { capitalRecoveryFactor(rate: discountRate, years: lifetimeYears) }
}

/// Optional hot-water heat storage between the heat pumps and the network.
public struct HeatStorageOptions: Hashable, Sendable {
    /// Fraction of the stored heat lost per hour.
    public var hourlyLoss: Ratio
    /// Upper limit on the storage capacity the optimiser may choose (nil = none).
    public var maximumCapacity: Energy?

    public init(hourlyLoss: Ratio = .percent(0.1), maximumCapacity: Energy? = nil) {
        self.hourlyLoss = hourlyLoss
        self.maximumCapacity = maximumCapacity
    }
}

/// How the year is represented in the LP.
public enum HeatRecoveryResolution: Hashable, Sendable {
    /// Every hour of the weather year (the default).
    case fullYear
    /// `days` representative days, each weighted by the days it stands for (days are ranked by
    /// their daily heat demand and split into `days` equal groups; the middle day of each group
    /// represents it). The result carries the error against the full year.
    case representativeDays(Int)
}

/// Options of `HeatRecoveryAnalysis.plan`.
public struct HeatRecoveryOptions: Hashable, Sendable {
    /// Hot-water storage, or nil for none.
    public var storage: HeatStorageOptions?
    /// Minimum energy-reuse factor to reach (adds `ERF ≥ target` to the LP), with the data-centre
    /// energy it is measured against (ERF = reused / total DC energy, ISO/IEC 30134-6). Reused
    /// energy is the heat the heat pumps take out of the data centre, `output·(1 − 1/COP)`: their
    /// compressor work is not data-centre energy (EnEfG §11 keeps it out of PUE), so it is not
    /// counted as reuse either (a conservative reading of EN 50600-4-6).
    public var minimumERF: Ratio?
    /// Total data-centre energy over the year for the ERF row (facility energy, heat-pump
    /// electricity excluded). Needed when `minimumERF` is given.
    public var dataCentreEnergy: Energy?
    /// Upper limit on the heat-pump capacity (nil = none).
    public var maximumCapacity: Power?
    public var resolution: HeatRecoveryResolution
    /// Solver time limit.
    public var timeLimit: Duration?

    public init(
        storage: HeatStorageOptions? = nil, minimumERF: Ratio? = nil, dataCentreEnergy: Energy? = nil,
        maximumCapacity: Power? = nil, resolution: HeatRecoveryResolution = .fullYear, timeLimit: Duration? = nil
    ) {
        self.storage = storage
        self.minimumERF = minimumERF
        self.dataCentreEnergy = dataCentreEnergy
        self.maximumCapacity = maximumCapacity
        self.resolution = resolution
        self.timeLimit = timeLimit
    }
}
