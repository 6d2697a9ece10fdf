/// Floating-point instructions, scalar (C7.2 FADD (scalar) ...) and
/// Advanced SIMD (FADD (vector) ...): the element loop and operand routing;
/// the arithmetic itself is the IEEE 754 core in FloatingPoint/ (`FP`),
/// which follows the ARM ARM's FPAdd, FPMulAdd, FPRound... pseudocode.
extension CPU {
    @inline(__always) static func format(_ log2size: UInt8) -> FPFormat {
        log2size == 3 ? .double : log2size == 2 ? .single : .half
    }

    func executeFloatingPoint(_ d: Decoded) throws(CPUException) {
        let a = Int(d.a), f = Self.format(d.a)
        switch d.op {
        case .FMOV_reg:
            writeResult(d, v[d.rn], bytes: 1 << a)
        case .FMOV_imm:
            writeResult(d, Vec128(lo: d.imm), bytes: 1 << a)
        case .FMOV_toGeneral:
            let n = v[d.rn]
            x[d.rd] = d.imm == 1 ? n.hi : (d.sf ? n.lo : n.lo & 0xFFFF_FFFF)
        case .FMOV_fromGeneral:
            if d.imm == 1 {
                v[d.rd] = Vec128(lo: v[d.rd].lo, hi: x[d.rn])      // Vd.D[1]: D[0] is kept
            } else {
                writeResult(d, Vec128(lo: x[d.rn]), bytes: 1 << a)
            }
        case .FCSEL:
            let n = v[d.rn], m = v[d.rm]
            writeResult(d, conditionHolds(UInt8(d.imm)) ? n : m, bytes: 1 << a)
        case .FCMP:
            let n = v[d.rn].element(0, a)
            let m = d.c & SIMDFlags.withZero != 0 ? 0 : v[d.rm].element(0, a)
            nzcv = FP.compare(n, m, f, signalQuietNaN: d.c & SIMDFlags.signalling != 0, fpcr, &fpsr)
        case .FCCMP:
            if conditionHolds(UInt8(d.imm & 0xF)) {
                nzcv = FP.compare(v[d.rn].element(0, a), v[d.rm].element(0, a), f,
                                  signalQuietNaN: d.c & SIMDFlags.signalling != 0, fpcr, &fpsr)
            } else {
                nzcv = UInt32(d.imm >> 4) << 28
            }
        case .FMADD, .FMSUB, .FNMADD, .FNMSUB:
            // FPMulAdd(addend, op1, op2) with the operands negated as each
            // instruction's pseudocode says (before the single rounding).
            var addend = v[d.ra].element(0, a), n = v[d.rn].element(0, a)
            let m = v[d.rm].element(0, a)
            if d.op == .FMSUB || d.op == .FNMADD { n ^= f.signBit }
            if d.op == .FNMADD || d.op == .FNMSUB { addend ^= f.signBit }
            writeResult(d, Vec128(lo: FP.mulAdd(addend: addend, n, m, f, fpcr, &fpsr)), bytes: 1 << a)
        case .FCVT_fp:
            let to = Self.format(UInt8(d.imm))
            let r = FP.convert(v[d.rn].element(0, a), from: f, to: to, FP.rounding(fpcr), fpcr, &fpsr)
            writeResult(d, Vec128(lo: r), bytes: 1 << Int(d.imm))
        case .FCVTL:
            // Narrow elements (size a) of the lower or upper half, widened.
            let src = narrowHalf(v[d.rn], d)
            var r = Vec128()
            for e in 0..<Int(d.b) {
                r.setElement(e, a + 1, FP.convert(src.element(e, a), from: f, to: Self.format(d.a + 1),
                                                  FP.rounding(fpcr), fpcr, &fpsr))
            }
            writeResult(d, r, bytes: 16)
        case .FCVTN, .FCVTXN:
            let n = v[d.rn]
            let rounding = d.op == .FCVTXN ? FPRounding.odd : FP.rounding(fpcr)
            var r = Vec128()
            for e in 0..<Int(d.b) {
                r.setElement(e, a, FP.convert(n.element(e, a + 1), from: Self.format(d.a + 1), to: f,
                                              rounding, fpcr, &fpsr))
            }
            writeNarrow(d, r)
        case .FCVTNS, .FCVTNU, .FCVTPS, .FCVTPU, .FCVTMS, .FCVTMU, .FCVTZS, .FCVTZU, .FCVTAS, .FCVTAU:
            let (rounding, unsigned) = Self.conversionRounding(d.op)
            let fracBits = Int(d.imm)
            if d.c & SIMDFlags.general != 0 {
                let bits = d.sf ? 64 : 32
                x[d.rd] = FP.toFixed(v[d.rn].element(0, a), f, fracBits: fracBits, unsigned: unsigned,
                                     rounding, resultBits: bits, fpcr, &fpsr)
            } else {
                let n = v[d.rn]
                var r = Vec128()
                for e in 0..<Int(d.b) {
                    r.setElement(e, a, FP.toFixed(n.element(e, a), f, fracBits: fracBits, unsigned: unsigned,
                                                  rounding, resultBits: 8 << a, fpcr, &fpsr))
                }
                writeResult(d, r, bytes: resultBytes(d))
            }
        case .SCVTF, .UCVTF:
            let signed = d.op == .SCVTF
            if d.c & SIMDFlags.general != 0 {
                let bits = d.sf ? 64 : 32
                let r = FP.fromFixed(x[d.rn] & (d.sf ? ~0 : 0xFFFF_FFFF), sourceBits: bits, signed: signed,
                                     fracBits: Int(d.imm), f, FP.rounding(fpcr), fpcr, &fpsr)
                writeResult(d, Vec128(lo: r), bytes: 1 << a)
            } else {
                let n = v[d.rn]
                var r = Vec128()
                for e in 0..<Int(d.b) {
                    r.setElement(e, a, FP.fromFixed(n.element(e, a), sourceBits: 8 << a, signed: signed,
                                                    fracBits: Int(d.imm), f, FP.rounding(fpcr), fpcr, &fpsr))
                }
                writeResult(d, r, bytes: resultBytes(d))
            }
        case .FADDP, .FMAXP, .FMINP, .FMAXNMP, .FMINNMP:
            let n = v[d.rn], m = v[d.rm], count = Int(d.b)
            var r = Vec128()
            if d.c & SIMDFlags.scalar != 0 {
                r.setElement(0, a, fpBinary(d.op, n.element(0, a), n.element(1, a), f))
                writeResult(d, r, bytes: 1 << a)
            } else {
                for e in 0..<count {
                    let pair = 2 * e
                    let src = pair < count ? n : m
                    let i = pair < count ? pair : pair - count
                    r.setElement(e, a, fpBinary(d.op, src.element(i, a), src.element(i + 1, a), f))
                }
                writeResult(d, r, bytes: resultBytes(d))
            }
        case .FMAXNMV, .FMINNMV, .FMAXV, .FMINV:
            // Reduce(): a tree of pairs, lower half first (shared pseudocode).
            let n = v[d.rn]
            let op: Op = d.op == .FMAXNMV ? .FMAXNM : d.op == .FMINNMV ? .FMINNM : d.op == .FMAXV ? .FMAX : .FMIN
            let lo = fpBinary(op, n.element(0, a), n.element(1, a), f)
            let hi = fpBinary(op, n.element(2, a), n.element(3, a), f)
            v[d.rd] = Vec128(lo: fpBinary(op, lo, hi, f))
        case .URECPE, .URSQRTE:
            let n = v[d.rn]
            var r = Vec128()
            for e in 0..<Int(d.b) {
                let x = n.element(e, 2)
                let x32 = UInt32(truncatingIfNeeded: x)
                r.setElement(e, 2, UInt64(d.op == .URECPE ? FP.unsignedRecipEstimate(x32) : FP.unsignedRSqrtEstimate(x32)))
            }
            writeResult(d, r, bytes: resultBytes(d))
        default:
            fpElementwise(d, f)
        }
    }

