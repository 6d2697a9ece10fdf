// FPRecipEstimate, FPRSqrtEstimate (against a literal transliteration of the
// pseudocode and hand-computed vectors), FPRecipStepFused/FPRSqrtStepFused
// (against the host fma), FPRecpX and the unsigned estimates.
import A64
import XCTest

final class FPEstimateTests: XCTestCase {
    // MARK: - Literal pseudocode (written independently of the library)

    static func recipEstimateLiteral(_ aIn: Int) -> Int {
        var a = aIn
        a = a * 2 + 1
        let b = (1 << 19) / a
        return (b + 1) / 2
    }

    static func recipSqrtEstimateLiteral(_ aIn: Int) -> Int {
        var a = aIn
        if a < 256 {
            a = a * 2 + 1
        } else {
            a = (a >> 1) << 1
            a = (a + 1) * 2
        }
        var b = 512
        while a * (b + 1) * (b + 1) < (1 << 28) { b += 1 }
        return (b + 1) / 2
    }

    func expectedRecipEstimate(_ op: UInt64, _ f: FPFormat, _ fpcr: UInt32) -> (UInt64, UInt32) {
        let (x, idc) = fpFlushIn(op, f, fpcr)
        if let (n, fl) = fpExpectedNaN([op], f, dn: fpcr & FPCRBits.DN != 0) { return (n, fl) }
        let sign: UInt64 = f.isNeg(op) ? f.tSign : 0
        switch f.kind(x) {
        case .inf: return (sign, idc)
        case .zero: return (sign | f.tInf, FPT.DZC | idc)
        default: break
        }
        let v = Swift.abs(f.toDouble(x))
        let fz = f == .half ? fpcr & FPCRBits.FZ16 != 0 : fpcr & FPCRBits.FZ != 0
        if v < Double(sign: .plus, exponent: -(f.tBias + 1), significand: 1) {
            let mode = (fpcr >> 22) & 3
            let toInf = mode == 0 || (mode == 1 && sign == 0) || (mode == 2 && sign != 0)
            return (sign | (toInf ? f.tInf : f.tMaxNormal), FPT.OFC | FPT.IXC | idc)
        }
        if fz && v >= Double(sign: .plus, exponent: f.tBias - 1, significand: 1) { return (sign, FPT.UFC | idc) }
        var fraction = (op & f.tFracMask) << UInt64(52 - f.fracBits)
        var exp = Int((op >> UInt64(f.fracBits)) & f.tExpAll)
        if exp == 0 {
            if fraction & (1 << 51) == 0 {
                exp = -1
                fraction = (fraction << 2) & ((1 << 52) - 1)
            } else {
                fraction = (fraction << 1) & ((1 << 52) - 1)
            }
        }
        let scaled = Int((1 << 8) + ((fraction >> 44) & 0xFF))
        var resultExp = [5: 29, 8: 253, 11: 2045][f.expBits]! - exp
        let estimate = UInt64(Self.recipEstimateLiteral(scaled))
        fraction = (estimate & 0xFF) << 44
        if resultExp == 0 {
            fraction = (1 << 51) | (fraction >> 1)
        } else if resultExp == -1 {
            fraction = (1 << 50) | (fraction >> 2)
            resultExp = 0
        }
        return (sign | (UInt64(resultExp) << UInt64(f.fracBits)) | (fraction >> UInt64(52 - f.fracBits)), idc)
    }

