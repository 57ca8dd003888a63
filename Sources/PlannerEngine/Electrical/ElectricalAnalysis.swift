import Catalogue
import PlannerModel

/// The power chain of a site (DESIGN.md §5.2): every hall's chain from the grid to the chip at
/// design and sustained load, its conductors and transient envelope, the main transformers and
/// grid connection, and the same load on the other distributions for comparison.
public enum ElectricalAnalysis {
    /// Depth of one rack position (front to back), for the spacing of rack rows: 1.2 m, the
    /// usual deep AI rack (an estimate, L; not in REFERENCE.md).
    public static let rackDepth = Length.metres(1.2)
    /// Length of the drop from the row busway to one rack (tap-off box to shelf): 3 m (L).
    public static let rackDropLength = Length.metres(3)
    /// Racks per row when a hall gives no layout (L).
    public static let defaultRacksPerRow = 16

    /// Plans the site's electrical system; `distribution` overrides every hall's choice.
    /// `mechanicalLoad` is the cooling electricity at the design condition and the house loads
    /// (`SiteCooling.designMechanicalLoad`, DESIGN.md §5.13): the main transformers
    /// and the grid connection are sized for it too, and the main transformers' losses on it count
    /// as chain losses (it is not itself in `facilityDesign`).
    /// Without `compare`, only the site's own distribution is evaluated (sweeps that record no
    /// comparison skip the other two chains). `chains` holds the stage entries the standard
    /// chains and the main transformers are built from.
    public static func analyse(
        _ site: Site, halls: [HallResult], distribution: Distribution? = nil, mechanicalLoad: Power = .zero,
        compare: Bool = true, chains: StandardChains = .builtIn
    ) -> SiteElectricalResult {
        let own = evaluate(
            site, halls: halls, customChains: distribution == nil, mechanicalLoad: mechanicalLoad, chains: chains
        ) {
            distribution ?? $0.power.distribution
        }
        guard compare else { return own.result }
        // A site on one standard chain is its own row; a mixed or custom one is compared with all three.
        let others = Distribution.allCases.filter { own.comparison.label != $0.rawValue }
        var result = own.result
        result.comparison =
            [own.comparison]
            + others.map { d in
                evaluate(site, halls: halls, mechanicalLoad: mechanicalLoad, chains: chains) { _ in d }.comparison
            }
        return result
    }

