import PlannerModel

/// Checks a decoded ``CoolingLayout`` against the floor and the unit types, trusting neither the
/// MILP nor ``FailoverAnalysis``: distances are recomputed from positions and single failures
/// are re-checked with a max-flow (a different algorithm from the re-routing LP).
public enum PlacementChecker {
    /// Every broken constraint, as sentences; empty for a valid N+1 layout.
    ///
    /// Checked: each unit stands on a distinct candidate site at that site's position and has a
    /// known type with that type's capacity; every assignment names a rack, carries heat ≥ 0
    /// and is within the type's reach; each unit's load is the sum of its assignments and at
    /// most its capacity, and its reported max load after failure is at most its capacity;
    /// every rack's heat to the medium is served in full; and for every unit k, the max flow
    /// from k's racks (capacity = heat k served) through survivors within reach (capacity = their
    /// spare `C_j − L_j`) carries all of k's heat.
    ///
    /// - Parameter tolerance: absolute slack on heat balances [W]; default 1 W, far below any
    ///   rack's heat and above GLPK's feasibility tolerance on kW values.
    public static func violations(
        of layout: CoolingLayout, floor: HallFloor, types: [CoolingUnitType], tolerance: Power = .watts(1)
    ) -> [PlacementViolation] {
        var found: [PlacementViolation] = []
        let typeByID = Dictionary(types.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let siteByID = Dictionary(floor.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rackIndex = Dictionary(
            floor.racks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var served = [Power](repeating: .zero, count: floor.racks.count)
        var usedSites: Set<String> = []
        let tol = tolerance

        for unit in layout.units {
            guard let type = typeByID[unit.typeID] else {
                found.append(.init(.unknownReference, "unit \(unit.id) has unknown type '\(unit.typeID)'"))
                continue
            }
            if let site = siteByID[unit.id] {
                if site.position != unit.position {
                    found.append(.init(.unknownReference, "unit \(unit.id) is not at its site's position"))
                }
            } else {
                found.append(.init(.unknownReference, "unit \(unit.id) is not on a candidate site"))
            }
            if !usedSites.insert(unit.id).inserted {
                found.append(.init(.sharedSite, "site \(unit.id) holds more than one unit"))
            }
            if unit.capacity != type.capacity {
                found.append(
                    .init(
                        .inconsistentLoad,
                        "unit \(unit.id) has capacity \(kw(unit.capacity)) but type \(type.id) is rated "
                            + "\(kw(type.capacity))"
                    ))
            }
            var sum = Power.zero
            for assignment in unit.assignments {
                guard let r = rackIndex[assignment.rackID] else {
                    found.append(.init(.unknownReference, "unit \(unit.id) serves unknown rack '\(assignment.rackID)'"))
                    continue
                }
                if assignment.heat < .zero {
                    found.append(
                        .init(
                            .inconsistentLoad,
                            "unit \(unit.id) serves \(kw(assignment.heat)) (negative) of \(assignment.rackID)"))
                }
                let distance = floor.racks[r].position.aisleDistance(to: unit.position)
                if !distance.isWithin(type.reach) {
                    found.append(
                        .init(
                            .outOfReach,
                            "unit \(unit.id) serves \(assignment.rackID) at \(m(distance)), beyond the "
                                + "\(m(type.reach)) reach of \(type.id)"
                        ))
                }
                served[r] += assignment.heat
                sum += assignment.heat
            }
            if (sum - unit.load).magnitude > tol {
                found.append(
                    .init(
                        .inconsistentLoad,
                        "unit \(unit.id) reports load \(kw(unit.load)) but its assignments sum to \(kw(sum))"))
            }
            if sum > type.capacity + tol {
                found.append(
                    .init(.overRating, "unit \(unit.id) carries \(kw(sum)), above its \(kw(type.capacity)) rating"))
            }
            if unit.maxLoadAfterFailure > type.capacity + tol {
                found.append(
                    .init(
                        .overRating,
                        "unit \(unit.id) carries \(kw(unit.maxLoadAfterFailure)) after a failure, above its "
                            + "\(kw(type.capacity)) rating"
                    ))
            }
        }
        for (r, rack) in floor.racks.enumerated() {
            let heat = rack.heat(layout.medium)
            if (served[r] - heat).magnitude > tol {
                found.append(.init(.heatNotServed, "rack \(rack.id) gives \(kw(heat)) but \(kw(served[r])) is served"))
            }
        }
        // N+1: the failed unit's heat must fit through survivors within reach into their spare.
        let known = layout.units.filter { typeByID[$0.typeID] != nil }
        for (k, failed) in known.enumerated() {
            let racks = failed.assignments.compactMap { a in rackIndex[a.rackID].map { (index: $0, heat: a.heat) } }
            let survivors = known.indices.filter { $0 != k }
            var network = FlowNetwork(nodes: 2 + racks.count + survivors.count)
            let source = 0
            let sink = 1
            for (i, rack) in racks.enumerated() {
                network.addEdge(source, 2 + i, rack.heat.watts)
                for (s, j) in survivors.enumerated() {
                    let distance = floor.racks[rack.index].position.aisleDistance(to: known[j].position)
                    if distance.isWithin(typeByID[known[j].typeID]!.reach) {
                        network.addEdge(2 + i, 2 + racks.count + s, .infinity)
                    }
                }
            }
            for (s, j) in survivors.enumerated() {
                let spare = known[j].capacity - known[j].assignments.sum(\.heat)
                network.addEdge(2 + racks.count + s, sink, max(0, spare.watts))
            }
            let moved = Power.watts(network.maxFlow(from: source, to: sink))
            let shortfall = failed.assignments.sum(\.heat) - moved
            if shortfall > tol {
                found.append(
                    .init(
                        .failoverShortfall,
                        "after the loss of unit \(failed.id), \(kw(shortfall)) of its racks' heat has no surviving "
                            + "unit within reach with spare capacity"
                    ))
            }
        }
        return found
    }

    private static func kw(_ power: Power) -> String { "\((power.kilowatts * 1000).rounded() / 1000) kW" }
    private static func m(_ length: Length) -> String { "\((length.metres * 1000).rounded() / 1000) m" }
}

/// A directed network with real capacities and Edmonds–Karp max flow (shortest augmenting paths
/// by breadth-first search; O(V·E²), ample for one failed unit's racks and its survivors).
struct FlowNetwork {
    private struct Edge {
        var to: Int
        var capacity: Double
        var reverse: Int
    }

    private var adjacency: [[Edge]]

    init(nodes: Int) {
        adjacency = Array(repeating: [], count: nodes)
    }

    mutating func addEdge(_ from: Int, _ to: Int, _ capacity: Double) {
        adjacency[from].append(Edge(to: to, capacity: capacity, reverse: adjacency[to].count))
        adjacency[to].append(Edge(to: from, capacity: 0, reverse: adjacency[from].count - 1))
    }

    /// The value of a maximum flow from `source` to `sink`; edges with less than 1e-12 of
    /// residual capacity count as saturated.
    mutating func maxFlow(from source: Int, to sink: Int) -> Double {
        var total = 0.0
        while true {
            var previous = [(node: Int, edge: Int)?](repeating: nil, count: adjacency.count)
            var queue = [source]
            var head = 0
            var reached = false
            while head < queue.count, !reached {
                let node = queue[head]
                head += 1
                for (e, edge) in adjacency[node].enumerated()
                where edge.capacity > 1e-12 && previous[edge.to] == nil && edge.to != source {
                    previous[edge.to] = (node, e)
                    if edge.to == sink {
                        reached = true
                        break
                    }
                    queue.append(edge.to)
                }
            }
            guard reached else { return total }
            var bottleneck = Double.infinity
            var node = sink
            while let step = previous[node] {
                bottleneck = min(bottleneck, adjacency[step.node][step.edge].capacity)
                node = step.node
            }
            node = sink
            while let step = previous[node] {
                adjacency[step.node][step.edge].capacity -= bottleneck
                let reverse = adjacency[step.node][step.edge].reverse
                adjacency[node][reverse].capacity += bottleneck
                node = step.node
            }
            total += bottleneck
        }
    }
}
