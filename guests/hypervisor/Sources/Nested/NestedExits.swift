// NestedExits.swift - the exits of a vCPU whose guest is a hypervisor
// (--nested), KVM's handle_exit with its nested paths: from virtual EL2,
// its EL2 register accesses, ERETs, TLBIs and hypercalls are emulated
// against its virtual EL2 file; from its L2, the exceptions its own
// HCR_EL2 routes to EL2 are injected into it (kvm_inject_nested_sync) with
// the syndrome the hardware gave, and the L2's stage-2 faults fill the
// shadow stage 2 (kvm_handle_guest_abort -> kvm_walk_nested_s2 ->
// user_mem_abort), or go to the guest hypervisor when its own tables
// fault.  Called with the lock held, as handleExit; returns the same.

import HypArch

/// ESR_EL2.EC of the exit only a nested vCPU has: a trapped ERET.
enum NestedExceptionClass {
    static let eret: UInt64 = 0x1A
}

/// Vector offsets from VBAR_ELx (D1.10.2).
enum VectorOffset {
    static let currentSP0: UInt64 = 0x000
    static let currentSPx: UInt64 = 0x200
    static let lowerAArch64: UInt64 = 0x400
}

func handleNestedExit(_ v: VCPU, _ n: NestedVCPU, esr: UInt64, cpu: Int, trace: String) -> Bool {
    if !n.inVirtualEL2 { return handleL2Exit(v, n, esr: esr, cpu: cpu, trace: trace) }
    n.syncFromHardware(v.regs)
    let goOn = handleVirtualEL2Exit(v, n, esr: esr, cpu: cpu, trace: trace)
    if n.inVirtualEL2 { n.loadHardware(v.regs) }
    return goOn
}

// MARK: exits from virtual EL2

private func handleVirtualEL2Exit(_ v: VCPU, _ n: NestedVCPU, esr: UInt64, cpu: Int, trace: String) -> Bool {
    let h = hypervisor!
    let r = v.regs
    switch esr >> 26 {
    case ExceptionClass.hvc64:
        // An HVC at EL2 is taken at EL2: the guest hypervisor's own vector.
        h.trace("\(trace) vEL2 HVC #\(hex(esr & 0xFFFF)): to its own EL2 vector")
        injectAtVirtualEL2(v, n, esr: esr)
        return true
    case ExceptionClass.smc64:
        // SMC at EL2 is a firmware call (PSCI), trapped by HCR_EL2.TSC: the
        // host answers it, as it answers an EL1 guest's HVC.
        h.trace("\(trace) vEL2 SMC64 x0=\(hex(v.x(0))): firmware call")
        r.pointee.pc += 4
        return handleHVC(v, cpu: cpu)
    case ExceptionClass.wfx:
        h.trace("\(trace) vEL2 \(esr & 1 == 0 ? "WFI" : "WFE"): yield")
        r.pointee.pc += 4
        v.yielded = true
        return false
    case ExceptionClass.sysreg:
        emulateVirtualEL2System(v, n, esr: esr, trace: trace)
        return true
    case NestedExceptionClass.eret:
        emulateERET(v, n, trace: trace)
        return true
    case ExceptionClass.iabtLow, ExceptionClass.dabtLow:
        // The guest hypervisor's own access, through the host's stage 2.
        return handleStage2Abort(v, esr: esr, trace: trace + " vEL2")
    default:
        fatal("vm\(dec(v.vm.index)) vcpu\(dec(v.index)): unexpected exit from virtual EL2, ESR_EL2 \(hex(esr)) (\(ExceptionClass.name(esr >> 26))) at pc \(hex(r.pointee.pc))")
    }
}

