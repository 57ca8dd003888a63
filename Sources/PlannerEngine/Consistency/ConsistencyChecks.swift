import PlannerModel

/// The invariants of each analysis, checked by the planner right after the analysis runs, as
/// pandapower checks its results after every power flow (DESIGN.md §2.5, §10). Each check
/// returns its violations as sentences, empty when the result holds; the planner makes each an
/// error finding (``finding(_:)``), so a broken result can never reach a report unannounced.
///
/// Balances hold to ``relativeTolerance`` of the larger side; counts and bounds exactly.
public enum ConsistencyChecks {
    /// 1e-9 relative: what double arithmetic leaves of a balance that holds by construction.
    public static let relativeTolerance = 1e-9

    /// The subject of consistency findings.
    public static let subject = "consistency"

    /// A violation as an error finding: it means the analysis is wrong, not the spec.
    public static func finding(_ violation: String) -> Finding {
        Finding(.error, subject, violation + " (an internal inconsistency: please report it as a bug in dcplan)")
    }

    /// Whether `a` and `b` agree to ``relativeTolerance`` of the larger (and to `absolute`).
    static func agree(_ a: Double, _ b: Double, absolute: Double = 0) -> Bool {
        abs(a - b) <= max(absolute, relativeTolerance * max(abs(a), abs(b)))
    }

    static func agree<Q: Quantity>(_ a: Q, _ b: Q, absolute: Double = 0) -> Bool {
        agree(a.si, b.si, absolute: absolute)
    }

    // MARK: Rack power

    /// Rack level (DESIGN.md §5.1): results keyed by the spec's halls and rack groups in order;
    /// each hall copy = Σ its groups, the hall = copies × one copy; all input becomes heat
    /// (liquid + air = IT power at design and at sustained level); idle ≤ sustained ≤ design ≤
    /// nameplate per rack; GPUs and design power of the site = Σ halls.
    public static func racks(_ site: Site, halls: [HallResult], total: CapacitySummary) -> [String] {
        var violations: [String] = []
        func check(_ ok: Bool, _ message: @autoclosure () -> String) { if !ok { violations.append(message()) } }
        check(halls.map(\.id) == site.halls.map(\.id), "hall results are not keyed like the spec's halls")
        func heat(_ s: CapacitySummary, _ what: String) {
            check(
                agree(s.heatDesign.total, s.itPower.design),
                "\(what): heat at design \(s.heatDesign.total.watts) W ≠ design power \(s.itPower.design.watts) W")
            check(
                agree(s.heatSustained.total, s.itPower.sustained),
                "\(what): heat at sustained level \(s.heatSustained.total.watts) W ≠ sustained power "
                    + "\(s.itPower.sustained.watts) W")
        }
        for (hall, spec) in zip(halls, site.halls) {
            check(
                hall.groups.map(\.system.id) == spec.rackGroups.map(\.system.id),
                "hall '\(hall.id)': rack-group results are not keyed like the spec's groups")
            check(
                agree(hall.groups.sum(\.summary.itPower.design), hall.perCopy.itPower.design),
                "hall '\(hall.id)': design power of one copy ≠ Σ its rack groups")
            check(
                agree(hall.total.itPower.design, hall.perCopy.itPower.design * Double(hall.copies)),
                "hall '\(hall.id)': design power ≠ copies × one copy")
            heat(hall.total, "hall '\(hall.id)'")
            for group in hall.groups {
                let p = group.perRack
                check(
                    group.system.idlePower <= p.sustained && p.sustained <= p.design && p.design <= p.nameplate,
                    "hall '\(hall.id)', \(group.system.id): idle ≤ sustained ≤ design ≤ nameplate does not hold")
            }
        }
        check(agree(halls.sum(\.total.itPower.design), total.itPower.design), "site design power ≠ Σ halls")
        check(halls.reduce(0) { $0 + $1.total.gpuCount } == total.gpuCount, "site GPUs ≠ Σ halls")
        heat(total, "site")
        return violations
    }

    // MARK: Electrical

    /// Power chains (DESIGN.md §5.2), for every hall at design and sustained load and for the
    /// main transformers: the rack end carries the IT load; each stage draws what it delivers
    /// plus its loss (`P_in = P_out + P_loss`), with no negative loss; each stage delivers what the
    /// next one draws; at least the required units are installed. The site: facility power at
    /// design = IT + every hall chain's loss × copies + the main transformers' loss.
    public static func electrical(_ result: SiteElectricalResult, halls: [HallResult]) -> [String] {
        var violations: [String] = []
        guard result.halls.count == halls.count else {
            return ["the power chains are not one per hall (\(result.halls.count) for \(halls.count) halls)"]
        }
        for (chain, hall) in zip(result.halls, halls) {
            let name = "hall '\(chain.id)'"
            violations += Self.chain(chain.design, itLoad: hall.perCopy.itPower.design, "\(name) at design")
            violations += Self.chain(
                chain.sustained, itLoad: hall.perCopy.itPower.sustained, "\(name) at sustained load")
        }
        let atMV = result.halls.sum { $0.design.gridInput * Double($0.copies) }
        if let main = result.mainTransformers {
            violations += Self.chain(main, itLoad: atMV + result.mechanicalLoad, "main transformers")
        }
        let it = halls.sum(\.total.itPower.design)
        let losses =
            result.halls.sum { $0.design.totalLoss * Double($0.copies) } + (result.mainTransformers?.totalLoss ?? .zero)
        if !agree(result.facilityDesign, it + losses) {
            violations.append(
                "facility power at design \(result.facilityDesign.watts) W ≠ IT \(it.watts) W + chain losses "
                    + "\(losses.watts) W")
        }
        return violations
    }

