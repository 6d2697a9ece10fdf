/* storm_stack - the library's vectors (which push a 288-byte frame on
 * SP_EL1) with SP_EL1 above the PA size (MMU off): the push takes a Data
 * Abort, whose handler pushes again 288 bytes lower, forever - a guest
 * "stack overflow" that must not become a host one (see storm.h). */
#include "storm.h"
int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    storm_sp(0x0100000000000000ull);
    return storm_end();
}
