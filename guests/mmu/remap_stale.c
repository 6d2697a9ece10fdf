/*
 * remap_stale - what a PE may still use after a translation table entry
 * changed without the TLB maintenance (boots at EL1; 4KB granule, 39-bit
 * VAs, MMU and caches on).  nodiff: every "still reads the OLD page" check
 * depends on the TLB model.
 *
 * Rules (Arm ARM DDI 0487: D8.16 "Translation Lookaside Buffers", D8.17
 * "TLB maintenance", D8.17.1 break-before-make):
 *  - An entry that was used (so may be cached) may stay in the TLB until a
 *    TLBI whose scope covers it completes; writing the descriptor, DSB and
 *    ISB do not remove it.  Which of the old and new translations a later
 *    access uses is then not architecturally fixed: real TLBs (and
 *    a64emu's model, whose entries stay until a TLBI or a seeded eviction,
 *    none of which happens here) keep the OLD one; QEMU may show either,
 *    since its software TLB is flushed by unrelated events.
 *  - A global entry matches every ASID: switching ASID does not hide it.
 *  - TLBI ASIDE1 removes only non-global entries; TLBI VAE1 only entries of
 *    its VA; neither removes a global entry of another VA.
 *  - Turning the MMU off and on again does not invalidate the TLB ("TLB
 *    entries are not corrupted", D8.16).
 *  - After a TLBI that covers the entry (+ DSB, ISB), the new descriptor is
 *    used: those checks are architectural (they pass on QEMU too).
 * The descriptor changes here are valid -> valid with a different output
 * address and no break-before-make, which the architecture allows to give
 * either translation (or a TLB conflict abort, which a single cached entry
 * cannot cause); the pages read have identical attributes.
 */
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

static uint8_t pool[128 << 10] __attribute__((aligned(4096)));
static volatile uint64_t pages[8][512] __attribute__((aligned(4096)));
static struct mmu_space s;

#define R           0x80000000ull
#define VA(n)       (R + (n) * 0x1000ull)
#define BLK         (R + 0x400000ull)
#define BLK_PA_1    0x44000000ull
#define BLK_PA_2    0x44200000ull
#define RD(va)      (*(volatile uint64_t *)(uintptr_t)(va))
#define MAGIC(p)    (0x57a1e00000000000ull | ((uint64_t)(p) << 24) | 0x99)
#define DATA        (PTE_NORMAL | PTE_PXN | PTE_UXN)

static uint64_t pa(unsigned p) { return (uint64_t)(uintptr_t)pages[p]; }

/* rewrite a valid descriptor in place: no break, no TLBI */
static void rewrite(volatile uint64_t *pte, uint64_t desc)
{
    *pte = desc;
    dsb(ish);
    isb();
}

