/*
 * mmuoff_clean - data written with the MMU and data cache on reaches
 * memory, where a read with the MMU off finds it, once it is cleaned to
 * the PoC (boots at EL1; diff).
 *
 * Rules (Arm ARM DDI 0487):
 *  - D8.2.12 "The effects of disabling an address translation stage": with
 *    SCTLR_EL1.M = 0, data accesses are Device-nGnRnE to PA = VA; they
 *    are not cached and read memory (the PoC, D7.5.8).
 *  - With M = C = 1 and the identity map's Normal Inner/Outer Write-Back
 *    attributes, a store may stay in a cache above the PoC (D7.5.1,
 *    write-back).  DC CVAC (clean to the PoC) or DC CIVAC (clean and
 *    invalidate to the PoC) followed by a DSB that completes it writes
 *    the data to the PoC (D7.5.9), so a later Device read returns it.
 *  - Cache maintenance by VA acts on the PA, so on every VA alias
 *    (D8.18.1), and it is performed whatever the memory attributes and
 *    whether or not the stage 1 MMU is on (D7.5.9, D8.2.12): DC CVAC with
 *    the MMU off (VA = PA) cleans the line written earlier with it on.
 *  - Turning the MMU and caches off and on again does not clean, invalidate
 *    or lose cached data: a cacheable read afterwards returns the last
 *    value written (D8.18.1: a read returns the last write to the PA).
 * What a Device read returns WITHOUT the clean is not checked here (see
 * mmuoff_stale).  Each case uses its own 4KB page (larger than any
 * CTR_EL0.CWG granule), so no line is shared between cases.
 */
#include "common.h"

#define OLD(i)  (0x01d0000000000000ull | (i))
#define NEW(i)  (0x0e30000000000000ull | (i))
#define DATA_ALIAS  0x80100000ull

static volatile uint64_t dpage[8][512] __attribute__((aligned(4096)));

int main(void)
{
    /* MMU off: Device stores, straight to memory */
    for (unsigned p = 0; p < 8; p++)
        for (unsigned i = 0; i < 512; i++)
            dpage[p][i] = OLD(p * 512 + i);

    el1_identity_build();
    *mmu_pte(&space, DATA_ALIAS, 3) = mmu_leaf((uintptr_t)dpage[3], mmu_data_attrs(MMU_REGIME_EL10), 3);
    cache_mmu_on_el1(&space);

    /* 0: DC CVAC */
    dpage[0][5] = NEW(5);
    dc_va(cvac, &dpage[0][5]);
    dsb(sy);
    check("store (caches on), DC CVAC, DSB SY: a read with the MMU off sees the new value",
          el1_ld_mmu_off(&dpage[0][5]), NEW(5));
    check("  ... and a cacheable read after the MMU is back on too", dpage[0][5], NEW(5));

    /* 1: DC CIVAC */
    dpage[1][7] = NEW(7);
    dc_va(civac, &dpage[1][7]);
    dsb(sy);
    check("store, DC CIVAC, DSB SY: a read with the MMU off sees the new value",
          el1_ld_mmu_off(&dpage[1][7]), NEW(7));
    check("  ... and a cacheable read (line refilled from memory) too", dpage[1][7], NEW(7));

    /* 2: four lines, cleaned by a DminLine loop */
    unsigned dline = dcache_line_size();
    unsigned words = 4 * dline / 8;
    if (words > 512)
        words = 512;
    for (unsigned i = 0; i < words; i++)
        dpage[2][i] = NEW(1000 + i);
    dc_cvac_range((uintptr_t)&dpage[2][0], (uintptr_t)&dpage[2][words]);
    dsb(sy);
    unsigned same = 0;
    for (unsigned i = 0; i < words; i++)
        same += el1_ld_mmu_off(&dpage[2][i]) == NEW(1000 + i);
    check("4 lines stored, DC CVAC over them (CTR_EL0.DminLine steps), DSB SY: every word read with "
          "the MMU off is new", same, words);

    /* 3: cleaned through another VA of the same PA */
    dpage[3][9] = NEW(9);
    dc_va(cvac, DATA_ALIAS + 9 * 8);
    dsb(sy);
    check("store through the identity map, DC CVAC through an alias VA: the MMU-off read sees it",
          el1_ld_mmu_off(&dpage[3][9]), NEW(9));
    check("  ... and the alias reads the new value", *(volatile uint64_t *)(uintptr_t)(DATA_ALIAS + 9 * 8),
          NEW(9));

    /* 4: DC CVAC executed with the MMU off */
    dpage[4][11] = NEW(11);
    check("store (caches on), then with the MMU off DC CVAC (VA = PA), DSB SY and a read: the new value",
          el1_cvac_ld_mmu_off(&dpage[4][11]), NEW(11));

    /* 5: MMU off and on again, no maintenance: the cached value survives */
    dpage[5][13] = NEW(13);
    (void)el1_ld_mmu_off(&dpage[5][13]);        /* value not checked: see mmuoff_stale */
    check("store, MMU off for one read and on again (no maintenance): a cacheable read sees the new value",
          dpage[5][13], NEW(13));
    dc_va(civac, &dpage[5][13]);
    dsb(sy);
    check("  ... then DC CIVAC, DSB SY: the MMU-off read sees it too", el1_ld_mmu_off(&dpage[5][13]), NEW(13));

    /* 6: a line that is only read (clean) is not changed by the clean */
    uint64_t v = dpage[6][3];
    dc_va(cvac, &dpage[6][3]);
    dsb(sy);
    check("a line only read with the caches on: the value written with the MMU off", v, OLD(6 * 512 + 3));
    check("  ... DC CVAC, DSB SY: the MMU-off read still sees that value", el1_ld_mmu_off(&dpage[6][3]),
          OLD(6 * 512 + 3));

    mmu_el1_off();
    return tap_done();
}
