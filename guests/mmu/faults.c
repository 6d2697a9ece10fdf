/*
 * faults - stage-1 aborts of the EL1&0 regime (boots at EL1), 4KB granule,
 * 48-bit VAs (T0SZ = T1SZ = 16: the walk starts at level 0), TCR_EL1.IPS =
 * 32 bits (so output addresses at and above 4GB are out of range).
 *
 * Rules (Arm ARM DDI 0487: D8.3 descriptors, D8.4 memory access control,
 * D8.5 memory attributes, D8.15 "MMU fault types" and their priority, the
 * ESR_ELx ISS encodings for Data and Instruction Aborts in D24.2, and the
 * AArch64.S1Walk / AArch64.S1CheckPermissions pseudocode):
 *  - Translation fault, level L (DFSC 0b0001LL): the descriptor read at
 *    level L is invalid (bit 0 = 0).  A VA outside both TTBR ranges, or in
 *    a range whose walks are disabled (TCR_EL1.EPD1 = 1), is a Translation
 *    fault reported at level 0.
 *  - Access flag fault, level L (0b0010LL): a block/page with AF = 0 and
 *    hardware AF update off (TCR_EL1.HA = 0).
 *  - Permission fault, level L (0b0011LL), L = the level of the leaf:
 *    AP[2:1] 00 EL1 RW / EL0 none, 01 RW both, 10 EL1 RO / EL0 none,
 *    11 RO both; PXN forbids EL1 execution, UXN EL0 execution, and a page
 *    writable at EL0 (AP = 01) is never executable at EL1 (implied PXN,
 *    D8.4.1.2 "Instruction access permissions").
 *  - Address size fault, level L (0b0000LL): an output address (of a
 *    table, block or page descriptor, or of the TTBR) with bits set above
 *    the PA size (TCR_EL1.IPS, capped by ID_AA64MMFR0_EL1.PARange); the
 *    level is that of the descriptor holding the address, 0 for the TTBR.
 *  - Unaligned accesses to Normal memory are allowed when SCTLR_EL1.A = 0
 *    (B2.5.2, AArch64.CheckAlignment); the Alignment faults of Device
 *    memory are checked by faults_align (QEMU 7.2 does not take them).
 *  - Syndrome: EC 0x25 (Data Abort, same EL) / 0x24 (from EL0), 0x21 /
 *    0x20 for Instruction Aborts; IL = 1; WnR = 1 for a write; "ISV is 0
 *    for all faults reported in ESR_EL1" (ISS[23:14] RES0), S1PTW = 0,
 *    EA = 0, CM = 0, FnV = 0.  FAR_EL1 = the VA accessed (for an
 *    Instruction Abort, the VA of the instruction); ELR_EL1 = the faulting
 *    instruction.  So ESR_EL1 = EC << 26 | IL | (WnR << 6) | FSC exactly.
 *  - Faults taken from EL1 use vector +0x200 (current EL, SP_ELx), from
 *    EL0 +0x400.
 */
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"
#include "probes.h"
#include "el1_faults.h"

static uint8_t pool[256 << 10] __attribute__((aligned(4096)));
static volatile uint64_t buf[512] __attribute__((aligned(4096)));       /* Normal page */
static volatile uint64_t devbuf[512] __attribute__((aligned(4096)));    /* only mapped as Device */

static struct mmu_space s;

/* the test region: level-1 entry 2 of the level-0 entry 0 (VA 2GB) */
#define R               0x80000000ull
#define PG(n)           (R + (n) * 0x1000ull)
#define VA_L0           0x0000008000000128ull   /* level-0 entry 1: invalid */
#define VA_L1           0x0000004000000230ull   /* level-1 entry 256: invalid */
#define VA_L2           (R + 5 * 0x200000ull + 0x338)   /* level-2 entry 5: invalid */
#define VA_L3           (PG(3) + 0x440)          /* level-3 entry 3: invalid */
#define VA_AF_PAGE      PG(1)
#define VA_AF_BLOCK     (R + 1 * 0x200000ull)
#define VA_RO_PAGE      PG(2)
#define VA_RO_BLOCK     (R + 2 * 0x200000ull)
#define VA_ASZ_TABLE    (R + 3 * 0x200000ull + 0x10)
#define VA_PXN          PG(4)
#define VA_X            PG(5)
#define VA_EL0W         PG(6)
#define VA_UXN          PG(7)
#define VA_PRIV         PG(8)
#define VA_USER_RO      PG(9)
#define VA_USER_RW      PG(10)
#define VA_ASZ_PAGE     PG(11)
#define VA_DEV          PG(12)
#define OA_TOO_BIG      0x100000000ull          /* 4GB: above IPS = 32 bits */

