import PlannerEngine
import PlannerModel
import PlannerReport
import SiteSpec
import Testing
import Weather
import _PlannerTestSupport

@Suite("Weather station, distance and stand-ins")
struct WeatherStationTests {
    static let pyeongtaek = "Sites/weather/KOR_KG_Pyeongtaek.AP.471270_TMYx.2009-2023.epw"

    @Test(
        "the haversine distance is 111.195 km per degree of meridian and 6.08 km from Samsung's campus to its station")
    func haversine() {
        // One degree along a meridian: R·π/180 = 6,371,008.8 m × 0.0174533 = 111,195.08 m.
        let degree = GeoPoint(latitudeDegrees: 0, longitudeDegrees: 0)
            .distance(to: GeoPoint(latitudeDegrees: 1, longitudeDegrees: 0))
        #expect(abs(degree.metres - 111_195.08) < 0.01)
        // Campus 37.02 N 127.05 E to the station 36.967 N 127.033 E: Δφ = −0.053°, Δλ = −0.017°;
        // h = sin²(Δφ/2) + cos 37.02°·cos 36.967°·sin²(Δλ/2)
        //   = 2.1391e-7 + 0.79815 × 0.79870 × 2.2011e-8 = 2.2795e-7;
        // d = 2R·asin(√h) = 2 × 6,371,008.8 × 4.7745e-4 = 6,083.7 m.
        let campus = GeoPoint(latitudeDegrees: 37.02, longitudeDegrees: 127.05)
        let station = GeoPoint(latitudeDegrees: 36.967, longitudeDegrees: 127.033)
        #expect(abs(campus.distance(to: station).metres - 6_083.66) < 0.1)
        // Symmetric, and zero to itself.
        #expect(abs(station.distance(to: campus).metres - campus.distance(to: station).metres) < 1e-6)
        #expect(campus.distance(to: campus) == .zero)
    }

    @Test("the data set and period come from the file name, or are said to be missing")
    func periodFromFileName() {
        #expect(
            WeatherStationSummary.period(fromFileName: "KOR_CN_Mokpo.471650_TMYx.2009-2023.epw") == "TMYx 2009-2023")
        #expect(
            WeatherStationSummary.period(fromFileName: "USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw")
                == "TMY3")
        #expect(WeatherStationSummary.period(fromFileName: "my-site.epw") == nil)
    }

    @Test("a station beyond 25 km, or one the spec calls a stand-in, is a stand-in; a near one is not")
    func standIn() {
        let station = GeoPoint(latitudeDegrees: 34.8169, longitudeDegrees: 126.3811) // Mokpo
        func summary(site: GeoPoint?, reason: String? = nil) -> WeatherStationSummary {
            WeatherStationSummary(
                fileName: "f.epw", station: "Mokpo", wmo: "471650", position: station, elevation: .metres(39),
                period: nil, designSource: "header", site: site, specReason: reason)
        }
        // Solaseado 34.58 N 126.55 E: 30.53 km (haversine, as above) > 25 km.
        let far = summary(site: GeoPoint(latitudeDegrees: 34.58, longitudeDegrees: 126.55))
        #expect(abs(far.distance!.metres - 30_534) < 1)
        #expect(far.standInReason == "the station is 31 km from the site, more than 25 km")
        // 0.2° north of the station: 22.2 km ≤ 25 km.
        let near = summary(site: GeoPoint(latitudeDegrees: 35.0169, longitudeDegrees: 126.3811))
        #expect(!near.isStandIn)
        #expect(summary(site: nil, reason: "borrowed").standInReason == "the spec says so: borrowed")
        #expect(summary(site: nil).distance == nil && !summary(site: nil).isStandIn)
    }

    static func plan(latitude: Double, longitude: Double, standIn: String? = nil) throws -> Plan {
        let yaml = """
            version: 1
            site:
              name: Station test
              latitude: \(latitude)
              longitude: \(longitude)
            \(standIn.map { "  weather_stand_in: \($0)\n" } ?? "")  weather: \(pyeongtaek.dropFirst(6))
            halls: [{ id: h, racks: [{ type: gb300-nvl72, count: 2 }] }]
            """
        let site = try #require(
            SiteLoader().load(yaml: yaml, path: "Sites/x.yaml", baseDirectory: RepositoryPaths.path("Sites")).site)
        let epw = RepositoryPaths.path(pyeongtaek)
        let year = try EPWReader.read(path: epw)
        return Planner().plan(site, weather: (year, try DesignConditions.load(forEPWAt: epw, year: year)))
    }

    @Test("a plan names its station, distance and period in the report header, and warns on a stand-in")
    func planAndReport() throws {
        let near = try Self.plan(latitude: 37.02, longitude: 127.05)
        let weather = try #require(near.weather)
        #expect(weather.wmo == "471270")
        #expect(abs(weather.distance!.metres - 6_083.66) < 0.5)
        #expect(weather.period == "TMYx 2009-2023")
        // No .stat beside the file: the EPW header's ASHRAE conditions size the plant.
        #expect(weather.designSource == "the EPW header's ASHRAE design conditions")
        #expect(!near.findings.contains { $0.subject == "site.weather" })
        let context = ReportContext(specPath: "Sites/x.yaml", specDigest: "", command: "", version: "test")
        let text = PlanMarkdown.render(near, context: context)
        #expect(
            text.contains(
                "station Pyeongtaek.AP, KG, KOR (WMO 471270, 36.967 N, 127.033 E, 16 m), TMYx 2009-2023, 6 km"))
        #expect(!text.contains("Stand-in weather"))
        // Seoul (37.57 N 126.97 E) is 67 km from the Pyeongtaek station: a stand-in, and a warning.
        let far = try Self.plan(latitude: 37.57, longitude: 126.97)
        let warning = try #require(far.findings.first { $0.subject == "site.weather" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("stand-in (the station is 67 km from the site, more than 25 km)"))
        #expect(PlanMarkdown.render(far, context: context).contains("**Stand-in weather**"))
        // The spec's own reason, within 25 km.
        let said = try Self.plan(latitude: 37.02, longitude: 127.05, standIn: "a neighbouring valley")
        #expect(said.weather?.standInReason == "the spec says so: a neighbouring valley")
    }

    @Test("a latitude without a longitude, or out of range, is an error at the key")
    func coordinatesInSpec() {
        func errors(_ lines: String) -> [String] {
            let yaml =
                "version: 1\nsite:\n  name: s\n\(lines)\nhalls: [{ id: h, racks: [{ type: gb300-nvl72, count: 1 }] }]\n"
            return SiteLoader().load(yaml: yaml, path: "Sites/x.yaml", baseDirectory: "Sites").findings
                .filter { $0.severity == .error }.map(\.formatted)
        }
        #expect(
            errors("  latitude: 37.0") == [
                "Sites/x.yaml:4:13: error: site.latitude: site.latitude needs site.longitude too"
            ])
        #expect(
            errors("  latitude: 95\n  longitude: 127").first?.contains("Sites/x.yaml:4:13: error: site.latitude")
                == true)
        #expect(errors("  latitude: 37.0\n  longitude: 127.0").isEmpty)
    }
}
