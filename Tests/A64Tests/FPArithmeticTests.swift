// FPAdd/FPSub/FPMul/FPDiv/FPSqrt/FPMulAdd against the x86-64 host (with the
// Arm/x86 differences handled explicitly), fast path vs soft path, and
// hand-checked vectors for the rules the host cannot check.
import A64
import Glibc
import XCTest

final class FPArithmeticTests: XCTestCase {
    static let ops: [FPTHostOp] = [.add, .sub, .mul, .div, .sqrt, .fma]

    /// Runs an operation through the public API (fast path included).
    func run(_ op: FPTHostOp, _ ops: [UInt64], _ f: FPFormat, _ fpcr: UInt32) -> (UInt64, UInt32) {
        var fpsr: UInt32 = 0
        let r: UInt64
        switch op {
        case .add: r = FP.add(ops[0], ops[1], f, fpcr, &fpsr)
        case .sub: r = FP.sub(ops[0], ops[1], f, fpcr, &fpsr)
        case .mul: r = FP.mul(ops[0], ops[1], f, fpcr, &fpsr)
        case .div: r = FP.div(ops[0], ops[1], f, fpcr, &fpsr)
        case .sqrt: r = FP.sqrt(ops[0], f, fpcr, &fpsr)
        case .fma: r = FP.mulAdd(addend: ops[0], ops[1], ops[2], f, fpcr, &fpsr)
        }
        return (r, fpsr)
    }

    /// Runs an operation through the exact soft path only.
    func runSoft(_ op: FPTHostOp, _ ops: [UInt64], _ f: FPFormat, _ fpcr: UInt32) -> (UInt64, UInt32) {
        var fpsr: UInt32 = 0
        let r: UInt64
        switch op {
        case .add: r = FP.Soft.add(ops[0], ops[1], f, fpcr, &fpsr)
        case .sub: r = FP.Soft.sub(ops[0], ops[1], f, fpcr, &fpsr)
        case .mul: r = FP.Soft.mul(ops[0], ops[1], f, fpcr, &fpsr)
        case .div: r = FP.Soft.div(ops[0], ops[1], f, fpcr, &fpsr)
        case .sqrt: r = FP.Soft.sqrt(ops[0], f, fpcr, &fpsr)
        case .fma: r = FP.Soft.mulAdd(addend: ops[0], ops[1], ops[2], f, fpcr, &fpsr)
        }
        return (r, fpsr)
    }

    /// Runs only the host fast path (nil: not taken).
    func runFast(_ op: FPTHostOp, _ ops: [UInt64], _ f: FPFormat) -> (UInt64, UInt32)? {
        var fpsr: UInt32 = 0
        let r: UInt64?
        let d = f == .double
        switch op {
        case .add: r = d ? FP.Fast.add64(ops[0], ops[1], &fpsr) : FP.Fast.add32(ops[0], ops[1], &fpsr)
        case .sub: r = d ? FP.Fast.add64(ops[0], ops[1] ^ (1 << 63), &fpsr)
                         : FP.Fast.add32(ops[0], ops[1] ^ (1 << 31), &fpsr)
        case .mul: r = d ? FP.Fast.mul64(ops[0], ops[1], &fpsr) : FP.Fast.mul32(ops[0], ops[1], &fpsr)
        case .div: r = d ? FP.Fast.div64(ops[0], ops[1], &fpsr) : FP.Fast.div32(ops[0], ops[1], &fpsr)
        case .sqrt: r = d ? FP.Fast.sqrt64(ops[0], &fpsr) : FP.Fast.sqrt32(ops[0], &fpsr)
        case .fma: r = d ? FP.Fast.mulAdd64(ops[0], ops[1], ops[2], &fpsr)
                         : FP.Fast.mulAdd32(ops[0], ops[1], ops[2], &fpsr)
        }
        return r.map { ($0, fpsr) }
    }

    static func arity(_ op: FPTHostOp) -> Int { op == .sqrt ? 1 : op == .fma ? 3 : 2 }

