/*
 * el1_faults.h - the abort-recording harness of the EL1 guests (faults,
 * faults_align): include once, after probes.h.
 *
 * handle_exception() (synchronous exceptions taken to EL1 only) records
 * the abort in `flt` (count, EL, vector offset, ESR, FAR, ELR), then for a
 * Data Abort skips the access (ELR += 4) and for an Instruction Abort
 * returns to x30 (the caller of the called address; at EL0 lower_call's
 * return stub), with x0 = FAULT_MARK either way.
 *
 * expect_abort() checks one recorded abort: 4 TAP checks (count, EL and
 * vector offset; ESR_EL1 in full; FAR_EL1; ELR_EL1).
 */
#ifndef MMU_EL1_FAULTS_H
#define MMU_EL1_FAULTS_H

#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

#define FAULT_MARK  0xfa017fa017fa0170ull

/* EL0's stack: mapped RW at EL0 by the guest (the probes do not use it) */
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
        f->elr += 4;                /* skip the probe's access */
        f->x[0] = FAULT_MARK;
    } else if (ec == EC_IABT_CUR || ec == EC_IABT_LOW) {
        f->elr = f->x[30];          /* back to the caller (EL0: lower_ret_svc) */
        f->x[0] = FAULT_MARK;
    } else {
        exc_unexpected(f, el, offset);
    }
}

static void reset(void)
{
    flt.count = flt.el = flt.offset = 0;
    flt.esr = flt.far = flt.elr = 0;
}

static char name[160];
#define NAME(...) (snprintf(name, sizeof name, __VA_ARGS__), name)

/* run fn(arg) at EL0 (lower_call: SVC #0xFFFF brings x0 back) */
static uint64_t at_el0(lower_fn fn, uint64_t arg)
{
    return lower_call(SPSR_EL0t, fn, arg, (uint64_t)(uintptr_t)(el0_stack + sizeof el0_stack));
}
__attribute__((unused)) static uint64_t el0_ld64(uint64_t va) { return at_el0((lower_fn)probe_ld64, va); }

/* EL0 stores its VA to its VA (one argument through lower_call) */
__attribute__((unused)) static uint64_t el0_st_self(uint64_t va) { return at_el0((lower_fn)probe_st_self, va); }
__attribute__((unused)) static uint64_t el0_call(uint64_t va) { return at_el0((lower_fn)(uintptr_t)va, 0); }
__attribute__((unused)) static uint64_t el1_call(uint64_t va) { return ((uint64_t (*)(void))(uintptr_t)va)(); }

/* checks one abort: 4 checks */
static void expect_abort(const char *what, unsigned from_el, unsigned ec, int wnr, unsigned fsc,
                         uint64_t far, uint64_t elr, uint64_t result)
{
    char w[100];
    snprintf(w, sizeof w, "%s", what);    /* `what` may be the NAME buffer */
    what = w;
    unsigned offset = from_el == 0 ? VEC_LOWER_A64 : VEC_CUR_SPX;
    check(NAME("%s: one abort taken to EL1, vector +0x%x, result FAULT_MARK", what, offset),
          ((uint64_t)flt.count << 16) | (flt.el << 12) | flt.offset | (result == FAULT_MARK ? 0x1000000 : 0),
          (1u << 16) | (1u << 12) | offset | 0x1000000);
    uint64_t esr = ESR_ELx(ec, (wnr ? ISS_WNR : 0) | fsc);
    check(NAME("%s: ESR_EL1 = 0x%llx (EC 0x%x, FSC 0x%02x, WnR %d, ISV 0)", what,
               (unsigned long long)esr, ec, fsc, wnr), flt.esr, esr);
    check(NAME("%s: FAR_EL1 = the VA", what), flt.far, far);
    check(NAME("%s: ELR_EL1 = the faulting instruction", what), flt.elr, elr);
}

#define LD64    ((uint64_t)(uintptr_t)probe_ld64_insn)
#define ST64    ((uint64_t)(uintptr_t)probe_st64_insn)
#define LD32    ((uint64_t)(uintptr_t)probe_ld32_insn)
#define STSELF  ((uint64_t)(uintptr_t)probe_st_self_insn)

__attribute__((unused)) static void dabt_el1_read(const char *what, uint64_t va, unsigned fsc)
{
    reset();
    uint64_t r = probe_ld64(va);
    expect_abort(what, 1, EC_DABT_CUR, 0, fsc, va, LD64, r);
}

__attribute__((unused)) static void dabt_el1_write(const char *what, uint64_t va, unsigned fsc)
{
    reset();
    uint64_t r = probe_st64(va, 0x5757575757575757ull);
    expect_abort(what, 1, EC_DABT_CUR, 1, fsc, va, ST64, r);
}

#endif
