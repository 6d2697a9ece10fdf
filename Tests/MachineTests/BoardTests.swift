import XCTest
import Foundation
@testable import Machine
import A64
import ELF

/// The board: PL011 output, semihosting (SYS_WRITE0, SYS_EXIT with the
/// AArch64 parameter block), loading an image, and the semihosting root.
final class BoardTests: XCTestCase {
    // _start: adr x1, msg; mov w0, #4; hlt #0xf000        (SYS_WRITE0 "hi\n")
    //         mov x2, #'Z'; movz x3, #0x0900, lsl #16; strb w2, [x3]
    //         mov w2, #10; strb w2, [x3]                   (PL011: "Z\n")
    //         mov w0, #0x18; adr x1, block; hlt #0xf000   (SYS_EXIT, code 7)
    // msg: "hi\n"; block: .quad 0x20026, 7
    static let program: [UInt32] = [
        0x10000161, 0x52800080, 0xd45e0000, 0xd2800b42, 0xd2a12003, 0x39000062,
        0x52800142, 0x39000062, 0x52800300, 0x10000061, 0xd45e0000, 0x000a6968,
        0x00020026, 0x00000000, 0x00000007, 0x00000000,
    ]

    func image(_ words: [UInt32], at address: UInt64 = 0x4008_0000) -> ELFImage {
        var bytes: [UInt8] = []
        for w in words { withUnsafeBytes(of: w.littleEndian) { bytes += $0 } }
        let seg = ELFSegment(physicalAddress: address, virtualAddress: address, data: bytes,
                             memorySize: UInt64(bytes.count) + 64, flags: 5)
        return ELFImage(path: "test.elf", entry: address, segments: [seg], symbols: [])
    }

    func testSemihostingAndUARTShareOneOrderedConsole() throws {
        var config = Board.Configuration()
        config.ramSize = 16 << 20
        let board = Board(config, console: ConsoleOutput(capture: true))
        try GuestLoader.load(image(Self.program), into: board)
        let loop = RunLoop(board: board)
        XCTAssertEqual(loop.run(), .stopped(.guestExit(7)))
        XCTAssertEqual(board.console.capturedText, "hi\nZ\n")
        XCTAssertEqual(loop.instructions, 11)
    }

    func testLoaderZeroFillsBeyondFileSize() throws {
        var config = Board.Configuration()
        config.ramSize = 16 << 20
        let board = Board(config, console: ConsoleOutput(capture: true))
        try board.memory.write(0x4008_0000 + 64, size: 8, value: 0xFFFF)
        try GuestLoader.load(image(Self.program), into: board)
        XCTAssertEqual(try board.memory.read(0x4008_0000 + 64, size: 8), 0)
        XCTAssertEqual(board.cpus[0].pc, 0x4008_0000)
        XCTAssertEqual(board.cpus[0].register(0), 0, "x0 = 0: no device tree for an ELF")
    }

    func testSegmentOutsideRAMIsRejected() {
        var config = Board.Configuration()
        config.ramSize = 16 << 20
        let board = Board(config)
        XCTAssertThrowsError(try GuestLoader.load(image([0], at: 0x5000_0000), into: board))
    }

    func testSemihostingRootConfinesHostFiles() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("a64emu-root-\(UUID().uuidString)")
        let outside = fm.temporaryDirectory.appendingPathComponent("a64emu-outside-\(UUID().uuidString)")
        try fm.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root); try? fm.removeItem(at: outside) }
        try Data("in".utf8).write(to: root.appendingPathComponent("sub/in.txt"))
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try fm.createSymbolicLink(at: root.appendingPathComponent("escape"), withDestinationURL: outside)
        try fm.createSymbolicLink(at: root.appendingPathComponent("link.txt"),
                                  withDestinationURL: outside.appendingPathComponent("secret.txt"))

        let r = root.path
        XCTAssertNotNil(SemihostingPath.resolve("sub/in.txt", root: r, creating: false))
        XCTAssertNil(SemihostingPath.resolve("../" + outside.lastPathComponent + "/secret.txt", root: r, creating: false), "..")
        XCTAssertNil(SemihostingPath.resolve(outside.path + "/secret.txt", root: r, creating: false), "absolute")
        XCTAssertNil(SemihostingPath.resolve("escape/secret.txt", root: r, creating: false), "symlinked folder")
        XCTAssertNil(SemihostingPath.resolve("link.txt", root: r, creating: false), "symlinked file")
        XCTAssertNil(SemihostingPath.resolve("escape/new.txt", root: r, creating: true), "create through a symlink")
        XCTAssertNil(SemihostingPath.resolve("missing.txt", root: r, creating: false))
        XCTAssertNotNil(SemihostingPath.resolve("new.txt", root: r, creating: true))

        // Through the guest's SYS_OPEN: reading inside works, writing is
        // refused without --semihosting-writable, and escapes are refused.
        var config = SemihostingConfiguration()
        config.root = r
        let board = Board(Board.Configuration(), console: ConsoleOutput(capture: true))
        let sh = Semihosting(configuration: config, memory: board.memory, console: board.console)
        XCTAssertNotEqual(sh.open("sub/in.txt", mode: 0), Semihosting.failure)
        XCTAssertEqual(sh.open("new.txt", mode: 4), Semihosting.failure, "read-only root")
        XCTAssertEqual(sh.open("escape/secret.txt", mode: 0), Semihosting.failure)
        XCTAssertEqual(sh.open(":tt", mode: 4), 2, "console")
    }
}
