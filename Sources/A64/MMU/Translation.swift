import Memory

/// Address translation (ARM ARM D8, pseudocode AArch64.FullTranslate,
/// AArch64.S1Translate, AArch64.S2Translate): the TLB first, then the
/// translation table walks, stage 1 then stage 2, for the VMSAv8-64 formats
/// with 4K, 16K and 64K granules and 48-bit descriptors.
extension CPU {
    /// The regime an access made at `el` translates in (D8.1.2).
    func regime(forEL el: UInt8) -> TranslationRegime {
        if el == 2 { return hcrEL2 & HCR.E2H != 0 ? .el20 : .el2 }
        if el == 0 && inHost { return .el20 }
        return .el10
    }

    /// VTTBR_EL2.VMID, 16 bits wide when VTCR_EL2.VS = 1, else 8.
    public var currentVMID: UInt16 {
        guard features.el2 else { return 0 }
        let vmid = systemRegisters[SR.VTTBR_EL2] >> 48
        return UInt16(truncatingIfNeeded: systemRegisters[SR.VTCR_EL2] & (1 << 19) != 0 ? vmid : vmid & 0xFF)
    }

    /// The TLB tag of the current context for `regime`: the VMID for EL1&0
    /// when EL2 is implemented (D8.16: even when stage 2 is disabled), and
    /// the ASID of TTBR0 or TTBR1 as TCR.A1 selects, 16 bits when TCR.AS = 1.
    func tlbContext(_ regime: TranslationRegime) -> TLBContext {
        switch regime {
        case .el2:
            return TLBContext(regime: .el2, vmid: 0, asid: 0)
        case .el10, .el20:
            let tcr = systemRegisters[regime == .el10 ? SR.TCR_EL1 : SR.TCR_EL2]
            let ttbr = systemRegisters[regime == .el10
                ? (tcr & (1 << 22) != 0 ? SR.TTBR1_EL1 : SR.TTBR0_EL1)
                : (tcr & (1 << 22) != 0 ? SR.TTBR1_EL2 : SR.TTBR0_EL2)]
            var asid = UInt16(truncatingIfNeeded: ttbr >> 48)
            if tcr & (1 << 36) == 0 { asid &= 0xFF }
            return TLBContext(regime: regime, vmid: regime == .el10 ? currentVMID : 0, asid: asid)
        }
    }

    /// Stage 1 of `regime` is enabled: SCTLR_ELx.M, and for EL1&0 neither
    /// HCR_EL2.TGE nor HCR_EL2.DC (D8.2.12).
    func stage1Enabled(_ regime: TranslationRegime) -> Bool {
        switch regime {
        case .el10:
            return systemRegisters[SR.SCTLR_EL1] & 1 != 0 && hcrEL2 & (HCR.TGE | HCR.DC) == 0
        case .el2, .el20:
            return systemRegisters[SR.SCTLR_EL2] & 1 != 0
        }
    }

    /// Stage 2 of EL1&0 is enabled: HCR_EL2.VM or DC, and not TGE.
    func stage2Enabled(_ regime: TranslationRegime) -> Bool {
        regime == .el10 && features.el2 && hcrEL2 & (HCR.VM | HCR.DC) != 0 && hcrEL2 & HCR.TGE == 0
    }

    /// The translation of `va` for `access` by `el`: from the TLB, or by a
    /// walk whose result is cached; permissions checked. Throws the fault.
    func translate(_ va: UInt64, _ access: AccessKind, el: UInt8) throws(TranslationFault) -> (pa: UInt64, entry: TLBEntry) {
        let regime = regime(forEL: el)
        let entry: TLBEntry
        if stage1Enabled(regime) {
            let context = tlbContext(regime)
            let address = stripTag(va, regime, access)
            if let hit = tlb.lookup(.combined, address, context) {
                entry = hit
                if explainStale { checkStaleTranslation(hit, address, el: el) }
            } else {
                entry = try walk(address, va: va, access, regime, context)
                tlb.insert(entry)
                if explainStale { observer?.translationCached(self, entry) }
            }
            try checkPermissions(entry, access, el: el, va: va)
            return (entry.outputBase | (address & (entry.size &- 1)), entry)
        }
        // Stage 1 disabled: a flat map (D8.2.12). Not cached as a stage 1
        // translation, so that turning the MMU on needs no TLB maintenance.
        entry = try flatTranslation(va, access, regime)
        try checkPermissions(entry, access, el: el, va: va)
        return (entry.outputBase | (va & (entry.size &- 1)), entry)
    }

