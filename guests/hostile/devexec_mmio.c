/*
 * devexec_mmio - fetching instructions from peripherals and holes (boots at
 * EL1, MMU off: fetches are Normal Non-cacheable, D8.2.12, but there is no
 * memory behind these addresses).
 *
 * What a fetch from a peripheral's registers returns is up to the system
 * (the architecture leaves it to the memory system: Arm ARM B2.7.2, Device
 * memory is not execute-never, and an External abort is one legal answer
 * of a bus).  a64emu's bus answers every fetch outside RAM with a
 * synchronous External abort (Instruction Abort, IFSC 0b010000, FAR = ELR =
 * the PC), so a guest can never execute a device's registers.
 *
 * nodiff: QEMU 7.2 executes an MMIO region one instruction at a time,
 * reading the device (the PL011's UARTDR reads 0: UDF #0, EC 0x00).
 */
#include "harness.h"

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    static const uint64_t where[] = { 0x09000000, 0x09000ff0, 0x08000000, 0x080a0000 };
    static const char *what[] = { "the PL011's UARTDR", "the PL011's ID registers",
                                  "the GIC distributor", "the GIC redistributor" };
    for (unsigned i = 0; i < 4; i++) {
        reset();
        uint64_t r = call_addr(where[i]);
        expect_fault(NAME("BLR to %s: Instruction Abort, External abort", what[i]), 1,
                     ESR_OF(EC_IABT_CUR, FSC_SEA), where[i], where[i], r);
    }
    return tap_done();
}
