/// Loads and stores (C4.1.88): addressing, pairs, exclusives, atomics.
/// `mode`: 0 base + offset, 1 pre-index, 2 post-index, 3 register offset.
/// Every access happens before any register is written, so an access that
/// stops the instruction leaves the registers as they were.
extension CPU {
    @inline(__always) func address(_ d: Decoded, _ mode: Int) -> UInt64 {
        switch mode {
        case 0, 1: return x[d.rn] &+ d.imm
        case 2: return x[d.rn]
        default: return x[d.rn] &+ extendReg(x[d.rm], d.a, d.b)
        }
    }

    @inline(__always) func writeback(_ d: Decoded, _ mode: Int, _ address: UInt64) {
        if mode == 1 { x[d.rn] = address } else if mode == 2 { x[d.rn] = address &+ d.imm }
    }

    /// `log2size` 0...3.
    @inline(__always) func readSized(_ a: UInt64, _ log2size: Int) throws(CPUException) -> UInt64 {
        try readBytes(a, 1 << log2size)
    }

    @inline(__always) func writeSized(_ a: UInt64, _ log2size: Int, _ v: UInt64) throws(CPUException) {
        try writeBytes(a, 1 << log2size, v)
    }

    @inline(__always) func readBytes(_ a: UInt64, _ size: Int) throws(CPUException) -> UInt64 {
        switch size {
        case 1: return try read8(a)
        case 2: return try read16(a)
        case 4: return try read32(a)
        default: return try read64(a)
        }
    }

    @inline(__always) func writeBytes(_ a: UInt64, _ size: Int, _ v: UInt64) throws(CPUException) {
        switch size {
        case 1: try write8(a, v)
        case 2: try write16(a, v)
        case 4: try write32(a, v)
        default: try write64(a, v)
        }
    }

    @inline(__always) func load(_ d: Decoded, _ mode: Int, _ size: Int, _ signed: Bool, _ to64: Bool) throws(CPUException) {
        let a = address(d, mode)
        var v = try readBytes(a, size)
        if signed {
            v = signExtend(v, size * 8)
            if !to64 { v &= 0xFFFF_FFFF }
        }
        writeback(d, mode, a)
        x[d.rd] = v
    }

    @inline(__always) func store(_ d: Decoded, _ mode: Int, _ size: Int) throws(CPUException) {
        let a = address(d, mode)
        try writeBytes(a, size, x[d.rd])
        writeback(d, mode, a)
    }

    @inline(__always) func loadPair(_ d: Decoded, _ mode: Int, _ size: Int, _ signed: Bool) throws(CPUException) {
        let a = mode == 2 ? x[d.rn] : x[d.rn] &+ d.imm
        var v1 = try readBytes(a, size)
        var v2 = try readBytes(a &+ UInt64(size), size)
        if signed { v1 = signExtend(v1, 32); v2 = signExtend(v2, 32) }
        writeback(d, mode, a)
        x[d.rd] = v1
        x[d.ra] = v2
    }

    @inline(__always) func storePair(_ d: Decoded, _ mode: Int, _ size: Int) throws(CPUException) {
        let a = mode == 2 ? x[d.rn] : x[d.rn] &+ d.imm
        try writeBytes(a, size, x[d.rd])
        try writeBytes(a &+ UInt64(size), size, x[d.ra])
        writeback(d, mode, a)
    }

    /// Exclusives, load-acquire/store-release and atomics must be aligned
    /// to their access size (pair: to the pair's size) whatever the memory
    /// type (B2.5.2, AArch64.CheckAlignment): else an Alignment fault, a Data
    /// Abort with DFSC 0b100001, ISV = 0, FAR = the address.
    @inline(__always) func checkAligned(_ a: UInt64, _ size: Int, isWrite: Bool) throws(CPUException) {
        if a & UInt64(size &- 1) != 0 { throw alignmentFault(a, isWrite ? .write : .read) }
    }

    // MARK: Exclusives (B2.9: the local and global monitors)

    func loadExclusive(_ d: Decoded) throws(CPUException) {
        let a = x[d.rn]
        try checkAligned(a, 1 << Int(d.a), isWrite: false)
        let pa = try translateData(a, .read).pa
        let v = try readSized(a, Int(d.a))
        shared.setMonitor(cpu: index, pa)
        x[d.rd] = v
    }

