import Crypto
import Foundation
import PlannerModel
import SiteSpec
import Weather

/// A weather year with its design conditions.
typealias SiteWeather = (year: WeatherYear, design: DesignConditions)

/// A spec file read and loaded, with the digest that identifies its bytes in reports.
struct LoadedSpec {
    var path: String
    var site: Site
    var digest: String
    /// The site's weather year and design conditions, when the spec names a weather file.
    var weather: SiteWeather?

    /// The report base name: the spec's file name without `.yaml`/`.yml`.
    var reportName: String {
        let file = (path as NSString).lastPathComponent
        for suffix in [".yaml", ".yml"] where file.hasSuffix(suffix) { return String(file.dropLast(suffix.count)) }
        return file
    }

    /// Loads every spec, prints all findings (warnings and errors) on standard error, and throws
    /// `InputRejected` if any spec has an error: either all specs load or nothing runs.
    static func loadAll(_ paths: [String], console: Console) throws -> [LoadedSpec] {
        let loader = SiteLoader()
        var loaded: [LoadedSpec] = []
        var rejected = false
        for path in paths {
            let result = loader.load(path: path)
            console.print(result.findings)
            guard let site = result.site, !result.findings.hasErrors else {
                rejected = true
                continue
            }
            var weather: SiteWeather?
            if let epw = site.weatherPath {
                do {
                    weather = try readWeather(epw)
                } catch {
                    console.err("\(path): error: site.weather: \(error.description)")
                    rejected = true
                    continue
                }
            }
            loaded.append(LoadedSpec(path: path, site: site, digest: try sha256(ofFileAt: path), weather: weather))
        }
        if rejected { throw InputRejected() }
        return loaded
    }

    /// The weather year at `epw` and its design conditions (from the `.stat`, the EPW header,
    /// else the hottest hours): what `plan`, `validate` and `sweep` all need from `site.weather`.
    static func readWeather(_ epw: String) throws(WeatherFileError) -> SiteWeather {
        let year = try EPWReader.read(path: epw)
        return (year, try DesignConditions.load(forEPWAt: epw, year: year))
    }

    static func sha256(ofFileAt path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(path): cannot read file")
        }
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
