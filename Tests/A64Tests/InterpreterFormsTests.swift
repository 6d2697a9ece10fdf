import XCTest
@testable import A64
import Memory

/// The interpreter's forms (Execute/InterpreterForms.swift): a form is given
/// exactly where its general operation's field has the value it assumes, and
/// runs to what the general operation's pseudocode computes.
final class InterpreterFormsTests: XCTestCase {
    /// ADD, ADDS, SUB, SUBS (shifted register) and AND, ANDS, ORR, EOR
    /// (shifted register), with every shift type and both widths, against
    /// C6.2's pseudocode: ShiftReg, then AddWithCarry or the logical
    /// operation. LSL runs the forms; LSR, ASR and ROR the general ops. A
    /// third of them shift by 0: 64-bit ADD and SUBS have forms for that.
    func testShiftedRegisterOperationsComputeThePseudocodesResult() {
        var x: UInt64 = 0x5EED                      // xorshift: a failure repeats
        func next() -> UInt64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
        let edges: [UInt64] = [0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 1 << 63, ~0]
        var forms = 0, unshifted = 0
        for i in 0..<4000 {
            let isLogical = i & 1 == 1
            let sf = next() & 1 == 1
            let opc = UInt32(truncatingIfNeeded: next() & 3)           // AND ORR EOR ANDS / ADD ADDS SUB SUBS
            let shift = UInt32(truncatingIfNeeded: next() % (isLogical ? 4 : 3))   // ROR is reserved for add/sub
            let amount = i % 3 == 0 ? 0 : UInt32(truncatingIfNeeded: next() % (sf ? 64 : 32))
            let a = i % 5 == 0 ? edges[Int(next() % 7)] : next()
            let b = i % 7 == 0 ? edges[Int(next() % 7)] : next()
            let word: UInt32
            if isLogical {
                word = (sf ? 1 << 31 : 0) | opc << 29 | 0b01010 << 24 | shift << 22 | 2 << 16 | amount << 10 | 1 << 5 | 3
            } else {
                word = (sf ? 1 << 31 : 0) | (opc >> 1) << 30 | (opc & 1) << 29 | 0b01011 << 24 | shift << 22
                    | 2 << 16 | amount << 10 | 1 << 5 | 3
            }
            if Decoder.decode(word).interpreterForm.op != Decoder.decode(word).op { forms += 1 }
            let form = Decoder.decode(word).interpreterForm.op
            if form == .ADDX_reg || form == .SUBSX_reg { unshifted += 1 }
            XCTAssertEqual(form == .ADDX_reg || form == .SUBSX_reg,
                           !isLogical && sf && shift == 0 && amount == 0 && (opc == 0 || opc == 3),
                           "word \(String(word, radix: 16)): ADDX_reg and SUBSX_reg exactly for LSL #0")
            XCTAssertEqual(Decoder.decode(word).interpreterForm.op != Decoder.decode(word).op, shift == 0,
                           "word \(String(word, radix: 16)): a form exactly for LSL")

            let h = Harness([word])
            h[1] = a; h[2] = b; h.flags = 0b1111
            h.step(1)
            let op2 = shiftReg(b, UInt8(shift), UInt8(amount), sf)
            let mask: UInt64 = sf ? ~0 : 0xFFFF_FFFF
            var result: UInt64, flags: UInt32 = 0b1111
            if isLogical {
                switch opc {
                case 0, 3: result = a & op2 & mask
                case 1: result = (a | op2) & mask
                default: result = (a ^ op2) & mask
                }
                if opc == 3 { flags = (sf ? UInt32(result >> 63) : UInt32(result >> 31)) << 3 | (result == 0 ? 4 : 0) }
            } else {
                let isSub = opc >> 1 == 1
                let (r, f) = sf ? addWithCarry64(a, isSub ? ~op2 : op2, isSub ? 1 : 0)
                                : addWithCarry32(a, isSub ? ~op2 : op2, isSub ? 1 : 0)
                result = r
                if opc & 1 == 1 { flags = f >> 28 }
            }
            XCTAssertEqual(h[3], result, "word \(String(word, radix: 16)), X1 \(a), X2 \(b)")
            XCTAssertEqual(h.flags, flags, "word \(String(word, radix: 16)), X1 \(a), X2 \(b)")
        }
        XCTAssertGreaterThan(forms, 1000, "the LSL forms ran")
        XCTAssertGreaterThan(unshifted, 50, "the LSL #0 forms ran")
    }

