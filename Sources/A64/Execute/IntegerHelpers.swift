/// Shared pseudocode helpers of the integer instructions (ARM ARM J1,
/// shared/functions): AddWithCarry, ShiftReg, ExtendReg, bit counting.

/// AddWithCarry for 64-bit operands: result and PSTATE.NZCV (bits 31..28).
@inline(__always) func addWithCarry64(_ a: UInt64, _ b: UInt64, _ carryIn: UInt64) -> (UInt64, UInt32) {
    let (s1, c1) = a.addingReportingOverflow(b)
    let (s, c2) = s1.addingReportingOverflow(carryIn)
    let n = UInt32(s >> 63)
    let z: UInt32 = s == 0 ? 1 : 0
    let c: UInt32 = (c1 || c2) ? 1 : 0
    let v = UInt32(((a ^ s) & (b ^ s)) >> 63)
    return (s, n << 31 | z << 30 | c << 29 | v << 28)
}

/// AddWithCarry for 32-bit operands (the upper halves are ignored).
@inline(__always) func addWithCarry32(_ a64: UInt64, _ b64: UInt64, _ carryIn: UInt64) -> (UInt64, UInt32) {
    let a = UInt32(truncatingIfNeeded: a64), b = UInt32(truncatingIfNeeded: b64)
    let (s1, c1) = a.addingReportingOverflow(b)
    let (s, c2) = s1.addingReportingOverflow(UInt32(carryIn))
    let n = s >> 31
    let z: UInt32 = s == 0 ? 1 : 0
    let c: UInt32 = (c1 || c2) ? 1 : 0
    let v = ((a ^ s) & (b ^ s)) >> 31
    return (UInt64(s), n << 31 | z << 30 | c << 29 | v << 28)
}

/// AddWithCarry(a, NOT(b), 1) for 64-bit operands - SUBS and CMP - without
/// the general carry chain: C is "no borrow" (a >= b unsigned), V is signed
/// overflow of a - b. Both come from the subtraction's own overflow flags,
/// which the host's one subtract sets (as N and Z do).
@inline(__always) func subtractWithFlags64(_ a: UInt64, _ b: UInt64) -> (UInt64, UInt32) {
    let (s, borrow) = a.subtractingReportingOverflow(b)
    let v = Int64(bitPattern: a).subtractingReportingOverflow(Int64(bitPattern: b)).overflow
    let n = UInt32(truncatingIfNeeded: s >> 63)
    let z: UInt32 = s == 0 ? 1 : 0
    return (s, (n << 3 | z << 2 | (borrow ? 0 : 2) | (v ? 1 : 0)) << 28)
}

/// The same for 32-bit operands (the upper halves are ignored).
@inline(__always) func subtractWithFlags32(_ a64: UInt64, _ b64: UInt64) -> (UInt64, UInt32) {
    let a = UInt32(truncatingIfNeeded: a64), b = UInt32(truncatingIfNeeded: b64)
    let (s, borrow) = a.subtractingReportingOverflow(b)
    let v = Int32(bitPattern: a).subtractingReportingOverflow(Int32(bitPattern: b)).overflow
    let n = s >> 31
    let z: UInt32 = s == 0 ? 1 : 0
    return (UInt64(s), (n << 3 | z << 2 | (borrow ? 0 : 2) | (v ? 1 : 0)) << 28)
}

/// NZCV for a logical result (C and V cleared).
@inline(__always) func logicalFlags(_ r: UInt64, _ sf: Bool) -> UInt32 {
    if sf { return UInt32(r >> 63) << 31 | (r == 0 ? 1 << 30 : 0) }
    let w = UInt32(truncatingIfNeeded: r)
    return (w >> 31) << 31 | (w == 0 ? 1 << 30 : 0)
}

/// ShiftReg: LSL, LSR, ASR, ROR (type 0..3) by an amount below the width.
@inline(__always) func shiftReg(_ v: UInt64, _ type: UInt8, _ amount: UInt8, _ sf: Bool) -> UInt64 {
    let n = UInt64(amount)
    if sf {
        switch type {
        case 0: return v &<< n
        case 1: return v &>> n
        case 2: return UInt64(bitPattern: Int64(bitPattern: v) &>> Int64(n))
        default: return n == 0 ? v : (v &>> n) | (v &<< (64 &- n))
        }
    }
    let w = UInt32(truncatingIfNeeded: v), m = UInt32(n)
    switch type {
    case 0: return UInt64(w &<< m)
    case 1: return UInt64(w &>> m)
    case 2: return UInt64(UInt32(bitPattern: Int32(bitPattern: w) &>> Int32(m)))
    default: return UInt64(m == 0 ? w : (w &>> m) | (w &<< (32 &- m)))
    }
}

/// ExtendReg: UXTB, UXTH, UXTW, UXTX, SXTB, SXTH, SXTW, SXTX, then LSL.
@inline(__always) func extendReg(_ v: UInt64, _ option: UInt8, _ shift: UInt8) -> UInt64 {
    let e: UInt64
    switch option {
    case 0: e = v & 0xFF
    case 1: e = v & 0xFFFF
    case 2: e = v & 0xFFFF_FFFF
    case 3: e = v
    case 4: e = UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: v)))
    case 5: e = UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: v)))
    case 6: e = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: v)))
    default: e = v
    }
    return e &<< UInt64(shift)
}

@inline(__always) func ones(_ n: Int) -> UInt64 { n >= 64 ? ~0 : (1 &<< UInt64(n)) &- 1 }

/// CRC-32 (polynomial 0x04C11DB7) and CRC-32C (0x1EDC6F41) in the bit-reflected
/// form the CRC32* instructions compute: no initial or final inversion.
enum CRC {
    static let crc32Table = makeTable(0xEDB8_8320)
    static let crc32cTable = makeTable(0x82F6_3B78)

    static func makeTable(_ poly: UInt32) -> [UInt32] {
        (0..<256).map { i -> UInt32 in
            var c = UInt32(i)
            for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ poly : c >> 1 }
            return c
        }
    }

    @inline(__always) static func update(_ acc: UInt32, _ value: UInt64, bytes: Int, castagnoli: Bool) -> UInt32 {
        var crc = acc
        var v = value
        castagnoli ? crc32cTable.withUnsafeBufferPointer { t in
            for _ in 0..<bytes { crc = t[Int((crc ^ UInt32(v & 0xFF)) & 0xFF)] ^ (crc >> 8); v >>= 8 }
        } : crc32Table.withUnsafeBufferPointer { t in
            for _ in 0..<bytes { crc = t[Int((crc ^ UInt32(v & 0xFF)) & 0xFF)] ^ (crc >> 8); v >>= 8 }
        }
        return crc
    }
}
