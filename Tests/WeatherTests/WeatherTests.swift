import Foundation
import PlannerModel
import Testing
import Weather
import _PlannerTestSupport

// MARK: - Psychrometrics

@Suite("Psychrometrics (ASHRAE Fundamentals 2017 ch. 1)")
struct PsychrometricsTests {
    @Test("saturation pressure matches ASHRAE 2017 ch. 1 Table 3 at 0, 20 and 30 °C and over ice at −20 °C")
    func saturationPressure() {
        // Hyland–Wexler Table 3 values (ASHRAE Fundamentals 2009/2013 ch. 1): 0 °C 0.6112 kPa,
        // 20 °C 2.3389 kPa, 30 °C 4.2467 kPa, −20 °C over ice 0.10326 kPa. (The 2017 table, built
        // on IAPWS-95, gives 2.3393 kPa at 20 °C, 0.02 % higher; these equations give 2.33880.)
        #expect(isClose(Psychrometrics.saturationPressurePascals(at: .celsius(0)), 611.2, relative: 2e-4))
        #expect(isClose(Psychrometrics.saturationPressurePascals(at: .celsius(20)), 2338.9, relative: 1e-4))
        #expect(isClose(Psychrometrics.saturationPressurePascals(at: .celsius(30)), 4246.7, relative: 2e-4))
        #expect(isClose(Psychrometrics.saturationPressurePascals(at: .celsius(-20)), 103.26, relative: 1e-3))
    }

    @Test("humidity ratio and enthalpy at 40 °C DB / 20 °C WB, 101.325 kPa (the state of ASHRAE 2017 ch. 1 Example 2)")
    func exampleTwo() {
        // Hand calculation with eq. 22, 33, 30 and Table 3's p_ws(20 °C) = 2.3389 kPa:
        // W*_s = 0.621945 × 2.3389 / (101.325 − 2.3389) = 0.014696
        // W = ((2501 − 2.326·20) × 0.014699 − 1.006·(40 − 20)) / (2501 + 1.86·40 − 4.186·20)
        //   = (36.071 − 20.12) / 2491.68 = 0.006402 kg/kg
        let w = Psychrometrics.humidityRatio(
            dryBulb: .celsius(40), wetBulb: .celsius(20),
            pressurePascals: Psychrometrics.standardPressurePascals)
        #expect(isClose(w, 0.006402, absolute: 5e-6))
        // Enthalpy eq. 30: 1.006·40 + 0.006402·(2501 + 1.86·40) = 40.24 + 16.49 = 56.73 kJ/kg
        #expect(
            isClose(
                Psychrometrics.enthalpyKilojoulesPerKilogram(dryBulb: .celsius(40), humidityRatio: w),
                56.73, absolute: 0.02))
    }

    @Test("30 °C dry bulb with 20 °C wet bulb at 101.325 kPa holds about 10.5 g of water per kg")
    func thirtyTwenty() {
        // W*_s(20 °C) = 0.621945 × 2338.9 / (101325 − 2338.9) = 0.014696
        // W = ((2501 − 46.52) × 0.014696 − 1.006 × 10) / (2501 + 55.8 − 83.72)
        //   = (36.071 − 10.06) / 2473.08 = 0.010518 kg/kg (psychrometric chart: ≈10.5 g/kg, RH ≈ 39 %)
        let w = Psychrometrics.humidityRatio(
            dryBulb: .celsius(30), wetBulb: .celsius(20),
            pressurePascals: 101_325)
        #expect(isClose(w, 0.010518, absolute: 5e-6))
    }

    @Test("wet bulb inverts the psychrometric equation to 1e-6 K")
    func wetBulbInverts() {
        for (db, wb, p) in [
            (30.0, 20.0, 101_325.0), (40, 20, 101_325), (10, 5, 95_000), (-5, -7, 101_325), (35, 29.9, 100_000),
        ] {
            let w = Psychrometrics.humidityRatio(dryBulb: .celsius(db), wetBulb: .celsius(wb), pressurePascals: p)
            let pw = w * p / (Psychrometrics.molarMassRatio + w) // eq. 22 inverted
            let dewPoint = Psychrometrics.dewPoint(vapourPressurePascals: pw)
            let solved = Psychrometrics.wetBulb(dryBulb: .celsius(db), dewPoint: dewPoint, pressurePascals: p)
            #expect(abs(solved.celsius - wb) < 2e-6, "DB \(db) WB \(wb): got \(solved.celsius)")
            #expect(isClose(Psychrometrics.humidityRatio(dewPoint: dewPoint, pressurePascals: p), w, relative: 1e-6))
        }
    }

    @Test("saturated air has wet bulb = dew point = dry bulb, and dry air has a wet bulb below the dry bulb")
    func wetBulbLimits() {
        let sat = Psychrometrics.wetBulb(
            dryBulb: .celsius(25), relativeHumidity: .percent(100), pressurePascals: 101_325)
        #expect(abs(sat.celsius - 25) < 1e-5)
        // 30 °C, 39.5 % RH is close to the 30/20 chart point above.
        let wb = Psychrometrics.wetBulb(
            dryBulb: .celsius(30), relativeHumidity: .percent(39.5), pressurePascals: 101_325)
        #expect(abs(wb.celsius - 20) < 0.2)
    }
}