    /// LDR and STR (register) of every size with extend LSL/UXTX, scaled
    /// and not, next to UXTW, SXTW and SXTX, which keep the general ops.
    func testRegisterOffsetLoadsAndStoresAddressWhatExtendRegSays() {
        let d = Harness.data
        for size in 0..<4 {
            for option: UInt32 in [2, 3, 6, 7] {
                for scaled in [false, true] {
                    let s = scaled ? UInt32(1) : 0
                    // ldr<size> x3/w3, [x1, x2/w2, <option> #s*size]; str<size> w4/x4, [x1, same]
                    let load = UInt32(size) << 30 | 0b111000011 << 21 | 2 << 16 | option << 13 | s << 12 | 0b10 << 10 | 1 << 5 | 3
                    let store = UInt32(size) << 30 | 0b111000001 << 21 | 2 << 16 | option << 13 | s << 12 | 0b10 << 10 | 1 << 5 | 4
                    XCTAssertEqual(Decoder.decode(load).interpreterForm.op != Decoder.decode(load).op, option == 3)
                    XCTAssertEqual(Decoder.decode(store).interpreterForm.op != Decoder.decode(store).op, option == 3)
                    let h = Harness([store, load], normalMemory: true)
                    // An index of -2 elements in 32 bits for the W forms,
                    // 2 elements for the X forms (UXTW: 2^32 - 2 is out of
                    // RAM, so it uses +2 too).
                    let index: UInt64 = option == 6 ? 0xFFFF_FFFE : 2
                    let offset: Int64
                    switch option {
                    case 2, 3: offset = Int64(index)
                    default: offset = Int64(Int32(truncatingIfNeeded: index))
                    }
                    let scaledOffset = offset << (scaled ? Int64(size) : 0)
                    let base = d + 0x100
                    h[1] = base; h[2] = index; h[4] = 0x8877_6655_4433_2211
                    h.step(2)
                    let address = UInt64(bitPattern: Int64(bitPattern: base) + scaledOffset)
                    let bytes = 1 << size
                    let expected: UInt64 = size == 3 ? 0x8877_6655_4433_2211 : 0x8877_6655_4433_2211 & ((1 << UInt64(bytes * 8)) - 1)
                    XCTAssertEqual(h.read64(address) & (size == 3 ? ~0 : (1 << UInt64(bytes * 8)) - 1), expected,
                                   "store size \(size), option \(option), scaled \(scaled)")
                    XCTAssertEqual(h[3], expected, "load size \(size), option \(option), scaled \(scaled)")
                }
            }
        }
    }

    /// UBFM and SBFM with every immr and imms of both widths (so every
    /// alias: LSL, LSR, ASR, UBFX, SBFIZ, SXTW...) run as their forms and
    /// give what the general UBFM/SBFM (DecodeBitMasks, C6.2.352) give.
    func testBitfieldMovesComputeWhatUBFMAndSBFMCompute() {
        var x: UInt64 = 0xB17F
        func next() -> UInt64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
        for sf in [false, true] {
            let width = sf ? 64 : 32
            for signed in [false, true] {
                for r in 0..<width {
                    for s in 0..<width {
                        // SBFM/UBFM Xd=3, Xn=1: sf opc 100110 N immr imms Rn Rd
                        let word = (sf ? 1 << 31 | 1 << 22 : 0) | (signed ? 0 : 2) << 29 | 0b100110 << 23
                            | UInt32(r) << 16 | UInt32(s) << 10 | 1 << 5 | 3
                        XCTAssertNotEqual(Decoder.decode(word).interpreterForm.op, Decoder.decode(word).op)
                        let h = Harness([word])
                        let source = (r + s) % 3 == 0 ? ~UInt64(0) >> UInt64(r) : next()
                        h[1] = source
                        h.step(1)
                        let expected = signed ? SBFM(source, r: r, s: s, sf: sf) : UBFM(source, r: r, s: s, sf: sf)
                        XCTAssertEqual(h[3], expected, "\(signed ? "SBFM" : "UBFM") sf \(sf) immr \(r) imms \(s) of \(source)")
                    }
                }
            }
        }
    }

