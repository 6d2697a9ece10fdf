// Hypervisor.swift - the hypervisor's state: its options, the machine it
// found, the page pool, the VMs, the VMID allocator, the per-CPU areas, and
// the one lock every exit handler and scheduling decision takes.

import HypArch

nonisolated(unsafe) var hypervisor: Hypervisor!

final class Hypervisor {
    let options: Options
    let machine: MachineDescription
    let vhe: Bool
    /// FEAT_S2FWB (ID_AA64MMFR2_EL1.FWB): used when the CPU has it, as KVM
    /// does: stage 2 forces Write-Back, so the guest's view is cacheable
    /// even with its MMU off, and the D-cache maintenance of seed 002 is
    /// not needed (arch-notes.md §1.2, fix lineage 4).
    let fwb: Bool
    var pool: PagePool
    var vms: [VM] = []
    var vmids: VMIDAllocator
    var cpus: [UnsafeMutablePointer<hyp_cpu>] = []
    /// Each physical CPU's host EL1 registers while a guest runs (nVHE).
    var hostContexts: [UnsafeMutablePointer<vcpu_regs>] = []
    /// The vCPU each physical CPU picked last (round-robin order).
    var lastPicked: [Int] = []
    /// Per physical CPU: a VMID rollover happened since it last flushed.
    var rolloverFlushPending: [Bool] = []
    var lock: UInt32 = 0
    var exits = 0

    init(options: Options, machine: MachineDescription, vhe: Bool, poolBase: UInt64, poolEnd: UInt64) {
        self.options = options
        self.machine = machine
        self.vhe = vhe
        fwb = options.useFWB && (read_id_aa64mmfr2_el1() >> 40) & 0xF != 0
        pool = PagePool(base: poolBase, end: poolEnd)
        vmids = VMIDAllocator(bits: options.vmidBits, limit: options.vmidLimit)
    }

    var physicalCPUs: Int { cpus.count }

    func trace(_ line: @autoclosure () -> String) {
        if options.trace { say("hyp: " + line()) }
    }

    func acquire() { spin_lock(&lock) }
    func release() { spin_unlock(&lock) }

    /// Every vCPU of every VM, in VM order (set once, at start).
    var allVCPUs: [VCPU] = []
}

/// VMIDs with generations (KVM's kvm_get_vmid/update_vmid before 5.15): a
/// VM keeps its VMID while its generation is current; when the VMIDs run
/// out, a new generation starts, every TLB entry and I-cache line of every
/// VMID is invalidated (TLBI ALLE1IS, IC IALLUIS) and VMs get new VMIDs as
/// they next run.  VMID 0 is the host's.
struct VMIDAllocator {
    var generation: UInt64 = 1
    var next: UInt64 = 1
    let last: UInt64
    /// VMID width in use: `--vmid-bits`, at most what ID_AA64MMFR1_EL1.VMIDBits allows.
    let bits: Int
    var rollovers = 0

    init(bits: Int, limit: Int) {
        let hardware = (read_id_aa64mmfr1_el1() >> 4) & 0xF == 2 ? 16 : 8
        self.bits = min(bits, hardware)
        let most: UInt64 = (1 << UInt64(self.bits)) - 1
        last = limit > 0 ? min(UInt64(limit), most) : most
    }

    /// Gives `vm` a VMID of the current generation if it has none; true when
    /// that needed a rollover (the caller flushes, as KVM's update_vmid does).
    mutating func assign(_ vm: VM) -> Bool {
        assign(&vm.vmid, &vm.vmidGeneration)
    }

    /// The same for a shadow stage 2, which has a VMID of its own.
    mutating func assign(_ s: ShadowStage2) -> Bool {
        assign(&s.vmid, &s.vmidGeneration)
    }

    private mutating func assign(_ vmid: inout UInt64, _ vmidGeneration: inout UInt64) -> Bool {
        if vmidGeneration == generation { return false }
        var rolled = false
        if next > last {
            generation += 1
            next = 1
            rollovers += 1
            rolled = true
        }
        vmid = next
        vmidGeneration = generation
        next += 1
        return rolled
    }
}
