import LinearProgramming
import PlannerModel

/// What happens when one placed unit fails (DESIGN.md §5.4, "verify after solving"): its racks'
/// heat is re-routed to surviving units within reach and within their spare, by a small LP per
/// failed unit that never looks at the placement MILP.
public enum FailoverAnalysis {
    /// The re-routing after each unit's loss, and each unit's highest load over all of them.
    public struct Result: Sendable, Equatable {
        /// One per unit, in unit order.
        public var checks: [FailureCheck]
        /// Per unit: max over the failures of the others of its load after re-routing (its
        /// normal load when no failure adds to it).
        public var maxLoadAfterFailure: [Power]
    }

    /// Penalty per kW of shortfall against the peak loading (a pure number): any unserved watt
    /// costs more than raising the peak by 100 %.
    static let shortfallPenaltyPerKilowatt = 1e3
    /// Tie-break per kW·m so that, among re-routings with the same peak, the shortest is taken.
    static let distanceTieBreak = 1e-9

    /// For each unit k, the LP
    ///
    /// ```
    /// minimise   1000·Σ_r s_r + U + 1e-9·Σ d_rj·z_rj
    /// subject to Σ_j z_rj + s_r = h_rk                      (reroute[R], r a rack of k)
    ///            Σ_r z_rj ≤ max(0, C_j − L_j)               (spare[J], survivors j)
    ///            L_j + Σ_r z_rj ≤ U·C_j                     (peak[J])
    ///            z_rj ≥ 0 only where d_rj ≤ reach of j's type; s_r ≥ 0; U ≥ 0
    /// ```
    ///
    /// in kW, with `h_rk` the heat k served for rack r and `L_j` the normal loads. The shortfall
    /// is `Σ s_r` and the peak loading `max_j (L_j + Σ_r z_rj)/C_j` over all survivors.
    ///
    /// - Parameter reach: the reach of each unit type, by type ID.
    public static func reroute(units: [PlacedUnit], floor: HallFloor, reach: [String: Length]) throws(PlacementError)
        -> Result
    {
        let rackIndex = Dictionary(uniqueKeysWithValues: floor.racks.enumerated().map { ($1.id, $0) })
        var maxLoad = units.map(\.load)
        var checks: [FailureCheck] = []
        let solver = GLPKSolver()
        for (k, failed) in units.enumerated() {
            let survivors = units.indices.filter { $0 != k }
            let rerouted = failed.assignments.sum(\.heat)
            var program = LinearProgram(name: "failover")
            var objective: [LinearTerm] = []
            let peak = program.addVariable("peak")
            objective.append(1 * peak)
            var routes: [(unit: Int, variable: VariableID)] = []
            var rows: [[LinearTerm]] = Array(repeating: [], count: units.count)
            for assignment in failed.assignments {
                let r = rackIndex[assignment.rackID]!
                var terms: [LinearTerm] = []
                for j in survivors {
                    let distance = floor.racks[r].position.aisleDistance(to: units[j].position)
                    guard let limit = reach[units[j].typeID], distance.isWithin(limit) else { continue }
                    let z = program.addVariable("z[\(assignment.rackID),\(units[j].id)]")
                    objective.append(distanceTieBreak * distance.metres * z)
                    terms.append(1 * z)
                    rows[j].append(1 * z)
                    routes.append((j, z))
                }
                let s = program.addVariable("s[\(assignment.rackID)]")
                objective.append(shortfallPenaltyPerKilowatt * s)
                program.addConstraint(
                    "reroute[\(assignment.rackID)]", terms + [1 * s], .equal(assignment.heat.kilowatts))
            }
            for j in survivors {
                let capacity = units[j].capacity.kilowatts
                let load = units[j].load.kilowatts
                program.addConstraint("spare[\(units[j].id)]", rows[j], .lessOrEqual(max(0, capacity - load)))
                program.addConstraint("peak[\(units[j].id)]", rows[j] + [-capacity * peak], .lessOrEqual(-load))
            }
            program.setObjective(.minimise, objective)
            let solution: LPSolution
            do {
                solution = try solver.solve(program)
            } catch {
                throw .solverFailed("re-routing after the loss of \(failed.id): \(error)")
            }
            guard solution.status == .optimal else {
                throw .solverFailed("re-routing after the loss of \(failed.id) ended \(solution.status)")
            }
            var added = [Double](repeating: 0, count: units.count)
            for route in routes {
                added[route.unit] += max(0, solution.values[route.variable.index])
            }
            var peakLoading = 0.0
            for j in survivors {
                let after = units[j].load + .kilowatts(added[j])
                maxLoad[j] = max(maxLoad[j], after)
                peakLoading = max(peakLoading, after / units[j].capacity)
            }
            let moved = added.reduce(0, +)
            let shortfall = max(0, rerouted.kilowatts - moved)
            checks.append(
                FailureCheck(
                    failedUnitID: failed.id, reroutedHeat: rerouted,
                    shortfall: .kilowatts(shortfall < 1e-6 ? 0 : shortfall), peakLoading: .fraction(peakLoading)))
        }
        return Result(checks: checks, maxLoadAfterFailure: maxLoad)
    }
}
