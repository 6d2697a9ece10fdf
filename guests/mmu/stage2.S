/* stage2.S - EL1 code for stage2.c: one load or store each, at a global
 * label (ELR_EL2 and the syndrome's SRT/SAS/SF/AR/SSE are checked against
 * exactly these instructions).  x0 = the address; each returns a value. */
    .text
    .p2align 2
    .macro FN name
    .globl  \name, \name\()_insn
    .type   \name, %function
\name:
    .endm

FN el1_ldrb_w3              /* LDRB W3: SAS 00, SSE 0, SRT 3, SF 0 */
el1_ldrb_w3_insn:
    ldrb    w3, [x0]
    mov     x0, x3
    ret

FN el1_str_x7               /* STR X7: SAS 11, SRT 7, SF 1, WnR 1 */
    movz    x7, #0x7777
    movk    x7, #0x5a5a, lsl #48
el1_str_x7_insn:
    str     x7, [x0]
    ldr     x0, [x0]        /* returns what is there now */
    ret

FN el1_ldrsh_x9             /* LDRSH X9: SAS 01, SSE 1, SRT 9, SF 1 */
el1_ldrsh_x9_insn:
    ldrsh   x9, [x0]
    mov     x0, x9
    ret

FN el1_ldrsh_w10            /* LDRSH W10: SAS 01, SSE 1, SRT 10, SF 0 */
el1_ldrsh_w10_insn:
    ldrsh   w10, [x0]
    mov     x0, x10
    ret

FN el1_ldar_x5              /* LDAR X5: SAS 11, SRT 5, SF 1, AR 1 */
el1_ldar_x5_insn:
    ldar    x5, [x0]
    mov     x0, x5
    ret

FN el1_stlrh_w6             /* STLRH W6: SAS 01, SRT 6, SF 0, AR 1, WnR 1 */
    mov     w6, #0xbeef
el1_stlrh_w6_insn:
    stlrh   w6, [x0]
    ldrh    w0, [x0]
    ret

FN el1_ldr_w4               /* LDR W4: SAS 10, SRT 4, SF 0 */
el1_ldr_w4_insn:
    ldr     w4, [x0]
    mov     x0, x4
    ret

FN el1_ldr_post             /* LDR X2, [X0], #8: writeback, so ISV = 0 */
el1_ldr_post_insn:
    ldr     x2, [x0], #8
    mov     x0, x2
    ret

FN el1_ldp                  /* LDP X2, X3: a pair, so ISV = 0 */
el1_ldp_insn:
    ldp     x2, x3, [x0]
    add     x0, x2, x3
    ret

FN el1_ldr64                /* LDR X0, [X0] */
el1_ldr64_insn:
    ldr     x0, [x0]
    ret
