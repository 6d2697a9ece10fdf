/*
 * sh_read_huge - SYS_READ of a 16-byte host file with length 0x7fff_ffff
 * into a 64-byte buffer (--semihosting-root guests/hostile/shroot,
 * --memory 128M; boots at EL1, MMU off).  IHI 0098: SYS_READ returns the
 * number of bytes not read, here 0x7fff_ffff - 16, and only the 16 bytes
 * read are written.  The length is the guest's to choose, so what the host
 * spends on the call must not scale with it: the manifest bounds the peak
 * RSS (+maxrss).  nodiff: QEMU has no semihosting root to open the file in.
 */
#include "harness.h"
#include "semihost.h"
#include "string.h"

static char buf[64];

int main(void)
{
    uint64_t open_block[3] = { (uint64_t)(uintptr_t)"inside.txt", SH_MODE_RB, 10 };
    uint64_t h = semihost_call(SYS_OPEN, (uint64_t)(uintptr_t)open_block);
    check("SYS_OPEN \"inside.txt\"", (int64_t)h > 0, 1);
    uint64_t read_block[3] = { h, (uint64_t)(uintptr_t)buf, 0x7fffffff };
    check("SYS_READ of 0x7fffffff bytes returns len - 16",
          semihost_call(SYS_READ, (uint64_t)(uintptr_t)read_block), 0x7fffffff - 16);
    check("  ... and the 16 bytes are the file's", memcmp(buf, "inside the root\n", 16), 0);
    return tap_done();
}
