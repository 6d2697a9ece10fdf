/*
 * smp_psci - PSCI (Arm DEN 0022) and shared-memory synchronisation on four
 * CPUs (--smp 4, with or without --el 2).  The conduit is SMC when booted at
 * EL2, HVC when booted at EL1 (as QEMU's virt board: psci.h).  Only CPU 0
 * prints; nothing printed depends on the interleaving of the CPUs.
 * Rules:
 *  - PSCI_VERSION returns major << 16 | minor: 1.1 = 0x10001.
 *  - PSCI_FEATURES(fid) returns 0 (SUCCESS, no flags) for the PSCI functions
 *    used here and NOT_SUPPORTED (-1) for a function ID that is not PSCI.
 *  - MIGRATE_INFO_TYPE returns 2: no Trusted OS needing migration.
 *  - CPU_ON(target MPIDR, entry, context) returns SUCCESS; the CPU starts
 *    at entry at the caller's EL, in AArch64, with x0 = context, MMU and
 *    caches off (SCTLR_ELx.M = C = 0) and PSTATE.DAIF all masked.  CPU_ON
 *    on a CPU that is on returns ALREADY_ON (-4); an MPIDR that names no
 *    CPU gives INVALID_PARAMETERS (-2).
 *  - AFFINITY_INFO(MPIDR, level 0) returns 0 ON, 1 OFF (2 ON_PENDING
 *    between CPU_ON and the CPU's start); -2 for a bad MPIDR.
 *  - CPU_OFF does not return; the CPU is OFF for AFFINITY_INFO afterwards,
 *    and CPU_ON can start it again.
 *  - SYSTEM_OFF does not return; QEMU (and a64emu) then exit with status 0.
 *  - MPIDR_EL1 on -M virt: Aff0 = CPU number (< 8 CPUs), bit 31 RES1.
 *  - LDAXR/STLXR, LDADDAL and CASAL are atomic among the CPUs: a counter
 *    incremented by N CPUs M times each, under a spinlock or with the
 *    atomics, ends at exactly N * M.
 * (The MMU is off: memory is Device-nGnRnE; whether the global exclusive
 * monitor and atomics support Device memory is IMPLEMENTATION DEFINED in
 * the Arm ARM, and QEMU and a64emu both do.)
 */
#include "exceptions.h"
#include "printf.h"
#include "psci.h"
#include "semihost.h"
#include "sysreg.h"
#include "tap.h"

#define NCPUS       4
#define ROUNDS      500         /* increments per CPU and per method */
#define WAIT_SECONDS 10     /* bound of every wait, in counter time */

static uint8_t stacks[NCPUS][8192] __attribute__((aligned(16)));
static struct smp_boot boot[NCPUS];

/* what each secondary saw, written by it and read by CPU 0 */
struct cpu_seen {
    uint64_t arrived, done;
    uint64_t mpidr, el, daif, sctlr;
    uint64_t cpu_off_returned;
    uint64_t second_run;
};
static volatile struct cpu_seen seen[NCPUS];

static volatile uint64_t go;
static volatile uint32_t lock;
static volatile uint64_t counter_lock, counter_ldadd, counter_cas;

static void spin_lock(volatile uint32_t *l)
{
    uint32_t tmp, fail;
    __asm__ volatile(
        "1: ldaxr   %w0, [%2]\n"
        "   cbnz    %w0, 1b\n"
        "   stlxr   %w1, %w3, [%2]\n"
        "   cbnz    %w1, 1b\n"
        : "=&r"(tmp), "=&r"(fail)
        : "r"(l), "r"(1u)
        : "memory");
}

static void spin_unlock(volatile uint32_t *l)
{
    __asm__ volatile("stlr wzr, [%0]" :: "r"(l) : "memory");
}

static void ldadd(volatile uint64_t *p, uint64_t v)
{
    uint64_t old;
    __asm__ volatile("ldaddal %1, %0, [%2]" : "=&r"(old) : "r"(v), "r"(p) : "memory");
}

static void cas_increment(volatile uint64_t *p)
{
    uint64_t expected = *p, seen_value;
    for (;;) {
        seen_value = expected;
        __asm__ volatile("casal %0, %2, [%1]"
                         : "+&r"(seen_value) : "r"(p), "r"(expected + 1) : "memory");
        if (seen_value == expected)
            return;
        expected = seen_value;
    }
}

