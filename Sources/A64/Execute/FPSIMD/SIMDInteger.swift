/// Advanced SIMD integer instructions (C7.2): three same, three different,
/// two-register miscellaneous, across lanes and shift by immediate, vector
/// and scalar forms. Each case is its instruction's Operation pseudocode,
/// element by element.
extension CPU {
    // MARK: three same (and the by-element forms of MUL, MLA, MLS, SQDMULH, SQRDMULH)

    func simdThreeSame(_ d: Decoded) {
        let n = v[d.rn], m = secondOperand(d), old = v[d.rd]
        let a = Int(d.a), mask = elementMask(a), esize = 8 << a
        let count = Int(d.b)
        var r = Vec128()
        switch d.op {
        case .AND_vec: r = Vec128(lo: n.lo & m.lo, hi: n.hi & m.hi)
        case .BIC_vec: r = Vec128(lo: n.lo & ~m.lo, hi: n.hi & ~m.hi)
        case .ORR_vec: r = Vec128(lo: n.lo | m.lo, hi: n.hi | m.hi)
        case .ORN_vec: r = Vec128(lo: n.lo | ~m.lo, hi: n.hi | ~m.hi)
        case .EOR_vec: r = Vec128(lo: n.lo ^ m.lo, hi: n.hi ^ m.hi)
        case .BSL: r = Vec128(lo: m.lo ^ ((m.lo ^ n.lo) & old.lo), hi: m.hi ^ ((m.hi ^ n.hi) & old.hi))
        case .BIT: r = Vec128(lo: old.lo ^ ((old.lo ^ n.lo) & m.lo), hi: old.hi ^ ((old.hi ^ n.hi) & m.hi))
        case .BIF: r = Vec128(lo: old.lo ^ ((old.lo ^ n.lo) & ~m.lo), hi: old.hi ^ ((old.hi ^ n.hi) & ~m.hi))
        case .ADDP where d.c & SIMDFlags.scalar != 0:
            // ADDP (scalar): the two D elements of Vn.
            r.setElement(0, a, n.lo &+ n.hi)
            writeResult(d, r, bytes: 8)
            return
        case .ADDP, .SMAXP, .UMAXP, .SMINP, .UMINP:
            // Pairs of the concatenation Vm:Vn (Vn in the low half).
            for e in 0..<count {
                let pair = 2 * e
                let src = pair < count ? n : m
                let i = pair < count ? pair : pair - count
                let x = src.element(i, a), y = src.element(i + 1, a)
                r.setElement(e, a, pairwise(d.op, x, y, a))
            }
        default:
            var saturated = false
            for e in 0..<count {
                let x = n.element(e, a), y = m.element(e, a)
                let (value, sat) = threeSameElement(d.op, x, y, old.element(e, a), a, esize, mask)
                saturated = saturated || sat
                r.setElement(e, a, value)
            }
            setQC(saturated)
        }
        writeResult(d, r, bytes: resultBytes(d))
    }

    private func pairwise(_ op: Op, _ x: UInt64, _ y: UInt64, _ a: Int) -> UInt64 {
        switch op {
        case .ADDP: return (x &+ y) & elementMask(a)
        case .SMAXP: return signedElement(x, a) >= signedElement(y, a) ? x : y
        case .SMINP: return signedElement(x, a) <= signedElement(y, a) ? x : y
        case .UMAXP: return max(x, y)
        default: return min(x, y)
        }
    }

