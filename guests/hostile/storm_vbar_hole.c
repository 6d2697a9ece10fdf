/* storm_vbar_hole - VBAR_EL1 = 0x0900_1000, a physical hole (MMU off): the
 * UDF's vector cannot be fetched, so the Instruction Abort is taken to the
 * same vector, forever, without one instruction completing (see storm.h). */
#include "storm.h"
int main(void)
{
    write_sysreg(vbar_el1, 0x09001000ull);
    isb();
    storm_go();
    return storm_end();
}
