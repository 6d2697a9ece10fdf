// Conversions and rounding to integral: FPRoundInt, FPRoundIntN, FPToFixed,
// FixedToFP, FPConvert (with FPCR.AHP alternative half precision).

extension FP {
    /// Splits `mant` into `mant >> shift` and the discarded bits, summarised as
    /// the first discarded bit (`half`) and whether any lower one is set.
    @inline(__always)
    static func shiftRightRounding(_ mant: UInt64, _ shift: Int) -> (int: UInt64, half: Bool, sticky: Bool) {
        if shift <= 0 { return (mant, false, false) }
        if shift < 64 {
            let rem = mant &<< UInt64(64 - shift)
            return (mant &>> UInt64(shift), (rem >> 63) != 0, (rem << 1) != 0)
        }
        if shift == 64 { return (0, (mant >> 63) != 0, (mant << 1) != 0) }
        return (0, false, mant != 0)
    }

    /// FPRoundInt (FRINTN/A/P/M/Z/I/X). `exact`: FRINTX, which signals Inexact.
    public static func roundInt(_ a: UInt64, _ f: FPFormat, _ rounding: FPRounding, exact: Bool, _ fpcr: UInt32,
                                _ fpsr: inout UInt32) -> UInt64 {
        let fz = flushes(f, fpcr)
        let u = unpack(a, f, fz: fz, &fpsr)
        if u.isNaN { return processNaN(u.kind, a, f, fpcr, &fpsr) }
        if u.isInf { return infinity(u.sign, f) }
        if u.isZero { return zero(u.sign, f) }
        if u.exp >= 0 { return a & f.mask }               // already integral
        let (int, half, sticky) = shiftRightRounding(u.mant, -u.exp)
        var n = int
        if roundsUp(rounding, sign: u.sign, odd: (n & 1) != 0, half: half, sticky: sticky) { n += 1 }
        if rounding == .odd && (half || sticky) { n |= 1 }   // not used by the architecture
        if exact && (half || sticky) { fpsr |= FPSRBits.IXC }
        if n == 0 { return zero(u.sign, f) }
        return round64(u.sign, 0, n, f, .zero, fz: fz, &fpsr)
    }

    /// FPRoundIntN (FRINT32Z/X, FRINT64Z/X): round to an integral value that
    /// fits in a signed `intSize`-bit integer; otherwise, and for NaN and
    /// infinity, the most negative such integer with Invalid Operation.
    /// Inexact is always signalled for inexact in-range results.
    public static func roundIntN(_ a: UInt64, _ f: FPFormat, _ rounding: FPRounding, intSize: Int, _ fpcr: UInt32,
                                 _ fpsr: inout UInt32) -> UInt64 {
        let fz = flushes(f, fpcr)
        let u = unpack(a, f, fz: fz, &fpsr)
        let minInt = f.signBit | (UInt64(f.bias + intSize - 1) &<< UInt64(f.fracBits))
        if u.isNaN || u.isInf {
            fpsr |= FPSRBits.IOC
            return minInt
        }
        if u.isZero { return zero(u.sign, f) }
        var n: UInt64
        var inexact = false
        var overflow = false
        if u.exp >= 0 {
            if u.exp >= 64 || u.mant.leadingZeroBitCount < u.exp {
                overflow = true
                n = 0
            } else {
                n = u.mant &<< UInt64(u.exp)
            }
        } else {
            let (int, half, sticky) = shiftRightRounding(u.mant, -u.exp)
            n = int
            inexact = half || sticky
            if roundsUp(rounding, sign: u.sign, odd: (n & 1) != 0, half: half, sticky: sticky) { n += 1 }
        }
        let limit = UInt64(1) &<< UInt64(intSize - 1)
        if overflow || (u.sign ? n > limit : n >= limit) {
            fpsr |= FPSRBits.IOC
            return minInt
        }
        if inexact { fpsr |= FPSRBits.IXC }
        if n == 0 { return zero(u.sign, f) }
        return round64(u.sign, 0, n, f, .zero, fz: fz, &fpsr)
    }