    /// One element of a three-same operation: (result, saturated).
    private func threeSameElement(_ op: Op, _ x: UInt64, _ y: UInt64, _ acc: UInt64, _ a: Int,
                                  _ esize: Int, _ mask: UInt64) -> (UInt64, Bool) {
        let sx = Int128(signedElement(x, a)), sy = Int128(signedElement(y, a))
        let ux = Int128(x), uy = Int128(y)
        func trunc(_ v: Int128) -> UInt64 { UInt64(truncatingIfNeeded: v) & mask }
        func ones(_ c: Bool) -> UInt64 { c ? mask : 0 }
        switch op {
        case .SHADD: return (trunc((sx + sy) >> 1), false)
        case .UHADD: return (trunc((ux + uy) >> 1), false)
        case .SRHADD: return (trunc((sx + sy + 1) >> 1), false)
        case .URHADD: return (trunc((ux + uy + 1) >> 1), false)
        case .SHSUB: return (trunc((sx - sy) >> 1), false)
        case .UHSUB: return (trunc((ux - uy) >> 1), false)
        case .SQADD: return signedSaturate(sx + sy, a)
        case .UQADD: return unsignedSaturate(ux + uy, a)
        case .SQSUB: return signedSaturate(sx - sy, a)
        case .UQSUB: return unsignedSaturate(ux - uy, a)
        case .CMGT: return (ones(sx > sy), false)
        case .CMGE: return (ones(sx >= sy), false)
        case .CMHI: return (ones(ux > uy), false)
        case .CMHS: return (ones(ux >= uy), false)
        case .CMEQ: return (ones(x == y), false)
        case .CMTST: return (ones(x & y != 0), false)
        case .SSHL, .USHL, .SRSHL, .URSHL:
            // The shift is the signed bottom byte of the element of Vm.
            let shift = Int(Int8(truncatingIfNeeded: y))
            let unsigned = op == .USHL || op == .URSHL
            let round = op == .SRSHL || op == .URSHL
            if shift >= 0 {
                return (shift >= esize ? 0 : (x &<< UInt64(shift)) & mask, false)
            }
            return (trunc(shiftRounding(unsigned ? ux : sx, shift, round: round)), false)
        case .SQSHL, .UQSHL, .SQRSHL, .UQRSHL:
            let shift = Int(Int8(truncatingIfNeeded: y))
            let unsigned = op == .UQSHL || op == .UQRSHL
            let round = op == .SQRSHL || op == .UQRSHL
            return saturate(shiftRounding(unsigned ? ux : sx, shift, round: round), a, unsigned: unsigned)
        case .SMAX: return (sx >= sy ? x : y, false)
        case .SMIN: return (sx <= sy ? x : y, false)
        case .UMAX: return (max(x, y), false)
        case .UMIN: return (min(x, y), false)
        case .SABD: return (trunc(Int128((sx - sy).magnitude)), false)
        case .UABD: return (trunc(Int128((ux - uy).magnitude)), false)
        case .SABA: return ((acc &+ trunc(Int128((sx - sy).magnitude))) & mask, false)
        case .UABA: return ((acc &+ trunc(Int128((ux - uy).magnitude))) & mask, false)
        case .ADD_vec: return ((x &+ y) & mask, false)
        case .SUB_vec: return ((x &- y) & mask, false)
        case .MUL_vec: return ((x &* y) & mask, false)
        case .MLA: return ((acc &+ x &* y) & mask, false)
        case .MLS: return ((acc &- x &* y) & mask, false)
        case .PMUL: return (polynomialMultiply8(x, y) & 0xFF, false)
        case .SQDMULH: return signedSaturate((2 * sx * sy) >> esize, a)
        case .SQRDMULH: return signedSaturate((2 * sx * sy + (Int128(1) << (esize - 1))) >> esize, a)
        default: return (0, false)
        }
    }

    // MARK: three different (and their by-element forms)

