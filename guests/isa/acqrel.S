/*
 * acqrel.S - load-acquire / store-release: LDAR/STLR (B, H, W, X) and
 * LDAPR (FEAT_LRCPC: B, H, W, X); LDLAR/STLLR are in lor.S.  Single CPU:
 * check the values moved and that the narrow forms zero-extend and touch
 * only their bytes.
 */
#include "tap_asm.h"
    .arch_extension rcpc

.macro RESET
    ldr     x19, =data
    ldr     x9, =0x8877665544332211
    str     x9, [x19]
.endm

/* reset; insn with x19 = data (+off), x5 = 0xfedcba9876543210;
   check x5 (load) or the quadword (store) */
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
    LDA "ldar x",      0, 0x8877665544332211,   ldar x5, [x19]
    LDA "ldar w",      4, 0x88776655,           ldar w5, [x19]
    LDA "ldarh",       6, 0x8877,               ldarh w5, [x19]
    LDA "ldarb",       7, 0x88,                 ldarb w5, [x19]
    LDA "ldapr x",     0, 0x8877665544332211,   ldapr x5, [x19]
    LDA "ldapr w",     0, 0x44332211,           ldapr w5, [x19]
    LDA "ldaprh",      2, 0x4433,               ldaprh w5, [x19]
    LDA "ldaprb",      5, 0x66,                 ldaprb w5, [x19]
    STL "stlr x",      0, 0xfedcba9876543210,   stlr x5, [x19]
    STL "stlr w",      4, 0x7654321044332211,   stlr w5, [x19]
    STL "stlrh",       2, 0x8877665532102211,   stlrh w5, [x19]
    STL "stlrb",       1, 0x8877665544331011,   stlrb w5, [x19]
    STL "stlr xzr",    0, 0,                    stlr xzr, [x19]

    /* a release store then an acquire load of the same location */
    RESET
    ldr     x5, =0x0102030405060708
    stlr    x5, [x19]
    ldar    x6, [x19]
    mov     x20, x6
    CHECK   "stlr then ldar", x20, 0x0102030405060708
    /* message passing pattern on one CPU: data then flag */
    ldr     x19, =data
    ldr     x21, =flag
    mov     x5, #42
    str     x5, [x19]
    mov     w6, #1
    stlr    w6, [x21]
    ldapr   w7, [x21]
    ldr     x8, [x19]
    mov     x22, x7
    mov     x23, x8
    CHECK   "flag (ldapr)", x22, 1
    CHECK   "data after flag", x23, 42
TEST_END

    .data
    .balign 8
data:
    .quad   0
flag:
    .quad   0
