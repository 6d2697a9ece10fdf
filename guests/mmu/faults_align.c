/*
 * faults_align - Alignment faults of Device memory (boots at EL1), 4KB
 * granule, 39-bit VAs.
 *
 * Rules (Arm ARM DDI 0487, B2.5.2 "Alignment of data accesses" and
 * AArch64.CheckAlignment; D8.2.12 "The effects of disabling an address
 * translation stage"; the Data Abort ISS in D24.2 ESR_ELx):
 *  - An unaligned access to any Device memory type is an Alignment fault,
 *    whatever SCTLR_EL1.A says: DFSC 0b100001, FAR_EL1 = the VA accessed,
 *    WnR = 1 for a store, EC 0x25 from EL1; ISV = 0 (ESR_EL1).
 *  - With the stage-1 MMU off, data accesses are Device-nGnRnE, so the
 *    same holds for every unaligned access.
 *  - The same unaligned access to Normal memory is performed when
 *    SCTLR_EL1.A = 0.
 * nodiff: QEMU 7.2 performs unaligned accesses to Device memory (MMU on
 * or off) without a fault, so every Alignment-fault check fails there.
 */
#include "probes.h"
#include "el1_faults.h"

static uint8_t pool[64 << 10] __attribute__((aligned(4096)));
static volatile uint64_t buf[512] __attribute__((aligned(4096)));
static volatile uint64_t devbuf[512] __attribute__((aligned(4096)));   /* only ever Device */
static struct mmu_space s;

#define VA_DEV      0x4000000000ull     /* devbuf, Device-nGnRnE */
#define VA_DEV_E    0x4000001000ull     /* devbuf, Device-nGnRE */

static void align_read64(const char *what, uint64_t va)
{
    reset();
    uint64_t r = probe_ld64(va);
    expect_abort(what, 1, EC_DABT_CUR, 0, FSC_ALIGNMENT, va, LD64, r);
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    uint64_t devpa = (uint64_t)(uintptr_t)devbuf;
    devbuf[0] = 0x0123456789abcdefull;
    devbuf[1] = 0xfedcba9876543210ull;
    buf[0] = 0x8877665544332211ull;
    buf[1] = 0x00ffeeddccbbaa99ull;

    /* MMU off: every data access is Device-nGnRnE */
    reset();
    check("MMU off: aligned read", probe_ld64(devpa + 8), 0xfedcba9876543210ull);
    check("  ... without an abort", flt.count, 0);
    align_read64("MMU off: unaligned 8-byte read: alignment fault", devpa + 5);

    mmu_pool_init(pool, sizeof pool);
    mmu_space_init(&s, MMU_G4K, 39, 1);
    mmu_map_identity(&s, MMU_REGIME_EL10, RAM_END_128M);
    *mmu_pte(&s, VA_DEV, 3) = mmu_leaf(devpa, PTE_DEVICE, 3);
    *mmu_pte(&s, VA_DEV_E, 3) = mmu_leaf(devpa, PTE_ATTRINDX(MAIR_IDX_DEV_nGnRE) | PTE_AF |
                                                 PTE_PXN | PTE_UXN, 3);
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT));
    write_sysreg(ttbr0_el1, mmu_root(&s));
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
    check("MMU on, SCTLR_EL1.A = 0", read_sysreg(sctlr_el1) & (SCTLR_M | SCTLR_A), SCTLR_M);

    reset();
    check("aligned read of a Device-nGnRnE page", probe_ld64(VA_DEV + 8), 0xfedcba9876543210ull);
    check("  ... without an abort", flt.count, 0);
    align_read64("unaligned 8-byte read of Device-nGnRnE memory: alignment fault", VA_DEV + 3);
    reset();
    uint64_t r = probe_st64(VA_DEV + 12, 0x77);
    expect_abort("unaligned 8-byte write of Device-nGnRnE memory: alignment fault, WnR = 1", 1,
                 EC_DABT_CUR, 1, FSC_ALIGNMENT, VA_DEV + 12, ST64, r);
    check("  ... and memory is unchanged", probe_ld64(VA_DEV + 8), 0xfedcba9876543210ull);
    reset();
    r = probe_ld32(VA_DEV + 2);
    expect_abort("unaligned 4-byte read of Device-nGnRnE memory: alignment fault", 1, EC_DABT_CUR, 0,
                 FSC_ALIGNMENT, VA_DEV + 2, LD32, r);
    align_read64("unaligned 8-byte read of Device-nGnRE memory: alignment fault", VA_DEV_E + 4);
    reset();
    check("4-byte aligned 4-byte read of Device memory works", probe_ld32(VA_DEV + 4), 0x01234567ull);
    check("unaligned 8-byte read of Normal memory (SCTLR_EL1.A = 0) works",
          probe_ld64((uint64_t)(uintptr_t)buf + 3), 0xbbaa998877665544ull);
    check("unaligned 4-byte read of Normal memory works", probe_ld32((uint64_t)(uintptr_t)buf + 2),
          0x66554433ull);
    check("  ... without an abort", flt.count, 0);
    mmu_el1_off();      /* exit with the MMU off: nothing left only in a cache */
    return tap_done();
}
