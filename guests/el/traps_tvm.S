/*
 * traps_tvm.S - the EL1 instructions that traps_tvm.c traps (each at a
 * global label, so the C side knows the address ELR_EL2 must hold).
 * The EL2 handler emulates each trapped instruction and returns past it.
 */
#include "trap_insn.h"
    .text
    .p2align 2

    HYPERCALL_SET_HCR t_set_hcr

/* uint64_t f(uint64_t x0): the instruction uses the register named in it */
    INSN    t_msr_sctlr,      "msr sctlr_el1, x5",      "mov x5, x0"
    INSN    t_msr_ttbr0,      "msr ttbr0_el1, x9",      "mov x9, x0"
    INSN    t_msr_ctxidr_xzr, "msr contextidr_el1, xzr"
    INSN    t_msr_tpidr,      "msr tpidr_el1, x4",      "mov x4, x0"
    INSN    t_mrs_sctlr,      "mrs x0, sctlr_el1",      "mov x0, #0"
    INSN    t_mrs_sctlr_x6,   "mrs x6, sctlr_el1",      "mov x6, #0"
    INSN    t_mrs_pfr0_x7,    "mrs x7, id_aa64pfr0_el1", "mov x7, #0"
    INSN    t_wfi,            "wfi"
    INSN    t_dc_isw,         "dc isw, x10",            "mov x10, #0"
    INSN    t_dc_cisw,        "dc cisw, x11",           "mov x11, #0"
    INSN    t_tlbi_vmalle1,   "tlbi vmalle1"
    INSN    t_tlbi_vae1,      "tlbi vae1, x3",          "mov x3, x0"
    INSN    t_mrs_unalloc,    "mrs x0, s3_0_c13_c0_0"
    INSN    t_msr_unalloc,    "msr s3_0_c13_c0_0, x0"
    INSN    t_mrs_hcr,        "mrs x0, hcr_el2"

/* the MRS results that were written to x6/x7 by the trap handler */
    .globl  t_get_x6_after, t_get_x7_after
t_get_x6_after:
    stp     x29, x30, [sp, #-16]!
    bl      t_mrs_sctlr_x6
    mov     x0, x6
    ldp     x29, x30, [sp], #16
    ret
t_get_x7_after:
    stp     x29, x30, [sp, #-16]!
    bl      t_mrs_pfr0_x7
    mov     x0, x7
    ldp     x29, x30, [sp], #16
    ret