// MARK: - Seoul year

private let seoulEPW = RepositoryPaths.path("Sites/weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw")

@Suite("Seoul-Seongnam TMYx year")
struct SeoulTests {
    static let year: WeatherYear = try! EPWReader.read(path: seoulEPW)

    @Test("the Seoul EPW reads as 8 760 hours with its LOCATION header")
    func header() {
        let y = Self.year
        #expect(y.count == 8_760)
        #expect(y.location.city == "Seoul-Seongnam.AP")
        #expect(y.location.wmo == "471110")
        #expect(y.location.latitudeDegrees == 37.45)
        #expect(y.location.longitudeDegrees == 127.1)
        #expect(y.location.timeZoneHours == 9)
        #expect(y.location.elevation == .metres(25))
        // Line 9: 2012,1,1,1,…,0.00,-4.00,72,101009
        let h = y[0]
        #expect(h.year == 2012 && h.month == 1 && h.day == 1 && h.hour == 1)
        #expect(h.dryBulb == .celsius(0) && h.dewPoint == .celsius(-4) && h.stationPressure == .pascals(101_009))
        #expect(isClose(h.relativeHumidity.percent, 72))
        #expect(y[8_759].month == 12 && y[8_759].day == 31 && y[8_759].hour == 24)
    }

    @Test("Seoul 0.4 % design conditions come from the .stat: 33.8 / 25.8 °C, evaporation WB 26.7 °C")
    func designFromStat() throws {
        let d = try DesignConditions.load(forEPWAt: seoulEPW, year: Self.year)
        #expect(d.source == .statFile(name: "KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.stat"))
        #expect(d.coolingDryBulb == .celsius(33.8))
        #expect(d.coolingMeanCoincidentWetBulb == .celsius(25.8))
        #expect(d.evaporationWetBulb == .celsius(26.7))
        #expect(d.evaporationMeanCoincidentDryBulb == .celsius(31.1))
    }

    @Test("the EPW DESIGN CONDITIONS header gives the same values as the .stat")
    func designFromHeader() throws {
        let d = try #require(DesignConditions.fromDesignConditionsHeader(Self.year.designConditionsHeader))
        #expect(d.source == .epwHeader)
        #expect(d.coolingDryBulb == .celsius(33.8) && d.coolingMeanCoincidentWetBulb == .celsius(25.8))
        #expect(d.evaporationWetBulb == .celsius(26.7) && d.evaporationMeanCoincidentDryBulb == .celsius(31.1))
    }

    @Test("design conditions from the hours land within 1.5 K of ASHRAE's period-of-record values")
    func designFromHours() {
        // A typical year understates extremes (REFERENCE §6.2: max DB 35.0 °C, max WB 29.3 °C).
        let d = DesignConditions.fromHours(Self.year)
        #expect(d.source == .epwHours)
        #expect(abs(d.coolingDryBulb.celsius - 33.8) <= 1.5, "\(d.coolingDryBulb.celsius)")
        #expect(abs(d.coolingMeanCoincidentWetBulb.celsius - 25.8) <= 1.5, "\(d.coolingMeanCoincidentWetBulb.celsius)")
        #expect(abs(d.evaporationWetBulb.celsius - 26.7) <= 1.5, "\(d.evaporationWetBulb.celsius)")
        #expect(d.coolingMeanCoincidentWetBulb < d.coolingDryBulb)
    }

    @Test("Seoul has 7 569 hours with dry bulb at or below 25 °C (REFERENCE §6.2, ±1 %)")
    func dryBulbHours() {
        let n = Self.year.hoursWithDryBulb(atOrBelow: .celsius(25))
        #expect(abs(n - 7_569) <= 76, "\(n)")
    }

