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

/// System instructions (SYS/SYSL aliases: DC, IC, TLBI, AT), one row each
/// (ARM ARM C5.3, arch-notes.md section 3; the TLBI rows are that table's,
/// every encoding assembled and checked there).
public enum SystemOperation: Sendable, Equatable {
    case dcZVA
    case dataCache(DataCacheOperation)
    case instructionCache(InstructionCacheOperation)
    case tlbi(TLBIOperation, Shareability, nXS: Bool)
    case at(ATOperation)
}

public enum DataCacheOperation: UInt8, Sendable {
    case IVAC, ISW, CSW, CISW, CVAC, CVAU, CIVAC
    /// By VA (translated, may fault) rather than by set/way.
    var byVA: Bool { self != .ISW && self != .CSW && self != .CISW }
}

public enum InstructionCacheOperation: UInt8, Sendable {
    case IALLUIS, IALLU, IVAU
}

/// The TLBI operations (D8.17.5): what they remove is in TLBMaintenance.swift.
public enum TLBIOperation: UInt8, Sendable {
    case VMALLE1, VAE1, ASIDE1, VAAE1, VALE1, VAALE1
    case RVAE1, RVAAE1, RVALE1, RVAALE1
    case ALLE1, ALLE2, VAE2, VALE2, RVAE2, RVALE2
    case VMALLS12E1, IPAS2E1, IPAS2LE1, RIPAS2E1, RIPAS2LE1
}

/// Which PEs a maintenance operation reaches.
public enum Shareability: UInt8, Sendable {
    case local, inner, outer
}

/// The AT instructions (C5.5): stage(s), EL and access they translate for.
public enum ATOperation: UInt8, Sendable {
    case S1E1R, S1E1W, S1E0R, S1E0W, S1E2R, S1E2W, S12E1R, S12E1W, S12E0R, S12E0W
}

/// The HCR_EL2 control that traps a system instruction from EL1 (and EL0)
/// to EL2 (D24.2.62).
public enum SystemInstructionTrap: Sendable {
    case none, tpu, tpc, tsw, tdz, ttlb
    /// FEAT_NV's HCR_EL2.AT: AT S1E1R/W and S1E0R/W at EL1.
    case at
}

/// The SCTLR_EL1 bit that lets EL0 execute an instruction (else it traps to
/// EL1): UCI for cache maintenance by VA, DZE for DC ZVA.
public enum EL0Enable: Sendable {
    case never, uci, dze
}

