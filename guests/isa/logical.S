/*
 * logical.S - logical (immediate): AND/ORR/EOR/ANDS with many bitmask
 * immediates (element sizes 2..64, rotated runs, 32 and 64 bits), TST,
 * MOV (bitmask), AND into SP; logical (shifted register): AND/BIC/ORR/ORN/
 * EOR/EON/ANDS/BICS with LSL/LSR/ASR/ROR, MVN, MOV (register), TST.
 * ANDS/BICS/TST set N and Z from the result and clear C and V.
 */
#include "tap_asm.h"

.macro OP name, a, b, res, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    \insn
    CHECK   "\name", x5, \res
.endm

.macro OPF name, flags_in, a, b, res, nzcv, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    SET_NZCV \flags_in
    \insn
    mrs     x19, nzcv
    CHECK   "\name", x5, \res
    CHECK_FLAGS "\name nzcv", x19, \nzcv
.endm

.macro FLG name, flags_in, a, b, nzcv, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    SET_NZCV \flags_in
    \insn
    CHECK_NZCV "\name", \nzcv
.endm

TEST_BEGIN
    /* ---- logical (immediate) ---- */
    OP  "and x 0xff", 0x123456789abcdef, 0, 0xef, and x5, x3, #0xff
    OP  "and x 0xffffffff00000000", 0x123456789abcdef, 0, 0x123456700000000, and x5, x3, #0xffffffff00000000
    OP  "and x 0x5555555555555555", 0x123456789abcdef, 0, 0x101454501014545, and x5, x3, #0x5555555555555555
    OP  "and x 0xaaaaaaaaaaaaaaaa", 0x123456789abcdef, 0, 0x22002288aa88aa, and x5, x3, #0xaaaaaaaaaaaaaaaa
    OP  "and x 0x7ffffffffffffffe", 0x123456789abcdef, 0, 0x123456789abcdee, and x5, x3, #0x7ffffffffffffffe
    OP  "and x 0xc000000000000003", 0x123456789abcdef, 0, 0x3, and x5, x3, #0xc000000000000003
    OP  "and x 0x1000100010001", 0x123456789abcdef, 0, 0x1000100010001, and x5, x3, #0x1000100010001
    OP  "and x 0xfffe0000", 0x123456789abcdef, 0, 0x89aa0000, and x5, x3, #0xfffe0000
    OP  "and x 0x6666666666666666", 0x123456789abcdef, 0, 0x22446600224466, and x5, x3, #0x6666666666666666
    OP  "and x 0xff00ff00ff00ff", 0x123456789abcdef, 0, 0x23006700ab00ef, and x5, x3, #0xff00ff00ff00ff
    OP  "and x 0x8000000000000000", 0x123456789abcdef, 0, 0x0, and x5, x3, #0x8000000000000000
    OP  "and x 0x1", 0x123456789abcdef, 0, 0x1, and x5, x3, #0x1
    OP  "and x 0xfffffffffffffffe", 0x123456789abcdef, 0, 0x123456789abcdee, and x5, x3, #0xfffffffffffffffe
    OP  "and x 0x3333333333333333", 0x123456789abcdef, 0, 0x123012301230123, and x5, x3, #0x3333333333333333
    OP  "and x 0xf0f0f0f0f0f0f0f", 0x123456789abcdef, 0, 0x1030507090b0d0f, and x5, x3, #0xf0f0f0f0f0f0f0f
    OP  "and x 0x7fffffffffffffff", 0x123456789abcdef, 0, 0x123456789abcdef, and x5, x3, #0x7fffffffffffffff
    OP  "and x 0xffffffff000", 0x123456789abcdef, 0, 0x56789abc000, and x5, x3, #0xffffffff000
    OP  "and x 0xe0e0e0e0e0e0e0e0", 0x123456789abcdef, 0, 0x20406080a0c0e0, and x5, x3, #0xe0e0e0e0e0e0e0e0
    OP  "and x 0x8181818181818181", 0x123456789abcdef, 0, 0x101010181818181, and x5, x3, #0x8181818181818181
    OP  "and x 0xffff0000ffff0000", 0x123456789abcdef, 0, 0x123000089ab0000, and x5, x3, #0xffff0000ffff0000
    OP  "and x 0x3ffffffffffffff8", 0x123456789abcdef, 0, 0x123456789abcde8, and x5, x3, #0x3ffffffffffffff8
    OP  "and x 0x100000001", 0x123456789abcdef, 0, 0x100000001, and x5, x3, #0x100000001
    OP  "and w 0xff00ff00", 0xffffffffffffffff, 0, 0xff00ff00, and w5, w3, #0xff00ff00
    OP  "and w 0xaaaaaaaa", 0xffffffffffffffff, 0, 0xaaaaaaaa, and w5, w3, #0xaaaaaaaa
    OP  "and w 0x7fffffff", 0xffffffff80000001, 0, 0x1, and w5, w3, #0x7fffffff
    OP  "and w 0x80000001", 0xffffffffffffffff, 0, 0x80000001, and w5, w3, #0x80000001
    OP  "and w 0x3c3c3c3c", 0xffffffffffffffff, 0, 0x3c3c3c3c, and w5, w3, #0x3c3c3c3c
    OP  "and w 0xfffffffe", 0xffffffffffffffff, 0, 0xfffffffe, and w5, w3, #0xfffffffe
    OP  "and w 0x1", 0xffffffffffffffff, 0, 0x1, and w5, w3, #0x1
    OP  "and w 0xffff", 0xffffffffffffffff, 0, 0xffff, and w5, w3, #0xffff
    OP  "and w 0xff00000", 0xffffffffffffffff, 0, 0xff00000, and w5, w3, #0xff00000
    OP  "and w 0xc3c3c3c3", 0xffffffffffffffff, 0, 0xc3c3c3c3, and w5, w3, #0xc3c3c3c3
    OP  "and w 0x88888888", 0xffffffffffffffff, 0, 0x88888888, and w5, w3, #0x88888888
    OP  "orr x 0xff00ff00ff00ff", 0x1200340056007800, 0, 0x12ff34ff56ff78ff, orr x5, x3, #0xff00ff00ff00ff
    OP  "orr x 0x8000000000000000", 0x0, 0, 0x8000000000000000, orr x5, x3, #0x8000000000000000
    OP  "orr x 0x6666666666666666", 0x1111111111111111, 0, 0x7777777777777777, orr x5, x3, #0x6666666666666666
    OP  "orr x 0xfffffc0000000000", 0x123456789abcdef, 0, 0xfffffd6789abcdef, orr x5, x3, #0xfffffc0000000000
    OP  "orr w 0x80000001", 0xffffffff00000000, 0, 0x80000001, orr w5, w3, #0x80000001
    OP  "orr w 0xff00", 0x12345678, 0, 0x1234ff78, orr w5, w3, #0xff00
    OP  "eor x 0xfffffffffffffffe", 0x1, 0, 0xffffffffffffffff, eor x5, x3, #0xfffffffffffffffe
    OP  "eor x 0x3333333333333333", 0xffffffffffffffff, 0, 0xcccccccccccccccc, eor x5, x3, #0x3333333333333333
    OP  "eor x 0xf0f0f0f0f0f0f0f0", 0x123456789abcdef, 0, 0xf1d3b597795b3d1f, eor x5, x3, #0xf0f0f0f0f0f0f0f0
    OP  "eor x 0x1", 0xffff, 0, 0xfffe, eor x5, x3, #0x1
    OP  "eor w 0xaaaaaaaa", 0xffffffff, 0, 0x55555555, eor w5, w3, #0xaaaaaaaa
    OP  "eor w 0xffff", 0xffffffff12345678, 0, 0x1234a987, eor w5, w3, #0xffff
    OPF "ands x 0x8000000000000000", F_C|F_V, 0xffffffffffffffff, 0, 0x8000000000000000, 8, ands x5, x3, #0x8000000000000000
    OPF "ands x 0xff", F_C|F_V, 0x100, 0, 0x0, 4, ands x5, x3, #0xff
    OPF "ands x 0xff00ff00ff00ff", F_C|F_V, 0x123456789abcdef, 0, 0x23006700ab00ef, 0, ands x5, x3, #0xff00ff00ff00ff
    OPF "ands w 0x80000000", F_C|F_V, 0x80000000, 0, 0x80000000, 8, ands w5, w3, #0x80000000
    OPF "ands w 0x1", F_C|F_V, 0x100000000, 0, 0x0, 4, ands w5, w3, #0x1
    OPF "ands w 0x7ffffffe", F_C|F_V, 0xffffffff, 0, 0x7ffffffe, 0, ands w5, w3, #0x7ffffffe
    /* MOV (bitmask immediate) is ORR from XZR/WZR */
    OP  "mov x bitmask",  0, 0, 0x0f0f0f0f0f0f0f0f,  mov x5, #0x0f0f0f0f0f0f0f0f
    OP  "mov w bitmask",  0, 0, 0x3c3c3c3c,          mov w5, #0x3c3c3c3c
    OP  "orr x, xzr, imm", 0, 0, 0xfffffffffffff000, orr x5, xzr, #0xfffffffffffff000
    /* TST (immediate) */
    FLG "tst x imm nonzero", F_Z|F_C|F_V, 0x10, 0, 0,      tst x3, #0x10
    FLG "tst x imm zero",    F_C|F_V, 0xef, 0, F_Z,        tst x3, #0x10
    FLG "tst x imm neg",     0, 0x8000000000000000, 0, F_N, tst x3, #0xc000000000000000
    FLG "tst w imm neg",     F_Z, 0xffffffff, 0, F_N,      tst w3, #0xffff0000
    FLG "tst w imm ignores hi", F_N, 0xffff000000000000, 0, F_Z, tst w3, #0xffff0000
    /* AND (immediate) can write SP */
    mov     x20, sp
    ldr     x3, =0x40001237
    and     sp, x3, #0xfffffffffffffff0
    mov     x5, sp
    mov     sp, x20
    CHECK   "and sp, x, imm", x5, 0x40001230
    ldr     x3, =0x40002000
    orr     sp, x3, #0x8
    mov     x5, sp
    mov     sp, x20
    CHECK   "orr sp, x, imm", x5, 0x40002008
    ldr     x3, =0x0000000040003000
    eor     wsp, w3, #0x30
    mov     x5, sp
    mov     sp, x20
    CHECK   "eor wsp, w, imm", x5, 0x40003030

    /* ---- logical (shifted register) ---- */
    OP  "and x", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x20450088238845, and x5, x3, x4
    OP  "and x lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x1034004812a8540, and x5, x3, x4, lsl #4
    OP  "and x lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x204067008801aa, and x5, x3, x4, lsr #8
    OP  "and x asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x12305078008c12a, and x5, x3, x4, asr #12
    OP  "and x ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x21450709a00cc3, and x5, x3, x4, ror #20
    OP  "bic x", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x1030067018845aa, bic x5, x3, x4
    OP  "bic x lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x200563088148af, bic x5, x3, x4, lsl #4
    OP  "bic x lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x10305008923cc45, bic x5, x3, x4, lsr #8
    OP  "bic x asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x406009a30cc5, bic x5, x3, x4, asr #12
    OP  "bic x ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x1020060800bc12c, bic x5, x3, x4, ror #20
    OP  "orr x", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xf1f3ff67cdbbefff, orr x5, x3, x4
    OP  "orr x lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xf2ff56fcbbbedff, orr x5, x3, x4, lsl #4
    OP  "orr x lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x1f3f5ff89efffef, orr x5, x3, x4, lsr #8
    OP  "orr x asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xffff4f6ff9afcfff, orr x5, x3, x4, asr #12
    OP  "orr x ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x3ba75f6f8ffbcdef, orr x5, x3, x4, ror #20
    OP  "orn x", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xf2f45ffbbefddef, orn x5, x3, x4
    OP  "orn x lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xf1f34ff7bdefdfef, orn x5, x3, x4, lsl #4
    OP  "orn x lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xff2f4f67ffbbcdff, orn x5, x3, x4, lsr #8
    OP  "orn x asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x123f5f78ffbfdef, orn x5, x3, x4, asr #12
    OP  "orn x ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xc57be5f7f9afffff, orn x5, x3, x4, ror #20
    OP  "eor x", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xf1d3ba67459867ba, eor x5, x3, x4
    OP  "eor x lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xe2cb56b4a9168bf, eor x5, x3, x4, lsl #4
    OP  "eor x lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x1d3b5988967fe45, eor x5, x3, x4, lsr #8
    OP  "eor x asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xfedc4a6879a70ed5, eor x5, x3, x4, asr #12
    OP  "eor x ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x3b861a68865bc12c, eor x5, x3, x4, ror #20
    OP  "eon x", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xe2c4598ba679845, eon x5, x3, x4
    OP  "eon x lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xf1d34a94b56e9740, eon x5, x3, x4, lsl #4
    OP  "eon x lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xfe2c4a67769801ba, eon x5, x3, x4, lsr #8
    OP  "eon x asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x123b5978658f12a, eon x5, x3, x4, asr #12
    OP  "eon x ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xc479e59779a43ed3, eon x5, x3, x4, ror #20
    OP  "orr x ror 63", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xe1e3ff6799efddef, orr x5, x3, x4, ror #63
    OP  "eor x asr 63", 0x123456789abcdef, 0x8000000080000000, 0xfedcba9876543210, eor x5, x3, x4, asr #63
    OP  "and w", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x88238845, and w5, w3, w4
    OP  "and w lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x812a8540, and w5, w3, w4, lsl #4
    OP  "and w lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x8801aa, and w5, w3, w4, lsr #8
    OP  "and w asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x89a8c12a, and w5, w3, w4, asr #12
    OP  "and w ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x8a14cc3, and w5, w3, w4, ror #20
    OP  "bic w", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x18845aa, bic w5, w3, w4
    OP  "bic w lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x88148af, bic w5, w3, w4, lsl #4
    OP  "bic w lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x8923cc45, bic w5, w3, w4, lsr #8
    OP  "bic w asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x30cc5, bic w5, w3, w4, asr #12
    OP  "bic w ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x810a812c, bic w5, w3, w4, ror #20
    OP  "orr w", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xcdbbefff, orr w5, w3, w4
    OP  "orr w lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xcbbbedff, orr w5, w3, w4, lsl #4
    OP  "orr w lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x89efffef, orr w5, w3, w4, lsr #8
    OP  "orr w asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xffffcfff, orr w5, w3, w4, asr #12
    OP  "orr w ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xbbafddef, orr w5, w3, w4, ror #20
    OP  "orn w", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xbbefddef, orn w5, w3, w4
    OP  "orn w lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xbdefdfef, orn w5, w3, w4, lsl #4
    OP  "orn w lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xffbbcdff, orn w5, w3, w4, lsr #8
    OP  "orn w asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x89abfdef, orn w5, w3, w4, asr #12
    OP  "orn w ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xcdfbefff, orn w5, w3, w4, ror #20
    OP  "eor w", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x459867ba, eor w5, w3, w4
    OP  "eor w lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x4a9168bf, eor w5, w3, w4, lsl #4
    OP  "eor w lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x8967fe45, eor w5, w3, w4, lsr #8
    OP  "eor w asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x76570ed5, eor w5, w3, w4, asr #12
    OP  "eor w ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xb30e912c, eor w5, w3, w4, ror #20
    OP  "eon w", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xba679845, eon w5, w3, w4
    OP  "eon w lsl 4", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0xb56e9740, eon w5, w3, w4, lsl #4
    OP  "eon w lsr 8", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x769801ba, eon w5, w3, w4, lsr #8
    OP  "eon w asr 12", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x89a8f12a, eon w5, w3, w4, asr #12
    OP  "eon w ror 20", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x4cf16ed3, eon w5, w3, w4, ror #20
    OP  "orr w ror 31", 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x99efddef, orr w5, w3, w4, ror #31
    OP  "eor w asr 31", 0x123456789abcdef, 0x8000000080000000, 0x76543210, eor w5, w3, w4, asr #31
    OPF "ands x", F_C|F_V, 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x20450088238845, 0, ands x5, x3, x4
    OPF "ands x asr 4", F_C|F_V, 0xffffffffffffffff, 0x8000000080000000, 0xf800000008000000, 8, ands x5, x3, x4, asr #4
    OPF "ands x lsr 1", F_C|F_V, 0x5555555555555555, 0x5555555555555555, 0x0, 4, ands x5, x3, x4, lsr #1
    OPF "ands x ror 1", F_C|F_V, 0x4000000040000000, 0x1, 0x0, 4, ands x5, x3, x4, ror #1
    OPF "ands x (2)", F_C|F_V, 0xffffffffffffffff, 0x1, 0x1, 0, ands x5, x3, x4
    OPF "ands w", F_C|F_V, 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x88238845, 8, ands w5, w3, w4
    OPF "ands w asr 4", F_C|F_V, 0xffffffffffffffff, 0x8000000080000000, 0xf8000000, 8, ands w5, w3, w4, asr #4
    OPF "ands w lsr 1", F_C|F_V, 0x5555555555555555, 0x5555555555555555, 0x0, 4, ands w5, w3, w4, lsr #1
    OPF "ands w ror 1", F_C|F_V, 0x4000000040000000, 0x1, 0x0, 4, ands w5, w3, w4, ror #1
    OPF "ands w (2)", F_C|F_V, 0xffffffffffffffff, 0x1, 0x1, 0, ands w5, w3, w4
    OPF "bics x", F_C|F_V, 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x1030067018845aa, 0, bics x5, x3, x4
    OPF "bics x asr 4", F_C|F_V, 0xffffffffffffffff, 0x8000000080000000, 0x7fffffff7ffffff, 0, bics x5, x3, x4, asr #4
    OPF "bics x lsr 1", F_C|F_V, 0x5555555555555555, 0x5555555555555555, 0x5555555555555555, 0, bics x5, x3, x4, lsr #1
    OPF "bics x ror 1", F_C|F_V, 0x4000000040000000, 0x1, 0x4000000040000000, 0, bics x5, x3, x4, ror #1
    OPF "bics x (2)", F_C|F_V, 0xffffffffffffffff, 0x1, 0xfffffffffffffffe, 8, bics x5, x3, x4
    OPF "bics w", F_C|F_V, 0x123456789abcdef, 0xf0f0ff00cc33aa55, 0x18845aa, 0, bics w5, w3, w4
    OPF "bics w asr 4", F_C|F_V, 0xffffffffffffffff, 0x8000000080000000, 0x7ffffff, 0, bics w5, w3, w4, asr #4
    OPF "bics w lsr 1", F_C|F_V, 0x5555555555555555, 0x5555555555555555, 0x55555555, 0, bics w5, w3, w4, lsr #1
    OPF "bics w ror 1", F_C|F_V, 0x4000000040000000, 0x1, 0x40000000, 0, bics w5, w3, w4, ror #1
    OPF "bics w (2)", F_C|F_V, 0xffffffffffffffff, 0x1, 0xfffffffe, 8, bics w5, w3, w4
    OP  "mvn x",          0, 0x00ff00ff00ff00ff, 0xff00ff00ff00ff00, mvn x5, x4
    OP  "mvn w",          0, 0x00ff00ff00ff00ff, 0xff00ff00,       mvn w5, w4
    OP  "mvn x lsl 8",    0, 0xff, 0xffffffffffff00ff,             mvn x5, x4, lsl #8
    OP  "mov x, x",       0, 0x0123456789abcdef, 0x0123456789abcdef, mov x5, x4
    OP  "mov w, w",       0, 0x0123456789abcdef, 0x89abcdef,       mov w5, w4
    FLG "tst x reg zero",  F_C|F_V, 0xf0, 0x0f, F_Z,               tst x3, x4
    FLG "tst x reg neg",   F_Z, 0x8000000000000000, 0xffffffffffffffff, F_N, tst x3, x4
    FLG "tst x lsl",       F_Z|F_C, 0x100, 0x1, 0,                 tst x3, x4, lsl #8
    FLG "tst w ror",       0, 0x80000000, 0x1, F_N,                tst w3, w4, ror #1
    FLG "tst w asr",       F_N, 0x00000001, 0x80000000, F_Z,       tst w3, w4, asr #30
    /* non-S forms leave the flags alone */
    ldr     x3, =0xffffffffffffffff
    SET_NZCV F_Z|F_V
    and     x5, x3, #0x8000000000000000
    orr     x5, x3, x3
    eor     x5, x3, x3
    bic     w5, w3, w3
    CHECK_NZCV "and/orr/eor/bic keep flags", F_Z|F_V
TEST_END
