// Shared helpers for the floating-point tests: a deterministic RNG, operand
// generators, the x86-64 host oracle (fesetround/fetestexcept), an
// independent reference rounding routine, and the Arm NaN rules.
import A64
import Glibc
import XCTest

// MARK: - Constants

enum FPT {
    static let IOC = FPSRBits.IOC, DZC = FPSRBits.DZC, OFC = FPSRBits.OFC
    static let UFC = FPSRBits.UFC, IXC = FPSRBits.IXC, IDC = FPSRBits.IDC
    static let allFlags = IOC | DZC | OFC | UFC | IXC | IDC

    // x86-64 glibc <fenv.h> values.
    static let hostModes: [Int32] = [0x000, 0x800, 0x400, 0xC00]   // TONEAREST, UPWARD, DOWNWARD, TOWARDZERO
    static let hostRZ: Int32 = 0xC00
    static let feInvalid: Int32 = 0x01, feDivByZero: Int32 = 0x04, feOverflow: Int32 = 0x08
    static let feUnderflow: Int32 = 0x10, feInexact: Int32 = 0x20
    static let feAll: Int32 = 0x3D

    /// Iteration counts of the random tests, multiplied by FP_TEST_SCALE (default 1)
    /// for longer soak runs.
    static let scale: Int = {
        guard let p = getenv("FP_TEST_SCALE"), let v = Int(String(cString: p)), v > 0 else { return 1 }
        return v
    }()
    static func scaled(_ n: Int) -> Int { n * scale }

    static func fpcr(rmode: Int, fz: Bool = false, dn: Bool = false, fz16: Bool = false, ahp: Bool = false) -> UInt32 {
        var v = UInt32(rmode) << 22
        if fz { v |= FPCRBits.FZ }
        if dn { v |= FPCRBits.DN }
        if fz16 { v |= FPCRBits.FZ16 }
        if ahp { v |= FPCRBits.AHP }
        return v
    }

    static func flagsFromHost(_ e: Int32) -> UInt32 {
        var f: UInt32 = 0
        if e & feInvalid != 0 { f |= IOC }
        if e & feDivByZero != 0 { f |= DZC }
        if e & feOverflow != 0 { f |= OFC }
        if e & feUnderflow != 0 { f |= UFC }
        if e & feInexact != 0 { f |= IXC }
        return f
    }

    static func flagNames(_ f: UInt32) -> String {
        var s: [String] = []
        if f & IOC != 0 { s.append("IOC") }
        if f & DZC != 0 { s.append("DZC") }
        if f & OFC != 0 { s.append("OFC") }
        if f & UFC != 0 { s.append("UFC") }
        if f & IXC != 0 { s.append("IXC") }
        if f & IDC != 0 { s.append("IDC") }
        return "[" + s.joined(separator: ",") + "]"
    }

    static func hex(_ x: UInt64, _ f: FPFormat) -> String {
        let digits = (f.width + 3) / 4
        let s = String(x, radix: 16)
        return "0x" + String(repeating: "0", count: Swift.max(0, digits - s.count)) + s
    }

    static func name(_ f: FPFormat) -> String {
        f == .half ? "half" : f == .single ? "single" : f == .double ? "double" : "fmt(\(f.expBits),\(f.fracBits))"
    }
}

// MARK: - RNG

struct FPTestRNG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func bool() -> Bool { next() & 1 != 0 }
}

// MARK: - Format helpers

enum FPTKind { case zero, denormal, normal, inf, qnan, snan }

extension FPFormat {
    var tExpAll: UInt64 { (1 << UInt64(expBits)) - 1 }
    var tFracMask: UInt64 { (1 << UInt64(fracBits)) - 1 }
    var tSign: UInt64 { 1 << UInt64(expBits + fracBits) }
    var tQuiet: UInt64 { 1 << UInt64(fracBits - 1) }
    var tDefaultNaN: UInt64 { (tExpAll << UInt64(fracBits)) | tQuiet }
    var tInf: UInt64 { tExpAll << UInt64(fracBits) }
    var tMaxNormal: UInt64 { ((tExpAll - 1) << UInt64(fracBits)) | tFracMask }
    var tMinNormal: UInt64 { 1 << UInt64(fracBits) }
    var tBias: Int { (1 << (expBits - 1)) - 1 }
    var tMinNormalValue: Double { Double(sign: .plus, exponent: 1 - tBias, significand: 1) }

