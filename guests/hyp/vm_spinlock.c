/*
 * vm_spinlock - four vCPUs of one VM share a counter under an exclusive-
 * access spinlock while the hypervisor moves them between physical CPUs
 * (an ordinary VM test: no seed bug; run with --vcpus 4 --smp 2 --sched
 * migrate, where each vCPU changes pCPU every time it gives its pCPU up).
 *
 * Scenario: vcpu0 (boot) builds the identity map and turns its MMU and
 * caches on, starts vCPUs 1-3 (PSCI CPU_ON; each turns its MMU and caches
 * on with the same tables) and works too.  Every vCPU takes the lock
 * (LDAXR / STXR loop, acquire), adds 1 to the counter, releases it (STLR)
 * ITERATIONS times, and YIELDs after every 100th iteration (never while it
 * holds the lock); then it adds 1 to `done` under the lock.  vcpu0 YIELDs
 * until done = 4 and checks the counter.
 *
 * Rules: a Load-Acquire Exclusive / Store Exclusive pair succeeds only if
 * no other observer wrote the location in between (B2.17 "Synchronization
 * and semaphores", the global monitor for Inner Shareable Normal memory);
 * Load-Acquire and Store-Release order the critical section (B2.3, the
 * memory model); Normal Write-Back Inner Shareable memory is coherent
 * between PEs - so however the hypervisor moves the vCPUs, every increment
 * is seen exactly once.
 *
 * Expected (TAP, 5 checks): counter = 4 x 2000 = 8000, exit 0, with every
 * fix on or off and on QEMU.
 */
#include "common.h"

#define NVCPUS      4u
#define ITERATIONS  2000u
#define YIELD_EVERY 100u

static volatile uint32_t lock __attribute__((aligned(64)));
static volatile struct {
    uint64_t counter;
    uint64_t done;
    uint64_t cpus_seen[NVCPUS];     /* bit k: ran on pCPU k */
} __attribute__((aligned(64))) sh;

static void work(unsigned n)
{
    uint64_t seen = 1ull << (hyp_current_cpu() & 63);
    for (unsigned i = 0; i < ITERATIONS; i++) {
        spin_lock(&lock);
        sh.counter = sh.counter + 1;
        spin_unlock(&lock);
        if ((i + 1) % YIELD_EVERY == 0) {
            hyp_yield();
            seen |= 1ull << (hyp_current_cpu() & 63);
        }
    }
    spin_lock(&lock);
    sh.cpus_seen[n] = seen;
    sh.done = sh.done + 1;
    spin_unlock(&lock);
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    psci_init();
    identity_build(&space);
    mmu_on_ttbr(mmu_root(&space));

    int started = 1;
    for (unsigned n = 1; n < NVCPUS; n++)
        started &= vcpu_start(n, mmu_root(&space), work) == PSCI_SUCCESS;
    check("PSCI CPU_ON of vCPUs 1-3 (needs --vcpus 4)", started, 1);
    work(0);
    int all = wait_for(&sh.done, NVCPUS);
    check("every vCPU finished", all, 1);
    int off = 1;
    for (unsigned n = 1; n < NVCPUS; n++)
        off &= wait_off(n);
    check("vCPUs 1-3 are OFF again (PSCI AFFINITY_INFO)", off, 1);
    spin_lock(&lock);
    uint64_t counter = sh.counter;
    spin_unlock(&lock);
    check("counter = 4 vCPUs x 2000 increments under the lock", counter, NVCPUS * ITERATIONS);
    check("the lock is free", lock, 0);
    for (unsigned n = 0; n < NVCPUS; n++)
        printf("# vcpu%u ran on the pCPUs of mask 0x%llx\n", n, (unsigned long long)sh.cpus_seen[n]);
    return tap_done();
}
