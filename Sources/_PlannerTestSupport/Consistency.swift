import PlannerModel

/// The invariants every plan must satisfy (DESIGN.md §10), as sentences; empty when it holds.
///
/// - results keyed by the input IDs, in input order;
/// - each level of the hall equals the sum over its rack groups, the site the sum over halls ×
///   copies (to 1e-9 relative);
/// - heat balance: liquid + air = IT power at design and sustained level (all input becomes heat);
/// - idle ≤ sustained ≤ design ≤ nameplate for every rack group.
public func consistencyProblems(_ plan: Plan) -> [String] {
    var problems: [String] = []
    if plan.halls.map(\.id) != plan.site.halls.map(\.id) {
        problems.append("hall results are not keyed like the spec's halls")
    }
    func check(_ ok: Bool, _ message: @autoclosure () -> String) { if !ok { problems.append(message()) } }
    func checkBalance(_ s: CapacitySummary, _ what: String) {
        check(isClose(s.heatDesign.total, s.itPower.design), "\(what): heat at design ≠ design power")
        check(isClose(s.heatSustained.total, s.itPower.sustained), "\(what): heat at sustained ≠ sustained power")
    }
    var siteDesign = Power.zero
    var siteGPUs = 0
    for (hall, spec) in zip(plan.halls, plan.site.halls) {
        check(
            hall.groups.map(\.system.id) == spec.rackGroups.map(\.system.id),
            "\(hall.id): groups not keyed like the spec")
        check(
            isClose(hall.groups.sum(\.summary.itPower.design), hall.perCopy.itPower.design),
            "\(hall.id): design ≠ Σ groups")
        check(
            isClose(hall.total.itPower.design, hall.perCopy.itPower.design * Double(hall.copies)),
            "\(hall.id): total ≠ copies × per copy")
        checkBalance(hall.total, hall.id)
        for group in hall.groups {
            let p = group.perRack
            check(
                group.system.idlePower <= p.sustained && p.sustained <= p.design && p.design <= p.nameplate,
                "\(hall.id)/\(group.system.id): levels out of order")
        }
        siteDesign += hall.total.itPower.design
        siteGPUs += hall.total.gpuCount
    }
    check(isClose(siteDesign, plan.total.itPower.design), "site design ≠ Σ halls")
    check(siteGPUs == plan.total.gpuCount, "site GPUs ≠ Σ halls")
    checkBalance(plan.total, "site")
    return problems
}
