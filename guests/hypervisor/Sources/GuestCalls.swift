// GuestCalls.swift - the HVCs a guest makes: PSCI 1.1 (Arm DEN 0022) for
// its vCPUs, SMCCC_VERSION, and the paravirtual test interface in the SMCCC
// Vendor Specific Hypervisor Service range (owning entity 6, DEN 0028),
// which scenario guests use to make a scenario happen deterministically.
// Called with the lock held; results go back in x0.

import HypArch

enum PSCI {
    static let version: UInt64 = 0x8400_0000
    static let cpuOff: UInt64 = 0x8400_0002
    static let cpuOn64: UInt64 = 0xC400_0003
    static let affinityInfo64: UInt64 = 0xC400_0004
    static let migrateInfoType: UInt64 = 0x8400_0006
    static let systemOff: UInt64 = 0x8400_0008
    static let systemReset: UInt64 = 0x8400_0009
    static let features: UInt64 = 0x8400_000A
    static let success: Int64 = 0, notSupported: Int64 = -1, invalidParameters: Int64 = -2
    static let alreadyOn: Int64 = -4
}

/// The paravirtual calls (README "The hypervisor's test interface").
enum Paravirt {
    static let yield: UInt64 = 0xC600_0001          // give the CPU to another vCPU now
    static let move: UInt64 = 0xC600_0002           // x1 = physical CPU: run there from the next exit on
    static let unmap: UInt64 = 0xC600_0003          // x1 = IPA: remove the page (it loses its memory)
    static let remapCopy: UInt64 = 0xC600_0004      // x1 = IPA, x2 = source IPA: a new page with a copy (code)
    static let remapFill: UInt64 = 0xC600_0005      // x1 = IPA, x2 = 64-bit pattern: a new page filled (data)
    static let hostRead: UInt64 = 0xC600_0006       // x1 = IPA: the host reads the page (cacheable)
    static let currentCPU: UInt64 = 0xC600_0007     // the physical CPU the vCPU runs on
}

private func result(_ v: VCPU, _ r: Int64) { v.setX(0, UInt64(bitPattern: r)) }

func handleHVC(_ v: VCPU, cpu: Int) -> Bool {
    let h = hypervisor!
    let fn = v.x(0)
    switch fn {
    case 0x8000_0000:                                   // SMCCC_VERSION: 1.1
        result(v, 0x10001)
    case PSCI.version:
        result(v, 0x10001)
    case PSCI.features:
        let f = v.x(1)
        let known = [PSCI.version, PSCI.cpuOff, PSCI.cpuOn64, PSCI.affinityInfo64, PSCI.migrateInfoType, PSCI.systemOff,
                     PSCI.systemReset, PSCI.features]
        result(v, known.contains(f) ? PSCI.success : PSCI.notSupported)
    case PSCI.cpuOn64:
        result(v, cpuOn(v.vm, target: v.x(1), entry: v.x(2), context: v.x(3)))
    case PSCI.cpuOff:
        v.state = .off
        v.yielded = true
        h.trace("  vm\(dec(v.vm.index)) vcpu\(dec(v.index)) PSCI CPU_OFF")
        return false
    case PSCI.migrateInfoType:
        result(v, 2)                                    // no Trusted OS: migration not required
    case PSCI.affinityInfo64:
        if let t = vcpu(v.vm, mpidr: v.x(1)) { result(v, t.state == .off ? 1 : 0) } else { result(v, PSCI.invalidParameters) }
    case PSCI.systemOff, PSCI.systemReset:
        // The VM ends (a VMM would destroy it); the machine powers off when
        // the last VM has.
        h.trace("  vm\(dec(v.vm.index)) PSCI \(fn == PSCI.systemOff ? "SYSTEM_OFF" : "SYSTEM_RESET (treated as SYSTEM_OFF)")")
        for c in v.vm.vcpus { c.state = .off }      // one running elsewhere stops at its next exit
        v.yielded = true
        return false
    case Paravirt.yield:
        result(v, 0)
        v.yielded = true
        return false
    case Paravirt.move:
        let k = v.x(1)
        if k < UInt64(h.physicalCPUs) {
            v.moveTo = Int(k)
            result(v, 0)
            v.yielded = true
            return false
        }
        result(v, PSCI.invalidParameters)
    case Paravirt.unmap:
        let ipa = v.x(1) & ~(pageSize - 1)
        guard v.vm.isRAM(ipa) else { result(v, PSCI.invalidParameters); break }
        unmapGuestPage(v.vm, ipa)
        dropBacking(v.vm, ipa)
        result(v, 0)
    case Paravirt.remapCopy, Paravirt.remapFill:
        let ipa = v.x(1) & ~(pageSize - 1)
        guard v.vm.isRAM(ipa) else { result(v, PSCI.invalidParameters); break }
        var source: UInt64 = 0
        if fn == Paravirt.remapCopy {
            let src = v.x(2) & ~(pageSize - 1)
            guard v.vm.isRAM(src), src != ipa else { result(v, PSCI.invalidParameters); break }
            source = v.vm.backingPage(src, pool: &h.pool)
        }
        // The KSM / copy-on-write / migration shape: the IPA leaves stage 2
        // (break-before-make, TLBI), its old page is freed, and a new page
        // takes its place, written by the host through its cacheable mapping.
        unmapGuestPage(v.vm, ipa)
        dropBacking(v.vm, ipa)
        let page = v.vm.backingPage(ipa, pool: &h.pool)
        if fn == Paravirt.remapCopy {
            _ = memcpy(UnsafeMutableRawPointer(bitPattern: UInt(page))!, UnsafeRawPointer(bitPattern: UInt(source))!, Int(pageSize))
            // New code: the host's flush_icache_range on its own VA (DC CVAC
            // to PoC, IC IVAU), executed at the host's EL.
            Maintenance.cleanToPoC(page: page)
            Maintenance.invalidateICache(page: page)
            h.trace("  host: copied \(hex(source)) into \(hex(page)) for ipa \(hex(ipa)), DC CVAC + IC IVAU by host VA")
        } else {
            let pattern = v.x(2)
            var a = page
            while a < page + pageSize { store64(a, pattern); a += 8 }
            h.trace("  host: filled \(hex(page)) for ipa \(hex(ipa)) with \(hex(pattern)) (left in the cache)")
        }
        result(v, 0)
    case Paravirt.hostRead:
        let ipa = v.x(1) & ~(pageSize - 1)
        guard v.vm.isRAM(ipa) else { result(v, PSCI.invalidParameters); break }
        let page = v.vm.backingPage(ipa, pool: &h.pool)
        var a = page
        var first: UInt64 = 0
        while a < page + pageSize {
            let x = load64(a)
            if a == page { first = x }
            a += Maintenance.dataLine
        }
        h.trace("  host: read \(hex(page)) (ipa \(hex(ipa))) through its cacheable mapping: \(hex(first))")
        result(v, Int64(bitPattern: first))
    case Paravirt.currentCPU:
        result(v, Int64(cpu))
    default:
        result(v, PSCI.notSupported)
    }
    return true
}