    func expectedRSqrtEstimate(_ op: UInt64, _ f: FPFormat, _ fpcr: UInt32) -> (UInt64, UInt32) {
        let (x, idc) = fpFlushIn(op, f, fpcr)
        if let (n, fl) = fpExpectedNaN([op], f, dn: fpcr & FPCRBits.DN != 0) { return (n, fl) }
        let negative = f.isNeg(op)
        if f.kind(x) == .zero { return ((negative ? f.tSign : 0) | f.tInf, FPT.DZC | idc) }
        if negative { return (f.tDefaultNaN, FPT.IOC | idc) }
        if f.kind(x) == .inf { return (0, idc) }
        var fraction = (op & f.tFracMask) << UInt64(52 - f.fracBits)
        var exp = Int((op >> UInt64(f.fracBits)) & f.tExpAll)
        if exp == 0 {
            while fraction & (1 << 51) == 0 {
                fraction <<= 1
                exp -= 1
            }
            fraction = (fraction << 1) & ((1 << 52) - 1)
        }
        let scaled = exp % 2 == 0 ? Int(256 + (fraction >> 44)) : Int(128 + (fraction >> 45))
        let k = [5: 44, 8: 380, 11: 3068][f.expBits]!
        let resultExp = Int((Double(k - exp) / 2).rounded(.down))
        let estimate = UInt64(Self.recipSqrtEstimateLiteral(scaled))
        return ((UInt64(resultExp) << UInt64(f.fracBits)) | ((estimate & 0xFF) << UInt64(f.fracBits - 8)), idc)
    }

