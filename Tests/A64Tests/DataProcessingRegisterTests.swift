import XCTest
@testable import A64

/// C4.1.89 Data processing - register: one instruction per harness, its
/// operands set up, its result and flags checked.
final class DataProcessingRegisterTests: XCTestCase {
    func run(_ word: UInt32, flags: UInt32 = 0, _ regs: [Int: UInt64], sp: UInt64? = nil) -> Harness {
        let h = Harness([word])
        for (r, v) in regs { h[r] = v }
        if let sp { h.sp = sp }
        h.flags = flags
        h.step(1)
        return h
    }

    /// SUBS/CMP's flags come from subtractWithFlags, which must equal the
    /// pseudocode's AddWithCarry(a, NOT(b), 1) for every operand pair.
    func testSubtractWithFlagsIsAddWithCarryOfTheComplement() {
        let edges: [UInt64] = [0, 1, 2, 0x7F, 0x80, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x1_0000_0000,
                               0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, 0xFFFF_FFFF_FFFF_FFFE, ~0]
        var rng = SystemRandomNumberGenerator()
        var pairs: [(UInt64, UInt64)] = []
        for a in edges { for b in edges { pairs.append((a, b)) } }
        for _ in 0..<20000 { pairs.append((rng.next(), rng.next())) }
        for (a, b) in pairs {
            let s64 = subtractWithFlags64(a, b), r64 = addWithCarry64(a, ~b, 1)
            XCTAssertEqual(s64.0, r64.0); XCTAssertEqual(s64.1, r64.1, "64-bit \(a) - \(b)")
            let s32 = subtractWithFlags32(a, b), r32 = addWithCarry32(a, ~b, 1)
            XCTAssertEqual(s32.0, r32.0); XCTAssertEqual(s32.1, r32.1, "32-bit \(a) - \(b)")
        }
    }

    func testAddSubShiftedExtendedCarry() {
        var h = run(0x2b021020, [1: 0x7FFF_FFF0, 2: 1])          // adds w0, w1, w2, lsl #4
        XCTAssertEqual(h[0], 0x8000_0000); XCTAssertEqual(h.flags, 0b1001, "N and V")
        h = run(0xcb244be3, [4: 0xFFFF_FFFF_0000_0010], sp: 0x1000)  // sub x3, sp, w4, uxtw #2
        XCTAssertEqual(h[3], 0xFC0)
        h = run(0xba0700c5, flags: 0b0010, [6: .max, 7: 0])       // adcs x5, x6, x7
        XCTAssertEqual(h[5], 0); XCTAssertEqual(h.flags, 0b0110)
        h = run(0x5a0a0128, flags: 0, [9: 10, 10: 3])             // sbc w8, w9, w10
        XCTAssertEqual(h[8], 6, "borrow when C is clear")
        h = run(0x5a0a0128, flags: 0b0010, [9: 10, 10: 3])
        XCTAssertEqual(h[8], 7)
    }

    func testConditionalCompareAndSelect() {
        var h = run(0xfa451804, flags: 0, [0: 5])                 // ccmp x0, #5, #4, ne
        XCTAssertEqual(h.flags, 0b0110, "condition holds: flags of 5 - 5")
        h = run(0xfa451804, flags: 0b0100, [0: 9])
        XCTAssertEqual(h.flags, 0b0100, "condition fails: #nzcv")
        h = run(0x3a420022, flags: 0b0100, [1: 0xFFFF_FFFF, 2: 1])  // ccmn w1, w2, #2, eq
        XCTAssertEqual(h.flags, 0b0110)
        h = run(0x3a420022, flags: 0, [1: 0xFFFF_FFFF, 2: 1])
        XCTAssertEqual(h.flags, 0b0010)
        h = run(0x9a858083, flags: 0b0010, [4: 44, 5: 55])        // csel x3, x4, x5, hi
        XCTAssertEqual(h[3], 44)
        h = run(0x9a858083, flags: 0b0110, [4: 44, 5: 55])
        XCTAssertEqual(h[3], 55)
        h = run(0x1a88b4e6, flags: 0, [7: 1, 8: 0xFFFF_FFFF])     // csinc w6, w7, w8, lt
        XCTAssertEqual(h[6], 0, "32-bit increment wraps")
        h = run(0xda8b0149, flags: 0, [10: 1, 11: 0xF0])          // csinv x9, x10, x11, eq
        XCTAssertEqual(h[9], ~UInt64(0xF0))
        h = run(0x5a8e15ac, flags: 0b0100, [13: 1, 14: 5])        // csneg w12, w13, w14, ne
        XCTAssertEqual(h[12], 0xFFFF_FFFB)
    }

    func testDivideShiftCRC() {
        XCTAssertEqual(run(0x9ad10a0f, [16: 100, 17: 7])[15], 14)             // udiv x15, x16, x17
        XCTAssertEqual(run(0x9ad10a0f, [16: 100, 17: 0])[15], 0, "divide by zero gives 0")
        XCTAssertEqual(run(0x1ad40e72, [19: 0x8000_0000, 20: 0xFFFF_FFFF])[18], 0x8000_0000, "INT_MIN / -1")
        XCTAssertEqual(run(0x9ad722d5, [22: 1, 23: 68])[21], 16, "shift amount modulo 64")
        XCTAssertEqual(run(0x1ada2f38, [25: 0x1234_5678, 26: 36])[24], 0x8123_4567, "rotate modulo 32")
        XCTAssertEqual(run(0x9ac24c20, [1: 0xFFFF_FFFF, 2: 0x0123_4567_89AB_CDEF])[0], 0xBBC4_1DB8)  // crc32x
        XCTAssertEqual(run(0x1ac55083, [4: 0x1234_5678, 5: 0x9A])[3], 0x0219_ECBB)  // crc32cb
    }

