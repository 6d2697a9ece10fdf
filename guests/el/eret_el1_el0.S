/*
 * eret_el1_el0.S - code that runs at EL1 and EL0 for eret_el1_el0.c, with a
 * global label on every instruction that takes an exception.
 */
    .text
    .p2align 2

/*
 * uint64_t el0_body(uint64_t misaligned): runs at EL0 (the EL1 handler
 * returns past every instruction but the SVC, whose preferred return is
 * already the next one).  Returns 0xe0.
 */
    .globl  el0_body
    .globl  el0_svc, el0_svc_next, el0_hvc, el0_smc, el0_brk, el0_mrs, el0_ldxr
el0_body:
el0_svc:
    svc     #0x42                   /* EL0 -> EL1: EC 0x15 */
el0_svc_next:
el0_hvc:
    hvc     #0x99                   /* HVC at EL0: UNDEFINED */
el0_smc:
    smc     #0x5                    /* SMC at EL0: UNDEFINED */
el0_brk:
    brk     #0x7                    /* EL0 -> EL1: EC 0x3C */
el0_mrs:
    mrs     x1, sctlr_el1           /* EL1 register at EL0: UNDEFINED */
el0_ldxr:
    ldxr    x1, [x0]                /* misaligned exclusive: Alignment fault */
    mov     x0, #0xe0
    ret

/* HVC #7 at EL1: to EL2, preferred return = next instruction */
    .globl  el1_hvc, el1_hvc_next
el1_hvc:
    hvc     #7
el1_hvc_next:
    ret

/* SMC #0x33 at EL1 with HCR_EL2.TSC = 1: trapped to EL2, return = the SMC */
    .globl  el1_smc
el1_smc:
    mov     x0, #0x84000000         /* PSCI_VERSION, harmless if not trapped */
    .globl  el1_smc_insn
el1_smc_insn:
    smc     #0x33
    ret

/* void el1_branch_to(uint64_t target): BLR to target (the handler resumes
 * at x30, the instruction after the BLR) */
    .globl  el1_branch_to
el1_branch_to:
    stp     x29, x30, [sp, #-16]!
    blr     x0
    ldp     x29, x30, [sp], #16
    ret

/* a 4-byte aligned target: the test branches to pc_target + 2 */
    .globl  pc_target
pc_target:
    nop
    nop
    ret

/* uint64_t el1_ldxr(uint64_t addr): LDXR at EL1 */
    .globl  el1_ldxr
el1_ldxr:
    ldxr    x0, [x0]
    ret
