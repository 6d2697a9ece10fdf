/*
 * common.h - what the guests of the hyp suite share (include it in exactly
 * one C file of a guest: it defines static data).
 *
 * The guests run at EL1 inside a VM of the mini-hypervisor
 * (guests/hypervisor): they start in EL1h with the MMU and caches off,
 * x0 = 0, RAM at 0x4000_0000 (guest-physical), the PL011 at 0x0900_0000
 * (emulated by the hypervisor), PSCI over HVC, semihosting straight to the
 * machine (so a guest's exit status is the run's).  Stage 2 is built one
 * page at a time, at the guest's first access to each page.
 *
 *  - A64 encodings for generated code (Arm ARM C6.2): MOVZ X0, #imm16
 *    (0xD2800000 | imm16 << 5) and RET (0xD65F03C0).
 *  - Scratch pages: SCRATCH_PAGES 4KB pages above the image (the first
 *    64KB boundary after __image_end), which neither the hypervisor's
 *    loader nor crt0 touches, so each has no host page and no stage-2
 *    entry until the guest (or a paravirtual call) first uses it.  The
 *    identity map maps them RW and executable at EL1 (AP = 00, PXN = 0,
 *    SCTLR_EL1.WXN stays 0), Normal Write-Back, Inner Shareable.
 *  - identity_build(s): the guests' usual EL1&0 identity map (mmu_map_identity,
 *    4KB granule, 39-bit VAs, global) plus the scratch pages, in `s`, with
 *    tables from the shared pool.  Written with the MMU off (plain stores
 *    reach memory) or followed by the maintenance of mmu.h.
 *  - mmu_on_ttbr(ttbr0): MAIR_EL1 = MAIR_DEFAULT, TCR_EL1 as
 *    cache_mmu_on_el1 (T0SZ 25, 4KB, WB walks, TTBR1 walks off, 8-bit
 *    ASIDs), TTBR0_EL1 = ttbr0 (root | ASID << 48), TLBI VMALLE1, DSB NSH,
 *    ISB (a CPU's bring-up: its TLB is its own on bare metal), then
 *    SCTLR_EL1.M = C = I = 1, ISB.  With the hypervisor's seed-002 fix the
 *    writes of these registers trap to EL2 (HCR_EL2.TVM) and are emulated.
 *  - vcpu_start(n, ttbr0, body): PSCI CPU_ON of vCPU n (MPIDR Aff0 = n) at
 *    secondary_entry (guests/lib/smp.S) with its own stack; it sets
 *    VBAR_EL1, turns its MMU and caches on with ttbr0 unless ttbr0 is 0
 *    (then it stays MMU off, SCTLR_EL1 as reset: M = C = I = 0), and calls
 *    body(n); when body returns, the vCPU calls PSCI CPU_OFF.  The start
 *    block and the stack are cleaned and invalidated to the PoC first
 *    (DC CIVAC), because the new vCPU reads them with its MMU off, from
 *    memory, and no stale line may remain for its stack.
 *  - wait_for(p, v): YIELD until *p >= v (a cacheable location both vCPUs
 *    access with their MMU on: coherent, D8.18.1 / B2.3), at most
 *    WAIT_YIELDS times; returns 1 if it happened.
 */
#ifndef HYP_SUITE_COMMON_H
#define HYP_SUITE_COMMON_H

#include <stdint.h>
#include "cache.h"
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "psci.h"
#include "semihost.h"
#include "sysreg.h"
#include "tap.h"
#include "hyp.h"

#define INSN_MOVZ_X0(imm)   (0xd2800000u | (((uint32_t)(imm) & 0xffffu) << 5))
#define INSN_RET            0xd65f03c0u

#define PAGE_SIZE           4096u
#define SCRATCH_PAGES       16u
#define RWX_ATTRS_EL1       (PTE_NORMAL | PTE_AP_RW_EL1 | PTE_UXN)  /* EL1 RWX, EL0 none */
#define MAX_VCPUS           8u
#define VCPU_STACK          8192u
#define WAIT_YIELDS         100000u

static uint8_t pt_pool[256 << 10] __attribute__((aligned(4096)));
static int pt_pool_ready;
static struct mmu_space space;

static inline uintptr_t scratch(unsigned n)
{
    return (((uintptr_t)__image_end + 0xffffu) & ~(uintptr_t)0xffffu) + (uintptr_t)n * PAGE_SIZE;
}

typedef uint64_t (*code_fn)(void);

static inline uint64_t run_code(uintptr_t va)
{
    return ((code_fn)va)();
}

/* Every 64-bit word of a page = v, then DSB SY (the stores complete). */
static __attribute__((unused)) void fill_page(uintptr_t page, uint64_t v)
{
    volatile uint64_t *w = (volatile uint64_t *)page;
    for (unsigned i = 0; i < PAGE_SIZE / 8; i++)
        w[i] = v;
    dsb(sy);
}

static __attribute__((unused)) void emit_const(volatile uint32_t *p, unsigned v)
{
    p[0] = INSN_MOVZ_X0(v);
    p[1] = INSN_RET;
}

/* The identity map in `s`, scratch pages RWX.  mmu_map_identity maps with
 * pages (level 3) up to the first 2MB boundary after the image: the scratch
 * pages must be below it. */
