/* sh_wild_write_huge - SYS_WRITE of 2^64 - 1 bytes from the image (runs off the end of RAM): see sh_wild.h. */
#define SH_WILD_WHAT "SYS_WRITE of 2^64 - 1 bytes from the image (runs off the end of RAM)"
#define SH_WILD_CALL sh3(SYS_WRITE, 99, (uint64_t)(uintptr_t)&buf, ~0ull)
#include "sh_wild.h"
