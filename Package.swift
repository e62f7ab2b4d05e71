// swift-tools-version: 6.0
//
// Samspil: a discrete-event simulator of cross-sector patient flow.
// The folder tree is the architecture:
//   Sources/SamspilEngine  — the discrete-event engine (no knowledge of patients)
//   Benchmarks/            — release-mode benchmark executables
//   Tests/                 — unit, validation and end-to-end tests
import PackageDescription

let package = Package(
    name: "Samspil",
    products: [
        .library(name: "SamspilEngine", targets: ["SamspilEngine"]),
        .library(name: "SamspilScenario", targets: ["SamspilScenario"]),
    ],
    targets: [
        .target(
            name: "SamspilEngine",
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "engine-bench",
            dependencies: ["SamspilEngine"],
            path: "Benchmarks/EngineBench"
        ),
        .testTarget(name: "SamspilEngineTests", dependencies: ["SamspilEngine"]),
        .target(name: "SamspilScenario", path: "Sources/SamspilScenario"),
        .testTarget(name: "SamspilScenarioTests", dependencies: ["SamspilScenario"]),
    ]
)
