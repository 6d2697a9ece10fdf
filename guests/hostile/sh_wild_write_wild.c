/* sh_wild_write_wild - SYS_WRITE of 16 bytes from a hole (0x09001000): see sh_wild.h. */
#define SH_WILD_WHAT "SYS_WRITE of 16 bytes from a hole (0x09001000)"
#define SH_WILD_CALL sh3(SYS_WRITE, 2, 0x09001000, 16)
#include "sh_wild.h"
