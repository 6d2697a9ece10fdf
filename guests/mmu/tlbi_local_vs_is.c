/*
 * tlbi_local_vs_is - local (non-shareable) versus Inner Shareable TLB
 * invalidation on two CPUs (--smp 2, boots at EL1; PSCI CPU_ON over HVC).
 * nodiff: the checks marked "(per-CPU TLB model)" depend on CPU 1's TLB.
 *
 * Both CPUs use the same translation tables (4KB granule, 39-bit VAs) and
 * the same ASID (1); X and Y are non-global pages.
 * Rules (Arm ARM DDI 0487: D8.17 "TLB maintenance", D8.17.5 "Scope of TLB
 * maintenance": a TLBI without the IS/OS suffix affects only the PE that
 * executes it (HCR_EL2.FB does not apply: there is no EL2 here), the IS
 * forms every PE in the Inner Shareable domain, complete for all of them
 * once the issuing PE's DSB ISH completes; B2.3 for the flag ordering):
 *  1. CPU 1 and CPU 0 both read X -> page A (both TLBs may now hold X).
 *  2. CPU 0 changes X -> B break-before-make with the LOCAL TLBI VAE1 and
 *     DSB NSH, ISB: CPU 0 reads B (architectural).
 *  3. CPU 1 then reads X: its own TLB entry was not invalidated, so a PE
 *     with its own TLB still reads A (per-CPU TLB model; allowed; QEMU may
 *     show either).
 *  4. CPU 0 issues TLBI VAE1IS + DSB ISH: CPU 1 now reads B (architectural:
 *     the broadcast invalidation completed before CPU 0's flag write, which
 *     CPU 1 observed before its access).
 *  5. Y: CPU 0 remaps with the local TLBI VMALLE1; CPU 1 still reads the old
 *     page (per-CPU TLB model); then CPU 1 issues its own local TLBI VAE1 and
 *     reads the new page (architectural).
 * Only CPU 0 prints.  Data shared between the CPUs is accessed only while
 * both MMUs are on (Normal, Inner Shareable, Write-Back: coherent); what
 * CPU 1 reads with its MMU still off (its start-up block) is cleaned to the
 * PoC by CPU 0 first.
 */
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "psci.h"
#include "semihost.h"
#include "sysreg.h"
#include "tap.h"

#define WAIT_SECONDS 10

static uint8_t pool[128 << 10] __attribute__((aligned(4096)));
static volatile uint64_t pages[4][512] __attribute__((aligned(4096)));   /* A, B, C, D */
static uint8_t stack1[8192] __attribute__((aligned(4096)));
static struct mmu_space s;

#define X   0x80000000ull
#define Y   0x80001000ull
#define RD(va)      (*(volatile uint64_t *)(uintptr_t)(va))
#define MAGIC(p)    (0x7b1c000000000000ull | ((uint64_t)(p) << 16) | 0xe)
#define DATA        (PTE_NORMAL | PTE_NG | PTE_PXN | PTE_UXN)

/* what CPU 1 needs before its MMU is on: cleaned to the PoC by CPU 0 */
struct cfg {
    uint64_t mair, tcr, ttbr0, sctlr_set;
};
static struct {
    struct smp_boot boot;
    struct cfg cfg;
} __attribute__((aligned(64))) start;

/* shared once both MMUs are on */
static volatile struct {
    uint64_t step;          /* CPU 0 -> CPU 1: what to do next */
    uint64_t done;          /* CPU 1 -> CPU 0: last step finished */
    uint64_t seen[8];
} __attribute__((aligned(64))) sh;

static uint64_t pa(unsigned p) { return (uint64_t)(uintptr_t)pages[p]; }

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
    volatile struct cfg *c = (volatile struct cfg *)(uintptr_t)arg;
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    write_sysreg(mair_el1, c->mair);
    write_sysreg(tcr_el1, c->tcr);
    write_sysreg(ttbr0_el1, c->ttbr0);
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | c->sctlr_set);
    isb();
    /* from here on, shared data is cacheable and coherent */
    for (uint64_t step = 1; step <= 4; step++) {
        while (sh.step < step)
            ;
        dmb(ish);
        isb();
        switch (step) {
        case 1: sh.seen[0] = RD(X); sh.seen[4] = RD(Y); break;
        case 2: sh.seen[1] = RD(X); break;
        case 3: sh.seen[2] = RD(X); sh.seen[5] = RD(Y); break;
        case 4:
            tlbi_x(vae1, TLBI_VA(Y, 1));
            dsb(nsh);
            isb();
            sh.seen[6] = RD(Y);
            break;
        }
        dmb(ish);
        sh.done = step;
    }
    /* returning: secondary_entry calls PSCI CPU_OFF */
}

