// Arithmetic, min/max and comparisons (ARM ARM shared/functions/float).
// `FP.add` etc. try the host fast path (FPFastPath.swift) first and fall back
// to the exact implementations in `FP.Soft`, which follow the pseudocode.

extension FP {
    // MARK: - Public entry points with fast paths

    /// The host fast path applies only when rounding to nearest (FPCR.RMode = 0).
    @inline(__always)
    static func roundsToNearest(_ fpcr: UInt32) -> Bool { fpcr & FPCRBits.RModeMask == 0 }

    /// The fast path of FPAdd for single and double, or nil.
    @inline(__always)
    static func fastAdd(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64? {
        guard roundsToNearest(fpcr) else { return nil }
        switch f.fracBits {
        case 52: return Fast.add64(a, b, &fpsr)
        case 23: return Fast.add32(a, b, &fpsr)
        default: return nil
        }
    }

    /// The fast path of FPMul (and FPMulX: they differ only for infinity
    /// times zero, which is not a normal operand), or nil.
    @inline(__always)
    static func fastMul(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64? {
        guard roundsToNearest(fpcr) else { return nil }
        switch f.fracBits {
        case 52: return Fast.mul64(a, b, &fpsr)
        case 23: return Fast.mul32(a, b, &fpsr)
        default: return nil
        }
    }

    /// FPAdd.
    @inline(__always)
    public static func add(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        if let r = fastAdd(a, b, f, fpcr, &fpsr) { return r }
        return Soft.add(a, b, f, fpcr, &fpsr)
    }

    /// FPSub: the fast path is FPAdd of the negated operand.
    @inline(__always)
    public static func sub(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        if let r = fastAdd(a, b ^ f.signBit, f, fpcr, &fpsr) { return r }
        return Soft.sub(a, b, f, fpcr, &fpsr)
    }

    /// FPMul.
    @inline(__always)
    public static func mul(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        if let r = fastMul(a, b, f, fpcr, &fpsr) { return r }
        return Soft.mul(a, b, f, fpcr, &fpsr)
    }

    /// FPMulX (FMULX): like FPMul but infinity * zero gives 2.0 with the product's sign.
    @inline(__always)
    public static func mulX(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        if let r = fastMul(a, b, f, fpcr, &fpsr) { return r }
        return Soft.mulX(a, b, f, fpcr, &fpsr)
    }

    /// FPDiv.
    @inline(__always)
    public static func div(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        if roundsToNearest(fpcr) {
            if f.fracBits == 52 {
                if let r = Fast.div64(a, b, &fpsr) { return r }
            } else if f.fracBits == 23 {
                if let r = Fast.div32(a, b, &fpsr) { return r }
            }
        }
        return Soft.div(a, b, f, fpcr, &fpsr)
    }

    /// FPSqrt.
    @inline(__always)
    public static func sqrt(_ a: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        if roundsToNearest(fpcr) {
            if f.fracBits == 52 {
                if let r = Fast.sqrt64(a, &fpsr) { return r }
            } else if f.fracBits == 23 {
                if let r = Fast.sqrt32(a, &fpsr) { return r }
            }
        }
        return Soft.sqrt(a, f, fpcr, &fpsr)
    }

    /// FPMulAdd: addend + a * b with a single rounding. FMSUB/FNMADD/FNMSUB
    /// negate operands before calling, as the pseudocode does.
    @inline(__always)
    public static func mulAdd(addend: UInt64, _ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32,
                              _ fpsr: inout UInt32) -> UInt64 {
        if roundsToNearest(fpcr) {
            if f.fracBits == 52 {
                if let r = Fast.mulAdd64(addend, a, b, &fpsr) { return r }
            } else if f.fracBits == 23 {
                if let r = Fast.mulAdd32(addend, a, b, &fpsr) { return r }
            }
        }
        return Soft.mulAdd(addend: addend, a, b, f, fpcr, &fpsr)
    }

    /// FPMax.
    public static func max(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        Soft.maxMin(a, b, f, isMax: true, fpcr, &fpsr)
    }

    /// FPMin.
    public static func min(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        Soft.maxMin(a, b, f, isMax: false, fpcr, &fpsr)
    }

    /// FPMaxNum: a single quiet NaN operand is treated as -Infinity.
    public static func maxNum(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        Soft.maxMinNum(a, b, f, isMax: true, fpcr, &fpsr)
    }

    /// FPMinNum: a single quiet NaN operand is treated as +Infinity.
    public static func minNum(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
        Soft.maxMinNum(a, b, f, isMax: false, fpcr, &fpsr)
    }

    /// FPCompare: NZCV in bits 31:28 (FCMP: signalQuietNaN false; FCMPE: true).
    public static func compare(_ a: UInt64, _ b: UInt64, _ f: FPFormat, signalQuietNaN: Bool, _ fpcr: UInt32,
                               _ fpsr: inout UInt32) -> UInt32 {
        let fz = flushes(f, fpcr)
        let u1 = unpack(a, f, fz: fz, &fpsr)
        let u2 = unpack(b, f, fz: fz, &fpsr)
        if u1.isNaN || u2.isNaN {
            if u1.kind == .snan || u2.kind == .snan || signalQuietNaN { fpsr |= FPSRBits.IOC }
            return 0b0011 << 28
        }
        let k1 = orderKey(u1, a, f), k2 = orderKey(u2, b, f)
        if k1 == k2 { return 0b0110 << 28 }
        return k1 < k2 ? 0b1000 << 28 : 0b0010 << 28
    }

    /// FPCompareEQ (FCMEQ): quiet NaNs do not signal.
    public static func compareEQ(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> Bool {
        let fz = flushes(f, fpcr)
        let u1 = unpack(a, f, fz: fz, &fpsr)
        let u2 = unpack(b, f, fz: fz, &fpsr)
        if u1.isNaN || u2.isNaN {
            if u1.kind == .snan || u2.kind == .snan { fpsr |= FPSRBits.IOC }
            return false
        }
        return orderKey(u1, a, f) == orderKey(u2, b, f)
    }

    /// FPCompareGE (FCMGE, FACGE with absolute values): any NaN signals.
    public static func compareGE(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> Bool {
        let fz = flushes(f, fpcr)
        let u1 = unpack(a, f, fz: fz, &fpsr)
        let u2 = unpack(b, f, fz: fz, &fpsr)
        if u1.isNaN || u2.isNaN {
            fpsr |= FPSRBits.IOC
            return false
        }
        return orderKey(u1, a, f) >= orderKey(u2, b, f)
    }

    /// FPCompareGT (FCMGT, FACGT with absolute values): any NaN signals.
    public static func compareGT(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> Bool {
        let fz = flushes(f, fpcr)
        let u1 = unpack(a, f, fz: fz, &fpsr)
        let u2 = unpack(b, f, fz: fz, &fpsr)
        if u1.isNaN || u2.isNaN {
            fpsr |= FPSRBits.IOC
            return false
        }
        return orderKey(u1, a, f) > orderKey(u2, b, f)
    }

    /// A signed integer with the same order as the (non-NaN) values:
    /// zeros (including flushed denormals) map to 0.
    @inline(__always)
    static func orderKey(_ u: FPUnpacked, _ x: UInt64, _ f: FPFormat) -> Int64 {
        if u.kind == .zero { return 0 }
        let mag = Int64(bitPattern: x & (f.signBit &- 1))
        return u.sign ? -mag : mag
    }

    // MARK: - Exact implementations

    /// The exact implementations of the pseudocode, with no host fast path.
    /// Public so that tests and benchmarks can compare them with the fast path.
    public enum Soft {
        /// FPAdd without fast path.
        public static func add(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
            addSub(a, b, negate: false, f, fpcr, &fpsr)
        }

        /// FPSub without fast path.
        public static func sub(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
            addSub(a, b, negate: true, f, fpcr, &fpsr)
        }

        static func addSub(_ a: UInt64, _ b: UInt64, negate: Bool, _ f: FPFormat, _ fpcr: UInt32,
                           _ fpsr: inout UInt32) -> UInt64 {
            let fz = flushes(f, fpcr)
            let u1 = unpack(a, f, fz: fz, &fpsr)
            let u2 = unpack(b, f, fz: fz, &fpsr)
            if u1.isNaN || u2.isNaN {
                // FPSub passes the unnegated op2 to FPProcessNaNs.
                return processNaNs(u1.kind, u2.kind, a, b, f, fpcr, &fpsr)!
            }
            let rounding = FP.rounding(fpcr)
            let s1 = u1.sign, s2 = u2.sign != negate
            if u1.isInf && u2.isInf && s1 != s2 {
                fpsr |= FPSRBits.IOC
                return defaultNaN(f)
            }
            if u1.isInf { return infinity(s1, f) }
            if u2.isInf { return infinity(s2, f) }
            if u1.isZero && u2.isZero {
                return s1 == s2 ? zero(s1, f) : exactZero(rounding, f)
            }
            if u1.isZero { return round64(s2, u2.exp, u2.mant, f, rounding, fz: fz, &fpsr) }
            if u2.isZero { return round64(s1, u1.exp, u1.mant, f, rounding, fz: fz, &fpsr) }
            let r = addExact(s1, u1.exp, UInt128(u1.mant), s2, u2.exp, UInt128(u2.mant))
            if r.mant == 0 { return exactZero(rounding, f) }
            return round(r.sign, r.exp, r.mant, f, rounding, fz: fz, &fpsr)
        }

        /// FPMul without fast path.
        public static func mul(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
            mulCommon(a, b, f, isMulX: false, fpcr, &fpsr)
        }

        /// FPMulX without fast path.
        public static func mulX(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
            mulCommon(a, b, f, isMulX: true, fpcr, &fpsr)
        }

        static func mulCommon(_ a: UInt64, _ b: UInt64, _ f: FPFormat, isMulX: Bool, _ fpcr: UInt32,
                              _ fpsr: inout UInt32) -> UInt64 {
            let fz = flushes(f, fpcr)
            let u1 = unpack(a, f, fz: fz, &fpsr)
            let u2 = unpack(b, f, fz: fz, &fpsr)
            if u1.isNaN || u2.isNaN {
                return processNaNs(u1.kind, u2.kind, a, b, f, fpcr, &fpsr)!
            }
            let sign = u1.sign != u2.sign
            if (u1.isInf && u2.isZero) || (u1.isZero && u2.isInf) {
                if isMulX { return two(sign, f) }
                fpsr |= FPSRBits.IOC
                return defaultNaN(f)
            }
            if u1.isInf || u2.isInf { return infinity(sign, f) }
            if u1.isZero || u2.isZero { return zero(sign, f) }
            let p = UInt128(u1.mant) * UInt128(u2.mant)
            return round(sign, u1.exp + u2.exp, p, f, FP.rounding(fpcr), fz: fz, &fpsr)
        }

        /// FPDiv without fast path.
        public static func div(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
            let fz = flushes(f, fpcr)
            let u1 = unpack(a, f, fz: fz, &fpsr)
            let u2 = unpack(b, f, fz: fz, &fpsr)
            if u1.isNaN || u2.isNaN {
                return processNaNs(u1.kind, u2.kind, a, b, f, fpcr, &fpsr)!
            }
            let sign = u1.sign != u2.sign
            if (u1.isInf && u2.isInf) || (u1.isZero && u2.isZero) {
                fpsr |= FPSRBits.IOC
                return defaultNaN(f)
            }
            if u1.isInf || u2.isZero {
                if !u1.isInf { fpsr |= FPSRBits.DZC }
                return infinity(sign, f)
            }
            if u1.isZero || u2.isInf { return zero(sign, f) }
            // Normalise both significands to [2^63, 2^64) and divide
            // n1 * 2^63 by n2: the quotient is in [2^62, 2^64).
            let l1 = u1.mant.leadingZeroBitCount, l2 = u2.mant.leadingZeroBitCount
            let n1 = u1.mant &<< UInt64(l1), n2 = u2.mant &<< UInt64(l2)
            let (q, r) = n2.dividingFullWidth((high: n1 >> 1, low: n1 << 63))
            let mant = q | (r != 0 ? 1 : 0)
            let exp = (u1.exp - l1) - (u2.exp - l2) - 63
            return round64(sign, exp, mant, f, FP.rounding(fpcr), fz: fz, &fpsr)
        }

        /// FPSqrt without fast path.
        public static func sqrt(_ a: UInt64, _ f: FPFormat, _ fpcr: UInt32, _ fpsr: inout UInt32) -> UInt64 {
            let fz = flushes(f, fpcr)
            let u = unpack(a, f, fz: fz, &fpsr)
            if u.isNaN { return processNaN(u.kind, a, f, fpcr, &fpsr) }
            if u.isZero { return zero(u.sign, f) }
            if u.isInf && !u.sign { return infinity(false, f) }
            if u.sign {
                fpsr |= FPSRBits.IOC
                return defaultNaN(f)
            }
            // Put the leading bit at 63 or 62 so that the exponent is even.
            var s = u.mant.leadingZeroBitCount
            if ((u.exp - s) & 1) != 0 { s -= 1 }
            let n = UInt128(u.mant &<< UInt64(s)) << 64
            let (root, exact) = isqrt(n)
            let exp = (u.exp - s - 64) / 2
            return round64(false, exp, root | (exact ? 0 : 1), f, FP.rounding(fpcr), fz: fz, &fpsr)
        }

        /// Integer square root of n in [2^126, 2^128): floor(sqrt(n)) and whether it is exact.
        static func isqrt(_ n: UInt128) -> (UInt64, Bool) {
            let approx = (Double(UInt64(truncatingIfNeeded: n >> 64)) * 0x1p64).squareRoot()
            var r = UInt128(approx >= 0x1p64 ? UInt64.max : UInt64(approx))
            r = (r + n / r) >> 1                          // one Newton step: error now a few units at most
            if r > UInt128(UInt64.max) { r = UInt128(UInt64.max) }
            while r * r > n { r -= 1 }
            while r < UInt128(UInt64.max) && (r + 1) * (r + 1) <= n { r += 1 }
            return (UInt64(r), r * r == n)
        }

        /// FPMulAdd without fast path.
        public static func mulAdd(addend: UInt64, _ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32,
                                  _ fpsr: inout UInt32) -> UInt64 {
            let fz = flushes(f, fpcr)
            let uA = unpack(addend, f, fz: fz, &fpsr)
            let u1 = unpack(a, f, fz: fz, &fpsr)
            let u2 = unpack(b, f, fz: fz, &fpsr)
            let infTimesZero = (u1.isInf && u2.isZero) || (u1.isZero && u2.isInf)
            if uA.isNaN || u1.isNaN || u2.isNaN {
                if uA.kind == .qnan && infTimesZero {
                    fpsr |= FPSRBits.IOC
                    return defaultNaN(f)
                }
                return processNaNs3(uA.kind, u1.kind, u2.kind, addend, a, b, f, fpcr, &fpsr)!
            }
            let rounding = FP.rounding(fpcr)
            let signP = u1.sign != u2.sign
            let infP = u1.isInf || u2.isInf
            let zeroP = u1.isZero || u2.isZero
            if infTimesZero || (uA.isInf && infP && uA.sign != signP) {
                fpsr |= FPSRBits.IOC
                return defaultNaN(f)
            }
            if (uA.isInf && !uA.sign) || (infP && !signP) { return infinity(false, f) }
            if (uA.isInf && uA.sign) || (infP && signP) { return infinity(true, f) }
            if uA.isZero && zeroP {
                return uA.sign == signP ? zero(uA.sign, f) : exactZero(rounding, f)
            }
            if zeroP { return round64(uA.sign, uA.exp, uA.mant, f, rounding, fz: fz, &fpsr) }
            let p = UInt128(u1.mant) * UInt128(u2.mant)
            let ep = u1.exp + u2.exp
            if uA.isZero { return round(signP, ep, p, f, rounding, fz: fz, &fpsr) }
            let r = addExact(uA.sign, uA.exp, UInt128(uA.mant), signP, ep, p)
            if r.mant == 0 { return exactZero(rounding, f) }
            return round(r.sign, r.exp, r.mant, f, rounding, fz: fz, &fpsr)
        }

        /// FPMax / FPMin.
        static func maxMin(_ a: UInt64, _ b: UInt64, _ f: FPFormat, isMax: Bool, _ fpcr: UInt32,
                           _ fpsr: inout UInt32) -> UInt64 {
            let fz = flushes(f, fpcr)
            let u1 = unpack(a, f, fz: fz, &fpsr)
            let u2 = unpack(b, f, fz: fz, &fpsr)
            if u1.isNaN || u2.isNaN {
                return processNaNs(u1.kind, u2.kind, a, b, f, fpcr, &fpsr)!
            }
            let k1 = orderKey(u1, a, f), k2 = orderKey(u2, b, f)
            let first = isMax ? k1 > k2 : k1 < k2
            let u = first ? u1 : u2
            switch u.kind {
            case .infinity:
                return infinity(u.sign, f)
            case .zero:
                // Max: the most positive sign (AND); min: the most negative (OR).
                return zero(isMax ? (u1.sign && u2.sign) : (u1.sign || u2.sign), f)
            default:
                // FPRound of an exactly representable value: the operand itself.
                return (first ? a : b) & f.mask
            }
        }

        /// FPMaxNum / FPMinNum.
        static func maxMinNum(_ a: UInt64, _ b: UInt64, _ f: FPFormat, isMax: Bool, _ fpcr: UInt32,
                              _ fpsr: inout UInt32) -> UInt64 {
            let fz = flushes(f, fpcr)
            let k1 = unpack(a, f, fz: fz, &fpsr).kind
            let k2 = unpack(b, f, fz: fz, &fpsr).kind
            var op1 = a, op2 = b
            // A single quiet NaN is replaced by the infinity that loses.
            if k1 == .qnan && k2 != .qnan {
                op1 = infinity(isMax, f)
            } else if k1 != .qnan && k2 == .qnan {
                op2 = infinity(isMax, f)
            }
            return maxMin(op1, op2, f, isMax: isMax, fpcr, &fpsr)
        }
    }
}
