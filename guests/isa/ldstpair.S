/*
 * ldstpair.S - LDP/STP (W and X), LDPSW, LDNP/STNP: signed offset (down to
 * -512 and up to +504 for X, -256..+252 for W), pre-index and post-index
 * with writeback, XZR pairs, and SP-based push/pop.
 *
 * src: 0x8877665544332211 0xfedcba9876543210 0x0123456789abcdef 0x7f6e5d4c3b2a1908
 * dst is reset before every store to
 *   0x0706050403020100 0x0f0e0d0c0b0a0908 0x1716151413121110 0x1f1e1d1c1b1a1918
 * and the pair stored is x5 = 0x8899aabbccddeeff, x6 = 0x1122334455667788.
 */
#include "tap_asm.h"

#define Q0 0x8877665544332211
#define Q1 0xfedcba9876543210
#define Q2 0x0123456789abcdef
#define Q3 0x7f6e5d4c3b2a1908
#define V  0x8899aabbccddeeff
#define W  0x1122334455667788

/* x19 = src + off; insn loads x5, x6 */
.macro LDP2 name, off, r1, r2, insn:vararg
    ldr     x19, =src + (\off)
    \insn
    mov     x21, x6
    CHECK   "\name first", x5, \r1
    CHECK   "\name second", x21, \r2
.endm

.macro LDP2W name, off, r1, r2, wb, insn:vararg
    ldr     x19, =src + (\off)
    \insn
    mov     x21, x6
    mov     x22, x19
    CHECK   "\name first", x5, \r1
    CHECK   "\name second", x21, \r2
    ldr     x9, =src
    sub     x22, x22, x9
    CHECK   "\name writeback", x22, \wb
.endm

