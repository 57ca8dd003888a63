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

extension PowerChain {
    /// `PowerChainAnalysis.evaluate(self, load:)`.
    public func evaluate(load: Power) -> PowerChainResult { PowerChainAnalysis.evaluate(self, load: load) }
}
