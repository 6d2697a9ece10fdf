// The exact ("soft") machinery shared by every operation: FPUnpack, FPRound,
// FPProcessNaN(s), the special values, and exact addition of two values held
// as (sign, exponent, 128-bit integer significand).

extension FP {
    // MARK: - Special values (FPZero, FPInfinity, FPMaxNormal, FPDefaultNaN, FPTwo, FPOnePointFive)

    @inline(__always) static func signBits(_ sign: Bool, _ f: FPFormat) -> UInt64 { sign ? f.signBit : 0 }
    @inline(__always) static func zero(_ sign: Bool, _ f: FPFormat) -> UInt64 { signBits(sign, f) }
    @inline(__always) static func infinity(_ sign: Bool, _ f: FPFormat) -> UInt64 {
        signBits(sign, f) | (f.expAllOnes &<< UInt64(f.fracBits))
    }
    @inline(__always) static func maxNormal(_ sign: Bool, _ f: FPFormat) -> UInt64 {
        signBits(sign, f) | ((f.expAllOnes - 1) &<< UInt64(f.fracBits)) | f.fracMask
    }
    /// FPDefaultNaN (FPCR.AH = 0: positive, quiet, zero payload).
    @inline(__always) public static func defaultNaN(_ f: FPFormat) -> UInt64 {
        (f.expAllOnes &<< UInt64(f.fracBits)) | f.quietBit
    }
    @inline(__always) static func two(_ sign: Bool, _ f: FPFormat) -> UInt64 {
        signBits(sign, f) | (UInt64(f.bias + 1) &<< UInt64(f.fracBits))
    }
    @inline(__always) static func onePointFive(_ sign: Bool, _ f: FPFormat) -> UInt64 {
        signBits(sign, f) | (UInt64(f.bias) &<< UInt64(f.fracBits)) | f.quietBit
    }

    /// FPNeg.
    @inline(__always) public static func neg(_ a: UInt64, _ f: FPFormat) -> UInt64 { a ^ f.signBit }
    /// FPAbs.
    @inline(__always) public static func abs(_ a: UInt64, _ f: FPFormat) -> UInt64 { a & ~f.signBit }
    /// True for any NaN encoding (IEEE formats).
    @inline(__always) public static func isNaN(_ a: UInt64, _ f: FPFormat) -> Bool {
        (a & ~f.signBit & f.mask) > (f.expAllOnes &<< UInt64(f.fracBits))
    }

    // MARK: - Flush-to-zero controls

    /// Whether denormal inputs/outputs of arithmetic in format `f` are
    /// flushed: FPCR.FZ16 for half precision, FPCR.FZ otherwise.
    @inline(__always) static func flushes(_ f: FPFormat, _ fpcr: UInt32) -> Bool {
        f.isHalf ? (fpcr & FPCRBits.FZ16) != 0 : (fpcr & FPCRBits.FZ) != 0
    }

    // MARK: - FPUnpack

    /// FPUnpackBase. `fz`: flush denormal inputs to zero (IDC is raised for
    /// single and double only: FZ16 flushing does not report input denormals).
    /// `ahp`: half precision with FPCR.AHP = 1 (no infinities or NaNs).
    @inline(__always)
    static func unpack(_ x: UInt64, _ f: FPFormat, fz: Bool, ahp: Bool = false,
                       _ fpsr: inout UInt32) -> FPUnpacked {
        let F = f.fracBits
        let sign = (x & f.signBit) != 0
        let e = (x &>> UInt64(F)) & f.expAllOnes
        let frac = x & f.fracMask
        if e == 0 {
            if frac == 0 { return FPUnpacked(kind: .zero, sign: sign, exp: 0, mant: 0) }
            if fz {
                if !f.isHalf { fpsr |= FPSRBits.IDC }
                return FPUnpacked(kind: .zero, sign: sign, exp: 0, mant: 0)
            }
            return FPUnpacked(kind: .denormal, sign: sign, exp: f.minExp - F, mant: frac)
        }
        if e == f.expAllOnes && !ahp {
            if frac == 0 { return FPUnpacked(kind: .infinity, sign: sign, exp: 0, mant: 0) }
            return FPUnpacked(kind: (frac & f.quietBit) != 0 ? .qnan : .snan, sign: sign, exp: 0, mant: 0)
        }
        return FPUnpacked(kind: .normal, sign: sign, exp: Int(e) - f.bias - F, mant: frac | (1 &<< UInt64(F)))
    }

