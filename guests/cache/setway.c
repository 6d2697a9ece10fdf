/*
 * setway - DC CISW / DC CSW over every set and way of every data or unified
 * cache level up to the PoC clean everything (boots at EL1; diff).
 *
 * Rules (Arm ARM DDI 0487):
 *  - CLIDR_EL1 (D24.2.33): Ctype<n> in bits [3n-1:3n-3] (0 none, 1
 *    instruction only, 2 data only, 3 separate instruction and data, 4
 *    unified); LoC [26:24] = the last level to clean for the PoC.  Every
 *    level below LoC has a data or unified cache (the levels are
 *    contiguous from level 1).
 *  - CSSELR_EL1 (Level [3:1], InD [0]) selects the cache whose geometry
 *    CCSIDR_EL1 reports (D24.2.32): LineSize = log2(bytes) - 4,
 *    Associativity = ways - 1, NumSets = sets - 1 (two layouts, FEAT_CCIDX
 *    as ID_AA64MMFR2_EL1.CCIDX says).  CTR_EL0.DminLine / IminLine are the
 *    smallest data / instruction lines, so no data or unified level has a
 *    smaller line than DminLine, nor the L1 instruction cache one smaller
 *    than IminLine.
 *  - DC CISW / DC CSW (D7.5.9) clean (and invalidate) the line at one set
 *    and way of one level; done for every set and way of every level from
 *    1 to LoC (level 1 first, so lines a lower level writes back are
 *    caught by the next), followed by DSB SY, they leave no dirty data
 *    above the PoC for this PE.  The loop (lib/cache_asm.S) touches no
 *    memory while it runs.
 *  - Then Device reads with the MMU off (D8.2.12) see every value written
 *    with the caches on; nothing is lost, so cacheable reads see them too.
 * The data (64 KiB per buffer: more than many L1 data caches, so some lines
 * reach level 2 before the loop) is written word by word, one word per
 * CTR_EL0.DminLine bytes.
 */
#include "common.h"

#define BUF_WORDS   8192        /* 64 KiB */
static volatile uint64_t buf_a[BUF_WORDS] __attribute__((aligned(4096)));
static volatile uint64_t buf_b[BUF_WORDS] __attribute__((aligned(4096)));

#define VAL_A(i)    (0xa5a5000000000000ull | (i))
#define VAL_B(i)    (0xb4b4000000000000ull | (i))

int main(void)
{
    el1_identity_on();      /* buf_a and buf_b hold 0 in memory (.bss) */

    uint64_t clidr = read_sysreg(clidr_el1), ctr = read_sysreg(ctr_el0);
    unsigned loc = CLIDR_LOC(clidr);
    check("CLIDR_EL1.LoC >= 1 (at least one cache level to clean)", loc >= 1, 1);
    unsigned bad_type = 0, bad_geom = 0;
    for (unsigned level = 1; level <= loc; level++) {
        unsigned t = CLIDR_CTYPE(clidr, level);
        if (t != CTYPE_D && t != CTYPE_ID && t != CTYPE_UNIFIED) {
            bad_type++;
            continue;
        }
        struct cache_geom g = cache_geometry(level, 0);
        if (g.line < (4u << CTR_DMINLINE(ctr)) || g.ways == 0 || g.sets == 0)
            bad_geom++;
    }
    check("every level 1 .. LoC has a data or unified cache", bad_type, 0);
    check("their CCSIDR_EL1 lines are no smaller than CTR_EL0.DminLine", bad_geom, 0);
    unsigned t1 = CLIDR_CTYPE(clidr, 1);
    if (t1 == CTYPE_I || t1 == CTYPE_ID) {
        struct cache_geom g = cache_geometry(1, 1);
        check("the L1 instruction cache's line is no smaller than CTR_EL0.IminLine",
              g.line >= (4u << CTR_IMINLINE(ctr)), 1);
    } else {
        check("CLIDR_EL1.Ctype1 is data or unified when there is no L1 instruction cache",
              t1 == CTYPE_D || t1 == CTYPE_UNIFIED, 1);
    }

    unsigned step = dcache_line_size() / 8, n = 0, same;

    /* A: DC CISW */
    for (unsigned i = 0; i < BUF_WORDS; i += step, n++)
        buf_a[i] = VAL_A(i);
    dcache_cisw_all();
    same = 0;
    for (unsigned i = 0; i < BUF_WORDS; i += step)
        same += el1_ld_mmu_off(&buf_a[i]) == VAL_A(i);
    check("one word per line over 64 KiB written with the caches on, DC CISW over all "
          "sets/ways/levels, DSB SY: every one read with the MMU off is new", same, n);
    same = 0;
    for (unsigned i = 0; i < BUF_WORDS; i += step)
        same += buf_a[i] == VAL_A(i);
    check("  ... and every one read cacheably too", same, n);

    /* B: DC CSW */
    for (unsigned i = 0; i < BUF_WORDS; i += step)
        buf_b[i] = VAL_B(i);
    dcache_csw_all();
    same = 0;
    for (unsigned i = 0; i < BUF_WORDS; i += step)
        same += el1_ld_mmu_off(&buf_b[i]) == VAL_B(i);
    check("the same with DC CSW (clean only): every line read with the MMU off is new", same, n);
    same = 0;
    for (unsigned i = 0; i < BUF_WORDS; i += step)
        same += buf_b[i] == VAL_B(i);
    check("  ... and every one read cacheably too", same, n);

    /* and the program's own data survived the loops: write, CISW, MMU off */
    buf_a[1] = 0x5e75e75e75e75e7ull;
    dcache_cisw_all();
    check("a second DC CISW pass: a new store reaches memory too", el1_ld_mmu_off(&buf_a[1]),
          0x5e75e75e75e75e7ull);

    mmu_el1_off();
    return tap_done();
}
