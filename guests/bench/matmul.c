/*
 * matmul.c - double-precision matrix multiply, compiled with FP/SIMD (the
 * one bench guest built without -mgeneral-regs-only: guests/Makefile,
 * BENCH_FP_C; -O2 vectorises the inner loop into FMLA/FMUL/FADD on
 * V registers).  Every round computes C = A x B (N x N, i-k-j order), folds
 * the 64-bit patterns of C's elements into a hash, and makes the next A from
 * C: a = (int64)c mod 17 - 8 (FCVTZS, an integer remainder, SCVTF).
 *
 * The elements of A and B are integers in [-8, 8], so every product (at
 * most 64 in magnitude) and every partial sum (at most 64 N = 4096) is an
 * integer far below 2^53: each one is exact in double precision, whatever
 * the order of the additions, whether the compiler fuses them into FMAs or
 * splits them across vector lanes.  C is therefore exactly the integer
 * product, and its bit patterns are those of those integers: model.py
 * computes them with Python integers and struct.pack, a way that cannot
 * differ.  The MMU and caches are on (bench.h); A, B and C (96 KiB) are
 * larger than the modelled L1.
 *
 *   default:  ROUNDS = 120, about 84 million instructions
 *   -DSMALL:  ROUNDS = 40,  about 28 million
 * (a64emu's counter, --stats)
 */
#include <stdint.h>
#include "bench.h"
#include "exceptions.h"
#include "printf.h"

#ifdef SMALL
#define ROUNDS 40u
#else
#define ROUNDS 120u
#endif
#define N 64

static double A[N][N] __attribute__((aligned(64))), B[N][N] __attribute__((aligned(64))),
              C[N][N] __attribute__((aligned(64)));

static uint64_t rng_state = 0x0ddc0ffeebadf00dULL;

static int rng_small(void)          /* an integer in [-8, 8] */
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (int)((rng_state >> 33) % 17) - 8;
}

static __attribute__((noinline)) void matmul(double c[N][N], const double a[N][N], const double b[N][N])
{
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            c[i][j] = 0.0;
        for (int k = 0; k < N; k++) {
            double aik = a[i][k];
            for (int j = 0; j < N; j++)
                c[i][j] += aik * b[k][j];
        }
    }
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    bench_mmu_build();
    bench_mmu_on();

    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            A[i][j] = rng_small();
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            B[i][j] = rng_small();

    uint64_t h = 0xcbf29ce484222325ULL;
    for (uint32_t r = 0; r < ROUNDS; r++) {
        matmul(C, A, B);
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                union { double d; uint64_t u; } bits = { C[i][j] };
                h = (h ^ bits.u) * 0x100000001b3ULL;
                h ^= h >> 29;
                int64_t v = (int64_t)C[i][j] % 17;      /* C's values are integers */
                A[i][j] = (double)(v - 8);
            }
    }
    int64_t corner = (int64_t)C[N - 1][N - 1];

#ifdef SMALL
    const uint64_t want = 0x6bb21b0cddf70174ULL;
#else
    const uint64_t want = 0xfa8269bdd1aad23dULL;
#endif
    int ok = h == want;
    printf("bench matmul: %u rounds of %ux%u doubles\n", (unsigned)ROUNDS, (unsigned)N, (unsigned)N);
    printf("C[%u][%u] = %lld\n", (unsigned)(N - 1), (unsigned)(N - 1), (long long)corner);
    printf("bits    0x%016llx\n", (unsigned long long)h);
    printf("%s\n", ok ? "bench matmul: ok" : "bench matmul: MISMATCH");
    return ok ? 0 : 1;
}
