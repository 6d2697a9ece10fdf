/*
 * semihost - semihosting calls with bad handles, bad lengths, bad modes and
 * names that try to leave the semihosting root.  Run with
 * --semihosting-root guests/hostile/shroot (from the repository root),
 * which holds inside.txt ("inside the root\n"), escape -> ../README.md,
 * escdir -> .. and loop -> loop.  Boots at EL1, MMU off.
 *
 * Rules: Arm "Semihosting for AArch32 and AArch64" (IHI 0098): SYS_OPEN
 * returns -1 on failure; SYS_WRITE and SYS_READ return the number of bytes
 * NOT written/read (the whole length on failure); SYS_CLOSE, SYS_SEEK and
 * SYS_FLEN return -1 on failure; an unknown operation returns -1.  The
 * root confinement is a64emu's (a64emu run --help, --semihosting-root, and
 * SemihostingPath.resolve): names are relative to the root, absolute
 * names and `..` components are refused, and symlinks are resolved and
 * must stay inside; files open read-only unless --semihosting-writable.
 *
 * nodiff: QEMU's semihosting has no root: it opens host paths as given.
 * The calls with wild pointers stop a64emu (exit 125, "bus error"): those
 * are the sh_wild_* guests, one call each; a huge SYS_READ length is
 * sh_read_huge.
 */
#include "harness.h"
#include "semihost.h"
#include "string.h"

#define FAIL    ((uint64_t)-1)

static uint64_t sh_open(const char *name, uint64_t len, uint64_t mode)
{
    uint64_t block[3] = { (uint64_t)(uintptr_t)name, mode, len };
    return semihost_call(SYS_OPEN, (uint64_t)(uintptr_t)block);
}

static uint64_t sh3(uint32_t op, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t block[3] = { a, b, c };
    return semihost_call(op, (uint64_t)(uintptr_t)block);
}

static uint64_t sh1(uint32_t op, uint64_t a)
{
    uint64_t block[1] = { a };
    return semihost_call(op, (uint64_t)(uintptr_t)block);
}