    /// One evaluation of the whole site with a distribution chosen per hall.
    static func evaluate(
        _ site: Site, halls: [HallResult], customChains: Bool = false, mechanicalLoad: Power = .zero,
        chains: StandardChains = .builtIn, choose: (Hall) -> Distribution
    ) -> (result: SiteElectricalResult, comparison: ChainComparison) {
        var entries: [StageEntry] = []
        let electrical = zip(site.halls, halls).map { spec, result in
            let custom = customChains ? spec.power.customChain : nil
            let (hall, chain) = hall(
                spec, result: result, distribution: choose(spec), site: site.electrical, customChain: custom,
                chains: chains)
            entries += chain.stages.map(\.entry)
            return hall
        }
        let designAtMV = electrical.sum { $0.design.gridInput * Double($0.copies) }
        let sustainedAtMV = electrical.sum { $0.sustained.gridInput * Double($0.copies) }
        // A voltage the spec sets is the spec's statement, not a primary source: tagged as the spec's,
        // M, and the main transformers are built for it.
        let rules =
            site.electrical.interconnectVoltage.map { v in
                [
                    InterconnectRule(
                        upTo: nil, voltage: v, supply: "set in the spec",
                        provenance: Provenance(
                            source: "site spec (site.grid.interconnect_kv)", confidence: .medium,
                            derivation: "stated by the spec's author; not checked against the utility's rules"))
                ]
            } ?? site.electrical.resolvedGridRules.rules
        let mediumVoltage = site.electrical.mediumVoltage
        let transformer = GridConnection.mainTransformer(
            for: GridConnection.rule(for: designAtMV + mechanicalLoad, rules: rules).voltage,
            standard: chains.mainTransformer, mediumVoltage: mediumVoltage)
        let grid = GridConnection.plan(
            peakDemand: designAtMV + mechanicalLoad, rules: rules, transformer: transformer,
            redundancy: site.electrical.mainTransformers, distributionVoltage: mediumVoltage)
        var mainDesign: PowerChainResult?
        var mainSustained: PowerChainResult?
        if grid.mainTransformers != nil {
            let chain = PowerChain(
                name: "main",
                stages: [
                    PowerStage(
                        name: "Main transformers", entry: transformer, redundancy: site.electrical.mainTransformers,
                        continuousLimit: site.electrical.continuousLoading.limit(for: .mainTransformer))
                ])
            entries.insert(transformer, at: 0)
            let design = chain.evaluate(load: designAtMV + mechanicalLoad)
            mainDesign = design
            mainSustained = installed(chain, sizedBy: design).evaluate(load: sustainedAtMV)
        }
        let siteMetal = ConductorMetal.siteLevels(
            main: mainDesign, dropLimit: site.electrical.voltageDropLimit, mediumVoltage: mediumVoltage)
        let facilityDesign = (mainDesign?.gridInput ?? designAtMV + mechanicalLoad) - mechanicalLoad
        let facilitySustained = mainSustained?.gridInput ?? sustainedAtMV
        let itDesign = halls.sum(\.total.itPower.design)
        let itSustained = halls.sum(\.total.itPower.sustained)
        let distributions = Set(electrical.map(\.distribution))
        let custom = customChains && site.halls.contains { $0.power.customChain != nil }
        let comparison = ChainComparison(
            distribution: electrical[0].distribution,
            label: distributions.count == 1 && !custom
                ? electrical[0].distribution.rawValue : "as specified (mixed or custom)",
            efficiency: .fraction(facilityDesign > .zero ? itDesign / facilityDesign : 1),
            designLoss: facilityDesign - itDesign,
            annualLoss: (facilitySustained - itSustained) * .year,
            metal: (siteMetal + electrical.flatMap { hall in hall.metal.map { $0.scaled(Double(hall.copies)) } })
                .byLevel,
            conversionStages: (electrical.map(\.design.conversionStages).max() ?? 0)
                + (mainDesign?.conversionStages ?? 0),
            conversions: (electrical.map(\.design.conversions).max() ?? 0) + (mainDesign?.conversions ?? 0),
            stageLosses: stageLosses(electrical, main: mainDesign))
        let siteStorage =
            site.electrical.smoothing == .site
            ? Transients.smoothingStorage(
                steady: itDesign, swingFactor: site.electrical.swingFactor, duration: site.electrical.swingDuration)
            : nil
        var result = SiteElectricalResult(
            halls: electrical, mainTransformers: mainDesign, grid: grid, facilityDesign: facilityDesign,
            facilitySustained: facilitySustained, comparison: [], siteStorage: siteStorage,
            stageEntries: entries, mechanicalLoad: mechanicalLoad, siteMetal: siteMetal)
        result.gridRules = site.electrical.resolvedGridRules
        result.mediumVoltage = mediumVoltage
        result.study = GridStudy.interconnection(site, halls: halls)
        result.backup = GridStudy.backup(
            site.electrical.backup, it: itDesign, criticalLoad: designAtMV + mechanicalLoad)
        result.pueBoundary = site.pueBoundary
        // Every row of the comparison draws the PUE boundary where the site does (DESIGN.md §5.8).
        var row = comparison
        row.rackConversionLoss = result.rackConversionLossDesign
        let itAtBoundary = result.itAtBoundary(itDesign, rackConversionLoss: row.rackConversionLoss)
        row.partialPUEPower = itAtBoundary > .zero ? facilityDesign / itAtBoundary : 0
        result.comparison = [row]
        return (result, row)
    }

    /// Design losses by stage name in chain order (main transformers first), over halls and copies.
    static func stageLosses(_ halls: [HallElectrical], main: PowerChainResult?) -> [ChainComparison.StageLoss] {
        var order: [String] = []
        var losses: [String: Power] = [:]
        let weighted = (main.map { [($0, 1)] } ?? []) + halls.map { ($0.design, $0.copies) }
        for (chain, copies) in weighted {
            for stage in chain.stages {
                if losses[stage.stage] == nil { order.append(stage.stage) }
                losses[stage.stage, default: .zero] += stage.loss * Double(copies)
            }
        }
        return order.map { ChainComparison.StageLoss(stage: $0, loss: losses[$0]!) }
    }

