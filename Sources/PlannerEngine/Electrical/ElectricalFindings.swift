import PlannerModel

/// What the electrical analysis tells the planner to act on.
enum ElectricalFindings {
    static func findings(_ site: Site, _ electrical: SiteElectricalResult) -> [Finding] {
        capping(site, electrical) + conductorDrops(electrical) + singleFailures(electrical)
            + GridStudy.findings(site, electrical)
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

    /// Stages that cannot lose a unit (DESIGN.md §5.7): a warning naming what fails, the load that
    /// drops (per copy of the hall, and over all copies when there are several) and, when
    /// survivors are left above 100 %, their loading.
    static func singleFailures(_ electrical: SiteElectricalResult) -> [Finding] {
        electrical.halls.flatMap { hall in
            // Rack-end stages sized per rack type are reported by `RackPSUFindings`, per rack type.
            hall.design.singleFailures.filter { !$0.survives && !$0.perRackType }.map { f in
                let copies = hall.copies > 1 ? " in each of the \(hall.copies) copies" : ""
                let survivors =
                    f.survivorLoading.map { " (the survivors would run at \(percent($0)))" } ?? " (no unit survives)"
                return Finding(
                    .warning, "hall \(hall.id): \(f.stage)",
                    "cannot lose a unit: losing \(f.failed) of a \(f.redundancy) stage drops "
                        + "\(powerText(f.loadDropped))\(copies)\(survivors); choose a redundant topology "
                        + "(halls[].power.topology) or add units"
                )
            }
        }
    }

    static func percent(_ ratio: Ratio) -> String { "\(NumberText.compact((ratio.percent * 10).rounded() / 10)) %" }

    static func powerText(_ power: Power) -> String {
        power.megawatts >= 1
            ? "\(NumberText.compact((power.megawatts * 100).rounded() / 100)) MW"
            : "\(NumberText.compact(power.kilowatts.rounded())) kW"
    }
}
