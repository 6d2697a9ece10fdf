import XCTest
import Foundation

/// The a64emu executable on bad input: one clear line on stderr and exit
/// status 2, never a crash. Runs the binary the test build produced.
final class CommandLineTests: XCTestCase {
    var emulator: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("a64emu")
    }
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("a64emu-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
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
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// A minimal ELF64 little-endian executable: one PT_LOAD of `code` at
    /// `address`, entry at its start.
    func elf(machine: UInt16 = 183, address: UInt64 = 0x4008_0000, code: [UInt32] = [0xd503201f]) -> [UInt8] {
        var b: [UInt8] = []
        func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { b += $0 } }
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { b += $0 } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { b += $0 } }
        b += [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 8)  // e_ident
        u16(2); u16(machine); u32(1)                  // ET_EXEC, e_machine, EV_CURRENT
        u64(address); u64(64); u64(0)                 // e_entry, e_phoff, e_shoff
        u32(0); u16(64); u16(56); u16(1); u16(64); u16(0); u16(0)
        let size = UInt64(code.count * 4)
        u32(1); u32(5)                                // PT_LOAD, R+X
        u64(120); u64(address); u64(address)          // p_offset, p_vaddr, p_paddr
        u64(size); u64(size); u64(4)                  // p_filesz, p_memsz, p_align
        for w in code { u32(w) }
        return b
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = tmp.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func assertBadInput(_ path: String, mentions reason: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try run(["run", path])
        XCTAssertEqual(r.status, 2, r.stderr, file: file, line: line)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "one line: \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains(path) && r.stderr.lowercased().contains(reason),
                      "\(r.stderr) should name the file and say '\(reason)'", file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
    }

    func testEmptyFile() throws {
        try assertBadInput(try write("empty.elf", []), mentions: "empty")
    }

    func testTruncatedHeader() throws {
        try assertBadInput(try write("truncated.elf", Array(elf().prefix(20))), mentions: "truncated")
    }

    func testX86ELF() throws {
        try assertBadInput(try write("x86.elf", elf(machine: 62)), mentions: "x86-64")
    }

    func testSegmentOutsideRAM() throws {
        try assertBadInput(try write("low.elf", elf(address: 0x1000)), mentions: "outside")
    }

    func testMissingFile() throws {
        try assertBadInput(tmp.appendingPathComponent("nope.elf").path, mentions: "nope.elf")
    }

    func testUnknownOptionAndBadMemorySize() throws {
        let path = try write("ok.elf", elf())
        var r = try run(["run", "--no-such-option", path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--no-such-option"), r.stderr)
        r = try run(["run", "--memory", "12Q", path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--memory"), r.stderr)
    }

    /// `run --hyp`: the hypervisor's options need --hyp, the hypervisor runs
    /// at EL2, and the guest must be reachable through semihosting.
    func testHypervisorOptionsAreChecked() throws {
        let path = try write("ok.elf", elf())
        var r = try run(["run", "--vcpus", "2", path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("need --hyp"), r.stderr)
        r = try run(["run", "--without-fix", "local-tlbi-on-vcpu-switch", path])
        XCTAssertEqual(r.status, 2)
        r = try run(["run", "--hyp", "--el", "1", path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("EL2"), r.stderr)
        r = try run(["run", "--hyp", "--hypervisor", tmp.appendingPathComponent("missing.img").path, path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("missing.img"), r.stderr)
        r = try run(["run", "--hyp", "--semihosting-root", "/usr", path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("semihosting root"), r.stderr)
        r = try run(["run", "--hyp"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("<guest>"), r.stderr)
    }

    func testInstructionLimitAndUndefined() throws {
        // b . : loops forever; stopped by --max-insns with status 124.
        let loop = try write("loop.elf", elf(code: [0x1400_0000]))
        var r = try run(["run", "--max-insns", "1000", loop])
        XCTAssertEqual(r.status, 124)
        XCTAssertTrue(r.stderr.contains("1000 instructions"), r.stderr)
        // nop; udf #0 with VBAR_EL1 = 0: the UNDEFINED exception is taken in
        // the guest; its vector (0x200) is not RAM, so fetching it is an
        // External abort, taken to the same vector: the guest loops there
        // until --max-insns stops it.
        let udf = try write("udf.elf", elf(code: [0xd503201f, 0]))
        r = try run(["run", "--max-insns", "1000", udf])
        XCTAssertEqual(r.status, 124)
        XCTAssertTrue(r.stderr.contains("1000 instructions (pc 0x0000000000000200)"), r.stderr)
        // VBAR_EL1 in zeroed RAM: every vector is UDF, so the guest takes
        // exceptions forever, and --max-insns stops it.
        let noVectors = try write("novectors.elf", elf(code: [0xd2a80201, 0xd518c001, 0]))  // mov x1, #0x40100000; msr vbar_el1, x1; udf
        r = try run(["run", "--max-insns", "5000", noVectors])
        XCTAssertEqual(r.status, 124)
        XCTAssertTrue(r.stderr.contains("5000 instructions (pc 0x0000000040100200)"), r.stderr)
    }

    func testStatsLine() throws {
        let loop = try write("loop.elf", elf(code: [0x1400_0000]))
        let r = try run(["run", "--stats", "--max-insns", "5000", loop])
        XCTAssertTrue(r.stderr.contains("a64emu: 5000 instructions in "), r.stderr)
        XCTAssertTrue(r.stderr.contains("MIPS)"), r.stderr)
    }

    func testMachineOptionsAreValidated() throws {
        let ok = try write("nop.elf", elf())
        for bad in [["--el", "3"], ["--el", "0"], ["--smp", "0"], ["--smp", "500"], ["--quantum", "0"]] {
            let r = try run(["run"] + bad + [ok])
            XCTAssertEqual(r.status, 2, "\(bad)")
            XCTAssertTrue(r.stderr.contains(bad[0]), r.stderr)
        }
    }

    func testPSCISystemOffOverHVCAndSMC() throws {
        // mov w0, #8; movk w0, #0x8400, lsl #16 (SYSTEM_OFF); hvc #0 or smc #0
        let hvc = try write("off-hvc.elf", elf(code: [0x52800100, 0x72b08000, 0xd4000002]))
        XCTAssertEqual(try run(["run", hvc]).status, 0, "EL1 boot: PSCI over HVC")
        let smc = try write("off-smc.elf", elf(code: [0x52800100, 0x72b08000, 0xd4000003]))
        XCTAssertEqual(try run(["run", "--el", "2", smc]).status, 0, "EL2 boot: PSCI over SMC")
        // SMC with no EL2 (and so no firmware behind it) is UNDEFINED: the
        // exception goes to VBAR_EL1 = 0 + 0x200, which is not RAM.
        let r = try run(["run", "--max-insns", "100", smc])
        XCTAssertEqual(r.status, 124)
        XCTAssertTrue(r.stderr.contains("(pc 0x0000000000000200)"), r.stderr)
    }

    func testEveryCPUWaitingEndsTheRun() throws {
        let wfi = try write("wfi.elf", elf(code: [0xd503207f]))    // wfi, nothing armed
        let r = try run(["run", "--smp", "2", wfi])
        XCTAssertEqual(r.status, 125)
        XCTAssertTrue(r.stderr.contains("every CPU waits for an interrupt (WFI) and none can arrive"), r.stderr)
        XCTAssertTrue(r.stderr.contains("cpu0 pc 0x0000000040080004"), r.stderr)
    }
}
