/*
 * vpipt - a VMID-aware PIPT instruction cache: instruction-cache
 * invalidation executed at EL1 affects only the current VMID's lines,
 * executed at EL2 every VMID's (boots at EL2; nodiff: run with
 * --cache-model on --el 2 --icache-policy vpipt, CTR_EL0.DIC = 0).
 *
 * Rules: CTR_EL0.L1Ip = 0b00, VPIPT (Arm ARM DDI 0487 from Armv8.2 until
 * the 2023 revisions, which made the encoding reserved; Linux supported it
 * from v4.12, commit 87da236ebc71, "arm64: KVM: Add support for VPIPT
 * I-caches", until v6.8):
 *  - lines are tagged with the VMID current when they are allocated, and a
 *    fetch hits only lines of the current VMID;
 *  - IC IALLU / IC IVAU executed at EL1 (EL2 enabled) invalidate only
 *    lines of the current VMID (VTTBR_EL2.VMID); executed at EL2 they
 *    invalidate lines of every VMID.
 *  - As everywhere: a line stays until an invalidation that covers it
 *    removes it (D8.18.2, D7.5.9), and instruction fetches meet data at
 *    the PoU, which DC CVAU + DSB make the new instructions reach.
 * The test: EL2 writes F (MOVZ X0, #v; RET) in the code window through its
 * own cacheable mapping and cleans it to the PoU (DC CVAU, DSB ISH); the
 * guest runs F at EL1 with stage 1 and stage 2 identity maps under VMID 2
 * (so F's line is allocated for VMID 2).  EL2 rewrites F (DC CVAU, DSB
 * ISH, no IC); an EL1 program under VMID 1 executes IC IALLU; VMID 2 then
 * still runs the OLD F: a64emu keeps VMID 2's line ("(VPIPT: EL1
 * invalidation is VMID-scoped)"; QEMU 7.2 has no I-cache and runs the new
 * F).  VMID 1 runs the new F (its fetch cannot hit VMID 2's line: required
 * for VPIPT, and for PIPT because the EL1 IC IALLU there removes every
 * line).  After IC IALLU at EL2, VMID 2 runs the new F.  The same again
 * with IC IVAU by F's address at EL1 (VMID 1) and then at EL2.
 */
#include "common.h"
#include "hyp.h"

int main(void)
{
    if (!check("CurrentEL is EL2", current_el(), 2))
        return tap_done();
    uint64_t ctr = read_sysreg(ctr_el0);
    check("CTR_EL0.L1Ip = 0b00 (VPIPT)", CTR_L1IP(ctr), L1IP_VPIPT);
    check("CTR_EL0.DIC = 0", (ctr & CTR_DIC) != 0, 0);
    hyp_setup(2);

    volatile uint32_t *f = CODE_PTR(0);
    uintptr_t fva = CODE_VA(0);
    uint64_t r[9];

    emit_const(f, 0x111);
    dc_cvau_range(fva, fva + 8);
    dsb(ish);
    ic_all(iallu);                      /* at EL2: every VMID */
    dsb(ish);
    isb();
    r[0] = el1_run_code(fva);           /* VMID 2: F's line allocated for VMID 2 */

    emit_const(f, 0x222);
    dc_cvau_range(fva, fva + 8);
    dsb(ish);
    hyp_vmid(1);
    el1_run(el1_ic_iallu, 0);           /* IC IALLU at EL1 under VMID 1 */
    hyp_vmid(2);
    r[1] = el1_run_code(fva);
    hyp_vmid(1);
    r[2] = el1_run_code(fva);
    ic_all(iallu);                      /* at EL2 */
    dsb(ish);
    isb();
    hyp_vmid(2);
    r[3] = el1_run_code(fva);

    emit_const(f, 0x333);
    dc_cvau_range(fva, fva + 8);
    dsb(ish);
    hyp_vmid(1);
    el1_run(el1_ic_ivau, fva);          /* IC IVAU at EL1 under VMID 1 */
    r[4] = el1_run_code(fva);
    hyp_vmid(2);
    r[5] = el1_run_code(fva);
    ic_ivau_range(fva, fva + 8);        /* at EL2 */
    dsb(ish);
    isb();
    r[6] = el1_run_code(fva);

    check("VMID 2 runs F (0x111), written and made coherent by EL2", r[0], 0x111);
    check("F rewritten by EL2 (0x222, DC CVAU), IC IALLU at EL1 under VMID 1: VMID 2 still runs the "
          "OLD F (VPIPT: EL1 invalidation is VMID-scoped)", r[1], 0x111);
    check("  ... VMID 1 runs the new F (no hit on VMID 2's line)", r[2], 0x222);
    check("  ... IC IALLU at EL2: VMID 2 runs the new F", r[3], 0x222);
    check("F rewritten (0x333), IC IVAU by F at EL1 under VMID 1: VMID 1 runs the new F", r[4], 0x333);
    check("  ... VMID 2 still runs the OLD F (VPIPT: EL1 invalidation is VMID-scoped)", r[5], 0x222);
    check("  ... IC IVAU by F at EL2: VMID 2 runs the new F", r[6], 0x333);

    mmu_el2_off();
    return tap_done();
}
