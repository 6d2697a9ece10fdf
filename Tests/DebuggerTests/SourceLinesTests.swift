import XCTest
import Foundation
@testable import Debugger

/// SourceLines on a small AArch64 ELF built here with the clang and ld.lld
/// that ship with Swift: an assembly file whose line table is written out
/// with .loc directives (so every row is known: two rows at one address, a
/// line-0 row, a non-statement row, a second sequence after a gap) and a C
/// file compiled with -g (DWARF 4, a relative directory, and a function
/// --gc-sections discards, whose sequence lld moves to address 0).
final class SourceLinesTests: XCTestCase {
    /// The assembly, linked at 0x40080000: f in .text, g in .text.g (64-byte
    /// aligned, so no row covers 0x40080020..0x4008003f).
    static let assembly = """
        \t.text
        \t.globl\tf
        \t.p2align 2
        \t.file\t1 "/src/dir/main.c"
        \t.file\t2 "/src/dir/sub/util.h"
        f:
        \t.loc\t1 10 0
        \tnop                          // 0x40080000 main.c:10
        \t.loc\t1 11 0
        \tnop                          // 0x40080004 main.c:11
        \t.loc\t1 12 0
        \t.loc\t1 13 0
        \tnop                          // 0x40080008 main.c:12 then 13: 13 covers it
        \t.loc\t2 5 0
        \tnop                          // 0x4008000c util.h:5
        \t.loc\t1 0 0
        \tnop                          // 0x40080010 main.c:0 (no source line)
        \t.loc\t1 11 0 is_stmt 0
        \tnop                          // 0x40080014 main.c:11, not a statement
        \t.loc\t1 11 0 is_stmt 1
        \tnop                          // 0x40080018 main.c:11
        \tret                          // 0x4008001c; the sequence ends at 0x40080020

        \t.section .text.g,"ax",@progbits
        \t.p2align 6
        \t.globl\tg
        g:
        \t.loc\t2 7 0
        \tnop                          // 0x40080040 util.h:7
        \tret                          // 0x40080044; the sequence ends at 0x40080048

        """

