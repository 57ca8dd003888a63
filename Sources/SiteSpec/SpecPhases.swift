import PlannerModel

extension SiteAssembler {
    /// `phases:` (DESIGN.md §5.19): months as YYYY-MM, each later than the one before; every hall
    /// ID one of `halls[]`, once per phase; no hall energised beyond its copies (a hall of one copy
    /// in two phases is energised twice). Each is an error at the value. A hall some copies of which
    /// no phase energises is a warning: the timeline ends short of the site planned.
    func phases(_ specs: [PhaseSpec]?, halls: [Hall]) -> [PhaseChoice] {
        guard let specs else { return [] }
        let byID = Dictionary(halls.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var energised: [String: (copies: Int, place: Place)] = [:]
        var previous: Located<String>?
        var phases: [PhaseChoice] = []
        for spec in specs {
            var date = log.check(spec.date) {
                FindingLog.isMonth($0)
            } message: {
                "must be a month as YYYY-MM, got \"\($0)\""
            }
            if let given = date, let located = spec.date, let before = previous, given <= before.value {
                log.error(
                    "phases must be in date order: \(given) is not later than \(before.value), the phase before "
                        + "(line \(before.place.line ?? 0))",
                    at: located.place)
                date = nil
            }
            if let date, let located = spec.date { previous = Located(value: date, place: located.place) }
            var seen: [String: Place] = [:]
            var added: [PhaseHalls] = []
            for hallSpec in spec.halls ?? [] {
                guard let id = hallSpec.id else { continue }
                guard let hall = byID[id.value] else {
                    let suggestion = Phrase.didYouMean(
                        EditDistance.closest(to: id.value, in: halls.map(\.id), limit: 1),
                        otherwise: "; the halls are \(Phrase.alternatives(halls.map(\.id)))")
                    log.error("no hall '\(id.value)' in halls\(suggestion)", at: id.place)
                    continue
                }
                guard log.unique(id.value, at: id.place, noun: "hall in one phase", seen: &seen) != nil else {
                    continue
                }
                let before = energised[hall.id]
                let left = hall.copies - (before?.copies ?? 0)
                if left <= 0, let before {
                    log.error(
                        "hall '\(hall.id)' is energised twice: its \(hall.copies) "
                            + (hall.copies == 1 ? "copy is" : "copies are")
                            + " all energised by the phase at line \(before.place.line ?? 0)",
                        at: id.place)
                    continue
                }
                let copies = hallSpec.copies?.whole ?? left
                if copies > left, let place = hallSpec.copies?.place {
                    log.error(
                        "hall '\(hall.id)' has \(hall.copies) copies, \(left) of them not yet energised; "
                            + "this phase energises \(copies)",
                        at: place)
                    continue
                }
                energised[hall.id] = (copies: (before?.copies ?? 0) + copies, place: id.place)
                added.append(PhaseHalls(hallID: hall.id, copies: copies))
            }
            guard let date else { continue }
            phases.append(
                PhaseChoice(
                    date: date, halls: added, utilisationRamp: spec.utilisationRampPercent?.percent ?? .one,
                    gridContract: spec.gridContractMW.map { .megawatts($0.value) }, source: spec.source?.value))
        }
        if let last = specs.last {
            for hall in halls where (energised[hall.id]?.copies ?? 0) < hall.copies {
                let done = energised[hall.id]?.copies ?? 0
                log.warning(
                    "no phase energises \(hall.copies - done) of the \(hall.copies) "
                        + (hall.copies == 1 ? "copy" : "copies")
                        + " of hall '\(hall.id)': the timeline ends short of the site planned; add them to a phase",
                    at: last.place)
            }
        }
        return phases
    }
}
