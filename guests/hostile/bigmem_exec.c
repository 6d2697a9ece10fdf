/*
 * bigmem_exec - executes one instruction in every 4 KiB page of RAM (run
 * with --memory 512M; MMU off): writes "MOV X0, #page; RET" at the start of
 * each page above the image, makes it visible to fetches (DC CVAU, DSB,
 * IC IVAU, DSB, ISB: Arm ARM B2.4.4 "Concurrent modification and execution
 * of instructions" / D7.5 cache maintenance) and calls it.  The guest
 * touches 128K pages once (512 MiB); what the emulator keeps per executed
 * page must stay bounded too (the manifest's +maxrss), so a guest cannot
 * blow up the host by executing everywhere.
 */
#include "tap.h"
#include <stdint.h>

#define RAM_BASE    0x40000000ull
#define RAM_SIZE    (512ull << 20)
#define FIRST       (RAM_BASE + (2 << 20))

int main(void)
{
    uint64_t bad = 0, n = 0;
    for (uint64_t a = FIRST; a < RAM_BASE + RAM_SIZE; a += 4096, n++) {
        uint64_t v = (a >> 12) & 0xffff;
        volatile uint32_t *p = (volatile uint32_t *)(uintptr_t)a;
        p[0] = 0xd2800000u | (uint32_t)(v << 5);    /* MOVZ X0, #v */
        p[1] = 0xd65f03c0u;                          /* RET */
        __asm__ volatile("dc cvau, %0\n\tdsb ish\n\tic ivau, %0\n\tdsb ish\n\tisb" :: "r"(a) : "memory");
        uint64_t r = ((uint64_t (*)(void))(uintptr_t)a)();
        if (r != v) bad++;
    }
    check("pages executed", n, (RAM_BASE + RAM_SIZE - FIRST) / 4096);
    check("each returned its own page number", bad, 0);
    return tap_done();
}
