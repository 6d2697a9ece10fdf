/// What the debugger shows of translation: a CPU's TLB entries, and the
/// descriptors a walk for one VA reads. Neither changes any state (no TLB
/// fill, no fault taken).
extension CPU {
    /// The entries of this CPU's TLB, ordered by regime, VMID, ASID and
    /// address.
    public var tlbEntries: [TLBEntry] {
        tlb.entries.sorted {
            ($0.regime.rawValue, $0.kind.rawValue, $0.vmid, $0.asid, $0.inputBase)
                < ($1.regime.rawValue, $1.kind.rawValue, $1.vmid, $1.asid, $1.inputBase)
        }
    }

    /// One step of a stage 1 walk: the level, where the descriptor was read
    /// (its IPA or PA, and the PA after stage 2), and its value.
    public struct WalkStep: Equatable, Sendable {
        public var level: Int
        public var descriptorAddress: UInt64
        public var descriptorPA: UInt64?
        public var descriptor: UInt64?
        /// log2 of the size of the block or page a leaf here maps.
        public var blockShift: Int = 12
    }

    /// The descriptors a stage 1 walk of `va` in the regime of `el` reads,
    /// from the current registers and memory (not the TLB), until a leaf,
    /// an invalid descriptor or an unreadable table. Empty when stage 1 is
    /// disabled.
    public func describeWalk(_ va: UInt64, el: UInt8? = nil) -> [WalkStep] {
        let regime = regime(forEL: el ?? currentEL)
        guard stage1Enabled(regime) else { return [] }
        let tcr = systemRegisters[regime == .el10 ? SR.TCR_EL1 : SR.TCR_EL2]
        let upper = regime.hasTwoRanges && va & (1 << 55) != 0
        let txsz = regime == .el2 || !upper ? tcr & 0x3F : (tcr >> 16) & 0x3F
        let tg = regime == .el2 || !upper ? (tcr >> 14) & 3 : (tcr >> 30) & 3
        let ttbr = systemRegisters[regime == .el10 ? (upper ? SR.TTBR1_EL1 : SR.TTBR0_EL1)
                                   : (upper && regime == .el20 ? SR.TTBR1_EL2 : SR.TTBR0_EL2)]
        let g = Self.granuleShift(tg: tg, upper: upper)
        let inputSize = 64 - Int(min(max(txsz, 16), 39))
        let stride = g - 3
        let startLevel = 4 - (inputSize - g + stride - 1) / stride
        var table = ttbr & 0x0000_FFFF_FFFF_FFFE
        var steps: [WalkStep] = []
        var level = startLevel
        while level <= 3 {
            let shift = g + (3 - level) * stride
            let bits = level == startLevel ? inputSize - shift : stride
            if level == startLevel { table &= ~((8 << UInt64(bits)) - 1) }
            let address = table | ((va >> UInt64(shift)) & ((1 << UInt64(bits)) - 1)) << 3
            var pa: UInt64? = address
            if stage2Enabled(regime) {
                pa = (try? stage2Walk(address, access: .read, va: va, s1ptw: true, vmid: currentVMID))
                    .map { $0.outputBase | (address & ($0.size &- 1)) }
            }
            var step = WalkStep(level: level, descriptorAddress: address, descriptorPA: pa, descriptor: nil,
                                blockShift: shift)
            guard let p = pa, memory.isRAM(p, 8) else { steps.append(step); break }
            let d = physicalRead64(p)
            step.descriptor = d
            steps.append(step)
            guard d & 3 == 3 && level < 3 else { break }
            table = d & 0x0000_FFFF_FFFF_F000 & ~((1 << UInt64(g)) - 1)
            level += 1
        }
        return steps
    }

