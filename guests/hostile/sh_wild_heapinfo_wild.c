/* sh_wild_heapinfo_wild - SYS_HEAPINFO with its block pointing past RAM: see sh_wild.h. */
#define SH_WILD_WHAT "SYS_HEAPINFO with its block pointing past RAM"
#define SH_WILD_CALL sh3(SYS_HEAPINFO, RAM_END, 0, 0)
#include "sh_wild.h"
