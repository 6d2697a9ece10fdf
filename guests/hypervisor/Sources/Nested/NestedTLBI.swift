// NestedTLBI.swift - the TLBIs a guest hypervisor issues at virtual EL2
// (trapped: the EL2 forms by HCR_EL2.NV, the EL1 forms by TTLB), emulated
// as KVM's sys_regs.c does (handle_ipas2e1is, handle_ripas2e1is,
// handle_vmalls12e1is, handle_alle1is, handle_tlbi_el1, and the EL2
// stage-1 forms of hyp/vhe/tlb.c), every one performed Inner Shareable
// whatever the guest asked (NSH and OS upgraded), nXS as XS, the TTL hint
// not trusted (arch-notes.md §1.4):
//   - EL2 stage 1 (ALLE2, VAE2, VALE2, RVAE2, RVALE2): virtual EL2's own
//     translations, which the CPU holds under the VM's VMID as EL1&0
//     entries: the matching EL1 form, any ASID, with the VM's VMID;
//   - EL1 stage 1 (VMALLE1, VAE1, ASIDE1, ...): on every shadow of the
//     guest's current VMID, with that shadow's VMID;
//   - stage 2 (IPAS2E1, IPAS2LE1, RIPAS2E1, RIPAS2LE1, VMALLS12E1, ALLE1):
//     the shadow pages they cover leave the shadows of the guest's VMID
//     (ALLE1: every shadow), with TLBI IPAS2E1IS / VMALLS12E1IS for each.
//     IPAS2E1 does not remove combined stage 1 + stage 2 entries (D8.17.6):
//     the guest's own TLBI VMALLE1IS after it does, as on hardware.
// `--without-fix shadow-s2-tlbi` runs the stage-2 forms on the guest
// hypervisor's own VMID instead and leaves the shadows alone: the L2 keeps
// its old pages.

import HypArch

enum NestedTLBIKind {
    case el1(UInt32)            // tlbi_el1_op (hyp.h), IS form
    case el2(UInt32)            // EL2 stage 1: the EL1 form to run on the VM's VMID
    case ipas2                  // one IPA (IPAS2E1*, IPAS2LE1*)
    case ripas2                 // a range (RIPAS2E1*, RIPAS2LE1*)
    case vmalls12               // every entry of the guest's VMID
    case alle1                  // every entry of every guest VMID
}

struct NestedTLBIRow {
    let name: String
    let op1: UInt64
    let crm: UInt64
    let op2: UInt64
    let kind: NestedTLBIKind
}

private func row(_ name: String, _ op1: UInt64, _ crm: UInt64, _ op2: UInt64, _ kind: NestedTLBIKind) -> NestedTLBIRow {
    NestedTLBIRow(name: name, op1: op1, crm: crm, op2: op2, kind: kind)
}

