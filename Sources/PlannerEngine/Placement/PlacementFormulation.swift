import LinearProgramming
import PlannerModel

/// How a redundancy topology reads on the floor (DESIGN.md §5.4.1): `systems` independent sets
/// of units, each of which alone carries every rack's heat after losing any `spares` of its own
/// units. N+k is one system with k spares, 2N two systems with none, 2(N+1) two with one each.
public struct RedundancyScheme: Sendable, Hashable {
    public var systems: Int
    public var spares: Int
    /// Whether the topology has no exact floor form and is placed as ``spares`` spares:
    /// xN/y as N+(x − y) (a lost system counted as one unit), block+r as N+r (the reserve is
    /// wired to every rack it may back up, so it acts as a spare unit).
    public var approximated: Bool

    public init(systems: Int, spares: Int, approximated: Bool = false) {
        self.systems = systems
        self.spares = spares
        self.approximated = approximated
    }

    public init(_ redundancy: Redundancy) {
        switch redundancy {
        case .n: self.init(systems: 1, spares: 0)
        case .nPlus(let k): self.init(systems: 1, spares: k)
        case .twoN: self.init(systems: 2, spares: 0)
        case .twoNPlusOne: self.init(systems: 2, spares: 1)
        case .block(let reserve): self.init(systems: 1, spares: reserve)
        case .distributed(let x, let y): self.init(systems: 1, spares: x - y, approximated: true)
        }
    }

    /// System names in reports: A, B.
    public static func name(_ system: Int) -> String { system == 0 ? "A" : "B" }

    /// The failure scenarios of units whose systems are `systemOf` (indices into it): for each
    /// system s, every loss of ``spares`` of s's units (all of them when fewer) together with
    /// every unit of the other systems. N+1: each unit alone; N+2: each pair; 2N: each system.
    public func scenarios(systemOf: [Int]) -> [[Int]] {
        (0..<systems).flatMap { s -> [[Int]] in
            let own = systemOf.indices.filter { systemOf[$0] == s }
            let others = systemOf.indices.filter { systemOf[$0] != s }
            return RedundancySeparation.combinations(own.count, min(spares, own.count)).map { lost in
                (others + lost.map { own[$0] }).sorted()
            }
        }.filter { !$0.isEmpty }
    }
}

/// One medium of a hall's placement on the shared floor: the racks with heat to it, the sites
/// and types that can serve each, and the rack groups (racks served by the same sites with the
/// same types, which no redundancy condition tells apart). Solver-free.
public struct MediumFloor: Sendable, Equatable {
    /// A site that can serve a rack: the site, the distance along aisles, the types that reach.
    public struct Reach: Sendable, Equatable {
        public var site: Int
        public var distance: Length
        public var types: [Int]
    }

    public var medium: CoolingMedium
    public var types: [CoolingUnitType]
    public var pathCost: Money
    public var redundancy: Redundancy
    public var scheme: RedundancyScheme
    /// Units the cooling table installs for this medium (0 when not given): the placement puts
    /// down at least as many, so the two agree by construction.
    public var minimumUnits: Int
    /// Indices into ``HallFloor/racks`` of the racks with heat to this medium.
    public var racks: [Int]
    /// Heat per entry of ``racks`` [kW].
    public var heat: [Double]
    /// Per entry of ``racks``: the sites (not excluded) within reach of some type, in site order.
    public var reach: [[Reach]]
    /// Per site, per type: whether the type at that site reaches some rack (may stand there).
    public var stands: [[Bool]]
    /// Rack groups (indices into ``racks``), in order of first member.
    public var groups: [[Int]]
    /// Per group: its heat [kW].
    public var groupHeat: [Double]
    /// Per group: the sites that serve it with, per site, the types that reach it there.
    public var groupReach: [[(site: Int, types: [Int])]]

    public static func == (a: MediumFloor, b: MediumFloor) -> Bool {
        a.medium == b.medium && a.types == b.types && a.racks == b.racks && a.heat == b.heat && a.reach == b.reach
            && a.redundancy == b.redundancy && a.minimumUnits == b.minimumUnits && a.pathCost == b.pathCost
    }

