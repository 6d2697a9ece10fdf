import Memory

/// One slot of the software TLB: a 4K virtual page of RAM the current
/// context may read (`readTag` = the page) and/or write (`writeTag`), and
/// `delta`, which added to the VA gives the offset in RAM.
///
/// It is a cache of the modelled TLB, like QEMU's softmmu TLB, never a
/// translation of its own: it is filled only from a translation that the
/// modelled TLB holds (or a flat one), and emptied whenever the modelled TLB
/// loses an entry or a register the translation depends on changes.
public struct SoftTLBEntry {
    var readTag: UInt64
    var writeTag: UInt64
    var delta: UInt64
    /// The page is Normal memory and SCTLR_ELx.A was 0 when the entry was
    /// filled (a write to SCTLR_ELx empties the software TLB): an unaligned
    /// access inside the page takes no alignment fault and needs no
    /// translation (B2.5.2, AArch64.CheckAlignment).
    var normal: Bool
    /// Never equal to a masked address: the mask keeps bits 11:0 zero
    /// except the low alignment bits.
    static let invalid = SoftTLBEntry(readTag: .max, writeTag: .max, delta: 0, normal: false)
}

enum SoftTLB {
    /// Direct-mapped, this many 4K pages per context.
    static let entries = 256
    static let indexMask: UInt64 = 255
    /// One table per (regime, EL) pair with its own permissions: EL1&0 at
    /// EL0 and EL1, EL2, EL2&0 at EL0 and EL2.
    static let contexts = 5
    /// Set in the tags of a cacheable page when the cache model is on.
    static let cachedFlag: UInt64 = 0x800
}

extension CPU {
    /// Points `softTLB` at the table of the current regime and EL.
    func selectSoftTLB() {
        let context: Int
        switch regime(forEL: currentEL) {
        case .el10: context = currentEL == 0 ? 0 : 1
        case .el2: context = 2
        case .el20: context = currentEL == 0 ? 3 : 4
        }
        softTLB = softTLBStorage + context * SoftTLB.entries
    }

    /// Empties the software TLB: the contexts filled since the last flush
    /// (a world switch writes several translation registers in a row, and
    /// only the first finds anything to empty).
    public func flushSoftTLB() {
        var filled = softTLBFilled
        while filled != 0 {
            let context = filled.trailingZeroBitCount
            filled &= filled &- 1
            (softTLBStorage + context * SoftTLB.entries).update(repeating: .invalid, count: SoftTLB.entries)
        }
        softTLBFilled = 0
    }

    /// An entry the modelled TLB evicted: the software TLB's pages inside a
    /// small combined entry (at most 16 pages) go, looked up in every
    /// context; anything else (a stage-2 entry, a block) empties it all.
    /// A pointer-chasing guest evicts at every miss once the TLB is full:
    /// emptying all 1,280 slots each time was half its run time.
    func dropSoftTLB(derivedFrom e: TLBEntry) {
        guard e.kind == .combined, e.sizeShift >= 12, e.sizeShift <= 16 else { flushSoftTLB(); return }
        let first = e.inputBase &>> 12, pages = UInt64(1) &<< UInt64(e.sizeShift &- 12)
        for context in 0..<SoftTLB.contexts {
            let table = softTLBStorage + context * SoftTLB.entries
            var page = first
            while page < first &+ pages {
                let slot = table + Int(truncatingIfNeeded: page & SoftTLB.indexMask)
                let va = page &<< 12
                if slot.pointee.readTag & ~0xFFF == va || slot.pointee.writeTag & ~0xFFF == va {
                    slot.pointee = .invalid
                }
                page &+= 1
            }
        }
    }

    @inline(__always) func softSlot(_ va: UInt64) -> UnsafeMutablePointer<SoftTLBEntry> {
        softTLB + Int(truncatingIfNeeded: (va &>> 12) & SoftTLB.indexMask)
    }

    // MARK: the fast paths: one compare against the page (and alignment) tag

