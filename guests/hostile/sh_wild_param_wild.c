/* sh_wild_param_wild - SYS_WRITE with its parameter block in a hole: see sh_wild.h. */
#define SH_WILD_WHAT "SYS_WRITE with its parameter block in a hole"
#define SH_WILD_CALL semihost_call(SYS_WRITE, 0x09001000)
#include "sh_wild.h"