/* CPU 0: hand CPU 1 the next step and wait until it is done */
static int step(uint64_t n)
{
    dsb(ish);           /* the TLBIs and PTE writes before it are complete */
    sh.step = n;
    for (uint64_t d = deadline(); !expired(d);)
        if (sh.done >= n) {
            dmb(ish);
            return 1;
        }
    return 0;
}

static void bbm_local(uint64_t va, unsigned to, int all)
{
    volatile uint64_t *pte = mmu_pte(&s, va, 3);
    *pte = 0;
    dsb(ishst);
    if (all)
        tlbi(vmalle1);
    else
        tlbi_x(vae1, TLBI_VA(va, 1));
    dsb(nsh);
    *pte = mmu_leaf(pa(to), DATA, 3);
    dsb(ish);
    isb();
}

int main(void)
{
    psci_init();
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    for (unsigned p = 0; p < 4; p++)
        pages[p][0] = MAGIC(p);

    mmu_pool_init(pool, sizeof pool);
    mmu_space_init(&s, MMU_G4K, 39, 1);
    mmu_map_identity(&s, MMU_REGIME_EL10, RAM_END_128M);
    *mmu_pte(&s, X, 3) = mmu_leaf(pa(0), DATA, 3);
    *mmu_pte(&s, Y, 3) = mmu_leaf(pa(2), DATA, 3);

    struct cfg cfg = {
        .mair = MAIR_DEFAULT,
        .tcr = TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT),
        .ttbr0 = mmu_root(&s) | TTBR_ASID(1),
        .sctlr_set = SCTLR_M | SCTLR_C | SCTLR_I,
    };
    write_sysreg(mair_el1, cfg.mair);
    write_sysreg(tcr_el1, cfg.tcr);
    write_sysreg(ttbr0_el1, cfg.ttbr0);
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | cfg.sctlr_set);
    isb();

    start.cfg = cfg;
    start.boot.stack_top = (uint64_t)(uintptr_t)(stack1 + sizeof stack1);
    start.boot.fn = cpu1_main;
    start.boot.arg = (uint64_t)(uintptr_t)&start.cfg;
    dcache_clean_inval_poc((uintptr_t)&start, (uintptr_t)(&start + 1));
    check("CPU_ON(1) = SUCCESS", (uint32_t)psci_cpu_on(1, (uint64_t)secondary_entry,
                                                        (uint64_t)(uintptr_t)&start.boot), 0);

    /* 1 */
    check("CPU 1: step 1 done", step(1), 1);
    check("CPU 1 reads X -> page A", sh.seen[0], MAGIC(0));
    check("CPU 1 reads Y -> page C", sh.seen[4], MAGIC(2));
    check("CPU 0 reads X -> page A", RD(X), MAGIC(0));
    check("CPU 0 reads Y -> page C", RD(Y), MAGIC(2));

    /* 2, 3 */
    bbm_local(X, 1, 0);
    check("CPU 0, after X -> B with the local TLBI VAE1 + DSB NSH: reads page B", RD(X), MAGIC(1));
    check("CPU 1: step 2 done", step(2), 1);
    check("CPU 1 still reads page A: CPU 0's TLBI VAE1 was local (per-CPU TLB model)",
          sh.seen[1], MAGIC(0));

    /* 4 */
    tlbi_x(vae1is, TLBI_VA(X, 1));
    dsb(ish);
    isb();
    bbm_local(Y, 3, 1);
    check("CPU 0, after Y -> D with the local TLBI VMALLE1: reads page D", RD(Y), MAGIC(3));
    check("CPU 1: step 3 done", step(3), 1);
    check("CPU 1, after CPU 0's TLBI VAE1IS + DSB ISH: reads page B", sh.seen[2], MAGIC(1));
    check("CPU 1 still reads Y -> page C: CPU 0's TLBI VMALLE1 was local (per-CPU TLB model)",
          sh.seen[5], MAGIC(2));

    /* 5 */
    check("CPU 1: step 4 done", step(4), 1);
    check("CPU 1, after its own local TLBI VAE1 + DSB NSH + ISB: reads page D", sh.seen[6], MAGIC(3));
    mmu_el1_off();      /* exit with the MMU off: nothing left only in a cache */
    return tap_done();
}
