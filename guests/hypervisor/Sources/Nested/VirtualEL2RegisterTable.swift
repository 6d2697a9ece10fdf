// VirtualEL2RegisterTable.swift - the system registers a guest hypervisor
// at virtual EL2 reaches through traps (ESR_EL2 EC 0x18), by encoding, and
// where each lives: its virtual EL2 file, or the L2's EL1 registers.  One
// row per register, names as the Arm ARM gives them (D24.2); an encoding
// not here is UNDEFINED to the guest hypervisor (as at a real EL2 without
// the feature).

import HypArch

enum VirtualRegisterHome {
    /// A virtual EL2 register.
    case el2(VEL2)
    /// An EL1 register of the L2 (trapped by TVM/TRVM, NV1, NV or TCPAC).
    case el1(vcpu_sysreg)
}

struct VirtualRegisterRow {
    let name: String
    let key: UInt64             // op0:op1:CRn:CRm:op2 (SystemRegisterKey)
    let home: VirtualRegisterHome
}

/// op0:op1:CRn:CRm:op2 as ESR_EL2's ISS for EC 0x18 lays them out, packed.
func systemRegisterKey(_ op0: UInt64, _ op1: UInt64, _ crn: UInt64, _ crm: UInt64, _ op2: UInt64) -> UInt64 {
    op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2
}

private func el2(_ name: String, _ op1: UInt64, _ crn: UInt64, _ crm: UInt64, _ op2: UInt64, _ r: VEL2) -> VirtualRegisterRow {
    VirtualRegisterRow(name: name, key: systemRegisterKey(3, op1, crn, crm, op2), home: .el2(r))
}

private func el1(_ name: String, _ op1: UInt64, _ crn: UInt64, _ crm: UInt64, _ op2: UInt64, _ r: vcpu_sysreg) -> VirtualRegisterRow {
    VirtualRegisterRow(name: name, key: systemRegisterKey(3, op1, crn, crm, op2), home: .el1(r))
}

let virtualRegisterTable: [VirtualRegisterRow] = [
    // EL2 registers (op1 = 4), E2H = 0 layout.
    el2("VPIDR_EL2", 4, 0, 0, 0, .vpidr),
    el2("VMPIDR_EL2", 4, 0, 0, 5, .vmpidr),
    el2("SCTLR_EL2", 4, 1, 0, 0, .sctlr),
    el2("ACTLR_EL2", 4, 1, 0, 1, .actlr),
    el2("HCR_EL2", 4, 1, 1, 0, .hcr),
    el2("MDCR_EL2", 4, 1, 1, 1, .mdcr),
    el2("CPTR_EL2", 4, 1, 1, 2, .cptr),
    el2("HSTR_EL2", 4, 1, 1, 3, .hstr),
    el2("HACR_EL2", 4, 1, 1, 7, .hacr),
    el2("TTBR0_EL2", 4, 2, 0, 0, .ttbr0),
    el2("TCR_EL2", 4, 2, 0, 2, .tcr),
    el2("VTTBR_EL2", 4, 2, 1, 0, .vttbr),
    el2("VTCR_EL2", 4, 2, 1, 2, .vtcr),
    el2("SPSR_EL2", 4, 4, 0, 0, .spsr),
    el2("ELR_EL2", 4, 4, 0, 1, .elr),
    el2("AFSR0_EL2", 4, 5, 1, 0, .afsr0),
    el2("AFSR1_EL2", 4, 5, 1, 1, .afsr1),
    el2("ESR_EL2", 4, 5, 2, 0, .esr),
    el2("FAR_EL2", 4, 6, 0, 0, .far),
    el2("HPFAR_EL2", 4, 6, 0, 4, .hpfar),
    el2("MAIR_EL2", 4, 10, 2, 0, .mair),
    el2("AMAIR_EL2", 4, 10, 3, 0, .amair),
    el2("VBAR_EL2", 4, 12, 0, 0, .vbar),
    el2("CONTEXTIDR_EL2", 4, 13, 0, 1, .contextidr),
    el2("TPIDR_EL2", 4, 13, 0, 2, .tpidr),
    el2("CNTVOFF_EL2", 4, 14, 0, 3, .cntvoff),
    el2("CNTHCTL_EL2", 4, 14, 1, 0, .cnthctl),
    el2("CNTHP_CTL_EL2", 4, 14, 2, 1, .cnthpCtl),
    el2("CNTHP_CVAL_EL2", 4, 14, 2, 2, .cnthpCval),
    // SP_EL1 from EL2 (trapped by NV): the L2's.
    el1("SP_EL1", 4, 4, 1, 0, VCPU_SP_EL1),
    // The L2's EL1 registers whose accesses trap at virtual EL2.
    el1("SCTLR_EL1", 0, 1, 0, 0, VCPU_SCTLR),
    el1("CPACR_EL1", 0, 1, 0, 2, VCPU_CPACR),
    el1("TTBR0_EL1", 0, 2, 0, 0, VCPU_TTBR0),
    el1("TTBR1_EL1", 0, 2, 0, 1, VCPU_TTBR1),
    el1("TCR_EL1", 0, 2, 0, 2, VCPU_TCR),
    el1("SPSR_EL1", 0, 4, 0, 0, VCPU_SPSR),
    el1("ELR_EL1", 0, 4, 0, 1, VCPU_ELR),
    el1("AFSR0_EL1", 0, 5, 1, 0, VCPU_AFSR0),
    el1("AFSR1_EL1", 0, 5, 1, 1, VCPU_AFSR1),
    el1("ESR_EL1", 0, 5, 2, 0, VCPU_ESR),
    el1("FAR_EL1", 0, 6, 0, 0, VCPU_FAR),
    el1("MAIR_EL1", 0, 10, 2, 0, VCPU_MAIR),
    el1("AMAIR_EL1", 0, 10, 3, 0, VCPU_AMAIR),
    el1("VBAR_EL1", 0, 12, 0, 0, VCPU_VBAR),
    el1("CONTEXTIDR_EL1", 0, 13, 0, 1, VCPU_CONTEXTIDR),
]

func virtualRegister(key: UInt64) -> VirtualRegisterRow? {
    for row in virtualRegisterTable where row.key == key { return row }
    return nil
}