    @Test("a dry cooler with 8 K approach makes ≤32 °C water 7 270 h/yr in Seoul (V16, ±3 %)")
    func dryCoolerHours() {
        let n = Self.year.hoursWithDryBulb(plus: .kelvins(8), atOrBelow: .celsius(32))
        #expect(abs(n - 7_270) <= 218, "\(n)")
    }

    @Test("Seoul wet bulb from DB, RH and pressure is ≤20 °C for 6 883 h (REFERENCE §6.2, ±10 h)")
    func wetBulbHours() {
        let n = Self.year.hoursWithWetBulb(atOrBelow: .celsius(20))
        #expect(abs(n - 6_883) <= 10, "\(n)")
        // Tower 4 K on WB ≤ 25 °C ⇔ WB ≤ 21 °C: REFERENCE §6.2 gives 7 184 h.
        let tower = Self.year.hoursWithWetBulb(plus: .kelvins(4), atOrBelow: .celsius(25))
        #expect(abs(tower - 7_184) <= 10, "\(tower)")
    }

    @Test("every Seoul hour has dew point ≤ wet bulb ≤ dry bulb (within the file's 0.1 K rounding)")
    func wetBulbBetween() {
        let y = Self.year
        for i in 0..<y.count {
            #expect(y.wetBulb.celsius[i] <= y.dryBulb.celsius[i] + 1e-6)
            #expect(y.wetBulb.celsius[i] >= y.dewPoint.celsius[i] - 0.6, "hour \(i)")
        }
        #expect(y.wetBulb.max()! < .celsius(30)) // REFERENCE §6.2: max WB 29.3 °C
    }
}

// MARK: - Malformed files

/// A minimal valid EPW: 8 header lines and `records` records of 10 fields.
func syntheticEPW(records: Int = 8_760, edit: (inout [String]) -> Void = { _ in }) -> String {
    var lines = [
        "LOCATION,Testville,TS,TST,Synthetic,000000,10.0,20.0,1.0,100.0",
        "DESIGN CONDITIONS,0", "TYPICAL/EXTREME PERIODS,0", "GROUND TEMPERATURES,0",
        "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0", "COMMENTS 1,synthetic", "COMMENTS 2,",
        "DATA PERIODS,1,1,Data,Sunday,1/ 1,12/31",
    ]
    for i in 0..<records {
        lines.append("2001,\(1 + i / 744 % 12),\(1 + i / 24 % 28),\(1 + i % 24),60,x,20.0,10.0,53,101325,0,0")
    }
    edit(&lines)
    return lines.joined(separator: "\n") + "\n"
}

/// Writes `text` to a temporary `name` and reads it back, returning the error's description.
private func readError(_ text: String, name: String = "KOR_x.epw") throws -> String? {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    do {
        _ = try EPWReader.read(path: path)
        return nil
    } catch {
        return error.description
    }
}

