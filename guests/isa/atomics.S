/*
 * atomics.S - FEAT_LSE atomics, each checked for the old value returned
 * (zero-extended, whatever Rt held) and the memory after (the whole
 * quadword, so the narrow forms must leave their neighbours alone):
 *   LDADD/LDCLR/LDEOR/LDSET/LDSMAX/LDSMIN/LDUMAX/LDUMIN  x {B,H,W,X} x {-,A,L,AL}
 *   the ST<op> aliases (Rt = ZR), SWP, CAS (success and failure), CASP
 *   (W and X pairs, success and failure in either half).
 * The operand register carries junk above the data size (it must be
 * ignored); min/max use the signed and unsigned extremes of the size.
 */
#include "tap_asm.h"
    .arch_extension lse

/* memory = meminit; x4 = rs; x5 = junk; insn; check x5 (old) and memory */
.macro AT name, meminit, rs, old, memafter, insn:vararg
    ldr     x19, =mem
    ldr     x9, =\meminit
    str     x9, [x19]
    ldr     x4, =\rs
    ldr     x5, =0x5555555555555555
    \insn
    ldr     x20, [x19]
    mov     x21, x5
    CHECK   "\name old", x21, \old
    CHECK   "\name mem", x20, \memafter
.endm

/* the ST<op> aliases: no register result */
.macro ST name, meminit, rs, memafter, insn:vararg
    ldr     x19, =mem
    ldr     x9, =\meminit
    str     x9, [x19]
    ldr     x4, =\rs
    \insn
    ldr     x20, [x19]
    mov     x21, x4
    CHECK   "\name mem", x20, \memafter
    CHECK   "\name keeps rs", x21, \rs
.endm

/* CAS: x4 = compare value (receives the old value), x5 = new value */
.macro CAS name, meminit, cmp, new, old, memafter, insn:vararg
    ldr     x19, =mem
    ldr     x9, =\meminit
    str     x9, [x19]
    ldr     x4, =\cmp
    ldr     x5, =\new
    \insn
    ldr     x20, [x19]
    mov     x21, x4
    CHECK   "\name old", x21, \old
    CHECK   "\name mem", x20, \memafter
.endm

/* CASP: memory pair m0, m1; compare x4, x5; new x6, x7; afterwards
   x4, x5 = m0, m1 and memory = f0, f1 */
.macro CASP name, width, m0, m1, c0, c1, n0, n1, f0, f1, insn:vararg
    ldr     x19, =pairmem
    .if \width == 64
    ldr     x9, =\m0
    ldr     x10, =\m1
    stp     x9, x10, [x19]
    .else
    ldr     w9, =\m0
    ldr     w10, =\m1
    stp     w9, w10, [x19]
    .endif
    ldr     x4, =\c0
    ldr     x5, =\c1
    ldr     x6, =\n0
    ldr     x7, =\n1
    \insn
    .if \width == 64
    ldp     x20, x21, [x19]
    .else
    ldp     w20, w21, [x19]
    .endif
    mov     x22, x4
    mov     x23, x5
    CHECK   "\name old lo", x22, \m0
    CHECK   "\name old hi", x23, \m1
    CHECK   "\name mem lo", x20, \f0
    CHECK   "\name mem hi", x21, \f1
.endm