    func kind(_ x: UInt64) -> FPTKind {
        let e = (x >> UInt64(fracBits)) & tExpAll
        let fr = x & tFracMask
        if e == 0 { return fr == 0 ? .zero : .denormal }
        if e == tExpAll { return fr == 0 ? .inf : (fr & tQuiet != 0 ? .qnan : .snan) }
        return .normal
    }
    func isNaN(_ x: UInt64) -> Bool { let k = kind(x); return k == .qnan || k == .snan }
    func isNeg(_ x: UInt64) -> Bool { x & tSign != 0 }

    /// Exact value of a non-NaN encoding (IEEE interpretation).
    func toDouble(_ x: UInt64) -> Double {
        switch fracBits {
        case 52: return Double(bitPattern: x)
        case 23: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: x)))
        default:
            let sign: Double = isNeg(x) ? -1 : 1
            let e = Int((x >> UInt64(fracBits)) & tExpAll)
            let fr = Double(x & tFracMask)
            if e == tExpAll { return sign * .infinity }
            if e == 0 { return sign * fr * Double(sign: .plus, exponent: 1 - tBias - fracBits, significand: 1) }
            return sign * (1 + fr / Double(1 << fracBits)) * Double(sign: .plus, exponent: e - tBias, significand: 1)
        }
    }

    /// Encoding of a double that is exactly representable in this format (or ±inf).
    func fromDoubleExact(_ d: Double) -> UInt64 {
        switch fracBits {
        case 52: return d.bitPattern
        case 23: return UInt64(Float(d).bitPattern)
        default:
            if d == 0 { return d.sign == .minus ? tSign : 0 }
            if d.isInfinite { return (d < 0 ? tSign : 0) | tInf }
            let r = fpRefRound(d, sticky: false, self, .tieEven, fz: false)
            precondition(r.flags & FPT.IXC == 0, "not exact")
            return r.bits
        }
    }
}

// MARK: - Operand generators

/// Special and boundary operands for a format.
func fpSpecials(_ f: FPFormat) -> [UInt64] {
    let F = UInt64(f.fracBits)
    let bias = UInt64(f.tBias)
    let one = bias << F
    var v: [UInt64] = [
        0, 1, f.tFracMask, f.tFracMask >> 1, 3,             // zero, denormals
        f.tMinNormal, f.tMinNormal + 1, f.tMinNormal | f.tFracMask,
        one, one + 1, one | f.tFracMask, one | f.tQuiet,   // 1, 1+ulp, 2-ulp, 1.5
        (bias + 1) << F, (bias + 1) << F | (f.tQuiet >> 1), // 2, 2.5
        (bias - 1) << F,                                      // 0.5
        f.tMaxNormal, f.tMaxNormal - 1, (f.tExpAll - 2) << F, // near overflow
        f.tInf,
        f.tDefaultNaN, f.tDefaultNaN | 5,                     // quiet NaNs
        f.tInf | 1, f.tInf | (f.tQuiet >> 1) | 2,             // signalling NaNs
    ]
    v += v.map { $0 | f.tSign }
    return v
}

/// A random operand, biased toward interesting regions.
func fpRandomOperand(_ f: FPFormat, _ rng: inout FPTestRNG) -> UInt64 {
    let F = UInt64(f.fracBits)
    let sign: UInt64 = rng.bool() ? f.tSign : 0
    let bias = Int(f.tBias)
    let maxE = Int(f.tExpAll) - 1
    switch rng.below(16) {
    case 0, 1, 2:
        return rng.next() & (f.tSign | (f.tSign - 1))               // any encoding
    case 3, 4, 5, 6:                                                 // near 1
        let e = UInt64(bias - 4 + rng.below(9))
        return sign | (e << F) | (rng.next() & f.tFracMask)
    case 7:                                                          // near overflow
        let e = UInt64(maxE - rng.below(3))
        return sign | (e << F) | (rng.next() & f.tFracMask)
    case 8, 9:                                                       // near underflow / denormal
        let e = UInt64(rng.below(4))
        return sign | (e << F) | (rng.next() & f.tFracMask)
    case 10, 11:                                                     // sparse significand (ties, exact results)
        let e = UInt64(1 + rng.below(maxE))
        var fr: UInt64 = 0
        for _ in 0..<rng.below(4) { fr |= 1 << UInt64(rng.below(f.fracBits)) }
        return sign | (e << F) | fr
    case 12:                                                         // sparse near 1
        let e = UInt64(bias - 2 + rng.below(5))
        var fr: UInt64 = 0
        for _ in 0..<rng.below(3) { fr |= 1 << UInt64(rng.below(f.fracBits)) }
        if rng.bool() { fr |= f.tFracMask >> UInt64(rng.below(f.fracBits)) }
        return sign | (e << F) | (fr & f.tFracMask)
    case 13:                                                         // small integers
        let n = Double(rng.below(64)) * (rng.bool() ? 1 : -1)
        return f.fromDoubleExact(n)
    default:
        let s = fpSpecials(f)
        return s[rng.below(s.count)]
    }
}

