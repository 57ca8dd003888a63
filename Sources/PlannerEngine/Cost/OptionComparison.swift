import PlannerModel
import Weather

/// The options a site report leaves on the table (DESIGN.md §5.16): the site planned again for
/// each distribution (AC 415 V, AC 480 V, 800 VDC) × liquid-loop supply (30, 36, 45 °C) × heat
/// recovery on or off (when the spec gives a network), each priced like the chosen design and
/// ranked by lifetime cost. Placement is left out of the variants (no cost depends on it).
public enum OptionComparison {
    /// The liquid-loop (TCS) supply temperatures compared.
    public static let supplies: [Temperature] = [.celsius(30), .celsius(36), .celsius(45)]

    /// The chosen plan as "as specified", and every variant that differs from it; ranked by lifetime cost,
    /// cheapest first (options whose plan failed a check last). Empty when the chosen plan has no cost.
    public static func compare(
        _ site: Site, chosen: Plan, weather: (year: WeatherYear, design: DesignConditions)?, planner: Planner
    ) -> [DesignOption] {
        guard let chosenCost = chosen.cost else { return [] }
        let recoveries: [Bool?] = site.heatRecovery == nil ? [nil] : [true, false]
        let chosenDistribution = chosen.electrical.map(distributionLabel) ?? "–"
        let chosenRecovery: Bool? = site.heatRecovery == nil ? nil : chosen.heatRecovery != nil
        // A custom chain gives way to the standard one in every variant, so no variant repeats it.
        let standardChains = planner.distribution != nil || site.halls.allSatisfy { $0.power.customChain == nil }
        var options = [
            option(
                chosen, cost: chosenCost, label: "as specified", chosen: true,
                distribution: chosenDistribution, supply: site.cooling.tcsSupply, heatRecovery: chosenRecovery)
        ]
        for distribution in Distribution.allCases {
            var variantPlanner = planner
            variantPlanner.distribution = distribution
            variantPlanner.compareDistributions = false
            for supply in supplies {
                for recovery in recoveries {
                    // The chosen design is already the first row.
                    if standardChains, distribution.rawValue == chosenDistribution, supply == site.cooling.tcsSupply,
                        recovery == chosenRecovery
                    {
                        continue
                    }
                    var variant = site
                    variant.placement.enabled = false
                    variant.cooling.tcsSupply = supply
                    if recovery == false { variant.heatRecovery = nil }
                    let plan = variantPlanner.plan(variant, weather: weather)
                    guard let cost = plan.cost else { continue }
                    let label =
                        "\(distribution.rawValue), \(Int(supply.celsius.rounded())) °C"
                        + (recovery.map { $0 ? ", heat recovery" : ", no heat recovery" } ?? "")
                    options.append(
                        option(
                            plan, cost: cost, label: label, chosen: false, distribution: distribution.rawValue,
                            supply: supply, heatRecovery: recovery))
                }
            }
        }
        return options.enumerated().sorted { a, b in
            if a.element.failed != b.element.failed { return !a.element.failed }
            if a.element.lifetime != b.element.lifetime { return a.element.lifetime < b.element.lifetime }
            return a.offset < b.offset
        }.map(\.element)
    }

    static func option(
        _ plan: Plan, cost: SiteCost, label: String, chosen: Bool, distribution: String, supply: Temperature,
        heatRecovery: Bool?
    ) -> DesignOption {
        let annual = plan.cooling?.annual
        return DesignOption(
            label: label, chosen: chosen, distribution: distribution, tcsSupply: supply, heatRecovery: heatRecovery,
            capital: cost.capital.typical, facilityEnergy: annual?.facilityEnergy, pue: annual?.pue,
            water: annual.map { .cubicMetres($0.water.kilograms / 1000) }, lifetime: cost.lifetime.typical,
            failed: plan.findings.hasErrors)
    }

    /// The site's distributions: one name, or the halls' names joined when they differ.
    static func distributionLabel(_ electrical: SiteElectricalResult) -> String {
        var names: [String] = []
        for hall in electrical.halls where !names.contains(hall.distribution.rawValue) {
            names.append(hall.distribution.rawValue)
        }
        return names.joined(separator: " + ")
    }
}