    /// A load of a `T`: the key keeps the address's low bits that would
    /// make it misaligned, so a misaligned access never matches a tag.
    @inline(__always) func guestLoad<T: FixedWidthInteger & UnsignedInteger>(_ va: UInt64, as _: T.Type) throws(CPUException) -> UInt64 {
        let e = softSlot(va)
        let key = va & ~(0xFFF & ~UInt64(MemoryLayout<T>.size &- 1))
        if e.pointee.readTag == key {
            return UInt64(ram.load(fromByteOffset: Int(truncatingIfNeeded: va &+ e.pointee.delta), as: T.self))
        }
        if e.pointee.readTag == key | SoftTLB.cachedFlag {
            return cachedPageRead(ramBase &+ (va &+ e.pointee.delta), as: T.self)
        }
        return try slowRead(va, as: T.self)
    }

    @inline(__always) func guestStore<T: FixedWidthInteger & UnsignedInteger>(_ va: UInt64, _ v: UInt64, as _: T.Type) throws(CPUException) {
        let e = softSlot(va)
        let key = va & ~(0xFFF & ~UInt64(MemoryLayout<T>.size &- 1))
        if e.pointee.writeTag == key {
            let off = va &+ e.pointee.delta
            ram.storeBytes(of: T(truncatingIfNeeded: v), toByteOffset: Int(truncatingIfNeeded: off), as: T.self)
            noteStore(off, MemoryLayout<T>.size)
            return
        }
        if e.pointee.writeTag == key | SoftTLB.cachedFlag {
            cachedPageWrite(ramBase &+ (va &+ e.pointee.delta), v, as: T.self)
            return
        }
        try slowWrite(va, v, as: T.self)
    }

    @inline(__always) func read8(_ va: UInt64) throws(CPUException) -> UInt64 { try guestLoad(va, as: UInt8.self) }
    @inline(__always) func read16(_ va: UInt64) throws(CPUException) -> UInt64 { try guestLoad(va, as: UInt16.self) }
    @inline(__always) func read32(_ va: UInt64) throws(CPUException) -> UInt64 { try guestLoad(va, as: UInt32.self) }
    @inline(__always) func read64(_ va: UInt64) throws(CPUException) -> UInt64 { try guestLoad(va, as: UInt64.self) }
    @inline(__always) func write8(_ va: UInt64, _ v: UInt64) throws(CPUException) { try guestStore(va, v, as: UInt8.self) }
    @inline(__always) func write16(_ va: UInt64, _ v: UInt64) throws(CPUException) { try guestStore(va, v, as: UInt16.self) }
    @inline(__always) func write32(_ va: UInt64, _ v: UInt64) throws(CPUException) { try guestStore(va, v, as: UInt32.self) }
    @inline(__always) func write64(_ va: UInt64, _ v: UInt64) throws(CPUException) { try guestStore(va, v, as: UInt64.self) }

    /// A cacheable page's access, out of line so that every load and store
    /// of the interpreter stays small: one specialisation per size (`T`),
    /// so that none switches on it.
    @inline(never) func cachedPageRead<T: FixedWidthInteger & UnsignedInteger>(_ pa: UInt64, as _: T.Type) -> UInt64 {
        cachedRead(pa, MemoryLayout<T>.size)
    }
    @inline(never) func cachedPageWrite<T: FixedWidthInteger & UnsignedInteger>(_ pa: UInt64, _ v: UInt64, as _: T.Type) {
        cachedWrite(pa, MemoryLayout<T>.size, v)
    }

    /// The write watch of the stores that reach RAM directly or through the
    /// data caches (decoded code, exclusive monitors): at RAM offset `off`;
    /// such a store never crosses a page (aligned, or inside one cache
    /// line), so one byte says.
    @inline(__always) func noteStore(_ off: UInt64, _ size: Int) {
        if writeWatch[Int(truncatingIfNeeded: off >> 12)] != 0 { storeWatched(off, size) }
    }

    /// Out of line, so that the interpreter's loop does not keep `memory`
    /// in its frame for every store.
    @inline(never) func storeWatched(_ off: UInt64, _ size: Int) {
        memory.writeWatchHandler?(ramBase &+ off, size)
    }

    // MARK: the slow paths: translate, check, fill, access

    /// SCTLR_ELx.A for the current regime: alignment checking of every
    /// data access (D8.2.11 ... AArch64.CheckAlignment).
    var alignmentCheckEnabled: Bool {
        systemRegisters[regime(forEL: currentEL) == .el10 ? SR.SCTLR_EL1 : SR.SCTLR_EL2] & 2 != 0
    }