    /// The rounding and signedness of FCVT<mode><S|U>.
    static func conversionRounding(_ op: Op) -> (FPRounding, Bool) {
        switch op {
        case .FCVTNS: return (.tieEven, false)
        case .FCVTNU: return (.tieEven, true)
        case .FCVTPS: return (.posInf, false)
        case .FCVTPU: return (.posInf, true)
        case .FCVTMS: return (.negInf, false)
        case .FCVTMU: return (.negInf, true)
        case .FCVTAS: return (.tieAway, false)
        case .FCVTAU: return (.tieAway, true)
        case .FCVTZS: return (.zero, false)
        default: return (.zero, true)
        }
    }

    /// Element-by-element operations, scalar (one element) or vector, with
    /// the by-element forms taking operand 2 from `secondOperand`.
    private func fpElementwise(_ d: Decoded, _ f: FPFormat) {
        let a = Int(d.a)
        let n = v[d.rn], m = secondOperand(d), old = v[d.rd]
        var r = Vec128()
        for e in 0..<Int(d.b) {
            let x = n.element(e, a), y = m.element(e, a)
            let value: UInt64
            switch d.op {
            case .FABS: value = x & ~f.signBit
            case .FNEG: value = x ^ f.signBit
            case .FSQRT: value = FP.sqrt(x, f, fpcr, &fpsr)
            case .FRINTN: value = FP.roundInt(x, f, .tieEven, exact: false, fpcr, &fpsr)
            case .FRINTP: value = FP.roundInt(x, f, .posInf, exact: false, fpcr, &fpsr)
            case .FRINTM: value = FP.roundInt(x, f, .negInf, exact: false, fpcr, &fpsr)
            case .FRINTZ: value = FP.roundInt(x, f, .zero, exact: false, fpcr, &fpsr)
            case .FRINTA: value = FP.roundInt(x, f, .tieAway, exact: false, fpcr, &fpsr)
            case .FRINTX: value = FP.roundInt(x, f, FP.rounding(fpcr), exact: true, fpcr, &fpsr)
            case .FRINTI: value = FP.roundInt(x, f, FP.rounding(fpcr), exact: false, fpcr, &fpsr)
            case .FRECPE: value = FP.recipEstimate(x, f, fpcr, &fpsr)
            case .FRSQRTE: value = FP.rsqrtEstimate(x, f, fpcr, &fpsr)
            case .FRECPX: value = FP.recpX(x, f, fpcr, &fpsr)
            case .FCMGT_zero: value = FP.compareGT(x, 0, f, fpcr, &fpsr) ? f.mask : 0
            case .FCMGE_zero: value = FP.compareGE(x, 0, f, fpcr, &fpsr) ? f.mask : 0
            case .FCMEQ_zero: value = FP.compareEQ(x, 0, f, fpcr, &fpsr) ? f.mask : 0
            case .FCMLE_zero: value = FP.compareGE(0, x, f, fpcr, &fpsr) ? f.mask : 0
            case .FCMLT_zero: value = FP.compareGT(0, x, f, fpcr, &fpsr) ? f.mask : 0
            case .FMLA: value = FP.mulAdd(addend: old.element(e, a), x, y, f, fpcr, &fpsr)
            case .FMLS: value = FP.mulAdd(addend: old.element(e, a), x ^ f.signBit, y, f, fpcr, &fpsr)
            default: value = fpBinary(d.op, x, y, f)
            }
            r.setElement(e, a, value)
        }
        writeResult(d, r, bytes: resultBytes(d))
    }