    func simdThreeDifferent(_ d: Decoded) {
        let a = Int(d.a), wide = a + 1, count = Int(d.b)
        let nFull = v[d.rn], mFull = secondOperand(d), old = v[d.rd]
        let n = narrowHalf(nFull, d)
        let m = d.c & SIMDFlags.byElement != 0 ? mFull : narrowHalf(mFull, d)
        var r = Vec128()
        var saturated = false
        switch d.op {
        case .ADDHN, .RADDHN, .SUBHN, .RSUBHN:
            // Wide operands, narrow (high half) result.
            let esize = 8 << a
            for e in 0..<count {
                let x = nFull.element(e, wide), y = mFull.element(e, wide)
                var s = d.op == .ADDHN || d.op == .RADDHN ? x &+ y : x &- y
                if d.op == .RADDHN || d.op == .RSUBHN { s = s &+ (1 &<< UInt64(esize - 1)) }
                r.setElement(e, a, (s & elementMask(wide)) >> UInt64(esize))
            }
            writeNarrow(d, r)
            return
        default:
            break
        }
        let unsigned: Bool
        switch d.op {
        case .UADDL, .UADDW, .USUBL, .USUBW, .UABAL, .UABDL, .UMLAL, .UMLSL, .UMULL: unsigned = true
        default: unsigned = false
        }
        let wideMask = elementMask(wide)
        for e in 0..<count {
            let x = integerElement(n.element(e, a), a, unsigned: unsigned)
            let y = integerElement(m.element(e, a), a, unsigned: unsigned)
            let accumulator = old.element(e, wide)
            let value: UInt64
            switch d.op {
            case .SADDL, .UADDL: value = UInt64(truncatingIfNeeded: x + y)
            case .SSUBL, .USUBL: value = UInt64(truncatingIfNeeded: x - y)
            case .SADDW, .UADDW, .SSUBW, .USUBW:
                let w = integerElement(nFull.element(e, wide), wide, unsigned: unsigned)
                value = UInt64(truncatingIfNeeded: d.op == .SADDW || d.op == .UADDW ? w + y : w - y)
            case .SABDL, .UABDL: value = UInt64(truncatingIfNeeded: (x - y).magnitude)
            case .SABAL, .UABAL: value = accumulator &+ UInt64(truncatingIfNeeded: (x - y).magnitude)
            case .SMULL, .UMULL: value = UInt64(truncatingIfNeeded: x * y)
            case .SMLAL, .UMLAL: value = accumulator &+ UInt64(truncatingIfNeeded: x * y)
            case .SMLSL, .UMLSL: value = accumulator &- UInt64(truncatingIfNeeded: x * y)
            case .PMULL:
                value = polynomialMultiply8(UInt64(truncatingIfNeeded: x) & 0xFF, UInt64(truncatingIfNeeded: y) & 0xFF)
            default:
                // SQDMULL, SQDMLAL, SQDMLSL: the doubled product saturates, then
                // the accumulation saturates again.
                let (product, sat1) = signedSaturate(2 * x * y, wide)
                if d.op == .SQDMULL {
                    value = product; saturated = saturated || sat1
                } else {
                    let acc = Int128(signedElement(accumulator, wide))
                    let p = Int128(signedElement(product, wide))
                    let (sum, sat2) = signedSaturate(d.op == .SQDMLAL ? acc + p : acc - p, wide)
                    value = sum; saturated = saturated || sat1 || sat2
                }
            }
            r.setElement(e, wide, value & wideMask)
        }
        setQC(saturated)
        writeResult(d, r, bytes: count << wide)
    }

    // MARK: two-register miscellaneous (integer)

