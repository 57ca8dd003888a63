import Crypto
import Foundation
import PlannerModel
import SiteSpec
import Weather

/// A weather year with its design conditions.
public typealias SiteWeather = (year: WeatherYear, design: DesignConditions)

/// A spec file read and loaded, with its weather year and the digest that identifies its bytes in
/// reports: what `plan`, `validate` and `benchmark` start from.
public struct LoadedSpec: Sendable {
    /// The path as the user gave it (reports show it).
    public var path: String
    public var site: Site
    /// SHA-256 of the spec file's bytes, lower-case hex.
    public var digest: String
    /// The site's weather year and design conditions, when the spec names a weather file.
    public var weather: SiteWeather?

    public init(path: String, site: Site, digest: String, weather: SiteWeather?) {
        self.path = path
        self.site = site
        self.digest = digest
        self.weather = weather
    }

    /// The report base name: the spec's file name without `.yaml`/`.yml`.
    public var reportName: String {
        let file = (path as NSString).lastPathComponent
        for suffix in [".yaml", ".yml"] where file.hasSuffix(suffix) { return String(file.dropLast(suffix.count)) }
        return file
    }

    /// Loads every spec with its weather and sends all findings (warnings and errors) to `log`;
    /// throws ``InputRejected`` if any spec has an error (with `strict`, any warning too): either
    /// all specs load or nothing runs.
    public static func loadAll(
        _ paths: [String], loader: SiteLoader = SiteLoader(), strict: Bool = false, log: RunLog
    ) throws -> [LoadedSpec] {
        var loaded: [LoadedSpec] = []
        var rejected = false
        for path in paths {
            let result = loader.load(path: path)
            let findings = result.findings.strict(strict)
            log(.findings(findings))
            guard let site = result.site, !findings.hasErrors else {
                rejected = true
                continue
            }
            var weather: SiteWeather?
            if let epw = site.weatherPath {
                do {
                    weather = try readWeather(epw)
                } catch {
                    log(.error("\(path): error: site.weather: \(error.description)"))
                    rejected = true
                    continue
                }
            }
            if let weather, let problem = extremeBelowDesign(site.cooling, weather.design) {
                log(.error(problem))
                rejected = true
                continue
            }
            loaded.append(LoadedSpec(path: path, site: site, digest: try sha256(ofFileAt: path), weather: weather))
        }
        if rejected { throw InputRejected() }
        return loaded
    }

    /// An extreme condition stated below the design condition it is meant to exceed (DESIGN.md
    /// §5.15): `file:line:col: error:` text at the key, or nil. Dry bulb against the 0.4 % cooling
    /// dry bulb, wet bulb against the 0.4 % evaporation wet bulb.
    public static func extremeBelowDesign(_ c: CoolingChoices, _ design: DesignConditions) -> String? {
        func tenths(_ t: Temperature) -> Double { (t.celsius * 10).rounded() / 10 }
        if let db = c.extremeDryBulb, let at = c.extremeDryBulbPosition, db < design.coolingDryBulb {
            return "\(at): error: cooling.extreme_dry_bulb_c: the extreme dry bulb \(tenths(db)) °C is below "
                + "the 0.4 % design dry bulb \(tenths(design.coolingDryBulb)) °C of the weather file"
        }
        if let wb = c.extremeWetBulb, let at = c.extremeWetBulbPosition, wb < design.evaporationWetBulb {
            return "\(at): error: cooling.extreme_wet_bulb_c: the extreme wet bulb \(tenths(wb)) °C is below "
                + "the 0.4 % evaporation wet bulb \(tenths(design.evaporationWetBulb)) °C of the weather file"
        }
        return nil
    }

    /// The weather year at `epw` and its design conditions (from the `.stat`, the EPW header,
    /// else the hottest hours): what `plan`, `validate` and `sweep` all need from `site.weather`.
    public static func readWeather(_ epw: String) throws(WeatherFileError) -> SiteWeather {
        let year = try EPWReader.read(path: epw)
        return (year, try DesignConditions.load(forEPWAt: epw, year: year))
    }

    /// SHA-256 of the file's bytes, lower-case hex.
    public static func sha256(ofFileAt path: String) throws(RunFailure) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunFailure("\(path): cannot read file")
        }
        return sha256(data)
    }

    /// SHA-256 of `data`, lower-case hex.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
