/*
 * cachesoff_stale - data written with the MMU and caches off is NOT seen
 * by cacheable reads while a copy of the line read earlier with the caches
 * on stays in a cache (boots at EL1; nodiff: run with --cache-model on).
 *
 * Rules (Arm ARM DDI 0487):
 *  - D8.2.12: with SCTLR_EL1.M = 0 data accesses are Device-nGnRnE and
 *    write memory (the PoC) without looking up the caches.  A cached copy
 *    of the location, allocated by an earlier Write-Back cacheable read,
 *    is then out of date; accessing one location with mismatched
 *    attributes loses coherency (B2.11), and caches may keep a line
 *    indefinitely until maintenance removes it (D7.5.1).  So after the MMU
 *    and caches are on again a cacheable read MAY return the stale copy:
 *    a64emu's model keeps it (no eviction in this small program), and the
 *    checks marked "(stale clean line)" assert the OLD value.  QEMU 7.2
 *    has no caches and returns the new value there.
 *  - DC CVAC cleans: the copy is clean (it was only read), so nothing is
 *    written and the copy stays: the read MAY still return the OLD value
 *    ("(stale clean line)").
 *  - A line never read with the caches on has no copy in a64emu's caches
 *    (the model allocates only on accesses the program makes: no
 *    speculative allocation), so its cacheable read returns the new value
 *    ("(no speculative allocation in the model)": the architecture would
 *    also allow a speculatively allocated stale copy).
 *  - Architectural (pass on QEMU too): the MMU-off read returns the new
 *    value; after DC IVAC and a DSB the cacheable read returns it.
 * Each case uses its own 4KB page.
 */
#include "common.h"

#define OLD(i)  (0x01d0000000000000ull | (i))
#define NEW(i)  (0x0e30000000000000ull | (i))

static volatile uint64_t dpage[2][512] __attribute__((aligned(4096)));

int main(void)
{
    for (unsigned p = 0; p < 2; p++)
        for (unsigned i = 0; i < 512; i++)
            dpage[p][i] = OLD(p * 512 + i);
    el1_identity_on();

    uint64_t r[6];
    r[0] = dpage[0][5];                     /* allocates the line (clean) */
    el1_st_mmu_off(&dpage[0][5], NEW(5));
    r[1] = dpage[0][5];
    r[2] = el1_ld_mmu_off(&dpage[0][5]);
    dc_va(cvac, &dpage[0][5]);
    dsb(sy);
    r[3] = dpage[0][5];
    dc_va(ivac, &dpage[0][5]);
    dsb(sy);
    r[4] = dpage[0][5];

    el1_st_mmu_off(&dpage[1][7], NEW(7));   /* never read with the caches on */
    r[5] = dpage[1][7];

    check("a cacheable read (the line is now cached)", r[0], OLD(5));
    check("store with the MMU off, MMU on again: a cacheable read sees the OLD value (stale clean line)",
          r[1], OLD(5));
    check("  ... while a read with the MMU off sees the new value", r[2], NEW(5));
    check("  ... DC CVAC, DSB SY: the cacheable read still sees the OLD value (stale clean line)",
          r[3], OLD(5));
    check("  ... DC IVAC, DSB SY: the cacheable read sees the new value", r[4], NEW(5));
    check("store with the MMU off to a line never read with the caches on: a cacheable read sees it "
          "(no speculative allocation in the model)", r[5], NEW(7));

    mmu_el1_off();
    return tap_done();
}
