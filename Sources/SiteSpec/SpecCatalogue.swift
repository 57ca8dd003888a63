import Catalogue
import PlannerModel

/// The catalogue a spec sees: the loader's catalogue plus the spec's own `catalog.racks`
/// entries, with the checks for adding entries and for naming racks.
struct SpecCatalogue {
    private(set) var catalogue: Catalogue
    private let log: FindingLog
    /// Where each spec entry's ID was written, for duplicate IDs.
    private var specIDs: [String: Place] = [:]
    /// IDs of spec entries that were rejected: uses of them are not reported a second time.
    private var rejectedIDs: Set<String> = []

    init(_ catalogue: Catalogue, log: FindingLog) {
        self.catalogue = catalogue
        self.log = log
    }

    /// The rack entry named at `reference` (a rack group's `type` or an entry's `based_on`), or
    /// nil after logging an unknown ID with suggestions, or a node used as a rack.
    func rack(_ reference: Located<String>) -> SystemEntry? {
        let id = reference.value
        guard !rejectedIDs.contains(id) else { return nil }
        guard let entry = catalogue.entry(id) else {
            let suggestion = Phrase.didYouMean(
                catalogue.closestIDs(to: id, form: .rack), otherwise: "; 'dcplan catalog list' shows the known IDs")
            log.error("unknown rack type '\(id)'\(suggestion)", at: reference.place)
            return nil
        }
        guard entry.form == .rack else {
            let racks = catalogue.racks(composedOf: id).map(\.id)
            let advice =
                racks.isEmpty
                ? "define a rack of it under catalog.racks" : "use a rack made of it: \(Phrase.alternatives(racks))"
            log.error("'\(id)' is a node, not a rack; \(advice)", at: reference.place)
            return nil
        }
        return entry
    }

    /// Checks the spec's entries in order and adds the sound ones; an entry may be based on a
    /// built-in entry or on one defined before it.
    mutating func add(_ specs: [RackEntrySpec]) {
        for spec in specs {
            if let entry = entry(spec) {
                do { try catalogue.add(entry) } catch { log.error(error.description, at: spec.reader.place) }
            } else if let id = spec.id?.value, catalogue.entry(id) == nil {
                rejectedIDs.insert(id)
            }
        }
    }

    /// The entry a spec defines, or nil after logging every problem found in it.
    private mutating func entry(_ spec: RackEntrySpec) -> SystemEntry? {
        let id = newID(spec.id)
        let source = log.check(spec.source) {
            !$0.isEmpty
        } message: { _ in
            "must not be empty"
        }
        let confidence = spec.confidence == nil ? .low : log.choice(spec.confidence, of: Confidence.self)
        let base = spec.basedOn.map { rack($0) }
        if case .some(nil) = base { return nil } // based_on names no usable rack: reported
        let values = RackValues(spec, base: base ?? nil, log: log)
        guard let id, let values, let source, let confidence else { return nil }
        let entry = values.entry(
            id: id,
            provenance: Provenance(
                source: source, confidence: confidence, derivation: values.derivation(specFile: log.file)))
        var withoutPSU = entry
        withoutPSU.psu = nil
        let problems = withoutPSU.inconsistencies
        for problem in problems {
            log.error(problem, at: spec.reader.place)
        }
        // The PSU configuration against the design power, at the psu mapping (or the entry, when
        // inherited from based_on): e.g. units that cannot carry the design power with none failed.
        let psuProblems =
            entry.designPower > .zero ? entry.psu.map { $0.inconsistencies(rackDesign: entry.designPower) } ?? [] : []
        for problem in psuProblems {
            log.error(
                problem + (spec.psu == nil ? " (PSU configuration of \(base??.id ?? "the base"))" : ""),
                at: spec.psu?.reader.place ?? spec.reader.place)
        }
        return problems.isEmpty && psuProblems.isEmpty && values.psuValid ? entry : nil
    }

    /// A well-formed ID that no built-in or earlier spec entry uses.
    private mutating func newID(_ given: Located<String>?) -> String? {
        guard let given, let id = log.identifier(given, example: "gb300-nvl72-135") else { return nil }
        if catalogue.entry(id) != nil, specIDs[id] == nil {
            log.error(
                "'\(id)' is a built-in catalogue entry; give the variant a new ID and set 'based_on: \(id)'",
                at: given.place)
            return nil
        }
        return log.unique(id, at: given.place, noun: "catalogue ID", seen: &specIDs)
    }
}

/// The values of a spec entry: its own, else its `based_on` entry's, else the documented
/// defaults; nil when a value needed without `based_on` is missing or one is malformed.
private struct RackValues {
    typealias Key = RackEntrySpec.Key
    var base: SystemEntry?
    var name: String?
    var role: SystemRole
    var gpus: Int
    var nameplate: Power
    var design: Power
    var idle: Power
    var liquidFraction: Ratio
    var weight: Mass?
    var feeds: Int
    /// The spec's PSU configuration, else the base's; nil when neither gives one.
    var psu: RackPSU?
    /// False when the spec's `psu` mapping was malformed (already logged).
    var psuValid = true
    /// The keys the spec sets, for the derivation text.
    var given: [Key]