static void mmu_on(void)
{
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    for (unsigned p = 0; p < 8; p++)
        pages[p][0] = MAGIC(p);
    RD(BLK_PA_1 + 0x40) = 0xb10c1;
    RD(BLK_PA_2 + 0x40) = 0xb10c2;

    mmu_pool_init(pool, sizeof pool);
    mmu_space_init(&s, MMU_G4K, 39, 1);
    mmu_map_identity(&s, MMU_REGIME_EL10, RAM_END_128M);
    for (unsigned n = 0; n < 5; n++)
        *mmu_pte(&s, VA(n), 3) = mmu_leaf(pa(0), DATA, 3);
    *mmu_pte(&s, VA(5), 3) = mmu_leaf(pa(0), DATA | PTE_NG, 3);
    *mmu_pte(&s, BLK, 2) = mmu_leaf(BLK_PA_1, DATA, 2);

    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT));
    write_sysreg(ttbr0_el1, mmu_root(&s) | TTBR_ASID(1));
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    mmu_on();

    /* 1. the plain case */
    check("VA(0) reads page A (0) and is now in the TLB", RD(VA(0)), MAGIC(0));
    rewrite(mmu_pte(&s, VA(0), 3), mmu_leaf(pa(1), DATA, 3));
    check("descriptor -> page B (1) with DSB + ISB only: VA(0) still reads the OLD page A "
          "(TLB model; QEMU may show either)", RD(VA(0)), MAGIC(0));
    tlbi_x(vae1, TLBI_VA(VA(0), 1));
    dsb(nsh);
    isb();
    check("after TLBI VAE1 + DSB NSH + ISB: VA(0) reads page B", RD(VA(0)), MAGIC(1));

    /* 2. a TLBI of another VA leaves the entry */
    check("VA(1) reads page A", RD(VA(1)), MAGIC(0));
    rewrite(mmu_pte(&s, VA(1), 3), mmu_leaf(pa(2), DATA, 3));
    tlbi_x(vae1, TLBI_VA(VA(2), 1));
    dsb(nsh);
    isb();
    check("descriptor -> page 2, TLBI VAE1 of the next page only: VA(1) still reads page A "
          "(TLB model)", RD(VA(1)), MAGIC(0));
    tlbi_x(vale1, TLBI_VA(VA(1), 1));
    dsb(nsh);
    isb();
    check("after TLBI VALE1 of VA(1): page 2", RD(VA(1)), MAGIC(2));

    /* 3. a global entry survives an ASID switch and TLBI ASIDE1 */
    check("VA(2) (global) reads page A under ASID 1", RD(VA(2)), MAGIC(0));
    rewrite(mmu_pte(&s, VA(2), 3), mmu_leaf(pa(3), DATA, 3));
    write_sysreg(ttbr0_el1, mmu_root(&s) | TTBR_ASID(2));
    isb();
    check("descriptor -> page 3, switch to ASID 2: the global entry still gives page A "
          "(TLB model)", RD(VA(2)), MAGIC(0));
    tlbi_x(aside1, TLBI_VA(0, 2));
    tlbi_x(aside1, TLBI_VA(0, 1));
    dsb(nsh);
    isb();
    check("TLBI ASIDE1 of ASIDs 1 and 2 leaves global entries: still page A (TLB model)",
          RD(VA(2)), MAGIC(0));
    tlbi_x(vaae1, TLBI_VA(VA(2), 0));
    dsb(nsh);
    isb();
    check("after TLBI VAAE1: page 3", RD(VA(2)), MAGIC(3));

    /* 4. a non-global entry of ASID 2 is not removed by TLBI ASIDE1 of ASID 1 */
    check("VA(5) (nG) reads page A under ASID 2", RD(VA(5)), MAGIC(0));
    rewrite(mmu_pte(&s, VA(5), 3), mmu_leaf(pa(4), DATA | PTE_NG, 3));
    tlbi_x(aside1, TLBI_VA(0, 1));
    dsb(nsh);
    isb();
    check("descriptor -> page 4, TLBI ASIDE1 of ASID 1: ASID 2's entry still gives page A "
          "(TLB model)", RD(VA(5)), MAGIC(0));
    tlbi_x(aside1, TLBI_VA(0, 2));
    dsb(nsh);
    isb();
    check("after TLBI ASIDE1 of ASID 2: page 4", RD(VA(5)), MAGIC(4));

    /* 5. a 2MB block entry */
    check("2MB block reads its first PA", RD(BLK + 0x40), 0xb10c1);
    rewrite(mmu_pte(&s, BLK, 2), mmu_leaf(BLK_PA_2, DATA, 2));
    check("block descriptor -> second PA without TLBI: still the first (TLB model)",
          RD(BLK + 0x40), 0xb10c1);
    tlbi_x(vae1, TLBI_VA(BLK + 0x40, 2));
    dsb(nsh);
    isb();
    check("after TLBI VAE1 of an address inside the block: the second PA", RD(BLK + 0x40), 0xb10c2);

    /* 6. MMU off and on again does not flush */
    check("VA(3) reads page A", RD(VA(3)), MAGIC(0));
    rewrite(mmu_pte(&s, VA(3), 3), mmu_leaf(pa(5), DATA, 3));
    mmu_el1_off();
    mmu_on();
    check("descriptor -> page 5, MMU off and on: VA(3) still reads page A (TLB model)",
          RD(VA(3)), MAGIC(0));
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    check("after TLBI VMALLE1: page 5", RD(VA(3)), MAGIC(5));
    mmu_el1_off();      /* exit with the MMU off: nothing left only in a cache */
    return tap_done();
}
