/// The encoding of a system register or system instruction:
/// op0, op1, CRn, CRm, op2 (ARM ARM C5.3, D24).
public struct SystemRegisterKey: Hashable, CustomStringConvertible, Sendable {
    public let op0, op1, crn, crm, op2: UInt32
    public init(op0: UInt32, op1: UInt32, crn: UInt32, crm: UInt32, op2: UInt32) {
        self.op0 = op0; self.op1 = op1; self.crn = crn; self.crm = crm; self.op2 = op2
    }
    public var description: String { "S\(op0)_\(op1)_C\(crn)_C\(crm)_\(op2)" }
}

/// Where a system register's value lives and how MRS/MSR reach it.
public enum SystemRegisterKind: Sendable {
    /// A register kept in `CPU.systemRegisters`; `writable` is the mask of
    /// bits software can change (RES0 and RES1 bits keep their reset value).
    case stored(writable: UInt64)
    /// Read-only, the value fixed at reset from `ImpDef` (ID registers).
    case constant
    /// PSTATE and stack pointers, held in the CPU's own fields.
    case nzcv, daif, currentEL, spsel, spEL0, spEL1
    /// FPCR and FPSR, held in the CPU's own fields.
    case fpcr, fpsr
    /// MIDR_EL1 / MPIDR_EL1: EL1 reads return VPIDR_EL2 / VMPIDR_EL2 when
    /// EL2 is implemented (D24.2: "reads from EL1 return the value of
    /// VPIDR_EL2").
    case midr, mpidr
    /// CNTPCT_EL0 / CNTVCT_EL0.
    case physicalCount, virtualCount
    /// Generic timer n (GenericTimer.Timer): CTL, CVAL, TVAL.
    case timerCTL(UInt8), timerCVAL(UInt8), timerTVAL(UInt8)
    /// A GIC CPU interface register, implemented by the board's GIC.
    case gic(GICCPUInterfaceRegister)
    /// ICC_SRE_EL1/EL2: the system-register interface is always enabled
    /// (SRE, DFB, DIB and, for EL2, Enable are RAO/WI).
    case iccSRE(UInt64)
    /// DCZID_EL0: DZP says whether DC ZVA is permitted at the current EL.
    case dczid
    /// OSLAR_EL1: writing sets OSLSR_EL1.OSLK.
    case osLockAccess
    /// ISR_EL1: which of IRQ, FIQ and SError are pending (A 8, I 7, F 6).
    case isr
    /// CCSIDR_EL1: the cache CSSELR_EL1 selects.
    case ccsidr
}

/// Which EL may read or write a register at all (lower: UNDEFINED).
public enum SystemRegisterAccess: Sendable {
    case readWrite, readOnly, writeOnly
}

/// The traps that apply to a register besides its minimum EL (ARM ARM
/// D24 "Configurations" and each register's accessibility pseudocode).
public enum SystemRegisterTrap: Sendable {
    case none
    /// HCR_EL2.TVM traps EL1 writes, TRVM EL1 reads (the virtual memory
    /// controls: SCTLR, TTBRn, TCR, ESR, FAR, AFSRn, MAIR, AMAIR, CONTEXTIDR).
    case tvm
    /// HCR_EL2.TID1: REVIDR_EL1, AIDR_EL1.
    case tid1
    /// HCR_EL2.TID2: CCSIDR, CLIDR, CSSELR (and CTR_EL0, see `ctr`).
    case tid2
    /// HCR_EL2.TID3: the ID group 3 registers (op1 0, CRn 0, CRm 1-7).
    case tid3
    /// HCR_EL2.TACR: ACTLR_EL1.
    case tacr
    /// HCR_EL2.TLOR: the LORegion registers.
    case tlor
    /// FEAT_NV: HCR_EL2.{NV, NV1} = {1, 1} traps EL1 accesses to VBAR_EL1,
    /// ELR_EL1 and SPSR_EL1 (a non-VHE guest hypervisor's own EL1 state is
    /// its guest's, which the host keeps).
    case nv1
    /// CPTR_EL2.TCPAC (bit 31, both layouts): CPACR_EL1 from EL1.
    case tcpac
    /// CTR_EL0: SCTLR_EL1.UCT at EL0, then HCR_EL2.TID2.
    case ctr
    /// DAIF at EL0: SCTLR_EL1.UMA.
    case daifEL0
    /// CNTPCT_EL0 / CNTVCT_EL0 / CNTFRQ_EL0: CNTKCTL_EL1 at EL0, CNTHCTL_EL2
    /// at EL1 (physical count only).
    case physicalCounter, virtualCounter, counterFrequency
    /// CNTP_* / CNTV_* EL0 timers: CNTKCTL_EL1 at EL0, CNTHCTL_EL2 at EL1
    /// (physical timer only).
    case physicalTimer, virtualTimer
    /// MDCR_EL2.TDA (debug registers) and TDOSA (OS lock registers).
    case debugTDA, debugTDOSA
    /// The FP/SIMD enables, CPACR_EL1.FPEN and CPTR_EL2 (FPCR, FPSR).
    case fpAccess
}

