// Exits.swift - what the host does when a vCPU leaves the guest (KVM's
// handle_exit and kvm_handle_guest_abort): stage-2 faults on RAM map a page
// with the fixes' cache maintenance; stage-2 faults on the UART are
// emulated; HVCs are PSCI or the paravirtual test calls; WFI and WFE give
// the CPU up; trapped VM-register writes and set/way operations are
// emulated (seed 002); IRQs end the time slice.  Called with the lock held.
// Returns true when the vCPU can go straight back into the guest.

import HypArch

enum ExceptionClass {
    static let wfx: UInt64 = 0x01
    static let hvc64: UInt64 = 0x16
    static let smc64: UInt64 = 0x17
    static let sysreg: UInt64 = 0x18
    static let iabtLow: UInt64 = 0x20
    static let dabtLow: UInt64 = 0x24

    static func name(_ ec: UInt64) -> String {
        switch ec {
        case wfx: return "WFx"
        case hvc64: return "HVC64"
        case smc64: return "SMC64"
        case sysreg: return "SYS64"
        case iabtLow: return "IABT_LOW"
        case dabtLow: return "DABT_LOW"
        default: return "EC " + hex(ec)
        }
    }
}

func handleExit(_ v: VCPU, code: UInt64, cpu: Int) -> Bool {
    let h = hypervisor!
    h.exits += 1
    if code == UInt64(EXIT_IRQ) {
        h.trace("cpu\(dec(cpu)) vm\(dec(v.vm.index)) vcpu\(dec(v.index)) exit IRQ: end of time slice or wake-up")
        endOfSlice(cpu: cpu)
        v.yielded = true
        return false
    }
    guard code == UInt64(EXIT_SYNC) else {
        fatal("vm\(dec(v.vm.index)) vcpu\(dec(v.index)): unexpected \(code == UInt64(EXIT_FIQ) ? "FIQ" : "SError") exit")
    }
    let esr = v.regs.pointee.esr_el2
    let ec = esr >> 26
    // Built only for --trace: an exit is on the guest's critical path.
    let where_ = h.options.trace ? "cpu\(dec(cpu)) vm\(dec(v.vm.index)) vcpu\(dec(v.index))" : ""
    if let n = v.nested { return handleNestedExit(v, n, esr: esr, cpu: cpu, trace: where_) }
    switch ec {
    case ExceptionClass.hvc64:
        h.trace("\(where_) exit HVC64 x0=\(hex(v.x(0)))")
        return handleHVC(v, cpu: cpu)
    case ExceptionClass.smc64:
        // Trapped by HCR_EL2.TSC: ELR is the SMC itself; PSCI is over HVC.
        h.trace("\(where_) exit SMC64: not supported")
        v.setX(0, UInt64(bitPattern: -1))
        v.regs.pointee.pc += 4
        return true
    case ExceptionClass.wfx:
        h.trace("\(where_) exit \(esr & 1 == 0 ? "WFI" : "WFE"): yield")
        v.regs.pointee.pc += 4
        v.yielded = true
        return false
    case ExceptionClass.sysreg:
        return handleSystemRegister(v, esr: esr, trace: where_)
    case ExceptionClass.iabtLow, ExceptionClass.dabtLow:
        return handleStage2Abort(v, esr: esr, trace: where_)
    default:
        fatal("\(where_): unexpected exit, ESR_EL2 \(hex(esr)) (\(ExceptionClass.name(ec))) at pc \(hex(v.regs.pointee.pc))")
    }
}

// MARK: stage-2 faults

func handleStage2Abort(_ v: VCPU, esr: UInt64, trace: String) -> Bool {
    let h = hypervisor!
    let r = v.regs.pointee
    let ipa = (r.hpfar_el2 >> 4) << 12 | (r.far_el2 & 0xFFF)
    let fsc = esr & 0x3F
    let page = ipa & ~(pageSize - 1)
    let isTranslation = fsc >> 2 == 1 || fsc >> 2 == 2       // translation or access flag, any level
    if isTranslation && v.vm.isRAM(ipa) {
        mapGuestPage(v, page, trace: trace + " exit \(ExceptionClass.name(esr >> 26)) ipa \(hex(ipa))")
        return true
    }
    if page == guestUARTBase && esr >> 26 == ExceptionClass.dabtLow && esr & (1 << 24) != 0 {
        emulateUART(v, offset: ipa & 0xFFF, esr: esr)
        v.regs.pointee.pc += 4
        return true
    }
    h.trace("\(trace) exit \(ExceptionClass.name(esr >> 26)) ipa \(hex(ipa)): no memory or device there")
    fatal("vm\(dec(v.vm.index)) vcpu\(dec(v.index)): stage-2 abort at IPA \(hex(ipa)) (ESR_EL2 \(hex(esr)), pc \(hex(r.pc))): nothing is mapped there")
}

