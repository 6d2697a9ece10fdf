/*
 * addsub.S - ADD/SUB/ADDS/SUBS/CMP/CMN/NEG/NEGS: immediate (with LSL #12),
 * shifted register, extended register (including the SP forms), and the
 * NZCV results of the flag-setting forms at the 32- and 64-bit edges.
 */
#include "tap_asm.h"

/* x3 = a, x4 = b, insn computes x5; check x5 */
.macro OP name, a, b, res, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    \insn
    CHECK   "\name", x5, \res
.endm

/* same, and check the flags the instruction set */
.macro OPF name, a, b, res, nzcv, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    \insn
    mrs     x19, nzcv
    CHECK   "\name", x5, \res
    CHECK_FLAGS "\name nzcv", x19, \nzcv
.endm

/* flags only (CMP/CMN): x3 = a, x4 = b */
.macro FLG name, a, b, nzcv, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    \insn
    CHECK_NZCV "\name", \nzcv
.endm

/* SP = spv and x4 = a during insn, which writes SP: check the new SP */
.macro OPSPW name, spv, a, res, insn:vararg
    mov     x20, sp
    ldr     x3, =\spv
    ldr     x4, =\a
    mov     sp, x3
    \insn
    mov     x5, sp
    mov     sp, x20
    CHECK   "\name", x5, \res
.endm

/* with SP = sp_val during insn (SP restored before the check) */
.macro OPSP name, spv, a, res, insn:vararg
    mov     x20, sp
    ldr     x3, =\spv
    ldr     x4, =\a
    mov     sp, x3
    \insn
    mov     sp, x20
    CHECK   "\name", x5, \res
.endm

