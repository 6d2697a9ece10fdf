/*
 * smc_ctr - self-modifying code with only the maintenance CTR_EL0 asks for
 * (boots at EL1; diff; meant for --idc 1 --dic 1, where only DSB + ISB
 * remain, and run with the other permitted IDC/DIC pairs too).
 *
 * Rules (Arm ARM DDI 0487, D24.2.42 CTR_EL0, D8.18.2):
 *  - IDC = 1, or CLIDR_EL1.LoC = 0, or LoUIS = LoUU = 0 (the Effective IDC
 *    is 1): "Data cache clean to the Point of Unification is not required
 *    for instruction to data coherence": a DSB that completes the stores
 *    replaces the DC CVAU loop (Linux: DSB ISHST).
 *  - DIC = 1: "Instruction cache invalidation to the Point of Unification is
 *    not required for data to instruction coherence", for every VA alias
 *    and whatever L1Ip says (R WNDVG): the IC IVAU loop and its DSB go, the
 *    ISB stays (context synchronization: instructions fetched before the
 *    stores completed are discarded).
 *  - If DIC = 1 then IDC must be 1.
 * So with IDC = DIC = 1 the whole sequence is STR ...; DSB ISH; ISB, and
 * the new code must run.  The guest reads CTR_EL0 and CLIDR_EL1 and does
 * exactly what they require (sync_icache_range_ctr in guests/lib/cache.c),
 * so its output is the same on every machine; QEMU 7.2 (IDC = DIC = 0 but
 * LoUU = LoUIS = 0) takes the DSB + IC IVAU path.
 */
#include "common.h"

#define ALIAS_VA    0x80000000ull

static char name[160];
#define NAME(...) (snprintf(name, sizeof name, __VA_ARGS__), name)

int main(void)
{
    el1_identity_build();
    *mmu_pte(&space, ALIAS_VA, 3) = mmu_leaf(CODE_VA(0x3000), PTE_NORMAL | PTE_AP_RO_EL1 | PTE_UXN, 3);
    cache_mmu_on_el1(&space);

    uint64_t ctr = read_sysreg(ctr_el0);
    check("CTR_EL0: DIC = 1 only with IDC = 1", !(ctr & CTR_DIC) || (ctr & CTR_IDC), 1);

    volatile uint32_t *f = CODE_PTR(0);
    uintptr_t fva = CODE_VA(0);
    for (unsigned gen = 1; gen <= 4; gen++) {
        emit_const(f, 0x100 * gen + gen);
        sync_icache_range_ctr(fva, fva + 8);
        check(NAME("F, generation %u, after the sequence CTR_EL0 requires: the new code runs", gen),
              run_code(fva), 0x100 * gen + gen);
    }

    unsigned iline = icache_line_size();
    if (iline < 16)
        iline = 16;
    unsigned n = 2 * iline / 4 + 1;
    uintptr_t lva = CODE_VA(0x1000 + iline - 8);
    volatile uint32_t *l = (volatile uint32_t *)lva;
    for (unsigned gen = 1; gen <= 3; gen++) {
        uint64_t sum = emit_sum(l, n, gen);
        sync_icache_range_ctr(lva, lva + 4 * (n + 2));
        check(NAME("long function (4 I-cache lines), version %u, after the sequence CTR_EL0 requires: "
                   "the new code runs", gen), run_code(lva), sum);
    }

    /* written through the identity map, run through ALIAS_VA: with DIC = 1
     * no alias needs maintenance; otherwise IC IVAU is given the executing VA */
    volatile uint32_t *g = CODE_PTR(0x3000);
    uintptr_t gva = CODE_VA(0x3000);
    for (unsigned gen = 1; gen <= 3; gen++) {
        emit_const(g, 0x700 + gen);
        if (ctr & CTR_DIC) {
            sync_icache_range_ctr(gva, gva + 8);
        } else {
            if (cache_effective_idc())
                dsb(ish);
            else {
                dc_cvau_range(gva, gva + 8);
                dsb(ish);
            }
            ic_ivau_range(ALIAS_VA, ALIAS_VA + 8);
            dsb(ish);
            isb();
        }
        check(NAME("G, generation %u, written through one VA and run through an alias: the new code runs",
                   gen), run_code(ALIAS_VA), 0x700 + gen);
    }

    mmu_el1_off();
    return tap_done();
}
