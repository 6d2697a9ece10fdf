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

    /// `normalMemory`: data accesses at EL1 use Normal Write-Back memory
    /// instead of the Device memory of an MMU-off CPU (so unaligned accesses
    /// and DC ZVA work): HCR_EL2.DC with a stage 2 that maps the RAM's
    /// 1 GiB to itself (tables at the end of RAM).
    /// `caches`: the cache model, with these caches (as Board sets it up).
    init(_ code: [UInt32], el2: Bool = false, el: UInt8 = 1, normalMemory: Bool = false,
         caches: CacheConfiguration? = nil) {
        shared = SharedProcessorState(memory: memory)
        var features = ProcessorFeatures(el2: el2 || normalMemory)
        if let caches {
            features.caches = caches
            shared.dataCaches = DataCaches(configuration: caches, memory: memory, cpuCount: 1)
        }
        cpu = CPU(index: 0, shared: shared, features: features)
        var bytes: [UInt8] = []
        for w in code { withUnsafeBytes(of: w.littleEndian) { bytes += $0 } }
        try! memory.writeBytes(Harness.base, bytes)
        cpu.reset(entry: Harness.base, el: el)
        if normalMemory {
            let s2 = Harness.base + 0xF_0000
            self[sysreg: "VTCR_EL2"] = 24 | 1 << 6 | 2 << 16      // T0SZ 24 (40 bits), SL0 1 (level 1), PS 40 bits
            self[sysreg: "VTTBR_EL2"] = s2
            write(s2 + 8, 0x4000_0000 | 1 << 10 | 3 << 6 | 0xF << 2 | 1)   // 1 GiB block: AF, S2AP RW, MemAttr WB
            self[sysreg: "HCR_EL2"] = 1 << 12 | 1 << 31           // DC, RW
        }
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