    func loadExclusivePair(_ d: Decoded) throws(CPUException) {
        let a = x[d.rn], size = 1 << Int(d.a)
        try checkAligned(a, 2 * size, isWrite: false)
        let pa = try translateData(a, .read).pa
        let v1 = try readBytes(a, size)
        let v2 = try readBytes(a &+ UInt64(size), size)
        shared.setMonitor(cpu: index, pa)
        x[d.rd] = v1
        x[d.ra] = v2
    }

    /// Whether a store-exclusive to physical address `a` may succeed; the monitor is cleared
    /// either way (AArch64.ExclusiveMonitorsPass).
    func exclusiveMonitorsPass(_ a: UInt64) -> Bool {
        let g = ImpDef.exclusivesGranuleShift
        let pass = shared.monitors[index].map { $0 >> g == a >> g } ?? false
        shared.clearMonitor(cpu: index)
        return pass
    }

    func storeExclusive(_ d: Decoded) throws(CPUException) {
        let a = x[d.rn]
        try checkAligned(a, 1 << Int(d.a), isWrite: true)
        let pa = try translateData(a, .write).pa
        if exclusiveMonitorsPass(pa) {
            try writeSized(a, Int(d.a), x[d.rd])
            x[d.rm] = 0
        } else {
            x[d.rm] = 1
        }
    }

    func storeExclusivePair(_ d: Decoded) throws(CPUException) {
        let a = x[d.rn], size = 1 << Int(d.a)
        try checkAligned(a, 2 * size, isWrite: true)
        let pa = try translateData(a, .write).pa
        if exclusiveMonitorsPass(pa) {
            try writeBytes(a, size, x[d.rd])
            try writeBytes(a &+ UInt64(size), size, x[d.ra])
            x[d.rm] = 0
        } else {
            x[d.rm] = 1
        }
    }

    // MARK: Atomics (FEAT_LSE)

    @inline(__always) func sizeMask(_ log2size: UInt8) -> UInt64 { ones(8 << Int(log2size)) }

    func compareAndSwap(_ d: Decoded) throws(CPUException) {
        let a = x[d.rn], mask = sizeMask(d.a)
        try checkAligned(a, 1 << Int(d.a), isWrite: true)
        let old = try readSized(a, Int(d.a))
        if old == x[d.rm] & mask { try writeSized(a, Int(d.a), x[d.rd] & mask) }
        x[d.c] = old
    }

    func compareAndSwapPair(_ d: Decoded) throws(CPUException) {
        func reg(_ n: UInt8) -> UInt64 { n >= 31 ? 0 : x[n] }
        let a = x[d.rn], size = 1 << Int(d.a), mask = sizeMask(d.a)
        try checkAligned(a, 2 * size, isWrite: true)
        let old1 = try readBytes(a, size)
        let old2 = try readBytes(a &+ UInt64(size), size)
        if old1 == reg(d.rm) & mask && old2 == reg(d.rm + 1) & mask {
            try writeBytes(a, size, reg(d.rd))
            try writeBytes(a &+ UInt64(size), size, reg(d.rd + 1))
        }
        if d.rm < 31 { x[d.rm] = old1 }
        if d.rm + 1 < 31 { x[d.rm + 1] = old2 }
    }

    func atomic(_ d: Decoded) throws(CPUException) {
        let a = x[d.rn], mask = sizeMask(d.a), bitsize = 8 << Int(d.a)
        try checkAligned(a, 1 << Int(d.a), isWrite: true)
        let old = try readSized(a, Int(d.a))
        let operand = x[d.rm] & mask
        let new: UInt64
        switch d.op {
        case .LDADD: new = old &+ operand
        case .LDCLR: new = old & ~operand
        case .LDEOR: new = old ^ operand
        case .LDSET: new = old | operand
        case .LDSMAX, .LDSMIN:
            let o = Int64(bitPattern: signExtend(old, bitsize)), v = Int64(bitPattern: signExtend(operand, bitsize))
            new = UInt64(bitPattern: d.op == .LDSMAX ? max(o, v) : min(o, v))
        case .LDUMAX: new = max(old, operand)
        case .LDUMIN: new = min(old, operand)
        default: new = operand    // SWP
        }
        try writeSized(a, Int(d.a), new & mask)
        x[d.rd] = old
    }
}
