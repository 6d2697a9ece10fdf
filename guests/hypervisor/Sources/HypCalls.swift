// HypCalls.swift - the functions that must run at EL2 (KVM's __kvm_vcpu_run,
// __kvm_tlb_flush_vmid_ipa, __kvm_flush_cpu_context, __kvm_flush_vm_context).
// In VHE mode the host is at EL2 and calls them directly; in nVHE mode the
// host runs at EL1 and reaches them with HVC #0 (function number in x0, as
// KVM's kvm_call_hyp does), and hyp_host_call dispatches them at EL2.

import HypArch

enum HypCall: UInt64 {
    case vcpuRun = 1
    case tlbFlushVMIDIPA = 2
    case flushCPUContext = 3
    case flushVMContext = 4
    case flushLocalContext = 5
    case tlbiInContext = 6
}

/// The operations of HypCall.tlbiInContext: tlbi_el1_op's numbers (hyp.h)
/// for the EL1 stage-1 forms, and these two stage-2 forms.
enum TLBIInContext {
    static let vmalls12e1is: UInt64 = 16
    static let ipas2e1is: UInt64 = 17
}

/// Calls an EL2 function from the host, whichever EL the host is at.
func hypCall(_ c: HypCall, _ a1: UInt64 = 0, _ a2: UInt64 = 0, _ a3: UInt64 = 0) -> UInt64 {
    if hypervisor.vhe { return hypDispatch(c.rawValue, a1, a2, a3) }
    return hyp_hvc(c.rawValue, a1, a2, a3)
}

@_cdecl("hyp_host_call")
func hypHostCall(_ fn: UInt64, _ a1: UInt64, _ a2: UInt64, _ a3: UInt64) -> UInt64 {
    hypDispatch(fn, a1, a2, a3)
}

private func object<T: AnyObject>(_ p: UInt64, _: T.Type) -> T {
    Unmanaged<T>.fromOpaque(UnsafeRawPointer(bitPattern: UInt(p))!).takeUnretainedValue()
}

func opaque(_ o: AnyObject) -> UInt64 {
    UInt64(UInt(bitPattern: Unmanaged.passUnretained(o).toOpaque()))
}

private func hypDispatch(_ fn: UInt64, _ a1: UInt64, _ a2: UInt64, _ a3: UInt64) -> UInt64 {
    switch HypCall(rawValue: fn) {
    case .vcpuRun: return vcpuRun(object(a1, VCPU.self))
    case .tlbFlushVMIDIPA: tlbFlushVMIDIPA(object(a1, VM.self), ipa: a2)
    case .flushCPUContext: flushCPUContext(object(a1, VM.self), tlb: a2 != 0, icache: a3 != 0)
    case .flushVMContext: flushVMContext()
    case .flushLocalContext: flushLocalContext()
    case .tlbiInContext: tlbiInContext(vttbr: a1, op: a2, operand: a3)
    case nil: fatal("unknown hypervisor call \(dec(fn))")
    }
    return 0
}

// MARK: EL2

/// HCR_EL2 while the host runs: E2H and TGE for VHE (the host is the EL2&0
/// regime's kernel), only RW for nVHE (stage 2 off, the host's EL1 is its own).
var hostHCR: UInt64 { hypervisor.vhe ? HCR.rw | HCR.e2h | HCR.tge : HCR.rw }

/// KVM's __load_stage2/__tlb_switch_to_guest: the VM's VMID current, and on
/// VHE TGE clear so that EL1 TLBIs reach the EL1&0 regime.
private func enterVMIDContext(_ vm: VM) {
    write_vttbr_el2(vm.stage2.root | vm.vmid << 48)
    if hypervisor.vhe { write_hcr_el2(hostHCR & ~HCR.tge) }
    isb()
}

private func exitVMIDContext() {
    write_vttbr_el2(0)
    if hypervisor.vhe { write_hcr_el2(hostHCR) }
    isb()
}

/// World switch into the vCPU and back: the EL1 registers (the host's own
/// on nVHE), the FP/SIMD registers (the host never uses them), VTTBR_EL2,
/// VMPIDR_EL2 and HCR_EL2; returns the EXIT_* code.
private func vcpuRun(_ v: VCPU) -> UInt64 {
    let vhe: Int32 = hypervisor.vhe ? 1 : 0
    let host = hypervisor.hostContexts[Int(this_cpu().pointee.index)]
    if vhe == 0 { sysregs_save(host, 0) }
    sysregs_load(v.regs, vhe)
    fpsimd_load(&v.regs.pointee.fp)
    write_vttbr_el2(v.vttbr)
    write_vmpidr_el2(v.mpidr)
    write_hcr_el2(v.hcr)
    // Virtual EL2 (--nested): CPTR_EL2.TCPAC, so that its CPACR_EL1
    // accesses reach the L2's (Nested/VirtualEL2.swift).
    let cptr = v.nested != nil ? read_cptr_el2() : 0
    if v.nested?.inVirtualEL2 == true { write_cptr_el2(cptr | 1 << 31) }
    let slice = hypervisor.options.slice
    if slice > 0 {
        write_cnthp_tval_el2(slice)
        write_cnthp_ctl_el2(1)                 // ENABLE, IMASK clear: PPI 26 at the end of the slice
    }
    isb()
    let code = guest_enter(v.regs)
    if slice > 0 { write_cnthp_ctl_el2(0) }    // the PPI goes down with it
    if v.nested != nil { write_cptr_el2(cptr) }
    sysregs_save(v.regs, vhe)
    fpsimd_save(&v.regs.pointee.fp)
    write_hcr_el2(hostHCR)
    write_vttbr_el2(0)
    if vhe == 0 { sysregs_load(host, 0) }
    isb()
    return code
}