/// FEAT_VHE: what an access does when HCR_EL2.E2H = 1.
public enum SystemRegisterVHE: Sendable {
    case none
    /// An EL1 (or EL0 timer) encoding that, executed at EL2 with E2H = 1,
    /// reaches the named EL2 register instead (D5.6 "Virtualization Host
    /// Extensions", the redirection table). `alsoEL0`: the same for EL0 with
    /// {E2H, TGE} = {1, 1} (the EL0 timers).
    case redirect(String, alsoEL0: Bool)
    /// An _EL12 / _EL02 name: at EL2 with E2H = 1 it reaches the named EL1
    /// (or EL0) register; anywhere else it is UNDEFINED.
    case alias(String)
}

public struct SystemRegisterRow: Sendable {
    public let name: String
    public let key: SystemRegisterKey
    public let kind: SystemRegisterKind
    public let reset: UInt64
    /// The lowest EL that may access it; below, UNDEFINED (or trapped to EL2
    /// with HCR_EL2.NV at EL1 for EL2 registers).
    public let minEL: UInt8
    public let access: SystemRegisterAccess
    public let trap: SystemRegisterTrap
    public let vhe: SystemRegisterVHE

    init(_ name: String, _ op0: UInt32, _ op1: UInt32, _ crn: UInt32, _ crm: UInt32, _ op2: UInt32,
         _ kind: SystemRegisterKind, reset: UInt64 = 0, minEL: UInt8 = 1,
         _ access: SystemRegisterAccess = .readWrite, trap: SystemRegisterTrap = .none,
         vhe: SystemRegisterVHE = .none) {
        self.name = name
        self.key = SystemRegisterKey(op0: op0, op1: op1, crn: crn, crm: crm, op2: op2)
        self.kind = kind
        self.reset = reset
        self.minEL = minEL
        self.access = access
        self.trap = trap
        self.vhe = vhe
    }
}

/// The system-register table: one row per register, everything about it in
/// the row. MRS/MSR decode to an index into it; the access checks
/// (`CPU.checkSystemRegisterAccess`), reset and the debugger read the same
/// rows. An encoding with no row is UNDEFINED.
public enum SystemRegisters {
    static let all: UInt64 = ~0
    typealias R = SystemRegisterRow

    public static let table: [SystemRegisterRow] = specialPurpose + identification + idGroup3
        + el1Controls + el2Controls + vheAliases + debug + timer + gic

    /// Special-purpose registers (C5.2).
    static let specialPurpose: [R] = [
        R("NZCV",        3, 3, 4, 2, 0, .nzcv, minEL: 0),
        R("DAIF",        3, 3, 4, 2, 1, .daif, minEL: 0, trap: .daifEL0),
        R("FPCR",        3, 3, 4, 4, 0, .fpcr, minEL: 0, trap: .fpAccess),
        R("FPSR",        3, 3, 4, 4, 1, .fpsr, minEL: 0, trap: .fpAccess),
        R("CurrentEL",   3, 0, 4, 2, 2, .currentEL, minEL: 1, .readOnly),
        R("SPSel",       3, 0, 4, 2, 0, .spsel),
        R("SP_EL0",      3, 0, 4, 1, 0, .spEL0),
        R("SP_EL1",      3, 4, 4, 1, 0, .spEL1, minEL: 2),
        R("SPSR_EL1",    3, 0, 4, 0, 0, .stored(writable: all), trap: .nv1, vhe: .redirect("SPSR_EL2", alsoEL0: false)),
        R("ELR_EL1",     3, 0, 4, 0, 1, .stored(writable: all), trap: .nv1, vhe: .redirect("ELR_EL2", alsoEL0: false)),
        R("SPSR_EL2",    3, 4, 4, 0, 0, .stored(writable: all), minEL: 2),
        R("ELR_EL2",     3, 4, 4, 0, 1, .stored(writable: all), minEL: 2),
    ]

