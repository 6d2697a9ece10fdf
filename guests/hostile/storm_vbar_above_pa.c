/* storm_vbar_above_pa - VBAR_EL1 above the PA size (bit 56, MMU off): every
 * vector fetch takes an Address size fault to the same vector (see storm.h). */
#include "storm.h"
int main(void)
{
    write_sysreg(vbar_el1, 0x0100000000000000ull);
    isb();
    storm_go();
    return storm_end();
}
