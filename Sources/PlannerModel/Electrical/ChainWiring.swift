/// The bus a stage takes power from or delivers it to, for checking that a chain's stages
/// connect (a custom chain in a spec can miss one).
public enum Bus: String, Sendable, CaseIterable {
    case transmission = "transmission-voltage AC"
    case mediumVoltage = "22.9 kV AC"
    case lowVoltageAC = "low-voltage AC"
    case dc800 = "800 VDC"
    case rack = "the rack's 54 VDC"
}

extension StageKind {
    /// The bus the stage draws from.
    public var input: Bus {
        switch self {
        case .mainTransformer: .transmission
        case .mvSwitchgear, .mvlvTransformer, .solidStateTransformer: .mediumVoltage
        case .lvSwitchboard, .upsDoubleConversion, .upsEcoMode, .acDistribution, .rackPowerShelf: .lowVoltageAC
        case .dcBusway, .dcConverter: .dc800
        }
    }

    /// The bus the stage delivers to.
    public var output: Bus {
        switch self {
        case .mainTransformer, .mvSwitchgear: .mediumVoltage
        case .mvlvTransformer, .lvSwitchboard, .upsDoubleConversion, .upsEcoMode, .acDistribution: .lowVoltageAC
        case .solidStateTransformer, .dcBusway: .dc800
        case .rackPowerShelf, .dcConverter: .rack
        }
    }
}

extension PowerChain {
    /// How a hall chain fails to connect 22.9 kV to the racks, as sentences (empty when it does):
    /// it must start on the 22.9 kV bus (main transformers serve the whole site), end at a rack
    /// conversion, and each stage must take the bus the stage before it delivers.
    public var wiringProblems: [String] {
        guard let first = stages.first, let last = stages.last else { return ["the chain has no stages"] }
        var problems: [String] = []
        if first.entry.kind.input != .mediumVoltage {
            problems.append(
                first.entry.kind == .mainTransformer
                    ? "main transformers serve the whole site (site.grid.main_transformers); start the hall chain at "
                        + "22.9 kV"
                    : "the chain must start on the 22.9 kV bus, but '\(first.name)' takes "
                        + "\(first.entry.kind.input.rawValue)"
            )
        }
        for (upstream, downstream) in zip(stages, stages.dropFirst())
        where upstream.entry.kind.output != downstream.entry.kind.input {
            problems.append(
                "a stage is missing between '\(upstream.name)' (delivers \(upstream.entry.kind.output.rawValue)) and "
                    + "'\(downstream.name)' (takes \(downstream.entry.kind.input.rawValue))"
            )
        }
        if last.entry.kind.output != .rack {
            problems.append(
                "the chain must end at the racks (a rack power shelf or an in-rack 800→54 V converter), but "
                    + "'\(last.name)' delivers \(last.entry.kind.output.rawValue)"
            )
        }
        return problems
    }

    /// The distribution whose conductors the chain's rack side uses: 800 VDC when it ends on the
    /// 800 V bus, else 480 or 415 V AC by the voltage of its low-voltage transformer.
    public var rackSideDistribution: Distribution {
        if stages.contains(where: { $0.entry.kind.output == .dc800 }) { return .dc800 }
        let lv = stages.first { $0.entry.kind == .mvlvTransformer }?.entry.outputVoltage
        return lv == .volts(480) ? .ac480 : .ac415
    }
}