    func check(_ op: FPTHostOp, _ ops: [UInt64], _ f: FPFormat, _ fpcr: UInt32,
               file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let (er, ef) = fpExpectedArith(op, ops, f, fpcr)
        let (r, fl) = run(op, ops, f, fpcr)
        if r != er || fl != ef {
            XCTFail("\(op) \(fpDescribe(f, ops, fpcr)): got \(FPT.hex(r, f)) \(FPT.flagNames(fl)), "
                    + "expected \(FPT.hex(er, f)) \(FPT.flagNames(ef))", file: file, line: line)
            return false
        }
        return true
    }

    // MARK: - Oracle tests

    func testSpecialOperandsAgainstHost() {
        let fpcrs: [UInt32] = (0..<4).flatMap { m in
            [FPT.fpcr(rmode: m), FPT.fpcr(rmode: m, fz: true, dn: true, fz16: true)]
        } + [FPT.fpcr(rmode: 0, fz: true), FPT.fpcr(rmode: 0, fz16: true), FPT.fpcr(rmode: 0, ahp: true)]
        var failures = 0
        var checked = 0
        for f in [FPFormat.half, .single, .double] {
            let sp = fpSpecials(f)
            let small = sp.enumerated().filter { $0.offset % 2 == 0 }.map { $0.element }
            for op in Self.ops where failures < 20 {
                for fpcr in fpcrs {
                    switch Self.arity(op) {
                    case 1:
                        for a in sp { checked += 1; if !check(op, [a], f, fpcr) { failures += 1 } }
                    case 2:
                        for a in sp { for b in sp { checked += 1; if !check(op, [a, b], f, fpcr) { failures += 1 } } }
                    default:
                        for c in small { for a in small { for b in small {
                            checked += 1
                            if !check(op, [c, a, b], f, fpcr) { failures += 1 }
                        } } }
                    }
                }
            }
        }
        XCTAssertEqual(failures, 0)
        XCTAssertGreaterThan(checked, 100_000)
    }