    /// Identification registers (D24.2): values are IMPLEMENTATION DEFINED,
    /// see ImpDef; `CPU.reset` fills the ones that depend on the features.
    static let identification: [R] = [
        R("MIDR_EL1",    3, 0, 0, 0, 0, .midr, .readOnly),
        R("MPIDR_EL1",   3, 0, 0, 0, 5, .mpidr, .readOnly),
        R("REVIDR_EL1",  3, 0, 0, 0, 6, .constant, .readOnly, trap: .tid1),
        R("AIDR_EL1",    3, 1, 0, 0, 7, .constant, .readOnly, trap: .tid1),
        R("CTR_EL0",     3, 3, 0, 0, 1, .constant, minEL: 0, .readOnly, trap: .ctr),
        R("DCZID_EL0",   3, 3, 0, 0, 7, .dczid, minEL: 0, .readOnly),
        R("CLIDR_EL1",   3, 1, 0, 0, 1, .constant, .readOnly, trap: .tid2),
        R("CCSIDR_EL1",  3, 1, 0, 0, 0, .ccsidr, .readOnly, trap: .tid2),
        R("CSSELR_EL1",  3, 2, 0, 0, 0, .stored(writable: 0xF), trap: .tid2),
        R("VPIDR_EL2",   3, 4, 0, 0, 0, .stored(writable: 0xFFFF_FFFF), reset: ImpDef.midr, minEL: 2),
        R("VMPIDR_EL2",  3, 4, 0, 0, 5, .stored(writable: 0xFF_41FF_FFFF), minEL: 2),
    ]

