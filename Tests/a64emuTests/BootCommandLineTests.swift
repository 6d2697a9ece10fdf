import XCTest
import Foundation

/// `a64emu dumpdtb`, and `a64emu run` with raw binaries, Linux Images,
/// --append and --initrd: the files it boots and the ones it refuses (one
/// line on stderr, exit status 2).
final class BootCommandLineTests: XCTestCase {
    var emulator: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("a64emu")
    }
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("a64emu-boot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func run(_ args: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let p = Process()
        p.executableURL = emulator
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, o, String(decoding: e, as: UTF8.self))
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = tmp.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func words(_ w: [UInt32]) -> [UInt8] {
        var b: [UInt8] = []
        for x in w { withUnsafeBytes(of: x.littleEndian) { b += $0 } }
        return b
    }

    /// Exits through semihosting with status x0 >> 24 (the DTB's address
    /// divided by 16 MiB): lsr x2, x0, #24; adr x1, block; str x2, [x1, #8];
    /// mov w0, #0x18; hlt #0xf000; b .; block: .quad 0x20026, 0
    var exitWithX0: [UInt32] {
        [0xD358_FC02, 0x1000_00A1, 0xF900_0422, 0x5280_0300, 0xD45E_0000, 0x1400_0000, 0x0002_0026, 0, 0, 0]
    }

    /// A Linux arm64 Image header (code0 = b +64) before `body`.
    func image(textOffset: UInt64, imageSize: UInt64, flags: UInt64 = 2, body: [UInt32]) -> [UInt8] {
        var b = words([0x1400_0010, 0])
        for v in [textOffset, imageSize, flags, 0, 0, 0] { withUnsafeBytes(of: v.littleEndian) { b += $0 } }
        return b + words([0x644D_5241, 0] + body)
    }

    func assertBadInput(_ args: [String], mentions: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try run(args)
        XCTAssertEqual(r.status, 2, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line: \(r.stderr)", file: file, line: line)
        for m in mentions {
            XCTAssertTrue(r.stderr.contains(m), "\(r.stderr) should say '\(m)'", file: file, line: line)
        }
        XCTAssertEqual(r.stdout.count, 0, file: file, line: line)
    }

    func testDumpDTB() throws {
        let out = tmp.appendingPathComponent("virt.dtb").path
        let r = try run(["dumpdtb", out, "--smp", "4", "--el", "2", "--memory", "512M", "--append", "console=ttyAMA0"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        let dtb = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out)))
        XCTAssertEqual(Array(dtb.prefix(4)), [0xD0, 0x0D, 0xFE, 0xED], "FDT magic")
        XCTAssertEqual(Array(dtb[4..<8]), [0, 0x10, 0, 0], "totalsize 1 MiB, as QEMU's")
        XCTAssertEqual(dtb.count, 1 << 20)
        let text = String(decoding: dtb.map { $0 == 0 ? 10 : $0 }, as: UTF8.self)
        for s in ["console=ttyAMA0", "smc", "arm,gic-v3", "cpu@3", "memory@40000000", "/pl011@9000000"] {
            XCTAssertTrue(text.contains(s), "the DTB should hold \(s)")
        }
        XCTAssertFalse(text.contains("cpu@4"))

        // To standard output, with a kernel and an initrd.
        let kernel = try write("k.bin", words(exitWithX0))
        let initrd = try write("initrd.img", [UInt8](repeating: 7, count: 3000))
        let r2 = try run(["dumpdtb", "-", "--kernel", kernel, "--initrd", initrd])
        XCTAssertEqual(r2.status, 0, r2.stderr)
        XCTAssertEqual(r2.stdout.count, 1 << 20)
        XCTAssertTrue(String(decoding: r2.stdout.map { $0 == 0 ? 10 : $0 }, as: UTF8.self).contains("linux,initrd-start"))
    }

    func testDumpDTBBadInput() throws {
        try assertBadInput(["dumpdtb", tmp.appendingPathComponent("no/such/dir/x.dtb").path], mentions: ["cannot create"])
        try assertBadInput(["dumpdtb", tmp.appendingPathComponent("x.dtb").path, "--initrd",
                            tmp.appendingPathComponent("missing.img").path], mentions: ["missing.img", "cannot open"])
        let r = try run(["dumpdtb", tmp.appendingPathComponent("x.dtb").path, "--el", "3"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--el"), r.stderr)
    }

    func testRawBinaryAndImageGetTheDTBInX0() throws {
        // 256 MiB: the DTB at 0x4800_0000; 64 MiB: at 0x4200_0000.
        let rawKernel = try write("exit.bin", words(exitWithX0))
        XCTAssertEqual(try run(["run", rawKernel]).status, 0x48)
        XCTAssertEqual(try run(["run", "--memory", "64M", rawKernel]).status, 0x42)
        // With an initrd of 3000 bytes at 0x4800_0000 the DTB moves up to 0x4820_0000.
        let initrd = try write("initrd.img", [UInt8](repeating: 1, count: 3000))
        let r = try run(["run", "--initrd", initrd, "--append", "root=/dev/ram0", rawKernel])
        XCTAssertEqual(r.status, 0x48, r.stderr)
        // A Linux Image (text_offset 0x100000) runs from its header's code0 branch.
        let img = try write("Image", image(textOffset: 0x10_0000, imageSize: 0x1_0000, body: exitWithX0))
        XCTAssertEqual(try run(["run", img]).status, 0x48)
    }

    func testOversizedAndMalformedKernels() throws {
        // A raw binary larger than RAM: refused before it is read in full.
        let big = try write("big.bin", [UInt8](repeating: 0, count: 3 << 20))
        try assertBadInput(["run", "--memory", "2M", big], mentions: [big, "does not fit"])
        // An Image whose image_size runs past the end of RAM.
        let huge = try write("huge.Image", image(textOffset: 0x8_0000, imageSize: 1 << 30, body: [0x1400_0000]))
        try assertBadInput(["run", huge], mentions: [huge, "Linux Image", "does not fit"])
        // A big-endian Image.
        let be = try write("be.Image", image(textOffset: 0, imageSize: 0x1000, flags: 1, body: [0]))
        try assertBadInput(["run", be], mentions: [be, "big-endian"])
        // A directory, and an initrd that does not fit after the kernel.
        try assertBadInput(["run", tmp.path], mentions: [tmp.path, "directory"])
        let small = try write("k.bin", words([0x1400_0000]))
        let initrd = try write("big.cpio", [UInt8](repeating: 0, count: 6 << 20))
        try assertBadInput(["run", "--memory", "8M", "--initrd", initrd, small], mentions: [initrd, "initrd", "does not fit"])
        try assertBadInput(["run", "--initrd", tmp.appendingPathComponent("none.cpio").path, small],
                           mentions: ["none.cpio", "cannot open"])
    }
}
