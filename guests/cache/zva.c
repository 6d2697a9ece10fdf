/*
 * zva - DC ZVA zeroes exactly one naturally aligned block of the size
 * DCZID_EL0 gives (boots at EL1, MMU and caches on, Normal Write-Back
 * memory; diff).
 *
 * Rules (Arm ARM DDI 0487):
 *  - DCZID_EL0 (D24.2): BS [3:0] = log2 of the block size in words (at most
 *    9: 2KB); DZP [4] = 1 prohibits DC ZVA (it is 0 at EL1 here: no
 *    HCR_EL2.TDZ, and SCTLR_EL1.DZE applies to EL0 only).
 *  - DC ZVA, Xt (C5.3, D7.5.9): writes zero to every byte of the block of
 *    that size containing the address (the address need not be aligned);
 *    it behaves as a set of stores to Normal memory: later reads return
 *    zero, it overwrites whatever a cache held for the block (dirty or
 *    not), and a clean to the PoC (DC CVAC/CIVAC + DSB) makes the zeros
 *    visible to a Device read with the MMU off (D8.2.12).  Bytes outside
 *    the block do not change.
 * The buffer is 16 KiB, filled with 0xA5 with the MMU off; the blocks used
 * are 2, 5 and 6 (block = the DCZID_EL0 size), all inside it.
 */
#include "common.h"

#define ZBYTES  16384
static volatile uint64_t zbuf[ZBYTES / 8] __attribute__((aligned(4096)));
#define FILL    0xa5a5a5a5a5a5a5a5ull
#define DIRTY   0x5a5a5a5a5a5a5a5aull

/* bytes of [from, to) (byte offsets, multiples of 8) equal to v's bytes */
static unsigned count_words(unsigned from, unsigned to, uint64_t v)
{
    unsigned n = 0;
    for (unsigned o = from; o < to; o += 8)
        n += zbuf[o / 8] == v;
    return n;
}

int main(void)
{
    for (unsigned i = 0; i < ZBYTES / 8; i++)
        zbuf[i] = FILL;                 /* MMU off: memory */
    el1_identity_on();

    uint64_t dczid = read_sysreg(dczid_el0);
    check("DCZID_EL0.DZP = 0: DC ZVA permitted", dczid & DCZID_DZP, 0);
    unsigned bs = 4u << DCZID_BS(dczid);
    check("DCZID_EL0.BS <= 9 (block of at most 2KB)", DCZID_BS(dczid) <= 9, 1);
    uintptr_t base = (uintptr_t)zbuf;

    /* block 2, through an unaligned address inside it */
    dc_va(zva, base + 2 * bs + 12);
    check("DC ZVA at an unaligned address: every word of the aligned block containing it is zero",
          count_words(2 * bs, 3 * bs, 0), bs / 8);
    check("  ... and every word before the block is unchanged", count_words(0, 2 * bs, FILL), 2 * bs / 8);
    check("  ... and every word after it too", count_words(3 * bs, ZBYTES, FILL), (ZBYTES - 3 * bs) / 8);

    /* block 5: dirty in the cache with other data first */
    for (unsigned o = 5 * bs; o < 6 * bs; o += 8)
        zbuf[o / 8] = DIRTY;
    dc_va(zva, base + 5 * bs);
    unsigned zero = count_words(5 * bs, 6 * bs, 0);
    dc_civac_range(base + 5 * bs, base + 6 * bs);
    dsb(sy);
    unsigned mem = 0;
    for (unsigned o = 5 * bs; o < 6 * bs; o += 8)
        mem += el1_ld_mmu_off(&zbuf[o / 8]) == 0;
    check("a block first written with other data (cached, dirty), DC ZVA: every word reads zero",
          zero, bs / 8);
    check("  ... DC CIVAC over it, DSB SY: every word read with the MMU off is zero", mem, bs / 8);

    /* block 6: never accessed with the caches on */
    dc_va(zva, base + 6 * bs);
    dc_cvac_range(base + 6 * bs, base + 7 * bs);
    dsb(sy);
    mem = 0;
    for (unsigned o = 6 * bs; o < 7 * bs; o += 8)
        mem += el1_ld_mmu_off(&zbuf[o / 8]) == 0;
    check("a block never accessed with the caches on, DC ZVA, DC CVAC, DSB SY: every word read with "
          "the MMU off is zero", mem, bs / 8);
    check("  ... and read cacheably too", count_words(6 * bs, 7 * bs, 0), bs / 8);
    check("the words after block 6 are unchanged", count_words(7 * bs, ZBYTES, FILL), (ZBYTES - 7 * bs) / 8);

    mmu_el1_off();
    return tap_done();
}
