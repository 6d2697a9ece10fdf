/*
 * timer_el1 - the EL1 physical timer (CNTP_*, PPI 30) and SGIs through a
 * GICv3, interrupts taken at EL1.  Runs either booted at EL1 (no EL2) or
 * booted at EL2 (--el 2), in which case EL2 prepares EL1 (HCR_EL2 = RW:
 * IMO = 0 and TGE = 0 route physical IRQs to EL1; CNTHCTL_EL2.EL1PCEN and
 * EL1PCTEN = 1 give EL1 the physical timer and counter; ICC_SRE_EL2.Enable
 * = 1 lets EL1 use ICC_SRE_EL1) and ERETs to EL1.  See timer_common.h.
 */
#define TIMER_CTL   cntp_ctl_el0
#define TIMER_CVAL  cntp_cval_el0
#define TIMER_TVAL  cntp_tval_el0
#define TIMER_INTID PPI_CNTP
#define TIMER_NAME  "CNTP"
#include "timer_common.h"

static uint8_t el1_stack[16384] __attribute__((aligned(16)));

static uint64_t el1_main(uint64_t arg)
{
    (void)arg;
    check("running at EL1", current_el(), 1);
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    gic_and_timer_tests();
    return 0x1e1;
}

int main(void)
{
    if (!require_gicv3())
        return 1;
    if (current_el() == 2) {
        tap_note("booted at EL2: ERET to EL1");
        write_sysreg(vbar_el2, (uint64_t)vectors_el2);
        el2_setup_el1();
        write_sysreg(icc_sre_el2, 0xf);     /* SRE | DFB | DIB | Enable */
        isb();
        uint64_t r = lower_call(SPSR_EL1h | SPSR_DAIF, el1_main, 0,
                                (uint64_t)(el1_stack + sizeof el1_stack));
        check("EL1 part returned to EL2", r, 0x1e1);
    } else {
        tap_note("booted at EL1");
        el1_main(0);
    }
    return tap_done();
}