/// __kvm_tlb_flush_vmid_ipa: after a stage-2 entry changed, TLBI IPAS2E1IS
/// for the IPA, DSB ISH, TLBI VMALLE1IS (stage-1 entries may combine the old
/// stage 2), DSB ISH, ISB, with the VM's VMID current.  Seed 000's fix: on
/// nVHE with a VPIPT I-cache, also invalidate the whole I-cache here at EL2
/// (the host's EL1 IC IVAU cannot reach the guest's VMID-tagged lines).
private func tlbFlushVMIDIPA(_ vm: VM, ipa: UInt64) {
    enterVMIDContext(vm)
    tlbi_ipas2e1is(ipa)
    dsb_ish()
    tlbi_vmalle1is()
    dsb_ish()
    if !hypervisor.vhe && Maintenance.icacheIsVPIPT && hypervisor.options.fixes.isOn(.vpiptICacheOnUnmap) {
        ic_ialluis()
        dsb_ish()
        hypervisor.trace("  IC IALLUIS at EL2 (vpipt-icache-on-unmap)")
    }
    isb()
    exitVMIDContext()
}

/// A TLBI for a guest hypervisor (Nested/NestedTLBI.swift) with `vttbr`
/// current: one of its shadows' VMIDs, or its own.  DSB ISH after it.
private func tlbiInContext(vttbr: UInt64, op: UInt64, operand: UInt64) {
    write_vttbr_el2(vttbr)
    if hypervisor.vhe { write_hcr_el2(hostHCR & ~HCR.tge) }
    isb()
    switch op {
    case TLBIInContext.vmalls12e1is: tlbi_vmalls12e1is()
    case TLBIInContext.ipas2e1is: tlbi_ipas2e1is(operand)
    default: tlbi_el1_is(UInt32(op), operand)
    }
    dsb_ish()
    isb()
    exitVMIDContext()
}

/// __kvm_flush_cpu_context: local TLBI VMALLE1 (seed 001) and IC IALLU
/// (seed 003) for the VM's VMID, DSB NSH, ISB.
private func flushCPUContext(_ vm: VM, tlb: Bool, icache: Bool) {
    enterVMIDContext(vm)
    if tlb { tlbi_vmalle1() }
    if icache { ic_iallu() }
    dsb_nsh()
    isb()
    exitVMIDContext()
}

/// __kvm_flush_vm_context (VMID rollover): TLBI ALLE1IS and IC IALLUIS.
private func flushVMContext() {
    tlbi_alle1is()
    ic_ialluis()
    dsb_ish()
    isb()
}

/// After a rollover, on each CPU before its next guest entry: a VM that was
/// running elsewhere during the rollover kept its old VMID until its exit
/// and may have left entries under a VMID that now belongs to another VM
/// (KVM forced such CPUs to exit with an IPI; here each CPU flushes its own
/// TLB and I-cache once): TLBI ALLE1, IC IALLU, DSB NSH, ISB.
private func flushLocalContext() {
    tlbi_alle1()
    ic_iallu()
    dsb_nsh()
    isb()
}

enum HCR {
    static let vm: UInt64 = 1 << 0
    static let swio: UInt64 = 1 << 1
    static let fmo: UInt64 = 1 << 3
    static let imo: UInt64 = 1 << 4
    static let amo: UInt64 = 1 << 5
    static let fb: UInt64 = 1 << 9
    static let bsuInner: UInt64 = 1 << 10
    static let twi: UInt64 = 1 << 13
    static let twe: UInt64 = 1 << 14
    static let tsc: UInt64 = 1 << 19
    static let tsw: UInt64 = 1 << 22
    static let ttlb: UInt64 = 1 << 25
    static let tvm: UInt64 = 1 << 26
    static let tge: UInt64 = 1 << 27
    static let trvm: UInt64 = 1 << 30
    static let rw: UInt64 = 1 << 31
    static let e2h: UInt64 = 1 << 34
    static let nv: UInt64 = 1 << 42
    static let nv1: UInt64 = 1 << 43
    static let at: UInt64 = 1 << 44
    static let fwb: UInt64 = 1 << 46
}
