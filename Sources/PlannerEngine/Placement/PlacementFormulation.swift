import Foundation
import LinearProgramming
import PlannerModel

/// The placement MILP of one hall and medium as a ``LinearProgram`` plus the maps from racks,
/// sites and types to its variables. Built by
/// ``PlacementFormulation/build(floor:medium:types:pathCost:elastic:strengthening:)`` without solving anything.
public struct PlacementModel: Sendable, Equatable {
    /// A continuous `serve[R,J]` variable: heat of one rack served at one site [kW].
    public struct Serve: Sendable, Hashable {
        /// Index into ``HallFloor/sites``.
        public var site: Int
        public var variable: VariableID
        public var distance: Length
    }

    public var program: LinearProgram
    public var floor: HallFloor
    public var medium: CoolingMedium
    public var types: [CoolingUnitType]
    /// Indices into ``HallFloor/racks`` of the racks with heat to this medium (the others are
    /// left out of the program).
    public var racks: [Int]
    /// Per entry of ``racks``: its serve variables, in site order.
    public var serve: [[Serve]]
    /// Per site, per type: the `open[J,t]` binary, nil where the type at that site reaches no
    /// rack.
    public var open: [[VariableID?]]
    /// Per site: the `load[J]` variable, nil for a site where no unit can stand.
    public var load: [VariableID?]
    /// Per entry of ``racks``: the `short[R]` slack of the elastic version; empty otherwise.
    public var short: [VariableID]
    /// Per site k: the sites N(k) of the failover row.
    public var backups: [[Int]]
    /// Heat per entry of ``racks`` [kW], as used in the program.
    public var heatKilowatts: [Double]

    /// Total heat `Q` [kW].
    public var totalKilowatts: Double { heatKilowatts.reduce(0, +) }
}

/// Builds the placement MILP of DESIGN.md §5.4 for one hall and one medium. Pure: no solver.
///
/// Sets: racks `r` with heat `q_r > 0` [kW], sites `j`, types `t` with capacity `C_t` [kW], cost
/// `c_t` [USD] and reach; `d_rj` the distance along aisles [m].
///
/// Service sets and backups (a deviation from DESIGN.md §5.4, see the PlannerEngine README): a
/// unit at site k may serve rack r only if r is within reach of k *and* of every other site
/// within `backupRadius` of k (using the shortest reach of all types there), so those
/// neighbours are always in N(k). With `backupRadius` 0 this is the design's form, in which a
/// site whose reach region is not clipped by the hall's walls has N(k) = ∅ and cannot serve at
/// all (measured: every Korean hall's air problem, 15 m reach, was infeasible).
///
/// Columns (in this order):
/// - `open[J,t]` ∈ {0,1}, a unit of type t at site j, for each (j, t) where t at j may serve a rack;
/// - `serve[R,J]` ≥ 0 [kW], heat of r served at j, only where some type at j may serve r;
/// - `load[J]` ≥ 0 [kW], the load `L_j` of site j;
/// - `short[R]` ≥ 0 [kW], unserved heat (elastic version only).
///
/// Rows:
/// - `demand[R]`: `Σ_j x_rj (+ s_r) = q_r`;
/// - `balance[J]`: `L_j − Σ_r x_rj = 0`;
/// - `capacity[J]`: `L_j − Σ_t C_t·y_jt ≤ 0`;
/// - `site[J]`: `Σ_t y_jt ≤ 1`, only where two or more types may stand (with one type the
///   binary's bound already says it);
/// - `failover[K]`: `L_k + Σ_{j∈N(k)} L_j − Σ_{j∈N(k)} Σ_t C_t·y_jt ≤ 0`, i.e. the load of k fits
///   in the spare of N(k), the sites j ≠ k that reach every rack within reach of k with every
///   type that may stand at j (conservative when types differ in reach). An unopened site has
///   `L_k = 0` through the VUB and capacity rows, so its row is slack.
///
/// Strengthening rows (``strengthening``):
/// - `vub[R,J]`: `x_rj − q_r·Σ_{t reaching r} y_jt ≤ 0`;
/// - `survive[K]`: `Σ_{j≠k} Σ_t C_t·y_jt (+ Σ_r s_r) ≥ Q`, the capacity left after losing k
///   covers the hall;
/// - `cardinality`: `Σ y ≥ ⌈Q/C_max⌉ + 1` (not in the elastic version);
/// - `costbound`: `Σ c_t·y_jt ≥` the cheapest unit mix with `Σ n_t·C_t − max C ≥ Q` (geometry
///   ignored), only with two or more types (with one type it is the cardinality row times c),
///   not in the elastic version.
///
/// Objective: minimise `Σ c_t·y_jt + c_pipe·Σ d_rj·x_rj (+ P·Σ s_r)` [USD], with the elastic
/// penalty `P = 10·max_t c_t / min_r q_r` per kW: leaving even the smallest rack unserved costs
/// ten of the dearest units.
public enum PlacementFormulation {
    /// Heat below this [kW] counts as none (a rack with 0 % liquid heat has no liquid problem).
    static let negligibleKilowatts = 1e-9

