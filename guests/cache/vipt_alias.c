/*
 * vipt_alias - on a VIPT instruction cache whose ways are larger than a
 * page, IC IVAU by one VA alias of code leaves the lines that another
 * alias (indexed differently) allocated (boots at EL1; nodiff: run with
 * --cache-model on --icache-policy vipt, CTR_EL0.DIC = 0).
 *
 * Rules (Arm ARM DDI 0487, D8.18.2.2 "Virtually-indexed, physically-tagged
 * instruction caches"): "If instruction cache maintenance by address is
 * done on a memory location, then the effect of that instruction cache
 * maintenance is visible only to the VA supplied with the operation, and
 * the effect of the invalidation might not be visible to any other VA or
 * IPA aliases of that physical memory location"; "the only architecturally
 * guaranteed way to invalidate all VA or IPA aliases of a PA from a VIPT
 * instruction cache is to invalidate the entire instruction cache".
 * CTR_EL0.L1Ip = 0b10 is VIPT; CCSIDR_EL1 for CSSELR_EL1 = {Level 1, InD}
 * gives the L1 I-cache's sets and line, so a way is sets x line bytes: if
 * that exceeds 4KB, VA bits above the page offset select the set.
 * The test: G is written through its identity VA A and run through alias
 * B (bits 13:12 of A and B differ).  After a rewrite, DC CVAU and IC IVAU
 * by A (the writing VA), B MAY still run the OLD G: a64emu's VIPT model
 * keeps B's line ("(VIPT alias)"); QEMU 7.2 has no I-cache (and reports
 * PIPT) and runs the new G.  IC IVAU by B, or IC IALLU, must make B run
 * the new G (architectural).
 */
#include "common.h"

#define ALIAS_VA    0x80000000ull

int main(void)
{
    el1_identity_build();
    *mmu_pte(&space, ALIAS_VA, 3) = mmu_leaf(CODE_VA(0x3000), PTE_NORMAL | PTE_AP_RO_EL1 | PTE_UXN, 3);
    cache_mmu_on_el1(&space);

    uint64_t ctr = read_sysreg(ctr_el0);
    check("CTR_EL0.L1Ip = 0b10 (VIPT)", CTR_L1IP(ctr), L1IP_VIPT);
    check("CTR_EL0.DIC = 0", (ctr & CTR_DIC) != 0, 0);
    uint64_t clidr = read_sysreg(clidr_el1);
    unsigned t1 = CLIDR_CTYPE(clidr, 1);
    struct cache_geom g = cache_geometry(1, t1 == CTYPE_ID || t1 == CTYPE_I);
    check("L1 instruction cache way (CCSIDR_EL1 sets x line) larger than 4KB: VA bits 12+ index it",
          (uint64_t)g.sets * g.line > 4096, 1);

    volatile uint32_t *p = CODE_PTR(0x3000);
    uintptr_t a = CODE_VA(0x3000);
    uint64_t r[5];

    emit_const(p, 0x111);
    dc_cvau_range(a, a + 8);
    dsb(ish);
    ic_all(iallu);
    dsb(ish);
    isb();
    r[0] = run_code(ALIAS_VA);              /* line allocated at B's index */

    emit_const(p, 0x222);
    dc_cvau_range(a, a + 8);
    dsb(ish);
    ic_ivau_range(a, a + 8);                /* the writing alias */
    dsb(ish);
    isb();
    r[1] = run_code(ALIAS_VA);
    ic_ivau_range(ALIAS_VA, ALIAS_VA + 8);  /* the executing alias */
    dsb(ish);
    isb();
    r[2] = run_code(ALIAS_VA);

    emit_const(p, 0x333);
    dc_cvau_range(a, a + 8);
    dsb(ish);
    ic_ivau_range(a, a + 8);
    dsb(ish);
    isb();
    r[3] = run_code(ALIAS_VA);
    ic_all(iallu);
    dsb(ish);
    isb();
    r[4] = run_code(ALIAS_VA);

    check("G (0x111) run through alias B", r[0], 0x111);
    check("G rewritten (0x222), DC CVAU + IC IVAU by the writing VA A: B still runs the OLD G (VIPT alias)",
          r[1], 0x111);
    check("  ... IC IVAU by B: B runs the new G", r[2], 0x222);
    check("G rewritten (0x333), IC IVAU by A: B runs the OLD G (VIPT alias)", r[3], 0x222);
    check("  ... IC IALLU: B runs the new G", r[4], 0x333);

    mmu_el1_off();
    return tap_done();
}
