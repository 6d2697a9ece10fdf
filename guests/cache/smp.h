/*
 * smp.h - two CPUs for the cache suite (--smp 2, boots at EL1; PSCI
 * CPU_ON over HVC).  Include it in exactly one C file, after common.h.
 *
 * smp_start(): CPU 0 (MMU and caches already on, el1_identity_on) starts
 * CPU 1 at secondary_entry; CPU 1 turns its MMU and caches on with the
 * same tables (cache_mmu_on_el1 on a copy of `space` that CPU 0 cleaned to
 * the PoC with everything else CPU 1 reads while its MMU is off), then
 * loops: waits until `sh.step` reaches its next step number, runs
 * cpu1_step(n) (defined by the guest), publishes `sh.done = n`.  After
 * `steps` steps it returns (secondary_entry then calls CPU_OFF).
 * smp_step(n): CPU 0 completes its earlier maintenance and stores (DSB
 * ISH), hands CPU 1 step n and waits (10 s of the generic counter at most)
 * until it is done: 1 if it was.
 * Data the CPUs share is accessed only with both MMUs on (Normal, Inner
 * Shareable, Write-Back: coherent, B2.3 / D8.18.1); the hand-off uses DMB
 * ISH on both sides, and CPU 1 executes an ISB after it sees its step
 * (context synchronization before it fetches code that CPU 0 changed).
 */
#ifndef CACHE_SMP_H
#define CACHE_SMP_H

#include "common.h"
#include "psci.h"

#define WAIT_SECONDS 10

static void cpu1_step(unsigned n);

static uint8_t stack1[8192] __attribute__((aligned(4096)));

static struct {
    struct smp_boot boot;
    struct mmu_space space;
    uint64_t steps;
} __attribute__((aligned(64))) start;

static volatile struct {
    uint64_t step;          /* CPU 0 -> CPU 1: what to do next */
    uint64_t done;          /* CPU 1 -> CPU 0: last step finished */
    uint64_t seen[16];      /* what CPU 1 saw */
} __attribute__((aligned(64))) sh;

static uint64_t deadline(void)
{
    isb();
    return read_sysreg(cntpct_el0) + WAIT_SECONDS * read_sysreg(cntfrq_el0);
}

static int expired(uint64_t when)
{
    isb();
    return read_sysreg(cntpct_el0) > when;
}

static void cpu1_main(uint64_t arg)
{
    (void)arg;
    uint64_t steps = start.steps;       /* MMU off: from memory, where CPU 0 cleaned it */
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    cache_mmu_on_el1(&start.space);
    for (uint64_t n = 1; n <= steps; n++) {
        while (sh.step < n)
            ;
        dmb(ish);
        isb();
        cpu1_step((unsigned)n);
        dmb(ish);
        sh.done = n;
    }
}

static int smp_step(uint64_t n)
{
    dsb(ish);
    sh.step = n;
    for (uint64_t d = deadline(); !expired(d);)
        if (sh.done >= n) {
            dmb(ish);
            return 1;
        }
    return 0;
}

static int smp_start(unsigned steps)
{
    start.space = space;
    start.steps = steps;
    start.boot.stack_top = (uint64_t)(uintptr_t)(stack1 + sizeof stack1);
    start.boot.fn = cpu1_main;
    start.boot.arg = 0;
    dcache_clean_inval_poc((uintptr_t)&start, (uintptr_t)(&start + 1));
    return psci_cpu_on(1, (uint64_t)secondary_entry, (uint64_t)(uintptr_t)&start.boot) == PSCI_SUCCESS;
}

#endif
