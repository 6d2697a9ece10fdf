/*
 * trap_insn.h (assembly) - the hypercall stub and the INSN macro of the
 * EL2-trap guests: each instruction under test at a global label NAME_insn,
 * so that the C side knows the address ELR_EL2 must hold.
 */
/* void SETHCR(uint64_t hcr): hypercall 1, the EL2 handler writes HCR_EL2 */
.macro HYPERCALL_SET_HCR name:req
    .globl  \name
\name:
    hvc     #1
    ret
.endm

.macro INSN name:req, insn:req, before=nop
    .globl  \name, \name\()_insn
\name:
    \before
\name\()_insn:
    \insn
    ret
.endm
