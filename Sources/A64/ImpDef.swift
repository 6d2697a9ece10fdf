import Memory

/// Every IMPLEMENTATION DEFINED choice of the emulated processor, in one
/// place. A test that depends on one of these names it.
public enum ImpDef {
    /// MIDR_EL1: Implementer 0x00 ("reserved for software use"), Architecture
    /// 0xF (ID registers), PartNum 0xA64, Variant 0, Revision 0.
    public static let midr: UInt64 = 0x000F_A640

    /// ID_AA64PFR0_EL1: EL0 and EL1 AArch64 only (1), EL2 AArch64 only (1)
    /// when implemented, else 0, EL3 not implemented (0), FP = 0 and
    /// AdvSIMD = 0 (implemented, without FEAT_FP16 half-precision
    /// arithmetic), GIC = 1 (GICv3 system-register interface).
    public static func idAA64PFR0(el2: Bool) -> UInt64 {
        0x0000_0011 | (el2 ? 0x100 : 0) | 1 << 24
    }
    /// ID_AA64DFR0_EL1: DebugVer = Armv8.0 debug (6).
    public static let idAA64DFR0: UInt64 = 0x6
    /// ID_AA64ISAR0_EL1: CRC32 = 1, Atomic (LSE) = 2, TLB = 2 (FEAT_TLBIOS
    /// and FEAT_TLBIRANGE).
    public static let idAA64ISAR0: UInt64 = (1 << 16) | (2 << 20) | (2 << 56)
    /// ID_AA64ISAR1_EL1: DPB = 2 (DC CVAP and DC CVADP; the points of
    /// persistence are the PoC), LRCPC = 1 (LDAPR), SB = 1, XS = 1 (the TLBI
    /// nXS forms; no memory is XS = 0, so they act as the plain forms).
    public static let idAA64ISAR1: UInt64 = 2 | (1 << 20) | (1 << 36) | (1 << 56)
    /// ID_AA64MMFR2_EL1: TTL = 1 (FEAT_TTL: TLBI level hints), EVT = 2
    /// (FEAT_EVT: HCR_EL2.TID4, TICAB, TOCU, TTLBIS, TTLBOS); FWB [43:40]
    /// = 1 when the caches are configured with FEAT_S2FWB; NV [27:24] = 1
    /// (FEAT_NV: HCR_EL2.NV, NV1, AT; not FEAT_NV2) when EL2 is implemented.
    public static let idAA64MMFR2: UInt64 = 1 << 48 | 2 << 56
    public static func idAA64MMFR2(_ c: CacheConfiguration, el2: Bool) -> UInt64 {
        idAA64MMFR2 | (c.fwb ? 1 << 40 : 0) | (el2 ? 1 << 24 : 0)
    }
    /// ID_AA64MMFR0_EL1: PARange = 40 bits (2), ASIDBits = 16 (2), all
    /// three granules at both stages: TGran4 = 0 and TGran64 = 0
    /// (supported), TGran16 = 1; TGranX_2 = 0 (as stage 1).
    public static let idAA64MMFR0: UInt64 = 0x2 | (0x2 << 4) | (0x1 << 20)
    /// The physical address size PARange gives.
    public static let physicalAddressBits = 40

    /// The TLB of each PE: entries and ways (set-associative). An entry
    /// stays until a TLBI removes it or its set is full and a seeded choice
    /// evicts it (`--tlb-entries`, `--tlb-ways`).
    public static let tlbEntries = 4096
    public static let tlbWays = 8
    /// ID_AA64MMFR1_EL1: LO = 1 (FEAT_LOR, mandatory from Armv8.1).
    /// VH = 1 (FEAT_VHE), VMIDBits = 16 (2).
    public static let idAA64MMFR1: UInt64 = 1 << 16 | 1 << 8 | 2 << 4