    func simdTwoRegisterMiscInteger(_ d: Decoded) {
        let n = v[d.rn], old = v[d.rd]
        let a = Int(d.a), mask = elementMask(a), count = Int(d.b)
        var r = Vec128()
        var saturated = false
        switch d.op {
        case .REV64, .REV32_vec, .REV16_vec:
            let container = d.op == .REV64 ? 3 : d.op == .REV32_vec ? 2 : 1
            let perContainer = 1 << (container - a)
            for e in 0..<count {
                let base = e & ~(perContainer - 1)
                r.setElement(e, a, n.element(base + (perContainer - 1 - (e - base)), a))
            }
        case .SADDLP, .UADDLP, .SADALP, .UADALP:
            let unsigned = d.op == .UADDLP || d.op == .UADALP
            for e in 0..<(count / 2) {
                let s = integerElement(n.element(2 * e, a), a, unsigned: unsigned)
                    + integerElement(n.element(2 * e + 1, a), a, unsigned: unsigned)
                var value = UInt64(truncatingIfNeeded: s)
                if d.op == .SADALP || d.op == .UADALP { value = value &+ old.element(e, a + 1) }
                r.setElement(e, a + 1, value & elementMask(a + 1))
            }
        case .XTN, .SQXTN, .UQXTN, .SQXTUN:
            for e in 0..<count {
                let w = n.element(e, a + 1)
                let value: UInt64
                switch d.op {
                case .XTN: value = w & mask
                case .SQXTN:
                    let (s, sat) = signedSaturate(Int128(signedElement(w, a + 1)), a); value = s; saturated = saturated || sat
                case .UQXTN:
                    let (s, sat) = unsignedSaturate(Int128(w), a); value = s; saturated = saturated || sat
                default:
                    let (s, sat) = unsignedSaturate(Int128(signedElement(w, a + 1)), a); value = s; saturated = saturated || sat
                }
                r.setElement(e, a, value)
            }
            setQC(saturated)
            writeNarrow(d, r)
            return
        case .SHLL:
            let src = narrowHalf(n, d)
            for e in 0..<count { r.setElement(e, a + 1, src.element(e, a) << UInt64(8 << a)) }
            writeResult(d, r, bytes: 16)
            return
        default:
            for e in 0..<count {
                let x = n.element(e, a)
                let s = Int128(signedElement(x, a))
                let value: UInt64
                switch d.op {
                case .CLS_vec: value = countLeadingSignBits(x, a)
                case .CLZ_vec: value = countLeadingZeros(x, a)
                case .CNT: value = UInt64(x.nonzeroBitCount)
                case .NOT: value = ~x & mask
                case .RBIT_vec: value = reverseBits64(x) >> 56
                case .ABS: value = UInt64(truncatingIfNeeded: s.magnitude) & mask
                case .NEG: value = (0 &- x) & mask
                case .SQABS:
                    let (q, sat) = signedSaturate(Int128(s.magnitude), a); value = q; saturated = saturated || sat
                case .SQNEG:
                    let (q, sat) = signedSaturate(-s, a); value = q; saturated = saturated || sat
                case .SUQADD:
                    // Signed accumulator plus the unsigned element of Vn.
                    let acc = Int128(signedElement(old.element(e, a), a))
                    let (q, sat) = signedSaturate(acc + Int128(x), a); value = q; saturated = saturated || sat
                case .USQADD:
                    let acc = Int128(old.element(e, a))
                    let (q, sat) = unsignedSaturate(acc + s, a); value = q; saturated = saturated || sat
                case .CMGT_zero: value = s > 0 ? mask : 0
                case .CMGE_zero: value = s >= 0 ? mask : 0
                case .CMEQ_zero: value = s == 0 ? mask : 0
                case .CMLE_zero: value = s <= 0 ? mask : 0
                default: value = s < 0 ? mask : 0       // CMLT_zero
                }
                r.setElement(e, a, value)
            }
            setQC(saturated)
        }
        writeResult(d, r, bytes: resultBytes(d))
    }

    // MARK: across lanes (integer)

    func simdAcrossLanesInteger(_ d: Decoded) {
        let n = v[d.rn], a = Int(d.a), count = Int(d.b)
        let unsigned: Bool
        switch d.op {
        case .UADDLV, .UMAXV, .UMINV: unsigned = true
        default: unsigned = false
        }
        var acc = integerElement(n.element(0, a), a, unsigned: unsigned)
        for e in 1..<count {
            let x = integerElement(n.element(e, a), a, unsigned: unsigned)
            switch d.op {
            case .SMAXV, .UMAXV: acc = max(acc, x)
            case .SMINV, .UMINV: acc = min(acc, x)
            default: acc += x
            }
        }
        let resultSize = d.op == .SADDLV || d.op == .UADDLV ? a + 1 : a
        let value = UInt64(truncatingIfNeeded: acc) & elementMask(resultSize)
        v[d.rd] = Vec128(lo: value)
    }

