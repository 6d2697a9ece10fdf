import XCTest
@testable import A64
import Memory

/// C4.1.88 Loads and stores: every addressing form, sign extension, pairs,
/// literals; exclusives and LSE atomics.
final class LoadStoreTests: XCTestCase {
    func testAddressingFormsAndExtension() {
        let d = Harness.data
        let h = Harness([
            0xf9400401, // 0x00 ldr x1, [x0, #8]
            0x39c00402, // 0x04 ldrsb w2, [x0, #1]
            0x79800403, // 0x08 ldrsh x3, [x0, #2]
            0xb85fcc04, // 0x0c ldr w4, [x0, #-4]!
            0xf8010401, // 0x10 str x1, [x0], #16
            0xf8667805, // 0x14 ldr x5, [x0, x6, lsl #3]
            0xb8a8d807, // 0x18 ldrsw x7, [x0, w8, sxtw #2]
            0xa9bf0be1, // 0x1c stp x1, x2, [sp, #-16]!
            0x28c22be9, // 0x20 ldp w9, w10, [sp], #16
            0x6940300b, // 0x24 ldpsw x11, x12, [x0]
            0x58ffffcd, // 0x28 ldr x13, 0x20 (literal)
            0x39000c01, // 0x2c strb w1, [x0, #3]
            0x79000c01, // 0x30 strh w1, [x0, #6]
        ], normalMemory: true)
        h.write(d - 4, 0xDEAD_BEEF, size: 4)
        h.write(d, 0x8877_6655_C4B3_8211)
        h.write(d + 8, 0x0123_4567_89AB_CDEF)
        h.write(d + 16, 0x8000_0000, size: 4)
        h.write(d + 20, 0x1122_3344_5566_7788)
        h[0] = d; h[6] = 1; h[8] = 0xFFFF_FFFF
        h.sp = d + 0x100

        h.step(3)
        XCTAssertEqual(h[1], 0x0123_4567_89AB_CDEF)
        XCTAssertEqual(h[2], 0xFFFF_FF82, "LDRSB to W: sign-extended to 32 bits only")
        XCTAssertEqual(h[3], 0xFFFF_FFFF_FFFF_C4B3)
        h.step(1)
        XCTAssertEqual(h[4], 0xDEAD_BEEF)
        XCTAssertEqual(h[0], d - 4, "pre-index writes back")
        h.step(1)
        XCTAssertEqual(h[0], d + 12, "post-index writes back after the access")
        XCTAssertEqual(h.read64(d - 4), 0x0123_4567_89AB_CDEF, "unaligned store")
        h.step(2)
        XCTAssertEqual(h[5], 0x1122_3344_5566_7788)
        XCTAssertEqual(h[7], 0xFFFF_FFFF_89AB_CDEF, "SXTW #2 of -1 addresses d + 8")
        h.step(2)
        XCTAssertEqual(h.read64(d + 0xF0), 0x0123_4567_89AB_CDEF)
        XCTAssertEqual(h.read64(d + 0xF8), 0xFFFF_FF82)
        XCTAssertEqual(h[9], 0x89AB_CDEF)
        XCTAssertEqual(h[10], 0x0123_4567)
        XCTAssertEqual(h.sp, d + 0x100)
        h.step(2)
        XCTAssertEqual(h[11], 0x0123_4567)
        XCTAssertEqual(h[12], 0xFFFF_FFFF_8000_0000)
        XCTAssertEqual(h[13], 0x6940_300B_28C2_2BE9, "literal load of two instruction words")
        h.step(2)
        XCTAssertEqual(h.read8(d + 15), 0xEF)
        XCTAssertEqual(h.read32(d + 16), 0xCDEF_0000 | 0x0000)
    }

    func testExclusiveMonitor() {
        let d = Harness.data
        let h = Harness([
            0xc85f7c01, // ldxr x1, [x0]
            0xc8027c03, // stxr w2, x3, [x0]      succeeds
            0xc8047c03, // stxr w4, x3, [x0]      fails: monitor open
            0x885ffc05, // ldaxr w5, [x0]
            0xd5033f5f, // clrex
            0x8806fc03, // stlxr w6, w3, [x0]     fails after CLREX
            0xc85f7c01, // ldxr x1, [x0]
            0xf9000003, // str x3, [x0]           a store to the granule
            0xc8027c03, // stxr w2, x3, [x0]      fails (ImpDef: stores clear)
        ])
        h.write(d, 7)
        h[0] = d; h[3] = 0x1_0000_0042; h[2] = 99; h[4] = 99; h[6] = 99
        h.step(2)
        XCTAssertEqual(h[1], 7)
        XCTAssertEqual(h[2], 0, "status 0: stored")
        XCTAssertEqual(h.read64(d), 0x1_0000_0042)
        h.step(1)
        XCTAssertEqual(h[4], 1, "status 1: not stored")
        h.step(3)
        XCTAssertEqual(h[5], 0x42)
        XCTAssertEqual(h[6], 1)
        h.step(3)
        XCTAssertEqual(h[2], 1)
    }

