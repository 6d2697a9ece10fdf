// Stage2.swift - a VM's stage-2 translation tables (VMSAv8-64, 4 KiB
// granule, 39-bit IPA, lookup from level 1: VTCR_EL2.T0SZ = 25, SL0 = 1;
// ARM ARM D8.2 and D8.3.2), built one page at a time at stage-2 faults as
// KVM's user_mem_abort does, with real descriptors the CPU's MMU walks.
// The tables live in RAM the hypervisor writes through its cacheable
// mapping; the walks are cacheable (VTCR_EL2.IRGN0/ORGN0 = WB).

import HypArch

/// Stage-2 descriptor fields (D8.3.2, D8.6.5).
enum S2 {
    static let valid: UInt64 = 1 << 0
    static let table: UInt64 = 1 << 1           // with valid: table (levels 1-2) or page (level 3)
    static let memAttrWB: UInt64 = 0xF << 2     // MemAttr: Normal, Inner/Outer Write-Back
    static let apRW: UInt64 = 3 << 6            // S2AP: read and write
    static let shInner: UInt64 = 3 << 8
    static let af: UInt64 = 1 << 10
    static let addressMask: UInt64 = 0x0000_FFFF_FFFF_F000
    static let normalPage = valid | table | memAttrWB | apRW | shInner | af
    /// With HCR_EL2.FWB, MemAttr 0b0110: forced Normal Write-Back (D8.6.6).
    static let forcedWBPage = valid | table | (0b0110 << 2) | apRW | shInner | af
}

final class Stage2 {
    let root: UInt64

    /// VTCR_EL2 for these tables (D24.2 VTCR_EL2): T0SZ 25, SL0 1 (level 1),
    /// IRGN0/ORGN0 WB-WA, SH0 Inner, TG0 4 KiB, PS 40 bits, VS for 16-bit VMIDs.
    static func vtcr(vmidBits: Int) -> UInt64 {
        var v: UInt64 = 25 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1 << 31)
        if vmidBits == 16 { v |= 1 << 19 }
        return v
    }

    init(pool: inout PagePool) {
        root = pool.allocate()
    }

    private func index(_ ipa: UInt64, level: Int) -> UInt64 {
        (ipa >> UInt64(12 + 9 * (3 - level))) & 511
    }

    /// The address of the level-3 descriptor for `ipa`, creating the tables
    /// above it when `pool` is given; nil when a table is missing.
    private func leaf(_ ipa: UInt64, pool: UnsafeMutablePointer<PagePool>?) -> UInt64? {
        var table = root
        for level in 1...2 {
            let slot = table + 8 * index(ipa, level: level)
            let d = load64(slot)
            if d & S2.valid == 0 {
                guard let pool else { return nil }
                let t = pool.pointee.allocate()
                store64(slot, t | S2.valid | S2.table)
                table = t
            } else {
                table = d & S2.addressMask
            }
        }
        return table + 8 * index(ipa, level: 3)
    }

    /// The output address `ipa`'s page is mapped to, if it is.
    func lookup(_ ipa: UInt64) -> UInt64? {
        guard let slot = leaf(ipa, pool: nil) else { return nil }
        let d = load64(slot)
        return d & S2.valid != 0 ? d & S2.addressMask : nil
    }

    /// Maps `ipa`'s page to `pa` (the entry must be invalid: a change of
    /// output address goes through unmap first, break-before-make, D8.16.1).
    func map(_ ipa: UInt64, to pa: UInt64, fwb: Bool, pool: inout PagePool) {
        let slot = withUnsafeMutablePointer(to: &pool) { leaf(ipa, pool: $0) }!
        store64(slot, (pa & S2.addressMask) | (fwb ? S2.forcedWBPage : S2.normalPage))
        dsb_ish()       // the descriptor is visible to table walks before the guest retries
    }

    /// Clears `ipa`'s descriptor; the caller then invalidates the TLBs
    /// (KVM's kvm_tlb_flush_vmid_ipa).  Returns the page it mapped.
    func unmap(_ ipa: UInt64) -> UInt64? {
        guard let slot = leaf(ipa, pool: nil) else { return nil }
        let d = load64(slot)
        guard d & S2.valid != 0 else { return nil }
        store64(slot, 0)
        dsb_ish()
        return d & S2.addressMask
    }

    /// Maps `ipa`'s page with a complete page descriptor (a shadow stage
    /// 2's, Nested/ShadowStage2.swift); the entry must be invalid.
    func map(_ ipa: UInt64, descriptor: UInt64, pool: inout PagePool) {
        let slot = withUnsafeMutablePointer(to: &pool) { leaf(ipa, pool: $0) }!
        store64(slot, descriptor)
        dsb_ish()
    }

    /// Clears every page descriptor in [from, to) that `remove` picks
    /// (given its IPA and descriptor), skipping absent tables; returns the
    /// IPAs cleared, in order.  The caller invalidates the TLBs.
    func unmap(from: UInt64, to: UInt64, where remove: (UInt64, UInt64) -> Bool) -> [UInt64] {
        var cleared: [UInt64] = []
        var ipa = from & ~(pageSize - 1)
        while ipa < to {
            let d1 = load64(root + 8 * index(ipa, level: 1))
            if d1 & S2.valid == 0 { ipa = (ipa | (1 << 30 - 1)) + 1; continue }
            let d2 = load64((d1 & S2.addressMask) + 8 * index(ipa, level: 2))
            if d2 & S2.valid == 0 { ipa = (ipa | (1 << 21 - 1)) + 1; continue }
            let slot = (d2 & S2.addressMask) + 8 * index(ipa, level: 3)
            let d3 = load64(slot)
            if d3 & S2.valid != 0 && remove(ipa, d3) {
                store64(slot, 0)
                cleared.append(ipa)
            }
            ipa += pageSize
        }
        if !cleared.isEmpty { dsb_ish() }
        return cleared
    }

    /// Empties the tables (the root stays), giving their pages back.
    func clear(pool: inout PagePool) {
        for i1 in 0..<UInt64(512) {
            let d1 = load64(root + 8 * i1)
            guard d1 & S2.valid != 0 else { continue }
            let t2 = d1 & S2.addressMask
            for i2 in 0..<UInt64(512) {
                let d2 = load64(t2 + 8 * i2)
                if d2 & S2.valid != 0 { pool.free(d2 & S2.addressMask) }
            }
            store64(root + 8 * i1, 0)
            pool.free(t2)
        }
        dsb_ish()
    }

    /// Every mapped page, in IPA order (KVM's stage2_flush_vm walk).
    func forEachPage(_ body: (UInt64, UInt64) -> Void) {
        for i1 in 0..<UInt64(512) {
            let d1 = load64(root + 8 * i1)
            guard d1 & S2.valid != 0 else { continue }
            let t2 = d1 & S2.addressMask
            for i2 in 0..<UInt64(512) {
                let d2 = load64(t2 + 8 * i2)
                guard d2 & S2.valid != 0 else { continue }
                let t3 = d2 & S2.addressMask
                for i3 in 0..<UInt64(512) {
                    let d3 = load64(t3 + 8 * i3)
                    guard d3 & S2.valid != 0 else { continue }
                    body(i1 << 30 | i2 << 21 | i3 << 12, d3 & S2.addressMask)
                }
            }
        }
    }
}
