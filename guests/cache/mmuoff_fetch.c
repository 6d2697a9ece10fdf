/*
 * mmuoff_fetch - an instruction fetch with the MMU off reads memory (the
 * PoC) and may still allocate into the instruction cache, where a later
 * cacheable fetch finds it (boots at EL1; nodiff: run with --cache-model
 * on, CTR_EL0.IDC = DIC = 0; the single-CPU form of Linux commit
 * 01dc9262ff57, "KVM: arm64: Ensure I-cache isolation between vcpus of a
 * same VM").
 *
 * Rules (Arm ARM DDI 0487):
 *  - D8.2.12: with SCTLR_EL1.M = 0 and I = 0, instruction fetches are
 *    Normal Non-cacheable: they are served from the PoC (memory), so new
 *    instructions cleaned only to the PoU (DC CVAU) MAY be invisible to
 *    them (D7.5.8) - "(PoU is not the PoC)".
 *  - D7.5.7 "Non-cacheable accesses and instruction caches": instructions
 *    fetched from Non-cacheable memory can be held in an instruction
 *    cache; a later fetch (MMU on, cacheable) MAY hit that line and run the
 *    instructions memory held, although the PoU holds new ones - "(MMU-off
 *    fetch allocated)".  a64emu's model allocates on such fetches (its
 *    IMPLEMENTATION DEFINED default).  QEMU 7.2 has no caches and runs the
 *    new code in both places.
 *  - Architectural (pass on QEMU too): IC IALLU, DSB, ISB with the MMU on
 *    removes the line and the new code runs.
 * F (MOVZ X0, #v; RET) lives in the code window; el1_call_mmu_off (lib)
 * runs it with SCTLR_EL1.M = C = I = 0.
 */
#include "common.h"

int main(void)
{
    el1_identity_on();
    uint64_t ctr = read_sysreg(ctr_el0), clidr = read_sysreg(clidr_el1);
    check("CTR_EL0.IDC = DIC = 0", ctr & (CTR_IDC | CTR_DIC), 0);
    unsigned pou = CLIDR_LOUU(clidr) > CLIDR_LOUIS(clidr) ? CLIDR_LOUU(clidr) : CLIDR_LOUIS(clidr);
    check("CLIDR_EL1: LoC above LoUU and LoUIS (a cache level beyond the PoU)", CLIDR_LOC(clidr) > pou, 1);

    volatile uint32_t *f = CODE_PTR(0);
    uintptr_t fva = CODE_VA(0);
    uint64_t r[4];

    emit_const(f, 0x111);
    dc_cvac_range(fva, fva + 8);            /* memory holds 0x111 */
    dsb(sy);
    ic_all(iallu);
    dsb(ish);
    isb();
    emit_const(f, 0x222);
    sync_icache_range(fva, fva + 8);        /* the PoU holds 0x222; no F line in the I-cache */
    r[0] = el1_call_mmu_off(fva);
    isb();
    r[1] = run_code(fva);
    ic_all(iallu);
    dsb(ish);
    isb();
    r[2] = run_code(fva);
    ic_all(iallu);
    dsb(ish);
    isb();
    r[3] = el1_call_mmu_off(fva);

    check("F rewritten (0x222) and cleaned to the PoU only: run with the MMU off, it is the OLD F "
          "(PoU is not the PoC)", r[0], 0x111);
    check("  ... and with the MMU on again, without IC: still the OLD F (MMU-off fetch allocated)",
          r[1], 0x111);
    check("  ... IC IALLU, DSB ISH, ISB: the new F runs", r[2], 0x222);
    check("  ... IC IALLU again, then with the MMU off: the OLD F again, memory was not updated "
          "(PoU is not the PoC)",
          r[3], 0x111);

    mmu_el1_off();
    return tap_done();
}
