import XCTest
@testable import Machine
import A64
import ELF

/// KernelLoader: where an ELF, a Linux arm64 Image and a raw binary go, and
/// what the boot CPU starts with, as QEMU 7.2's -kernel on -M virt.
final class KernelLoaderTests: XCTestCase {
    static let ramBase: UInt64 = 0x4000_0000

    func board(ram: UInt64 = 256 << 20, cpus: Int = 1) -> Board {
        var config = Board.Configuration()
        config.ramSize = ram
        config.cpuCount = cpus
        return Board(config, console: ConsoleOutput(capture: true))
    }

    /// A raw program: `words` as little-endian bytes.
    func raw(_ words: [UInt32]) -> [UInt8] {
        var b: [UInt8] = []
        for w in words { withUnsafeBytes(of: w.littleEndian) { b += $0 } }
        return b
    }

    /// A Linux arm64 Image: the 64-byte header (code0 branches past it), then `body`.
    func image(textOffset: UInt64, imageSize: UInt64, flags: UInt64 = 0x2, body: [UInt32] = [0x1400_0000]) -> [UInt8] {
        var b = raw([0x1400_0010, 0])                              // b +64; code1
        for v in [textOffset, imageSize, flags, 0, 0, 0] { withUnsafeBytes(of: v.littleEndian) { b += $0 } }
        b += raw([KernelLoader.imageMagic, 0])
        XCTAssertEqual(b.count, 64)
        return b + raw(body)
    }

