/// SIMD&FP loads and stores (C4.1.88): LDR/STR/LDP/STP of B, H, S, D and Q
/// registers, and LD1-LD4 / ST1-ST4 (multiple structures, single
/// structure, replicate). Loads read everything before writing any
/// register; a fault leaves the registers as they were. None of these has
/// an instruction syndrome (ISV = 0, `CPU.instructionSyndrome`).
extension CPU {
    /// A register-sized access of 1 << log2size bytes (up to 16).
    @inline(__always) func readVector(_ a: UInt64, _ log2size: UInt8) throws(CPUException) -> Vec128 {
        if log2size < 4 { return Vec128(lo: try readSized(a, Int(log2size))) }
        // A Q register is two doubleword accesses; with alignment checking
        // on it must be aligned to 16 (AArch64.CheckAlignment of 16 bytes).
        if a & 15 != 0 && alignmentCheckEnabled { throw alignmentFault(a, .read) }
        let lo = try read64(a)
        return Vec128(lo: lo, hi: try read64(a &+ 8))
    }

    @inline(__always) func writeVector(_ a: UInt64, _ log2size: UInt8, _ value: Vec128) throws(CPUException) {
        if log2size < 4 { try writeSized(a, Int(log2size), value.lo); return }
        if a & 15 != 0 && alignmentCheckEnabled { throw alignmentFault(a, .write) }
        try write64(a, value.lo)
        try write64(a &+ 8, value.hi)
    }

    func simdLoadStore(_ d: Decoded, pc: UInt64) throws(CPUException) {
        let size = d.a
        let bytes = UInt64(1) << UInt64(size)
        switch d.op {
        case .LDRV_off, .LDRV_pre:
            let a = x[d.rn] &+ d.imm
            let value = try readVector(a, size)
            if d.op == .LDRV_pre { x[d.rn] = a }
            v[d.rd] = value
        case .LDRV_post:
            let a = x[d.rn]
            let value = try readVector(a, size)
            x[d.rn] = a &+ d.imm
            v[d.rd] = value
        case .LDRV_reg:
            v[d.rd] = try readVector(x[d.rn] &+ extendReg(x[d.rm], d.b, d.c), size)
        case .LDRV_lit:
            v[d.rd] = try readVector(pc &+ d.imm, size)
        case .STRV_off, .STRV_pre:
            let a = x[d.rn] &+ d.imm
            try writeVector(a, size, v[d.rd])
            if d.op == .STRV_pre { x[d.rn] = a }
        case .STRV_post:
            let a = x[d.rn]
            try writeVector(a, size, v[d.rd])
            x[d.rn] = a &+ d.imm
        case .STRV_reg:
            try writeVector(x[d.rn] &+ extendReg(x[d.rm], d.b, d.c), size, v[d.rd])
        case .LDPV_off, .LDPV_pre, .LDPV_post:
            let a = d.op == .LDPV_post ? x[d.rn] : x[d.rn] &+ d.imm
            let v1 = try readVector(a, size)
            let v2 = try readVector(a &+ bytes, size)
            if d.op == .LDPV_pre { x[d.rn] = a } else if d.op == .LDPV_post { x[d.rn] = a &+ d.imm }
            v[d.rd] = v1
            v[d.ra] = v2
        case .STPV_off, .STPV_pre, .STPV_post:
            let a = d.op == .STPV_post ? x[d.rn] : x[d.rn] &+ d.imm
            try writeVector(a, size, v[d.rd])
            try writeVector(a &+ bytes, size, v[d.ra])
            if d.op == .STPV_pre { x[d.rn] = a } else if d.op == .STPV_post { x[d.rn] = a &+ d.imm }
        case .LDn_multiple, .STn_multiple:
            try loadStoreMultipleStructures(d)
        default:
            try loadStoreSingleStructure(d)
        }
    }

    /// LD1-LD4 / ST1-ST4 (multiple structures): the pseudocode's
    /// rpt x elements x selem loop; imm = selem | rpt << 4.
    private func loadStoreMultipleStructures(_ d: Decoded) throws(CPUException) {
        let selem = Int(d.imm & 0xF), rpt = Int(d.imm >> 4)
        let esize = Int(d.a), ebytes = UInt64(1) << UInt64(d.a)
        let elements = Int(d.b)
        let base = x[d.rn]
        var offset: UInt64 = 0
        let load = d.op == .LDn_multiple
        var temp = load ? StructureRegisters() : StructureRegisters(v, first: d.rd)
        for r in 0..<rpt {
            for e in 0..<elements {
                var slot = r
                for _ in 0..<selem {
                    if load {
                        temp[slot].setElement(e, esize, try readSized(base &+ offset, esize))
                    } else {
                        try writeSized(base &+ offset, esize, temp[slot].element(e, esize))
                    }
                    offset &+= ebytes
                    slot += 1
                }
            }
        }
        if d.c & SIMDFlags.postIndex != 0 {
            x[d.rn] = base &+ (d.rm == 31 ? offset : x[d.rm])
        }
        if load {
            for i in 0..<(rpt * selem) { v[(Int(d.rd) + i) & 31] = temp[i].keeping(bytes: d.sf ? 16 : 8) }
        }
    }

    /// LD1-LD4 / ST1-ST4 (single structure) and LD1R-LD4R:
    /// imm = selem | index << 8.
    private func loadStoreSingleStructure(_ d: Decoded) throws(CPUException) {
        let selem = Int(d.imm & 0xF), index = Int(d.imm >> 8)
        let esize = Int(d.a), ebytes = UInt64(1) << UInt64(d.a)
        let base = x[d.rn]
        var offset: UInt64 = 0
        var temp = StructureRegisters(v, first: d.rd)
        for s in 0..<selem {
            let a = base &+ offset
            switch d.op {
            case .LDnR:
                let element = try readSized(a, esize)
                var r = Vec128()
                for e in 0..<Int(d.b) { r.setElement(e, esize, element) }
                temp[s] = r.keeping(bytes: d.sf ? 16 : 8)
            case .LDn_single:
                temp[s].setElement(index, esize, try readSized(a, esize))
            default:
                try writeSized(a, esize, temp[s].element(index, esize))
            }
            offset &+= ebytes
        }
        if d.c & SIMDFlags.postIndex != 0 {
            x[d.rn] = base &+ (d.rm == 31 ? offset : x[d.rm])
        }
        if d.op != .STn_single {
            for s in 0..<selem { v[(Int(d.rd) + s) & 31] = temp[s] }
        }
    }
}

/// The (at most four) registers of a structure load or store, Vt to
/// Vt+3 wrapping at V31, held without a heap allocation.
struct StructureRegisters {
    private var r0 = Vec128(), r1 = Vec128(), r2 = Vec128(), r3 = Vec128()

    init() {}

    init(_ v: VectorRegisterFile, first t: UInt8) {
        r0 = v[t]; r1 = v[(t &+ 1) & 31]; r2 = v[(t &+ 2) & 31]; r3 = v[(t &+ 3) & 31]
    }

    subscript(_ i: Int) -> Vec128 {
        get {
            switch i {
            case 0: return r0
            case 1: return r1
            case 2: return r2
            default: return r3
            }
        }
        set {
            switch i {
            case 0: r0 = newValue
            case 1: r1 = newValue
            case 2: r2 = newValue
            default: r3 = newValue
            }
        }
    }
}