    /// TBI (D8.8): with TCR_ELx.TBIn the top byte of a data address is
    /// ignored; bit 55 still selects the VA range.
    @inline(__always) func stripTag(_ va: UInt64, _ regime: TranslationRegime, _ access: AccessKind) -> UInt64 {
        guard access != .fetch else { return va }
        let tcr = systemRegisters[regime == .el10 ? SR.TCR_EL1 : SR.TCR_EL2]
        if regime == .el2 {
            return tcr & (1 << 20) != 0 ? va & 0x00FF_FFFF_FFFF_FFFF : va
        }
        let upper = va & (1 << 55) != 0
        guard tcr & (upper ? 1 << 38 : 1 << 37) != 0 else { return va }
        return upper ? va | 0xFF00_0000_0000_0000 : va & 0x00FF_FFFF_FFFF_FFFF
    }

    /// SCTLR_ELx.M = 0: VA = IPA (or PA); data is Device-nGnRnE and
    /// instructions Normal (Non-cacheable, or Write-Through with SCTLR.I),
    /// unless HCR_EL2.DC makes both Normal Write-Back (D8.2.12.1).
    func flatTranslation(_ va: UInt64, _ access: AccessKind, _ regime: TranslationRegime) throws(TranslationFault) -> TLBEntry {
        if va >> ImpDef.physicalAddressBits != 0 {
            throw TranslationFault(.addressSize, level: 0, access: access, va: va)
        }
        var attributes: MemoryAttributes
        if regime == .el10 && hcrEL2 & HCR.DC != 0 {
            attributes = .normalWriteBack
        } else if access == .fetch {
            let iBit = systemRegisters[regime == .el10 ? SR.SCTLR_EL1 : SR.SCTLR_EL2] & (1 << 12) != 0
            attributes = MemoryAttributes(mair: iBit ? 0xAA : 0x44, shareability: 0b10)
        } else {
            attributes = .deviceNGnRnE
        }
        var entry = TLBEntry(kind: .combined, regime: regime, vmid: 0, asid: 0, global: true,
                             inputBase: va & ~0xFFF, sizeShift: 12, level: 0, outputBase: va & ~0xFFF,
                             ipaBase: va & ~0xFFF, stage1: .all, stage2: .all, stage2Level: 0, attributes: attributes)
        if stage2Enabled(regime) {
            let s2 = try stage2Translate(va, access: access, va: va, s1ptw: false)
            entry.outputBase = s2.outputBase | (va & ~0xFFF & (s2.size &- 1))
            entry.stage2 = s2.stage2
            entry.stage2Level = s2.level
            entry.attributes = combine(attributes, s2.attributes)
        }
        return entry
    }

    /// The permission checks of a cached or new translation (D8.4): stage 1
    /// first, then stage 2.
    func checkPermissions(_ e: TLBEntry, _ access: AccessKind, el: UInt8, va: UInt64) throws(TranslationFault) {
        if !e.stage1.allows(access, el: el) {
            throw TranslationFault(.permission, level: Int(e.level), access: access, va: va)
        }
        if !e.stage2.allows(access, el: el) {
            let ipa = e.ipaBase | (va & (e.size &- 1))
            throw TranslationFault(.permission, level: Int(e.stage2Level), stage2: true, access: access, va: va, ipa: ipa)
        }
    }

    // MARK: stage 1

    /// The granule (log2 bytes) a TGx field selects; `upper` for TG1's
    /// different encoding. Reserved values behave as 4K (CONSTRAINED
    /// UNPREDICTABLE: an implemented granule).
    static func granuleShift(tg: UInt64, upper: Bool) -> Int {
        if upper {
            switch tg { case 0b01: return 14; case 0b11: return 16; default: return 12 }
        }
        switch tg { case 0b01: return 16; case 0b10: return 14; default: return 12 }
    }