    /// The PA `va` reaches in the regime of `el` (default: the current EL)
    /// from the current tables, stage 2 included, or nil if a walk faults:
    /// for the debugger's memory views. Like `describeWalk` it reads
    /// memory directly and changes nothing (no TLB fill, no fault, no
    /// Access flag update).
    public func inspectTranslate(_ va: UInt64, el: UInt8? = nil) -> UInt64? {
        let e = el ?? currentEL
        let regime = regime(forEL: e)
        var ipa = va
        if stage1Enabled(regime) {
            guard let last = describeWalk(va, el: e).last, let d = last.descriptor,
                  d & 1 == 1, last.level == 3 ? d & 3 == 3 : d & 3 == 1 else { return nil }
            let mask: UInt64 = (1 << UInt64(last.blockShift)) - 1
            ipa = (d & 0x0000_FFFF_FFFF_F000 & ~mask) | (va & mask)
        }
        guard stage2Enabled(regime) else { return ipa }
        guard let s2 = try? stage2Walk(ipa, access: .read, va: va, s1ptw: false, vmid: currentVMID) else { return nil }
        return s2.outputBase | (ipa & (s2.size &- 1))
    }

    /// `--explain-stale`: the PA a TLB hit gives against the one the tables
    /// give now (a walk that changes nothing); a difference is reported.
    @inline(never) func checkStaleTranslation(_ hit: TLBEntry, _ address: UInt64, el: UInt8) {
        let used = hit.outputBase | (address & (hit.size &- 1))
        let fresh = inspectTranslate(address, el: el)
        if fresh != used { observer?.staleTranslation(self, va: address, used: hit, usedPA: used, freshPA: fresh) }
    }

    /// `--explain-stale`: a stage-2 TLB hit (for an access with stage 1
    /// off, or for stage 1's own walk) against stage 2's tables now.
    @inline(never) func checkStaleStage2(_ hit: TLBEntry, _ ipa: UInt64) {
        let used = hit.outputBase | (ipa & (hit.size &- 1))
        let fresh = (try? stage2Walk(ipa, access: .read, va: ipa, s1ptw: false, vmid: currentVMID))
            .map { $0.outputBase | (ipa & ($0.size &- 1)) }
        if fresh != used { observer?.staleTranslation(self, va: ipa, used: hit, usedPA: used, freshPA: fresh) }
    }

    /// The translation context of the current EL: regime, VMID and ASID
    /// (the TLB tag its accesses use), for the debugger's `info vmid`.
    public var currentContext: (regime: TranslationRegime, vmid: UInt16, asid: UInt16) {
        let c = tlbContext(regime(forEL: currentEL))
        return (c.regime, c.vmid, c.asid)
    }


    /// The descriptors a stage 2 walk of `ipa` reads from VTTBR_EL2 and
    /// VTCR_EL2 as they are now (whether or not HCR_EL2.VM enables stage 2
    /// at this moment: a hypervisor at EL2 looks at its guest's tables),
    /// until a leaf, an invalid descriptor or an unreadable table.
    public func describeStage2Walk(_ ipa: UInt64) -> [WalkStep] {
        let vtcr = systemRegisters[SR.VTCR_EL2]
        let g = Self.granuleShift(tg: (vtcr >> 14) & 3, upper: false)
        let inputSize = 64 - Int(min(max(vtcr & 0x3F, 16), 39))
        let sl0 = Int((vtcr >> 6) & 3)
        guard sl0 < 3, ipa >> UInt64(inputSize) == 0 else { return [] }
        let startLevel = (g == 12 ? 2 : 3) - sl0
        let stride = g - 3
        let startBits = inputSize - (g + (3 - startLevel) * stride)
        guard startBits >= 1 && startBits <= stride + 4 else { return [] }
        var table = systemRegisters[SR.VTTBR_EL2] & 0x0000_FFFF_FFFF_FFFE & ~((8 << UInt64(startBits)) - 1)
        var steps: [WalkStep] = []
        for level in startLevel...3 {
            let shift = g + (3 - level) * stride
            let bits = level == startLevel ? startBits : stride
            let pa = table | ((ipa >> UInt64(shift)) & ((1 << UInt64(bits)) - 1)) << 3
            var step = WalkStep(level: level, descriptorAddress: pa, descriptorPA: pa, descriptor: nil, blockShift: shift)
            guard memory.isRAM(pa, 8) else { steps.append(step); break }
            let d = physicalRead64(pa)
            step.descriptor = d
            steps.append(step)
            guard d & 3 == 3 && level < 3 else { break }
            table = d & 0x0000_FFFF_FFFF_F000 & ~((1 << UInt64(g)) - 1)
        }
        return steps
    }
}