    /// ADD, SUB and SUBS (immediate), both widths, with and without LSL #12:
    /// the 64-bit ones run as their forms; all give AddWithCarry's result.
    func testAddSubtractImmediateComputeAddWithCarry() {
        var x: UInt64 = 0xADD
        func next() -> UInt64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
        for i in 0..<3000 {
            let sf = i & 1 == 1
            let (isSub, setsFlags) = [(false, false), (true, false), (true, true)][i % 3]
            let shifted = next() & 1 == 1
            let imm12 = UInt32(truncatingIfNeeded: next() & 0xFFF)
            // sf op S 100010 sh imm12 Rn=1 Rd=3
            let word = (sf ? 1 << 31 : 0) | (isSub ? 1 << 30 : 0) | (setsFlags ? 1 << 29 : 0) | 0b100010 << 23
                | (shifted ? 1 << 22 : 0) | imm12 << 10 | 1 << 5 | 3
            XCTAssertEqual(Decoder.decode(word).interpreterForm.op != Decoder.decode(word).op, sf)
            let a = i % 9 == 0 ? [0, 1, 0xFFF, 0x8000_0000, 0xFFFF_FFFF, 1 << 63, ~0][Int(next() % 7)] : next()
            let h = Harness([word])
            h[1] = a; h.flags = 0b1111
            h.step(1)
            let b = UInt64(imm12) << (shifted ? 12 : 0)
            let (r, f) = sf ? addWithCarry64(a, isSub ? ~b : b, isSub ? 1 : 0) : addWithCarry32(a, isSub ? ~b : b, isSub ? 1 : 0)
            XCTAssertEqual(h[3], r, "word \(String(word, radix: 16)), X1 \(a)")
            XCTAssertEqual(h.flags, setsFlags ? f >> 28 : 0b1111, "word \(String(word, radix: 16)), X1 \(a)")
        }
    }

    /// ADD (extended register) with every option and shift amount, both
    /// widths: the UXT and SXT forms give X[n] + ExtendReg(m, option, shift).
    func testAddExtendedRegisterComputesExtendReg() {
        var x: UInt64 = 0xE7E
        func next() -> UInt64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
        let edges: [UInt64] = [0, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0x7FFF_FFFF, 0x8000_0000, 1 << 63, ~0]
        for i in 0..<4000 {
            let sf = i & 1 == 1
            let option = UInt32(truncatingIfNeeded: next() & 7)
            let imm3 = UInt32(truncatingIfNeeded: next() % 5)
            // sf 0 0 01011 00 1 Rm=2 option imm3 Rn=1 Rd=3
            let word = (sf ? 1 << 31 : 0) | 0b01011 << 24 | 1 << 21 | 2 << 16 | option << 13 | imm3 << 10 | 1 << 5 | 3
            XCTAssertEqual(Decoder.decode(word).op, .ADD_ext)
            XCTAssertEqual(Decoder.decode(word).interpreterForm.op, option < 4 ? .ADD_uxt : .ADD_sxt)
            let a = next(), b = i % 3 == 0 ? edges[Int(next() % 10)] ^ (next() & 0xFF00_0000_0000_0000) : next()
            let h = Harness([word])
            h[1] = a; h[2] = b
            h.step(1)
            let r = a &+ extendReg(b, UInt8(option), UInt8(imm3))
            XCTAssertEqual(h[3], sf ? r : r & 0xFFFF_FFFF, "word \(String(word, radix: 16)), X1 \(a), X2 \(b)")
        }
    }
}
