/*
 * cachesoff_inval - data written with the MMU and caches off is seen by
 * cacheable reads once the stale cached copy is invalidated (boots at EL1;
 * diff).
 *
 * Rules (Arm ARM DDI 0487):
 *  - D8.2.12: with SCTLR_EL1.M = 0 (C = I = 0 too) data accesses are
 *    Device-nGnRnE: a store goes to memory (the PoC) and does not update a
 *    copy of the line that a cacheable read put in a cache earlier (B2.11,
 *    mismatched attributes: such a copy may be stale afterwards).
 *  - DC IVAC (invalidate to the PoC) removes the copy from every cache level
 *    up to the PoC; after a DSB that completes it, a cacheable read misses
 *    and fetches the line from memory: the new value (D7.5.9).  DC CIVAC
 *    does the same (the clean part writes nothing back: the copy is clean,
 *    it was only read).  The maintenance works with the MMU off (VA = PA)
 *    as with it on (D7.5.9, D8.2.12).
 * What a cacheable read returns WITHOUT the invalidation is not checked
 * here (see cachesoff_stale).  Each case uses its own 4KB page, so the
 * invalidation of one case's line (at most CTR_EL0.CWG bytes) touches no
 * other data.
 */
#include "common.h"

#define OLD(i)  (0x01d0000000000000ull | (i))
#define NEW(i)  (0x0e30000000000000ull | (i))

static volatile uint64_t dpage[4][512] __attribute__((aligned(4096)));

int main(void)
{
    for (unsigned p = 0; p < 4; p++)
        for (unsigned i = 0; i < 512; i++)
            dpage[p][i] = OLD(p * 512 + i);
    el1_identity_on();

    /* 0: DC IVAC with the MMU off, right after the store */
    check("a cacheable read of page 0 (the line is now cached)", dpage[0][5], OLD(5));
    el1_st_ivac_mmu_off(&dpage[0][5], NEW(5));
    check("store with the MMU off, DC IVAC (MMU off), DSB SY; MMU on: a cacheable read sees the new value",
          dpage[0][5], NEW(5));

    /* 1: DC IVAC with the MMU on again */
    check("a cacheable read of page 1", dpage[1][7], OLD(512 + 7));
    el1_st_mmu_off(&dpage[1][7], NEW(7));
    dc_va(ivac, &dpage[1][7]);
    dsb(sy);
    check("store with the MMU off; MMU on, DC IVAC, DSB SY: a cacheable read sees the new value",
          dpage[1][7], NEW(7));

    /* 2: DC CIVAC */
    check("a cacheable read of page 2", dpage[2][9], OLD(1024 + 9));
    el1_st_mmu_off(&dpage[2][9], NEW(9));
    dc_va(civac, &dpage[2][9]);
    dsb(sy);
    check("store with the MMU off; MMU on, DC CIVAC, DSB SY: a cacheable read sees the new value",
          dpage[2][9], NEW(9));

    /* 3: the store went to memory */
    check("a cacheable read of page 3", dpage[3][11], OLD(1536 + 11));
    el1_st_mmu_off(&dpage[3][11], NEW(11));
    check("store with the MMU off: a read with the MMU off sees it", el1_ld_mmu_off(&dpage[3][11]), NEW(11));
    dc_ivac_range((uintptr_t)&dpage[3][0], (uintptr_t)&dpage[3][512]);
    dsb(sy);
    check("  ... DC IVAC over the page (DminLine steps), DSB SY: a cacheable read sees it",
          dpage[3][11], NEW(11));
    unsigned old = 0;
    for (unsigned i = 0; i < 512; i++)
        old += i != 11 && dpage[3][i] == OLD(1536 + i);
    check("  ... and the rest of the page still holds what memory held", old, 511);

    mmu_el1_off();
    return tap_done();
}