/// A random normal operand (for the fast-path checks).
func fpRandomNormal(_ f: FPFormat, _ rng: inout FPTestRNG, wide: Bool) -> UInt64 {
    let F = UInt64(f.fracBits)
    let sign: UInt64 = rng.bool() ? f.tSign : 0
    let bias = f.tBias
    let e: Int
    if wide {
        e = 1 + rng.below(Int(f.tExpAll) - 1)
    } else {
        e = bias - 10 + rng.below(21)
    }
    var fr = rng.next() & f.tFracMask
    if rng.below(4) == 0 { fr &= ~(f.tFracMask >> UInt64(rng.below(f.fracBits))) }   // trailing zeros
    return sign | (UInt64(e) << F) | fr
}

// MARK: - Reference rounding (independent of the library)

/// Rounds a value to format `f` the way FPRound does, written with double
/// arithmetic. `x` is non-zero and finite and is either the exact value or
/// its truncation toward zero, in which case `sticky` says that the exact
/// value lies strictly between `x` and the next double away from zero. The
/// format must have at least 2 fewer significand bits than double.
func fpRefRound(_ x: Double, sticky: Bool, _ f: FPFormat, _ mode: FPRounding, fz: Bool,
                ahp: Bool = false) -> (bits: UInt64, flags: UInt32) {
    precondition(x != 0 && x.isFinite)
    let negative = x < 0
    let signBits: UInt64 = negative ? f.tSign : 0
    let ax = Swift.abs(x)
    let exponent = Int(ax.exponent)
    let minExp = 1 - f.tBias
    if fz && exponent < minExp { return (signBits, FPT.UFC) }
    let lsbExp = Swift.max(exponent, minExp) - f.fracBits
    let scaled = ax * Double(sign: .plus, exponent: -lsbExp, significand: 1)
    let intPart = scaled.rounded(.down)
    let frac = scaled - intPart
    let inexact = frac != 0 || sticky
    let exactlyHalf = frac == 0.5 && !sticky
    let aboveHalf = frac > 0.5 || (frac == 0.5 && sticky)
    var up: Bool
    switch mode {
    case .tieEven: up = aboveHalf || (exactlyHalf && intPart.truncatingRemainder(dividingBy: 2) == 1)
    case .tieAway: up = aboveHalf || exactlyHalf
    case .posInf: up = inexact && !negative
    case .negInf: up = inexact && negative
    case .zero, .odd: up = false
    }
    var n = UInt64(intPart) + (up ? 1 : 0)
    if mode == .odd && inexact { n |= 1 }
    var flags: UInt32 = 0
    if exponent < minExp && inexact { flags |= FPT.UFC }
    var e = lsbExp
    if n == 1 << UInt64(f.fracBits + 1) { n >>= 1; e += 1 }
    var biased: Int
    var fracField: UInt64
    if n >= 1 << UInt64(f.fracBits) {
        biased = e + f.fracBits - minExp + 1
        fracField = n - (1 << UInt64(f.fracBits))
    } else {
        biased = 0
        fracField = n
    }
    let limit = ahp ? Int(f.tExpAll) + 1 : Int(f.tExpAll)
    if biased >= limit {
        if ahp { return (signBits | (f.tSign - 1), FPT.IOC) }
        let toInf: Bool
        switch mode {
        case .tieEven, .tieAway: toInf = true
        case .posInf: toInf = !negative
        case .negInf: toInf = negative
        case .zero, .odd: toInf = false
        }
        return (signBits | (toInf ? f.tInf : f.tMaxNormal), FPT.OFC | FPT.IXC)
    }
    if inexact { flags |= FPT.IXC }
    return (signBits | (UInt64(biased) << UInt64(f.fracBits)) | fracField, flags)
}

// MARK: - Host oracle

enum FPTHostOp { case add, sub, mul, div, sqrt, fma }

