import Memory

/// The CPU's side of the cache model (Memory/Caches): which accesses are
/// cacheable, instruction fetch through the I-cache, the coherent view for
/// table walks and devices, and the DC and IC operations.
extension CPU {
    var dataCaches: DataCaches? { shared.dataCaches }

    /// A data access with these attributes goes through the data caches:
    /// Normal memory, Inner cacheable, with SCTLR_ELx.C set for the regime
    /// (or HCR_EL2.DC), and not made Non-cacheable by HCR_EL2.CD at stage 2
    /// (D7.5.5, D8.6).
    func isCacheableData(_ a: MemoryAttributes) -> Bool {
        guard shared.dataCaches != nil, !a.isDevice, a.mair & 0xF != 0x4 else { return false }
        let r = regime(forEL: currentEL)
        if r == .el10 {
            // SCTLR_EL1.C = 0 makes stage 1's Normal memory Non-cacheable; with
            // FEAT_S2FWB a forced Write-Back stage 2 overrides stage 1 whatever
            // it says (D8.6.6), so the translation already folded C in (see
            // `combine`) and it is not applied again here.
            let fwb = hcrEL2 & HCR.FWB != 0 && stage2Enabled(r)
            if !fwb && systemRegisters[SR.SCTLR_EL1] & 4 == 0 && hcrEL2 & HCR.DC == 0 { return false }
            if stage2Enabled(r) && hcrEL2 & HCR.CD != 0 { return false }
        } else if systemRegisters[SR.SCTLR_EL2] & 4 == 0 {
            return false
        }
        return true
    }

    /// An instruction fetch with these attributes is cacheable: Normal,
    /// Inner cacheable (with stage 1 off, SCTLR_ELx.I gave Write-Through or
    /// Non-cacheable), SCTLR_ELx.I set, and not HCR_EL2.ID at stage 2.
    func isCacheableFetch(_ a: MemoryAttributes) -> Bool {
        guard !a.isDevice, a.mair & 0xF != 0x4 else { return false }
        let r = regime(forEL: currentEL)
        if systemRegisters[r == .el10 ? SR.SCTLR_EL1 : SR.SCTLR_EL2] & (1 << 12) == 0
            && !(r == .el10 && hcrEL2 & HCR.DC != 0) { return false }
        if r == .el10 && stage2Enabled(r) && hcrEL2 & HCR.ID != 0 { return false }
        return true
    }

    /// A cacheable read of `size` bytes that do not cross a line (aligned,
    /// or unaligned inside one line): the L1 line used last, if it still
    /// holds the address (its tag says), else the line's set in the L1,
    /// else the data caches' full path.
    @inline(__always) func cachedRead(_ pa: UInt64, _ size: Int) -> UInt64 {
        let line = pa &>> l1Hit.shift
        if l1Hit.tags[l1Hit.slot] == line {
            statistics.l1DataFastHits &+= 1
            return loadFromL1Hit(pa, size)
        }
        if l1SetLookup(line) { return loadFromL1Hit(pa, size) }
        return cachedReadMiss(pa, size)
    }

    /// `size` bytes at `pa` in the L1 slot `l1Hit.slot`, which holds its line.
    @inline(__always) func loadFromL1Hit(_ pa: UInt64, _ size: Int) -> UInt64 {
        let p = UnsafeRawPointer(l1Hit.data + (l1Hit.slot &<< Int(l1Hit.shift)) + Int(pa & l1Hit.mask))
        switch size {
        case 1: return UInt64(p.load(as: UInt8.self))
        case 2: return UInt64(p.loadUnaligned(as: UInt16.self))
        case 4: return UInt64(p.loadUnaligned(as: UInt32.self))
        default: return p.loadUnaligned(as: UInt64.self)
        }
    }

