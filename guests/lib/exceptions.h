/*
 * exceptions.h - exception vectors and moving between exception levels.
 *
 * vectors.S provides two vector tables, vectors_el1 and vectors_el2 (for
 * VBAR_EL1 and VBAR_EL2).  Every one of the 16 entries saves x0-x30,
 * ELR_ELx, SPSR_ELx, ESR_ELx and FAR_ELx in a struct exc_frame on the
 * handler's stack (SP_ELx) and calls
 *
 *     void handle_exception(struct exc_frame *f, unsigned el, unsigned offset);
 *
 * with el = the EL the exception was taken to (the table's) and offset = the
 * vector offset (0x000 ... 0x780: +0x000 current EL with SP_EL0, +0x200
 * current EL with SP_ELx, +0x400 lower EL AArch64, +0x600 lower EL AArch32;
 * +0x00 synchronous, +0x80 IRQ, +0x100 FIQ, +0x180 SError).  The guest
 * defines handle_exception (a weak default reports the exception and exits
 * with status 1).  On return, ELR_ELx and SPSR_ELx are reloaded from the
 * frame (so a handler may change f->elr, f->spsr, f->x[n]) and ERET returns.
 *
 * lower_call(spsr, fn, arg, sp) runs fn(arg) at a lower EL: it saves the
 * caller's callee-saved registers, SP and DAIF, then ERETs to fn with
 * SPSR_ELx = spsr (M gives the EL and SP, DAIF the masks), x0 = arg, the
 * lower EL's stack pointer (SP_EL1 for EL1h, else SP_EL0) = sp and x30 = a
 * stub that, when fn returns, executes SVC #0xFFFF (target EL0) or
 * HVC #0xFFFF (target EL1).  The dispatcher recognises that call on the
 * lower-EL synchronous vector (+0x400) and resumes lower_call's caller, which
 * gets fn's return value.  SVC/HVC #0xFFFF is therefore reserved.
 * One pending lower_call per EL (and per CPU: only CPU 0 may use it).
 */
#ifndef A64EMU_EXCEPTIONS_H
#define A64EMU_EXCEPTIONS_H

#include <stdint.h>

struct exc_frame {
    uint64_t x[31];     /* x0-x30 at the time of the exception */
    uint64_t pad;
    uint64_t elr;       /* ELR_ELx: written back before ERET */
    uint64_t spsr;      /* SPSR_ELx: written back before ERET */
    uint64_t esr;       /* ESR_ELx (UNKNOWN for interrupts) */
    uint64_t far;       /* FAR_ELx (UNKNOWN unless the exception sets it) */
};

#define VEC_CUR_SP0     0x000
#define VEC_CUR_SPX     0x200
#define VEC_LOWER_A64   0x400
#define VEC_LOWER_A32   0x600
#define VEC_SYNC        0x000
#define VEC_IRQ         0x080
#define VEC_FIQ         0x100
#define VEC_SERROR      0x180

#define LOWER_CALL_IMM  0xffff

extern char vectors_el1[];
extern char vectors_el2[];

/* Called by the vectors; the guest's (or the weak default). */
void handle_exception(struct exc_frame *f, unsigned el, unsigned offset);

/* Prints "Bail out! ..." with the frame and exits with status 1. */
void exc_unexpected(struct exc_frame *f, unsigned el, unsigned offset)
    __attribute__((noreturn));

typedef uint64_t (*lower_fn)(uint64_t arg);
uint64_t lower_call(uint64_t spsr, lower_fn fn, uint64_t arg, uint64_t sp);
/* Used by the dispatcher: resumes the pending lower_call of the current EL. */
void lower_return(uint64_t value) __attribute__((noreturn));

/*
 * el2_setup_el1(): at EL2, make EL1 a well-defined AArch64 EL1 for the
 * guests (every value is one the Arm ARM leaves UNKNOWN at reset):
 * HCR_EL2 = RW (no traps, no routing), SCTLR_EL1 = RES1 | SA | SA0 | nTWI |
 * nTWE (MMU and caches off, little-endian, no alignment checks), VBAR_EL1 =
 * vectors_el1, CNTHCTL_EL2 = EL1PCTEN | EL1PCEN (EL1 may use the physical
 * counter and timer), CNTVOFF_EL2 = 0, VPIDR_EL2/VMPIDR_EL2 = MIDR/MPIDR.
 */
void el2_setup_el1(void);
#define SCTLR_EL1_GUEST 0x30d50818ull

#endif