TEST_BEGIN
    AT  "ldaddb w", 0x88776655443322ff, 0xadbeefcafef00d02, 0xff, 0x8877665544332201, ldaddb w4, w5, [x19]
    AT  "ldaddab w", 0x88776655443322ff, 0xadbeefcafef00d02, 0xff, 0x8877665544332201, ldaddab w4, w5, [x19]
    AT  "ldaddlb w", 0x88776655443322ff, 0xadbeefcafef00d02, 0xff, 0x8877665544332201, ldaddlb w4, w5, [x19]
    AT  "ldaddalb w", 0x88776655443322ff, 0xadbeefcafef00d02, 0xff, 0x8877665544332201, ldaddalb w4, w5, [x19]
    AT  "ldaddh w", 0x887766554433ffff, 0xbeefcafef00d0002, 0xffff, 0x8877665544330001, ldaddh w4, w5, [x19]
    AT  "ldaddah w", 0x887766554433ffff, 0xbeefcafef00d0002, 0xffff, 0x8877665544330001, ldaddah w4, w5, [x19]
    AT  "ldaddlh w", 0x887766554433ffff, 0xbeefcafef00d0002, 0xffff, 0x8877665544330001, ldaddlh w4, w5, [x19]
    AT  "ldaddalh w", 0x887766554433ffff, 0xbeefcafef00d0002, 0xffff, 0x8877665544330001, ldaddalh w4, w5, [x19]
    AT  "ldadd w", 0x88776655ffffffff, 0xcafef00d00000002, 0xffffffff, 0x8877665500000001, ldadd w4, w5, [x19]
    AT  "ldadda w", 0x88776655ffffffff, 0xcafef00d00000002, 0xffffffff, 0x8877665500000001, ldadda w4, w5, [x19]
    AT  "ldaddl w", 0x88776655ffffffff, 0xcafef00d00000002, 0xffffffff, 0x8877665500000001, ldaddl w4, w5, [x19]
    AT  "ldaddal w", 0x88776655ffffffff, 0xcafef00d00000002, 0xffffffff, 0x8877665500000001, ldaddal w4, w5, [x19]
    AT  "ldadd x", 0xffffffffffffffff, 0x2, 0xffffffffffffffff, 0x1, ldadd x4, x5, [x19]
    AT  "ldadda x", 0xffffffffffffffff, 0x2, 0xffffffffffffffff, 0x1, ldadda x4, x5, [x19]
    AT  "ldaddl x", 0xffffffffffffffff, 0x2, 0xffffffffffffffff, 0x1, ldaddl x4, x5, [x19]
    AT  "ldaddal x", 0xffffffffffffffff, 0x2, 0xffffffffffffffff, 0x1, ldaddal x4, x5, [x19]
    AT  "ldclrb w", 0x88776655443322f0, 0xadbeefcafef00d3c, 0xf0, 0x88776655443322c0, ldclrb w4, w5, [x19]
    AT  "ldclrab w", 0x88776655443322f0, 0xadbeefcafef00d3c, 0xf0, 0x88776655443322c0, ldclrab w4, w5, [x19]
    AT  "ldclrlb w", 0x88776655443322f0, 0xadbeefcafef00d3c, 0xf0, 0x88776655443322c0, ldclrlb w4, w5, [x19]
    AT  "ldclralb w", 0x88776655443322f0, 0xadbeefcafef00d3c, 0xf0, 0x88776655443322c0, ldclralb w4, w5, [x19]
    AT  "ldclrh w", 0x887766554433f0f0, 0xbeefcafef00d3c3c, 0xf0f0, 0x887766554433c0c0, ldclrh w4, w5, [x19]
    AT  "ldclrah w", 0x887766554433f0f0, 0xbeefcafef00d3c3c, 0xf0f0, 0x887766554433c0c0, ldclrah w4, w5, [x19]
    AT  "ldclrlh w", 0x887766554433f0f0, 0xbeefcafef00d3c3c, 0xf0f0, 0x887766554433c0c0, ldclrlh w4, w5, [x19]
    AT  "ldclralh w", 0x887766554433f0f0, 0xbeefcafef00d3c3c, 0xf0f0, 0x887766554433c0c0, ldclralh w4, w5, [x19]
    AT  "ldclr w", 0x88776655f0f0f0f0, 0xcafef00d3c3c3c3c, 0xf0f0f0f0, 0x88776655c0c0c0c0, ldclr w4, w5, [x19]
    AT  "ldclra w", 0x88776655f0f0f0f0, 0xcafef00d3c3c3c3c, 0xf0f0f0f0, 0x88776655c0c0c0c0, ldclra w4, w5, [x19]
    AT  "ldclrl w", 0x88776655f0f0f0f0, 0xcafef00d3c3c3c3c, 0xf0f0f0f0, 0x88776655c0c0c0c0, ldclrl w4, w5, [x19]
    AT  "ldclral w", 0x88776655f0f0f0f0, 0xcafef00d3c3c3c3c, 0xf0f0f0f0, 0x88776655c0c0c0c0, ldclral w4, w5, [x19]
    AT  "ldclr x", 0xf0f0f0f0f0f0f0f0, 0x3c3c3c3c3c3c3c3c, 0xf0f0f0f0f0f0f0f0, 0xc0c0c0c0c0c0c0c0, ldclr x4, x5, [x19]
    AT  "ldclra x", 0xf0f0f0f0f0f0f0f0, 0x3c3c3c3c3c3c3c3c, 0xf0f0f0f0f0f0f0f0, 0xc0c0c0c0c0c0c0c0, ldclra x4, x5, [x19]
    AT  "ldclrl x", 0xf0f0f0f0f0f0f0f0, 0x3c3c3c3c3c3c3c3c, 0xf0f0f0f0f0f0f0f0, 0xc0c0c0c0c0c0c0c0, ldclrl x4, x5, [x19]
    AT  "ldclral x", 0xf0f0f0f0f0f0f0f0, 0x3c3c3c3c3c3c3c3c, 0xf0f0f0f0f0f0f0f0, 0xc0c0c0c0c0c0c0c0, ldclral x4, x5, [x19]
    AT  "ldeorb w", 0x88776655443322f0, 0xadbeefcafef00d3c, 0xf0, 0x88776655443322cc, ldeorb w4, w5, [x19]
    AT  "ldeorab w", 0x88776655443322f0, 0xadbeefcafef00d3c, 0xf0, 0x88776655443322cc, ldeorab w4, w5, [x19]
    AT  "ldeorlb w", 0x88776655443322f0, 0xadbeefcafef00d3c, 0xf0, 0x88776655443322cc, ldeorlb w4, w5, [x19]
    AT  "ldeoralb w", 0x88776655443322f0, 0xadbeefcafef00d3c, 0xf0, 0x88776655443322cc, ldeoralb w4, w5, [x19]
    AT  "ldeorh w", 0x887766554433f0f0, 0xbeefcafef00d3c3c, 0xf0f0, 0x887766554433cccc, ldeorh w4, w5, [x19]
    AT  "ldeorah w", 0x887766554433f0f0, 0xbeefcafef00d3c3c, 0xf0f0, 0x887766554433cccc, ldeorah w4, w5, [x19]
    AT  "ldeorlh w", 0x887766554433f0f0, 0xbeefcafef00d3c3c, 0xf0f0, 0x887766554433cccc, ldeorlh w4, w5, [x19]
    AT  "ldeoralh w", 0x887766554433f0f0, 0xbeefcafef00d3c3c, 0xf0f0, 0x887766554433cccc, ldeoralh w4, w5, [x19]
    AT  "ldeor w", 0x88776655f0f0f0f0, 0xcafef00d3c3c3c3c, 0xf0f0f0f0, 0x88776655cccccccc, ldeor w4, w5, [x19]
    AT  "ldeora w", 0x88776655f0f0f0f0, 0xcafef00d3c3c3c3c, 0xf0f0f0f0, 0x88776655cccccccc, ldeora w4, w5, [x19]
    AT  "ldeorl w", 0x88776655f0f0f0f0, 0xcafef00d3c3c3c3c, 0xf0f0f0f0, 0x88776655cccccccc, ldeorl w4, w5, [x19]
    AT  "ldeoral w", 0x88776655f0f0f0f0, 0xcafef00d3c3c3c3c, 0xf0f0f0f0, 0x88776655cccccccc, ldeoral w4, w5, [x19]
    AT  "ldeor x", 0xf0f0f0f0f0f0f0f0, 0x3c3c3c3c3c3c3c3c, 0xf0f0f0f0f0f0f0f0, 0xcccccccccccccccc, ldeor x4, x5, [x19]
    AT  "ldeora x", 0xf0f0f0f0f0f0f0f0, 0x3c3c3c3c3c3c3c3c, 0xf0f0f0f0f0f0f0f0, 0xcccccccccccccccc, ldeora x4, x5, [x19]
    AT  "ldeorl x", 0xf0f0f0f0f0f0f0f0, 0x3c3c3c3c3c3c3c3c, 0xf0f0f0f0f0f0f0f0, 0xcccccccccccccccc, ldeorl x4, x5, [x19]
    AT  "ldeoral x", 0xf0f0f0f0f0f0f0f0, 0x3c3c3c3c3c3c3c3c, 0xf0f0f0f0f0f0f0f0, 0xcccccccccccccccc, ldeoral x4, x5, [x19]
    AT  "ldsetb w", 0x887766554433220f, 0xadbeefcafef00d81, 0xf, 0x887766554433228f, ldsetb w4, w5, [x19]
    AT  "ldsetab w", 0x887766554433220f, 0xadbeefcafef00d81, 0xf, 0x887766554433228f, ldsetab w4, w5, [x19]
    AT  "ldsetlb w", 0x887766554433220f, 0xadbeefcafef00d81, 0xf, 0x887766554433228f, ldsetlb w4, w5, [x19]
    AT  "ldsetalb w", 0x887766554433220f, 0xadbeefcafef00d81, 0xf, 0x887766554433228f, ldsetalb w4, w5, [x19]
    AT  "ldseth w", 0x8877665544330f0f, 0xbeefcafef00d8181, 0xf0f, 0x8877665544338f8f, ldseth w4, w5, [x19]
    AT  "ldsetah w", 0x8877665544330f0f, 0xbeefcafef00d8181, 0xf0f, 0x8877665544338f8f, ldsetah w4, w5, [x19]
    AT  "ldsetlh w", 0x8877665544330f0f, 0xbeefcafef00d8181, 0xf0f, 0x8877665544338f8f, ldsetlh w4, w5, [x19]
    AT  "ldsetalh w", 0x8877665544330f0f, 0xbeefcafef00d8181, 0xf0f, 0x8877665544338f8f, ldsetalh w4, w5, [x19]
    AT  "ldset w", 0x887766550f0f0f0f, 0xcafef00d81818181, 0xf0f0f0f, 0x887766558f8f8f8f, ldset w4, w5, [x19]
    AT  "ldseta w", 0x887766550f0f0f0f, 0xcafef00d81818181, 0xf0f0f0f, 0x887766558f8f8f8f, ldseta w4, w5, [x19]
    AT  "ldsetl w", 0x887766550f0f0f0f, 0xcafef00d81818181, 0xf0f0f0f, 0x887766558f8f8f8f, ldsetl w4, w5, [x19]
    AT  "ldsetal w", 0x887766550f0f0f0f, 0xcafef00d81818181, 0xf0f0f0f, 0x887766558f8f8f8f, ldsetal w4, w5, [x19]
    AT  "ldset x", 0xf0f0f0f0f0f0f0f, 0x8181818181818181, 0xf0f0f0f0f0f0f0f, 0x8f8f8f8f8f8f8f8f, ldset x4, x5, [x19]
    AT  "ldseta x", 0xf0f0f0f0f0f0f0f, 0x8181818181818181, 0xf0f0f0f0f0f0f0f, 0x8f8f8f8f8f8f8f8f, ldseta x4, x5, [x19]
    AT  "ldsetl x", 0xf0f0f0f0f0f0f0f, 0x8181818181818181, 0xf0f0f0f0f0f0f0f, 0x8f8f8f8f8f8f8f8f, ldsetl x4, x5, [x19]
    AT  "ldsetal x", 0xf0f0f0f0f0f0f0f, 0x8181818181818181, 0xf0f0f0f0f0f0f0f, 0x8f8f8f8f8f8f8f8f, ldsetal x4, x5, [x19]
    AT  "ldsmaxb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x887766554433227f, ldsmaxb w4, w5, [x19]
    AT  "ldsmaxb w case 1", 0x88776655443322fe, 0xadbeefcafef00d01, 0xfe, 0x8877665544332201, ldsmaxb w4, w5, [x19]
    AT  "ldsmaxab w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x887766554433227f, ldsmaxab w4, w5, [x19]
    AT  "ldsmaxlb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x887766554433227f, ldsmaxlb w4, w5, [x19]
    AT  "ldsmaxalb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x887766554433227f, ldsmaxalb w4, w5, [x19]
    AT  "ldsmaxh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544337fff, ldsmaxh w4, w5, [x19]
    AT  "ldsmaxh w case 1", 0x887766554433fffe, 0xbeefcafef00d0001, 0xfffe, 0x8877665544330001, ldsmaxh w4, w5, [x19]
    AT  "ldsmaxah w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544337fff, ldsmaxah w4, w5, [x19]
    AT  "ldsmaxlh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544337fff, ldsmaxlh w4, w5, [x19]
    AT  "ldsmaxalh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544337fff, ldsmaxalh w4, w5, [x19]
    AT  "ldsmax w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x887766557fffffff, ldsmax w4, w5, [x19]
    AT  "ldsmax w case 1", 0x88776655fffffffe, 0xcafef00d00000001, 0xfffffffe, 0x8877665500000001, ldsmax w4, w5, [x19]
    AT  "ldsmaxa w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x887766557fffffff, ldsmaxa w4, w5, [x19]
    AT  "ldsmaxl w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x887766557fffffff, ldsmaxl w4, w5, [x19]
    AT  "ldsmaxal w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x887766557fffffff, ldsmaxal w4, w5, [x19]
    AT  "ldsmax x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, ldsmax x4, x5, [x19]
    AT  "ldsmax x case 1", 0xfffffffffffffffe, 0x1, 0xfffffffffffffffe, 0x1, ldsmax x4, x5, [x19]
    AT  "ldsmaxa x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, ldsmaxa x4, x5, [x19]
    AT  "ldsmaxl x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, ldsmaxl x4, x5, [x19]
    AT  "ldsmaxal x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, ldsmaxal x4, x5, [x19]
    AT  "ldsminb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x8877665544332280, ldsminb w4, w5, [x19]
    AT  "ldsminb w case 1", 0x88776655443322fe, 0xadbeefcafef00d01, 0xfe, 0x88776655443322fe, ldsminb w4, w5, [x19]
    AT  "ldsminab w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x8877665544332280, ldsminab w4, w5, [x19]
    AT  "ldsminlb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x8877665544332280, ldsminlb w4, w5, [x19]
    AT  "ldsminalb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x8877665544332280, ldsminalb w4, w5, [x19]
    AT  "ldsminh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544338000, ldsminh w4, w5, [x19]
    AT  "ldsminh w case 1", 0x887766554433fffe, 0xbeefcafef00d0001, 0xfffe, 0x887766554433fffe, ldsminh w4, w5, [x19]
    AT  "ldsminah w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544338000, ldsminah w4, w5, [x19]
    AT  "ldsminlh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544338000, ldsminlh w4, w5, [x19]
    AT  "ldsminalh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544338000, ldsminalh w4, w5, [x19]
    AT  "ldsmin w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x8877665580000000, ldsmin w4, w5, [x19]
    AT  "ldsmin w case 1", 0x88776655fffffffe, 0xcafef00d00000001, 0xfffffffe, 0x88776655fffffffe, ldsmin w4, w5, [x19]
    AT  "ldsmina w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x8877665580000000, ldsmina w4, w5, [x19]
    AT  "ldsminl w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x8877665580000000, ldsminl w4, w5, [x19]
    AT  "ldsminal w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x8877665580000000, ldsminal w4, w5, [x19]
    AT  "ldsmin x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, ldsmin x4, x5, [x19]
    AT  "ldsmin x case 1", 0xfffffffffffffffe, 0x1, 0xfffffffffffffffe, 0xfffffffffffffffe, ldsmin x4, x5, [x19]
    AT  "ldsmina x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, ldsmina x4, x5, [x19]
    AT  "ldsminl x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, ldsminl x4, x5, [x19]
    AT  "ldsminal x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, ldsminal x4, x5, [x19]
    AT  "ldumaxb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x8877665544332280, ldumaxb w4, w5, [x19]
    AT  "ldumaxb w case 1", 0x88776655443322fe, 0xadbeefcafef00d01, 0xfe, 0x88776655443322fe, ldumaxb w4, w5, [x19]
    AT  "ldumaxab w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x8877665544332280, ldumaxab w4, w5, [x19]
    AT  "ldumaxlb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x8877665544332280, ldumaxlb w4, w5, [x19]
    AT  "ldumaxalb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x8877665544332280, ldumaxalb w4, w5, [x19]
    AT  "ldumaxh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544338000, ldumaxh w4, w5, [x19]
    AT  "ldumaxh w case 1", 0x887766554433fffe, 0xbeefcafef00d0001, 0xfffe, 0x887766554433fffe, ldumaxh w4, w5, [x19]
    AT  "ldumaxah w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544338000, ldumaxah w4, w5, [x19]
    AT  "ldumaxlh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544338000, ldumaxlh w4, w5, [x19]
    AT  "ldumaxalh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544338000, ldumaxalh w4, w5, [x19]
    AT  "ldumax w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x8877665580000000, ldumax w4, w5, [x19]
    AT  "ldumax w case 1", 0x88776655fffffffe, 0xcafef00d00000001, 0xfffffffe, 0x88776655fffffffe, ldumax w4, w5, [x19]
    AT  "ldumaxa w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x8877665580000000, ldumaxa w4, w5, [x19]
    AT  "ldumaxl w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x8877665580000000, ldumaxl w4, w5, [x19]
    AT  "ldumaxal w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x8877665580000000, ldumaxal w4, w5, [x19]
    AT  "ldumax x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, ldumax x4, x5, [x19]
    AT  "ldumax x case 1", 0xfffffffffffffffe, 0x1, 0xfffffffffffffffe, 0xfffffffffffffffe, ldumax x4, x5, [x19]
    AT  "ldumaxa x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, ldumaxa x4, x5, [x19]
    AT  "ldumaxl x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, ldumaxl x4, x5, [x19]
    AT  "ldumaxal x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, ldumaxal x4, x5, [x19]
    AT  "lduminb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x887766554433227f, lduminb w4, w5, [x19]
    AT  "lduminb w case 1", 0x88776655443322fe, 0xadbeefcafef00d01, 0xfe, 0x8877665544332201, lduminb w4, w5, [x19]
    AT  "lduminab w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x887766554433227f, lduminab w4, w5, [x19]
    AT  "lduminlb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x887766554433227f, lduminlb w4, w5, [x19]
    AT  "lduminalb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x7f, 0x887766554433227f, lduminalb w4, w5, [x19]
    AT  "lduminh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544337fff, lduminh w4, w5, [x19]
    AT  "lduminh w case 1", 0x887766554433fffe, 0xbeefcafef00d0001, 0xfffe, 0x8877665544330001, lduminh w4, w5, [x19]
    AT  "lduminah w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544337fff, lduminah w4, w5, [x19]
    AT  "lduminlh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544337fff, lduminlh w4, w5, [x19]
    AT  "lduminalh w", 0x8877665544337fff, 0xbeefcafef00d8000, 0x7fff, 0x8877665544337fff, lduminalh w4, w5, [x19]
    AT  "ldumin w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x887766557fffffff, ldumin w4, w5, [x19]
    AT  "ldumin w case 1", 0x88776655fffffffe, 0xcafef00d00000001, 0xfffffffe, 0x8877665500000001, ldumin w4, w5, [x19]
    AT  "ldumina w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x887766557fffffff, ldumina w4, w5, [x19]
    AT  "lduminl w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x887766557fffffff, lduminl w4, w5, [x19]
    AT  "lduminal w", 0x887766557fffffff, 0xcafef00d80000000, 0x7fffffff, 0x887766557fffffff, lduminal w4, w5, [x19]
    AT  "ldumin x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, ldumin x4, x5, [x19]
    AT  "ldumin x case 1", 0xfffffffffffffffe, 0x1, 0xfffffffffffffffe, 0x1, ldumin x4, x5, [x19]
    AT  "ldumina x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, ldumina x4, x5, [x19]
    AT  "lduminl x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, lduminl x4, x5, [x19]
    AT  "lduminal x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, lduminal x4, x5, [x19]
    ST  "stadd x", 0xffffffffffffffff, 0x2, 0x1, stadd x4, [x19]
    ST  "staddlb w", 0x88776655443322ff, 0xadbeefcafef00d02, 0x8877665544332201, staddlb w4, [x19]
    ST  "stadd w", 0x88776655ffffffff, 0xcafef00d00000002, 0x8877665500000001, stadd w4, [x19]
    ST  "stclr x", 0xf0f0f0f0f0f0f0f0, 0x3c3c3c3c3c3c3c3c, 0xc0c0c0c0c0c0c0c0, stclr x4, [x19]
    ST  "stclrlb w", 0x88776655443322f0, 0xadbeefcafef00d3c, 0x88776655443322c0, stclrlb w4, [x19]
    ST  "stclr w", 0x88776655f0f0f0f0, 0xcafef00d3c3c3c3c, 0x88776655c0c0c0c0, stclr w4, [x19]
    ST  "steor x", 0xf0f0f0f0f0f0f0f0, 0x3c3c3c3c3c3c3c3c, 0xcccccccccccccccc, steor x4, [x19]
    ST  "steorlb w", 0x88776655443322f0, 0xadbeefcafef00d3c, 0x88776655443322cc, steorlb w4, [x19]
    ST  "steor w", 0x88776655f0f0f0f0, 0xcafef00d3c3c3c3c, 0x88776655cccccccc, steor w4, [x19]
    ST  "stset x", 0xf0f0f0f0f0f0f0f, 0x8181818181818181, 0x8f8f8f8f8f8f8f8f, stset x4, [x19]
    ST  "stsetlb w", 0x887766554433220f, 0xadbeefcafef00d81, 0x887766554433228f, stsetlb w4, [x19]
    ST  "stset w", 0x887766550f0f0f0f, 0xcafef00d81818181, 0x887766558f8f8f8f, stset w4, [x19]
    ST  "stsmax x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, stsmax x4, [x19]
    ST  "stsmaxlb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x887766554433227f, stsmaxlb w4, [x19]
    ST  "stsmax w", 0x887766557fffffff, 0xcafef00d80000000, 0x887766557fffffff, stsmax w4, [x19]
    ST  "stsmin x", 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000, stsmin x4, [x19]
    ST  "stsminlb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x8877665544332280, stsminlb w4, [x19]
    ST  "stsmin w", 0x887766557fffffff, 0xcafef00d80000000, 0x8877665580000000, stsmin w4, [x19]
    ST  "stumax x", 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000, stumax x4, [x19]
    ST  "stumaxlb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x8877665544332280, stumaxlb w4, [x19]
    ST  "stumax w", 0x887766557fffffff, 0xcafef00d80000000, 0x8877665580000000, stumax w4, [x19]
    ST  "stumin x", 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, stumin x4, [x19]
    ST  "stuminlb w", 0x887766554433227f, 0xadbeefcafef00d80, 0x887766554433227f, stuminlb w4, [x19]
    ST  "stumin w", 0x887766557fffffff, 0xcafef00d80000000, 0x887766557fffffff, stumin w4, [x19]
    AT  "swpb w", 0x88776655443322a5, 0xadbeefcafef00d5a, 0xa5, 0x887766554433225a, swpb w4, w5, [x19]
    AT  "swpab w", 0x88776655443322a5, 0xadbeefcafef00d5a, 0xa5, 0x887766554433225a, swpab w4, w5, [x19]
    AT  "swplb w", 0x88776655443322a5, 0xadbeefcafef00d5a, 0xa5, 0x887766554433225a, swplb w4, w5, [x19]
    AT  "swpalb w", 0x88776655443322a5, 0xadbeefcafef00d5a, 0xa5, 0x887766554433225a, swpalb w4, w5, [x19]
    AT  "swph w", 0x887766554433a5a5, 0xbeefcafef00d5a5a, 0xa5a5, 0x8877665544335a5a, swph w4, w5, [x19]
    AT  "swpah w", 0x887766554433a5a5, 0xbeefcafef00d5a5a, 0xa5a5, 0x8877665544335a5a, swpah w4, w5, [x19]
    AT  "swplh w", 0x887766554433a5a5, 0xbeefcafef00d5a5a, 0xa5a5, 0x8877665544335a5a, swplh w4, w5, [x19]
    AT  "swpalh w", 0x887766554433a5a5, 0xbeefcafef00d5a5a, 0xa5a5, 0x8877665544335a5a, swpalh w4, w5, [x19]
    AT  "swp w", 0x88776655a5a5a5a5, 0xcafef00d5a5a5a5a, 0xa5a5a5a5, 0x887766555a5a5a5a, swp w4, w5, [x19]
    AT  "swpa w", 0x88776655a5a5a5a5, 0xcafef00d5a5a5a5a, 0xa5a5a5a5, 0x887766555a5a5a5a, swpa w4, w5, [x19]
    AT  "swpl w", 0x88776655a5a5a5a5, 0xcafef00d5a5a5a5a, 0xa5a5a5a5, 0x887766555a5a5a5a, swpl w4, w5, [x19]
    AT  "swpal w", 0x88776655a5a5a5a5, 0xcafef00d5a5a5a5a, 0xa5a5a5a5, 0x887766555a5a5a5a, swpal w4, w5, [x19]
    AT  "swp x", 0xa5a5a5a5a5a5a5a5, 0x5a5a5a5a5a5a5a5a, 0xa5a5a5a5a5a5a5a5, 0x5a5a5a5a5a5a5a5a, swp x4, x5, [x19]
    AT  "swpa x", 0xa5a5a5a5a5a5a5a5, 0x5a5a5a5a5a5a5a5a, 0xa5a5a5a5a5a5a5a5, 0x5a5a5a5a5a5a5a5a, swpa x4, x5, [x19]
    AT  "swpl x", 0xa5a5a5a5a5a5a5a5, 0x5a5a5a5a5a5a5a5a, 0xa5a5a5a5a5a5a5a5, 0x5a5a5a5a5a5a5a5a, swpl x4, x5, [x19]
    AT  "swpal x", 0xa5a5a5a5a5a5a5a5, 0x5a5a5a5a5a5a5a5a, 0xa5a5a5a5a5a5a5a5, 0x5a5a5a5a5a5a5a5a, swpal x4, x5, [x19]
    CAS "casb w success", 0x88776655443322c3, 0xadbeefcafef00dc3, 0xadbeefcafef00d3c, 0xc3, 0x887766554433223c, casb w4, w5, [x19]
    CAS "casb w failure", 0x88776655443322c3, 0xadbeefcafef00d43, 0xadbeefcafef00d3c, 0xc3, 0x88776655443322c3, casb w4, w5, [x19]
    CAS "casab w success", 0x88776655443322c3, 0xadbeefcafef00dc3, 0xadbeefcafef00d3c, 0xc3, 0x887766554433223c, casab w4, w5, [x19]
    CAS "casab w failure", 0x88776655443322c3, 0xadbeefcafef00d43, 0xadbeefcafef00d3c, 0xc3, 0x88776655443322c3, casab w4, w5, [x19]
    CAS "caslb w success", 0x88776655443322c3, 0xadbeefcafef00dc3, 0xadbeefcafef00d3c, 0xc3, 0x887766554433223c, caslb w4, w5, [x19]
    CAS "caslb w failure", 0x88776655443322c3, 0xadbeefcafef00d43, 0xadbeefcafef00d3c, 0xc3, 0x88776655443322c3, caslb w4, w5, [x19]
    CAS "casalb w success", 0x88776655443322c3, 0xadbeefcafef00dc3, 0xadbeefcafef00d3c, 0xc3, 0x887766554433223c, casalb w4, w5, [x19]
    CAS "casalb w failure", 0x88776655443322c3, 0xadbeefcafef00d43, 0xadbeefcafef00d3c, 0xc3, 0x88776655443322c3, casalb w4, w5, [x19]
    CAS "cash w success", 0x887766554433c3c3, 0xbeefcafef00dc3c3, 0xbeefcafef00d3c3c, 0xc3c3, 0x8877665544333c3c, cash w4, w5, [x19]
    CAS "cash w failure", 0x887766554433c3c3, 0xbeefcafef00d43c3, 0xbeefcafef00d3c3c, 0xc3c3, 0x887766554433c3c3, cash w4, w5, [x19]
    CAS "casah w success", 0x887766554433c3c3, 0xbeefcafef00dc3c3, 0xbeefcafef00d3c3c, 0xc3c3, 0x8877665544333c3c, casah w4, w5, [x19]
    CAS "casah w failure", 0x887766554433c3c3, 0xbeefcafef00d43c3, 0xbeefcafef00d3c3c, 0xc3c3, 0x887766554433c3c3, casah w4, w5, [x19]
    CAS "caslh w success", 0x887766554433c3c3, 0xbeefcafef00dc3c3, 0xbeefcafef00d3c3c, 0xc3c3, 0x8877665544333c3c, caslh w4, w5, [x19]
    CAS "caslh w failure", 0x887766554433c3c3, 0xbeefcafef00d43c3, 0xbeefcafef00d3c3c, 0xc3c3, 0x887766554433c3c3, caslh w4, w5, [x19]
    CAS "casalh w success", 0x887766554433c3c3, 0xbeefcafef00dc3c3, 0xbeefcafef00d3c3c, 0xc3c3, 0x8877665544333c3c, casalh w4, w5, [x19]
    CAS "casalh w failure", 0x887766554433c3c3, 0xbeefcafef00d43c3, 0xbeefcafef00d3c3c, 0xc3c3, 0x887766554433c3c3, casalh w4, w5, [x19]
    CAS "cas w success", 0x88776655c3c3c3c3, 0xcafef00dc3c3c3c3, 0xcafef00d3c3c3c3c, 0xc3c3c3c3, 0x887766553c3c3c3c, cas w4, w5, [x19]
    CAS "cas w failure", 0x88776655c3c3c3c3, 0xcafef00d43c3c3c3, 0xcafef00d3c3c3c3c, 0xc3c3c3c3, 0x88776655c3c3c3c3, cas w4, w5, [x19]
    CAS "casa w success", 0x88776655c3c3c3c3, 0xcafef00dc3c3c3c3, 0xcafef00d3c3c3c3c, 0xc3c3c3c3, 0x887766553c3c3c3c, casa w4, w5, [x19]
    CAS "casa w failure", 0x88776655c3c3c3c3, 0xcafef00d43c3c3c3, 0xcafef00d3c3c3c3c, 0xc3c3c3c3, 0x88776655c3c3c3c3, casa w4, w5, [x19]
    CAS "casl w success", 0x88776655c3c3c3c3, 0xcafef00dc3c3c3c3, 0xcafef00d3c3c3c3c, 0xc3c3c3c3, 0x887766553c3c3c3c, casl w4, w5, [x19]
    CAS "casl w failure", 0x88776655c3c3c3c3, 0xcafef00d43c3c3c3, 0xcafef00d3c3c3c3c, 0xc3c3c3c3, 0x88776655c3c3c3c3, casl w4, w5, [x19]
    CAS "casal w success", 0x88776655c3c3c3c3, 0xcafef00dc3c3c3c3, 0xcafef00d3c3c3c3c, 0xc3c3c3c3, 0x887766553c3c3c3c, casal w4, w5, [x19]
    CAS "casal w failure", 0x88776655c3c3c3c3, 0xcafef00d43c3c3c3, 0xcafef00d3c3c3c3c, 0xc3c3c3c3, 0x88776655c3c3c3c3, casal w4, w5, [x19]
    CAS "cas x success", 0xc3c3c3c3c3c3c3c3, 0xc3c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, 0xc3c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, cas x4, x5, [x19]
    CAS "cas x failure", 0xc3c3c3c3c3c3c3c3, 0x43c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, 0xc3c3c3c3c3c3c3c3, 0xc3c3c3c3c3c3c3c3, cas x4, x5, [x19]
    CAS "casa x success", 0xc3c3c3c3c3c3c3c3, 0xc3c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, 0xc3c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, casa x4, x5, [x19]
    CAS "casa x failure", 0xc3c3c3c3c3c3c3c3, 0x43c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, 0xc3c3c3c3c3c3c3c3, 0xc3c3c3c3c3c3c3c3, casa x4, x5, [x19]
    CAS "casl x success", 0xc3c3c3c3c3c3c3c3, 0xc3c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, 0xc3c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, casl x4, x5, [x19]
    CAS "casl x failure", 0xc3c3c3c3c3c3c3c3, 0x43c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, 0xc3c3c3c3c3c3c3c3, 0xc3c3c3c3c3c3c3c3, casl x4, x5, [x19]
    CAS "casal x success", 0xc3c3c3c3c3c3c3c3, 0xc3c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, 0xc3c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, casal x4, x5, [x19]
    CAS "casal x failure", 0xc3c3c3c3c3c3c3c3, 0x43c3c3c3c3c3c3c3, 0x3c3c3c3c3c3c3c3c, 0xc3c3c3c3c3c3c3c3, 0xc3c3c3c3c3c3c3c3, casal x4, x5, [x19]
    CASP "casp w success", 32, 0x11111111, 0x22222222, 0x11111111, 0x22222222, 0x99999999, 0x88888888, 0x99999999, 0x88888888, casp w4, w5, w6, w7, [x19]
    CASP "casp w failure (hi)", 32, 0x11111111, 0x22222222, 0x11111111, 0x22222223, 0x99999999, 0x88888888, 0x11111111, 0x22222222, casp w4, w5, w6, w7, [x19]
    CASP "casp w failure (lo)", 32, 0x11111111, 0x22222222, 0x91111111, 0x22222222, 0x99999999, 0x88888888, 0x11111111, 0x22222222, casp w4, w5, w6, w7, [x19]
    CASP "caspa w success", 32, 0x11111111, 0x22222222, 0x11111111, 0x22222222, 0x99999999, 0x88888888, 0x99999999, 0x88888888, caspa w4, w5, w6, w7, [x19]
    CASP "caspa w failure (hi)", 32, 0x11111111, 0x22222222, 0x11111111, 0x22222223, 0x99999999, 0x88888888, 0x11111111, 0x22222222, caspa w4, w5, w6, w7, [x19]
    CASP "caspa w failure (lo)", 32, 0x11111111, 0x22222222, 0x91111111, 0x22222222, 0x99999999, 0x88888888, 0x11111111, 0x22222222, caspa w4, w5, w6, w7, [x19]
    CASP "caspl w success", 32, 0x11111111, 0x22222222, 0x11111111, 0x22222222, 0x99999999, 0x88888888, 0x99999999, 0x88888888, caspl w4, w5, w6, w7, [x19]
    CASP "caspl w failure (hi)", 32, 0x11111111, 0x22222222, 0x11111111, 0x22222223, 0x99999999, 0x88888888, 0x11111111, 0x22222222, caspl w4, w5, w6, w7, [x19]
    CASP "caspl w failure (lo)", 32, 0x11111111, 0x22222222, 0x91111111, 0x22222222, 0x99999999, 0x88888888, 0x11111111, 0x22222222, caspl w4, w5, w6, w7, [x19]
    CASP "caspal w success", 32, 0x11111111, 0x22222222, 0x11111111, 0x22222222, 0x99999999, 0x88888888, 0x99999999, 0x88888888, caspal w4, w5, w6, w7, [x19]
    CASP "caspal w failure (hi)", 32, 0x11111111, 0x22222222, 0x11111111, 0x22222223, 0x99999999, 0x88888888, 0x11111111, 0x22222222, caspal w4, w5, w6, w7, [x19]
    CASP "caspal w failure (lo)", 32, 0x11111111, 0x22222222, 0x91111111, 0x22222222, 0x99999999, 0x88888888, 0x11111111, 0x22222222, caspal w4, w5, w6, w7, [x19]
    CASP "casp x success", 64, 0x1111111111111111, 0x2222222222222222, 0x1111111111111111, 0x2222222222222222, 0x9999999999999999, 0x8888888888888888, 0x9999999999999999, 0x8888888888888888, casp x4, x5, x6, x7, [x19]
    CASP "casp x failure (hi)", 64, 0x1111111111111111, 0x2222222222222222, 0x1111111111111111, 0x2222222222222223, 0x9999999999999999, 0x8888888888888888, 0x1111111111111111, 0x2222222222222222, casp x4, x5, x6, x7, [x19]
    CASP "casp x failure (lo)", 64, 0x1111111111111111, 0x2222222222222222, 0x9111111111111111, 0x2222222222222222, 0x9999999999999999, 0x8888888888888888, 0x1111111111111111, 0x2222222222222222, casp x4, x5, x6, x7, [x19]
    CASP "caspa x success", 64, 0x1111111111111111, 0x2222222222222222, 0x1111111111111111, 0x2222222222222222, 0x9999999999999999, 0x8888888888888888, 0x9999999999999999, 0x8888888888888888, caspa x4, x5, x6, x7, [x19]
    CASP "caspa x failure (hi)", 64, 0x1111111111111111, 0x2222222222222222, 0x1111111111111111, 0x2222222222222223, 0x9999999999999999, 0x8888888888888888, 0x1111111111111111, 0x2222222222222222, caspa x4, x5, x6, x7, [x19]
    CASP "caspa x failure (lo)", 64, 0x1111111111111111, 0x2222222222222222, 0x9111111111111111, 0x2222222222222222, 0x9999999999999999, 0x8888888888888888, 0x1111111111111111, 0x2222222222222222, caspa x4, x5, x6, x7, [x19]
    CASP "caspl x success", 64, 0x1111111111111111, 0x2222222222222222, 0x1111111111111111, 0x2222222222222222, 0x9999999999999999, 0x8888888888888888, 0x9999999999999999, 0x8888888888888888, caspl x4, x5, x6, x7, [x19]
    CASP "caspl x failure (hi)", 64, 0x1111111111111111, 0x2222222222222222, 0x1111111111111111, 0x2222222222222223, 0x9999999999999999, 0x8888888888888888, 0x1111111111111111, 0x2222222222222222, caspl x4, x5, x6, x7, [x19]
    CASP "caspl x failure (lo)", 64, 0x1111111111111111, 0x2222222222222222, 0x9111111111111111, 0x2222222222222222, 0x9999999999999999, 0x8888888888888888, 0x1111111111111111, 0x2222222222222222, caspl x4, x5, x6, x7, [x19]
    CASP "caspal x success", 64, 0x1111111111111111, 0x2222222222222222, 0x1111111111111111, 0x2222222222222222, 0x9999999999999999, 0x8888888888888888, 0x9999999999999999, 0x8888888888888888, caspal x4, x5, x6, x7, [x19]
    CASP "caspal x failure (hi)", 64, 0x1111111111111111, 0x2222222222222222, 0x1111111111111111, 0x2222222222222223, 0x9999999999999999, 0x8888888888888888, 0x1111111111111111, 0x2222222222222222, caspal x4, x5, x6, x7, [x19]
    CASP "caspal x failure (lo)", 64, 0x1111111111111111, 0x2222222222222222, 0x9111111111111111, 0x2222222222222222, 0x9999999999999999, 0x8888888888888888, 0x1111111111111111, 0x2222222222222222, caspal x4, x5, x6, x7, [x19]

    /* an atomic counter: 50 x LDADD #3 */
    ldr     x19, =mem
    str     xzr, [x19]
    mov     x20, #50
    mov     x4, #3
1:  ldaddal x4, x5, [x19]
    subs    x20, x20, #1
    b.ne    1b
    ldr     x21, [x19]
    mov     x22, x5
    CHECK   "ldaddal counter", x21, 150
    CHECK   "ldaddal counter last old", x22, 147
    /* the atomics do not touch the flags */
    SET_NZCV F_Z|F_N
    ldr     x19, =mem
    mov     x4, #1
    ldadd   x4, x5, [x19]
    cas     x4, x5, [x19]
    swp     x4, x5, [x19]
    CHECK_NZCV "atomics keep flags", F_Z|F_N
TEST_END

    .data
    .balign 16
mem:
    .quad   0, 0
    .balign 16
pairmem:
    .quad   0, 0