    /// ID group 3 (op0 3, op1 0, CRn 0, CRm 1-7): every encoding is a
    /// register; those not listed in ImpDef.idGroup3 are reserved and RAZ
    /// (D24.2.1 "Reserved ID registers"). Trapped by HCR_EL2.TID3.
    static let idGroup3: [R] = {
        var rows: [R] = []
        for crm: UInt32 in 1...7 {
            for op2: UInt32 in 0...7 {
                let key = SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: crm, op2: op2)
                let named = ImpDef.idGroup3.first { $0.key == key }
                rows.append(R(named?.name ?? idGroup3Names[key] ?? key.description, 3, 0, 0, crm, op2, .constant,
                              reset: named?.value ?? 0, .readOnly, trap: .tid3))
            }
        }
        return rows
    }()

    /// The ARM ARM's names for the ID registers in that space that this
    /// machine reports as zero (the AArch32 ones: no AArch32 here; and
    /// those of features not implemented), for MRS listings and `sysregs`.
    static let idGroup3Names: [SystemRegisterKey: String] = {
        let names: [(UInt32, UInt32, String)] = [
            (1, 0, "ID_PFR0_EL1"), (1, 1, "ID_PFR1_EL1"), (1, 2, "ID_DFR0_EL1"), (1, 3, "ID_AFR0_EL1"),
            (1, 4, "ID_MMFR0_EL1"), (1, 5, "ID_MMFR1_EL1"), (1, 6, "ID_MMFR2_EL1"), (1, 7, "ID_MMFR3_EL1"),
            (2, 0, "ID_ISAR0_EL1"), (2, 1, "ID_ISAR1_EL1"), (2, 2, "ID_ISAR2_EL1"), (2, 3, "ID_ISAR3_EL1"),
            (2, 4, "ID_ISAR4_EL1"), (2, 5, "ID_ISAR5_EL1"), (2, 6, "ID_MMFR4_EL1"), (2, 7, "ID_ISAR6_EL1"),
            (3, 0, "MVFR0_EL1"), (3, 1, "MVFR1_EL1"), (3, 2, "MVFR2_EL1"), (3, 4, "ID_PFR2_EL1"),
            (3, 5, "ID_DFR1_EL1"), (3, 6, "ID_MMFR5_EL1"),
            (4, 2, "ID_AA64PFR2_EL1"), (4, 5, "ID_AA64SMFR0_EL1"), (4, 7, "ID_AA64FPFR0_EL1"),
            (5, 2, "ID_AA64DFR2_EL1"), (6, 3, "ID_AA64ISAR3_EL1"), (7, 4, "ID_AA64MMFR4_EL1"),
        ]
        var m: [SystemRegisterKey: String] = [:]
        for (crm, op2, name) in names { m[SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: crm, op2: op2)] = name }
        return m
    }()

    /// EL1 controls (D24.2), with their VHE redirections.
    static let el1Controls: [R] = [
        R("SCTLR_EL1",   3, 0, 1, 0, 0, .stored(writable: ImpDef.sctlrEL1Writable), reset: ImpDef.sctlrEL1Reset,
          trap: .tvm, vhe: .redirect("SCTLR_EL2", alsoEL0: false)),
        R("ACTLR_EL1",   3, 0, 1, 0, 1, .stored(writable: 0), trap: .tacr),
        R("CPACR_EL1",   3, 0, 1, 0, 2, .stored(writable: 0x1030_0000), trap: .tcpac, vhe: .redirect("CPTR_EL2", alsoEL0: false)),
        R("TTBR0_EL1",   3, 0, 2, 0, 0, .stored(writable: all), trap: .tvm, vhe: .redirect("TTBR0_EL2", alsoEL0: false)),
        R("TTBR1_EL1",   3, 0, 2, 0, 1, .stored(writable: all), trap: .tvm, vhe: .redirect("TTBR1_EL2", alsoEL0: false)),
        R("TCR_EL1",     3, 0, 2, 0, 2, .stored(writable: 0x7F_FFFF_FFBF), trap: .tvm, vhe: .redirect("TCR_EL2", alsoEL0: false)),
        R("AFSR0_EL1",   3, 0, 5, 1, 0, .stored(writable: 0), trap: .tvm, vhe: .redirect("AFSR0_EL2", alsoEL0: false)),
        R("AFSR1_EL1",   3, 0, 5, 1, 1, .stored(writable: 0), trap: .tvm, vhe: .redirect("AFSR1_EL2", alsoEL0: false)),
        R("ESR_EL1",     3, 0, 5, 2, 0, .stored(writable: 0xFFFF_FFFF), trap: .tvm, vhe: .redirect("ESR_EL2", alsoEL0: false)),
        R("FAR_EL1",     3, 0, 6, 0, 0, .stored(writable: all), trap: .tvm, vhe: .redirect("FAR_EL2", alsoEL0: false)),
        R("PAR_EL1",     3, 0, 7, 4, 0, .stored(writable: all)),
        R("MAIR_EL1",    3, 0, 10, 2, 0, .stored(writable: all), trap: .tvm, vhe: .redirect("MAIR_EL2", alsoEL0: false)),
        R("AMAIR_EL1",   3, 0, 10, 3, 0, .stored(writable: 0), trap: .tvm, vhe: .redirect("AMAIR_EL2", alsoEL0: false)),
        // LORegions (FEAT_LOR): implemented with zero regions, so LDLAR/STLLR
        // order like LDAR/STLR and no region ever matches.
        R("LORSA_EL1",   3, 0, 10, 4, 0, .stored(writable: 0x000F_FFFF_FFFF_0001), trap: .tlor),
        R("LOREA_EL1",   3, 0, 10, 4, 1, .stored(writable: 0x000F_FFFF_FFFF_0000), trap: .tlor),
        R("LORN_EL1",    3, 0, 10, 4, 2, .stored(writable: 0), trap: .tlor),
        R("LORC_EL1",    3, 0, 10, 4, 3, .stored(writable: 0x1), trap: .tlor),
        R("LORID_EL1",   3, 0, 10, 4, 7, .constant, reset: ImpDef.lorid, .readOnly, trap: .tlor),
        R("ISR_EL1",     3, 0, 12, 1, 0, .isr, .readOnly),
        R("VBAR_EL1",    3, 0, 12, 0, 0, .stored(writable: ~0x7FF), trap: .nv1, vhe: .redirect("VBAR_EL2", alsoEL0: false)),
        R("CONTEXTIDR_EL1", 3, 0, 13, 0, 1, .stored(writable: 0xFFFF_FFFF), trap: .tvm,
          vhe: .redirect("CONTEXTIDR_EL2", alsoEL0: false)),
        R("TPIDR_EL1",   3, 0, 13, 0, 4, .stored(writable: all)),
        R("TPIDR_EL0",   3, 3, 13, 0, 2, .stored(writable: all), minEL: 0),
        R("TPIDRRO_EL0", 3, 3, 13, 0, 3, .stored(writable: all), minEL: 0),
        R("CNTKCTL_EL1", 3, 0, 14, 1, 0, .stored(writable: 0x3FF), vhe: .redirect("CNTHCTL_EL2", alsoEL0: false)),
    ]

    /// EL2 controls (D24.2), present when EL2 is implemented.
    static let el2Controls: [R] = [
        R("SCTLR_EL2",   3, 4, 1, 0, 0, .stored(writable: 0xFFFF_FFFF), reset: ImpDef.sctlrEL2Reset, minEL: 2),
        R("ACTLR_EL2",   3, 4, 1, 0, 1, .stored(writable: 0), minEL: 2),
        R("HCR_EL2",     3, 4, 1, 1, 0, .stored(writable: ImpDef.hcrEL2Writable), reset: ImpDef.hcrEL2Reset, minEL: 2),
        R("MDCR_EL2",    3, 4, 1, 1, 1, .stored(writable: 0xFE0), minEL: 2),
        R("CPTR_EL2",    3, 4, 1, 1, 2, .stored(writable: 0x9030_0400), reset: ImpDef.cptrEL2Reset, minEL: 2),
        R("HSTR_EL2",    3, 4, 1, 1, 3, .stored(writable: 0), minEL: 2),
        R("HACR_EL2",    3, 4, 1, 1, 7, .stored(writable: 0), minEL: 2),
        R("TTBR0_EL2",   3, 4, 2, 0, 0, .stored(writable: all), minEL: 2),
        R("TTBR1_EL2",   3, 4, 2, 0, 1, .stored(writable: all), minEL: 2),
        R("TCR_EL2",     3, 4, 2, 0, 2, .stored(writable: 0x7F_FFFF_FFBF), reset: ImpDef.tcrEL2Reset, minEL: 2),
        R("VTTBR_EL2",   3, 4, 2, 1, 0, .stored(writable: all), minEL: 2),
        R("VTCR_EL2",    3, 4, 2, 1, 2, .stored(writable: 0x7FFF_FFFF), reset: 1 << 31, minEL: 2),
        R("AFSR0_EL2",   3, 4, 5, 1, 0, .stored(writable: 0), minEL: 2),
        R("AFSR1_EL2",   3, 4, 5, 1, 1, .stored(writable: 0), minEL: 2),
        R("ESR_EL2",     3, 4, 5, 2, 0, .stored(writable: 0xFFFF_FFFF), minEL: 2),
        R("FAR_EL2",     3, 4, 6, 0, 0, .stored(writable: all), minEL: 2),
        R("HPFAR_EL2",   3, 4, 6, 0, 4, .stored(writable: 0x0FFF_FFFF_FFF0), minEL: 2),
        R("MAIR_EL2",    3, 4, 10, 2, 0, .stored(writable: all), minEL: 2),
        R("AMAIR_EL2",   3, 4, 10, 3, 0, .stored(writable: 0), minEL: 2),
        R("VBAR_EL2",    3, 4, 12, 0, 0, .stored(writable: ~0x7FF), minEL: 2),
        R("CONTEXTIDR_EL2", 3, 4, 13, 0, 1, .stored(writable: 0xFFFF_FFFF), minEL: 2),
        R("TPIDR_EL2",   3, 4, 13, 0, 2, .stored(writable: all), minEL: 2),
        R("CNTHCTL_EL2", 3, 4, 14, 1, 0, .stored(writable: 0xFFF), reset: ImpDef.cnthctlEL2Reset, minEL: 2),
        R("CNTVOFF_EL2", 3, 4, 14, 0, 3, .stored(writable: all), minEL: 2),
    ]

    /// FEAT_VHE's _EL12 and _EL02 names (D5.6.2).
    static let vheAliases: [R] = [
        R("SCTLR_EL12",  3, 5, 1, 0, 0, .constant, minEL: 2, vhe: .alias("SCTLR_EL1")),
        R("CPACR_EL12",  3, 5, 1, 0, 2, .constant, minEL: 2, vhe: .alias("CPACR_EL1")),
        R("TTBR0_EL12",  3, 5, 2, 0, 0, .constant, minEL: 2, vhe: .alias("TTBR0_EL1")),
        R("TTBR1_EL12",  3, 5, 2, 0, 1, .constant, minEL: 2, vhe: .alias("TTBR1_EL1")),
        R("TCR_EL12",    3, 5, 2, 0, 2, .constant, minEL: 2, vhe: .alias("TCR_EL1")),
        R("SPSR_EL12",   3, 5, 4, 0, 0, .constant, minEL: 2, vhe: .alias("SPSR_EL1")),
        R("ELR_EL12",    3, 5, 4, 0, 1, .constant, minEL: 2, vhe: .alias("ELR_EL1")),
        R("AFSR0_EL12",  3, 5, 5, 1, 0, .constant, minEL: 2, vhe: .alias("AFSR0_EL1")),
        R("AFSR1_EL12",  3, 5, 5, 1, 1, .constant, minEL: 2, vhe: .alias("AFSR1_EL1")),
        R("ESR_EL12",    3, 5, 5, 2, 0, .constant, minEL: 2, vhe: .alias("ESR_EL1")),
        R("FAR_EL12",    3, 5, 6, 0, 0, .constant, minEL: 2, vhe: .alias("FAR_EL1")),
        R("MAIR_EL12",   3, 5, 10, 2, 0, .constant, minEL: 2, vhe: .alias("MAIR_EL1")),
        R("AMAIR_EL12",  3, 5, 10, 3, 0, .constant, minEL: 2, vhe: .alias("AMAIR_EL1")),
        R("VBAR_EL12",   3, 5, 12, 0, 0, .constant, minEL: 2, vhe: .alias("VBAR_EL1")),
        R("CONTEXTIDR_EL12", 3, 5, 13, 0, 1, .constant, minEL: 2, vhe: .alias("CONTEXTIDR_EL1")),
        R("CNTKCTL_EL12", 3, 5, 14, 1, 0, .constant, minEL: 2, vhe: .alias("CNTKCTL_EL1")),
        R("CNTP_TVAL_EL02", 3, 5, 14, 2, 0, .constant, minEL: 2, vhe: .alias("CNTP_TVAL_EL0")),
        R("CNTP_CTL_EL02",  3, 5, 14, 2, 1, .constant, minEL: 2, vhe: .alias("CNTP_CTL_EL0")),
        R("CNTP_CVAL_EL02", 3, 5, 14, 2, 2, .constant, minEL: 2, vhe: .alias("CNTP_CVAL_EL0")),
        R("CNTV_TVAL_EL02", 3, 5, 14, 3, 0, .constant, minEL: 2, vhe: .alias("CNTV_TVAL_EL0")),
        R("CNTV_CTL_EL02",  3, 5, 14, 3, 1, .constant, minEL: 2, vhe: .alias("CNTV_CTL_EL0")),
        R("CNTV_CVAL_EL02", 3, 5, 14, 3, 2, .constant, minEL: 2, vhe: .alias("CNTV_CVAL_EL0")),
    ]

    /// The debug registers an OS touches at boot (D24.3). No breakpoints or
    /// watchpoints are implemented yet, so only the OS lock and MDSCR exist.
    static let debug: [R] = [
        R("MDSCR_EL1",   2, 0, 0, 2, 2, .stored(writable: 0xE000_D001), trap: .debugTDA),
        R("OSLAR_EL1",   2, 0, 1, 0, 4, .osLockAccess, .writeOnly, trap: .debugTDOSA),
        R("OSLSR_EL1",   2, 0, 1, 1, 4, .stored(writable: 0), reset: 0b1010, .readOnly, trap: .debugTDOSA),
        R("OSDLR_EL1",   2, 0, 1, 3, 4, .stored(writable: 1), trap: .debugTDOSA),
    ]

    /// The generic timer (D12, D24.10): counts follow retired instructions.
    static let timer: [R] = [
        R("CNTFRQ_EL0",  3, 3, 14, 0, 0, .stored(writable: 0xFFFF_FFFF), reset: ImpDef.counterFrequency,
          minEL: 0, trap: .counterFrequency),
        R("CNTPCT_EL0",  3, 3, 14, 0, 1, .physicalCount, minEL: 0, .readOnly, trap: .physicalCounter),
        R("CNTVCT_EL0",  3, 3, 14, 0, 2, .virtualCount, minEL: 0, .readOnly, trap: .virtualCounter),
        R("CNTP_TVAL_EL0", 3, 3, 14, 2, 0, .timerTVAL(0), minEL: 0, trap: .physicalTimer,
          vhe: .redirect("CNTHP_TVAL_EL2", alsoEL0: true)),
        R("CNTP_CTL_EL0",  3, 3, 14, 2, 1, .timerCTL(0), minEL: 0, trap: .physicalTimer,
          vhe: .redirect("CNTHP_CTL_EL2", alsoEL0: true)),
        R("CNTP_CVAL_EL0", 3, 3, 14, 2, 2, .timerCVAL(0), minEL: 0, trap: .physicalTimer,
          vhe: .redirect("CNTHP_CVAL_EL2", alsoEL0: true)),
        R("CNTV_TVAL_EL0", 3, 3, 14, 3, 0, .timerTVAL(1), minEL: 0, trap: .virtualTimer,
          vhe: .redirect("CNTHV_TVAL_EL2", alsoEL0: true)),
        R("CNTV_CTL_EL0",  3, 3, 14, 3, 1, .timerCTL(1), minEL: 0, trap: .virtualTimer,
          vhe: .redirect("CNTHV_CTL_EL2", alsoEL0: true)),
        R("CNTV_CVAL_EL0", 3, 3, 14, 3, 2, .timerCVAL(1), minEL: 0, trap: .virtualTimer,
          vhe: .redirect("CNTHV_CVAL_EL2", alsoEL0: true)),
        R("CNTHP_TVAL_EL2", 3, 4, 14, 2, 0, .timerTVAL(2), minEL: 2),
        R("CNTHP_CTL_EL2",  3, 4, 14, 2, 1, .timerCTL(2), minEL: 2),
        R("CNTHP_CVAL_EL2", 3, 4, 14, 2, 2, .timerCVAL(2), minEL: 2),
        R("CNTHV_TVAL_EL2", 3, 4, 14, 3, 0, .timerTVAL(3), minEL: 2),
        R("CNTHV_CTL_EL2",  3, 4, 14, 3, 1, .timerCTL(3), minEL: 2),
        R("CNTHV_CVAL_EL2", 3, 4, 14, 3, 2, .timerCVAL(3), minEL: 2),
    ]

    /// The GICv3 CPU interface (GIC architecture specification 12.2).
    static let gic: [R] = [
        R("ICC_PMR_EL1",    3, 0, 4, 6, 0, .gic(.PMR)),
        R("ICC_IAR0_EL1",   3, 0, 12, 8, 0, .gic(.IAR0), .readOnly),
        R("ICC_EOIR0_EL1",  3, 0, 12, 8, 1, .gic(.EOIR0), .writeOnly),
        R("ICC_HPPIR0_EL1", 3, 0, 12, 8, 2, .gic(.HPPIR0), .readOnly),
        R("ICC_BPR0_EL1",   3, 0, 12, 8, 3, .gic(.BPR0)),
        R("ICC_AP0R0_EL1",  3, 0, 12, 8, 4, .gic(.AP0R0)),
        R("ICC_AP1R0_EL1",  3, 0, 12, 9, 0, .gic(.AP1R0)),
        R("ICC_DIR_EL1",    3, 0, 12, 11, 1, .gic(.DIR), .writeOnly),
        R("ICC_RPR_EL1",    3, 0, 12, 11, 3, .gic(.RPR), .readOnly),
        R("ICC_SGI1R_EL1",  3, 0, 12, 11, 5, .gic(.SGI1R), .writeOnly),
        R("ICC_ASGI1R_EL1", 3, 0, 12, 11, 6, .gic(.ASGI1R), .writeOnly),
        R("ICC_SGI0R_EL1",  3, 0, 12, 11, 7, .gic(.SGI0R), .writeOnly),
        R("ICC_IAR1_EL1",   3, 0, 12, 12, 0, .gic(.IAR1), .readOnly),
        R("ICC_EOIR1_EL1",  3, 0, 12, 12, 1, .gic(.EOIR1), .writeOnly),
        R("ICC_HPPIR1_EL1", 3, 0, 12, 12, 2, .gic(.HPPIR1), .readOnly),
        R("ICC_BPR1_EL1",   3, 0, 12, 12, 3, .gic(.BPR1)),
        R("ICC_CTLR_EL1",   3, 0, 12, 12, 4, .gic(.CTLR)),
        R("ICC_SRE_EL1",    3, 0, 12, 12, 5, .iccSRE(0x7)),
        R("ICC_IGRPEN0_EL1", 3, 0, 12, 12, 6, .gic(.IGRPEN0)),
        R("ICC_IGRPEN1_EL1", 3, 0, 12, 12, 7, .gic(.IGRPEN1)),
        R("ICC_SRE_EL2",    3, 4, 12, 9, 5, .iccSRE(0xF), minEL: 2),
    ]

    static let byKey: [SystemRegisterKey: Int] = {
        var m: [SystemRegisterKey: Int] = [:]
        for (i, r) in table.enumerated() {
            precondition(m[r.key] == nil, "two system-register rows for \(r.key)")
            m[r.key] = i
        }
        return m
    }()

    /// For each row, the row its VHE redirection or alias reaches (or -1).
    static let vheTarget: [Int] = table.map { row in
        switch row.vhe {
        case .none: return -1
        case .redirect(let name, _), .alias(let name): return index(named: name)!
        }
    }

    public static func index(of key: SystemRegisterKey) -> Int? { byKey[key] }
    public static func index(named name: String) -> Int? { table.firstIndex { $0.name == name } }
}

