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

/// System instructions (SYS/SYSL aliases: DC, IC, TLBI), one row each
/// (ARM ARM C5.3, arch-notes.md section 3). The cache and TLB models give
/// maintenance its effect; until they exist nothing is ever stale, so only
/// DC ZVA changes memory, but the access checks and traps are complete.
public enum SystemInstructionKind: UInt8, Sendable {
    case dcZVA, dataCacheMaintenance, instructionCacheMaintenance, tlbInvalidate
}

/// The HCR_EL2 control that traps a system instruction from EL1 (and EL0)
/// to EL2 (D24.2.62).
public enum SystemInstructionTrap: Sendable {
    case none, tpu, tpc, tsw, tdz, ttlb
}

/// The SCTLR_EL1 bit that lets EL0 execute an instruction (else it traps to
/// EL1): UCI for cache maintenance by VA, DZE for DC ZVA.
public enum EL0Enable: Sendable {
    case never, uci, dze
}

public struct SystemInstructionRow: Sendable {
    public let name: String
    public let key: SystemRegisterKey
    public let kind: SystemInstructionKind
    public let isSYSL: Bool
    public let minEL: UInt8
    public let el0: EL0Enable
    public let trap: SystemInstructionTrap
    init(_ name: String, _ op1: UInt32, _ crn: UInt32, _ crm: UInt32, _ op2: UInt32,
         _ kind: SystemInstructionKind, el0: EL0Enable = .never, trap: SystemInstructionTrap) {
        self.name = name
        self.key = SystemRegisterKey(op0: 1, op1: op1, crn: crn, crm: crm, op2: op2)
        self.kind = kind
        self.isSYSL = false
        // op1 gives the lowest EL (C5.3): 0 -> EL1, 3 -> EL0 when enabled,
        // 4 -> EL2.
        self.minEL = op1 == 4 ? 2 : 1
        self.el0 = el0
        self.trap = trap
    }
}

public enum SystemInstructions {
    typealias R = SystemInstructionRow
    public static let table: [SystemInstructionRow] = [
        R("IC IALLUIS", 0, 7, 1, 0, .instructionCacheMaintenance, trap: .tpu),
        R("IC IALLU",   0, 7, 5, 0, .instructionCacheMaintenance, trap: .tpu),
        R("IC IVAU",    3, 7, 5, 1, .instructionCacheMaintenance, el0: .uci, trap: .tpu),
        R("DC IVAC",    0, 7, 6, 1, .dataCacheMaintenance, trap: .tpc),
        R("DC ISW",     0, 7, 6, 2, .dataCacheMaintenance, trap: .tsw),
        R("DC CSW",     0, 7, 10, 2, .dataCacheMaintenance, trap: .tsw),
        R("DC CISW",    0, 7, 14, 2, .dataCacheMaintenance, trap: .tsw),
        R("DC ZVA",     3, 7, 4, 1, .dcZVA, el0: .dze, trap: .tdz),
        R("DC CVAC",    3, 7, 10, 1, .dataCacheMaintenance, el0: .uci, trap: .tpc),
        R("DC CVAU",    3, 7, 11, 1, .dataCacheMaintenance, el0: .uci, trap: .tpu),
        R("DC CIVAC",   3, 7, 14, 1, .dataCacheMaintenance, el0: .uci, trap: .tpc),
        R("TLBI VMALLE1IS", 0, 8, 3, 0, .tlbInvalidate, trap: .ttlb),
        R("TLBI VAE1IS",    0, 8, 3, 1, .tlbInvalidate, trap: .ttlb),
        R("TLBI ASIDE1IS",  0, 8, 3, 2, .tlbInvalidate, trap: .ttlb),
        R("TLBI VAAE1IS",   0, 8, 3, 3, .tlbInvalidate, trap: .ttlb),
        R("TLBI VALE1IS",   0, 8, 3, 5, .tlbInvalidate, trap: .ttlb),
        R("TLBI VAALE1IS",  0, 8, 3, 7, .tlbInvalidate, trap: .ttlb),
        R("TLBI VMALLE1",   0, 8, 7, 0, .tlbInvalidate, trap: .ttlb),
        R("TLBI VAE1",      0, 8, 7, 1, .tlbInvalidate, trap: .ttlb),
        R("TLBI ASIDE1",    0, 8, 7, 2, .tlbInvalidate, trap: .ttlb),
        R("TLBI VAAE1",     0, 8, 7, 3, .tlbInvalidate, trap: .ttlb),
        R("TLBI VALE1",     0, 8, 7, 5, .tlbInvalidate, trap: .ttlb),
        R("TLBI VAALE1",    0, 8, 7, 7, .tlbInvalidate, trap: .ttlb),
        R("TLBI IPAS2E1IS",   4, 8, 0, 1, .tlbInvalidate, trap: .none),
        R("TLBI IPAS2LE1IS",  4, 8, 0, 5, .tlbInvalidate, trap: .none),
        R("TLBI ALLE2IS",     4, 8, 3, 0, .tlbInvalidate, trap: .none),
        R("TLBI VAE2IS",      4, 8, 3, 1, .tlbInvalidate, trap: .none),
        R("TLBI ALLE1IS",     4, 8, 3, 4, .tlbInvalidate, trap: .none),
        R("TLBI VALE2IS",     4, 8, 3, 5, .tlbInvalidate, trap: .none),
        R("TLBI VMALLS12E1IS", 4, 8, 3, 6, .tlbInvalidate, trap: .none),
        R("TLBI IPAS2E1",     4, 8, 4, 1, .tlbInvalidate, trap: .none),
        R("TLBI IPAS2LE1",    4, 8, 4, 5, .tlbInvalidate, trap: .none),
        R("TLBI ALLE2",       4, 8, 7, 0, .tlbInvalidate, trap: .none),
        R("TLBI VAE2",        4, 8, 7, 1, .tlbInvalidate, trap: .none),
        R("TLBI ALLE1",       4, 8, 7, 4, .tlbInvalidate, trap: .none),
        R("TLBI VALE2",       4, 8, 7, 5, .tlbInvalidate, trap: .none),
        R("TLBI VMALLS12E1",  4, 8, 7, 6, .tlbInvalidate, trap: .none),
    ]
    static let byKey: [SystemRegisterKey: Int] = {
        var m: [SystemRegisterKey: Int] = [:]
        for (i, r) in table.enumerated() { m[r.key] = i }
        return m
    }()
    public static func index(of key: SystemRegisterKey) -> Int? { byKey[key] }
    public static func lookup(_ key: SystemRegisterKey) -> SystemInstructionRow? { byKey[key].map { table[$0] } }
}