    func testOneSourceAndMultiply() {
        XCTAssertEqual(run(0xdac000e6, [7: 1])[6], 1 << 63)                                   // rbit
        XCTAssertEqual(run(0x5ac00528, [9: 0x1122_3344])[8], 0x2211_4433)                     // rev16 w
        XCTAssertEqual(run(0xdac0096a, [11: 0x0011_2233_4455_6677])[10], 0x3322_1100_7766_5544) // rev32
        XCTAssertEqual(run(0xdac00dac, [13: 0x0011_2233_4455_6677])[12], 0x7766_5544_3322_1100) // rev
        XCTAssertEqual(run(0x5ac011ee, [15: 0x0001_0000])[14], 15)                            // clz w
        XCTAssertEqual(run(0xdac01630, [17: 0xFFFF_0000_0000_0000])[16], 15)                  // cls x
        XCTAssertEqual(run(0x9b145672, [19: 3, 20: 4, 21: 5])[18], 17)                        // madd
        XCTAssertEqual(run(0x1b18e6f6, [23: 1, 24: 1, 25: 0])[22], 0xFFFF_FFFF)               // msub w
        XCTAssertEqual(run(0x9b3c7f7a, [27: 0xFFFF_FFFE, 28: 3])[26], UInt64(bitPattern: -6)) // smull
        XCTAssertEqual(run(0x9bc27c20, [1: .max, 2: .max])[0], 0xFFFF_FFFF_FFFF_FFFE)         // umulh
        XCTAssertEqual(run(0x9b457c83, [4: .max, 5: 1])[3], .max)                             // smulh
        XCTAssertEqual(run(0x9ba824e6, [7: 0xFFFF_FFFF, 8: 2, 9: 1])[6], 0x1_FFFF_FFFF)       // umaddl
    }

    func testLogicalShifted() {
        let h = run(0xeaac0d6a, [11: 0xF000_0000_0000_0000, 12: 1 << 63])   // bics x10, x11, x12, asr #3
        XCTAssertEqual(h[10], 0); XCTAssertEqual(h.flags, 0b0100)
        XCTAssertEqual(run(0x4aef1dcd, [14: 0, 15: 0x80])[13], 0xFFFF_FFFE)  // eon w13, w14, w15, ror #7
        XCTAssertEqual(run(0xaa62f020, [1: 0, 2: 0xF000_0000_0000_0000])[0], 0xFFFF_FFFF_FFFF_FFF0)  // orn lsr #60
    }
}

/// Every condition holds exactly when ConditionHolds says, read from the
/// CPU's table and from a decoded instruction's row of it (Decoded.holds).
final class ConditionHoldsTests: XCTestCase {
    func testConditionHoldsForEveryConditionAndFlagValue() {
        let h = Harness([])
        for f in UInt32(0)..<16 {
            h.flags = f
            for cond in UInt8(0)..<16 {
                XCTAssertEqual(h.cpu.conditionHolds(cond), CPU.conditionHoldsSlow(cond, nzcv: f << 28),
                               "cond \(cond), NZCV \(f)")
            }
        }
    }

    /// CSEL, CSINC, CSINV, CSNEG and CCMP run from their decoded form's row
    /// of the condition table (Decoded.holds): each picks its operand, or
    /// sets its flags, exactly when ConditionHolds says.
    func testConditionalSelectAndCompareForEveryConditionAndFlagValue() {
        for cond in UInt32(0)..<16 {
            let words: [UInt32] = [
                0x9A82_0020 | cond << 12,   // CSEL  X0, X1, X2, cond
                0x9A82_0423 | cond << 12,   // CSINC X3, X1, X2, cond
                0xDA82_0024 | cond << 12,   // CSINV X4, X1, X2, cond
                0xDA82_0425 | cond << 12,   // CSNEG X5, X1, X2, cond
                0xFA40_0825 | cond << 12,   // CCMP  X1, #0, #0b0101, cond
            ]
            for f in UInt32(0)..<16 {
                let h = Harness(words)
                h[1] = 0; h[2] = 7; h.flags = f
                h.step(5)
                let holds = CPU.conditionHoldsSlow(UInt8(cond), nzcv: f << 28)
                XCTAssertEqual(h[0], holds ? 0 : 7, "CSEL cond \(cond) NZCV \(f)")
                XCTAssertEqual(h[3], holds ? 0 : 8, "CSINC cond \(cond) NZCV \(f)")
                XCTAssertEqual(h[4], holds ? 0 : ~7, "CSINV cond \(cond) NZCV \(f)")
                XCTAssertEqual(h[5], holds ? 0 : 0 &- 7, "CSNEG cond \(cond) NZCV \(f)")
                XCTAssertEqual(h.flags, holds ? 0b0110 : 0b0101, "CCMP cond \(cond) NZCV \(f)")
            }
        }
    }
}
