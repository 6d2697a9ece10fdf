/*
 * remap - changing live translation tables the architected way (boots at
 * EL1; 4KB granule, 39-bit VAs, MMU and caches on).
 *
 * Rules (Arm ARM DDI 0487: D8.16 "Translation Lookaside Buffers", D8.17
 * "TLB maintenance", D8.17.1 "Using break-before-make when updating
 * translation table entries", C5.5 TLBI instructions):
 *  - Changing the output address (or the block size) of a valid entry
 *    needs break-before-make: write an invalid descriptor, DSB ISHST,
 *    TLBI covering the VA, DSB ISH, write the new descriptor, DSB ISH, ISB.
 *    Afterwards every access uses the new descriptor.  Any TLBI whose scope
 *    includes the entry works: VAE1IS (VA + ASID), VALE1IS (last level
 *    only: enough for a leaf entry), VAAE1IS (all ASIDs), VMALLE1IS, the
 *    local VAE1/VMALLE1 with DSB NSH for this PE only, and the range form
 *    RVAE1IS (FEAT_TLBIRANGE; without it the same pages are invalidated
 *    one by one with VAE1IS, so the output does not depend on it).
 *  - A permission change needs the TLBI (no break): RW -> RO makes the
 *    next write fault; RO -> RW lets it through.
 *  - Translation faults and Access flag faults are never cached (D8.16:
 *    only entries that do not generate those faults may be held in a TLB),
 *    so invalid -> valid, and AF 0 -> 1, need only DSB ISHST; ISB.
 *  - valid -> invalid with the TLBI: the next access is a Translation fault.
 * Every result is architecturally determined: the output must equal QEMU's.
 */
#include "probes.h"
#include "el1_faults.h"

static uint8_t pool[128 << 10] __attribute__((aligned(4096)));
static volatile uint64_t pages[8][512] __attribute__((aligned(4096)));
static struct mmu_space s;

#define R           0x80000000ull
#define VA(n)       (R + (n) * 0x1000ull)
#define BLK         (R + 0x400000ull)           /* a 2MB block */
#define BLK_PA_1    0x44000000ull               /* 2MB regions of RAM outside the image */
#define BLK_PA_2    0x44200000ull
#define RD(va)      (*(volatile uint64_t *)(uintptr_t)(va))
#define MAGIC(p)    (0x4e4d000000000000ull | ((uint64_t)(p) << 24) | 0x77)
#define DATA        (PTE_NORMAL | PTE_PXN | PTE_UXN)

static uint64_t pa(unsigned p) { return (uint64_t)(uintptr_t)pages[p]; }

enum how { VAE1IS, VALE1IS, VAAE1IS, VMALLE1IS, VAE1_LOCAL, VMALLE1_LOCAL };
static const char *how_name[] = { "TLBI VAE1IS", "TLBI VALE1IS", "TLBI VAAE1IS", "TLBI VMALLE1IS",
                                  "TLBI VAE1 + DSB NSH", "TLBI VMALLE1 + DSB NSH" };

static void invalidate(enum how how, uint64_t va)
{
    switch (how) {
    case VAE1IS: tlbi_x(vae1is, TLBI_VA(va, 0)); dsb(ish); break;
    case VALE1IS: tlbi_x(vale1is, TLBI_VA(va, 0)); dsb(ish); break;
    case VAAE1IS: tlbi_x(vaae1is, TLBI_VA(va, 0)); dsb(ish); break;
    case VMALLE1IS: tlbi(vmalle1is); dsb(ish); break;
    case VAE1_LOCAL: tlbi_x(vae1, TLBI_VA(va, 0)); dsb(nsh); break;
    case VMALLE1_LOCAL: tlbi(vmalle1); dsb(nsh); break;
    }
}

/* break-before-make: *pte = desc for `va` */
static void bbm(volatile uint64_t *pte, uint64_t desc, uint64_t va, enum how how)
{
    *pte = 0;
    dsb(ishst);
    invalidate(how, va);
    *pte = desc;
    dsb(ish);
    isb();
}

