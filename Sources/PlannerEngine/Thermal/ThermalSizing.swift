import PlannerModel

extension Thermal {
    /// Sizes the CDUs of one liquid loop carrying `load` [W].
    ///
    /// - Units: `RedundancyAnalysis.size(load:unitRating:redundancy:)` with the CDU capacity.
    /// - Coolant flow: `V̇ = Q/(ρ·c_p·ΔT_tcs)` at `fluid` (see `coolantFlow`).
    /// - Facility water: `T_fws = T_tcs,supply − approach` (REFERENCE.md §3.4).
    /// - Pumps: the `s` units sharing the load each move `r = L/(s·U)` of their design flow (flow ∝
    ///   heat at a fixed ΔT), so `P = s·P_design·r³` by the affinity law.
    public static func sizeCDUs(
        load: Power, entry: CDUEntry, redundancy: Redundancy, tcsSupply: Temperature,
        tcsRise: TemperatureDifference, fluid: FluidState
    ) -> CDUSizing {
        let units = RedundancyAnalysis.size(load: load, unitRating: entry.capacity, redundancy: redundancy)
        return CDUSizing(
            entryID: entry.id, units: units, coolantFlow: coolantFlow(removing: load, rise: tcsRise, fluid: fluid),
            tcsSupply: tcsSupply,
            facilityWaterSupply: facilityWaterSupply(tcsSupply: tcsSupply, approach: entry.approach),
            pumpPower: sharedAffinityPower(units, perUnitDesign: entry.designPumpPower))
    }

    /// Design airflow of one air unit: its capacity at its design rise, `V̇ = Q/(ρ·c_p·ΔT)` [m³/s].
    public static func designAirflow(_ entry: AirUnitEntry) -> VolumetricFlow {
        airflow(removing: entry.capacity, rise: entry.designAirRise)
    }

    /// Design fan power of one air unit: `P = V̇_design·Δp/η` [W].
    public static func designFanPower(_ entry: AirUnitEntry) -> Power {
        fanPower(flow: designAirflow(entry), pressureRisePa: entry.fanPressurePa, efficiency: entry.fanEfficiency)
    }

    /// Sizes fan walls or CRAHs for an air heat `load` [W] (residual rack air heat plus heat the
    /// power chain releases indoors): units by `RedundancyAnalysis`, airflow `V̇ = Q/(ρ·c_p·ΔT)` at
    /// the unit's design rise, and fan power `P = s·P_design·r³` with `r = L/(s·U)` for the `s`
    /// units sharing the load (affinity law).
    public static func sizeAirUnits(load: Power, entry: AirUnitEntry, redundancy: Redundancy) -> AirSideSizing {
        let units = RedundancyAnalysis.size(load: load, unitRating: entry.capacity, redundancy: redundancy)
        return AirSideSizing(
            entryID: entry.id, units: units, airflow: airflow(removing: load, rise: entry.designAirRise),
            fanPower: sharedAffinityPower(units, perUnitDesign: designFanPower(entry)))
    }

    /// `s·P_design·(L/(s·U))³` for the `s` units sharing a load `L` of unit rating `U`; `L` is the
    /// load the units were sized for unless another (e.g. the sustained load) is given.
    static func sharedAffinityPower(_ units: RedundancySizing, perUnitDesign: Power, load: Power? = nil) -> Power {
        let sharing = Double(units.unitsSharingLoad)
        guard sharing > 0 else { return .zero }
        let ratio = (load ?? units.load) / (units.unitRating * sharing)
        return affinityPower(design: perUnitDesign, flowRatio: ratio) * sharing
    }
}
