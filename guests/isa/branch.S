/*
 * branch.S - B, BL, BR, BLR, RET (X30 and another register), CBZ/CBNZ
 * (W and X: the W forms look at bits 31:0 only), TBZ/TBNZ on bits 0, 31,
 * 32 and 63, a jump table, recursion through BL, long TBZ/CBZ/B/BL.
 */
#include "tap_asm.h"

/* x3 = val; x5 = 1 if "mnem reg, [#bit,] target" branches, else 0 */
.macro BT name, val, taken, mnem, reg, bit
    ldr     x3, =\val
    mov     x5, #0
    .ifb \bit
    \mnem   \reg, .Lt\@
    .else
    \mnem   \reg, #\bit, .Lt\@
    .endif
    b       .Ld\@
.Lt\@:
    mov     x5, #1
.Ld\@:
    CHECK   "\name", x5, \taken
.endm

TEST_BEGIN
    /* ---- B ---- */
    mov     x19, #0
    b       1f
    mov     x19, #99                /* skipped */
2:  add     x19, x19, #10
    b       3f
1:  add     x19, x19, #1
    b       2b
3:  CHECK   "b forward and backward", x19, 11

    /* ---- BL / RET ---- */
    mov     x5, #0
    bl      func_ret_lr
.Lbl_after:
    mov     x19, x5
    adr     x20, .Lbl_after
    CHECK_REG "bl sets x30 = pc + 4", x19, x20
    ldr     x9, =func_ret_lr
    blr     x9
.Lblr_after:
    mov     x19, x5
    adr     x20, .Lblr_after
    CHECK_REG "blr sets x30 = pc + 4", x19, x20
    /* BLR x30: the target is the old x30 */
    adr     x30, func_ret_lr
    blr     x30
.Lblr30_after:
    mov     x19, x5
    adr     x20, .Lblr30_after
    CHECK_REG "blr x30 branches to old x30", x19, x20
    /* BR does not link */
    ldr     x30, =0x1234
    adr     x9, 4f
    br      x9
    mov     x30, #0                 /* skipped */
4:  mov     x19, x30
    CHECK   "br does not write x30", x19, 0x1234
    /* RET to another register */
    adr     x9, 5f
    mov     x19, #1
    ret     x9
    mov     x19, #2                 /* skipped */