    func testExclusivePair() {
        let d = Harness.data
        let h = Harness([
            0xc87f2007, // ldxp x7, x8, [x0]
            0xc8292c0a, // stxp w9, x10, x11, [x0]
        ])
        h.write(d, 1); h.write(d + 8, 2)
        h[0] = d; h[10] = 10; h[11] = 11; h[9] = 5
        h.step(2)
        XCTAssertEqual([h[7], h[8], h[9]], [1, 2, 0])
        XCTAssertEqual([h.read64(d), h.read64(d + 8)], [10, 11])
    }

    func testAtomics() {
        let d = Harness.data
        let h = Harness([
            0xf8210002, // ldadd x1, x2, [x0]
            0xb8214002, // ldsmax w1, w2, [x0]
            0x38218002, // swpb w1, w2, [x0]
            0x78217002, // lduminh w1, w2, [x0]
        ])
        h[0] = d
        h.write(d, 5); h[1] = 3
        h.step(1)
        XCTAssertEqual(h[2], 5); XCTAssertEqual(h.read64(d), 8)
        h.write(d, 0xFFFF_FFFE, size: 4); h[1] = 1
        h.step(1)
        XCTAssertEqual(h[2], 0xFFFF_FFFE, "old value, zero-extended")
        XCTAssertEqual(h.read32(d), 1, "signed max(-2, 1)")
        h.write(d, 0x1234_56AA, size: 4); h[1] = 0x155
        h.step(1)
        XCTAssertEqual(h[2], 0xAA)
        XCTAssertEqual(h.read32(d), 0x1234_5655, "only the byte is swapped")
        h.write(d, 0x8000, size: 4); h[1] = 0x7FFF
        h.step(1)
        XCTAssertEqual(h[2], 0x8000)
        XCTAssertEqual(h.read32(d), 0x7FFF, "unsigned min")
    }

    func testCompareAndSwap() {
        let d = Harness.data
        let cas: [UInt32] = [0xc8a17c03]  // cas x1, x3, [x0]
        let ok = Harness(cas)
        ok.write(d, 40); ok[0] = d; ok[1] = 40; ok[3] = 41
        ok.step(1)
        XCTAssertEqual(ok.read64(d), 41); XCTAssertEqual(ok[1], 40)
        let fail = Harness(cas)
        fail.write(d, 40); fail[0] = d; fail[1] = 39; fail[3] = 41
        fail.step(1)
        XCTAssertEqual(fail.read64(d), 40, "no write when the comparison fails")
        XCTAssertEqual(fail[1], 40, "Rs receives the value in memory")

        let casp = Harness([0x48247c06])  // casp x4, x5, x6, x7, [x0]
        casp.write(d, 1); casp.write(d + 8, 2)
        casp[0] = d; casp[4] = 1; casp[5] = 2; casp[6] = 3; casp[7] = 4
        casp.step(1)
        XCTAssertEqual([casp.read64(d), casp.read64(d + 8)], [3, 4])
        XCTAssertEqual([casp[4], casp[5]], [1, 2])
    }

    func testSelfModifyingCodeIsReDecoded() {
        // str w1, [x0]; the next instruction slot is overwritten before it runs.
        let h = Harness([0xb9000001, 0xd2800022])  // str w1, [x0]; mov x2, #1
        h[0] = Harness.base + 4
        h[1] = 0xd2800062                           // mov x2, #3
        _ = h.cpu.run(budget: 1)
        h.step(1)
        XCTAssertEqual(h[2], 3)
        // And a page already decoded is re-decoded after a write into it.
        let g = Harness([0xd2800022, 0xb9000001, 0x17fffffe])  // mov x2,#1; str w1,[x0]; b .-8
        g[0] = Harness.base
        g[1] = 0xd2800062
        g.step(4)   // mov, str (rewrites slot 0), b, mov x2, #3
        XCTAssertEqual(g[2], 3)
    }
}

/// Code written by the guest runs as written, every time (cache model off:
/// the decoded-instruction cache follows writes to its pages).
final class SelfModifyingCodeTests: XCTestCase {
    func testEachRewriteOfAnInstructionIsExecuted() {
        // str w1, [x2]; nop; <slot 2>; b .-12 (back to the str)
        let h = Harness([0xb9000041, 0xd503201f, 0xd503201f, 0x17fffffd])
        h[2] = Harness.base + 8
        for (i, mov) in [0xd2800020, 0xd2800040, 0xd2800060, 0xd2800080].enumerated() {  // mov x0, #1...#4
            h[1] = UInt64(mov)
            h.step(4)
            XCTAssertEqual(h[0], UInt64(i + 1), "rewrite \(i + 1)")
        }
    }
}