    // MARK: - NaN processing

    /// FPProcessNaN: quieten a signalling NaN (IOC), or the default NaN with FPCR.DN.
    @inline(__always)
    static func processNaN(_ kind: FPKind, _ op: UInt64, _ f: FPFormat, _ fpcr: UInt32,
                           _ fpsr: inout UInt32) -> UInt64 {
        var r = op & f.mask
        if kind == .snan {
            r |= f.quietBit
            fpsr |= FPSRBits.IOC
        }
        if (fpcr & FPCRBits.DN) != 0 { r = defaultNaN(f) }
        return r
    }

    /// FPProcessNaNs: first signalling NaN, else first quiet NaN; nil if neither operand is a NaN.
    @inline(__always)
    static func processNaNs(_ k1: FPKind, _ k2: FPKind, _ op1: UInt64, _ op2: UInt64, _ f: FPFormat,
                            _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64? {
        if k1 == .snan { return processNaN(k1, op1, f, fpcr, &fpsr) }
        if k2 == .snan { return processNaN(k2, op2, f, fpcr, &fpsr) }
        if k1 == .qnan { return processNaN(k1, op1, f, fpcr, &fpsr) }
        if k2 == .qnan { return processNaN(k2, op2, f, fpcr, &fpsr) }
        return nil
    }

    /// FPProcessNaNs3.
    @inline(__always)
    static func processNaNs3(_ k1: FPKind, _ k2: FPKind, _ k3: FPKind,
                             _ op1: UInt64, _ op2: UInt64, _ op3: UInt64, _ f: FPFormat,
                             _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64? {
        if k1 == .snan { return processNaN(k1, op1, f, fpcr, &fpsr) }
        if k2 == .snan { return processNaN(k2, op2, f, fpcr, &fpsr) }
        if k3 == .snan { return processNaN(k3, op3, f, fpcr, &fpsr) }
        if k1 == .qnan { return processNaN(k1, op1, f, fpcr, &fpsr) }
        if k2 == .qnan { return processNaN(k2, op2, f, fpcr, &fpsr) }
        if k3 == .qnan { return processNaN(k3, op3, f, fpcr, &fpsr) }
        return nil
    }

    // MARK: - Rounding helpers

    /// Whether a magnitude is incremented when rounding, given its last kept
    /// bit (`odd`), the first discarded bit (`half`) and whether any lower
    /// discarded bit is set (`sticky`). Matches the round_up cases of FPRound,
    /// FPRoundInt and FPToFixed (the latter two written on RoundDown of a
    /// signed value, which is the same thing for sign-magnitude).
    @inline(__always)
    static func roundsUp(_ rounding: FPRounding, sign: Bool, odd: Bool, half: Bool, sticky: Bool) -> Bool {
        switch rounding {
        case .tieEven: return half && (sticky || odd)
        case .posInf: return (half || sticky) && !sign
        case .negInf: return (half || sticky) && sign
        case .zero, .odd: return false
        case .tieAway: return half
        }
    }

    // MARK: - FPRound

    /// FPRoundBase for the non-zero value `(-1)^sign * mant * 2^exp`.
    /// `mant` may carry a sticky bit in bit 0 provided it is at least two
    /// bits below the rounding position (true for every caller: significands
    /// keep at least 3 bits more than the format's precision).
    /// `fz`: flush tiny results to zero (FZ, or FZ16 for half; FPRoundCV
    /// passes false for half). `ahp`: alternative half precision (FPRoundCV only).
    static func round(_ sign: Bool, _ exp: Int, _ mant: UInt128, _ f: FPFormat, _ rounding: FPRounding,
                      fz: Bool, ahp: Bool = false, _ fpsr: inout UInt32) -> UInt64 {
        let F = f.fracBits
        let top = 127 - mant.leadingZeroBitCount
        let exponent = exp + top                   // value in [2^exponent, 2^(exponent+1))
        let minExp = f.minExp
        let sb = signBits(sign, f)

        // Flush-to-zero (tininess before rounding); no Inexact.
        if fz && exponent < minExp {
            fpsr |= FPSRBits.UFC
            return sb
        }
        var biased = exponent < minExp ? 0 : exponent - minExp + 1
        let shift = ((exponent < minExp ? minExp : exponent) - F) - exp   // bits to discard
        var intMant: UInt64
        var half = false
        var sticky = false
        if shift <= 0 {
            intMant = UInt64(truncatingIfNeeded: mant) &<< UInt64(-shift)
        } else if shift < 128 {
            intMant = UInt64(truncatingIfNeeded: mant &>> UInt128(shift))
            let rem = mant &<< UInt128(128 - shift)
            half = (rem >> 127) != 0
            sticky = (rem << 1) != 0
        } else if shift == 128 {
            intMant = 0
            half = (mant >> 127) != 0
            sticky = (mant << 1) != 0
        } else {
            intMant = 0
            sticky = true
        }
        let inexact = half || sticky

        // Underflow: tiny before rounding and inexact.
        if biased == 0 && inexact { fpsr |= FPSRBits.UFC }

        if roundsUp(rounding, sign: sign, odd: (intMant & 1) != 0, half: half, sticky: sticky) {
            intMant += 1
            if intMant == (1 &<< UInt64(F)) { biased = 1 }             // denormal rounded up to normal
            if intMant == (1 &<< UInt64(F + 1)) {                       // rounded up to next binade
                biased += 1
                intMant >>= 1
            }
        }
        if inexact && rounding == .odd { intMant |= 1 }

        if !ahp {
            if biased >= Int(f.expAllOnes) {
                fpsr |= FPSRBits.OFC | FPSRBits.IXC
                let toInf: Bool
                switch rounding {
                case .tieEven, .tieAway: toInf = true
                case .posInf: toInf = !sign
                case .negInf: toInf = sign
                case .zero, .odd: toInf = false
                }
                return toInf ? infinity(sign, f) : maxNormal(sign, f)
            }
        } else if biased > Int(f.expAllOnes) {
            // Alternative half precision: saturate, Invalid Operation, no Inexact.
            fpsr |= FPSRBits.IOC
            return sb | (f.mask >> 1)
        }
        if inexact { fpsr |= FPSRBits.IXC }
        return sb | (UInt64(biased) &<< UInt64(F)) | (intMant & f.fracMask)
    }

    /// FPRound of an exactly representable-or-not finite value held in a
    /// 64-bit significand (convenience).
    @inline(__always)
    static func round64(_ sign: Bool, _ exp: Int, _ mant: UInt64, _ f: FPFormat, _ rounding: FPRounding,
                        fz: Bool, ahp: Bool = false, _ fpsr: inout UInt32) -> UInt64 {
        round(sign, exp, UInt128(mant), f, rounding, fz: fz, ahp: ahp, &fpsr)
    }

    /// The result of an exact sum that is zero: +0, or -0 when rounding
    /// toward minus infinity.
    @inline(__always)
    static func exactZero(_ rounding: FPRounding, _ f: FPFormat) -> UInt64 {
        rounding == .negInf ? f.signBit : 0
    }

    // MARK: - Exact addition

    /// Adds `(-1)^s1 * m1 * 2^e1` and `(-1)^s2 * m2 * 2^e2` (both non-zero,
    /// each significand at most 124 bits wide, and bit 0 of the wider-exponent
    /// operand exact). The result is exact, or, when bits were shifted out,
    /// carries them as a sticky bit in bit 0 at least 120 bits below the
    /// leading bit, which FPRound handles exactly. Returns mant == 0 for an
    /// exact zero.
    @inline(__always)
    static func addExact(_ s1: Bool, _ e1: Int, _ m1: UInt128,
                         _ s2: Bool, _ e2: Int, _ m2: UInt128) -> (sign: Bool, exp: Int, mant: UInt128) {
        // Normalise both so that the leading bit is bit 125.
        let n1 = m1.leadingZeroBitCount - 2
        let n2 = m2.leadingZeroBitCount - 2
        var a = m1 &<< UInt128(n1), ea = e1 - n1, sa = s1
        var b = m2 &<< UInt128(n2), eb = e2 - n2, sbg = s2
        if ea < eb || (ea == eb && a < b) {
            swap(&a, &b); swap(&ea, &eb); swap(&sa, &sbg)
        }
        let d = ea - eb
        if d > 0 {
            if d >= 126 {
                b = 1
            } else {
                let lost = b & ((1 &<< UInt128(d)) &- 1)
                b = (b &>> UInt128(d)) | (lost != 0 ? 1 : 0)
            }
        }
        let m = sa == sbg ? a &+ b : a &- b
        return (sa, ea, m)
    }
}