static char buf[64];
static char longname[8192];

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();

    /* control: a file inside the root */
    uint64_t h = sh_open("inside.txt", 10, SH_MODE_RB);
    check("control: SYS_OPEN \"inside.txt\" (below the root) succeeds", (int64_t)h > 0, 1);
    check("  SYS_FLEN = 16", sh1(SYS_FLEN, h), 16);
    check("  SYS_READ of 64 bytes returns 64 - 16 (16 read)",
          sh3(SYS_READ, h, (uint64_t)(uintptr_t)buf, 64), 64 - 16);
    check("  ... and the bytes are the file's", memcmp(buf, "inside the root\n", 16), 0);
    check("  SYS_READ at EOF returns the whole length", sh3(SYS_READ, h, (uint64_t)(uintptr_t)buf, 8), 8);
    check("  SYS_WRITE to a read-only handle writes nothing", sh3(SYS_WRITE, h, (uint64_t)(uintptr_t)buf, 4), 4);
    check("  SYS_SEEK to -1 fails", sh3(SYS_SEEK, h, FAIL, 0), FAIL);
    check("  SYS_CLOSE succeeds", sh1(SYS_CLOSE, h), 0);
    check("  SYS_CLOSE again fails (closed handle)", sh1(SYS_CLOSE, h), FAIL);
    check("  SYS_READ on the closed handle reads nothing", sh3(SYS_READ, h, (uint64_t)(uintptr_t)buf, 8), 8);
    check("SYS_OPEN \"./inside.txt\" succeeds (no escape)", (int64_t)(h = sh_open("./inside.txt", 12, 0)) > 0, 1);
    sh1(SYS_CLOSE, h);

    /* escapes */
    check("SYS_OPEN \"../../etc/passwd\" fails", sh_open("../../etc/passwd", 16, 0), FAIL);
    check("SYS_OPEN \"..\" fails", sh_open("..", 2, 0), FAIL);
    check("SYS_OPEN \"/etc/passwd\" (absolute) fails", sh_open("/etc/passwd", 11, 0), FAIL);
    check("SYS_OPEN \"//etc/passwd\" fails", sh_open("//etc/passwd", 12, 0), FAIL);
    check("SYS_OPEN \"inside.txt/../../README.md\" fails", sh_open("inside.txt/../../README.md", 26, 0), FAIL);
    check("SYS_OPEN \"escape\" (symlink to a file outside the root) fails", sh_open("escape", 6, 0), FAIL);
    check("SYS_OPEN \"escdir/README.md\" (symlink to the root's parent) fails",
          sh_open("escdir/README.md", 16, 0), FAIL);
    check("SYS_OPEN \"loop\" (symlink to itself) fails", sh_open("loop", 4, 0), FAIL);
    check("SYS_OPEN \"inside.txt\\0../x\" (embedded NUL) fails", sh_open("inside.txt\0../x", 15, 0), FAIL);
    check("SYS_OPEN of an empty name fails", sh_open("", 0, 0), FAIL);
    check("SYS_OPEN \"inside.txt\" for writing fails (root not writable)", sh_open("inside.txt", 10, SH_MODE_W), FAIL);
    check("SYS_OPEN \"new.txt\" for appending fails", sh_open("new.txt", 7, SH_MODE_A), FAIL);
    check("SYS_OPEN with mode 12 (beyond a+b) fails", sh_open("inside.txt", 10, 12), FAIL);
    check("SYS_OPEN with mode 2^63 fails", sh_open("inside.txt", 10, 1ull << 63), FAIL);

    /* wild lengths that must be refused before any memory is read */
    memset(longname, 'a', sizeof longname);
    check("SYS_OPEN with an 8192-byte name fails", sh_open(longname, sizeof longname, 0), FAIL);
    check("SYS_OPEN with length 2^64 - 1 fails", sh_open("inside.txt", FAIL, 0), FAIL);
    check("SYS_OPEN with length 2^63 and a wild pointer fails",
          sh_open((const char *)0x09001000, 1ull << 63, 0), FAIL);

    /* bad handles */
    check("SYS_WRITE to handle 99 writes nothing", sh3(SYS_WRITE, 99, (uint64_t)(uintptr_t)buf, 5), 5);
    check("SYS_READ from handle 99 reads nothing", sh3(SYS_READ, 99, (uint64_t)(uintptr_t)buf, 5), 5);
    check("SYS_READ from handle 2^64 - 1 reads nothing", sh3(SYS_READ, FAIL, (uint64_t)(uintptr_t)buf, 5), 5);
    check("SYS_CLOSE of handle 99 fails", sh1(SYS_CLOSE, 99), FAIL);
    check("SYS_FLEN of handle 99 fails", sh1(SYS_FLEN, 99), FAIL);
    check("SYS_SEEK on handle 99 fails", sh3(SYS_SEEK, 99, 0, 0), FAIL);

    /* refused and unknown operations */
    check("SYS_REMOVE \"inside.txt\" is refused", sh3(0x0e, (uint64_t)(uintptr_t)"inside.txt", 10, 0), FAIL);
    check("SYS_RENAME is refused", semihost_call(0x0f, (uint64_t)(uintptr_t)(uint64_t[4]){
          (uint64_t)(uintptr_t)"inside.txt", 10, (uint64_t)(uintptr_t)"x", 1 }), FAIL);
    check("SYS_SYSTEM \"true\" is refused", sh3(0x12, (uint64_t)(uintptr_t)"true", 4, 0), FAIL);
    check("SYS_TMPNAM is refused", sh3(0x0d, (uint64_t)(uintptr_t)buf, 0, sizeof buf), FAIL);
    check("unknown operation 0x99 returns -1", semihost_call(0x99, 0), FAIL);
    check("unknown operation 0xffff_ffff returns -1", semihost_call(0xffffffffu, 0x09001000), FAIL);
    check("SYS_GET_CMDLINE into a 1-byte buffer fails", sh3(SYS_GET_CMDLINE, (uint64_t)(uintptr_t)buf, 1, 0), FAIL);
    check("SYS_WRITE of 0 bytes from a wild pointer writes nothing and succeeds",
          sh3(SYS_WRITE, 2, 0x09001000, 0), 0);
    return tap_done();
}