    /// The PA or IPA size an IPS/PS field gives, capped at the implemented
    /// PARange (D8.2.6).
    static func outputSize(_ ps: UInt64) -> Int {
        let sizes = [32, 36, 40, 42, 44, 48, 52, 52]
        return min(sizes[Int(ps & 7)], ImpDef.physicalAddressBits)
    }

    /// AArch64.S1Walk: walks stage 1 for `address` (tag stripped) and
    /// returns the combined entry (stage 2 folded in when enabled).
    /// `stage1Only` (AT S1E*): the output is the IPA; stage 2 still
    /// translates the table walk's own accesses.
    func walk(_ address: UInt64, va: UInt64, _ access: AccessKind, _ regime: TranslationRegime,
              _ context: TLBContext, stage1Only: Bool = false) throws(TranslationFault) -> TLBEntry {
        let tcr = systemRegisters[regime == .el10 ? SR.TCR_EL1 : SR.TCR_EL2]
        let upper = regime.hasTwoRanges && address & (1 << 55) != 0
        let txsz: UInt64, tg: UInt64, ttbr: UInt64, oaSize: Int
        if regime == .el2 {
            txsz = tcr & 0x3F; tg = (tcr >> 14) & 3
            ttbr = systemRegisters[SR.TTBR0_EL2]
            oaSize = Self.outputSize(tcr >> 16)
        } else {
            if upper {
                txsz = (tcr >> 16) & 0x3F; tg = (tcr >> 30) & 3
                if tcr & (1 << 23) != 0 { throw TranslationFault(.translation, level: 0, access: access, va: va) }   // EPD1
            } else {
                txsz = tcr & 0x3F; tg = (tcr >> 14) & 3
                if tcr & (1 << 7) != 0 { throw TranslationFault(.translation, level: 0, access: access, va: va) }    // EPD0
            }
            ttbr = systemRegisters[regime == .el10 ? (upper ? SR.TTBR1_EL1 : SR.TTBR0_EL1)
                                                   : (upper ? SR.TTBR1_EL2 : SR.TTBR0_EL2)]
            oaSize = Self.outputSize(tcr >> 32)
        }
        let g = Self.granuleShift(tg: tg, upper: upper)
        // T0SZ/T1SZ outside 16...39 are CONSTRAINED UNPREDICTABLE: clamped.
        let inputSize = 64 - Int(min(max(txsz, 16), 39))
        // The input address must be in the range: all ones or all zeros above it.
        let top = address >> UInt64(inputSize)
        let expected: UInt64 = upper ? (UInt64.max >> UInt64(inputSize)) : 0
        if top != expected { throw TranslationFault(.translation, level: 0, access: access, va: va) }

        let stride = g - 3
        let startLevel = 4 - (inputSize - g + stride - 1) / stride
        let s2 = stage2Enabled(regime)
        var level = startLevel
        var table = ttbr & 0x0000_FFFF_FFFF_FFFE
        // A TTBR beyond the output address size: "Address size fault, level 0
        // of translation or translation table base register" whatever the
        // start level (D8.2 and the FSC encodings of ESR_ELx.ISS).
        if table >> UInt64(oaSize) != 0 { throw TranslationFault(.addressSize, level: 0, access: access, va: va) }
        var apTable: UInt64 = 0, xnTable = false, pxnTable = false
        while true {
            let shift = g + (3 - level) * stride
            let indexBits = level == startLevel ? inputSize - shift : stride
            let index = (address >> UInt64(shift)) & ((1 << UInt64(indexBits)) - 1)
            if level == startLevel { table &= ~((8 << UInt64(indexBits)) - 1) }
            let descriptorAddress = table | index << 3
            let descriptor = try readDescriptor(descriptorAddress, stage2: s2, level: level, access: access, va: va)
            if descriptor & 1 == 0 { throw TranslationFault(.translation, level: level, access: access, va: va) }
            let isTable = descriptor & 2 != 0 && level < 3
            if level == 3 && descriptor & 2 == 0 {
                throw TranslationFault(.translation, level: level, access: access, va: va)      // reserved
            }
            if !isTable && level < 3 && !Self.blockAllowed(granule: g, level: level) {
                throw TranslationFault(.translation, level: level, access: access, va: va)
            }
            let oa = descriptor & 0x0000_FFFF_FFFF_F000 & ~((1 << UInt64(isTable ? g : shift)) - 1)
            if oa >> UInt64(oaSize) != 0 {
                throw TranslationFault(.addressSize, level: level, access: access, va: va)
            }
            if isTable {
                apTable |= (descriptor >> 61) & 3
                xnTable = xnTable || descriptor & (1 << 60) != 0
                pxnTable = pxnTable || descriptor & (1 << 59) != 0
                table = oa
                level += 1
                continue
            }
            if descriptor & (1 << 10) == 0 {
                throw TranslationFault(.accessFlag, level: level, access: access, va: va)
            }
            var entry = TLBEntry(
                kind: .combined, regime: regime, vmid: context.vmid, asid: 0, global: true,
                inputBase: address & ~((1 << UInt64(shift)) - 1),
                sizeShift: UInt8(shift), level: UInt8(level), outputBase: oa, ipaBase: oa,
                stage1: stage1Permissions(descriptor, apTable: apTable, xnTable: xnTable, pxnTable: pxnTable, regime),
                stage2: .all, stage2Level: 0,
                attributes: stage1Attributes(descriptor, regime))
            if regime != .el2 && descriptor & (1 << 11) != 0 {   // nG
                entry.global = false
                entry.asid = context.asid
            }
            if s2 && !stage1Only {
                let ipa = oa | (address & ((1 << UInt64(shift)) - 1))
                let s2e = try stage2Translate(ipa, access: access, va: va, s1ptw: false)
                // The combined entry covers what both stages map alike.
                entry.stage1SizeShift = UInt8(shift)
                let size = min(shift, Int(s2e.sizeShift))
                let mask = (UInt64(1) << UInt64(size)) - 1
                entry.sizeShift = UInt8(size)
                entry.inputBase = address & ~mask
                entry.ipaBase = ipa & ~mask
                entry.outputBase = (s2e.outputBase | (ipa & (s2e.size &- 1))) & ~mask
                entry.stage2 = s2e.stage2
                entry.stage2Level = s2e.level
                entry.attributes = combine(entry.attributes, s2e.attributes)
            }
            return entry
        }
    }