    /// The medium's problem on `floor`, with the sites in `excluded` unavailable.
    public init(
        floor: HallFloor, medium: CoolingMedium, types: [CoolingUnitType], pathCost: Money, redundancy: Redundancy,
        minimumUnits: Int = 0, excluded: Set<Int> = []
    ) {
        self.medium = medium
        self.types = types
        self.pathCost = pathCost
        self.redundancy = redundancy
        self.scheme = RedundancyScheme(redundancy)
        self.minimumUnits = minimumUnits
        racks = floor.racks.indices.filter {
            floor.racks[$0].heat(medium).kilowatts > PlacementFormulation.negligibleKilowatts
        }
        heat = racks.map { floor.racks[$0].heat(medium).kilowatts }
        var stands = [[Bool]](repeating: [Bool](repeating: false, count: types.count), count: floor.sites.count)
        reach = racks.map { r in
            floor.sites.indices.compactMap { j -> Reach? in
                guard !excluded.contains(j) else { return nil }
                let d = floor.distance(rack: r, site: j)
                let reaching = types.indices.filter { d.isWithin(types[$0].reach) }
                guard !reaching.isEmpty else { return nil }
                for t in reaching { stands[j][t] = true }
                return Reach(site: j, distance: d, types: reaching)
            }
        }
        self.stands = stands
        var groupOfKey: [[[Int]]: Int] = [:]
        var groups: [[Int]] = []
        var groupReach: [[(site: Int, types: [Int])]] = []
        for i in racks.indices {
            let key = reach[i].map { [$0.site] + $0.types }
            if let g = groupOfKey[key] {
                groups[g].append(i)
            } else {
                groupOfKey[key] = groups.count
                groups.append([i])
                groupReach.append(reach[i].map { ($0.site, $0.types) })
            }
        }
        self.groups = groups
        self.groupReach = groupReach
        let heat = self.heat
        groupHeat = groups.map { $0.reduce(0.0) { $0 + heat[$1] } }
    }

    /// Total heat [kW].
    public var totalKilowatts: Double { heat.reduce(0, +) }

    /// Whether every type has the same capacity (the cover cuts then count units).
    var uniformCapacity: Bool { Set(types.map(\.capacity)).count <= 1 }
}

/// A redundancy condition on one system of one medium (DESIGN.md §5.4.1): the units of that
/// system within reach of the racks of ``groups`` must carry their heat after losing any
/// ``RedundancyScheme/spares`` of them. By Hall's theorem for transportation problems, a layout
/// meets the redundancy if and only if it meets this condition for every set of groups; the
/// solver adds the sets it needs, found by a max-flow min-cut on the layout it has.
public struct CoverCut: Sendable, Hashable {
    /// Index into the problem's media.
    public var medium: Int
    public var system: Int
    /// Group indices, ascending.
    public var groups: [Int]

    public init(medium: Int, system: Int, groups: [Int]) {
        self.medium = medium
        self.system = system
        self.groups = groups
    }
}

/// The placement programs of one hall (DESIGN.md §5.4): every medium on one floor, where a site
/// holds at most one unit. Pure: no solver.
public struct PlacementModel: Sendable, Equatable {
    /// A `serve` column: heat of one rack served at one site by one system [kW].
    public struct Serve: Sendable, Equatable {
        public var site: Int
        public var variable: VariableID
        public var distance: Length
    }

    public var program: LinearProgram
    public var floor: HallFloor
    public var media: [MediumFloor]
    /// Per medium, system, site, type: the `open` binary (nil where the type cannot stand).
    public var open: [[[[VariableID?]]]]
    /// Per medium, system, entry of the medium's racks: its serve columns (routing phase only).
    public var serve: [[[[Serve]]]]
    /// Per medium, group: the `short` column of the elastic program (empty otherwise).
    public var short: [[VariableID]]
    /// The cover cuts in the program.
    public var cuts: [CoverCut]
    /// The elastic penalty per kW of unserved heat [USD/kW] (0 when not elastic).
    public var penalty: Double

    /// All `open` binaries of medium `m`, system `s`, as (site, type, variable).
    func units(_ m: Int, _ s: Int) -> [(site: Int, type: Int, variable: VariableID)] {
        open[m][s].indices.flatMap { j in
            open[m][s][j].indices.compactMap { t in open[m][s][j][t].map { (j, t, $0) } }
        }
    }

    /// Every `open` binary.
    var binaries: [VariableID] {
        media.indices.flatMap { m in (0..<media[m].scheme.systems).flatMap { units(m, $0).map(\.variable) } }
    }