/// user_mem_abort: the page behind `ipa` (allocated on first use) goes into
/// the stage-2 tables, after the cache maintenance KVM does on that path.
func mapGuestPage(_ v: VCPU, _ ipa: UInt64, trace: String) {
    let h = hypervisor!
    let vm = v.vm
    let pa = vm.backingPage(ipa, pool: &h.pool)
    var did = ""
    // Seed 002, scenario A: a guest whose MMU or caches are off reads memory
    // (PoC) and would miss what the host left dirty in the caches.
    if !v.cachesEnabled && !h.fwb && h.options.fixes.isOn(.cleanOnFaultWhenCachesOff) {
        Maintenance.cleanInvalidateToPoC(page: pa)
        did += ", DC CIVAC to PoC (clean-on-fault-when-caches-off)"
    }
    // __coherent_cache_guest_page: flush_icache_range on the new page, except
    // on nVHE with a VPIPT I-cache once seed 000's fix is in (an EL1 IC IVAU
    // misses the guest's VMID-tagged lines; the unmap path's IC IALLUIS at
    // EL2 and the rollover flush take care of them).
    if h.options.fixes.isOn(.vpiptICacheOnUnmap) && !h.vhe && Maintenance.icacheIsVPIPT {
        did += ", no IC by VA (nVHE with a VPIPT I-cache)"
    } else {
        Maintenance.invalidateICache(page: pa)
        did += ", DC CVAU + IC IVAU by host VA"
    }
    vm.stage2.map(ipa, to: pa, fwb: h.fwb, pool: &h.pool)
    h.trace("\(trace): stage-2 map \(hex(ipa)) -> \(hex(pa))\(did)")
}

/// Removes `ipa` from the VM's stage 2, break-before-make: the descriptor
/// is cleared, then the TLBs are invalidated at EL2 (kvm_tlb_flush_vmid_ipa).
/// Returns the page that was mapped (it stays the IPA's backing page).
@discardableResult
func unmapGuestPage(_ vm: VM, _ ipa: UInt64) -> UInt64? {
    guard let pa = vm.stage2.unmap(ipa) else { return nil }
    _ = hypCall(.tlbFlushVMIDIPA, opaque(vm), ipa)
    if let shadows = vm.shadows {
        // Every shadow composes this stage 2 and may map the page: all go
        // (no reverse map, as in KVM's kvm_nested_s2_unmap).
        shadows.discardAll(pool: &hypervisor.pool)
        hypervisor.trace("  every shadow stage 2 emptied (the guest hypervisor's stage 2 changed)")
    }
    hypervisor.trace("  stage-2 unmap \(hex(ipa)) (was \(hex(pa))): TLBI IPAS2E1IS, DSB ISH, TLBI VMALLE1IS, DSB ISH")
    return pa
}

// MARK: the UART (PL011 at 0x0900_0000, emulated on stage-2 faults)

func emulateUART(_ v: VCPU, offset: UInt64, esr: UInt64) {
    let isWrite = esr & (1 << 6) != 0
    let rt = (esr >> 16) & 31
    if isWrite {
        if offset == 0 { _ = putchar(Int32(truncatingIfNeeded: v.x(rt) & 0xFF)) }
    } else {
        // UARTFR: transmit FIFO empty, receive FIFO empty; other registers 0.
        v.setX(rt, offset == 0x18 ? 0x90 : 0)
    }
}

// MARK: trapped system-register accesses (HCR_EL2.TVM, TSW)

