/*
 * litmus.h - the harness of the instruction-fetch litmus tests (Simner et
 * al., "ARMv8-A system semantics: instruction fetch in relaxed
 * architectures", ESOP 2020; ../shared/arch-notes.md 5.4).  Include it
 * in exactly one C file, after defining:
 *
 *   LITMUS_NAME      the test's name, as in the paper ("MP.RF+dmb+ctrl-isb")
 *   LITMUS_CPUS      threads = CPUs (1, 2 or 3; run with --smp LITMUS_CPUS)
 *   LITMUS_KINDS     outcome kinds, a brace list of names ("old", "new")
 *   LITMUS_SITES     patched sites used (1 or 2)
 * and, after the include, these functions:
 *   static void litmus_warm(unsigned cpu, unsigned it);
 *       runs before the test proper, after the reset: lets the thread fetch
 *       (call) sites so that its I-cache may hold the old code (what a real
 *       CPU's prefetching does; the litmus tests' initial state allows any
 *       I-cache content that holds the initial writes).  A warm call must
 *       return SITE_OLD: the harness checks it.
 *   static void litmus_body(unsigned cpu, unsigned it);
 *       thread `cpu` of the test; writes what it saw in res[cpu][...]
 *   static unsigned litmus_classify(unsigned it);
 *       on CPU 0 once every thread is done: the outcome kind (an index
 *       into LITMUS_KINDS)
 *
 * The harness (boots at EL1; PSCI CPU_ON over HVC starts CPUs 1..n-1):
 *   - an identity map with a 16 KiB code window that is RWX at EL1
 *     (Normal Write-Back, Inner Shareable), MMU and caches on, on every CPU;
 *   - sites: at site(k) = code window + k * 1 KiB (each in its own I-cache
 *     line for any line size up to 1 KiB):
 *         +0   the patched word: B +4 (SITE_OLD), B +12 (SITE_V1) or
 *              B +20 (SITE_V2), always an unconditional branch (B), the
 *              fetch-atomic kind of instruction the paper allows to be
 *              modified concurrently (B2.2.5 "Concurrent modification and
 *              execution of instructions"; W+F is left alone)
 *         +4   MOVZ X0, #1; RET     the original code (returns SITE_OLD)
 *         +12  MOVZ X0, #2; RET     the first write   (returns SITE_V1)
 *         +20  MOVZ X0, #3; RET     the second write  (returns SITE_V2)
 *     call_site(k) calls it and returns which code ran;
 *   - ITERS iterations, each: (1) CPU 0 resets the patched words to
 *     SITE_OLD with the full sequence (STR; DC CVAU; DSB ISH; IC IVAU;
 *     DSB ISH; IC IALLUIS; DSB ISH; ISB) and zeroes the shared variables;
 *     (2) every CPU sees the reset (DMB ISH, ISB) and runs litmus_warm;
 *     (3) CPU 0 releases every thread at once; each waits a pseudo-random
 *     delay (0..255 loop turns, different per iteration and CPU) and runs
 *     its litmus_body; (4) CPU 0 waits for all, classifies, counts;
 *   - output: one line
 *         litmus <NAME>: <kind>=<count> ... (every kind, in LITMUS_KINDS order)
 *     and `litmus-errors <NAME>: timeouts=N warm-not-old=N` when a wait timed
 *     out or a warm call after the reset did not run the old code.  Exit
 *     status 0 iff there was no error (the outcome counts are judged by
 *     tools/litmus.py, which knows which kinds Arm forbids).
 * Shared variables are accessed only with every MMU on (Normal, Inner
 * Shareable, Write-Back: coherent, B2.3), each in its own 256-byte block.
 */
#ifndef LITMUS_H
#define LITMUS_H

#include <stdint.h>
#include "cache.h"
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "psci.h"
#include "sysreg.h"

#ifndef LITMUS_ITERS
#define LITMUS_ITERS 100
#endif
#define ITERS LITMUS_ITERS
#define MAX_CPUS 3
#define WAIT_SECONDS 10
/* the bound on the fetch spins ("call f until it runs the new code":
 * reaching it is an ordinary outcome, "old"); the data spins of the test
 * bodies are bounded by WAIT_SECONDS (a flag that never comes is an
 * error, "timeouts") */
