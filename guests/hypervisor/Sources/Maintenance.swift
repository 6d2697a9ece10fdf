// Maintenance.swift - the host's cache maintenance by virtual address on
// pages it reaches through its identity mapping (KVM's
// kvm_flush_dcache_to_poc, flush_icache_range): DC and IC instructions one
// line at a time, line sizes from CTR_EL0 (D24.2.42), executed at the
// host's EL (EL1 in nVHE, EL2 in VHE) — which is what matters on a VPIPT
// I-cache (arch-notes.md §1.0).

import HypArch

enum Maintenance {
    static var ctr: UInt64 { read_ctr_el0() }
    static var dataLine: UInt64 { 4 << ((ctr >> 16) & 0xF) }
    static var instructionLine: UInt64 { 4 << (ctr & 0xF) }
    /// CTR_EL0.L1Ip = 0b00: VMID-aware PIPT (legacy, arch-notes.md §1.0).
    static var icacheIsVPIPT: Bool { (ctr >> 14) & 3 == 0 }
    static var idc: Bool { (ctr >> 28) & 1 != 0 }
    static var dic: Bool { (ctr >> 29) & 1 != 0 }

    /// DC CVAC over the page, DSB ISH.
    static func cleanToPoC(page: UInt64) {
        let step = dataLine
        var a = page
        while a < page + pageSize { dc_cvac(a); a += step }
        dsb_ish()
    }

    /// DC CIVAC over the page, DSB ISH (kvm_flush_dcache_to_poc).
    static func cleanInvalidateToPoC(page: UInt64) {
        cleanInvalidateToPoC(page, size: pageSize)
    }

    /// DC CIVAC over [start, start + size), DSB ISH.
    static func cleanInvalidateToPoC(_ start: UInt64, size: UInt64) {
        let step = dataLine
        var a = start & ~(step - 1)
        while a < start + size { dc_civac(a); a += step }
        dsb_ish()
    }

    /// flush_icache_range: DC CVAU (unless CTR_EL0.IDC), DSB ISH, IC IVAU
    /// (unless CTR_EL0.DIC), DSB ISH, ISB.
    static func invalidateICache(page: UInt64) {
        if !idc {
            let step = dataLine
            var a = page
            while a < page + pageSize { dc_cvau(a); a += step }
        }
        dsb_ish()
        if !dic {
            let step = instructionLine
            var a = page
            while a < page + pageSize { ic_ivau(a); a += step }
        }
        dsb_ish()
        isb()
    }
}