    /// The chain with every stage's unit count fixed at what `design` installed, so that it can be
    /// evaluated at a lower load without shrinking.
    static func installed(_ chain: PowerChain, sizedBy design: PowerChainResult) -> PowerChain {
        var fixed = chain
        for (index, stage) in design.stages.enumerated() {
            fixed.stages[index].minimumUnits = stage.perGroup.unitsRequired
        }
        return fixed
    }

    /// One hall (per copy): the standard chain without main transformers (those are sized for the
    /// whole site), at design and sustained IT load; its conductors and transient envelope.
    public static func hall(
        _ hall: Hall, result: HallResult, distribution: Distribution, site: SiteElectrical,
        customChain: [PowerStage]? = nil,
        chains: StandardChains = .builtIn
    ) -> (HallElectrical, PowerChain) {
        let racks = max(result.perCopy.rackCount, 1)
        let baseChain =
            customChain.map { stages in
                PowerChain(
                    name: "custom",
                    stages: stages.map { stage in
                        var stage = stage
                        if stage.entry.kind.output == .rack { stage.groups = racks }
                        return stage
                    })
            }
            ?? chains.chain(
                distribution, racks: racks, ups: hall.power.ups, topology: hall.power.topology, mainTransformer: false)
        let chain = perRackType(limited(baseChain, by: site.continuousLoading), result: result, level: \.design)
        let design = chain.evaluate(load: result.perCopy.itPower.design)
        let sustained = perRackType(installed(chain, sizedBy: design), result: result, level: \.sustained)
            .evaluate(load: result.perCopy.itPower.sustained)
        let geometry = FloorGeometry(hall: hall, racks: racks)
        let conductors = conductorRuns(
            hall, result: result, geometry: geometry, distribution: distribution, dropLimit: site.voltageDropLimit,
            continuousLimit: site.continuousLoading.distribution,
            feedsTwice: customChain == nil && PathTopology.feedsRacksTwice(hall.power.topology)
        )
        .map { Conductors.size($0) }
        let electrical = HallElectrical(
            id: hall.id, copies: hall.copies, distribution: distribution, design: design, sustained: sustained,
            conductors: conductors,
            transients: transients(result, geometry: geometry, copies: hall.copies, site: site),
            topology: customChain == nil ? hall.power.topology : nil,
            metal: ConductorMetal.hallLevels(
                chain: chain, design: design, conductors: conductors, dropLimit: site.voltageDropLimit, chains: chains,
                mediumVoltage: site.mediumVoltage))
        return (electrical, chain)
    }

    /// The chain with every stage's continuous limit set from its kind (DESIGN.md §5.7).
    static func limited(_ chain: PowerChain, by loading: ContinuousLoading) -> PowerChain {
        var limited = chain
        for index in limited.stages.indices {
            limited.stages[index].continuousLimit = loading.limit(for: limited.stages[index].entry.kind)
        }
        return limited
    }

    /// The chain with every rack-end stage (an entry whose output is the rack: power shelves,
    /// in-rack converters) sized per rack type (DESIGN.md §5.8): each rack group's racks, its share
    /// of the hall's power at `level` (design for sizing, sustained for energy), and the entry's
    /// PSU configuration, or `RackPSU.standIn` on the stage's unit rating when the entry has none.
    /// On 800 VDC the in-rack converters take the rack's configuration (units, rating, redundancy)
    /// with the converter's loss curve (an estimate, L: no 800 VDC rack publishes its own).
    static func perRackType(_ chain: PowerChain, result: HallResult, level: KeyPath<PowerLevels, Power>)
        -> PowerChain
    {
        let total = result.groups.sum { $0.perRack[keyPath: level] * Double($0.count) }
        var chain = chain
        for index in chain.stages.indices where chain.stages[index].entry.kind.output == .rack {
            let rating = chain.stages[index].unitRating
            chain.stages[index].rackTypes = result.groups.filter { $0.count > 0 }.map { group in
                let power = group.perRack[keyPath: level] * Double(group.count)
                return RackTypeSupply(
                    rackType: group.system.id, racks: group.count,
                    share: .fraction(total > .zero ? power / total : 0), rackDesign: group.perRack.design,
                    psu: group.system.psu ?? RackPSU.standIn(rackDesign: group.perRack.design, unitRating: rating),
                    isStandIn: group.system.psu == nil)
            }
        }
        return chain
    }

