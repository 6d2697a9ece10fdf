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

    init(_ code: [UInt32], el2: Bool = false, el: UInt8 = 1) {
        shared = SharedProcessorState(memory: memory)
        cpu = CPU(index: 0, shared: shared, features: ProcessorFeatures(el2: el2))
        var bytes: [UInt8] = []
        for w in code { withUnsafeBytes(of: w.littleEndian) { bytes += $0 } }
        try! memory.writeBytes(Harness.base, bytes)
        cpu.reset(entry: Harness.base, el: el)
    }

    /// Writes instruction words at `offset` from the base.
    func code(at offset: UInt64, _ words: [UInt32]) {
        for (i, w) in words.enumerated() { write(Harness.base + offset + UInt64(i * 4), UInt64(w), size: 4) }
    }

    /// A system register by name, bypassing the access checks.
    subscript(sysreg name: String) -> UInt64 {
        get { cpu.readSystemRegister(SystemRegisters.index(named: name)!) }
        set { cpu.writeSystemRegister(SystemRegisters.index(named: name)!, newValue) }
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
