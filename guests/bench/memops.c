/*
 * memops.c - memcpy/memset/memmove-heavy code: OPS block operations of
 * pseudo-random sizes (1-64 bytes: 7/16 of them, 65-1024: 6/16,
 * 1025-32768: 3/16) at pseudo-random offsets (half of the operations at
 * 16-byte aligned ones, the others at any byte: every alignment) in a
 * 512 KiB arena of two 256 KiB halves: memcpy from one half to the other
 * (5/10 of the operations), memset of either half (3/10; a zero fill of 256
 * bytes or more uses DC ZVA for its whole blocks, as optimised memsets
 * do) and memmove within a half by -64..+64 bytes (2/10: the blocks
 * overlap).  The routines are this file's own, written as kernels and C
 * libraries write them (the Arm optimized-routines shape): overlapping
 * unaligned 8- and 16-byte accesses for the head and the tail instead of
 * byte loops, 64 bytes (four LDP/STP pairs) per iteration for the body.
 * They need unaligned accesses, so the MMU and caches are on (bench.h:
 * Normal memory) and this file is compiled -mno-strict-align
 * (guests/Makefile, BENCH_FLAGS_memops).  The arena is larger than the
 * modelled L2, so --cache-model on also evicts and writes back.
 *
 * After every operation a running check folds in the operation's size and
 * three bytes of its destination; at the end a hash of the whole arena.
 * Both are compared with constants from guests/bench/model.py (which does
 * the same operations with Python bytearray slices); exit 0 if they match.
 *
 *   default:  OPS = 90000, about 90 million instructions
 *   -DSMALL:  OPS = 30000,  about 33 million
 * (a64emu's counter, --stats)
 */
#include <stddef.h>
#include <stdint.h>
#include "bench.h"
#include "exceptions.h"
#include "printf.h"

#ifdef SMALL
#define OPS 30000u
#else
#define OPS 90000u
#endif

#define HALF    (256u << 10)
#define ARENA   (2 * HALF)

static uint8_t arena[ARENA] __attribute__((aligned(4096)));

/* unaligned 8-, 4- and 2-byte accesses (-mno-strict-align: single LDR/STR) */
typedef uint64_t u64u __attribute__((aligned(1), may_alias));
typedef uint32_t u32u __attribute__((aligned(1), may_alias));
static inline uint64_t ld8(const uint8_t *p) { return *(const u64u *)p; }
static inline void st8(uint8_t *p, uint64_t v) { *(u64u *)p = v; }
static inline uint32_t ld4(const uint8_t *p) { return *(const u32u *)p; }
static inline void st4(uint8_t *p, uint32_t v) { *(u32u *)p = v; }

/* dst and src do not overlap */
static __attribute__((noinline)) void *bench_memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    if (n <= 16) {
        if (n >= 8) {
            uint64_t a = ld8(s), b = ld8(s + n - 8);
            st8(d, a);
            st8(d + n - 8, b);
        } else if (n >= 4) {
            uint32_t a = ld4(s), b = ld4(s + n - 4);
            st4(d, a);
            st4(d + n - 4, b);
        } else if (n) {
            uint8_t a = s[0], b = s[n / 2], c = s[n - 1];
            d[0] = a;
            d[n / 2] = b;
            d[n - 1] = c;
        }
        return dst;
    }
    if (n <= 64) {
        /* 16-byte pieces from the start, the last 16 bytes overlapping */
        uint64_t t0 = ld8(s + n - 16), t1 = ld8(s + n - 8);
        for (size_t i = 0; i + 16 < n; i += 16) {
            uint64_t a = ld8(s + i), b = ld8(s + i + 8);
            st8(d + i, a);
            st8(d + i + 8, b);
        }
        st8(d + n - 16, t0);
        st8(d + n - 8, t1);
        return dst;
    }
    /* the first 16 bytes, then 64-byte blocks from the 16-byte aligned
     * destination address after them, then the last 64 bytes overlapping */
    uint64_t h0 = ld8(s), h1 = ld8(s + 8);
    size_t skew = 16 - ((uintptr_t)d & 15);
    uint8_t *dd = d + skew;
    const uint8_t *ss = s + skew;
    uint8_t *end = d + n - 64;
    while (dd < end) {
        uint64_t a = ld8(ss), b = ld8(ss + 8), c = ld8(ss + 16), e = ld8(ss + 24);
        uint64_t f = ld8(ss + 32), g = ld8(ss + 40), h = ld8(ss + 48), k = ld8(ss + 56);
        st8(dd, a);
        st8(dd + 8, b);
        st8(dd + 16, c);
        st8(dd + 24, e);
        st8(dd + 32, f);
        st8(dd + 40, g);
        st8(dd + 48, h);
        st8(dd + 56, k);
        dd += 64;
        ss += 64;
    }
    const uint8_t *st = s + n - 64;
    uint64_t a = ld8(st), b = ld8(st + 8), c = ld8(st + 16), e = ld8(st + 24);
    uint64_t f = ld8(st + 32), g = ld8(st + 40), h = ld8(st + 48), k = ld8(st + 56);
    st8(d, h0);
    st8(d + 8, h1);
    st8(end, a);
    st8(end + 8, b);
    st8(end + 16, c);
    st8(end + 24, e);
    st8(end + 32, f);
    st8(end + 40, g);
    st8(end + 48, h);
    st8(end + 56, k);
    return dst;
}

/* any overlap: forward when dst < src, backward when dst > src, 8 bytes at a
 * time (each load before the store that could overwrite it) */
