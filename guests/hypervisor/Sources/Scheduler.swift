// Scheduler.swift - the host's run loop on each physical CPU (KVM's
// kvm_arch_vcpu_ioctl_run with the Linux scheduler reduced to a rule):
// pick a runnable vCPU this CPU may run (`--sched pinned`: its home CPU;
// `round-robin`: any; `migrate`: its home, which moves to the next CPU each
// time it gives the CPU up), load it (VMID, and the last-vCPU-ran test of
// seeds 001 and 003), run it until an exit it cannot go straight back from,
// and pick again.  A time slice (`--slice`) is the EL2 physical timer,
// armed at EL2 around each entry.  One lock guards every decision; the
// guest itself runs without it.

import HypArch

/// The EL2 physical timer's PPI on the board (INTID 26, like QEMU virt).
let hypTimerINTID: UInt32 = 26
/// The SGI that wakes an idle CPU (KVM's kick: an IPI).
let wakeINTID: UInt32 = 0

func runLoop(cpu: Int) -> Never {
    let h = hypervisor!
    h.acquire()
    while true {
        guard let v = pick(cpu: cpu) else {
            if h.allVCPUs.allSatisfy({ $0.state == .off }) {
                h.trace("every vCPU is off: PSCI SYSTEM_OFF")
                systemOff()
            }
            // Idle: WFI until another CPU's wake-up SGI is pending (WFI wakes
            // on a pending interrupt even with PSTATE.I set, D1.6.2), then
            // acknowledge it.  A wake-up sent before the WFI stays pending.
            h.release()
            wfi()
            acknowledgeWakeUps()
            h.acquire()
            continue
        }
        v.state = .running
        load(v, cpu: cpu)
        h.release()
        while true {
            let code = hypCall(.vcpuRun, opaque(v))
            h.acquire()
            if handleExit(v, code: code, cpu: cpu) && !v.yielded && v.state == .running {
                assignVMID(v)
                flushIfRolledOver(cpu: cpu)
                h.release()
                continue
            }
            break
        }
        put(v)
    }
}

/// The next vCPU after the one this CPU ran last that it may run.
private func pick(cpu: Int) -> VCPU? {
    let h = hypervisor!
    let all = h.allVCPUs
    let start = h.lastPicked[cpu]
    for step in 1...all.count {
        let i = (start + step) % all.count
        let v = all[i]
        guard v.state == .runnable else { continue }
        if h.options.sched == .roundRobin || v.home == cpu {
            h.lastPicked[cpu] = i
            return v
        }
    }
    return nil
}

/// KVM's kvm_arch_vcpu_load, as far as it concerns TLBs and caches.
private func load(_ v: VCPU, cpu: Int) {
    let h = hypervisor!
    let vm = v.vm
    assignVMID(v)
    flushIfRolledOver(cpu: cpu)
    h.trace("cpu\(dec(cpu)) run vm\(dec(vm.index)) vcpu\(dec(v.index)) (VMID \(dec(v.vttbr >> 48)))")
    if vm.lastVCPURan[cpu] != v.index {
        // Another vCPU of this VM may have left TLB entries and I-cache lines
        // on this CPU that this one must not see (its own CPU would not have
        // them on bare metal): seeds 001 and 003.
        let tlb = h.options.fixes.isOn(.localTLBIOnVCPUSwitch)
        let icache = h.options.fixes.isOn(.icacheInvalOnVCPUSwitch)
        if tlb || icache {
            _ = hypCall(.flushCPUContext, opaque(vm), tlb ? 1 : 0, icache ? 1 : 0)
            h.trace("  last vCPU here was \(vm.lastVCPURan[cpu] < 0 ? "none" : "vcpu" + dec(vm.lastVCPURan[cpu])): flush CPU context:\(tlb ? " TLBI VMALLE1" : "")\(icache ? " IC IALLU" : "") DSB NSH")
        }
        vm.lastVCPURan[cpu] = v.index
    }
}

/// A VMID of the current generation for what the vCPU runs next (its VM,
/// or its L2's shadow stage 2), and the VTTBR_EL2 that goes with it.
private func assignVMID(_ v: VCPU) {
    let h = hypervisor!
    if let n = v.nested, !n.inVirtualEL2, let s = n.shadow {
        if h.vmids.assign(s) { rollover() }
        v.vttbr = s.vttbr
    } else {
        if h.vmids.assign(v.vm) { rollover() }
        v.vttbr = v.vm.stage2.root | v.vm.vmid << 48
    }
}

/// A VMID rollover happened while loading: every TLB and I-cache entry goes,
/// and every CPU flushes its own once more before it next enters a guest.
private func rollover() {
    let h = hypervisor!
    for i in 0..<h.rolloverFlushPending.count { h.rolloverFlushPending[i] = true }
    _ = hypCall(.flushVMContext)
    hypervisor.trace("  VMID rollover (generation \(dec(hypervisor.vmids.generation))): TLBI ALLE1IS, IC IALLUIS")
}

private func flushIfRolledOver(cpu: Int) {
    let h = hypervisor!
    guard h.rolloverFlushPending[cpu] else { return }
    h.rolloverFlushPending[cpu] = false
    _ = hypCall(.flushLocalContext)
}

/// The vCPU leaves the CPU (lock held): back in the queue, possibly moved.
private func put(_ v: VCPU) {
    let h = hypervisor!
    v.yielded = false
    if v.state == .running { v.state = .runnable }
    if v.moveTo >= 0 {
        h.trace("  vcpu\(dec(v.index)) moves to cpu\(dec(v.moveTo))")
        v.home = v.moveTo
        v.moveTo = -1
    } else if h.options.sched == .migrate && h.physicalCPUs > 1 {
        v.home = (v.home + 1) % h.physicalCPUs
    }
    wakeCPUs()
    h.release()
    h.acquire()
}

/// Tell idle CPUs (in WFI) to look at the queues again: SGI 0 to every
/// other CPU (ICC_SGI1R_EL1.IRM = 1).
func wakeCPUs() {
    guard hypervisor.physicalCPUs > 1 else { return }
    write_icc_sgi1r(1 << 40 | UInt64(wakeINTID) << 24)
    isb()
}

func acknowledgeWakeUps() {
    while true {
        let intid = read_icc_iar1() & 0xFF_FFFF
        if intid >= 1020 { return }                 // 1023: nothing pending
        write_icc_eoir1(intid)
    }
}

/// An IRQ ended the guest's turn: the end of its time slice (vcpuRun
/// disabled the timer at the exit, which takes the level-sensitive PPI
/// down) or another CPU's wake-up SGI, which is acknowledged here.
func endOfSlice(cpu: Int) { acknowledgeWakeUps() }

/// PSCI SYSTEM_OFF to the firmware (SMC): the machine stops, status 0.
func systemOff() -> Never {
    _ = hyp_smc(PSCI.systemOff, 0, 0, 0)
    fatal("PSCI SYSTEM_OFF returned")
}
