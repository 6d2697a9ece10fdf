/*
 * bigmem - touches RAM sparsely across a large --memory (run with
 * --memory 4G: RAM at 0x4000_0000 to 0x1_4000_0000; MMU off, flat map): one
 * doubleword in every 1 MiB, then again in reverse, then reads each back.
 * The emulator reserves RAM without committing it (PhysicalMemory: a
 * MAP_NORESERVE mapping filled a page at a time), so this costs ~4096
 * host pages; the manifest's +maxrss bound checks that it stays so.
 */
#include "tap.h"
#include <stdint.h>

#define RAM_BASE    0x40000000ull
#define RAM_SIZE    (4ull << 30)
#define STRIDE      (1ull << 20)

int main(void)
{
    uint64_t bad = 0, n = 0;
    /* skip the first 2 MiB: the image lives there */
    for (uint64_t a = RAM_BASE + (2 << 20); a < RAM_BASE + RAM_SIZE; a += STRIDE, n++)
        *(volatile uint64_t *)(uintptr_t)(a + 0x18) = a ^ 0x5555aaaa5555aaaaull;
    for (uint64_t a = RAM_BASE + RAM_SIZE - STRIDE; a >= RAM_BASE + (2 << 20); a -= STRIDE)
        *(volatile uint64_t *)(uintptr_t)(a + 0x20) = ~a;
    for (uint64_t a = RAM_BASE + (2 << 20); a < RAM_BASE + RAM_SIZE; a += STRIDE) {
        if (*(volatile uint64_t *)(uintptr_t)(a + 0x18) != (a ^ 0x5555aaaa5555aaaaull)) bad++;
        if (*(volatile uint64_t *)(uintptr_t)(a + 0x20) != ~a) bad++;
        if (*(volatile uint64_t *)(uintptr_t)(a + 0x28) != 0) bad++;     /* untouched: zero */
    }
    check("MiB-stride writes over 4 GiB of RAM: pages written", n, (RAM_SIZE - (2 << 20)) / STRIDE);
    check("every written doubleword reads back, untouched ones read zero", bad, 0);
    check("the last doubleword of the 4 GiB is RAM",
          (*(volatile uint64_t *)(uintptr_t)(RAM_BASE + RAM_SIZE - 8) = 0x77,
           *(volatile uint64_t *)(uintptr_t)(RAM_BASE + RAM_SIZE - 8)), 0x77);
    return tap_done();
}