public struct SystemInstructionRow: Sendable {
    public let name: String
    public let key: SystemRegisterKey
    public let operation: SystemOperation
    public let isSYSL: Bool
    public let minEL: UInt8
    public let el0: EL0Enable
    public let trap: SystemInstructionTrap
    init(_ name: String, _ op1: UInt32, _ crn: UInt32, _ crm: UInt32, _ op2: UInt32,
         _ operation: SystemOperation, el0: EL0Enable = .never, trap: SystemInstructionTrap) {
        self.name = name
        self.key = SystemRegisterKey(op0: 1, op1: op1, crn: crn, crm: crm, op2: op2)
        self.operation = operation
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
    public static let table: [SystemInstructionRow] = cacheMaintenance + addressTranslation + tlbMaintenance

    static let cacheMaintenance: [R] = [
        R("IC IALLUIS", 0, 7, 1, 0, .instructionCache(.IALLUIS), trap: .tpu),
        R("IC IALLU",   0, 7, 5, 0, .instructionCache(.IALLU), trap: .tpu),
        R("IC IVAU",    3, 7, 5, 1, .instructionCache(.IVAU), el0: .uci, trap: .tpu),
        R("DC IVAC",    0, 7, 6, 1, .dataCache(.IVAC), trap: .tpc),
        R("DC ISW",     0, 7, 6, 2, .dataCache(.ISW), trap: .tsw),
        R("DC CSW",     0, 7, 10, 2, .dataCache(.CSW), trap: .tsw),
        R("DC CISW",    0, 7, 14, 2, .dataCache(.CISW), trap: .tsw),
        R("DC ZVA",     3, 7, 4, 1, .dcZVA, el0: .dze, trap: .tdz),
        R("DC CVAC",    3, 7, 10, 1, .dataCache(.CVAC), el0: .uci, trap: .tpc),
        R("DC CVAU",    3, 7, 11, 1, .dataCache(.CVAU), el0: .uci, trap: .tpu),
        R("DC CIVAC",   3, 7, 14, 1, .dataCache(.CIVAC), el0: .uci, trap: .tpc),
        // FEAT_DPB, FEAT_DPB2: clean to the points of persistence, which
        // are the point of coherency here.
        R("DC CVAP",    3, 7, 12, 1, .dataCache(.CVAC), el0: .uci, trap: .tpc),
        R("DC CVADP",   3, 7, 13, 1, .dataCache(.CVAC), el0: .uci, trap: .tpc),
    ]

    static let addressTranslation: [R] = [
        R("AT S1E1R",  0, 7, 8, 0, .at(.S1E1R), trap: .at),
        R("AT S1E1W",  0, 7, 8, 1, .at(.S1E1W), trap: .at),
        R("AT S1E0R",  0, 7, 8, 2, .at(.S1E0R), trap: .at),
        R("AT S1E0W",  0, 7, 8, 3, .at(.S1E0W), trap: .at),
        R("AT S1E2R",  4, 7, 8, 0, .at(.S1E2R), trap: .none),
        R("AT S1E2W",  4, 7, 8, 1, .at(.S1E2W), trap: .none),
        R("AT S12E1R", 4, 7, 8, 4, .at(.S12E1R), trap: .none),
        R("AT S12E1W", 4, 7, 8, 5, .at(.S12E1W), trap: .none),
        R("AT S12E0R", 4, 7, 8, 6, .at(.S12E0R), trap: .none),
        R("AT S12E0W", 4, 7, 8, 7, .at(.S12E0W), trap: .none),
    ]

    /// Every TLBI of arch-notes.md 3.2 (FEAT_TLBIOS, FEAT_TLBIRANGE and
    /// FEAT_XS are advertised).
    static let tlbMaintenance: [R] = [
        R("TLBI VMALLE1OS", 0, 8, 1, 0, .tlbi(.VMALLE1, .outer, nXS: false), trap: .ttlb),
        R("TLBI VAE1OS", 0, 8, 1, 1, .tlbi(.VAE1, .outer, nXS: false), trap: .ttlb),
        R("TLBI ASIDE1OS", 0, 8, 1, 2, .tlbi(.ASIDE1, .outer, nXS: false), trap: .ttlb),
        R("TLBI VAAE1OS", 0, 8, 1, 3, .tlbi(.VAAE1, .outer, nXS: false), trap: .ttlb),
        R("TLBI VALE1OS", 0, 8, 1, 5, .tlbi(.VALE1, .outer, nXS: false), trap: .ttlb),
        R("TLBI VAALE1OS", 0, 8, 1, 7, .tlbi(.VAALE1, .outer, nXS: false), trap: .ttlb),
        R("TLBI VMALLE1IS", 0, 8, 3, 0, .tlbi(.VMALLE1, .inner, nXS: false), trap: .ttlb),
        R("TLBI VAE1IS", 0, 8, 3, 1, .tlbi(.VAE1, .inner, nXS: false), trap: .ttlb),
        R("TLBI ASIDE1IS", 0, 8, 3, 2, .tlbi(.ASIDE1, .inner, nXS: false), trap: .ttlb),
        R("TLBI VAAE1IS", 0, 8, 3, 3, .tlbi(.VAAE1, .inner, nXS: false), trap: .ttlb),
        R("TLBI VALE1IS", 0, 8, 3, 5, .tlbi(.VALE1, .inner, nXS: false), trap: .ttlb),
        R("TLBI VAALE1IS", 0, 8, 3, 7, .tlbi(.VAALE1, .inner, nXS: false), trap: .ttlb),
        R("TLBI VMALLE1", 0, 8, 7, 0, .tlbi(.VMALLE1, .local, nXS: false), trap: .ttlb),
        R("TLBI VAE1", 0, 8, 7, 1, .tlbi(.VAE1, .local, nXS: false), trap: .ttlb),
        R("TLBI ASIDE1", 0, 8, 7, 2, .tlbi(.ASIDE1, .local, nXS: false), trap: .ttlb),
        R("TLBI VAAE1", 0, 8, 7, 3, .tlbi(.VAAE1, .local, nXS: false), trap: .ttlb),
        R("TLBI VALE1", 0, 8, 7, 5, .tlbi(.VALE1, .local, nXS: false), trap: .ttlb),
        R("TLBI VAALE1", 0, 8, 7, 7, .tlbi(.VAALE1, .local, nXS: false), trap: .ttlb),
        R("TLBI RVAE1OS", 0, 8, 5, 1, .tlbi(.RVAE1, .outer, nXS: false), trap: .ttlb),
        R("TLBI RVAAE1OS", 0, 8, 5, 3, .tlbi(.RVAAE1, .outer, nXS: false), trap: .ttlb),
        R("TLBI RVALE1OS", 0, 8, 5, 5, .tlbi(.RVALE1, .outer, nXS: false), trap: .ttlb),
        R("TLBI RVAALE1OS", 0, 8, 5, 7, .tlbi(.RVAALE1, .outer, nXS: false), trap: .ttlb),
        R("TLBI RVAE1IS", 0, 8, 2, 1, .tlbi(.RVAE1, .inner, nXS: false), trap: .ttlb),
        R("TLBI RVAAE1IS", 0, 8, 2, 3, .tlbi(.RVAAE1, .inner, nXS: false), trap: .ttlb),
        R("TLBI RVALE1IS", 0, 8, 2, 5, .tlbi(.RVALE1, .inner, nXS: false), trap: .ttlb),
        R("TLBI RVAALE1IS", 0, 8, 2, 7, .tlbi(.RVAALE1, .inner, nXS: false), trap: .ttlb),
        R("TLBI RVAE1", 0, 8, 6, 1, .tlbi(.RVAE1, .local, nXS: false), trap: .ttlb),
        R("TLBI RVAAE1", 0, 8, 6, 3, .tlbi(.RVAAE1, .local, nXS: false), trap: .ttlb),
        R("TLBI RVALE1", 0, 8, 6, 5, .tlbi(.RVALE1, .local, nXS: false), trap: .ttlb),
        R("TLBI RVAALE1", 0, 8, 6, 7, .tlbi(.RVAALE1, .local, nXS: false), trap: .ttlb),
        R("TLBI IPAS2E1IS", 4, 8, 0, 1, .tlbi(.IPAS2E1, .inner, nXS: false), trap: .none),
        R("TLBI RIPAS2E1IS", 4, 8, 0, 2, .tlbi(.RIPAS2E1, .inner, nXS: false), trap: .none),
        R("TLBI IPAS2LE1IS", 4, 8, 0, 5, .tlbi(.IPAS2LE1, .inner, nXS: false), trap: .none),
        R("TLBI RIPAS2LE1IS", 4, 8, 0, 6, .tlbi(.RIPAS2LE1, .inner, nXS: false), trap: .none),
        R("TLBI ALLE2OS", 4, 8, 1, 0, .tlbi(.ALLE2, .outer, nXS: false), trap: .none),
        R("TLBI VAE2OS", 4, 8, 1, 1, .tlbi(.VAE2, .outer, nXS: false), trap: .none),
        R("TLBI ALLE1OS", 4, 8, 1, 4, .tlbi(.ALLE1, .outer, nXS: false), trap: .none),
        R("TLBI VALE2OS", 4, 8, 1, 5, .tlbi(.VALE2, .outer, nXS: false), trap: .none),
        R("TLBI VMALLS12E1OS", 4, 8, 1, 6, .tlbi(.VMALLS12E1, .outer, nXS: false), trap: .none),
        R("TLBI RVAE2IS", 4, 8, 2, 1, .tlbi(.RVAE2, .inner, nXS: false), trap: .none),
        R("TLBI RVALE2IS", 4, 8, 2, 5, .tlbi(.RVALE2, .inner, nXS: false), trap: .none),
        R("TLBI ALLE2IS", 4, 8, 3, 0, .tlbi(.ALLE2, .inner, nXS: false), trap: .none),
        R("TLBI VAE2IS", 4, 8, 3, 1, .tlbi(.VAE2, .inner, nXS: false), trap: .none),
        R("TLBI ALLE1IS", 4, 8, 3, 4, .tlbi(.ALLE1, .inner, nXS: false), trap: .none),
        R("TLBI VALE2IS", 4, 8, 3, 5, .tlbi(.VALE2, .inner, nXS: false), trap: .none),
        R("TLBI VMALLS12E1IS", 4, 8, 3, 6, .tlbi(.VMALLS12E1, .inner, nXS: false), trap: .none),
        R("TLBI IPAS2E1OS", 4, 8, 4, 0, .tlbi(.IPAS2E1, .outer, nXS: false), trap: .none),
        R("TLBI IPAS2E1", 4, 8, 4, 1, .tlbi(.IPAS2E1, .local, nXS: false), trap: .none),
        R("TLBI RIPAS2E1", 4, 8, 4, 2, .tlbi(.RIPAS2E1, .local, nXS: false), trap: .none),
        R("TLBI RIPAS2E1OS", 4, 8, 4, 3, .tlbi(.RIPAS2E1, .outer, nXS: false), trap: .none),
        R("TLBI IPAS2LE1OS", 4, 8, 4, 4, .tlbi(.IPAS2LE1, .outer, nXS: false), trap: .none),
        R("TLBI IPAS2LE1", 4, 8, 4, 5, .tlbi(.IPAS2LE1, .local, nXS: false), trap: .none),
        R("TLBI RIPAS2LE1", 4, 8, 4, 6, .tlbi(.RIPAS2LE1, .local, nXS: false), trap: .none),
        R("TLBI RIPAS2LE1OS", 4, 8, 4, 7, .tlbi(.RIPAS2LE1, .outer, nXS: false), trap: .none),
        R("TLBI RVAE2OS", 4, 8, 5, 1, .tlbi(.RVAE2, .outer, nXS: false), trap: .none),
        R("TLBI RVALE2OS", 4, 8, 5, 5, .tlbi(.RVALE2, .outer, nXS: false), trap: .none),
        R("TLBI RVAE2", 4, 8, 6, 1, .tlbi(.RVAE2, .local, nXS: false), trap: .none),
        R("TLBI RVALE2", 4, 8, 6, 5, .tlbi(.RVALE2, .local, nXS: false), trap: .none),
        R("TLBI ALLE2", 4, 8, 7, 0, .tlbi(.ALLE2, .local, nXS: false), trap: .none),
        R("TLBI VAE2", 4, 8, 7, 1, .tlbi(.VAE2, .local, nXS: false), trap: .none),
        R("TLBI ALLE1", 4, 8, 7, 4, .tlbi(.ALLE1, .local, nXS: false), trap: .none),
        R("TLBI VALE2", 4, 8, 7, 5, .tlbi(.VALE2, .local, nXS: false), trap: .none),
        R("TLBI VMALLS12E1", 4, 8, 7, 6, .tlbi(.VMALLS12E1, .local, nXS: false), trap: .none),
        R("TLBI VMALLE1OSNXS", 0, 9, 1, 0, .tlbi(.VMALLE1, .outer, nXS: true), trap: .ttlb),
        R("TLBI VAE1OSNXS", 0, 9, 1, 1, .tlbi(.VAE1, .outer, nXS: true), trap: .ttlb),
        R("TLBI ASIDE1OSNXS", 0, 9, 1, 2, .tlbi(.ASIDE1, .outer, nXS: true), trap: .ttlb),
        R("TLBI VAAE1OSNXS", 0, 9, 1, 3, .tlbi(.VAAE1, .outer, nXS: true), trap: .ttlb),
        R("TLBI VALE1OSNXS", 0, 9, 1, 5, .tlbi(.VALE1, .outer, nXS: true), trap: .ttlb),
        R("TLBI VAALE1OSNXS", 0, 9, 1, 7, .tlbi(.VAALE1, .outer, nXS: true), trap: .ttlb),
        R("TLBI VMALLE1ISNXS", 0, 9, 3, 0, .tlbi(.VMALLE1, .inner, nXS: true), trap: .ttlb),
        R("TLBI VAE1ISNXS", 0, 9, 3, 1, .tlbi(.VAE1, .inner, nXS: true), trap: .ttlb),
        R("TLBI ASIDE1ISNXS", 0, 9, 3, 2, .tlbi(.ASIDE1, .inner, nXS: true), trap: .ttlb),
        R("TLBI VAAE1ISNXS", 0, 9, 3, 3, .tlbi(.VAAE1, .inner, nXS: true), trap: .ttlb),
        R("TLBI VALE1ISNXS", 0, 9, 3, 5, .tlbi(.VALE1, .inner, nXS: true), trap: .ttlb),
        R("TLBI VAALE1ISNXS", 0, 9, 3, 7, .tlbi(.VAALE1, .inner, nXS: true), trap: .ttlb),
        R("TLBI VMALLE1NXS", 0, 9, 7, 0, .tlbi(.VMALLE1, .local, nXS: true), trap: .ttlb),
        R("TLBI VAE1NXS", 0, 9, 7, 1, .tlbi(.VAE1, .local, nXS: true), trap: .ttlb),
        R("TLBI ASIDE1NXS", 0, 9, 7, 2, .tlbi(.ASIDE1, .local, nXS: true), trap: .ttlb),
        R("TLBI VAAE1NXS", 0, 9, 7, 3, .tlbi(.VAAE1, .local, nXS: true), trap: .ttlb),
        R("TLBI VALE1NXS", 0, 9, 7, 5, .tlbi(.VALE1, .local, nXS: true), trap: .ttlb),
        R("TLBI VAALE1NXS", 0, 9, 7, 7, .tlbi(.VAALE1, .local, nXS: true), trap: .ttlb),
        R("TLBI RVAE1OSNXS", 0, 9, 5, 1, .tlbi(.RVAE1, .outer, nXS: true), trap: .ttlb),
        R("TLBI RVAAE1OSNXS", 0, 9, 5, 3, .tlbi(.RVAAE1, .outer, nXS: true), trap: .ttlb),
        R("TLBI RVALE1OSNXS", 0, 9, 5, 5, .tlbi(.RVALE1, .outer, nXS: true), trap: .ttlb),
        R("TLBI RVAALE1OSNXS", 0, 9, 5, 7, .tlbi(.RVAALE1, .outer, nXS: true), trap: .ttlb),
        R("TLBI RVAE1ISNXS", 0, 9, 2, 1, .tlbi(.RVAE1, .inner, nXS: true), trap: .ttlb),
        R("TLBI RVAAE1ISNXS", 0, 9, 2, 3, .tlbi(.RVAAE1, .inner, nXS: true), trap: .ttlb),
        R("TLBI RVALE1ISNXS", 0, 9, 2, 5, .tlbi(.RVALE1, .inner, nXS: true), trap: .ttlb),
        R("TLBI RVAALE1ISNXS", 0, 9, 2, 7, .tlbi(.RVAALE1, .inner, nXS: true), trap: .ttlb),
        R("TLBI RVAE1NXS", 0, 9, 6, 1, .tlbi(.RVAE1, .local, nXS: true), trap: .ttlb),
        R("TLBI RVAAE1NXS", 0, 9, 6, 3, .tlbi(.RVAAE1, .local, nXS: true), trap: .ttlb),
        R("TLBI RVALE1NXS", 0, 9, 6, 5, .tlbi(.RVALE1, .local, nXS: true), trap: .ttlb),
        R("TLBI RVAALE1NXS", 0, 9, 6, 7, .tlbi(.RVAALE1, .local, nXS: true), trap: .ttlb),
        R("TLBI IPAS2E1ISNXS", 4, 9, 0, 1, .tlbi(.IPAS2E1, .inner, nXS: true), trap: .none),
        R("TLBI RIPAS2E1ISNXS", 4, 9, 0, 2, .tlbi(.RIPAS2E1, .inner, nXS: true), trap: .none),
        R("TLBI IPAS2LE1ISNXS", 4, 9, 0, 5, .tlbi(.IPAS2LE1, .inner, nXS: true), trap: .none),
        R("TLBI RIPAS2LE1ISNXS", 4, 9, 0, 6, .tlbi(.RIPAS2LE1, .inner, nXS: true), trap: .none),
        R("TLBI ALLE2OSNXS", 4, 9, 1, 0, .tlbi(.ALLE2, .outer, nXS: true), trap: .none),
        R("TLBI VAE2OSNXS", 4, 9, 1, 1, .tlbi(.VAE2, .outer, nXS: true), trap: .none),
        R("TLBI ALLE1OSNXS", 4, 9, 1, 4, .tlbi(.ALLE1, .outer, nXS: true), trap: .none),
        R("TLBI VALE2OSNXS", 4, 9, 1, 5, .tlbi(.VALE2, .outer, nXS: true), trap: .none),
        R("TLBI VMALLS12E1OSNXS", 4, 9, 1, 6, .tlbi(.VMALLS12E1, .outer, nXS: true), trap: .none),
        R("TLBI RVAE2ISNXS", 4, 9, 2, 1, .tlbi(.RVAE2, .inner, nXS: true), trap: .none),
        R("TLBI RVALE2ISNXS", 4, 9, 2, 5, .tlbi(.RVALE2, .inner, nXS: true), trap: .none),
        R("TLBI ALLE2ISNXS", 4, 9, 3, 0, .tlbi(.ALLE2, .inner, nXS: true), trap: .none),
        R("TLBI VAE2ISNXS", 4, 9, 3, 1, .tlbi(.VAE2, .inner, nXS: true), trap: .none),
        R("TLBI ALLE1ISNXS", 4, 9, 3, 4, .tlbi(.ALLE1, .inner, nXS: true), trap: .none),
        R("TLBI VALE2ISNXS", 4, 9, 3, 5, .tlbi(.VALE2, .inner, nXS: true), trap: .none),
        R("TLBI VMALLS12E1ISNXS", 4, 9, 3, 6, .tlbi(.VMALLS12E1, .inner, nXS: true), trap: .none),
        R("TLBI IPAS2E1OSNXS", 4, 9, 4, 0, .tlbi(.IPAS2E1, .outer, nXS: true), trap: .none),
        R("TLBI IPAS2E1NXS", 4, 9, 4, 1, .tlbi(.IPAS2E1, .local, nXS: true), trap: .none),
        R("TLBI RIPAS2E1NXS", 4, 9, 4, 2, .tlbi(.RIPAS2E1, .local, nXS: true), trap: .none),
        R("TLBI RIPAS2E1OSNXS", 4, 9, 4, 3, .tlbi(.RIPAS2E1, .outer, nXS: true), trap: .none),
        R("TLBI IPAS2LE1OSNXS", 4, 9, 4, 4, .tlbi(.IPAS2LE1, .outer, nXS: true), trap: .none),
        R("TLBI IPAS2LE1NXS", 4, 9, 4, 5, .tlbi(.IPAS2LE1, .local, nXS: true), trap: .none),
        R("TLBI RIPAS2LE1NXS", 4, 9, 4, 6, .tlbi(.RIPAS2LE1, .local, nXS: true), trap: .none),
        R("TLBI RIPAS2LE1OSNXS", 4, 9, 4, 7, .tlbi(.RIPAS2LE1, .outer, nXS: true), trap: .none),
        R("TLBI RVAE2OSNXS", 4, 9, 5, 1, .tlbi(.RVAE2, .outer, nXS: true), trap: .none),
        R("TLBI RVALE2OSNXS", 4, 9, 5, 5, .tlbi(.RVALE2, .outer, nXS: true), trap: .none),
        R("TLBI RVAE2NXS", 4, 9, 6, 1, .tlbi(.RVAE2, .local, nXS: true), trap: .none),
        R("TLBI RVALE2NXS", 4, 9, 6, 5, .tlbi(.RVALE2, .local, nXS: true), trap: .none),
        R("TLBI ALLE2NXS", 4, 9, 7, 0, .tlbi(.ALLE2, .local, nXS: true), trap: .none),
        R("TLBI VAE2NXS", 4, 9, 7, 1, .tlbi(.VAE2, .local, nXS: true), trap: .none),
        R("TLBI ALLE1NXS", 4, 9, 7, 4, .tlbi(.ALLE1, .local, nXS: true), trap: .none),
        R("TLBI VALE2NXS", 4, 9, 7, 5, .tlbi(.VALE2, .local, nXS: true), trap: .none),
        R("TLBI VMALLS12E1NXS", 4, 9, 7, 6, .tlbi(.VMALLS12E1, .local, nXS: true), trap: .none),
    ]

    static let byKey: [SystemRegisterKey: Int] = {
        var m: [SystemRegisterKey: Int] = [:]
        for (i, r) in table.enumerated() {
            precondition(m[r.key] == nil, "two system-instruction rows for \(r.key)")
            m[r.key] = i
        }
        return m
    }()
    public static func index(of key: SystemRegisterKey) -> Int? { byKey[key] }
    public static func lookup(_ key: SystemRegisterKey) -> SystemInstructionRow? { byKey[key].map { table[$0] } }
}
