/*
 * nv.S - the EL1 instructions that nv.c runs under FEAT_NV's traps (each
 * at a global label, so the C side knows the address ELR_EL2 must hold).
 * The EL2 handler emulates each trapped instruction and returns past it.
 */
    .arch   armv8.4-a
#include "trap_insn.h"
    .text
    .p2align 2

    HYPERCALL_SET_HCR n_set_hcr

/* uint64_t f(uint64_t x0): the instruction's result register is moved to x0 */
    INSN    n_mrs_hcr,       "mrs x2, hcr_el2",        "mov x2, #0"
    INSN    n_msr_vbar_el2,  "msr vbar_el2, x3",       "mov x3, x0"
    INSN    n_mrs_spsr_el12, "mrs x4, spsr_el12",      "mov x4, #0"
    INSN    n_mrs_sp_el1,    "mrs x5, sp_el1",         "mov x5, #0"
    INSN    n_eret,          "eret"
    INSN    n_tlbi_alle2,    "tlbi alle2"
    INSN    n_at_s1e2r,      "at s1e2r, x6",           "mov x6, x0"
    INSN    n_tlbi_ipas2e1,  "tlbi ipas2e1, x7",       "mov x7, x0"
    INSN    n_mrs_vbar_el1,  "mrs x8, vbar_el1",       "mov x8, #0"
    INSN    n_msr_elr_el1,   "msr elr_el1, x9",        "mov x9, x0"
    INSN    n_mrs_spsr_el1,  "mrs x10, spsr_el1",      "mov x10, #0"
    INSN    n_at_s1e1r,      "at s1e1r, x11",          "mov x11, x0"
    INSN    n_svc,           "svc #0x4e"

/* the values MRS left in their registers (the handler writes them for a trap) */
.macro RESULT name:req, call:req, reg:req
    .globl  \name
\name:
    stp     x29, x30, [sp, #-16]!
    bl      \call
    mov     x0, \reg
    ldp     x29, x30, [sp], #16
    ret
.endm
    RESULT  n_hcr_value,       n_mrs_hcr,       x2
    RESULT  n_spsr_el12_value, n_mrs_spsr_el12, x4
    RESULT  n_sp_el1_value,    n_mrs_sp_el1,    x5
    RESULT  n_vbar_el1_value,  n_mrs_vbar_el1,  x8
    RESULT  n_spsr_el1_value,  n_mrs_spsr_el1,  x10