    /// Rows of racks as the conductors see them.
    struct FloorGeometry {
        var rows: Int
        var racksPerRow: Int
        var rackPitch: Length
        var rowSpacing: Length
        var electricalRoom: Length

        init(hall: Hall, racks: Int) {
            let perRow = hall.layout?.racksPerRow ?? ElectricalAnalysis.defaultRacksPerRow
            racksPerRow = perRow
            rows = (racks + perRow - 1) / perRow
            rackPitch = hall.layout?.rackPitch ?? .metres(0.6)
            rowSpacing = ElectricalAnalysis.rackDepth + (hall.layout?.aisle ?? .metres(1.2))
            electricalRoom = hall.power.electricalRoomDistance
        }

        /// Route length from the electrical room to the load centre of an average row: the room
        /// distance, half the span of the rows, and half a row (a uniformly loaded busway drops
        /// as much as its whole load taken at its midpoint).
        var rowFeederLength: Length {
            electricalRoom + rowSpacing * (Double(rows - 1) / 2) + rackPitch * (Double(racksPerRow) / 2)
        }
    }

    /// The conductor system of a distribution's rack-side bus.
    static func system(_ distribution: Distribution) -> ConductorSystem {
        switch distribution {
        case .ac415: .threePhase(lineToLine: .volts(415), powerFactor: BuiltInStages.acPowerFactor)
        case .ac480: .threePhase(lineToLine: .volts(480), powerFactor: BuiltInStages.acPowerFactor)
        case .dc800: .dc(.volts(800))
        }
    }

    /// Row busways from the electrical room (one per occupied row, each carrying an even share of
    /// the hall's design power) and the drops to each rack group's racks. With A/B feeds
    /// (`feedsTwice`) every busway and drop is a pair: each carries half normally and the whole
    /// after its partner fails. Every feeder is rated for its normal load within `continuousLimit`
    /// (DESIGN.md §5.7).
    static func conductorRuns(
        _ hall: Hall, result: HallResult, geometry: FloorGeometry, distribution: Distribution, dropLimit: Ratio,
        continuousLimit: Ratio = .one, feedsTwice: Bool = false
    ) -> [ConductorRun] {
        let system = system(distribution)
        let rows = max(geometry.rows, 1)
        let paths = feedsTwice ? 2 : 1
        let suffix = feedsTwice ? " (A and B)" : ""
        let rowPower = result.perCopy.itPower.design / Double(rows)
        let busway = ConductorRun(
            name: "Row busway" + suffix, power: rowPower / Double(paths), feeders: rows * paths, system: system,
            length: geometry.rowFeederLength, dropLimit: dropLimit, continuousLimit: continuousLimit,
            powerAfterFailure: feedsTwice ? rowPower : nil)
        let drops = result.groups.map { group in
            ConductorRun(
                name: "Rack drop (\(group.system.id))" + suffix, power: group.perRack.design / Double(paths),
                feeders: group.count * paths, system: system, length: rackDropLength, dropLimit: dropLimit,
                continuousLimit: continuousLimit, powerAfterFailure: feedsTwice ? group.perRack.design : nil)
        }
        return [busway] + drops
    }

    /// Rack (the largest rack), row and hall levels seeing the synchronous swing, with the
    /// smoothing storage at the spec's level; with storage at the site (or none) every level in
    /// the hall sees the swing.
    static func transients(_ result: HallResult, geometry: FloorGeometry, copies: Int, site: SiteElectrical)
        -> [TransientLevelResult]
    {
        let largestRack = result.groups.map(\.perRack.design).max() ?? .zero
        let rows = max(geometry.rows, 1)
        let levels = [
            TransientLevel(name: "rack", steady: largestRack, count: result.perCopy.rackCount * copies),
            TransientLevel(name: "row", steady: result.perCopy.itPower.design / Double(rows), count: rows * copies),
            TransientLevel(name: "hall", steady: result.perCopy.itPower.design, count: copies),
        ]
        let storageAt: Int? =
            switch site.smoothing {
            case .rack: 0
            case .row: 1
            case .hall: 2
            case .site, .none: nil
            }
        return Transients.envelope(
            levels, storageAt: storageAt, swingFactor: site.swingFactor, duration: site.swingDuration)
    }
}