TEST_BEGIN
    /* ---- ADD/SUB (immediate) ---- */
    OP  "add x imm12",           0x1000, 0, 0x1fff,              add x5, x3, #0xfff
    OP  "add x imm lsl12",       0x10, 0, 0x1010,                add x5, x3, #1, lsl #12
    OP  "add x imm 0xabc lsl12", 0, 0, 0xabc000,                 add x5, x3, #0xabc, lsl #12
    OP  "add x imm wraps",       0xffffffffffffffff, 0, 1,       add x5, x3, #2
    OP  "add w imm wraps to 0",  0xffffffffffffffff, 0, 0,       add w5, w3, #1
    OP  "add w imm ignores hi",  0x12345678fffffff8, 0, 8,       add w5, w3, #0x10
    OP  "add w imm lsl12",       0xfffff000, 0, 0x000ff000,      add w5, w3, #0x100, lsl #12
    OP  "sub x imm underflow",   0, 0, 0xffffffffffffffff,       sub x5, x3, #1
    OP  "sub w imm underflow",   0, 0, 0xffffffff,               sub w5, w3, #1
    OP  "sub x imm lsl12",       0x200000, 0, 0xdd000,           sub x5, x3, #0x123, lsl #12
    OP  "sub w imm",             0xffffffff00000100, 0, 0xff,    sub w5, w3, #1
    OP  "add x imm to xzr-less", 7, 0, 7,                        add x5, x3, #0
    /* SP as source and destination */
    OPSP "add x, sp, imm",       0x40001000, 0, 0x40001020,      add x5, sp, #0x20
    OPSP "sub x, sp, imm lsl12", 0x40010000, 0, 0x40000000,      sub x5, sp, #0x10, lsl #12
    OPSP "mov x, sp",            0x40002340, 0, 0x40002340,      mov x5, sp
    OPSPW "add sp, sp, imm",      0x1000, 0, 0x1030,              add sp, sp, #0x30
    OPSPW "sub sp, sp, imm",      0x1000, 0, 0xff0,               sub sp, sp, #0x10
    OPSPW "mov sp, x",            0x1000, 0x4000abc0, 0x4000abc0, mov sp, x4
    OPSPW "add wsp, w, imm",      0x1000, 0xffffffff00001234, 0x1238, add wsp, w4, #4
    OPSP "add w, wsp, imm",      0x1234567800000010, 0, 0x18,    add w5, wsp, #8

    /* ---- ADD/SUB (shifted register) ---- */
    OP  "add x lsl 4",           1, 0x10, 0x101,                 add x5, x3, x4, lsl #4
    OP  "add x lsl 63",          1, 3, 0x8000000000000001,       add x5, x3, x4, lsl #63
    OP  "add x lsr 63",          1, 0x8000000000000000, 2,       add x5, x3, x4, lsr #63
    OP  "add x asr 60",          0x10, 0x8000000000000000, 8,    add x5, x3, x4, asr #60
    OP  "add x asr 63 of +",     5, 0x7fffffffffffffff, 5,       add x5, x3, x4, asr #63
    OP  "add w lsl 31",          1, 1, 0x80000001,               add w5, w3, w4, lsl #31
    OP  "add w asr 31",          2, 0x80000000, 1,               add w5, w3, w4, asr #31
    OP  "add w lsr 31",          2, 0xffffffff80000000, 3,       add w5, w3, w4, lsr #31
    OP  "sub x lsl 1",           10, 3, 4,                       sub x5, x3, x4, lsl #1
    OP  "sub w lsr 4",           0x100, 0x1000, 0,               sub w5, w3, w4, lsr #4
    OP  "sub x asr 1",           0, 0xfffffffffffffffc, 2,       sub x5, x3, x4, asr #1
    OP  "sub w asr 8",           0, 0x80000000, 0x00800000,      sub w5, w3, w4, asr #8
    OP  "neg x",                 0, 1, 0xffffffffffffffff,       neg x5, x4
    OP  "neg w lsl 2",           0, 1, 0xfffffffc,               neg w5, w4, lsl #2
    OP  "neg x of INT64_MIN",    0, 0x8000000000000000, 0x8000000000000000, neg x5, x4
    OP  "add x, xzr (reg 31)",   0, 9, 9,                        add x5, xzr, x4
    OPF "negs x INT64_MIN",      0, 0x8000000000000000, 0x8000000000000000, F_N|F_V, negs x5, x4
    OPF "negs x 0",              0, 0, 0, F_Z|F_C,               negs x5, x4
    OPF "negs x 1",              0, 1, 0xffffffffffffffff, F_N,  negs x5, x4
    OPF "negs w INT32_MIN",      0, 0x80000000, 0x80000000, F_N|F_V, negs w5, w4

    /* ---- ADD/SUB (extended register) ---- */
    OP  "add x, w uxtb",         1, 0x1ff, 0x100,                add x5, x3, w4, uxtb
    OP  "add x, w sxtb",         0x100, 0x80, 0x80,              add x5, x3, w4, sxtb
    OP  "add x, w sxtb pos",     0x100, 0x17f, 0x17f,            add x5, x3, w4, sxtb
    OP  "add x, w uxth 2",      0, 0x12345, 0x8d14,             add x5, x3, w4, uxth #2
    OP  "add x, w sxth 1",      10, 0xffff, 8,                  add x5, x3, w4, sxth #1
    OP  "add x, w uxtw",         1, 0xffffffffffffffff, 0x100000000, add x5, x3, w4, uxtw
    OP  "add x, w sxtw",         1, 0x00000000ffffffff, 0,       add x5, x3, w4, sxtw
    OP  "add x, w sxtw 4",      0, 0x80000000, 0xfffffff800000000, add x5, x3, w4, sxtw #4
    OP  "add x, x uxtx 3",      1, 2, 17,                       add x5, x3, x4, uxtx #3
    OP  "add x, x sxtx 4",      0x100, 0xffffffffffffffff, 0xf0, add x5, x3, x4, sxtx #4
    OP  "add w, w uxtb 4",      0x80000000, 0xabcd, 0x80000cd0, add w5, w3, w4, uxtb #4
    OP  "add w, w sxth",         0x8000, 0x8000, 0,              add w5, w3, w4, sxth
    OP  "add w, w sxtb 1",      0, 0xff, 0xfffffffe,            add w5, w3, w4, sxtb #1
    OP  "add w, w uxtw",         0x10, 0xfffffff0, 0,            add w5, w3, w4, uxtw
    OP  "sub x, w sxtw 2",      0, 0xfffffffe, 8,               sub x5, x3, w4, sxtw #2
    OP  "sub x, w uxtb",         0x100, 0xfffffffffffffff0, 0x10, sub x5, x3, w4, uxtb
    OP  "sub w, w uxth 3",      0x80000, 0x10000, 0x80000,      sub w5, w3, w4, uxth #3
    OPSP "sub x, sp, x",         0x1000, 0x10, 0xff0,            sub x5, sp, x4
    OPSP "add x, sp, w uxtw 1", 0x2000, 0xffffffff00000010, 0x2020, add x5, sp, w4, uxtw #1
    OPSP "add x, sp, w sxtw",    0x2000, 0xfffffff0, 0x1ff0,     add x5, sp, w4, sxtw
    OPSPW "add sp, sp, x lsl 2",  0x1000, 4, 0x1010,              add sp, sp, x4, lsl #2
    OPSPW "sub sp, sp, w sxtb",   0x1000, 0x80, 0x1080,           sub sp, sp, w4, sxtb
    OPSPW "add sp, x, w uxtw",    0x1000, 0x40000000, 0x40001000, add sp, x4, w3, uxtw
    OPSP "add x, sp, xzr ext",   0x3000, 0, 0x3000,              add x5, sp, xzr

    /* ---- ADDS/SUBS/CMP/CMN: flags, 64-bit ---- */
    OPF "adds x 1+2",            1, 2, 3, 0,                                 adds x5, x3, x4
    OPF "adds x max+1 (V)",      0x7fffffffffffffff, 1, 0x8000000000000000, F_N|F_V, adds x5, x3, x4
    OPF "adds x -1+1 (ZC)",      0xffffffffffffffff, 1, 0, F_Z|F_C,          adds x5, x3, x4
    OPF "adds x min+min (ZCV)",  0x8000000000000000, 0x8000000000000000, 0, F_Z|F_C|F_V, adds x5, x3, x4
    OPF "adds x -1+-1 (NC)",     0xffffffffffffffff, 0xffffffffffffffff, 0xfffffffffffffffe, F_N|F_C, adds x5, x3, x4
    OPF "adds x 0+0 (Z)",        0, 0, 0, F_Z,                               adds x5, x3, x4
    OPF "adds x 32-bit carry",   0xffffffff, 1, 0x100000000, 0,              adds x5, x3, x4
    OPF "adds x imm",            0xfffffffffffff000, 0, 0, F_Z|F_C,          adds x5, x3, #1, lsl #12
    OPF "subs x 5-3",            5, 3, 2, F_C,                               subs x5, x3, x4
    OPF "subs x 3-5",            3, 5, 0xfffffffffffffffe, F_N,              subs x5, x3, x4
    OPF "subs x 5-5",            5, 5, 0, F_Z|F_C,                           subs x5, x3, x4
    OPF "subs x min-1 (V)",      0x8000000000000000, 1, 0x7fffffffffffffff, F_C|F_V, subs x5, x3, x4
    OPF "subs x max-(-1) (V)",   0x7fffffffffffffff, 0xffffffffffffffff, 0x8000000000000000, F_N|F_V, subs x5, x3, x4
    OPF "subs x 0-0",            0, 0, 0, F_Z|F_C,                           subs x5, x3, x4
    OPF "subs x 0-1",            0, 1, 0xffffffffffffffff, F_N,              subs x5, x3, x4
    OPF "subs x -1-(-1)",        0xffffffffffffffff, 0xffffffffffffffff, 0, F_Z|F_C, subs x5, x3, x4
    OPF "subs x imm",            0x10, 0, 0xf, F_C,                          subs x5, x3, #1
    OPF "subs x lsl",            0x100, 0x10, 0, F_Z|F_C,                    subs x5, x3, x4, lsl #4
    OPF "adds x asr",            1, 0x8000000000000000, 0xc000000000000001, F_N, adds x5, x3, x4, asr #1
    OPF "subs x uxtw ext",       0x100000000, 0xffffffff00000001, 0xffffffff, F_C, subs x5, x3, w4, uxtw
    OPF "adds x sxtb ext",       1, 0xff, 0, F_Z|F_C,                        adds x5, x3, w4, sxtb
    FLG "cmp x eq",              0x1234, 0x1234, F_Z|F_C,                    cmp x3, x4
    FLG "cmp x lo",              1, 2, F_N,                                  cmp x3, x4
    FLG "cmp x hi",              2, 1, F_C,                                  cmp x3, x4
    FLG "cmp x unsigned big",    0xffffffffffffffff, 1, F_N|F_C,             cmp x3, x4
    FLG "cmp x imm lsl12",       0x1000, 0, F_Z|F_C,                         cmp x3, #1, lsl #12
    FLG "cmn x -1,1",            0xffffffffffffffff, 1, F_Z|F_C,             cmn x3, x4
    FLG "cmn x imm",             0xffffffffffffffff, 0, F_Z|F_C,             cmn x3, #1
    FLG "cmn x max,1",           0x7fffffffffffffff, 1, F_N|F_V,             cmn x3, x4
    FLG "cmp x, 0 with 0",      0, 0, F_Z|F_C,                              cmp x3, #0

    /* ---- ADDS/SUBS/CMP/CMN: flags, 32-bit ---- */
    OPF "adds w max+1 (V)",      0x7fffffff, 1, 0x80000000, F_N|F_V,         adds w5, w3, w4
    OPF "adds w -1+1 (ZC)",      0x12345678ffffffff, 1, 0, F_Z|F_C,          adds w5, w3, w4
    OPF "adds w min+min (ZCV)",  0x80000000, 0x80000000, 0, F_Z|F_C|F_V,     adds w5, w3, w4
    OPF "adds w -1+-1",          0xffffffff, 0xffffffff, 0xfffffffe, F_N|F_C, adds w5, w3, w4
    OPF "adds w imm",            0x7ffff000, 0, 0x80000000, F_N|F_V,         adds w5, w3, #1, lsl #12
    OPF "subs w min-1 (CV)",     0x80000000, 1, 0x7fffffff, F_C|F_V,         subs w5, w3, w4
    OPF "subs w 1-2",            1, 2, 0xffffffff, F_N,                      subs w5, w3, w4
    OPF "subs w 0-min (NV)",     0, 0x80000000, 0x80000000, F_N|F_V,         subs w5, w3, w4
    OPF "subs w ignores hi",     0xffffffff00000005, 0x0000000100000005, 0, F_Z|F_C, subs w5, w3, w4
    OPF "subs w imm",            0, 0, 0xffffffff, F_N,                      subs w5, w3, #1
    OPF "subs w lsr",            0x1, 0x80000000, 0, F_Z|F_C,                subs w5, w3, w4, lsr #31
    OPF "adds w uxth ext",       0xffff0001, 0xffff, 0, F_Z|F_C,             adds w5, w3, w4, uxth
    FLG "cmp w eq ignores hi",   0x100000000, 0, F_Z|F_C,                    cmp w3, #0
    FLG "cmp w signed lt",       0xfffffffe, 1, F_N|F_C,                     cmp w3, w4
    FLG "cmn w -1,1",            0xffffffff, 1, F_Z|F_C,                     cmn w3, w4
    FLG "cmn w imm",             0x7fffffff, 0, F_N|F_V,                     cmn w3, #1
    FLG "cmp w sxtb ext",        0xffffffff, 0xff, F_Z|F_C,                  cmp w3, w4, sxtb

    /* SP forms of the flag-setting instructions */
    mov     x20, sp
    ldr     x3, =0x1000
    mov     sp, x3
    cmp     sp, #0x1000
    mrs     x19, nzcv
    adds    x5, sp, #0x10
    mrs     x21, nzcv
    mov     x22, x5
    ldr     x4, =0x2000
    cmp     sp, x4
    mrs     x23, nzcv
    mov     sp, x20
    CHECK_FLAGS "cmp sp, imm", x19, F_Z|F_C
    CHECK_FLAGS "adds x, sp, imm flags", x21, 0
    CHECK   "adds x, sp, imm", x22, 0x1010
    CHECK_FLAGS "cmp sp, x", x23, F_N

    /* ADD/SUB without S leave the flags alone */
    SET_NZCV F_N|F_Z|F_C|F_V
    mov     x3, #0
    add     x5, x3, #0
    sub     x5, x3, #1
    add     w5, w3, w3
    neg     x5, x3
    CHECK_NZCV "add/sub keep flags NZCV", F_N|F_Z|F_C|F_V
    SET_NZCV 0
    ldr     x3, =0xffffffffffffffff
    add     x5, x3, #1
    CHECK_NZCV "add keeps flags clear", 0
TEST_END
