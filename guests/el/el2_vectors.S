/*
 * el2_vectors.S - the instructions whose exceptions el2_vectors.c checks.
 * Each t_* function starts with (or contains, at a global label) the
 * instruction that takes the exception, so that the C side knows the
 * address the ELR must hold.
 */
    .text
    .p2align 2

/* BRK #0x123: a Breakpoint instruction exception; preferred return = the BRK */
    .globl  t_brk
t_brk:
    brk     #0x123
    ret

/* UDF #0 (the word 0x00000000): UNDEFINED, preferred return = the instruction */
    .globl  t_udf
t_udf:
    udf     #0
    ret

/* HVC #0x4b1d at EL2: taken to EL2; preferred return = the next instruction */
    .globl  t_hvc, t_hvc_next
t_hvc:
    hvc     #0x4b1d
t_hvc_next:
    ret

/* SVC #0x11 at EL2: taken to EL2 (SVC goes to max(current EL, EL1)) */
    .globl  t_svc, t_svc_next
t_svc:
    svc     #0x11
t_svc_next:
    ret

/* MRS SCR_EL3 at EL2 on a machine without EL3: UNDEFINED */
    .globl  t_mrs_scr_el3
t_mrs_scr_el3:
    mrs     x0, scr_el3
    ret

/*
 * void t_brk_state(uint64_t out[4]): BRK with NZCV = 0b1010 and PSTATE.A
 * unmasked; the handler runs with different flags and DAIF = all masked and
 * clobbers x9/x17 itself; after ERET: out[0] = NZCV, out[1] = DAIF,
 * out[2] = x9, out[3] = x17 (which must be what they were before the BRK).
 */
    .globl  t_brk_state, t_brk_state_insn
t_brk_state:
    movz    x9, #0x5a5a
    movk    x9, #0x1234, lsl #16
    movk    x9, #0xfeed, lsl #48
    mov     x17, #0x77
    mrs     x10, daif
    msr     daifclr, #4             /* PSTATE.A = 0: DAIF = 0x2c0 (boot: 0x3c0) */
    mov     x11, #0xa0000000        /* N = 1, Z = 0, C = 1, V = 0 */
    msr     nzcv, x11
t_brk_state_insn:
    brk     #0x2
    mrs     x12, nzcv
    mrs     x13, daif
    msr     daif, x10
    stp     x12, x13, [x0]
    stp     x9, x17, [x0, #16]
    ret

/*
 * void t_brk_sp0(void): BRK with PSTATE.SP = 0 (EL2t): taken to the
 * "current EL with SP_EL0" vector (+0x000); SPSR_EL2.M = EL2t (0b1000).
 * SP_EL0 is given the current stack pointer's value while PSTATE.SP = 0;
 * the handler runs on SP_EL2 (exception entry selects SP_ELx).
 */
    .globl  t_brk_sp0, t_brk_sp0_insn
t_brk_sp0:
    mov     x9, sp
    msr     spsel, #0
    mov     sp, x9
t_brk_sp0_insn:
    brk     #0x3
    msr     spsel, #1
    ret
