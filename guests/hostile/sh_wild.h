/*
 * sh_wild.h - the body of the sh_wild_* guests: one semihosting call with a
 * wild pointer or length each (SH_WILD_CALL, described by SH_WILD_WHAT).
 * The Arm semihosting specification (IHI 0098) leaves a bad pointer
 * undefined; a64emu stops the run cleanly, with exit status 125 and
 * "bus error: ..." on stderr ("a semihosting call names memory the guest
 * cannot reach", a64emu run --help), and must never crash or hang.  If the
 * call returns instead, the guest says so and exits 1.  Each guest boots at
 * EL1, MMU off, --memory 128M; one call per guest, since the first stops
 * the run.  nodiff: QEMU returns an error to the guest instead.
 */
#include "harness.h"
#include "semihost.h"

#define RAM_END 0x48000000ull

__attribute__((unused)) static uint64_t sh3(uint32_t op, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t block[3] = { a, b, c };
    return semihost_call(op, (uint64_t)(uintptr_t)block);
}

/* the last 64 bytes of RAM: no NUL */
__attribute__((unused)) static void fill_top(void)
{
    for (uint64_t a = RAM_END - 64; a < RAM_END; a++)
        *(volatile char *)(uintptr_t)a = 'x';
}

static char buf[16] __attribute__((unused));

int main(void)
{
    uint64_t r = SH_WILD_CALL;
    printf("# the call returned 0x%llx\n", (unsigned long long)r);
    check_true(SH_WILD_WHAT ": the emulator should have stopped the run", 0);
    return tap_done();
}
