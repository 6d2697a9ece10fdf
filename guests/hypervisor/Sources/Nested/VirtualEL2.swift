// VirtualEL2.swift - a guest hypervisor's virtual EL2 (`--nested`): the
// guest (L1) runs at EL1 with HCR_EL2.NV and NV1 set (FEAT_NV without
// FEAT_NV2), believes it is at EL2, and its EL2 registers live in a
// per-vCPU file here.  What the CPU itself needs to run EL2 code at EL1 -
// the stage-1 and exception registers - is loaded into the EL1 registers
// ("twins"); the L2's values of those EL1 registers wait in `l2` meanwhile.
// The shape of KVM's arch/arm64/kvm/nested.c and emulate-nested.c for a
// guest hypervisor with HCR_EL2.E2H = 0, less FEAT_NV2 (whose VNCR page
// replaces most of these traps with memory accesses).

import HypArch

/// The virtual EL2 registers of a vCPU, E2H = 0 layout (ARM ARM D24.2).
/// `sp` is SP_EL2, which EL2 code uses as its stack pointer.
enum VEL2: Int {
    case hcr, vttbr, vtcr, sctlr, actlr, mdcr, cptr, hstr, hacr, ttbr0, tcr
    case spsr, elr, afsr0, afsr1, esr, far, hpfar, mair, amair, vbar
    case contextidr, tpidr, cntvoff, cnthctl, cnthpCtl, cnthpCval, vpidr, vmpidr, sp
    static let count = 30
}

/// The EL2 registers the CPU uses while virtual EL2 runs at EL1, each with
/// the EL1 register it is loaded into.  Each EL1 twin's access from virtual
/// EL2 traps (HCR_EL2.TVM/TRVM: SCTLR, TTBR0, TCR, MAIR, ESR, FAR; NV1:
/// VBAR, ELR, SPSR; NV: SP_EL1; CPTR_EL2.TCPAC: CPACR), so the guest
/// hypervisor's accesses to its L2's EL1 registers reach `l2` instead.
let virtualEL2Twins: [(VEL2, vcpu_sysreg)] = [
    (.sctlr, VCPU_SCTLR), (.ttbr0, VCPU_TTBR0), (.tcr, VCPU_TCR), (.mair, VCPU_MAIR), (.vbar, VCPU_VBAR),
    (.elr, VCPU_ELR), (.spsr, VCPU_SPSR), (.esr, VCPU_ESR), (.far, VCPU_FAR), (.sp, VCPU_SP_EL1), (.cptr, VCPU_CPACR),
]

/// The twins the CPU writes itself when virtual EL2 takes an exception at
/// EL1 without the host (an UNDEFINED instruction, an alignment fault): the
/// file takes their values back at every exit.
private func writtenByHardware(_ r: VEL2) -> Bool {
    r == .elr || r == .spsr || r == .esr || r == .far || r == .sp
}

extension HCR {
    /// The guest hypervisor's HCR_EL2 bits that apply to its L2 as they
    /// are (the trap and attribute controls, D24.2 HCR_EL2): SWIO, PTW, DC,
    /// TID0-3, TIDCP, TACR, TSW, TPCP, TPU, TTLB, TVM, TDZ, TRVM, TLOR,
    /// TID4, TTLBIS, TTLBOS.  TSC, TWI and TWE are the host's own too.
    static let forwardedToL2: UInt64 = 1 << 1 | 1 << 2 | 1 << 12 | 0xF << 15 | 1 << 20 | 1 << 21 | 1 << 22
        | 1 << 23 | 1 << 24 | 1 << 25 | 1 << 26 | 1 << 28 | 1 << 30 | 1 << 35 | 1 << 49 | 1 << 54 | 1 << 55
    /// What the guest hypervisor cannot set in its virtual HCR_EL2: TGE and
    /// E2H (virtual EL2 is non-VHE only), NV, NV1, AT and NV2 (no nesting
    /// below it), FWB (its stage 2 is read without FEAT_S2FWB).  They read
    /// as 0.
    static let notWritableAtVirtualEL2: UInt64 = tge | e2h | nv | nv1 | at | 1 << 45 | fwb
}

