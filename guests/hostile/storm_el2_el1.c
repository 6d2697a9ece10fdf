/* storm_el2_el1 - boots at EL2 (--el 2): both VBAR_EL2 and VBAR_EL1 are
 * tables of UDFs, HCR_EL2.TGE = 0; EL1 runs UDF (taken to EL1, whose vector
 * is UDF again) - a storm at EL1 under an EL2 (see storm.h). */
#include "storm.h"
static uint64_t el1_fn(uint64_t arg) { (void)arg; storm_go(); return 0; }
static uint8_t stack1[4096] __attribute__((aligned(16)));
int main(void)
{
    if (current_el() != 2) {
        check("booted at EL2", current_el(), 2);
        return tap_done();
    }
    el2_setup_el1();
    write_sysreg(vbar_el2, (uint64_t)storm_vectors);
    write_sysreg(vbar_el1, (uint64_t)storm_vectors);
    isb();
    lower_call(SPSR_EL1h | SPSR_DAIF, el1_fn, 0, (uint64_t)(uintptr_t)(stack1 + sizeof stack1));
    return storm_end();
}
