/*
 * smp_ic_local - a local IC IALLU on one CPU leaves another CPU's
 * instruction cache alone (--smp 2, boots at EL1; nodiff: run with
 * --cache-model on and CTR_EL0.DIC = 0).
 *
 * Rules (Arm ARM DDI 0487, D7.5.9 and the IC instruction descriptions,
 * D8.18.2; HCR_EL2.FB does not apply: there is no EL2 here):
 *  - IC IALLU invalidates the instruction caches of the PE that executes
 *    it only; IC IALLUIS those of every PE in the Inner Shareable domain;
 *    IC IVAU by VA every PE's lines of the PA in the IS domain (Table D7-7).
 *    A broadcast invalidation is complete for every PE once the issuing
 *    PE's DSB ISH completes.
 *  - A PE's instruction cache may keep a line until an invalidation that
 *    covers it: CPU 1, which has executed F, MAY keep running the old F
 *    after CPU 0 rewrote it and invalidated only its own I-cache.  a64emu's
 *    per-CPU I-caches keep the line ("(per-CPU I-cache)" checks); QEMU 7.2
 *    has no I-cache and runs the new F there.
 *  - Architectural (pass on QEMU too): CPU 0 runs the new F after its own
 *    clean + IC IALLU; CPU 1 runs it after CPU 0's IC IALLUIS + DSB ISH and
 *    its own ISB, or after its own IC IALLU.
 * F is MOVZ X0, #v; RET in the code window, rewritten by CPU 0 and cleaned
 * to the PoU (DC CVAU, DSB ISH) each time.
 */
#include "common.h"
#include "smp.h"

static uintptr_t fva;

static void cpu1_step(unsigned n)
{
    switch (n) {
    case 1:
    case 2:
    case 3:
    case 4:
        sh.seen[n] = run_code(fva);
        break;
    case 5:
        ic_all(iallu);
        dsb(ish);
        isb();
        sh.seen[n] = run_code(fva);
        break;
    }
}

static void rewrite(unsigned v)
{
    emit_const(CODE_PTR(0), v);
    dc_cvau_range(fva, fva + 8);
    dsb(ish);
}

int main(void)
{
    psci_init();
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    el1_identity_on();
    fva = CODE_VA(0);
    check("CTR_EL0.DIC = 0", (read_sysreg(ctr_el0) & CTR_DIC) != 0, 0);

    rewrite(0x111);
    ic_ivau_range(fva, fva + 8);
    dsb(ish);
    isb();
    check("CPU 0 runs F (0x111)", run_code(fva), 0x111);
    check("CPU_ON(1) = SUCCESS", smp_start(5), 1);
    check("CPU 1: step 1 done", smp_step(1), 1);
    check("CPU 1 runs F (0x111): F is in CPU 1's I-cache", sh.seen[1], 0x111);

    rewrite(0x222);
    ic_all(iallu);                          /* local */
    dsb(ish);
    isb();
    check("CPU 0 rewrites F (0x222), DC CVAU, DSB ISH, local IC IALLU, DSB ISH, ISB: CPU 0 runs the new F",
          run_code(fva), 0x222);
    check("CPU 1: step 2 done", smp_step(2), 1);
    check("CPU 1 (ISB) still runs the OLD F: CPU 0's IC IALLU was local (per-CPU I-cache)",
          sh.seen[2], 0x111);

    ic_all(ialluis);
    dsb(ish);
    check("CPU 1: step 3 done", smp_step(3), 1);
    check("after CPU 0's IC IALLUIS + DSB ISH, CPU 1 (ISB) runs the new F", sh.seen[3], 0x222);

    rewrite(0x333);                         /* no IC at all */
    check("CPU 1: step 4 done", smp_step(4), 1);
    check("F rewritten (0x333) with no IC: CPU 1 runs the OLD F (per-CPU I-cache)", sh.seen[4], 0x222);
    check("CPU 1: step 5 done", smp_step(5), 1);
    check("  ... after CPU 1's own IC IALLU + DSB ISH + ISB: CPU 1 runs the new F", sh.seen[5], 0x333);

    mmu_el1_off();
    return tap_done();
}