/// An MRS, MSR or SYS the guest hypervisor executed at virtual EL2.
private func emulateVirtualEL2System(_ v: VCPU, _ n: NestedVCPU, esr: UInt64, trace: String) {
    let h = hypervisor!
    let r = v.regs
    let op0 = (esr >> 20) & 3, op2 = (esr >> 17) & 7, op1 = (esr >> 14) & 7
    let crn = (esr >> 10) & 15, rt = (esr >> 5) & 31, crm = (esr >> 1) & 15
    let isRead = esr & 1 != 0
    let value = rt == 31 ? 0 : v.x(rt)
    if op0 == 1 {
        if let row = nestedTLBI(op1: op1, crn: crn, crm: crm, op2: op2) {
            emulateNestedTLBI(v, n, row: row, nXS: crn == 9, xt: value, trace: trace)
        } else if isSetWay(esr) {
            emulateSetWay(v, trace: trace)
        } else {
            // AT (HCR_EL2.AT, and the EL2 forms) and anything else: not
            // emulated; UNDEFINED to the guest hypervisor.
            h.trace("\(trace) vEL2 SYS #\(dec(op1)), C\(dec(crn)), C\(dec(crm)), #\(dec(op2)): not emulated, UNDEFINED")
            injectUndefinedAtVirtualEL2(v, n)
            return
        }
        r.pointee.pc += 4
        return
    }
    guard let row = virtualRegister(key: systemRegisterKey(op0, op1, crn, crm, op2)) else {
        h.trace("\(trace) vEL2 \(isRead ? "MRS" : "MSR") S\(dec(op0))_\(dec(op1))_C\(dec(crn))_C\(dec(crm))_\(dec(op2)): not a register of virtual EL2, UNDEFINED")
        injectUndefinedAtVirtualEL2(v, n)
        return
    }
    switch row.home {
    case .el2(let reg):
        if isRead {
            v.setX(rt, n[reg])
        } else {
            n[reg] = reg == .hcr ? value & ~HCR.notWritableAtVirtualEL2 : value
        }
    case .el1(let reg):
        if isRead { v.setX(rt, n.l2Register(r, reg)) } else { n.setL2Register(r, reg, value) }
    }
    h.trace("\(trace) vEL2 \(isRead ? "MRS" : "MSR") \(row.name) \(isRead ? "-> " + hex(v.x(rt)) : "= " + hex(value))")
    r.pointee.pc += 4
}

/// The guest hypervisor's ERET (trapped by HCR_EL2.NV, EC 0x1A): to
/// ELR_EL2 in the mode SPSR_EL2.M names - virtual EL2 again, or its L2.
private func emulateERET(_ v: VCPU, _ n: NestedVCPU, trace: String) {
    let h = hypervisor!
    let r = v.regs
    let spsr = n[.spsr], elr = n[.elr]
    let m = spsr & 0x1F
    switch m {
    case 0b01001, 0b01000:                              // EL2h, EL2t
        r.pointee.pc = elr
        r.pointee.pstate = spsr & ~0xC | 0x4            // EL1h/EL1t to the CPU
        h.trace("\(trace) vEL2 ERET to vEL2 at \(hex(elr))")
    case 0b00101, 0b00100, 0b00000:                     // EL1h, EL1t, EL0t
        n.switchToL2(r)
        r.pointee.pc = elr
        r.pointee.pstate = spsr
        let s = v.vm.shadows!.context(for: n, pool: &h.pool)
        n.shadow = s
        v.hcr = v.l2HCR(n)
        h.trace("\(trace) vEL2 ERET to L2 EL\(dec(m >> 2)) at \(hex(elr)), shadow stage 2 #\(dec(s.index)), HCR_EL2 \(hex(v.hcr))")
    default:
        fatal("vm\(dec(v.vm.index)) vcpu\(dec(v.index)): the guest hypervisor's ERET to SPSR_EL2.M = \(hex(m)) (AArch32 or EL3): not supported")
    }
}

/// A synchronous exception taken at virtual EL2 from virtual EL2 (its own
/// HVC, or an UNDEFINED access): ELR_EL2 and SPSR_EL2 (M = EL2), ESR_EL2,
/// then its vector for the current EL (D1.10.2).
private func injectAtVirtualEL2(_ v: VCPU, _ n: NestedVCPU, esr: UInt64) {
    let r = v.regs
    let pstate = r.pointee.pstate
    n[.elr] = r.pointee.pc
    n[.spsr] = pstate & 0xC == 0x4 ? pstate & ~0xC | 0x8 : pstate
    n[.esr] = esr
    r.pointee.pc = n[.vbar] + (pstate & 1 != 0 ? VectorOffset.currentSPx : VectorOffset.currentSP0)
    r.pointee.pstate = 0x3C5            // EL2h to the guest (EL1h to the CPU), D, A, I, F masked
}