@Suite("EPW validation")
struct EPWValidationTests {
    @Test("a well-formed synthetic year (8 760 or 8 784 records, CRLF too) reads")
    func valid() throws {
        let y = try EPWReader.parse(syntheticEPW(), fileName: "s.epw")
        #expect(y.count == 8_760 && y.location.city == "Testville" && y.dryBulb[5] == .celsius(20))
        let leap = try EPWReader.parse(syntheticEPW(records: 8_784), fileName: "s.epw")
        #expect(leap.count == 8_784)
        let crlf = syntheticEPW().replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try EPWReader.parse(crlf, fileName: "s.epw").stationPressure[0] == .pascals(101_325))
        // The byte-level number parser gives the same Doubles as Double(String), exponents included.
        let odd = try EPWReader.parse(
            syntheticEPW { $0[8] = "2001,1,1,1,60,x, -12.35 ,+0.1,5.3e1,1.01325E5" }, fileName: "s.epw")
        #expect(odd.dryBulb.celsius[0] == Double("-12.35")! && odd.dewPoint.celsius[0] == 0.1)
        #expect(odd.relativeHumidity[0] == .percent(53) && odd.stationPressure[0] == .pascals(101_325))
    }

    @Test("a file with fewer than 8 lines reports the header count")
    func tooFewHeaderLines() throws {
        #expect(
            try readError("LOCATION,a,b,c,d,1,0,0,0,0\nDESIGN CONDITIONS,0\n")
                == "KOR_x.epw: expected 8 header lines, found 2")
    }

    @Test("a first line that is not LOCATION is reported at line 1")
    func badLocation() throws {
        let text = syntheticEPW { $0[0] = "LOCATIONS?,x" }
        #expect(try readError(text) == "KOR_x.epw:1: bad LOCATION line: line 1 does not start with LOCATION")
        let badLat = syntheticEPW { $0[0] = "LOCATION,T,T,T,S,0,north,20,1,100" }
        #expect(
            try readError(badLat) == "KOR_x.epw:1: bad LOCATION line: latitude (field 7) is not a number: \"north\"")
    }

    @Test("a year one record short is reported with the count at the last line")
    func wrongCount() throws {
        // 8 header + 8 759 records = 8 767 lines.
        #expect(
            try readError(syntheticEPW(records: 8_759))
                == "KOR_x.epw:8767: expected 8760 or 8784 hourly records, found 8759")
        #expect(
            try readError(syntheticEPW(records: 8_761))
                == "KOR_x.epw:8769: expected 8760 or 8784 hourly records, found 8761")
    }

    @Test("a file truncated mid-record reports too few fields at the cut line")
    func truncated() throws {
        let full = syntheticEPW()
        let cut = String(full.dropLast(30)) // the last line loses its pressure and beyond
        let message = try readError(cut)
        #expect(
            message?.hasPrefix("KOR_x.epw:8768: expected at least 10 fields, found ") == true, "\(message ?? "nil")")
        #expect(
            try readError(syntheticEPW { $0[8] = "2001,1,1,1,60" })
                == "KOR_x.epw:9: expected at least 10 fields, found 5")
    }

    @Test("a non-numeric dry bulb is reported with line, field and text")
    func notANumber() throws {
        // Line 1234 is record index 1234 − 9 = 1225, array index 1233.
        let text = syntheticEPW { $0[1233] = "2001,2,3,4,60,x,abc,10.0,53,101325" }
        #expect(try readError(text) == "KOR_x.epw:1234: dry bulb (field 7) is not a number: \"abc\"")
        let empty = syntheticEPW { $0[9] = "2001,1,1,2,60,x,20.0,10.0,,101325" }
        #expect(try readError(empty) == "KOR_x.epw:10: relative humidity (field 9) is not a number: \"\"")
    }

    @Test("EPW missing-value codes are errors naming the field and code")
    func missingValues() throws {
        #expect(
            try readError(syntheticEPW { $0[20] = "2001,1,1,13,60,x,99.9,10.0,53,101325" })
                == "KOR_x.epw:21: dry bulb (field 7) is missing (EPW missing-value code 99.9)")
        #expect(
            try readError(syntheticEPW { $0[21] = "2001,1,1,14,60,x,20.0,99.9,53,101325" })
                == "KOR_x.epw:22: dew point (field 8) is missing (EPW missing-value code 99.9)")
        #expect(
            try readError(syntheticEPW { $0[22] = "2001,1,1,15,60,x,20.0,10.0,999,101325" })
                == "KOR_x.epw:23: relative humidity (field 9) is missing (EPW missing-value code 999)")
        #expect(
            try readError(syntheticEPW { $0[23] = "2001,1,1,16,60,x,20.0,10.0,53,999999" })
                == "KOR_x.epw:24: station pressure (field 10) is missing (EPW missing-value code 999999)")
    }

    @Test("out-of-range values are errors with the allowed range")
    func outOfRange() throws {
        #expect(
            try readError(syntheticEPW { $0[30] = "2001,1,1,23,60,x,20.0,10.0,120,101325" })
                == "KOR_x.epw:31: relative humidity (field 9) = 120.0 is outside 0.0…110.0")
        #expect(
            try readError(syntheticEPW { $0[31] = "2001,13,1,24,60,x,20.0,10.0,50,101325" })
                == "KOR_x.epw:32: month (field 2) = 13.0 is outside 1.0…12.0")
        #expect(
            try readError(syntheticEPW { $0[32] = "2001,1,2,1,60,x,-80.0,-85.0,50,101325" })
                == "KOR_x.epw:33: dry bulb (field 7) = -80.0 is outside -70.0…70.0")
        #expect(
            try readError(syntheticEPW { $0[33] = "2001,1,2,2,60,x,20.0,10.0,50,20000" })
                == "KOR_x.epw:34: station pressure (field 10) = 20000.0 is outside 31000.0…120000.0")
    }

    @Test("a path that does not exist is unreadable, without a line")
    func missingFile() {
        #expect(throws: WeatherFileError.self) { try EPWReader.read(path: "/nonexistent/nowhere.epw") }
        do {
            _ = try EPWReader.read(path: "/nonexistent/nowhere.epw")
        } catch {
            #expect(error.line == nil && error.file == "nowhere.epw")
        }
    }

    @Test("without a .stat or header design block, design conditions come from the hours")
    func designFallback() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.epw").path
        // Hottest 40 hours at 35 °C, the rest 20 °C: 35th hottest = 35 °C.
        try Data(
            syntheticEPW { for i in 8..<48 { $0[i] = $0[i].replacingOccurrences(of: ",20.0,", with: ",35.0,") } }.utf8
        )
        .write(to: URL(fileURLWithPath: path))
        let year = try EPWReader.read(path: path)
        let d = try DesignConditions.load(forEPWAt: path, year: year)
        #expect(d.source == .epwHours)
        #expect(d.coolingDryBulb == .celsius(35))
        // Coincident WB = WB of 35 °C air with 10 °C dew point (≈ 19.5 °C), the same for all 40 hours.
        #expect(isClose(d.coolingMeanCoincidentWetBulb.celsius, year.wetBulb.celsius[0], relative: 1e-12))
    }

    @Test("a malformed Cooling row in a .stat is an error with its line")
    func badStat() {
        let stat = Array("header\n\tCooling\t8\t7.8\tN_A\t25.8\n".utf8)
        #expect(throws: WeatherFileError.self) { try DesignConditions.fromStat(stat, fileName: "x.stat") }
        do { _ = try DesignConditions.fromStat(stat, fileName: "x.stat") } catch {
            #expect(error.description == "x.stat:2: Cooling design condition (field 4) is not a number: \"N_A\"")
        }
        #expect(try! DesignConditions.fromStat(Array("no design here\n".utf8), fileName: "x.stat") == nil)
    }
}

