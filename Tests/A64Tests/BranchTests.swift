import XCTest
@testable import A64

/// C4.1.87 Branches: conditional, compare-and-branch, test-and-branch, BL/RET.
final class BranchTests: XCTestCase {
    static let program: [UInt32] = [
        0xeb01001f, // 0x00 cmp x0, x1
        0x5400004b, // 0x04 b.lt 0x0c
        0xd2800022, // 0x08 mov x2, #1
        0x34000043, // 0x0c cbz w3, 0x14
        0xd2800024, // 0x10 mov x4, #1
        0xb7f80045, // 0x14 tbnz x5, #63, 0x1c
        0xd2800026, // 0x18 mov x6, #1
        0x94000002, // 0x1c bl 0x24
        0xd503201f, // 0x20 nop
        0xd65f03c0, // 0x24 ret
    ]

    func testTaken() {
        let h = Harness(Self.program)
        h[0] = UInt64(bitPattern: -1); h[1] = 1             // signed less than
        h[3] = 0xFFFF_FFFF_0000_0000                        // w3 == 0
        h[5] = 1 << 63
        h.step(7)   // cmp b.lt cbz tbnz bl ret nop
        XCTAssertEqual([h[2], h[4], h[6]], [0, 0, 0])
        XCTAssertEqual(h[30], Harness.base + 0x20)
        XCTAssertEqual(h.pcOffset, 0x24)
    }

    func testNotTaken() {
        let h = Harness(Self.program)
        h[0] = 5; h[1] = 1; h[3] = 1; h[5] = 0
        h.step(10)
        XCTAssertEqual([h[2], h[4], h[6]], [1, 1, 1])
        XCTAssertEqual(h.pcOffset, 0x24)
    }

    func testEveryConditionAgainstConditionHolds() {
        // B.cond for all 16 conditions and all 16 flag values.
        for cond in UInt32(0)..<16 {
            for f in UInt32(0)..<16 {
                let h = Harness([0x5400_0040 | cond])        // b.<cond> . + 8
                h.flags = f
                h.step(1)
                let n = f & 8 != 0, z = f & 4 != 0, c = f & 2 != 0, v = f & 1 != 0
                let base: Bool = [z, c, n, v, c && !z, n == v, n == v && !z, true][Int(cond >> 1)]
                let holds = (cond & 1 == 1 && cond != 15) ? !base : base
                XCTAssertEqual(h.pcOffset, holds ? 8 : 4, "cond \(cond) flags \(f)")
            }
        }
    }
}