private func dropBacking(_ vm: VM, _ ipa: UInt64) {
    let i = Int((ipa - guestRAMBase) / pageSize)
    if vm.backing[i] != 0 {
        hypervisor.pool.free(vm.backing[i])
        vm.backing[i] = 0
    }
}

private func vcpu(_ vm: VM, mpidr: UInt64) -> VCPU? {
    for c in vm.vcpus where c.mpidr & 0xFF_00FF_FFFF == mpidr & 0xFF_00FF_FFFF { return c }
    return nil
}

private func cpuOn(_ vm: VM, target: UInt64, entry: UInt64, context: UInt64) -> Int64 {
    guard let t = vcpu(vm, mpidr: target) else { return PSCI.invalidParameters }
    guard t.state == .off else { return PSCI.alreadyOn }
    t.start(pc: entry, context: context)
    t.state = .runnable
    hypervisor.trace("  vm\(dec(vm.index)) PSCI CPU_ON vcpu\(dec(t.index)) at \(hex(entry))")
    wakeCPUs()
    return PSCI.success
}

extension VCPU {
    /// PSCI CPU_ON, and the boot vCPU: at EL1h, or at virtual EL2h for a
    /// guest hypervisor (--nested).
    func start(pc: UInt64, context: UInt64) {
        if nested != nil {
            resetNested(pc: pc, context: context)
        } else {
            reset(pc: pc, context: context)
            hcr = guestHCR()
        }
    }
}

/// HCR_EL2 for a vCPU (KVM's HCR_GUEST_FLAGS, less what needs a virtual
/// GIC): stage 2, physical interrupts to EL2, forced broadcast of EL1 TLBI
/// and IC IALLU (FB), WFI/WFE and SMC trapped, and with seed 002's fix TVM
/// (until the guest turns its caches on) and TSW; with FEAT_S2FWB, FWB
/// instead (and TSW, to ignore set/way operations).
func guestHCR() -> UInt64 {
    let h = hypervisor!
    var v = HCR.vm | HCR.swio | HCR.fmo | HCR.imo | HCR.amo | HCR.fb | HCR.bsuInner | HCR.twi | HCR.twe | HCR.tsc | HCR.rw
    if h.vhe { v |= HCR.e2h }
    if h.fwb {
        v |= HCR.fwb | HCR.tsw                  // set/way trapped and ignored
    } else if h.options.fixes.isOn(.trapVMRegsUntilCachesOn) {
        v |= HCR.tvm | HCR.tsw
    }
    return v
}
