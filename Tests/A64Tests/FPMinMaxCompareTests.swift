// FPMax/FPMin/FPMaxNum/FPMinNum and FPCompare/EQ/GE/GT: random and special
// operands against the rules written out with host comparisons, plus
// hand-checked vectors.
import A64
import XCTest

final class FPMinMaxCompareTests: XCTestCase {
    /// Expected FPMax/FPMin, from host comparisons of the values.
    func expectedMaxMin(_ a: UInt64, _ b: UInt64, _ f: FPFormat, isMax: Bool, num: Bool, _ fpcr: UInt32)
        -> (UInt64, UInt32) {
        let (fa, ia) = fpFlushIn(a, f, fpcr)
        let (fb, ib) = fpFlushIn(b, f, fpcr)
        let idc = ia | ib
        var op1 = a, op2 = b
        if num {
            let q1 = f.kind(a) == .qnan, q2 = f.kind(b) == .qnan
            let loser = (isMax ? f.tSign : 0) | f.tInf
            if q1 && !q2 { op1 = loser } else if !q1 && q2 { op2 = loser }
        }
        if let (r, fl) = fpExpectedNaN([op1, op2], f, dn: fpcr & FPCRBits.DN != 0) { return (r, fl | idc) }
        let x = f.toDouble(op1 == a ? fa : op1), y = f.toDouble(op2 == b ? fb : op2)
        if x == 0 && y == 0 {
            let n1 = x.sign == .minus, n2 = y.sign == .minus
            let neg = isMax ? (n1 && n2) : (n1 || n2)
            return (neg ? f.tSign : 0, idc)
        }
        let pickFirst = isMax ? x > y : x < y
        return (f.fromDoubleExact(pickFirst ? x : y), idc)
    }