/// TLBI encodings (op0 1, CRn 8; CRn 9 the nXS forms), D24.4 / C5.5.
let nestedTLBITable: [NestedTLBIRow] = [
    // EL1 stage 1: CRm 3 IS, 1 OS, 7 local; range forms CRm 2 IS, 5 OS, 6 local.
    row("VMALLE1IS", 0, 3, 0, .el1(UInt32(TLBI_VMALLE1IS.rawValue))),
    row("VMALLE1OS", 0, 1, 0, .el1(UInt32(TLBI_VMALLE1IS.rawValue))),
    row("VMALLE1", 0, 7, 0, .el1(UInt32(TLBI_VMALLE1IS.rawValue))),
    row("VAE1IS", 0, 3, 1, .el1(UInt32(TLBI_VAE1IS.rawValue))),
    row("VAE1OS", 0, 1, 1, .el1(UInt32(TLBI_VAE1IS.rawValue))),
    row("VAE1", 0, 7, 1, .el1(UInt32(TLBI_VAE1IS.rawValue))),
    row("ASIDE1IS", 0, 3, 2, .el1(UInt32(TLBI_ASIDE1IS.rawValue))),
    row("ASIDE1OS", 0, 1, 2, .el1(UInt32(TLBI_ASIDE1IS.rawValue))),
    row("ASIDE1", 0, 7, 2, .el1(UInt32(TLBI_ASIDE1IS.rawValue))),
    row("VAAE1IS", 0, 3, 3, .el1(UInt32(TLBI_VAAE1IS.rawValue))),
    row("VAAE1OS", 0, 1, 3, .el1(UInt32(TLBI_VAAE1IS.rawValue))),
    row("VAAE1", 0, 7, 3, .el1(UInt32(TLBI_VAAE1IS.rawValue))),
    row("VALE1IS", 0, 3, 5, .el1(UInt32(TLBI_VALE1IS.rawValue))),
    row("VALE1OS", 0, 1, 5, .el1(UInt32(TLBI_VALE1IS.rawValue))),
    row("VALE1", 0, 7, 5, .el1(UInt32(TLBI_VALE1IS.rawValue))),
    row("VAALE1IS", 0, 3, 7, .el1(UInt32(TLBI_VAALE1IS.rawValue))),
    row("VAALE1OS", 0, 1, 7, .el1(UInt32(TLBI_VAALE1IS.rawValue))),
    row("VAALE1", 0, 7, 7, .el1(UInt32(TLBI_VAALE1IS.rawValue))),
    row("RVAE1IS", 0, 2, 1, .el1(UInt32(TLBI_RVAE1IS.rawValue))),
    row("RVAE1OS", 0, 5, 1, .el1(UInt32(TLBI_RVAE1IS.rawValue))),
    row("RVAE1", 0, 6, 1, .el1(UInt32(TLBI_RVAE1IS.rawValue))),
    row("RVAAE1IS", 0, 2, 3, .el1(UInt32(TLBI_RVAAE1IS.rawValue))),
    row("RVAAE1OS", 0, 5, 3, .el1(UInt32(TLBI_RVAAE1IS.rawValue))),
    row("RVAAE1", 0, 6, 3, .el1(UInt32(TLBI_RVAAE1IS.rawValue))),
    row("RVALE1IS", 0, 2, 5, .el1(UInt32(TLBI_RVALE1IS.rawValue))),
    row("RVALE1OS", 0, 5, 5, .el1(UInt32(TLBI_RVALE1IS.rawValue))),
    row("RVALE1", 0, 6, 5, .el1(UInt32(TLBI_RVALE1IS.rawValue))),
    row("RVAALE1IS", 0, 2, 7, .el1(UInt32(TLBI_RVAALE1IS.rawValue))),
    row("RVAALE1OS", 0, 5, 7, .el1(UInt32(TLBI_RVAALE1IS.rawValue))),
    row("RVAALE1", 0, 6, 7, .el1(UInt32(TLBI_RVAALE1IS.rawValue))),
    // Stage 2 by IPA: CRm 0 IS, 4 local and OS.
    row("IPAS2E1IS", 4, 0, 1, .ipas2),
    row("IPAS2LE1IS", 4, 0, 5, .ipas2),
    row("RIPAS2E1IS", 4, 0, 2, .ripas2),
    row("RIPAS2LE1IS", 4, 0, 6, .ripas2),
    row("IPAS2E1OS", 4, 4, 0, .ipas2),
    row("IPAS2E1", 4, 4, 1, .ipas2),
    row("RIPAS2E1", 4, 4, 2, .ripas2),
    row("RIPAS2E1OS", 4, 4, 3, .ripas2),
    row("IPAS2LE1OS", 4, 4, 4, .ipas2),
    row("IPAS2LE1", 4, 4, 5, .ipas2),
    row("RIPAS2LE1", 4, 4, 6, .ripas2),
    row("RIPAS2LE1OS", 4, 4, 7, .ripas2),
    // EL2 and all-VMID forms: CRm 3 IS, 1 OS, 7 local; EL2 ranges CRm 2 IS, 5 OS, 6 local.
    row("ALLE2IS", 4, 3, 0, .el2(UInt32(TLBI_VMALLE1IS.rawValue))),
    row("ALLE2OS", 4, 1, 0, .el2(UInt32(TLBI_VMALLE1IS.rawValue))),
    row("ALLE2", 4, 7, 0, .el2(UInt32(TLBI_VMALLE1IS.rawValue))),
    row("VAE2IS", 4, 3, 1, .el2(UInt32(TLBI_VAAE1IS.rawValue))),
    row("VAE2OS", 4, 1, 1, .el2(UInt32(TLBI_VAAE1IS.rawValue))),
    row("VAE2", 4, 7, 1, .el2(UInt32(TLBI_VAAE1IS.rawValue))),
    row("VALE2IS", 4, 3, 5, .el2(UInt32(TLBI_VAALE1IS.rawValue))),
    row("VALE2OS", 4, 1, 5, .el2(UInt32(TLBI_VAALE1IS.rawValue))),
    row("VALE2", 4, 7, 5, .el2(UInt32(TLBI_VAALE1IS.rawValue))),
    row("RVAE2IS", 4, 2, 1, .el2(UInt32(TLBI_RVAAE1IS.rawValue))),
    row("RVAE2OS", 4, 5, 1, .el2(UInt32(TLBI_RVAAE1IS.rawValue))),
    row("RVAE2", 4, 6, 1, .el2(UInt32(TLBI_RVAAE1IS.rawValue))),
    row("RVALE2IS", 4, 2, 5, .el2(UInt32(TLBI_RVAALE1IS.rawValue))),
    row("RVALE2OS", 4, 5, 5, .el2(UInt32(TLBI_RVAALE1IS.rawValue))),
    row("RVALE2", 4, 6, 5, .el2(UInt32(TLBI_RVAALE1IS.rawValue))),
    row("ALLE1IS", 4, 3, 4, .alle1),
    row("ALLE1OS", 4, 1, 4, .alle1),
    row("ALLE1", 4, 7, 4, .alle1),
    row("VMALLS12E1IS", 4, 3, 6, .vmalls12),
    row("VMALLS12E1OS", 4, 1, 6, .vmalls12),
    row("VMALLS12E1", 4, 7, 6, .vmalls12),
]