@Suite("The Extremes block of an EPW header")
struct ExtremesHeaderTests {
    /// Pyeongtaek's header (TMYx 2009-2023): `Extremes`, 3 wind speeds, mean min/max 35.0, standard
    /// deviations 2.7/1.4, then the (min, max) pairs for n = 5, 10, 20, 50 years.
    static let header =
        "DESIGN CONDITIONS,1,2021 ASHRAE Handbook,,Cooling,8,8.0,33.1,26.1,Extremes,8.2,7.1,6.1,-15.4,35.0,2.7,1.4,"
        + "-17.3,36.0,-18.9,36.9,-20.4,37.6,-22.3,38.7"

    @Test("the 50-year maximum is the block's last field, the 20-year the third from last")
    func returnPeriods() throws {
        #expect(try #require(DesignConditions.extremeMaximumDryBulb(Self.header, years: 50)) == .celsius(38.7))
        #expect(try #require(DesignConditions.extremeMaximumDryBulb(Self.header, years: 20)) == .celsius(37.6))
        #expect(try #require(DesignConditions.extremeMaximumDryBulb(Self.header, years: 5)) == .celsius(36.0))
        #expect(DesignConditions.extremeMaximumDryBulb(Self.header, years: 7) == nil)
        #expect(DesignConditions.extremeMaximumDryBulb("DESIGN CONDITIONS,0", years: 50) == nil)
    }

    @Test("the 50-year value agrees with ASHRAE's Gumbel estimate from the block's mean and deviation")
    func gumbelCheck() throws {
        // ASHRAE ch. 14: T_n = M + I·F·σ, F = −(√6/π)·(0.5772 + ln(ln(n/(n − 1)))).
        // n = 50: ln(50/49) = 0.020203, ln(0.020203) = −3.9019, F = −0.77970 × (0.5772 − 3.9019) = 2.5923;
        // T_50 = 35.0 + 2.5923 × 1.4 = 38.63 °C, the tabulated 38.7 to the rounding of M and σ.
        let f = -(6.0.squareRoot() / Double.pi) * (0.5772 + log(log(50.0 / 49.0)))
        let t50 = 35.0 + f * 1.4
        let read = try #require(DesignConditions.extremeMaximumDryBulb(Self.header, years: 50)).celsius
        #expect(abs(read - t50) < 0.1)
        // Invariant: a longer return period is never cooler.
        let t20 = try #require(DesignConditions.extremeMaximumDryBulb(Self.header, years: 20)).celsius
        #expect(read >= t20)
    }
}
