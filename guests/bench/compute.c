/*
 * compute.c - a compute-bound benchmark guest: every round runs a
 * table-driven CRC-32 over a 64 KiB buffer, a sieve of Eratosthenes and a
 * quicksort of freshly generated pseudo-random numbers.  It prints the
 * result checksums through the PL011 and exits 0 if they match the
 * constants below (computed independently, by a Python model), else 1.
 *
 *   default:  ROUNDS = 250, about 1.5 billion AArch64 instructions
 *   -DSMALL:  ROUNDS = 4,   about 23 million
 * (measured on QEMU with -icount shift=0, see MEASURE; about 5.8 million
 * instructions per round at -O2)
 *
 * Build with -DMMU (compute-mmu.elf) to run the same work with the EL1
 * stage-1 MMU and caches on, through guests/lib's identity map (4K pages
 * over the image, 2 MiB blocks beyond): the benchmark of translation's
 * cost (make bench compares it with the MMU-off run).
 *
 * Build with -DMEASURE to also print the instruction count that QEMU
 * reports through the virtual counter under `-icount shift=0` (one
 * instruction per nanosecond; CNTVCT ticks at CNTFRQ); that output is not
 * deterministic across machines, so it is off in the suite builds.
 */
#include <stdint.h>
#include "printf.h"
#include "string.h"
#ifdef MMU
#include "mmu.h"
#include "sysreg.h"
#endif

#ifdef SMALL
#define ROUNDS 4
#else
#define ROUNDS 250
#endif

#define BUF_SIZE   65536
#define SIEVE_BASE 150000
#define SORT_N     8192

static uint8_t  buf[BUF_SIZE];
static uint32_t crc_table[256];
static uint8_t  composite[SIEVE_BASE + ROUNDS * 64 + 1];
static uint32_t arr[SORT_N];

static uint64_t rng_state = 0x0123456789abcdefULL;

static uint32_t rng_next(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 32);
}

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? (c >> 1) ^ 0xedb88320u : c >> 1;
        crc_table[i] = c;
    }
}

/* zlib-compatible: crc_update(crc32 so far, data) */
static uint32_t crc_update(uint32_t crc, const uint8_t *p, uint32_t n)
{
    uint32_t c = ~crc;
    for (uint32_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return ~c;
}

/* number of primes <= n */
static uint32_t sieve(uint32_t n)
{
    memset(composite, 0, n + 1);
    uint32_t count = 0;
    for (uint32_t i = 2; i <= n; i++) {
        if (composite[i])
            continue;
        count++;
        for (uint64_t j = (uint64_t)i * i; j <= n; j += i)
            composite[j] = 1;
    }
    return count;
}

static void insertion_sort(uint32_t *v, long lo, long hi)
{
    for (long i = lo + 1; i <= hi; i++) {
        uint32_t x = v[i];
        long j = i - 1;
        while (j >= lo && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static void quicksort(uint32_t *v, long lo, long hi)
{
    while (hi - lo > 12) {
        long mid = lo + (hi - lo) / 2;
        uint32_t x = v[lo], y = v[mid], z = v[hi];
        uint32_t p = x < y ? (y < z ? y : (x < z ? z : x))
                           : (x < z ? x : (y < z ? z : y));
        long i = lo, j = hi;
        while (i <= j) {
            while (v[i] < p) i++;
            while (v[j] > p) j--;
            if (i <= j) {
                uint32_t t = v[i];
                v[i] = v[j];
                v[j] = t;
                i++;
                j--;
            }
        }
        if (j - lo < hi - i) {
            quicksort(v, lo, j);
            lo = i;
        } else {
            quicksort(v, i, hi);
            hi = j;
        }
    }
    insertion_sort(v, lo, hi);
}

#ifdef MEASURE
static uint64_t cntvct(void)
{
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
    return v;
}
static uint64_t cntfrq(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
    return v;
}
#endif

#ifdef MMU
static uint8_t pool[64 * 1024] __attribute__((aligned(65536)));

/* Identity map, MAIR/TCR/TTBR0, TLBI VMALLE1, then SCTLR_EL1.M, C, I. */
static void mmu_on(void)
{
    struct mmu_space s;
    mmu_pool_init(pool, sizeof pool);
    mmu_space_init(&s, MMU_G4K, 39, 1);
    mmu_map_identity(&s, MMU_REGIME_EL10, RAM_END_128M);
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT));
    write_sysreg(ttbr0_el1, mmu_root(&s));
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
}
#endif

int main(void)
{
#ifdef MMU
    mmu_on();
#endif
#ifdef MEASURE
    uint64_t t0 = cntvct();
#endif
    for (uint32_t i = 0; i < BUF_SIZE; i++)
        buf[i] = (uint8_t)(i * 31 + (i >> 7) + (i >> 13) * 5);
    crc_init();

    uint32_t crc = 0;
    uint64_t primes = 0;
    uint64_t sorted_sum = 0;
    int sorted_ok = 1;

    for (uint32_t r = 0; r < ROUNDS; r++) {
        buf[r % BUF_SIZE] ^= (uint8_t)(r + 1);
        crc = crc_update(crc, buf, BUF_SIZE);

        primes += sieve(SIEVE_BASE + r * 64);

        for (uint32_t i = 0; i < SORT_N; i++)
            arr[i] = rng_next();
        quicksort(arr, 0, SORT_N - 1);
        uint64_t s = 0;
        for (uint32_t i = 0; i < SORT_N; i++) {
            if (i && arr[i - 1] > arr[i])
                sorted_ok = 0;
            s += (uint64_t)arr[i] * (i + 1);
        }
        sorted_sum = (sorted_sum << 7 | sorted_sum >> 57) ^ s;
    }

#ifdef SMALL
    const uint32_t want_crc = 0x337f596e;
    const uint64_t want_primes = 55424;
    const uint64_t want_sort = 0xffa9515d96d06dc1ULL;
#else
    const uint32_t want_crc = 0x52803d4f;
    const uint64_t want_primes = 3628892;
    const uint64_t want_sort = 0xd663037ba66f1a80ULL;
#endif
    int ok = crc == want_crc && primes == want_primes &&
             sorted_sum == want_sort && sorted_ok;

    printf("bench compute: %u rounds\n", (unsigned)ROUNDS);
    printf("crc32   0x%08x\n", crc);
    printf("primes  %llu\n", (unsigned long long)primes);
    printf("sort    0x%016llx%s\n", (unsigned long long)sorted_sum,
           sorted_ok ? "" : " (NOT SORTED)");
#ifdef MEASURE
    uint64_t t1 = cntvct();
    printf("measure: %llu counter ticks at %llu Hz\n",
           (unsigned long long)(t1 - t0), (unsigned long long)cntfrq());
#endif
    printf("%s\n", ok ? "bench compute: ok" : "bench compute: MISMATCH");
    return ok ? 0 : 1;
}