    init?(_ spec: RackEntrySpec, base: SystemEntry?, log: FindingLog) {
        /// The spec's value when given (nil when malformed, already logged), else the base's,
        /// else nil after logging the key as missing.
        func value<Raw, T>(_ key: Key, _ own: Located<Raw>?, _ inherited: T?, _ convert: (Located<Raw>) -> T?) -> T? {
            if let own { return convert(own) }
            // A value written but rejected by the reader (out of range) is reported already.
            if inherited == nil, !spec.reader.contains(key) {
                spec.reader.missingKey(key, " (needed without based_on)")
            }
            return inherited
        }
        let kilowatts = { (value: Located<Double>) in Power.kilowatts(value.value) }
        let role = value(.role, spec.role, base?.role) { log.choice($0, of: SystemRole.self) }
        let gpus = value(.gpus, spec.gpus, base?.gpus) { $0.whole }
        let design = value(.designKW, spec.designKW, base?.designPower, kilowatts)
        let liquid = value(.liquidFraction, spec.liquidFraction, base?.liquidFraction) { Ratio.fraction($0.value) }
        guard let role, let gpus, let design, let liquid else { return nil }

        self.base = base
        self.name = spec.name?.value
        self.role = role
        self.gpus = gpus
        self.design = design
        self.liquidFraction = liquid
        self.nameplate = spec.nameplateKW.map(kilowatts) ?? base?.nameplatePower ?? design
        self.idle = spec.idleKW.map(kilowatts) ?? base?.idlePower ?? Self.defaultIdle(role: role, design: design)
        self.weight = spec.weightKG.map { Mass.kilograms($0.value) } ?? base?.weight
        self.feeds = spec.feeds?.whole ?? base?.feeds ?? 2
        self.given = Key.allCases.filter { spec.reader.contains($0) }
        if let given = spec.psu {
            let redundancy = given.redundancy.flatMap { value -> PSURedundancy? in
                guard let parsed = PSURedundancy(parsing: value.value) else {
                    log.error("must be n, n+k or n+n; got \"\(value.value)\"", at: value.place)
                    return nil
                }
                return parsed
            }
            if let units = given.units?.whole, let kw = given.unitKW?.value, let redundancy {
                psu = RackPSU(
                    unitsInstalled: units, unitRating: .kilowatts(kw), redundancy: redundancy,
                    groupsPerRack: given.nodes?.whole ?? 1,
                    provenance: Provenance(
                        source: spec.source?.value ?? "site spec",
                        confidence: Confidence(rawValue: spec.confidence?.value ?? "L") ?? .low,
                        derivation: "PSU configuration defined in the site spec"))
            } else {
                psuValid = false
            }
        } else {
            psu = base?.psu
        }
    }

    /// Idle draw when neither the spec nor a base gives it: compute racks idle at the measured
    /// H100 share of design power (REFERENCE.md §9.2, L); network and storage racks draw flat.
    static func defaultIdle(role: SystemRole, design: Power) -> Power {
        role == .compute ? design * UtilisationFit.idleShare.fraction : design
    }

    /// The idle share to three decimals, as REFERENCE.md quotes it (0.194).
    static let idleShareText = Phrase.number((UtilisationFit.idleShare.fraction * 1000).rounded() / 1000)

    func entry(id: String, provenance: Provenance) -> SystemEntry {
        SystemEntry(
            id: id, name: name ?? base.map { "\($0.name) (\(id))" } ?? id, role: role, form: .rack, gpus: gpus,
            nameplatePower: nameplate, designPower: design, idlePower: idle, liquidFraction: liquidFraction,
            weight: weight, composition: base?.composition, provenance: provenance, feeds: feeds, psu: psu)
    }

    /// Says that the entry comes from the spec and, for a variant, which values it overrides
    /// and where the others come from; for a new entry, which defaults filled in.
    func derivation(specFile: String) -> String {
        let origin = "defined in site spec \(specFile)"
        guard let base else {
            var notes = [origin]
            if !given.contains(.nameplateKW) { notes.append("nameplate = design (nameplate_kw not given)") }
            if !given.contains(.feeds) { notes.append("dual-corded, 2 power feeds (feeds not given)") }
            if !given.contains(.idleKW) {
                notes.append(
                    role == .compute
                        ? "idle = design × \(Self.idleShareText), the measured H100 idle share (REFERENCE.md §9.2, L)"
                        : "idle = design, flat draw assumed (idle_kw not given)")
            }
            return notes.joined(separator: "; ")
        }
        let overridden = given.filter { ![.id, .basedOn, .source, .confidence].contains($0) }.map(\.rawValue)
        let overrides =
            overridden.isEmpty ? "with no values overridden" : "overriding " + overridden.joined(separator: ", ")
        return "\(origin) as a variant of \(base.id) \(overrides); "
            + "other values from \(base.id): \(base.provenance.source)"
    }
}
