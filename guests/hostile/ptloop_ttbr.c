/*
 * ptloop_ttbr - a TTBR with bits above the PA size when the walk starts at
 * level 1 (4KB granule, T0SZ = T1SZ = 25, IPS = 40 bits; boots at EL1,
 * --memory 128M).
 *
 * Rule (Arm ARM DDI 0487, ESR_ELx DFSC 0b000000 "Address size fault,
 * level 0 of translation or translation table base register"; the
 * AArch64.S1Walk pseudocode reports an out-of-range TTBR base with
 * fault.level = 0 whatever the initial lookup level): DFSC 0x00, for a
 * load as for AT S1E1R (PAR_EL1.FST).  QEMU 7.2 reports level 0 for both.
 */
#include "harness.h"
#include "mmu.h"

#define TTBR1_VA    0xffffff8000000000ull
#define TCR_BASE (TCR_T0SZ(25) | TCR_T1SZ(25) | TCR_TG0_4K | TCR_TG1_4K | TCR_WALK0 | TCR_WALK1 | \
                  TCR_IPS(PS_40BIT))

static uint8_t pool[64 << 10] __attribute__((aligned(4096)));
static struct mmu_space s;

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    mmu_pool_init(pool, sizeof pool);
    mmu_space_init(&s, MMU_G4K, 39, 1);
    mmu_map_identity(&s, MMU_REGIME_EL10, RAM_END_128M);
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(ttbr0_el1, mmu_root(&s));
    write_sysreg(tcr_el1, TCR_BASE);
    write_sysreg(ttbr1_el1, 1ull << 40);
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    uint64_t par = at_par(s1e1r, TTBR1_VA);
    check("AT S1E1R with TTBR1_EL1 = 2^40 (IPS 40 bits, start level 1): PAR_EL1.F = 1", par & PAR_F, PAR_F);
    check("  ... FST = Address size fault, level 0 (the TTBR)", PAR_FST(par), FSC_ADDR_SIZE(0));

    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
    reset();
    uint64_t r = probe_ld64(TTBR1_VA + 0x2000);
    expect_fault("LDR through TTBR1_EL1 = 2^40: Address size fault level 0 (the TTBR)", 1,
                 ESR_OF(EC_DABT_CUR, FSC_ADDR_SIZE(0)), TTBR1_VA + 0x2000, INSN(probe_ld64_insn), r);
    mmu_el1_off();
    return tap_done();
}
