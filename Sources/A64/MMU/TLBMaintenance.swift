/// TLB maintenance instructions (ARM ARM D8.17, arch-notes.md 3.2 and 4):
/// which entries each TLBI removes, and on which PEs. They remove exactly
/// what the architecture requires (no more), so that a missing TLBI leaves
/// the stale entry in place.
extension CPU {
    /// Executes one TLBI with operand `xt`.
    func tlbInvalidate(_ op: TLBIOperation, _ shareability: Shareability, _ xt: UInt64) {
        // HCR_EL2.FB: EL1 local forms are broadcast to the Inner Shareable domain.
        var broadcast = shareability != .local
        if currentEL == 1 && hcrEL2 & HCR.FB != 0 { broadcast = true }
        let targets = broadcast ? shared.tlbs : [tlb]
        let vmid = currentVMID
        // The EL1 forms act on EL2&0 when executed at EL2 with {E2H, TGE} =
        // {1, 1}; otherwise on EL1&0 with the current VMID.
        let el1Regime: TranslationRegime = currentEL == 2 && inHost ? .el20 : .el10
        let el1VMID: UInt16 = el1Regime == .el10 ? vmid : 0
        let asid = UInt16(truncatingIfNeeded: xt >> 48)
        let e2h = hcrEL2 & HCR.E2H != 0

        func combinedEL1(_ e: TLBEntry) -> Bool {
            e.kind == .combined && e.regime == el1Regime && e.vmid == el1VMID
        }
        let matches: (TLBEntry) -> Bool
        switch op {
        case .VMALLE1:
            matches = combinedEL1
        case .VAE1, .VALE1:
            let (va, level) = Self.tlbiAddress(xt)
            matches = { combinedEL1($0) && $0.coveredByInvalidation(of: va) && ($0.global || $0.asid == asid) && Self.levelMatches($0, level) }
        case .VAAE1, .VAALE1:
            let (va, level) = Self.tlbiAddress(xt)
            matches = { combinedEL1($0) && $0.coveredByInvalidation(of: va) && Self.levelMatches($0, level) }
        case .ASIDE1:
            matches = { combinedEL1($0) && !$0.global && $0.asid == asid }
        case .RVAE1, .RVALE1:
            guard let range = Self.tlbiRange(xt) else { return }
            matches = { combinedEL1($0) && ($0.global || $0.asid == asid) && Self.overlaps($0, range) }
        case .RVAAE1, .RVAALE1:
            guard let range = Self.tlbiRange(xt) else { return }
            matches = { combinedEL1($0) && Self.overlaps($0, range) }
        case .ALLE1:
            matches = { $0.regime == .el10 }
        case .VMALLS12E1:
            matches = { $0.regime == .el10 && $0.vmid == vmid }
        case .IPAS2E1, .IPAS2LE1:
            // IPA[51:12] in Xt[39:0]; only stage 2 entries (D8.17.6.1: the
            // combined ones need a TLBI VMALLE1 as well).
            let ipa = (xt & 0xFF_FFFF_FFFF) << 12
            let level = Self.ttlLevel(xt)
            matches = { $0.kind == .stage2 && $0.vmid == vmid && $0.covers(ipa) && Self.levelMatches($0, level) }
        case .RIPAS2E1, .RIPAS2LE1:
            guard let range = Self.tlbiRange(xt, ipa: true) else { return }
            matches = { $0.kind == .stage2 && $0.vmid == vmid && Self.overlaps($0, range) }
        case .ALLE2:
            matches = { $0.regime == .el2 || $0.regime == .el20 }
        case .VAE2, .VALE2:
            let (va, level) = Self.tlbiAddress(xt)
            if e2h {
                matches = { $0.regime == .el20 && $0.coveredByInvalidation(of: va) && ($0.global || $0.asid == asid) && Self.levelMatches($0, level) }
            } else {
                matches = { $0.regime == .el2 && $0.coveredByInvalidation(of: va) && Self.levelMatches($0, level) }
            }
        case .RVAE2, .RVALE2:
            guard let range = Self.tlbiRange(xt) else { return }
            if e2h {
                matches = { $0.regime == .el20 && ($0.global || $0.asid == asid) && Self.overlaps($0, range) }
            } else {
                matches = { $0.regime == .el2 && Self.overlaps($0, range) }
            }
        }
        for t in targets { shared.tlbEntriesInvalidated &+= UInt64(t.invalidate(where: matches)) }
    }

    /// The VA of a TLBI by VA: VA[55:12] in Xt[43:0], sign-extended from
    /// bit 55 (the range of TTBR1), and the TTL level hint.
    static func tlbiAddress(_ xt: UInt64) -> (va: UInt64, level: Int?) {
        var va = (xt & 0xFFF_FFFF_FFFF) << 12
        if va & (1 << 55) != 0 { va |= 0xFF00_0000_0000_0000 }
        return (va, ttlLevel(xt))
    }

    /// FEAT_TTL: Xt[47:44] = TG:level; 0b00xx means no hint. An entry of
    /// another level need not be removed, and is not.
    static func ttlLevel(_ xt: UInt64) -> Int? {
        let ttl = (xt >> 44) & 0xF
        guard ttl >> 2 != 0 else { return nil }
        let level = Int(ttl & 3)
        // Level 0 with a 4K or 16K granule and any 64K hint with level 0 are
        // reserved: no hint.
        if level == 0 { return nil }
        return level
    }

    @inline(__always) static func levelMatches(_ e: TLBEntry, _ level: Int?) -> Bool {
        guard let level else { return true }
        return Int(e.level) == level
    }

    /// FEAT_TLBIRANGE operand (D8.17.5.3): BaseADDR [36:0] in units of the
    /// granule TG [47:46], SCALE [45:44], NUM [43:39]; the range is
    /// (NUM + 1) * 2^(5 * SCALE + 1) pages. TG = 0 is reserved: nothing is
    /// required to be invalidated. The ASID, when used, is in Xt[63:48].
    static func tlbiRange(_ xt: UInt64, ipa: Bool = false) -> ClosedRange<UInt64>? {
        let tg = (xt >> 46) & 3
        let shift: UInt64
        switch tg { case 1: shift = 12; case 2: shift = 14; case 3: shift = 16; default: return nil }
        let scale = (xt >> 44) & 3, num = (xt >> 39) & 0x1F
        var base = (xt & 0x1F_FFFF_FFFF) << shift
        if !ipa && base & (1 << 55) != 0 { base |= 0xFF00_0000_0000_0000 }
        let pages = (num + 1) << (5 * scale + 1)
        let length = pages << shift
        return base...(base &+ length &- 1)
    }

    @inline(__always) static func overlaps(_ e: TLBEntry, _ r: ClosedRange<UInt64>) -> Bool {
        // By the stage-1 block for combined entries (see TLBEntry.stage1SizeShift).
        let shift = UInt64(max(e.sizeShift, e.stage1SizeShift))
        let first = e.inputBase & ~((1 << shift) &- 1)
        let last = first &+ (1 << shift) &- 1
        return first <= r.upperBound && last >= r.lowerBound
    }
}