    /// The same for a write: the line becomes dirty.
    @inline(__always) func storeToL1Hit(_ pa: UInt64, _ size: Int, _ v: UInt64) {
        let p = UnsafeMutableRawPointer(l1Hit.data + (l1Hit.slot &<< Int(l1Hit.shift)) + Int(pa & l1Hit.mask))
        switch size {
        case 1: p.storeBytes(of: UInt8(truncatingIfNeeded: v), as: UInt8.self)
        case 2: p.storeBytes(of: UInt16(truncatingIfNeeded: v), as: UInt16.self)
        case 4: p.storeBytes(of: UInt32(truncatingIfNeeded: v), as: UInt32.self)
        default: p.storeBytes(of: v, as: UInt64.self)
        }
        l1Hit.dirty[l1Hit.slot] = true
    }

    /// Not the last slot: the line's set in this CPU's L1, way by way. The
    /// L1's tags are the truth (a line another CPU takes leaves this L1,
    /// and replacement is a seeded choice on a miss only), so a tag that
    /// matches is the hit the data caches' own lookup would find.
    @inline(__always) func l1SetLookup(_ line: UInt64) -> Bool {
        let set = Int(truncatingIfNeeded: line & l1Hit.setMask)
        guard let slot = CacheArray.find(line, in: l1Hit.tags, set: set, ways: l1Hit.ways) else { return false }
        l1Hit.slot = slot
        statistics.l1DataFastHits &+= 1
        return true
    }

    /// A miss in this CPU's L1: the data caches bring the line in.
    @inline(never) func cachedReadMiss(_ pa: UInt64, _ size: Int) -> UInt64 {
        l1Fill(pa &>> l1Hit.shift)
        return loadFromL1Hit(pa, size)
    }

    /// A line not in this CPU's L1 (l1SetLookup found nothing there) is
    /// brought in; its slot becomes `l1Hit.slot`.
    @inline(__always) func l1Fill(_ line: UInt64) {
        let cpu = index
        l1Hit.slot = l1MissCaches.unsafelyUnwrapped._withUnsafeGuaranteedRef { $0.fillL1(cpu: cpu, line: line) }
    }

    @inline(__always) func cachedWrite(_ pa: UInt64, _ size: Int, _ v: UInt64) {
        let line = pa &>> l1Hit.shift
        if l1Hit.tags[l1Hit.slot] == line {
            statistics.l1DataFastHits &+= 1
            storeToL1Hit(pa, size, v)
        } else if l1SetLookup(line) {
            storeToL1Hit(pa, size, v)
        } else {
            // The miss notes the store too: a tail call, and a hit path that
            // saves no registers for it.
            cachedWriteMiss(pa, size, v)
            return
        }
        // Exclusive monitors and decoded pages watch writes by PA.
        noteStore(pa &- ramBase, size)
    }

    @inline(never) func cachedWriteMiss(_ pa: UInt64, _ size: Int, _ v: UInt64) {
        l1Fill(pa &>> l1Hit.shift)
        storeToL1Hit(pa, size, v)
        noteStore(pa &- ramBase, size)
    }

    // MARK: an unaligned access across a line boundary

    /// The line of `pa` in `l1Hit.slot`, found or brought in as a one-byte
    /// access finds it (and counted as one).
    @inline(__always) func l1Locate(_ pa: UInt64) {
        let line = pa &>> l1Hit.shift
        if l1Hit.tags[l1Hit.slot] == line {
            statistics.l1DataFastHits &+= 1
        } else if !l1SetLookup(line) {
            l1LocateMiss(line)
        }
    }

    @inline(never) func l1LocateMiss(_ line: UInt64) { l1Fill(line) }

