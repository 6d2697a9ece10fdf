// The C interface to libfdt (Debian: libfdt-dev, which ships no pkg-config
// file: the header is /usr/include/libfdt.h and the module map links "fdt").
// The header's function-like macros are not visible to Swift; the inline
// functions below stand in for the ones the Machine target uses.
#include <libfdt.h>

static inline uint32_t a64emu_fdt_magic(const void *fdt) { return fdt_magic(fdt); }
static inline uint32_t a64emu_fdt_totalsize(const void *fdt) { return fdt_totalsize(fdt); }