    /// Block descriptors exist at levels 1 and 2 with 4K, level 2 with 16K
    /// and 64K (no FEAT_LPA/LPA2).
    static func blockAllowed(granule g: Int, level: Int) -> Bool {
        g == 12 ? (level == 1 || level == 2) : level == 2
    }

    /// A translation table descriptor: through stage 2 when it is enabled
    /// (a fault there is a stage 2 fault with S1PTW), from RAM.
    func readDescriptor(_ address: UInt64, stage2: Bool, level: Int, access: AccessKind, va: UInt64) throws(TranslationFault) -> UInt64 {
        var pa = address
        if stage2 {
            let s2 = try stage2Translate(address, access: .read, va: va, s1ptw: true)
            pa = s2.outputBase | (address & (s2.size &- 1))
        }
        guard memory.isRAM(pa, 8) else {
            throw TranslationFault(.externalAbortOnWalk, level: level, access: access, va: va)
        }
        return physicalRead64(pa)
    }

    /// Stage 1 permissions of a block or page descriptor (D8.4.1): AP[2:1],
    /// UXN/PXN (XN at EL2), the hierarchical APTable/XNTable/PXNTable, and
    /// SCTLR_ELx.WXN. Memory writable at EL0 is never executable at EL1.
    func stage1Permissions(_ d: UInt64, apTable: UInt64, xnTable: Bool, pxnTable: Bool,
                           _ regime: TranslationRegime) -> Permissions {
        let wxn = systemRegisters[regime == .el10 ? SR.SCTLR_EL1 : SR.SCTLR_EL2] & (1 << 19) != 0
        var ap = (d >> 6) & 3
        if apTable & 2 != 0 { ap |= 2 }                 // APTable[1]: no writes below
        if regime == .el2 {
            var p: Permissions = [.privilegedRead]
            if ap & 2 == 0 { p.insert(.privilegedWrite) }
            let xn = d & (1 << 54) != 0 || xnTable
            if !xn && !(wxn && p.contains(.privilegedWrite)) { p.insert(.privilegedExecute) }
            return p
        }
        if apTable & 1 != 0 { ap &= ~1 }                // APTable[0]: no EL0 access below
        // FEAT_NV with HCR_EL2.{NV, NV1} = {1, 1}: EL1&0 descriptors are
        // read as EL2's (a non-VHE guest hypervisor's tables): AP[1] and
        // APTable[0] count as 0, bit 54 is PXN (bit 60 PXNTable), bit 53
        // and bit 59 are RES0, and UXN is 0.
        let nv11 = hcrEL2 & (HCR.NV | HCR.NV1) == HCR.NV | HCR.NV1
        if nv11 { ap &= ~1 }
        var p: Permissions = [.privilegedRead]
        if ap & 2 == 0 { p.insert(.privilegedWrite) }
        if ap & 1 != 0 {
            p.insert(.el0Read)
            if ap & 2 == 0 { p.insert(.el0Write) }
        }
        let uxn = nv11 ? false : d & (1 << 54) != 0 || xnTable
        let pxn = nv11 ? d & (1 << 54) != 0 || xnTable : d & (1 << 53) != 0 || pxnTable
        if !uxn && !(wxn && p.contains(.el0Write)) { p.insert(.el0Execute) }
        if !pxn && !p.contains(.el0Write) && !(wxn && p.contains(.privilegedWrite)) { p.insert(.privilegedExecute) }
        return p
    }

