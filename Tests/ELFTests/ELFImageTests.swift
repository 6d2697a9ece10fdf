import ELF
import Foundation
import XCTest

final class ELFImageTests: XCTestCase {
    let ram: [ClosedRange<UInt64>] = [0x4000_0000...0x4FFF_FFFF]

    /// Parses `bytes` and returns the error it must throw.
    func parseError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> ELFError? {
        do {
            _ = try ELFImage.parse(bytes: bytes, path: "guest.elf")
            XCTFail("parsed a file that should have been rejected", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    // MARK: valid files

    func testValidExecutable() throws {
        let image = try ELFImage.parse(bytes: ELFBuilder.sample().build(), path: "guest.elf")
        XCTAssertEqual(image.path, "guest.elf")
        XCTAssertEqual(image.entry, 0x4008_0000)
        XCTAssertEqual(image.segments.count, 2)
        let code = image.segments[0], data = image.segments[1]
        XCTAssertEqual(code.physicalAddress, 0x4008_0000)
        XCTAssertEqual(code.virtualAddress, 0x4008_0000)
        XCTAssertEqual(code.data, [0x00, 0x00, 0x80, 0xD2, 0x20, 0x00, 0x00, 0x94, 0xC0, 0x03, 0x5F, 0xD6])
        XCTAssertEqual(code.memorySize, 12)
        XCTAssertEqual(code.flags, 5)
        XCTAssertEqual(data.data, [1, 2, 3, 4, 5, 6, 7, 8])
        XCTAssertEqual(data.memorySize, 0x1000) // .bss beyond the 8 file bytes
        XCTAssertEqual(data.flags, 6)
        XCTAssertNoThrow(try checkSegments(image, fitIn: ram))

        // Mapping ($x) and file symbols are left out; sorted by address.
        XCTAssertEqual(image.symbols.map(\.name), ["_start", "main", "counter"])
        XCTAssertEqual(image.symbol(named: "main"),
                       ELFSymbol(name: "main", value: 0x4008_0004, size: 8, isFunction: true))
        XCTAssertEqual(image.symbol(named: "counter")?.isFunction, false)
        XCTAssertNil(image.symbol(named: "$x"))
        XCTAssertNil(image.symbol(named: "missing"))
    }

    func testSymbolize() throws {
        let image = try ELFImage.parse(bytes: ELFBuilder.sample().build(), path: "guest.elf")
        func sym(_ a: UInt64) -> String? { image.symbolize(a).map { "\($0.name)+\($0.offset)" } }
        XCTAssertEqual(sym(0x4008_0000), "_start+0")  // size-0 label, nearest below
        XCTAssertEqual(sym(0x4008_0004), "main+0")
        XCTAssertEqual(sym(0x4008_000B), "main+7")
        XCTAssertEqual(sym(0x4009_0004), "counter+4")
        XCTAssertNil(sym(0x4009_0008))                // past counter's 8 bytes
        XCTAssertNil(sym(0x1000))                     // below every symbol
    }

    func testSymbolizeInnermost() {
        let image = ELFImage(path: "x", entry: 0, segments: [], symbols: [
            ELFSymbol(name: "outer", value: 0x100, size: 0x100, isFunction: true),
            ELFSymbol(name: "inner", value: 0x140, size: 0x10, isFunction: true),
            ELFSymbol(name: "label", value: 0x300, size: 0, isFunction: false),
        ])
        XCTAssertEqual(image.symbolize(0x144)?.name, "inner")
        XCTAssertEqual(image.symbolize(0x150)?.name, "outer") // after inner ends, still in outer
        XCTAssertEqual(image.symbolize(0x150)?.offset, 0x50)
        XCTAssertNil(image.symbolize(0x200))
        XCTAssertEqual(image.symbolize(0x310)?.offset, 0x10)
    }

    func testPositionIndependentExecutableIsLoadedAtLinkedAddresses() throws {
        var b = ELFBuilder.sample()
        b.type = 3 // ET_DYN
        let image = try ELFImage.parse(bytes: b.build(), path: "pie.elf")
        XCTAssertEqual(image.segments[0].physicalAddress, 0x4008_0000)
    }

    func testLoadFromFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("elftests-\(getpid()).elf")
        try Data(ELFBuilder.sample().build()).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let image = try ELFImage.load(path: url.path)
        XCTAssertEqual(image.entry, 0x4008_0000)
        XCTAssertEqual(image.path, url.path)
    }

    // MARK: files that cannot be opened or are not AArch64 ELF64 executables

    func testMissingFile() {
        XCTAssertThrowsError(try ELFImage.load(path: "/nonexistent/guest.elf")) { error in
            guard case .cannotOpen(let path, _) = error as? ELFError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "/nonexistent/guest.elf")
            XCTAssertEqual("\(error)", "a64emu: /nonexistent/guest.elf: cannot open file: No such file or directory")
        }
    }

    func testDirectoryCannotBeRead() {
        XCTAssertThrowsError(try ELFImage.load(path: "/")) { error in
            guard case .cannotRead = error as? ELFError else { return XCTFail("\(error)") }
        }
    }

    func testEmptyFile() {
        XCTAssertEqual(parseError([]), .emptyFile(path: "guest.elf"))
        XCTAssertEqual(parseError([])?.description, "a64emu: guest.elf: empty file")
    }

    func testNotELF() {
        XCTAssertEqual(parseError(Array("#!/bin/sh\necho hi\n".utf8)), .notELF(path: "guest.elf"))
        XCTAssertEqual(parseError([0x7F, 0x45, 0x4C, 0x00]), .notELF(path: "guest.elf"))
    }

    func testTruncatedHeader() {
        let bytes = ELFBuilder.sample().build()
        for length in [1, 3, 4, 5, 16, 40, 63] {
            guard case .truncated = parseError(Array(bytes.prefix(length))) else {
                return XCTFail("length \(length)")
            }
        }
        XCTAssertEqual(parseError(Array(bytes.prefix(40)))?.description,
                       "a64emu: guest.elf: truncated file: the ELF header extends past the end of the file")
    }

    func testX86_64() {
        var b = ELFBuilder.sample()
        b.machine = 62 // EM_X86_64
        XCTAssertEqual(parseError(b.build()), .wrongMachine(path: "guest.elf", machine: 62))
        XCTAssertEqual(parseError(b.build())?.description,
                       "a64emu: guest.elf: not an AArch64 ELF file (machine is x86-64)")
    }

    func test32BitELF() {
        var b = ELFBuilder.sample()
        b.elfClass = 1 // ELFCLASS32
        XCTAssertEqual(parseError(b.build()), .wrongClass(path: "guest.elf", found: "32-bit"))
        XCTAssertEqual(parseError(b.build())?.description,
                       "a64emu: guest.elf: not a 64-bit ELF file (class is 32-bit)")
    }

    func testBigEndian() {
        var b = ELFBuilder.sample()
        b.dataEncoding = 2 // ELFDATA2MSB
        XCTAssertEqual(parseError(b.build()), .notLittleEndian(path: "guest.elf"))
    }

    func testRelocatableObjectIsRejected() {
        var b = ELFBuilder.sample()
        b.type = 1 // ET_REL
        XCTAssertEqual(parseError(b.build()), .unsupportedType(path: "guest.elf", type: 1))
    }

    // MARK: bad program headers

    func testSegmentBeyondEndOfFile() {
        var bytes = ELFBuilder.sample().build()
        patch64(&bytes, at: 64 + 56 + 32, 0x10_0000)   // second Phdr's p_filesz
        patch64(&bytes, at: 64 + 56 + 40, 0x10_0000)   // and p_memsz
        XCTAssertEqual(parseError(bytes), .truncated(path: "guest.elf", what: "the PT_LOAD segment at 0x40090000"))

        var wrapping = ELFBuilder.sample().build()
        patch64(&wrapping, at: 64 + 8, UInt64.max - 4)  // first Phdr's p_offset: offset + size wraps
        guard case .truncated = parseError(wrapping) else { return XCTFail() }
    }

    func testTruncatedFile() {
        let bytes = ELFBuilder.sample().build()
        // Cut inside the section headers, then inside the program headers.
        guard case .truncated(_, let what) = parseError(Array(bytes.dropLast(10))) else { return XCTFail() }
        XCTAssertEqual(what, "the section header table")
        var noSections = Array(bytes.prefix(64 + 56 + 20))
        patch64(&noSections, at: 40, 0) // e_shoff = 0: no section header table
        guard case .truncated(_, let what2) = parseError(noSections) else { return XCTFail() }
        XCTAssertEqual(what2, "the program header table")
    }

    func testOverlappingSegments() {
        var b = ELFBuilder.sample()
        b.segments[0].memsz = 0x2000
        b.segments[1].paddr = 0x4008_1000
        b.segments[1].vaddr = 0x4008_1000
        XCTAssertEqual(parseError(b.build()),
                       .overlappingSegments(path: "guest.elf", first: 0x4008_0000, second: 0x4008_1000))
        // Touching is fine.
        b.segments[1].paddr = 0x4008_2000
        b.segments[1].vaddr = 0x4008_2000
        XCTAssertNoThrow(try ELFImage.parse(bytes: b.build(), path: "guest.elf"))
    }

    func testMemorySizeBelowFileSize() {
        var b = ELFBuilder.sample()
        b.segments[1].memsz = 4
        XCTAssertEqual(parseError(b.build()), .memorySizeBelowFileSize(
            path: "guest.elf", address: 0x4009_0000, memorySize: 4, fileSize: 8))
    }

    func testNoLoadableSegment() {
        var b = ELFBuilder.sample()
        b.segments = b.segments.map { var s = $0; s.type = 4; return s } // PT_NOTE
        XCTAssertEqual(parseError(b.build()), .noLoadableSegment(path: "guest.elf"))
        b.segments = []
        XCTAssertEqual(parseError(b.build()), .noLoadableSegment(path: "guest.elf"))
    }

    func testSegmentWrappingTheAddressSpace() {
        var b = ELFBuilder.sample()
        b.segments[1].paddr = 0xFFFF_FFFF_FFFF_F000
        b.segments[1].memsz = 0x2000
        guard case .malformed = parseError(b.build()) else { return XCTFail() }
    }

    // MARK: checkSegments

    func testSegmentOutsideRAM() throws {
        var b = ELFBuilder.sample()
        b.segments[1].paddr = 0x5000_0000
        let image = try ELFImage.parse(bytes: b.build(), path: "guest.elf")
        XCTAssertThrowsError(try checkSegments(image, fitIn: ram)) { error in
            XCTAssertEqual(error as? ELFError,
                           .segmentOutsideMemory(path: "guest.elf", address: 0x5000_0000, size: 0x1000))
            XCTAssertEqual("\(error)", "a64emu: guest.elf: PT_LOAD segment at 0x50000000 of size 0x1000 "
                           + "lies outside the emulated RAM")
        }
        XCTAssertNoThrow(try checkSegments(image, fitIn: ram + [0x5000_0000...0x5000_0FFF]))

        // Straddling the end of RAM: the start fits, the .bss does not.
        b.segments[1].paddr = 0x4FFF_F800
        let straddling = try ELFImage.parse(bytes: b.build(), path: "guest.elf")
        XCTAssertThrowsError(try checkSegments(straddling, fitIn: ram))
        // Below RAM (the flash at 0).
        b.segments[1].paddr = 0
        XCTAssertThrowsError(try checkSegments(ELFImage.parse(bytes: b.build(), path: "guest.elf"), fitIn: ram))
        // Ending exactly at the last byte of RAM.
        b.segments[1].paddr = 0x4FFF_F000
        XCTAssertNoThrow(try checkSegments(ELFImage.parse(bytes: b.build(), path: "guest.elf"), fitIn: ram))
    }

    // MARK: robustness

    /// Random mutations of a valid file must be parsed or rejected, never crash.
    func testRandomMutationsNeverCrash() {
        let valid = ELFBuilder.sample().build()
        var rng = SplitMix64(state: 0xA64E_0001)
        var parsed = 0, rejected = 0
        // ELF_FUZZ_ITERATIONS=1000000 swift test --filter Mutations, for a longer run.
        let iterations = ProcessInfo.processInfo.environment["ELF_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 5000
        for _ in 0..<iterations {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                // Half of the mutations hit the ELF and program headers, a quarter
                // the section headers at the end, where most checks are.
                let at: Int
                switch Int.random(in: 0..<4, using: &rng) {
                case 0, 1: at = Int.random(in: 0..<min(64 + 56 * 2, bytes.count), using: &rng)
                case 2: at = bytes.count - 1 - Int.random(in: 0..<min(4 * 64, bytes.count), using: &rng)
                default: at = Int.random(in: 0..<bytes.count, using: &rng)
                }
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
                case 2: bytes[at] = [0x00, 0xFF, 0x7F, 0x80][Int.random(in: 0..<4, using: &rng)]
                default: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
                }
                if bytes.isEmpty { break }
            }
            do {
                let image = try ELFImage.parse(bytes: bytes, path: "fuzz.elf")
                for s in image.segments { XCTAssertLessThanOrEqual(UInt64(s.data.count), s.memorySize) }
                _ = image.symbolize(UInt64.random(in: 0...UInt64.max, using: &rng))
                _ = image.symbolize(0x4008_0004)
                _ = try? checkSegments(image, fitIn: ram)
                parsed += 1
            } catch {
                XCTAssertFalse(error.description.isEmpty)
                rejected += 1
            }
        }
        XCTAssertGreaterThan(parsed, 0)
        XCTAssertGreaterThan(rejected, 0)
    }

    /// Every truncation of a valid file is either complete enough or rejected.
    func testEveryTruncation() {
        let valid = ELFBuilder.sample().build()
        for length in 0..<valid.count {
            XCTAssertThrowsError(try ELFImage.parse(bytes: Array(valid.prefix(length)), path: "cut.elf"))
        }
    }
}