    func testEstimatesAgainstLiteralPseudocode() {
        var rng = FPTestRNG(seed: 0xA64F_0301)
        var failures = 0
        for f in [FPFormat.half, .single, .double] {
            var inputs = fpSpecials(f)
            for _ in 0..<FPT.scaled(20_000) { inputs.append(fpRandomOperand(f, &rng)) }
            // Every table entry, at several exponents including denormals and the edges.
            for e in [0, 1, 2, f.tBias - 1, f.tBias, Int(f.tExpAll) - 3, Int(f.tExpAll) - 2] {
                for t in 0..<512 {
                    let frac = f.fracBits >= 9 ? UInt64(t) << UInt64(f.fracBits - 9) : UInt64(t)
                    inputs.append((UInt64(e) << UInt64(f.fracBits)) | (frac & f.tFracMask))
                }
            }
            for a in inputs where failures < 20 {
                let fpcr = fpRandomFPCR(&rng)
                var fpsr: UInt32 = 0
                let r = FP.recipEstimate(a, f, fpcr, &fpsr)
                let (er, ef) = expectedRecipEstimate(a, f, fpcr)
                if r != er || fpsr != ef {
                    failures += 1
                    XCTFail("recipEstimate \(fpDescribe(f, [a], fpcr)): got \(FPT.hex(r, f)) \(FPT.flagNames(fpsr)) "
                            + "expected \(FPT.hex(er, f)) \(FPT.flagNames(ef))")
                }
                fpsr = 0
                let s = FP.rsqrtEstimate(a, f, fpcr, &fpsr)
                let (es, esf) = expectedRSqrtEstimate(a, f, fpcr)
                if s != es || fpsr != esf {
                    failures += 1
                    XCTFail("rsqrtEstimate \(fpDescribe(f, [a], fpcr)): got \(FPT.hex(s, f)) \(FPT.flagNames(fpsr)) "
                            + "expected \(FPT.hex(es, f)) \(FPT.flagNames(esf))")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testEstimatesAreAccurateTo8Bits() {
        var rng = FPTestRNG(seed: 0xA64F_0302)
        var worstR = 0.0, worstS = 0.0
        for _ in 0..<FPT.scaled(50_000) {
            let a = fpRandomNormal(.double, &rng, wide: false) & ~(1 << 63)
            var fpsr: UInt32 = 0
            let x = Double(bitPattern: a)
            let r = Double(bitPattern: FP.recipEstimate(a, .double, 0, &fpsr))
            let s = Double(bitPattern: FP.rsqrtEstimate(a, .double, 0, &fpsr))
            worstR = Swift.max(worstR, Swift.abs(r * x - 1))
            worstS = Swift.max(worstS, Swift.abs(s * s * x - 1))
            XCTAssertEqual(fpsr, 0)
        }
        XCTAssertLessThan(worstR, 1.0 / 256)
        XCTAssertLessThan(worstS, 1.0 / 128)
        XCTAssertGreaterThan(worstR, 1.0 / 2048)   // it is an estimate, not a division
    }

    func testEstimateVectors() {
        var fpsr: UInt32 = 0
        XCTAssertEqual(FP.recipEstimate(0x3F80_0000, .single, 0, &fpsr), 0x3F7F_8000)                // 1 -> 0.998
        XCTAssertEqual(FP.recipEstimate(0x4000_0000_0000_0000, .double, 0, &fpsr), 0x3FDF_F000_0000_0000)
        XCTAssertEqual(FP.recipEstimate(0xC040_0000, .single, 0, &fpsr), 0xBEAA_8000)                // -3 -> -0.333
        XCTAssertEqual(FP.recipEstimate(0x3C00, .half, 0, &fpsr), 0x3BFC)
        XCTAssertEqual(FP.recipEstimate(0x0040_0000, .single, 0, &fpsr), 0x7EFF_8000)                // 2^-127
        XCTAssertEqual(FP.recipEstimate(0x0020_0000, .single, 0, &fpsr), 0x7F7F_8000)                // 2^-128
        XCTAssertEqual(FP.recipEstimate(0x7E80_0000, .single, 0, &fpsr), 0x007F_C000)                // 2^126
        XCTAssertEqual(FP.recipEstimate(0x7F00_0000, .single, 0, &fpsr), 0x003F_E000)                // 2^127
        XCTAssertEqual(FP.recipEstimate(0xFF80_0000, .single, 0, &fpsr), 0x8000_0000)                // -inf
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.recipEstimate(0x0000_0000, .single, 0, &fpsr), 0x7F80_0000)
        XCTAssertEqual(fpsr, FPT.DZC)
        // Below 2^-128 the reciprocal overflows: by rounding mode.
        fpsr = 0
        XCTAssertEqual(FP.recipEstimate(0x001F_FFFF, .single, 0, &fpsr), 0x7F80_0000)
        XCTAssertEqual(fpsr, FPT.OFC | FPT.IXC)
        XCTAssertEqual(FP.recipEstimate(0x0000_0001, .single, FPT.fpcr(rmode: 3), &fpsr), 0x7F7F_FFFF)
        XCTAssertEqual(FP.recipEstimate(0x8000_0001, .single, FPT.fpcr(rmode: 1), &fpsr), 0xFF7F_FFFF)
        XCTAssertEqual(FP.recipEstimate(0x8000_0001, .single, FPT.fpcr(rmode: 2), &fpsr), 0xFF80_0000)
        // FZ: a denormal input is zero (IDC, DZC); a huge input gives a flushed result (UFC).
        fpsr = 0
        let fz = FPT.fpcr(rmode: 0, fz: true)
        XCTAssertEqual(FP.recipEstimate(0x8000_0001, .single, fz, &fpsr), 0xFF80_0000)
        XCTAssertEqual(fpsr, FPT.IDC | FPT.DZC)
        fpsr = 0
        XCTAssertEqual(FP.recipEstimate(0x7E80_0000, .single, fz, &fpsr), 0)
        XCTAssertEqual(fpsr, FPT.UFC)
        fpsr = 0
        XCTAssertEqual(FP.recipEstimate(0x7800, .half, FPT.fpcr(rmode: 0, fz16: true), &fpsr), 0)        // 2^15
        XCTAssertEqual(fpsr, FPT.UFC)
        // Signalling NaN.
        fpsr = 0
        XCTAssertEqual(FP.recipEstimate(0x7F80_0001, .single, 0, &fpsr), 0x7FC0_0001)
        XCTAssertEqual(fpsr, FPT.IOC)

        // FRSQRTE.
        fpsr = 0
        XCTAssertEqual(FP.rsqrtEstimate(0x3F80_0000, .single, 0, &fpsr), 0x3F7F_8000)                // 1 -> 0.998
        XCTAssertEqual(FP.rsqrtEstimate(0x4080_0000, .single, 0, &fpsr), 0x3EFF_8000)                // 4 -> 0.499
        XCTAssertEqual(FP.rsqrtEstimate(0x4000_0000, .single, 0, &fpsr), 0x3F34_8000)                // 2 -> 0.705
        XCTAssertEqual(FP.rsqrtEstimate(0x0000_0000_0000_0001, .double, 0, &fpsr), 0x617F_F000_0000_0000)
        XCTAssertEqual(FP.rsqrtEstimate(0x3C00, .half, 0, &fpsr), 0x3BFC)
        XCTAssertEqual(FP.rsqrtEstimate(0x7C00, .half, 0, &fpsr), 0x0000)
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.rsqrtEstimate(0x8000_0000, .single, 0, &fpsr), 0xFF80_0000)
        XCTAssertEqual(fpsr, FPT.DZC)
        fpsr = 0
        XCTAssertEqual(FP.rsqrtEstimate(0xBF80_0000, .single, 0, &fpsr), 0x7FC0_0000)
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        XCTAssertEqual(FP.rsqrtEstimate(0x0000_0001, .single, FPT.fpcr(rmode: 0, fz: true), &fpsr), 0x7F80_0000)
        XCTAssertEqual(fpsr, FPT.IDC | FPT.DZC)
    }

    func testTableEntriesMatchLiteralLoops() {
        // Exercise every RecipEstimate / RecipSqrtEstimate input through the public API.
        for t in 0..<256 {
            var fpsr: UInt32 = 0
            let x = UInt64(0x3F80_0000 | (t << 15))                  // fraction<51:44> = t, exponent even? 127 odd
            let r = FP.recipEstimate(x, .single, 0, &fpsr)
            XCTAssertEqual(Int((r >> 15) & 0xFF), Self.recipEstimateLiteral(256 + t) & 0xFF)
            let s = FP.rsqrtEstimate(x, .single, 0, &fpsr)           // exponent 127 (odd): '01':fraction<51:45>
            XCTAssertEqual(Int((s >> 15) & 0xFF), Self.recipSqrtEstimateLiteral(128 + (t >> 1)) & 0xFF)
            let s2 = FP.rsqrtEstimate(x + 0x0080_0000, .single, 0, &fpsr)   // exponent 128 (even)
            XCTAssertEqual(Int((s2 >> 15) & 0xFF), Self.recipSqrtEstimateLiteral(256 + t) & 0xFF)
            XCTAssertEqual(fpsr, 0)
        }
    }

    func testUnsignedEstimates() {
        XCTAssertEqual(FP.unsignedRecipEstimate(0x8000_0000), 0xFF80_0000)
        XCTAssertEqual(FP.unsignedRecipEstimate(0x7FFF_FFFF), 0xFFFF_FFFF)
        XCTAssertEqual(FP.unsignedRecipEstimate(0xFFFF_FFFF), UInt32(Self.recipEstimateLiteral(511)) << 23)
        XCTAssertEqual(FP.unsignedRSqrtEstimate(0x4000_0000), 0xFF80_0000)
        XCTAssertEqual(FP.unsignedRSqrtEstimate(0x3FFF_FFFF), 0xFFFF_FFFF)
        XCTAssertEqual(FP.unsignedRSqrtEstimate(0xFFFF_FFFF), 0x8000_0000)
        for t in 128..<512 {
            XCTAssertEqual(FP.unsignedRSqrtEstimate(UInt32(t) << 23), UInt32(Self.recipSqrtEstimateLiteral(t)) << 23)
        }
        for t in 256..<512 {
            XCTAssertEqual(FP.unsignedRecipEstimate(UInt32(t) << 23 | 0x7F_FFFF),
                           UInt32(Self.recipEstimateLiteral(t)) << 23)
        }
    }

    // MARK: - Steps

    func testStepFusedAgainstHost() {
        var rng = FPTestRNG(seed: 0xA64F_0303)
        var failures = 0
        for f in [FPFormat.half, .single, .double] {
            let two = f.fromDoubleExact(2), three = f.fromDoubleExact(3), onePointFive = f.fromDoubleExact(1.5)
            let sp = fpSpecials(f)
            var pairs: [(UInt64, UInt64)] = sp.flatMap { a in sp.map { (a, $0) } }
            for _ in 0..<FPT.scaled(20_000) {
                let a = fpRandomOperand(f, &rng)
                // b near 1/a (FRECPS) or 1/a^2 (FRSQRTS) makes the interesting cancellation.
                var fs: UInt32 = 0
                let b = rng.bool() ? fpRandomOperand(f, &rng) : FP.recipEstimate(a, f, 0, &fs)
                pairs.append((a, b))
            }
            for (a, b) in pairs where failures < 20 {
                let fpcr = fpRandomFPCR(&rng)
                let (fa, _) = fpFlushIn(a, f, fpcr), (fb, _) = fpFlushIn(b, f, fpcr)
                let infZero = (f.kind(fa) == .inf && f.kind(fb) == .zero) || (f.kind(fa) == .zero && f.kind(fb) == .inf)
                // FRECPS = FPMulAdd(2.0, -a, b) except inf * 0 -> +2.0.
                var fpsr: UInt32 = 0
                let r = FP.recipStepFused(a, b, f, fpcr, &fpsr)
                var (er, ef) = fpExpectedArith(.fma, [two, a ^ f.tSign, b], f, fpcr)
                if infZero && !f.isNaN(a) && !f.isNaN(b) { er = two; ef &= FPT.IDC }
                if r != er || fpsr != ef {
                    failures += 1
                    XCTFail("recipStepFused \(fpDescribe(f, [a, b], fpcr)): got \(FPT.hex(r, f)) "
                            + "\(FPT.flagNames(fpsr)) expected \(FPT.hex(er, f)) \(FPT.flagNames(ef))")
                }
                // FRSQRTS = FPMulAdd(3.0, -a, b) / 2 while no result is near the ends of the range.
                fpsr = 0
                let s = FP.rsqrtStepFused(a, b, f, fpcr, &fpsr)
                var (es, esf) = fpExpectedArith(.fma, [three, a ^ f.tSign, b], f, fpcr)
                if infZero && !f.isNaN(a) && !f.isNaN(b) {
                    es = onePointFive; esf &= FPT.IDC
                } else if f.kind(es) == .inf && f.kind(fa) != .inf && f.kind(fb) != .inf {
                    continue                             // overflow before halving: not comparable
                } else if f.kind(es) == .normal {
                    let v = Swift.abs(f.toDouble(es))
                    guard v >= 4 * f.tMinNormalValue && v <= f.toDouble(f.tMaxNormal) / 2 else { continue }
                    es = f.fromDoubleExact(f.toDouble(es) / 2)
                } else if f.kind(es) != .inf && f.kind(es) != .zero && !f.isNaN(es) {
                    continue
                }
                if s != es || fpsr != esf {
                    failures += 1
                    XCTFail("rsqrtStepFused \(fpDescribe(f, [a, b], fpcr)): got \(FPT.hex(s, f)) "
                            + "\(FPT.flagNames(fpsr)) expected \(FPT.hex(es, f)) \(FPT.flagNames(esf))")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testStepFusedVectors() {
        var fpsr: UInt32 = 0
        XCTAssertEqual(FP.recipStepFused(0x7F80_0000, 0x8000_0000, .single, 0, &fpsr), 0x4000_0000)   // inf*-0 -> +2
        XCTAssertEqual(FP.rsqrtStepFused(0x0000, 0xFC00, .half, 0, &fpsr), 0x3E00)                   // -> +1.5
        XCTAssertEqual(FP.recipStepFused(0x4000_0000, 0x3F80_0000, .single, 0, &fpsr), 0)            // 2 - 2*1 = +0
        XCTAssertEqual(FP.recipStepFused(0x4000_0000, 0x3F80_0000, .single, FPT.fpcr(rmode: 2), &fpsr), 0x8000_0000)
        XCTAssertEqual(FP.rsqrtStepFused(0x3F80_0000, 0x3F80_0000, .single, 0, &fpsr), 0x3F80_0000)  // (3-1)/2 = 1
        XCTAssertEqual(FP.rsqrtStepFused(0x4008_0000_0000_0000, 0x3FF0_0000_0000_0001, .double, 0, &fpsr),
                       0xBCB8_0000_0000_0000)                                                       // -3 * 2^-53
        XCTAssertEqual(FP.recipStepFused(0x7F80_0000, 0x3F80_0000, .single, 0, &fpsr), 0xFF80_0000)  // -inf
        XCTAssertEqual(fpsr, 0)
        // The first operand is negated before NaN processing: its NaN comes back with the sign flipped.
        XCTAssertEqual(FP.recipStepFused(0x7FC0_0001, 0x3F80_0000, .single, 0, &fpsr), 0xFFC0_0001)
        XCTAssertEqual(FP.rsqrtStepFused(0x3C00, 0xFE01, .half, 0, &fpsr), 0xFE01)
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.recipStepFused(0xFF80_0001, 0x7FC0_0002, .single, 0, &fpsr), 0x7FC0_0001)  // sNaN first
        XCTAssertEqual(fpsr, FPT.IOC)
        // FZ: a denormal times infinity counts as 0 * inf.
        fpsr = 0
        XCTAssertEqual(FP.recipStepFused(0x0000_0001, 0xFF80_0000, .single, FPT.fpcr(rmode: 0, fz: true), &fpsr),
                       0x4000_0000)
        XCTAssertEqual(fpsr, FPT.IDC)
        // Fused: 3 - 3 * (1 - 2^-11) = 3 * 2^-11, halved: 1.5 * 2^-11, exact.
        fpsr = 0
        XCTAssertEqual(FP.rsqrtStepFused(0x4200, 0x3BFF, .half, 0, &fpsr), 0x1200)
        XCTAssertEqual(fpsr, 0)
    }

    // MARK: - FPRecpX

    func testRecpX() {
        var fpsr: UInt32 = 0
        XCTAssertEqual(FP.recpX(0x3F80_0000, .single, 0, &fpsr), 0x4000_0000)      // 1 -> 2
        XCTAssertEqual(FP.recpX(0x4040_0000, .single, 0, &fpsr), 0x3F80_0000)      // 3 -> 1 (fraction dropped)
        XCTAssertEqual(FP.recpX(0x0000_0000, .single, 0, &fpsr), 0x7F00_0000)      // 0 -> max exponent
        XCTAssertEqual(FP.recpX(0x8000_0001, .single, 0, &fpsr), 0xFF00_0000)
        XCTAssertEqual(FP.recpX(0x7C00, .half, 0, &fpsr), 0x0000)                  // inf -> 0
        XCTAssertEqual(FP.recpX(0xBFF8_0000_0000_0000, .double, 0, &fpsr), 0xC000_0000_0000_0000)
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.recpX(0x8000_0001, .single, FPT.fpcr(rmode: 0, fz: true), &fpsr), 0xFF00_0000)
        XCTAssertEqual(fpsr, FPT.IDC)
        fpsr = 0
        XCTAssertEqual(FP.recpX(0x7D01, .half, 0, &fpsr), 0x7F01)
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        XCTAssertEqual(FP.recpX(0x7D01, .half, FPT.fpcr(rmode: 0, dn: true), &fpsr), 0x7E00)
        // Random normals: sign * 2^(1 - exponent).
        var rng = FPTestRNG(seed: 0xA64F_0304)
        for _ in 0..<FPT.scaled(5_000) {
            let a = fpRandomNormal(.double, &rng, wide: true)
            fpsr = 0
            let r = FP.recpX(a, .double, 0, &fpsr)
            let e = Int((a >> 52) & 0x7FF) - 1023
            XCTAssertEqual(Double(bitPattern: r), (a >> 63 != 0 ? -1 : 1) * Double(sign: .plus, exponent: 1 - e, significand: 1))
            XCTAssertEqual(fpsr, 0)
        }
    }
}