    /// `Σ c_t·y` over every binary.
    var unitCostTerms: [LinearTerm] {
        media.indices.flatMap { m in
            (0..<media[m].scheme.systems).flatMap { s in
                units(m, s).map { media[m].types[$0.type].cost.dollars * $0.variable }
            }
        }
    }
}

extension PlacementModel.Serve {
    /// `entries` nearest site first, ties by site index: the one order that picks a rack's VUB
    /// sites and the serve columns its relaxation starts with (the VUB sites among them).
    static func nearestFirst(_ entries: [Self]) -> [Self] {
        entries.sorted { ($0.distance, $0.site) < ($1.distance, $1.site) }
    }
}

/// Builds the placement programs of DESIGN.md §5.4.1 for the media of one hall.
///
/// Sets: media `m`, systems `s` of m's redundancy (one for N+k, two for 2N), sites `j`, types `t`
/// with capacity `C_t` [kW], cost `c_t` [USD] and reach; racks `r` with heat `q_r` [kW]; rack
/// groups `G` (racks reached from the same sites by the same types) with heat `q_G`; `N(S)` the
/// sites and types reaching some group of a set `S`.
///
/// Columns: `open[J,t(,s)]` ∈ {0,1} where t at j reaches a rack; in the routing program also
/// `serve[R,J,m(,s)]` ≥ 0 [kW] where some type at j reaches r; in the elastic program
/// `short[G,m]` ≥ 0 [kW].
///
/// Rows (unit program):
/// - `site[J]`: `Σ_{m,s,t} y_jts ≤ 1` — one floor: a slot holds at most one unit of either medium;
/// - `units[m]`: `Σ y ≥ n_table`, the cooling table's installed count (absent in the elastic program);
/// - `cover[m,n]`, one per cut `S` of system s with k spares: with one capacity `C`,
///   `Σ_{(j,t)∈N(S)} y_jts ≥ ⌈q_S/C⌉ + k` (Hall's condition after losing k units, rounded up
///   because the left side is a whole number); with several capacities (or elastic)
///   `Σ C_t·y_jts (+ Σ_{G∈S} short_G) ≥ q_S + k·max C_t` (sufficient, not necessary).
///
/// Routing program: the unit program's rows plus `demand[R,m(,s)]`: `Σ_j x_rjs = q_r/|systems|`
/// (2N: each rack is served half by each system, so by units of both), `capacity[J,m(,s)]`:
/// `Σ_r x_rjs − Σ_t C_t·y_jts ≤ 0`, `vub[R,J,m(,s)]`: `x_rjs ≤ (q_r/|systems|)·Σ_{t reaching r} y_jts`,
/// and `unitcost`: the unit cost fixed at the unit program's optimum.
///
/// Objective: `Σ c_t·y + Σ_m c_pipe,m·Σ d_rj·x_rj (+ P·Σ short)` [USD], `P = 10·max c_t / min q_r`.
public enum PlacementFormulation {
    /// Heat below this [kW] counts as none (a rack with 0 % liquid heat has no liquid problem).
    static let negligibleKilowatts = 1e-9

    /// What the program routes: nothing (the unit program) or every rack's heat, with the unit
    /// cost held in `unitCost` and, per medium and group, the heat served [kW] (less than `q_G`
    /// only for an infeasible hall's elastic layout).
    public enum Phase: Sendable, Equatable {
        case units
        case routing(unitCost: ClosedRange<Double>, served: [[Double]])
    }

