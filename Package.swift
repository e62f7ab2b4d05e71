// swift-tools-version: 6.0
//
// Samspil: a discrete-event simulator of cross-sector patient flow.
// The folder tree is the architecture:
//   Sources/SamspilEngine    — the discrete-event engine (no knowledge of patients)
//   Sources/SamspilModel     — the domain: the pathway of an acute episode across sectors
//                              (Pathway/1-Arrival … 9-ReturnsAndOutcomes, one Monitor)
//   Sources/SamspilEconomics — incentive regimes: costs by provider, payers and transfers
//   Sources/SamspilScenario  — scenario files: JSON5, inheritance, validation, schema
//   Sources/SamspilReport    — results as tables, CSV, JSON and a self-contained HTML report
//   Sources/SamspilExperiment — experiments as a Swift API: run, compare, sweep, shard, merge
//   Sources/SamspilCommandLine — the commands (run, compare, sweep, validate, show, merge)
//   Sources/samspil          — the executable
//   Benchmarks/              — release-mode benchmark executables
//   Tests/                   — unit, validation and end-to-end tests
import PackageDescription
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Invariant checks (`SAMSPIL_CHECK_INVARIANTS`: the calendars' structure, the
/// model's bookkeeping) are compiled into every debug build — so `swift test`
/// runs with them — and compiled away in release builds.
let checked: [SwiftSetting] = [.define("SAMSPIL_CHECK_INVARIANTS", .when(configuration: .debug))]

/// The engine and the model are optimised (`-O`) in debug builds too, invariant
/// checks still compiled in (they are `precondition`s, which `-O` keeps): the
/// tests simulate millions of events, and unoptimised generic code runs them
/// 10–30 times slower (the suite took 163 s instead of 72 s). Set
/// `SAMSPIL_DEBUG_ONONE=1` to build them unoptimised, e.g. to step through the
/// model in a debugger. `-O` is an unsafe flag to SwiftPM, which refuses such
/// products in a *versioned* dependency; a package depending on Samspil by
/// version sets the variable as well (path and branch dependencies need not).
let optimisedInDebug: [SwiftSetting] = ProcessInfo.processInfo.environment["SAMSPIL_DEBUG_ONONE"] == nil
    ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : []

let package = Package(
    name: "Samspil",
    products: [
        .library(name: "SamspilEngine", targets: ["SamspilEngine"]),
        .library(name: "SamspilModel", targets: ["SamspilModel"]),
        .library(name: "SamspilEconomics", targets: ["SamspilEconomics"]),
        .library(name: "SamspilScenario", targets: ["SamspilScenario"]),
        .library(name: "SamspilReport", targets: ["SamspilReport"]),
        .library(name: "SamspilExperiment", targets: ["SamspilExperiment"]),
    ],
    targets: [
        .target(
            name: "SamspilEngine",
            swiftSettings: checked + optimisedInDebug,
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(name: "SamspilModel", dependencies: ["SamspilEngine"], swiftSettings: checked + optimisedInDebug),
        .target(name: "SamspilEconomics", dependencies: ["SamspilModel"]),
        .target(name: "SamspilScenario", dependencies: ["SamspilEconomics", "SamspilModel", "SamspilEngine"]),
        .target(name: "SamspilReport"),
        .target(
            name: "SamspilExperiment",
            dependencies: ["SamspilEngine", "SamspilModel", "SamspilScenario", "SamspilEconomics", "SamspilReport"]
        ),
        .target(
            name: "SamspilCommandLine",
            dependencies: ["SamspilExperiment", "SamspilEngine", "SamspilModel", "SamspilScenario", "SamspilEconomics", "SamspilReport"]
        ),
        .executableTarget(name: "samspil", dependencies: ["SamspilCommandLine"]),
        .executableTarget(
            name: "engine-bench",
            dependencies: ["SamspilEngine"],
            path: "Benchmarks/EngineBench"
        ),
        .executableTarget(
            name: "model-bench",
            dependencies: ["SamspilEngine", "SamspilModel", "SamspilScenario"],
            path: "Benchmarks/ModelBench"
        ),
        .testTarget(name: "SamspilEngineTests", dependencies: ["SamspilEngine"], swiftSettings: checked),
        .testTarget(name: "SamspilModelTests", dependencies: ["SamspilModel", "SamspilEngine"]),
        .testTarget(name: "SamspilEconomicsTests", dependencies: ["SamspilEconomics", "SamspilModel"]),
        .testTarget(name: "SamspilScenarioTests", dependencies: ["SamspilScenario"]),
        .testTarget(name: "SamspilReportTests", dependencies: ["SamspilReport"]),
        .testTarget(name: "SamspilExperimentTests",
                    dependencies: ["SamspilExperiment", "SamspilScenario", "SamspilReport", "SamspilModel", "SamspilEngine"]),
        .testTarget(name: "SamspilCommandLineTests", dependencies: ["SamspilCommandLine", "SamspilScenario", "SamspilReport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["SamspilReport"]),
    ]
)
