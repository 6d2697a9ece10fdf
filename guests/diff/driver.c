/*
 * driver.c - runs the random instruction blocks that tools/random_blocks.py
 * generates (build/diff/seed<N>.S) and prints what each computed, so that
 * a64emu and QEMU can be compared line by line (tools/check_diff.py).
 *
 * Block i starts from diff_inputs[i] (x0-x26 and NZCV) with x28 pointing
 * at a 4 KiB scratch buffer filled from a seeded generator; it ends by
 * storing x0-x26 and NZCV.  One line per block: "b<i>", the 27 registers,
 * "n" NZCV and "s" a checksum (FNV-1a) of the scratch buffer.
 */
#include <stdint.h>
#include "printf.h"

typedef void (*block_fn)(const uint64_t *in, uint64_t *out, uint8_t *scratch);

extern const uint64_t diff_inputs[][28];
extern const block_fn diff_blocks[];
extern const uint64_t diff_block_count;

static uint8_t scratch[4096] __attribute__((aligned(4096)));

int main(void)
{
    uint64_t out[28];
    for (uint64_t i = 0; i < diff_block_count; i++) {
        uint64_t x = 0x9e3779b97f4a7c15ull * (i + 1);
        for (unsigned j = 0; j < sizeof scratch; j++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            scratch[j] = (uint8_t)x;
        }
        diff_blocks[i](diff_inputs[i], out, scratch);
        uint64_t h = 0xcbf29ce484222325ull;
        for (unsigned j = 0; j < sizeof scratch; j++)
            h = (h ^ scratch[j]) * 0x100000001b3ull;
        printf("b%lu", (unsigned long)i);
        for (unsigned r = 0; r < 27; r++)
            printf(" %lx", (unsigned long)out[r]);
        printf(" n%lx s%lx\n", (unsigned long)out[27], (unsigned long)h);
    }
    printf("%lu blocks\n", (unsigned long)diff_block_count);
    return 0;
}
