/*
 * smp_ic_is - cross-modifying code between two CPUs done right (--smp 2,
 * boots at EL1; diff).
 *
 * Rules (Arm ARM DDI 0487, D7.5.9 and the IC/DC instruction descriptions,
 * B2.2.5, D8.18.2):
 *  - DC CVAU makes the new instructions reach the PoU, which is shared by
 *    every PE of the Inner Shareable domain (Table D7-7: by-VA maintenance
 *    to the PoU affects every PE of the domain).
 *  - IC IVAU (by VA) and IC IALLUIS invalidate the instruction caches of
 *    every PE of the Inner Shareable domain; IC IALLU only the executing
 *    PE's.  A broadcast operation is complete for every PE when the issuing
 *    PE's DSB ISH completes.
 *  - The PE that runs the code needs a context synchronization event (ISB)
 *    after it has observed that the maintenance completed (here: through
 *    a flag that the writer stores after its DSB ISH, read before a DMB
 *    ISH).
 * F (MOVZ X0, #v; RET) in the code window is rewritten by one CPU and run
 * by the other, with the invalidation done by the writer (IC IVAU, IC
 * IALLUIS) or by the runner (IC IALLU, IC IVAU), in both directions.
 */
#include "common.h"
#include "smp.h"

static uintptr_t fva;

static void rewrite(unsigned v)
{
    emit_const(CODE_PTR(0), v);
    dc_cvau_range(fva, fva + 8);
    dsb(ish);
}

static void cpu1_step(unsigned n)
{
    switch (n) {
    case 4:                                 /* the runner invalidates */
        ic_all(iallu);
        dsb(ish);
        isb();
        break;
    case 5:
        ic_ivau_range(fva, fva + 8);
        dsb(ish);
        isb();
        break;
    case 6:                                 /* CPU 1 writes, CPU 0 runs */
        rewrite(0x666);
        ic_ivau_range(fva, fva + 8);
        dsb(ish);
        isb();
        break;
    }
    sh.seen[n] = run_code(fva);
}

int main(void)
{
    psci_init();
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    el1_identity_on();
    fva = CODE_VA(0);

    rewrite(0x111);
    ic_ivau_range(fva, fva + 8);
    dsb(ish);
    isb();
    check("CPU 0 runs F (0x111)", run_code(fva), 0x111);
    check("CPU_ON(1) = SUCCESS", smp_start(6), 1);
    check("CPU 1: step 1 done", smp_step(1), 1);
    check("CPU 1 runs F (0x111)", sh.seen[1], 0x111);

    rewrite(0x222);
    ic_ivau_range(fva, fva + 8);
    dsb(ish);
    isb();
    check("CPU 0 rewrites F (0x222): DC CVAU, DSB ISH, IC IVAU, DSB ISH, ISB: CPU 0 runs the new F",
          run_code(fva), 0x222);
    check("CPU 1: step 2 done", smp_step(2), 1);
    check("  ... CPU 1 (ISB) runs the new F: IC IVAU reached its I-cache", sh.seen[2], 0x222);

    rewrite(0x333);
    ic_all(ialluis);
    dsb(ish);
    check("CPU 1: step 3 done", smp_step(3), 1);
    check("CPU 0 rewrites F (0x333), IC IALLUIS, DSB ISH: CPU 1 (ISB) runs the new F", sh.seen[3], 0x333);

    rewrite(0x444);
    check("CPU 1: step 4 done", smp_step(4), 1);
    check("CPU 0 rewrites F (0x444), DC CVAU, DSB ISH only; CPU 1 IC IALLU, DSB ISH, ISB: CPU 1 runs "
          "the new F", sh.seen[4], 0x444);

    rewrite(0x555);
    check("CPU 1: step 5 done", smp_step(5), 1);
    check("CPU 0 rewrites F (0x555), DC CVAU, DSB ISH only; CPU 1 IC IVAU, DSB ISH, ISB: CPU 1 runs "
          "the new F", sh.seen[5], 0x555);

    check("CPU 1: step 6 done", smp_step(6), 1);
    check("CPU 1 rewrites F (0x666), DC CVAU, DSB ISH, IC IVAU, DSB ISH: CPU 1 runs the new F",
          sh.seen[6], 0x666);
    isb();
    check("  ... and CPU 0 (ISB) too", run_code(fva), 0x666);

    mmu_el1_off();
    return tap_done();
}
