/*
 * hints.S - hints, barriers and prefetches run as no-ops: for each one,
 * x0-x30, NZCV and SP are set to known values, the instruction runs, and
 * all of them must be unchanged (the check counts the registers that
 * differ, expected 0).  Covered: NOP, YIELD, SEV, SEVL, DGH, CSDB, ESB,
 * PSB CSYNC, TSB CSYNC, CLRBHB, an unallocated HINT #127, DMB and DSB with
 * every option, SSBB, PSSBB, ISB, CLREX, SB, BTI (all four), the PAC hints
 * PACIASP/AUTIASP/PACIBSP/AUTIBSP/PACIAZ/AUTIAZ/PACIBZ/AUTIBZ/PACIA1716/
 * AUTIB1716 (no-ops here because SCTLR_EL1.EnIA/EnIB are 0 at reset; checked
 * first), XPACLRI on a canonical address, and PRFM/PRFUM of every kind,
 * including prefetches of addresses that are not memory at all (a prefetch
 * never faults).
 * WFE and WFI are not used (they may sleep).
 */
#include "tap_asm.h"
    .arch   armv8.5-a
    .arch_extension sb
    .arch_extension pauth
    .arch_extension ras
    .arch_extension crc

#define NZCV_PATTERN 0xa0000000

/* x0..x30 = (n + 1) * 0x0101010101010101, NZCV = N and C */
.macro FILL
    ldr     x0, =NZCV_PATTERN
    msr     nzcv, x0
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
    ldr     x\n, =(0x0101010101010101 * (\n + 1))
    .endr
.endm

/* run insn with every register known; count the registers that changed */
.macro HT name, changed, insn:vararg
    HT2     "\name", \changed, "\insn", ""
.endm