/// Indices of the rows the CPU itself reads and writes (exception entry,
/// routing, timers), resolved once.
enum SR {
    static let HCR_EL2 = SystemRegisters.index(named: "HCR_EL2")!
    static let SCTLR_EL1 = SystemRegisters.index(named: "SCTLR_EL1")!
    static let SCTLR_EL2 = SystemRegisters.index(named: "SCTLR_EL2")!
    static let CPTR_EL2 = SystemRegisters.index(named: "CPTR_EL2")!
    static let CPACR_EL1 = SystemRegisters.index(named: "CPACR_EL1")!
    static let MDCR_EL2 = SystemRegisters.index(named: "MDCR_EL2")!
    static let CNTKCTL_EL1 = SystemRegisters.index(named: "CNTKCTL_EL1")!
    static let CNTHCTL_EL2 = SystemRegisters.index(named: "CNTHCTL_EL2")!
    static let CNTVOFF_EL2 = SystemRegisters.index(named: "CNTVOFF_EL2")!
    static let VPIDR_EL2 = SystemRegisters.index(named: "VPIDR_EL2")!
    static let VMPIDR_EL2 = SystemRegisters.index(named: "VMPIDR_EL2")!
    static let OSLSR_EL1 = SystemRegisters.index(named: "OSLSR_EL1")!
    static let TCR_EL1 = SystemRegisters.index(named: "TCR_EL1")!
    static let TCR_EL2 = SystemRegisters.index(named: "TCR_EL2")!
    static let TTBR0_EL1 = SystemRegisters.index(named: "TTBR0_EL1")!
    static let TTBR1_EL1 = SystemRegisters.index(named: "TTBR1_EL1")!
    static let TTBR0_EL2 = SystemRegisters.index(named: "TTBR0_EL2")!
    static let TTBR1_EL2 = SystemRegisters.index(named: "TTBR1_EL2")!
    static let MAIR_EL1 = SystemRegisters.index(named: "MAIR_EL1")!
    static let MAIR_EL2 = SystemRegisters.index(named: "MAIR_EL2")!
    static let VTTBR_EL2 = SystemRegisters.index(named: "VTTBR_EL2")!
    static let VTCR_EL2 = SystemRegisters.index(named: "VTCR_EL2")!
    static let HPFAR_EL2 = SystemRegisters.index(named: "HPFAR_EL2")!
    static let PAR_EL1 = SystemRegisters.index(named: "PAR_EL1")!
    static let CTR_EL0 = SystemRegisters.index(named: "CTR_EL0")!
    static let CLIDR_EL1 = SystemRegisters.index(named: "CLIDR_EL1")!
    static let CSSELR_EL1 = SystemRegisters.index(named: "CSSELR_EL1")!
    /// The registers whose value a translation depends on: writing one
    /// drops the software TLB (never the modelled TLB, D8.17).
    static let translationControls: Set<Int> = [SCTLR_EL1, SCTLR_EL2, TCR_EL1, TCR_EL2, TTBR0_EL1, TTBR1_EL1,
                                                TTBR0_EL2, TTBR1_EL2, MAIR_EL1, MAIR_EL2, HCR_EL2, VTTBR_EL2, VTCR_EL2]
    static let ID_AA64PFR0_EL1 = SystemRegisters.index(named: "ID_AA64PFR0_EL1")!
    static let ID_AA64MMFR1_EL1 = SystemRegisters.index(named: "ID_AA64MMFR1_EL1")!
    static let ID_AA64MMFR2_EL1 = SystemRegisters.index(named: "ID_AA64MMFR2_EL1")!
    static let esrIndex = [SystemRegisters.index(named: "ESR_EL1")!, SystemRegisters.index(named: "ESR_EL1")!,
                           SystemRegisters.index(named: "ESR_EL2")!]
    static let farIndex = [SystemRegisters.index(named: "FAR_EL1")!, SystemRegisters.index(named: "FAR_EL1")!,
                           SystemRegisters.index(named: "FAR_EL2")!]
    static let elrIndex = [SystemRegisters.index(named: "ELR_EL1")!, SystemRegisters.index(named: "ELR_EL1")!,
                           SystemRegisters.index(named: "ELR_EL2")!]
    static let spsrIndex = [SystemRegisters.index(named: "SPSR_EL1")!, SystemRegisters.index(named: "SPSR_EL1")!,
                            SystemRegisters.index(named: "SPSR_EL2")!]
    static let vbarIndex = [SystemRegisters.index(named: "VBAR_EL1")!, SystemRegisters.index(named: "VBAR_EL1")!,
                            SystemRegisters.index(named: "VBAR_EL2")!]
    @inline(__always) static func esr(_ el: UInt8) -> Int { esrIndex[Int(el)] }
    @inline(__always) static func far(_ el: UInt8) -> Int { farIndex[Int(el)] }
    @inline(__always) static func elr(_ el: UInt8) -> Int { elrIndex[Int(el)] }
    @inline(__always) static func spsr(_ el: UInt8) -> Int { spsrIndex[Int(el)] }
    @inline(__always) static func vbar(_ el: UInt8) -> Int { vbarIndex[Int(el)] }
}
