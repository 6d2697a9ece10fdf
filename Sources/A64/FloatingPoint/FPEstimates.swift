// Reciprocal and reciprocal square root estimates and steps, FPRecpX, and
// the unsigned integer estimates (URECPE/URSQRTE). FPCR.AH = 0, so no
// FEAT_RPRES increased precision.

extension FP {
    /// RecipEstimate: `a` in 256..<512 (0.5 <= x < 1.0 in units of 1/512);
    /// returns 256..<512 (1.0 <= r < 2.0 in units of 1/256).
    @inline(__always)
    static func recipEstimateInt(_ a: Int) -> Int {
        let aa = a * 2 + 1                 // round to nearest
        let b = (1 << 19) / aa
        return (b + 1) / 2                 // round to nearest
    }

    /// RecipSqrtEstimate: `a` in 128..<512 (0.25 <= x < 1.0 in units of 1/512);
    /// returns 256..<512. The pseudocode's search for the largest b >= 512 with
    /// a * (b+1)^2 < 2^28 is done with a square-root guess and exact fix-up.
    @inline(__always)
    static func recipSqrtEstimateInt(_ a: Int) -> Int {
        var aa: Int
        if a < 256 {
            aa = a * 2 + 1                 // units of 1/512, rounded to nearest
        } else {
            aa = (a >> 1) << 1             // discard bottom bit
            aa = (aa + 1) * 2              // units of 1/256, rounded to nearest
        }
        // c = b + 1 = the smallest c with aa * c * c >= 2^28 (but b >= 512).
        var c = Int((Double(1 << 28) / Double(aa)).squareRoot())
        while aa * c * c >= (1 << 28) { c -= 1 }
        while aa * c * c < (1 << 28) { c += 1 }
        let b = Swift.max(512, c - 1)
        return (b + 1) / 2
    }

    /// FPRecipEstimate (FRECPE).
    public static func recipEstimate(_ a: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        let fz = flushes(f, fpcr)
        let u = unpack(a, f, fz: fz, &fpsr)
        let F = f.fracBits
        switch u.kind {
        case .qnan, .snan:
            return processNaN(u.kind, a, f, fpcr, &fpsr)
        case .infinity:
            return zero(u.sign, f)
        case .zero:
            fpsr |= FPSRBits.DZC
            return infinity(u.sign, f)
        case .normal, .denormal:
            break
        }
        let topExp = u.exp + (63 - u.mant.leadingZeroBitCount)    // value in [2^topExp, 2^(topExp+1))
        if topExp < -(f.bias + 1) {
            // |value| < 2^-(bias+1): the reciprocal overflows.
            fpsr |= FPSRBits.OFC | FPSRBits.IXC
            let toInf: Bool
            switch rounding(fpcr) {
            case .tieEven, .tieAway: toInf = true
            case .posInf: toInf = !u.sign
            case .negInf: toInf = u.sign
            case .zero, .odd: toInf = false
            }
            return toInf ? infinity(u.sign, f) : maxNormal(u.sign, f)
        }
        if fz && topExp >= f.bias - 1 {
            // The reciprocal would be tiny: flushed to zero.
            fpsr |= FPSRBits.UFC
            return zero(u.sign, f)
        }
        let mask52: UInt64 = (1 << 52) - 1
        var fraction = (a & f.fracMask) &<< UInt64(52 - F)
        var exp = Int((a &>> UInt64(F)) & f.expAllOnes)
        if exp == 0 {
            if (fraction >> 51) == 0 {
                exp = -1
                fraction = (fraction << 2) & mask52
            } else {
                fraction = (fraction << 1) & mask52
            }
        }
        let scaled = 256 | Int(fraction >> 44)
        var resultExp = 2 * f.bias - 1 - exp
        let estimate = UInt64(recipEstimateInt(scaled))
        fraction = (estimate & 0xFF) << 44
        if resultExp == 0 {
            fraction = (1 << 51) | (fraction >> 1)
        } else if resultExp == -1 {
            fraction = (1 << 50) | (fraction >> 2)
            resultExp = 0
        }
        return signBits(u.sign, f) | (UInt64(resultExp) &<< UInt64(F)) | (fraction &>> UInt64(52 - F))
    }

