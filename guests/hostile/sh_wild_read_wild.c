/* sh_wild_read_wild - SYS_READ of a host file into a hole: see sh_wild.h. */
#define SH_WILD_WHAT "SYS_READ of a host file into a hole"
#define SH_WILD_CALL sh3(SYS_READ, sh3(SYS_OPEN, (uint64_t)(uintptr_t)"inside.txt", 0, 10), 0x09001000, 16)
#include "sh_wild.h"
