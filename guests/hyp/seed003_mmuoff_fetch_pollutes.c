/*
 * seed003_mmuoff_fetch_pollutes - a vCPU running with its MMU off fetches
 * old code from memory into the I-cache of the physical CPU it shares with
 * another vCPU of the VM, which then runs that stale line instead of the
 * new code it wrote and synchronised to the PoU (arch-notes.md §1.3; KVM
 * 01dc9262ff57 "KVM: arm64: Ensure I-cache isolation between vcpus of a
 * same VM", v5.12).
 *
 * Scenario (2 vCPUs pinned to one pCPU; C is a page-aligned page of the
 * image holding MOV X0, #1; RET at the start of each 64-byte block, which
 * the loader cleaned to the PoC; every step below is done for each block):
 *  1. vcpu B (boot vCPU) turns its MMU and caches on (identity map, C
 *     remapped writable and executable at EL1) and calls C: 1.
 *  2. B writes MOV X0, #2 at C (cacheable: the new word is in B's data
 *     cache), DC CVAU, DSB ISH, IC IVAU, DSB ISH, ISB: the PoU (the L2)
 *     holds the new code, memory (the PoC) still the old one.
 *  3. B starts vcpu A (PSCI CPU_ON) and YIELDs until PSCI AFFINITY_INFO
 *     says A is OFF.  (What A reads with its MMU off - its start block and
 *     stack - B cleaned to the PoC first.)
 *  4. A, MMU off and SCTLR_EL1.I = 0, does BL C (result recorded, not
 *     checked: old or new are both allowed) and calls PSCI CPU_OFF.
 *  5. B calls C and checks X0 == 2.
 *
 * Rules: with SCTLR_EL1.M = 0 and I = 0 instruction fetches are Normal
 * Non-cacheable (D8.2.12.1): they read the PoC, and a clean to the PoU
 * does not make data visible there (D7.5.8); instructions fetched from
 * Non-cacheable memory can be held in the instruction cache (D7.5.7), and
 * a later cacheable fetch can hit that line.  Stage 2 does not make the
 * page execute-never, so the fetch is permitted.  On bare metal A's fetch
 * would fill A's own I-cache; a hypervisor multiplexing vCPUs on one pCPU
 * must make the I-cache as private to each vCPU as the TLB (seed 001).
 *
 * Expected (TAP, 5 checks):
 *  - fix on (icache-inval-on-vcpu-switch: when a different vCPU of the VM
 *    than last time is loaded on a pCPU, local IC IALLU): 2, exit 0.
 *  - --smp 1 --vcpus 2 --without-fix icache-inval-on-vcpu-switch: "not ok
 *    5 ... # got 0x1 expected 0x2" (A's MMU-off fetch allocated the old
 *    line), exit 1.
 *  - controls that pass without the fix: --smp 2 (A fetches into pCPU 1's
 *    I-cache), --icache-alloc-mmu-off off (MMU-off fetches do not
 *    allocate), --idc 1 --dic 1 (instruction fetches coherent with data).
 *  - QEMU (no caches): passes.
 */
#include "common.h"

/* C: one 4KB page of .text of its own, MOV X0, #1; RET at the start of
 * every 64-byte block.  The scenario runs on every I-cache line of the page
 * (CTR_EL0.IminLine; lines of 64 bytes or less start a block), so that the
 * result does not depend on which sets the hypervisor's own code evicts
 * between A's fetch and B's. */
extern char code_c[];
__asm__(
    "   .section .text.code_c, \"ax\", %progbits\n"
    "   .p2align 12\n"
    "   .globl code_c\n"
    "   .type code_c, %function\n"
    "code_c:\n"
    "   .rept 64\n"
    "   mov x0, #1\n"
    "   ret\n"
    "   .p2align 6\n"
    "   .endr\n"
    "   .size code_c, . - code_c\n"
    "   .text\n");

#define BLOCK   64u
#define BLOCKS  (PAGE_SIZE / BLOCK)

/* What A's calls of C returned, in cache lines of their own: A writes them
 * with its MMU off (to memory), B invalidates its copies (DC IVAC, a DC
 * CIVAC at EL1 with HCR_EL2.VM = 1: nothing dirty to write back) before
 * reading them. */
static volatile uint64_t a_result[BLOCKS] __attribute__((aligned(64)));

static void vcpu_a(unsigned n)
{
    (void)n;
    for (unsigned i = 0; i < BLOCKS; i++)
        a_result[i] = run_code((uintptr_t)code_c + i * BLOCK);
    dsb(sy);
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    psci_init();
    note_machine();
    uintptr_t c = (uintptr_t)code_c;
    identity_build(&space);
    *mmu_pte(&space, c, 3) = mmu_leaf(c, RWX_ATTRS_EL1, 3);
    mmu_on_ttbr(mmu_root(&space));

    uint64_t first = 1;
    for (unsigned i = 0; i < BLOCKS && first == 1; i++)
        first = run_code(c + i * BLOCK);
    check("vcpu B, MMU on: C runs the loader's code (MOV X0, #1)", first, 1);

    for (unsigned i = 0; i < BLOCKS; i++)
        *(volatile uint32_t *)(c + i * BLOCK) = INSN_MOVZ_X0(2);
    dc_cvau_range(c, c + PAGE_SIZE);
    dsb(ish);
    ic_ivau_range(c, c + PAGE_SIZE);
    dsb(ish);
    isb();

    for (unsigned i = 0; i < BLOCKS; i++)
        a_result[i] = ~0ull;
    dcache_clean_inval_poc((uintptr_t)a_result, (uintptr_t)(a_result + BLOCKS));
    check("PSCI CPU_ON vcpu A (MMU off, SCTLR_EL1.I = 0)",
          (uint64_t)(int64_t)vcpu_start(1, 0, vcpu_a), PSCI_SUCCESS);
    check("vcpu A ran BL C and is OFF again (PSCI AFFINITY_INFO)", wait_off(1), 1);

    unsigned stale = 0;
    first = 2;
    for (unsigned i = 0; i < BLOCKS; i++) {
        uint64_t r = run_code(c + i * BLOCK);
        if (r != 2 && stale++ == 0)
            first = r;
    }
    dc_ivac_range((uintptr_t)a_result, (uintptr_t)(a_result + BLOCKS));
    dsb(sy);
    unsigned a_old = 0;
    for (unsigned i = 0; i < BLOCKS; i++)
        a_old += a_result[i] == 1;
    printf("# vcpu A (MMU off, Non-cacheable fetches from the PoC) ran the old code in %u of %u "
           "blocks of C; vcpu B then ran it in %u\n",
           a_old, BLOCKS, stale);
    check("vcpu B: C was rewritten (MOV X0, #2) and synchronised to the PoU", *(volatile uint32_t *)c,
          INSN_MOVZ_X0(2));
    check("vcpu B calls C after vcpu A ran it with the MMU off on the same pCPU: the new code (2) "
          "(the first block that does not)",
          first, 2);
    return tap_done();
}
