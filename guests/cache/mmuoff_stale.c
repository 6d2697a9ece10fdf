/*
 * mmuoff_stale - data written with the MMU and data cache on is NOT seen
 * by a read with the MMU off unless it was cleaned to the PoC (boots at
 * EL1; nodiff: run with --cache-model on).
 *
 * Rules (Arm ARM DDI 0487):
 *  - D8.2.12: with SCTLR_EL1.M = 0 data accesses are Device-nGnRnE; they
 *    read memory (the PoC) and do not look up the caches.  Reading a
 *    location with Device attributes while a Write-Back cacheable copy of
 *    it is dirty is a mismatched-attributes access (B2.11): coherency is
 *    lost and the read MAY return memory's old value.  D7.5.1: a
 *    write-back cache keeps dirty data until it is cleaned or evicted.
 *    a64emu's model keeps the dirty line (no eviction happens in this
 *    small program): the checks marked "(dirty line above the PoC)" assert
 *    that the MMU-off read returns the OLD value.  QEMU 7.2 has no caches
 *    and returns the new value there.
 *  - D7.5.8: DC CVAU cleans only to the PoU.  With CLIDR_EL1.LoC above
 *    LoUU and LoUIS there is a cache level between the PoU and the PoC,
 *    which may still hold the line after the clean: the MMU-off read MAY
 *    return the old value ("(PoU is not the PoC)").
 *  - DC CVAC only cleans the lines it is given (one line per instruction,
 *    D7.5.9): lines of the block that were not cleaned may stay dirty.
 *  - Architectural (pass on QEMU too): a cacheable read returns the last
 *    value written whatever the MMU-off read returned; after DC CVAC or DC
 *    CIVAC and a DSB the MMU-off read returns the new value.
 * Each case uses its own 4KB page.
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

    uint64_t clidr = read_sysreg(clidr_el1);
    unsigned pou = CLIDR_LOUU(clidr) > CLIDR_LOUIS(clidr) ? CLIDR_LOUU(clidr) : CLIDR_LOUIS(clidr);
    check("CLIDR_EL1: LoC above LoUU and LoUIS (a cache level beyond the PoU)", CLIDR_LOC(clidr) > pou, 1);

    /* 0: no maintenance at all */
    dpage[0][5] = NEW(5);
    uint64_t r0 = el1_ld_mmu_off(&dpage[0][5]);
    uint64_t r1 = dpage[0][5];
    dc_va(cvac, &dpage[0][5]);
    dsb(sy);
    uint64_t r2 = el1_ld_mmu_off(&dpage[0][5]);
    check("store (caches on), no maintenance: the MMU-off read sees the OLD value (dirty line above the PoC)",
          r0, OLD(5));
    check("  ... while a cacheable read sees the new one", r1, NEW(5));
    check("  ... then DC CVAC, DSB SY: the MMU-off read sees the new value", r2, NEW(5));

    /* 1: DC CVAU only */
    dpage[1][7] = NEW(7);
    dc_va(cvau, &dpage[1][7]);
    dsb(sy);
    r0 = el1_ld_mmu_off(&dpage[1][7]);
    dc_va(civac, &dpage[1][7]);
    dsb(sy);
    r1 = el1_ld_mmu_off(&dpage[1][7]);
    check("store, DC CVAU (to the PoU only), DSB SY: the MMU-off read sees the OLD value "
          "(PoU is not the PoC)", r0, OLD(512 + 7));
    check("  ... then DC CIVAC, DSB SY: the MMU-off read sees the new value", r1, NEW(7));

    /* 2: four lines stored (pages 2 and 3: room for 2KB lines), only lines 0 and 2 cleaned */
    unsigned dline = dcache_line_size(), per = dline / 8;
    volatile uint64_t *blk = &dpage[2][0];
    uintptr_t base = (uintptr_t)blk;
    for (unsigned i = 0; i < 4 * per; i++)
        blk[i] = NEW(2000 + i);
    dc_va(cvac, base);
    dc_va(cvac, base + 2 * dline);
    dsb(sy);
    unsigned newer[4] = {0, 0, 0, 0};
    for (unsigned i = 0; i < 4 * per; i++)
        newer[i / per] += el1_ld_mmu_off(&blk[i]) == NEW(2000 + i);
    check("4 lines stored, DC CVAC of lines 0 and 2: the MMU-off reads see them new", newer[0] + newer[2],
          2 * per);
    check("  ... and lines 1 and 3 still OLD (dirty line above the PoC)", newer[1] + newer[3], 0);

    mmu_el1_off();
    return tap_done();
}