    /// Stage 1 memory attributes: MAIR_ELx[AttrIndx] and SH (D8.6.2).
    func stage1Attributes(_ d: UInt64, _ regime: TranslationRegime) -> MemoryAttributes {
        let mair = systemRegisters[regime == .el10 ? SR.MAIR_EL1 : SR.MAIR_EL2]
        let index = (d >> 2) & 7
        let attr = UInt8(truncatingIfNeeded: mair >> (index * 8))
        var sh = UInt8((d >> 8) & 3)
        if attr & 0xF0 == 0 || attr == 0x44 { sh = 0b10 }  // Device and Normal NC are Outer Shareable
        return MemoryAttributes(mair: attr, shareability: sh)
    }

    /// Combines stage 1 and stage 2 attributes without FEAT_S2FWB (D8.6.5):
    /// Device beats Normal (the stronger Device type), otherwise the weaker
    /// cacheability of each of Inner and Outer.
    func combine(_ s1: MemoryAttributes, _ s2: MemoryAttributes) -> MemoryAttributes {
        if s2.mair == Self.useStage1 {
            // FWB's "stage 1 decides": SCTLR_EL1.C = 0 makes it Non-cacheable
            // (folded in here because isCacheableData skips C under FWB).
            if !s1.isDevice && systemRegisters[SR.SCTLR_EL1] & 4 == 0 && hcrEL2 & HCR.DC == 0 {
                return MemoryAttributes(mair: 0x44, shareability: s1.shareability)
            }
            return s1
        }
        if hcrEL2 & HCR.FWB != 0 {
            // FWB (D8.6.6): stage 2 enforces its type. Forced Write-Back is
            // Normal WB whatever stage 1 says (a guest with its MMU off
            // still uses the cacheable view); a Device stage 2 is Device (the
            // stronger of the two); forced Non-cacheable keeps a Device stage 1.
            if s2.isDevice {
                return MemoryAttributes(mair: s1.isDevice ? min(s1.mair, s2.mair) : s2.mair, shareability: 0b10)
            }
            if s2.mair == 0x44 && s1.isDevice { return s1 }
            return s2
        }
        if s1.isDevice || s2.isDevice {
            let t1 = s1.isDevice ? s1.mair : 0x0C, t2 = s2.isDevice ? s2.mair : 0x0C
            return MemoryAttributes(mair: min(t1, t2), shareability: 0b10)
        }
        func weaker(_ a: UInt8, _ b: UInt8) -> UInt8 {
            // 0b0100 Non-cacheable < Write-Through (0b00xx, 0b10xx) < Write-Back (0b01xx, 0b11xx)
            func rank(_ c: UInt8) -> Int { c == 0b0100 ? 0 : (c & 0b0100 == 0 ? 1 : 2) }
            return rank(a) <= rank(b) ? a : b
        }
        let outer = weaker(s1.mair >> 4, s2.mair >> 4), inner = weaker(s1.mair & 0xF, s2.mair & 0xF)
        // Shareability: the more shareable wins (Non < Inner < Outer).
        func rank(_ sh: UInt8) -> Int { sh == 0b10 ? 2 : (sh == 0b11 ? 1 : 0) }
        let sh = rank(s1.shareability) >= rank(s2.shareability) ? s1.shareability : s2.shareability
        let attr = outer << 4 | inner
        // Normal Non-cacheable (Inner and Outer) is Outer Shareable.
        return MemoryAttributes(mair: attr, shareability: attr == 0x44 ? 0b10 : sh)
    }

