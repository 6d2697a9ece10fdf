/* sh_wild_elapsed_wild - SYS_ELAPSED storing its result into a hole: see sh_wild.h. */
#define SH_WILD_WHAT "SYS_ELAPSED storing its result into a hole"
#define SH_WILD_CALL semihost_call(SYS_ELAPSED, 0x09001000)
#include "sh_wild.h"
