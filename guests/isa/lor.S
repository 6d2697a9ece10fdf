/*
 * lor.S - FEAT_LOR (mandatory from Armv8.1) LDLAR/STLLR in every size.
 * No LORegion is configured (LORC_EL1.EN = 0 at reset), so they behave as
 * LDAR/STLR: check the values moved, the zero extension of the narrow
 * loads, and that narrow stores touch only their bytes.
 */
#include "tap_asm.h"

.macro RESET
    ldr     x19, =data
    ldr     x9, =0x8877665544332211
    str     x9, [x19]
.endm

.macro LDA name, off, res, insn:vararg
    RESET
    add     x19, x19, #\off
    ldr     x5, =0x5555555555555555
    \insn
    CHECK   "\name", x5, \res
.endm

.macro STL name, off, res, insn:vararg
    RESET
    add     x19, x19, #\off
    ldr     x5, =0xfedcba9876543210
    \insn
    ldr     x9, =data
    ldr     x20, [x9]
    CHECK   "\name", x20, \res
.endm

TEST_BEGIN
    LDA "ldlar x",     0, 0x8877665544332211,   ldlar x5, [x19]
    LDA "ldlar w",     4, 0x88776655,           ldlar w5, [x19]
    LDA "ldlarh",      2, 0x4433,               ldlarh w5, [x19]
    LDA "ldlarb",      3, 0x44,                 ldlarb w5, [x19]
    STL "stllr x",     0, 0xfedcba9876543210,   stllr x5, [x19]
    STL "stllr w",     0, 0x8877665576543210,   stllr w5, [x19]
    STL "stllrh",      6, 0x3210665544332211,   stllrh w5, [x19]
    STL "stllrb",      5, 0x8877105544332211,   stllrb w5, [x19]
    STL "stllr xzr",   0, 0,                    stllr xzr, [x19]
    RESET
    ldr     x5, =0x0102030405060708
    stllr   x5, [x19]
    ldlar   x6, [x19]
    mov     x20, x6
    CHECK   "stllr then ldlar", x20, 0x0102030405060708
TEST_END

    .data
    .balign 8
data:
    .quad   0
