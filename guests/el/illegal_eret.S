/*
 * illegal_eret.S - ERETs that are illegal exception returns.
 *
 * uint64_t el1_eret_to(uint64_t spsr) (at EL1) / el2_eret_to(spsr) (at EL2):
 * ERET with SPSR_ELx = spsr and ELR_ELx = the `add` at el1_target /
 * el2_target; x0 = 0 before the ERET.  An illegal return continues at ELR
 * with PSTATE.IL = 1, so the `add` takes an Illegal Execution state
 * exception instead of executing; the handler clears SPSR.IL and returns to
 * it, so it executes exactly once and the function returns 1 either way.
 * A legal return (spsr = the current EL and SP) simply runs the `add`.
 */
    .text
    .p2align 2
    .globl  el1_eret_to, el1_target
el1_eret_to:
    adr     x1, el1_target
    msr     elr_el1, x1
    msr     spsr_el1, x0
    mov     x0, #0
    eret
el1_target:
    add     x0, x0, #1
    ret

    .globl  el2_eret_to, el2_target
el2_eret_to:
    adr     x1, el2_target
    msr     elr_el2, x1
    msr     spsr_el2, x0
    mov     x0, #0
    eret
el2_target:
    add     x0, x0, #1
    ret
