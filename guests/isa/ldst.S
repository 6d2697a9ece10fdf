/*
 * ldst.S - single-register loads and stores of every size and sign
 * extension: unsigned offset (up to the largest scaled offsets), unscaled
 * LDUR/STUR (-256..255), pre- and post-index with writeback, register
 * offset with LSL/UXTW/SXTW/SXTX, literal LDR/LDRSW, stores of WZR/XZR,
 * SP as the base, LDTR/STTR.  Every address is naturally aligned (the MMU
 * is off, so memory is Device memory).
 *
 * src (little-endian), 32 bytes:
 *   +0  11 22 33 44 55 66 77 88   = 0x8877665544332211
 *   +8  10 32 54 76 98 ba dc fe   = 0xfedcba9876543210
 *   +16 ef cd ab 89 67 45 23 01   = 0x0123456789abcdef
 *   +24 08 19 2a 3b 4c 5d 6e 7f   = 0x7f6e5d4c3b2a1908
 * dst is reset before every store to
 *   0x0706050403020100 0x0f0e0d0c0b0a0908 0x1716151413121110 0x1f1e1d1c1b1a1918
 * and the value stored is x5 = 0x8899aabbccddeeff.
 */
#include "tap_asm.h"

#define V 0x8899aabbccddeeff

/* x19 = src + off, x20 = idx; insn loads x5 */
.macro LD name, off, idx, res, insn:vararg
    ldr     x19, =src + (\off)
    ldr     x20, =\idx
    \insn
    CHECK   "\name", x5, \res
.endm

/* same, and check the written-back base (as an offset from src) */
.macro LDW name, off, idx, res, wb, insn:vararg
    ldr     x19, =src + (\off)
    ldr     x20, =\idx
    \insn
    mov     x21, x19
    CHECK   "\name", x5, \res
    ldr     x22, =src
    sub     x21, x21, x22
    CHECK   "\name writeback", x21, \wb
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

/* reset dst; x19 = dst + off, x20 = idx, x5 = V; insn stores;
   check the quadword at dst + qoff */
.macro ST name, off, idx, qoff, res, insn:vararg
    RESET_DST
    ldr     x19, =dst + (\off)
    ldr     x20, =\idx
    ldr     x5, =V
    \insn
    ldr     x9, =dst + (\qoff)
    ldr     x21, [x9]
    CHECK   "\name", x21, \res
.endm

.macro STW name, off, idx, qoff, res, wb, insn:vararg
    RESET_DST
    ldr     x19, =dst + (\off)
    ldr     x20, =\idx
    ldr     x5, =V
    \insn
    ldr     x9, =dst + (\qoff)
    ldr     x21, [x9]
    mov     x22, x19
    CHECK   "\name", x21, \res
    ldr     x9, =dst
    sub     x22, x22, x9
    CHECK   "\name writeback", x22, \wb
.endm