/// ESR EC 0 (Unknown reason), IL = 1: an UNDEFINED instruction (D24.2 ESR_ELx).
private func injectUndefinedAtVirtualEL2(_ v: VCPU, _ n: NestedVCPU) {
    injectAtVirtualEL2(v, n, esr: 1 << 25)
}

// MARK: exits from the L2

private func handleL2Exit(_ v: VCPU, _ n: NestedVCPU, esr: UInt64, cpu: Int, trace: String) -> Bool {
    let h = hypervisor!
    let r = v.regs
    let guestHCR = n[.hcr]
    switch esr >> 26 {
    case ExceptionClass.hvc64:
        h.trace("\(trace) L2 HVC #\(hex(esr & 0xFFFF)): to the guest hypervisor")
        injectFromL2(v, n, esr: esr)
    case ExceptionClass.smc64:
        if guestHCR & HCR.tsc != 0 {
            h.trace("\(trace) L2 SMC64: to the guest hypervisor (its HCR_EL2.TSC)")
            injectFromL2(v, n, esr: esr)
        } else {
            h.trace("\(trace) L2 SMC64: not supported")
            v.setX(0, UInt64(bitPattern: -1))
            r.pointee.pc += 4
        }
    case ExceptionClass.wfx:
        let wfe = esr & 1 != 0
        if guestHCR & (wfe ? HCR.twe : HCR.twi) != 0 {
            h.trace("\(trace) L2 \(wfe ? "WFE" : "WFI"): to the guest hypervisor")
            injectFromL2(v, n, esr: esr)
        } else {
            h.trace("\(trace) L2 \(wfe ? "WFE" : "WFI"): yield")
            r.pointee.pc += 4
            v.yielded = true
            return false
        }
    case ExceptionClass.sysreg:
        // Only the guest hypervisor's own trap controls reach the L2's
        // system-register accesses (VCPU.l2HCR).
        h.trace("\(trace) L2 SYS64 ESR \(hex(esr)): to the guest hypervisor")
        injectFromL2(v, n, esr: esr)
    case ExceptionClass.iabtLow, ExceptionClass.dabtLow:
        handleShadowStage2Abort(v, n, esr: esr, trace: trace)
    default:
        fatal("vm\(dec(v.vm.index)) vcpu\(dec(v.index)): unexpected exit from the L2, ESR_EL2 \(hex(esr)) (\(ExceptionClass.name(esr >> 26))) at pc \(hex(r.pointee.pc))")
    }
    return true
}

/// An exception from the L2 that the guest hypervisor takes at EL2:
/// ELR_EL2, SPSR_EL2, ESR_EL2 (and FAR_EL2, HPFAR_EL2 for an abort) as the
/// hardware would set them, then its lower-EL AArch64 vector, at EL2h with
/// D, A, I, F masked (AArch64.TakeException).
private func injectFromL2(_ v: VCPU, _ n: NestedVCPU, esr: UInt64, far: UInt64? = nil, hpfar: UInt64? = nil) {
    let r = v.regs
    n.switchToVirtualEL2(r)
    n[.elr] = r.pointee.pc
    n[.spsr] = r.pointee.pstate
    n[.esr] = esr
    if let far { n[.far] = far }
    if let hpfar { n[.hpfar] = hpfar }
    r.pointee.pc = n[.vbar] + VectorOffset.lowerAArch64
    r.pointee.pstate = 0x3C5
    v.hcr = v.virtualEL2HCR
    n.loadHardware(r)
}

// MARK: the L2's stage-2 faults

