/// The encoding of a system register or system instruction:
/// op0, op1, CRn, CRm, op2 (ARM ARM D19 / C5.3).
public struct SystemRegisterKey: Hashable, CustomStringConvertible {
    public let op0, op1, crn, crm, op2: UInt32
    public init(op0: UInt32, op1: UInt32, crn: UInt32, crm: UInt32, op2: UInt32) {
        self.op0 = op0; self.op1 = op1; self.crn = crn; self.crm = crm; self.op2 = op2
    }
    public var description: String { "S\(op0)_\(op1)_C\(crn)_C\(crm)_\(op2)" }
}

/// Where a system register's value lives and how MRS/MSR reach it.
public enum SystemRegisterKind {
    /// A plain read/write register kept in `CPU.systemRegisters`;
    /// `writable` is the mask of bits software can change (the rest RES0/RES1
    /// keep their reset value).
    case stored(writable: UInt64)
    /// Read-only, the value fixed by `ImpDef` (ID registers).
    case constant
    /// PSTATE and other state held elsewhere in the CPU.
    case nzcv, daif, currentEL, spsel, spEL0
    /// Read-only views computed on read.
    case mpidr, counter
}

public struct SystemRegisterRow {
    public let name: String
    public let key: SystemRegisterKey
    public let kind: SystemRegisterKind
    public let reset: UInt64

    init(_ name: String, _ op0: UInt32, _ op1: UInt32, _ crn: UInt32, _ crm: UInt32, _ op2: UInt32,
         _ kind: SystemRegisterKind, reset: UInt64 = 0) {
        self.name = name
        self.key = SystemRegisterKey(op0: op0, op1: op1, crn: crn, crm: crm, op2: op2)
        self.kind = kind
        self.reset = reset
    }
}

