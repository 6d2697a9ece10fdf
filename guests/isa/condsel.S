/*
 * condsel.S - conditional compare and select: CCMP/CCMN (register and
 * immediate, condition true and false, 32 and 64 bits), CSEL/CSINC/CSINV/
 * CSNEG and the aliases CSET/CSETM/CINC/CINV/CNEG.
 */
#include "tap_asm.h"

/* flags_in before insn, x3 = a, x4 = b; check the resulting NZCV */
.macro CC name, flags_in, a, b, nzcv, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    SET_NZCV \flags_in
    \insn
    CHECK_NZCV "\name", \nzcv
.endm

/* flags_in before insn, x3 = a, x4 = b; check x5 */
.macro CS name, flags_in, a, b, res, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    SET_NZCV \flags_in
    \insn
    CHECK   "\name", x5, \res
.endm

/* cmp x3, #a; ccmp x4, #b, #0, eq; cset: x5 = (x3 == a && x4 == b) */
.macro AND2 name, a, b, res
    ldr     x3, =\a
    ldr     x4, =\b
    cmp     x3, #1
    ccmp    x4, #2, #0, eq
    cset    x5, eq
    CHECK   "\name", x5, \res
.endm

TEST_BEGIN
    /* ---- CCMP register ---- */
    CC  "ccmp x eq true",        F_Z, 5, 3, F_C,                 ccmp x3, x4, #0b1001, eq
    CC  "ccmp x eq false",       0,   5, 3, F_N|F_V,             ccmp x3, x4, #0b1001, eq
    CC  "ccmp x ne true",        0,   3, 5, F_N,                 ccmp x3, x4, #0b0110, ne
    CC  "ccmp x ne false",       F_Z, 3, 5, F_Z|F_C,             ccmp x3, x4, #0b0110, ne
    CC  "ccmp x hs true V",      F_C, 0x8000000000000000, 1, F_C|F_V, ccmp x3, x4, #0, hs
    CC  "ccmp x hs false",       F_N|F_Z|F_V, 1, 1, 0,           ccmp x3, x4, #0, hs
    CC  "ccmp x ge true",        F_N|F_V, 1, 2, F_N,             ccmp x3, x4, #0xf, ge
    CC  "ccmp x ge false",       F_N, 1, 2, F_N|F_Z|F_C|F_V,     ccmp x3, x4, #0xf, ge
    CC  "ccmp w gt true",        0, 0xffffffff00000002, 2, F_Z|F_C, ccmp w3, w4, #0, gt
    CC  "ccmp w gt false",       F_Z, 2, 2, F_V,                 ccmp w3, w4, #1, gt
    CC  "ccmp w lt true",        F_N, 0x7fffffff, 0xffffffff, F_N|F_V, ccmp w3, w4, #0, lt
    CC  "ccmp x al",             F_Z, 7, 7, F_Z|F_C,             ccmp x3, x4, #0, al
    CC  "ccmp x nv (=always)",   F_Z, 9, 7, F_C,                 ccmp x3, x4, #0, nv
    /* ---- CCMP immediate ---- */
    CC  "ccmp x imm ne true",    0, 5, 0, F_Z|F_C,               ccmp x3, #5, #0, ne
    CC  "ccmp x imm ne false",   F_Z, 5, 0, F_N|F_Z,             ccmp x3, #5, #0b1100, ne
    CC  "ccmp x imm 31",         F_C, 30, 0, F_N,                ccmp x3, #31, #0, cs
    CC  "ccmp w imm mi true",    F_N, 0x100000000, 0, F_N,       ccmp w3, #1, #0, mi
    CC  "ccmp w imm mi false",   0, 0, 0, F_C|F_V,               ccmp w3, #1, #0b0011, mi
    CC  "ccmp x imm vs true",    F_V, 0x8000000000000000, 0, F_N|F_C, ccmp x3, #0, #0, vs
    /* ---- CCMN ---- */
    CC  "ccmn x eq true",        F_Z, 0xffffffffffffffff, 1, F_Z|F_C, ccmn x3, x4, #0, eq
    CC  "ccmn x eq false",       0, 0xffffffffffffffff, 1, F_N|F_Z|F_C|F_V, ccmn x3, x4, #0xf, eq
    CC  "ccmn x V",              0, 0x7fffffffffffffff, 1, F_N|F_V, ccmn x3, x4, #0, pl
    CC  "ccmn w imm true",       F_C, 0xffffffe1, 0, F_Z|F_C,    ccmn w3, #31, #0, hs
    CC  "ccmn w imm false",      0, 0xffffffe1, 0, F_N,          ccmn w3, #31, #0b1000, hs
    CC  "ccmn x imm le true",    F_Z, 5, 0, 0,                   ccmn x3, #3, #0b0100, le
    CC  "ccmn w reg hi true",    F_C, 0x80000000, 0x80000000, F_Z|F_C|F_V, ccmn w3, w4, #0, hi
    CC  "ccmn w reg hi false",   F_C|F_Z, 0x80000000, 0x80000000, F_Z, ccmn w3, w4, #0b0100, hi
    /* ---- CMP; CCMP chain (a && b) ---- */
    AND2 "cmp/ccmp chain 1,2", 1, 2, 1
    AND2 "cmp/ccmp chain 1,3", 1, 3, 0
    AND2 "cmp/ccmp chain 0,2", 0, 2, 0
    AND2 "cmp/ccmp chain 0,0", 0, 0, 0

    /* ---- CSEL family ---- */
    CS  "csel x eq true",        F_Z, 0x1111, 0x2222, 0x1111,    csel x5, x3, x4, eq
    CS  "csel x eq false",       0,   0x1111, 0x2222, 0x2222,    csel x5, x3, x4, eq
    CS  "csel w hi",             F_C, 0xffffffff00000001, 2, 1,  csel w5, w3, w4, hi
    CS  "csel w ls",             F_C, 0xffffffff00000001, 0xaaaaaaaa00000002, 2, csel w5, w3, w4, ls
    CS  "csel x al",             0,   7, 8, 7,                   csel x5, x3, x4, al
    CS  "csel x nv",             0,   7, 8, 7,                   csel x5, x3, x4, nv
    CS  "csel x, xzr",           F_Z, 7, 8, 0,                   csel x5, xzr, x4, eq
    CS  "csinc x true",          F_N|F_V, 10, 20, 10,            csinc x5, x3, x4, ge
    CS  "csinc x false",         F_N, 10, 20, 21,                csinc x5, x3, x4, ge
    CS  "csinc x false wraps",   F_N, 10, 0xffffffffffffffff, 0, csinc x5, x3, x4, ge
    CS  "csinc w false wraps",   0, 10, 0xffffffff, 0,           csinc w5, w3, w4, vs
    CS  "csinv x true",          F_V, 10, 20, 10,                csinv x5, x3, x4, vs
    CS  "csinv x false",         0, 10, 0x00ff00ff00ff00ff, 0xff00ff00ff00ff00, csinv x5, x3, x4, vs
    CS  "csinv w false",         0, 10, 0x0000ffff, 0xffff0000,  csinv w5, w3, w4, mi
    CS  "csneg x true",          F_C, 10, 20, 10,                csneg x5, x3, x4, cs
    CS  "csneg x false",         0, 10, 20, 0xffffffffffffffec,  csneg x5, x3, x4, cs
    CS  "csneg x false min",     0, 10, 0x8000000000000000, 0x8000000000000000, csneg x5, x3, x4, cs
    CS  "csneg w false",         0, 10, 1, 0xffffffff,           csneg w5, w3, w4, cs
    CS  "cset x eq true",        F_Z, 0, 0, 1,                   cset x5, eq
    CS  "cset x eq false",       0, 0, 0, 0,                     cset x5, eq
    CS  "cset w lt",             F_V, 0, 0, 1,                   cset w5, lt
    CS  "cset x gt false",       F_Z, 0, 0, 0,                   cset x5, gt
    CS  "csetm x true",          F_C, 0, 0, 0xffffffffffffffff,  csetm x5, hs
    CS  "csetm w true",          F_C, 0, 0, 0xffffffff,          csetm w5, hs
    CS  "csetm x false",         0, 0, 0, 0,                     csetm x5, hs
    CS  "cinc x true",           F_Z, 41, 0, 42,                 cinc x5, x3, eq
    CS  "cinc x false",          0, 41, 0, 41,                   cinc x5, x3, eq
    CS  "cinc w true wraps",     F_N, 0xffffffff, 0, 0,          cinc w5, w3, mi
    CS  "cinv x true",           F_C, 0, 0, 0xffffffffffffffff,  cinv x5, x3, hi
    CS  "cinv x false",          F_C|F_Z, 5, 0, 5,               cinv x5, x3, hi
    CS  "cneg x true",           0, 5, 0, 0xfffffffffffffffb,    cneg x5, x3, pl
    CS  "cneg w true",           0, 5, 0, 0xfffffffb,            cneg w5, w3, pl
    CS  "cneg x false",          F_N, 5, 0, 5,                   cneg x5, x3, pl

    /* select does not change the flags */
    SET_NZCV F_N|F_C
    csel    x5, x3, x4, eq
    csinc   x5, x3, x4, ne
    csneg   w5, w3, w4, lt
    CHECK_NZCV "csel family keeps flags", F_N|F_C
TEST_END
