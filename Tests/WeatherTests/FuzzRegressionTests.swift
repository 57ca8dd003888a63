import Foundation
import Testing
import Weather
import _PlannerTestSupport

/// Inputs on which `Scripts/fuzz` (target `epw`) crashed or hung, kept in `FuzzRegressions/`.
@Suite("EPW fuzz regressions")
struct EPWFuzzRegressionTests {
    static let folder = RepositoryPaths.path("Tests/WeatherTests/FuzzRegressions")
    static let inputs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()

    @Test("the regression folder holds the inputs the fuzzer found")
    func folderIsNotEmpty() {
        #expect(Self.inputs.count >= 1, "no files in \(Self.folder)")
    }

    @Test(
        "every EPW input the fuzzer crashed on is now an error with a line, from the reader and the .stat reader",
        arguments: inputs)
    func replay(name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        _ = try? DesignConditions.fromStat([UInt8](bytes), fileName: name)
        #expect(throws: WeatherFileError.self) { try EPWReader.parse([UInt8](bytes), fileName: name) }
    }

    @Test("a 20-digit year, which overflowed the fast number parser's mantissa, is out of range")
    func twentyDigitNumber() throws {
        let text = syntheticEPW { $0[8] = "20010000000000000000000,1,1,1,60,x,20.0,10.0,53,101325" }
        do {
            _ = try EPWReader.parse(text, fileName: "s.epw")
            Issue.record("a 20-digit year parsed")
        } catch {
            #expect(error.description == "s.epw:9: year (field 1) = 2.001e+22 is outside 1000.0…3000.0")
        }
        // A long mantissa within range still reads, through Double(String).
        let year = try EPWReader.parse(
            syntheticEPW { $0[8] = "2001,1,1,1,60,x,20.0,10.0,53.0000000000000000000001,101325" }, fileName: "s.epw")
        #expect(year.relativeHumidity[0] == .percent(53))
    }
}