/// Runs one double operation on the host in the given rounding mode and
/// returns the result and the Arm-style flags (x86 semantics).
@_optimize(none)
func fpHostDouble(_ op: FPTHostOp, _ x: Double, _ y: Double, _ z: Double, _ mode: Int32) -> (Double, UInt32) {
    let old = fegetround()
    fesetround(mode)
    feclearexcept(FPT.feAll)
    let r: Double
    switch op {
    case .add: r = x + y
    case .sub: r = x - y
    case .mul: r = x * y
    case .div: r = x / y
    case .sqrt: r = x.squareRoot()
    case .fma: r = fma(x, y, z)
    }
    let e = fetestexcept(FPT.feAll)
    fesetround(old)
    return (r, FPT.flagsFromHost(e))
}

@_optimize(none)
func fpHostSingle(_ op: FPTHostOp, _ x: Float, _ y: Float, _ z: Float, _ mode: Int32) -> (Float, UInt32) {
    let old = fegetround()
    fesetround(mode)
    feclearexcept(FPT.feAll)
    let r: Float
    switch op {
    case .add: r = x + y
    case .sub: r = x - y
    case .mul: r = x * y
    case .div: r = x / y
    case .sqrt: r = sqrtf(x)
    case .fma: r = fmaf(x, y, z)
    }
    let e = fetestexcept(FPT.feAll)
    fesetround(old)
    return (r, FPT.flagsFromHost(e))
}

/// Host double -> single conversion in a rounding mode.
@_optimize(none)
func fpHostDoubleToSingle(_ x: Double, _ mode: Int32) -> (Float, UInt32) {
    let old = fegetround()
    fesetround(mode)
    feclearexcept(FPT.feAll)
    let r = Float(x)
    let e = fetestexcept(FPT.feAll)
    fesetround(old)
    return (r, FPT.flagsFromHost(e))
}

/// Host rint (current-mode round to integral, raising Inexact).
@_optimize(none)
func fpHostRint(_ x: Double, _ mode: Int32) -> (Double, UInt32) {
    let old = fegetround()
    fesetround(mode)
    feclearexcept(FPT.feAll)
    let r = rint(x)
    let e = fetestexcept(FPT.feAll)
    fesetround(old)
    return (r, FPT.flagsFromHost(e))
}

/// Host integer -> double / single conversion in a rounding mode.
@_optimize(none)
func fpHostIntToFloat(_ v: UInt64, signed: Bool, single: Bool, _ mode: Int32) -> (Double, UInt32) {
    let old = fegetround()
    fesetround(mode)
    feclearexcept(FPT.feAll)
    let r: Double
    if single {
        r = Double(signed ? Float(Int64(bitPattern: v)) : Float(v))
    } else {
        r = signed ? Double(Int64(bitPattern: v)) : Double(v)
    }
    let e = fetestexcept(FPT.feAll)
    fesetround(old)
    return (r, FPT.flagsFromHost(e))
}

// MARK: - Arm rules written out for the tests

/// FPProcessNaNs(3) expectation: operands in priority order. Returns nil if
/// no operand is a NaN.
func fpExpectedNaN(_ ops: [UInt64], _ f: FPFormat, dn: Bool) -> (UInt64, UInt32)? {
    if let s = ops.first(where: { f.kind($0) == .snan }) {
        return (dn ? f.tDefaultNaN : s | f.tQuiet, FPT.IOC)
    }
    if let q = ops.first(where: { f.kind($0) == .qnan }) {
        return (dn ? f.tDefaultNaN : q, 0)
    }
    return nil
}

/// Input flushing for format f: returns the flushed operand and whether IDC is due.
func fpFlushIn(_ x: UInt64, _ f: FPFormat, _ fpcr: UInt32) -> (UInt64, UInt32) {
    let fz = f == .half ? (fpcr & FPCRBits.FZ16 != 0) : (fpcr & FPCRBits.FZ != 0)
    if fz && f.kind(x) == .denormal {
        return (x & f.tSign, f == .half ? 0 : FPT.IDC)
    }
    return (x, 0)
}

