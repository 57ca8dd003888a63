import Foundation
import PlannerModel

/// Why an EPW (or `.stat`) file could not be read. `description` reads like a compiler diagnostic:
/// `KOR_x.epw:1234: dry bulb (field 7) is not a number: "abc"`.
public struct WeatherFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The file could not be opened or read.
        case unreadable(reason: String)
        /// Fewer than the 8 header lines.
        case tooFewHeaderLines(found: Int)
        /// The first line is not a usable `LOCATION` line.
        case badLocation(reason: String)
        /// Not 8 760 or 8 784 hourly records.
        case wrongRecordCount(found: Int)
        /// A record has fewer comma-separated fields than the reader needs.
        case tooFewFields(found: Int, needed: Int)
        /// A field is not a number.
        case notANumber(field: Int, name: String, text: String)
        /// A field holds the EPW missing-value code (99.9 for DB/DP, 999 for RH, 999999 for pressure).
        case missingValue(field: Int, name: String, code: String)
        /// A field is outside its physical range.
        case outOfRange(field: Int, name: String, value: Double, lower: Double, upper: Double)
    }

    /// File name (last path component).
    public var file: String
    /// 1-based line number, nil when the error concerns the whole file.
    public var line: Int?
    public var kind: Kind

    public init(file: String, line: Int?, kind: Kind) {
        self.file = file
        self.line = line
        self.kind = kind
    }

    public var message: String {
        switch kind {
        case .unreadable(let reason): return "cannot read file: \(reason)"
        case .tooFewHeaderLines(let n): return "expected 8 header lines, found \(n)"
        case .badLocation(let reason): return "bad LOCATION line: \(reason)"
        case .wrongRecordCount(let n): return "expected 8760 or 8784 hourly records, found \(n)"
        case .tooFewFields(let n, let needed): return "expected at least \(needed) fields, found \(n)"
        case .notANumber(let f, let name, let text): return "\(name) (field \(f)) is not a number: \"\(text)\""
        case .missingValue(let f, let name, let code):
            return "\(name) (field \(f)) is missing (EPW missing-value code \(code))"
        case .outOfRange(let f, let name, let v, let lo, let hi):
            return "\(name) (field \(f)) = \(v) is outside \(lo)…\(hi)"
        }
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// Reads EnergyPlus weather files (EPW): 8 header lines (`LOCATION`, `DESIGN CONDITIONS`, …,
/// `DATA PERIODS`), then one comma-separated record per hour. Format: EnergyPlus "Auxiliary
/// Programs", ch. "Weather Converter Program — EnergyPlus Weather File (EPW) Data Dictionary".
///
/// Fields used (1-based): 1 year, 2 month, 3 day, 4 hour, 7 dry bulb [°C], 8 dew point [°C],
/// 9 relative humidity [%], 10 station pressure [Pa]. Ranges are the data dictionary's
/// (DB and DP −70…70 °C, RH 0…110 %, pressure 31 000…120 000 Pa); missing-value codes
/// (DB/DP 99.9, RH 999, pressure 999999) are errors, since the plant simulation needs every hour.
/// The header's `LOCATION` numbers (latitude, longitude, time zone −12…14 h, elevation
/// −1 000…9 999.9 m) and the `DESIGN CONDITIONS` values dcplan uses (−70…70 °C,
/// `DesignConditions.checkDesignConditionsHeader`) are range-checked too; NaN and ±∞ never pass.
///
/// The parser walks the file's bytes (no per-line `String` splitting), so a 1.6 MB file reads in
/// a few milliseconds in release builds.
public enum EPWReader {
    /// Number of header lines before the first record.
    public static let headerLineCount = 8
    /// Number of fields a record must have for the reader (through station pressure).
    public static let fieldsNeeded = 10

    /// Largest EPW file read: 8 MB (a year of 8,784 records of ~200 bytes is under 2 MB).
    public static let maximumBytes = 8 * 1024 * 1024

    /// Reads and validates the EPW file at `path`.
    public static func read(path: String) throws(WeatherFileError) -> WeatherYear {
        let name = (path as NSString).lastPathComponent
        return try parse([UInt8](try boundedRead(path, limit: maximumBytes)), fileName: name)
    }

    /// The bytes of a weather file (``BoundedFile``: refused past `limit`, never waiting on a
    /// pipe nobody writes), or an `unreadable` error that says why.
    static func boundedRead(_ path: String, limit: Int) throws(WeatherFileError) -> Data {
        let name = (path as NSString).lastPathComponent
        do {
            return try BoundedFile.read(path, limit: limit)
        } catch {
            let reason =
                switch error {
                case .unreadable(let why): "\(why.prefix(1).lowercased() + why.dropFirst()): \(path)"
                case .directory: "it is a directory: \(path)"
                case .tooLarge(let bytes?, let limit): "the file has \(bytes) bytes; the limit is \(limit) bytes"
                case .tooLarge(nil, let limit): "more than \(limit) bytes; the limit is \(limit) bytes"
                }
            throw WeatherFileError(file: name, line: nil, kind: .unreadable(reason: reason))
        }
    }

    /// Parses EPW text given as a string (tests, in-memory data).
    public static func parse(_ text: String, fileName: String) throws(WeatherFileError) -> WeatherYear {
        try parse(Array(text.utf8), fileName: fileName)
    }

    private struct Field {
        let name: String
        let missing: Double?
        let missingText: String
        let lower: Double
        let upper: Double
    }
    private static let fieldSpecs: [Int: Field] = [
        1: Field(name: "year", missing: nil, missingText: "", lower: 1000, upper: 3000),
        2: Field(name: "month", missing: nil, missingText: "", lower: 1, upper: 12),
        3: Field(name: "day", missing: nil, missingText: "", lower: 1, upper: 31),
        4: Field(name: "hour", missing: nil, missingText: "", lower: 1, upper: 24),
        7: Field(name: "dry bulb", missing: 99.9, missingText: "99.9", lower: -70, upper: 70),
        8: Field(name: "dew point", missing: 99.9, missingText: "99.9", lower: -70, upper: 70),
        9: Field(name: "relative humidity", missing: 999, missingText: "999", lower: 0, upper: 110),
        10: Field(name: "station pressure", missing: 999_999, missingText: "999999", lower: 31_000, upper: 120_000),
    ]

    /// Parses EPW bytes (UTF-8/ASCII; `\n` or `\r\n` line ends).
    public static func parse(_ bytes: [UInt8], fileName: String) throws(WeatherFileError) -> WeatherYear {
        // Line ranges, without the terminator; a final empty line (trailing newline) is dropped.
        var lines: [Range<Int>] = []
        lines.reserveCapacity(8_800)
        var start = 0
        let n = bytes.count
        var i = 0
        while i < n {
            if bytes[i] == UInt8(ascii: "\n") {
                var end = i
                if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                lines.append(start..<end)
                start = i + 1
            }
            i += 1
        }
        if start < n {
            var end = n
            if bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lines.append(start..<end)
        }
        // Trailing blank lines are not records.
        while let last = lines.last, last.isEmpty || bytes[last].allSatisfy({ $0 == 32 || $0 == 9 }) {
            lines.removeLast()
        }

        guard lines.count >= headerLineCount else {
            throw WeatherFileError(file: fileName, line: nil, kind: .tooFewHeaderLines(found: lines.count))
        }
        func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

        let location = try parseLocation(text(lines[0]), fileName: fileName)
        let design = text(lines[1]).hasPrefix("DESIGN CONDITIONS") ? text(lines[1]) : ""
        try DesignConditions.checkDesignConditionsHeader(design, fileName: fileName)

        let recordCount = lines.count - headerLineCount
        var years = [Int16]()
        var months = [UInt8]()
        var days = [UInt8]()
        var hours = [UInt8]()
        var db = [Double]()
        var dp = [Double]()
        var rh = [Double]()
        var pa = [Double]()
        years.reserveCapacity(recordCount)
        months.reserveCapacity(recordCount)
        days.reserveCapacity(recordCount)
        hours.reserveCapacity(recordCount)
        db.reserveCapacity(recordCount)
        dp.reserveCapacity(recordCount)
        rh.reserveCapacity(recordCount)
        pa.reserveCapacity(recordCount)

        var fieldRanges = [Range<Int>](repeating: 0..<0, count: fieldsNeeded)
        for li in headerLineCount..<lines.count {
            let r = lines[li]
            let lineNumber = li + 1
            // Split the first `fieldsNeeded` fields.
            var k = 0
            var s = r.lowerBound
            var j = r.lowerBound
            while j < r.upperBound && k < fieldsNeeded {
                if bytes[j] == UInt8(ascii: ",") {
                    fieldRanges[k] = s..<j
                    k += 1
                    s = j + 1
                }
                j += 1
            }
            if k < fieldsNeeded && j == r.upperBound {
                fieldRanges[k] = s..<j
                k += 1 // the last field on the line
            }
            guard k >= fieldsNeeded else {
                // Count all fields on the line for the message.
                let found = bytes[r].reduce(1) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
                throw WeatherFileError(
                    file: fileName, line: lineNumber,
                    kind: .tooFewFields(found: r.isEmpty ? 0 : found, needed: fieldsNeeded))
            }
            func value(_ field: Int) throws(WeatherFileError) -> Double {
                let spec = fieldSpecs[field]!
                let range = fieldRanges[field - 1]
                guard let v = fastDecimal(bytes, range) ?? slowNumber(bytes, range), v.isFinite else {
                    let t = String(decoding: bytes[range], as: UTF8.self)
                    throw WeatherFileError(
                        file: fileName, line: lineNumber,
                        kind: .notANumber(field: field, name: spec.name, text: t))
                }
                if let m = spec.missing, v >= m {
                    throw WeatherFileError(
                        file: fileName, line: lineNumber,
                        kind: .missingValue(field: field, name: spec.name, code: spec.missingText))
                }
                guard v >= spec.lower && v <= spec.upper else {
                    throw WeatherFileError(
                        file: fileName, line: lineNumber,
                        kind: .outOfRange(
                            field: field, name: spec.name, value: v,
                            lower: spec.lower, upper: spec.upper))
                }
                return v
            }
            years.append(Int16(try value(1)))
            months.append(UInt8(try value(2)))
            days.append(UInt8(try value(3)))
            hours.append(UInt8(try value(4)))
            db.append(try value(7))
            dp.append(try value(8))
            rh.append(try value(9) / 100) // % → fraction
            pa.append(try value(10))
        }
        guard recordCount == 8_760 || recordCount == 8_784 else {
            throw WeatherFileError(file: fileName, line: lines.count, kind: .wrongRecordCount(found: recordCount))
        }
        return WeatherYear(
            location: location, fileName: fileName, designConditionsHeader: design,
            years: years, months: months, days: days, hours: hours,
            dryBulb: HourlySeries(celsius: db), dewPoint: HourlySeries(celsius: dp),
            relativeHumidity: HourlySeries(si: rh), stationPressure: HourlySeries(si: pa))
    }

    /// Plain decimals (`-12.5`, `101009`) straight from bytes: digits accumulated into an integer
    /// mantissa `m` < 2⁵³ and divided by 10^k (k ≤ 15) are exact operands, so the one division
    /// is correctly rounded, the same `Double` that `Double(String)` gives. Nil for anything else.
    @inline(__always)
    static func fastDecimal(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        var i = range.lowerBound
        var end = range.upperBound
        while i < end && bytes[i] == 32 { i += 1 }
        while end > i && bytes[end - 1] == 32 { end -= 1 }
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenPoint = false
        while i < end {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                // A 16th digit leaves the exact range: `Double(String)` takes it (and a 20th would
                // overflow `mantissa`, a trap the fuzzer found).
                guard digits < 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(b - 48)
                digits += 1
                if seenPoint { fraction += 1 }
            } else if b == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
        let v = Double(mantissa) / powers[fraction]
        return negative ? -v : v
    }

    /// Anything `fastDecimal` declines (exponents, long mantissas): `Double(String)` on the trimmed text.
    static func slowNumber(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        let text = String(decoding: bytes[range], as: UTF8.self)
        return Double(text.trimmingCharacters(in: .whitespaces))
    }

    /// `LOCATION,city,region,country,source,WMO,lat,lon,tz,elevation` (line 1).
    static func parseLocation(_ line: String, fileName: String) throws(WeatherFileError) -> WeatherLocation {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        func fail(_ reason: String) -> WeatherFileError {
            WeatherFileError(file: fileName, line: 1, kind: .badLocation(reason: reason))
        }
        guard f.first?.uppercased() == "LOCATION" else { throw fail("line 1 does not start with LOCATION") }
        guard f.count >= 10 else { throw fail("expected 10 fields, found \(f.count)") }
        func number(_ i: Int, _ name: String, _ range: ClosedRange<Double>) throws(WeatherFileError) -> Double {
            guard let v = Double(f[i]) else { throw fail("\(name) (field \(i + 1)) is not a number: \"\(f[i])\"") }
            guard range.contains(v) else {
                throw fail("\(name) (field \(i + 1)) = \(v) is outside \(range.lowerBound)…\(range.upperBound)")
            }
            return v
        }
        return WeatherLocation(
            city: f[1], region: f[2], country: f[3], source: f[4], wmo: f[5],
            latitudeDegrees: try number(6, "latitude", -90...90),
            longitudeDegrees: try number(7, "longitude", -180...180),
            timeZoneHours: try number(8, "time zone", -12...14),
            elevation: .metres(try number(9, "elevation", -1000...9999.9)))
    }
}