TEST_BEGIN
    /* ---- unsigned offset ---- */
    LD  "ldrb",                 0, 0, 0x11,                 ldrb w5, [x19]
    LD  "ldrb 15",             0, 0, 0xfe,                 ldrb w5, [x19, #15]
    LD  "ldrsb w 15",          0, 0, 0xfffffffe,           ldrsb w5, [x19, #15]
    LD  "ldrsb x 15",          0, 0, 0xfffffffffffffffe,   ldrsb x5, [x19, #15]
    LD  "ldrsb x positive",     0, 0, 0x7f,                 ldrsb x5, [x19, #31]
    LD  "ldrsb w 16",          0, 0, 0xffffffef,           ldrsb w5, [x19, #16]
    LD  "ldrh 14",             0, 0, 0xfedc,               ldrh w5, [x19, #14]
    LD  "ldrh 2",              0, 0, 0x4433,               ldrh w5, [x19, #2]
    LD  "ldrsh w 14",          0, 0, 0xfffffedc,           ldrsh w5, [x19, #14]
    LD  "ldrsh x 14",          0, 0, 0xfffffffffffffedc,   ldrsh x5, [x19, #14]
    LD  "ldrsh x positive",     0, 0, 0x1908,               ldrsh x5, [x19, #24]
    LD  "ldr w 4",             0, 0, 0x88776655,           ldr w5, [x19, #4]
    LD  "ldr w 12",            0, 0, 0xfedcba98,           ldr w5, [x19, #12]
    LD  "ldrsw 4",             0, 0, 0xffffffff88776655,   ldrsw x5, [x19, #4]
    LD  "ldrsw positive",       0, 0, 0x44332211,           ldrsw x5, [x19]
    LD  "ldr x 8",             0, 0, 0xfedcba9876543210,   ldr x5, [x19, #8]
    LD  "ldr x 24",            0, 0, 0x7f6e5d4c3b2a1908,   ldr x5, [x19, #24]
    LD  "ldr x no offset",      16, 0, 0x0123456789abcdef,  ldr x5, [x19]
    /* the largest scaled offsets (into bigbuf, see the data section) */
    ldr     x19, =bigbuf
    ldrb    w5, [x19, #4095]
    CHECK   "ldrb 4095", x5, 0x5a
    ldr     x19, =bigbuf
    ldrh    w5, [x19, #8190]
    CHECK   "ldrh 8190", x5, 0xa55a
    ldr     x19, =bigbuf
    ldr     w5, [x19, #16380]
    CHECK   "ldr w 16380", x5, 0xdeadbeef
    ldr     x19, =bigbuf
    ldr     x5, [x19, #32760]
    CHECK   "ldr x 32760", x5, 0x0123456789abcdef
    ldr     x19, =bigbuf
    ldrsh   x5, [x19, #8190]
    CHECK   "ldrsh x 8190", x5, 0xffffffffffffa55a
    ldr     x19, =bigbuf
    ldrsw   x5, [x19, #16380]
    CHECK   "ldrsw 16380", x5, 0xffffffffdeadbeef

    /* ---- unscaled (LDUR) ---- */
    LD  "ldur x -8",           16, 0, 0xfedcba9876543210,  ldur x5, [x19, #-8]
    LD  "ldur x 8",            16, 0, 0x7f6e5d4c3b2a1908,  ldur x5, [x19, #8]
    LD  "ldur w -4",           16, 0, 0xfedcba98,          ldur w5, [x19, #-4]
    LD  "ldurb -1",            16, 0, 0xfe,                ldurb w5, [x19, #-1]
    LD  "ldursb x -1",         16, 0, 0xfffffffffffffffe,  ldursb x5, [x19, #-1]
    LD  "ldursb w -16",        16, 0, 0x11,                ldursb w5, [x19, #-16]
    LD  "ldurh -2",            16, 0, 0xfedc,              ldurh w5, [x19, #-2]
    LD  "ldursh w -2",         16, 0, 0xfffffedc,          ldursh w5, [x19, #-2]
    LD  "ldursh x 8",          16, 0, 0x1908,              ldursh x5, [x19, #8]
    LD  "ldursw -12",          16, 0, 0xffffffff88776655,  ldursw x5, [x19, #-12]
    LD  "ldur x -256",         256, 0, 0x8877665544332211, ldur x5, [x19, #-256]
    LD  "ldurb 255",           -224, 0, 0x7f,              ldurb w5, [x19, #255]
    LD  "ldur w odd base",      -3, 0, 0x88776655,          ldur w5, [x19, #7]

    /* ---- pre- and post-index ---- */
    LDW "ldr x pre 8",         0, 0, 0xfedcba9876543210, 8,        ldr x5, [x19, #8]!
    LDW "ldr x post 16",       8, 0, 0xfedcba9876543210, 24,       ldr x5, [x19], #16
    LDW "ldr w pre -4",        8, 0, 0x88776655, 4,                ldr w5, [x19, #-4]!
    LDW "ldrb post -1",        15, 0, 0xfe, 14,                    ldrb w5, [x19], #-1
    LDW "ldrsb x pre 1",       6, 0, 0xffffffffffffff88, 7,        ldrsb x5, [x19, #1]!
    LDW "ldrsb w post 1",      16, 0, 0xffffffef, 17,              ldrsb w5, [x19], #1
    LDW "ldrsh w post 2",      6, 0, 0xffff8877, 8,                ldrsh w5, [x19], #2
    LDW "ldrsh x pre -2",      16, 0, 0xfffffffffffffedc, 14,      ldrsh x5, [x19, #-2]!
    LDW "ldrh pre 2",          0, 0, 0x4433, 2,                    ldrh w5, [x19, #2]!
    LDW "ldrsw pre 4",         8, 0, 0xfffffffffedcba98, 12,       ldrsw x5, [x19, #4]!
    LDW "ldrsw post -4",       16, 0, 0xffffffff89abcdef, 12,      ldrsw x5, [x19], #-4
    LDW "ldr x pre -256",      256, 0, 0x8877665544332211, 0,      ldr x5, [x19, #-256]!
    LDW "ldr x post 255",      0, 0, 0x8877665544332211, 255,      ldr x5, [x19], #255

    /* ---- register offset ---- */
    LD  "ldr x [x, x lsl 3]",   0, 1, 0xfedcba9876543210,           ldr x5, [x19, x20, lsl #3]
    LD  "ldr x [x, x]",         0, 24, 0x7f6e5d4c3b2a1908,          ldr x5, [x19, x20]
    LD  "ldr x [x, w sxtw 3]",  16, 0xffffffff, 0xfedcba9876543210, ldr x5, [x19, w20, sxtw #3]
    LD  "ldr x [x, w uxtw 3]",  0, 0xffffffff00000003, 0x7f6e5d4c3b2a1908, ldr x5, [x19, w20, uxtw #3]
    LD  "ldr x [x, x sxtx]",    16, -16, 0x8877665544332211,        ldr x5, [x19, x20, sxtx]
    LD  "ldr x [x, x sxtx 3]",  16, -1, 0xfedcba9876543210,         ldr x5, [x19, x20, sxtx #3]
    LD  "ldr w [x, x lsl 2]",   0, 3, 0xfedcba98,                   ldr w5, [x19, x20, lsl #2]
    LD  "ldr w [x, w uxtw]",    0, 0x100000004, 0x88776655,         ldr w5, [x19, w20, uxtw]
    LD  "ldr w [x, w sxtw 2]",  16, 0xfffffffd, 0x88776655,         ldr w5, [x19, w20, sxtw #2]
    LD  "ldrb [x, x]",          0, 15, 0xfe,                        ldrb w5, [x19, x20]
    LD  "ldrb [x, x lsl 0]",    0, 31, 0x7f,                        ldrb w5, [x19, x20, lsl #0]
    LD  "ldrb [x, w sxtw]",     16, 0xffffffff, 0xfe,               ldrb w5, [x19, w20, sxtw]
    LD  "ldrsb w [x, w uxtw]",  0, 7, 0xffffff88,                   ldrsb w5, [x19, w20, uxtw]
    LD  "ldrsb x [x, x sxtx]",  16, -9, 0xffffffffffffff88,         ldrsb x5, [x19, x20, sxtx]
    LD  "ldrh [x, x lsl 1]",    0, 7, 0xfedc,                       ldrh w5, [x19, x20, lsl #1]
    LD  "ldrsh x [x, w sxtw 1]", 16, 0xffffffff, 0xfffffffffffffedc, ldrsh x5, [x19, w20, sxtw #1]
    LD  "ldrsh w [x, x]",       0, 24, 0x1908,                      ldrsh w5, [x19, x20]
    LD  "ldrsw [x, x lsl 2]",   0, 1, 0xffffffff88776655,           ldrsw x5, [x19, x20, lsl #2]
    LD  "ldrsw [x, w uxtw 2]",  0, 0xffffffff00000004, 0xffffffff89abcdef, ldrsw x5, [x19, w20, uxtw #2]

    /* ---- literal ---- */
    ldr     x5, .Llit_x
    CHECK   "ldr x literal", x5, 0xcafef00dd15ea5e5
    ldr     w5, .Llit_w
    CHECK   "ldr w literal", x5, 0x80000001
    ldrsw   x5, .Llit_w
    CHECK   "ldrsw literal", x5, 0xffffffff80000001
    ldrsw   x5, .Llit_w2
    CHECK   "ldrsw literal positive", x5, 0x7ffffffe
    ldr     x5, .Llit_back
    CHECK   "ldr x literal backward", x5, 0x1122334455667788
    b       1f
    .balign 8
.Llit_x:
    .quad   0xcafef00dd15ea5e5
.Llit_w:
    .word   0x80000001
.Llit_w2:
    .word   0x7ffffffe
1:
    /* ---- LDTR (unprivileged; the MMU is off, so it is an ordinary load) ---- */
    LD  "ldtr x",               0, 0, 0xfedcba9876543210,   ldtr x5, [x19, #8]
    LD  "ldtrsb x",             0, 0, 0xffffffffffffff88,   ldtrsb x5, [x19, #7]
    LD  "ldtrh",                16, 0, 0x0123,              ldtrh w5, [x19, #6]
    LD  "ldtrsw",               0, 0, 0xffffffff88776655,   ldtrsw x5, [x19, #4]

    /* ---- stores: unsigned offset ---- */
    ST  "strb 3",              0, 0, 0, 0x07060504ff020100,        strb w5, [x19, #3]
    ST  "strb 3 neighbour",    0, 0, 8, 0x0f0e0d0c0b0a0908,        strb w5, [x19, #3]
    ST  "strb",                 8, 0, 8, 0x0f0e0d0c0b0a09ff,        strb w5, [x19]
    ST  "strh 6",              0, 0, 0, 0xeeff050403020100,        strh w5, [x19, #6]
    ST  "str w 4",             0, 0, 0, 0xccddeeff03020100,        str w5, [x19, #4]
    ST  "str w 4 neighbour",   0, 0, 8, 0x0f0e0d0c0b0a0908,        str w5, [x19, #4]
    ST  "str x 8",             0, 0, 8, V,                         str x5, [x19, #8]
    ST  "str x 8 neighbour",   0, 0, 16, 0x1716151413121110,       str x5, [x19, #8]
    ST  "str xzr",              0, 0, 8, 0,                         str xzr, [x19, #8]
    ST  "strb wzr",             0, 0, 0, 0x0706050403020000,        strb wzr, [x19, #1]
    ST  "strh wzr",             0, 0, 24, 0x00001d1c1b1a1918,       strh wzr, [x19, #30]
    /* unscaled */
    ST  "stur x -8",           16, 0, 8, V,                        stur x5, [x19, #-8]
    ST  "stur w -4",           8, 0, 0, 0xccddeeff03020100,        stur w5, [x19, #-4]
    ST  "sturh -2",            8, 0, 0, 0xeeff050403020100,        sturh w5, [x19, #-2]
    ST  "sturb -1",            8, 0, 0, 0xff06050403020100,        sturb w5, [x19, #-1]
    ST  "sturb 255",           -224, 0, 24, 0xff1e1d1c1b1a1918,    sturb w5, [x19, #255]
    ST  "stur x -256",         256, 0, 0, V,                       stur x5, [x19, #-256]
    /* pre- and post-index */
    STW "strb post 1",         0, 0, 0, 0x07060504030201ff, 1,     strb w5, [x19], #1
    STW "strh pre 2",          0, 0, 0, 0x07060504eeff0100, 2,     strh w5, [x19, #2]!
    STW "str w pre -4",        16, 0, 8, 0xccddeeff0b0a0908, 12,   str w5, [x19, #-4]!
    STW "str x post -8",       24, 0, 24, V, 16,                   str x5, [x19], #-8
    STW "str x pre -8",        16, 0, 8, V, 8,                     str x5, [x19, #-8]!
    STW "strh post -2",        30, 0, 24, 0xeeff1d1c1b1a1918, 28,  strh w5, [x19], #-2
    STW "str w post 255",      0, 0, 0, 0x07060504ccddeeff, 255,   str w5, [x19], #255
    /* register offset */
    ST  "str x [x, x lsl 3]",   0, 2, 16, V,                        str x5, [x19, x20, lsl #3]
    ST  "str w [x, w sxtw 2]",  16, 0xffffffff, 8, 0xccddeeff0b0a0908, str w5, [x19, w20, sxtw #2]
    ST  "strh [x, x lsl 1]",    0, 3, 0, 0xeeff050403020100,        strh w5, [x19, x20, lsl #1]
    ST  "strb [x, x]",          0, 5, 0, 0x0706ff0403020100,        strb w5, [x19, x20]
    ST  "strb [x, w uxtw]",     0, 0xffffffff00000009, 8, 0x0f0e0d0c0b0aff08, strb w5, [x19, w20, uxtw]
    ST  "str x [x, w uxtw 3]",  0, 0xffffffff00000003, 24, V,       str x5, [x19, w20, uxtw #3]
    ST  "str x [x, x sxtx]",    16, -16, 0, V,                      str x5, [x19, x20, sxtx]
    ST  "strh [x, w sxtw 1]",   8, 0xffffffff, 0, 0xeeff050403020100, strh w5, [x19, w20, sxtw #1]
    /* STTR */
    ST  "sttrh",                0, 0, 0, 0x07060504eeff0100,        sttrh w5, [x19, #2]
    ST  "sttr x",               0, 0, 16, V,                        sttr x5, [x19, #16]

    /* store then load back through a different size */
    RESET_DST
    ldr     x19, =dst
    ldr     x3, =0x8081828384858687
    str     x3, [x19, #8]
    ldrsb   x5, [x19, #8]
    ldrsh   x6, [x19, #10]
    ldrsw   x7, [x19, #12]
    mov     x20, x6
    mov     x21, x7
    CHECK   "str x; ldrsb", x5, 0xffffffffffffff87
    CHECK   "str x; ldrsh", x20, 0xffffffffffff8485
    CHECK   "str x; ldrsw", x21, 0xffffffff80818283

    /* SP as the base, with writeback (push/pop) */
    mov     x20, sp
    ldr     x3, =0x5555aaaa5555aaaa
    str     x3, [sp, #-16]!
    ldr     x5, [sp]
    ldr     x6, [sp, #0]
    ldr     x7, [sp], #16
    mov     x21, sp
    sub     x21, x21, x20
    mov     x22, x5
    mov     x23, x6
    mov     x24, x7
    CHECK   "str [sp, -16]!; ldr [sp]", x22, 0x5555aaaa5555aaaa
    CHECK   "ldr [sp, 0]", x23, 0x5555aaaa5555aaaa
    CHECK   "ldr [sp], 16", x24, 0x5555aaaa5555aaaa
    CHECK   "sp restored after push/pop", x21, 0
TEST_END

    .section .rodata
    .balign 8
.Llit_back:
    .quad   0x1122334455667788

    .data
    .balign 16
src:
    .quad   0x8877665544332211, 0xfedcba9876543210
    .quad   0x0123456789abcdef, 0x7f6e5d4c3b2a1908
    .balign 16
dst:
    .skip   32
    .balign 16
bigbuf:
    .org    bigbuf + 4095
    .byte   0x5a
    .org    bigbuf + 8190
    .hword  0xa55a
    .org    bigbuf + 16380
    .word   0xdeadbeef
    .org    bigbuf + 32760
    .quad   0x0123456789abcdef