    /// A minimal ELF64 executable with one PT_LOAD of `code` at `address`.
    func elf(at address: UInt64, code: [UInt32] = [0x1400_0000]) -> [UInt8] {
        var b: [UInt8] = []
        func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { b += $0 } }
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { b += $0 } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { b += $0 } }
        b += [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 8)
        u16(2); u16(183); u32(1); u64(address); u64(64); u64(0)
        u32(0); u16(64); u16(56); u16(1); u16(64); u16(0); u16(0)
        let size = UInt64(code.count * 4)
        u32(1); u32(5); u64(120); u64(address); u64(address); u64(size); u64(size); u64(4)
        for w in code { u32(w) }
        return b
    }

    func word32BE(_ board: Board, _ address: UInt64) throws -> UInt32 {
        UInt32(try board.memory.read(address, size: 4)).byteSwapped
    }

    func assertEntryState(_ board: Board, pc: UInt64, x0: UInt64, file: StaticString = #filePath, line: UInt = #line) {
        let cpu = board.cpus[0]
        XCTAssertEqual(cpu.pc, pc, "pc", file: file, line: line)
        XCTAssertEqual(cpu.register(0), x0, "x0", file: file, line: line)
        for n in 1...3 { XCTAssertEqual(cpu.register(n), 0, "x\(n)", file: file, line: line) }
    }

    func testDetectionByContent() {
        XCTAssertEqual(KernelLoader.detect(elf(at: 0x4008_0000)), .elf)
        XCTAssertEqual(KernelLoader.detect(image(textOffset: 0x8_0000, imageSize: 0x1_0000, flags: 0xA)),
                       .linuxImage(textOffset: 0x8_0000, imageSize: 0x1_0000, flags: 0xA))
        XCTAssertEqual(KernelLoader.detect(raw([0x1400_0000])), .raw)
        XCTAssertEqual(KernelLoader.detect([0x7F, 0x45, 0x4C]), .raw, "too short for the ELF magic")
        let header = image(textOffset: 0, imageSize: 0)
        XCTAssertEqual(KernelLoader.detect(Array(header.prefix(60))), .linuxImage(textOffset: 0, imageSize: 0, flags: 2))
        XCTAssertEqual(KernelLoader.detect(Array(header.prefix(59))), .raw, "the magic cut short")
    }

    func testRawBinaryAtRAMBasePlus512KWithTheDTBAtX0() throws {
        for (ram, dtb): (UInt64, UInt64) in [(256 << 20, 0x4800_0000), (1 << 30, 0x4800_0000), (64 << 20, 0x4200_0000)] {
            let b = board(ram: ram)
            let program = raw([0xD358_FC02, 0x1400_0000])
            let layout = try KernelLoader.load(kernel: program, path: "k.bin", into: b)
            XCTAssertEqual(layout.kind, .raw)
            XCTAssertEqual(layout.kernel, 0x4008_0000..<0x4008_0008)
            XCTAssertEqual(layout.deviceTree?.lowerBound, dtb)
            assertEntryState(b, pc: 0x4008_0000, x0: dtb)
            XCTAssertEqual(try b.memory.readBytes(0x4008_0000, count: 8), program)
            XCTAssertEqual(try word32BE(b, dtb), 0xD00D_FEED, "the DTB magic at x0")
            let placed = try FlattenedDeviceTree(try b.memory.readBytes(dtb, count: DeviceTree.blobSize))
            XCTAssertEqual(placed.values64("reg", of: "/memory@40000000"), [Self.ramBase, ram])
        }
    }

    func testImageHonoursTextOffset() throws {
        // text_offset 0x100000 with a non-zero image_size: RAM base + 1 MiB.
        var b = board()
        var layout = try KernelLoader.load(kernel: image(textOffset: 0x10_0000, imageSize: 0x2_0000), path: "Image", into: b)
        XCTAssertEqual(layout.kind, .linuxImage(textOffset: 0x10_0000, imageSize: 0x2_0000, flags: 2))
        XCTAssertEqual(layout.kernel, 0x4010_0000..<0x4012_0000, "image_size covers the kernel")
        assertEntryState(b, pc: 0x4010_0000, x0: 0x4800_0000)
        XCTAssertEqual(try b.memory.read(0x4010_0000 + 56, size: 4), UInt64(KernelLoader.imageMagic))
        XCTAssertEqual(try word32BE(b, 0x4800_0000), 0xD00D_FEED)

        // text_offset 0 (Linux 5.8 and later): QEMU adds 2 MiB for its boot stub.
        b = board()
        layout = try KernelLoader.load(kernel: image(textOffset: 0, imageSize: 0x2_0000), path: "Image", into: b)
        assertEntryState(b, pc: 0x4020_0000, x0: 0x4800_0000)

        // image_size 0 (kernels before 3.17): text_offset is not valid, 0x80000 is used.
        b = board()
        layout = try KernelLoader.load(kernel: image(textOffset: 0x10_0000, imageSize: 0), path: "Image", into: b)
        assertEntryState(b, pc: 0x4008_0000, x0: 0x4800_0000)
        XCTAssertEqual(layout.kernel.count, 68)
    }

    func testInitrdAfterTheKernelAndDescribedInChosen() throws {
        let b = board()
        let initrd = [UInt8](repeating: 0xA5, count: 3000)
        let layout = try KernelLoader.load(kernel: raw([0x1400_0000]), path: "k.bin", initrd: (initrd, "initrd.img"),
                                           bootargs: "console=ttyAMA0", into: b)
        XCTAssertEqual(layout.initrd, 0x4800_0000..<0x4800_0BB8)
        XCTAssertEqual(try b.memory.readBytes(0x4800_0000, count: 3000), initrd)
        // The DTB moves to the next 2 MiB boundary after the initrd.
        XCTAssertEqual(layout.deviceTree?.lowerBound, 0x4820_0000)
        assertEntryState(b, pc: 0x4008_0000, x0: 0x4820_0000)
        let t = try FlattenedDeviceTree(try b.memory.readBytes(0x4820_0000, count: DeviceTree.blobSize))
        XCTAssertEqual(t.cells("linux,initrd-start", of: "/chosen"), [0x4800_0000])
        XCTAssertEqual(t.cells("linux,initrd-end", of: "/chosen"), [0x4800_0BB8])
        XCTAssertEqual(t.string("bootargs", of: "/chosen"), "console=ttyAMA0")
    }

    func testKernelAboveTheUsualInitrdPlacePushesItUp() throws {
        // 64 MiB of RAM: the initrd's usual place is RAM base + 32 MiB, but an
        // Image of 40 MiB ends above it; the initrd follows it, page aligned.
        let b = board(ram: 64 << 20)
        let layout = try KernelLoader.load(kernel: image(textOffset: 0x8_0000, imageSize: 40 << 20 + 100),
                                           path: "Image", initrd: ([1, 2, 3], "initrd"), into: b)
        XCTAssertEqual(layout.initrd?.lowerBound, 0x4008_0000 + (40 << 20) + 4096)
        XCTAssertEqual(layout.deviceTree?.lowerBound, 0x4000_0000 + (42 << 20))
    }

    func testELFKeepsX0ZeroAndGetsQEMUsDTBOnlyWithAMegabyteBelowIt() throws {
        // Linked at RAM base + 512 KiB: no room for QEMU's 1 MiB tree.
        var b = board(cpus: 2)
        try b.memory.write(Self.ramBase, size: 4, value: 0)
        var layout = try KernelLoader.load(kernel: elf(at: 0x4008_0000), path: "g.elf", into: b)
        XCTAssertEqual(layout.kind, .elf)
        XCTAssertNil(layout.deviceTree)
        assertEntryState(b, pc: 0x4008_0000, x0: 0)
        XCTAssertEqual(try b.memory.read(Self.ramBase, size: 4), 0)

        // Linked 1 MiB up: the DTB at the base of RAM, x0 still 0.
        b = board(cpus: 2)
        layout = try KernelLoader.load(kernel: elf(at: 0x4010_0000), path: "g.elf", bootargs: "quiet", into: b)
        XCTAssertEqual(layout.deviceTree, Self.ramBase..<(Self.ramBase + UInt64(DeviceTree.blobSize)))
        assertEntryState(b, pc: 0x4010_0000, x0: 0)
        let t = try FlattenedDeviceTree(try b.memory.readBytes(Self.ramBase, count: DeviceTree.blobSize))
        XCTAssertEqual(t.string("bootargs", of: "/chosen"), "quiet")
        XCTAssertEqual((t.subnodes(of: "/cpus") ?? []).filter { $0.hasPrefix("cpu@") }.count, 2)
    }

    func testELFErrorsKeepTheirMessages() {
        XCTAssertThrowsError(try KernelLoader.load(kernel: elf(at: 0x1000), path: "low.elf", into: board())) { e in
            XCTAssertTrue("\(e)".contains("low.elf") && "\(e)".contains("outside"), "\(e)")
        }
        XCTAssertThrowsError(try KernelLoader.load(kernel: Array(elf(at: 0x4008_0000).prefix(20)), path: "t.elf",
                                                   into: board())) { e in
            XCTAssertTrue("\(e)".contains("truncated"), "\(e)")
        }
    }

    func testWhatDoesNotFitIsRefused() {
        // A raw binary larger than RAM above the load address.
        let big = [UInt8](repeating: 1, count: (1 << 20) - 0x8_0000 + 1)
        XCTAssertThrowsError(try KernelLoader.load(kernel: big, path: "big.bin", into: board(ram: 1 << 20))) { e in
            XCTAssertEqual((e as? BootError)?.path, "big.bin")
            XCTAssertTrue("\(e)".contains("does not fit"), "\(e)")
        }
        // An Image whose image_size runs past the end of RAM.
        XCTAssertThrowsError(try KernelLoader.load(kernel: image(textOffset: 0x8_0000, imageSize: 16 << 20),
                                                   path: "Image", into: board(ram: 16 << 20))) { e in
            XCTAssertTrue("\(e)".contains("does not fit"), "\(e)")
        }
        // A text_offset that points past the end of the address space.
        XCTAssertThrowsError(try KernelLoader.load(kernel: image(textOffset: .max - 8, imageSize: 0x1000),
                                                   path: "odd.Image", into: board())) { e in
            XCTAssertTrue("\(e)".contains("does not fit"), "\(e)")
        }
        // An initrd larger than the RAM after the kernel.
        XCTAssertThrowsError(try KernelLoader.load(kernel: raw([0]), path: "k.bin",
                                                   initrd: ([UInt8](repeating: 0, count: 5 << 20), "big.cpio"),
                                                   into: board(ram: 8 << 20))) { e in
            XCTAssertEqual((e as? BootError)?.path, "big.cpio")
            XCTAssertTrue("\(e)".contains("initrd"), "\(e)")
        }
        // No room for the DTB: 2 MiB of RAM, the DTB would go at RAM base + 2 MiB.
        XCTAssertThrowsError(try KernelLoader.load(kernel: raw([0]), path: "k.bin", into: board(ram: 2 << 20))) { e in
            XCTAssertTrue("\(e)".contains("device tree"), "\(e)")
        }
        // Big-endian Images and empty files.
        XCTAssertThrowsError(try KernelLoader.load(kernel: image(textOffset: 0, imageSize: 0x1000, flags: 1),
                                                   path: "be.Image", into: board())) { e in
            XCTAssertTrue("\(e)".contains("big-endian"), "\(e)")
        }
        XCTAssertThrowsError(try KernelLoader.load(kernel: [], path: "empty", into: board())) { e in
            XCTAssertEqual("\(e)", "a64emu: empty: empty file")
        }
    }

    func testRawBinaryRunsWithTheDTBAddressInX0() throws {
        // lsr x2, x0, #24; adr x1, block; str x2, [x1, #8]; mov w0, #0x18;
        // hlt #0xf000 (SYS_EXIT, status x0 >> 24); block: .quad 0x20026, 0
        let program = raw([0xD358_FC02, 0x1000_00A1, 0xF900_0422, 0x5280_0300, 0xD45E_0000, 0x1400_0000,
                           0x0002_0026, 0, 0, 0])
        let b = board()
        try KernelLoader.load(kernel: program, path: "exit.bin", into: b)
        XCTAssertEqual(RunLoop(board: b).run(), .stopped(.guestExit(0x48)))
    }

    func testPlanWithoutAKernel() throws {
        var config = Board.Configuration()
        config.ramSize = 128 << 20
        config.cpuCount = 3
        let layout = try KernelLoader.plan(kernelPath: nil, bootargs: "x", configuration: config)
        XCTAssertEqual(layout.deviceTree?.lowerBound, 0x4400_0000)
        let t = try FlattenedDeviceTree(layout.deviceTreeBlob)
        XCTAssertEqual(t.string("bootargs", of: "/chosen"), "x")
        XCTAssertTrue(t.hasNode("/cpus/cpu@2"))
    }
}
