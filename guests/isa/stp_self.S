/*
 * stp_self.S - an STP that stores over its own instruction word (and the
 * three words after it) executes as it was fetched: both registers are
 * stored and the pre-index writeback goes to the base register: the
 * instruction executed is the one that was fetched. (a64emu's decoded
 * cache drops the slots a store covers, this instruction's own among them,
 * while it executes.) x19 = a NOP pair, x20 = a MOV x9, x9 pair: both are
 * instructions, so whichever words the next fetches see, they are harmless.
 */
#include "tap_asm.h"

TEST_BEGIN
    adr     x21, target
    mov     x22, x21
    ldr     x19, =0xd503201fd503201f     /* two NOPs */
    ldr     x20, =0xaa0903e9aa0903e9     /* two MOV x9, x9 */
    mov     x23, x19
target:
    stp     x19, x20, [x21, #0]!         /* overwrites itself and the next three words */
    nop
    nop
    nop
    ldr     x24, [x22, #8]
    CHECK_REG "the second register was stored", x24, x20
    CHECK_REG "the writeback went to the base register", x21, x22
    CHECK_REG "the first register is unchanged", x19, x23
TEST_END
