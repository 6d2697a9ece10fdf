/*
 * hyp.h - a tiny EL2 "hypervisor" for the VMID tests of the cache suite
 * (boots at EL2: --el 2).  Include it in exactly one C file (after
 * common.h): it defines static data and top-level assembly.
 *
 * hyp_setup():
 *  - EL2 stage 1 (HCR_EL2.E2H = 0 regime): the usual identity map, MMU and
 *    caches on (cache_mmu_on_el2).  EL2 writes the code window through it:
 *    Normal Write-Back, RW, execute-never at EL2.
 *  - EL1&0 stage 1, for the "guest": the identity map with the code window
 *    RWX at EL1 (common.h), MAIR_EL1/TCR_EL1/TTBR0_EL1 as cache_mmu_on_el1
 *    sets them, SCTLR_EL1.M = C = I = 1 (written by EL2 before the first
 *    ERET), so EL1's fetches from the window are Normal Write-Back
 *    cacheable at stage 1.
 *  - Stage 2: VTCR_EL2 4KB granule, 40-bit IPA, walk from level 1 (two
 *    concatenated tables), Inner/Outer WB walks, PS 40 bits; IPA = PA for
 *    the first GB of RAM (one level-1 block, MemAttr 0b1111 Normal
 *    Write-Back, so the combined attributes stay Write-Back) and the UART
 *    page (Device-nGnRE).  HCR_EL2 = RW | VM.  VTTBR_EL2.VMID selects
 *    which VMID EL1 runs under (hyp_vmid()); both VMIDs share the tables
 *    (TLB entries are VMID-tagged, so switching needs no TLBI).
 *  All tables are written with every MMU still off (plain stores reach
 *  memory), before the first walk, and are not touched afterwards.
 *
 * el1_run(fn, arg): runs fn(arg) at EL1 (EL1h, DAIF masked) under the
 * current VMID through lower_call, and returns its x0.
 * EL1 helpers (top-level assembly, in .text, so executable at EL1):
 *   el1_ic_iallu(0):  IC IALLU; DSB ISH; ISB
 *   el1_ic_ivau(va):  IC IVAU, va; DSB ISH; ISB
 */
#ifndef CACHE_HYP_H
#define CACHE_HYP_H

#include "common.h"

uint64_t el1_ic_iallu(uint64_t unused);
uint64_t el1_ic_ivau(uint64_t va);

__asm__(
    "   .text\n"
    "   .p2align 2\n"
    "   .globl el1_ic_iallu\n"
    "   .type el1_ic_iallu, %function\n"
    "el1_ic_iallu:\n"
    "   ic iallu\n"
    "   dsb ish\n"
    "   isb\n"
    "   mov x0, #0\n"
    "   ret\n"
    "   .size el1_ic_iallu, . - el1_ic_iallu\n"
    "   .globl el1_ic_ivau\n"
    "   .type el1_ic_ivau, %function\n"
    "el1_ic_ivau:\n"
    "   ic ivau, x0\n"
    "   dsb ish\n"
    "   isb\n"
    "   mov x0, #0\n"
    "   ret\n"
    "   .size el1_ic_ivau, . - el1_ic_ivau\n");

static struct mmu_space s_el2, s_stage2;
static uint8_t el1_stack[8192] __attribute__((aligned(16)));

static __attribute__((unused)) void hyp_vmid(unsigned vmid)
{
    write_sysreg(vttbr_el2, mmu_root(&s_stage2) | VTTBR_VMID(vmid));
    isb();
}

static __attribute__((unused)) uint64_t el1_run(uint64_t (*fn)(uint64_t), uint64_t arg)
{
    return lower_call(SPSR_EL1h | SPSR_DAIF, fn, arg, (uint64_t)(uintptr_t)(el1_stack + sizeof el1_stack));
}

static __attribute__((unused)) uint64_t el1_run_code(uintptr_t va)
{
    return el1_run((uint64_t (*)(uint64_t))va, 0);
}

static __attribute__((unused)) void hyp_setup(unsigned vmid)
{
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    el2_setup_el1();

    el1_identity_build();           /* pt_pool, `space`: EL1&0 stage 1 */
    mmu_space_init(&s_el2, MMU_G4K, 39, 1);
    mmu_map_identity(&s_el2, MMU_REGIME_EL2, RAM_END_128M);
    mmu_space_init(&s_stage2, MMU_G4K, 40, 1);
    mmu_map(&s_stage2, RAM_BASE, RAM_BASE, 1ull << 30, S2_NORMAL, 1);
    *mmu_pte(&s_stage2, UART_PA, 3) = mmu_leaf(UART_PA, S2_DEVICE, 3);

    write_sysreg(vtcr_el2, VTCR_RES1 | VTCR_T0SZ(24) | vtcr_sl0(MMU_G4K, 1) | VTCR_IRGN0_WBWA |
                               VTCR_ORGN0_WBWA | VTCR_SH0_INNER | VTCR_TG0_4K | VTCR_PS(PS_40BIT));
    hyp_vmid(vmid);
    write_sysreg(hcr_el2, HCR_RW | HCR_VM);
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT));
    write_sysreg(ttbr0_el1, mmu_root(&space));
    write_sysreg(sctlr_el1, SCTLR_EL1_GUEST | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
    tlbi(alle1);
    dsb(nsh);
    isb();
    cache_mmu_on_el2(&s_el2);
}

#endif
