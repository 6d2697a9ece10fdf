/* vhe.S - EL0 code for vhe.c (labels mark the instructions that take
 * exceptions). */
    .text
    .p2align 2

/* uint64_t el0_body(uint64_t): runs at EL0 in the EL2&0 regime (E2H = TGE = 1) */
    .globl  el0_body, el0_svc_next, el0_hvc, el0_brk, el0_mrs
el0_body:
    svc     #0x42
el0_svc_next:
el0_hvc:
    hvc     #0x1                    /* UNDEFINED at EL0 */
el0_brk:
    brk     #0x9
el0_mrs:
    mrs     x1, sctlr_el1           /* UNDEFINED at EL0 */
    mov     x0, #0xe0
    ret