    func testMaxMinAgainstRules() {
        var rng = FPTestRNG(seed: 0xA64F_0101)
        var failures = 0
        for f in [FPFormat.half, .single, .double] {
            let sp = fpSpecials(f)
            var pairs: [(UInt64, UInt64)] = sp.flatMap { a in sp.map { (a, $0) } }
            for _ in 0..<FPT.scaled(20_000) { pairs.append((fpRandomOperand(f, &rng), fpRandomOperand(f, &rng))) }
            for (i, (a, b)) in pairs.enumerated() where failures < 20 {
                let fpcr = i < sp.count * sp.count ? FPT.fpcr(rmode: i % 4, fz: i % 3 == 0, dn: i % 5 == 0, fz16: i % 3 == 1)
                                                   : fpRandomFPCR(&rng)
                for (isMax, num) in [(true, false), (false, false), (true, true), (false, true)] {
                    var fpsr: UInt32 = 0
                    let r: UInt64
                    switch (isMax, num) {
                    case (true, false): r = FP.max(a, b, f, fpcr, &fpsr)
                    case (false, false): r = FP.min(a, b, f, fpcr, &fpsr)
                    case (true, true): r = FP.maxNum(a, b, f, fpcr, &fpsr)
                    case (false, true): r = FP.minNum(a, b, f, fpcr, &fpsr)
                    }
                    let (er, ef) = expectedMaxMin(a, b, f, isMax: isMax, num: num, fpcr)
                    if r != er || fpsr != ef {
                        failures += 1
                        XCTFail("\(isMax ? "max" : "min")\(num ? "Num" : "") \(fpDescribe(f, [a, b], fpcr)): got "
                                + "\(FPT.hex(r, f)) \(FPT.flagNames(fpsr)) expected \(FPT.hex(er, f)) \(FPT.flagNames(ef))")
                    }
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testMaxMinVectors() {
        var fpsr: UInt32 = 0
        let pz: UInt64 = 0, nz: UInt64 = 0x8000_0000, one: UInt64 = 0x3F80_0000
        let qn: UInt64 = 0x7FC0_0011, sn: UInt64 = 0x7F80_0022
        XCTAssertEqual(FP.max(pz, nz, .single, 0, &fpsr), pz)
        XCTAssertEqual(FP.max(nz, pz, .single, 0, &fpsr), pz)
        XCTAssertEqual(FP.min(pz, nz, .single, 0, &fpsr), nz)
        XCTAssertEqual(FP.min(nz, pz, .single, 0, &fpsr), nz)
        XCTAssertEqual(FP.max(nz, nz, .single, 0, &fpsr), nz)
        XCTAssertEqual(fpsr, 0)
        // FMAX propagates NaNs; FMAXNM ignores a single quiet NaN.
        XCTAssertEqual(FP.max(qn, one, .single, 0, &fpsr), qn)
        XCTAssertEqual(FP.maxNum(qn, one, .single, 0, &fpsr), one)
        XCTAssertEqual(FP.minNum(one, qn, .single, 0, &fpsr), one)
        XCTAssertEqual(FP.maxNum(qn, 0xFF80_0000, .single, 0, &fpsr), 0xFF80_0000)   // NaN vs -inf: -inf
        XCTAssertEqual(FP.minNum(qn, 0x7F80_0000, .single, 0, &fpsr), 0x7F80_0000)
        XCTAssertEqual(FP.maxNum(qn, 0xFFC0_0033, .single, 0, &fpsr), qn)            // two quiet NaNs: first
        XCTAssertEqual(fpsr, 0)
        // A signalling NaN is never ignored.
        XCTAssertEqual(FP.maxNum(sn, one, .single, 0, &fpsr), sn | 0x0040_0000)
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        XCTAssertEqual(FP.minNum(qn, sn, .single, 0, &fpsr), sn | 0x0040_0000)
        XCTAssertEqual(fpsr, FPT.IOC)
        // DN.
        fpsr = 0
        XCTAssertEqual(FP.min(qn, one, .single, FPT.fpcr(rmode: 0, dn: true), &fpsr), 0x7FC0_0000)
        // Denormals: kept without FZ, flushed (with IDC) with FZ.
        XCTAssertEqual(FP.max(0x8000_0001, 0x8000_0002, .single, 0, &fpsr), 0x8000_0001)
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.max(0x8000_0001, 0x8000_0000, .single, FPT.fpcr(rmode: 0, fz: true), &fpsr), 0x8000_0000)
        XCTAssertEqual(FP.max(0x0000_0001, 0x8000_0000, .single, FPT.fpcr(rmode: 0, fz: true), &fpsr), 0x0000_0000)
        XCTAssertEqual(fpsr, FPT.IDC)
        fpsr = 0
        XCTAssertEqual(FP.min(0x0001, 0x8000, .half, FPT.fpcr(rmode: 0, fz16: true), &fpsr), 0x8000)
        XCTAssertEqual(fpsr, 0)
    }

    func expectedCompare(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt32)
        -> (nzcv: UInt32, eq: Bool, ge: Bool, gt: Bool, idc: UInt32, anyNaN: Bool, sNaN: Bool) {
        let (fa, ia) = fpFlushIn(a, f, fpcr)
        let (fb, ib) = fpFlushIn(b, f, fpcr)
        let anyNaN = f.isNaN(a) || f.isNaN(b)
        let sNaN = f.kind(a) == .snan || f.kind(b) == .snan
        if anyNaN { return (0x3 << 28, false, false, false, ia | ib, true, sNaN) }
        let x = f.toDouble(fa), y = f.toDouble(fb)
        let nzcv: UInt32 = x == y ? 0x6 : x < y ? 0x8 : 0x2
        return (nzcv << 28, x == y, x >= y, x > y, ia | ib, false, false)
    }

    func testCompareAgainstRules() {
        var rng = FPTestRNG(seed: 0xA64F_0102)
        var failures = 0
        for f in [FPFormat.half, .single, .double] {
            let sp = fpSpecials(f)
            var pairs: [(UInt64, UInt64)] = sp.flatMap { a in sp.map { (a, $0) } }
            for _ in 0..<FPT.scaled(20_000) {
                let a = fpRandomOperand(f, &rng)
                pairs.append((a, rng.below(4) == 0 ? a ^ (rng.bool() ? f.tSign : 0) : fpRandomOperand(f, &rng)))
            }
            for (a, b) in pairs where failures < 20 {
                let fpcr = fpRandomFPCR(&rng)
                let e = expectedCompare(a, b, f, fpcr)
                var fpsr: UInt32 = 0
                let r = FP.compare(a, b, f, signalQuietNaN: false, fpcr, &fpsr)
                var ok = r == e.nzcv && fpsr == (e.idc | (e.sNaN ? FPT.IOC : 0))
                fpsr = 0
                ok = ok && FP.compare(a, b, f, signalQuietNaN: true, fpcr, &fpsr) == e.nzcv
                    && fpsr == (e.idc | (e.anyNaN ? FPT.IOC : 0))
                fpsr = 0
                ok = ok && FP.compareEQ(a, b, f, fpcr, &fpsr) == e.eq && fpsr == (e.idc | (e.sNaN ? FPT.IOC : 0))
                fpsr = 0
                ok = ok && FP.compareGE(a, b, f, fpcr, &fpsr) == e.ge && fpsr == (e.idc | (e.anyNaN ? FPT.IOC : 0))
                fpsr = 0
                ok = ok && FP.compareGT(a, b, f, fpcr, &fpsr) == e.gt && fpsr == (e.idc | (e.anyNaN ? FPT.IOC : 0))
                if !ok {
                    failures += 1
                    XCTFail("compare \(fpDescribe(f, [a, b], fpcr))")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testCompareVectors() {
        var fpsr: UInt32 = 0
        XCTAssertEqual(FP.compare(0x8000, 0x0000, .half, signalQuietNaN: true, 0, &fpsr), 0x6000_0000)   // -0 == +0
        XCTAssertEqual(FP.compare(0xBC00, 0x3C00, .half, signalQuietNaN: true, 0, &fpsr), 0x8000_0000)   // -1 < 1
        XCTAssertEqual(FP.compare(0x7C00, 0x7BFF, .half, signalQuietNaN: true, 0, &fpsr), 0x2000_0000)   // inf > max
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.compare(0x7E00, 0x3C00, .half, signalQuietNaN: false, 0, &fpsr), 0x3000_0000)
        XCTAssertEqual(fpsr, 0)
        XCTAssertEqual(FP.compare(0x7E00, 0x3C00, .half, signalQuietNaN: true, 0, &fpsr), 0x3000_0000)   // FCMPE
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        XCTAssertEqual(FP.compare(0x3C00, 0x7D00, .half, signalQuietNaN: false, 0, &fpsr), 0x3000_0000)  // sNaN
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        XCTAssertFalse(FP.compareEQ(0x7FC0_0000, 0x7FC0_0000, .single, 0, &fpsr))
        XCTAssertEqual(fpsr, 0)
        XCTAssertFalse(FP.compareGE(0x7FC0_0000, 0x3F80_0000, .single, 0, &fpsr))
        XCTAssertEqual(fpsr, FPT.IOC)
        fpsr = 0
        // FZ: a denormal equals zero.
        XCTAssertTrue(FP.compareEQ(0x0000_0000_0000_0001, 0x8000_0000_0000_0000, .double,
                                   FPT.fpcr(rmode: 0, fz: true), &fpsr))
        XCTAssertEqual(fpsr, FPT.IDC)
        fpsr = 0
        XCTAssertTrue(FP.compareGT(0x0000_0000_0000_0001, 0x8000_0000_0000_0000, .double, 0, &fpsr))
        XCTAssertEqual(fpsr, 0)
    }
}