.macro RESET_DST
    ldr     x9, =dst
    ldr     x10, =0x0706050403020100
    ldr     x11, =0x0f0e0d0c0b0a0908
    ldr     x12, =0x1716151413121110
    ldr     x13, =0x1f1e1d1c1b1a1918
    stp     x10, x11, [x9]
    stp     x12, x13, [x9, #16]
.endm

/* reset dst; x19 = dst + off; x5 = V, x6 = W; insn; check the
   quadwords at dst + q1 and dst + q2 */
.macro STP2 name, off, q1, r1, q2, r2, insn:vararg
    RESET_DST
    ldr     x19, =dst + (\off)
    ldr     x5, =V
    ldr     x6, =W
    \insn
    ldr     x9, =dst
    ldr     x21, [x9, #\q1]
    ldr     x22, [x9, #\q2]
    CHECK   "\name", x21, \r1
    CHECK   "\name (2)", x22, \r2
.endm

.macro STP2W name, off, q1, r1, q2, r2, wb, insn:vararg
    RESET_DST
    ldr     x19, =dst + (\off)
    ldr     x5, =V
    ldr     x6, =W
    \insn
    ldr     x9, =dst
    ldr     x21, [x9, #\q1]
    ldr     x22, [x9, #\q2]
    sub     x23, x19, x9
    CHECK   "\name", x21, \r1
    CHECK   "\name (2)", x22, \r2
    CHECK   "\name writeback", x23, \wb
.endm

TEST_BEGIN
    /* ---- LDP X ---- */
    LDP2  "ldp x",              0, Q0, Q1,                      ldp x5, x6, [x19]
    LDP2  "ldp x 16",          0, Q2, Q3,                      ldp x5, x6, [x19, #16]
    LDP2  "ldp x -16",         32, Q2, Q3,                     ldp x5, x6, [x19, #-16]
    LDP2  "ldp x -512",        512, Q0, Q1,                    ldp x5, x6, [x19, #-512]
    LDP2  "ldp x 504",         -504, Q0, Q1,                   ldp x5, x6, [x19, #504]
    LDP2W "ldp x pre 16",      0, Q2, Q3, 16,                  ldp x5, x6, [x19, #16]!
    LDP2W "ldp x post -16",    16, Q2, Q3, 0,                  ldp x5, x6, [x19], #-16
    LDP2W "ldp x pre -512",    512, Q0, Q1, 0,                 ldp x5, x6, [x19, #-512]!
    LDP2W "ldp x post 504",    8, Q1, Q2, 512,                 ldp x5, x6, [x19], #504
    /* ---- LDP W ---- */
    LDP2  "ldp w 8",           0, 0x76543210, 0xfedcba98,      ldp w5, w6, [x19, #8]
    LDP2  "ldp w -256",        256, 0x44332211, 0x88776655,    ldp w5, w6, [x19, #-256]
    LDP2  "ldp w 252",         -248, 0x88776655, 0x76543210,   ldp w5, w6, [x19, #252]
    LDP2W "ldp w pre -8",      24, 0x89abcdef, 0x01234567, 16, ldp w5, w6, [x19, #-8]!
    LDP2W "ldp w post 4",      0, 0x44332211, 0x88776655, 4,   ldp w5, w6, [x19], #4
    /* ---- LDPSW ---- */
    LDP2  "ldpsw",              0, 0x44332211, 0xffffffff88776655, ldpsw x5, x6, [x19]
    LDP2  "ldpsw 8",           0, 0x76543210, 0xfffffffffedcba98, ldpsw x5, x6, [x19, #8]
    LDP2  "ldpsw -4",          8, 0xffffffff88776655, 0x76543210, ldpsw x5, x6, [x19, #-4]
    LDP2W "ldpsw pre 16",      0, 0xffffffff89abcdef, 0x01234567, 16, ldpsw x5, x6, [x19, #16]!
    LDP2W "ldpsw post 8",      24, 0x3b2a1908, 0x7f6e5d4c, 32, ldpsw x5, x6, [x19], #8
    /* ---- LDNP ---- */
    LDP2  "ldnp x",             16, Q2, Q3,                     ldnp x5, x6, [x19]
    LDP2  "ldnp x -16",        24, Q1, Q2,                     ldnp x5, x6, [x19, #-16]
    LDP2  "ldnp w -4",         8, 0x88776655, 0x76543210,      ldnp w5, w6, [x19, #-4]

    /* ---- STP X ---- */
    STP2  "stp x",              0, 0, V, 8, W,                  stp x5, x6, [x19]
    STP2  "stp x neighbours",   0, 16, 0x1716151413121110, 24, 0x1f1e1d1c1b1a1918, stp x5, x6, [x19]
    STP2  "stp x 8",           0, 8, V, 16, W,                 stp x5, x6, [x19, #8]
    STP2  "stp x -512",        512, 0, V, 8, W,                stp x5, x6, [x19, #-512]
    STP2  "stp x 504",         -496, 8, V, 16, W,              stp x5, x6, [x19, #504]
    STP2W "stp x pre 16",      0, 16, V, 24, W, 16,            stp x5, x6, [x19, #16]!
    STP2W "stp x post -16",    16, 16, V, 24, W, 0,            stp x5, x6, [x19], #-16
    STP2  "stp xzr, xzr",       0, 8, 0, 16, 0,                 stp xzr, xzr, [x19, #8]
    STP2  "stp x, xzr",         0, 0, V, 8, 0,                  stp x5, xzr, [x19]
    /* ---- STP W ---- */
    STP2  "stp w 4",           0, 0, 0xccddeeff03020100, 8, 0x0f0e0d0c55667788, stp w5, w6, [x19, #4]
    STP2W "stp w pre -8",      16, 8, 0x55667788ccddeeff, 16, 0x1716151413121110, 8, stp w5, w6, [x19, #-8]!
    STP2W "stp w post 8",      24, 24, 0x55667788ccddeeff, 16, 0x1716151413121110, 32, stp w5, w6, [x19], #8
    STP2  "stp w -256",        256, 0, 0x55667788ccddeeff, 8, 0x0f0e0d0c0b0a0908, stp w5, w6, [x19, #-256]
    STP2  "stp wzr, w",         0, 16, 0x5566778800000000, 24, 0x1f1e1d1c1b1a1918, stp wzr, w6, [x19, #16]
    /* ---- STNP ---- */
    STP2  "stnp x",             0, 16, V, 24, W,                stnp x5, x6, [x19, #16]
    STP2  "stnp w",             0, 0, 0x55667788ccddeeff, 8, 0x0f0e0d0c0b0a0908, stnp w5, w6, [x19]

    /* ---- SP-based push and pop ---- */
    mov     x20, sp
    ldr     x3, =0x1111222233334444
    ldr     x4, =0x5555666677778888
    stp     x3, x4, [sp, #-32]!
    stp     x4, x3, [sp, #16]
    ldp     x5, x6, [sp, #16]
    ldp     x7, x8, [sp], #32
    mov     x21, sp
    sub     x21, x21, x20
    mov     x22, x5
    mov     x23, x6
    mov     x24, x7
    mov     x25, x8
    CHECK   "stp/ldp [sp, 16] first", x22, 0x5555666677778888
    CHECK   "stp/ldp [sp, 16] second", x23, 0x1111222233334444
    CHECK   "ldp [sp], 32 first", x24, 0x1111222233334444
    CHECK   "ldp [sp], 32 second", x25, 0x5555666677778888
    CHECK   "sp restored after pair push/pop", x21, 0
TEST_END

    .data
    .balign 16
src:
    .quad   Q0, Q1, Q2, Q3
    .balign 16
dst:
    .skip   32