    public static func build(
        floor: HallFloor, media: [MediumFloor], cuts: [CoverCut], phase: Phase, elastic: Bool = false,
        minimum: Bool = true, vubSites: Int = .max
    ) -> PlacementModel {
        var program = LinearProgram(name: programName(floor.hallID, elastic: elastic))
        var objective: [LinearTerm] = []
        var open: [[[[VariableID?]]]] = []
        for medium in media {
            var bySystem: [[[VariableID?]]] = []
            for s in 0..<medium.scheme.systems {
                var bySite = [[VariableID?]](
                    repeating: [VariableID?](repeating: nil, count: medium.types.count), count: floor.sites.count)
                for j in floor.sites.indices {
                    for t in medium.types.indices where medium.stands[j][t] {
                        let y = program.addBinaryVariable(
                            "open[\(floor.sites[j].id),\(medium.types[t].id)\(systemSuffix(s, medium))]")
                        bySite[j][t] = y
                        objective.append(medium.types[t].cost.dollars * y)
                    }
                }
                bySystem.append(bySite)
            }
            open.append(bySystem)
        }
        var short: [[VariableID]] = media.map { _ in [] }
        var penalty = 0.0
        if elastic {
            let maxCost = media.flatMap { $0.types.map(\.cost.dollars) }.max() ?? 0
            let minHeat = media.flatMap(\.heat).min() ?? 1
            penalty = 10 * maxCost / max(minHeat, negligibleKilowatts)
            for (m, medium) in media.enumerated() {
                for g in medium.groups.indices {
                    // A group no site reaches is short by all its heat.
                    let bounds: Bounds =
                        medium.groupReach[g].isEmpty ? .equal(medium.groupHeat[g]) : .range(0, medium.groupHeat[g])
                    let s = program.addVariable("short[G\(g + 1),\(medium.medium.rawValue)]", bounds: bounds)
                    short[m].append(s)
                    objective.append(penalty * s)
                }
            }
        }
        var serve: [[[[PlacementModel.Serve]]]] = media.map { medium in
            (0..<medium.scheme.systems).map { _ in medium.racks.map { _ in [] } }
        }
        if case .routing = phase {
            for (m, medium) in media.enumerated() {
                for s in 0..<medium.scheme.systems {
                    for (i, r) in medium.racks.enumerated() {
                        for entry in medium.reach[i] {
                            let x = program.addVariable(
                                "serve[\(floor.racks[r].id),\(floor.sites[entry.site].id),\(medium.medium.rawValue)"
                                    + "\(systemSuffix(s, medium))]")
                            serve[m][s][i].append(.init(site: entry.site, variable: x, distance: entry.distance))
                            let coefficient = medium.pathCost.dollars * entry.distance.metres
                            if coefficient != 0 { objective.append(coefficient * x) }
                        }
                    }
                }
            }
        }
        program.setObjective(.minimise, objective)
        var model = PlacementModel(
            program: program, floor: floor, media: media, open: open, serve: serve, short: short, cuts: [],
            penalty: penalty)

        // site[J]
        for j in floor.sites.indices {
            let here = media.indices.flatMap { m in
                (0..<media[m].scheme.systems).flatMap { s in open[m][s][j].compactMap { $0 } }
            }
            if here.count > 1 {
                model.program.addConstraint("site[\(floor.sites[j].id)]", here.map { 1.0 * $0 }, .lessOrEqual(1))
            }
        }
        // units[m] (not where the elastic program decided the units: it has none)
        if !elastic && minimum {
            for (m, medium) in media.enumerated() where medium.minimumUnits > 0 {
                let all = (0..<medium.scheme.systems).flatMap { model.units(m, $0).map { 1.0 * $0.variable } }
                model.program.addConstraint(
                    "units[\(medium.medium.rawValue)]", all, .greaterOrEqual(Double(medium.minimumUnits)))
            }
        }
        var served: [[Double]]? = nil
        if case .routing(_, let given) = phase { served = given }
        for cut in cuts { add(cut, to: &model, elastic: elastic, served: served) }

        if case .routing(let unitCost, let served) = phase {
            for (m, medium) in media.enumerated() {
                let systems = medium.scheme.systems
                let name = medium.medium.rawValue
                var groupOf = [Int](repeating: 0, count: medium.racks.count)
                for (g, members) in medium.groups.enumerated() { for i in members { groupOf[i] = g } }
                for s in 0..<systems {
                    var atSite = [[VariableID]](repeating: [], count: floor.sites.count)
                    for (i, r) in medium.racks.enumerated() {
                        let g = groupOf[i]
                        let fraction = medium.groupHeat[g] > 0 ? served[m][g] / medium.groupHeat[g] : 0
                        let demand = medium.heat[i] * fraction / Double(systems)
                        let suffix = "\(name)\(systemSuffix(s, medium))"
                        model.program.addConstraint(
                            "demand[\(floor.racks[r].id),\(suffix)]", model.serve[m][s][i].map { 1.0 * $0.variable },
                            .equal(demand))
                        // VUBs strengthen the relaxation only (the capacity rows already keep a closed
                        // site's flow at 0): kept for the rack's nearest sites, where the relaxation
                        // would send its heat through a fraction of a unit.
                        let nearest = Set(
                            PlacementModel.Serve.nearestFirst(model.serve[m][s][i]).prefix(vubSites).map(\.site))
                        for entry in model.serve[m][s][i] {
                            atSite[entry.site].append(entry.variable)
                            guard nearest.contains(entry.site) else { continue }
                            let reaching = medium.reach[i].first { $0.site == entry.site }!.types
                            let terms = reaching.compactMap { t in open[m][s][entry.site][t].map { -demand * $0 } }
                            model.program.addConstraint(
                                "vub[\(floor.racks[r].id),\(floor.sites[entry.site].id),\(suffix)]",
                                [1.0 * entry.variable] + terms, .lessOrEqual(0))
                        }
                    }
                    for j in floor.sites.indices where !atSite[j].isEmpty {
                        let units = medium.types.indices.compactMap { t in
                            open[m][s][j][t].map { -medium.types[t].capacity.kilowatts * $0 }
                        }
                        model.program.addConstraint(
                            "capacity[\(floor.sites[j].id),\(name)\(systemSuffix(s, medium))]",
                            atSite[j].map { 1.0 * $0 } + units, .lessOrEqual(0))
                    }
                }
            }
            model.program.addConstraint(
                "unitcost", model.unitCostTerms, .range(unitCost.lowerBound, unitCost.upperBound))
        }
        return model
    }