    /// Translates a data access of the current EL, throwing its fault, and
    /// fills the software TLB when the page is RAM.
    func translateData(_ va: UInt64, _ access: AccessKind) throws(CPUException) -> (pa: UInt64, entry: TLBEntry) {
        let t: (pa: UInt64, entry: TLBEntry)
        do { t = try translate(va, access, el: currentEL) } catch { throw .abort(error) }
        let page = t.pa & ~0xFFF
        if memory.isRAM(page, 4096) && !explainStale && (!hasWatchedPages || !watchedPages.contains(va & ~0xFFF)) {
            let e = softSlot(va)
            softTLBFilled |= 1 &<< UInt8(truncatingIfNeeded: softTLBStorage.distance(to: softTLB) / SoftTLB.entries)
            let tag = va & ~0xFFF
            let delta = (page &- ramBase) &- tag
            if e.pointee.delta != delta { e.pointee = .invalid }
            e.pointee.delta = delta
            let el = currentEL
            // A page the data caches hold keeps bit 11 in its tags: the fast
            // path never matches it, the slow path sends it to the caches.
            let flagged = isCacheableData(t.entry.attributes) ? tag | SoftTLB.cachedFlag : tag
            e.pointee.normal = !t.entry.attributes.isDevice && !alignmentCheckEnabled
            if t.entry.stage1.allows(.read, el: el) && t.entry.stage2.allows(.read, el: el) { e.pointee.readTag = flagged }
            if t.entry.stage1.allows(.write, el: el) && t.entry.stage2.allows(.write, el: el) { e.pointee.writeTag = flagged }
        }
        return t
    }

    func alignmentFault(_ va: UInt64, _ access: AccessKind) -> CPUException {
        .abort(TranslationFault(.alignment, level: 0, access: access, va: va))
    }

    /// A data access to a page the debugger watches (`watchedPages`):
    /// its observer sees it before it is performed.
    @inline(never) func watchedPageAccessed(_ va: UInt64, _ size: Int, isWrite: Bool, value: UInt64) {
        if watchedPages.contains(va & ~0xFFF) {
            observer?.memoryAccessed(self, va: va, size: size, isWrite: isWrite, value: value)
        }
    }

    /// Not the fast path's page and alignment: one specialisation per size,
    /// as cachedPageRead.
    @inline(never) func slowRead<T: FixedWidthInteger & UnsignedInteger>(_ va: UInt64, as _: T.Type) throws(CPUException) -> UInt64 {
        try slowReadSized(va, MemoryLayout<T>.size)
    }

    /// First what most such loads are, in a small frame: an access inside a
    /// page the software TLB holds (the entry is the modelled TLB's, so no
    /// translation), cacheable, or an unaligned one in Normal memory (no
    /// Alignment fault, B2.5.2: AArch64.CheckAlignment). The caches see one
    /// access inside a line, else one part per line. Everything else
    /// translates.
    @inline(__always) func slowReadSized(_ va: UInt64, _ size: Int) throws(CPUException) -> UInt64 {
        if hasWatchedPages { watchedPageAccessed(va, size, isWrite: false, value: 0) }
        let e = softSlot(va)
        let page = va & ~0xFFF
        if (va & 0xFFF) &+ UInt64(size) <= 0x1000 && (e.pointee.normal || va & UInt64(size &- 1) == 0) {
            // Not cacheable: only an unaligned access comes here (the
            // aligned ones matched the fast path's tag).
            if e.pointee.readTag == page && size > 1 { return readUnaligned(va &+ e.pointee.delta, size) }
            if e.pointee.readTag == page | SoftTLB.cachedFlag {
                let pa = ramBase &+ (va &+ e.pointee.delta)
                if (pa & l1Hit.mask) &+ UInt64(size) <= l1Hit.mask &+ 1 { return cachedRead(pa, size) }
                return cachedReadAcrossLines(pa, size)
            }
        }
        return try slowReadTranslating(va, size)
    }