/// The row of a TLBI encoding, by index: an Optional<NestedTLBIRow> comes
/// back from a function with its name's String flags cleared (seen with
/// Embedded Swift 6.3 at -Osize), so the row is read from the table.
func nestedTLBI(op1: UInt64, crn: UInt64, crm: UInt64, op2: UInt64) -> Int? {
    guard crn == 8 || crn == 9 else { return nil }
    for i in 0..<nestedTLBITable.count {
        let r = nestedTLBITable[i]
        if r.op1 == op1 && r.crm == crm && r.op2 == op2 { return i }
    }
    return nil
}

/// Performs `row` for the guest hypervisor of `v` with operand `xt`.
func emulateNestedTLBI(_ v: VCPU, _ n: NestedVCPU, row index: Int, nXS: Bool, xt: UInt64, trace: String) {
    let h = hypervisor!
    let row = nestedTLBITable[index]
    let vm = v.vm
    let name = "TLBI " + row.name + (nXS ? "nXS" : "")
    let fixed = h.options.fixes.isOn(.shadowStage2TLBI)
    let vmid = n.guestVMID
    switch row.kind {
    case .el1(let op):
        var done = ""
        for s in vm.shadows!.matching(vmid) where s.vmidGeneration == h.vmids.generation {
            _ = hypCall(.tlbiInContext, s.vttbr, UInt64(op), xt)
            done += " #" + dec(s.index) + " (VMID " + dec(s.vmid) + ")"
        }
        h.trace("\(trace) exit SYS64 \(name) \(hex(xt)): on the shadows of guest VMID \(dec(vmid)):\(done.isEmpty ? " none" : done)")
    case .el2(let op):
        if h.vmids.assign(vm) { h.trace("  (VMID rollover)") }
        _ = hypCall(.tlbiInContext, vm.stage2.root | vm.vmid << 48, UInt64(op), xt)
        h.trace("\(trace) exit SYS64 \(name) \(hex(xt)): virtual EL2's own entries, VMID \(dec(vm.vmid))")
    case .ipas2, .ripas2:
        let (lo, hi) = row.kind == .ripas2 ? rangeOperand(xt) : ((xt & 0xF_FFFF_FFFF) << 12, ((xt & 0xF_FFFF_FFFF) << 12) + pageSize)
        guard fixed else {
            passThrough(vm, TLBIInContext.ipas2e1is, lo, name: name, trace: trace)
            return
        }
        var done = ""
        for s in vm.shadows!.matching(vmid) {
            let removed = removeCovering(s, lo: lo, hi: hi)
            if s.vmidGeneration == h.vmids.generation {
                for ipa in removed { _ = hypCall(.tlbiInContext, s.vttbr, TLBIInContext.ipas2e1is, ipa) }
            }
            done += " #" + dec(s.index) + ": " + dec(removed.count) + " page(s)"
        }
        h.trace("\(trace) exit SYS64 \(name) [\(hex(lo)), \(hex(hi))): guest VMID \(dec(vmid)) shadows:\(done.isEmpty ? " none" : done)")
    case .vmalls12, .alle1:
        guard fixed else {
            passThrough(vm, TLBIInContext.vmalls12e1is, 0, name: name, trace: trace)
            return
        }
        let all = row.kind == .alle1
        var done = ""
        for s in all ? vm.shadows!.contexts : vm.shadows!.matching(vmid) {
            vm.shadows!.discard(s, pool: &h.pool)
            done += " #" + dec(s.index)
        }
        h.trace("\(trace) exit SYS64 \(name): shadows emptied\(all ? "" : " for guest VMID " + dec(vmid)):\(done.isEmpty ? " none" : done)")
    }
}

