/* sh_wild_open_wild - SYS_OPEN of a 10-byte name in a hole: see sh_wild.h. */
#define SH_WILD_WHAT "SYS_OPEN of a 10-byte name in a hole"
#define SH_WILD_CALL sh3(SYS_OPEN, 0x09001000, 0, 10)
#include "sh_wild.h"
