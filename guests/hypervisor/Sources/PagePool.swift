// PagePool.swift - the hypervisor's physical pages: stage-2 tables and the
// memory behind the VMs' guest-physical pages.  Freed pages are reused
// last-in first-out, so a page a VM just gave back is the next one handed
// out: deterministic, and exactly the reuse KVM's scenarios need (a page
// that backed one IPA comes back behind another, arch-notes.md §1.0).
// Called with the hypervisor lock held (Scheduler.swift).

import HypArch

let pageSize: UInt64 = 4096

struct PagePool {
    private var next: UInt64
    private let end: UInt64
    private var freed: [UInt64] = []
    private(set) var inUse = 0

    init(base: UInt64, end: UInt64) {
        next = (base + pageSize - 1) & ~(pageSize - 1)
        self.end = end & ~(pageSize - 1)
    }

    var freePages: Int { Int((end - next) / pageSize) + freed.count }

    /// A page, zeroed through the hypervisor's cacheable mapping (as the
    /// host kernel zeroes a page it gives a VM: the zeros may sit dirty in
    /// the data cache, arch-notes.md §1.2 scenario A).
    mutating func allocate() -> UInt64 {
        let pa: UInt64
        if let p = freed.popLast() {
            pa = p
        } else {
            guard next < end else { fatal("out of memory: no free page left for the VMs (give the board more RAM)") }
            pa = next
            next += pageSize
        }
        inUse += 1
        _ = memset(UnsafeMutableRawPointer(bitPattern: UInt(pa)), 0, Int(pageSize))
        return pa
    }

    mutating func free(_ pa: UInt64) {
        inUse -= 1
        freed.append(pa)
    }
}
