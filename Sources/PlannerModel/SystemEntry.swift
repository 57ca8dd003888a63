/// What an IT system is for; network and storage racks are counted explicitly, not hidden in a
/// percentage.
public enum SystemRole: String, Sendable, Codable, CaseIterable {
    case compute, network, storage
}

/// Whether a catalogue entry is a whole rack (placeable on the floor) or a node inside one.
public enum SystemForm: String, Sendable, Codable, CaseIterable {
    case rack, node
}

/// One catalogue entry: an IT system with its power levels and heat split (DESIGN.md §5.1).
///
/// Power levels: *nameplate* is the most the system's power supplies deliver to it (the
/// vendor's maximum rating or top of the published envelope), *design* the planning peak used
/// for electrical sizing, *idle* the draw with clocks up and no work. Sustained power at a
/// utilisation lies between idle and design on a `UtilisationCurve`.
public struct SystemEntry: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var role: SystemRole
    public var form: SystemForm
    /// GPUs in one unit of this entry (0 for network and storage).
    public var gpus: Int
    public var nameplatePower: Power
    public var designPower: Power
    public var idlePower: Power
    /// Share of the electrical input captured by liquid (cold plates); the rest goes to air.
    public var liquidFraction: Ratio
    /// Mass of one unit; `nil` where no cited source gives it.
    public var weight: Mass?
    /// For a rack made of nodes: the node entry and how many; else `nil`.
    public var composition: Composition?
    public var provenance: Provenance
    /// Power feeds the unit takes: 2 when dual-corded (A and B, either able to carry it), 1 when
    /// single-corded. An A/B hall topology (2N, xN/y) needs 2 (DESIGN.md §5.7).
    public var feeds: Int
    /// The rack's (or node's) own power supplies; nil when no source gives them (the planner then
    /// uses `RackPSU.standIn` and says so). DESIGN.md §5.8.
    public var psu: RackPSU?

    public struct Composition: Hashable, Sendable {
        public var nodeID: String
        public var nodes: Int
        public init(nodeID: String, nodes: Int) {
            self.nodeID = nodeID
            self.nodes = nodes
        }
    }

    public init(
        id: String, name: String, role: SystemRole, form: SystemForm, gpus: Int,
        nameplatePower: Power, designPower: Power, idlePower: Power, liquidFraction: Ratio,
        weight: Mass?, composition: Composition? = nil, provenance: Provenance, feeds: Int = 2, psu: RackPSU? = nil
    ) {
        self.feeds = feeds
        self.psu = psu
        self.id = id
        self.name = name
        self.role = role
        self.form = form
        self.gpus = gpus
        self.nameplatePower = nameplatePower
        self.designPower = designPower
        self.idlePower = idlePower
        self.liquidFraction = liquidFraction
        self.weight = weight
        self.composition = composition
        self.provenance = provenance
    }

    /// The problems that make an entry physically meaningless, as sentences (empty when sound).
    ///
    /// Checks `0 ≤ idle ≤ design ≤ nameplate`, a positive design power, a liquid fraction in
    /// 0…1, a non-negative GPU count, a positive weight when one is given, and a PSU
    /// configuration that carries the design power (`RackPSU.inconsistencies`).
    public var inconsistencies: [String] {
        var problems: [String] = []
        if !(designPower > .zero) {
            problems.append("design power must be positive, got \(NumberText.compact(designPower.kilowatts)) kW")
        }
        if idlePower < .zero {
            problems.append("idle power must not be negative, got \(NumberText.compact(idlePower.kilowatts)) kW")
        }
        if idlePower > designPower {
            problems.append(
                "idle power \(NumberText.compact(idlePower.kilowatts)) kW exceeds design power "
                    + "\(NumberText.compact(designPower.kilowatts)) kW"
            )
        }
        if designPower > nameplatePower {
            problems.append(
                "design power \(NumberText.compact(designPower.kilowatts)) kW exceeds nameplate "
                    + "\(NumberText.compact(nameplatePower.kilowatts)) kW"
            )
        }
        if !(0...1).contains(liquidFraction.fraction) {
            problems.append("liquid fraction must be within 0…1, got \(NumberText.compact(liquidFraction.fraction))")
        }
        if gpus < 0 { problems.append("GPU count must not be negative, got \(gpus)") }
        if !(1...2).contains(feeds) { problems.append("power feeds must be 1 or 2, got \(feeds)") }
        if let weight, !(weight > .zero) {
            problems.append("weight must be positive, got \(NumberText.compact(weight.kilograms)) kg")
        }
        if let psu, designPower > .zero { problems += psu.inconsistencies(rackDesign: designPower) }
        return problems
    }
}

/// Numbers inside messages: shortest form, no trailing `.0` (`150`, `2.5`, `0.194`).
public enum NumberText {
    public static func compact(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