static void build(void)
{
    uint64_t bufpa = (uint64_t)(uintptr_t)buf, devpa = (uint64_t)(uintptr_t)devbuf;
    uint64_t xpa = (uint64_t)(uintptr_t)xprobe;
    uint64_t rw = mmu_data_attrs(MMU_REGIME_EL10);

    mmu_space_init(&s, MMU_G4K, 48, 0);
    mmu_map_identity(&s, MMU_REGIME_EL10, RAM_END_128M);
    /* the level-2 and level-3 tables of the test region (all invalid) */
    (void)mmu_pte(&s, R, 3);
    *mmu_pte(&s, VA_AF_PAGE, 3) = mmu_leaf(bufpa, rw & ~PTE_AF, 3);
    *mmu_pte(&s, VA_AF_BLOCK, 2) = mmu_leaf(RAM_BASE, rw & ~PTE_AF, 2);
    *mmu_pte(&s, VA_RO_PAGE, 3) = mmu_leaf(bufpa, (rw & ~PTE_AP_MASK) | PTE_AP_RO_EL1, 3);
    *mmu_pte(&s, VA_RO_BLOCK, 2) = mmu_leaf(bufpa & ~0x1fffffull, (rw & ~PTE_AP_MASK) | PTE_AP_RO_EL1, 2);
    /* a table descriptor whose next-level address is out of range */
    *mmu_pte(&s, VA_ASZ_TABLE, 2) = OA_TOO_BIG | PTE_TABLE;
    uint64_t code = PTE_NORMAL | PTE_AP_RO_ALL;
    *mmu_pte(&s, VA_PXN, 3) = mmu_leaf(xpa, code | PTE_PXN, 3);
    *mmu_pte(&s, VA_X, 3) = mmu_leaf(xpa, code, 3);
    *mmu_pte(&s, VA_EL0W, 3) = mmu_leaf(xpa, PTE_NORMAL | PTE_AP_RW_ALL, 3);
    *mmu_pte(&s, VA_UXN, 3) = mmu_leaf(xpa, code | PTE_UXN, 3);
    *mmu_pte(&s, VA_PRIV, 3) = mmu_leaf(bufpa, PTE_NORMAL | PTE_AP_RW_EL1 | PTE_PXN | PTE_UXN, 3);
    *mmu_pte(&s, VA_USER_RO, 3) = mmu_leaf(bufpa, PTE_NORMAL | PTE_AP_RO_ALL | PTE_PXN | PTE_UXN, 3);
    *mmu_pte(&s, VA_USER_RW, 3) = mmu_leaf(bufpa, PTE_NORMAL | PTE_AP_RW_ALL | PTE_PXN | PTE_UXN, 3);
    *mmu_pte(&s, VA_ASZ_PAGE, 3) = mmu_leaf(OA_TOO_BIG, rw, 3);
    *mmu_pte(&s, VA_DEV, 3) = mmu_leaf(devpa, PTE_DEVICE, 3);
    /* EL0's stack page: RW at EL0 */
    uint64_t sp = (uint64_t)(uintptr_t)el0_stack;
    *mmu_pte(&s, sp, 3) = mmu_leaf(sp, PTE_NORMAL | PTE_AP_RW_ALL | PTE_PXN | PTE_UXN, 3);
}

#define TCR_BASE (TCR_T0SZ(16) | TCR_T1SZ(16) | TCR_TG0_4K | TCR_TG1_4K | TCR_WALK0 | TCR_WALK1 | \
                  TCR_IPS(PS_32BIT))