/// The VM registers HCR_EL2.TVM traps writes to (D24.2 HCR_EL2.TVM), by
/// (op1, CRn, CRm, op2) with op0 = 3.
private func vmRegister(_ op1: UInt64, _ crn: UInt64, _ crm: UInt64, _ op2: UInt64) -> vcpu_sysreg? {
    switch (op1, crn, crm, op2) {
    case (0, 1, 0, 0): return VCPU_SCTLR
    case (0, 2, 0, 0): return VCPU_TTBR0
    case (0, 2, 0, 1): return VCPU_TTBR1
    case (0, 2, 0, 2): return VCPU_TCR
    case (0, 5, 1, 0): return VCPU_AFSR0
    case (0, 5, 1, 1): return VCPU_AFSR1
    case (0, 5, 2, 0): return VCPU_ESR
    case (0, 6, 0, 0): return VCPU_FAR
    case (0, 10, 2, 0): return VCPU_MAIR
    case (0, 10, 3, 0): return VCPU_AMAIR
    case (0, 13, 0, 1): return VCPU_CONTEXTIDR
    default: return nil
    }
}

private func handleSystemRegister(_ v: VCPU, esr: UInt64, trace: String) -> Bool {
    let h = hypervisor!
    let op0 = (esr >> 20) & 3, op2 = (esr >> 17) & 7, op1 = (esr >> 14) & 7
    let crn = (esr >> 10) & 15, rt = (esr >> 5) & 31, crm = (esr >> 1) & 15
    let isRead = esr & 1 != 0
    let value = rt == 31 ? 0 : v.x(rt)
    if isSetWay(esr) {
        emulateSetWay(v, trace: trace)
        v.regs.pointee.pc += 4
        return true
    }
    guard op0 == 3, !isRead, let reg = vmRegister(op1, crn, crm, op2) else {
        fatal("vm\(dec(v.vm.index)) vcpu\(dec(v.index)): unexpected system-register trap, ESR_EL2 \(hex(esr)) at pc \(hex(v.regs.pointee.pc))")
    }
    let wasEnabled = v.cachesEnabled
    vcpu_set_sys(v.regs, UInt32(reg.rawValue), value)
    if reg == VCPU_SCTLR {
        // kvm_toggle_cache: flush on every change of the cache state; once
        // MMU and caches are on, stop trapping.
        let now = v.cachesEnabled
        var did = ""
        if now != wasEnabled {
            stage2FlushVM(v.vm)
            did += ", caches \(now ? "on" : "off"): stage2_flush_vm"
        }
        if now {
            v.hcr &= ~HCR.tvm
            did += ", stop trapping VM registers"
        }
        h.trace("\(trace) exit SYS64 write SCTLR_EL1 = \(hex(value))\(did)")
    } else {
        h.trace("\(trace) exit SYS64 write of a VM register = \(hex(value))")
    }
    v.regs.pointee.pc += 4
    return true
}

/// DC ISW, CSW or CISW (op0 1, op1 0, CRn 7, CRm 6/10/14, op2 2).
func isSetWay(_ esr: UInt64) -> Bool {
    let op0 = (esr >> 20) & 3, op2 = (esr >> 17) & 7, op1 = (esr >> 14) & 7
    let crn = (esr >> 10) & 15, crm = (esr >> 1) & 15
    return op0 == 1 && op1 == 0 && crn == 7 && op2 == 2 && (crm == 6 || crm == 10 || crm == 14)
}

/// DC ISW/CSW/CISW trapped by TSW: kvm_set_way_flush.  Set/way operations
/// reach only this CPU's caches and cannot be virtualised; flush the whole
/// VM by VA instead, and trap the VM registers so that the next change of
/// the cache state flushes again.  With FWB the guest's view is always
/// cacheable: nothing to do (KVM's access_dcsw).
func emulateSetWay(_ v: VCPU, trace: String) {
    let h = hypervisor!
    if h.fwb {
        h.trace("\(trace) exit SYS64 DC set/way: ignored (FWB)")
    } else if v.hcr & HCR.tvm == 0 {
        stage2FlushVM(v.vm)
        v.hcr |= HCR.tvm
        h.trace("\(trace) exit SYS64 DC set/way: flush the VM to PoC by VA, trap VM registers")
    } else {
        h.trace("\(trace) exit SYS64 DC set/way: already flushed")
    }
}

/// stage2_flush_vm: DC CIVAC by the host's VA over every page mapped at
/// stage 2, so memory (PoC) holds the latest data and no stale line stays.
func stage2FlushVM(_ vm: VM) {
    vm.stage2.forEachPage { _, pa in Maintenance.cleanInvalidateToPoC(page: pa) }
}
