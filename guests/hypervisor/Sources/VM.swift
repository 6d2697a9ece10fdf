// VM.swift - a virtual machine: its guest-physical memory (the board's
// map: RAM at 0x4000_0000, the PL011 at 0x0900_0000 emulated), the host
// pages behind that RAM (KVM's memslot), its stage-2 tables, its VMID, and
// per physical CPU the vCPU that last ran there (KVM's last_vcpu_ran).

import HypArch

let guestRAMBase: UInt64 = 0x4000_0000
let guestRAMSize: UInt64 = 256 << 20
let guestUARTBase: UInt64 = 0x0900_0000

final class VM {
    let index: Int
    let stage2: Stage2
    var vmid: UInt64 = 0
    var vmidGeneration: UInt64 = 0
    /// Host page behind each guest RAM page, 0 when none yet (allocated on
    /// first use, by the loader or at a stage-2 fault).
    var backing: [UInt64]
    var vcpus: [VCPU] = []
    var lastVCPURan: [Int]
    var entry: UInt64 = 0
    /// The shadow stage 2s of a guest hypervisor's L2s (--nested).
    var shadows: ShadowPool?

    init(index: Int, physicalCPUs: Int, pool: inout PagePool) {
        self.index = index
        stage2 = Stage2(pool: &pool)
        backing = [UInt64](repeating: 0, count: Int(guestRAMSize / pageSize))
        lastVCPURan = [Int](repeating: -1, count: physicalCPUs)
    }

    func isRAM(_ ipa: UInt64) -> Bool { ipa >= guestRAMBase && ipa - guestRAMBase < guestRAMSize }

    /// The host page behind guest RAM page `ipa`, allocated (zeroed) if new.
    func backingPage(_ ipa: UInt64, pool: inout PagePool) -> UInt64 {
        let i = Int((ipa - guestRAMBase) / pageSize)
        if backing[i] == 0 { backing[i] = pool.allocate() }
        return backing[i]
    }

    /// Writes the VM's device tree at the base of its RAM (through the
    /// hypervisor's cacheable mapping, cleaned to PoC for a guest that reads
    /// it with its MMU off); returns its IPA, for x0.
    func placeDeviceTree(pool: inout PagePool) -> UInt64 {
        let blob = guestDeviceTree(vcpus: vcpus)
        let pages = (UInt64(blob.count) + pageSize - 1) / pageSize
        for p in 0..<pages {
            let page = backingPage(guestRAMBase + p * pageSize, pool: &pool)
            let start = Int(p * pageSize), n = min(Int(pageSize), blob.count - start)
            blob.withUnsafeBufferPointer { b in
                _ = memcpy(UnsafeMutableRawPointer(bitPattern: UInt(page))!, b.baseAddress! + start, n)
            }
            Maintenance.cleanToPoC(page: page)
        }
        return guestRAMBase
    }

    /// Copies the guest image into this VM's RAM through the hypervisor's
    /// cacheable mapping, then makes it visible to a guest that starts with
    /// its MMU and caches off: clean to PoC and invalidate the I-cache by VA
    /// for the pages written (what a VMM does after writing code, e.g.
    /// QEMU's or kvmtool's flush of a loaded kernel; without it the guest's
    /// first fetches, non-cacheable, would read memory the loader's dirty
    /// lines have not reached).
    func load(_ image: GuestImage, pool: inout PagePool) {
        entry = image.entry
        image.bytes.withUnsafeBufferPointer { file in
            for s in image.segments {
                var done: UInt64 = 0
                while done < s.memorySize {
                    let ipa = s.address + done
                    let page = backingPage(ipa & ~(pageSize - 1), pool: &pool)
                    let inPage = min(pageSize - (ipa & (pageSize - 1)), s.memorySize - done)
                    let fromFile = done < UInt64(s.fileSize) ? min(inPage, UInt64(s.fileSize) - done) : 0
                    if fromFile > 0 {
                        _ = memcpy(UnsafeMutableRawPointer(bitPattern: UInt(page + (ipa & (pageSize - 1))))!,
                                   file.baseAddress! + s.fileOffset + Int(done), Int(fromFile))
                    }
                    done += inPage
                }
                var a = s.address & ~(pageSize - 1)
                while a < s.address + s.memorySize {
                    Maintenance.cleanToPoC(page: backing[Int((a - guestRAMBase) / pageSize)])
                    Maintenance.invalidateICache(page: backing[Int((a - guestRAMBase) / pageSize)])
                    a += pageSize
                }
            }
        }
    }
}

/// A vCPU's life (PSCI): off until CPU_ON, runnable, or running on a CPU.
enum VCPUState { case off, runnable, running }

final class VCPU {
    let vm: VM      // a cycle (VM.vcpus): VMs live as long as the hypervisor
    let index: Int
    let regs: UnsafeMutablePointer<vcpu_regs>
    var state = VCPUState.off
    /// The physical CPU it runs on (pinned and migrate scheduling).
    var home: Int
    /// Where the paravirtual "move me" call asked it to go at its next exit.
    var moveTo = -1
    var hcr: UInt64 = 0
    var mpidr: UInt64
    /// Set by an exit that gives the physical CPU up (yield, WFI, CPU_OFF).
    var yielded = false
    /// VTTBR_EL2 for its next entry: its VM's stage 2 and VMID, or the
    /// shadow stage 2 of the L2 its guest hypervisor runs.
    var vttbr: UInt64 = 0
    /// The virtual EL2 of a guest hypervisor (--nested), nil otherwise.
    var nested: NestedVCPU?

    init(vm: VM, index: Int, home: Int) {
        self.vm = vm
        self.index = index
        self.home = home
        regs = allocate(vcpu_regs.self)
        // MPIDR as the board gives its CPUs (Aff0 = index < 16, U = 0,
        // bit 31 RES1), so guest code that reads its MPIDR finds vCPU n.
        mpidr = (1 << 31) | UInt64(index & 15) | UInt64(index >> 4) << 8
    }

    /// The architectural reset state of a vCPU entering at `pc` in EL1h with
    /// the MMU off (PSCI CPU_ON, and the boot vCPU), x0 = `context`.
    func reset(pc: UInt64, context: UInt64) {
        _ = memset(regs, 0, MemoryLayout<vcpu_regs>.size)
        regs.pointee.pc = pc
        regs.pointee.pstate = 0x3C5                // EL1h, D, A, I, F masked
        vcpu_set_x(regs, 0, context)
        vcpu_set_sys(regs, UInt32(VCPU_SCTLR.rawValue), 0x30D0_0800)     // RES1 bits, M = C = I = 0
    }

    var sctlr: UInt64 { vcpu_get_sys(regs, UInt32(VCPU_SCTLR.rawValue)) }
    /// KVM's vcpu_has_cache_enabled: SCTLR_EL1.M and .C both set.
    var cachesEnabled: Bool { sctlr & 0b101 == 0b101 }

    func x(_ n: UInt64) -> UInt64 { vcpu_get_x(regs, UInt32(n)) }
    func setX(_ n: UInt64, _ v: UInt64) { vcpu_set_x(regs, UInt32(n), v) }
}