    @inline(never) func slowReadTranslating(_ va: UInt64, _ size: Int) throws(CPUException) -> UInt64 {
        let misaligned = va & UInt64(size &- 1) != 0
        if misaligned && alignmentCheckEnabled { throw alignmentFault(va, .read) }
        let (pa, entry) = try translateData(va, .read)
        let cacheable = memory.isRAM(pa, size) && isCacheableData(entry.attributes)
        if misaligned {
            // Device memory must be aligned (B2.5.2); Normal memory takes
            // an unaligned access, byte by byte across a page boundary (or
            // any line boundary the caches could split it at).
            if entry.attributes.isDevice { throw alignmentFault(va, .read) }
            if (va & 0xFFF) + UInt64(size) > 0x1000 || cacheable {
                var v: UInt64 = 0
                for i in 0..<size { v |= try read8(va &+ UInt64(i)) << UInt64(8 * i) }
                return v
            }
        }
        if explainStale && memory.isRAM(pa, size) {
            let v = cacheable ? cachedRead(pa, size) : try! memory.read(pa, size: size)
            observer?.dataAccessed(self, va: va, pa: pa, size: size, isWrite: false, value: v, cacheable: cacheable, byAgent: false)
            return v
        }
        if cacheable { return cachedRead(pa, size) }
        do { return try memory.read(pa, size: size) } catch {
            throw .abort(TranslationFault(.externalAbort, level: 0, access: .read, va: va))
        }
    }

    /// As slowRead: one specialisation per size, a cacheable page the software
    /// TLB holds first.
    @inline(never) func slowWrite<T: FixedWidthInteger & UnsignedInteger>(_ va: UInt64, _ v: UInt64, as _: T.Type) throws(CPUException) {
        try slowWriteSized(va, MemoryLayout<T>.size, v)
    }

    @inline(__always) func slowWriteSized(_ va: UInt64, _ size: Int, _ v: UInt64) throws(CPUException) {
        if hasWatchedPages { watchedPageAccessed(va, size, isWrite: true, value: v) }
        let e = softSlot(va)
        let page = va & ~0xFFF
        if (va & 0xFFF) &+ UInt64(size) <= 0x1000 && (e.pointee.normal || va & UInt64(size &- 1) == 0) {
            if e.pointee.writeTag == page && size > 1 {
                let off = va &+ e.pointee.delta
                writeUnaligned(off, size, v)
                noteStore(off, size)
                return
            }
            if e.pointee.writeTag == page | SoftTLB.cachedFlag {
                let pa = ramBase &+ (va &+ e.pointee.delta)
                if (pa & l1Hit.mask) &+ UInt64(size) <= l1Hit.mask &+ 1 { cachedWrite(pa, size, v); return }
                cachedWriteAcrossLines(pa, size, v)
                return
            }
        }
        try slowWriteTranslating(va, size, v)
    }

    @inline(never) func slowWriteTranslating(_ va: UInt64, _ size: Int, _ v: UInt64) throws(CPUException) {
        let misaligned = va & UInt64(size &- 1) != 0
        if misaligned && alignmentCheckEnabled { throw alignmentFault(va, .write) }
        let (pa, entry) = try translateData(va, .write)
        let cacheable = memory.isRAM(pa, size) && isCacheableData(entry.attributes)
        if misaligned {
            if entry.attributes.isDevice { throw alignmentFault(va, .write) }
            if (va & 0xFFF) + UInt64(size) > 0x1000 || cacheable {
                // Translate both pages before writing anything.
                _ = try translateData((va | 0xFFF) &+ 1, .write)
                for i in 0..<size { try write8(va &+ UInt64(i), v >> UInt64(8 * i)) }
                return
            }
        }
        if explainStale && memory.isRAM(pa, size) {
            observer?.dataAccessed(self, va: va, pa: pa, size: size, isWrite: true, value: v, cacheable: cacheable, byAgent: false)
        }
        if cacheable { cachedWrite(pa, size, v); return }
        do { try memory.write(pa, size: size, value: v) } catch {
            throw .abort(TranslationFault(.externalAbort, level: 0, access: .write, va: va))
        }
    }

    /// RAM at offset `off`, `size` bytes at any alignment.
    private func readUnaligned(_ off: UInt64, _ size: Int) -> UInt64 {
        let o = Int(truncatingIfNeeded: off)
        switch size {
        case 2: return UInt64(ram.loadUnaligned(fromByteOffset: o, as: UInt16.self))
        case 4: return UInt64(ram.loadUnaligned(fromByteOffset: o, as: UInt32.self))
        default: return ram.loadUnaligned(fromByteOffset: o, as: UInt64.self)
        }
    }