static void work(void)
{
    for (unsigned i = 0; i < ROUNDS; i++) {
        spin_lock(&lock);
        counter_lock = counter_lock + 1;
        spin_unlock(&lock);
    }
    for (unsigned i = 0; i < ROUNDS; i++)
        ldadd(&counter_ldadd, 1);
    for (unsigned i = 0; i < ROUNDS; i++)
        cas_increment(&counter_cas);
}

static void install_vectors(void)
{
    if (current_el() == 2)
        write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    else
        write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
}

/* secondary_entry (smp.S) got x0 = &boot[cpu] (the context id) and calls
 * this with boot[cpu].arg = the CPU number */
static void secondary_main(uint64_t cpu)
{
    volatile struct cpu_seen *s = &seen[cpu];
    s->daif = read_sysreg(daif);
    s->el = current_el();
    s->sctlr = s->el == 2 ? read_sysreg(sctlr_el2) : read_sysreg(sctlr_el1);
    s->mpidr = read_sysreg(mpidr_el1);
    install_vectors();
    s->arrived = 1;
    while (!go)
        ;
    work();
    s->done = 1;
    s->cpu_off_returned = (uint64_t)(int64_t)psci_cpu_off();   /* returns only on failure */
    for (;;)
        ;
}

static void secondary_again(uint64_t cpu)
{
    seen[cpu].second_run = 1;
    /* returning calls CPU_OFF (smp.S) */
}

/* Waits end when their condition holds, or after WAIT_SECONDS of the
 * generic counter (QEMU runs its vCPUs as host threads, which may not be
 * scheduled for a while; a fixed number of polls is not enough there). */
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

/* polls until every secondary has set its `arrived` (done = 0) or `done` flag */
static int wait_all(int done)
{
    for (uint64_t d = deadline(); !expired(d);) {
        int all = 1;
        for (unsigned c = 1; c < NCPUS; c++)
            if (!(done ? seen[c].done : seen[c].arrived))
                all = 0;
        if (all)
            return 1;
    }
    return 0;
}

/* polls AFFINITY_INFO until every secondary is OFF */
static int wait_off(unsigned first, unsigned last)
{
    for (uint64_t d = deadline(); !expired(d);) {
        int all = 1;
        for (unsigned c = first; c <= last; c++)
            if (psci_affinity_info(c) != PSCI_AFF_OFF)
                all = 0;
        if (all)
            return 1;
    }
    return 0;
}

static void finish(void)
{
    int failed = tap_done();
    if (failed)
        _exit(1);
    psci_system_off();
    printf("Bail out! SYSTEM_OFF returned\n");
    _exit(2);
}