/// A vCPU whose guest is a hypervisor: its virtual EL2 file, where it runs
/// (virtual EL2, or its L2 at EL1/EL0), and the L2's shadow stage 2.
final class NestedVCPU {
    var el2 = [UInt64](repeating: 0, count: VEL2.count)
    /// The L2's EL1 values of the twins while virtual EL2 runs.
    var l2 = [UInt64](repeating: 0, count: virtualEL2Twins.count)
    /// What each twin was last loaded with (to see the CPU's own writes).
    var loaded = [UInt64](repeating: 0, count: virtualEL2Twins.count)
    var inVirtualEL2 = true
    /// The L2's shadow stage-2 context while the L2 runs.
    var shadow: ShadowStage2?

    subscript(_ r: VEL2) -> UInt64 {
        get { el2[r.rawValue] }
        set { el2[r.rawValue] = newValue }
    }

    /// The guest hypervisor's VMID for its L2 (VTTBR_EL2.VMID, 8 bits
    /// unless VTCR_EL2.VS).
    var guestVMID: UInt64 { self[.vttbr] >> 48 & (self[.vtcr] & (1 << 19) != 0 ? 0xFFFF : 0xFF) }
    var stage2Enabled: Bool { self[.hcr] & HCR.vm != 0 }
    /// SCTLR_EL2.M and C: the guest hypervisor's own accesses are cacheable.
    var cachesEnabled: Bool { self[.sctlr] & 0b101 == 0b101 }

    /// Reset: virtual EL2h with its MMU off, the L2's EL1 registers at reset.
    func reset(mpidr: UInt64) {
        for i in 0..<el2.count { el2[i] = 0 }
        self[.sctlr] = 0x30C5_0830                  // SCTLR_EL2 RES1 bits, M = C = I = 0
        self[.vmpidr] = mpidr
        self[.vpidr] = read_midr_el1()
        self[.cptr] = 0x33FF                        // RES1 bits (E2H = 0 layout), no traps
        for i in 0..<l2.count { l2[i] = 0 }
        l2[0] = 0x30D0_0800                         // SCTLR_EL1 as VCPU.reset leaves it
        inVirtualEL2 = true
        shadow = nil
    }

    /// The value of an EL2 register as its EL1 twin needs it.
    private static func toHardware(_ r: VEL2, _ v: UInt64) -> UInt64 {
        switch r {
        case .sctlr:
            // M, A, C, SA, I, WXN, EE have the same places; the rest of
            // SCTLR_EL1 as at reset (RES1 bits, nothing for EL0).
            return v & (0xF | 1 << 12 | 1 << 19 | 1 << 25) | 0x30D0_0800
        case .tcr:
            // TCR_EL2 (E2H = 0) to TCR_EL1: T0SZ, IRGN0, ORGN0, SH0, TG0 in
            // place; PS -> IPS; TBI -> TBI0; HA, HD; no TTBR1 walks (EPD1).
            return v & 0xFFFF | (v >> 16 & 7) << 32 | (v >> 20 & 1) << 37 | (v >> 21 & 3) << 39 | 1 << 23
        case .spsr:
            // M[3:2] = EL2 is EL1 to the CPU; an L2 target stays as it is (the
            // guest's ERET traps: the CPU never returns with this value).
            return v & 0xC == 0x8 ? v & ~0xC | 0x4 : v
        case .cptr:
            return 3 << 20                          // CPACR_EL1.FPEN: EL2 code may use FP/SIMD
        default:
            return v
        }
    }

    /// The CPU's exception entry at virtual EL2 wrote SPSR_EL1 with M = EL1
    /// (HCR_EL2.NV1 = 1): that is EL2 to the guest hypervisor.
    private static func fromHardware(_ r: VEL2, _ v: UInt64) -> UInt64 {
        if r == .spsr && v & 0xC == 0x4 { return v & ~0xC | 0x8 }
        return v
    }