/// Unaligned accesses that cross a data cache line with the cache model on
/// (CPU.cachedReadAcrossLines, cachedWriteAcrossLines): the bytes each line
/// holds, neighbours kept, write-back (memory untouched), and the L1
/// counted as the byte accesses the access is made of.
final class UnalignedCachedAccessTests: XCTestCase {
    func testAccessesAcrossALineSeeAndKeepEachLinesBytes() throws {
        var caches = CacheConfiguration()
        caches.enabled = true                                   // 64-byte lines
        let h = Harness([
            0xF940_0083,    // LDR X3, [X4]      aligned (line 0 + 56): the page in the software TLB, line 0 in
            0xF900_0002,    // STR X2, [X0]      X0 = line 0 + 61: 3 bytes in line 0, 5 in line 1
            0xF940_0001,    // LDR X1, [X0]
            0xF940_0087,    // LDR X7, [X4]      line 0 as a whole
            0xF940_0508,    // LDR X8, [X8, #8]  ... and line 1's first 8 bytes
            0xF940_00C5,    // LDR X5, [X6]      X6 = line 1 + 62: 2 bytes in line 1, 6 in line 2
        ], normalMemory: true, caches: caches)
        let line0 = Harness.data + 0x40                         // line-aligned
        h.write(line0 + 56, 0xA1A2_A3A4_A5A6_A7A8)
        h.write(line0 + 64, 0xB1B2_B3B4_B5B6_B7B8)
        h.write(line0 + 120, 0x1122_3344_5566_7788)
        h.write(line0 + 128, 0x99AA_BBCC_DDEE_FF00)
        h[4] = line0 + 56; h[0] = line0 + 61; h[2] = 0x0102_0304_0506_0708
        h[8] = line0 + 56; h[6] = line0 + 126
        h.step(6)
        XCTAssertEqual(h[1], 0x0102_0304_0506_0708, "read back across the line boundary")
        XCTAssertEqual(h[7], 0x0607_08A4_A5A6_A7A8, "line 0: bytes 56-60 kept, 61-63 written")
        XCTAssertEqual(h[8], 0xB1B2_B301_0203_0405, "line 1: bytes 0-4 written, 5-7 kept")
        XCTAssertEqual(h[5], 0xBBCC_DDEE_FF00_1122, "line 1's last 2 bytes, line 2's first 6")
        XCTAssertEqual(h.read64(line0 + 56), 0xA1A2_A3A4_A5A6_A7A8, "memory: the lines are dirty in the L1")
        XCTAssertEqual(h.read64(line0 + 64), 0xB1B2_B3B4_B5B6_B7B8)
        // As byte accesses: line 0 missed by LDR X3, line 1 by the STR, line
        // 2 by LDR X5 (3 misses); every other byte hit: STR 1 + 2 + 4, LDR
        // X1 1 + 2 + 1 + 4, LDR X7 and X8 1 each, LDR X5 1 + 1 + 5.
        XCTAssertEqual(h.shared.dataCaches!.l1[0].statistics.misses, 3)
        XCTAssertEqual(h.shared.dataCaches!.l1[0].statistics.hits, 0)
        XCTAssertEqual(h.cpu.statistics.l1DataFastHits, 24)
    }

    /// DC ZVA (C6.2 "DC ZVA") on a cacheable page: the block's zeros in the
    /// L1 (memory keeps the old bytes until a write-back), counted as the
    /// eight 8-byte stores of a 64-byte block.
    func testDCZVAZeroesTheBlockInTheL1AsItsStores() throws {
        var caches = CacheConfiguration()
        caches.enabled = true                                   // 64-byte lines
        let h = Harness([
            0xF940_0003,    // LDR X3, [X0]      the page in the software TLB, line 0 in
            0xD50B_7420,    // DC ZVA, X0        line 0 (cached): 8 hits
            0xD50B_7426,    // DC ZVA, X6        line 1 (not cached): a miss, 7 hits
            0xF940_0001,    // LDR X1, [X0]
            0xF940_04C5,    // LDR X5, [X6, #8]
        ], normalMemory: true, caches: caches)
        let line0 = Harness.data + 0x40
        for i in 0..<24 { h.write(line0 + UInt64(8 * i), ~0) }
        h[0] = line0; h[6] = line0 + 64; h[1] = 7; h[5] = 7
        h.step(5)
        XCTAssertEqual(h[3], ~0)
        XCTAssertEqual(h[1], 0)
        XCTAssertEqual(h[5], 0)
        XCTAssertEqual(h.read64(line0 + 8), ~0, "memory: the zeros are dirty in the L1")
        XCTAssertEqual(h.shared.dataCaches!.coherentByte(line0 + 63), 0, "the whole block")
        XCTAssertEqual(h.shared.dataCaches!.coherentByte(line0 + 128), 0xFF, "and not beyond it")
        XCTAssertEqual(h.shared.dataCaches!.l1[0].statistics.misses, 2)
        XCTAssertEqual(h.cpu.statistics.l1DataFastHits, 8 + 7 + 1 + 1)
    }
}