static __attribute__((unused)) void identity_build(struct mmu_space *s)
{
    if (!pt_pool_ready) {
        mmu_pool_init(pt_pool, sizeof pt_pool);
        pt_pool_ready = 1;
    }
    uintptr_t end = scratch(SCRATCH_PAGES);
    uintptr_t block_end = (((uintptr_t)__image_end + 0x1fffffu) & ~(uintptr_t)0x1fffffu);
    if (end > block_end) {
        printf("Bail out! scratch pages 0x%lx..0x%lx cross the 2MB boundary 0x%lx\n",
               (unsigned long)scratch(0), (unsigned long)end, (unsigned long)block_end);
        sys_exit(1);
    }
    mmu_space_init(s, MMU_G4K, 39, 1);
    mmu_map_identity(s, MMU_REGIME_EL10, RAM_END_128M);
    for (unsigned n = 0; n < SCRATCH_PAGES; n++)
        *mmu_pte(s, scratch(n), 3) = mmu_leaf(scratch(n), RWX_ATTRS_EL1, 3);
}

/* spin_lock / spin_unlock: a Load-Acquire Exclusive / Store Exclusive loop
 * and a Store-Release of 0 (B2.17, the global monitor) */
static __attribute__((unused)) void spin_lock(volatile uint32_t *l)
{
    uint32_t tmp, one = 1;
    __asm__ volatile("1: ldaxr  %w0, [%1]\n"
                     "   cbnz   %w0, 1b\n"
                     "   stxr   %w0, %w2, [%1]\n"
                     "   cbnz   %w0, 1b\n"
                     : "=&r"(tmp)
                     : "r"(l), "r"(one)
                     : "memory");
}

static __attribute__((unused)) void spin_unlock(volatile uint32_t *l)
{
    __asm__ volatile("stlr wzr, [%0]" :: "r"(l) : "memory");
}

static __attribute__((unused)) void mmu_on_ttbr(uint64_t ttbr0)
{
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT));
    write_sysreg(ttbr0_el1, ttbr0);
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
}

/* ---- secondary vCPUs ---------------------------------------------------- */
struct vcpu_start {
    struct smp_boot boot;       /* read by secondary_entry, MMU off */
    uint64_t ttbr0;             /* 0: stay MMU off */
    void (*body)(unsigned n);
    uint64_t n;
} __attribute__((aligned(64)));

static struct vcpu_start vcpu_starts[MAX_VCPUS];
static uint8_t vcpu_stacks[MAX_VCPUS][VCPU_STACK] __attribute__((aligned(4096)));

static void vcpu_entry(uint64_t arg)
{
    struct vcpu_start *st = (struct vcpu_start *)(uintptr_t)arg;
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    uint64_t ttbr0 = st->ttbr0;
    if (ttbr0)
        mmu_on_ttbr(ttbr0);
    st->body((unsigned)st->n);
}

static __attribute__((unused)) int32_t vcpu_start(unsigned n, uint64_t ttbr0, void (*body)(unsigned))
{
    struct vcpu_start *st = &vcpu_starts[n];
    st->boot.stack_top = (uint64_t)(uintptr_t)(vcpu_stacks[n] + VCPU_STACK);
    st->boot.fn = vcpu_entry;
    st->boot.arg = (uint64_t)(uintptr_t)st;
    st->ttbr0 = ttbr0;
    st->body = body;
    st->n = n;
    dcache_clean_inval_poc((uintptr_t)st, (uintptr_t)(st + 1));
    dcache_clean_inval_poc((uintptr_t)vcpu_stacks[n], (uintptr_t)(vcpu_stacks[n] + VCPU_STACK));
    return psci_cpu_on(n, (uint64_t)(uintptr_t)secondary_entry, (uint64_t)(uintptr_t)&st->boot);
}

static __attribute__((unused)) int wait_for(const volatile uint64_t *p, uint64_t v)
{
    for (unsigned i = 0; i < WAIT_YIELDS; i++) {
        if (*p >= v) {
            dmb(ish);
            return 1;
        }
        hyp_yield();
    }
    return 0;
}

/* YIELD until PSCI AFFINITY_INFO says vCPU n is OFF; 1 if it did. */
static __attribute__((unused)) int wait_off(unsigned n)
{
    for (unsigned i = 0; i < WAIT_YIELDS; i++) {
        if (psci_affinity_info(n) == PSCI_AFF_OFF)
            return 1;
        hyp_yield();
    }
    return 0;
}

/* Guest-side facts worth a "#" line in the output. */
static __attribute__((unused)) void note_machine(void)
{
    uint64_t ctr = read_sysreg(ctr_el0);
    static const char *l1ip[] = { "VPIPT", "AIVIVT", "VIPT", "PIPT" };
    printf("# CTR_EL0 = 0x%llx: L1Ip %s, IDC %u, DIC %u; MPIDR_EL1 = 0x%llx\n",
           (unsigned long long)ctr, l1ip[CTR_L1IP(ctr)], (unsigned)((ctr >> 28) & 1),
           (unsigned)((ctr >> 29) & 1), (unsigned long long)read_sysreg(mpidr_el1));
}

#endif