    /// Adds the row of `cut` (see the type's documentation).
    static func add(_ cut: CoverCut, to model: inout PlacementModel, elastic: Bool, served: [[Double]]?) {
        let medium = model.media[cut.medium]
        let s = cut.system
        var reaching = [[Bool]](
            repeating: [Bool](repeating: false, count: medium.types.count), count: model.floor.sites.count)
        for g in cut.groups {
            for entry in medium.groupReach[g] { for t in entry.types { reaching[entry.site][t] = true } }
        }
        let q = cut.groups.reduce(0.0) { $0 + (served?[cut.medium][$1] ?? medium.groupHeat[$1]) }
        let k = Double(medium.scheme.spares)
        let name = "cover[\(medium.medium.rawValue)\(systemSuffix(s, medium)),\(model.cuts.count + 1)]"
        var terms: [LinearTerm] = []
        if medium.uniformCapacity && !elastic, let capacity = medium.types.first?.capacity.kilowatts {
            for j in reaching.indices {
                for t in reaching[j].indices where reaching[j][t] {
                    if let y = model.open[cut.medium][s][j][t] { terms.append(1.0 * y) }
                }
            }
            // 1e-6 units (under a watt) of slack: served heat from an elastic point sits on a
            // multiple of C up to round-off.
            let need = (q / capacity - 1e-6).rounded(.up) + k
            model.program.addConstraint(name, terms, .greaterOrEqual(need))
        } else {
            for j in reaching.indices {
                for t in reaching[j].indices where reaching[j][t] {
                    if let y = model.open[cut.medium][s][j][t] {
                        terms.append(medium.types[t].capacity.kilowatts * y)
                    }
                }
            }
            if elastic { terms += cut.groups.map { 1.0 * model.short[cut.medium][$0] } }
            let largest = medium.types.map(\.capacity.kilowatts).max() ?? 0
            model.program.addConstraint(name, terms, .greaterOrEqual(q + k * largest))
        }
        model.cuts.append(cut)
    }

    /// `,A`/`,B` for a medium with two systems, nothing otherwise.
    static func systemSuffix(_ s: Int, _ medium: MediumFloor) -> String {
        medium.scheme.systems > 1 ? ",\(RedundancyScheme.name(s))" : ""
    }

    /// The first cuts: each group alone and all groups together, per system (groups no site
    /// reaches left out: they are short in full).
    public static func initialCuts(_ media: [MediumFloor]) -> [CoverCut] {
        media.indices.flatMap { m in
            let reached = media[m].groups.indices.filter { !media[m].groupReach[$0].isEmpty }
            return (0..<media[m].scheme.systems).flatMap { s in
                reached.map { CoverCut(medium: m, system: s, groups: [$0]) }
                    + (reached.count > 1 ? [CoverCut(medium: m, system: s, groups: reached)] : [])
            }
        }
    }

    /// `placement-<hall>[-elastic]`, with characters LP names do not allow replaced by `_`.
    static func programName(_ hall: String, elastic: Bool) -> String {
        let raw = "placement-\(hall)" + (elastic ? "-elastic" : "")
        let cleaned = String(raw.map { LinearProgram.isValidName(String($0)) || $0.isNumber && $0.isASCII ? $0 : "_" })
        return String(cleaned.prefix(255))
    }
}
