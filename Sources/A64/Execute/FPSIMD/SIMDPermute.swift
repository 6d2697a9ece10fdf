/// Advanced SIMD data movement (C7.2): DUP, INS, UMOV, SMOV, the
/// permutes, TBL/TBX, EXT and the modified-immediate moves.
extension CPU {
    func simdMove(_ d: Decoded) {
        let a = Int(d.a), count = Int(d.b)
        switch d.op {
        case .DUP_element, .DUP_general:
            let e = d.op == .DUP_general ? x[d.rn] & elementMask(a) : v[d.rn].element(Int(d.imm), a)
            var r = Vec128()
            for i in 0..<count { r.setElement(i, a, e) }
            writeResult(d, r, bytes: resultBytes(d))
        case .UMOV:
            x[d.rd] = v[d.rn].element(Int(d.imm), a)
        case .SMOV:
            let s = UInt64(bitPattern: signedElement(v[d.rn].element(Int(d.imm), a), a))
            x[d.rd] = d.sf ? s : s & 0xFFFF_FFFF
        case .INS_general:
            var r = v[d.rd]
            r.setElement(Int(d.imm), a, x[d.rn])
            v[d.rd] = r
        case .INS_element:
            var r = v[d.rd]
            r.setElement(Int(d.imm & 0xFF), a, v[d.rn].element(Int(d.imm >> 8), a))
            v[d.rd] = r
        case .MOVI:
            writeResult(d, Vec128(lo: d.imm, hi: d.imm), bytes: d.sf ? 16 : 8)
        case .ORR_vecimm:
            let o = v[d.rd]
            writeResult(d, Vec128(lo: o.lo | d.imm, hi: o.hi | d.imm), bytes: d.sf ? 16 : 8)
        case .BIC_vecimm:
            let o = v[d.rd]
            writeResult(d, Vec128(lo: o.lo & ~d.imm, hi: o.hi & ~d.imm), bytes: d.sf ? 16 : 8)
        case .EXT:
            // Bytes imm.. of the concatenation Vm:Vn (datasize bytes each).
            let n = v[d.rn], m = v[d.rm], start = Int(d.imm)
            var r = Vec128()
            for i in 0..<count {
                let j = start + i
                r.setElement(i, 0, j < count ? n.element(j, 0) : m.element(j - count, 0))
            }
            writeResult(d, r, bytes: count)
        case .TBL, .TBX:
            // Table: Vn .. Vn+len (wrapping at V31), indexed by bytes of Vm.
            let registers = Int(d.imm)
            let indices = v[d.rm]
            var r = d.op == .TBX ? v[d.rd] : Vec128()
            for i in 0..<count {
                let index = Int(indices.element(i, 0))
                if index < 16 * registers {
                    r.setElement(i, 0, v[(Int(d.rn) + index / 16) & 31].element(index % 16, 0))
                }
            }
            writeResult(d, r, bytes: count)
        default:
            simdPermute(d)
        }
    }

    /// UZP1/2, TRN1/2, ZIP1/2 (C7.2 each: "Operation").
    private func simdPermute(_ d: Decoded) {
        let n = v[d.rn], m = v[d.rm], a = Int(d.a), count = Int(d.b)
        let pairs = count / 2
        var r = Vec128()
        switch d.op {
        case .UZP1, .UZP2:
            let part = d.op == .UZP1 ? 0 : 1
            for e in 0..<count {
                let i = 2 * e + part
                r.setElement(e, a, i < count ? n.element(i, a) : m.element(i - count, a))
            }
        case .TRN1, .TRN2:
            let part = d.op == .TRN1 ? 0 : 1
            for p in 0..<pairs {
                r.setElement(2 * p, a, n.element(2 * p + part, a))
                r.setElement(2 * p + 1, a, m.element(2 * p + part, a))
            }
        default:    // ZIP1, ZIP2
            let base = d.op == .ZIP1 ? 0 : pairs
            for p in 0..<pairs {
                r.setElement(2 * p, a, n.element(base + p, a))
                r.setElement(2 * p + 1, a, m.element(base + p, a))
            }
        }
        writeResult(d, r, bytes: resultBytes(d))
    }
}
