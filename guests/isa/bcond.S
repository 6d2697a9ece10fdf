/*
 * bcond.S - B.cond: every one of the 16 conditions, taken and not taken,
 * and for each condition the full 16-entry truth table over NZCV (as a
 * mask: bit i set when the branch is taken with NZCV = i, N=8 Z=4 C=2 V=1).
 */
#include "tap_asm.h"

/* x5 = 1 if b.cond is taken with the given flags, else 0 */
.macro BC name, flags, cond, taken
    SET_NZCV \flags
    mov     x5, #0
    b.\cond .Ltaken\@
    b       .Ldone\@
.Ltaken\@:
    mov     x5, #1
.Ldone\@:
    CHECK   "\name", x5, \taken
.endm

/* the truth table of b.cond as a 16-bit mask */
.macro MASK cond, expected
    mov     x19, #0
    mov     x20, #0
.Lloop\@:
    lsl     x16, x19, #28
    msr     nzcv, x16
    b.\cond .Lyes\@
    b       .Lnext\@
.Lyes\@:
    mov     x17, #1
    lsl     x17, x17, x19
    orr     x20, x20, x17
.Lnext\@:
    add     x19, x19, #1
    cmp     x19, #16
    b.lo    .Lloop\@
    CHECK   "b.\cond truth table", x20, \expected
.endm

TEST_BEGIN
    BC  "b.eq taken",      F_Z,        eq, 1
    BC  "b.eq not taken",  0,          eq, 0
    BC  "b.ne taken",      F_N|F_C|F_V, ne, 1
    BC  "b.ne not taken",  F_Z,        ne, 0
    BC  "b.cs taken",      F_C,        cs, 1
    BC  "b.cs not taken",  F_N|F_Z|F_V, cs, 0
    BC  "b.hs taken",      F_C|F_Z,    hs, 1
    BC  "b.cc taken",      F_Z,        cc, 1
    BC  "b.cc not taken",  F_C,        cc, 0
    BC  "b.lo not taken",  F_C|F_N,    lo, 0
    BC  "b.mi taken",      F_N,        mi, 1
    BC  "b.mi not taken",  F_Z|F_C|F_V, mi, 0
    BC  "b.pl taken",      0,          pl, 1
    BC  "b.pl not taken",  F_N,        pl, 0
    BC  "b.vs taken",      F_V,        vs, 1
    BC  "b.vs not taken",  F_N|F_Z|F_C, vs, 0
    BC  "b.vc taken",      F_N,        vc, 1
    BC  "b.vc not taken",  F_V,        vc, 0
    BC  "b.hi taken",      F_C,        hi, 1
    BC  "b.hi not taken (Z)", F_C|F_Z, hi, 0
    BC  "b.hi not taken (!C)", 0,      hi, 0
    BC  "b.ls taken (Z)",  F_C|F_Z,    ls, 1
    BC  "b.ls taken (!C)", 0,          ls, 1
    BC  "b.ls not taken",  F_C,        ls, 0
    BC  "b.ge taken (N=V=0)", 0,       ge, 1
    BC  "b.ge taken (N=V=1)", F_N|F_V, ge, 1
    BC  "b.ge not taken",  F_N,        ge, 0
    BC  "b.lt taken (N)",  F_N,        lt, 1
    BC  "b.lt taken (V)",  F_V,        lt, 1
    BC  "b.lt not taken",  F_N|F_V,    lt, 0
    BC  "b.gt taken",      F_N|F_V,    gt, 1
    BC  "b.gt not taken (Z)", F_Z,     gt, 0
    BC  "b.gt not taken (N!=V)", F_V,  gt, 0
    BC  "b.le taken (Z)",  F_Z|F_N|F_V, le, 1
    BC  "b.le taken (N!=V)", F_N,      le, 1
    BC  "b.le not taken",  0,          le, 0
    BC  "b.al taken",      0,          al, 1
    BC  "b.al taken (all)", F_N|F_Z|F_C|F_V, al, 1
    BC  "b.nv taken",      0,          nv, 1
    BC  "b.nv taken (all)", F_N|F_Z|F_C|F_V, nv, 1

    MASK eq, 0xf0f0
    MASK ne, 0x0f0f
    MASK cs, 0xcccc
    MASK cc, 0x3333
    MASK mi, 0xff00
    MASK pl, 0x00ff
    MASK vs, 0xaaaa
    MASK vc, 0x5555
    MASK hi, 0x0c0c
    MASK ls, 0xf3f3
    MASK ge, 0xaa55
    MASK lt, 0x55aa
    MASK gt, 0x0a05
    MASK le, 0xf5fa
    MASK al, 0xffff
    MASK nv, 0xffff

    /* long forward and backward conditional branches (16 KiB apart) */
    mov     x19, #0
    SET_NZCV F_Z
    b.eq    .Lfar_fwd
.Lfar_back:
    add     x19, x19, #2
    b       .Lfar_done
    .rept   4096
    nop
    .endr
.Lfar_fwd:
    add     x19, x19, #1
    cmp     x19, #1
    b.eq    .Lfar_back
    mov     x19, #99
.Lfar_done:
    CHECK   "b.eq 16 KiB forward then backward", x19, 3
TEST_END
