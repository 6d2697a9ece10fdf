/*
 * smc_noic - self-modifying code WITHOUT the instruction-cache invalidation
 * (boots at EL1; nodiff: run with --cache-model on and CTR_EL0.DIC = 0).
 *
 * Rules (Arm ARM DDI 0487):
 *  - CTR_EL0.DIC = 0 (D24.2.42): "Instruction cache invalidation to the
 *    Point of Unification is required for data to instruction coherence".
 *  - D8.18.2 / D7.5.9 and B2.2.5: an instruction cache may keep a line
 *    until an IC instruction that covers it (or an eviction the program
 *    cannot rely on) removes it; a clean of the data cache to the PoU, a
 *    DSB and an ISB do not touch the instruction cache, and an ISB only
 *    discards what the PE fetched ahead.  So after DC CVAU, DSB ISH, ISB
 *    with no IC, the fetch MAY still return the old instructions: a64emu's
 *    model keeps the line (no eviction happens in this small program), and
 *    the checks marked "(stale I-cache)" assert that the old code runs.
 *    QEMU 7.2 keeps code coherent with data and runs the new code there.
 *  - Once IC IVAU (or IC IALLU) by the line, DSB ISH, ISB follow, the new
 *    code must run (architectural; these checks pass on QEMU too).
 * Between a function's first run and its run after the rewrite the program
 * executes only the stores and the maintenance (the checks are printed
 * afterwards), so nothing else competes for the I-cache line.
 */
#include "common.h"

int main(void)
{
    el1_identity_on();
    uint64_t ctr = read_sysreg(ctr_el0);
    check("CTR_EL0.DIC = 0: instruction-cache invalidation is required", (ctr & CTR_DIC) != 0, 0);

    volatile uint32_t *f = CODE_PTR(0);
    uintptr_t fva = CODE_VA(0);
    uint64_t r[8];

    emit_const(f, 0x111);
    sync_icache_range(fva, fva + 8);
    r[0] = run_code(fva);                   /* F's line is now in the I-cache */
    emit_const(f, 0x222);
    dc_cvau_range(fva, fva + 8);
    dsb(ish);
    isb();
    r[1] = run_code(fva);
    r[2] = run_code(fva);                   /* and again: the line persists */
    ic_ivau_range(fva, fva + 8);
    dsb(ish);
    isb();
    r[3] = run_code(fva);

    emit_const(f, 0x333);
    dc_cvau_range(fva, fva + 8);
    dsb(ish);
    isb();
    r[4] = run_code(fva);
    ic_all(iallu);
    dsb(ish);
    isb();
    r[5] = run_code(fva);

    check("F (returns 0x111), full sequence: runs", r[0], 0x111);
    check("F rewritten (0x222), DC CVAU + DSB ISH + ISB, no IC: the OLD code runs (stale I-cache)",
          r[1], 0x111);
    check("  ... and still on a second call (stale I-cache)", r[2], 0x111);
    check("then IC IVAU + DSB ISH + ISB: the new code runs", r[3], 0x222);
    check("F rewritten (0x333), DC CVAU + DSB ISH + ISB, no IC: the OLD code runs (stale I-cache)",
          r[4], 0x222);
    check("then IC IALLU + DSB ISH + ISB: the new code runs", r[5], 0x333);

    mmu_el1_off();
    return tap_done();
}
