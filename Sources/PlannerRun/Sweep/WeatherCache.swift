import Foundation
import Weather

/// Weather years by path, read once per sweep and shared by all scenarios.
public final class WeatherCache: @unchecked Sendable {
    private let lock = NSLock()
    private var years: [String: Result<SiteWeather, WeatherFileError>] = [:]

    public init() {}

    /// Keeps a year already read (a plan's own) for `path`.
    public func store(_ path: String, _ weather: SiteWeather) {
        lock.withLock { years[path] = .success(weather) }
    }

    public func load(_ path: String) -> Result<SiteWeather, WeatherFileError> {
        lock.lock()
        defer { lock.unlock() }
        if let known = years[path] { return known }
        let loaded = Result { () throws(WeatherFileError) in try LoadedSpec.readWeather(path) }
        years[path] = loaded
        return loaded
    }
}
