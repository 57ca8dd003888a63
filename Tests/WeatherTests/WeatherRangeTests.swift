import Foundation
import Testing
import Weather

/// Issue 21, item 3: every weather number dcplan uses is range-checked where it is read, with
/// the file and line in the error, and NaN or ±∞ never pass.
@Suite("Weather value ranges")
struct WeatherRangeTests {
    /// A DESIGN CONDITIONS line with the Heating block's 99.6 % dry bulb at field 7 and the
    /// Cooling block's 0.4 % dry bulb, MCWB, evaporation WB and MCDB at fields 12, 13, 18, 19.
    static func header(heating: String = "-12.5", coolingDryBulb: String = "33.8", evaporation: String = "26.7")
        -> String
    {
        "DESIGN CONDITIONS,1,x,,Heating,1,\(heating),-10.2,Cooling,8,7.8,\(coolingDryBulb),25.8,32.1,24.9,30.9,24.2,"
            + "\(evaporation),31.1"
    }

    static func parseError(_ text: String) -> String? {
        do {
            _ = try EPWReader.parse(text, fileName: "s.epw")
            return nil
        } catch {
            return error.description
        }
    }

    @Test("a sound DESIGN CONDITIONS header reads, and its values are the design conditions")
    func soundHeader() throws {
        let year = try EPWReader.parse(syntheticEPW { $0[1] = Self.header() }, fileName: "s.epw")
        let design = try #require(DesignConditions.fromDesignConditionsHeader(year.designConditionsHeader))
        #expect(design.coolingDryBulb == .celsius(33.8) && design.evaporationWetBulb == .celsius(26.7))
        #expect(HeatingDesign.dryBulb(for: year).temperature == .celsius(-12.5))
    }

    @Test(
        "an infinite, 1e308, NaN or −300 °C design value in the EPW header is an error at line 2 naming the field",
        arguments: [
            (Self.header(coolingDryBulb: "inf"), "0.4 % cooling dry bulb (field 12) = inf"),
            (Self.header(coolingDryBulb: "1e308"), "0.4 % cooling dry bulb (field 12) = 1e+308"),
            (Self.header(coolingDryBulb: "-300"), "0.4 % cooling dry bulb (field 12) = -300.0"),
            (Self.header(evaporation: "nan"), "0.4 % evaporation wet bulb (field 18) = nan"),
            (Self.header(heating: "-inf"), "heating 99.6 % dry bulb (field 7) = -inf"),
            (Self.header(heating: "NaN"), "heating 99.6 % dry bulb (field 7) = nan"),
        ])
    func badHeader(line: String, expected: String) {
        #expect(
            Self.parseError(syntheticEPW { $0[1] = line })
                == "s.epw:2: DESIGN CONDITIONS \(expected) is outside -70.0…70.0")
    }

    @Test("header text that is not a number still leaves the block unused: the hours stand in")
    func textInHeader() throws {
        let year = try EPWReader.parse(syntheticEPW { $0[1] = Self.header(coolingDryBulb: "N/A") }, fileName: "s.epw")
        #expect(DesignConditions.fromDesignConditionsHeader(year.designConditionsHeader) == nil)
    }

    @Test(
        "a .stat Cooling row with an infinite, 1e308, NaN or −300 °C design value is an error with the file and line",
        arguments: [
            ("inf", "0.4 % cooling dry bulb (field 4) = inf"),
            ("1e308", "0.4 % cooling dry bulb (field 4) = 1e+308"),
            ("-300", "0.4 % cooling dry bulb (field 4) = -300.0"),
            ("nan", "0.4 % cooling dry bulb (field 4) = nan"),
        ])
    func badStat(value: String, expected: String) {
        let stat = Array("header\n\tCooling\t8\t7.8\t\(value)\t25.8\t32.1\t24.9\t30.9\t24.2\t26.7\t31.1\n".utf8)
        do {
            _ = try DesignConditions.fromStat(stat, fileName: "x.stat")
            Issue.record("\(value) was accepted")
        } catch {
            #expect(error.description == "x.stat:2: \(expected) is outside -70.0…70.0")
        }
    }

    @Test(
        "LOCATION numbers that are NaN, infinite or 1e308 are errors at line 1",
        arguments: [
            ("nan,20.0,1.0,100.0", "latitude (field 7) = nan is outside -90.0…90.0"),
            ("10.0,20.0,inf,100.0", "time zone (field 9) = inf is outside -12.0…14.0"),
            ("10.0,20.0,1.0,1e308", "elevation (field 10) = 1e+308 is outside -1000.0…9999.9"),
            ("10.0,-inf,1.0,100.0", "longitude (field 8) = -inf is outside -180.0…180.0"),
        ])
    func badLocation(numbers: String, expected: String) {
        let text = syntheticEPW { $0[0] = "LOCATION,Testville,TS,TST,Synthetic,000000,\(numbers)" }
        #expect(Self.parseError(text) == "s.epw:1: bad LOCATION line: \(expected)")
    }

    @Test(
        "an hourly dry bulb, dew point, humidity or pressure of inf, NaN or 1e308 is an error at its line",
        arguments: [
            ("2001,1,1,1,60,x,inf,10.0,53,101325", "dry bulb (field 7) is not a number: \"inf\""),
            ("2001,1,1,1,60,x,20.0,nan,53,101325", "dew point (field 8) is not a number: \"nan\""),
            ("2001,1,1,1,60,x,1e308,10.0,53,101325", "dry bulb (field 7) is missing (EPW missing-value code 99.9)"),
            ("2001,1,1,1,60,x,-1e308,10.0,53,101325", "dry bulb (field 7) = -1e+308 is outside -70.0…70.0"),
            ("2001,1,1,1,60,x,20.0,10.0,-1e308,101325", "relative humidity (field 9) = -1e+308 is outside 0.0…110.0"),
            ("2001,1,1,1,60,x,20.0,10.0,53,5e-324", "station pressure (field 10) = 5e-324 is outside 31000.0…120000.0"),
        ])
    func badHour(record: String, expected: String) {
        #expect(Self.parseError(syntheticEPW { $0[8] = record }) == "s.epw:9: \(expected)")
    }
}
