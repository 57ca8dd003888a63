import PlannerModel

/// What the per-rack PSU check tells the planner (DESIGN.md §5.8): rack types that do not survive
/// the loss of one unit, rack types whose firm capacity at the stated redundancy is below their
/// design power, and rack types without a PSU configuration.
enum RackPSUFindings {
    static func findings(_ electrical: SiteElectricalResult) -> [Finding] {
        electrical.halls.flatMap { hall in
            hall.design.stages.flatMap { stage in
                stage.rackTypes.flatMap {
                    findings(
                        hall: hall.id, stage: stage.stage, type: $0,
                        dualFed: hall.topology.map(PathTopology.feedsRacksTwice) ?? false)
                }
            }
        }
    }

    /// `dualFed`: the hall's topology feeds every rack from two paths (2N, xN/y, DESIGN.md §5.7), so
    /// the loss of a path takes half of an N+N rack's units: a firm capacity below the design power
    /// is then a warning (the path failure the topology survives leaves these racks short), not a note.
    static func findings(hall: String, stage: String, type: RackTypeResult, dualFed: Bool = false) -> [Finding] {
        let supply = type.supply
        let psu = supply.psu
        let subject = "hall \(hall): \(stage) (\(supply.rackType))"
        let kw = { (p: Power) in NumberText.compact((p.kilowatts * 10).rounded() / 10) }
        let per = psu.groupsPerRack > 1 ? " per node" : ""
        let group = supply.rackDesign / Double(psu.groupsPerRack)
        var found: [Finding] = []
        if !type.survivesOneFailure {
            found.append(
                Finding(
                    .warning, subject,
                    "a \(supply.rackType) rack does not survive the loss of one unit: \(psu.unitsInstalled - 1) of "
                        + "\(psu.unitsInstalled) × \(kw(psu.unitRating)) kW\(per) carry "
                        + "\(kw(psu.groupCapacityAfterOneFailure)) kW against \(kw(group)) kW design\(per), "
                        + "\(kw(psu.shortAfterOneFailure(rackDesign: supply.rackDesign))) kW short per rack; "
                        + "install more units or cap the rack"))
        } else if psu.firmCapacityPerRack.watts < supply.rackDesign.watts * (1 - 1e-9), dualFed {
            let short = supply.rackDesign - psu.firmCapacityPerRack
            found.append(
                Finding(
                    .warning, subject,
                    "the hall's A/B paths feed half of each \(supply.rackType) rack's \(psu.redundancy) units: after "
                        + "a path fails a rack has \(kw(psu.firmCapacityPerRack)) kW against its "
                        + "\(kw(supply.rackDesign)) kW design, \(kw(short)) kW short; the path failure the topology "
                        + "survives holds only with the racks capped to \(kw(psu.firmCapacityPerRack)) kW "
                        + "(or more units per feed)"))
        } else if psu.firmCapacityPerRack.watts < supply.rackDesign.watts * (1 - 1e-9) {
            found.append(
                Finding(
                    .note, subject,
                    "at its stated \(psu.redundancy) the \(supply.rackType) rack's firm PSU capacity is "
                        + "\(kw(psu.firmCapacityPerRack)) kW, below its \(kw(supply.rackDesign)) kW design power: "
                        + "it survives one unit's loss, but not the loss of the redundant half (a feed)"))
        }
        if supply.isStandIn {
            found.append(
                Finding(
                    .note, subject,
                    "the \(supply.rackType) entry has no PSU configuration; assumed \(psu.unitsInstalled) × "
                        + "\(kw(psu.unitRating)) kW (N+1, L); set catalog.racks[].psu to give its own"))
        }
        return found
    }
}
