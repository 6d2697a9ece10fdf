/*
 * at_sh - PAR_EL1.SH for Device and Non-cacheable memory (boots at EL1).
 *
 * Rule (Arm ARM DDI 0487, PAR_EL1.SH, bits [8:7], F = 0): "Shareability
 * attribute, for the returned output address ... This field returns the
 * value 0b10 for: any type of Device memory; Normal memory with both Inner
 * Non-cacheable and Outer Non-cacheable attributes" (those are always
 * Outer Shareable, D8.5.2), whatever the descriptor's SH field holds.  With
 * stage 1 disabled, data accesses are Device-nGnRnE (D8.2.12), so the flat
 * map reads SH = 0b10 too.  Normal cacheable memory reports the descriptor's
 * SH (the controls: 00 and 11).
 * nodiff: QEMU 7.2 returns the descriptor's SH (and 0b00 for the disabled
 * stage 1) when only stage 1 applies; it does return 0b10 after combining
 * with a stage 2 (AT S12E1R, checked in at).
 */
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

static uint8_t pool[64 << 10] __attribute__((aligned(4096)));
static volatile uint64_t devbuf[512] __attribute__((aligned(4096)));
static volatile uint64_t buf[512] __attribute__((aligned(4096)));
static struct mmu_space s;

#define PG(n)   (0x80000000ull + (n) * 0x1000ull)

static void check_sh(const char *what, uint64_t par, uint64_t pa, unsigned attr, unsigned sh)
{
    /* F, ATTR, PA and SH (bits 11:9 are RES1, IMPLEMENTATION DEFINED, NS) */
    uint64_t mask = 0xff0000fffffff181ull;
    check(what, par & mask, ((uint64_t)attr << 56) | pa | ((uint64_t)sh << 7));
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    uint64_t devpa = (uint64_t)(uintptr_t)devbuf, bufpa = (uint64_t)(uintptr_t)buf;
    uint64_t xn = PTE_PXN | PTE_UXN | PTE_AF;

    check_sh("stage 1 off: AT S1E1R flat map, Device-nGnRnE: SH 10", at_par(s1e1r, 0x40002468ull),
             0x40002000ull, MAIR_DEV_nGnRnE, 2);

    mmu_pool_init(pool, sizeof pool);
    mmu_space_init(&s, MMU_G4K, 39, 1);
    mmu_map_identity(&s, MMU_REGIME_EL10, RAM_END_128M);
    *mmu_pte(&s, PG(0), 3) = mmu_leaf(devpa, PTE_ATTRINDX(MAIR_IDX_DEV_nGnRnE) | PTE_SH_NON | xn, 3);
    *mmu_pte(&s, PG(1), 3) = mmu_leaf(devpa, PTE_ATTRINDX(MAIR_IDX_DEV_nGnRnE) | PTE_SH_INNER | xn, 3);
    *mmu_pte(&s, PG(2), 3) = mmu_leaf(devpa, PTE_ATTRINDX(MAIR_IDX_DEV_nGnRE) | PTE_SH_NON | xn, 3);
    *mmu_pte(&s, PG(3), 3) = mmu_leaf(bufpa, PTE_ATTRINDX(MAIR_IDX_NC) | PTE_SH_NON | xn, 3);
    *mmu_pte(&s, PG(4), 3) = mmu_leaf(bufpa, PTE_ATTRINDX(MAIR_IDX_NC) | PTE_SH_INNER | xn, 3);
    *mmu_pte(&s, PG(5), 3) = mmu_leaf(bufpa, PTE_ATTRINDX(MAIR_IDX_WB) | PTE_SH_NON | xn, 3);
    *mmu_pte(&s, PG(6), 3) = mmu_leaf(bufpa, PTE_ATTRINDX(MAIR_IDX_WT) | PTE_SH_INNER | xn, 3);
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT));
    write_sysreg(ttbr0_el1, mmu_root(&s));
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();

    check_sh("Device-nGnRnE, descriptor SH 00: SH 10", at_par(s1e1r, PG(0)), devpa, MAIR_DEV_nGnRnE, 2);
    check_sh("Device-nGnRnE, descriptor SH 11: SH 10", at_par(s1e1r, PG(1)), devpa, MAIR_DEV_nGnRnE, 2);
    check_sh("Device-nGnRE, descriptor SH 00: SH 10", at_par(s1e1w, PG(2)), devpa, MAIR_DEV_nGnRE, 2);
    check_sh("Normal Inner/Outer NC, descriptor SH 00: SH 10", at_par(s1e1r, PG(3)), bufpa, MAIR_NC, 2);
    check_sh("Normal Inner/Outer NC, descriptor SH 11: SH 10", at_par(s1e1r, PG(4)), bufpa, MAIR_NC, 2);
    check_sh("UART page (identity map, Device-nGnRnE, SH 00): SH 10", at_par(s1e1r, UART_PA),
             UART_PA, MAIR_DEV_nGnRnE, 2);
    check_sh("control: Normal WB, descriptor SH 00: SH 00", at_par(s1e1r, PG(5)), bufpa, MAIR_WB, 0);
    check_sh("control: Normal WT, descriptor SH 11: SH 11", at_par(s1e1r, PG(6)), bufpa, MAIR_WT, 3);
    mmu_el1_off();      /* exit with the MMU off: nothing left only in a cache */
    return tap_done();
}
