/*
 * mmuoff_fetch_ok - code written with the MMU on runs with the MMU off
 * (and on again) once it is cleaned to the PoC and the instruction cache is
 * invalidated (boots at EL1; diff).
 *
 * Rules (Arm ARM DDI 0487):
 *  - D8.2.12: with SCTLR_EL1.M = 0 and I = 0, instruction fetches are
 *    Normal Non-cacheable and read the PoC (memory).  DC CVAC + DSB put the
 *    new instructions there (D7.5.9); IC IALLU + DSB removes any line an
 *    earlier fetch left (D7.5.7: Non-cacheable fetches may allocate too),
 *    and the ISBs around the SCTLR_EL1 writes synchronize the context: the
 *    MMU-off fetch returns the new instructions.
 *  - A line that the MMU-off fetch allocated holds those same instructions,
 *    and the PoU holds them too (the clean to the PoC passed it), so the
 *    next fetch with the MMU on returns them as well.
 * F (MOVZ X0, #v; RET) lives in the code window; el1_call_mmu_off (lib)
 * runs it with SCTLR_EL1.M = C = I = 0.
 */
#include "common.h"

static char name[120];
#define NAME(...) (snprintf(name, sizeof name, __VA_ARGS__), name)

int main(void)
{
    el1_identity_on();
    volatile uint32_t *f = CODE_PTR(0);
    uintptr_t fva = CODE_VA(0);

    for (unsigned gen = 1; gen <= 3; gen++) {
        unsigned v = 0x100 * gen + gen;
        emit_const(f, v);
        dc_civac_range(fva, fva + 8);
        dsb(sy);
        ic_all(iallu);
        dsb(ish);
        isb();
        check(NAME("F, version %u, DC CIVAC, DSB SY, IC IALLU, DSB ISH, ISB: runs with the MMU off", gen),
              el1_call_mmu_off(fva), v);
        isb();
        check("  ... and with the MMU on again", run_code(fva), v);
    }

    mmu_el1_off();
    return tap_done();
}
