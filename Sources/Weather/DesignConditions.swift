import Foundation
import PlannerModel

/// ASHRAE annual cooling design conditions (Handbook — Fundamentals ch. 14, "Climatic Design
/// Information"): the 0.4 % cooling dry bulb with its mean coincident wet bulb, and the 0.4 %
/// evaporation wet bulb with its mean coincident dry bulb. "0.4 %" = exceeded 0.4 % of the
/// 8 760 hours of a year, about 35 h.
public struct DesignConditions: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// The `Cooling` row of the `.stat` file next to the EPW (climate.onebuilding.org).
        case statFile(name: String)
        /// The `Cooling` block of the EPW's `DESIGN CONDITIONS` header line.
        case epwHeader
        /// Computed from the EPW's hours (see `DesignConditions.fromHours(_:)`).
        case epwHours
        /// Stated without a weather file (`site.design_conditions`, or a cited stand-in).
        case stated(String)
    }

    /// 0.4 % annual cooling dry bulb.
    public var coolingDryBulb: Temperature
    /// Mean wet bulb coincident with `coolingDryBulb` (MCWB).
    public var coolingMeanCoincidentWetBulb: Temperature
    /// 0.4 % annual evaporation wet bulb.
    public var evaporationWetBulb: Temperature
    /// Mean dry bulb coincident with `evaporationWetBulb` (MCDB).
    public var evaporationMeanCoincidentDryBulb: Temperature
    public var source: Source
    /// The 50-year return-period maximum dry bulb of the EPW header's `Extremes` block (nil
    /// when the header has none); the default extreme of the plant check (DESIGN.md §5.15).
    public var extremeDryBulb50Year: Temperature?

    public init(
        coolingDryBulb: Temperature, coolingMeanCoincidentWetBulb: Temperature,
        evaporationWetBulb: Temperature, evaporationMeanCoincidentDryBulb: Temperature, source: Source
    ) {
        self.coolingDryBulb = coolingDryBulb
        self.coolingMeanCoincidentWetBulb = coolingMeanCoincidentWetBulb
        self.evaporationWetBulb = evaporationWetBulb
        self.evaporationMeanCoincidentDryBulb = evaporationMeanCoincidentDryBulb
        self.source = source
    }

    /// The conditions stated for a site without a weather file.
    public init(_ stated: CoolingDesignCondition) {
        self.init(
            coolingDryBulb: stated.coolingDryBulb, coolingMeanCoincidentWetBulb: stated.coolingWetBulb,
            evaporationWetBulb: stated.evaporationWetBulb, evaporationMeanCoincidentDryBulb: stated.evaporationDryBulb,
            source: .stated(stated.provenance.source))
    }

    /// Largest `.stat` file read: 1 MB (climate.onebuilding.org's are about 30 kB).
    public static let maximumStatBytes = 1024 * 1024

    /// Design conditions for the EPW at `epwPath` whose hours are `year`, in order of preference:
    /// 1. the `.stat` file with the same base name, when present (`statFile`);
    /// 2. the `Cooling` block of the EPW `DESIGN CONDITIONS` header (`epwHeader`);
    /// 3. the hours themselves (`fromHours`).
    public static func load(forEPWAt epwPath: String, year: WeatherYear) throws(WeatherFileError) -> DesignConditions {
        let statPath = (epwPath as NSString).deletingPathExtension + ".stat"
        var found: DesignConditions?
        if FileManager.default.fileExists(atPath: statPath) {
            let name = (statPath as NSString).lastPathComponent
            let data = try EPWReader.boundedRead(statPath, limit: maximumStatBytes)
            found = try fromStat([UInt8](data), fileName: name)
        }
        var d = found ?? fromDesignConditionsHeader(year.designConditionsHeader) ?? fromHours(year)
        d.extremeDryBulb50Year = extremeMaximumDryBulb(year.designConditionsHeader, years: 50)
        return d
    }

    /// The n-year return-period maximum dry bulb (n = 5, 10, 20 or 50) of an EPW `DESIGN
    /// CONDITIONS` header's `Extremes` block (ASHRAE Handbook — Fundamentals 2021, ch. 14,
    /// REFERENCE.md P331). The block ends the line with the pairs (min, max) for n = 5, 10, 20,
    /// 50 years, so the 50-year maximum is its last field, the 20-year one its third from last.
    /// Nil when there is no block, another n, or the field is not a number within
    /// `temperatureRange`.
    public static func extremeMaximumDryBulb(_ header: String, years: Int) -> Temperature? {
        let f = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let e = f.firstIndex(of: "Extremes"), let pair = [5, 10, 20, 50].firstIndex(of: years) else { return nil }
        let values = Array(f[(e + 1)...]).filter { !$0.isEmpty }
        // 4 pairs of return-period values after the mean and standard deviation of the extremes.
        guard values.count >= 12 else { return nil }
        let index = values.count - 8 + 2 * pair + 1
        guard let v = Double(values[index]), temperatureRange.contains(v) else { return nil }
        return .celsius(v)
    }

    /// Reads the `Cooling` row of a climate.onebuilding.org `.stat` file's "Handbook Conditions for
    /// Design" section: a tab-separated line `Cooling, hottest month, daily range, 0.4 % DB,
    /// MCWB, 1 % DB, MCWB, 2 % DB, MCWB, 0.4 % evap. WB, MCDB, …`. The file is Latin-1
    /// (the degree sign), so it is read as bytes. Returns nil when there is no such row; throws
    /// when the row is present but not numeric.
    public static func fromStat(_ bytes: [UInt8], fileName: String) throws(WeatherFileError) -> DesignConditions? {
        var lineNumber = 0
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(decoding: raw.filter { $0 < 128 }, as: UTF8.self)
            let tokens = line.split(whereSeparator: { $0 == "\t" || $0 == "\r" }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            guard tokens.first == "Cooling" else { continue }
            return try coolingBlock(Array(tokens.dropFirst()), source: .statFile(name: fileName)) { index, problem in
                WeatherFileError(file: fileName, line: lineNumber, kind: problem(index + 2))
            }
        }
        return nil
    }

    /// Reads the `Cooling` block of an EPW `DESIGN CONDITIONS` header line (same order as the
    /// `.stat` row). Nil when absent or malformed (the caller then falls back to the hours).
    public static func fromDesignConditionsHeader(_ line: String) -> DesignConditions? {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let i = f.firstIndex(of: "Cooling") else { return nil }
        return try? coolingBlock(Array(f[(i + 1)...]), source: .epwHeader) { index, problem in
            WeatherFileError(file: "", line: 2, kind: problem(index + i + 2))
        }
    }

    /// The range of a design temperature [°C]: the EPW data dictionary's dry-bulb range, which
    /// holds every climate on Earth (the hourly readings are held to it too).
    public static let temperatureRange: ClosedRange<Double> = -70...70

    /// The design values dcplan uses from a `Cooling` block (`values` counted from the field after
    /// `Cooling`): index and name.
    static let usedCoolingValues: [(index: Int, name: String)] = [
        (2, "0.4 % cooling dry bulb"), (3, "0.4 % mean coincident wet bulb"), (8, "0.4 % evaporation wet bulb"),
        (9, "0.4 % evaporation mean coincident dry bulb"),
    ]

    /// `values` = hottest month, daily range, DB0.4, MCWB0.4, DB1, MCWB1, DB2, MCWB2, WB0.4, MCDB0.4, …;
    /// the ones used must be numbers within `temperatureRange` (NaN and ±∞ are not).
    /// `error(index, kind)` places a problem with the value at `index`: `kind(field)` is the
    /// problem given the field number the caller counts.
    private static func coolingBlock(
        _ values: [String], source: Source,
        error: (Int, (Int) -> WeatherFileError.Kind) -> WeatherFileError
    ) throws(WeatherFileError) -> DesignConditions {
        var found: [Double] = []
        for (i, name) in usedCoolingValues {
            let text = i < values.count ? values[i] : "<missing>"
            guard let v = Double(text) else {
                throw error(i) { .notANumber(field: $0, name: "Cooling design condition", text: text) }
            }
            guard temperatureRange.contains(v) else {
                throw error(i) {
                    .outOfRange(
                        field: $0, name: name, value: v, lower: temperatureRange.lowerBound,
                        upper: temperatureRange.upperBound)
                }
            }
            found.append(v)
        }
        return DesignConditions(
            coolingDryBulb: .celsius(found[0]), coolingMeanCoincidentWetBulb: .celsius(found[1]),
            evaporationWetBulb: .celsius(found[2]), evaporationMeanCoincidentDryBulb: .celsius(found[3]),
            source: source)
    }

    /// Checks the design values dcplan takes from an EPW `DESIGN CONDITIONS` header line (line 2):
    /// the `Heating` 99.6 % dry bulb and the `Cooling` block's values, when they are numbers, must
    /// be within `temperatureRange` (NaN and ±∞ are not); text that is not a number leaves the
    /// block unused (the hours stand in), as before. Throws with the file, line 2 and field.
    public static func checkDesignConditionsHeader(_ line: String, fileName: String) throws(WeatherFileError) {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var used: [(field: Int, name: String)] = []
        if let h = f.firstIndex(of: "Heating") { used.append((h + 2, "heating 99.6 % dry bulb")) }
        if let c = f.firstIndex(of: "Cooling") { used += usedCoolingValues.map { (c + 1 + $0.index, $0.name) } }
        for (field, name) in used where field < f.count {
            guard let v = Double(f[field]), !temperatureRange.contains(v) else { continue }
            throw WeatherFileError(
                file: fileName, line: 2,
                kind: .outOfRange(
                    field: field + 1, name: "DESIGN CONDITIONS \(name)", value: v,
                    lower: temperatureRange.lowerBound, upper: temperatureRange.upperBound))
        }
    }

    /// Half-width of the coincidence window used by `fromHours` [K].
    public static let coincidenceWindow = TemperatureDifference.kelvins(0.5)

    /// Design conditions estimated from the year's hours (one typical year, so expect them to
    /// differ from ASHRAE's period-of-record values by up to ~1 K):
    ///
    /// - 0.4 % DB = the dry bulb of the ⌈0.004·N⌉-th hottest hour (35th of 8 760; 36th of 8 784);
    /// - MCWB = mean wet bulb of the hours whose dry bulb is within ±0.5 K of that DB
    ///   (ASHRAE bins coincident values in the same way, on 0.5 K-wide-or-so bins);
    /// - 0.4 % evaporation WB and its MCDB likewise on the wet bulb.
    public static func fromHours(_ year: WeatherYear) -> DesignConditions {
        let (db, mcwb) = percentile(year.dryBulb.celsius, coincident: year.wetBulb.celsius)
        let (wb, mcdb) = percentile(year.wetBulb.celsius, coincident: year.dryBulb.celsius)
        return DesignConditions(
            coolingDryBulb: .celsius(db), coolingMeanCoincidentWetBulb: .celsius(mcwb),
            evaporationWetBulb: .celsius(wb), evaporationMeanCoincidentDryBulb: .celsius(mcdb),
            source: .epwHours)
    }

    /// The ⌈0.004·N⌉-th largest of `values` [°C] and the mean of `coincident` [°C] over the hours
    /// within `coincidenceWindow` of it.
    private static func percentile(_ values: [Double], coincident: [Double]) -> (Double, Double) {
        precondition(!values.isEmpty)
        let rank = Int((0.004 * Double(values.count)).rounded(.up)) // 35 for 8 760
        let sorted = values.sorted(by: >)
        let design = sorted[min(rank, sorted.count) - 1]
        var sum = 0.0
        var n = 0
        for i in values.indices where abs(values[i] - design) <= coincidenceWindow.kelvins + 1e-9 {
            sum += coincident[i]
            n += 1
        }
        return (design, sum / Double(n))
    }
}
