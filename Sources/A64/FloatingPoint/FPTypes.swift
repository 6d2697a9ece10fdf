// Floating-point formats, rounding modes and the FPCR/FPSR bits used by the
// IEEE 754 core (ARM ARM, shared/functions/float). AArch64 only, FPCR.AH = 0,
// no FEAT_AFP, exception traps disabled (flags are cumulative).

/// A binary interchange format: `expBits` exponent bits and `fracBits`
/// fraction bits (plus the sign bit). Values travel as raw bit patterns in
/// the low `width` bits of a UInt64.
public struct FPFormat: Sendable, Hashable {
    public let expBits: Int
    public let fracBits: Int

    public init(expBits: Int, fracBits: Int) {
        precondition(expBits >= 2 && expBits <= 11 && fracBits >= 2 && fracBits <= 52)
        self.expBits = expBits
        self.fracBits = fracBits
    }

    /// Total width in bits (N in the pseudocode).
    @inline(__always) public var width: Int { 1 + expBits + fracBits }
    @inline(__always) public var bias: Int { (1 &<< (expBits - 1)) - 1 }
    /// Exponent of the smallest normal number (`minimum_exp`).
    @inline(__always) public var minExp: Int { 1 - bias }
    /// All-ones biased exponent (Inf/NaN).
    @inline(__always) public var expAllOnes: UInt64 { (1 &<< UInt64(expBits)) - 1 }
    @inline(__always) public var fracMask: UInt64 { (1 &<< UInt64(fracBits)) - 1 }
    @inline(__always) public var signBit: UInt64 { 1 &<< UInt64(expBits + fracBits) }
    /// Mask of all `width` bits.
    @inline(__always) public var mask: UInt64 { signBit | (signBit - 1) }
    /// Most significant fraction bit: set for quiet NaNs.
    @inline(__always) public var quietBit: UInt64 { 1 &<< UInt64(fracBits - 1) }
    @inline(__always) public var isHalf: Bool { fracBits == 10 && expBits == 5 }
}

extension FPFormat {
    public static let half = FPFormat(expBits: 5, fracBits: 10)
    public static let single = FPFormat(expBits: 8, fracBits: 23)
    public static let double = FPFormat(expBits: 11, fracBits: 52)
}

/// FPRounding. Raw values 0-3 match FPCR.RMode.
public enum FPRounding: UInt8, Sendable {
    case tieEven = 0, posInf = 1, negInf = 2, zero = 3, tieAway = 4, odd = 5
}

/// FPCR bits used by the floating-point core.
public enum FPCRBits {
    public static let AHP: UInt32 = 1 << 26
    public static let DN: UInt32 = 1 << 25
    public static let FZ: UInt32 = 1 << 24
    public static let RModeShift: UInt32 = 22
    public static let RModeMask: UInt32 = 3 << 22
    public static let FZ16: UInt32 = 1 << 19
}

/// FPSR cumulative exception bits (and QC).
public enum FPSRBits {
    public static let IOC: UInt32 = 1 << 0
    public static let DZC: UInt32 = 1 << 1
    public static let OFC: UInt32 = 1 << 2
    public static let UFC: UInt32 = 1 << 3
    public static let IXC: UInt32 = 1 << 4
    public static let IDC: UInt32 = 1 << 7
    public static let QC: UInt32 = 1 << 27
}

/// FPType of the pseudocode.
@usableFromInline
enum FPKind: UInt8 {
    case zero, denormal, normal, infinity, qnan, snan
}

/// Result of FPUnpack. For finite non-zero values the value is exactly
/// `mant * 2^exp` (mant < 2^53).
@usableFromInline
struct FPUnpacked {
    @usableFromInline var kind: FPKind
    @usableFromInline var sign: Bool
    @usableFromInline var exp: Int
    @usableFromInline var mant: UInt64

    @inline(__always) var isNaN: Bool { kind.rawValue >= FPKind.qnan.rawValue }
    @inline(__always) var isInf: Bool { kind == .infinity }
    @inline(__always) var isZero: Bool { kind == .zero }
    /// Normal or denormal (finite and non-zero).
    @inline(__always) var isFiniteNonZero: Bool { kind == .normal || kind == .denormal }
}

/// Namespace of the floating-point operations. All operands and results are
/// raw bit patterns in the low bits of a UInt64 (upper bits zero); `fpcr` is
/// the FPCR value; exception flags are ORed into `fpsr`.
public enum FP {
    /// FPRoundingMode(FPCR): FPDecodeRounding(FPCR.RMode).
    @inline(__always)
    public static func rounding(_ fpcr: UInt32) -> FPRounding {
        FPRounding(rawValue: UInt8(truncatingIfNeeded: (fpcr &>> FPCRBits.RModeShift) & 3))!
    }
}
