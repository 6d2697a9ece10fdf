import XCTest
@testable import A64
import Memory

/// C5 system instructions: MRS/MSR through the system-register table,
/// PSTATE fields, DC ZVA.
final class SystemTests: XCTestCase {
    func testNZCVAndPSTATE() {
        let h = Harness([
            0xd51b4201, // msr nzcv, x1
            0xd53b4200, // mrs x0, nzcv
            0xd5384243, // mrs x3, currentel
            0xd5034fdf, // msr daifset, #0xf
            0xd53b4224, // mrs x4, daif
        ])
        h[1] = 0xFFFF_FFFF_AFFF_FFFF
        h.step(5)
        XCTAssertEqual(h[0], 0xA000_0000, "only N Z C V are kept")
        XCTAssertEqual(h.flags, 0b1010)
        XCTAssertEqual(h[3], 1 << 2, "EL1")
        XCTAssertEqual(h[4], 0x3C0)
    }

    func testDCZVAZeroesTheBlock() {
        // DC ZVA needs Normal memory: with the MMU off data is Device, so
        // here HCR_EL2.DC makes it Normal Write-Back, with a stage 2 that
        // maps IPA 0x4000_0000 to itself with one 1 GiB block.
        let d = Harness.data
        let h = Harness([0xd50b7422], normalMemory: true)    // dc zva, x2
        for i in 0..<32 { h.write(d + UInt64(i) * 8, 0x5A5A_5A5A_5A5A_5A5A) }
        h[2] = d + 0x47                 // inside the second 64-byte block
        h.step(1)
        XCTAssertEqual(h.pcOffset, 4)
        XCTAssertEqual(h.read64(d + 0x38), 0x5A5A_5A5A_5A5A_5A5A, "block before untouched")
        for i in 0..<8 { XCTAssertEqual(h.read64(d + 0x40 + UInt64(i) * 8), 0) }
        XCTAssertEqual(h.read64(d + 0x80), 0x5A5A_5A5A_5A5A_5A5A, "block after untouched")
    }

    func testDCZVAOnDeviceMemoryIsAnAlignmentFault() {
        // MMU off: data accesses are Device-nGnRnE (D8.2.12.1), and DC ZVA
        // to Device memory generates an Alignment fault.
        let h = Harness([0xd50b7422])
        h[sysreg: "VBAR_EL1"] = Harness.base + 0x800
        h[2] = Harness.data
        h.step(1)
        XCTAssertEqual(h[sysreg: "ESR_EL1"], 0x25 << 26 | 1 << 25 | 1 << 6 | 0x21)
        XCTAssertEqual(h.read64(Harness.data), 0)
    }

    func testIdentificationMatchesImplementation() {
        // ID_AA64ISAR0_EL1 advertises CRC32 and LSE, which are implemented;
        // an unknown system register is UNDEFINED, not a host error.
        let h = Harness([0xd5380600])   // mrs x0, id_aa64isar0_el1
        h.step(1)
        XCTAssertEqual((h[0] >> 16) & 0xF, 1)
        XCTAssertEqual((h[0] >> 20) & 0xF, 2)
        XCTAssertEqual(Decoder.decode(0xd53f_f000).op, .UNDEFINED, "mrs x0, s3_7_c15_c0_0")
    }

    func testHLTWithoutSemihostingIsUndefined() {
        let h = Harness([0xd4400020])   // hlt #1
        h[sysreg: "VBAR_EL1"] = Harness.base + 0x800
        h.step(1)
        XCTAssertEqual(h.pcOffset, 0xA00, "UNDEFINED, taken to EL1 (current EL, SP_EL1)")
        XCTAssertEqual(h[sysreg: "ESR_EL1"], 1 << 25, "EC 0x00, IL 1")
    }
}

/// The cache ID registers describe CacheConfiguration exactly.
final class CacheIdentificationTests: XCTestCase {
    func testDefaultGeometry() {
        let c = ImpDef.caches
        XCTAssertEqual(ImpDef.ctr(c), 0x8444_C004, "64-byte lines, ERG 64 bytes, PIPT, IDC = DIC = 0")
        XCTAssertEqual(ImpDef.clidr(c), 0x0A20_0023, "L1 I+D, L2 unified, LoUU = LoUIS = 1, LoC = 2")
        XCTAssertEqual(ImpDef.ccsidr(c, csselr: 0), 2 | 3 << 3 | 127 << 13, "L1 D: 64 B, 4 ways, 128 sets")
        XCTAssertEqual(ImpDef.ccsidr(c, csselr: 1), 2 | 3 << 3 | 127 << 13, "L1 I")
        XCTAssertEqual(ImpDef.ccsidr(c, csselr: 2), 2 | 7 << 3 | 511 << 13, "L2: 8 ways, 512 sets")
        XCTAssertEqual(ImpDef.ccsidr(c, csselr: 4), 0, "no level 3")
        var v = c
        v.icachePolicy = .vpipt; v.idc = true; v.dic = true
        v.icache = CacheGeometry(parsing: "16K,2way,32B")!
        XCTAssertEqual(ImpDef.ctr(v), 0xB444_0003, "DIC, IDC, VPIPT (L1Ip 0), IminLine 32 bytes")
    }
}
