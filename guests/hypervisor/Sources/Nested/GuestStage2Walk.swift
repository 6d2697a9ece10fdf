// GuestStage2Walk.swift - the guest hypervisor's stage-2 tables walked in
// software (KVM's kvm_walk_nested_s2): L2 IPA -> L1 IPA with L1's
// VTCR_EL2 and VTTBR_EL2, reading its descriptors from its RAM as the
// table walk would (AArch64.S2Walk: 4KB granule, initial level from SL0,
// concatenated initial tables, the access flag).  Its faults are what the
// guest hypervisor must see (D8.3 translation and access flag faults).

import HypArch

enum GuestStage2Walk {
    enum Outcome {
        /// `output` is the L1 IPA; `level` the leaf's level (1-3).
        case leaf(output: UInt64, level: Int, descriptor: UInt64)
        /// A stage-2 fault for the guest hypervisor, as an ESR FSC.
        case fault(status: UInt64)
    }

    static func translationFault(_ level: Int) -> UInt64 { 0x04 | UInt64(level) }
    static func accessFlagFault(_ level: Int) -> UInt64 { 0x08 | UInt64(level) }
    static func permissionFault(_ level: Int) -> UInt64 { 0x0C | UInt64(level) }

    static func walk(_ vm: VM, _ n: NestedVCPU, ipa: UInt64) -> Outcome {
        let vtcr = n[.vtcr]
        if vtcr >> 14 & 3 != 0 {
            fatal("vm\(dec(vm.index)): the guest hypervisor's VTCR_EL2 (\(hex(vtcr))) uses a 16KB or 64KB granule: only 4KB is implemented for --nested")
        }
        let t0sz = Int(vtcr & 63)
        let inputBits = 64 - t0sz
        // VTCR_EL2.SL0 with a 4KB granule: 0 -> level 2, 1 -> level 1, 2 -> level 0.
        let startLevel: Int
        switch vtcr >> 6 & 3 {
        case 0: startLevel = 2
        case 1: startLevel = 1
        case 2: startLevel = 0
        default: return .fault(status: translationFault(0))
        }
        // An IPA above the input size, or a T0SZ the start level cannot
        // resolve: a level 0 Translation fault (AArch64.S2InvalidTxSZ, and
        // the input-range check of AArch64.S2Walk).
        if inputBits < 25 || inputBits > 48 || (inputBits < 64 && ipa >> UInt64(inputBits) != 0) {
            return .fault(status: translationFault(0))
        }
        var table = n[.vttbr] & 0x0000_FFFF_FFFF_FFFE
        var level = startLevel
        while true {
            let shift = UInt64(12 + 9 * (3 - level))
            // The initial lookup indexes with every bit above `shift`
            // (concatenated tables); later lookups with 9 bits.
            let index = level == startLevel ? (ipa & ((1 << UInt64(inputBits)) - 1)) >> shift : (ipa >> shift) & 511
            let d = readDescriptor(vm, n, at: table + 8 * index)
            if d & 1 == 0 { return .fault(status: translationFault(level)) }
            let isTable = d & 2 != 0
            if level < 3 && isTable {
                table = d & 0x0000_FFFF_FFFF_F000
                level += 1
                continue
            }
            // A block at level 0, or a reserved level-3 encoding.
            if level == 0 || (level == 3 && !isTable) { return .fault(status: translationFault(level)) }
            if d & (1 << 10) == 0 { return .fault(status: accessFlagFault(level)) }
            let size: UInt64 = 1 << shift
            let output = (d & 0x0000_FFFF_FFFF_F000 & ~(size - 1)) | (ipa & (size - 1))
            return .leaf(output: output, level: level, descriptor: d)
        }
    }

    /// A descriptor at L1 IPA `ipa`, read through the host's mapping of the
    /// page behind it.  With the guest hypervisor's caches off (and no
    /// FWB) it wrote its tables to memory around the caches: the line is
    /// cleaned and invalidated first, so that no line the host holds hides
    /// them (arch-notes.md §1.2; the host never writes these pages, so the
    /// clean writes nothing back over the guest's data once seed 002's
    /// clean-on-fault has run).
    private static func readDescriptor(_ vm: VM, _ n: NestedVCPU, at ipa: UInt64) -> UInt64 {
        guard vm.isRAM(ipa) else {
            fatal("vm\(dec(vm.index)): the guest hypervisor's stage-2 table at IPA \(hex(ipa)) is not in its RAM")
        }
        let page = vm.backing[Int((ipa - guestRAMBase) / pageSize)]
        if page == 0 { return 0 }                   // never written: zeros
        let pa = page + (ipa & (pageSize - 1))
        if !n.cachesEnabled && !hypervisor.fwb { dc_civac(pa); dsb_ish() }
        return load64(pa)
    }
}