    public static func build(
        floor: HallFloor, medium: CoolingMedium, types: [CoolingUnitType], pathCost: Money,
        backupRadius: Length = .zero, elastic: Bool = false, strengthening: Bool = true
    ) -> PlacementModel {
        let racks = floor.racks.indices.filter { floor.racks[$0].heat(medium).kilowatts > negligibleKilowatts }
        let q = racks.map { floor.racks[$0].heat(medium).kilowatts }
        let total = q.reduce(0, +)
        let siteCount = floor.sites.count
        let capacity = types.map(\.capacity.kilowatts)
        // d[i][j] for active rack i (index into `racks`) and site j.
        let distance = racks.map { r in (0..<siteCount).map { floor.distance(rack: r, site: $0) } }
        // A(k): racks a unit at k may serve — within reach of k and of every other site within
        // the backup radius of k (with the shortest reach of the types that may stand there).
        let shortestReach = types.map(\.reach).min() ?? .zero
        let neighbours = (0..<siteCount).map { k in
            (0..<siteCount).filter { j in
                j != k && floor.sites[j].position.aisleDistance(to: floor.sites[k].position).isWithin(backupRadius)
            }
        }
        let allowed = racks.indices.map { i in
            (0..<siteCount).map { k in neighbours[k].allSatisfy { distance[i][$0].isWithin(shortestReach) } }
        }
        func reaches(_ i: Int, _ j: Int, _ t: Int) -> Bool { allowed[i][j] && distance[i][j].isWithin(types[t].reach) }

        var program = LinearProgram(name: programName(floor.hallID, medium, elastic: elastic))
        var objective: [LinearTerm] = []

        // open[J,t]
        var open = [[VariableID?]](repeating: [VariableID?](repeating: nil, count: types.count), count: siteCount)
        for j in 0..<siteCount {
            for t in types.indices where racks.indices.contains(where: { reaches($0, j, t) }) {
                let y = program.addBinaryVariable("open[\(floor.sites[j].id),\(types[t].id)]")
                open[j][t] = y
                objective.append(types[t].cost.dollars * y)
            }
        }
        // serve[R,J]
        var serve: [[PlacementModel.Serve]] = []
        for (i, r) in racks.enumerated() {
            var row: [PlacementModel.Serve] = []
            for j in 0..<siteCount where types.indices.contains(where: { reaches(i, j, $0) }) {
                let x = program.addVariable("serve[\(floor.racks[r].id),\(floor.sites[j].id)]")
                row.append(PlacementModel.Serve(site: j, variable: x, distance: distance[i][j]))
                let coefficient = pathCost.dollars * distance[i][j].metres
                if coefficient != 0 {
                    objective.append(coefficient * x)
                }
            }
            serve.append(row)
        }
        // load[J]
        var load = [VariableID?](repeating: nil, count: siteCount)
        for j in 0..<siteCount where open[j].contains(where: { $0 != nil }) {
            load[j] = program.addVariable("load[\(floor.sites[j].id)]")
        }
        // short[R]
        var short: [VariableID] = []
        if elastic {
            let penalty = 10 * (types.map(\.cost.dollars).max() ?? 0) / max(q.min() ?? 1, negligibleKilowatts)
            for r in racks {
                let s = program.addVariable("short[\(floor.racks[r].id)]")
                short.append(s)
                objective.append(penalty * s)
            }
        }
        program.setObjective(.minimise, objective)

        // Rows by site: which serve variables each site has.
        var servedAt = [[(rack: Int, variable: VariableID)]](repeating: [], count: siteCount)
        for (i, row) in serve.enumerated() {
            for entry in row { servedAt[entry.site].append((i, entry.variable)) }
        }
        func unitTerms(_ j: Int, sign: Double) -> [LinearTerm] {
            Self.unitTerms(open[j], types: types, sign: sign)
        }

        for (i, r) in racks.enumerated() {
            var terms = serve[i].map { 1.0 * $0.variable }
            if elastic { terms.append(1.0 * short[i]) }
            program.addConstraint("demand[\(floor.racks[r].id)]", terms, .equal(q[i]))
        }
        // All balance rows, then all capacity rows, then all site rows.
        let siteRows = (0..<siteCount).map { j in
            Self.siteRows(
                j, sites: floor.sites, load: load, open: open, types: types, served: servedAt[j].map(\.variable))
        }
        for kind in 0..<3 {
            for rows in siteRows where kind < rows.count {
                program.addConstraint(rows[kind].name, rows[kind].terms, rows[kind].bounds)
            }
        }
        // N(k): sites j ≠ k whose every possible type reaches every rack k can serve.
        var backups = [[Int]](repeating: [], count: siteCount)
        for k in 0..<siteCount where load[k] != nil {
            let servedByK = servedAt[k].map(\.rack)
            backups[k] = (0..<siteCount).filter { j in
                guard j != k, load[j] != nil else { return false }
                let reachAtJ = types.indices.filter { open[j][$0] != nil }.map { types[$0].reach }.min()!
                return servedByK.allSatisfy { distance[$0][j].isWithin(reachAtJ) }
            }
        }
        addFailoverRows(to: &program, sites: floor.sites, load: load, open: open, types: types, backups: backups)

        if strengthening {
            for (i, r) in racks.enumerated() {
                for entry in serve[i] {
                    let j = entry.site
                    let terms = types.indices.compactMap { t in
                        reaches(i, j, t) ? open[j][t].map { -q[i] * $0 } : nil
                    }
                    program.addConstraint(
                        "vub[\(floor.racks[r].id),\(floor.sites[j].id)]", [1.0 * entry.variable] + terms,
                        .lessOrEqual(0))
                }
            }
            let openSites = (0..<siteCount).filter { load[$0] != nil }
            for k in openSites {
                var terms = openSites.filter { $0 != k }.flatMap { unitTerms($0, sign: 1) }
                if elastic { terms += short.map { 1.0 * $0 } }
                program.addConstraint("survive[\(floor.sites[k].id)]", terms, .greaterOrEqual(total))
            }
            if !elastic, let largest = capacity.max(), largest > 0 {
                let count = (total / largest - 1e-9).rounded(.up) + 1
                let all = open.flatMap { $0.compactMap { $0 } }
                program.addConstraint("cardinality", all.map { 1.0 * $0 }, .greaterOrEqual(count))
                if types.count > 1, let bound = cheapestMix(types: types, heatKilowatts: total) {
                    let terms = (0..<siteCount).flatMap { j in
                        types.indices.compactMap { t in open[j][t].map { types[t].cost.dollars * $0 } }
                    }
                    program.addConstraint("costbound", terms, .greaterOrEqual(bound))
                }
            }
        }
        return PlacementModel(
            program: program, floor: floor, medium: medium, types: types, racks: racks, serve: serve, open: open,
            load: load, short: short, backups: backups, heatKilowatts: q)
    }

