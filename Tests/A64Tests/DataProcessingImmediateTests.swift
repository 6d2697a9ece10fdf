import XCTest
@testable import A64
import Memory

/// C4.1.86 Data processing - immediate. Encodings from clang's assembler.
final class DataProcessingImmediateTests: XCTestCase {
    func testAddSubLogicalMoveBitfield() {
        let h = Harness([
            0xb1000420, // adds x0, x1, #0x1
            0x71000462, // subs w2, w3, #0x1
            0x910043ff, // add sp, sp, #0x10
            0x92089ca4, // and x4, x5, #0xff00ff00ff00ff00
            0x5200f0e6, // eor w6, w7, #0x55555555
            0xd2d7dde8, // mov x8, #0xbeef00000000
            0x12800009, // mov w9, #-0x1
            0xf2e24688, // movk x8, #0x1234, lsl #48
            0xd3482d6a, // ubfx x10, x11, #8, #4
            0x93442d6c, // sbfx x12, x11, #4, #8
            0xb3701d6d, // bfi x13, x11, #16, #8
            0x93cf216e, // extr x14, x11, x15, #8
            0x10fffff0, // adr x16, . - 4
            0xb0000011, // adrp x17, . + 0x1000
        ])
        h[1] = .max
        h[3] = 0xFFFF_FFFF_0000_0000       // w3 = 0
        h.sp = 0x1000
        h[5] = 0x1234_5678_9ABC_DEF0
        h[7] = .max
        h[11] = 0xFEDC_BA98_7654_3F80
        h[13] = 0x1111_1111_1111_1111
        h[15] = 0x0123_4567_89AB_CDEF

        h.step(1)
        XCTAssertEqual(h[0], 0)
        XCTAssertEqual(h.flags, 0b0110, "adds: Z and C")
        h.step(1)
        XCTAssertEqual(h[2], 0xFFFF_FFFF, "32-bit result is zero-extended")
        XCTAssertEqual(h.flags, 0b1000, "subs 0 - 1: N, borrow (C clear)")
        h.step(12)
        XCTAssertEqual(h.sp, 0x1010)
        XCTAssertEqual(h[4], 0x1200_5600_9A00_DE00)
        XCTAssertEqual(h[6], 0xAAAA_AAAA)
        XCTAssertEqual(h[9], 0xFFFF_FFFF)
        XCTAssertEqual(h[8], 0x1234_BEEF_0000_0000)
        XCTAssertEqual(h[10], 0xF)
        XCTAssertEqual(h[12], 0xFFFF_FFFF_FFFF_FFF8)
        XCTAssertEqual(h[13], 0x1111_1111_1180_1111)
        XCTAssertEqual(h[14], 0x8001_2345_6789_ABCD)
        XCTAssertEqual(h[16], Harness.base + 0x2C)
        XCTAssertEqual(h[17], Harness.base + 0x1000)
    }

    func testDecodeBitMasks() {
        // N=1 immr=0 imms=0b000111: 8 ones in a 64-bit element.
        XCTAssertEqual(decodeBitMasks(n: 1, imms: 0b000111, immr: 0, datasize: 64), 0xFF)
        // 2-bit elements '01' replicated.
        XCTAssertEqual(decodeBitMasks(n: 0, imms: 0b111100, immr: 0, datasize: 64), 0x5555_5555_5555_5555)
        // Rotation within a 16-bit element: ones(8) rotated right by 4.
        XCTAssertEqual(decodeBitMasks(n: 0, imms: 0b100111, immr: 4, datasize: 32), 0xF00F_F00F)
        // All-ones element is reserved, and N=1 is reserved for 32-bit.
        XCTAssertNil(decodeBitMasks(n: 1, imms: 0b111111, immr: 0, datasize: 64))
        XCTAssertNil(decodeBitMasks(n: 0, imms: 0b111111, immr: 0, datasize: 32))
    }

    func testReservedEncodingsAreUndefined() {
        // AND (immediate) 32-bit with N=1; MOVZ 32-bit with hw=2; MOVN opc=01.
        for word: UInt32 in [0x1240_0000, 0x52C0_0000] {
            XCTAssertEqual(Decoder.decode(word).op, .UNDEFINED, String(word, radix: 16))
        }
        XCTAssertEqual(Decoder.decode(0x7280_0000).op, .MOVK)
        XCTAssertEqual(Decoder.decode(0x3280_0000).op, .UNDEFINED, "move wide opc=01 is unallocated")
        XCTAssertEqual(Decoder.decode(0x0000_0000).op, .UNDEFINED, "UDF #0")
    }

    func testUndefinedIsTakenAsAnException() {
        // nop; udf #0 -- with VBAR_EL1 = 0 the vector (0x200) is not RAM:
        // fetching it is a synchronous External abort (IFSC 0x10), taken to
        // the same vector, again and again.
        let h = Harness([0xd503201f, 0x0000_0000])
        XCTAssertEqual(h.cpu.run(budget: 10), 10)
        XCTAssertNil(h.cpu.stopReason)
        XCTAssertEqual(h.cpu.pc, 0x200)
        XCTAssertEqual(h[sysreg: "ESR_EL1"], 0x21 << 26 | 1 << 25 | 0x10, "Instruction Abort, same EL, External abort")
        XCTAssertEqual(h[sysreg: "FAR_EL1"], 0x200)
    }
}
