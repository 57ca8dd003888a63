import Catalogue
import PlannerModel
import Weather

/// Orchestrates the analyses for one site; the physics lives in the analysis namespaces.
public struct Planner: Sendable {
    /// The utilisation → power curve for sustained power (default: fitted to the H100 samples).
    public var curve: UtilisationCurve
    /// Overrides every hall's distribution (`dcplan plan --distribution`).
    public var distribution: Distribution?

    public init(curve: UtilisationCurve = UtilisationFit.defaultCurve, distribution: Distribution? = nil) {
        self.curve = curve
        self.distribution = distribution
    }

    /// Plans a site; with a weather year (and its design conditions) also the cooling plant
    /// over that year.
    public func plan(_ site: Site, weather: (year: WeatherYear, design: DesignConditions)? = nil) -> Plan {
        let halls = site.halls.map { RackPowerAnalysis.analyse($0, siteUtilisation: site.utilisation, curve: curve) }
        let electrical = ElectricalAnalysis.analyse(site, halls: halls, distribution: distribution)
        let cooling = weather.map {
            CoolingAnalysis.analyse(
                halls: halls, electrical: electrical, weather: $0.year, design: $0.design,
                choices: site.cooling ?? BuiltInThermal.defaultChoices)
        }
        var coolingFindings: [Finding] = []
        if let cooling, let weather {
            // Condensation: facility water at or below the room's dew point (outdoor dew point as a
            // conservative stand-in for the hall air) wets pipes and coils.
            let supply = cooling.facilityWaterSupply.celsius
            let humid = weather.year.dewPointCelsius.filter { $0 >= supply }.count
            if humid > 0 {
                coolingFindings.append(Finding(
                    .warning, "cooling.tcs_supply_c",
                    "facility water at \(NumberText.compact(supply)) °C is at or below the outdoor dew point for \(humid) h of the year; insulate pipes or raise the set point"))
            }
        }
        return Plan(
            site: site, halls: halls,
            findings: Self.findings(site: site, halls: halls) + ElectricalFindings.findings(site, electrical) + coolingFindings,
            curve: curve, electrical: electrical, cooling: cooling)
    }

    /// Notes a planner should see next to the numbers.
    static func findings(site: Site, halls: [HallResult]) -> [Finding] {
        var findings: [Finding] = []
        for (index, hall) in halls.enumerated() where hall.total.racksWithoutWeight > 0 {
            let ids = hall.groups.filter { $0.system.weight == nil }.map(\.system.id)
            findings.append(Finding(
                .note, "halls[\(index)]",
                "floor weight leaves out \(hall.total.racksWithoutWeight) racks whose catalogue entry has no weight (\(ids.joined(separator: ", "))); set weight_kg in catalog.racks to include them"))
        }
        for (index, hall) in site.halls.enumerated() {
            for (g, group) in hall.rackGroups.enumerated() where group.system.liquidFraction.fraction == 0
                && group.system.designPower > airCooledRackCeiling
            {
                findings.append(Finding(
                    .warning, "halls[\(index)].racks[\(g)]",
                    "\(group.system.id) draws \(NumberText.compact(group.system.designPower.kilowatts)) kW per rack, all to air, above the ~\(NumberText.compact(airCooledRackCeiling.kilowatts)) kW air-cooled rack ceiling (REFERENCE.md §1.3); plan rear-door heat exchangers or containment"))
            }
        }
        return findings
    }

    /// The air-cooled rack ceiling, ~30 kW (≈35 kW contained), REFERENCE.md §1.3 (M). Racks above
    /// the contained figure get a warning.
    public static let airCooledRackCeiling = Power.kilowatts(35)
}
