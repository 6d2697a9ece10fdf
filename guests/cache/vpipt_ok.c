/*
 * vpipt_ok - code that a hypervisor rewrites for its guest runs new once
 * the instruction cache is invalidated with the right scope (boots at EL2;
 * diff: run with --el 2 and every --icache-policy, vpipt included).
 *
 * Rules (see vpipt.c for VPIPT; Arm ARM DDI 0487 D8.18.2 and D7.5.9 for
 * PIPT and VIPT):
 *  - IC IALLU, IC IALLUIS and IC IVAU executed at EL2 invalidate the lines
 *    of every VMID (VPIPT) / every line of the PA or all lines (PIPT, VIPT:
 *    EL2's VA of F is the guest's VA and IPA of F here, so VIPT indexes
 *    them alike).
 *  - IC IALLU / IC IVAU executed at EL1 invalidate the current VMID's lines
 *    (VPIPT) or all / the PA's lines (PIPT, VIPT with EL1's own VA): the
 *    guest may invalidate its own I-cache.
 *  - The new instructions reach the PoU by DC CVAU + DSB ISH at EL2 (the
 *    data cache is PIPT, D8.18.1, and coherent for cacheable accesses of
 *    either regime); a fetch after the invalidation, its DSB and a context
 *    synchronization (the ERET into EL1 is one) returns them.
 * F (MOVZ X0, #v; RET) in the code window is written by EL2 through its own
 * mapping and run at EL1 under VMID 2 (stage 1 and stage 2 identity maps,
 * Normal Write-Back); VMID 1 runs it too.
 */
#include "common.h"
#include "hyp.h"

static char name[160];
#define NAME(...) (snprintf(name, sizeof name, __VA_ARGS__), name)

/* EL2 rewrites F and cleans it to the PoU (no IC) */
static void rewrite(volatile uint32_t *f, uintptr_t fva, unsigned v)
{
    emit_const(f, v);
    dc_cvau_range(fva, fva + 8);
    dsb(ish);
}

int main(void)
{
    if (!check("CurrentEL is EL2", current_el(), 2))
        return tap_done();
    hyp_setup(2);

    volatile uint32_t *f = CODE_PTR(0);
    uintptr_t fva = CODE_VA(0);

    rewrite(f, fva, 0x111);
    ic_all(iallu);
    dsb(ish);
    isb();
    check("VMID 2 runs F (0x111) after EL2's DC CVAU, DSB ISH, IC IALLU, DSB ISH, ISB",
          el1_run_code(fva), 0x111);
    hyp_vmid(1);
    check("VMID 1 runs it too", el1_run_code(fva), 0x111);
    hyp_vmid(2);

    static const char *const how[] = {
        "IC IALLU at EL2", "IC IALLUIS at EL2", "IC IVAU by F at EL2",
        "IC IALLU at EL1 under VMID 2", "IC IVAU by F at EL1 under VMID 2",
    };
    for (unsigned k = 0; k < 5; k++) {
        unsigned v = 0x222 + 0x111 * k;
        rewrite(f, fva, v);
        switch (k) {
        case 0: ic_all(iallu); dsb(ish); isb(); break;
        case 1: ic_all(ialluis); dsb(ish); isb(); break;
        case 2: ic_ivau_range(fva, fva + 8); dsb(ish); isb(); break;
        case 3: el1_run(el1_ic_iallu, 0); break;
        case 4: el1_run(el1_ic_ivau, fva); break;
        }
        check(NAME("F rewritten by EL2 (0x%x, DC CVAU), %s: VMID 2 runs the new F", v, how[k]),
              el1_run_code(fva), v);
    }

    /* VMID 1 invalidates its own lines, VMID 2 then runs and invalidates its own */
    rewrite(f, fva, 0x777);
    hyp_vmid(1);
    el1_run(el1_ic_iallu, 0);
    check("F rewritten (0x777), IC IALLU at EL1 under VMID 1: VMID 1 runs the new F", el1_run_code(fva),
          0x777);
    hyp_vmid(2);
    el1_run(el1_ic_iallu, 0);
    check("  ... and VMID 2, after its own IC IALLU at EL1, too", el1_run_code(fva), 0x777);

    mmu_el2_off();
    return tap_done();
}
