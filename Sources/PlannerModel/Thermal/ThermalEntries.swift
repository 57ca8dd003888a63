/// Density and isobaric specific heat of a coolant at one temperature.
public struct FluidState: Hashable, Sendable, Codable {
    public var temperature: Temperature
    /// Density ρ [kg/m³].
    public var densityKgPerCubicMetre: Double
    /// Isobaric specific heat c_p [J/(kg·K)].
    public var specificHeatJPerKgK: Double

    public init(temperature: Temperature, densityKgPerCubicMetre: Double, specificHeatJPerKgK: Double) {
        self.temperature = temperature
        self.densityKgPerCubicMetre = densityKgPerCubicMetre
        self.specificHeatJPerKgK = specificHeatJPerKgK
    }

    /// Volumetric heat capacity `ρ·c_p` [J/(m³·K)].
    public var volumetricHeatCapacity: Double { densityKgPerCubicMetre * specificHeatJPerKgK }
}

/// A liquid coolant (TCS or facility water) as a table of property points over temperature.
public struct Coolant: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// Property points, ascending in temperature (at least one).
    public var points: [FluidState]
    public var provenance: Provenance

    public init(id: String, name: String, points: [FluidState], provenance: Provenance) {
        precondition(!points.isEmpty, "coolant \(id) needs at least one property point")
        self.id = id
        self.name = name
        self.points = points.sorted { $0.temperature < $1.temperature }
        self.provenance = provenance
    }

    /// Properties at `temperature`, linearly interpolated between the table points and held at
    /// the end values outside the table (no extrapolation).
    public func properties(at temperature: Temperature) -> FluidState {
        guard let first = points.first, let last = points.last else { fatalError("coolant \(id) has no points") }
        if temperature <= first.temperature {
            return FluidState(
                temperature: temperature, densityKgPerCubicMetre: first.densityKgPerCubicMetre,
                specificHeatJPerKgK: first.specificHeatJPerKgK)
        }
        if temperature >= last.temperature {
            return FluidState(
                temperature: temperature, densityKgPerCubicMetre: last.densityKgPerCubicMetre,
                specificHeatJPerKgK: last.specificHeatJPerKgK)
        }
        let upper = points.firstIndex { $0.temperature >= temperature }!
        let a = points[upper - 1]
        let b = points[upper]
        let t = (temperature - a.temperature).kelvins / (b.temperature - a.temperature).kelvins
        return FluidState(
            temperature: temperature,
            densityKgPerCubicMetre: a.densityKgPerCubicMetre + t
                * (b.densityKgPerCubicMetre - a.densityKgPerCubicMetre),
            specificHeatJPerKgK: a.specificHeatJPerKgK + t * (b.specificHeatJPerKgK - a.specificHeatJPerKgK))
    }
}

/// A coolant distribution unit: liquid-to-liquid heat exchanger and pumps between the TCS
/// (rack side) and the facility water (REFERENCE.md §3.4).
public struct CDUEntry: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// Heat one unit transfers at its design approach [W].
    public var capacity: Power
    /// TCS supply − facility-water supply at design [K] (REFERENCE.md §3.4: 3–5 K).
    public var approach: TemperatureDifference
    /// Electrical power of the unit's pumps at design flow [W].
    public var designPumpPower: Power
    public var provenance: Provenance
    /// Reach and installed cost for floor placement (DESIGN.md §5.4); nil for units that are
    /// not placed on the floor (in-rack CDUs).
    public var placement: UnitPlacementFacts?

    public init(
        id: String, name: String, capacity: Power, approach: TemperatureDifference, designPumpPower: Power,
        provenance: Provenance, placement: UnitPlacementFacts? = nil
    ) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.approach = approach
        self.designPumpPower = designPumpPower
        self.provenance = provenance
        self.placement = placement
    }
}

/// Air-side cooling units (REFERENCE.md §3.5).
public enum AirUnitKind: String, Sendable, Codable, CaseIterable {
    case fanWall = "fan-wall"
    case crah = "crah"
}

/// A fan wall or CRAH: sensible capacity, design air temperature rise, and the fan duty that
/// gives its design fan power `P = V̇·Δp/η`.
public struct AirUnitEntry: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var kind: AirUnitKind
    /// Sensible heat one unit removes at design [W].
    public var capacity: Power
    /// Air temperature rise across the IT at design [K].
    public var designAirRise: TemperatureDifference
    /// Total fan pressure rise at design airflow [Pa].
    public var fanPressurePa: Double
    /// Fan + motor + drive efficiency at design.
    public var fanEfficiency: Ratio
    /// Coil approach: supply air − entering water [K].
    public var coilApproach: TemperatureDifference
    public var provenance: Provenance
    /// Air throw and installed cost for floor placement (DESIGN.md §5.4).
    public var placement: UnitPlacementFacts?

    public init(
        id: String, name: String, kind: AirUnitKind, capacity: Power, designAirRise: TemperatureDifference,
        fanPressurePa: Double, fanEfficiency: Ratio, coilApproach: TemperatureDifference,
        provenance: Provenance, placement: UnitPlacementFacts? = nil
    ) {
        self.coilApproach = coilApproach
        self.placement = placement
        self.id = id
        self.name = name
        self.kind = kind
        self.capacity = capacity
        self.designAirRise = designAirRise
        self.fanPressurePa = fanPressurePa
        self.fanEfficiency = fanEfficiency
        self.provenance = provenance
    }
}