    /// The two-operand operations, on one pair of elements.
    private func fpBinary(_ op: Op, _ x: UInt64, _ y: UInt64, _ f: FPFormat) -> UInt64 {
        switch op {
        case .FADD, .FADDP: return FP.add(x, y, f, fpcr, &fpsr)
        case .FSUB: return FP.sub(x, y, f, fpcr, &fpsr)
        case .FMUL: return FP.mul(x, y, f, fpcr, &fpsr)
        case .FNMUL: return FP.mul(x, y, f, fpcr, &fpsr) ^ f.signBit
        case .FDIV: return FP.div(x, y, f, fpcr, &fpsr)
        case .FMULX: return FP.mulX(x, y, f, fpcr, &fpsr)
        case .FMAX, .FMAXP: return FP.max(x, y, f, fpcr, &fpsr)
        case .FMIN, .FMINP: return FP.min(x, y, f, fpcr, &fpsr)
        case .FMAXNM, .FMAXNMP: return FP.maxNum(x, y, f, fpcr, &fpsr)
        case .FMINNM, .FMINNMP: return FP.minNum(x, y, f, fpcr, &fpsr)
        case .FABD: return FP.sub(x, y, f, fpcr, &fpsr) & ~f.signBit
        case .FRECPS: return FP.recipStepFused(x, y, f, fpcr, &fpsr)
        case .FRSQRTS: return FP.rsqrtStepFused(x, y, f, fpcr, &fpsr)
        case .FCMEQ: return FP.compareEQ(x, y, f, fpcr, &fpsr) ? f.mask : 0
        case .FCMGE: return FP.compareGE(x, y, f, fpcr, &fpsr) ? f.mask : 0
        case .FCMGT: return FP.compareGT(x, y, f, fpcr, &fpsr) ? f.mask : 0
        case .FACGE: return FP.compareGE(x & ~f.signBit, y & ~f.signBit, f, fpcr, &fpsr) ? f.mask : 0
        case .FACGT: return FP.compareGT(x & ~f.signBit, y & ~f.signBit, f, fpcr, &fpsr) ? f.mask : 0
        default: return 0
        }
    }
}
