/*
 * branch_prio - PC alignment fault versus Instruction Abort for a branch to
 * a misaligned address above the PA size (boots at EL1, MMU off).
 *
 * Rule (Arm ARM DDI 0487, D1.3.5 "Synchronous exception prioritization",
 * and AArch64.CheckPCAlignment, which the fetch pseudocode runs before the
 * instruction fetch's translation): the PC alignment fault (EC 0x22) is
 * taken, not the Address size fault that fetching that address would give.
 *
 * nodiff: QEMU 7.2 translates the page before it looks at the PC's low
 * bits, so it reports the Instruction Abort (ESR 0x86000000, IFSC 0x00).
 */
#include "harness.h"

#define ABOVE_PA    0x0100000000000000ull   /* bit 56: above any PARange */

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    reset();
    uint64_t r = call_addr(ABOVE_PA + 1);
    expect_fault("BLR to (above the PA size) + 1: PC alignment fault, not an Address size fault", 1,
                 ESR_OF(EC_PC_ALIGN, 0), ABOVE_PA + 1, ABOVE_PA + 1, r);
    reset();
    r = eret_el1(ABOVE_PA + 2);
    expect_fault("ERET to (above the PA size) + 2: PC alignment fault", 1,
                 ESR_OF(EC_PC_ALIGN, 0), ABOVE_PA + 2, ABOVE_PA + 2, r);
    reset();
    r = br_addr(0xffffffffffffffffull);
    expect_fault("BR to 0xffff_ffff_ffff_ffff: PC alignment fault", 1,
                 ESR_OF(EC_PC_ALIGN, 0), 0xffffffffffffffffull, 0xffffffffffffffffull, r);
    return tap_done();
}