    /// `sign·C_t·y_jt` for each type t with a binary at one site.
    static func unitTerms(_ open: [VariableID?], types: [CoolingUnitType], sign: Double) -> [LinearTerm] {
        types.indices.compactMap { t in open[t].map { sign * types[t].capacity.kilowatts * $0 } }
    }

    /// The rows of site j, in this order: `balance[J]` (`L_j − Σ x_·j = 0`), `capacity[J]`
    /// (`L_j − Σ_t C_t·y_jt ≤ 0`) and, where two or more types may stand, `site[J]`
    /// (`Σ_t y_jt ≤ 1`); none for a site without a load column. `served` are the serve columns at
    /// j. Shared by the full and the unit-count program, which order them differently.
    static func siteRows(
        _ j: Int, sites: [CandidateSite], load: [VariableID?], open: [[VariableID?]], types: [CoolingUnitType],
        served: [VariableID]
    ) -> [Constraint] {
        guard let l = load[j] else { return [] }
        let id = sites[j].id
        var rows = [
            Constraint(name: "balance[\(id)]", terms: [1.0 * l] + served.map { -1.0 * $0 }, bounds: .equal(0)),
            Constraint(
                name: "capacity[\(id)]", terms: [1.0 * l] + unitTerms(open[j], types: types, sign: -1),
                bounds: .lessOrEqual(0)),
        ]
        let units = open[j].compactMap { $0 }
        if units.count > 1 {
            rows.append(Constraint(name: "site[\(id)]", terms: units.map { 1.0 * $0 }, bounds: .lessOrEqual(1)))
        }
        return rows
    }

