/// Every IMPLEMENTATION DEFINED choice of the emulated processor, in one
/// place. A test that depends on one of these names it.
public enum ImpDef {
    /// MIDR_EL1: Implementer 0x00 ("reserved for software use"), Architecture
    /// 0xF (ID registers), PartNum 0xA64, Variant 0, Revision 0.
    public static let midr: UInt64 = 0x000F_A640

    /// ID_AA64PFR0_EL1: EL0 and EL1 AArch64 only (1), EL2 and EL3 not
    /// implemented (0), FP and AdvSIMD not implemented (0xF).
    public static let idAA64PFR0: UInt64 = 0x00FF_0011
    /// ID_AA64DFR0_EL1: DebugVer = Armv8.0 debug (6).
    public static let idAA64DFR0: UInt64 = 0x6
    /// ID_AA64ISAR0_EL1: CRC32 = 1, Atomic (LSE) = 2.
    public static let idAA64ISAR0: UInt64 = (1 << 16) | (2 << 20)
    /// ID_AA64ISAR1_EL1: LRCPC = 1 (LDAPR), SB = 1.
    public static let idAA64ISAR1: UInt64 = (1 << 20) | (1 << 36)
    /// ID_AA64MMFR0_EL1: PARange = 40 bits (2), ASIDBits = 16 (2), 4K and 64K
    /// granules (TGran4 = 0, TGran64 = 0), TGran16 not supported (0).
    public static let idAA64MMFR0: UInt64 = 0x2 | (0x2 << 4)

    /// ID_AA64MMFR1_EL1: LO = 1 (FEAT_LOR, mandatory from Armv8.1).
    public static let idAA64MMFR1: UInt64 = 1 << 16
    /// LORID_EL1: no LORegions and no LORegion descriptors (LR = LD = 0).
    public static let lorid: UInt64 = 0

    /// Cache geometry as seen by software before the cache model exists:
    /// 64-byte lines everywhere, PIPT I-cache.
    /// CTR_EL0: bit 31 RES1, CWG = ERG = DminLine = IminLine = 4 (16 words),
    /// L1Ip = 0b11 (PIPT).
    public static let ctr: UInt64 = 0x8444_C004
    /// DCZID_EL0: DC ZVA allowed, block size 2^4 words = 64 bytes.
    public static let dczid: UInt64 = 4
    public static var dczvaBlockSize: UInt64 { 4 << (dczid & 0xF) }
    /// CLIDR_EL1: L1 separate I and D (Ctype1 = 3), LoUIS = LoUU = 1, LoC = 1.
    public static let clidr: UInt64 = 0x3 | (1 << 21) | (1 << 24) | (1 << 27)
    /// CCSIDR_EL1 for the L1 data cache: 64-byte lines (LineSize = 2),
    /// 4 ways, 128 sets (32 KiB).
    public static let ccsidrL1D: UInt64 = 2 | (3 << 3) | (127 << 13)

    /// SCTLR_EL1 at reset: the RES1 bits of Armv8.0, MMU and caches off.
    public static let sctlrEL1Reset: UInt64 = 0x30D0_0800
    /// CNTFRQ_EL0 reset value (QEMU's virt board uses 62.5 MHz).
    public static let counterFrequency: UInt64 = 62_500_000

    /// Exclusive monitors: a non-exclusive store by any CPU that overlaps the
    /// marked granule clears the monitor (the ARM ARM makes this
    /// IMPLEMENTATION DEFINED for the storing PE's own local monitor; QEMU's
    /// value comparison behaves the same for a store of a different value).
    public static let exclusivesGranuleShift: UInt64 = 6   // 64 bytes, as CTR_EL0.ERG = 4 says
}
