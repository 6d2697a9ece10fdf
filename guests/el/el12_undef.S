/* el12_undef.S - accesses to *_EL12 encodings, each at a global label. */
    .text
    .p2align 2
    .globl  t_mrs_sctlr_el12, t_msr_sctlr_el12, t_mrs_vbar_el12, t_msr_elr_el12
t_mrs_sctlr_el12:
    mrs     x0, sctlr_el12
    ret
t_msr_sctlr_el12:                   /* x0 = the value (the current SCTLR_EL1) */
    msr     sctlr_el12, x0
    ret
t_mrs_vbar_el12:
    mrs     x0, vbar_el12
    ret
t_msr_elr_el12:
    msr     elr_el12, x0
    ret