/// The system-register table: one row per register, everything about it in
/// the row. MRS/MSR decode to an index into it. The exception-level work adds
/// the EL2 registers and the trap columns.
public enum SystemRegisters {
    static let all: UInt64 = ~0
    public static let table: [SystemRegisterRow] = [
        // Special-purpose registers (C5.2)
        SystemRegisterRow("NZCV",        3, 3, 4, 2, 0, .nzcv),
        SystemRegisterRow("DAIF",        3, 3, 4, 2, 1, .daif),
        SystemRegisterRow("CurrentEL",   3, 0, 4, 2, 2, .currentEL),
        SystemRegisterRow("SPSel",       3, 0, 4, 2, 0, .spsel),
        SystemRegisterRow("SP_EL0",      3, 0, 4, 1, 0, .spEL0),
        SystemRegisterRow("SPSR_EL1",    3, 0, 4, 0, 0, .stored(writable: all)),
        SystemRegisterRow("ELR_EL1",     3, 0, 4, 0, 1, .stored(writable: all)),
        // Identification (D19.2): values are IMPLEMENTATION DEFINED, see ImpDef.
        SystemRegisterRow("MIDR_EL1",    3, 0, 0, 0, 0, .constant, reset: ImpDef.midr),
        SystemRegisterRow("MPIDR_EL1",   3, 0, 0, 0, 5, .mpidr),
        SystemRegisterRow("REVIDR_EL1",  3, 0, 0, 0, 6, .constant),
        SystemRegisterRow("ID_AA64PFR0_EL1", 3, 0, 0, 4, 0, .constant, reset: ImpDef.idAA64PFR0),
        SystemRegisterRow("ID_AA64PFR1_EL1", 3, 0, 0, 4, 1, .constant),
        SystemRegisterRow("ID_AA64ZFR0_EL1", 3, 0, 0, 4, 4, .constant),
        SystemRegisterRow("ID_AA64DFR0_EL1", 3, 0, 0, 5, 0, .constant, reset: ImpDef.idAA64DFR0),
        SystemRegisterRow("ID_AA64DFR1_EL1", 3, 0, 0, 5, 1, .constant),
        SystemRegisterRow("ID_AA64AFR0_EL1", 3, 0, 0, 5, 4, .constant),
        SystemRegisterRow("ID_AA64AFR1_EL1", 3, 0, 0, 5, 5, .constant),
        SystemRegisterRow("ID_AA64ISAR0_EL1", 3, 0, 0, 6, 0, .constant, reset: ImpDef.idAA64ISAR0),
        SystemRegisterRow("ID_AA64ISAR1_EL1", 3, 0, 0, 6, 1, .constant, reset: ImpDef.idAA64ISAR1),
        SystemRegisterRow("ID_AA64ISAR2_EL1", 3, 0, 0, 6, 2, .constant),
        SystemRegisterRow("ID_AA64MMFR0_EL1", 3, 0, 0, 7, 0, .constant, reset: ImpDef.idAA64MMFR0),
        SystemRegisterRow("ID_AA64MMFR1_EL1", 3, 0, 0, 7, 1, .constant, reset: ImpDef.idAA64MMFR1),
        SystemRegisterRow("ID_AA64MMFR2_EL1", 3, 0, 0, 7, 2, .constant),
        SystemRegisterRow("CTR_EL0",     3, 3, 0, 0, 1, .constant, reset: ImpDef.ctr),
        SystemRegisterRow("DCZID_EL0",   3, 3, 0, 0, 7, .constant, reset: ImpDef.dczid),
        SystemRegisterRow("CLIDR_EL1",   3, 1, 0, 0, 1, .constant, reset: ImpDef.clidr),
        SystemRegisterRow("CCSIDR_EL1",  3, 1, 0, 0, 0, .constant, reset: ImpDef.ccsidrL1D),
        SystemRegisterRow("CSSELR_EL1",  3, 2, 0, 0, 0, .stored(writable: 0xF)),
        // Virtual memory control (D19.2): stored here; the MMU work gives them effect.
        SystemRegisterRow("SCTLR_EL1",   3, 0, 1, 0, 0, .stored(writable: all), reset: ImpDef.sctlrEL1Reset),
        SystemRegisterRow("ACTLR_EL1",   3, 0, 1, 0, 1, .stored(writable: all)),
        SystemRegisterRow("CPACR_EL1",   3, 0, 1, 0, 2, .stored(writable: 0x3330_0000)),
        SystemRegisterRow("TTBR0_EL1",   3, 0, 2, 0, 0, .stored(writable: all)),
        SystemRegisterRow("TTBR1_EL1",   3, 0, 2, 0, 1, .stored(writable: all)),
        SystemRegisterRow("TCR_EL1",     3, 0, 2, 0, 2, .stored(writable: all)),
        SystemRegisterRow("AFSR0_EL1",   3, 0, 5, 1, 0, .stored(writable: all)),
        SystemRegisterRow("AFSR1_EL1",   3, 0, 5, 1, 1, .stored(writable: all)),
        SystemRegisterRow("ESR_EL1",     3, 0, 5, 2, 0, .stored(writable: all)),
        SystemRegisterRow("FAR_EL1",     3, 0, 6, 0, 0, .stored(writable: all)),
        SystemRegisterRow("PAR_EL1",     3, 0, 7, 4, 0, .stored(writable: all)),
        SystemRegisterRow("MAIR_EL1",    3, 0, 10, 2, 0, .stored(writable: all)),
        SystemRegisterRow("AMAIR_EL1",   3, 0, 10, 3, 0, .stored(writable: all)),
        // LORegions (FEAT_LOR, D19.2): implemented with zero regions, so
        // LDLAR/STLLR order like LDAR/STLR and no region ever matches.
        SystemRegisterRow("LORSA_EL1",   3, 0, 10, 4, 0, .stored(writable: 0x000F_FFFF_FFFF_0001)),
        SystemRegisterRow("LOREA_EL1",   3, 0, 10, 4, 1, .stored(writable: 0x000F_FFFF_FFFF_0000)),
        SystemRegisterRow("LORN_EL1",    3, 0, 10, 4, 2, .stored(writable: 0)),
        SystemRegisterRow("LORC_EL1",    3, 0, 10, 4, 3, .stored(writable: 0x1)),
        SystemRegisterRow("LORID_EL1",   3, 0, 10, 4, 7, .constant, reset: ImpDef.lorid),
        SystemRegisterRow("VBAR_EL1",    3, 0, 12, 0, 0, .stored(writable: ~0x7FF)),
        SystemRegisterRow("CONTEXTIDR_EL1", 3, 0, 13, 0, 1, .stored(writable: all)),
        SystemRegisterRow("TPIDR_EL1",   3, 0, 13, 0, 4, .stored(writable: all)),
        SystemRegisterRow("TPIDR_EL0",   3, 3, 13, 0, 2, .stored(writable: all)),
        SystemRegisterRow("TPIDRRO_EL0", 3, 3, 13, 0, 3, .stored(writable: all)),
        SystemRegisterRow("CNTKCTL_EL1", 3, 0, 14, 1, 0, .stored(writable: all)),
        // Generic timer counter (D12): counts retired instructions so runs are
        // deterministic; the timer work scales it to CNTFRQ.
        SystemRegisterRow("CNTFRQ_EL0",  3, 3, 14, 0, 0, .stored(writable: all), reset: ImpDef.counterFrequency),
        SystemRegisterRow("CNTPCT_EL0",  3, 3, 14, 0, 1, .counter),
        SystemRegisterRow("CNTVCT_EL0",  3, 3, 14, 0, 2, .counter),
    ]

