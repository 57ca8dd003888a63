import Catalogue
import PlannerModel

/// Conductor metal of the whole power chain, grid to rack (DESIGN.md §5.9): transformer windings
/// from each unit's load loss and a design current density, cables sized by `Conductors` from the
/// installed units they feed, switchboard busbars from their rated current, and the row busways
/// and rack drops of `ElectricalAnalysis.conductorRuns`. Every level is counted in copper and,
/// for comparison, in aluminium of equal resistance.
///
/// Counts come from the evaluated chain (`StageResult.unitsInstalled`, `unitsRequired`), so a
/// topology that installs more units or paths carries more metal without change here.
public enum ConductorMetal {
    /// The distribution voltage of the hall chains' MV bus: 22.9 kV (REFERENCE.md §2.5, P102).
    public static let mediumVoltage = Voltage.kilovolts(22.9)

    /// Copper resistivity at 75 °C, the reference temperature of transformer load loss (IEC 60076-1,
    /// REFERENCE.md P247, L): `(1/58)·(1 + 0.00393·55) = 0.020968 Ω·mm²/m` (IACS values, P91). In Ω·m.
    public static let copperResistivity75C = (1.0 / 58) * (1 + 0.00393 * 55) * 1e-6

    /// Winding current density of oil-immersed, self-cooled distribution transformers: 2.05 A/mm²,
    /// the middle of the 1.5–2.6 A/mm² design range (REFERENCE.md P242, L).
    public static let distributionTransformerCurrentDensity = CurrentDensity.amperesPerSquareMillimetre(2.05)
    /// Winding current density of medium and large power transformers: 2.9 A/mm², the middle of
    /// 2.4–3.4 A/mm² (REFERENCE.md P242, L).
    public static let powerTransformerCurrentDensity = CurrentDensity.amperesPerSquareMillimetre(2.9)
    /// Current density of a switchboard's main busbars: 2.0 A/mm², below the 2.3–2.9 A/mm² of a single
    /// bar in free air (REFERENCE.md P245) because a 3–4 kA board stacks several bars per phase (L).
    public static let busbarCurrentDensity = CurrentDensity.amperesPerSquareMillimetre(2.0)
    /// Busbar run of one switchboard per conductor: 10 m (main bar along the sections plus
    /// droppers; REFERENCE.md P248, L).
    public static let switchboardBusbarLength = Length.metres(10)
    /// An SST's medium-frequency transformer carries a quarter of the winding copper of a line-frequency
    /// MV/LV transformer of the same rating (SSTs "up to 75 % lighter", REFERENCE.md P246, L).
    public static let sstWindingShare = Ratio.percent(25)

    /// Cable from each main transformer to the site's MV bus: 30 m (same substation; P248, L).
    public static let mainTransformerCableLength = Length.metres(30)
    /// Cable from the site's MV bus to each hall's MV switchgear: 150 m (P248, L).
    public static let hallIncomerLength = Length.metres(150)
    /// Cable from a hall's MV switchgear to each MV/LV transformer or SST: 30 m (P248, L).
    public static let mvFeederLength = Length.metres(30)
    /// Cable between LV equipment in the electrical room (transformer to switchboard, switchboard
    /// to UPS): 15 m (P248, L).
    public static let lvFeederLength = Length.metres(15)

    /// Aluminium of equal resistance per unit of copper mass:
    /// `(ρ_Al/ρ_Cu)·(γ_Al/γ_Cu) = (0.02873/0.017241)·(2 710/8 960) = 1.6664 × 0.30246 = 0.5040`
    /// (EC-grade aluminium 1350, REFERENCE.md P243; copper P89, P91; the 1.66 × cross-section of P244).
    public static let aluminiumPerCopper = (0.02873 / (1.0 / 58)) * 2710 / 8960

    /// Winding copper of a transformer from its load loss at rating.
    ///
    /// The windings lose `P_k = ρ·J²·V` (Joule loss at current density `J` in volume `V`), so
    /// `m = γ·V = γ·P_k/(ρ·J²)`, with `γ = 8 960 kg/m³` and `ρ = ρ75`.
    ///
    /// - Parameters:
    ///   - loadLoss: `P_k`, the unit's load (copper) loss at rated current [W]; stray losses in it
    ///     make the mass an upper estimate.
    ///   - currentDensity: `J`, the winding design current density [A/m²].
    /// - Returns: `m`, the winding copper [kg].
    ///
    /// Source: REFERENCE.md P89, P91, P242, P247; DESIGN.md §5.9.
    public static func windingCopper(loadLoss: Power, currentDensity: CurrentDensity) -> Mass {
        let j = currentDensity.si
        return .kilograms(Conductors.copperDensity * loadLoss.watts / (copperResistivity75C * j * j))
    }

