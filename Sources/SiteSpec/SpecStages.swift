import Catalogue
import PlannerModel

/// The power-chain stage entries a spec sees: the built-in ones plus its `catalog.stages`, and
/// the custom chains (`halls[].power.chain`) built from them.
struct SpecStages {
    private var entries: [String: StageEntry]
    private var order: [String]
    private let log: FindingLog
    private var specIDs: [String: Place] = [:]
    private var rejectedIDs: Set<String> = []

    /// The built-in entries by ID and their IDs in order: built once per `SiteLoader` rather
    /// than per load (a sweep loads the spec once per scenario), from copies of the entries of
    /// the loader's own: each load copies the entries its chains use, and copies of the shared
    /// statics would write their headers from every sweep worker (`StageEntry.unshared()`).
    struct BuiltIn: Sendable {
        let entries: [String: StageEntry]
        let order: [String]

        init() {
            let all = BuiltInStages.all.map { $0.unshared() }
            entries = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
            order = all.map(\.id)
        }
    }

    init(_ builtIn: BuiltIn, log: FindingLog) {
        self.log = log
        entries = builtIn.entries
        order = builtIn.order
    }

    /// The stage entry named at `reference`, or nil after logging an unknown ID with suggestions.
    func entry(_ reference: Located<String>) -> StageEntry? {
        let id = reference.value
        guard !rejectedIDs.contains(id) else { return nil }
        guard let entry = entries[id] else {
            let suggestion = Phrase.didYouMean(
                EditDistance.closest(to: id, in: order),
                otherwise: "; the built-in stages are " + Phrase.alternatives(order))
            log.error("unknown stage '\(id)'\(suggestion)", at: reference.place)
            return nil
        }
        return entry
    }

    /// Checks the spec's stage entries in order and adds the sound ones.
    mutating func add(_ specs: [StageEntrySpec]) {
        for spec in specs {
            if let entry = entry(spec) {
                entries[entry.id] = entry
                order.append(entry.id)
            } else if let id = spec.id?.value, entries[id] == nil {
                rejectedIDs.insert(id)
            }
        }
    }

    /// The entry a spec defines: its own values, else its `based_on` entry's. Efficiency points
    /// are refitted: one point fits a proportional loss `b·x`, two a no-load and square-law
    /// loss `a + c·x²`, three or more all three terms (least squares).
    private mutating func entry(_ spec: StageEntrySpec) -> StageEntry? {
        let id = newID(spec.id)
        let source = log.check(spec.source) {
            !$0.isEmpty
        } message: { _ in
            "must not be empty"
        }
        let confidence = spec.confidence == nil ? .low : log.choice(spec.confidence, of: Confidence.self)
        var base: StageEntry?
        if let reference = spec.basedOn {
            guard let found = entry(reference) else { return nil }
            base = found
        }
        let kind = spec.kind.map { log.choice($0, of: StageKind.self) } ?? base?.kind
        let defaultPowerFactor = kind?.input == .dc800 ? Ratio.one : BuiltInStages.acPowerFactor
        let powerFactor =
            spec.powerFactor.map { Ratio.fraction($0.value) } ?? base?.powerFactor ?? defaultPowerFactor
        let rating: StageRating? =
            spec.ratingKW.map { .active(.kilowatts($0.value)) }
            ?? spec.ratingKVA.map { .apparent(.kilovoltAmperes($0.value)) } ?? base?.rating
        let points = spec.efficiency.map { $0.compactMap(point) }
        let pointsOK = points == nil || points?.count == spec.efficiency?.count
        if base == nil {
            if spec.kind == nil { spec.reader.missingKey(.kind, " (needed without based_on)") }
            if !spec.reader.contains(.ratingKW), !spec.reader.contains(.ratingKVA) {
                spec.reader.missingKey(.ratingKW, " (needed without based_on)")
            }
            if !spec.reader.contains(.efficiency) { spec.reader.missingKey(.efficiency, " (needed without based_on)") }
        }
        guard let id, let source, let confidence, let kind, let rating, pointsOK else { return nil }
        guard let curve = points.map(Self.fit) ?? base?.curve else {
            log.error("the efficiency points cannot be fitted with a loss curve", at: spec.reader.place)
            return nil
        }
        let overridden = StageEntrySpec.Key.allCases
            .filter { spec.reader.contains($0) && ![.id, .basedOn, .source, .confidence].contains($0) }.map(\.rawValue)
        let variant = base.map { " as a variant of \($0.id) overriding " + overridden.joined(separator: ", ") } ?? ""
        let entry = StageEntry(
            id: id, name: spec.name?.value ?? base.map { "\($0.name) (\(id))" } ?? id, kind: kind, rating: rating,
            powerFactor: powerFactor, points: points ?? base?.points ?? [], curve: curve,
            outputVoltage: base?.outputVoltage,
            provenance: Provenance(
                source: source, confidence: confidence, derivation: "defined in site spec \(log.file)" + variant))
        let problems = entry.inconsistencies
        for problem in problems { log.error(problem, at: spec.reader.place) }
        return problems.isEmpty ? entry : nil
    }

