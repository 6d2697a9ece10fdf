// swift-tools-version:6.0
// a64emu: an AArch64 instruction-level emulator with caches and TLBs that keep
// stale entries exactly as the architecture allows. Layers (DESIGN.md), bottom up:
//   CLibElf -> ELF;  CLibFDT;  Memory -> A64 -> Machine -> Debugger -> a64emu
import PackageDescription

let optimize: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-wmo", "-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "a64emu",
    products: [
        .executable(name: "a64emu", targets: ["a64emu"]),
        // For Fuzz/Package.swift (libFuzzer targets, `make fuzz`): the
        // debugger library, whose FuzzEntry drives every untrusted input.
        .library(name: "A64EmuDebugger", targets: ["Debugger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibElf", pkgConfig: "libelf", providers: [.apt(["libelf-dev"])]),
        .target(name: "ELF", dependencies: ["CLibElf"]),
        // libfdt (device trees). Debian's libfdt-dev ships no libfdt.pc, so
        // the module map names the header (/usr/include) and `link "fdt"`.
        .systemLibrary(name: "CLibFDT", providers: [.apt(["libfdt-dev"])]),
        .target(name: "Memory", swiftSettings: optimize),
        // The interpreter's loop: LLVM copies its dispatch (the next slot,
        // the jump through the table) into the tail of every case, so each
        // case's jump is predicted on its own. By default it copies no block
        // with more than 16 predecessors and 16 successors; the dispatch has
        // one per operation (Execute/Interpreter.swift).
        .target(name: "A64", dependencies: ["Memory"], swiftSettings: optimize + [
            .unsafeFlags(["-Xllvm", "-tail-dup-pred-size=2000", "-Xllvm", "-tail-dup-succ-size=2000"],
                         .when(configuration: .release)),
        ]),
        .target(name: "Machine", dependencies: ["A64", "Memory", "ELF", "CLibFDT"], swiftSettings: optimize),
        // The debugger: disassembly, symbols, the console, traces, the GDB stub.
        // libdw (elfutils): DWARF line tables for the debugger's source lines.
        .systemLibrary(name: "CLibDW", pkgConfig: "libdw", providers: [.apt(["libdw-dev"])]),
        // libedit: the console's line editing and history.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "Debugger", dependencies: ["Machine", "A64", "Memory", "ELF", "CLibDW", "CLibEdit"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .executableTarget(name: "a64emu", dependencies: [
            "Debugger", "Machine", "A64", "Memory", "ELF",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ELFTests", dependencies: ["ELF"]),
        .testTarget(name: "MemoryTests", dependencies: ["Memory"]),
        .testTarget(name: "A64Tests", dependencies: ["A64", "Memory"]),
        .testTarget(name: "MachineTests", dependencies: ["Machine", "A64", "Memory", "ELF", "CLibFDT"]),
        .testTarget(name: "DebuggerTests", dependencies: ["Debugger", "A64", "Machine"]),
        .testTarget(name: "a64emuTests", dependencies: ["a64emu"]),
    ],
    swiftLanguageModes: [.v5]
)