    /// Copper of a busbar system sized by current density.
    ///
    /// `m = γ·(I/J)·L·n`, with `γ = 8 960 kg/m³`
    ///
    /// - Parameters:
    ///   - current: `I`, the rated current of each conductor [A].
    ///   - currentDensity: `J` [A/m²].
    ///   - length: `L`, the run of each conductor [m].
    ///   - conductors: `n` (4 for three phases and neutral, 2 for a DC bus).
    /// - Returns: `m` [kg].
    ///
    /// Source: REFERENCE.md P89, P245, P248; DESIGN.md §5.9.
    public static func busbarCopper(current: Current, currentDensity: CurrentDensity, length: Length, conductors: Int)
        -> Mass
    {
        .kilograms(
            Conductors.copperDensity * current.amperes / currentDensity.si * length.metres * Double(conductors))
    }

    /// Aluminium of equal resistance to a copper conductor: `m_Al = 0.504·m_Cu`.
    ///
    /// - Parameter copper: `m_Cu` [kg].
    /// - Returns: `m_Al` [kg].
    ///
    /// Source: REFERENCE.md P243, P244; DESIGN.md §5.9.
    public static func aluminiumEquivalent(ofCopper copper: Mass) -> Mass { copper * aluminiumPerCopper }

    /// The load loss of one unit at rating: `P_loss(1) − P_loss(0) = U·(b + c)`.
    static func loadLoss(_ stage: StageResult) -> Power {
        stage.curve.loss(at: .one, rating: stage.unitRating)
            - stage.curve.loss(at: .fraction(0), rating: stage.unitRating)
    }

    static func mass(_ level: MetalLevel, copper: Mass, basis: String) -> MetalMass {
        MetalMass(level: level, copper: copper, aluminium: aluminiumEquivalent(ofCopper: copper), basis: basis)
    }

    /// Winding copper per watt of rating of a transformer stage (for the SST's share).
    static func windingCopperPerWatt(_ entry: StageEntry, currentDensity: CurrentDensity) -> Double {
        let rating = entry.unitRating
        let loadLoss = entry.curve.loss(at: .one, rating: rating) - entry.curve.loss(at: .fraction(0), rating: rating)
        return windingCopper(loadLoss: loadLoss, currentDensity: currentDensity).kilograms / rating.watts
    }

    /// The power one feeder to a unit carries at most: its share when only the required units
    /// carry `load`, never above the unit's rating.
    static func feederPower(load: Power, stage: StageResult) -> Power {
        min(stage.unitRating, load / Double(max(stage.unitsRequired, 1)))
    }

    /// One level of cables: `feeders` identical feeders sized by `Conductors.size`.
    static func cables(
        _ level: MetalLevel, name: String, power: Power, feeders: Int, system: ConductorSystem, length: Length,
        dropLimit: Ratio
    ) -> MetalMass {
        let sizing = Conductors.size(
            ConductorRun(
                name: name, power: power, feeders: feeders, system: system, length: length, dropLimit: dropLimit))
        return mass(
            level, copper: sizing.totalCopper,
            basis: "\(name): \(feeders) × \(sizing.circuits) × \(sizing.run.system.conductorsPerCircuit) × "
                + "\(NumberText.compact(sizing.size.squareMillimetres)) mm² × \(NumberText.compact(length.metres)) m")
    }

    static func system(voltage: Voltage, dc: Bool) -> ConductorSystem {
        dc ? .dc(voltage) : .threePhase(lineToLine: voltage, powerFactor: BuiltInStages.acPowerFactor)
    }