    /// One evaluated chain: see ``electrical(_:halls:)``.
    static func chain(_ chain: PowerChainResult, itLoad: Power, _ what: String) -> [String] {
        var violations: [String] = []
        let absolute = 1e-6 // W: a µW of slack for stages at no load
        if !agree(chain.itLoad, itLoad, absolute: absolute) {
            violations.append("\(what): the chain carries \(chain.itLoad.watts) W, not the IT load \(itLoad.watts) W")
        }
        for (index, stage) in chain.stages.enumerated() {
            let label = "\(what), stage \(stage.stage)"
            if stage.loss.watts < 0 { violations.append("\(label): negative loss \(stage.loss.watts) W") }
            if !agree(stage.loadIn, stage.loadOut + stage.loss, absolute: absolute) {
                violations.append(
                    "\(label): draws \(stage.loadIn.watts) W but delivers \(stage.loadOut.watts) W with a loss of "
                        + "\(stage.loss.watts) W")
            }
            let downstream = index + 1 < chain.stages.count ? chain.stages[index + 1].loadIn : chain.itLoad
            if !agree(stage.loadOut, downstream, absolute: absolute) {
                violations.append(
                    "\(label): delivers \(stage.loadOut.watts) W but the next level draws \(downstream.watts) W")
            }
            if stage.unitsInstalled < stage.unitsRequired {
                violations.append(
                    "\(label): \(stage.unitsInstalled) units installed, fewer than the \(stage.unitsRequired) required")
            }
            violations += rackTypes(stage, label)
        }
        return violations
    }

    /// A rack-end stage sized per rack type (DESIGN.md §5.8): the types' racks take the whole
    /// stage load (Σ racks × load per rack = load out) and their losses add up to the stage's.
    static func rackTypes(_ stage: StageResult, _ label: String) -> [String] {
        guard !stage.rackTypes.isEmpty else { return [] }
        var violations: [String] = []
        let delivered = stage.rackTypes.sum { $0.loadPerRack * Double($0.supply.racks) }
        if !agree(delivered, stage.loadOut, absolute: 1e-6) {
            violations.append(
                "\(label): the rack types take \(delivered.watts) W, not the stage's \(stage.loadOut.watts) W")
        }
        let losses = stage.rackTypes.sum(\.loss)
        if !agree(losses, stage.loss, absolute: 1e-6) {
            violations.append("\(label): the rack types lose \(losses.watts) W, not the stage's \(stage.loss.watts) W")
        }
        return violations
    }

    // MARK: Cooling at design

    /// Cooling at design (DESIGN.md §5.3): per hall, the liquid heat is the racks' liquid heat and
    /// the air heat the racks' air heat plus the hall chain's losses, released indoors; every kW
    /// of each has a unit (usable capacity of the CDUs and air units under their redundancy ≥ the
    /// heat; at least the required units installed); each loop's design heat is the heat of its
    /// halls × copies plus the pumps or fans that move it; the economisers are installed at least
    /// as required.
    public static func cooling(_ cooling: SiteCooling, halls: [HallResult], electrical: SiteElectricalResult)
        -> [String]
    {
        var violations: [String] = []
        guard cooling.halls.count == halls.count, electrical.halls.count == halls.count else {
            return ["the cooling results are not one per hall"]
        }
        var liquidLoop = Power.zero
        var airLoop = Power.zero
        for ((unit, hall), chain) in zip(zip(cooling.halls, halls), electrical.halls) {
            let name = "hall '\(unit.id)'"
            let liquid = hall.perCopy.heatDesign.liquid
            let air = hall.perCopy.heatDesign.air + chain.design.totalLoss
            if !agree(unit.liquidLoad, liquid) {
                violations.append("\(name): liquid heat \(unit.liquidLoad.watts) W ≠ the racks' \(liquid.watts) W")
            }
            if !agree(unit.airLoad, air) {
                violations.append(
                    "\(name): air heat \(unit.airLoad.watts) W ≠ the racks' air heat + chain losses \(air.watts) W")
            }
            for (what, load, units) in [
                ("CDUs", unit.liquidLoad, unit.cdus?.units), ("air units", unit.airLoad, unit.airUnits?.units),
            ] where load > .zero {
                guard let units else {
                    violations.append("\(name): \(load.watts) W of heat has no \(what)")
                    continue
                }
                if units.usableCapacity < load * (1 - relativeTolerance) {
                    violations.append(
                        "\(name): the \(what) give \(units.usableCapacity.watts) W under \(units.redundancy), "
                            + "less than the \(load.watts) W of heat")
                }
                if units.unitsInstalled < units.unitsRequired {
                    violations.append("\(name): fewer \(what) installed than required")
                }
            }
            let copies = Double(unit.copies)
            liquidLoop += (unit.liquidLoad + (unit.cdus?.pumpPower ?? .zero)) * copies
            airLoop += (unit.airLoad + (unit.airUnits?.fanPower ?? .zero)) * copies
        }
        for loop in cooling.loops {
            // The loop's own pumps heat its water too (DESIGN.md §5.13).
            let expected = (loop.kind == .liquid ? liquidLoop : airLoop) + (loop.pumps?.power ?? .zero)
            if !agree(loop.designHeatLoad, expected) {
                violations.append(
                    "the \(loop.kind.rawValue) loop carries \(loop.designHeatLoad.watts) W at design, not the "
                        + "\(expected.watts) W its halls, movers and pumps give it")
            }
            if loop.economisers.unitsInstalled < loop.economisers.unitsRequired {
                violations.append("the \(loop.kind.rawValue) loop has fewer economisers installed than required")
            }
        }
        return violations
    }
}
