/*
 * timer_el2 - the EL2 physical timer (CNTHP_*, PPI 26) and SGIs through a
 * GICv3, interrupts taken at EL2.  Boots at EL2 (--el 2).  Physical IRQs
 * are taken to EL2 while at EL2 only when HCR_EL2.IMO = 1 (or TGE = 1):
 * with IMO = TGE = 0 they target EL1 and are never taken at EL2 (Arm ARM
 * D1.3.6, "Asynchronous exception routing").  See timer_common.h.
 */
#define TIMER_CTL   cnthp_ctl_el2
#define TIMER_CVAL  cnthp_cval_el2
#define TIMER_TVAL  cnthp_tval_el2
#define TIMER_INTID PPI_CNTHP
#define TIMER_NAME  "CNTHP"
#include "timer_common.h"

int main(void)
{
    if (!require_gicv3())
        return 1;
    if (!check("CurrentEL is EL2 at boot", current_el(), 2))
        return tap_done();
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    write_sysreg(hcr_el2, HCR_RW | HCR_IMO);
    isb();
    check("HCR_EL2 = RW | IMO", read_sysreg(hcr_el2), HCR_RW | HCR_IMO);
    gic_and_timer_tests();
    return tap_done();
}
