/*
 * storm.h - the exception storms (guests storm_el1, storm_el2,
 * storm_vbar_hole, storm_vbar_above_pa, storm_stack): a handler that takes
 * another exception at once, forever.  Each exception is architecturally
 * just a change of PC, ELR, SPSR and ESR (AArch64.TakeException), so the
 * emulator must keep going without growing its host stack, and
 * --max-insns must stop it with exit status 124 and "instruction limit
 * reached" on stderr.  If the guest ever gets past the storm it prints
 * "not ok" and exits 1.  nodiff: on QEMU (no instruction limit) these run
 * forever.
 */
#include "sysreg.h"
#include "tap.h"
#include "exceptions.h"

/*
 * storm_vectors: each of the 16 entries is UDF #0, so the handler of the
 * UNDEFINED instruction exception is itself UNDEFINED (Arm ARM DDI 0487,
 * AArch64.TakeException: the exception is taken to the current EL, vector
 * +0x200, ESR EC 0x00; the next one overwrites ELR/SPSR/ESR, forever).
 * storm_go(): the first UDF.  storm_sp(sp): SP := sp, then UDF.
 */
__asm__(
    "   .section .text.storm, \"ax\"\n"
    "   .p2align 11\n"
    "   .globl storm_vectors\n"
    "storm_vectors:\n"
    "   .rept 16\n"
    "   .p2align 7\n"
    "   udf #0\n"
    "   .endr\n"
    "   .text\n"
    "   .globl storm_go\n"
    "storm_go:\n"
    "   udf #1\n"
    "   ret\n"
    "   .globl storm_sp\n"
    "storm_sp:\n"
    "   mov sp, x0\n"
    "   udf #2\n"
    "   ret\n");
extern char storm_vectors[];
void storm_go(void);
void storm_sp(uint64_t sp);

static int storm_end(void)
{
    check_true("the storm ended (it must not)", 0);
    return tap_done();
}
