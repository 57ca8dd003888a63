import LinearProgramming
import PlannerModel

/// The phase-1 program of ``PlacementAnalysis/solveLexicographic(_:options:start:)``: the fewest
/// (cheapest) units that serve a hall with N+1 failover, as a smaller MILP with the same optimum as
/// the full ``PlacementModel`` under the unit-cost objective. Built from a full model by
/// ``UnitCountModel/init(_:)``; solver-free.
///
/// Two reductions and one family of cuts, each exact or valid (measured on the Samsung hall's air
/// problem, 231 racks and 38 sites: the full model under unit cost needs 115 s in `glpsol` to prove
/// 12 units; this program 2.5 s):
///
/// - **Rack groups.** Racks with the same candidate sites, reached by the same types at each, are
///   one group `G` with heat `q_G = Σ_{r∈G} q_r` and one `serve[G,J]` column per site. With the unit
///   cost as the objective nothing tells the racks of a group apart: any group flow `x_Gj` splits
///   as `x_rj = x_Gj·q_r/q_G`, which meets every rack's demand and VUB and leaves every load as it
///   was, and any rack flow sums to a group flow. So both programs have the same unit layouts.
/// - **No per-rack VUBs.** `x_Gj ≤ q_G·Σ_{t reaching G} y_jt` is kept only where some type that may
///   stand at j does not reach G; elsewhere the capacity and site rows already say it for integer
///   `y` (a site carries flow only when a unit stands there, and every such unit reaches G).
///   Dropping them costs a little of the relaxation's bound (9.83 against 9.87 units) but shrinks
///   each node's LP from 2,682 to about 500 rows.
/// - **Cover cuts** (``coverCuts(_:)``), the rows that make it fast: for a set `S` of groups with
///   heat `q_S` reached only from the sites `W`, losing any open unit `k` in `W` moves its load to
///   `N(k)`, so the units of `W⁺ = W ∪ ⋃_{k∈W} N(k)` other than `k` still carry `q_S`:
///   `(n_{W⁺} − 1)·C_max ≥ q_S`, and as `n` is a whole number,
///   `Σ_{j∈W⁺} Σ_t y_jt ≥ ⌈q_S/C_max⌉ + 1` (a Chvátal–Gomory rounding the relaxation lacks).
public struct UnitCountModel: Sendable, Equatable {
    /// A `serve[G,J]` column.
    public struct Serve: Sendable, Equatable {
        /// Index into ``HallFloor/sites``.
        public var site: Int
        public var variable: VariableID
    }

    /// One cover cut: at least `units` units stand on `sites`.
    public struct CoverCut: Sendable, Equatable {
        /// Indices into ``HallFloor/sites``, ascending.
        public var sites: [Int]
        public var units: Int

        public init(sites: [Int], units: Int) {
            self.sites = sites
            self.units = units
        }
    }

    public var program: LinearProgram
    /// Per group: its members, as indices into ``PlacementModel/racks``.
    public var groups: [[Int]]
    /// Per group: its serve columns, in site order.
    public var serve: [[Serve]]
    /// Per site, per type: the `open[J,t]` binary (where the full model has one).
    public var open: [[VariableID?]]
    /// Per site: the `load[J]` column (where the full model has one).
    public var load: [VariableID?]
    public var cuts: [CoverCut]

