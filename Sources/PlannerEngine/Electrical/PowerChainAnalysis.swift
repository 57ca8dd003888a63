import PlannerModel

/// Evaluation of a power chain from the rack upward (DESIGN.md §5.2).
public enum PowerChainAnalysis {
    /// Evaluates `chain` delivering `load` [W] at its rack end.
    ///
    /// Walking from the last stage (rack) to the first (grid), each stage delivers `P_out` and
    /// draws `P_in = P_out + P_loss(P_out)`, which becomes the next stage's `P_out`. In each of the
    /// stage's `g` groups the units are sized for `P_out/g` within the stage's continuous limit
    /// (`RedundancyAnalysis.size`); the
    /// `s` units sharing the load each run at `x = P_out/(g·s·U)` and lose
    /// `U·(a + b·x + c·x²)` [W]; idle block reserves are energised and lose their no-load
    /// `U·a`. Stage loss = `g·(s·U·(a + b·x + c·x²) + r·U·a)`.
    ///
    /// Energy balance by construction: `gridInput = load + Σ stage losses` (to rounding).
    ///
    /// - Parameters:
    ///   - chain: the stages from the grid (first) to the rack (last), each with its entry's loss
    ///     curve, unit rating `U` [W], redundancy and groups `g`.
    ///   - load: the IT power delivered at the rack end [W].
    /// - Returns: per stage the units, loading, power out and in [W] and loss [W], and the grid
    ///   input [W].
    ///
    /// Source: DESIGN.md §5.2 (evaluation, loss curves); REFERENCE.md §2.3, §2.4.
    public static func evaluate(_ chain: PowerChain, load: Power) -> PowerChainResult {
        var out = load
        var results: [StageResult] = []
        for stage in chain.stages.reversed() {
            if !stage.rackTypes.isEmpty {
                let result = perRackType(stage, load: out)
                results.append(result)
                out = result.loadIn
                continue
            }
            let groups = Double(stage.groups)
            let sizing = RedundancyAnalysis.size(
                load: out / groups, unitRating: stage.unitRating, redundancy: stage.redundancy,
                minimumUnits: stage.minimumUnits, continuousLimit: stage.continuousLimit)
            let curve = stage.entry.curve
            let x = sizing.loadingNormal
            let idle = sizing.unitsInstalled - sizing.unitsSharingLoad
            let perGroup =
                curve.loss(at: x, rating: stage.unitRating) * Double(sizing.unitsSharingLoad)
                + curve.loss(at: .fraction(0), rating: stage.unitRating) * Double(idle)
            let loss = perGroup * groups
            results.append(
                StageResult(
                    stage: stage.name, entryID: stage.entry.id, kind: stage.entry.kind, groups: stage.groups,
                    perGroup: sizing, loadOut: out, loadIn: out + loss, loss: loss, curve: curve))
            out += loss
        }
        return PowerChainResult(chain: chain.name, itLoad: load, stages: results.reversed())
    }
}

extension PowerChainAnalysis {
    /// A rack-end stage (power shelves, in-rack converters) sized per rack type from each type's
    /// own PSU configuration (DESIGN.md §5.8), delivering `load` [W].
    ///
    /// Rack type `t` takes `P_t = s_t·P_out/n_t` per rack (`s_t` its share of the stage load, `n_t`
    /// racks); each of its `g_t` PSU groups per rack has `u_t` installed units of rating `U_t`, all
    /// sharing `P_t/g_t`, so each runs at `x_t = P_t/(g_t·u_t·U_t)` and the type loses
    /// `n_t·g_t·u_t·U_t·(a + b·x_t + c·x_t²)` on the stage entry's loss curve. After one unit fails
    /// the group's survivors run at `P_t/(g_t·(u_t − 1)·U_t)`: the rack survives when that is ≤ 1.
    /// Stage loss = Σ over types; `P_in = P_out + loss`.
    ///
    /// Source: DESIGN.md §5.8; REFERENCE.md P01, P05, P11 (PSU configurations).
    public static func perRackType(_ stage: PowerStage, load: Power) -> StageResult {
        let curve = stage.entry.curve
        let types = stage.rackTypes.map { supply -> RackTypeResult in
            let psu = supply.psu
            let perRack = supply.racks > 0 ? load * supply.share.fraction / Double(supply.racks) : .zero
            let groupLoad = perRack / Double(psu.groupsPerRack)
            let required = RedundancyAnalysis.unitsRequired(load: groupLoad, unitRating: psu.unitRating)
            let sizing = RedundancySizing(
                redundancy: psu.redundancy.chainRedundancy, load: groupLoad, unitRating: psu.unitRating,
                unitsRequired: min(required, psu.unitsInstalled), unitsInstalled: psu.unitsInstalled,
                unitsSharingLoad: psu.unitsInstalled, unitsUsable: psu.firmUnits, worstFailure: "one unit",
                unitsAfterFailure: psu.unitsInstalled - 1)
            let groups = Double(supply.racks * psu.groupsPerRack)
            let loss =
                curve.loss(at: sizing.loadingNormal, rating: psu.unitRating) * Double(psu.unitsInstalled) * groups
            return RackTypeResult(supply: supply, perGroup: sizing, loadPerRack: perRack, loss: loss)
        }
        let loss = types.sum(\.loss)
        let worst =
            types.max {
                ($0.perGroup.loadingAfterFailure?.fraction ?? .infinity)
                    < ($1.perGroup.loadingAfterFailure?.fraction ?? .infinity)
            }?.perGroup
            ?? RedundancyAnalysis.size(load: load, unitRating: stage.unitRating, redundancy: stage.redundancy)
        var result = StageResult(
            stage: stage.name, entryID: stage.entry.id, kind: stage.entry.kind,
            groups: types.reduce(0) { $0 + $1.groups }, perGroup: worst, loadOut: load, loadIn: load + loss, loss: loss,
            curve: curve)
        result.rackTypes = types
        return result
    }
}

extension PSURedundancy {
    /// The chain's redundancy of the same spelling, for a stage row: N, N+k, and N+N as 2N.
    public var chainRedundancy: Redundancy {
        switch self {
        case .n: .n
        case .nPlus(let k): .nPlus(k)
        case .nPlusN: .twoN
        }
    }
}

extension PowerChain {
    /// `PowerChainAnalysis.evaluate(self, load:)`.
    public func evaluate(load: Power) -> PowerChainResult { PowerChainAnalysis.evaluate(self, load: load) }
}
