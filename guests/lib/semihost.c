/* semihost.c - Arm semihosting wrappers (AArch64: parameter blocks of 64-bit words). */
#include "semihost.h"
#include "string.h"

void sys_exit(int code)
{
    uint64_t block[2] = { ADP_Stopped_ApplicationExit, (uint64_t)(int64_t)code };
    semihost_call(SYS_EXIT, (uint64_t)block);
    for (;;) { }
}

void sys_exit_extended(int code)
{
    uint64_t block[2] = { ADP_Stopped_ApplicationExit, (uint64_t)(int64_t)code };
    semihost_call(SYS_EXIT_EXTENDED, (uint64_t)block);
    for (;;) { }
}

void sys_writec(char c)
{
    semihost_call(SYS_WRITEC, (uint64_t)&c);
}

void sys_write0(const char *s)
{
    semihost_call(SYS_WRITE0, (uint64_t)s);
}

long sys_write(long fd, const void *buf, size_t len)
{
    uint64_t block[3] = { (uint64_t)fd, (uint64_t)buf, len };
    return (long)semihost_call(SYS_WRITE, (uint64_t)block);
}

long sys_read(long fd, void *buf, size_t len)
{
    uint64_t block[3] = { (uint64_t)fd, (uint64_t)buf, len };
    return (long)semihost_call(SYS_READ, (uint64_t)block);
}

long sys_open(const char *name, int mode)
{
    uint64_t block[3] = { (uint64_t)name, (uint64_t)mode, strlen(name) };
    return (long)semihost_call(SYS_OPEN, (uint64_t)block);
}

long sys_close(long fd)
{
    uint64_t block[1] = { (uint64_t)fd };
    return (long)semihost_call(SYS_CLOSE, (uint64_t)block);
}

int sys_readc(void)
{
    return (int)semihost_call(SYS_READC, 0);
}

long sys_clock(void)
{
    return (long)semihost_call(SYS_CLOCK, 0);
}

long sys_time(void)
{
    return (long)semihost_call(SYS_TIME, 0);
}

long sys_errno(void)
{
    return (long)semihost_call(SYS_ERRNO, 0);
}

long sys_flen(long fd)
{
    uint64_t block[1] = { (uint64_t)fd };
    return (long)semihost_call(SYS_FLEN, (uint64_t)block);
}

long sys_get_cmdline(char *buf, size_t size)
{
    uint64_t block[2] = { (uint64_t)buf, size };
    return (long)semihost_call(SYS_GET_CMDLINE, (uint64_t)block);
}

long sys_heapinfo(uint64_t block[4])
{
    uint64_t ptr = (uint64_t)block;
    return (long)semihost_call(SYS_HEAPINFO, (uint64_t)&ptr);
}

long sys_elapsed(uint64_t *ticks)
{
    return (long)semihost_call(SYS_ELAPSED, (uint64_t)ticks);
}

long sys_tickfreq(void)
{
    return (long)semihost_call(SYS_TICKFREQ, 0);
}