static int range_tlbi(void)
{
    return ((read_sysreg(id_aa64isar0_el1) >> 56) & 0xf) == 2;    /* TLB: 0b0010 range forms */
}

int main(void)
{
    char nm[120];
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    for (unsigned p = 0; p < 8; p++)
        pages[p][0] = MAGIC(p);
    RD(BLK_PA_1 + 0x1230) = 0xb10c1;
    RD(BLK_PA_2 + 0x1230) = 0xb10c2;

    mmu_pool_init(pool, sizeof pool);
    mmu_space_init(&s, MMU_G4K, 39, 1);
    mmu_map_identity(&s, MMU_REGIME_EL10, RAM_END_128M);
    for (unsigned n = 0; n < 6; n++)
        *mmu_pte(&s, VA(n), 3) = mmu_leaf(pa(0), DATA, 3);
    for (unsigned n = 8; n < 12; n++)       /* four pages for the range TLBI */
        *mmu_pte(&s, VA(n), 3) = mmu_leaf(pa(n - 8), DATA, 3);
    *mmu_pte(&s, BLK, 2) = mmu_leaf(BLK_PA_1, DATA, 2);
    (void)mmu_pte(&s, VA(20), 3);           /* VA(20), VA(21): invalid for now */

    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT));
    write_sysreg(ttbr0_el1, mmu_root(&s));
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();

    /* change the page behind VA(n) from page 0 to page n+1, one TLBI each */
    for (unsigned n = 0; n < 6; n++) {
        snprintf(nm, sizeof nm, "VA(%u) reads page 0 before the change", n);
        check(nm, RD(VA(n)), MAGIC(0));
        bbm(mmu_pte(&s, VA(n), 3), mmu_leaf(pa(n + 1), DATA, 3), VA(n), (enum how)n);
        snprintf(nm, sizeof nm, "break-before-make with %s: VA(%u) reads the new page %u",
                 how_name[n], n, n + 1);
        check(nm, RD(VA(n)), MAGIC(n + 1));
    }
    check("writes through the new mapping reach the new page", (RD(VA(2)) = 0x5151, pages[3][0]), 0x5151);

    /* a 2MB block moved to another 2MB of RAM */
    check("2MB block reads its first PA", RD(BLK + 0x1230), 0xb10c1);
    bbm(mmu_pte(&s, BLK, 2), mmu_leaf(BLK_PA_2, DATA, 2), BLK, VAE1IS);
    check("break-before-make of the block (TLBI VAE1IS): the second PA", RD(BLK + 0x1230), 0xb10c2);

    /* the block replaced by a level-3 table (block size change, BBM) */
    uint64_t *l3 = mmu_alloc(4096, 4096);
    for (unsigned i = 0; i < 512; i++)
        l3[i] = mmu_leaf(BLK_PA_2 + i * 0x1000ull, DATA, 3);
    l3[1] = mmu_leaf(pa(7), DATA, 3);       /* BLK + 0x1000 -> page 7 */
    dsb(ishst);
    bbm(mmu_pte(&s, BLK, 2), (uint64_t)(uintptr_t)l3 | PTE_TABLE, BLK, VAAE1IS);
    check("block split into pages (TLBI VAAE1IS): BLK + 0x1000 reads page 7", RD(BLK + 0x1000), MAGIC(7));
    check("block split into pages: BLK + 0x2000 still reads the second PA", RD(BLK + 0x2230), RD(BLK_PA_2 + 0x2230));

    /* four pages at once with the range form */
    for (unsigned n = 8; n < 12; n++)
        (void)RD(VA(n));
    for (unsigned n = 8; n < 12; n++)
        *mmu_pte(&s, VA(n), 3) = 0;
    dsb(ishst);
    if (range_tlbi()) {
        /* TG = 01 (4KB), SCALE = 0, NUM = 1: (1 + 1) * 2^1 = 4 pages from BaseADDR */
        uint64_t xt = (1ull << 46) | (1ull << 39) | ((VA(8) >> 12) & 0x1fffffffffull);
        __asm__ volatile("sys #0, c8, c2, #1, %0" :: "r"(xt) : "memory");   /* TLBI RVAE1IS */
    } else {
        for (unsigned n = 8; n < 12; n++)
            tlbi_x(vae1is, TLBI_VA(VA(n), 0));
    }
    dsb(ish);
    for (unsigned n = 8; n < 12; n++)
        *mmu_pte(&s, VA(n), 3) = mmu_leaf(pa(n - 4), DATA, 3);
    dsb(ish);
    isb();
    uint64_t sum = 0;
    for (unsigned n = 8; n < 12; n++)
        sum += RD(VA(n)) == MAGIC(n - 4);
    check("four pages remapped with TLBI RVAE1IS (VAE1IS x 4 without FEAT_TLBIRANGE)", sum, 4);

    /* permissions: RW -> RO -> RW, TLBI only */
    reset();
    check("VA(3) is writable", probe_st64(VA(3), 0x3333) == VA(3) && flt.count == 0, 1);
    volatile uint64_t *pte = mmu_pte(&s, VA(3), 3);
    *pte = mmu_leaf(pa(4), DATA | PTE_AP_RO_EL1, 3);
    dsb(ishst);
    tlbi_x(vale1is, TLBI_VA(VA(3), 0));
    dsb(ish);
    isb();
    reset();
    uint64_t r = probe_st64(VA(3), 0x4444);
    expect_abort("RW -> RO (TLBI VALE1IS): the write is a permission fault", 1, EC_DABT_CUR, 1,
                 FSC_PERMISSION(3), VA(3), ST64, r);
    *pte = mmu_leaf(pa(4), DATA, 3);
    dsb(ishst);
    tlbi_x(vale1is, TLBI_VA(VA(3), 0));
    dsb(ish);
    isb();
    reset();
    check("RO -> RW (TLBI VALE1IS): the write goes through",
          probe_st64(VA(3), 0x5555) == VA(3) && flt.count == 0 && pages[4][0] == 0x5555, 1);

    /* invalid -> valid: no TLBI (faults are not cached) */
    reset();
    r = probe_ld64(VA(20));
    check("VA(20) invalid: translation fault level 3", flt.count == 1 && flt.esr == ESR_ELx(EC_DABT_CUR,
          FSC_TRANSLATION(3)) && r == FAULT_MARK, 1);
    *mmu_pte(&s, VA(20), 3) = mmu_leaf(pa(6), DATA, 3);
    dsb(ishst);
    isb();
    reset();
    check("invalid -> valid with DSB ISHST; ISB only: VA(20) reads page 6", probe_ld64(VA(20)), MAGIC(6));

    /* AF 0 -> 1: no TLBI either */
    *mmu_pte(&s, VA(21), 3) = mmu_leaf(pa(7), DATA & ~PTE_AF, 3);
    dsb(ishst);
    isb();
    reset();
    r = probe_ld64(VA(21));
    check("VA(21) with AF = 0: access flag fault level 3", flt.count == 1 && flt.esr == ESR_ELx(EC_DABT_CUR,
          FSC_ACCESS_FLAG(3)) && r == FAULT_MARK, 1);
    *mmu_pte(&s, VA(21), 3) |= PTE_AF;
    dsb(ishst);
    isb();
    reset();
    check("AF 0 -> 1 with DSB ISHST; ISB only: VA(21) reads page 7", probe_ld64(VA(21)), MAGIC(7));

    /* valid -> invalid with TLBI */
    (void)RD(VA(1));
    *mmu_pte(&s, VA(1), 3) = 0;
    dsb(ishst);
    tlbi_x(vae1is, TLBI_VA(VA(1), 0));
    dsb(ish);
    isb();
    reset();
    r = probe_ld64(VA(1) + 8);
    expect_abort("valid -> invalid (TLBI VAE1IS): translation fault level 3", 1, EC_DABT_CUR, 0,
                 FSC_TRANSLATION(3), VA(1) + 8, LD64, r);
    mmu_el1_off();      /* exit with the MMU off: nothing left only in a cache */
    return tap_done();
}