    /// FPRSqrtEstimate (FRSQRTE).
    public static func rsqrtEstimate(_ a: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        let fz = flushes(f, fpcr)
        let u = unpack(a, f, fz: fz, &fpsr)
        let F = f.fracBits
        if u.isNaN { return processNaN(u.kind, a, f, fpcr, &fpsr) }
        if u.isZero {
            fpsr |= FPSRBits.DZC
            return infinity(u.sign, f)
        }
        if u.sign {
            fpsr |= FPSRBits.IOC
            return defaultNaN(f)
        }
        if u.isInf { return zero(false, f) }
        let mask52: UInt64 = (1 << 52) - 1
        var fraction = (a & f.fracMask) &<< UInt64(52 - F)
        var exp = Int((a &>> UInt64(F)) & f.expAllOnes)
        if exp == 0 {
            while (fraction >> 51) == 0 {
                fraction <<= 1
                exp -= 1
            }
            fraction = (fraction << 1) & mask52
        }
        // Even exponent: '1':fraction<51:44> (0.5 <= x < 1); odd: '01':fraction<51:45> (0.25 <= x < 0.5).
        let scaled = (exp & 1) == 0 ? 256 | Int(fraction >> 44) : 128 | Int(fraction >> 45)
        let k = 3 * f.bias - 1
        let resultExp = (k - exp) >> 1                    // floor division (k - exp > 0)
        let estimate = UInt64(recipSqrtEstimateInt(scaled))
        return (UInt64(resultExp) &<< UInt64(F)) | ((estimate & 0xFF) &<< UInt64(F - 8))
    }

    /// FPRecipStepFused (FRECPS): 2.0 - a * b with a single rounding.
    public static func recipStepFused(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32,
                                      _ fpsr: inout UInt32) -> UInt64 {
        stepFused(a, b, f, isRSqrt: false, fpcr, &fpsr)
    }

    /// FPRSqrtStepFused (FRSQRTS): (3.0 - a * b) / 2 with a single rounding.
    public static func rsqrtStepFused(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32,
                                      _ fpsr: inout UInt32) -> UInt64 {
        stepFused(a, b, f, isRSqrt: true, fpcr, &fpsr)
    }

    static func stepFused(_ a: UInt64, _ b: UInt64, _ f: FPFormat, isRSqrt: Bool, _ fpcr: UInt32,
                          _ fpsr: inout UInt32) -> UInt64 {
        let op1 = (a & f.mask) ^ f.signBit            // FPNeg before unpacking: NaN signs flip too
        let fz = flushes(f, fpcr)
        let u1 = unpack(op1, f, fz: fz, &fpsr)
        let u2 = unpack(b, f, fz: fz, &fpsr)
        if u1.isNaN || u2.isNaN {
            return processNaNs(u1.kind, u2.kind, op1, b, f, fpcr, &fpsr)!
        }
        if (u1.isInf && u2.isZero) || (u1.isZero && u2.isInf) {
            return isRSqrt ? onePointFive(false, f) : two(false, f)
        }
        if u1.isInf || u2.isInf { return infinity(u1.sign != u2.sign, f) }
        let rounding = FP.rounding(fpcr)
        // Addend 2.0 = 1 * 2^1, or 3.0 = 3 * 2^0 (then halved before rounding).
        let addMant: UInt128 = isRSqrt ? 3 : 1
        let addExp = isRSqrt ? 0 : 1
        let halve = isRSqrt ? 1 : 0
        if u1.isZero || u2.isZero {
            return round(false, addExp - halve, addMant, f, rounding, fz: fz, &fpsr)
        }
        let p = UInt128(u1.mant) * UInt128(u2.mant)
        let r = addExact(false, addExp, addMant, u1.sign != u2.sign, u1.exp + u2.exp, p)
        if r.mant == 0 { return exactZero(rounding, f) }
        return round(r.sign, r.exp - halve, r.mant, f, rounding, fz: fz, &fpsr)
    }

    /// FPRecpX (FRECPX).
    public static func recpX(_ a: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        let u = unpack(a, f, fz: flushes(f, fpcr), &fpsr)
        if u.isNaN { return processNaN(u.kind, a, f, fpcr, &fpsr) }
        let F = UInt64(f.fracBits)
        let exp = (a &>> F) & f.expAllOnes
        let sb = signBits(u.sign, f)
        if exp == 0 { return sb | ((f.expAllOnes - 1) << F) }      // zeros and denormals
        return sb | ((~exp & f.expAllOnes) &<< F)
    }

    /// UnsignedRecipEstimate (URECPE), 32-bit element.
    public static func unsignedRecipEstimate(_ op: UInt32) -> UInt32 {
        if (op >> 31) == 0 { return 0xFFFF_FFFF }
        let estimate = recipEstimateInt(Int(op >> 23))
        return UInt32(estimate & 0x1FF) << 23
    }

    /// UnsignedRSqrtEstimate (URSQRTE), 32-bit element.
    public static func unsignedRSqrtEstimate(_ op: UInt32) -> UInt32 {
        if (op >> 30) == 0 { return 0xFFFF_FFFF }
        let estimate = recipSqrtEstimateInt(Int(op >> 23))
        return UInt32(estimate & 0x1FF) << 23
    }
}
