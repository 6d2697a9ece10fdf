/*
 * harness.h - the fault-recording harness of the hostile guests (include it
 * in exactly one C file of a guest: it defines handle_exception and the
 * probes as top-level assembly).
 *
 * handle_exception() (synchronous exceptions taken to EL1) records the
 * exception in `flt` (count, EL, vector offset, ESR, FAR, ELR), then
 *   - Data Abort (EC 0x24/0x25): skips the access (ELR += 4);
 *   - Instruction Abort (EC 0x20/0x21) or PC alignment fault (EC 0x22):
 *     returns to x30, the caller of the branch (at EL0: lower_call's
 *     return stub, so lower_call comes back);
 * with x0 = FAULT_MARK either way.  Anything else is unexpected (Bail out!).
 *
 * expect_fault() checks one recorded exception with 4 TAP checks: exactly
 * one exception, to EL1 at the expected vector offset, with result
 * FAULT_MARK; ESR_EL1 in full; FAR_EL1; ELR_EL1.
 *
 * The syndromes (Arm ARM DDI 0487, D24.2 ESR_EL1, "ISS encoding for an
 * exception from a Data Abort / an Instruction Abort / a PC alignment
 * fault"): EC << 26 | IL | ISS, ISV = 0 in ESR_EL1, EA = 0 (the
 * IMPLEMENTATION DEFINED External-abort classification: 0 for a decode
 * error, what QEMU reports for an unassigned address as well), FnV = 0
 * (FAR valid), WnR = 1 for writes, ISS = 0 for a PC alignment fault.
 */
#ifndef HOSTILE_HARNESS_H
#define HOSTILE_HARNESS_H

#include <stdint.h>
#include "exceptions.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

#define FAULT_MARK  0xfa017fa017fa0170ull

/* Fault status codes (D24.2 ESR_ELx.DFSC/IFSC) */
#define FSC_ADDR_SIZE(l)    (0x00u | (l))
#define FSC_TRANSL(l)       (0x04u | (l))
#define FSC_AF(l)           (0x08u | (l))
#define FSC_PERM(l)         (0x0cu | (l))
#define FSC_SEA             0x10u           /* synchronous External abort, not on a walk */
#define FSC_SEA_WALK(l)     (0x14u | (l))   /* synchronous External abort on a walk, level l */
#define FSC_ALIGN           0x21u

#define WNR                 (1u << 6)
#define ESR_OF(ec, iss)     ((((uint64_t)(ec)) << 26) | ESR_IL | (uint64_t)(iss))

/* EL0's stack for lower_call */
static uint8_t el0_stack[4096] __attribute__((aligned(4096)));

static volatile struct {
    unsigned count, el, offset;
    uint64_t esr, far, elr;
} flt;

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    unsigned ec = ESR_EC(f->esr);
    if ((offset & 0x1ff) != VEC_SYNC || el != 1)
        exc_unexpected(f, el, offset);
    flt.count++;
    flt.el = el;
    flt.offset = offset;
    flt.esr = f->esr;
    flt.far = f->far;
    flt.elr = f->elr;
    if (ec == EC_DABT_CUR || ec == EC_DABT_LOW) {
        f->elr += 4;
        f->x[0] = FAULT_MARK;
    } else if (ec == EC_IABT_CUR || ec == EC_IABT_LOW || ec == EC_PC_ALIGN) {
        f->elr = f->x[30];
        f->x[0] = FAULT_MARK;
    } else {
        exc_unexpected(f, el, offset);
    }
}

__attribute__((unused))
static void reset(void)
{
    flt.count = flt.el = flt.offset = 0;
    flt.esr = flt.far = flt.elr = 0;
}

static char name[200];
#define NAME(...) (snprintf(name, sizeof name, __VA_ARGS__), name)

/* 4 checks on the one exception the last probe took */
__attribute__((unused))
static void expect_fault(const char *what, unsigned from_el, uint64_t esr, uint64_t far, uint64_t elr,
                         uint64_t result)
{
    char w[120];
    snprintf(w, sizeof w, "%s", what);
    what = w;
    unsigned offset = from_el == 0 ? VEC_LOWER_A64 : VEC_CUR_SPX;
    check(NAME("%s: one exception to EL1, vector +0x%x, result FAULT_MARK", what, offset),
          ((uint64_t)flt.count << 16) | (flt.el << 12) | flt.offset | (result == FAULT_MARK ? 0x1000000 : 0),
          (1u << 16) | (1u << 12) | offset | 0x1000000);
    check(NAME("%s: ESR_EL1 = 0x%llx (EC 0x%02llx, ISS 0x%llx)", what, (unsigned long long)esr,
               (unsigned long long)ESR_EC(esr), (unsigned long long)ESR_ISS(esr)), flt.esr, esr);
    check(NAME("%s: FAR_EL1", what), flt.far, far);
    check(NAME("%s: ELR_EL1", what), flt.elr, elr);
}

/* no exception at all since reset() */
__attribute__((unused))
static void expect_none(const char *what)
{
    check(NAME("%s: no exception", what), flt.count, 0);
}