    /// The named registers of ID group 3 (op1 0, CRn 0, CRm 1-7); every
    /// other encoding there is reserved, RAZ. The AArch32 ID registers read
    /// as zero because AArch32 is implemented at no EL.
    public static let idGroup3: [(name: String, key: SystemRegisterKey, value: UInt64)] = [
        ("ID_AA64PFR0_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 4, op2: 0), idAA64PFR0(el2: false)),
        ("ID_AA64PFR1_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 4, op2: 1), 0),
        ("ID_AA64ZFR0_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 4, op2: 4), 0),
        ("ID_AA64DFR0_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 5, op2: 0), idAA64DFR0),
        ("ID_AA64DFR1_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 5, op2: 1), 0),
        ("ID_AA64AFR0_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 5, op2: 4), 0),
        ("ID_AA64AFR1_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 5, op2: 5), 0),
        ("ID_AA64ISAR0_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 6, op2: 0), idAA64ISAR0),
        ("ID_AA64ISAR1_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 6, op2: 1), idAA64ISAR1),
        ("ID_AA64ISAR2_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 6, op2: 2), 0),
        ("ID_AA64MMFR0_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 7, op2: 0), idAA64MMFR0),
        ("ID_AA64MMFR1_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 7, op2: 1), idAA64MMFR1),
        ("ID_AA64MMFR2_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 7, op2: 2), idAA64MMFR2),
        ("ID_AA64MMFR3_EL1", SystemRegisterKey(op0: 3, op1: 0, crn: 0, crm: 7, op2: 3), 0),
    ]
    /// LORID_EL1: no LORegions and no LORegion descriptors (LR = LD = 0).
    public static let lorid: UInt64 = 0

    /// The cache hierarchy (geometry, I-cache policy, IDC/DIC, what an
    /// MMU-off fetch may allocate) is CacheConfiguration's, in
    /// Memory/Caches/CacheGeometry.swift; the ID registers below describe it.
    public static let caches = CacheConfiguration()

    /// CTR_EL0 (D24.2.42): bit 31 RES1, DIC [29], IDC [28], CWG [27:24] and
    /// DminLine [19:16] = log2(words) of the data line, ERG [23:20] = 4
    /// (64 bytes, the exclusives granule), L1Ip [15:14], IminLine [3:0].
    public static func ctr(_ c: CacheConfiguration) -> UInt64 {
        let dline = UInt64(c.dcache.lineShift - 2), iline = UInt64(c.icache.lineShift - 2)
        return 1 << 31 | (c.dic ? 1 << 29 : 0) | (c.idc ? 1 << 28 : 0) | dline << 24 | (exclusivesGranuleShift - 2) << 20
            | dline << 16 | c.icachePolicy.ctrL1Ip << 14 | iline
    }
    /// CLIDR_EL1 (D24.2.33): L1 separate I and D (Ctype1 = 3), L2 unified
    /// (Ctype2 = 4); LoUIS = LoUU = 1 (the L2 is the PoU; 0 with FWB, which
    /// requires it), LoC = 2 (memory is the PoC).
    public static func clidr(_ c: CacheConfiguration) -> UInt64 {
        let lou: UInt64 = c.fwb ? 0 : 1
        return 0x3 | 0x4 << 3 | lou << 21 | 2 << 24 | lou << 27
    }
    /// CCSIDR_EL1 for CSSELR_EL1 (Level [3:1], InD [0]): the described
    /// cache, or 0 for a level or kind that does not exist.
    public static func ccsidr(_ c: CacheConfiguration, csselr: UInt64) -> UInt64 {
        switch csselr & 0xF {
        case 0b0000: return c.dcache.ccsidr
        case 0b0001: return c.icache.ccsidr
        case 0b0010: return c.l2.ccsidr
        default: return 0
        }
    }
    /// DCZID_EL0: DC ZVA allowed, block size 2^4 words = 64 bytes.
    public static let dczid: UInt64 = 4
    public static var dczvaBlockSize: UInt64 { 4 << (dczid & 0xF) }

    /// SCTLR_EL1 at reset: the RES1 bits of Armv8.0 (29, 28, 23, 22, 20,
    /// 11: features this PE lacks), MMU and caches off.
    public static let sctlrEL1Reset: UInt64 = 0x30D0_0800
    /// The SCTLR_EL1 fields this PE implements: M A C SA SA0 CP15BEN nAA ITD
    /// SED UMA (9:0), I EnDB DZE UCT nTWI (16:12), nTWE, WXN, UCI.
    public static let sctlrEL1Writable: UInt64 = 0x3FF | 0x1F000 | 1 << 18 | 1 << 19 | 1 << 26
    /// SCTLR_EL2 at reset (E2H = 0 layout): RES1 bits 29, 28, 23, 22, 18,
    /// 16, 11, 5, 4; MMU and caches off.
    public static let sctlrEL2Reset: UInt64 = 0x30C5_0830
    /// HCR_EL2: RW (bit 31) is RAO/WI because no lower EL supports AArch32;
    /// fields 0-35 are implemented (VM ... TLOR); the later fields only for
    /// the features advertised.
    public static let hcrEL2Reset: UInt64 = 1 << 31
    /// Also FEAT_NV's NV, NV1, AT (42, 43, 44; not NV2: FEAT_NV2 is not
    /// implemented), FWB (46, only with --fwb 1) and FEAT_EVT's TID4,
    /// TICAB, TOCU, TTLBIS, TTLBOS (49, 50, 52, 54, 55).
    public static let hcrEL2Writable: UInt64 = (((1 << 36) - 1) & ~(1 << 31)) | 1 << 42 | 1 << 43 | 1 << 44 | 1 << 46
        | 1 << 49 | 1 << 50 | 1 << 52 | 1 << 54 | 1 << 55
    /// CPTR_EL2 at reset (E2H = 0 layout): RES1 bits 13, 12, 9:0.
    public static let cptrEL2Reset: UInt64 = 0x33FF
    /// TCR_EL2 at reset (E2H = 0 layout): RES1 bits 31 and 23.
    public static let tcrEL2Reset: UInt64 = 1 << 31 | 1 << 23
    /// CNTHCTL_EL2 at reset: its fields are architecturally UNKNOWN; EL1PCTEN
    /// and EL1PCEN start at 1 so that EL1 can use the physical counter and
    /// timer unless EL2 says otherwise.
    public static let cnthctlEL2Reset: UInt64 = 0x3
    /// CNTFRQ_EL0 reset value (QEMU's virt board uses 62.5 MHz).
    public static let counterFrequency: UInt64 = 62_500_000

    /// Exclusive monitors: a non-exclusive store by any CPU that overlaps the
    /// marked granule clears the monitor (the ARM ARM makes this
    /// IMPLEMENTATION DEFINED for the storing PE's own local monitor; QEMU's
    /// value comparison behaves the same for a store of a different value).
    public static let exclusivesGranuleShift: UInt64 = 6   // 64 bytes, as CTR_EL0.ERG = 4 says
}
