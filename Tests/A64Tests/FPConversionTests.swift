// FPToFixed, FixedToFP, FPConvert (incl. AHP and round-to-odd), FPRoundInt
// and FPRoundIntN against the host (rint/round/cvt in each rounding mode) and
// the reference rounding, plus hand-checked vectors.
import A64
import Glibc
import XCTest

final class FPConversionTests: XCTestCase {
    static let formats: [FPFormat] = [.half, .single, .double]
    static let modes: [FPRounding] = [.tieEven, .posInf, .negInf, .zero, .tieAway]

    // MARK: - FPToFixed

    func expectedToFixed(_ a: UInt64, _ f: FPFormat, fbits: Int, unsigned: Bool, _ mode: FPRounding, bits: Int,
                         _ fpcr: UInt32) -> (UInt64, UInt32) {
        let (fa, idc) = fpFlushIn(a, f, fpcr)
        if f.isNaN(a) { return (0, FPT.IOC | idc) }
        let x = f.toDouble(fa) * Double(sign: .plus, exponent: fbits, significand: 1)
        var r: Double
        var inexact: Bool
        if mode == .tieAway {
            r = Glibc.round(x)
            inexact = r != x
        } else {
            let (hr, hf) = fpHostRint(x, FPT.hostModes[Int(mode.rawValue)])
            r = hr
            inexact = hf & FPT.IXC != 0
            XCTAssertEqual(inexact, x.isFinite && r != x)
        }
        let mask: UInt64 = bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
        if unsigned {
            if r < 0 { return (0, FPT.IOC | idc) }
            if r >= Double(sign: .plus, exponent: bits, significand: 1) { return (mask, FPT.IOC | idc) }
            return (UInt64(r), (inexact ? FPT.IXC : 0) | idc)
        }
        let limit = Double(sign: .plus, exponent: bits - 1, significand: 1)
        if r >= limit { return ((mask >> 1), FPT.IOC | idc) }
        if r < -limit { return ((mask >> 1) + 1, FPT.IOC | idc) }
        return (UInt64(bitPattern: Int64(r)) & mask, (inexact ? FPT.IXC : 0) | idc)
    }

    func testToFixedAgainstHost() {
        var rng = FPTestRNG(seed: 0xA64F_0201)
        var failures = 0
        var checked = 0
        for f in Self.formats {
            var inputs = fpSpecials(f)
            for _ in 0..<FPT.scaled(4_000) { inputs.append(fpRandomOperand(f, &rng)) }
            // Values around integers, halves and the saturation limits.
            for _ in 0..<FPT.scaled(3_000) {
                let n = Double(rng.next() >> UInt64(rng.below(64)))
                let frac = [0, 0.25, 0.5, 0.75, 1.0 / 1024][rng.below(5)]
                let v = (n + frac) * (rng.bool() ? -1 : 1)
                var fs: UInt32 = 0
                inputs.append(FP.convert(v.bitPattern, from: .double, to: f, .zero, 0, &fs))
            }
            for a in inputs where failures < 20 {
                for bits in (f == .half ? [16, 32, 64] : [32, 64]) {
                    let unsigned = rng.bool()
                    let fbits = rng.below(3) == 0 ? 0 : rng.below(bits + 1)
                    let mode = Self.modes[rng.below(5)]
                    let fpcr = FPT.fpcr(rmode: rng.below(4), fz: rng.bool(), dn: rng.bool(), fz16: rng.bool())
                    var fpsr: UInt32 = 0
                    let r = FP.toFixed(a, f, fracBits: fbits, unsigned: unsigned, mode, resultBits: bits, fpcr, &fpsr)
                    let (er, ef) = expectedToFixed(a, f, fbits: fbits, unsigned: unsigned, mode, bits: bits, fpcr)
                    checked += 1
                    if r != er || fpsr != ef {
                        failures += 1
                        XCTFail("toFixed \(fpDescribe(f, [a], fpcr)) bits \(bits) fbits \(fbits) unsigned \(unsigned) "
                                + "\(mode): got 0x\(String(r, radix: 16)) \(FPT.flagNames(fpsr)) expected "
                                + "0x\(String(er, radix: 16)) \(FPT.flagNames(ef))")
                    }
                }
            }
        }
        XCTAssertEqual(failures, 0)
        XCTAssertGreaterThan(checked, 40_000)
    }

