import LinearProgramming
import PlannerModel

/// A greedy first incumbent for the placement MILP (DESIGN.md §5.4), passed to GLPK as a MIP
/// start.
public enum GreedyPlacement {
    /// A feasible point of `model.program`, or nil when the greedy finds none.
    ///
    /// 1. Open units of the largest type, one site at a time, each time at the site that most
    ///    reduces the heat-weighted distance `Σ_r q_r·min_{open j} d_rj` (greedy p-median; a
    ///    rack out of reach of every open site counts 10⁶ m), until there are `⌈Q/C_max⌉ + 1`.
    /// 2. Fix the `open` binaries and solve the remaining LP (routing with the failover rows).
    /// 3. If that LP is infeasible, open the next greedy site and repeat.
    public static func start(for model: PlacementModel) throws(PlacementError) -> [Double]? {
        guard let t = model.types.indices.max(by: { model.types[$0].capacity < model.types[$1].capacity }) else {
            return nil
        }
        let capacity = model.types[t].capacity.kilowatts
        let total = model.totalKilowatts
        let candidates = model.open.indices.filter { model.open[$0][t] != nil }
        let unreachable = 1e6
        // distance[i][j] for active racks, infinity-like where j does not serve i.
        var distance = [[Double]](
            repeating: [Double](repeating: unreachable, count: model.floor.sites.count), count: model.racks.count)
        for (i, row) in model.serve.enumerated() {
            for entry in row where entry.distance.isWithin(model.types[t].reach) {
                distance[i][entry.site] = entry.distance.metres
            }
        }
        var nearest = [Double](repeating: unreachable, count: model.racks.count)
        var chosen: [Int] = []
        func addBestSite() -> Bool {
            var best: (site: Int, cost: Double)?
            for j in candidates where !chosen.contains(j) {
                var cost = 0.0
                for i in model.racks.indices { cost += model.heatKilowatts[i] * min(nearest[i], distance[i][j]) }
                if best == nil || cost < best!.cost { best = (j, cost) }
            }
            guard let best else { return false }
            chosen.append(best.site)
            for i in model.racks.indices { nearest[i] = min(nearest[i], distance[i][best.site]) }
            return true
        }
        let target = UnitCount.ceiling(total / capacity - 1e-9) + 1
        while chosen.count < target, addBestSite() {}
        while true {
            if let point = try route(model, opening: Set(chosen), type: t) { return point }
            guard addBestSite() else { return nil }
        }
    }

    /// `program` with every binary of `open` fixed at its (rounded) value in `values`, solved as
    /// an LP; its values when optimal.
    static func route(_ program: LinearProgram, open: [[VariableID?]], values: [Double]) throws(PlacementError)
        -> [Double]?
    {
        var program = program
        for variable in open.flatMap({ $0.compactMap { $0 } }) {
            program[variable].kind = .continuous
            program[variable].bounds = .equal(values[variable.index].rounded())
        }
        let solution = try PlacementAnalysis.solve(program, options: GLPKSolver.Options(), start: nil)
        guard solution.status == .optimal else { return nil }
        var result = solution.values
        for variable in open.flatMap({ $0.compactMap { $0 } }) {
            result[variable.index] = result[variable.index].rounded()
        }
        for index in result.indices where result[index] < 0 { result[index] = 0 }
        return result
    }

    /// The LP of `model` with every `open` binary fixed (1 for type `type` at `opening`, else 0),
    /// solved; its values when optimal.
    static func route(_ model: PlacementModel, opening: Set<Int>, type: Int) throws(PlacementError) -> [Double]? {
        var fixed = [Double](repeating: 0, count: model.program.variables.count)
        for j in opening {
            if let variable = model.open[j][type] { fixed[variable.index] = 1 }
        }
        return try route(model.program, open: model.open, values: fixed)
    }
}
