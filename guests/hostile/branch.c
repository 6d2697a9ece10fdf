/*
 * branch - a guest that jumps where nothing is: physical holes, past the
 * end of RAM, above the PA size, misaligned PCs, and exception returns to
 * misaligned ELRs.  Boots at EL1, MMU off; run with --memory 128M (QEMU
 * -m 128M) so that RAM ends at 0x4800_0000 on both.
 *
 * Rules (Arm ARM DDI 0487):
 *  - MMU off (D8.2.12, AArch64.S1DisabledOutput / the "stage 1 disabled"
 *    flat map): VA = PA; a VA with bits set at or above the implemented PA
 *    size takes an Address size fault at level 0 (IFSC 0b000000).  A fetch
 *    from a PA with nothing behind it is an External abort: the Instruction
 *    Abort reports a synchronous External abort not on a walk (IFSC
 *    0b010000, AArch64.Abort with Fault_SyncExternal), FAR = the VA of the
 *    instruction, ELR = the same (preferred return of an Instruction Abort).
 *    On QEMU -M virt 0x0900_1000 (between the PL011 and the PL031) is
 *    unassigned too, so both report the same fault.
 *  - PC alignment (D1.3.5.2? "PC alignment checking", AArch64.PCAlignmentFault,
 *    AArch64.CheckPCAlignment): a BR/BLR/RET/ERET to an address with bit 1
 *    or 0 set completes, and the fetch at the misaligned PC takes a PC
 *    alignment fault: EC 0x22, ISS 0, FAR = ELR = the misaligned PC.  It is
 *    prioritised above an Instruction Abort (D1.3.5.x "Synchronous
 *    exception prioritization": PC alignment fault before Instruction
 *    Abort), so a misaligned address in a hole is a PC alignment fault
 *    (the same above the PA size: branch_prio, nodiff).
 *  - ERET (AArch64.ExceptionReturn) writes the PC from ELR_ELx unchanged
 *    when returning to AArch64; the fault is taken at the target EL, so
 *    a return to EL0 faults from EL0 (vector +0x400).
 */
#include "harness.h"

#define HOLE        0x09001000ull       /* nothing between PL011 and PL031 */
#define RAM_END     0x48000000ull       /* --memory 128M */
#define ABOVE_PA    0x0100000000000000ull   /* bit 56: above any PARange */
#define TOP_VA      0xfffffffffffff000ull
#define NOP         0xd503201fu

static void iabt(const char *what, uint64_t target, unsigned fsc)
{
    reset();
    uint64_t r = call_addr(target);
    expect_fault(what, 1, ESR_OF(EC_IABT_CUR, fsc), target, target, r);
}

static void pcalign(const char *what, uint64_t (*how)(uint64_t), uint64_t target)
{
    reset();
    uint64_t r = how(target);
    expect_fault(what, 1, ESR_OF(EC_PC_ALIGN, 0), target, target, r);
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    uint64_t t = (uint64_t)(uintptr_t)aligned_target;

    reset();
    check("control: BLR to an aligned function in RAM returns 0x77", call_addr(t), 0x77);
    expect_none("control");

    iabt("BLR to a physical hole (0x09001000): Instruction Abort, External abort", HOLE, FSC_SEA);
    iabt("BLR to the first byte past RAM (0x48000000): External abort", RAM_END, FSC_SEA);
    iabt("BLR above the PA size (bit 56): Address size fault level 0", ABOVE_PA, FSC_ADDR_SIZE(0));
    iabt("BLR to the top page of the VA space: Address size fault level 0", TOP_VA, FSC_ADDR_SIZE(0));

    /* fall through from the last word of RAM into the hole above it */
    volatile uint32_t *last = (volatile uint32_t *)(uintptr_t)(RAM_END - 4);
    *last = NOP;
    __asm__ volatile("dc cvau, %0\n\tdsb ish\n\tic ivau, %0\n\tdsb ish\n\tisb" :: "r"(last) : "memory");
    reset();
    uint64_t r = call_addr(RAM_END - 4);
    expect_fault("NOP in the last word of RAM, then the fetch falls off the end", 1,
                 ESR_OF(EC_IABT_CUR, FSC_SEA), RAM_END, RAM_END, r);

    pcalign("BR to target + 1: PC alignment fault", br_addr, t + 1);
    pcalign("BR to target + 2: PC alignment fault", br_addr, t + 2);
    pcalign("BR to target + 3: PC alignment fault", br_addr, t + 3);
    pcalign("BLR to target + 2: PC alignment fault", call_addr, t + 2);
    pcalign("RET to target + 1: PC alignment fault", ret_addr, t + 1);
    pcalign("BLR to a misaligned hole address: PC alignment before the abort", call_addr, HOLE + 2);
    pcalign("ERET to EL1 with ELR_EL1 = target + 2: PC alignment fault at EL1", eret_el1, t + 2);
    pcalign("ERET to EL1 with ELR_EL1 = hole + 3: PC alignment fault at EL1", eret_el1, HOLE + 3);

    reset();
    r = at_el0((lower_fn)(uintptr_t)(t + 2), 0);
    expect_fault("ERET to EL0 with ELR_EL1 = target + 2: PC alignment fault from EL0", 0,
                 ESR_OF(EC_PC_ALIGN, 0), t + 2, t + 2, r);
    reset();
    r = at_el0((lower_fn)(uintptr_t)HOLE, 0);
    expect_fault("ERET to EL0 at a physical hole: Instruction Abort from EL0, External abort", 0,
                 ESR_OF(EC_IABT_LOW, FSC_SEA), HOLE, HOLE, r);

    reset();
    check("control again: BLR to the aligned function still works", call_addr(t), 0x77);
    expect_none("control again");
    return tap_done();
}
