/*
 * vm_fpsimd.S - the FP/SIMD half of vm_fpsimd.c: fill V0-V31, FPCR and FPSR
 * with a pattern of a seed, and count the registers that no longer hold it.
 * The C of the hyp suite is built with -mgeneral-regs-only, so between
 * these two calls only the hypervisor could change the registers.
 */
    .arch_extension fp
    .arch_extension simd
    .text

/* the pattern of register \i: lo = seed ^ (i * 0x0101010101010101), hi = ~lo */
.macro pattern i
    mov     x2, #\i
    mul     x2, x2, x1
    eor     x2, x2, x0
    mvn     x3, x2
.endm

    .globl  fp_fill
    .type   fp_fill, %function
fp_fill:                            /* x0 = seed, x1 = FPCR to set */
    mov     x4, x1
    mov     x1, #0x0101
    movk    x1, #0x0101, lsl #16
    movk    x1, #0x0101, lsl #32
    movk    x1, #0x0101, lsl #48
.irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    pattern \i
    fmov    d\i, x2
    mov     v\i\().d[1], x3
.endr
    msr     fpcr, x4
    mov     x2, #0x9f               /* FPSR: the cumulative flags of the seed */
    and     x2, x2, x0
    msr     fpsr, x2
    ret
    .size   fp_fill, . - fp_fill

    .globl  fp_check
    .type   fp_check, %function
fp_check:                           /* x0 = seed, x1 = FPCR expected; returns the mismatches */
    mov     x5, x1
    mov     x1, #0x0101
    movk    x1, #0x0101, lsl #16
    movk    x1, #0x0101, lsl #32
    movk    x1, #0x0101, lsl #48
    mov     x6, #0
.irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    pattern \i
    fmov    x4, d\i
    cmp     x4, x2
    cinc    x6, x6, ne
    mov     x4, v\i\().d[1]
    cmp     x4, x3
    cinc    x6, x6, ne
.endr
    mrs     x4, fpcr
    cmp     x4, x5
    cinc    x6, x6, ne
    mrs     x4, fpsr
    mov     x2, #0x9f
    and     x2, x2, x0
    cmp     x4, x2
    cinc    x6, x6, ne
    mov     x0, x6
    ret
    .size   fp_check, . - fp_check