#define FETCH_TRIES 64u

/* ---- sites ------------------------------------------------------------ */
#define SITE_OLD 1u
#define SITE_V1  2u
#define SITE_V2  3u
#define INSN_B(off)         (0x14000000u | (((uint32_t)(off) >> 2) & 0x3ffffffu))
#define INSN_MOVZ_X0(imm)   (0xd2800000u | (((uint32_t)(imm) & 0xffffu) << 5))
#define INSN_RET            0xd65f03c0u
#define WORD_OLD            INSN_B(4)
#define WORD_V1             INSN_B(12)
#define WORD_V2             INSN_B(20)

#define CODE_SIZE       0x4000u
#define SITE_STRIDE     0x400u
#define CODE_ATTRS_EL1  (PTE_NORMAL | PTE_AP_RW_EL1 | PTE_UXN)     /* EL1 RWX */

static volatile uint32_t code_window[CODE_SIZE / 4] __attribute__((aligned(CODE_SIZE)));
static uint8_t pt_pool[128 << 10] __attribute__((aligned(4096)));
static struct mmu_space space;

#define SITE_VA(k)      ((uintptr_t)code_window + (uintptr_t)(k) * SITE_STRIDE)
#define SITE_WORD(k)    ((volatile uint32_t *)SITE_VA(k))

typedef uint64_t (*site_fn)(void);
static inline uint64_t call_site(unsigned k)
{
    return ((site_fn)SITE_VA(k))();
}

/* The three writes of the tests: plain 32-bit stores of a B. */
static inline void write_site(unsigned k, uint32_t word)
{
    *SITE_WORD(k) = word;
}

static inline uint32_t word_of(unsigned v)
{
    return v == SITE_V2 ? WORD_V2 : v == SITE_V1 ? WORD_V1 : WORD_OLD;
}

/* ---- shared variables ---------------------------------------------------- */
struct line { volatile uint64_t v; uint64_t pad[31]; };
static struct line x_var __attribute__((aligned(256)));
static struct line y_var __attribute__((aligned(256)));
static struct line flag_var __attribute__((aligned(256)));
static struct {
    volatile uint64_t v[8];
    uint64_t pad[24];
} res[MAX_CPUS] __attribute__((aligned(256)));
#define X    (x_var.v)
#define Y    (y_var.v)
#define FLAG (flag_var.v)

static struct line phase __attribute__((aligned(256)));         /* CPU 0 -> all */
static struct line ready[MAX_CPUS] __attribute__((aligned(256)));
static struct line done[MAX_CPUS] __attribute__((aligned(256)));
static struct line errors_timeout __attribute__((aligned(256)));
static struct line errors_warm __attribute__((aligned(256)));

static void litmus_warm(unsigned cpu, unsigned it);
static void litmus_body(unsigned cpu, unsigned it);
static unsigned litmus_classify(unsigned it);

static const char *const kind_names[] = LITMUS_KINDS;
#define NKINDS (sizeof kind_names / sizeof kind_names[0])
static uint64_t counts[NKINDS];

/* ---- helpers for the bodies ------------------------------------------------ */
/* The spins' time limit: WAIT_SECONDS of the generic counter, looked at
 * every 4096 turns of the spin, without an ISB (none may come between the
 * spin's loads and the test's own barriers). */
static inline uint64_t spin_deadline(void)
{
    return read_sysreg(cntpct_el0) + WAIT_SECONDS * read_sysreg(cntfrq_el0);
}

static inline int spin_expired(uint64_t end)
{
    return read_sysreg(cntpct_el0) > end;
}

/* Spins until *p != 0 (the loop's exit branch is the control dependency
 * the tests' "ctrl" names); 1 if it came, 0 on timeout (counted). */
static inline int spin_nonzero(volatile uint64_t *p)
{
    uint64_t end = spin_deadline();
    for (uint32_t n = 0;; n++) {
        if (*p != 0)
            return 1;
        if ((n & 0xfff) == 0xfff && spin_expired(end))
            break;
    }
    errors_timeout.v++;
    return 0;
}

