/*
 * div.S - UDIV/SDIV: rounding toward zero for every sign combination, division
 * by zero (result 0, no exception), INT_MIN / -1 (result INT_MIN), 32 and 64 bits.
 */
#include "tap_asm.h"

/* x3 = a, x4 = b, insn computes x5; check x5 */
.macro OP name, a, b, res, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    \insn
    CHECK   "\name", x5, \res
.endm

/* x3 = a, x4 = b, x6 = c, insn computes x5; check x5 */
.macro OP3 name, a, b, c, res, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    ldr     x6, =\c
    \insn
    CHECK   "\name", x5, \res
.endm

TEST_BEGIN
    OP  "udiv x 0x64/0x7", 0x64, 0x7, 0xe, udiv x5, x3, x4
    OP  "sdiv x 0x64/0x7", 0x64, 0x7, 0xe, sdiv x5, x3, x4
    OP  "udiv w 0x64/0x7", 0x64, 0x7, 0xe, udiv w5, w3, w4
    OP  "sdiv w 0x64/0x7", 0x64, 0x7, 0xe, sdiv w5, w3, w4
    OP  "udiv x 0x7/0x64", 0x7, 0x64, 0x0, udiv x5, x3, x4
    OP  "sdiv x 0x7/0x64", 0x7, 0x64, 0x0, sdiv x5, x3, x4
    OP  "udiv w 0x7/0x64", 0x7, 0x64, 0x0, udiv w5, w3, w4
    OP  "sdiv w 0x7/0x64", 0x7, 0x64, 0x0, sdiv w5, w3, w4
    OP  "udiv x 0x0/0x5", 0x0, 0x5, 0x0, udiv x5, x3, x4
    OP  "sdiv x 0x0/0x5", 0x0, 0x5, 0x0, sdiv x5, x3, x4
    OP  "udiv w 0x0/0x5", 0x0, 0x5, 0x0, udiv w5, w3, w4
    OP  "sdiv w 0x0/0x5", 0x0, 0x5, 0x0, sdiv w5, w3, w4
    OP  "udiv x 0x5/0x0", 0x5, 0x0, 0x0, udiv x5, x3, x4
    OP  "sdiv x 0x5/0x0", 0x5, 0x0, 0x0, sdiv x5, x3, x4
    OP  "udiv w 0x5/0x0", 0x5, 0x0, 0x0, udiv w5, w3, w4
    OP  "sdiv w 0x5/0x0", 0x5, 0x0, 0x0, sdiv w5, w3, w4
    OP  "udiv x 0xffffffffffffffff/0x0", 0xffffffffffffffff, 0x0, 0x0, udiv x5, x3, x4
    OP  "sdiv x 0xffffffffffffffff/0x0", 0xffffffffffffffff, 0x0, 0x0, sdiv x5, x3, x4
    OP  "udiv w 0xffffffffffffffff/0x0", 0xffffffffffffffff, 0x0, 0x0, udiv w5, w3, w4
    OP  "sdiv w 0xffffffffffffffff/0x0", 0xffffffffffffffff, 0x0, 0x0, sdiv w5, w3, w4
    OP  "udiv x 0x8000000000000000/0xffffffffffffffff", 0x8000000000000000, 0xffffffffffffffff, 0x0, udiv x5, x3, x4
    OP  "sdiv x 0x8000000000000000/0xffffffffffffffff", 0x8000000000000000, 0xffffffffffffffff, 0x8000000000000000, sdiv x5, x3, x4
    OP  "udiv w 0x8000000000000000/0xffffffffffffffff", 0x8000000000000000, 0xffffffffffffffff, 0x0, udiv w5, w3, w4
    OP  "sdiv w 0x8000000000000000/0xffffffffffffffff", 0x8000000000000000, 0xffffffffffffffff, 0x0, sdiv w5, w3, w4
    OP  "udiv x 0xffffffffffffff9c/0x7", 0xffffffffffffff9c, 0x7, 0x2492492492492484, udiv x5, x3, x4
    OP  "sdiv x 0xffffffffffffff9c/0x7", 0xffffffffffffff9c, 0x7, 0xfffffffffffffff2, sdiv x5, x3, x4
    OP  "udiv w 0xffffffffffffff9c/0x7", 0xffffffffffffff9c, 0x7, 0x24924916, udiv w5, w3, w4
    OP  "sdiv w 0xffffffffffffff9c/0x7", 0xffffffffffffff9c, 0x7, 0xfffffff2, sdiv w5, w3, w4
    OP  "udiv x 0x64/0xfffffffffffffff9", 0x64, 0xfffffffffffffff9, 0x0, udiv x5, x3, x4
    OP  "sdiv x 0x64/0xfffffffffffffff9", 0x64, 0xfffffffffffffff9, 0xfffffffffffffff2, sdiv x5, x3, x4
    OP  "udiv w 0x64/0xfffffffffffffff9", 0x64, 0xfffffffffffffff9, 0x0, udiv w5, w3, w4
    OP  "sdiv w 0x64/0xfffffffffffffff9", 0x64, 0xfffffffffffffff9, 0xfffffff2, sdiv w5, w3, w4
    OP  "udiv x 0xffffffffffffff9c/0xfffffffffffffff9", 0xffffffffffffff9c, 0xfffffffffffffff9, 0x0, udiv x5, x3, x4
    OP  "sdiv x 0xffffffffffffff9c/0xfffffffffffffff9", 0xffffffffffffff9c, 0xfffffffffffffff9, 0xe, sdiv x5, x3, x4
    OP  "udiv w 0xffffffffffffff9c/0xfffffffffffffff9", 0xffffffffffffff9c, 0xfffffffffffffff9, 0x0, udiv w5, w3, w4
    OP  "sdiv w 0xffffffffffffff9c/0xfffffffffffffff9", 0xffffffffffffff9c, 0xfffffffffffffff9, 0xe, sdiv w5, w3, w4
    OP  "udiv x 0xffffffffffffffff/0x1", 0xffffffffffffffff, 0x1, 0xffffffffffffffff, udiv x5, x3, x4
    OP  "sdiv x 0xffffffffffffffff/0x1", 0xffffffffffffffff, 0x1, 0xffffffffffffffff, sdiv x5, x3, x4
    OP  "udiv w 0xffffffffffffffff/0x1", 0xffffffffffffffff, 0x1, 0xffffffff, udiv w5, w3, w4
    OP  "sdiv w 0xffffffffffffffff/0x1", 0xffffffffffffffff, 0x1, 0xffffffff, sdiv w5, w3, w4
    OP  "udiv x 0xffffffffffffffff/0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1, udiv x5, x3, x4
    OP  "sdiv x 0xffffffffffffffff/0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1, sdiv x5, x3, x4
    OP  "udiv w 0xffffffffffffffff/0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1, udiv w5, w3, w4
    OP  "sdiv w 0xffffffffffffffff/0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1, sdiv w5, w3, w4
    OP  "udiv x 0x123456789abcdef/0x1234", 0x123456789abcdef, 0x1234, 0x10004c016906, udiv x5, x3, x4
    OP  "sdiv x 0x123456789abcdef/0x1234", 0x123456789abcdef, 0x1234, 0x10004c016906, sdiv x5, x3, x4
    OP  "udiv w 0x123456789abcdef/0x1234", 0x123456789abcdef, 0x1234, 0x79023, udiv w5, w3, w4
    OP  "sdiv w 0x123456789abcdef/0x1234", 0x123456789abcdef, 0x1234, 0xfff97fe2, sdiv w5, w3, w4
    OP  "udiv x 0xfedcba9876543210/0x10000", 0xfedcba9876543210, 0x10000, 0xfedcba987654, udiv x5, x3, x4
    OP  "sdiv x 0xfedcba9876543210/0x10000", 0xfedcba9876543210, 0x10000, 0xfffffedcba987655, sdiv x5, x3, x4
    OP  "udiv w 0xfedcba9876543210/0x10000", 0xfedcba9876543210, 0x10000, 0x7654, udiv w5, w3, w4
    OP  "sdiv w 0xfedcba9876543210/0x10000", 0xfedcba9876543210, 0x10000, 0x7654, sdiv w5, w3, w4
    OP  "udiv x 0x80000000/0xffffffff", 0x80000000, 0xffffffff, 0x0, udiv x5, x3, x4
    OP  "sdiv x 0x80000000/0xffffffff", 0x80000000, 0xffffffff, 0x0, sdiv x5, x3, x4
    OP  "udiv w 0x80000000/0xffffffff", 0x80000000, 0xffffffff, 0x0, udiv w5, w3, w4
    OP  "sdiv w 0x80000000/0xffffffff", 0x80000000, 0xffffffff, 0x80000000, sdiv w5, w3, w4
    OP  "udiv x 0xffffffff80000000/0xffffffffffffffff", 0xffffffff80000000, 0xffffffffffffffff, 0x0, udiv x5, x3, x4
    OP  "sdiv x 0xffffffff80000000/0xffffffffffffffff", 0xffffffff80000000, 0xffffffffffffffff, 0x80000000, sdiv x5, x3, x4
    OP  "udiv w 0xffffffff80000000/0xffffffffffffffff", 0xffffffff80000000, 0xffffffffffffffff, 0x0, udiv w5, w3, w4
    OP  "sdiv w 0xffffffff80000000/0xffffffffffffffff", 0xffffffff80000000, 0xffffffffffffffff, 0x80000000, sdiv w5, w3, w4
    OP  "udiv x 0x7fffffffffffffff/0x8000000000000000", 0x7fffffffffffffff, 0x8000000000000000, 0x0, udiv x5, x3, x4
    OP  "sdiv x 0x7fffffffffffffff/0x8000000000000000", 0x7fffffffffffffff, 0x8000000000000000, 0x0, sdiv x5, x3, x4
    OP  "udiv w 0x7fffffffffffffff/0x8000000000000000", 0x7fffffffffffffff, 0x8000000000000000, 0x0, udiv w5, w3, w4
    OP  "sdiv w 0x7fffffffffffffff/0x8000000000000000", 0x7fffffffffffffff, 0x8000000000000000, 0x0, sdiv w5, w3, w4
    /* division leaves the flags alone */
    SET_NZCV F_N|F_V
    mov     x3, #1
    mov     x4, #0
    udiv    x5, x3, x4
    sdiv    x5, x3, x4
    CHECK_NZCV "div keeps flags", F_N|F_V
TEST_END
