// The C interface to libelf (Debian: libelf-dev) that the ELF target uses.
#include <libelf.h>
#include <gelf.h>
