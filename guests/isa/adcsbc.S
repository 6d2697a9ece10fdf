/*
 * adcsbc.S - ADC/ADCS/SBC/SBCS/NGC/NGCS: the carry in, the 32-bit wrap,
 * and the NZCV results of the flag-setting forms.
 */
#include "tap_asm.h"

/* flags_in = the NZCV nibble before insn; x3 = a, x4 = b; check x5 */
.macro OPC name, flags_in, a, b, res, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    SET_NZCV \flags_in
    \insn
    CHECK   "\name", x5, \res
.endm

.macro OPCF name, flags_in, a, b, res, nzcv, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    SET_NZCV \flags_in
    \insn
    mrs     x19, nzcv
    CHECK   "\name", x5, \res
    CHECK_FLAGS "\name nzcv", x19, \nzcv
.endm

TEST_BEGIN
    /* ADC / SBC / NGC (no flags) */
    OPC "adc x c=0",             0,   1, 2, 3,                            adc x5, x3, x4
    OPC "adc x c=1",             F_C, 1, 2, 4,                            adc x5, x3, x4
    OPC "adc x ignores NZV",     F_N|F_Z|F_V, 1, 1, 2,                    adc x5, x3, x4
    OPC "adc x wraps",           F_C, 0xffffffffffffffff, 0, 0,           adc x5, x3, x4
    OPC "adc x big",             F_C, 0x8000000000000000, 0x7fffffffffffffff, 0, adc x5, x3, x4
    OPC "adc w wraps",           F_C, 0xffffffff, 0xffffffff, 0xffffffff, adc w5, w3, w4
    OPC "adc w ignores hi",      0,   0xaaaaaaaa00000001, 0x5555555500000002, 3, adc w5, w3, w4
    OPC "adc x xzr,xzr c=1",     F_C, 0, 0, 1,                            adc x5, xzr, xzr
    OPC "sbc x c=1",             F_C, 5, 3, 2,                            sbc x5, x3, x4
    OPC "sbc x c=0",             0,   5, 3, 1,                            sbc x5, x3, x4
    OPC "sbc x 0-0 c=0",         0,   0, 0, 0xffffffffffffffff,           sbc x5, x3, x4
    OPC "sbc w 0-1 c=0",         0,   0, 1, 0xfffffffe,                   sbc w5, w3, w4
    OPC "sbc w 0-1 c=1",         F_C, 0, 1, 0xffffffff,                   sbc w5, w3, w4
    OPC "ngc x c=1",             F_C, 0, 1, 0xffffffffffffffff,           ngc x5, x4
    OPC "ngc x c=0",             0,   0, 1, 0xfffffffffffffffe,           ngc x5, x4
    OPC "ngc w c=0",             0,   0, 0, 0xffffffff,                   ngc w5, w4

    /* ADCS */
    OPCF "adcs x -1+0+1",        F_C, 0xffffffffffffffff, 0, 0, F_Z|F_C,  adcs x5, x3, x4
    OPCF "adcs x max+0+1",       F_C, 0x7fffffffffffffff, 0, 0x8000000000000000, F_N|F_V, adcs x5, x3, x4
    OPCF "adcs x -1+-1+1",       F_C, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, F_N|F_C, adcs x5, x3, x4
    OPCF "adcs x min+min+0",     0,   0x8000000000000000, 0x8000000000000000, 0, F_Z|F_C|F_V, adcs x5, x3, x4
    OPCF "adcs x min+-1+1",      F_C, 0x8000000000000000, 0xffffffffffffffff, 0x8000000000000000, F_N|F_C, adcs x5, x3, x4
    OPCF "adcs x 0+0+0",         F_N|F_V, 0, 0, 0, F_Z,                   adcs x5, x3, x4
    OPCF "adcs x 1+2+1",         F_C, 1, 2, 4, 0,                         adcs x5, x3, x4
    OPCF "adcs x max+0+0",       0,   0x7fffffffffffffff, 0, 0x7fffffffffffffff, 0, adcs x5, x3, x4
    OPCF "adcs w max+0+1",       F_C, 0x7fffffff, 0, 0x80000000, F_N|F_V, adcs w5, w3, w4
    OPCF "adcs w -1+0+1",        F_C, 0xffffffff, 0, 0, F_Z|F_C,          adcs w5, w3, w4
    OPCF "adcs w -2+0+1",        F_C, 0xfffffffe, 0, 0xffffffff, F_N,     adcs w5, w3, w4
    OPCF "adcs w min+min+1",     F_C, 0x80000000, 0x80000000, 1, F_C|F_V, adcs w5, w3, w4
    /* SBCS */
    OPCF "sbcs x 5-5 c=1",       F_C, 5, 5, 0, F_Z|F_C,                   sbcs x5, x3, x4
    OPCF "sbcs x 5-5 c=0",       0,   5, 5, 0xffffffffffffffff, F_N,      sbcs x5, x3, x4
    OPCF "sbcs x 0-0 c=0",       0,   0, 0, 0xffffffffffffffff, F_N,      sbcs x5, x3, x4
    OPCF "sbcs x min-0 c=0",     0,   0x8000000000000000, 0, 0x7fffffffffffffff, F_C|F_V, sbcs x5, x3, x4
    OPCF "sbcs x max-(-1) c=1",  F_C, 0x7fffffffffffffff, 0xffffffffffffffff, 0x8000000000000000, F_N|F_V, sbcs x5, x3, x4
    OPCF "sbcs x 7-2 c=0",       0,   7, 2, 4, F_C,                       sbcs x5, x3, x4
    OPCF "sbcs w 0-0 c=1",       F_C, 0, 0, 0, F_Z|F_C,                   sbcs w5, w3, w4
    OPCF "sbcs w 0-0 c=0",       0,   0, 0, 0xffffffff, F_N,              sbcs w5, w3, w4
    OPCF "sbcs w min-1 c=1",     F_C, 0x80000000, 1, 0x7fffffff, F_C|F_V, sbcs w5, w3, w4
    OPCF "sbcs w 1-0 c=0",       0,   0x1, 0, 0, F_Z|F_C,                 sbcs w5, w3, w4
    OPCF "ngcs x 0 c=1",         F_C, 0, 0, 0, F_Z|F_C,                   ngcs x5, x4
    OPCF "ngcs x 0 c=0",         0,   0, 0, 0xffffffffffffffff, F_N,      ngcs x5, x4
    OPCF "ngcs w min c=1",       F_C, 0, 0x80000000, 0x80000000, F_N|F_V, ngcs w5, w4

    /* a 128-bit addition and subtraction through the carry */
    ldr     x3, =0xffffffffffffffff     /* lo a */
    ldr     x4, =0x0000000000000001     /* hi a */
    ldr     x6, =0x0000000000000001     /* lo b */
    ldr     x7, =0x7fffffffffffffff     /* hi b */
    adds    x19, x3, x6
    adcs    x20, x4, x7
    mrs     x21, nzcv
    CHECK   "128-bit add lo", x19, 0
    CHECK   "128-bit add hi", x20, 0x8000000000000001
    CHECK_FLAGS "128-bit add nzcv", x21, F_N|F_V
    ldr     x3, =0x0000000000000000
    ldr     x4, =0x0000000000000001
    ldr     x6, =0x0000000000000001
    ldr     x7, =0x0000000000000000
    subs    x19, x3, x6
    sbcs    x20, x4, x7
    mrs     x21, nzcv
    CHECK   "128-bit sub lo", x19, 0xffffffffffffffff
    CHECK   "128-bit sub hi", x20, 0
    CHECK_FLAGS "128-bit sub nzcv", x21, F_Z|F_C
TEST_END