    func testToFixedVectors() {
        var fpsr: UInt32 = 0
        // FCVTZS/FCVTNS/FCVTAS of -2.5.
        let m25: UInt64 = 0xC004_0000_0000_0000
        XCTAssertEqual(FP.toFixed(m25, .double, fracBits: 0, unsigned: false, .zero, resultBits: 32, 0, &fpsr), 0xFFFF_FFFE)
        XCTAssertEqual(FP.toFixed(m25, .double, fracBits: 0, unsigned: false, .tieEven, resultBits: 32, 0, &fpsr), 0xFFFF_FFFE)
        XCTAssertEqual(FP.toFixed(m25, .double, fracBits: 0, unsigned: false, .tieAway, resultBits: 32, 0, &fpsr), 0xFFFF_FFFD)
        XCTAssertEqual(FP.toFixed(m25, .double, fracBits: 0, unsigned: false, .negInf, resultBits: 64, 0, &fpsr),
                       0xFFFF_FFFF_FFFF_FFFD)
        XCTAssertEqual(fpsr, FPT.IXC)
        // Saturation: IOC without IXC.
        fpsr = 0
        XCTAssertEqual(FP.toFixed(0x4F00_0000, .single, fracBits: 0, unsigned: false, .zero, resultBits: 32, 0, &fpsr),
                       0x7FFF_FFFF)                                             // 2^31
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        XCTAssertEqual(FP.toFixed(0xCF00_0000, .single, fracBits: 0, unsigned: false, .zero, resultBits: 32, 0, &fpsr),
                       0x8000_0000)                                             // -2^31 fits
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.toFixed(0xBF00_0000, .single, fracBits: 0, unsigned: true, .zero, resultBits: 32, 0, &fpsr), 0)
        XCTAssertEqual(fpsr, FPT.IXC)                                           // -0.5 -> 0, inexact only
        fpsr = 0
        XCTAssertEqual(FP.toFixed(0xBF80_0000, .single, fracBits: 0, unsigned: true, .zero, resultBits: 32, 0, &fpsr), 0)
        XCTAssertEqual(fpsr, FPT.IOC)                                           // -1 saturates
        // NaN -> 0 with IOC; infinity saturates.
        fpsr = 0
        XCTAssertEqual(FP.toFixed(0x7E00, .half, fracBits: 0, unsigned: false, .zero, resultBits: 64, 0, &fpsr), 0)
        XCTAssertEqual(fpsr, FPT.IOC)
        XCTAssertEqual(FP.toFixed(0xFC00, .half, fracBits: 0, unsigned: false, .zero, resultBits: 16, 0, &fpsr), 0x8000)
        XCTAssertEqual(FP.toFixed(0x7C00, .half, fracBits: 0, unsigned: true, .zero, resultBits: 16, 0, &fpsr), 0xFFFF)
        // Fixed point: 1.75 with 4 fraction bits = 28.
        fpsr = 0
        XCTAssertEqual(FP.toFixed(0x3F00, .half, fracBits: 4, unsigned: false, .zero, resultBits: 32, 0, &fpsr), 28)
        XCTAssertEqual(fpsr, 0)
        // FZ: a denormal converts as zero with IDC (no IXC).
        XCTAssertEqual(FP.toFixed(0x0000_0001, .single, fracBits: 32, unsigned: false, .posInf, resultBits: 32,
                                  FPT.fpcr(rmode: 0, fz: true), &fpsr), 0)
        XCTAssertEqual(fpsr, FPT.IDC)
    }

    // MARK: - FixedToFP

    func testFromFixedAgainstHostAndReference() {
        var rng = FPTestRNG(seed: 0xA64F_0202)
        var failures = 0
        for f in Self.formats {
            for i in 0..<FPT.scaled(30_000) where failures < 20 {
                let srcBits = [16, 32, 64][rng.below(3)]
                let signed = rng.bool()
                var v = rng.next() >> UInt64(rng.below(64))
                if i % 7 == 0 { v = [0, 1, ~0, 1 << 63, (1 << 63) - 1, 0x8000, 0x7FFF_FFFF][rng.below(7)] }
                if srcBits < 64 { v &= (1 << UInt64(srcBits)) - 1 }
                let fbits = rng.below(3) == 0 ? 0 : rng.below(srcBits + 1)
                let mode = Self.modes[rng.below(5)]
                let fpcr = FPT.fpcr(rmode: rng.below(4), fz: rng.bool(), dn: rng.bool(), fz16: rng.bool())
                var fpsr: UInt32 = 0
                let r = FP.fromFixed(v, sourceBits: srcBits, signed: signed, fracBits: fbits, f, mode, fpcr, &fpsr)
                // The integer as a 64-bit value.
                var v64 = v
                if signed && srcBits < 64 && (v >> UInt64(srcBits - 1)) & 1 != 0 { v64 |= ~0 << UInt64(srcBits) }
                let expected: (UInt64, UInt32)
                let scale = Double(sign: .plus, exponent: -fbits, significand: 1)
                if v64 == 0 {
                    expected = (0, 0)
                } else if f == .double && mode == .tieAway {
                    // Integer rounding to 53 bits, ties away from zero.
                    let neg = signed && Int64(bitPattern: v64) < 0
                    let mag = neg ? 0 &- v64 : v64
                    let width = 64 - mag.leadingZeroBitCount
                    var q = mag, shift = 0, inexact = false
                    if width > 53 {
                        shift = width - 53
                        let rem = mag & ((1 << UInt64(shift)) - 1)
                        q = mag >> UInt64(shift)
                        if rem >= 1 << UInt64(shift - 1) { q += 1 }
                        inexact = rem != 0
                    }
                    let d = Double(q) * Double(sign: .plus, exponent: shift, significand: 1) * scale
                    expected = ((neg ? -d : d).bitPattern, inexact ? FPT.IXC : 0)
                } else if f != .half && mode != .tieAway {
                    let (d, fl) = fpHostIntToFloat(v64, signed: signed, single: f == .single,
                                                   FPT.hostModes[Int(mode.rawValue)])
                    expected = (f.fromDoubleExact(d * scale), fl)
                } else {
                    let (d, fl) = fpHostIntToFloat(v64, signed: signed, single: false, FPT.hostRZ)
                    let fz = f == .half ? fpcr & FPCRBits.FZ16 != 0 : fpcr & FPCRBits.FZ != 0
                    let rr = fpRefRound(d * scale, sticky: fl & FPT.IXC != 0, f, mode, fz: fz)
                    expected = (rr.bits, rr.flags)
                }
                if r != expected.0 || fpsr != expected.1 {
                    failures += 1
                    XCTFail("fromFixed 0x\(String(v, radix: 16)) src \(srcBits) signed \(signed) fbits \(fbits) "
                            + "\(FPT.name(f)) \(mode) fpcr 0x\(String(fpcr, radix: 16)): got \(FPT.hex(r, f)) "
                            + "\(FPT.flagNames(fpsr)) expected \(FPT.hex(expected.0, f)) \(FPT.flagNames(expected.1))")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testFromFixedVectors() {
        var fpsr: UInt32 = 0
        XCTAssertEqual(FP.fromFixed(0xFFFF_FFFF, sourceBits: 32, signed: true, fracBits: 0, .single, .tieEven, 0, &fpsr),
                       0xBF80_0000)
        XCTAssertEqual(FP.fromFixed(0xFFFF_FFFF, sourceBits: 32, signed: false, fracBits: 0, .single, .tieEven, 0, &fpsr),
                       0x4F80_0000)                                          // 2^32 (rounded)
        XCTAssertEqual(fpsr, FPT.IXC)
        fpsr = 0
        XCTAssertEqual(FP.fromFixed(1 << 63, sourceBits: 64, signed: true, fracBits: 0, .double, .tieEven, 0, &fpsr),
                       0xC3E0_0000_0000_0000)                                // -2^63
        XCTAssertEqual(FP.fromFixed(3, sourceBits: 16, signed: false, fracBits: 1, .half, .tieEven, 0, &fpsr), 0x3E00)
        XCTAssertEqual(fpsr, 0)
        // 65520 rounds to infinity in half (overflow), 65519 does not.
        XCTAssertEqual(FP.fromFixed(65520, sourceBits: 32, signed: false, fracBits: 0, .half, .tieEven, 0, &fpsr), 0x7C00)
        XCTAssertEqual(fpsr, FPT.OFC | FPT.IXC)
        fpsr = 0
        XCTAssertEqual(FP.fromFixed(65519, sourceBits: 32, signed: false, fracBits: 0, .half, .tieEven, 0, &fpsr), 0x7BFF)
        XCTAssertEqual(fpsr, FPT.IXC)
        // Tiny half results: denormal, or flushed with FZ16 (UFC).
        fpsr = 0
        XCTAssertEqual(FP.fromFixed(1, sourceBits: 64, signed: false, fracBits: 24, .half, .tieEven, 0, &fpsr), 0x0001)
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.fromFixed(1, sourceBits: 64, signed: false, fracBits: 24, .half, .tieEven,
                                    FPT.fpcr(rmode: 0, fz16: true), &fpsr), 0x0000)
        XCTAssertEqual(fpsr, FPT.UFC)
        // Zero is +0.
        fpsr = 0
        XCTAssertEqual(FP.fromFixed(0, sourceBits: 32, signed: true, fracBits: 5, .single, .negInf, 0, &fpsr), 0)
        XCTAssertEqual(fpsr, 0)
    }

    // MARK: - FPConvert

    /// FPConvertNaN written as a plain shift of the fraction field.
    func expectedConvertNaN(_ a: UInt64, _ from: FPFormat, _ to: FPFormat) -> UInt64 {
        let frac = (a & from.tFracMask) | from.tQuiet
        let shifted = to.fracBits >= from.fracBits ? frac << UInt64(to.fracBits - from.fracBits)
                                                  : frac >> UInt64(from.fracBits - to.fracBits)
        return (from.isNeg(a) ? to.tSign : 0) | to.tInf | shifted
    }

    func expectedConvert(_ a: UInt64, _ from: FPFormat, _ to: FPFormat, _ mode: FPRounding, _ fpcr: UInt32)
        -> (UInt64, UInt32) {
        let ahp = fpcr & FPCRBits.AHP != 0
        let fz = fpcr & FPCRBits.FZ != 0
        var idc: UInt32 = 0
        var x: UInt64 = a
        if from != .half && fz && from.kind(a) == .denormal { x = a & from.tSign; idc = FPT.IDC }
        let altOut = to == .half && ahp
        let sign: UInt64 = from.isNeg(a) ? to.tSign : 0
        // Decode (AHP half input has no infinities or NaNs).
        let k = from == .half && ahp && from.kind(a) != .zero && from.kind(a) != .denormal ? .normal : from.kind(x)
        switch k {
        case .qnan, .snan:
            if altOut { return (sign, FPT.IOC | idc) }
            let r = fpcr & FPCRBits.DN != 0 ? to.tDefaultNaN : expectedConvertNaN(a, from, to)
            return (r, (k == .snan ? FPT.IOC : 0) | idc)
        case .inf:
            if altOut { return (sign | (to.tSign - 1), FPT.IOC | idc) }
            return (sign | to.tInf, idc)
        case .zero:
            return (sign, idc)
        default: break
        }
        var v: Double
        if from == .half && ahp {
            let e = Int((a >> 10) & 0x1F), fr = Double(a & 0x3FF)
            v = e == 0 ? fr * 0x1p-24 : (1 + fr / 1024) * Double(sign: .plus, exponent: e - 15, significand: 1)
            if from.isNeg(a) { v = -v }
        } else {
            v = from.toDouble(x)
        }
        let fzOut = to != .half && fz
        if to == .double {
            return (v.bitPattern, idc)                      // widening to double is exact
        }
        if to == .single && mode.rawValue < 4 && !(fzOut && Swift.abs(v) < 0x1p-126) {
            let (r, fl0) = fpHostDoubleToSingle(v, FPT.hostModes[Int(mode.rawValue)])
            var fl = fl0 & ~FPT.UFC
            if Swift.abs(v) < 0x1p-126 && fl & FPT.IXC != 0 { fl |= FPT.UFC }   // tininess before rounding
            return (UInt64(r.bitPattern), fl | idc)
        }
        let rr = fpRefRound(v, sticky: false, to, mode, fz: fzOut, ahp: altOut)
        return (rr.bits, rr.flags | idc)
    }

    func testConvertAgainstHostAndReference() {
        var rng = FPTestRNG(seed: 0xA64F_0203)
        var failures = 0
        var checked = 0
        let allModes: [FPRounding] = [.tieEven, .posInf, .negInf, .zero, .tieAway, .odd]
        for from in Self.formats {
            for to in Self.formats where to != from {
                var inputs = fpSpecials(from)
                for _ in 0..<FPT.scaled(15_000) { inputs.append(fpRandomOperand(from, &rng)) }
                // Values at the destination's overflow and underflow boundaries.
                if to.fracBits < from.fracBits {
                    for _ in 0..<FPT.scaled(5_000) {
                        let toMax = to.toDouble(to.tMaxNormal)
                        let toMin = to.tMinNormalValue
                        let base = [toMax, toMin, toMin * 0x1p-5, 131008.0, 65504.0][rng.below(5)]
                        let d = base * (1 + Double(Int(rng.next() % 64) - 32) * 0x1p-12)
                        var fs: UInt32 = 0
                        let x = FP.convert(d.bitPattern, from: .double, to: from, .zero, 0, &fs)
                        inputs.append(x | (rng.bool() ? from.tSign : 0))
                    }
                }
                for a in inputs where failures < 20 {
                    let mode = allModes[rng.below(6)]
                    let fpcr = FPT.fpcr(rmode: rng.below(4), fz: rng.bool(), dn: rng.bool(), fz16: rng.bool(),
                                        ahp: rng.bool())
                    var fpsr: UInt32 = 0
                    let r = FP.convert(a, from: from, to: to, mode, fpcr, &fpsr)
                    let (er, ef) = expectedConvert(a, from, to, mode, fpcr)
                    checked += 1
                    if r != er || fpsr != ef {
                        failures += 1
                        XCTFail("convert \(FPT.name(from))->\(FPT.name(to)) \(FPT.hex(a, from)) \(mode) fpcr "
                                + "0x\(String(fpcr, radix: 16)): got \(FPT.hex(r, to)) \(FPT.flagNames(fpsr)) "
                                + "expected \(FPT.hex(er, to)) \(FPT.flagNames(ef))")
                    }
                }
            }
        }
        XCTAssertEqual(failures, 0)
        XCTAssertGreaterThan(checked, 100_000)
    }

    func testAlternativeHalfPrecision() {
        let ahp = FPT.fpcr(rmode: 0, ahp: true)
        var fpsr: UInt32 = 0
        XCTAssertEqual(FP.convert(0x4780_0000, from: .single, to: .half, .tieEven, ahp, &fpsr), 0x7C00)   // 65536
        XCTAssertEqual(FP.convert(0x47FF_E000, from: .single, to: .half, .tieEven, ahp, &fpsr), 0x7FFF)   // 131008
        XCTAssertEqual(FP.convert(0x7C00, from: .half, to: .single, .tieEven, ahp, &fpsr), 0x4780_0000)
        XCTAssertEqual(FP.convert(0xFFFF, from: .half, to: .double, .tieEven, ahp, &fpsr), 0xC0FF_FC00_0000_0000)
        XCTAssertEqual(fpsr, 0)
        // Overflow saturates with IOC and no IXC; RZ keeps the largest value with IXC.
        XCTAssertEqual(FP.convert(0x47FF_F000, from: .single, to: .half, .tieEven, ahp, &fpsr), 0x7FFF)   // 131040 tie
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        XCTAssertEqual(FP.convert(0x47FF_F000, from: .single, to: .half, .zero, ahp, &fpsr), 0x7FFF)
        XCTAssertEqual(fpsr, FPT.IXC)
        fpsr = 0
        XCTAssertEqual(FP.convert(0xC800_0000, from: .single, to: .half, .tieEven, ahp, &fpsr), 0xFFFF)   // -131072
        XCTAssertEqual(fpsr, FPT.IOC)
        // Infinity and NaN: saturate / zero, always IOC.
        fpsr = 0
        XCTAssertEqual(FP.convert(0xFF80_0000, from: .single, to: .half, .tieEven, ahp, &fpsr), 0xFFFF)
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        XCTAssertEqual(FP.convert(0xFFF8_0000_0000_0000, from: .double, to: .half, .tieEven, ahp, &fpsr), 0x8000)
        XCTAssertEqual(fpsr, FPT.IOC)
        // IEEE half: 65536 overflows to infinity.
        fpsr = 0
        XCTAssertEqual(FP.convert(0x4780_0000, from: .single, to: .half, .tieEven, 0, &fpsr), 0x7C00)
        XCTAssertEqual(fpsr, FPT.OFC | FPT.IXC)
        // AHP does not affect half arithmetic.
        fpsr = 0
        XCTAssertEqual(FP.add(0x7C00, 0x3C00, .half, ahp, &fpsr), 0x7C00)
        XCTAssertEqual(FP.mul(0x7BFF, 0x4000, .half, ahp, &fpsr), 0x7C00)
        XCTAssertEqual(fpsr, FPT.OFC | FPT.IXC)
    }

    func testConvertRoundingAndFlushVectors() {
        var fpsr: UInt32 = 0
        // FCVTXN: round to odd. 1 + 2^-30 -> 1 + 2^-23 (odd), inexact; exact values unchanged.
        XCTAssertEqual(FP.convert(0x3FF0_0000_0040_0000, from: .double, to: .single, .odd, 0, &fpsr), 0x3F80_0001)
        XCTAssertEqual(fpsr, FPT.IXC)
        fpsr = 0
        XCTAssertEqual(FP.convert(0x3FF0_0000_2000_0000, from: .double, to: .single, .odd, 0, &fpsr), 0x3F80_0001)
        XCTAssertEqual(FP.convert(0x3FF0_0000_6000_0000, from: .double, to: .single, .odd, 0, &fpsr), 0x3F80_0003)
        XCTAssertEqual(FP.convert(0x4000_0000_0000_0000, from: .double, to: .single, .odd, 0, &fpsr), 0x4000_0000)
        // Overflow with round to odd: the largest normal.
        XCTAssertEqual(FP.convert(0x4C80_0000_0000_0000, from: .double, to: .single, .odd, 0, &fpsr), 0x7F7F_FFFF)
        XCTAssertEqual(fpsr, FPT.IXC | FPT.OFC)
        // Ties away from zero.
        fpsr = 0
        XCTAssertEqual(FP.convert(0x3FF0_0000_1000_0000, from: .double, to: .single, .tieAway, 0, &fpsr), 0x3F80_0001)
        XCTAssertEqual(FP.convert(0x3FF0_0000_1000_0000, from: .double, to: .single, .tieEven, 0, &fpsr), 0x3F80_0000)
        XCTAssertEqual(FP.convert(0x3FF0_0000_3000_0000, from: .double, to: .single, .tieEven, 0, &fpsr), 0x3F80_0002)
        XCTAssertEqual(fpsr, FPT.IXC)
        // FZ: single denormal input flushed (IDC); tiny single result flushed (UFC);
        // half denormals are never flushed by FCVT (FZ16 ignored).
        fpsr = 0
        let fz = FPT.fpcr(rmode: 0, fz: true, fz16: true)
        XCTAssertEqual(FP.convert(0x8000_0001, from: .single, to: .double, .tieEven, fz, &fpsr), 0x8000_0000_0000_0000)
        XCTAssertEqual(fpsr, FPT.IDC)
        fpsr = 0
        XCTAssertEqual(FP.convert(0x3800_0000_0000_0000, from: .double, to: .single, .tieEven, fz, &fpsr), 0)
        XCTAssertEqual(fpsr, FPT.UFC)
        fpsr = 0
        XCTAssertEqual(FP.convert(0x0001, from: .half, to: .single, .tieEven, fz, &fpsr), 0x3380_0000)
        XCTAssertEqual(FP.convert(0x3380_0000, from: .single, to: .half, .tieEven, fz, &fpsr), 0x0001)
        XCTAssertEqual(fpsr, 0)
        // NaN payloads move with the quiet bit; signalling NaNs are quietened.
        XCTAssertEqual(FP.convert(0x7FF0_0000_0000_0001 | (0x155 << 42), from: .double, to: .half, .tieEven, 0, &fpsr),
                       0x7F55)
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        XCTAssertEqual(FP.convert(0xFE55, from: .half, to: .double, .tieEven, 0, &fpsr), 0xFFF9_5400_0000_0000)
        XCTAssertEqual(FP.convert(0xFE55, from: .half, to: .double, .tieEven, FPT.fpcr(rmode: 0, dn: true), &fpsr),
                       0x7FF8_0000_0000_0000)
        XCTAssertEqual(fpsr, 0)
    }

    // MARK: - FPRoundInt / FPRoundIntN

    func testRoundIntAgainstHost() {
        var rng = FPTestRNG(seed: 0xA64F_0204)
        var failures = 0
        for f in Self.formats {
            var inputs = fpSpecials(f)
            for _ in 0..<FPT.scaled(20_000) { inputs.append(fpRandomOperand(f, &rng)) }
            for i in 0..<FPT.scaled(4_000) {   // halves and near-integers
                let n = Double(i % 100) + [0.5, 0.25, 0.75, 0.0][i % 4]
                var fs: UInt32 = 0
                inputs.append(FP.convert((rng.bool() ? -n : n).bitPattern, from: .double, to: f, .zero, 0, &fs))
            }
            for a in inputs where failures < 20 {
                let mode = Self.modes[rng.below(5)]
                let exact = rng.bool()
                let fpcr = FPT.fpcr(rmode: rng.below(4), fz: rng.bool(), dn: rng.bool(), fz16: rng.bool())
                var fpsr: UInt32 = 0
                let r = FP.roundInt(a, f, mode, exact: exact, fpcr, &fpsr)
                let (fa, idc) = fpFlushIn(a, f, fpcr)
                var expected: (UInt64, UInt32)
                if let (n, fl) = fpExpectedNaN([a], f, dn: fpcr & FPCRBits.DN != 0) {
                    expected = (n, fl)
                } else {
                    let x = f.toDouble(fa)
                    let (v, fl) = mode == .tieAway ? (Glibc.round(x), x.isFinite && Glibc.round(x) != x ? FPT.IXC : 0)
                                                   : fpHostRint(x, FPT.hostModes[Int(mode.rawValue)])
                    expected = (f.fromDoubleExact(v), (exact ? fl & FPT.IXC : 0) | idc)
                }
                if r != expected.0 || fpsr != expected.1 {
                    failures += 1
                    XCTFail("roundInt \(fpDescribe(f, [a], fpcr)) \(mode) exact \(exact): got \(FPT.hex(r, f)) "
                            + "\(FPT.flagNames(fpsr)) expected \(FPT.hex(expected.0, f)) \(FPT.flagNames(expected.1))")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testRoundIntVectors() {
        var fpsr: UInt32 = 0
        XCTAssertEqual(FP.roundInt(0xBFE0_0000_0000_0000, .double, .tieEven, exact: true, 0, &fpsr), 0x8000_0000_0000_0000)
        XCTAssertEqual(fpsr, FPT.IXC)                                           // FRINTX(-0.5) = -0, inexact
        fpsr = 0
        XCTAssertEqual(FP.roundInt(0xBFE0_0000_0000_0000, .double, .tieAway, exact: false, 0, &fpsr), 0xBFF0_0000_0000_0000)
        XCTAssertEqual(FP.roundInt(0x4020_0000, .single, .tieEven, exact: false, 0, &fpsr), 0x4000_0000)   // 2.5 -> 2
        XCTAssertEqual(FP.roundInt(0x4020_0000, .single, .tieAway, exact: false, 0, &fpsr), 0x4040_0000)   // 2.5 -> 3
        XCTAssertEqual(FP.roundInt(0x3C01, .half, .posInf, exact: false, 0, &fpsr), 0x4000)                // 1.0009 -> 2
        XCTAssertEqual(FP.roundInt(0xBC01, .half, .zero, exact: false, 0, &fpsr), 0xBC00)
        XCTAssertEqual(fpsr, 0)                                                 // FRINT[^X] never signals Inexact
        XCTAssertEqual(FP.roundInt(0x0001, .half, .posInf, exact: true, 0, &fpsr), 0x3C00)
        XCTAssertEqual(fpsr, FPT.IXC)
        fpsr = 0
        XCTAssertEqual(FP.roundInt(0x0000_0001, .single, .posInf, exact: true, FPT.fpcr(rmode: 0, fz: true), &fpsr), 0)
        XCTAssertEqual(fpsr, FPT.IDC)
        fpsr = 0
        XCTAssertEqual(FP.roundInt(0x7F80_0001, .single, .zero, exact: true, 0, &fpsr), 0x7FC0_0001)
        XCTAssertEqual(fpsr, FPT.IOC)
    }

    func testRoundIntN() {
        var rng = FPTestRNG(seed: 0xA64F_0205)
        var failures = 0
        for f in [FPFormat.single, .double] {
            var inputs = fpSpecials(f)
            for _ in 0..<FPT.scaled(10_000) { inputs.append(fpRandomOperand(f, &rng)) }
            for d in [2147483647.5, 2147483648.0, -2147483648.0, -2147483648.5, -2147483649.0, 9.2233720368547758e18,
                      -9.2233720368547758e18, 2147483646.5] {
                var fs: UInt32 = 0
                inputs.append(FP.convert(d.bitPattern, from: .double, to: f, .zero, 0, &fs))
            }
            for a in inputs where failures < 20 {
                let mode = Self.modes[rng.below(5)]
                let intSize = rng.bool() ? 32 : 64
                let fpcr = FPT.fpcr(rmode: rng.below(4), fz: rng.bool(), dn: rng.bool())
                var fpsr: UInt32 = 0
                let r = FP.roundIntN(a, f, mode, intSize: intSize, fpcr, &fpsr)
                let (fa, idc) = fpFlushIn(a, f, fpcr)
                let minInt = f.fromDoubleExact(-Double(sign: .plus, exponent: intSize - 1, significand: 1))
                var expected: (UInt64, UInt32)
                let x = f.toDouble(fa)
                if f.isNaN(a) || x.isInfinite {
                    expected = (minInt, FPT.IOC | idc)
                } else {
                    let (v, fl) = mode == .tieAway ? (Glibc.round(x), Glibc.round(x) != x ? FPT.IXC : 0)
                                                   : fpHostRint(x, FPT.hostModes[Int(mode.rawValue)])
                    let lim = Double(sign: .plus, exponent: intSize - 1, significand: 1)
                    if v >= lim || v < -lim {
                        expected = (minInt, FPT.IOC | idc)
                    } else {
                        expected = (f.fromDoubleExact(v), (fl & FPT.IXC) | idc)
                    }
                }
                if r != expected.0 || fpsr != expected.1 {
                    failures += 1
                    XCTFail("roundIntN\(intSize) \(fpDescribe(f, [a], fpcr)) \(mode): got \(FPT.hex(r, f)) "
                            + "\(FPT.flagNames(fpsr)) expected \(FPT.hex(expected.0, f)) \(FPT.flagNames(expected.1))")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }
}
