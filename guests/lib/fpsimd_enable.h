/*
 * fpsimd_enable.h - for assembly: `enable_fpsimd Xt, Xu` lets EL0 and EL1
 * (and, at EL2, EL2) use the FP/SIMD registers: CPACR_EL1.FPEN = 0b11 and,
 * at EL2, CPTR_EL2.TFP = 0 (HCR_EL2.E2H = 0) or CPTR_EL2.FPEN = 0b11
 * (E2H = 1). Their reset values, and the state a CPU gets from PSCI
 * CPU_ON, are UNKNOWN (see the CPACR_EL1 and CPTR_EL2 descriptions), and
 * compiled C uses these registers. Used by crt0.S and smp.S.
 */
.macro enable_fpsimd t, u
    mrs     \t, CurrentEL
    cmp     \t, #(2 << 2)
    b.ne    8f
    mrs     \t, cptr_el2
    mrs     \u, hcr_el2
    tbnz    \u, #34, 7f             /* E2H */
    bic     \t, \t, #(1 << 10)      /* TFP */
    b       6f
7:  orr     \t, \t, #(3 << 20)      /* FPEN */
6:  msr     cptr_el2, \t
8:  mrs     \t, cpacr_el1
    orr     \t, \t, #(3 << 20)      /* FPEN */
    msr     cpacr_el1, \t
    isb
.endm
