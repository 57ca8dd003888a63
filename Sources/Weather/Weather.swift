import PlannerModel

/// The station an EPW file describes, from its `LOCATION` header line:
/// `LOCATION,city,state/region,country,source,WMO,latitude,longitude,time zone,elevation`.
public struct WeatherLocation: Sendable, Equatable {
    public var city: String
    public var region: String
    public var country: String
    public var source: String
    /// WMO station number as written (text: some files carry letters).
    public var wmo: String
    /// Degrees north (negative south).
    public var latitudeDegrees: Double
    /// Degrees east (negative west).
    public var longitudeDegrees: Double
    /// Standard time zone, hours from UTC (Seoul +9).
    public var timeZoneHours: Double
    public var elevation: Length

    public init(
        city: String, region: String, country: String, source: String, wmo: String,
        latitudeDegrees: Double, longitudeDegrees: Double, timeZoneHours: Double, elevation: Length
    ) {
        self.city = city
        self.region = region
        self.country = country
        self.source = source
        self.wmo = wmo
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
        self.timeZoneHours = timeZoneHours
        self.elevation = elevation
    }
}

/// One hour of weather. EPW hours run 1…24; hour `h` is the hour ending at `h`:00 local standard time.
public struct WeatherHour: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// 1…24 (EPW convention: the hour ending at this clock hour).
    public var hour: Int
    public var dryBulb: Temperature
    public var dewPoint: Temperature
    public var relativeHumidity: Ratio
    /// Station (not sea-level) pressure.
    public var stationPressure: Pressure
    /// Thermodynamic wet bulb from dry bulb, relative humidity and station pressure
    /// (`Psychrometrics.wetBulb(dryBulb:relativeHumidity:pressurePascals:)`).
    public var wetBulb: Temperature
}

/// A year of hourly weather (8 760 or 8 784 hours) read from an EPW file.
///
/// Stored as a struct of columns: the calendar fields as small integers and each weather field
/// as an `HourlySeries` holding the file's numbers unchanged (temperatures in °C, pressure in Pa;
/// relative humidity as the fraction `%/100`), plus the derived wet bulb. `weather.dryBulb[h]`
/// reads a typed value; `weather.dryBulb.celsius` the numbers, for hot loops.
public struct WeatherYear: Sendable {
    public let location: WeatherLocation
    /// The file name (last path component) the year was read from, for messages.
    public let fileName: String
    /// The raw `DESIGN CONDITIONS` header line (line 2), empty when absent.
    public let designConditionsHeader: String

    public let years: [Int16]
    public let months: [UInt8]
    public let days: [UInt8]
    public let hours: [UInt8]
    /// EPW field 7 (°C in the file).
    public let dryBulb: HourlySeries<Temperature>
    /// EPW field 8 (°C in the file).
    public let dewPoint: HourlySeries<Temperature>
    /// EPW field 9 (% in the file, stored as the fraction `%/100`).
    public let relativeHumidity: HourlySeries<Ratio>
    /// EPW field 10 (Pa in the file).
    public let stationPressure: HourlySeries<Pressure>
    /// Derived: thermodynamic wet bulb from fields 7, 9 and 10 (ASHRAE 2017 ch. 1 eq. 24, 22, 33/35).
    /// Using RH rather than the dew point reproduces REFERENCE.md §6.2 (the two differ by the
    /// rounding of the file's dew point to 0.1 K).
    public let wetBulb: HourlySeries<Temperature>

    /// Builds a year from columns (all the same length). Wet bulb is derived here.
    public init(
        location: WeatherLocation, fileName: String, designConditionsHeader: String = "",
        years: [Int16], months: [UInt8], days: [UInt8], hours: [UInt8],
        dryBulb: HourlySeries<Temperature>, dewPoint: HourlySeries<Temperature>,
        relativeHumidity: HourlySeries<Ratio>, stationPressure: HourlySeries<Pressure>
    ) {
        precondition(
            [
                years.count, months.count, days.count, hours.count, dryBulb.count,
                dewPoint.count, relativeHumidity.count, stationPressure.count,
            ]
            .allSatisfy { $0 == years.count }, "WeatherYear columns differ in length")
        self.location = location
        self.fileName = fileName
        self.designConditionsHeader = designConditionsHeader
        self.years = years
        self.months = months
        self.days = days
        self.hours = hours
        self.dryBulb = dryBulb
        self.dewPoint = dewPoint
        self.relativeHumidity = relativeHumidity
        self.stationPressure = stationPressure
        let db = dryBulb.celsius
        let dp = dewPoint.celsius
        let rh = relativeHumidity.si
        let pa = stationPressure.si
        var wb = [Double](repeating: 0, count: db.count)
        for i in wb.indices {
            let t = db[i]
            let p = pa[i]
            let pw = rh[i] * Psychrometrics.saturationPressurePascals(celsius: t)
            let w = Psychrometrics.humidityRatio(vapourPressurePascals: pw, pressurePascals: p)
            wb[i] = Psychrometrics.wetBulbCelsius(
                dryBulbCelsius: t, humidityRatio: w, pressurePascals: p, lowerBoundCelsius: min(dp[i], t) - 2)
        }
        self.wetBulb = HourlySeries(celsius: wb)
    }

    /// Number of hours (8 760, or 8 784 in a leap year).
    public var count: Int { dryBulb.count }

    /// The hour at index `i` (0-based, file order).
    public subscript(_ i: Int) -> WeatherHour {
        WeatherHour(
            year: Int(years[i]), month: Int(months[i]), day: Int(days[i]), hour: Int(hours[i]),
            dryBulb: dryBulb[i], dewPoint: dewPoint[i], relativeHumidity: relativeHumidity[i],
            stationPressure: stationPressure[i], wetBulb: wetBulb[i])
    }

    /// Hours whose dry bulb plus `approach` is at or below `limit`
    /// (e.g. a dry cooler with 8 K approach meeting 32 °C water: `t_db + 8 K ≤ 32 °C`).
    public func hoursWithDryBulb(plus approach: TemperatureDifference = .zero, atOrBelow limit: Temperature) -> Int {
        let bound = limit.celsius - approach.kelvins + 1e-9
        return dryBulb.celsius.reduce(0) { $0 + ($1 <= bound ? 1 : 0) }
    }

    /// Hours whose wet bulb plus `approach` is at or below `limit` (cooling tower on wet bulb).
    public func hoursWithWetBulb(plus approach: TemperatureDifference = .zero, atOrBelow limit: Temperature) -> Int {
        let bound = limit.celsius - approach.kelvins + 1e-9
        return wetBulb.celsius.reduce(0) { $0 + ($1 <= bound ? 1 : 0) }
    }
}
