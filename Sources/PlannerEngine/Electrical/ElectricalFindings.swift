import PlannerModel

/// What the electrical analysis tells the planner to act on.
enum ElectricalFindings {
    static func findings(_ site: Site, _ electrical: SiteElectricalResult) -> [Finding] {
        capping(site, electrical) + conductorDrops(electrical) + singleFailures(electrical)
            + RackPSUFindings.findings(electrical)
    }

    /// The grid capacity set in the spec against the facility's whole design demand (exit 2 when
    /// short): every hall's chain input, the main transformers' loss, and the cooling plant at the
    /// design condition, which the connection carries as well (before, the cooling was left out and a
    /// capacity between IT + losses and the full demand passed).
    static func capping(_ site: Site, _ electrical: SiteElectricalResult) -> [Finding] {
        guard let capacity = site.electrical.gridCapacity else { return [] }
        var halls = electrical.halls.map { hall in
            SupplyLevel(
                name: "hall \(hall.id)", usable: .megawatts(.infinity),
                directLoad: hall.design.gridInput * Double(hall.copies))
        }
        if electrical.mechanicalLoad > .zero {
            halls.append(
                SupplyLevel(
                    name: "cooling at the design condition", usable: .megawatts(.infinity),
                    directLoad: electrical.mechanicalLoad))
        }
        let mainLoss = electrical.mainTransformers?.totalLoss ?? .zero
        let root = SupplyLevel(name: "utility connection", usable: capacity, directLoad: mainLoss, children: halls)
        return PowerCapping.findings(in: root, subjectPrefix: "site.grid.capacity_mw: ")
    }

    /// Conductor levels whose voltage drop stays above the limit even at the largest size.
    static func conductorDrops(_ electrical: SiteElectricalResult) -> [Finding] {
        electrical.halls.flatMap { hall in
            hall.conductors.filter { !$0.withinDropLimit }.map { c in
                Finding(
                    .warning, "hall \(hall.id): \(c.run.name)",
                    "voltage drop \(NumberText.compact((c.dropShare.percent * 100).rounded() / 100)) % exceeds the "
                        + "\(NumberText.compact(c.run.dropLimit.percent)) % limit even with \(c.circuits) parallel "
                        + "circuits; shorten the run or raise the voltage"
                )
            }
        }
    }

    /// Stages whose worst single failure drops load (N redundancy upstream of the racks).
    static func singleFailures(_ electrical: SiteElectricalResult) -> [Finding] {
        electrical.halls.flatMap { hall in
            // Rack-end stages sized per rack type are reported by `RackPSUFindings`, per rack type.
            let perRackType = Set(hall.design.stages.filter { !$0.rackTypes.isEmpty }.map(\.stage))
            return hall.design.stages.filter { perRackType.contains($0.stage) == false }.flatMap { stage in
                PowerChainResult(chain: hall.design.chain, itLoad: hall.design.itLoad, stages: [stage]).singleFailures
            }.filter { !$0.survives }.map { f in
                Finding(
                    .note, "hall \(hall.id): \(f.stage)", "losing \(f.failed) drops load: the stage has no redundancy")
            }
        }
    }
}
