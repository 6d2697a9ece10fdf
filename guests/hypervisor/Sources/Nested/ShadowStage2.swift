// ShadowStage2.swift - shadow stage-2 contexts (seed 004, arch-notes.md
// §1.4; KVM's struct kvm_s2_mmu in kvm->arch.nested_mmus): one per
// {VMID, VTTBR_EL2.BADDR, VTCR_EL2} the guest hypervisor runs an L2 with
// (VMID only when its stage 2 is off), each with tables of its own and a
// real VMID.  A shadow maps L2 IPA -> PA, the composition of the guest
// hypervisor's stage 2 (L2 IPA -> L1 IPA) and the host's (L1 IPA -> PA),
// filled one page at a time at the L2's stage-2 faults.  To the guest
// hypervisor a shadow is a TLB: its TLBIs remove what they cover
// (Nested/NestedTLBI.swift).

import HypArch

final class ShadowStage2 {
    var guestVMID: UInt64 = 0
    var baddr: UInt64 = 0
    var vtcr: UInt64 = 0
    var guestStage2: Bool = true
    let tables: Stage2
    var vmid: UInt64 = 0
    var vmidGeneration: UInt64 = 0
    /// Whether any page came from a level-1 block of the guest's tables
    /// (a TLBI must then look at the whole 1GB around its address).
    var hasLevel1Leaves = false
    let index: Int

    init(index: Int, pool: inout PagePool) {
        self.index = index
        tables = Stage2(pool: &pool)
    }

    var vttbr: UInt64 { tables.root | vmid << 48 }

    /// Software bits [56:55] of a shadow page descriptor (ignored by the
    /// table walk, D8.3.2): the level of the guest's leaf it came from, so
    /// that a TLBI of any page of a guest block removes the whole block, as
    /// it would remove a TLB entry for that block.
    static let levelShift: UInt64 = 55
    static func level(of d: UInt64) -> Int { Int(d >> levelShift & 3) }
}

/// The shadows of one VM: at most 2 per vCPU (KVM's nested_mmus size),
/// recycled round-robin.
final class ShadowPool {
    var contexts: [ShadowStage2] = []
    let capacity: Int
    private var next = 0

    init(vcpus: Int) { capacity = 2 * vcpus }

    /// The shadow for the guest hypervisor's current stage-2 registers, a
    /// new or recycled one if none matches.
    func context(for n: NestedVCPU, pool: inout PagePool) -> ShadowStage2 {
        let vmid = n.guestVMID, baddr = n[.vttbr] & 0x0000_FFFF_FFFF_FFFE, vtcr = n[.vtcr]
        let s2 = n.stage2Enabled
        for s in contexts where s.guestVMID == vmid && s.guestStage2 == s2 && (!s2 || (s.baddr == baddr && s.vtcr == vtcr)) {
            return s
        }
        let s: ShadowStage2
        if contexts.count < capacity {
            s = ShadowStage2(index: contexts.count, pool: &pool)
            contexts.append(s)
        } else {
            s = contexts[next]
            next = (next + 1) % capacity
            discard(s, pool: &pool)
        }
        s.guestVMID = vmid
        s.baddr = baddr
        s.vtcr = vtcr
        s.guestStage2 = s2
        hypervisor.trace("  shadow stage 2 #\(dec(s.index)) for guest VMID \(dec(vmid))\(s2 ? ", VTTBR \(hex(baddr)), VTCR \(hex(vtcr))" : ", stage 2 off")")
        return s
    }

    /// The shadows of guest VMID `vmid`.
    func matching(_ vmid: UInt64) -> [ShadowStage2] {
        var r: [ShadowStage2] = []
        for s in contexts where s.guestVMID == vmid { r.append(s) }
        return r
    }

    /// Empties a shadow: its tables, and its VMID's TLB entries.
    func discard(_ s: ShadowStage2, pool: inout PagePool) {
        s.tables.clear(pool: &pool)
        s.hasLevel1Leaves = false
        invalidateShadowVMID(s)
    }

    /// Every shadow emptied (KVM's kvm_nested_s2_unmap): the host changed
    /// the guest hypervisor's own stage 2, which every shadow composes.
    func discardAll(pool: inout PagePool) {
        for s in contexts { discard(s, pool: &pool) }
    }
}

/// TLBI VMALLS12E1IS for a shadow's real VMID, if it still holds one of
/// the current generation (a rollover already removed older ones).
func invalidateShadowVMID(_ s: ShadowStage2) {
    guard s.vmidGeneration == hypervisor.vmids.generation else { return }
    _ = hypCall(.tlbiInContext, s.vttbr, TLBIInContext.vmalls12e1is, 0)
}
