/* storm_el1 - VBAR_EL1 = a table of UDFs, then UDF at EL1 (see storm.h). */
#include "storm.h"
int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)storm_vectors);
    isb();
    storm_go();
    return storm_end();
}