    static let byKey: [SystemRegisterKey: Int] = {
        var m: [SystemRegisterKey: Int] = [:]
        for (i, r) in table.enumerated() { m[r.key] = i }
        return m
    }()

    public static func index(of key: SystemRegisterKey) -> Int? { byKey[key] }
    public static func index(named name: String) -> Int? { table.firstIndex { $0.name == name } }
}

/// PSTATE fields writable with MSR (immediate) (C6.2.230).
public enum PSTATEField: UInt8 {
    case SPSel, DAIFSet, DAIFClr

    init?(op1: UInt32, op2: UInt32) {
        switch (op1, op2) {
        case (0, 5): self = .SPSel
        case (3, 6): self = .DAIFSet
        case (3, 7): self = .DAIFClr
        default: return nil   // PAN, UAO, DIT, SSBS, TCO: features not implemented
        }
    }
}

/// System instructions (SYS/SYSL aliases: DC, IC, TLBI, AT), one row each.
/// In this foundation only DC ZVA has a visible effect: with no cache or TLB
/// model yet every maintenance operation is complete as soon as it executes.
public enum SystemInstructionKind: UInt8 {
    case dcZVA, dataCacheMaintenance, instructionCacheMaintenance, tlbInvalidate
}

public struct SystemInstructionRow {
    public let name: String
    public let key: SystemRegisterKey
    public let kind: SystemInstructionKind
    public let isSYSL: Bool
    init(_ name: String, _ op1: UInt32, _ crn: UInt32, _ crm: UInt32, _ op2: UInt32, _ kind: SystemInstructionKind) {
        self.name = name
        self.key = SystemRegisterKey(op0: 1, op1: op1, crn: crn, crm: crm, op2: op2)
        self.kind = kind
        self.isSYSL = false
    }
}

public enum SystemInstructions {
    public static let table: [SystemInstructionRow] = [
        SystemInstructionRow("IC IALLUIS", 0, 7, 1, 0, .instructionCacheMaintenance),
        SystemInstructionRow("IC IALLU",   0, 7, 5, 0, .instructionCacheMaintenance),
        SystemInstructionRow("IC IVAU",    3, 7, 5, 1, .instructionCacheMaintenance),
        SystemInstructionRow("DC IVAC",    0, 7, 6, 1, .dataCacheMaintenance),
        SystemInstructionRow("DC ISW",     0, 7, 6, 2, .dataCacheMaintenance),
        SystemInstructionRow("DC CSW",     0, 7, 10, 2, .dataCacheMaintenance),
        SystemInstructionRow("DC CISW",    0, 7, 14, 2, .dataCacheMaintenance),
        SystemInstructionRow("DC ZVA",     3, 7, 4, 1, .dcZVA),
        SystemInstructionRow("DC CVAC",    3, 7, 10, 1, .dataCacheMaintenance),
        SystemInstructionRow("DC CVAU",    3, 7, 11, 1, .dataCacheMaintenance),
        SystemInstructionRow("DC CIVAC",   3, 7, 14, 1, .dataCacheMaintenance),
        SystemInstructionRow("TLBI VMALLE1IS", 0, 8, 3, 0, .tlbInvalidate),
        SystemInstructionRow("TLBI VAE1IS",    0, 8, 3, 1, .tlbInvalidate),
        SystemInstructionRow("TLBI ASIDE1IS",  0, 8, 3, 2, .tlbInvalidate),
        SystemInstructionRow("TLBI VAAE1IS",   0, 8, 3, 3, .tlbInvalidate),
        SystemInstructionRow("TLBI VALE1IS",   0, 8, 3, 5, .tlbInvalidate),
        SystemInstructionRow("TLBI VAALE1IS",  0, 8, 3, 7, .tlbInvalidate),
        SystemInstructionRow("TLBI VMALLE1",   0, 8, 7, 0, .tlbInvalidate),
        SystemInstructionRow("TLBI VAE1",      0, 8, 7, 1, .tlbInvalidate),
        SystemInstructionRow("TLBI ASIDE1",    0, 8, 7, 2, .tlbInvalidate),
        SystemInstructionRow("TLBI VAAE1",     0, 8, 7, 3, .tlbInvalidate),
        SystemInstructionRow("TLBI VALE1",     0, 8, 7, 5, .tlbInvalidate),
        SystemInstructionRow("TLBI VAALE1",    0, 8, 7, 7, .tlbInvalidate),
    ]
    static let byKey: [SystemRegisterKey: SystemInstructionRow] = {
        var m: [SystemRegisterKey: SystemInstructionRow] = [:]
        for r in table { m[r.key] = r }
        return m
    }()
    public static func lookup(_ key: SystemRegisterKey) -> SystemInstructionRow? { byKey[key] }
}