    func testRandomOperandsAgainstHost() {
        var rng = FPTestRNG(seed: 0xA64F_0001)
        var failures = 0
        for f in [FPFormat.half, .single, .double] {
            for op in Self.ops {
                for _ in 0..<FPT.scaled(12_000) where failures < 20 {
                    let ops = (0..<Self.arity(op)).map { _ in fpRandomOperand(f, &rng) }
                    if !check(op, ops, f, fpRandomFPCR(&rng)) { failures += 1 }
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    /// Operand pairs built to land on rounding ties, exact results and the
    /// underflow/overflow boundaries.
    func testConstructedBoundaryCasesAgainstHost() {
        var rng = FPTestRNG(seed: 0xA64F_0002)
        var failures = 0
        var checked = 0
        for f in [FPFormat.half, .single, .double] {
            let F = UInt64(f.fracBits)
            func c(_ op: FPTHostOp, _ ops: [UInt64], _ fpcr: UInt32) {
                checked += 1
                if failures < 20 && !check(op, ops, f, fpcr) { failures += 1 }
            }
            for _ in 0..<FPT.scaled(6_000) {
                let fpcr = fpRandomFPCR(&rng)
                let a = fpRandomNormal(f, &rng, wide: true) & ~f.tSign
                let ea = (a >> F) & f.tExpAll
                if ea > F + 2 {
                    // b = half an ulp of a, with optional extra low bits: ties in add/sub.
                    let b = ((ea - F - 1) << F) | (rng.bool() ? 0 : rng.next() & 3)
                    c(.add, [a, b], fpcr)
                    c(.sub, [a, b | f.tSign], fpcr)
                }
                // Products, quotients and fmas around the smallest normal.
                let small = (UInt64(1 + rng.below(3)) << F) | (rng.next() & f.tFracMask)
                let nearOne = (UInt64(f.tBias - 1 + rng.below(2)) << F) | (rng.next() & f.tFracMask)
                c(.mul, [small, nearOne], fpcr)
                c(.div, [small, nearOne | (UInt64(1) << F)], fpcr)
                c(.fma, [small | f.tSign, nearOne, small], fpcr)
                // fma whose exact result is the product's rounding error.
                let x = fpRandomOperand(f, &rng), y = fpRandomOperand(f, &rng)
                var fs: UInt32 = 0
                let p = FP.mul(x, y, f, FPT.fpcr(rmode: 0), &fs)
                c(.fma, [p ^ f.tSign, x, y], fpcr)
                // Products near the overflow threshold.
                let big = ((f.tExpAll - 1 - UInt64(rng.below(2))) << F) | (rng.next() & f.tFracMask)
                c(.mul, [big, (UInt64(f.tBias) << F) | (rng.next() & f.tFracMask)], fpcr)
            }
        }
        XCTAssertEqual(failures, 0)
        XCTAssertGreaterThan(checked, 80_000)
    }

    // MARK: - Fast path vs soft path

    func testFastPathMatchesSoftPath() {
        var rng = FPTestRNG(seed: 0xA64F_0003)
        var failures = 0
        var fastTaken = 0
        var total = 0
        for f in [FPFormat.single, .double] {
            for op in Self.ops {
                for i in 0..<FPT.scaled(30_000) where failures < 20 {
                    let wide = i % 3 == 0
                    var ops = (0..<Self.arity(op)).map { _ in fpRandomNormal(f, &rng, wide: wide) }
                    if op == .sqrt { ops[0] &= ~f.tSign }
                    if op == .fma {
                        switch i % 8 {
                        case 0:   // exact: addend = -RN(a*b) -> result is the product's error
                            var fs: UInt32 = 0
                            ops[0] = FP.Soft.mul(ops[1], ops[2], f, 0, &fs) ^ f.tSign
                        case 1:   // addend of similar magnitude to the product
                            var fs: UInt32 = 0
                            let p = FP.Soft.mul(ops[1], ops[2], f, 0, &fs)
                            ops[0] = (p & ~f.tFracMask) | (rng.next() & f.tFracMask) ^ (rng.bool() ? f.tSign : 0)
                        case 2:   // zero addend
                            ops[0] = rng.bool() ? f.tSign : 0
                        default: break
                        }
                    }
                    let fpcr = FPT.fpcr(rmode: 0, fz: rng.bool(), dn: rng.bool())
                    let soft = runSoft(op, ops, f, fpcr)
                    let pub = run(op, ops, f, fpcr)
                    total += 1
                    if let fast = runFast(op, ops, f) {
                        fastTaken += 1
                        if fast != soft {
                            failures += 1
                            XCTFail("fast \(op) \(fpDescribe(f, ops, fpcr)): \(FPT.hex(fast.0, f)) "
                                    + "\(FPT.flagNames(fast.1)) vs soft \(FPT.hex(soft.0, f)) \(FPT.flagNames(soft.1))")
                        }
                    }
                    if pub != soft {
                        failures += 1
                        XCTFail("public \(op) \(fpDescribe(f, ops, fpcr)) differs from soft path")
                    }
                }
            }
        }
        XCTAssertEqual(failures, 0)
        // The fast path must actually be exercised.
        XCTAssertGreaterThan(Double(fastTaken) / Double(total), 0.6, "fast path taken \(fastTaken)/\(total)")
    }

    func testFastPathDeclinesBoundaryResults() {
        var fpsr: UInt32 = 0
        // Product rounding up to the smallest normal: must go to the soft path (UFC).
        let a: UInt64 = 0x3FEF_FFFF_FFFF_FFFF, b: UInt64 = 0x0010_0000_0000_0000
        XCTAssertNil(FP.Fast.mul64(a, b, &fpsr))
        XCTAssertEqual(FP.mul(a, b, .double, 0, &fpsr), 0x0010_0000_0000_0000)
        XCTAssertEqual(fpsr, FPT.UFC | FPT.IXC)
        // Overflow, denormal operand, NaN, directed rounding.
        fpsr = 0
        XCTAssertNil(FP.Fast.add64(0x7FEF_FFFF_FFFF_FFFF, 0x7FEF_FFFF_FFFF_FFFF, &fpsr))
        XCTAssertNil(FP.Fast.add64(0x3FF0_0000_0000_0000, 0x0000_0000_0000_0001, &fpsr))
        XCTAssertNil(FP.Fast.mul32(0x7FC0_0000, 0x3F80_0000, &fpsr))
        XCTAssertNil(FP.Fast.sqrt64(0xBFF0_0000_0000_0000, &fpsr))
        XCTAssertEqual(fpsr, 0)
        // Taken and exact / inexact.
        XCTAssertEqual(FP.Fast.add64(0x3FF0_0000_0000_0000, 0x3FF0_0000_0000_0000, &fpsr), 0x4000_0000_0000_0000)
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.Fast.div64(0x3FF0_0000_0000_0000, 0x4008_0000_0000_0000, &fpsr), 0x3FD5_5555_5555_5555)
        XCTAssertEqual(fpsr, FPT.IXC)
        fpsr = 0
        XCTAssertEqual(FP.Fast.sqrt32(0x4110_0000, &fpsr), 0x4040_0000)   // sqrt(9) = 3 exactly
        XCTAssertEqual(fpsr, 0)
        // 1 * 1 + 2^-60: inexact although the host's double rounding of the
        // addend alone would hide it.
        XCTAssertEqual(FP.Fast.mulAdd64(0x3C30_0000_0000_0000, 0x3FF0_0000_0000_0000, 0x3FF0_0000_0000_0000, &fpsr),
                       0x3FF0_0000_0000_0000)
        XCTAssertEqual(fpsr, FPT.IXC)
    }

    // MARK: - Hand-checked vectors

    func testFlushToZero() {
        let fz = FPT.fpcr(rmode: 0, fz: true)
        var fpsr: UInt32 = 0
        // Denormal input flushed (IDC), keeps its sign.
        XCTAssertEqual(FP.add(0x8000_0000_0000_0001, 0x8000_0000_0000_0000, .double, fz, &fpsr), 0x8000_0000_0000_0000)
        XCTAssertEqual(fpsr, FPT.IDC)
        // Without FZ the denormal survives.
        fpsr = 0
        XCTAssertEqual(FP.add(0x8000_0000_0000_0001, 0x8000_0000_0000_0000, .double, 0, &fpsr), 0x8000_0000_0000_0001)
        XCTAssertEqual(fpsr, 0)
        // Tiny result flushed: UFC only (no IXC), sign kept.
        fpsr = 0
        XCTAssertEqual(FP.mul(0x0080_0000, 0xBF00_0000, .single, fz, &fpsr), 0x8000_0000)   // minNormal * -0.5
        XCTAssertEqual(fpsr, FPT.UFC)
        // Exact tiny result without FZ: denormal, no flags.
        fpsr = 0
        XCTAssertEqual(FP.mul(0x0080_0000, 0xBF00_0000, .single, 0, &fpsr), 0x8040_0000)
        XCTAssertEqual(fpsr, 0)
        // A result that rounds up to the smallest normal is still flushed (tiny before rounding).
        fpsr = 0
        XCTAssertEqual(FP.mul(0x3FEF_FFFF_FFFF_FFFF, 0x0010_0000_0000_0000, .double, fz, &fpsr), 0)
        XCTAssertEqual(fpsr, FPT.UFC)
        // IDC is raised even when the result is a NaN from the other operand.
        fpsr = 0
        XCTAssertEqual(FP.add(0x0000_0001, 0x7FC0_0001, .single, fz, &fpsr), 0x7FC0_0001)
        XCTAssertEqual(fpsr, FPT.IDC)
        // FZ16 flushes half precision inputs without IDC and outputs with UFC.
        fpsr = 0
        let fz16 = FPT.fpcr(rmode: 0, fz16: true)
        XCTAssertEqual(FP.add(0x0001, 0x0000, .half, fz16, &fpsr), 0x0000)
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.mul(0x0400, 0x3800, .half, fz16, &fpsr), 0x0000)    // minNormal * 0.5
        XCTAssertEqual(fpsr, FPT.UFC)
        // FZ does not affect half precision; FZ16 does not affect single.
        fpsr = 0
        XCTAssertEqual(FP.add(0x0001, 0x0000, .half, fz, &fpsr), 0x0001)
        XCTAssertEqual(FP.add(0x0000_0001, 0x0000_0000, .single, fz16, &fpsr), 0x0000_0001)
        XCTAssertEqual(fpsr, 0)
    }

    func testUnderflowIsDetectedBeforeRounding() {
        var fpsr: UInt32 = 0
        // (1 - 2^-53) * minNormal is tiny and rounds (tie to even) to minNormal: UFC + IXC
        // on Arm, where x86 would report only IXC.
        XCTAssertEqual(FP.mul(0x3FEF_FFFF_FFFF_FFFF, 0x0010_0000_0000_0000, .double, 0, &fpsr), 0x0010_0000_0000_0000)
        XCTAssertEqual(fpsr, FPT.UFC | FPT.IXC)
        // Inexact denormal result: UFC + IXC. Exact denormal result: nothing.
        fpsr = 0
        XCTAssertEqual(FP.div(0x0000_0003, 0x4000_0000, .single, 0, &fpsr), 0x0000_0002)   // 1.5 ulp -> 2 (tie to even)
        XCTAssertEqual(fpsr, FPT.UFC | FPT.IXC)
        fpsr = 0
        XCTAssertEqual(FP.div(0x0000_0004, 0x4000_0000, .single, 0, &fpsr), 0x0000_0002)
        XCTAssertEqual(fpsr, 0)
    }

    func testOverflowByRoundingMode() {
        let maxD: UInt64 = 0x7FEF_FFFF_FFFF_FFFF
        let expect: [(Int, UInt64, UInt64)] = [   // mode, +max + +max, -max + -max
            (0, 0x7FF0_0000_0000_0000, 0xFFF0_0000_0000_0000),
            (1, 0x7FF0_0000_0000_0000, 0xFFEF_FFFF_FFFF_FFFF),
            (2, 0x7FEF_FFFF_FFFF_FFFF, 0xFFF0_0000_0000_0000),
            (3, 0x7FEF_FFFF_FFFF_FFFF, 0xFFEF_FFFF_FFFF_FFFF),
        ]
        for (mode, pos, neg) in expect {
            var fpsr: UInt32 = 0
            XCTAssertEqual(FP.add(maxD, maxD, .double, FPT.fpcr(rmode: mode), &fpsr), pos)
            XCTAssertEqual(FP.add(maxD | 1 << 63, maxD | 1 << 63, .double, FPT.fpcr(rmode: mode), &fpsr), neg)
            XCTAssertEqual(fpsr, FPT.OFC | FPT.IXC)
        }
        var fpsr: UInt32 = 0
        XCTAssertEqual(FP.mul(0x7BFF, 0x4000, .half, 0, &fpsr), 0x7C00)
        XCTAssertEqual(fpsr, FPT.OFC | FPT.IXC)
    }

    func testExactZeroSigns() {
        for mode in 0..<4 {
            var fpsr: UInt32 = 0
            let z: UInt64 = mode == 2 ? 0x8000_0000 : 0
            XCTAssertEqual(FP.sub(0x3F80_0000, 0x3F80_0000, .single, FPT.fpcr(rmode: mode), &fpsr), z)
            XCTAssertEqual(FP.add(0x8000_0000, 0x0000_0000, .single, FPT.fpcr(rmode: mode), &fpsr), z)
            XCTAssertEqual(FP.add(0x8000_0000, 0x8000_0000, .single, FPT.fpcr(rmode: mode), &fpsr), 0x8000_0000)
            // 1 * 1 + (-1) = exact zero.
            XCTAssertEqual(FP.mulAdd(addend: 0xBF80_0000, 0x3F80_0000, 0x3F80_0000, .single, FPT.fpcr(rmode: mode), &fpsr), z)
            // -0 + (+0 * -1) = -0 + -0 = -0 in every mode.
            XCTAssertEqual(FP.mulAdd(addend: 0x8000_0000, 0x0000_0000, 0xBF80_0000, .single, FPT.fpcr(rmode: mode), &fpsr),
                           0x8000_0000)
            XCTAssertEqual(fpsr, 0)
        }
    }

    func testNaNPropagationAndDefaultNaN() {
        var fpsr: UInt32 = 0
        let qA: UInt64 = 0x7FF8_0000_0000_00AA, qB: UInt64 = 0xFFF8_0000_0000_00BB
        let sA: UInt64 = 0x7FF0_0000_0000_00CC, sB: UInt64 = 0xFFF0_0000_0000_00DD
        let one: UInt64 = 0x3FF0_0000_0000_0000
        // First quiet NaN when there is no signalling NaN.
        XCTAssertEqual(FP.add(qA, qB, .double, 0, &fpsr), qA)
        XCTAssertEqual(FP.add(one, qB, .double, 0, &fpsr), qB)
        XCTAssertEqual(fpsr, 0)
        // A signalling NaN wins over an earlier quiet NaN and is quietened.
        XCTAssertEqual(FP.mul(qA, sB, .double, 0, &fpsr), sB | 0x0008_0000_0000_0000)
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        XCTAssertEqual(FP.div(sA, sB, .double, 0, &fpsr), sA | 0x0008_0000_0000_0000)
        XCTAssertEqual(fpsr, FPT.IOC)
        // FPSub does not negate a NaN second operand.
        fpsr = 0
        XCTAssertEqual(FP.sub(one, qA, .double, 0, &fpsr), qA)
        XCTAssertEqual(FP.Soft.sub(one, qA, .double, 0, &fpsr), qA)
        // DN: default NaN (positive, quiet, zero payload).
        let dn = FPT.fpcr(rmode: 0, dn: true)
        XCTAssertEqual(FP.add(qB, one, .double, dn, &fpsr), 0x7FF8_0000_0000_0000)
        XCTAssertEqual(FP.sqrt(0xFE01, .half, dn, &fpsr), 0x7E00)
        XCTAssertEqual(fpsr, 0)
        // Invalid operations give the default NaN (x86 would give a negative one).
        XCTAssertEqual(FP.sub(0x7F80_0000, 0x7F80_0000, .single, 0, &fpsr), 0x7FC0_0000)
        XCTAssertEqual(FP.sqrt(0xBF80_0000, .single, 0, &fpsr), 0x7FC0_0000)
        XCTAssertEqual(FP.mul(0x7C00, 0x8000, .half, 0, &fpsr), 0x7E00)
        XCTAssertEqual(fpsr, FPT.IOC)
        // sqrt(-0) = -0, sqrt of a quiet NaN keeps its payload and sign.
        fpsr = 0
        XCTAssertEqual(FP.sqrt(0x8000, .half, 0, &fpsr), 0x8000)
        XCTAssertEqual(FP.sqrt(0xFE05, .half, 0, &fpsr), 0xFE05)
        XCTAssertEqual(fpsr, 0)
    }

    func testMulAddNaNRules() {
        let inf: UInt64 = 0x7F80_0000, zero: UInt64 = 0, one: UInt64 = 0x3F80_0000
        let qN: UInt64 = 0x7FC0_0123, sN: UInt64 = 0x7F80_0456, qN2: UInt64 = 0xFFC0_0789
        var fpsr: UInt32 = 0
        // Quiet NaN addend with inf * 0: default NaN and Invalid Operation.
        XCTAssertEqual(FP.mulAdd(addend: qN, inf, zero, .single, 0, &fpsr), 0x7FC0_0000)
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        XCTAssertEqual(FP.mulAdd(addend: qN, zero | 0x8000_0000, inf, .single, 0, &fpsr), 0x7FC0_0000)
        XCTAssertEqual(fpsr, FPT.IOC)
        // Signalling NaN addend with inf * 0: the quietened addend.
        fpsr = 0
        XCTAssertEqual(FP.mulAdd(addend: sN, inf, zero, .single, 0, &fpsr), sN | 0x0040_0000)
        XCTAssertEqual(fpsr, FPT.IOC)
        // Quiet NaN addend otherwise propagates (checked first), without IOC.
        fpsr = 0
        XCTAssertEqual(FP.mulAdd(addend: qN, qN2, one, .single, 0, &fpsr), qN)
        XCTAssertEqual(fpsr, 0)
        // A signalling NaN multiplicand wins over a quiet NaN addend.
        XCTAssertEqual(FP.mulAdd(addend: qN, one, sN, .single, 0, &fpsr), sN | 0x0040_0000)
        XCTAssertEqual(fpsr, FPT.IOC)
        // inf * 0 + number, and inf + (-inf) from the product: default NaN.
        fpsr = 0
        XCTAssertEqual(FP.mulAdd(addend: one, inf, zero, .single, 0, &fpsr), 0x7FC0_0000)
        XCTAssertEqual(FP.mulAdd(addend: inf, inf | 0x8000_0000, one, .single, 0, &fpsr), 0x7FC0_0000)
        XCTAssertEqual(fpsr, FPT.IOC)
        // Fused: (1 + 2^-23) * (1 - 2^-23) - 1 = -2^-46 exactly (a separate multiply would give 0).
        fpsr = 0
        XCTAssertEqual(FP.mulAdd(addend: 0xBF80_0000, 0x3F80_0001, 0x3F7F_FFFE, .single, 0, &fpsr), 0xA880_0000)
        XCTAssertEqual(fpsr, 0)
    }

    func testMulXAndDivisionByZero() {
        var fpsr: UInt32 = 0
        XCTAssertEqual(FP.mulX(0x7F80_0000, 0x8000_0000, .single, 0, &fpsr), 0xC000_0000)       // inf * -0 = -2
        XCTAssertEqual(FP.mulX(0x0000, 0x7C00, .half, 0, &fpsr), 0x4000)                          // 0 * inf = 2
        XCTAssertEqual(FP.mulX(0xFFF0_0000_0000_0000, 0, .double, 0, &fpsr), 0xC000_0000_0000_0000)
        // With FZ a denormal counts as zero.
        XCTAssertEqual(FP.mulX(0x0000_0001, 0x7F80_0000, .single, FPT.fpcr(rmode: 0, fz: true), &fpsr), 0x4000_0000)
        XCTAssertEqual(fpsr, FPT.IDC)
        fpsr = 0
        XCTAssertEqual(FP.mulX(0x4000_0000, 0x4040_0000, .single, 0, &fpsr), 0x40C0_0000)
        XCTAssertEqual(FP.mulX(0x7FC0_0001, 0x7F80_0000, .single, 0, &fpsr), 0x7FC0_0001)
        XCTAssertEqual(fpsr, 0)
        // Division: finite / 0 -> inf + DZC; inf / 0 -> inf, no DZC; 0 / 0 -> NaN + IOC.
        XCTAssertEqual(FP.div(0xBF80_0000, 0x0000_0000, .single, 0, &fpsr), 0xFF80_0000)
        XCTAssertEqual(fpsr, FPT.DZC)
        fpsr = 0
        XCTAssertEqual(FP.div(0x7F80_0000, 0x8000_0000, .single, 0, &fpsr), 0xFF80_0000)
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.div(0x8000, 0x0000, .half, 0, &fpsr), 0x7E00)
        XCTAssertEqual(fpsr, FPT.IOC)
        // With FZ a denormal dividend over zero is 0/0.
        fpsr = 0
        XCTAssertEqual(FP.div(0x0000_0000_0000_0001, 0, .double, FPT.fpcr(rmode: 0, fz: true), &fpsr),
                       0x7FF8_0000_0000_0000)
        XCTAssertEqual(fpsr, FPT.IOC | FPT.IDC)
    }
}
