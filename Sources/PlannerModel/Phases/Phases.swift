/// One phase of a phased build-out (`phases[]` in the spec, DESIGN.md §5.19): the month it is
/// energised, the hall copies it adds, the share of the steady utilisation its workload reaches,
/// and the grid capacity contracted for it.
public struct PhaseChoice: Hashable, Sendable {
    /// The month the phase is energised, `YYYY-MM`.
    public var date: String
    /// Copies of spec halls this phase energises, by hall ID, in spec order.
    public var halls: [PhaseHalls]
    /// The share of each hall's steady utilisation the workload runs at while this phase is the
    /// latest (100 %: the steady utilisation).
    public var utilisationRamp: Ratio
    /// The grid capacity contracted for this phase; nil: the connection sized for the final build.
    public var gridContract: Power?
    /// Where the phase comes from (a published plan, or an assumption); nil when the spec says nothing.
    public var source: String?

    public init(
        date: String, halls: [PhaseHalls], utilisationRamp: Ratio = .one, gridContract: Power? = nil,
        source: String? = nil
    ) {
        self.date = date
        self.halls = halls
        self.utilisationRamp = utilisationRamp
        self.gridContract = gridContract
        self.source = source
    }
}

/// `copies` copies of the spec hall `hallID`, energised by one phase.
public struct PhaseHalls: Hashable, Sendable {
    public var hallID: String
    public var copies: Int
    public init(hallID: String, copies: Int) {
        self.hallID = hallID
        self.copies = copies
    }
}

/// Where a phase's grid capacity comes from.
public enum GridContractSource: String, Hashable, Sendable {
    /// `phases[].grid_contract_mw`.
    case phase
    /// `site.grid.capacity_mw`, the same for every phase.
    case site
    /// Neither: the connection sized for the final build (the site's facility demand at design).
    case finalConnection = "final connection"
}

/// What a phase has in place once it is energised and what it draws (DESIGN.md §5.19): the plan of
/// the halls energised so far (this phase's and every earlier one's), and the plant installed for it.
public struct PhasePlan: Hashable, Sendable {
    public var date: String
    /// Hall copies energised so far, by hall ID, in spec order.
    public var halls: [PhaseHalls]
    public var utilisationRamp: Ratio
    public var gpuCount: Int
    public var rackCount: Int
    /// IT power at design and sustained (the ramp applied to sustained).
    public var it: PowerLevels
    /// Power-chain losses at design (every hall copy and the main transformers).
    public var designLoss: Power
    /// Cooling, pumps and house loads at the design condition (0 without a weather year or design
    /// condition).
    public var designMechanical: Power
    /// What the grid supplies at design: IT + losses + mechanical.
    public var facilityDesign: Power
    /// The contracted grid capacity of this phase and where it comes from.
    public var gridContract: Power
    public var gridContractSource: GridContractSource
    /// The grid connection (substation, HV switchgear), built up front for the final build: the
    /// final site's facility demand at design, at its interconnect voltage.
    public var gridConnection: Power
    public var interconnectVoltage: Voltage
    /// The main transformers installed for this phase; nil when the site takes 22.9 kV directly.
    public var mainTransformers: RedundancySizing?
    /// Chillers and economisers installed per loop for this phase (empty without a plant).
    public var loops: [PhaseLoop]
    /// The year at this phase's load and ramp; nil without a weather year.
    public var itEnergy: Energy?
    public var facilityEnergy: Energy?
    /// Margins of the installed capacity over this phase's demand at design.
    public var margins: PhaseMargins

    public init(
        date: String, halls: [PhaseHalls], utilisationRamp: Ratio, gpuCount: Int, rackCount: Int, it: PowerLevels,
        designLoss: Power, designMechanical: Power, facilityDesign: Power, gridContract: Power,
        gridContractSource: GridContractSource, gridConnection: Power, interconnectVoltage: Voltage,
        mainTransformers: RedundancySizing?, loops: [PhaseLoop], itEnergy: Energy?, facilityEnergy: Energy?,
        margins: PhaseMargins
    ) {
        self.date = date
        self.halls = halls
        self.utilisationRamp = utilisationRamp
        self.gpuCount = gpuCount
        self.rackCount = rackCount
        self.it = it
        self.designLoss = designLoss
        self.designMechanical = designMechanical
        self.facilityDesign = facilityDesign
        self.gridContract = gridContract
        self.gridContractSource = gridContractSource
        self.gridConnection = gridConnection
        self.interconnectVoltage = interconnectVoltage
        self.mainTransformers = mainTransformers
        self.loops = loops
        self.itEnergy = itEnergy
        self.facilityEnergy = facilityEnergy
        self.margins = margins
    }

    /// Annual facility energy over annual IT energy of the plant built so far at its part load;
    /// nil without a weather year.
    public var pue: Double? {
        guard let it = itEnergy, let facility = facilityEnergy, it > .zero else { return nil }
        return facility / it
    }
}

/// One cooling loop of a phase: its design duties and the chillers and economisers installed.
public struct PhaseLoop: Hashable, Sendable {
    public var kind: CoolingLoop.Kind
    public var heatLoad: Power
    public var chillerDuty: Power
    public var chillersInstalled: Int
    public var chillerFirmCapacity: Power
    public var rejectionDuty: Power
    public var economisersInstalled: Int
    /// The economisers' capacity with the redundancy's spares out.
    public var economiserFirmCapacity: Power

    public init(
        kind: CoolingLoop.Kind, heatLoad: Power, chillerDuty: Power, chillersInstalled: Int,
        chillerFirmCapacity: Power, rejectionDuty: Power, economisersInstalled: Int, economiserFirmCapacity: Power
    ) {
        self.kind = kind
        self.heatLoad = heatLoad
        self.chillerDuty = chillerDuty
        self.chillersInstalled = chillersInstalled
        self.chillerFirmCapacity = chillerFirmCapacity
        self.rejectionDuty = rejectionDuty
        self.economisersInstalled = economisersInstalled
        self.economiserFirmCapacity = economiserFirmCapacity
    }
}

/// Installed capacity less demand at design, each nil where the phase has no such equipment; a
/// negative margin has run out.
public struct PhaseMargins: Hashable, Sendable {
    /// Grid contract − facility demand at design.
    public var grid: Power
    /// Main transformers' usable capacity (spares out) − their load.
    public var transformers: Power?
    /// The least over loops of chillers' firm capacity − chiller duty at the design condition.
    public var chillers: Power?
    /// The least over loops of economisers' firm capacity − heat-rejection duty at design.
    public var heatRejection: Power?

    public init(grid: Power, transformers: Power?, chillers: Power?, heatRejection: Power?) {
        self.grid = grid
        self.transformers = transformers
        self.chillers = chillers
        self.heatRejection = heatRejection
    }

    /// The margins by name, in report order, leaving out those the phase does not have.
    public var named: [(name: String, margin: Power)] {
        [("grid contract", grid)]
            + [
                transformers.map { ("transformers", $0) }, chillers.map { ("chillers", $0) },
                heatRejection.map { ("heat rejection", $0) },
            ].compactMap { $0 }
    }

    /// The margins that have run out (negative), by name.
    public var runOut: [String] { named.filter { $0.margin < .zero }.map(\.name) }
}

extension Array where Element == PhasePlan {
    /// The first phase at which a margin runs out and which; nil when none does.
    public var firstRunOut: (date: String, margins: [String])? {
        first { !$0.margins.runOut.isEmpty }.map { ($0.date, $0.margins.runOut) }
    }
}
