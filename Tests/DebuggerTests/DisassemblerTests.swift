import XCTest
@testable import Debugger

/// Spot checks of the disassembler against what llvm-objdump 21 prints for
/// the same words (the full comparison is tools/disasm_compare.py, run by
/// `make check`): one per alias rule that is easy to get wrong.
final class DisassemblerTests: XCTestCase {
    func text(_ w: UInt32, _ pc: UInt64 = 0) -> String {
        Disassembler.text(w, at: pc).replacingOccurrences(of: "\t", with: " ")
    }

    func testPreferredAliases() {
        XCTAssertEqual(text(0xd2a00020), "mov x0, #0x10000")          // MOVZ
        XCTAssertEqual(text(0x92800000), "mov x0, #-0x1")             // MOVN
        XCTAssertEqual(text(0x321c03e0), "orr w0, wzr, #0x10")        // MOVZ can make it
        XCTAssertEqual(text(0x910003e0), "mov x0, sp")                // ADD #0 with SP
        XCTAssertEqual(text(0xd344fc20), "lsr x0, x1, #4")            // UBFM
        XCTAssertEqual(text(0x9a9f17e0), "cset x0, eq")               // CSINC
        XCTAssertEqual(text(0xb6080060, 0x50), "tbz x0, #0x21, 0x5c")
        XCTAssertEqual(text(0xd4000002), "hvc #0")
        XCTAssertEqual(text(0xd4000202), "hvc #0x10")
    }

    func testSystemInstructionsByName() {
        XCTAssertEqual(text(0xd5181000), "msr SCTLR_EL1, x0")
        XCTAssertEqual(text(0xd5088321), "tlbi vae1is, x1")
        XCTAssertEqual(text(0xd50b7e20), "dc civac, x0")
        XCTAssertEqual(text(0xd5087501), "ic iallu")                  // Rt ignored
        XCTAssertEqual(text(0xd503245f), "bti c")
    }

    func testSIMDAndFloatingPoint() {
        XCTAssertEqual(text(0x1e6e1000), "fmov d0, #1.00000000")
        XCTAssertEqual(text(0x6f05e540), "movi v0.2d, #0xff00ff00ff00ff00")
        XCTAssertEqual(text(0x4ea11c20), "mov v0.16b, v1.16b")        // ORR Rn == Rm
    }

    func testUndefinedWordsPrintAsInst() {
        XCTAssertEqual(text(0x0000_0000), ".inst 0x00000000")
        XCTAssertFalse(Disassembler.isDefined(0))
    }
}
