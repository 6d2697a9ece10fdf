// swift-tools-version:6.0
// The libFuzzer targets of a64emu, one per untrusted input (`make fuzz`,
// Fuzz/README.md). A package of its own, so that the main build never sees
// the fuzzer flags; it links the main package's Debugger library, whose
// FuzzEntry (Sources/Debugger/Fuzz/FuzzEntry.swift) is what each target
// and the corpus replay test call. Build (debug, so that the main package's
// release-only -Ounchecked stays off and overflow and bounds checks trap,
// optimised all the same):
//   swift build -c debug -Xswiftc -O -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "a64emu-fuzz",
    dependencies: [
        .package(name: "a64emu", path: ".."),
    ],
    targets: [
        // `<Target>_main` for debug builds (see FuzzDriver.c).
        .target(name: "FuzzDriver"),
    ] + ["ELFFuzz", "SemihostingFuzz", "GDBFuzz", "ConsoleFuzz"].map {
        .executableTarget(name: $0, dependencies: ["FuzzDriver", .product(name: "A64EmuDebugger", package: "a64emu")])
    },
    swiftLanguageModes: [.v5]
)