    /// The `failover[K]` rows, `L_k + Σ_{j∈N(k)} L_j − Σ_{j∈N(k)} Σ_t C_t·y_jt ≤ 0`, for every site
    /// with a load column (shared by the full and the unit-count program).
    static func addFailoverRows(
        to program: inout LinearProgram, sites: [CandidateSite], load: [VariableID?], open: [[VariableID?]],
        types: [CoolingUnitType], backups: [[Int]]
    ) {
        for k in sites.indices {
            guard let lk = load[k] else { continue }
            var terms = [1.0 * lk]
            for j in backups[k] {
                terms.append(1.0 * load[j]!)
                terms += unitTerms(open[j], types: types, sign: -1)
            }
            program.addConstraint("failover[\(sites[k].id)]", terms, .lessOrEqual(0))
        }
    }

    /// The least `Σ n_t·c_t` over unit counts with `Σ n_t·C_t − max_{n_t>0} C_t ≥ Q` (one unit
    /// spare, geometry ignored) [USD], by enumerating `n_t ≤ ⌈Q/C_t⌉ + 1`; nil when the
    /// enumeration would exceed a million mixes.
    static func cheapestMix(types: [CoolingUnitType], heatKilowatts total: Double) -> Double? {
        let limits = types.map { UnitCount.ceiling(total / $0.capacity.kilowatts - 1e-9) + 1 }
        guard limits.reduce(1.0, { $0 * Double($1 + 1) }) <= 1e6 else { return nil }
        var best = Double.infinity
        var counts = [Int](repeating: 0, count: types.count)
        func visit(_ t: Int) {
            if t == types.count {
                let used = types.indices.filter { counts[$0] > 0 }
                guard let largest = used.map({ types[$0].capacity.kilowatts }).max() else { return }
                let capacity = types.indices.reduce(0.0) { $0 + Double(counts[$1]) * types[$1].capacity.kilowatts }
                if capacity - largest >= total - 1e-9 {
                    best = min(best, types.indices.reduce(0.0) { $0 + Double(counts[$1]) * types[$1].cost.dollars })
                }
                return
            }
            for n in 0...limits[t] {
                counts[t] = n
                visit(t + 1)
            }
            counts[t] = 0
        }
        visit(0)
        return best.isFinite ? best : nil
    }

    /// `placement-<hall>-<medium>[-elastic]`, with characters LP names do not allow replaced by `_`.
    static func programName(_ hall: String, _ medium: CoolingMedium, elastic: Bool) -> String {
        let raw = "placement-\(hall)-\(medium.rawValue)" + (elastic ? "-elastic" : "")
        let cleaned = String(raw.map { LinearProgram.isValidName(String($0)) || $0.isNumber && $0.isASCII ? $0 : "_" })
        return String(cleaned.prefix(255))
    }
}
