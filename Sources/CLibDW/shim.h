// The C interface to libdw (Debian: libdw-dev, elfutils) that the Debugger
// target uses to read DWARF line tables. <elfutils/libdw.h> includes
// <gelf.h>, so libelf's section-header calls come with it.
#include <elfutils/libdw.h>
