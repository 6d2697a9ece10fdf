/// Element arithmetic shared by the Advanced SIMD instructions: the
/// pseudocode's SInt/UInt of an element, SignedSatQ / UnsignedSatQ, and the
/// rounding shifts. Elements are handled as the low `8 << log2size` bits of
/// a UInt64; intermediate values that may exceed 64 bits use Int128, as the
/// pseudocode's unbounded integers.

/// All ones in an element of 8 << log2size bits.
@inline(__always) func elementMask(_ log2size: Int) -> UInt64 {
    log2size >= 3 ? ~0 : (1 &<< UInt64(8 &<< log2size)) &- 1
}

/// SInt(element).
@inline(__always) func signedElement(_ v: UInt64, _ log2size: Int) -> Int64 {
    let s = UInt64(64 - (8 << log2size))
    return Int64(bitPattern: v &<< s) &>> Int64(s)
}

/// SignedSatQ(i, esize): the value, and whether it saturated.
@inline(__always) func signedSaturate(_ i: Int128, _ log2size: Int) -> (UInt64, Bool) {
    let bits = 8 << log2size
    let maxV = (Int128(1) << (bits - 1)) - 1, minV = -(Int128(1) << (bits - 1))
    if i > maxV { return (UInt64(truncatingIfNeeded: maxV) & elementMask(log2size), true) }
    if i < minV { return (UInt64(truncatingIfNeeded: minV) & elementMask(log2size), true) }
    return (UInt64(truncatingIfNeeded: i) & elementMask(log2size), false)
}

/// UnsignedSatQ(i, esize).
@inline(__always) func unsignedSaturate(_ i: Int128, _ log2size: Int) -> (UInt64, Bool) {
    let maxV = Int128(elementMask(log2size))
    if i > maxV { return (elementMask(log2size), true) }
    if i < 0 { return (0, true) }
    return (UInt64(truncatingIfNeeded: i), false)
}

/// SatQ(i, esize, unsigned).
@inline(__always) func saturate(_ i: Int128, _ log2size: Int, unsigned: Bool) -> (UInt64, Bool) {
    unsigned ? unsignedSaturate(i, log2size) : signedSaturate(i, log2size)
}

/// The element as an integer: UInt or SInt.
@inline(__always) func integerElement(_ v: UInt64, _ log2size: Int, unsigned: Bool) -> Int128 {
    unsigned ? Int128(v & elementMask(log2size)) : Int128(signedElement(v, log2size))
}

/// `value << shift` for a signed shift count (negative: arithmetic shift
/// right, rounded to nearest with ties up when `round`), on an unbounded
/// integer (the register-shift and shift-by-immediate pseudocode).
@inline(__always) func shiftRounding(_ value: Int128, _ shift: Int, round: Bool) -> Int128 {
    if shift >= 0 {
        if value == 0 { return 0 }
        // A result beyond 2^125 saturates every element size: keep it there
        // instead of overflowing Int128.
        if shift >= 100 || value.magnitude.leadingZeroBitCount <= shift + 2 {
            return value < 0 ? -(Int128(1) << 125) : Int128(1) << 125
        }
        return value << shift
    }
    let n = -shift
    if n >= 100 { return round ? 0 : (value < 0 ? -1 : 0) }
    let roundConst: Int128 = round ? Int128(1) << (n - 1) : 0
    return (value + roundConst) >> n
}

/// Polynomial multiplication over {0,1} of two 8-bit values (PMUL, PMULL).
@inline(__always) func polynomialMultiply8(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var r: UInt64 = 0
    for i in 0..<8 where b >> UInt64(i) & 1 != 0 { r ^= (a & 0xFF) << UInt64(i) }
    return r
}

/// Count leading sign bits / zero bits of an element.
@inline(__always) func countLeadingZeros(_ v: UInt64, _ log2size: Int) -> UInt64 {
    let bits = 8 << log2size
    return UInt64((v & elementMask(log2size)).leadingZeroBitCount - (64 - bits))
}
@inline(__always) func countLeadingSignBits(_ v: UInt64, _ log2size: Int) -> UInt64 {
    let s = signedElement(v, log2size)
    // CountLeadingZeroBits(x<N-1:1> EOR x<N-2:0>), an N-1 bit value: bit
    // N-1 of s ^ (s >> 1) is always 0 and is not counted.
    let x = UInt64(bitPattern: s ^ (s >> 1)) & elementMask(log2size)
    return UInt64(x.leadingZeroBitCount - (64 - (8 << log2size)) - 1)
}

extension CPU {
    /// FPSR.QC, the cumulative saturation flag.
    @inline(__always) func setQC(_ saturated: Bool) {
        if saturated { fpsr |= 1 << 27 }
    }

    /// Operand 2 of a by-element form: element `imm` of Vm replicated.
    @inline(__always) func secondOperand(_ d: Decoded) -> Vec128 {
        let m = v[d.rm]
        guard d.c & SIMDFlags.byElement != 0 else { return m }
        let e = m.element(Int(d.imm), Int(d.a))
        var r = Vec128()
        for i in 0..<(16 >> Int(d.a)) { r.setElement(i, Int(d.a), e) }
        return r
    }

    /// Writes a result of `bytes` bytes to Vd, zeroing the rest.
    @inline(__always) func writeResult(_ d: Decoded, _ r: Vec128, bytes: Int) {
        v[d.rd] = r.keeping(bytes: bytes)
    }

    /// The bytes an operation with `d.b` elements of size `d.a` writes.
    @inline(__always) func resultBytes(_ d: Decoded) -> Int { Int(d.b) << Int(d.a) }

    /// A narrowing result: the lower half of Vd, or (the "2" forms) its
    /// upper half with the lower half kept.
    @inline(__always) func writeNarrow(_ d: Decoded, _ r: Vec128) {
        if d.c & SIMDFlags.upper != 0 {
            v[d.rd] = Vec128(lo: v[d.rd].lo, hi: r.lo)
        } else {
            writeResult(d, r, bytes: resultBytes(d))
        }
    }

    /// The narrow source of a widening operation: the lower or upper half.
    @inline(__always) func narrowHalf(_ value: Vec128, _ d: Decoded) -> Vec128 {
        d.c & SIMDFlags.upper != 0 ? Vec128(lo: value.hi) : Vec128(lo: value.lo)
    }
}