/// Heat rejection to the outdoors without a compressor (REFERENCE.md §3.6, DESIGN.md §5.3).
public enum HeatRejectionKind: String, Sendable, Codable, CaseIterable {
    /// Leaving water = dry bulb + approach; no water use.
    case dryCooler = "dry-cooler"
    /// Leaving water = wet bulb + approach; evaporates water.
    case coolingTower = "cooling-tower"
    /// A dry cooler with wetted pads on its air inlets: dry (dry bulb + approach) while that holds
    /// the set point, else the pads cool the air towards the wet bulb and evaporate water
    /// (DESIGN.md §5.12).
    case adiabaticDryCooler = "adiabatic-dry-cooler"
}

/// A dry cooler or cooling tower unit.
public struct HeatRejectionEntry: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var kind: HeatRejectionKind
    /// Heat one unit rejects at design [W].
    public var capacity: Power
    /// Leaving water − dry bulb (dry cooler) or − wet bulb (tower) [K] at the unit's rated duty
    /// with its fans at full speed; at part duty and speed see `Thermal.economiserApproach`.
    public var approach: TemperatureDifference
    /// Fan power of one unit at full speed [W].
    public var designFanPower: Power
    /// Cycles of concentration of the tower water (nil for a dry cooler).
    public var cyclesOfConcentration: Double?
    /// Lowest speed its variable-speed fans run at, as a fraction of full speed (REFERENCE.md
    /// P300: 25 %); below the duty that needs it the fans stay there.
    public var minimumFanSpeed: Ratio
    /// Saturation effectiveness of an adiabatic cooler's pads (nil without pads; REFERENCE.md P302).
    public var padEffectiveness: Ratio?
    /// The air's rise through the coil at rated duty, which sets the airflow the pads wet
    /// (REFERENCE.md P302: 10 K).
    public var ratedAirRise: TemperatureDifference = .kelvins(10)
    public var provenance: Provenance

    public init(
        id: String, name: String, kind: HeatRejectionKind, capacity: Power, approach: TemperatureDifference,
        designFanPower: Power, cyclesOfConcentration: Double? = nil, minimumFanSpeed: Ratio = .percent(25),
        provenance: Provenance
    ) {
        self.minimumFanSpeed = minimumFanSpeed
        self.id = id
        self.name = name
        self.kind = kind
        self.capacity = capacity
        self.approach = approach
        self.designFanPower = designFanPower
        self.cyclesOfConcentration = cyclesOfConcentration
        self.provenance = provenance
    }
}

/// How a chiller's condensing temperature follows the weather (REFERENCE.md §3.6).
public enum ChillerCondenser: Hashable, Sendable, Codable {
    /// Air-cooled: `T_cond = dry bulb + offset` (REFERENCE.md §3.6: 15 K).
    case airCooled(offset: TemperatureDifference)
    /// Water-cooled: condenser water enters at the heat-rejection leaving temperature, rises by
    /// `rise`, and `T_cond = condenser leaving + offset` (REFERENCE.md §3.6: 2 K).
    case waterCooled(rise: TemperatureDifference, offset: TemperatureDifference)
}

/// A vapour-compression chiller modelled as a fraction of Carnot:
/// `COP = η·T_evap/(T_cond − T_evap)` with `T_evap = LWT − evaporatorOffset` (REFERENCE.md §3.6).
public struct ChillerEntry: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// Cooling capacity of one unit [W].
    public var capacity: Power
    /// η, the fraction of the Carnot COP reached.
    public var carnotEfficiency: Ratio
    /// Leaving chilled water − evaporating temperature [K].
    public var evaporatorOffset: TemperatureDifference
    public var condenser: ChillerCondenser
    /// Upper bound on the COP at small lift, where the Carnot model runs away.
    public var maximumCOP: Double
    public var provenance: Provenance

    public init(
        id: String, name: String, capacity: Power, carnotEfficiency: Ratio, evaporatorOffset: TemperatureDifference,
        condenser: ChillerCondenser, maximumCOP: Double, provenance: Provenance
    ) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.carnotEfficiency = carnotEfficiency
        self.evaporatorOffset = evaporatorOffset
        self.condenser = condenser
        self.maximumCOP = maximumCOP
        self.provenance = provenance
    }
}
