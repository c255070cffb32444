// swift-tools-version: 6.1
import PackageDescription

// Release builds are compiled for the processor of the machine that builds them (its vector
// width: AVX-512 on this project's machine, where the default target is SSE2, two doubles at a
// time). The engine's loops over a chunk's draws are that much wider: a million draws of the
// baseline in 13 % less time, measured side by side. The figures do not change: additions,
// multiplications, divisions and square roots are exactly rounded at any width, the compiler
// neither fuses a multiplication into an addition nor reorders a sum unless told to, and the
// C library picks its own mathematical functions by processor either way (`.ci/run` checks
// that the release build answers byte for byte as the debug build). The cost: a release
// binary runs only on a processor with the instructions of the one that built it; build it
// where it runs (debug builds and tests keep the portable default).
let hostProcessor: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "native"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
  name: "plan",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "plan", targets: ["plan"]),
    .executable(name: "plan-bench", targets: ["plan-bench"]),
    .library(name: "Planner", targets: ["Planner"]),
    .library(name: "Scenarios", targets: ["Scenarios"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
    // SHA-256 of the report's input files (the fingerprints that let a figure be reproduced).
    .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    // The committee's web app (`plan serve`).
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    // Reading the cases of `plan cost --cases FILE.csv`.
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
  ],
  targets: [
    // MARK: - Public API
    .target(
      name: "Planner",
      dependencies: [
        "COpenBLAS", .product(name: "Yams", package: "Yams"), .product(name: "RealModule", package: "swift-numerics"),
        // SHA-256 of what a kept compiled form was made from (Cache/CompiledForms).
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      exclude: ["LinearAlgebra/COpenBLAS"],
      // The message catalogues, one file per language (Localization/Catalogues/*.yaml): the
      // words of the engine's diagnostics and of the domain's outputs, in one place.
      resources: [.copy("Localization/Catalogues")],
      swiftSettings: hostProcessor
    ),
    .target(
      name: "Scenarios",
      dependencies: [
        "Planner", "CXLSXWriter", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CSV", package: "CSV.swift"),
      ],
      exclude: ["Spreadsheet/CXLSXWriter"],
      swiftSettings: hostProcessor
    ),
    .executableTarget(
      name: "plan",
      dependencies: [
        "Scenarios", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"),
      ],
      // The web app's OpenAPI document and its page script, served as they are.
      resources: [.copy("Web/Assets")],
      // A release build links the Swift runtime and Foundation into the executable (what
      // `swift build --static-swift-stdlib` does, here for every release build): the dynamic
      // linker's symbol look-ups and relocations of a dozen Swift libraries took a fifth of a
      // short command (`plan cost` for 45 cases 61 → 47 ms, `plan --version` 23 → 13 ms,
      // medians measured side by side). Debug builds and tests keep the shared libraries. The
      // flag is also given to the compiler: this module's objects then name the static
      // libraries Foundation needs (CoreFoundation, its ICU) for the linker.
      // Linked as a position-dependent executable (`-no-pie`): a position-independent one had
      // 117,000 relocations for the loader to apply to the Swift metadata at every start,
      // writing to every page of it (48.7 → 43.9 ms; `plan --version` 17.5 → 12.2 ms). The
      // cost: the executable's own code is always at the same address (the shared libraries
      // still move), a weaker defence for `plan serve`, which listens on this machine only
      // unless given a host, and then asks for its token.
      swiftSettings: hostProcessor + [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
      linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))]
    ),
    .executableTarget(
      name: "plan-bench",
      dependencies: ["Planner", "Scenarios"],
      path: "Benchmarks/plan-bench",
      swiftSettings: hostProcessor
    ),
    // Fuzz targets (Fuzz/README.md): libFuzzer with -DFUZZING, corpus replayers without.
    .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"),
    .executableTarget(name: "plan-fuzz-formula", dependencies: ["Planner", "FuzzSupport"], path: "Fuzz/plan-fuzz-formula"),
    .executableTarget(name: "plan-fuzz-scenario", dependencies: ["Planner", "Scenarios", "FuzzSupport"], path: "Fuzz/plan-fuzz-scenario"),

    // MARK: - Implementation details
    // OpenBLAS, quarantined: only Sources/Planner/LinearAlgebra imports it (its function
    // types); the library is loaded at its first use (LinearAlgebra/OpenBLAS.swift).
    .systemLibrary(
      name: "COpenBLAS",
      path: "Sources/Planner/LinearAlgebra/COpenBLAS",
      providers: [.apt(["libopenblas0"])]
    ),

    // libxlsxwriter, quarantined: only Sources/Scenarios/Spreadsheet imports it.
    .systemLibrary(
      name: "CXLSXWriter",
      path: "Sources/Scenarios/Spreadsheet/CXLSXWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),

    // MARK: - Unit test bundles
    // What the test targets share: folders, fixture listing, tolerances, the plan executable.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "PlannerTests",
      dependencies: ["Planner", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
      exclude: ["Fixtures"]
    ),
    .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "planTests", dependencies: ["plan", "TestSupport"], exclude: ["Snapshots", "Malformed"]),
  ]
)
