/* storm_el2 - boots at EL2 (--el 2): VBAR_EL2 = a table of UDFs, then UDF
 * at EL2 (see storm.h). */
#include "storm.h"
int main(void)
{
    if (current_el() != 2) {
        check("booted at EL2", current_el(), 2);
        return tap_done();
    }
    write_sysreg(vbar_el2, (uint64_t)storm_vectors);
    isb();
    storm_go();
    return storm_end();
}