    private func writeUnaligned(_ off: UInt64, _ size: Int, _ v: UInt64) {
        let o = Int(truncatingIfNeeded: off)
        switch size {
        case 2: ram.storeBytes(of: UInt16(truncatingIfNeeded: v), toByteOffset: o, as: UInt16.self)
        case 4: ram.storeBytes(of: UInt32(truncatingIfNeeded: v), toByteOffset: o, as: UInt32.self)
        default: ram.storeBytes(of: v, toByteOffset: o, as: UInt64.self)
        }
    }

    /// The PA an instruction fetch at `pc` reads (the interpreter caches
    /// the decoded page); throws the Instruction Abort's fault.
    func translateFetch(_ pc: UInt64) throws(CPUException) -> UInt64 {
        let pa: UInt64
        do { pa = try translate(pc, .fetch, el: currentEL).pa } catch { throw .abort(error) }
        guard memory.isRAM(pa & ~0xFFF, 4096) else {
            throw .abort(TranslationFault(.externalAbort, level: 0, access: .fetch, va: pc))
        }
        return pa
    }

    // MARK: guest memory for devices (semihosting) and the debugger

    /// The PA of a guest VA as the current EL would translate it for
    /// `access`, or nil if that faults. Used by semihosting, whose
    /// parameter blocks are virtual addresses, and by the debugger.
    public func guestPhysicalAddress(_ va: UInt64, _ access: AccessKind = .read) -> UInt64? {
        try? translate(va, access, el: currentEL).pa
    }

    /// Reads guest virtual memory page by page (for devices, not the hot path).
    public func readMemory(_ va: UInt64, count: Int) throws(BusError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var a = va, left = count
        while left > 0 {
            let chunk = min(left, Int(0x1000 - (a & 0xFFF)))
            guard let pa = guestPhysicalAddress(a) else { throw BusError(address: a, size: chunk, isWrite: false) }
            if let caches = shared.dataCaches, memory.isRAM(pa, chunk) {
                for i in 0..<chunk { out.append(caches.coherentByte(pa &+ UInt64(i))) }
            } else {
                out += try memory.readBytes(pa, count: chunk)
            }
            a &+= UInt64(chunk); left -= chunk
        }
        return out
    }

    public func writeMemory(_ va: UInt64, _ bytes: [UInt8]) throws(BusError) {
        var a = va, done = 0
        while done < bytes.count {
            let chunk = min(bytes.count - done, Int(0x1000 - (a & 0xFFF)))
            guard let pa = guestPhysicalAddress(a, .write) else { throw BusError(address: a, size: chunk, isWrite: true) }
            if explainStale && memory.isRAM(pa, chunk) {
                for i in 0..<chunk {
                    observer?.dataAccessed(self, va: a &+ UInt64(i), pa: pa &+ UInt64(i), size: 1, isWrite: true,
                                           value: UInt64(bytes[done + i]), cacheable: shared.dataCaches != nil, byAgent: true)
                }
            }
            if let caches = shared.dataCaches, memory.isRAM(pa, chunk) {
                for i in 0..<chunk { caches.coherentWrite(pa &+ UInt64(i), bytes[done + i]) }
            } else {
                try memory.writeBytes(pa, bytes[done..<(done + chunk)])
            }
            a &+= UInt64(chunk); done += chunk
        }
    }

    public func readMemory64(_ va: UInt64) throws(BusError) -> UInt64 {
        let b = try readMemory(va, count: 8)
        return b.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
    }

    public func writeMemory64(_ va: UInt64, _ v: UInt64) throws(BusError) {
        try writeMemory(va, (0..<8).map { UInt8(truncatingIfNeeded: v >> UInt64(8 * $0)) })
    }

    public func readString(_ va: UInt64, limit: Int = 1 << 20) throws(BusError) -> [UInt8] {
        var out: [UInt8] = []
        var a = va
        while out.count < limit {
            let b = try readMemory(a, count: 1)[0]
            if b == 0 { break }
            out.append(b)
            a &+= 1
        }
        return out
    }
}
