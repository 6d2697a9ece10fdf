/*
 * fptrap.S - the FP/SIMD instructions whose traps fptrap.c checks.  Each
 * function is one FP/SIMD instruction at a global label (t_<name>_insn,
 * the ELR the trap must report) and a RET; when the instruction traps, the
 * handler skips it (ELR + 4).  Arguments and results as commented.
 */
    .text
    .p2align 2

.macro FP_FN name
    .globl  t_\name, t_\name\()_insn
    .type   t_\name, %function
t_\name:
t_\name\()_insn:
.endm

/* d0 = d1 + d2 */
FP_FN fadd
    fadd    d0, d1, d2
    ret
    .size   t_fadd, . - t_fadd

/* v0.4s = v1.4s + v2.4s */
FP_FN vadd
    add     v0.4s, v1.4s, v2.4s
    ret
    .size   t_vadd, . - t_vadd

/* d16 = x0 (FMOV general to FP) */
FP_FN fmov_to
    fmov    d16, x0
    ret
    .size   t_fmov_to, . - t_fmov_to

/* x0 = d16 (x0 unchanged if it traps) */
FP_FN fmov_from
    fmov    x0, d16
    ret
    .size   t_fmov_from, . - t_fmov_from

/* q0 = [x0] */
FP_FN ldr_q
    ldr     q0, [x0]
    ret
    .size   t_ldr_q, . - t_ldr_q

/* [x0] = q16 */
FP_FN str_q
    str     q16, [x0]
    ret
    .size   t_str_q, . - t_str_q

/* x0 = FPCR (x0 unchanged if it traps) */
FP_FN mrs_fpcr
    mrs     x0, fpcr
    ret
    .size   t_mrs_fpcr, . - t_mrs_fpcr

/* FPSR = x0 */
FP_FN msr_fpsr
    msr     fpsr, x0
    ret
    .size   t_msr_fpsr, . - t_msr_fpsr

/* x0 = x0 + 1 after an FP instruction: for EL0 / EL1 via lower_call, so
 * the caller sees that the code ran (and returned) */
FP_FN lower_fp
    fadd    d0, d0, d0
    add     x0, x0, #1
    ret
    .size   t_lower_fp, . - t_lower_fp
