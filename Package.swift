// swift-tools-version: 6.1
// dcplan: power and cooling planning for AI data centres.
import PackageDescription

let package = Package(
    name: "dcplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dcplan", targets: ["dcplan"]),
        .library(name: "PlannerModel", targets: ["PlannerModel"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "PlannerRun", targets: ["PlannerRun"]),
        // The library for Swift programs: load, plan and read results without the CLI (README "Library use").
        .library(name: "DcplanKit", targets: ["DcplanKit"]),
        .executable(name: "dcplan-fuzz", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // Pure domain values: units, catalogue entry types, the typed site, results, findings.
        .target(name: "PlannerModel"),
        // Built-in equipment entries with provenance, and the utilisation → power curve fit.
        .target(name: "Catalogue", dependencies: ["PlannerModel"], exclude: ["README.md", "Data"]),
        // YAML → Site: Yams DTOs, two-phase loading, file:line:col diagnostics.
        .target(
            name: "SiteSpec",
            dependencies: ["PlannerModel", "Catalogue", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"]),
        // EPW weather files, psychrometrics and design conditions.
        .target(name: "Weather", dependencies: ["PlannerModel"], exclude: ["README.md"]),
        // GLPK, quarantined: module map + shim header only.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        // Domain-free LP/MILP values, the GLPK solver and MPS/LP export.
        .target(name: "LinearProgramming", dependencies: ["CGLPK"], exclude: ["README.md"]),
        // Physics and orchestration: Planner.plan(site) → Plan.
        .target(
            name: "PlannerEngine",
            dependencies: ["PlannerModel", "Catalogue", "Weather", "LinearProgramming"],
            exclude: ["README.md"]),
        // Markdown, CSV and JSON rendering of result values (no engine, no GLPK).
        .target(name: "PlannerReport", dependencies: ["PlannerModel"], exclude: ["README.md"]),
        // One run as data: loaded specs, plan → output files, sweeps with shards and merge, benchmarks.
        .target(
            name: "PlannerRun",
            dependencies: [
                "PlannerModel", "Catalogue", "SiteSpec", "Weather", "PlannerEngine", "PlannerReport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"]),
        // The command-line interface as a library, testable in-process: argv → PlannerRun calls.
        .target(
            name: "PlannerCLI",
            dependencies: [
                "PlannerModel", "PlannerRun", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]),
        .executableTarget(name: "dcplan", dependencies: ["PlannerCLI"]),
        // One import for library users: PlannerModel, PlannerRun and PlannerEngine, with `Dcplan.plan(specAt:)`.
        .target(
            name: "DcplanKit", dependencies: ["PlannerModel", "PlannerRun", "PlannerEngine"], exclude: ["README.md"]),
        // Library use without the CLI: plans a spec and prints three results (.ci/run runs it).
        .executableTarget(name: "PlanSummary", dependencies: ["DcplanKit"], path: "Examples/PlanSummary"),
        // libFuzzer entry point over the spec, EPW and sweep loaders (Scripts/fuzz); a replayer without the fuzzer.
        .executableTarget(
            name: "FuzzTargets", dependencies: ["SiteSpec", "Weather", "PlannerEngine"], exclude: ["README.md"]),
        // Approximate equality, fixtures, golden files, temporary folders, glpsol cross-checks (no CLI).
        .target(name: "_PlannerTestSupport", dependencies: ["PlannerModel"], exclude: ["README.md"]),

        .testTarget(name: "PlannerModelTests", dependencies: ["PlannerModel", "_PlannerTestSupport"]),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue", "_PlannerTestSupport"]),
        .testTarget(
            name: "WeatherTests", dependencies: ["Weather", "_PlannerTestSupport"], exclude: ["FuzzRegressions"]),
        .testTarget(
            name: "SiteSpecTests", dependencies: ["SiteSpec", "_PlannerTestSupport"], exclude: ["FuzzRegressions"]),
        .testTarget(
            name: "LinearProgrammingTests",
            dependencies: [
                "LinearProgramming", "_PlannerTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "PlannerEngineTests",
            dependencies: [
                "PlannerEngine", "SiteSpec", "_PlannerTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "PlannerReportTests",
            dependencies: ["PlannerReport", "PlannerEngine", "SiteSpec", "_PlannerTestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "PlannerRunTests",
            dependencies: ["PlannerRun", "PlannerEngine", "SiteSpec", "DcplanKit", "_PlannerTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "PlannerCLITests", dependencies: ["PlannerCLI", "_PlannerTestSupport"]),
    ]
)
