import PlannerModel

/// Checks a decoded ``CoolingLayout`` against the floor and the unit types, trusting neither the
/// MILP nor ``FailoverAnalysis``: distances are recomputed from positions and the failure
/// scenarios of the layout's redundancy are re-checked with a max-flow on single racks (a
/// different algorithm from the re-routing LP, on racks rather than groups).
public enum PlacementChecker {
    /// Every broken constraint, as sentences; empty for a valid layout under its redundancy.
    ///
    /// Checked: each unit stands on a distinct candidate site at that site's position and has a
    /// known type with that type's capacity; every assignment names a rack, carries heat ≥ 0
    /// and is within the type's reach; each unit's load is the sum of its assignments and at
    /// most its capacity, and its reported max load after failure is at most its capacity;
    /// every rack's heat to the medium is served in full; for every failure scenario of
    /// ``CoolingLayout/redundancy`` (any k units of N+k, a whole system of 2N), the max flow from
    /// every rack (capacity = its heat) through the survivors within reach (capacity = their
    /// rating) carries all the heat; and with two systems each serves half of every rack.
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
        // Redundancy: in every failure scenario the served heat must fit through survivors within
        // reach into their ratings (a max flow per scenario; every rack may move).
        let known = layout.units.filter { typeByID[$0.typeID] != nil }
        let racks = floor.racks.indices.filter { served[$0] > tol }
        let scheme = RedundancyScheme(layout.redundancy)
        for failed in scheme.scenarios(systemOf: known.map(\.system)) {
            let lost = Set(failed)
            let survivors = known.indices.filter { !lost.contains($0) }
            var network = FlowNetwork(nodes: 2 + racks.count + survivors.count)
            for (i, r) in racks.enumerated() {
                network.addEdge(0, 2 + i, served[r].watts)
                for (s, j) in survivors.enumerated()
                where floor.racks[r].position.aisleDistance(to: known[j].position).isWithin(
                    typeByID[known[j].typeID]!.reach)
                {
                    network.addEdge(2 + i, 2 + racks.count + s, .infinity)
                }
            }
            for (s, j) in survivors.enumerated() { network.addEdge(2 + racks.count + s, 1, known[j].capacity.watts) }
            let total = racks.reduce(Power.zero) { $0 + served[$1] }
            let shortfall = total - .watts(network.maxFlow(from: 0, to: 1))
            if shortfall > tol {
                found.append(
                    .init(
                        .failoverShortfall,
                        "after the loss of \(failed.map { known[$0].id }.joined(separator: "+")) "
                            + "(\(layout.redundancy)), \(kw(shortfall)) of heat has no surviving unit within reach "
                            + "with spare rating"))
            }
        }
        // 2N and 2(N+1): each system serves an equal share of every rack.
        if scheme.systems > 1 {
            for r in racks {
                let id = floor.racks[r].id
                for system in 0..<scheme.systems {
                    let share = known.filter { $0.system == system }.flatMap(\.assignments).filter { $0.rackID == id }
                        .sum(\.heat)
                    if (share - served[r] / Double(scheme.systems)).magnitude > tol {
                        found.append(
                            .init(
                                .redundancy,
                                "rack \(id) gets \(kw(share)) from system \(RedundancyScheme.name(system)), not "
                                    + "1/\(scheme.systems) of its \(kw(served[r])) (\(layout.redundancy))"))
                    }
                }
            }
        }
        return found
    }

    /// Sites holding units of both media (one floor: a slot holds at most one unit).
    public static func sharedSites(_ placement: HallPlacement) -> [PlacementViolation] {
        guard let liquid = placement.liquid, let air = placement.air else { return [] }
        let cdus = Set(liquid.units.map(\.id))
        return air.units.filter { cdus.contains($0.id) }.map {
            .init(.sharedSite, "site \($0.id) holds a CDU and an air unit")
        }
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

    /// After ``maxFlow(from:to:)``: whether each node is reachable from `source` through edges
    /// with residual capacity (the source side of a minimum cut).
    func sourceSide(of source: Int) -> [Bool] {
        var seen = [Bool](repeating: false, count: adjacency.count)
        seen[source] = true
        var queue = [source]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in adjacency[node] where edge.capacity > 1e-12 && !seen[edge.to] {
                seen[edge.to] = true
                queue.append(edge.to)
            }
        }
        return seen
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