int main(void)
{
    char name[100];
    psci_init();
    install_vectors();
    unsigned el = current_el();
    tap_note(psci_uses_smc() ? "booted at EL2: PSCI over SMC" : "booted at EL1: PSCI over HVC");

    check("MPIDR_EL1 of CPU 0: Aff0-3 = 0", read_sysreg(mpidr_el1) & 0xff00ffffffull, 0);
    check("PSCI_VERSION = 1.1", (uint32_t)psci_version(), 0x10001);
    static const struct { const char *name; uint32_t fid; } features[] = {
        { "PSCI_VERSION", PSCI_VERSION }, { "CPU_ON (SMC64)", PSCI_CPU_ON64 },
        { "CPU_OFF", PSCI_CPU_OFF }, { "AFFINITY_INFO (SMC64)", PSCI_AFFINITY_INFO64 },
        { "MIGRATE_INFO_TYPE", PSCI_MIGRATE_INFO_TYPE }, { "SYSTEM_OFF", PSCI_SYSTEM_OFF },
        { "SYSTEM_RESET", PSCI_SYSTEM_RESET }, { "PSCI_FEATURES", PSCI_FEATURES },
    };
    for (unsigned i = 0; i < sizeof features / sizeof features[0]; i++) {
        snprintf(name, sizeof name, "PSCI_FEATURES(%s) = SUCCESS", features[i].name);
        check(name, (uint32_t)psci_features(features[i].fid), 0);
    }
    check("PSCI_FEATURES(0xC2000000, not PSCI) = NOT_SUPPORTED",
          (uint32_t)psci_features(0xc2000000u), (uint32_t)PSCI_NOT_SUPPORTED);
    check("MIGRATE_INFO_TYPE = 2 (not required)",
          (uint32_t)psci_call(PSCI_MIGRATE_INFO_TYPE, 0, 0, 0), 2);

    check("AFFINITY_INFO(0) = ON", (uint32_t)psci_affinity_info(0), PSCI_AFF_ON);
    for (unsigned c = 1; c < NCPUS; c++) {
        snprintf(name, sizeof name, "AFFINITY_INFO(%u) = OFF before CPU_ON", c);
        check(name, (uint32_t)psci_affinity_info(c), PSCI_AFF_OFF);
    }
    check("AFFINITY_INFO(0xff, no such CPU) = INVALID_PARAMETERS",
          (uint32_t)psci_affinity_info(0xff), (uint32_t)PSCI_INVALID_PARAMETERS);
    check("CPU_ON(0xff, no such CPU) = INVALID_PARAMETERS",
          (uint32_t)psci_cpu_on(0xff, (uint64_t)secondary_entry, 0), (uint32_t)PSCI_INVALID_PARAMETERS);

    /* start CPUs 1-3 */
    for (unsigned c = 1; c < NCPUS; c++) {
        boot[c].stack_top = (uint64_t)(stacks[c] + sizeof stacks[c]);
        boot[c].fn = secondary_main;
        boot[c].arg = c;
        dsb(sy);
        snprintf(name, sizeof name, "CPU_ON(%u) = SUCCESS", c);
        check(name, (uint32_t)psci_cpu_on(c, (uint64_t)secondary_entry, (uint64_t)&boot[c]), 0);
    }
    check("CPUs 1-3 arrived", wait_all(0), 1);
    for (unsigned c = 1; c < NCPUS; c++) {
        snprintf(name, sizeof name, "CPU %u: AFFINITY_INFO = ON", c);
        check(name, (uint32_t)psci_affinity_info(c), PSCI_AFF_ON);
        snprintf(name, sizeof name, "CPU %u: MPIDR_EL1 Aff0 = %u, bit 31 set", c, c);
        check(name, seen[c].mpidr & 0xff80ffffffull, 0x80000000ull | c);
        snprintf(name, sizeof name, "CPU %u: started at the caller's EL", c);
        check(name, seen[c].el, el);
        snprintf(name, sizeof name, "CPU %u: started with DAIF masked", c);
        check(name, seen[c].daif, DAIF_ALL);
        snprintf(name, sizeof name, "CPU %u: started with the MMU and D-cache off", c);
        check(name, seen[c].sctlr & (SCTLR_M | SCTLR_C), 0);
    }
    check("CPU_ON(1) while on = ALREADY_ON",
          (uint32_t)psci_cpu_on(1, (uint64_t)secondary_entry, (uint64_t)&boot[1]),
          (uint32_t)PSCI_ALREADY_ON);

    /* everybody counts */
    dsb(sy);
    go = 1;
    work();
    check("CPUs 1-3 finished", wait_all(1), 1);
    check("CPUs 1-3 are OFF after CPU_OFF (AFFINITY_INFO)", wait_off(1, NCPUS - 1), 1);
    for (unsigned c = 1; c < NCPUS; c++) {
        snprintf(name, sizeof name, "CPU %u: CPU_OFF did not return", c);
        check(name, seen[c].cpu_off_returned, 0);
    }
    check("counter under the LDAXR/STLXR spinlock = 4 x 500", counter_lock, NCPUS * ROUNDS);
    check("counter incremented with LDADDAL = 4 x 500", counter_ldadd, NCPUS * ROUNDS);
    check("counter incremented with CASAL = 4 x 500", counter_cas, NCPUS * ROUNDS);
    check("spinlock free at the end", lock, 0);

    /* CPU_ON again after CPU_OFF */
    boot[2].fn = secondary_again;
    boot[2].arg = 2;
    dsb(sy);
    check("CPU_ON(2) again after CPU_OFF = SUCCESS",
          (uint32_t)psci_cpu_on(2, (uint64_t)secondary_entry, (uint64_t)&boot[2]), 0);
    /* wait for CPU 2's own flag first: right after CPU_ON, QEMU may still
     * report OFF (it powers the CPU on asynchronously) */
    for (uint64_t d = deadline(); !seen[2].second_run && !expired(d);)
        ;
    check("CPU 2 ran its second entry", seen[2].second_run, 1);
    check("CPU 2 off again after returning from its entry", wait_off(2, 2), 1);

    finish();
    return 1;
}