    /// The unit-count program of `model` (which must not be elastic).
    public init(_ model: PlacementModel) {
        let siteCount = model.floor.sites.count
        let types = model.types
        // Group key: per serve entry, the site and the mask of types reaching the rack there.
        func reachingTypes(_ i: Int, _ entry: PlacementModel.Serve) -> [Int] {
            types.indices.filter { model.open[entry.site][$0] != nil && entry.distance.isWithin(types[$0].reach) }
        }
        var groupOfKey: [[[Int]]: Int] = [:]
        var groups: [[Int]] = []
        var keys: [[[Int]]] = []
        for i in model.racks.indices {
            let key = model.serve[i].map { [$0.site] + reachingTypes(i, $0) }
            if let g = groupOfKey[key] {
                groups[g].append(i)
            } else {
                groupOfKey[key] = groups.count
                groups.append([i])
                keys.append(key)
            }
        }
        let heat = groups.map { $0.reduce(0.0) { $0 + model.heatKilowatts[$1] } }

        var program = LinearProgram(name: model.program.name + "-units")
        var open = [[VariableID?]](repeating: [VariableID?](repeating: nil, count: types.count), count: siteCount)
        var objective: [LinearTerm] = []
        for j in 0..<siteCount {
            for t in types.indices {
                guard let full = model.open[j][t] else { continue }
                let y = program.addBinaryVariable(model.program[full].name)
                open[j][t] = y
                objective.append(types[t].cost.dollars * y)
            }
        }
        var serve: [[Serve]] = []
        for (g, key) in keys.enumerated() {
            serve.append(
                key.map { entry in
                    Serve(
                        site: entry[0],
                        variable: program.addVariable("serve[G\(g + 1),\(model.floor.sites[entry[0]].id)]"))
                })
        }
        var load = [VariableID?](repeating: nil, count: siteCount)
        for j in 0..<siteCount where model.load[j] != nil {
            load[j] = program.addVariable("load[\(model.floor.sites[j].id)]")
        }
        program.setObjective(.minimise, objective)

        var servedAt = [[VariableID]](repeating: [], count: siteCount)
        for row in serve {
            for entry in row { servedAt[entry.site].append(entry.variable) }
        }
        for g in groups.indices {
            program.addConstraint("demand[G\(g + 1)]", serve[g].map { 1.0 * $0.variable }, .equal(heat[g]))
        }
        for j in 0..<siteCount {
            let rows = PlacementFormulation.siteRows(
                j, sites: model.floor.sites, load: load, open: open, types: types, served: servedAt[j])
            for row in rows { program.addConstraint(row.name, row.terms, row.bounds) }
        }
        for (g, key) in keys.enumerated() {
            for (entry, column) in zip(key, serve[g]) {
                let j = entry[0]
                let reaching = Set(entry.dropFirst())
                let standing = types.indices.filter { open[j][$0] != nil }
                guard standing.contains(where: { !reaching.contains($0) }) else { continue }
                let terms = reaching.sorted().compactMap { t in open[j][t].map { -heat[g] * $0 } }
                program.addConstraint(
                    "vub[G\(g + 1),\(model.floor.sites[j].id)]", [1.0 * column.variable] + terms, .lessOrEqual(0))
            }
        }
        PlacementFormulation.addFailoverRows(
            to: &program, sites: model.floor.sites, load: load, open: open, types: types, backups: model.backups)
        // The full model's site-free strengthening rows (survive, cardinality, cost bound), copied
        // with the columns renamed.
        let fullToReduced = Dictionary(
            uniqueKeysWithValues: (0..<siteCount).flatMap { j in
                types.indices.compactMap { t in model.open[j][t].map { ($0, open[j][t]!) } }
            })
        for constraint in model.program.constraints
        where ["survive[", "cardinality", "costbound"].contains(where: constraint.name.hasPrefix) {
            let terms = constraint.terms.compactMap { term in
                fullToReduced[term.variable].map { term.coefficient * $0 }
            }
            program.addConstraint(constraint.name, terms, constraint.bounds)
        }

        let cuts = Self.coverCuts(
            siteSets: serve.map { $0.map(\.site) }, heat: heat, backups: model.backups, siteCount: siteCount,
            largestCapacity: types.map(\.capacity.kilowatts).max() ?? 1)
        for (n, cut) in cuts.enumerated() {
            let terms = cut.sites.flatMap { j in open[j].compactMap { $0 }.map { 1.0 * $0 } }
            program.addConstraint("cover[\(n + 1)]", terms, .greaterOrEqual(Double(cut.units)))
        }
        self.program = program
        self.groups = groups
        self.serve = serve
        self.open = open
        self.load = load
        self.cuts = cuts
    }