static void set_tcr_ttbr1(uint64_t tcr, uint64_t ttbr1)
{
    write_sysreg(tcr_el1, tcr);
    write_sysreg(ttbr1_el1, ttbr1);
    isb();
    tlbi(vmalle1);      /* TCR fields may be held in the TLB (D8.17) */
    dsb(nsh);
    isb();
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    mmu_pool_init(pool, sizeof pool);
    build();
    /* devbuf is only ever accessed through the Device mapping (or with the
     * MMU off): no mismatched-attribute aliases */
    devbuf[0] = 0x0123456789abcdefull;
    devbuf[1] = 0xfedcba9876543210ull;
    buf[0] = 0x8877665544332211ull;
    buf[1] = 0x00ffeeddccbbaa99ull;
    buf[2] = 0x2222222222222222ull;

    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(ttbr0_el1, mmu_root(&s));
    set_tcr_ttbr1(TCR_BASE | TCR_EPD1, 0);
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
    check("MMU on (4KB granule, 48-bit VA, IPS 32 bits)",
          read_sysreg(sctlr_el1) & (SCTLR_M | SCTLR_C | SCTLR_I), SCTLR_M | SCTLR_C | SCTLR_I);

    /* ---- Translation faults, levels 0-3 ---- */
    dabt_el1_read("read, translation fault level 0 (invalid level-0 entry)", VA_L0, FSC_TRANSLATION(0));
    dabt_el1_read("read, translation fault level 1", VA_L1, FSC_TRANSLATION(1));
    dabt_el1_read("read, translation fault level 2", VA_L2, FSC_TRANSLATION(2));
    dabt_el1_read("read, translation fault level 3", VA_L3, FSC_TRANSLATION(3));
    dabt_el1_write("write, translation fault level 3 (WnR = 1)", VA_L3 + 8, FSC_TRANSLATION(3));
    dabt_el1_write("write, translation fault level 1 (WnR = 1)", VA_L1 + 0x1000, FSC_TRANSLATION(1));
    dabt_el1_read("VA above the 48-bit TTBR0 range: translation fault level 0",
                  0x0001000000000000ull, FSC_TRANSLATION(0));
    dabt_el1_read("VA with a non-canonical top byte (TBI0 = 0): translation fault level 0",
                  0x7f00000040000000ull, FSC_TRANSLATION(0));
    dabt_el1_read("TTBR1 VA with TCR_EL1.EPD1 = 1: translation fault level 0",
                  0xffffffffc0000000ull, FSC_TRANSLATION(0));

    /* ---- Access flag ---- */
    dabt_el1_read("read, AF = 0 page: access flag fault level 3", VA_AF_PAGE + 0x18, FSC_ACCESS_FLAG(3));
    dabt_el1_write("write, AF = 0 page: access flag fault level 3", VA_AF_PAGE + 0x20, FSC_ACCESS_FLAG(3));
    dabt_el1_read("read, AF = 0 2MB block: access flag fault level 2", VA_AF_BLOCK + 0x12340,
                  FSC_ACCESS_FLAG(2));

    /* ---- Permissions at EL1 ---- */
    reset();
    check("EL1 reads a read-only (AP = 10) page", probe_ld64(VA_RO_PAGE + 16), 0x2222222222222222ull);
    check("  ... without an abort", flt.count, 0);
    dabt_el1_write("EL1 writes a read-only (AP = 10) page: permission fault level 3", VA_RO_PAGE + 16,
                   FSC_PERMISSION(3));
    check("  ... and memory is unchanged", buf[2], 0x2222222222222222ull);
    uint64_t ro_block_va = VA_RO_BLOCK + ((uint64_t)(uintptr_t)&buf[2] & 0x1fffff);
    reset();
    check("EL1 reads a read-only 2MB block", probe_ld64(ro_block_va), 0x2222222222222222ull);
    dabt_el1_write("EL1 writes a read-only 2MB block: permission fault level 2", ro_block_va,
                   FSC_PERMISSION(2));
    dabt_el1_write("EL1 writes an AP = 11 (read-only everywhere) page: permission fault level 3",
                   VA_USER_RO + 8, FSC_PERMISSION(3));
    reset();
    check("EL1 reads and writes an AP = 01 page", probe_st64(VA_USER_RW + 24, 0x3333) == VA_USER_RW + 24 &&
          buf[3] == 0x3333 && flt.count == 0, 1);

    /* ---- Address size ---- */
    dabt_el1_read("page descriptor OA = 4GB with IPS = 32 bits: address size fault level 3",
                  VA_ASZ_PAGE + 0x40, FSC_ADDR_SIZE(3));
    dabt_el1_read("level-2 table descriptor pointing at 4GB: address size fault level 2",
                  VA_ASZ_TABLE, FSC_ADDR_SIZE(2));
    set_tcr_ttbr1(TCR_BASE, OA_TOO_BIG);
    dabt_el1_read("TTBR1_EL1 base address at 4GB: address size fault level 0",
                  0xffffffffc0000010ull, FSC_ADDR_SIZE(0));
    set_tcr_ttbr1(TCR_BASE | TCR_EPD1, 0);

    /* ---- Instruction aborts at EL1 ---- */
    reset();
    check("EL1 executes a page with PXN = 0 (control)", el1_call(VA_X), 0x1234);
    check("EL1 executes a UXN = 1, PXN = 0 page", el1_call(VA_UXN), 0x1234);
    check("  ... without an abort", flt.count, 0);
    reset();
    uint64_t r = el1_call(VA_PXN);
    expect_abort("EL1 executes a PXN page: instruction abort, permission level 3", 1, EC_IABT_CUR, 0,
                 FSC_PERMISSION(3), VA_PXN, VA_PXN, r);
    reset();
    r = el1_call(VA_EL0W);
    expect_abort("EL1 executes an EL0-writable (AP = 01) page with PXN = 0: permission level 3", 1,
                 EC_IABT_CUR, 0, FSC_PERMISSION(3), VA_EL0W, VA_EL0W, r);
    reset();
    r = el1_call(PG(13));
    expect_abort("EL1 executes an unmapped page: instruction abort, translation level 3", 1, EC_IABT_CUR, 0,
                 FSC_TRANSLATION(3), PG(13), PG(13), r);

    /* ---- EL0 ---- */
    reset();
    check("EL0 executes an AP = 11, UXN = 0 page", el0_call(VA_X), 0x1234);
    check("EL0 executes an EL0-writable page (AP = 01, UXN = 0)", el0_call(VA_EL0W), 0x1234);
    check("EL0 executes a PXN = 1, UXN = 0 page", el0_call(VA_PXN), 0x1234);
    check("EL0 reads an AP = 11 page", el0_ld64(VA_USER_RO + 16), 0x2222222222222222ull);
    check("EL0 writes an AP = 01 page", el0_st_self(VA_USER_RW + 32) == VA_USER_RW + 32 &&
          buf[4] == VA_USER_RW + 32, 1);
    check("  ... all without an abort", flt.count, 0);
    reset();
    r = el0_call(VA_UXN);
    expect_abort("EL0 executes a UXN page: instruction abort from EL0, permission level 3", 0, EC_IABT_LOW,
                 0, FSC_PERMISSION(3), VA_UXN, VA_UXN, r);
    reset();
    r = el0_ld64(VA_PRIV + 8);
    expect_abort("EL0 reads an EL1-only (AP = 00) page: permission level 3", 0, EC_DABT_LOW, 0,
                 FSC_PERMISSION(3), VA_PRIV + 8, LD64, r);
    reset();
    r = el0_ld64(VA_RO_PAGE + 8);
    expect_abort("EL0 reads an AP = 10 page: permission level 3", 0, EC_DABT_LOW, 0,
                 FSC_PERMISSION(3), VA_RO_PAGE + 8, LD64, r);
    reset();
    r = el0_st_self(VA_USER_RO + 40);
    expect_abort("EL0 writes an AP = 11 page: permission level 3, WnR = 1", 0, EC_DABT_LOW, 1,
                 FSC_PERMISSION(3), VA_USER_RO + 40, STSELF, r);
    check("  ... and memory is unchanged", buf[5], 0);
    reset();
    r = el0_ld64(VA_L2);
    expect_abort("EL0 read, translation fault level 2", 0, EC_DABT_LOW, 0, FSC_TRANSLATION(2), VA_L2,
                 LD64, r);

    /* ---- Unaligned access to Normal memory (SCTLR_EL1.A = 0): no fault.
     * (The Alignment faults of Device memory are in faults_align.c: QEMU
     * 7.2 does not report them.) ---- */
    reset();
    check("aligned read of a Device-nGnRnE page", probe_ld64(VA_DEV + 8), 0xfedcba9876543210ull);
    check("unaligned 8-byte read of Normal memory (SCTLR_EL1.A = 0) works",
          probe_ld64((uint64_t)(uintptr_t)buf + 3), 0xbbaa998877665544ull);
    check("unaligned 4-byte read of Normal memory works",
          probe_ld32((uint64_t)(uintptr_t)buf + 2), 0x66554433ull);
    check("  ... without an abort", flt.count, 0);
    mmu_el1_off();      /* exit with the MMU off: nothing left only in a cache */
    return tap_done();
}
