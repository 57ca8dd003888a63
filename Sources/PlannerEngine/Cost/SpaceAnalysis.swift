import PlannerModel

/// Floor areas and slab loading of a planned site (DESIGN.md §5.16): white space from each hall's
/// layout (or its racks × a cited area per rack), electrical and mechanical rooms per MW, and a
/// plant yard from the outdoor units' footprints with their clearances.
///
/// No published room or yard areas were found (REFERENCE.md C77): the factors below are
/// estimates (L, C104) and are labelled so in the report.
public enum SpaceAnalysis {
    /// White space per rack when a hall has no layout: 3.7 m², the middle of the 2.8-4.6 m² of AI
    /// halls, aisles included (REFERENCE.md C76, L).
    public static let areaPerRack = Area.squareMetres(3.7)
    /// Electrical rooms (MV switchgear, transformers, switchboards, UPS and batteries) per MW of IT
    /// design: 150 m² (C104, L).
    public static let electricalPerMegawatt = Area.squareMetres(150)
    /// Mechanical rooms (pumps, heat exchangers, indoor chillers, heat pumps) per MW of design heat:
    /// 60 m² (C104, L).
    public static let mechanicalPerMegawatt = Area.squareMetres(60)
    /// Yard per MW of installed dry-cooler capacity with its clearance: 60 m² (C104, L).
    public static let dryCoolerYardPerMegawatt = Area.squareMetres(60)
    /// Yard per MW of installed cooling-tower capacity: 20 m² (C104, L).
    public static let towerYardPerMegawatt = Area.squareMetres(20)
    /// Yard per MW of air-cooled chiller capacity: 50 m² (C104, L).
    public static let airCooledChillerYardPerMegawatt = Area.squareMetres(50)
    /// Yard per containerised generator set: a 40 ft container (12.2 × 2.4 m) with 1 m clearance
    /// round it, 14.2 × 4.4 = 62.5 m² (C104, L).
    public static let generatorYard = Area.squareMetres(14.2 * 4.4)
    /// Standard gravity [m/s²] for rack weight on the slab.
    static let gravity = 9.80665

    public static func analyse(_ plan: Plan) -> SpaceSummary {
        let depth = PlacementOptions.defaultRackDepth
        var halls: [SpaceSummary.Hall] = []
        for (index, hall) in plan.halls.enumerated() where index < plan.site.halls.count {
            let spec = plan.site.halls[index]
            let area: Area
            if let layout = spec.layout {
                // Rows at a pitch of rack depth + aisle, each racks_per_row × pitch long.
                area = .squareMetres(
                    Double(layout.rows) * (depth + layout.aisle).metres * Double(layout.racksPerRow)
                        * layout.rackPitch.metres)
            } else {
                area = areaPerRack * Double(hall.perCopy.rackCount)
            }
            let loading = Pressure.pascals(
                area > .zero ? hall.perCopy.weight.kilograms * gravity / area.squareMetres : 0)
            halls.append(
                .init(
                    id: hall.id, copies: hall.copies, whiteSpace: area, fromLayout: spec.layout != nil,
                    slabLoading: loading))
        }
        // The heaviest rack over its own footprint (pitch × depth).
        var footprint = Pressure.zero
        for (index, hall) in plan.halls.enumerated() where index < plan.site.halls.count {
            let pitch = plan.site.halls[index].layout?.rackPitch ?? .metres(0.6)
            for group in hall.groups {
                guard let weight = group.system.weight else { continue }
                footprint = max(
                    footprint, .pascals(weight.kilograms * gravity / (pitch.metres * depth.metres)))
            }
        }
        let itMW = plan.total.itPower.design.megawatts
        let heatMW = plan.cooling?.designHeatLoad.megawatts ?? plan.total.heatDesign.total.megawatts
        var yard = Area.zero
        if let cooling = plan.cooling {
            for loop in cooling.loops {
                let installed = loop.economisers.installedCapacity.megawatts
                yard +=
                    (cooling.choices.economiser.kind == .dryCooler ? dryCoolerYardPerMegawatt : towerYardPerMegawatt)
                    * installed
                if case .airCooled = cooling.choices.chiller.condenser {
                    yard +=
                        airCooledChillerYardPerMegawatt
                        * (cooling.choices.chiller.capacity.megawatts
                            * Double(loop.chillersInstalled))
                }
            }
        }
        if let generators = plan.electrical?.backup?.generators {
            yard += generatorYard * Double(generators.sizing.unitsInstalled)
        }
        return SpaceSummary(
            halls: halls, electrical: electricalPerMegawatt * itMW, mechanical: mechanicalPerMegawatt * heatMW,
            yard: yard, rackFootprintLoading: footprint)
    }
}
