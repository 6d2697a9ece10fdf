/* sh_wild_write0_unterminated - SYS_WRITE0 of a string that runs off the end of RAM: see sh_wild.h. */
#define SH_WILD_WHAT "SYS_WRITE0 of a string that runs off the end of RAM"
#define SH_WILD_CALL (fill_top(), semihost_call(SYS_WRITE0, RAM_END - 64))
#include "sh_wild.h"