    /// FPToFixed (FCVT[NAPMZ][SU], fixed-point FCVTZS/U): saturating, Invalid
    /// Operation on NaN (result 0) and on saturation (no Inexact then).
    /// `resultBits` is 16, 32 or 64; the result is zero-extended to 64 bits.
    public static func toFixed(_ a: UInt64, _ f: FPFormat, fracBits: Int, unsigned: Bool, _ rounding: FPRounding,
                               resultBits: Int, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        let fz = flushes(f, fpcr)
        let u = unpack(a, f, fz: fz, &fpsr)
        let resultMask: UInt64 = resultBits >= 64 ? ~0 : (1 &<< UInt64(resultBits)) - 1
        var mag: UInt64 = 0
        var inexact = false
        var overflow = false
        switch u.kind {
        case .qnan, .snan:
            fpsr |= FPSRBits.IOC
            return 0
        case .zero:
            return 0
        case .infinity:
            overflow = true
        case .normal, .denormal:
            let e = u.exp + fracBits
            if e >= 0 {
                if e >= 64 || u.mant.leadingZeroBitCount < e {
                    overflow = true                      // >= 2^64
                } else {
                    mag = u.mant &<< UInt64(e)
                }
            } else {
                let (int, half, sticky) = shiftRightRounding(u.mant, -e)
                mag = int
                inexact = half || sticky
                if roundsUp(rounding, sign: u.sign, odd: (mag & 1) != 0, half: half, sticky: sticky) { mag += 1 }
            }
        }
        if !overflow {
            if unsigned {
                overflow = (u.sign && mag != 0) || mag > resultMask
            } else {
                let limit = UInt64(1) &<< UInt64(resultBits - 1)
                overflow = u.sign ? mag > limit : mag >= limit
            }
        }
        if overflow {
            fpsr |= FPSRBits.IOC
            if unsigned { return u.sign ? 0 : resultMask }
            let minInt = UInt64(1) &<< UInt64(resultBits - 1)
            return u.sign ? minInt : minInt - 1
        }
        if inexact { fpsr |= FPSRBits.IXC }
        return u.sign ? (0 &- mag) & resultMask : mag
    }

    /// FixedToFP (SCVTF/UCVTF): `v` holds a `sourceBits`-bit integer (16, 32
    /// or 64) with `fracBits` fraction bits.
    public static func fromFixed(_ v: UInt64, sourceBits: Int, signed: Bool, fracBits: Int, _ f: FPFormat,
                                 _ rounding: FPRounding, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        let srcMask: UInt64 = sourceBits >= 64 ? ~0 : (1 &<< UInt64(sourceBits)) - 1
        let x = v & srcMask
        var sign = false
        var mag = x
        if signed && ((x &>> UInt64(sourceBits - 1)) & 1) != 0 {
            sign = true
            mag = (0 &- x) & srcMask
        }
        if mag == 0 { return 0 }
        return round64(sign, -fracBits, mag, f, rounding, fz: flushes(f, fpcr), &fpsr)
    }

    /// FPConvert (FCVT between precisions; FCVTXN passes `.odd`). Uses
    /// FPUnpackCV/FPRoundCV: FZ16 is ignored, FZ applies to single and
    /// double, and FPCR.AHP selects alternative half precision for half
    /// operands and results.
    public static func convert(_ a: UInt64, from: FPFormat, to: FPFormat, _ rounding: FPRounding, _ fpcr: UInt32,
                               _ fpsr: inout UInt32) -> UInt64 {
        let ahpMode = (fpcr & FPCRBits.AHP) != 0
        let fz = (fpcr & FPCRBits.FZ) != 0
        let u = unpack(a, from, fz: from.isHalf ? false : fz, ahp: from.isHalf && ahpMode, &fpsr)
        let altHP = to.isHalf && ahpMode
        switch u.kind {
        case .qnan, .snan:
            let r: UInt64
            if altHP {
                r = zero(u.sign, to)
            } else if (fpcr & FPCRBits.DN) != 0 {
                r = defaultNaN(to)
            } else {
                r = convertNaN(a, from: from, to: to)
            }
            if u.kind == .snan || altHP { fpsr |= FPSRBits.IOC }
            return r
        case .infinity:
            if altHP {
                fpsr |= FPSRBits.IOC
                return signBits(u.sign, to) | (to.mask >> 1)
            }
            return infinity(u.sign, to)
        case .zero:
            return zero(u.sign, to)
        case .normal, .denormal:
            return round64(u.sign, u.exp, u.mant, to, rounding, fz: to.isHalf ? false : fz, ahp: altHP, &fpsr)
        }
    }

    /// FPConvertNaN: quiet the NaN and carry the payload's high-order bits across.
    static func convertNaN(_ a: UInt64, from: FPFormat, to: FPFormat) -> UInt64 {
        let sign = (a & from.signBit) != 0
        let payload = a & (from.quietBit - 1)                       // fracBits - 1 bits
        let frac51 = payload &<< UInt64(51 - (from.fracBits - 1))
        let out = frac51 &>> UInt64(51 - (to.fracBits - 1))
        return signBits(sign, to) | (to.expAllOnes &<< UInt64(to.fracBits)) | to.quietBit | out
    }
}
