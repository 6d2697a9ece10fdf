// Main.swift - the hypervisor's start: options from the semihosting command
// line, the machine from the device tree, the other physical CPUs brought up
// with PSCI CPU_ON, the guest ELF loaded into each VM, and every CPU into
// the host's run loop — at EL2 (VHE) or at EL1 after dropping there (nVHE).

import HypArch

@_cdecl("hyp_main")
func hypMain(_ dtb: UInt64) {
    let options = Options.parse(String(cString: hyp_cmdline()))
    let machine = readDeviceTree(at: dtb)
    let boot = hyp_boot_cpu()!
    let vhe = boot.pointee.mode == 1
    if options.vhe && !vhe { fatal("--mode vhe: this CPU does not implement FEAT_VHE (ID_AA64MMFR1_EL1.VH is 0)", status: 2) }

    // Pages for the VMs: from the end of the heap to the end of RAM, below
    // the device tree if it sits there.
    let ramEnd = machine.ramBase + machine.ramSize
    let poolBase = UInt64(UInt(bitPattern: heap_end()))
    var poolEnd = ramEnd
    if dtb >= poolBase && dtb < ramEnd { poolEnd = dtb & ~(pageSize - 1) }
    hypervisor = Hypervisor(options: options, machine: machine, vhe: vhe, poolBase: poolBase, poolEnd: poolEnd)
    let h = hypervisor!

    // Per-CPU areas and stacks.
    for i in 0..<machine.cpuMPIDRs.count {
        let cpu: UnsafeMutablePointer<hyp_cpu>
        if i == 0 {
            cpu = boot
        } else {
            cpu = allocate(hyp_cpu.self)
            cpu.pointee.mode = boot.pointee.mode
            cpu.pointee.ttbr = boot.pointee.ttbr
            cpu.pointee.tcr = boot.pointee.tcr
            cpu.pointee.el2_stack = stack()
        }
        cpu.pointee.index = UInt64(i)
        cpu.pointee.el1_stack = stack()
        h.cpus.append(cpu)
        h.hostContexts.append(allocate(vcpu_regs.self))
        h.lastPicked.append(-1)
        h.rolloverFlushPending.append(false)
    }

    let icache: String
    switch (Maintenance.ctr >> 14) & 3 {
    case 0: icache = "VPIPT"
    case 2: icache = "VIPT"
    default: icache = "PIPT"
    }
    var off = ""
    for f in Fix.allCases where !options.fixes.isOn(f) { off += " " + f.name }
    say("hyp: \(vhe ? "VHE" : "nVHE"), \(dec(h.physicalCPUs)) physical CPU(s), \(dec(options.vms)) VM(s) of \(dec(options.vcpus)) vCPU(s), I-cache \(icache), VMIDs 1-\(dec(h.vmids.last))\(h.fwb ? ", FWB" : "")\(options.nested ? ", guest at virtual EL2" : ""); fixes off:\(off.isEmpty ? " none" : off)")

    // The guest: one image, loaded into every VM.
    let image = readGuestImage(options.guestPath, ramBase: guestRAMBase, ramSize: guestRAMSize)
    for n in 0..<options.vms {
        let vm = VM(index: n, physicalCPUs: h.physicalCPUs, pool: &h.pool)
        for i in 0..<options.vcpus {
            let c = VCPU(vm: vm, index: i, home: (n * options.vcpus + i) % h.physicalCPUs)
            if options.nested { c.nested = NestedVCPU() }
            vm.vcpus.append(c)
        }
        if options.nested { vm.shadows = ShadowPool(vcpus: options.vcpus) }
        vm.load(image, pool: &h.pool)
        let dtb = vm.placeDeviceTree(pool: &h.pool)
        vm.vcpus[0].start(pc: vm.entry, context: dtb)
        let first = vm.vcpus[0]
        first.state = .runnable
        h.vms.append(vm)
        h.allVCPUs += vm.vcpus
    }
    h.trace("loaded \(options.guestPath): entry \(hex(image.entry)), \(dec(h.pool.inUse)) pages")

    gicd_init()
    for i in 1..<max(h.physicalCPUs, 1) {
        let cpu = h.cpus[i]
        // The new CPU starts with its MMU off and reads memory: its area and
        // stack must be there, not only in this CPU's cache.
        Maintenance.cleanInvalidateToPoC(UInt64(UInt(bitPattern: cpu)), size: UInt64(MemoryLayout<hyp_cpu>.size))
        Maintenance.cleanInvalidateToPoC(cpu.pointee.el2_stack - stackSize, size: stackSize)
        let r = Int64(bitPattern: hyp_smc(PSCI.cpuOn64, machine.cpuMPIDRs[i],
                                          UInt64(UInt(bitPattern: unsafeBitCast(hyp_secondary_entry as @convention(c) () -> Void, to: UnsafeRawPointer.self))),
                                          UInt64(UInt(bitPattern: cpu))))
        if r != 0 { fatal("PSCI CPU_ON for CPU \(dec(i)) (MPIDR \(hex(machine.cpuMPIDRs[i]))) failed: \(dec(Int(r)))") }
    }
    enterHost(cpu: 0)
}

@_cdecl("hyp_secondary_main")
func hypSecondaryMain(_ index: UInt64) {
    enterHost(cpu: Int(index))
}

/// Per-CPU GIC set-up (the EL2 timer's PPI), then the run loop at the host's EL.
private func enterHost(cpu: Int) -> Never {
    gicr_wake(UInt32(cpu))
    gicr_enable_private(UInt32(cpu), hypTimerINTID, 0x80)
    gicr_enable_private(UInt32(cpu), wakeINTID, 0x80)
    gic_cpuif_init()
    // Guests may use the physical counter and timer (CNTHCTL_EL2 EL1PCTEN
    // and EL1PCEN: bits 0-1 with E2H = 0, bits 10-11 with E2H = 1).
    write_cnthctl_el2(hypervisor.vhe ? 3 << 10 : 3)
    write_vtcr_el2(Stage2.vtcr(vmidBits: hypervisor.vmids.bits))
    if hypervisor.vhe { runLoop(cpu: cpu) }
    hyp_drop_to_el1(hypervisor.cpus[cpu], hostEntry, UInt64(cpu))
}

private func hostEntry(_ cpu: UInt64) { runLoop(cpu: Int(cpu)) }

let stackSize: UInt64 = 64 << 10

private func stack() -> UInt64 {
    var p: UnsafeMutableRawPointer? = nil
    if posix_memalign(&p, 4096, Int(stackSize)) != 0 { fatal("out of heap for stacks") }
    return UInt64(UInt(bitPattern: p)) + stackSize
}

/// A zeroed, 64-byte aligned T from the heap (per-CPU areas, saved registers).
func allocate<T>(_: T.Type) -> UnsafeMutablePointer<T> {
    var p: UnsafeMutableRawPointer? = nil
    if posix_memalign(&p, 64, MemoryLayout<T>.size) != 0 { fatal("out of heap") }
    _ = memset(p, 0, MemoryLayout<T>.size)
    return p!.bindMemory(to: T.self, capacity: 1)
}

