import Foundation
import PlannerEngine
import SiteSpec
import Weather

/// What one fuzz input is fed to, chosen by `DCPLAN_FUZZ_TARGET`.
enum FuzzTarget: String, CaseIterable {
    /// The bytes as a site spec: `SiteLoader.load(yaml:path:baseDirectory:)` from `Sites/`.
    case spec
    /// The bytes as an EPW weather file: `EPWReader.parse(_:fileName:)`, then the design
    /// conditions from its header and hours; also as a `.stat` file (`DesignConditions.fromStat`).
    case epw
    /// The bytes as a sweep spec: `SweepLoader.load(yaml:path:baseDirectory:)` from `Sites/sweeps/`,
    /// so the shipped sweeps' `base: ../x.yaml` finds its site spec.
    case sweep
    /// The bytes as a site spec that, when it loads, is also planned (placement and heat recovery
    /// off, which solve MILPs and LPs for seconds): design point, then the plant over the Seoul
    /// year when the spec names a weather file.
    case plan

    /// The target named by `DCPLAN_FUZZ_TARGET` (default `spec`); an unknown name stops the run.
    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["DCPLAN_FUZZ_TARGET"] ?? "spec"
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(
                Data("DCPLAN_FUZZ_TARGET=\(name): expected spec, epw, sweep or plan\n".utf8))
            exit(2)
        }
        return target
    }()

    /// `Sites/`: `DCPLAN_FUZZ_SITES`, or the repository's, found from this file's path.
    static let sites: String =
        ProcessInfo.processInfo.environment["DCPLAN_FUZZ_SITES"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sites").path

    /// Feeds one input to the target. Invalid UTF-8 is decoded lossily (U+FFFD), so every
    /// input reaches the YAML parser instead of stopping at the encoding check. Returns the
    /// number of findings (or 1 for an EPW error), for the reproducer's summary.
    @discardableResult
    func run(_ bytes: UnsafeRawBufferPointer) -> Int {
        switch self {
        case .spec:
            let yaml = String(decoding: bytes, as: UTF8.self)
            return SiteLoader().load(yaml: yaml, path: "fuzz.yaml", baseDirectory: Self.sites).findings.count
        case .epw:
            // The reader and the design conditions the engine takes from an EPW (the header's
            // line 2, the hours of a parsed year); the same bytes also go through the `.stat` reader.
            let array = [UInt8](bytes)
            _ = try? DesignConditions.fromStat(array, fileName: "fuzz.stat")
            let lines = array.split(separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: false)
            if lines.count > 1 {
                _ = DesignConditions.fromDesignConditionsHeader(String(decoding: lines[1], as: UTF8.self))
            }
            do {
                let year = try EPWReader.parse(array, fileName: "fuzz.epw")
                _ = DesignConditions.fromHours(year)
                return 0
            } catch {
                return 1
            }
        case .sweep:
            let yaml = String(decoding: bytes, as: UTF8.self)
            return SweepLoader().load(yaml: yaml, path: "fuzz.yaml", baseDirectory: Self.sites + "/sweeps").findings
                .count
        case .plan:
            let yaml = String(decoding: bytes, as: UTF8.self)
            let loaded = SiteLoader().load(yaml: yaml, path: "fuzz.yaml", baseDirectory: Self.sites)
            guard var site = loaded.site else { return loaded.findings.count }
            site.placement.enabled = false
            site.heatRecovery = nil
            let plan = Self.planner.plan(site, weather: site.weatherPath == nil ? nil : Self.seoul)
            return loaded.findings.count + plan.findings.count
        }
    }

    /// One planner for every input (its curve and chains are read-only).
    static let planner = Planner()

    /// The Seoul weather year, read once: every input with a weather file is planned over it
    /// (reading the input's own EPW per input would cost more than the plan).
    static let seoul: (year: WeatherYear, design: DesignConditions)? = {
        let epw = sites + "/weather/KOR_KG_Seoul-Seongnam.AP.471110_TMYx.2004-2018.epw"
        guard let year = try? EPWReader.read(path: epw),
            let design = try? DesignConditions.load(forEPWAt: epw, year: year)
        else { return nil }
        return (year, design)
    }()
}

/// The executable's entry point. With `-DFUZZING` (and `-sanitize=fuzzer`) it hands control to
/// libFuzzer; otherwise it replays the files (or every file in the folders) given as arguments
/// through the same target, one line each, so a crashing input reproduces under a debugger.
///
/// Why not libFuzzer's own `main`: on Linux SwiftPM links every executable with
/// `--defsym main=<module>_main` (so tests can link executables), which overrides the `main` that
/// `-sanitize=fuzzer` links in. So `main` here calls `LLVMFuzzerRunDriver`, libFuzzer's entry
/// for programs with their own `main`, found with `dlsym` (the build exports it with
/// `-Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver`; `Scripts/fuzz` does it).
@main
enum FuzzMain {
    static func main() {
        #if FUZZING
            runFuzzer()
        #else
            replay(CommandLine.arguments.dropFirst())
        #endif
    }

    #if FUZZING
        typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
        typealias Driver =
            @convention(c) (
                UnsafeMutablePointer<CInt>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                Callback
            ) -> CInt

        static func runFuzzer() {
            _ = FuzzTarget.current // an unknown DCPLAN_FUZZ_TARGET stops here, before fuzzing
            guard let symbol = dlsym(nil, "LLVMFuzzerRunDriver") else {
                FileHandle.standardError.write(
                    Data("dcplan-fuzz: LLVMFuzzerRunDriver is not exported; build with Scripts/fuzz\n".utf8))
                exit(2)
            }
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                unsafeBitCast(symbol, to: Driver.self)(&argc, &argv) { start, count in
                    FuzzTarget.current.run(UnsafeRawBufferPointer(start: start, count: count))
                    return 0
                })
        }
    #else
        static func replay(_ arguments: ArraySlice<String>) {
            guard !arguments.isEmpty else {
                print(
                    "usage: DCPLAN_FUZZ_TARGET=spec|epw|sweep|plan dcplan-fuzz FILE|DIR…  (replays inputs; "
                        + "Scripts/fuzz "
                        + "fuzzes)"
                )
                exit(2)
            }
            let target = FuzzTarget.current
            for argument in arguments {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory)
                let files =
                    isDirectory.boolValue
                    ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map {
                        (argument as NSString).appendingPathComponent($0)
                    }
                    : [argument]
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        print("\(file): cannot read")
                        exit(1)
                    }
                    let findings = data.withUnsafeBytes { target.run($0) }
                    print("\(file): \(target.rawValue): returned, \(findings) finding(s)")
                }
            }
        }
    #endif
}

#if FUZZING
    /// Required by the `main` that `-sanitize=fuzzer` links in (unused: see `FuzzMain`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        FuzzTarget.current.run(UnsafeRawBufferPointer(start: start, count: count))
        return 0
    }
#endif
