import PlannerModel

/// Finds the redundancy conditions (``CoverCut``) a layout breaks (DESIGN.md §5.4.1): for each
/// system and each way of losing its ``RedundancyScheme/spares`` units, a max flow from the rack
/// groups through the surviving units within reach; when it falls short of the heat, the groups
/// on the source side of the minimum cut are a set whose surviving units cannot carry it (Hall's
/// theorem), and its cover cut is violated by the layout.
enum RedundancySeparation {
    /// The cuts `values` (a point of `model`'s program) violates, at most one per failure scenario.
    ///
    /// - Parameter served: per medium and group, the heat to carry [kW]; the groups' heat when nil.
    static func violated(_ model: PlacementModel, values: [Double], served: [[Double]]?) -> [CoverCut] {
        var found: [CoverCut] = []
        var seen: Set<CoverCut> = []
        for (m, medium) in model.media.enumerated() {
            let demand = served?[m] ?? medium.groupHeat
            let total = demand.reduce(0, +)
            guard total > PlacementFormulation.negligibleKilowatts else { continue }
            for s in 0..<medium.scheme.systems {
                let units = model.units(m, s).filter { values[$0.variable.index] > 0.5 }
                // Per group, the units (indices into `units`) that reach it.
                let reaching = medium.groupReach.map { entries in
                    units.indices.filter { u in
                        entries.contains { $0.site == units[u].site && $0.types.contains(units[u].type) }
                    }
                }
                for failed in combinations(units.count, min(medium.scheme.spares, units.count)) {
                    let lost = Set(failed)
                    let groups = medium.groups.count
                    var network = FlowNetwork(nodes: 2 + groups + units.count)
                    for g in 0..<groups where demand[g] > 0 {
                        network.addEdge(0, 2 + g, demand[g])
                        for u in reaching[g] where !lost.contains(u) {
                            network.addEdge(2 + g, 2 + groups + u, .infinity)
                        }
                    }
                    for u in units.indices where !lost.contains(u) {
                        network.addEdge(2 + groups + u, 1, medium.types[units[u].type].capacity.kilowatts)
                    }
                    let flow = network.maxFlow(from: 0, to: 1)
                    guard flow < total - 1e-6 * max(1, total) else { continue }
                    let side = network.sourceSide(of: 0)
                    let set = (0..<groups).filter {
                        side[2 + $0] && demand[$0] > 0 && !medium.groupReach[$0].isEmpty
                    }
                    let cut = CoverCut(medium: m, system: s, groups: set)
                    if !set.isEmpty, seen.insert(cut).inserted { found.append(cut) }
                }
            }
        }
        return found
    }

    /// Every `k`-subset of `0..<n`, in lexicographic order (one empty subset for k = 0).
    static func combinations(_ n: Int, _ k: Int) -> [[Int]] {
        guard k > 0 else { return [[]] }
        guard k <= n else { return [] }
        var result: [[Int]] = []
        var current = Array(0..<k)
        while true {
            result.append(current)
            var i = k - 1
            while i >= 0, current[i] == n - k + i { i -= 1 }
            guard i >= 0 else { return result }
            current[i] += 1
            for j in (i + 1)..<k { current[j] = current[j - 1] + 1 }
        }
    }
}