extension NestedTLBIKind: Equatable {}

/// Without the fix: the stage-2 TLBI on the guest hypervisor's own VMID,
/// as if its stage 2 were the one the CPU walks; the shadows stay.
private func passThrough(_ vm: VM, _ op: UInt64, _ ipa: UInt64, name: String, trace: String) {
    let h = hypervisor!
    if h.vmids.assign(vm) { h.trace("  (VMID rollover)") }
    _ = hypCall(.tlbiInContext, vm.stage2.root | vm.vmid << 48, op, ipa)
    h.trace("\(trace) exit SYS64 \(name): on VMID \(dec(vm.vmid)) only, shadows left as they are (shadow-s2-tlbi off)")
}

/// RIPAS2E1's operand (D8.17.5.2, 4KB granule): BaseADDR [36:0] = IPA[48:12],
/// (NUM [43:39] + 1) << (5 * SCALE [45:44] + 1) pages.
private func rangeOperand(_ xt: UInt64) -> (UInt64, UInt64) {
    let base = (xt & 0x1F_FFFF_FFFF) << 12
    let pages = ((xt >> 39 & 31) + 1) << (5 * (xt >> 44 & 3) + 1)
    return (base, base + pages * pageSize)
}

/// Removes from `s` every page whose guest leaf (a page, or a 2MB or 1GB
/// block, by the level it was tagged with) overlaps [lo, hi): what a TLBI
/// of that range removes from a TLB.
private func removeCovering(_ s: ShadowStage2, lo: UInt64, hi: UInt64) -> [UInt64] {
    let span: UInt64 = s.hasLevel1Leaves ? 1 << 30 : 1 << 21
    let from = lo & ~(span - 1), to = (hi + span - 1) & ~(span - 1)
    return s.tables.unmap(from: from, to: to) { ipa, d in
        let size: UInt64 = 1 << UInt64(12 + 9 * (3 - max(ShadowStage2.level(of: d), 1)))
        let start = ipa & ~(size - 1)
        return start < hi && start + size > lo
    }
}