static __attribute__((noinline)) void *bench_memmove(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    if (d + n <= s || s + n <= d)
        return bench_memcpy(dst, src, n);
    if (d < s) {
        size_t i = 0;
        for (; i + 8 <= n; i += 8)
            st8(d + i, ld8(s + i));
        for (; i < n; i++)
            d[i] = s[i];
    } else if (d > s) {
        size_t i = n;
        for (; i >= 8; i -= 8)
            st8(d + i - 8, ld8(s + i - 8));
        while (i--)
            d[i] = s[i];
    }
    return dst;
}

static unsigned zva_size;   /* DC ZVA block size in bytes, 0 if prohibited */

static __attribute__((noinline)) void *bench_memset(void *dst, int value, size_t n)
{
    uint8_t *d = dst;
    uint64_t v = (uint8_t)value * 0x0101010101010101ull;
    if (n <= 16) {
        if (n >= 8) {
            st8(d, v);
            st8(d + n - 8, v);
        } else if (n >= 4) {
            st4(d, (uint32_t)v);
            st4(d + n - 4, (uint32_t)v);
        } else if (n) {
            d[0] = (uint8_t)v;
            d[n / 2] = (uint8_t)v;
            d[n - 1] = (uint8_t)v;
        }
        return dst;
    }
    st8(d, v);
    st8(d + 8, v);
    st8(d + n - 16, v);
    st8(d + n - 8, v);
    if (n <= 32)
        return dst;
    uint8_t *p = (uint8_t *)(((uintptr_t)d + 16) & ~(uintptr_t)15);
    uint8_t *end = d + n - 16;
    if (v == 0 && zva_size && n >= 256 && n >= 4 * zva_size) {
        /* zero up to the first block boundary, whole blocks with DC ZVA,
         * then the rest (the last 16 bytes are stored above) */
        uint8_t *b = (uint8_t *)(((uintptr_t)p + zva_size - 1) & ~(uintptr_t)(zva_size - 1));
        for (; p < b; p += 16) {
            st8(p, 0);
            st8(p + 8, 0);
        }
        for (; p + zva_size <= end; p += zva_size)
            __asm__ volatile("dc zva, %0" :: "r"(p) : "memory");
    }
    for (; p + 64 <= end; p += 64) {
        st8(p, v);
        st8(p + 8, v);
        st8(p + 16, v);
        st8(p + 24, v);
        st8(p + 32, v);
        st8(p + 40, v);
        st8(p + 48, v);
        st8(p + 56, v);
    }
    for (; p < end; p += 16) {
        st8(p, v);
        st8(p + 8, v);
    }
    return dst;
}

static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint32_t rng_next(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 32);
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    bench_mmu_build();
    bench_mmu_on();
    uint64_t dczid = read_sysreg(dczid_el0);
    zva_size = (dczid & 16) ? 0 : 4u << (dczid & 15);

    for (uint32_t i = 0; i < ARENA; i++)
        arena[i] = (uint8_t)(i * 7 + (i >> 9));

    uint64_t check = 0;
    uint32_t counts[3] = { 0, 0, 0 };
    for (uint32_t op = 0; op < OPS; op++) {
        uint32_t a = rng_next(), b = rng_next(), c = rng_next(), e = rng_next();
        uint32_t cls = a & 15, kind = (a >> 4) % 10;
        size_t n = cls < 7 ? 1 + (b & 63) : cls < 13 ? 65 + b % 960 : 1025 + b % 31744;
        uint8_t *half = arena + ((a >> 12) & 1) * HALF;
        uint8_t *other = arena + HALF - (half - arena);
        size_t align = (a >> 13) & 1 ? ~(size_t)15 : ~(size_t)0;   /* half of them 16-byte aligned */
        uint8_t *d;
        if (kind < 5) {                             /* memcpy: other half -> this half */
            d = half + (c % (HALF - n + 1) & align);
            bench_memcpy(d, other + (e % (HALF - n + 1) & align), n);
        } else if (kind < 8) {                      /* memset: zero half the time */
            d = half + (c % (HALF - n + 1) & align);
            bench_memset(d, (e & 1) ? (int)(e >> 8) : 0, n);
        } else {                                    /* memmove by -64..+64 */
            int shift = (int)(e % 129) - 64;
            size_t lo = 64, hi = HALF - n - 64;
            size_t s = (lo + c % (hi - lo + 1)) & align;
            d = half + s + shift;
            bench_memmove(d, half + s, n);
        }
        counts[kind < 5 ? 0 : kind < 8 ? 1 : 2]++;
        check = mix64(check ^ d[0] ^ ((uint64_t)d[n / 2] << 8) ^ ((uint64_t)d[n - 1] << 16) ^
                      ((uint64_t)n << 32));
    }
    uint64_t hash = 0;
    for (uint32_t i = 0; i < ARENA; i += 8)
        hash = mix64(hash ^ *(uint64_t *)(arena + i));

#ifdef SMALL
    const uint64_t want_check = 0xcf96a0c327e2cb82ULL, want_hash = 0x4f416d4b9f533b00ULL;
#else
    const uint64_t want_check = 0x5a9edafbca4eb536ULL, want_hash = 0xbbffcfcdee86ca4aULL;
#endif
    int ok = check == want_check && hash == want_hash;
    printf("bench memops: %u operations (%u memcpy, %u memset, %u memmove)\n", (unsigned)OPS,
           (unsigned)counts[0], (unsigned)counts[1], (unsigned)counts[2]);
    printf("check   0x%016llx\n", (unsigned long long)check);
    printf("arena   0x%016llx\n", (unsigned long long)hash);
    printf("%s\n", ok ? "bench memops: ok" : "bench memops: MISMATCH");
    return ok ? 0 : 1;
}
