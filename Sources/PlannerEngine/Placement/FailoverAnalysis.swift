import LinearProgramming
import PlannerModel

/// What happens in each failure scenario of a layout's redundancy (DESIGN.md §5.4.1, "verify
/// after solving"): the racks' heat is re-routed to the surviving units within reach and within
/// their rating, by a small LP per scenario that never looks at the placement MILP.
public enum FailoverAnalysis {
    /// The re-routing in each scenario, and each unit's highest load over all of them.
    public struct Result: Sendable, Equatable {
        /// One per scenario (``RedundancyScheme/scenarios(systemOf:)`` order).
        public var checks: [FailureCheck]
        /// Per unit: max over the scenarios it survives of its load after re-routing (its normal
        /// load when no scenario adds to it).
        public var maxLoadAfterFailure: [Power]
    }

    /// Penalty per kW of shortfall against the peak loading (a pure number): any unserved watt
    /// costs more than raising the peak by 100 %.
    static let shortfallPenaltyPerKilowatt = 1e3

    /// For each scenario with failed units F and survivors J, the LP
    ///
    /// ```
    /// minimise   1000·Σ_G s_G + U
    /// subject to Σ_{j∈J reaching G} z_Gj + s_G = h_G      (reroute[G])
    ///            Σ_G z_Gj ≤ C_j                           (rating[J])
    ///            Σ_G z_Gj ≤ U·C_j                         (peak[J])
    /// ```
    ///
    /// in kW, over groups `G` of racks reached by the same survivors, with `h_G` the heat the
    /// layout serves for them: the survivors share a header (liquid) or the room (air), so every
    /// rack may move, not only the failed units' (DESIGN.md §5.4.1). The shortfall is `Σ s_G`, the
    /// peak loading `U`.
    ///
    /// - Parameter reach: the reach of each unit type, by type ID.
    public static func reroute(
        units: [PlacedUnit], floor: HallFloor, reach: [String: Length], scheme: RedundancyScheme
    ) throws(PlacementError) -> Result {
        let rackIndex = Dictionary(uniqueKeysWithValues: floor.racks.enumerated().map { ($1.id, $0) })
        var heat = [Double](repeating: 0, count: floor.racks.count)
        for unit in units {
            for assignment in unit.assignments { heat[rackIndex[assignment.rackID]!] += assignment.heat.kilowatts }
        }
        let racks = heat.indices.filter { heat[$0] > 0 }
        // Per rack, the units within reach.
        let reaching = racks.map { r in
            units.indices.filter { j in
                reach[units[j].typeID].map { floor.racks[r].position.aisleDistance(to: units[j].position).isWithin($0) }
                    ?? false
            }
        }
        var maxLoad = units.map(\.load)
        var checks: [FailureCheck] = []
        let solver = GLPKSolver()
        for failed in scheme.scenarios(systemOf: units.map(\.system)) {
            let lost = Set(failed)
            let survivors = units.indices.filter { !lost.contains($0) }
            // Groups of racks by their surviving units within reach.
            var groupOf: [[Int]: Int] = [:]
            var groups: [(units: [Int], heat: Double)] = []
            for (i, _) in racks.enumerated() {
                let key = reaching[i].filter { !lost.contains($0) }
                if let g = groupOf[key] {
                    groups[g].heat += heat[racks[i]]
                } else {
                    groupOf[key] = groups.count
                    groups.append((key, heat[racks[i]]))
                }
            }
            var program = LinearProgram(name: "failover")
            let peak = program.addVariable("peak")
            var objective: [LinearTerm] = [1 * peak]
            var routes: [(unit: Int, variable: VariableID)] = []
            var rows: [[LinearTerm]] = Array(repeating: [], count: units.count)
            for (g, group) in groups.enumerated() {
                var terms: [LinearTerm] = []
                for j in group.units {
                    let z = program.addVariable("z[G\(g + 1),\(units[j].id)]")
                    terms.append(1 * z)
                    rows[j].append(1 * z)
                    routes.append((j, z))
                }
                let s = program.addVariable("s[G\(g + 1)]")
                objective.append(shortfallPenaltyPerKilowatt * s)
                program.addConstraint("reroute[G\(g + 1)]", terms + [1 * s], .equal(group.heat))
            }
            for j in survivors {
                let capacity = units[j].capacity.kilowatts
                program.addConstraint("rating[\(units[j].id)]", rows[j], .lessOrEqual(capacity))
                program.addConstraint("peak[\(units[j].id)]", rows[j] + [-capacity * peak], .lessOrEqual(0))
            }
            program.setObjective(.minimise, objective)
            let label = label(failed, units: units, scheme: scheme)
            let solution: LPSolution
            do {
                solution = try solver.solve(program)
            } catch {
                throw .solverFailed("re-routing after the loss of \(label): \(error)")
            }
            guard solution.status == .optimal else {
                throw .solverFailed("re-routing after the loss of \(label) ended \(solution.status)")
            }
            var after = [Double](repeating: 0, count: units.count)
            for route in routes { after[route.unit] += max(0, solution.values[route.variable.index]) }
            var peakLoading = 0.0
            for j in survivors {
                maxLoad[j] = max(maxLoad[j], .kilowatts(after[j]))
                peakLoading = max(peakLoading, after[j] / units[j].capacity.kilowatts)
            }
            let total = racks.reduce(0.0) { $0 + heat[$1] }
            let shortfall = max(0, total - after.reduce(0, +))
            checks.append(
                FailureCheck(
                    failedUnitID: label, reroutedHeat: failed.sum { units[$0].load },
                    shortfall: .kilowatts(shortfall < 1e-6 ? 0 : shortfall), peakLoading: .fraction(peakLoading),
                    failedUnitIDs: failed.map { units[$0].id }))
        }
        return Result(checks: checks, maxLoadAfterFailure: maxLoad)
    }

    /// `J3`, `J3+J5`, or `system B` (`system B+J4` for 2(N+1)).
    static func label(_ failed: [Int], units: [PlacedUnit], scheme: RedundancyScheme) -> String {
        guard scheme.systems > 1 else { return failed.map { units[$0].id }.joined(separator: "+") }
        let systems = Set(failed.map { units[$0].system })
        let whole = systems.filter { s in units.indices.filter { units[$0].system == s }.allSatisfy(failed.contains) }
        let lone = failed.filter { !whole.contains(units[$0].system) }.map { units[$0].id }
        return (whole.sorted().map { "system \(RedundancyScheme.name($0))" } + lone).joined(separator: "+")
    }
}
