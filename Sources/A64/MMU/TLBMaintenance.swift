/// TLB maintenance instructions (ARM ARM D8.17, arch-notes.md 3.2 and 4):
/// which entries each TLBI removes, and on which PEs. They remove exactly
/// what the architecture requires (no more), so that a missing TLBI leaves
/// the stale entry in place.
///
/// What one TLBI removes is data (`TLBIScope`): the TLBs it reaches and the
/// tag fields an entry must match. The same value performs the TLBI and,
/// for `--explain-stale`, says why an entry it did not remove survived.
public struct TLBIScope: Sendable {
    /// The CPUs whose TLBs it reaches: one (a local form), or every CPU
    /// (the Inner or Outer Shareable forms; this machine's CPUs are all in
    /// one Inner Shareable domain).
    public var cpu: Int?
    /// The regimes whose entries it may remove, a bit per raw value (0: any).
    var regimes: UInt8 = 0
    var kind: TLBEntry.Kind?
    var vmid: UInt16?
    /// Non-global entries of another ASID survive; global ones too when
    /// `nonGlobalOnly` (TLBI ASIDE1).
    var asid: UInt16?
    var nonGlobalOnly = false
    /// By VA (combined entries: the stage-1 block they came from) or by
    /// IPA (stage-2 entries).
    var address: UInt64?
    var range: ClosedRange<UInt64>?
    /// The TTL hint: entries of another level need not be removed.
    var level: Int?
    /// An operand the architecture says invalidates nothing (a range with
    /// TG = 0).
    var reserved = false

    /// Why `e` is outside the scope, in the order the tag is compared.
    public enum Mismatch: Sendable, Equatable {
        case reservedOperand, regime, kind, vmid, global, asid, address, level
    }

    public func mismatch(_ e: TLBEntry) -> Mismatch? {
        if reserved { return .reservedOperand }
        if regimes != 0 && regimes & (1 << e.regime.rawValue) == 0 { return .regime }
        if let kind, e.kind != kind { return .kind }
        if let vmid, e.vmid != vmid { return .vmid }
        if nonGlobalOnly && e.global { return .global }
        if let asid, !(e.global && !nonGlobalOnly) && e.asid != asid { return .asid }
        if let address {
            if e.kind == .stage2 ? !e.covers(address) : !e.coveredByInvalidation(of: address) { return .address }
        }
        if let range, !CPU.overlaps(e, range) { return .address }
        if let level, Int(e.level) != level { return .level }
        return nil
    }

    @inline(__always) func matches(_ e: TLBEntry) -> Bool { mismatch(e) == nil }

    public var describedAddress: String? {
        if let range { return "\(String(range.lowerBound, radix: 16))-\(String(range.upperBound, radix: 16))" }
        return address.map { String($0, radix: 16) }
    }
    public var describedVMID: UInt16? { vmid }
    public var describedASID: UInt16? { asid }
    public var describedLevel: Int? { level }
    public var describedRegimes: [TranslationRegime] {
        [TranslationRegime.el10, .el2, .el20].filter { regimes & (1 << $0.rawValue) != 0 }
    }
    public var describedKind: TLBEntry.Kind? { kind }
}

extension CPU {
    /// Executes one TLBI with operand `xt`.
    func tlbInvalidate(_ op: TLBIOperation, _ shareability: Shareability, _ xt: UInt64) {
        let scope = tlbiScope(op, shareability, xt)
        if scope.reserved { return }
        // By address (VA or IPA, no range): only the sets the address falls in.
        let at = scope.range == nil ? scope.address : nil
        func invalidate(_ t: TLB) {
            let n = at.map { t.invalidate(at: $0, where: scope.matches) } ?? t.invalidate(where: scope.matches)
            shared.tlbEntriesInvalidated &+= UInt64(n)
        }
        if let cpu = scope.cpu { invalidate(shared.tlbs[cpu]) } else { shared.tlbs.forEach(invalidate) }
    }

    /// What a TLBI executed now would remove (D8.17.x for each form).
    public func tlbiScope(_ op: TLBIOperation, _ shareability: Shareability, _ xt: UInt64) -> TLBIScope {
        // HCR_EL2.FB: EL1 local forms are broadcast to the Inner Shareable domain.
        var broadcast = shareability != .local
        if currentEL == 1 && hcrEL2 & HCR.FB != 0 { broadcast = true }
        var s = TLBIScope(cpu: broadcast ? nil : index)
        let vmid = currentVMID
        // The EL1 forms act on EL2&0 when executed at EL2 with {E2H, TGE} =
        // {1, 1}; otherwise on EL1&0 with the current VMID.
        let el1Regime: TranslationRegime = currentEL == 2 && inHost ? .el20 : .el10
        let asid = UInt16(truncatingIfNeeded: xt >> 48)
        let e2h = hcrEL2 & HCR.E2H != 0
        func el1Combined() {
            s.regimes = 1 << el1Regime.rawValue; s.kind = .combined; s.vmid = el1Regime == .el10 ? vmid : 0
        }
        func byVA() { let (va, level) = Self.tlbiAddress(xt); s.address = va; s.level = level }
        func byRange(ipa: Bool = false) {
            if let r = Self.tlbiRange(xt, ipa: ipa) { s.range = r } else { s.reserved = true }
        }
        switch op {
        case .VMALLE1: el1Combined()
        case .VAE1, .VALE1: el1Combined(); byVA(); s.asid = asid
        case .VAAE1, .VAALE1: el1Combined(); byVA()
        case .ASIDE1: el1Combined(); s.asid = asid; s.nonGlobalOnly = true
        case .RVAE1, .RVALE1: el1Combined(); byRange(); s.asid = asid
        case .RVAAE1, .RVAALE1: el1Combined(); byRange()
        case .ALLE1: s.regimes = 1 << TranslationRegime.el10.rawValue
        case .VMALLS12E1: s.regimes = 1 << TranslationRegime.el10.rawValue; s.vmid = vmid
        case .IPAS2E1, .IPAS2LE1:
            // IPA[51:12] in Xt[39:0]; only stage 2 entries (D8.17.6.1: the
            // combined ones need a TLBI VMALLE1 as well).
            s.kind = .stage2; s.vmid = vmid
            s.address = (xt & 0xFF_FFFF_FFFF) << 12; s.level = Self.ttlLevel(xt)
        case .RIPAS2E1, .RIPAS2LE1:
            s.kind = .stage2; s.vmid = vmid; byRange(ipa: true)
        case .ALLE2: s.regimes = 1 << TranslationRegime.el2.rawValue | 1 << TranslationRegime.el20.rawValue
        case .VAE2, .VALE2:
            byVA()
            if e2h { s.regimes = 1 << TranslationRegime.el20.rawValue; s.asid = asid } else { s.regimes = 1 << TranslationRegime.el2.rawValue }
        case .RVAE2, .RVALE2:
            byRange()
            if e2h { s.regimes = 1 << TranslationRegime.el20.rawValue; s.asid = asid } else { s.regimes = 1 << TranslationRegime.el2.rawValue }
        }
        return s
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