    /// The C file (sub/t.c): `unused` goes (--gc-sections), `h` follows g
    /// at 0x40080048.
    static let c = """
        int unused(int a) {
          return a * 7;
        }

        int h(int a) {
          int b = a * 3;
          return b + 1;
        }

        """

    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("a64emu-lines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Builds the test ELF (and, with `debug: false`, the same program
    /// without DWARF); returns its path.
    func build(debug: Bool = true) throws -> String {
        guard let clang = Self.tool("clang"), Self.tool("ld.lld") != nil else {
            throw XCTSkip("clang or ld.lld not found beside swift")
        }
        try Self.assembly.write(to: dir.appendingPathComponent("locs.s"), atomically: true, encoding: .utf8)
        try Self.c.write(to: dir.appendingPathComponent("sub/t.c"), atomically: true, encoding: .utf8)
        let target = ["--target=aarch64-none-elf", "-nostdlib"]
        try Self.run(clang, target + ["-c", "locs.s", "-o", "locs.o"], in: dir)
        try Self.run(clang, target + ["-ffreestanding", "-g", "-gdwarf-4", "-O0", "-ffunction-sections",
                                      "-c", "sub/t.c", "-o", "t.o"], in: dir)
        let out = debug ? "lines.elf" : "nodebug.elf"
        try Self.run(clang, target + ["-fuse-ld=lld", "-Wl,-e,f", "-Wl,-u,g", "-Wl,-u,h", "-Wl,--gc-sections",
                                      "-Wl,-Ttext=0x40080000", "-Wl,--build-id=none"]
                     + (debug ? [] : ["-Wl,--strip-debug"]) + ["locs.o", "t.o", "-o", out], in: dir)
        return dir.appendingPathComponent(out).path
    }

    func at(_ lines: SourceLines, _ address: UInt64) -> String? {
        lines.location(of: address).map { "\($0.file):\($0.line)" }
    }

    func testRowsOfTheAssemblySequence() throws {
        let lines = try XCTUnwrap(SourceLines(path: try build()))
        XCTAssertEqual(at(lines, 0x4008_0000), "/src/dir/main.c:10")
        XCTAssertEqual(at(lines, 0x4008_0002), "/src/dir/main.c:10", "an address inside an instruction")
        XCTAssertEqual(at(lines, 0x4008_0004), "/src/dir/main.c:11")
        XCTAssertEqual(at(lines, 0x4008_0008), "/src/dir/main.c:13", "the last of two rows at one address")
        XCTAssertEqual(at(lines, 0x4008_000C), "/src/dir/sub/util.h:5")
        XCTAssertEqual(at(lines, 0x4008_0010), "/src/dir/main.c:0", "a line-0 row: no source line")
        XCTAssertEqual(at(lines, 0x4008_0014), "/src/dir/main.c:11", "a non-statement row still has a line")
        XCTAssertEqual(at(lines, 0x4008_0018), "/src/dir/main.c:11")
        XCTAssertEqual(at(lines, 0x4008_001C), "/src/dir/main.c:11")
    }

    func testSequenceEndsAndGaps() throws {
        let lines = try XCTUnwrap(SourceLines(path: try build()))
        XCTAssertNil(at(lines, 0x4007_FFFC), "below the first row")
        XCTAssertNil(at(lines, 0x4008_0020), "the end of f's sequence")
        XCTAssertNil(at(lines, 0x4008_003C), "the gap before g")
        XCTAssertEqual(at(lines, 0x4008_0040), "/src/dir/sub/util.h:7")
        XCTAssertEqual(at(lines, 0x4008_0044), "/src/dir/sub/util.h:7")
        XCTAssertNil(at(lines, 0x4008_0070), "the end of h's sequence")
        XCTAssertNil(at(lines, 0xFFFF_FFFF_FFFF_FFFF))
    }

    func testCompiledC() throws {
        let lines = try XCTUnwrap(SourceLines(path: try build()))
        // DWARF 4 names sub/t.c by the relative directory "sub"; it is
        // joined to the compilation directory.
        let t = dir.resolvingSymlinksInPath().appendingPathComponent("sub/t.c").path
        let file = try XCTUnwrap(lines.files.first { lines.shortName($0) == "t.c" })
        XCTAssertTrue(file.hasPrefix("/") && file.hasSuffix("/sub/t.c"), file)
        XCTAssertTrue([t, dir.appendingPathComponent("sub/t.c").path].contains(file), file)
        XCTAssertEqual(at(lines, 0x4008_0048), "\(file):5", "h's first instruction: its opening line")
        let six = lines.addresses(file: "t.c", line: 6), seven = lines.addresses(file: "t.c", line: 7)
        XCTAssertEqual(six.count, 1)
        XCTAssertEqual(seven.count, 1)
        for a in six { XCTAssertEqual(at(lines, a), "\(file):6") }
        for a in seven { XCTAssertEqual(at(lines, a), "\(file):7") }
        XCTAssertLessThan(six[0], seven[0])
        XCTAssertTrue((0x4008_0048..<0x4008_0070).contains(six[0]))
        // `unused` was discarded: its rows (moved to address 0) are gone.
        XCTAssertEqual(lines.addresses(file: "t.c", line: 2), [])
        XCTAssertNil(at(lines, 0))
        XCTAssertNil(at(lines, 8))
    }

    func testAddressesOfALine() throws {
        let lines = try XCTUnwrap(SourceLines(path: try build()))
        XCTAssertEqual(lines.addresses(file: "main.c", line: 10), [0x4008_0000])
        XCTAssertEqual(lines.addresses(file: "main.c", line: 11), [0x4008_0004, 0x4008_0018],
                       "statement rows only (not the is_stmt 0 row at 0x40080014)")
        XCTAssertEqual(lines.addresses(file: "main.c", line: 13), [0x4008_0008])
        XCTAssertEqual(lines.addresses(file: "util.h", line: 7), [0x4008_0040])
        XCTAssertEqual(lines.addresses(file: "/src/dir/main.c", line: 10), [0x4008_0000], "a whole path")
        XCTAssertEqual(lines.addresses(file: "sub/util.h", line: 5), [0x4008_000C], "trailing components")
        XCTAssertEqual(lines.addresses(file: "ub/util.h", line: 5), [], "components, not characters")
        XCTAssertEqual(lines.addresses(file: "/elsewhere/main.c", line: 10), [])
        XCTAssertEqual(lines.addresses(file: "main.c", line: 99), [])
        XCTAssertEqual(lines.addresses(file: "main.c", line: 0), [])
        XCTAssertEqual(lines.addresses(file: "nosuch.c", line: 10), [])
    }

    func testShortName() throws {
        let lines = try XCTUnwrap(SourceLines(path: try build()))
        XCTAssertEqual(lines.shortName("/src/a64emu/guests/hypervisor/Sources/Exits.swift"), "Exits.swift")
        XCTAssertEqual(lines.shortName("Exits.swift"), "Exits.swift")
        XCTAssertTrue(lines.files.contains("/src/dir/main.c"))
        XCTAssertTrue(lines.files.contains("/src/dir/sub/util.h"))
    }

    func testFilesWithoutLineTables() throws {
        XCTAssertNil(SourceLines(path: try build(debug: false)), "an ELF file without DWARF")
        XCTAssertNil(SourceLines(path: dir.appendingPathComponent("sub/t.c").path), "not an ELF file")
        XCTAssertNil(SourceLines(path: dir.path), "a directory")
        XCTAssertNil(SourceLines(path: dir.appendingPathComponent("missing.elf").path))
        let empty = dir.appendingPathComponent("empty.elf")
        FileManager.default.createFile(atPath: empty.path, contents: Data())
        XCTAssertNil(SourceLines(path: empty.path))
    }

    @discardableResult
    static func run(_ tool: String, _ args: [String], in directory: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw NSError(domain: tool, code: Int(p.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "\(tool) \(args.joined(separator: " ")): \(errors)"])
        }
        return text
    }

    /// A tool beside `swift` on PATH (the toolchain's clang, ld.lld).
    static func tool(_ name: String) -> String? {
        guard let path = ProcessInfo.processInfo.environment["PATH"] else { return nil }
        for dir in path.split(separator: ":") {
            let swift = URL(fileURLWithPath: String(dir)).appendingPathComponent("swift")
            if FileManager.default.fileExists(atPath: swift.path) {
                let tool = swift.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: tool.path) { return tool.path }
            }
        }
        return nil
    }
}