/// A stage-2 fault of the L2 on its shadow: the guest hypervisor's tables
/// say where L2 IPA goes (or fault, and the fault is its), the host's say
/// which page that is; the page goes into the shadow with the guest's
/// attributes and permissions (the host's are Normal WB, RW: the guest's
/// are the more restrictive, D8.6.5).
private func handleShadowStage2Abort(_ v: VCPU, _ n: NestedVCPU, esr: UInt64, trace: String) {
    let h = hypervisor!
    let r = v.regs
    let vm = v.vm
    let ipa = (r.pointee.hpfar_el2 >> 4) << 12 | (r.pointee.far_el2 & 0xFFF)
    let fsc = esr & 0x3F
    let what = "\(trace) L2 \(ExceptionClass.name(esr >> 26)) ipa \(hex(ipa))"
    var walked = GuestStage2Walk.Outcome.leaf(output: ipa, level: 3, descriptor: S2.normalPage)
    if n.stage2Enabled { walked = GuestStage2Walk.walk(vm, n, ipa: ipa) }
    switch walked {
    case .fault(let status):
        h.trace("\(what): the guest's stage 2 faults (FSC \(hex(status))): to the guest hypervisor")
        injectFromL2(v, n, esr: esr & ~0x3F | status, far: r.pointee.far_el2, hpfar: r.pointee.hpfar_el2)
    case .leaf(let output, let level, let descriptor):
        if fsc >> 2 == 3 {
            // A permission fault: the shadow has the guest's permissions.
            h.trace("\(what): permission fault in the guest's stage 2: to the guest hypervisor")
            injectFromL2(v, n, esr: esr & ~0x3F | GuestStage2Walk.permissionFault(level),
                         far: r.pointee.far_el2, hpfar: r.pointee.hpfar_el2)
            return
        }
        guard fsc >> 2 == 1 || fsc >> 2 == 2, ipa < 1 << 39 else {
            fatal("vm\(dec(vm.index)) vcpu\(dec(v.index)): L2 stage-2 abort at IPA \(hex(ipa)) (ESR_EL2 \(hex(esr))): the shadow stage 2 covers L2 IPAs below 2^39 only")
        }
        let l1 = output & ~(pageSize - 1)
        if vm.isRAM(l1) {
            mapShadowPage(v, n, ipa & ~(pageSize - 1), l1IPA: l1, level: level, guestDescriptor: descriptor,
                          trace: what + " -> L1 IPA \(hex(output)) (level \(dec(level)))")
        } else if l1 == guestUARTBase && esr >> 26 == ExceptionClass.dabtLow && esr & (1 << 24) != 0 {
            emulateUART(v, offset: output & 0xFFF, esr: esr)
            r.pointee.pc += 4
        } else {
            fatal("vm\(dec(vm.index)) vcpu\(dec(v.index)): L2 stage-2 abort at IPA \(hex(ipa)) -> L1 IPA \(hex(output)): nothing is mapped there")
        }
    }
}

/// user_mem_abort for a shadow: the page behind L1 IPA `l1IPA` (with the
/// same cache maintenance as mapGuestPage) at L2 IPA `ipa`.
private func mapShadowPage(_ v: VCPU, _ n: NestedVCPU, _ ipa: UInt64, l1IPA: UInt64, level: Int,
                           guestDescriptor d: UInt64, trace: String) {
    let h = hypervisor!
    let vm = v.vm
    let s = n.shadow!
    let pa = vm.backingPage(l1IPA, pool: &h.pool)
    var did = ""
    if !v.cachesEnabled && !h.fwb && h.options.fixes.isOn(.cleanOnFaultWhenCachesOff) {
        Maintenance.cleanInvalidateToPoC(page: pa)
        did += ", DC CIVAC to PoC"
    }
    if !(h.options.fixes.isOn(.vpiptICacheOnUnmap) && !h.vhe && Maintenance.icacheIsVPIPT) {
        Maintenance.invalidateICache(page: pa)
        did += ", DC CVAU + IC IVAU"
    }
    // MemAttr, S2AP, SH and XN are the guest's (bits 5:2, 7:6, 9:8, 54:53).
    var memAttr = d >> 2 & 0xF
    if h.fwb {
        // Under the host's HCR_EL2.FWB the same field means a forced type
        // (D8.6.6): Device stays Device, Write-Back is forced Write-Back as
        // the host gives its own guests, anything else forced Non-cacheable.
        memAttr = memAttr & 0xC == 0 ? memAttr & 3 : (memAttr == 0xF ? 0b0110 : 0b0101)
    }
    let descriptor = (pa & S2.addressMask) | S2.valid | S2.table | memAttr << 2 | (d & (0xF << 6)) | S2.af
        | (d & (3 << 53)) | UInt64(level) << ShadowStage2.levelShift
    if level == 1 { s.hasLevel1Leaves = true }
    s.tables.map(ipa, descriptor: descriptor, pool: &h.pool)
    h.trace("\(trace): shadow #\(dec(s.index)) map \(hex(ipa)) -> \(hex(pa))\(did)")
}
