/*
 * tap_asm.h - TAP checks for assembly guests (.S files, through cpp).
 *
 *   TEST_BEGIN                  defines main (saves x19-x30)
 *   CHECK "name", xN, value     check("name", xN, value): the full 64-bit
 *                               register is compared, so W-form results
 *                               also check that bits 63:32 are zero
 *   CHECK_REG "name", xN, xM     check("name", xN, xM) (xN, xM not x0-x2)
 *   CHECK_NZCV "name", nzcv     compares NZCV (as a nibble, N=8 Z=4 C=2 V=1)
 *   CHECK_FLAGS "name", xN, nzcv  same, for a value saved earlier by MRS xN, NZCV
 *   SET_NZCV nzcv               sets the flags (clobbers x16)
 *   TEST_END                    calls tap_done and returns its result
 *
 * A CHECK is a call to C: it clobbers x0-x18, x30 and the flags.  Tests
 * therefore compute into registers right before each CHECK and keep
 * anything that must survive a CHECK in x19-x28.
 */
#ifndef A64EMU_TAP_ASM_H
#define A64EMU_TAP_ASM_H

#define F_N 8
#define F_Z 4
#define F_C 2
#define F_V 1

.macro TEST_BEGIN
    .text
    .globl  main
    .type   main, %function
    .p2align 2
main:
    stp     x29, x30, [sp, #-96]!
    mov     x29, sp
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]
    stp     x23, x24, [sp, #48]
    stp     x25, x26, [sp, #64]
    stp     x27, x28, [sp, #80]
.endm

.macro TEST_END
    bl      tap_done
    ldp     x19, x20, [sp, #16]
    ldp     x21, x22, [sp, #32]
    ldp     x23, x24, [sp, #48]
    ldp     x25, x26, [sp, #64]
    ldp     x27, x28, [sp, #80]
    ldp     x29, x30, [sp], #96
    ret
    .size   main, . - main
    .ltorg
.endm

/* the name string, in .rodata; x0 = its address */
.macro TAP_NAME name:req
    .pushsection .rodata.tapnames, "aMS", %progbits, 1
.Ltapname\@:
    .asciz  "\name"
    .popsection
    adrp    x0, .Ltapname\@
    add     x0, x0, :lo12:.Ltapname\@
.endm

.macro CHECK name:req, reg:req, expected:req
    mov     x1, \reg
    ldr     x2, =\expected
    TAP_NAME "\name"
    bl      check
.endm

.macro CHECK_REG name:req, reg:req, expreg:req   /* expected value in a register */
    mov     x1, \reg
    mov     x2, \expreg
    TAP_NAME "\name"
    bl      check
.endm

.macro CHECK_NZCV name:req, expected:req
    mrs     x1, nzcv
    lsr     x1, x1, #28
    mov     x2, #(\expected)
    TAP_NAME "\name"
    bl      check
.endm

.macro CHECK_FLAGS name:req, reg:req, expected:req   /* reg = an MRS NZCV value */
    lsr     x1, \reg, #28
    mov     x2, #(\expected)
    TAP_NAME "\name"
    bl      check
.endm

.macro SET_NZCV value:req
    mov     x16, #((\value) << 28)
    msr     nzcv, x16
.endm

#endif