/* the same for two instructions */
.macro HT2 name, changed, insn1, insn2
    mov     x9, sp
    adrp    x10, saved_sp
    str     x9, [x10, :lo12:saved_sp]
    FILL
    \insn1
    \insn2
    sub     sp, sp, #272
    stp     x0, x1, [sp, #0]
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    str     x30, [sp, #240]
    mrs     x0, nzcv
    str     x0, [sp, #248]
    add     x0, sp, #272
    str     x0, [sp, #256]
    mov     x0, sp
    bl      count_changed
    add     sp, sp, #272
    CHECK   "\name", x0, \changed
.endm

TEST_BEGIN
    /* the PAC hints are no-ops only because these enables are 0 */
    mrs     x19, sctlr_el1
    ubfx    x20, x19, #30, #2           /* EnIA (31), EnIB (30) */
    CHECK   "SCTLR_EL1.EnIA/EnIB are 0", x20, 0
    ubfx    x20, x19, #27, #1           /* EnDA */
    ubfx    x21, x19, #13, #1           /* EnDB */
    orr     x20, x20, x21
    CHECK   "SCTLR_EL1.EnDA/EnDB are 0", x20, 0

    /* the harness sees a change when there is one */
    HT  "harness: add x7 changes 1 register", 1,  add x7, x7, #1
    HT  "harness: cmp changes NZCV",          1,  cmp x0, x0
    HT  "harness: sub sp changes SP",         1,  sub sp, sp, #16
    add     sp, sp, #16

    HT  "nop",             0,  nop
    HT  "yield",           0,  yield
    HT  "sev",             0,  sev
    HT  "sevl",            0,  sevl
    HT  "dgh",             0,  dgh
    HT  "csdb",            0,  csdb
    HT  "esb",             0,  esb
    HT  "psb csync",       0,  hint #17
    HT  "tsb csync",       0,  hint #18
    HT  "clrbhb",          0,  clrbhb
    HT  "hint 127",       0,  hint #127
    HT  "hint 0x2f",      0,  hint #0x2f
    HT  "dmb sy",          0,  dmb sy
    HT  "dmb st",          0,  dmb st
    HT  "dmb ld",          0,  dmb ld
    HT  "dmb ish",         0,  dmb ish
    HT  "dmb ishst",       0,  dmb ishst
    HT  "dmb ishld",       0,  dmb ishld
    HT  "dmb nsh",         0,  dmb nsh
    HT  "dmb nshst",       0,  dmb nshst
    HT  "dmb nshld",       0,  dmb nshld
    HT  "dmb osh",         0,  dmb osh
    HT  "dmb oshst",       0,  dmb oshst
    HT  "dmb oshld",       0,  dmb oshld
    HT  "dsb sy",          0,  dsb sy
    HT  "dsb st",          0,  dsb st
    HT  "dsb ld",          0,  dsb ld
    HT  "dsb ish",         0,  dsb ish
    HT  "dsb ishst",       0,  dsb ishst
    HT  "dsb ishld",       0,  dsb ishld
    HT  "dsb nsh",         0,  dsb nsh
    HT  "dsb osh",         0,  dsb osh
    HT  "ssbb",            0,  ssbb
    HT  "pssbb",           0,  pssbb
    HT  "isb",             0,  isb
    HT  "clrex",           0,  clrex
    HT  "sb",              0,  sb
    HT  "bti",             0,  bti
    HT  "bti c",           0,  bti c
    HT  "bti j",           0,  bti j
    HT  "bti jc",          0,  bti jc
    HT  "paciasp",         0,  paciasp
    HT  "autiasp",         0,  autiasp
    HT  "pacibsp",         0,  pacibsp
    HT  "autibsp",         0,  autibsp
    HT  "paciaz",          0,  paciaz
    HT  "autiaz",          0,  autiaz
    HT  "pacibz",          0,  pacibz
    HT  "autibz",          0,  autibz
    HT  "pacia1716",       0,  pacia1716
    HT  "autib1716",       0,  autib1716
    HT2 "paciasp; autiasp", 0, "paciasp", "autiasp"
    HT2 "sevl; dsb sy",     0, "sevl", "dsb sy"
    HT  "prfm pldl1keep",  0,  prfm pldl1keep, [x5]
    HT  "prfm pldl2strm",  0,  prfm pldl2strm, [x5, #8]
    HT  "prfm pldl3keep max offset", 0, prfm pldl3keep, [x5, #32760]
    HT  "prfm pstl1keep",  0,  prfm pstl1keep, [x5]
    HT  "prfm pstl3strm",  0,  prfm pstl3strm, [x6, #16]
    HT  "prfm plil1keep",  0,  prfm plil1keep, [x7]
    HT  "prfm plil2strm reg", 0, prfm plil2strm, [x5, x6, lsl #3]
    HT  "prfm reg sxtw",   0,  prfm pldl1strm, [x5, w6, sxtw]
    HT  "prfm 0x1f (unallocated op)", 0, prfm #0x1f, [x5]
    HT  "prfm 0x18",      0,  prfm #0x18, [x8]
    HT  "prfum",           0,  prfum pldl1keep, [x5, #-3]
    HT  "prfm literal",    0,  prfm pldl1keep, saved_sp
    /* XPACLRI strips a PAC from x30: a canonical address has none */
    adr     x30, .Lhere
.Lhere:
    mov     x19, x30
    xpaclri
    CHECK_REG "xpaclri on a canonical address", x30, x19
    adr     x30, .Lhere
    mov     x19, x30
    paciasp
    autiasp
    CHECK_REG "paciasp/autiasp leave lr", x30, x19
TEST_END

/* x0 = buffer: x0..x30 at [8n], NZCV at [248], SP at [256];
   returns the number of entries that differ from what FILL set */
    .type   count_changed, %function
count_changed:
    mov     x2, #0
    mov     x3, #0
    ldr     x4, =0x0101010101010101
1:  add     x5, x3, #1
    mul     x6, x5, x4
    ldr     x7, [x0, x3, lsl #3]
    cmp     x7, x6
    cinc    x2, x2, ne
    add     x3, x3, #1
    cmp     x3, #31
    b.lo    1b
    ldr     x7, [x0, #248]
    ldr     x6, =NZCV_PATTERN
    cmp     x7, x6
    cinc    x2, x2, ne
    ldr     x7, [x0, #256]
    adrp    x6, saved_sp
    ldr     x6, [x6, :lo12:saved_sp]
    cmp     x7, x6
    cinc    x2, x2, ne
    mov     x0, x2
    ret
    .ltorg

    .data
    .balign 8
saved_sp:
    .quad   0