/// The expected result of add/sub/mul/div/sqrt/fma (fma: addend first, as FPMulAdd)
/// according to the Arm rules, computed with the host in the FPCR rounding mode
/// (single/double) or with the host in round-toward-zero plus fpRefRound (half).
func fpExpectedArith(_ op: FPTHostOp, _ ops: [UInt64], _ f: FPFormat, _ fpcr: UInt32) -> (UInt64, UInt32) {
    let dn = fpcr & FPCRBits.DN != 0
    let rmode = Int((fpcr >> 22) & 3)
    let fzOut = f == .half ? (fpcr & FPCRBits.FZ16 != 0) : (fpcr & FPCRBits.FZ != 0)
    var idc: UInt32 = 0
    let flushed = ops.map { (x: UInt64) -> UInt64 in
        let (y, fl) = fpFlushIn(x, f, fpcr)
        idc |= fl
        return y
    }
    if op == .fma {
        let (c, a, b) = (flushed[0], flushed[1], flushed[2])
        let infZero = (f.kind(a) == .inf && f.kind(b) == .zero) || (f.kind(a) == .zero && f.kind(b) == .inf)
        if f.kind(c) == .qnan && infZero { return (f.tDefaultNaN, FPT.IOC | idc) }
    }
    if let (r, fl) = fpExpectedNaN(ops, f, dn: dn) { return (r, fl | idc) }
    let v = flushed.map { f.toDouble($0) }
    let (x, y, z): (Double, Double, Double)
    switch op {
    case .fma: (x, y, z) = (v[1], v[2], v[0])
    case .sqrt: (x, y, z) = (v[0], 0, 0)
    default: (x, y, z) = (v[0], v[1], 0)
    }
    let mode = FPT.hostModes[rmode]
    if f == .half {
        let (rz, rzFlags) = fpHostDouble(op, x, y, z, FPT.hostRZ)
        if rz.isNaN { return (f.tDefaultNaN, FPT.IOC | idc) }
        if rz.isInfinite { return (f.fromDoubleExact(rz), (rzFlags & FPT.DZC) | idc) }
        let sticky = rzFlags & FPT.IXC != 0
        if rz == 0 && !sticky {
            let (r, _) = fpHostDouble(op, x, y, z, mode)     // exact zero: sign per rounding mode
            return (r.sign == .minus ? f.tSign : 0, idc)
        }
        precondition(rz != 0, "half results are never below the double range")
        let (bits, fl) = fpRefRound(rz, sticky: sticky, f, FPRounding(rawValue: UInt8(rmode))!, fz: fzOut)
        return (bits, fl | idc)
    }
    var r: Double
    var fl: UInt32
    var rzMag: Double
    var rzSign: FloatingPointSign
    if f == .single {
        let (rs, fls) = fpHostSingle(op, Float(x), Float(y), Float(z), mode)
        let (rzs, _) = fpHostSingle(op, Float(x), Float(y), Float(z), FPT.hostRZ)
        (r, fl, rzMag, rzSign) = (Double(rs), fls, Double(Swift.abs(rzs)), rzs.sign)
        if rs.isNaN { return (f.tDefaultNaN, FPT.IOC | idc) }
    } else {
        let (rd, fld) = fpHostDouble(op, x, y, z, mode)
        let (rzd, _) = fpHostDouble(op, x, y, z, FPT.hostRZ)
        (r, fl, rzMag, rzSign) = (rd, fld, Swift.abs(rzd), rzd.sign)
        if rd.isNaN { return (f.tDefaultNaN, FPT.IOC | idc) }
    }
    // Tininess before rounding: the exact result is non-zero and below the
    // smallest normal iff its truncation is (x86 decides after rounding).
    let exactNonZero = !(r == 0 && fl & FPT.IXC == 0)
    let tiny = exactNonZero && rzMag < f.tMinNormalValue
    if tiny && fzOut { return (rzSign == .minus ? f.tSign : 0, FPT.UFC | idc) }
    fl &= ~FPT.UFC
    if tiny && fl & FPT.IXC != 0 { fl |= FPT.UFC }
    return (f.fromDoubleExact(r), fl | idc)
}

/// A random FPCR for arithmetic tests: any rounding mode, FZ/DN/FZ16/AHP at random.
func fpRandomFPCR(_ rng: inout FPTestRNG) -> UInt32 {
    FPT.fpcr(rmode: rng.below(4), fz: rng.below(3) == 0, dn: rng.below(3) == 0, fz16: rng.below(3) == 0,
             ahp: rng.below(4) == 0)
}

func fpDescribe(_ f: FPFormat, _ ops: [UInt64], _ fpcr: UInt32) -> String {
    "\(FPT.name(f)) ops \(ops.map { FPT.hex($0, f) }) fpcr 0x\(String(fpcr, radix: 16))"
}