    // MARK: stage 2

    /// AArch64.S2Translate for `ipa`: from the TLB's stage-2 entries or a
    /// walk of VTTBR_EL2's tables (VTCR_EL2: T0SZ, SL0, TG0, PS; concatenated
    /// tables at the start level). Returns the stage 2 entry; checks stage 2
    /// read permission for table walks (S1PTW).
    func stage2Translate(_ ipa: UInt64, access: AccessKind, va: UInt64, s1ptw: Bool) throws(TranslationFault) -> TLBEntry {
        let context = TLBContext(regime: .el10, vmid: currentVMID, asid: 0)
        let entry: TLBEntry
        if let hit = tlb.lookup(.stage2, ipa, context) {
            entry = hit
            if explainStale { checkStaleStage2(hit, ipa) }
        } else {
            entry = try stage2Walk(ipa, access: access, va: va, s1ptw: s1ptw, vmid: context.vmid)
            tlb.insert(entry)
            if explainStale { observer?.translationCached(self, entry) }
        }
        if s1ptw && !entry.stage2.contains(.privilegedRead) {
            throw TranslationFault(.permission, level: Int(entry.level), stage2: true, s1ptw: true,
                                   access: access, va: va, ipa: ipa)
        }
        return entry
    }

    func stage2Walk(_ ipa: UInt64, access: AccessKind, va: UInt64, s1ptw: Bool, vmid: UInt16) throws(TranslationFault) -> TLBEntry {
        let vtcr = systemRegisters[SR.VTCR_EL2]
        func fault(_ kind: FaultKind, _ level: Int) -> TranslationFault {
            TranslationFault(kind, level: level, stage2: true, s1ptw: s1ptw, access: access, va: va, ipa: ipa)
        }
        let g = Self.granuleShift(tg: (vtcr >> 14) & 3, upper: false)
        let inputSize = 64 - Int(min(max(vtcr & 0x3F, 16), 39))
        let oaSize = Self.outputSize(vtcr >> 16)
        if ipa >> UInt64(inputSize) != 0 { throw fault(.translation, 0) }
        let sl0 = Int((vtcr >> 6) & 3)
        let startLevel: Int
        if g == 12 {
            guard sl0 < 3 else { throw fault(.translation, 0) }
            startLevel = 2 - sl0
        } else {
            guard sl0 < 3 else { throw fault(.translation, 0) }
            startLevel = 3 - sl0
        }
        let stride = g - 3
        let startShift = g + (3 - startLevel) * stride
        let startBits = inputSize - startShift
        // The start level must resolve at least one bit and at most 16
        // concatenated tables (D8.2.7); otherwise a level 0 fault.
        if startBits < 1 || startBits > stride + 4 { throw fault(.translation, 0) }
        var table = systemRegisters[SR.VTTBR_EL2] & 0x0000_FFFF_FFFF_FFFE
        if table >> UInt64(oaSize) != 0 { throw fault(.addressSize, startLevel) }
        table &= ~((8 << UInt64(startBits)) - 1)
        var level = startLevel
        while true {
            let shift = g + (3 - level) * stride
            let bits = level == startLevel ? startBits : stride
            let index = (ipa >> UInt64(shift)) & ((1 << UInt64(bits)) - 1)
            let pa = table | index << 3
            guard memory.isRAM(pa, 8) else { throw fault(.externalAbortOnWalk, level) }
            let d = physicalRead64(pa)
            if d & 1 == 0 { throw fault(.translation, level) }
            let isTable = d & 2 != 0 && level < 3
            if level == 3 && d & 2 == 0 { throw fault(.translation, level) }
            if !isTable && level < 3 && !Self.blockAllowed(granule: g, level: level) { throw fault(.translation, level) }
            let oa = d & 0x0000_FFFF_FFFF_F000 & ~((1 << UInt64(isTable ? g : shift)) - 1)
            if oa >> UInt64(oaSize) != 0 { throw fault(.addressSize, level) }
            if isTable { table = oa; level += 1; continue }
            if d & (1 << 10) == 0 { throw fault(.accessFlag, level) }
            // S2AP[7:6]: bit 6 read, bit 7 write; XN bit 54 (no FEAT_XNX).
            var p: Permissions = []
            if d & (1 << 6) != 0 { p.formUnion([.el0Read, .privilegedRead]) }
            if d & (1 << 7) != 0 { p.formUnion([.el0Write, .privilegedWrite]) }
            if d & (1 << 54) == 0 { p.formUnion([.el0Execute, .privilegedExecute]) }
            return TLBEntry(kind: .stage2, regime: .el10, vmid: vmid, asid: 0, global: true,
                            inputBase: ipa & ~((1 << UInt64(shift)) - 1), sizeShift: UInt8(shift),
                            level: UInt8(level), outputBase: oa, ipaBase: ipa & ~((1 << UInt64(shift)) - 1),
                            stage1: .all, stage2: p, stage2Level: UInt8(level),
                            attributes: Self.stage2Attributes(d, fwb: hcrEL2 & HCR.FWB != 0))
        }
    }

