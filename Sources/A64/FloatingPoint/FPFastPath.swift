// Host fast paths for single and double precision add/sub/mul/div/sqrt/fma.
//
// Taken only when FPCR.RMode is round-to-nearest-even, every operand is a
// normal number (the fma addend may also be a zero) and the host result is a
// normal number strictly above the smallest normal magnitude (so that no
// flushing, underflow, overflow, NaN or tininess question arises). The
// host's IEEE arithmetic then gives exactly FPRound's result; Inexact is
// decided exactly with error-free transformations or integer identities:
//   add/sub: TwoSum error term;
//   mul:     trailing zeros of the two significands vs. the product's width;
//   div:     q * b == a checked in 128-bit integer arithmetic;
//   sqrt:    q * q == a likewise;
//   fma:     whether a*b + c is a multiple of the result's ulp: by trailing
//            zeros when only one term has bits below that ulp, else in
//            128-bit integer arithmetic.
// Single precision uses double arithmetic for the exact checks.
// Requires the host FP environment to be in its default state
// (round-to-nearest, no flush-to-zero/denormals-are-zero), as it is in Swift
// programs unless something calls fesetround or changes MXCSR.
// Every function returns nil to mean "use the exact soft path". Public only
// so that tests and benchmarks can check the fast path on its own.

extension FP {
    public enum Fast {
        // MARK: double

        /// Biased exponent field of a double is neither 0 nor all ones.
        @inline(__always) static func isNormal64(_ x: UInt64) -> Bool {
            ((x >> 52) & 0x7FF) &- 1 < 0x7FE
        }

        /// Normal, finite, and magnitude > the smallest normal.
        @inline(__always) static func resultOK64(_ r: UInt64) -> Bool {
            (r & 0x7FFF_FFFF_FFFF_FFFF) &- 0x0010_0000_0000_0001 < 0x7FF0_0000_0000_0000 - 0x0010_0000_0000_0001
        }

        @inline(__always)
        public static func add64(_ a: UInt64, _ b: UInt64, _ fpsr: inout UInt32) -> UInt64? {
            guard isNormal64(a) && isNormal64(b) else { return nil }
            let x = Double(bitPattern: a), y = Double(bitPattern: b)
            let s = x + y
            let r = s.bitPattern
            guard resultOK64(r) else { return nil }
            // TwoSum (Knuth): x + y == s + err exactly.
            let yv = s - x
            let err = (x - (s - yv)) + (y - yv)
            if err != 0 { fpsr |= FPSRBits.IXC }
            return r
        }

        @inline(__always)
        public static func mul64(_ a: UInt64, _ b: UInt64, _ fpsr: inout UInt32) -> UInt64? {
            guard isNormal64(a) && isNormal64(b) else { return nil }
            let p = Double(bitPattern: a) * Double(bitPattern: b)
            let r = p.bitPattern
            guard resultOK64(r) else { return nil }
            mulInexact64(a, b, r, &fpsr)
            return r
        }

