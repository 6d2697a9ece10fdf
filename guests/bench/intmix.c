/*
 * intmix.c - the whole integer mix (CRC-32, sieve, sort and the bytecode
 * interpreter of mix.h) on every CPU the machine has, for the benchmark's
 * scaling runs (--smp 1, 2, 4 on a64emu; -smp N on QEMU).
 *
 * CPU 0 builds bench.h's identity map with the MMU off, then starts CPUs
 * 1, 2, ... with PSCI CPU_ON (as el/smp_psci.c does) until one does not
 * exist (CPU_ON returns INVALID_PARAMETERS), at most MAX_CPUS; every CPU
 * turns its own MMU and caches on with those tables.  When all are up, CPU
 * 0 publishes the CPU count N and sets `go`; CPU c then runs rounds c,
 * c + N, c + 2N, ... < ROUNDS of mix_round on its own state (each CPU the
 * same amount of work: ROUNDS / N rounds), adds up its round hashes
 * (mod 2^64), stores the sum and its `done` flag, and turns itself off
 * (smp.S: PSCI CPU_OFF).  CPU 0 waits (WFE; the others SEV after storing
 * `done`) and adds the sums.  The total does not depend on N, so every
 * CPU count prints the same result (only the count line differs) and is
 * checked against one constant (guests/bench/model.py).  Total work is the
 * same for every N: a machine whose throughput does not change with the
 * number of CPUs takes the same time for each.
 *
 * Rules: CPU_ON starts the CPU at the caller's EL with the MMU and caches
 * off and x0 = the context (psci.h); its boot block and stack are written
 * by CPU 0 with its MMU still off (so they are in memory, which the new CPU
 * reads with its MMU off: no cache maintenance is needed); after that every
 * shared location is accessed with the MMU on (Normal Inner Shareable
 * Write-Back: coherent among the CPUs), ordered with DMB ISH; SEV after the
 * `done` store (DSB ISH first) wakes CPU 0's WFE.
 *
 *   default:  ROUNDS = 128, about 216 million instructions in total
 *   -DSMALL:  ROUNDS = 16,  about 26 million
 * (a64emu's counter, --stats; about 1.65 million per round)
 */
#include <stdint.h>
#include "bench.h"
#include "exceptions.h"
#include "mix.h"
#include "printf.h"
#include "psci.h"

#ifdef SMALL
#define ROUNDS 16
#else
#define ROUNDS 128
#endif
#define MAX_CPUS 8
#define STACK_SIZE 16384

static struct mix_cpu state[MAX_CPUS];
static uint8_t stacks[MAX_CPUS][STACK_SIZE] __attribute__((aligned(16)));
static struct smp_boot boot[MAX_CPUS];

/* one cache line per CPU, so that the CPUs share no line while they work */
static volatile struct {
    uint64_t up, done, sum;
} __attribute__((aligned(64))) slot[MAX_CPUS];
static volatile uint64_t go, ncpus;

static void wfe(void) { __asm__ volatile("wfe" ::: "memory"); }
static void sev(void) { __asm__ volatile("sev" ::: "memory"); }

static uint64_t work(unsigned cpu, unsigned n)
{
    struct mix_cpu *c = &state[cpu];
    mix_init(c);
    uint64_t sum = 0;
    for (uint32_t r = cpu; r < ROUNDS; r += n)
        sum += mix_round(c, r);
    return sum;
}

static void secondary(uint64_t cpu)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    bench_mmu_on();
    slot[cpu].up = 1;
    dsb(ish);
    sev();
    while (!go)
        wfe();
    dmb(ish);
    uint64_t sum = work((unsigned)cpu, (unsigned)ncpus);
    slot[cpu].sum = sum;
    dmb(ish);
    slot[cpu].done = 1;
    dsb(ish);
    sev();
    /* returning calls PSCI CPU_OFF (smp.S) */
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    psci_init();
    bench_mmu_build();

    /* start the secondaries while the MMU is off: their boot blocks and
     * stacks are then in memory, where they read them */
    unsigned n = 1;
    for (unsigned c = 1; c < MAX_CPUS; c++) {
        boot[c].stack_top = (uint64_t)(uintptr_t)(stacks[c] + STACK_SIZE);
        boot[c].fn = secondary;
        boot[c].arg = c;
        dsb(sy);
        int32_t rc = psci_cpu_on(c, (uint64_t)(uintptr_t)secondary_entry, (uint64_t)(uintptr_t)&boot[c]);
        if (rc != PSCI_SUCCESS) {
            if (rc != PSCI_INVALID_PARAMETERS) {
                printf("Bail out! CPU_ON(%u) = %d\n", c, (int)rc);
                return 1;
            }
            break;
        }
        n++;
    }
    bench_mmu_on();
    for (unsigned c = 1; c < n; c++)
        while (!slot[c].up)
            wfe();
    ncpus = n;
    dmb(ish);
    go = 1;
    dsb(ish);
    sev();

    uint64_t total = work(0, n);
    for (unsigned c = 1; c < n; c++) {
        while (!slot[c].done)
            wfe();
        dmb(ish);
        total += slot[c].sum;
    }

#ifdef SMALL
    const uint64_t want = 0xe2273b871d028972ULL;
#else
    const uint64_t want = 0x739c591b4087cf36ULL;
#endif
    int ok = total == want;
    printf("bench intmix: %u rounds on %u CPU%s\n", (unsigned)ROUNDS, n, n == 1 ? "" : "s");
    printf("mix     0x%016llx\n", (unsigned long long)total);
    printf("%s\n", ok ? "bench intmix: ok" : "bench intmix: MISMATCH");
    return ok ? 0 : 1;
}
