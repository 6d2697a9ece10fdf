/* semihost.h - Arm semihosting calls (HLT #0xF000, AArch64 conventions). */
#ifndef A64EMU_SEMIHOST_H
#define A64EMU_SEMIHOST_H

#include <stdint.h>
#include <stddef.h>

/* Operation numbers (Arm "Semihosting for AArch32 and AArch64"). */
enum {
    SYS_OPEN           = 0x01,
    SYS_CLOSE          = 0x02,
    SYS_WRITEC         = 0x03,
    SYS_WRITE0         = 0x04,
    SYS_WRITE          = 0x05,
    SYS_READ           = 0x06,
    SYS_READC          = 0x07,
    SYS_ISERROR        = 0x08,
    SYS_ISTTY          = 0x09,
    SYS_SEEK           = 0x0A,
    SYS_FLEN           = 0x0C,
    SYS_CLOCK          = 0x10,
    SYS_TIME           = 0x11,
    SYS_ERRNO          = 0x13,
    SYS_GET_CMDLINE    = 0x15,
    SYS_HEAPINFO       = 0x16,
    SYS_EXIT           = 0x18,
    SYS_EXIT_EXTENDED  = 0x20,
    SYS_ELAPSED        = 0x30,
    SYS_TICKFREQ       = 0x31,
};

#define ADP_Stopped_ApplicationExit 0x20026u

/* Raw call: w0 = op, x1 = param; returns x0. */
static inline uint64_t semihost_call(uint32_t op, uint64_t param)
{
    register uint64_t x0 __asm__("x0") = op;
    register uint64_t x1 __asm__("x1") = param;
    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    return x0;
}

/* Open modes for sys_open (index into fopen's table). */
enum { SH_MODE_R = 0, SH_MODE_RB = 1, SH_MODE_W = 4, SH_MODE_WB = 5, SH_MODE_A = 8 };

void     sys_exit(int code) __attribute__((noreturn));
void     sys_exit_extended(int code) __attribute__((noreturn));
void     sys_writec(char c);
void     sys_write0(const char *s);
long     sys_write(long fd, const void *buf, size_t len);  /* bytes NOT written */
long     sys_read(long fd, void *buf, size_t len);         /* bytes NOT read */
long     sys_open(const char *name, int mode);             /* -1 on error */
long     sys_close(long fd);
int      sys_readc(void);
long     sys_clock(void);                                  /* centiseconds */
long     sys_time(void);                                   /* seconds since epoch */
long     sys_errno(void);
long     sys_flen(long fd);
long     sys_get_cmdline(char *buf, size_t size);          /* 0 on success */
/* Heap info: four words { heap base, heap limit, stack base, stack limit }. */
long     sys_heapinfo(uint64_t block[4]);
/* Elapsed ticks since start (64-bit), 0 on success; tick frequency. */
long     sys_elapsed(uint64_t *ticks);
long     sys_tickfreq(void);

/* _exit in crt0.S: SYS_EXIT with { ADP_Stopped_ApplicationExit, code }. */
void     _exit(int code) __attribute__((noreturn));

#endif
