/// A heat-pump type for recovering data-centre heat into a district-heating network
/// (DESIGN.md §5.5, REFERENCE.md §4.2).
///
/// Performance model: `COP = min(maximumCOP, η·T_sink/(T_sink − T_source))` in kelvin, with
/// `T_sink = network supply + sinkApproach` and `T_source = waste-heat temperature − sourceApproach`.
public struct HeatPumpEntry: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// Heat output of one unit at design [W]; the optimiser sizes the total, this counts units.
    public var unitCapacity: Power
    /// η, the fraction of the Carnot heating COP reached.
    public var carnotEfficiency: Ratio
    /// Condensing temperature − network supply [K].
    public var sinkApproach: TemperatureDifference
    /// Waste-heat temperature − evaporating temperature [K].
    public var sourceApproach: TemperatureDifference
    /// Upper bound on the COP at small lifts, where the Carnot model runs away.
    public var maximumCOP: Double
    /// Lift `T_sink − T_source` above which one compressor stage is not realistic; hours above it
    /// are flagged (a real plant would be two-stage; the single-stage COP is kept, see
    /// `HeatPumpModel.cop`).
    public var maximumStageLift: TemperatureDifference
    /// Highest condensing temperature the machine reaches; hours whose sink is hotter get no heat
    /// from it.
    public var maximumSinkTemperature: Temperature
    /// Installed cost per kW of heat output, in the economics' currency (USD by default).
    public var capitalCostPerKilowatt: Double
    public var provenance: Provenance

    public init(
        id: String, name: String, unitCapacity: Power, carnotEfficiency: Ratio, sinkApproach: TemperatureDifference,
        sourceApproach: TemperatureDifference, maximumCOP: Double, maximumStageLift: TemperatureDifference,
        maximumSinkTemperature: Temperature, capitalCostPerKilowatt: Double, provenance: Provenance
    ) {
        self.id = id
        self.name = name
        self.unitCapacity = unitCapacity
        self.carnotEfficiency = carnotEfficiency
        self.sinkApproach = sinkApproach
        self.sourceApproach = sourceApproach
        self.maximumCOP = maximumCOP
        self.maximumStageLift = maximumStageLift
        self.maximumSinkTemperature = maximumSinkTemperature
        self.capitalCostPerKilowatt = capitalCostPerKilowatt
        self.provenance = provenance
    }
}

/// Grid carbon intensity, or carbon usage effectiveness [kg CO₂e per J, read as kg/kWh].
public struct CarbonIntensity: Quantity {
    public var si: Double
    public init(si: Double) { self.si = si }
    public static let siSymbol = "kg/J"

    public static func kilogramsPerKilowattHour(_ value: Double) -> CarbonIntensity {
        CarbonIntensity(si: value / 3.6e6)
    }
    public var kilogramsPerKilowattHour: Double { si * 3.6e6 }

    /// Korean grid emission factor, 0.4594 kg CO₂e/kWh: the national electricity emission factor
    /// of Korea's Greenhouse Gas Inventory and Research Center as commonly quoted for emission
    /// trading (not in REFERENCE.md; L, verify against the current GIR notice).
    public static let koreanGrid = CarbonIntensity.kilogramsPerKilowattHour(0.4594)
    public static let koreanGridProvenance = Provenance(
        source: "not in REFERENCE.md (open item); GIR national grid factor as commonly quoted", confidence: .low,
        derivation: "0.4594 tCO₂e/MWh; check the latest Greenhouse Gas Inventory and Research Center notice")
}