/* Calls site k until it runs something other than the original code, at
 * most FETCH_TRIES times; returns what the last call ran. */
static inline uint64_t fetch_until_new(unsigned k)
{
    uint64_t r = SITE_OLD;
    for (unsigned n = 0; n < FETCH_TRIES && r == SITE_OLD; n++)
        r = call_site(k);
    return r;
}

/* A warm call: must run the original code (the reset was complete). */
static inline void warm_site(unsigned k)
{
    if (call_site(k) != SITE_OLD)
        errors_warm.v++;
}

/* DC CVAU; DSB ISH; IC IVAU; DSB ISH on site k: the paper's "cachesync"
 * (without the ISB, which belongs to the thread that fetches) */
static inline void cachesync(unsigned k)
{
    dc_va(cvau, SITE_VA(k));
    dsb(ish);
    ic_va(ivau, SITE_VA(k));
    dsb(ish);
}

/* Spins until site k's word, read as data (LDR), is `word`; 1 if it came,
 * 0 on timeout (counted). */
static inline int spin_word(unsigned k, uint32_t word)
{
    uint64_t end = spin_deadline();
    for (uint32_t n = 0;; n++) {
        if (*SITE_WORD(k) == word)
            return 1;
        if ((n & 0xfff) == 0xfff && spin_expired(end))
            break;
    }
    errors_timeout.v++;
    return 0;
}

static inline unsigned v_index(uint64_t v)
{
    return v == SITE_V2 ? 2 : v == SITE_V1 ? 1 : 0;
}

static uint32_t rnd(unsigned it, unsigned cpu)
{
    uint32_t h = (it + 1) * 2654435761u ^ (cpu + 1) * 40503u;
    h ^= h >> 15;
    h *= 2246822519u;
    h ^= h >> 13;
    return h;
}

static void delay(uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        __asm__ volatile("nop");
}

/* ---- start-up ------------------------------------------------------------- */
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

/* waits until l->v >= n; 0 on timeout (counted).  The harness's waits
 * (not the tests' spins) sleep in WFE between looks: the writer of every
 * harness variable executes DSB ISH; SEV after it (publish()), and an SEV
 * that comes between a look and the WFE leaves the event register set, so
 * that WFE does not sleep (D1.6.1).  On a64emu a WFE with no event ends
 * the CPU's time slice: a waiting CPU does not burn its slice spinning. */
static int wait_ge(struct line *l, uint64_t n)
{
    for (uint64_t d = deadline(); !expired(d);) {
        if (l->v >= n) {
            dmb(ish);
            return 1;
        }
        __asm__ volatile("wfe" ::: "memory");
    }
    errors_timeout.v++;
    return 0;
}

/* stores a harness variable and wakes the CPUs waiting in wait_ge */
static void publish(struct line *l, uint64_t v)
{
    dmb(ish);
    l->v = v;
    dsb(ish);
    __asm__ volatile("sev" ::: "memory");
}

static uint8_t stacks[MAX_CPUS][8192] __attribute__((aligned(4096)));
static struct {
    struct smp_boot boot[MAX_CPUS];
    struct mmu_space space;
} __attribute__((aligned(64))) start;

static void identity_on(void)
{
    mmu_pool_init(pt_pool, sizeof pt_pool);
    mmu_space_init(&space, MMU_G4K, 39, 1);
    mmu_map_identity(&space, MMU_REGIME_EL10, RAM_END_128M);
    for (uintptr_t va = SITE_VA(0); va < SITE_VA(0) + CODE_SIZE; va += 4096)
        *mmu_pte(&space, va, 3) = mmu_leaf(va, CODE_ATTRS_EL1, 3);
    cache_mmu_on_el1(&space);
}

/* One iteration's reset: every site's patched word back to the original
 * code, made visible to every CPU's instruction fetches (the full
 * sequence, with the broadcast IC IALLUIS as well), shared data zeroed. */
