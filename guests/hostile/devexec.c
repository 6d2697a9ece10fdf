/*
 * devexec - executing from Device memory (boots at EL1; MMU on, 4KB
 * granule, 39-bit VA; --memory 128M).  A RAM page holding a function is
 * mapped again at another VA with Device-nGnRnE / Device-nGnRE attributes.
 *
 * Rule (looked up for this guest): Device memory is NOT architecturally
 * execute-never.  Arm ARM DDI 0487, B2.7.2 "Device memory": hardware does
 * not prevent (speculative) instruction fetches from a location with any
 * Device memory attribute unless the location is also marked execute-never
 * for all Exception levels, and failing to mark Device memory XN is a
 * programming error - not a fault.  Arm's core TRMs state what fetches then
 * do: "On instruction fetch accesses, pages with Device memory type
 * attributes are treated as Non-cacheable Normal Memory" (Cortex-A55 TRM,
 * "Instruction cache speculative memory accesses"; Cortex-A57 TRM 6.3.2
 * likewise).  So the function runs; only XN/PXN (D8.4.1.2 "Instruction
 * access permissions", AArch64.S1CheckPermissions) makes the fetch a
 * Permission fault (IFSC 0b0011LL, EC 0x21, FAR = ELR = the VA).
 * Fetching from a peripheral (no RAM behind the Device page) is
 * devexec_mmio (nodiff).
 */
#include "harness.h"
#include "mmu.h"

uint64_t xfn(void);
__asm__(
    "   .text\n"
    "   .p2align 12\n"
    "   .globl xfn\n"
    "xfn:\n"
    "   mov x0, #0x1234\n"
    "   ret\n"
    "   .p2align 12\n"
    "   .text\n");

#define VA(i1, i2, i3)  (((uint64_t)(i1) << 30) | ((uint64_t)(i2) << 21) | ((uint64_t)(i3) << 12))
static uint8_t pool[64 << 10] __attribute__((aligned(4096)));
static struct mmu_space s;

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    mmu_pool_init(pool, sizeof pool);
    mmu_space_init(&s, MMU_G4K, 39, 1);
    mmu_map_identity(&s, MMU_REGIME_EL10, RAM_END_128M);
    uint64_t x = (uint64_t)(uintptr_t)xfn;
    uint64_t ro = PTE_AF | PTE_AP_RO_EL1 | PTE_UXN;
    *mmu_pte(&s, VA(300, 0, 0), 3) = mmu_leaf(x, ro | PTE_ATTRINDX(MAIR_IDX_WB) | PTE_SH_INNER, 3);
    *mmu_pte(&s, VA(300, 0, 1), 3) = mmu_leaf(x, ro | PTE_ATTRINDX(MAIR_IDX_DEV_nGnRnE), 3);
    *mmu_pte(&s, VA(300, 0, 2), 3) = mmu_leaf(x, ro | PTE_ATTRINDX(MAIR_IDX_DEV_nGnRE), 3);
    *mmu_pte(&s, VA(300, 0, 3), 3) = mmu_leaf(x, ro | PTE_PXN | PTE_ATTRINDX(MAIR_IDX_DEV_nGnRnE), 3);
    *mmu_pte(&s, VA(300, 0, 4), 3) = mmu_leaf(x, ro | PTE_PXN | PTE_ATTRINDX(MAIR_IDX_WB) | PTE_SH_INNER, 3);
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(ttbr0_el1, mmu_root(&s));
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT));
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();

    reset();
    check("control: the Normal alias executes", call_addr(VA(300, 0, 0)), 0x1234);
    check("the Device-nGnRnE alias (not XN) executes", call_addr(VA(300, 0, 1)), 0x1234);
    check("the Device-nGnRE alias (not XN) executes", call_addr(VA(300, 0, 2)), 0x1234);
    check("a load from the Device-nGnRnE alias reads the code", probe_ld32(VA(300, 0, 1)), 0xd2824680);
    expect_none("Device aliases without XN");
    reset();
    uint64_t r = call_addr(VA(300, 0, 3));
    expect_fault("the Device-nGnRnE alias with PXN: Permission fault level 3", 1,
                 ESR_OF(EC_IABT_CUR, FSC_PERM(3)), VA(300, 0, 3), VA(300, 0, 3), r);
    reset();
    r = call_addr(VA(300, 0, 4));
    expect_fault("control: the Normal alias with PXN: Permission fault level 3", 1,
                 ESR_OF(EC_IABT_CUR, FSC_PERM(3)), VA(300, 0, 4), VA(300, 0, 4), r);
    mmu_el1_off();
    return tap_done();
}
