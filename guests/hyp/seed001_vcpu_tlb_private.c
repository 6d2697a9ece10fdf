/*
 * seed001_vcpu_tlb_private - two vCPUs of one VM map the same VA with the
 * same ASID to different pages, each trusting its CPU's TLB to be its own,
 * as a guest OS may on bare metal; when both run on one physical CPU, the
 * second hits the first one's TLB entry (arch-notes.md §1.1; KVM "arm/arm64:
 * KVM: Perform local TLB invalidation when multiplexing vcpus on a single
 * CPU", v4.9).
 *
 * Scenario (2 vCPUs; the interleaving is forced with HVC YIELD and flags in
 * memory both vCPUs access with their MMU on, Normal Write-Back, coherent):
 *  1. vcpu0 (boot) builds two sets of tables with its MMU off: T0 = the
 *     identity map + V -> P0, T1 = the identity map + V -> P1, where P0 and
 *     P1 are scratch pages holding 0xAAAA and 0xBBBB and V = 0x20_0000_0000
 *     (outside the identity map) is non-global (nG = 1) unless MAP_GLOBAL.
 *     It turns its MMU on with TTBR0 = T0, ASID 5, starts vcpu1 (PSCI
 *     CPU_ON) and YIELDs until vcpu1 is up.
 *  2. vcpu1 turns its MMU on with TTBR0 = T1, ASID VCPU1_ASID (5), after
 *     the usual local TLBI VMALLE1, DSB NSH, ISB; it does not touch V yet;
 *     it says so and YIELDs until vcpu0 has read V.
 *  3. vcpu0 loads V: 0xAAAA (its own page; the TLB now holds V -> P0 for
 *     the VM's VMID and ASID 5, or as a global entry); it says so and YIELDs.
 *  4. vcpu1 loads V and must see 0xBBBB.
 * Variants (#include wrappers): seed001_vcpu_tlb_private_asid (vcpu1 uses
 * ASID 6) and seed001_vcpu_tlb_private_global (V mapped global, nG = 0).
 *
 * Rule: TLB entries are told apart by translation regime, VMID, ASID (for
 * non-global entries) - nothing identifies a vCPU (ARM ARM D8.16, D8.17
 * intro); an entry may be cached and used until a TLBI that covers it
 * (D8.17, RGPPYH); a local TLBI affects only the PE that executes it.  On
 * bare metal vcpu1's CPU would never have held vcpu0's entry.
 *
 * Expected (TAP, 5 checks):
 *  - fix on (local-tlbi-on-vcpu-switch: when a different vCPU of the VM
 *    than last time is loaded on a pCPU, local TLBI VMALLE1 for the VMID):
 *    vcpu1 sees 0xBBBB, exit 0.
 *  - --smp 1 --vcpus 2 --without-fix local-tlbi-on-vcpu-switch: "not ok 4
 *    ... # got 0xaaaa expected 0xbbbb" (vcpu0's entry), exit 1; the same
 *    for the _global variant.
 *  - controls that pass without the fix: --smp 2 (each vCPU on its own
 *    pCPU, with its own TLB), and the _asid variant (ASID 6 does not match
 *    vcpu0's ASID-5 entry).
 *  - QEMU 7.2: passes with and without the fix, VHE and nVHE (observed;
 *    presumably its software TLB is flushed somewhere in the hypervisor's
 *    world switch, e.g. on the VTTBR_EL2 writes that change the VMID).
 */
#include "common.h"

#ifndef VCPU1_ASID
#define VCPU1_ASID 5
#endif
#ifndef MAP_GLOBAL
#define MAP_GLOBAL 0
#endif
#define VCPU0_ASID 5
#define STR_(x)     #x
#define STR(x)      STR_(x)
#define VA_V        0x2000000000ull
#define VAL0        0xAAAAull
#define VAL1        0xBBBBull
#define V_ATTRS     (PTE_NORMAL | PTE_AP_RW_EL1 | PTE_UXN | PTE_PXN | (MAP_GLOBAL ? 0 : PTE_NG))

static struct mmu_space t0, t1;

static volatile struct {
    uint64_t stage;         /* 1: vcpu1 is up; 2: vcpu0 read V; 3: vcpu1 read V */
    uint64_t v1_read;       /* what vcpu1's load of V returned */
    uint64_t v1_alias;      /* P1 read by vcpu1 through the identity map */
    uint64_t v1_cpu;        /* the physical CPU vcpu1 ran on */
} __attribute__((aligned(64))) sh;

static void vcpu1(unsigned n)
{
    (void)n;
    sh.stage = 1;
    if (!wait_for(&sh.stage, 2))
        return;
    sh.v1_read = *(volatile uint64_t *)VA_V;
    sh.v1_alias = *(volatile uint64_t *)scratch(1);
    sh.v1_cpu = hyp_current_cpu();
    dmb(ish);
    sh.stage = 3;
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    psci_init();
    printf("# vcpu0 ASID %u, vcpu1 ASID %u, V mapped %s\n", VCPU0_ASID, VCPU1_ASID,
           MAP_GLOBAL ? "global (nG = 0)" : "non-global (nG = 1)");

    /* MMU off: the tables and the two values go straight to memory. */
    *(volatile uint64_t *)scratch(0) = VAL0;
    *(volatile uint64_t *)scratch(1) = VAL1;
    identity_build(&t0);
    *mmu_pte(&t0, VA_V, 3) = mmu_leaf(scratch(0), V_ATTRS, 3);
    identity_build(&t1);
    *mmu_pte(&t1, VA_V, 3) = mmu_leaf(scratch(1), V_ATTRS, 3);
    mmu_on_ttbr(mmu_root(&t0) | TTBR_ASID(VCPU0_ASID));

    check("PSCI CPU_ON vcpu1 (TTBR0 = its own tables, ASID " STR(VCPU1_ASID) ")",
          (uint64_t)(int64_t)vcpu_start(1, mmu_root(&t1) | TTBR_ASID(VCPU1_ASID), vcpu1), PSCI_SUCCESS);
    int up = wait_for(&sh.stage, 1);
    uint64_t v0 = *(volatile uint64_t *)VA_V;
    uint64_t v0_cpu = hyp_current_cpu();
    dmb(ish);
    sh.stage = 2;
    int done = up && wait_for(&sh.stage, 3);

    check("vcpu0 reads V (its page P0): 0xAAAA", v0, VAL0);
    check("vcpu1 came up and read V", up && done, 1);
    check("vcpu1 reads V (its page P1) after vcpu0 read V (its P0) on the same pCPU or not: 0xBBBB, "
          "not vcpu0's TLB entry",
          sh.v1_read, VAL1);
    check("  ... P1 holds 0xBBBB (read by vcpu1 through the identity map)", sh.v1_alias, VAL1);
    printf("# vcpu0 ran on pCPU %llu, vcpu1 on pCPU %llu\n", (unsigned long long)v0_cpu,
           (unsigned long long)sh.v1_cpu);
    return tap_done();
}
