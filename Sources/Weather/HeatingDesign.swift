import Foundation
import PlannerModel

/// The ASHRAE 99.6 % heating design dry bulb (Handbook — Fundamentals ch. 14), for sizing
/// district-heating demand (DESIGN.md §5.5).
public enum HeatingDesign {
    /// The 99.6 % heating dry bulb of `year`, in order of preference:
    /// 1. the `Heating` block of the EPW `DESIGN CONDITIONS` header: `Heating, coldest month,
    ///    99.6 % DB, 99 % DB, …` (`.epwHeader`; Seoul-Seongnam −12.5 °C, REFERENCE.md §6.1);
    /// 2. the ⌈0.004·N⌉-th coldest hour of the year, 35th of 8 760 (`.epwHours`): the year's own
    ///    0.4 % cold tail, which for one typical year may differ from ASHRAE's period-of-record
    ///    value by a degree or two.
    public static func dryBulb(for year: WeatherYear) -> (temperature: Temperature, source: HeatingDesignSource) {
        if let t = fromDesignConditionsHeader(year.designConditionsHeader) { return (t, .epwHeader) }
        return (coldestPercentile(year.dryBulb), .epwHours)
    }

    /// The 99.6 % heating dry bulb in an EPW `DESIGN CONDITIONS` line, or nil.
    public static func fromDesignConditionsHeader(_ line: String) -> Temperature? {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let i = f.firstIndex(of: "Heating"), i + 2 < f.count, let db = Double(f[i + 2]),
            DesignConditions.temperatureRange.contains(db)
        else { return nil }
        return .celsius(db)
    }

    /// The ⌈0.004·N⌉-th coldest value (35th of 8 760); precondition: not empty.
    public static func coldestPercentile(_ dryBulb: HourlySeries<Temperature>) -> Temperature {
        precondition(!dryBulb.isEmpty)
        let rank = Int((0.004 * Double(dryBulb.count)).rounded(.up))
        let sorted = dryBulb.celsius.sorted()
        return .celsius(sorted[min(max(rank, 1), sorted.count) - 1])
    }
}
