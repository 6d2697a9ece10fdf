/// PSTATE.{N, Z, C, V}, one byte each (0 or 1), in this order: what the
/// interpreter keeps instead of the NZCV register's bits 31:28.
///
/// Why bytes: a flag-setting instruction stores each flag straight from the
/// host's own condition codes (one SETcc each on x86-64) instead of shifting
/// and or-ing four bits into a word, and a condition reads the four bytes as
/// one 32-bit load. `CPU.nzcv` is the architectural view (MRS NZCV, SPSR,
/// the debugger).
struct ConditionFlags: Equatable {
    var n: UInt8 = 0
    var z: UInt8 = 0
    var c: UInt8 = 0
    var v: UInt8 = 0

    init() {}

    @inline(__always) init(n: Bool, z: Bool, c: Bool, v: Bool) {
        // A Bool is one byte holding 0 or 1: stored as is, with no branch.
        self.n = unsafeBitCast(n, to: UInt8.self)
        self.z = unsafeBitCast(z, to: UInt8.self)
        self.c = unsafeBitCast(c, to: UInt8.self)
        self.v = unsafeBitCast(v, to: UInt8.self)
    }

    /// From NZCV's layout: N, Z, C, V in bits 31:28 (other bits ignored).
    @inline(__always) init(nzcv: UInt32) {
        n = UInt8(truncatingIfNeeded: nzcv >> 31 & 1)
        z = UInt8(truncatingIfNeeded: nzcv >> 30 & 1)
        c = UInt8(truncatingIfNeeded: nzcv >> 29 & 1)
        v = UInt8(truncatingIfNeeded: nzcv >> 28 & 1)
    }

    /// NZCV's layout: N, Z, C, V in bits 31:28.
    var nzcv: UInt32 { UInt32(n) << 31 | UInt32(z) << 30 | UInt32(c) << 29 | UInt32(v) << 28 }

    /// The flags as a 4-bit number, N = 8, Z = 4, C = 2, V = 1 (NZCV >> 28).
    /// The four bytes, read as one little-endian word (N in bits 7:0 ... V in
    /// 31:24), times 2^27 + 2^18 + 2^9 + 1 move N, Z, C and V to bits 27,
    /// 26, 25 and 24; every other product lands below bit 24 or above bit
    /// 31, at distinct bits (no carries), so bits 31:24 hold just the four.
    @inline(__always) var index: UInt32 {
        (unsafeBitCast(self, to: UInt32.self) &* 0x0804_0201) &>> 24
    }
}