    /// One hall copy's levels: the incomers from the site MV bus to the MV switchgear, the cables
    /// between the stages up to the distribution stage, transformer and SST windings, switchboard
    /// and DC-bus busbars, and the sized row busways and rack drops (`conductors`).
    ///
    /// Cables into a distribution stage are its row busways (sized in `conductors`), and those
    /// out of it are the rack drops, so neither is counted twice.
    public static func hallLevels(
        chain: PowerChain, design: PowerChainResult, conductors: [ConductorSizing], dropLimit: Ratio,
        chains: StandardChains = .builtIn, mediumVoltage: Voltage = mediumVoltage
    ) -> [MetalMass] {
        var levels: [MetalMass] = []
        let stages = Array(zip(chain.stages, design.stages))
        if let (_, first) = stages.first {
            levels.append(
                cables(
                    .mvCables, name: "Hall incomers", power: feederPower(load: first.loadIn, stage: first),
                    feeders: first.unitsInstalled, system: system(voltage: mediumVoltage, dc: false),
                    length: hallIncomerLength, dropLimit: dropLimit))
        }
        var voltage = mediumVoltage
        for (index, (stage, result)) in stages.enumerated() {
            let entry = stage.entry
            let out = entry.outputVoltage ?? voltage
            let dc = entry.kind.output == .dc800
            switch entry.kind {
            case .mvlvTransformer:
                let perUnit = windingCopper(
                    loadLoss: loadLoss(result), currentDensity: distributionTransformerCurrentDensity)
                levels.append(
                    mass(
                        .mvlvTransformerWindings, copper: perUnit * Double(result.unitsInstalled),
                        basis: "\(result.unitsInstalled) × \(NumberText.compact(perUnit.kilograms.rounded())) kg "
                            + "(load loss "
                            + "\(NumberText.compact((loadLoss(result).kilowatts * 10).rounded() / 10)) kW at "
                            + "\(NumberText.compact(distributionTransformerCurrentDensity.amperesPerSquareMillimetre)) "
                            + "A/mm²)"))
            case .solidStateTransformer:
                let perWatt =
                    windingCopperPerWatt(
                        chains.mvlvTransformer415, currentDensity: distributionTransformerCurrentDensity)
                    * sstWindingShare.fraction
                let perUnit = Mass.kilograms(perWatt * result.unitRating.watts)
                levels.append(
                    mass(
                        .sstWindings, copper: perUnit * Double(result.unitsInstalled),
                        basis: "\(result.unitsInstalled) × \(NumberText.compact(perUnit.kilograms.rounded())) kg "
                            + "(\(NumberText.compact(sstWindingShare.percent)) % of a line-frequency unit's "
                            + "\(NumberText.compact((perWatt / sstWindingShare.fraction * 1e5).rounded() / 100)) kg/kW)"
                    ))
                levels.append(
                    busbars(result, voltage: out, dc: true, name: "DC bus behind each SST"))
            case .lvSwitchboard:
                levels.append(busbars(result, voltage: out, dc: dc, name: "Main busbars"))
            default: break
            }
            // The cable from this stage to the next, unless the next is the distribution (its
            // row busways) or this one is (its rack drops).
            if index + 1 < stages.count {
                let next = stages[index + 1]
                let distribution: Set<StageKind> = [.acDistribution, .dcBusway]
                if !distribution.contains(next.0.entry.kind) && !distribution.contains(entry.kind)
                    && entry.kind.output != .rack
                {
                    // One feeder per unit on the side with more units.
                    let fed = next.1.unitsInstalled >= result.unitsInstalled ? next.1 : result
                    let mv = entry.kind.output == .mediumVoltage
                    levels.append(
                        cables(
                            mv ? .mvCables : .lvFeeders, name: "\(stage.name) to \(next.0.name)",
                            power: feederPower(load: result.loadOut, stage: fed), feeders: fed.unitsInstalled,
                            system: system(voltage: out, dc: dc), length: mv ? mvFeederLength : lvFeederLength,
                            dropLimit: dropLimit))
                }
            }
            voltage = out
        }
        for c in conductors {
            let level: MetalLevel = c.run.name.hasPrefix("Rack drop") ? .rackDrops : .busways
            levels.append(
                mass(
                    level, copper: c.totalCopper,
                    basis: "\(c.run.name): \(c.run.feeders) × \(c.circuits) × \(c.run.system.conductorsPerCircuit) × "
                        + "\(NumberText.compact(c.size.squareMillimetres)) mm² × "
                        + "\(NumberText.compact(c.run.length.metres)) m"))
        }
        return levels
    }

    /// Busbars of a stage's units at their rated current: four conductors (three phases and
    /// neutral) for AC, two for DC.
    static func busbars(_ stage: StageResult, voltage: Voltage, dc: Bool, name: String) -> MetalMass {
        let system = system(voltage: voltage, dc: dc)
        let current = Conductors.current(carrying: stage.unitRating, in: system)
        let conductors = dc ? 2 : 4
        let perUnit = busbarCopper(
            current: current, currentDensity: busbarCurrentDensity, length: switchboardBusbarLength,
            conductors: conductors)
        return mass(
            .switchboards, copper: perUnit * Double(stage.unitsInstalled),
            basis: "\(name): \(stage.unitsInstalled) × \(conductors) × "
                + "\(NumberText.compact((current.amperes / busbarCurrentDensity.amperesPerSquareMillimetre).rounded()))"
                + " mm² × \(NumberText.compact(switchboardBusbarLength.metres)) m")
    }

    /// The site's levels: the main transformers' windings and their cables to the site MV bus.
    public static func siteLevels(
        main: PowerChainResult?, dropLimit: Ratio, mediumVoltage: Voltage = mediumVoltage
    ) -> [MetalMass] {
        guard let stage = main?.stages.first else { return [] }
        let perUnit = windingCopper(loadLoss: loadLoss(stage), currentDensity: powerTransformerCurrentDensity)
        return [
            mass(
                .mainTransformerWindings, copper: perUnit * Double(stage.unitsInstalled),
                basis: "\(stage.unitsInstalled) × \(NumberText.compact((perUnit.kilograms / 100).rounded() / 10)) t "
                    + "(load loss \(NumberText.compact(loadLoss(stage).kilowatts.rounded())) kW at "
                    + "\(NumberText.compact(powerTransformerCurrentDensity.amperesPerSquareMillimetre)) A/mm²)"),
            cables(
                .mvCables, name: "Main transformers to the MV bus",
                power: feederPower(load: stage.loadOut, stage: stage), feeders: stage.unitsInstalled,
                system: system(voltage: mediumVoltage, dc: false), length: mainTransformerCableLength,
                dropLimit: dropLimit),
        ]
    }
}
