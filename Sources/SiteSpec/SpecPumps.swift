import PlannerModel

extension SiteAssembler {
    /// `cooling.pumps`: each key left out takes its cited default (listed as a default applied).
    /// A head ≤ 0 is an error at the value (the schema's range).
    func pumps(_ section: PumpsSection?) -> PlantPumps {
        var p = PlantPumps.standard
        let source = Provenance(
            source: "REFERENCE.md C61 (ASHRAE 90.1 Appendix G pump allowances), P310", confidence: .medium,
            derivation: "H = (W/gpm ÷ 6.309e-5 m³/s per gpm)·η/(ρ·g): 22 W/gpm → 25 m, 19 W/gpm → 21 m at η = 70 %")
        let entries: [(String, Located<Double>?, Double, Provenance)] = [
            ("facility_water_head_m", section?.facilityWaterHeadM, p.facilityWaterHead.metres, source),
            ("air_coil_water_head_m", section?.airCoilWaterHeadM, p.airCoilWaterHead.metres, source),
            ("condenser_water_head_m", section?.condenserWaterHeadM, p.condenserWaterHead.metres, source),
            ("efficiency_percent", section?.efficiencyPercent, p.efficiency.percent, source),
            (
                "minimum_speed_percent", section?.minimumSpeedPercent, p.minimumSpeed.percent,
                Provenance(source: "REFERENCE.md P311", confidence: .low)
            ),
        ]
        for (key, value, standard, provenance) in entries where value == nil {
            applied.add("cooling.pumps.\(key)", Phrase.number(standard), provenance)
        }
        if let h = section?.facilityWaterHeadM?.value { p.facilityWaterHead = .metres(h) }
        if let h = section?.airCoilWaterHeadM?.value { p.airCoilWaterHead = .metres(h) }
        if let h = section?.condenserWaterHeadM?.value { p.condenserWaterHead = .metres(h) }
        if let e = section?.efficiencyPercent?.value { p.efficiency = .percent(e) }
        if let m = section?.minimumSpeedPercent?.value { p.minimumSpeed = .percent(m) }
        return p
    }

    /// `site.house_loads`: `percent_of_it`, or `w_per_m2` with `support_area_m2`; one form only.
    /// Without the section, 1 % of the IT design power (REFERENCE.md P312, L; listed as a default).
    func houseLoads(_ section: HouseLoadsSection?) -> HouseLoads {
        guard let section else {
            applied.add(
                "site.house_loads.percent_of_it", "1",
                Provenance(
                    source: "REFERENCE.md P312 (an estimate; C69 found no published share)", confidence: .low))
            return .standard
        }
        if section.wPerM2 == nil, section.supportAreaM2 == nil, let percent = section.percentOfIT {
            return .shareOfIT(.percent(percent.value))
        }
        guard let density = section.wPerM2, let area = section.supportAreaM2 else {
            log.error(
                "needs percent_of_it, or w_per_m2 together with support_area_m2",
                at: section.wPerM2?.place ?? section.supportAreaM2?.place ?? section.place)
            return .standard
        }
        if let percent = section.percentOfIT {
            return .shareAndArea(
                .percent(percent.value), wattsPerSquareMetre: density.value, area: .squareMetres(area.value))
        }
        return .perArea(wattsPerSquareMetre: density.value, area: .squareMetres(area.value))
    }
}