    // MARK: shift by immediate (integer)

    func simdShiftImmediate(_ d: Decoded) {
        let n = v[d.rn], old = v[d.rd]
        let a = Int(d.a), mask = elementMask(a), count = Int(d.b), esize = 8 << a
        let shift = Int(d.imm)
        var r = Vec128()
        var saturated = false
        switch d.op {
        case .SHRN, .RSHRN, .SQSHRN, .UQSHRN, .SQRSHRN, .UQRSHRN, .SQSHRUN, .SQRSHRUN:
            let round = d.op == .RSHRN || d.op == .SQRSHRN || d.op == .UQRSHRN || d.op == .SQRSHRUN
            let unsignedSource = d.op == .UQSHRN || d.op == .UQRSHRN
            for e in 0..<count {
                let w = integerElement(n.element(e, a + 1), a + 1, unsigned: unsignedSource || d.op == .SHRN || d.op == .RSHRN)
                let shifted = shiftRounding(w, -shift, round: round)
                let value: UInt64
                switch d.op {
                case .SHRN, .RSHRN: value = UInt64(truncatingIfNeeded: shifted) & mask
                case .SQSHRN, .SQRSHRN:
                    let (q, sat) = signedSaturate(shifted, a); value = q; saturated = saturated || sat
                default:    // UQSHRN, UQRSHRN, SQSHRUN, SQRSHRUN
                    let (q, sat) = unsignedSaturate(shifted, a); value = q; saturated = saturated || sat
                }
                r.setElement(e, a, value)
            }
            setQC(saturated)
            writeNarrow(d, r)
            return
        case .SSHLL, .USHLL:
            let src = narrowHalf(n, d)
            for e in 0..<count {
                let x = src.element(e, a)
                let w = d.op == .SSHLL ? UInt64(bitPattern: signedElement(x, a)) : x
                r.setElement(e, a + 1, (w &<< UInt64(shift)) & elementMask(a + 1))
            }
            writeResult(d, r, bytes: 16)
            return
        default:
            break
        }
        for e in 0..<count {
            let x = n.element(e, a), acc = old.element(e, a)
            let value: UInt64
            switch d.op {
            case .SSHR, .SRSHR, .SSRA, .SRSRA, .USHR, .URSHR, .USRA, .URSRA:
                let unsigned = d.op == .USHR || d.op == .URSHR || d.op == .USRA || d.op == .URSRA
                let round = d.op == .SRSHR || d.op == .SRSRA || d.op == .URSHR || d.op == .URSRA
                let shifted = UInt64(truncatingIfNeeded: shiftRounding(integerElement(x, a, unsigned: unsigned), -shift, round: round))
                let accumulate = d.op == .SSRA || d.op == .SRSRA || d.op == .USRA || d.op == .URSRA
                value = (accumulate ? acc &+ shifted : shifted) & mask
            case .SHL:
                value = (x &<< UInt64(shift)) & mask
            case .SLI:
                let m = (mask &<< UInt64(shift)) & mask
                value = (acc & ~m) | ((x &<< UInt64(shift)) & m)
            case .SRI:
                let m = shift >= esize ? 0 : mask >> UInt64(shift)
                value = shift >= esize ? acc : (acc & ~m) | (x >> UInt64(shift))
            case .SQSHL_imm:
                let (q, sat) = signedSaturate(shiftRounding(Int128(signedElement(x, a)), shift, round: false), a)
                value = q; saturated = saturated || sat
            case .UQSHL_imm:
                let (q, sat) = unsignedSaturate(shiftRounding(Int128(x), shift, round: false), a)
                value = q; saturated = saturated || sat
            default:    // SQSHLU: signed source, unsigned saturation
                let (q, sat) = unsignedSaturate(shiftRounding(Int128(signedElement(x, a)), shift, round: false), a)
                value = q; saturated = saturated || sat
            }
            r.setElement(e, a, value)
        }
        setQC(saturated)
        writeResult(d, r, bytes: resultBytes(d))
    }
}