static void reset_sites(void)
{
    for (unsigned k = 0; k < LITMUS_SITES; k++) {
        write_site(k, WORD_OLD);
        dc_va(cvau, SITE_VA(k));
    }
    dsb(ish);
    for (unsigned k = 0; k < LITMUS_SITES; k++)
        ic_va(ivau, SITE_VA(k));
    dsb(ish);
    ic_all(ialluis);
    dsb(ish);
    isb();
    X = 0;
    Y = 0;
    FLAG = 0;
    for (unsigned c = 0; c < MAX_CPUS; c++)
        for (unsigned j = 0; j < 8; j++)
            res[c].v[j] = 0;
    dsb(ish);
}

static void init_sites(void)
{
    for (unsigned k = 0; k < LITMUS_SITES; k++) {
        volatile uint32_t *p = SITE_WORD(k);
        p[0] = WORD_OLD;
        p[1] = INSN_MOVZ_X0(SITE_OLD);
        p[2] = INSN_RET;
        p[3] = INSN_MOVZ_X0(SITE_V1);
        p[4] = INSN_RET;
        p[5] = INSN_MOVZ_X0(SITE_V2);
        p[6] = INSN_RET;
    }
    dc_cvau_range(SITE_VA(0), SITE_VA(LITMUS_SITES));
    dsb(ish);
    ic_all(ialluis);
    dsb(ish);
    isb();
}

/* Steps 2 and 3 of an iteration, on one CPU. */
static void run_iteration(unsigned cpu, unsigned it)
{
    if (cpu != 0) {
        wait_ge(&phase, 2 * (uint64_t)it + 1);
        isb();                          /* sees the reset (CPU 0 completed it) */
        litmus_warm(cpu, it);
        publish(&ready[cpu], it + 1);
        wait_ge(&phase, 2 * (uint64_t)it + 2);
    } else {
        litmus_warm(0, it);
        for (unsigned c = 1; c < LITMUS_CPUS; c++)
            wait_ge(&ready[c], it + 1);
        publish(&phase, 2 * (uint64_t)it + 2);
    }
    delay(rnd(it, cpu) & 0xff);
    litmus_body(cpu, it);
    publish(&done[cpu], it + 1);
}

static void secondary_main(uint64_t cpu)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    cache_mmu_on_el1(&start.space);
    for (unsigned it = 0; it < ITERS; it++)
        run_iteration((unsigned)cpu, it);
}

int main(void)
{
    psci_init();
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    identity_on();
    init_sites();
    int started = 1;
    if (LITMUS_CPUS > 1) {
        start.space = space;
        for (unsigned c = 1; c < LITMUS_CPUS; c++) {
            start.boot[c].stack_top = (uint64_t)(uintptr_t)(stacks[c] + sizeof stacks[c]);
            start.boot[c].fn = secondary_main;
            start.boot[c].arg = c;
        }
        /* CPUs 1.. read `start` and the tables with their MMU off */
        dcache_clean_inval_poc((uintptr_t)&start, (uintptr_t)(&start + 1));
        for (unsigned c = 1; c < LITMUS_CPUS; c++)
            if (psci_cpu_on(c, (uint64_t)secondary_entry, (uint64_t)(uintptr_t)&start.boot[c]) != PSCI_SUCCESS)
                started = 0;
    }
    if (!started) {
        printf("litmus-errors %s: CPU_ON failed\n", LITMUS_NAME);
        mmu_el1_off();
        return 1;
    }
    for (unsigned it = 0; it < ITERS; it++) {
        reset_sites();
        publish(&phase, 2 * (uint64_t)it + 1);
        run_iteration(0, it);
        for (unsigned c = 1; c < LITMUS_CPUS; c++)
            wait_ge(&done[c], it + 1);
        dmb(ish);
        unsigned k = litmus_classify(it);
        if (k < NKINDS)
            counts[k]++;
    }
    printf("litmus %s:", LITMUS_NAME);
    for (unsigned k = 0; k < NKINDS; k++)
        printf(" %s=%llu", kind_names[k], (unsigned long long)counts[k]);
    printf("\n");
    int bad = errors_timeout.v != 0 || errors_warm.v != 0;
    if (bad)
        printf("litmus-errors %s: timeouts=%llu warm-not-old=%llu\n", LITMUS_NAME,
               (unsigned long long)errors_timeout.v, (unsigned long long)errors_warm.v);
    mmu_el1_off();
    return bad;
}

#endif
