/// One 128-bit SIMD&FP register value (V0-V31), as the architecture numbers
/// its elements: element `e` of `8 << log2size` bits is bits
/// [(e+1)*esize-1 : e*esize] (the pseudocode's Elem[vector, e, esize]).
public struct Vec128: Equatable {
    public var lo: UInt64
    public var hi: UInt64
    public init(lo: UInt64 = 0, hi: UInt64 = 0) { self.lo = lo; self.hi = hi }

    /// Elem[] read, zero-extended. `log2size` 0 (8 bits) ... 3 (64 bits).
    @inline(__always) public func element(_ e: Int, _ log2size: Int) -> UInt64 {
        let width = 8 &<< log2size
        let offset = e &* width
        let word = offset < 64 ? lo : hi
        if width == 64 { return word }
        return (word &>> UInt64(offset & 63)) & ((1 &<< UInt64(width)) &- 1)
    }

    /// Elem[] write of the low bits of `value`.
    @inline(__always) public mutating func setElement(_ e: Int, _ log2size: Int, _ value: UInt64) {
        let width = 8 &<< log2size
        let offset = e &* width
        let mask: UInt64 = width == 64 ? ~0 : ((1 &<< UInt64(width)) &- 1) &<< UInt64(offset & 63)
        let v = (value &<< UInt64(offset & 63)) & mask
        if offset < 64 { lo = (lo & ~mask) | v } else { hi = (hi & ~mask) | v }
    }

    /// The value with only its low `bytes` bytes kept: what a write of a
    /// narrower register (B, H, S, D, or a 64-bit vector) leaves in V
    /// (the upper bits are zeroed, "V[n] = ZeroExtend(value)").
    @inline(__always) public func keeping(bytes: Int) -> Vec128 {
        if bytes >= 16 { return self }
        if bytes == 8 { return Vec128(lo: lo) }
        return Vec128(lo: lo & ((1 &<< UInt64(bytes &* 8)) &- 1))
    }
}

/// V0-V31, FPCR and FPSR: the SIMD&FP register file (B1.2.1). Registers are
/// stored as (lo, hi) pairs of 64-bit words.
public struct VectorRegisterFile {
    public let base: UnsafeMutablePointer<UInt64>
    public static let count = 32

    static func allocate() -> VectorRegisterFile {
        let p = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * count)
        p.initialize(repeating: 0, count: 2 * count)
        return VectorRegisterFile(base: p)
    }

    @inline(__always) public subscript(_ n: UInt8) -> Vec128 {
        get { Vec128(lo: base[Int(n) &* 2], hi: base[Int(n) &* 2 &+ 1]) }
        nonmutating set { base[Int(n) &* 2] = newValue.lo; base[Int(n) &* 2 &+ 1] = newValue.hi }
    }
    @inline(__always) public subscript(_ n: Int) -> Vec128 {
        get { self[UInt8(n)] }
        nonmutating set { self[UInt8(n)] = newValue }
    }

    /// The low 64 bits of Vn (Dn), and a write of Dn that zeroes the rest.
    @inline(__always) public func d(_ n: UInt8) -> UInt64 { base[Int(n) &* 2] }
    @inline(__always) public func setD(_ n: UInt8, _ v: UInt64) {
        base[Int(n) &* 2] = v; base[Int(n) &* 2 &+ 1] = 0
    }

    func reset() { base.update(repeating: 0, count: 2 * Self.count) }
}

/// FPCR and FPSR bits this implementation keeps (AArch64 has no
/// floating-point exception trapping here: the trap enables are RAZ/WI,
/// and FEAT_FP16 arithmetic and FEAT_AFP are not implemented).
public enum FPControlBits {
    /// FPCR: AHP (26), DN (25), FZ (24), RMode (23:22).
    public static let fpcrWritable: UInt32 = 0x07C0_0000
    /// FPSR: QC (27), IDC (7), IXC (4), UFC (3), OFC (2), DZC (1), IOC (0).
    public static let fpsrWritable: UInt32 = 0x0800_009F
}