        /// Sets IXC unless the product of the normal doubles a and b (with the
        /// normal rounded product r) is exact. The exact product ma*mb of the
        /// 53-bit significands has 105 or 106 bits; it fits in 53 bits iff
        /// its trailing zeros cover the excess.
        @inline(__always)
        static func mulInexact64(_ a: UInt64, _ b: UInt64, _ r: UInt64, _ fpsr: inout UInt32) {
            let ma = (a & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
            let mb = (b & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
            let tz = ma.trailingZeroBitCount + mb.trailingZeroBitCount
            let ea = Int((a >> 52) & 0x7FF), eb = Int((b >> 52) & 0x7FF), er = Int((r >> 52) & 0x7FF)
            // If the result is in the higher binade the exact product may have
            // 106 bits (if it rounded up into it, it is inexact anyway).
            let width = er > ea + eb - 1023 ? 106 : 105
            if tz < width - 53 { fpsr |= FPSRBits.IXC }
        }

        @inline(__always)
        public static func div64(_ a: UInt64, _ b: UInt64, _ fpsr: inout UInt32) -> UInt64? {
            guard isNormal64(a) && isNormal64(b) else { return nil }
            let q = Double(bitPattern: a) / Double(bitPattern: b)
            let r = q.bitPattern
            guard resultOK64(r) else { return nil }
            // Exact iff mq * mb == ma * 2^s with s = ea - eq - eb + 1075 (biased
            // exponents); an exact quotient has s in {52, 53}.
            let ma = (a & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
            let mb = (b & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
            let mq = (r & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
            let s = Int((a >> 52) & 0x7FF) - Int((r >> 52) & 0x7FF) - Int((b >> 52) & 0x7FF) + 1075
            if !productEquals(mq, mb, ma, shift: s) { fpsr |= FPSRBits.IXC }
            return r
        }

        /// x * y == m << shift (shift 52 or 53; anything else is false).
        @inline(__always)
        static func productEquals(_ x: UInt64, _ y: UInt64, _ m: UInt64, shift: Int) -> Bool {
            let p = x.multipliedFullWidth(by: y)
            if shift == 52 { return p.low == m << 52 && p.high == m >> 12 }
            if shift == 53 { return p.low == m << 53 && p.high == m >> 11 }
            return false
        }

        @inline(__always)
        public static func sqrt64(_ a: UInt64, _ fpsr: inout UInt32) -> UInt64? {
            // Positive normal only (the root of a normal is normal and > min normal).
            guard a &- 0x0010_0000_0000_0000 < 0x7FF0_0000_0000_0000 - 0x0010_0000_0000_0000 else { return nil }
            let q = Double(bitPattern: a).squareRoot()
            let r = q.bitPattern
            let ma = (a & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
            let mq = (r & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
            let s = Int((a >> 52) & 0x7FF) - 2 * Int((r >> 52) & 0x7FF) + 1075
            if !productEquals(mq, mq, ma, shift: s) { fpsr |= FPSRBits.IXC }
            return r
        }

        @inline(__always)
        public static func mulAdd64(_ c: UInt64, _ a: UInt64, _ b: UInt64, _ fpsr: inout UInt32) -> UInt64? {
            guard isNormal64(a) && isNormal64(b) else { return nil }
            if (c & 0x7FFF_FFFF_FFFF_FFFF) == 0 {
                // Zero addend: the exact result is the (non-zero) product.
                return mul64(a, b, &fpsr)
            }
            guard isNormal64(c) else { return nil }
            let x = Double(bitPattern: a), y = Double(bitPattern: b), z = Double(bitPattern: c)
            let rv = z.addingProduct(x, y)
            let r = rv.bitPattern
            guard resultOK64(r) else { return nil }
            // Exact iff X = a*b + c is a multiple of the result's ulp 2^eQ.
            // Work in units of 2^m, m the lower of the two operands' ulps:
            // X / 2^m = ±P << (eP - m) ± C << (eC - m), and test its low
            // (eQ - m) bits in 128-bit wrapping arithmetic.
            let ma = (a & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
            let mb = (b & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
            let mc = (c & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
            let eP = Int((a >> 52) & 0x7FF) + Int((b >> 52) & 0x7FF) - 1075   // (+ constant -1075 common to all)
            let eC = Int((c >> 52) & 0x7FF)
            let eQ = Int((r >> 52) & 0x7FF)
            let m = eP < eC ? eP : eC
            let k = eQ - m
            if k > 0 {
                let dp = eP - m, dc = eC - m                 // one of them is 0
                if dp >= k {
                    // Only the addend has bits below 2^eQ.
                    if mc.trailingZeroBitCount + dc < k { fpsr |= FPSRBits.IXC }
                } else if dc >= k {
                    // Only the product has bits below 2^eQ.
                    if ma.trailingZeroBitCount + mb.trailingZeroBitCount + dp < k { fpsr |= FPSRBits.IXC }
                } else {
                    guard k <= 128 else { return nil }
                    let prod = ma.multipliedFullWidth(by: mb)
                    let p = UInt128(prod.high) << 64 | UInt128(prod.low)
                    let pp = p &<< UInt128(dp)
                    let cc = UInt128(mc) &<< UInt128(dc)
                    let t = ((a ^ b ^ c) >> 63) == 0 ? pp &+ cc : pp &- cc
                    let mask: UInt128 = k == 128 ? ~0 : (1 &<< UInt128(k)) &- 1
                    if (t & mask) != 0 { fpsr |= FPSRBits.IXC }
                }
            }
            return r
        }

        // MARK: single

        @inline(__always) static func isNormal32(_ x: UInt64) -> Bool {
            ((x >> 23) & 0xFF) &- 1 < 0xFE && (x >> 32) == 0
        }

        @inline(__always) static func resultOK32(_ r: UInt32) -> Bool {
            (r & 0x7FFF_FFFF) &- 0x0080_0001 < 0x7F80_0000 - 0x0080_0001
        }

        @inline(__always)
        public static func add32(_ a: UInt64, _ b: UInt64, _ fpsr: inout UInt32) -> UInt64? {
            guard isNormal32(a) && isNormal32(b) else { return nil }
            let x = Float(bitPattern: UInt32(truncatingIfNeeded: a))
            let y = Float(bitPattern: UInt32(truncatingIfNeeded: b))
            let s = x + y
            let r = s.bitPattern
            guard resultOK32(r) else { return nil }
            let yv = s - x
            let err = (x - (s - yv)) + (y - yv)
            if err != 0 { fpsr |= FPSRBits.IXC }
            return UInt64(r)
        }

        @inline(__always)
        public static func mul32(_ a: UInt64, _ b: UInt64, _ fpsr: inout UInt32) -> UInt64? {
            guard isNormal32(a) && isNormal32(b) else { return nil }
            let x = Float(bitPattern: UInt32(truncatingIfNeeded: a))
            let y = Float(bitPattern: UInt32(truncatingIfNeeded: b))
            let p = x * y
            let r = p.bitPattern
            guard resultOK32(r) else { return nil }
            // The double product of two singles is exact.
            if Double(p) != Double(x) * Double(y) { fpsr |= FPSRBits.IXC }
            return UInt64(r)
        }

        @inline(__always)
        public static func div32(_ a: UInt64, _ b: UInt64, _ fpsr: inout UInt32) -> UInt64? {
            guard isNormal32(a) && isNormal32(b) else { return nil }
            let x = Float(bitPattern: UInt32(truncatingIfNeeded: a))
            let y = Float(bitPattern: UInt32(truncatingIfNeeded: b))
            let q = x / y
            let r = q.bitPattern
            guard resultOK32(r) else { return nil }
            if Double(q) * Double(y) != Double(x) { fpsr |= FPSRBits.IXC }
            return UInt64(r)
        }

        @inline(__always)
        public static func sqrt32(_ a: UInt64, _ fpsr: inout UInt32) -> UInt64? {
            guard a &- 0x0080_0000 < 0x7F80_0000 - 0x0080_0000 else { return nil }   // positive normal
            let x = Float(bitPattern: UInt32(truncatingIfNeeded: a))
            let q = x.squareRoot()
            let r = q.bitPattern
            if Double(q) * Double(q) != Double(x) { fpsr |= FPSRBits.IXC }
            return UInt64(r)
        }

        @inline(__always)
        public static func mulAdd32(_ c: UInt64, _ a: UInt64, _ b: UInt64, _ fpsr: inout UInt32) -> UInt64? {
            guard isNormal32(a) && isNormal32(b) && (isNormal32(c) || (c & 0xFFFF_FFFF_7FFF_FFFF) == 0)
            else { return nil }
            let x = Double(Float(bitPattern: UInt32(truncatingIfNeeded: a)))
            let y = Double(Float(bitPattern: UInt32(truncatingIfNeeded: b)))
            let z = Double(Float(bitPattern: UInt32(truncatingIfNeeded: c)))
            let p = x * y                      // exact
            let s = p + z
            let zv = s - p                     // TwoSum: p + z == s + e exactly
            let e = (p - (s - zv)) + (z - zv)
            let sb = s.bitPattern
            if e != 0 && (sb & 0x1FFF_FFFF) == 0x1000_0000 {
                // s is exactly halfway between two singles but the true value
                // is not: rounding s again could go the wrong way.
                return nil
            }
            let rf = Float(s)
            let r = rf.bitPattern
            guard resultOK32(r) else { return nil }
            if e != 0 || Double(rf) != s { fpsr |= FPSRBits.IXC }
            return UInt64(r)
        }
    }
}