    /// At an exit from virtual EL2: the twins the CPU may have written.
    func syncFromHardware(_ regs: UnsafeMutablePointer<vcpu_regs>) {
        for (i, (r, twin)) in virtualEL2Twins.enumerated() where writtenByHardware(r) {
            let hw = vcpu_get_sys(regs, UInt32(twin.rawValue))
            if r == .sp || hw != loaded[i] { self[r] = NestedVCPU.fromHardware(r, hw) }
        }
    }

    /// Before virtual EL2 runs again: every twin from the file.
    func loadHardware(_ regs: UnsafeMutablePointer<vcpu_regs>) {
        for (i, (r, twin)) in virtualEL2Twins.enumerated() {
            let v = NestedVCPU.toHardware(r, self[r])
            vcpu_set_sys(regs, UInt32(twin.rawValue), v)
            loaded[i] = v
        }
    }

    /// The L2's value of an EL1 register, wherever it is now.
    func l2Register(_ regs: UnsafeMutablePointer<vcpu_regs>, _ reg: vcpu_sysreg) -> UInt64 {
        if inVirtualEL2, let i = twinIndex(reg) { return l2[i] }
        return vcpu_get_sys(regs, UInt32(reg.rawValue))
    }

    func setL2Register(_ regs: UnsafeMutablePointer<vcpu_regs>, _ reg: vcpu_sysreg, _ v: UInt64) {
        if inVirtualEL2, let i = twinIndex(reg) { l2[i] = v; return }
        vcpu_set_sys(regs, UInt32(reg.rawValue), v)
    }

    private func twinIndex(_ reg: vcpu_sysreg) -> Int? {
        for (i, (_, twin)) in virtualEL2Twins.enumerated() where twin == reg { return i }
        return nil
    }

    /// Virtual EL2 -> its L2 (the guest hypervisor's ERET to EL1 or EL0):
    /// the L2's EL1 registers back into the twins.
    func switchToL2(_ regs: UnsafeMutablePointer<vcpu_regs>) {
        for (i, (_, twin)) in virtualEL2Twins.enumerated() { vcpu_set_sys(regs, UInt32(twin.rawValue), l2[i]) }
        inVirtualEL2 = false
    }

    /// The L2 -> virtual EL2 (an exception the guest hypervisor handles):
    /// the L2's twins saved; the caller loads the file afterwards.
    func switchToVirtualEL2(_ regs: UnsafeMutablePointer<vcpu_regs>) {
        for (i, (_, twin)) in virtualEL2Twins.enumerated() { l2[i] = vcpu_get_sys(regs, UInt32(twin.rawValue)) }
        inVirtualEL2 = true
        shadow = nil
    }
}

extension VCPU {
    /// HCR_EL2 while virtual EL2 runs: the host's own controls, NV and NV1
    /// (EL2 register accesses, ERET and EL2 TLBIs trap; EL1 descriptors
    /// read as EL2's; VBAR/ELR/SPSR_EL1 trap), TVM and TRVM (the EL1 VM
    /// registers are the L2's), TTLB (EL1 TLBIs are for the L2's shadow
    /// stage 2s), AT (an AT would translate with virtual EL2's registers).
    var virtualEL2HCR: UInt64 {
        guestHCR() | HCR.nv | HCR.nv1 | HCR.tvm | HCR.trvm | HCR.ttlb | HCR.at
    }

    /// HCR_EL2 while the L2 runs: the host's stage 2 (the shadow), routing
    /// and traps, with the guest hypervisor's own trap controls added.
    func l2HCR(_ n: NestedVCPU) -> UInt64 {
        let h = hypervisor!
        var v = HCR.vm | HCR.fmo | HCR.imo | HCR.amo | HCR.fb | HCR.bsuInner | HCR.twi | HCR.twe | HCR.tsc | HCR.rw
        if h.vhe { v |= HCR.e2h }
        if h.fwb { v |= HCR.fwb }
        return v | n[.hcr] & HCR.forwardedToL2
    }

    /// Starts (or restarts, PSCI CPU_ON) a nested vCPU at virtual EL2h.
    func resetNested(pc: UInt64, context: UInt64) {
        reset(pc: pc, context: context)
        let n = nested!
        n.reset(mpidr: mpidr)
        n.loadHardware(regs)
        hcr = virtualEL2HCR
    }
}