    /// Cover cuts `Σ_{j∈W⁺} Σ_t y_jt ≥ ⌈q_S/C_max⌉ + 1` (see the type's documentation) for the
    /// sets `S` of groups whose sites lie within one group's sites or the union of two groups'
    /// sites; a cut is dropped when another says as much on no more sites.
    ///
    /// - Parameters:
    ///   - siteSets: per group, the sites that may serve it;
    ///   - heat: per group, its heat [kW];
    ///   - backups: per site k, the sites `N(k)` of its failover row.
    public static func coverCuts(
        siteSets: [[Int]], heat: [Double], backups: [[Int]], siteCount: Int, largestCapacity: Double
    ) -> [CoverCut] {
        let sets = siteSets.map { SiteSet($0, count: siteCount) }
        let backupSets = backups.map { SiteSet($0, count: siteCount) }
        var candidates = Set(sets)
        for a in sets.indices {
            for b in sets.indices where b > a { candidates.insert(sets[a].union(sets[b])) }
        }
        var best: [SiteSet: Int] = [:]
        for window in candidates {
            var reach = SiteSet(count: siteCount)
            var q = 0.0
            for (g, set) in sets.enumerated() where set.isSubset(of: window) {
                reach.formUnion(set)
                q += heat[g]
            }
            guard q > PlacementFormulation.negligibleKilowatts else { continue }
            var widened = reach
            for k in reach.members { widened.formUnion(backupSets[k]) }
            let units = UnitCount.ceiling(q / largestCapacity - 1e-9) + 1
            best[widened] = max(best[widened] ?? 0, units)
        }
        // Fewest sites first (ties: most units, then the sites' order), keeping a cut only when no
        // kept cut needs as many units on a subset of its sites.
        let ordered = best.map { (sites: $0.key, units: $0.value, members: $0.key.members) }.sorted { a, b in
            if a.members.count != b.members.count { return a.members.count < b.members.count }
            if a.units != b.units { return a.units > b.units }
            return a.members.lexicographicallyPrecedes(b.members)
        }
        var kept: [(sites: SiteSet, units: Int)] = []
        for cut in ordered where !kept.contains(where: { $0.units >= cut.units && $0.sites.isSubset(of: cut.sites) }) {
            kept.append((cut.sites, cut.units))
        }
        return kept.map { CoverCut(sites: $0.sites.members, units: $0.units) }
    }

    /// Phase-1 values of the full model: the same units and loads, each group's flow split over
    /// its racks in proportion to their heat (feasible for the full model, see the type's
    /// documentation).
    public func fullValues(_ values: [Double], of model: PlacementModel) -> [Double] {
        var full = [Double](repeating: 0, count: model.program.variables.count)
        for j in open.indices {
            for t in open[j].indices {
                if let reduced = open[j][t], let variable = model.open[j][t] {
                    full[variable.index] = values[reduced.index].rounded()
                }
            }
            if let reduced = load[j], let variable = model.load[j] {
                full[variable.index] = max(0, values[reduced.index])
            }
        }
        for (g, members) in groups.enumerated() {
            let total = members.reduce(0.0) { $0 + model.heatKilowatts[$1] }
            for entry in serve[g] {
                let flow = max(0, values[entry.variable.index])
                for i in members {
                    guard let column = model.serve[i].first(where: { $0.site == entry.site }) else { continue }
                    full[column.variable.index] = flow * model.heatKilowatts[i] / total
                }
            }
        }
        return full
    }

    /// A full-model point (for example a greedy start) as values of this program.
    public func reducedValues(_ values: [Double], of model: PlacementModel) -> [Double] {
        var reduced = [Double](repeating: 0, count: program.variables.count)
        for j in open.indices {
            for t in open[j].indices {
                if let variable = open[j][t], let full = model.open[j][t] {
                    reduced[variable.index] = values[full.index]
                }
            }
            if let variable = load[j], let full = model.load[j] { reduced[variable.index] = values[full.index] }
        }
        for (g, members) in groups.enumerated() {
            for entry in serve[g] {
                reduced[entry.variable.index] = members.reduce(0.0) { sum, i in
                    sum + (model.serve[i].first { $0.site == entry.site }.map { values[$0.variable.index] } ?? 0)
                }
            }
        }
        return reduced
    }
}

/// A set of site indices as a bit set (the cover-cut search compares many of them).
struct SiteSet: Hashable, Sendable {
    private var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    init(_ members: [Int], count: Int) {
        self.init(count: count)
        for member in members { words[member / 64] |= 1 << UInt64(member % 64) }
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Members, ascending.
    var members: [Int] {
        words.indices.flatMap { w in (0..<64).filter { words[w] & (1 << UInt64($0)) != 0 }.map { w * 64 + $0 } }
    }

    func isSubset(of other: SiteSet) -> Bool {
        zip(words, other.words).allSatisfy { $0 & ~$1 == 0 }
    }

    func union(_ other: SiteSet) -> SiteSet {
        var result = self
        result.formUnion(other)
        return result
    }

    mutating func formUnion(_ other: SiteSet) {
        for w in words.indices { words[w] |= other.words[w] }
    }
}
