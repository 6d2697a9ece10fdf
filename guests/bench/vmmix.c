/*
 * vmmix.c - the hypervisor scenario workload: a guest of the mini-hypervisor
 * (guests/hypervisor; run it with `a64emu run --hyp --smp 2 --vcpus 4`, on
 * QEMU as the hypervisor Image with virtualization=on: tools/suite.py's
 * qemu_hyp_command) whose four vCPUs run the integer mix of mix.h while
 * making the hypervisor work the way the seed scenarios of the hyp suite
 * do, only many more times.
 *
 * vCPU 0 builds the hyp suite's identity map (guests/hyp/common.h), turns
 * its MMU and caches on and starts vCPUs 1-3 (PSCI CPU_ON to the
 * hypervisor; each turns its MMU on with the same tables).  vCPU n runs
 * rounds n, n + 4, ... < ROUNDS of mix_round (intmix.c's partition, so the
 * sum of the round hashes is intmix's for the same ROUNDS) and after each
 * round, for each of its PAGES scratch pages: HVC UNMAP (the hypervisor
 * breaks the stage-2 entry, TLBI IPAS2E1IS + VMALLE1IS, frees the page),
 * then fills the page (a stage-2 fault: the hypervisor maps a fresh page
 * with its cache maintenance) and reads two words back; then it adds 1 to
 * a shared counter under an LDAXR/STXR spinlock and YIELDs (a world
 * switch; with --sched migrate the vCPU also moves to the other CPU).
 * So a round is about 1.7 million guest instructions and 2 * PAGES + 1
 * exits to the hypervisor.  The vCPU that finishes last (the `done` count
 * under the lock) checks the sum (model.py: intmix's for the same rounds),
 * the counter and the pages, prints and exits; the others turn themselves
 * off (PSCI CPU_OFF).  Nobody waits in a YIELD loop: the hypervisor wakes
 * every other CPU each time a vCPU leaves one (Scheduler.swift, put ->
 * wakeCPUs), which interrupts the vCPU running there, so a vCPU that
 * YIELDs in a loop can keep the one it waits for from running at all (it
 * does with --trace, whose output lengthens every exit).
 *
 *   default:  ROUNDS = 64, about 120 million instructions (hypervisor included)
 *   -DSMALL:  ROUNDS = 16,  about 30 million
 * (a64emu's counter, --stats)
 */
#include "../hyp/common.h"
#include "bench.h"
#include "mix.h"

#ifdef SMALL
#define ROUNDS 16u
#else
#define ROUNDS 64u
#endif
#define NVCPUS  4u
#define PAGES   (SCRATCH_PAGES / NVCPUS)    /* scratch pages per vCPU */

static struct mix_cpu state[NVCPUS];
static volatile uint32_t lock __attribute__((aligned(64)));
static volatile struct {
    uint64_t rounds, done, bad_pages;
} __attribute__((aligned(64))) sh;
static volatile struct {
    uint64_t sum;
} __attribute__((aligned(64))) slot[NVCPUS];

static void finish(void);

static void work(unsigned n)
{
    struct mix_cpu *c = &state[n];
    mix_init(c);
    uint64_t sum = 0, bad = 0;
    for (uint32_t r = n; r < ROUNDS; r += NVCPUS) {
        sum += mix_round(c, r);
        for (unsigned p = 0; p < PAGES; p++) {
            uintptr_t page = scratch(n * PAGES + p);
            uint64_t v = ((uint64_t)r << 32) | (n * PAGES + p);
            if (hyp_unmap(page) != 0)
                bad++;
            fill_page(page, v);
            volatile uint64_t *w = (volatile uint64_t *)page;
            bad += (w[0] != v) + (w[PAGE_SIZE / 8 - 1] != v);
        }
        spin_lock(&lock);
        sh.rounds = sh.rounds + 1;
        spin_unlock(&lock);
        hyp_yield();
    }
    slot[n].sum = sum;
    spin_lock(&lock);
    sh.bad_pages = sh.bad_pages + bad;
    uint64_t done = sh.done = sh.done + 1;
    spin_unlock(&lock);
    if (done == NVCPUS)
        finish();               /* does not return */
    if (n == 0)
        psci_cpu_off();         /* the others return to smp.S, which does the same */
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    psci_init();
    identity_build(&space);
    mmu_on_ttbr(mmu_root(&space));

    for (unsigned n = 1; n < NVCPUS; n++) {
        int32_t rc = vcpu_start(n, mmu_root(&space), work);
        if (rc != PSCI_SUCCESS) {
            printf("Bail out! CPU_ON of vCPU %u = %d (run with --vcpus 4)\n", n, (int)rc);
            return 1;
        }
    }
    work(0);
    printf("Bail out! vCPU 0 is still on\n");
    return 1;
}

/* the last vCPU to finish: every other one has published its sum (before
 * its `done` increment, under the lock) */
static void finish(void)
{
    uint64_t total = 0;
    for (unsigned n = 0; n < NVCPUS; n++)
        total += slot[n].sum;

#ifdef SMALL
    const uint64_t want = 0xe2273b871d028972ULL;   /* model.py vmmix-small (= intmix-small) */
#else
    const uint64_t want = 0xcb8273160743061eULL;   /* model.py vmmix */
#endif
    int ok = total == want && sh.rounds == ROUNDS && sh.bad_pages == 0;
    printf("bench vmmix: %u rounds on %u vCPUs, %u pages remapped per round\n", (unsigned)ROUNDS,
           (unsigned)NVCPUS, (unsigned)PAGES);
    printf("mix     0x%016llx\n", (unsigned long long)total);
    printf("rounds %llu, bad pages %llu\n", (unsigned long long)sh.rounds, (unsigned long long)sh.bad_pages);
    printf("%s\n", ok ? "bench vmmix: ok" : "bench vmmix: MISMATCH");
    _exit(ok ? 0 : 1);
}
