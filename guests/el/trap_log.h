/*
 * trap_log.h - what the EL2-trap guests (traps_tvm, nv) share: the record
 * of each exception their handler saw, and the hypercall (HVC #1, x0 = the
 * new value) by which their EL1 part changes HCR_EL2.
 */
#ifndef TRAP_LOG_H
#define TRAP_LOG_H

#include "exceptions.h"
#include "sysreg.h"

struct record {
    unsigned el, offset;
    uint64_t esr, elr, spsr, value;   /* value: what an emulated MSR wrote */
};
#define MAX_RECORDS 8
static volatile struct record log[MAX_RECORDS];
static volatile unsigned nlog;

static inline void clear_log(void)
{
    nlog = 0;
    for (unsigned i = 0; i < MAX_RECORDS; i++)
        log[i].el = log[i].offset = 0, log[i].esr = log[i].elr = log[i].spsr = log[i].value = 0;
}

/* The hypercall, if this is one (then done: returns 1); else the exception
 * is recorded (*rec = its record) and 0 returned. */
static inline int log_exception(struct exc_frame *f, unsigned el, unsigned offset, volatile struct record **rec)
{
    if (el == 2 && ESR_EC(f->esr) == EC_HVC64 && (f->esr & 0xffff) == 1) {
        write_sysreg(hcr_el2, f->x[0] | HCR_RW);
        isb();
        return 1;
    }
    volatile struct record *r = &log[nlog < MAX_RECORDS ? nlog : MAX_RECORDS - 1];
    r->el = el;
    r->offset = offset;
    r->esr = f->esr;
    r->elr = f->elr;
    r->spsr = f->spsr;
    r->value = 0;
    nlog++;
    *rec = r;
    return 0;
}

#endif