5:  CHECK   "ret x9", x19, 1
    /* a function with a frame, called twice */
    mov     x0, #5
    bl      func_add7
    mov     x19, x0
    bl      func_add7
    mov     x20, x0
    CHECK   "bl func(5)", x19, 12
    CHECK   "bl func(func(5))", x20, 19
    /* recursion: 10! */
    mov     x0, #10
    bl      factorial
    mov     x19, x0
    CHECK   "recursive factorial(10)", x19, 3628800
    mov     x0, #20
    bl      factorial
    mov     x19, x0
    CHECK   "recursive factorial(20)", x19, 2432902008176640000

    /* jump table: x3 = index, branch to table[index] */
    .irp idx, 0, 1, 2, 3
    mov     x3, #\idx
    adr     x9, jtab
    ldr     x9, [x9, x3, lsl #3]
    mov     x5, #0
    br      x9
.Lj\idx\()_back:
    CHECK   "jump table entry \idx", x5, (\idx + 1) * 11
    .endr

    /* ---- CBZ / CBNZ ---- */
    BT  "cbz x 0 taken",              0, 1, cbz, x3
    BT  "cbz x bit63 not taken",      0x8000000000000000, 0, cbz, x3
    BT  "cbz x 1 not taken",          1, 0, cbz, x3
    BT  "cbz w hi bits only taken",   0x100000000, 1, cbz, w3
    BT  "cbz w bit31 not taken",      0x80000000, 0, cbz, w3
    BT  "cbnz x 0 not taken",         0, 0, cbnz, x3
    BT  "cbnz x bit32 taken",         0x100000000, 1, cbnz, x3
    BT  "cbnz w hi bits only not taken", 0xffffffff00000000, 0, cbnz, w3
    BT  "cbnz w 1 taken",             1, 1, cbnz, w3

    /* ---- TBZ / TBNZ ---- */
    BT  "tbz bit0 clear",             0xfffffffffffffffe, 1, tbz, x3, 0
    BT  "tbz bit0 set",               1, 0, tbz, x3, 0
    BT  "tbnz bit0 set",              1, 1, tbnz, x3, 0
    BT  "tbnz bit0 clear",            0xfffffffffffffffe, 0, tbnz, x3, 0
    BT  "tbz w bit31 clear",          0xffffffff7fffffff, 1, tbz, w3, 31
    BT  "tbz w bit31 set",            0x80000000, 0, tbz, w3, 31
    BT  "tbnz w bit31 set",           0x80000000, 1, tbnz, w3, 31
    BT  "tbnz w bit31 clear",         0x7fffffff, 0, tbnz, w3, 31
    BT  "tbz bit32 clear",            0xfffffffeffffffff, 1, tbz, x3, 32
    BT  "tbz bit32 set",              0x100000000, 0, tbz, x3, 32
    BT  "tbnz bit32 set",             0x100000000, 1, tbnz, x3, 32
    BT  "tbnz bit32 clear",           0xffffffff, 0, tbnz, x3, 32
    BT  "tbz bit63 clear",            0x7fffffffffffffff, 1, tbz, x3, 63
    BT  "tbz bit63 set",              0x8000000000000000, 0, tbz, x3, 63
    BT  "tbnz bit63 set",             0x8000000000000000, 1, tbnz, x3, 63
    BT  "tbnz bit63 clear",           0x7fffffffffffffff, 0, tbnz, x3, 63
    BT  "tbnz bit17 set",             0x20000, 1, tbnz, x3, 17
    BT  "tbz bit40 clear",            0xfffffeffffffffff, 1, tbz, x3, 40

    /* the branches do not touch the flags */
    SET_NZCV F_N|F_Z|F_C|F_V
    mov     x3, #0
    cbz     x3, 6f
6:  tbnz    x3, #5, 7f
7:  b       8f
8:  bl      func_ret_lr
    CHECK_NZCV "branches keep flags", F_N|F_Z|F_C|F_V

    /* long branches: over 16 KiB (TBZ reaches +-32 KiB, CBZ +-1 MiB) */
    mov     x19, #0
    mov     x3, #0
    tbz     x3, #63, .Lfar1
.Lfar_ret1:
    cbz     x3, .Lfar2
.Lfar_ret2:
    bl      .Lfar3
    add     x19, x19, #100
    b       .Lfar_done
    .rept   4096
    nop
    .endr
.Lfar1:
    add     x19, x19, #1
    b       .Lfar_ret1
.Lfar2:
    add     x19, x19, #10
    b       .Lfar_ret2
.Lfar3:
    add     x19, x19, #1000
    ret
.Lfar_done:
    CHECK   "tbz/cbz/bl over 16 KiB", x19, 1111
TEST_END

/* x5 = x30 (the return address), return */
    .type   func_ret_lr, %function
func_ret_lr:
    mov     x5, x30
    ret

/* x0 += 7 with a frame record */
    .type   func_add7, %function
func_add7:
    stp     x29, x30, [sp, #-16]!
    mov     x29, sp
    add     x0, x0, #7
    ldp     x29, x30, [sp], #16
    ret

/* x0 = x0! */
    .type   factorial, %function
factorial:
    cmp     x0, #1
    b.hi    1f
    mov     x0, #1
    ret
1:  stp     x29, x30, [sp, #-32]!
    mov     x29, sp
    str     x0, [sp, #16]
    sub     x0, x0, #1
    bl      factorial
    ldr     x1, [sp, #16]
    mul     x0, x0, x1
    ldp     x29, x30, [sp], #32
    ret

/* jump table targets: x5 = (i + 1) * 11, branch back */
jt0: mov x5, #11
    b       .Lj0_back
jt1: mov x5, #22
    b       .Lj1_back
jt2: mov x5, #33
    b       .Lj2_back
jt3: mov x5, #44
    b       .Lj3_back

    .section .rodata
    .balign 8
jtab:
    .quad   jt0, jt1, jt2, jt3
