/*
 * movewide.S - MOVZ/MOVN/MOVK with every shift (hw = 0..3 for X, 0..1 for
 * W), the MOV aliases, and the upper-half zeroing of the W forms.
 */
#include "tap_asm.h"

/* x5 = old, then insn; check x5 */
.macro MW name, old, res, insn:vararg
    ldr     x5, =\old
    \insn
    CHECK   "\name", x5, \res
.endm

TEST_BEGIN
    MW  "movz x",             0xffffffffffffffff, 0x1234,             movz x5, #0x1234
    MW  "movz x lsl 16",      0xffffffffffffffff, 0x12340000,         movz x5, #0x1234, lsl #16
    MW  "movz x lsl 32",      0xffffffffffffffff, 0xabcd00000000,     movz x5, #0xabcd, lsl #32
    MW  "movz x lsl 48",      0,                  0xffff000000000000, movz x5, #0xffff, lsl #48
    MW  "movz x 0",           0x5555555555555555, 0,                  movz x5, #0
    MW  "movz x 0 lsl 48",    0x5555555555555555, 0,                  movz x5, #0, lsl #48
    MW  "movz w",             0xffffffffffffffff, 0x8000,             movz w5, #0x8000
    MW  "movz w lsl 16",      0xffffffffffffffff, 0xffff0000,         movz w5, #0xffff, lsl #16
    MW  "movn x 0",           0,                  0xffffffffffffffff, movn x5, #0
    MW  "movn x",             0,                  0xffffffffffffedcb, movn x5, #0x1234
    MW  "movn x lsl 16",      0,                  0xffffffffedcbffff, movn x5, #0x1234, lsl #16
    MW  "movn x lsl 32",      0,                  0xffff0000ffffffff, movn x5, #0xffff, lsl #32
    MW  "movn x lsl 48",      0,                  0x0000ffffffffffff, movn x5, #0xffff, lsl #48
    MW  "movn x 0 lsl 48",    0,                  0xffffffffffffffff, movn x5, #0, lsl #48
    MW  "movn w 0",           0x5555555555555555, 0xffffffff,         movn w5, #0
    MW  "movn w lsl 16",      0x5555555555555555, 0xedcbffff,         movn w5, #0x1234, lsl #16
    MW  "movn w ffff",        0x5555555555555555, 0xffff0000,         movn w5, #0xffff
    MW  "movk x hw0",         0x0123456789abcdef, 0x0123456789abbeef, movk x5, #0xbeef
    MW  "movk x hw1",         0x0123456789abcdef, 0x01234567beefcdef, movk x5, #0xbeef, lsl #16
    MW  "movk x hw2",         0x0123456789abcdef, 0x0123beef89abcdef, movk x5, #0xbeef, lsl #32
    MW  "movk x hw3",         0x0123456789abcdef, 0xbeef456789abcdef, movk x5, #0xbeef, lsl #48
    MW  "movk x 0 hw3",       0xffffffffffffffff, 0x0000ffffffffffff, movk x5, #0, lsl #48
    MW  "movk w hw0",         0x0123456789abcdef, 0x89ab0000,         movk w5, #0x0
    MW  "movk w hw1",         0x0123456789abcdef, 0xbeefcdef,         movk w5, #0xbeef, lsl #16
    MW  "movk w hw0 ffff",    0xffffffff00000000, 0x0000ffff,         movk w5, #0xffff
    /* aliases chosen by the assembler */
    MW  "mov x, -1",         0,                  0xffffffffffffffff, mov x5, #-1
    MW  "mov x, -0x10001",   0,                  0xfffffffffffeffff, mov x5, #-0x10001
    MW  "mov w, -2",         0x5555555555555555, 0xfffffffe,         mov w5, #-2
    MW  "mov x, 0x10000",    0x5555555555555555, 0x10000,            mov x5, #0x10000
    MW  "mov w, 0x7fff0000", 0x5555555555555555, 0x7fff0000,         mov w5, #0x7fff0000

    /* building constants with MOVZ + MOVK */
    movz    x19, #0xbabe
    movk    x19, #0xcafe, lsl #16
    movk    x19, #0xbeef, lsl #32
    movk    x19, #0xdead, lsl #48
    CHECK   "movz/movk x4", x19, 0xdeadbeefcafebabe
    movn    x19, #0x0
    movk    x19, #0x1234, lsl #32
    CHECK   "movn/movk", x19, 0xffff1234ffffffff
    movz    w19, #0x5678
    movk    w19, #0x1234, lsl #16
    CHECK   "movz/movk w", x19, 0x12345678
    /* the move-wide forms do not touch the flags */
    SET_NZCV F_N|F_C
    movz    x5, #0
    movn    x5, #0
    movk    x5, #1
    CHECK_NZCV "move wide keeps flags", F_N|F_C
TEST_END
