/* granules.S - position-independent code that granules.c calls through
 * its aliases (a second VA of the same page, TTBR0 and TTBR1). */
    .text
    .p2align 2
/* uint64_t pc_probe(void): the VA it runs at (ADR is PC-relative) */
    .globl  pc_probe
    .type   pc_probe, %function
pc_probe:
    adr     x0, pc_probe
    ret
    .size   pc_probe, . - pc_probe