    /// Stage 2 MemAttr[3:0] (descriptor bits 5:2) as a MAIR-style byte:
    /// 0b00dd Device, otherwise Outer [3:2] and Inner [1:0] with 01 NC,
    /// 10 WT, 11 WB (D8.6.5). With HCR_EL2.FWB (FEAT_S2FWB, D8.6.6):
    /// MemAttr[2] = 0 is Device of type [1:0]; 0b101 forces Normal
    /// Non-cacheable, 0b110 forces Normal Write-Back, 0b111 uses stage 1's
    /// attributes (`useStage1`).
    static func stage2Attributes(_ d: UInt64, fwb: Bool = false) -> MemoryAttributes {
        let memAttr = UInt8((d >> 2) & 0xF)
        let sh = UInt8((d >> 8) & 3)
        if fwb {
            if memAttr & 4 == 0 { return MemoryAttributes(mair: (memAttr & 3) << 2, shareability: 0b10) }
            switch memAttr & 3 {
            case 0b01: return MemoryAttributes(mair: 0x44, shareability: 0b10)
            case 0b10: return MemoryAttributes(mair: 0xFF, shareability: sh)
            default: return MemoryAttributes(mair: useStage1, shareability: sh)
            }
        }
        if memAttr & 0xC == 0 { return MemoryAttributes(mair: (memAttr & 3) << 2, shareability: 0b10) }
        func expand(_ c: UInt8) -> UInt8 {
            switch c { case 1: return 0b0100; case 2: return 0b1010; default: return 0b1111 }
        }
        let inner = memAttr & 3 == 0 ? 0b0100 : expand(memAttr & 3)
        return MemoryAttributes(mair: expand(memAttr >> 2) << 4 | inner, shareability: sh)
    }

    /// The stage 2 attribute byte that means "stage 1's" under FWB (not a
    /// MAIR encoding any translation produces).
    static let useStage1: UInt8 = 0xF0
}