    /// A well-formed ID that no built-in or earlier spec stage uses.
    private mutating func newID(_ given: Located<String>?) -> String? {
        guard let given, let id = log.identifier(given, example: "ups-1250kw") else { return nil }
        if entries[id] != nil, specIDs[id] == nil {
            log.error(
                "'\(id)' is a built-in stage; give the variant a new ID and set 'based_on: \(id)'", at: given.place)
            return nil
        }
        return log.unique(id, at: given.place, noun: "stage ID", seen: &specIDs)
    }

    /// One efficiency point, its load and efficiency within their ranges (checked by the reader).
    private func point(_ spec: EfficiencyPointSpec) -> EfficiencyPoint? {
        guard let load = spec.loadPercent?.value, let efficiency = spec.efficiencyPercent?.value else { return nil }
        return .percent(load, efficiency)
    }

    static func fit(_ points: [EfficiencyPoint]) -> LossCurve? {
        switch points.count {
        case 1: LossCurveFit.fit(points, terms: [.proportional])
        case 2: LossCurveFit.fit(points, terms: [.noLoad, .square])
        default: LossCurveFit.fit(points)
        }
    }

    /// The most stages a custom chain may list: each stage's losses compound, and a chain of
    /// thousands drew an infinite load.
    static let maximumChainStages = 20

    /// A hall's custom chain, or nil after logging why it cannot carry power from 22.9 kV to
    /// the racks (an unknown stage, a bad redundancy, a missing stage).
    func chain(_ specs: [ChainStageSpec], place: Place, redundancy: (Located<String>?) -> Redundancy?) -> [PowerStage]?
    {
        guard specs.count <= Self.maximumChainStages else {
            log.error(
                "a custom chain has at most \(Self.maximumChainStages) stages (22.9 kV to the racks takes about 6), "
                    + "got \(specs.count)", at: place)
            return nil
        }
        var names: [String: Int] = [:]
        let stages = specs.compactMap { spec -> PowerStage? in
            guard let reference = spec.stage, let entry = entry(reference) else { return nil }
            let unit = spec.unitKW.map { Power.kilowatts($0.value) }
            var chosen = Redundancy.nPlus(1)
            if let text = spec.redundancy {
                guard let parsed = redundancy(text) else { return nil }
                chosen = parsed
            }
            names[entry.name, default: 0] += 1
            let name = names[entry.name]! > 1 ? "\(entry.name) \(names[entry.name]!)" : entry.name
            return PowerStage(name: name, entry: entry, redundancy: chosen, unitRating: unit)
        }
        guard stages.count == specs.count else { return nil }
        let problems = PowerChain(name: "custom", stages: stages).wiringProblems
        for problem in problems { log.error(problem, at: place) }
        return problems.isEmpty ? stages : nil
    }
}
