import XCTest
@testable import A64
import Memory

/// One CPU with 1 MiB of RAM at 0x4000_0000 and the given instruction words
/// at its start; data goes at `data` (base + 0x8000).
final class Harness {
    static let base: UInt64 = 0x4000_0000
    static let data: UInt64 = base + 0x8000
    let memory = PhysicalMemory(ramBase: Harness.base, ramSize: 1 << 20)
    let shared: SharedProcessorState
    let cpu: CPU

    init(_ code: [UInt32]) {
        shared = SharedProcessorState(memory: memory)
        cpu = CPU(index: 0, shared: shared)
        var bytes: [UInt8] = []
        for w in code { withUnsafeBytes(of: w.littleEndian) { bytes += $0 } }
        try! memory.writeBytes(Harness.base, bytes)
        cpu.reset(entry: Harness.base)
    }

    /// Runs `n` instructions; fails the test if the CPU stopped instead.
    @discardableResult
    func step(_ n: Int, file: StaticString = #filePath, line: UInt = #line) -> Harness {
        let done = cpu.run(budget: n)
        XCTAssertNil(cpu.stopReason, "CPU stopped", file: file, line: line)
        XCTAssertEqual(done, n, file: file, line: line)
        return self
    }

    subscript(_ r: Int) -> UInt64 {
        get { cpu.register(r) }
        set { cpu.setRegister(r, newValue) }
    }
    var sp: UInt64 { get { cpu.sp } set { cpu.sp = newValue } }
    /// NZCV as a 4-bit value (N = 8, Z = 4, C = 2, V = 1).
    var flags: UInt32 { get { cpu.nzcv >> 28 } set { cpu.nzcv = newValue << 28 } }
    var pcOffset: UInt64 { cpu.pc - Harness.base }

    func read64(_ a: UInt64) -> UInt64 { try! memory.read(a, size: 8) }
    func read32(_ a: UInt64) -> UInt64 { try! memory.read(a, size: 4) }
    func read8(_ a: UInt64) -> UInt64 { try! memory.read(a, size: 1) }
    func write(_ a: UInt64, _ v: UInt64, size: Int = 8) { try! memory.write(a, size: size, value: v) }
}
