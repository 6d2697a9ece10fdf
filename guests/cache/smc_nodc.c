/*
 * smc_nodc - self-modifying code WITHOUT the data-cache clean to the PoU
 * (boots at EL1; nodiff: run with --cache-model on, CTR_EL0.IDC = 0 and
 * DIC = 0).
 *
 * Rules (Arm ARM DDI 0487):
 *  - CTR_EL0.IDC = 0 with CLIDR_EL1.LoC != 0 and LoUU/LoUIS not both 0
 *    (D24.2.42: the Effective value of IDC is then 0): "Data cache clean to
 *    the Point of Unification is required for instruction to data
 *    coherence".  D7.5.8: instruction fetches and data accesses meet at
 *    the PoU; a store that is still only in a data cache above the PoU is
 *    not visible to an instruction fetch that misses in the I-cache and
 *    fills from the PoU.
 *  - So with IC IVAU, DSB ISH, ISB but no DC CVAU, the fetch MAY return the
 *    old instructions (the I-cache refills the line from the PoU, which
 *    still holds the old ones): a64emu's model keeps the new data dirty in
 *    the L1 data cache (nothing evicts it in this small program), and the
 *    checks marked "(store above the PoU)" assert that the old code runs.
 *    QEMU 7.2 keeps code coherent with data and runs the new code there;
 *    its CLIDR_EL1 has LoUU = LoUIS = 0 (Effective IDC = 1), so the first
 *    checks fail there as well.
 *  - With DC CVAU (or DC CVAC: the PoC is beyond the PoU, so a clean to it
 *    passes the PoU), DSB ISH, IC IVAU, DSB ISH, ISB the new code must run
 *    (architectural).
 */
#include "common.h"

int main(void)
{
    el1_identity_on();
    uint64_t ctr = read_sysreg(ctr_el0), clidr = read_sysreg(clidr_el1);
    check("CTR_EL0.IDC = 0", (ctr & CTR_IDC) != 0, 0);
    check("CLIDR_EL1: LoC != 0 and (LoUU, LoUIS) != (0, 0): the Effective IDC is 0",
          CLIDR_LOC(clidr) != 0 && (CLIDR_LOUU(clidr) != 0 || CLIDR_LOUIS(clidr) != 0), 1);
    check("CTR_EL0.DIC = 0", (ctr & CTR_DIC) != 0, 0);

    volatile uint32_t *f = CODE_PTR(0);
    uintptr_t fva = CODE_VA(0);
    uint64_t r[6];

    emit_const(f, 0x111);
    sync_icache_range(fva, fva + 8);
    r[0] = run_code(fva);
    emit_const(f, 0x222);                   /* dirty in the data cache only */
    dsb(ish);
    ic_ivau_range(fva, fva + 8);
    dsb(ish);
    isb();
    r[1] = run_code(fva);
    sync_icache_range(fva, fva + 8);        /* DC CVAU ... ISB */
    r[2] = run_code(fva);

    emit_const(f, 0x333);
    dsb(ish);
    ic_all(iallu);
    dsb(ish);
    isb();
    r[3] = run_code(fva);
    dc_cvac_range(fva, fva + 8);
    dsb(ish);
    ic_ivau_range(fva, fva + 8);
    dsb(ish);
    isb();
    r[4] = run_code(fva);

    check("F (returns 0x111), full sequence: runs", r[0], 0x111);
    check("F rewritten (0x222), DSB ISH + IC IVAU + DSB ISH + ISB, no DC CVAU: the OLD code runs "
          "(store above the PoU)", r[1], 0x111);
    check("then DC CVAU + DSB ISH + IC IVAU + DSB ISH + ISB: the new code runs", r[2], 0x222);
    check("F rewritten (0x333), IC IALLU but no clean: the OLD code runs (store above the PoU)",
          r[3], 0x222);
    check("then DC CVAC (to the PoC, beyond the PoU) + DSB ISH + IC IVAU + DSB ISH + ISB: "
          "the new code runs", r[4], 0x333);

    mmu_el1_off();
    return tap_done();
}
