/*
 * illegal_eret - illegal exception returns (Arm ARM D1.4.x "Illegal return
 * events from AArch64 state", pseudocode AArch64.ExceptionReturn,
 * IllegalExceptionReturn, SetPSTATEFromPSR).  Boots at EL2 (--el 2).
 *
 * An ERET is an illegal return when the SPSR names: a higher EL than the
 * current one; an EL that is not implemented (EL3 here); a reserved M
 * encoding (M[1] = 1, or EL0 with M[0] = 1); or EL1 while HCR_EL2.TGE = 1.
 * Then PSTATE.EL and PSTATE.SP do not change, PSTATE.IL = 1, PC = ELR_ELx,
 * and NZCV and DAIF are still restored from the SPSR.  The next instruction
 * takes an Illegal Execution state exception to the current EL (vector
 * +0x200): ESR = EC 0x0E, IL = 1, ISS 0; ELR = that instruction; the SPSR
 * has IL (bit 20) = 1, M = the unchanged EL and SP.  Exception entry clears
 * PSTATE.IL, so a handler returns by clearing SPSR.IL.
 */
#include "exceptions.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

uint64_t el1_eret_to(uint64_t spsr), el2_eret_to(uint64_t spsr);
void el1_target(void), el2_target(void);

static uint8_t el1_stack[16384] __attribute__((aligned(16)));

static volatile struct {
    unsigned count, el, offset;
    uint64_t esr, elr, spsr;
} last;

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    last.count++;
    last.el = el;
    last.offset = offset;
    last.esr = f->esr;
    last.elr = f->elr;
    last.spsr = f->spsr;
    if (ESR_EC(f->esr) != EC_ILLEGAL)
        exc_unexpected(f, el, offset);
    f->spsr &= ~(uint64_t)SPSR_IL;      /* return with PSTATE.IL = 0 */
}

static void reset_last(void)
{
    last.count = last.el = last.offset = 0;
    last.esr = last.elr = last.spsr = 0;
}

/* the SPSR bits these tests determine: NZCV, SS, IL, DAIF, M */
#define SPSR_KNOWN (SPSR_NZCV | SPSR_SS | SPSR_IL | SPSR_DAIF | SPSR_M_MASK)

/* one illegal ERET at the current EL with SPSR.M = m, NZCV = 0b1010, DAIF masked */
static void illegal_case(const char *what, unsigned el, uint64_t m)
{
    char name[100];
    uint64_t spsr = 0xa0000000u | SPSR_DAIF | m;
    uint64_t here = el == 1 ? SPSR_EL1h : SPSR_EL2h;
    uint64_t target = el == 1 ? (uint64_t)el1_target : (uint64_t)el2_target;
    reset_last();
    uint64_t r = el == 1 ? el1_eret_to(spsr) : el2_eret_to(spsr);
    snprintf(name, sizeof name, "%s: the target instruction ran once", what);
    check(name, r, 1);
    snprintf(name, sizeof name, "%s: one Illegal Execution state exception", what);
    check(name, last.count, 1);
    snprintf(name, sizeof name, "%s: taken to EL%u (the current EL), vector +0x200", what, el);
    check(name, last.el * 0x1000 + last.offset, el * 0x1000 + VEC_CUR_SPX + VEC_SYNC);
    snprintf(name, sizeof name, "%s: ESR = EC 0x0E, IL, ISS 0", what);
    check(name, last.esr, ESR_ELx(EC_ILLEGAL, 0));
    snprintf(name, sizeof name, "%s: ELR = the ERET's target", what);
    check(name, last.elr, target);
    snprintf(name, sizeof name, "%s: SPSR = NZCV and DAIF from the SPSR, IL = 1, EL unchanged", what);
    check(name, last.spsr & SPSR_KNOWN, 0xa0000000u | SPSR_IL | SPSR_DAIF | here);
    snprintf(name, sizeof name, "%s: still at EL%u afterwards", what, el);
    check(name, current_el(), el);
}

static uint64_t el1_main(uint64_t arg)
{
    (void)arg;
    check("EL1: CurrentEL is EL1", current_el(), 1);

    /* a legal ERET to EL1h: no exception */
    reset_last();
    uint64_t r = el1_eret_to(SPSR_DAIF | SPSR_EL1h);
    check("EL1 eret to EL1h (legal): the target ran", r, 1);
    check("EL1 eret to EL1h (legal): no exception", last.count, 0);

    illegal_case("EL1 eret to EL2h (higher EL)", 1, SPSR_EL2h);
    illegal_case("EL1 eret to M=0b0001 (EL0 with SP_ELx)", 1, 0x1);
    illegal_case("EL1 eret to M=0b0110 (M[1] set)", 1, 0x6);
    return 0x1e1;
}

static uint64_t el1_ping(uint64_t arg)
{
    (void)arg;
    return current_el() == 1 ? 0x1e1 : 0;
}

int main(void)
{
    if (!check("CurrentEL is EL2 at boot", current_el(), 2))
        return tap_done();
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    el2_setup_el1();                    /* HCR_EL2 = RW, VBAR_EL1, SCTLR_EL1 */

    uint64_t r = lower_call(SPSR_EL1h | SPSR_DAIF, el1_main, 0,
                            (uint64_t)(el1_stack + sizeof el1_stack));
    check("EL1 part returned to EL2", r, 0x1e1);

    /* at EL2 */
    illegal_case("EL2 eret to EL3h (EL3 not implemented)", 2, SPSR_EL3h);

    write_sysreg(hcr_el2, HCR_RW | HCR_TGE);
    isb();
    check("HCR_EL2 = RW | TGE", read_sysreg(hcr_el2), HCR_RW | HCR_TGE);
    illegal_case("EL2 eret to EL1h with HCR_EL2.TGE=1", 2, SPSR_EL1h);
    write_sysreg(hcr_el2, HCR_RW);
    isb();

    /* with TGE = 0 again, an ERET to EL1h is legal (lower_call is one) */
    reset_last();
    r = lower_call(SPSR_EL1h | SPSR_DAIF, el1_ping, 0, (uint64_t)(el1_stack + sizeof el1_stack));
    check("TGE=0 again: eret to EL1h is legal, EL1 code ran", r, 0x1e1);
    check("TGE=0 again: no exception", last.count, 0);
    return tap_done();
}