    /// Byte `pa` of the line in `l1Hit.slot`.
    @inline(__always) func l1Byte(_ pa: UInt64) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(l1Hit.data + (l1Hit.slot &<< Int(l1Hit.shift)) + Int(pa & l1Hit.mask))
    }

    /// A cacheable read of `size` (2 to 8) bytes from `pa` that crosses into
    /// the next line (inside a page): the bytes are single-copy atomic only
    /// singly (B2.2.1), and the caches see it as the byte accesses it is
    /// made of, in address order: each line's first byte finds or brings in
    /// the line, its other bytes hit it (counted as such). Each line's part
    /// is one 8-byte load inside the line (lines are at least 16 bytes).
    @inline(never) func cachedReadAcrossLines(_ pa: UInt64, _ size: Int) -> UInt64 {
        let first = (l1Hit.mask &+ 1) &- (pa & l1Hit.mask)       // 1 ... size - 1
        let rest = UInt64(size) &- first
        let next = pa &+ first
        l1Locate(pa)
        statistics.l1DataFastHits &+= first &- 1
        // The line's last 8 bytes, of which the top `first` are wanted.
        let low = l1Byte(next &- 8).loadUnaligned(as: UInt64.self) &>> ((8 &- first) &* 8)
        l1Locate(next)
        statistics.l1DataFastHits &+= rest &- 1
        let high = l1Byte(next).loadUnaligned(as: UInt64.self) & ((1 &<< (rest &* 8)) &- 1)
        return low | high &<< (first &* 8)
    }

    /// The same for a write: each line's part is merged into an 8-byte word
    /// inside the line, which becomes dirty; the write watch sees each part.
    @inline(never) func cachedWriteAcrossLines(_ pa: UInt64, _ size: Int, _ v: UInt64) {
        let first = (l1Hit.mask &+ 1) &- (pa & l1Hit.mask)
        let rest = UInt64(size) &- first
        let next = pa &+ first
        l1Locate(pa)
        statistics.l1DataFastHits &+= first &- 1
        let keep = (8 &- first) &* 8                                 // low bits of the word that stay
        let p = l1Byte(next &- 8)
        let old = p.loadUnaligned(as: UInt64.self)
        p.storeBytes(of: (old & ((1 &<< keep) &- 1)) | v &<< keep, as: UInt64.self)
        l1Hit.dirty[l1Hit.slot] = true
        noteStore(pa &- ramBase, Int(first))
        l1Locate(next)
        statistics.l1DataFastHits &+= rest &- 1
        let mask = (UInt64(1) &<< (rest &* 8)) &- 1
        let q = l1Byte(next)
        q.storeBytes(of: (q.loadUnaligned(as: UInt64.self) & ~mask) | (v &>> (first &* 8)) & mask, as: UInt64.self)
        l1Hit.dirty[l1Hit.slot] = true
        noteStore(next &- ramBase, Int(rest))
    }

    // MARK: DC ZVA

    /// DC ZVA's block of `size` bytes at `va` (block-aligned, translated
    /// for writing), on a cacheable page the software TLB holds: the stores
    /// of zeros it is made of (C6.2 "DC ZVA"), a data cache line at a time.
    /// Each line's first 8-byte store finds or brings in the line as a store
    /// does; its other stores hit it (counted as such); the line's part is
    /// zeroed in one operation and becomes dirty. Returns false (nothing
    /// done) when the page is not such a page: the caller stores.
    func dataCacheZeroBlock(_ va: UInt64, _ size: UInt64) -> Bool {
        let e = softSlot(va)
        guard !hasWatchedPages, e.pointee.writeTag == (va & ~0xFFF) | SoftTLB.cachedFlag,
              (va & 0xFFF) &+ size <= 0x1000 else { return false }
        var pa = ramBase &+ (va &+ e.pointee.delta)
        var left = size
        while left != 0 {
            let part = min(left, (l1Hit.mask &+ 1) &- (pa & l1Hit.mask))
            l1Locate(pa)
            statistics.l1DataFastHits &+= part / 8 &- 1
            l1Byte(pa).initializeMemory(as: UInt8.self, repeating: 0, count: Int(part))
            l1Hit.dirty[l1Hit.slot] = true
            noteStore(pa &- ramBase, Int(part))
            pa &+= part
            left &-= part
        }
        return true
    }

    /// Eight bytes as a table walk sees them: the coherent data view (the
    /// walker snoops the data caches, arch-notes.md 4.6 `walkerSeesDView`).
    func physicalRead64(_ pa: UInt64) -> UInt64 {
        guard let caches = shared.dataCaches else {
            return ram.load(fromByteOffset: Int(pa - ramBase), as: UInt64.self)
        }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(caches.coherentByte(pa &+ UInt64(i))) << UInt64(8 * i) }
        return v
    }

    // MARK: instruction fetch

    /// The block the interpreter executes from next, starting at `base`:
    /// its bytes and its decoded slots. Cache model off: the page's decoded
    /// cache (per PA, dropped when the page is written). On: the I-cache
    /// line, whatever it holds; with DIC = 1 a line read from the coherent
    /// data view every time.
    @inline(__always)
    func fetchBlock(_ base: UInt64) throws(CPUException) -> (UnsafeRawPointer, UnsafeMutablePointer<Decoded>) {
        // The hit path, in the interpreter's loop: the same fetch page, and
        // the slot that hit last in this line's set still holds the line
        // (under this VMID on a VPIPT I-cache): what a lookup would find, as
        // a set holds a line at most once per VMID. The tags are the truth.
        if base & ~0xFFF == fetchHit.pageVA {
            let pa = base &+ fetchHit.paDelta
            let shift = fetchHit.shift
            let slot = fetchHit.lastSlot[fetchSet(base)]
            if fetchHit.tags[slot] == pa &>> shift && (!fetchHit.checkVMID || fetchHit.vmids[slot] == fetchPageVMID) {
                statistics.l1InstructionFastHits &+= 1
                return (UnsafeRawPointer(fetchHit.data + (slot &<< Int(shift))), decodedLine(slot))
            }
        }
        return try fetchBlockSlow(base)
    }

    /// Forgets the fetch page's translation: the context may have changed
    /// (the interpreter's outer loop).
    @inline(__always) func forgetFetchPage() {
        fetchPage.va = 1
        fetchHit.pageVA = 1
    }

    /// The I-cache set a fetch of `base` in the fetch page falls in, as
    /// InstructionCache computes it: from the PA, or the VA (VIPT), by
    /// the page's `indexDelta`.
    @inline(__always) func fetchSet(_ base: UInt64) -> Int {
        Int(truncatingIfNeeded: ((base &+ fetchHit.indexDelta) &>> fetchHit.shift) & fetchHit.setMask)
    }

    /// The decoded slots of the line in I-cache slot `slot`.
    @inline(__always) func decodedLine(_ slot: Int) -> UnsafeMutablePointer<Decoded> {
        fetchHit.decoded + slot &* fetchHit.stride
    }

    /// Another page, another line, no I-cache, or no cache model.
    @inline(never)
    func fetchBlockSlow(_ base: UInt64) throws(CPUException) -> (UnsafeRawPointer, UnsafeMutablePointer<Decoded>) {
        if shared.dataCaches == nil {
            let pa = try translateFetch(base)
            return (UnsafeRawPointer(ram + Int(pa - ramBase)), shared.decodedPage(pa))
        }
        // The page's translation is kept until the interpreter's outer loop
        // (any change of context) forgets it.
        if base & ~0xFFF != fetchPage.va {
            let t: (pa: UInt64, entry: TLBEntry)
            do { t = try translate(base, .fetch, el: currentEL) } catch { throw .abort(error) }
            guard memory.isRAM(t.pa & ~0xFFF, 0x1000) else {
                throw .abort(TranslationFault(.externalAbort, level: 0, access: .fetch, va: base))
            }
            fetchPage = (base & ~0xFFF, t.pa & ~0xFFF, isCacheableFetch(t.entry.attributes))
            // Kept with the page: what changes them (EL, HCR_EL2, VTTBR_EL2)
            // also makes the interpreter's outer loop forget the page.
            fetchPageViaICache = icache != nil && (fetchPage.cacheable || features.caches.allocateOnNonCacheableFetch)
            fetchPageVMID = instructionCacheVMID
            fetchHit.pageVA = fetchPageViaICache ? fetchPage.va : 1
            fetchHit.paDelta = fetchPage.pa &- fetchPage.va
            fetchHit.indexDelta = fetchHit.indexByVA ? 0 : fetchHit.paDelta
        }
        let pa = fetchPage.pa | (base & 0xFFF)
        guard fetchPageViaICache, let icache else { return fetchWithoutAllocating(pa) }
        // Not the slot that hit last: the I-cache's own lookup, then a fill;
        // the slot becomes the set's last.
        let set = fetchSet(base)
        let vmid = fetchPageVMID
        var slot: Int
        if let s = icache.lookup(va: base, pa: pa, vmid: vmid) {
            slot = s
        } else {
            slot = fillInstructionCache(icache, base, pa, vmid: vmid)
        }
        fetchHit.lastSlot[set] = slot
        return (UnsafeRawPointer(icache.bytes(slot)), decodedLine(slot))
    }

    /// An I-cache miss: the line is filled from the point of unification
    /// (cacheable) or from memory, and its decoded slots start empty.
    /// Returns the slot.
    @inline(never)
    private func fillInstructionCache(_ icache: InstructionCache, _ base: UInt64, _ pa: UInt64, vmid: UInt16) -> Int {
        let caches = shared.dataCaches!
        let cacheable = fetchPage.cacheable
        let words = features.caches.icache.lineSize / 4
        let lineSize = features.caches.icache.lineSize
        let slot = icache.fill(va: base, pa: pa, vmid: vmid) { line, into in
            if cacheable {
                caches.pointOfUnificationBytes(line, lineSize, into: into)
            } else {
                into.update(from: (ram + Int(line &- ramBase)).assumingMemoryBound(to: UInt8.self), count: lineSize)
            }
        }
        let decoded = decodedLine(slot)
        Decoded.clear(decoded, from: 0, count: words)
        if explainStale { observer?.instructionCacheFilled(self, slot: slot, va: base, pa: pa, vmid: vmid, cacheable: cacheable) }
        return slot
    }

    /// DIC = 1 (no I-cache to be stale), or a Non-cacheable fetch that does
    /// not allocate: the line is read now, into a scratch line.
    @inline(never)
    private func fetchWithoutAllocating(_ pa: UInt64) -> (UnsafeRawPointer, UnsafeMutablePointer<Decoded>) {
        let caches = shared.dataCaches!
        let lineSize = features.caches.icache.lineSize
        for i in 0..<lineSize {
            let a = pa &+ UInt64(i)
            let byte = icache == nil ? caches.coherentByte(a)
                : fetchPage.cacheable ? caches.pointOfUnificationByte(a) : ram.load(fromByteOffset: Int(a - ramBase), as: UInt8.self)
            fetchScratch.storeBytes(of: byte, toByteOffset: i, as: UInt8.self)
        }
        Decoded.clear(fetchScratchDecoded, from: 0, count: lineSize / 4)
        return (UnsafeRawPointer(fetchScratch), fetchScratchDecoded)
    }

    /// The VMID a VPIPT I-cache tags a fetch with: the current VMID in the
    /// EL1&0 regime, a value no VMID has at EL2.
    /// The page the interpreter fetches from now (VA, PA), whether the
    /// fetch is cacheable and whether it goes through the I-cache: for
    /// `--explain-stale`.
    public var currentFetch: (va: UInt64, pa: UInt64, cacheable: Bool, viaICache: Bool)? {
        guard fetchPage.va != 1, icache != nil else { return nil }
        return (fetchPage.va, fetchPage.pa, fetchPage.cacheable,
                fetchPage.cacheable || features.caches.allocateOnNonCacheableFetch)
    }

    public var instructionCacheVMID: UInt16 {
        regime(forEL: currentEL) == .el10 ? currentVMID : 0xFFFF
    }

    // MARK: maintenance

    /// DC by VA on `pa` (after translation), and DC by set/way (D7.5.9).
    func dataCacheMaintenance(_ op: DataCacheOperation, pa: UInt64?, operand: UInt64) {
        guard let caches = shared.dataCaches else { return }
        // At EL1 with stage 2 enabled, invalidation also cleans (DC IVAC ->
        // DC CIVAC, DC ISW -> DC CISW; also for ISW with HCR_EL2.SWIO).
        let upgrade = currentEL == 1 && features.el2 && (stage2Enabled(.el10) || hcrEL2 & HCR.SWIO != 0)
        switch op {
        case .CVAU: caches.clean(pa!, to: .unification)
        case .CVAC: caches.clean(pa!, to: .coherency)
        case .CIVAC: caches.cleanAndInvalidate(pa!)
        case .IVAC:
            if currentEL == 1 && stage2Enabled(.el10) { caches.cleanAndInvalidate(pa!) } else { caches.invalidate(pa!) }
        case .ISW, .CSW, .CISW:
            // Xt: Level [3:1] (level - 1), Set in [L+S-1:L], Way in
            // [31:32-A] (L = log2 line bytes, S = log2 sets, A = ceil(log2 ways)).
            let level = Int((operand >> 1) & 7) + 1
            guard level <= 2 else { return }
            let g = level == 1 ? features.caches.dcache : features.caches.l2
            let l = g.lineShift, sBits = g.sets.trailingZeroBitCount
            let a = g.ways <= 1 ? 0 : 64 - UInt64(g.ways - 1).leadingZeroBitCount
            let set = Int((operand >> UInt64(l)) & UInt64((1 << sBits) - 1))
            let way = a == 0 ? 0 : Int((operand & 0xFFFF_FFFF) >> UInt64(32 - a))
            let sw: DataCaches.SetWayOperation = op == .CSW ? .clean : (op == .ISW && !upgrade ? .invalidate : .cleanAndInvalidate)
            caches.setWay(cpu: index, level: level, set: set, way: way, sw)
        }
    }

    /// What an IC instruction executed now reaches: one CPU's I-cache (nil:
    /// every CPU's) and, on a VPIPT I-cache at EL1 or EL0, only the lines
    /// of one VMID (nil: every line).
    public func instructionCacheScope(_ op: InstructionCacheOperation) -> (cpu: Int?, vmid: UInt16?) {
        let vmid: UInt16? = features.caches.icachePolicy == .vpipt && currentEL < 2 ? currentVMID : nil
        let everyCPU = op != .IALLU || (currentEL == 1 && hcrEL2 & HCR.FB != 0)
        return (everyCPU ? nil : index, vmid)
    }

    /// IC IALLU, IALLUIS, IVAU (D7.5.9.12, arch-notes.md 2.3): IALLU is
    /// local (broadcast with HCR_EL2.FB at EL1), the others reach every CPU;
    /// on a VPIPT I-cache, maintenance at EL1 or EL0 removes only the
    /// current VMID's lines, at EL2 every line.
    func instructionCacheMaintenance(_ op: InstructionCacheOperation, va: UInt64, pa: UInt64?) {
        guard icache != nil else { return }
        let (cpu, vmid) = instructionCacheScope(op)
        let targets = cpu == nil ? shared.instructionCaches : [icache!]
        for ic in targets {
            switch op {
            case .IALLU, .IALLUIS: ic.invalidateAll(vmid: vmid)
            case .IVAU: ic.invalidate(va: va & ~UInt64(ic.geometry.lineSize - 1), pa: pa!, vmid: vmid)
            }
        }
    }
}