/* lower_call to EL0 (SVC #0xFFFF brings x0 back) */
__attribute__((unused))
static uint64_t at_el0(lower_fn fn, uint64_t arg)
{
    return lower_call(SPSR_EL0t, fn, arg, (uint64_t)(uintptr_t)(el0_stack + sizeof el0_stack));
}

/*
 * Single accesses at global labels (ELR must point at them):
 *   probe_ld8/16/32/64(va)       LDRB/LDRH/LDR W/LDR X  x0, [x0]
 *   probe_st8/16/32/64(va, v)    STRB/STRH/STR W/STR X  x1, [x0]; returns va
 *   probe_ldp(va)                LDP x0, x1, [x0]; returns x0
 *   probe_zva(va)                DC ZVA, x0; returns va
 * and the branches:
 *   call_addr(target)            BLR target (returns here via x30)
 *   br_addr(target)              BR target with x30 = the return point
 *   ret_addr(target)             RET target with x30 = the return point
 *   eret_el1(target)             ERET to EL1h at target (DAIF masked)
 *   aligned_target()             returns 0x77 (16-byte aligned)
 */
uint64_t probe_ld8(uint64_t va), probe_ld16(uint64_t va), probe_ld32(uint64_t va), probe_ld64(uint64_t va);
uint64_t probe_st8(uint64_t va, uint64_t v), probe_st16(uint64_t va, uint64_t v),
         probe_st32(uint64_t va, uint64_t v), probe_st64(uint64_t va, uint64_t v);
uint64_t probe_ldp(uint64_t va), probe_zva(uint64_t va);
uint64_t call_addr(uint64_t target), br_addr(uint64_t target), ret_addr(uint64_t target);
uint64_t eret_el1(uint64_t target);
uint64_t aligned_target(void);
extern char probe_ld8_insn[], probe_ld16_insn[], probe_ld32_insn[], probe_ld64_insn[],
            probe_st8_insn[], probe_st16_insn[], probe_st32_insn[], probe_st64_insn[],
            probe_ldp_insn[], probe_zva_insn[];
#define INSN(l) ((uint64_t)(uintptr_t)(l))

#define HOSTILE_PROBE(n, insn)                  \
    "   .globl " #n ", " #n "_insn\n"            \
    "   .type " #n ", %function\n"               \
    #n ":\n" #n "_insn:\n"                       \
    "   " insn "\n"                              \
    "   ret\n"                                   \
    "   .size " #n ", . - " #n "\n"

__asm__(
    "   .text\n"
    "   .p2align 4\n"
    HOSTILE_PROBE(probe_ld8, "ldrb w0, [x0]")
    HOSTILE_PROBE(probe_ld16, "ldrh w0, [x0]")
    HOSTILE_PROBE(probe_ld32, "ldr w0, [x0]")
    HOSTILE_PROBE(probe_ld64, "ldr x0, [x0]")
    HOSTILE_PROBE(probe_st8, "strb w1, [x0]")
    HOSTILE_PROBE(probe_st16, "strh w1, [x0]")
    HOSTILE_PROBE(probe_st32, "str w1, [x0]")
    HOSTILE_PROBE(probe_st64, "str x1, [x0]")
    HOSTILE_PROBE(probe_ldp, "ldp x0, x1, [x0]")
    HOSTILE_PROBE(probe_zva, "dc zva, x0")
    "   .globl call_addr\n"
    "call_addr:\n"
    "   stp x29, x30, [sp, #-16]!\n"
    "   mov x29, sp\n"
    "   blr x0\n"
    "   ldp x29, x30, [sp], #16\n"
    "   ret\n"
    "   .globl br_addr\n"
    "br_addr:\n"
    "   stp x29, x30, [sp, #-16]!\n"
    "   mov x29, sp\n"
    "   adr x30, 1f\n"
    "   br x0\n"
    "1: ldp x29, x30, [sp], #16\n"
    "   ret\n"
    "   .globl ret_addr\n"
    "ret_addr:\n"
    "   stp x29, x30, [sp, #-16]!\n"
    "   mov x29, sp\n"
    "   adr x30, 1f\n"
    "   ret x0\n"
    "1: ldp x29, x30, [sp], #16\n"
    "   ret\n"
    "   .globl eret_el1\n"
    "eret_el1:\n"
    "   stp x29, x30, [sp, #-16]!\n"
    "   mov x29, sp\n"
    "   mrs x9, daif\n"
    "   msr elr_el1, x0\n"
    "   mov x1, #0x3c5\n"           /* SPSR: EL1h, D, A, I, F masked */
    "   msr spsr_el1, x1\n"
    "   adr x30, 1f\n"
    "   eret\n"
    "1: msr daif, x9\n"
    "   ldp x29, x30, [sp], #16\n"
    "   ret\n"
    "   .p2align 4\n"
    "   .globl aligned_target\n"
    "aligned_target:\n"
    "   mov x0, #0x77\n"
    "   ret\n"
    "   .text\n");

#endif
